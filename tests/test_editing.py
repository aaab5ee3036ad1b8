"""Editing a registry in place (:func:`clac.edit`, ``clac proposal advance``): a transaction that
keeps the file as its people wrote it.

- the minimal change: comments, order, quoting and blank lines survive byte for byte outside
  the edited nodes (the ``clac demo`` and ``clac init`` files, TOML, JSON; a property over
  random edits);
- the transaction: an advisory lock on the file itself (no lock file left), a file changed
  meanwhile is refused, a lock held too long is a clear error, concurrent advances under real
  processes keep every event they report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import errno
import fcntl
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import clac
from clac.charter import Sector
from clac.cli import cli, main
from clac.editing import EditConflict, LockTimeout, RegistryEdit
from clac.errors import InvalidData
from clac.io import FileAccessError
from clac.model import Member, Organization, ProposalRecord, Scope
from clac.proposals import ProposalMachine, replace_proposal

DAY = dt.date(2026, 11, 2)

# A small registry with comments everywhere a person puts them: a header, above and beside
# keys, between list items, at the end. Quoting and flow style on purpose.
COMMENTED_YAML = """\
# Our coalition's registry. Keep this header.
clac: 1
name: 'CLAC test'   # the name we use

# ---- organizations ----
organizations:
  - {id: alpha, name: "Alpha (demo)", sector: ngo, scope: global}
  # Beta joined later.
  - id: beta
    name: Beta (demo)
    sector: hotline
    countries: [BR]
members:
  - organization: alpha
    joined: 2020-01-01
    representatives:
      - {name: Ana Demo, position: Lead, level: senior, email: ana@example.org}

# ---- proposals ----
proposals:
  - id: first
    title: First proposal
    proposer: alpha
  - id: second
    title: Second proposal
    proposer: alpha

# The end.
"""

COMMENTED_TOML = """\
# Our coalition's registry. Keep this header.
clac = 1
name = "CLAC test"  # the name we use

# ---- organizations ----
[[organizations]]
id = "alpha"
name = "Alpha (demo)"
sector = "ngo"
scope = "global"

[[organizations]]
id = "beta"  # joined later
name = "Beta (demo)"
sector = "hotline"
countries = ["BR"]

[[members]]
organization = "alpha"
joined = 2020-01-01
representatives = [
  { name = "Ana Demo", position = "Lead", level = "senior", email = "ana@example.org" },
]

# ---- proposals ----
[[proposals]]
id = "first"
title = "First proposal"
proposer = "alpha"

[[proposals]]
id = "second"
title = "Second proposal"
proposer = "alpha"
"""

COMMENTED = {"yaml": COMMENTED_YAML, "toml": COMMENTED_TOML}


def comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


def changes(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """The line changes from ``before`` to ``after``: (tag, removed lines, added lines)."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (tag, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def advance(path: Path, proposal: str, event: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - this interpreter, clac's own CLI
        [
            sys.executable,
            "-m",
            "clac",
            "proposal",
            "advance",
            str(path),
            proposal,
            event,
            "--actor",
            "alpha",
            "--date",
            DAY.isoformat(),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def submitted(coalition: clac.Coalition, proposal: str) -> clac.Coalition:
    index = [p.id for p in coalition.proposals].index(proposal)
    record = coalition.proposals[index]
    machine = ProposalMachine.restore(record, coalition, path=f"proposals[{index}]")
    return replace_proposal(coalition, machine.send("submit", actor="alpha", on=DAY))


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.yaml"
    path.write_text(COMMENTED_YAML, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ the minimal change


class TestTheMinimalChange:
    def test_advancing_a_demo_proposal_adds_its_event_and_changes_nothing_else(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "demo.yaml"
        runner = CliRunner()
        assert runner.invoke(cli, ["demo", "-o", str(path)]).exit_code == 0
        before = path.read_text(encoding="utf-8")
        result = runner.invoke(
            cli,
            [
                "proposal",
                "advance",
                str(path),
                "regional-helpline-directory",
                "revise",
                "--actor",
                "fondo-infancia",
                "--date",
                "2026-11-02",
                "--note",
                "second try",
            ],
        )
        assert result.exit_code == 0, result.output
        after = path.read_text(encoding="utf-8")
        assert changes(before, after) == [
            ("replace", ["    state: returned"], ["    state: draft"]),
            (
                "insert",
                [],
                [
                    "      - event: revise",
                    "        source: returned",
                    "        target: draft",
                    "        date: 2026-11-02",
                    "        actor: fondo-infancia",
                    "        note: second try",
                ],
            ),
        ]
        assert "FICTIONAL DATA" in after.splitlines()[2]
        assert comment_lines(after) == comment_lines(before)
        assert len(comment_lines(before)) > 60  # the demo's header, sections and notes

    def test_an_init_registry_keeps_every_comment_through_edits_and_an_advance(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "coalition.yaml"
        runner = CliRunner()
        result = runner.invoke(cli, ["init", str(path), "--records-since", "2026-01-01"])
        assert result.exit_code == 0, result.output
        written = path.read_text(encoding="utf-8")
        with clac.edit(path) as session:
            member = Member(organization="icmec", joined=dt.date(2026, 2, 1))
            proposal = ProposalRecord(id="directory", title="A directory", proposer="icmec")
            session.update(members=(member,), proposals=(proposal,))
        edited = path.read_text(encoding="utf-8")
        assert comment_lines(edited) == comment_lines(written)
        assert all(tag == "replace" for tag, _, _ in changes(written, edited))
        assert clac.load(path) == session.coalition
        result = runner.invoke(
            cli,
            [
                *("proposal", "advance", str(path), "directory", "submit"),
                *("--actor", "icmec", "--date", "2026-03-01"),
            ],
        )
        assert result.exit_code == 0, result.output
        advanced = path.read_text(encoding="utf-8")
        assert comment_lines(advanced) == comment_lines(written)
        kinds = [(tag, removed) for tag, removed, _ in changes(edited, advanced)]
        assert [tag for tag, _ in kinds] == ["replace", "insert"] or [tag for tag, _ in kinds] == [
            "replace"
        ]
        assert clac.load(path).proposal("directory").history[-1].date == dt.date(2026, 3, 1)

    @pytest.mark.parametrize("file_format", ["yaml", "toml"])
    def test_an_advance_changes_the_state_and_appends_the_event_only(
        self, tmp_path: Path, file_format: str
    ) -> None:
        path = tmp_path / f"registry.{file_format}"
        path.write_text(COMMENTED[file_format], encoding="utf-8")
        result = advance(path, "first", "submit")
        assert result.returncode == 0, result.stderr
        after = path.read_text(encoding="utf-8")
        found = changes(COMMENTED[file_format], after)
        assert all(tag == "insert" for tag, _, _ in found), found
        added = [line for _, _, lines in found for line in lines]
        assert any("submitted" in line for line in added)
        assert after.startswith("# Our coalition's registry. Keep this header.\n")
        assert comment_lines(after) == comment_lines(COMMENTED[file_format])
        assert clac.load(path).proposal("first").state.value == "submitted"
        assert clac.load(path).proposal("second").history == ()

    def test_a_json_registry_keeps_its_key_order_and_indentation(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.json"
        coalition = clac.loads(COMMENTED_YAML, "yaml")
        data = json.loads(clac.dumps(coalition, "json"))
        data = {"name": data.pop("name"), **data}  # an order clac would not write
        text = json.dumps(data, indent=4, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        with clac.edit(path) as session:
            session.coalition = submitted(session.coalition, "first")
        after = path.read_text(encoding="utf-8")
        assert after.startswith('{\n    "name": "CLAC test",\n    "clac": 1,')
        found = changes(text, after)
        assert {tag for tag, _, _ in found} <= {"replace", "insert"}
        removed = [line for _, lines, _ in found for line in lines]
        assert removed == ['            "state": "draft",', '            "history": [],']
        assert clac.load(path) == session.coalition

    def test_a_file_clac_dump_wrote_keeps_the_lines_its_writer_folded(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        coalition = clac.loads(COMMENTED_YAML, "yaml")
        long_name = "Organización Ficticia de Ejemplo para la Protección de la Niñez (demo) " * 2
        beta = attrs.evolve(coalition.organizations[1], name=long_name.strip())
        clac.dump(coalition.evolve(organizations=(coalition.organizations[0], beta)), path)
        before = path.read_text(encoding="utf-8")
        assert any(line.startswith("    ") for line in before.splitlines())  # folded by PyYAML
        with clac.edit(path) as session:
            session.coalition = submitted(session.coalition, "second")
        after = path.read_text(encoding="utf-8")
        removed = [line.strip() for _, lines, _ in changes(before, after) for line in lines]
        assert removed == ["state: draft", "history: []"]
        folded = [line for line in before.splitlines() if line.startswith("    ")]
        assert all(line in after.splitlines() for line in folded)
        assert clac.load(path) == session.coalition

    def test_aliases_are_kept_and_read_as_before(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        text = COMMENTED_YAML.replace(
            "    countries: [BR]\n",
            "    countries: &where [BR]\n"
            "  - {id: gamma, name: Gamma (demo), sector: hotline, countries: *where}\n",
        )
        path.write_text(text, encoding="utf-8")
        with clac.edit(path) as session:
            session.coalition = submitted(session.coalition, "first")
            session.update(name="CLAC renamed")
        after = path.read_text(encoding="utf-8")
        assert "countries: &where [BR]" in after
        assert "countries: *where}" in after
        assert comment_lines(after)[2:] == comment_lines(text)[2:]
        assert clac.load(path) == session.coalition

    @pytest.mark.parametrize("file_format", ["yaml", "toml"])
    def test_a_byte_order_mark_and_windows_line_ends_are_kept(
        self, tmp_path: Path, file_format: str
    ) -> None:
        path = tmp_path / f"registry.{file_format}"
        written = "\ufeff" + COMMENTED[file_format].replace("\n", "\r\n")
        path.write_bytes(written.encode("utf-8"))
        with clac.edit(path) as session:
            session.coalition = submitted(session.coalition, "first")
        after = path.read_bytes().decode("utf-8")
        assert after.startswith("\ufeff# Our coalition's registry. Keep this header.\r\n")
        assert after.count("\n") == after.count("\r\n")
        assert all(tag == "insert" for tag, _, _ in changes(written, after))
        assert clac.load(path) == session.coalition

    def test_an_edit_never_drops_or_redacts_personal_data(self, registry: Path) -> None:
        with clac.edit(registry) as session:
            session.update(name="CLAC test 2")
        text = registry.read_text(encoding="utf-8")
        assert "ana@example.org" in text
        assert "Ana Demo" in text
        assert clac.load(registry).members[0].representatives[0].email == "ana@example.org"

    def test_a_new_value_yaml_1_1_reads_otherwise_is_quoted(self, registry: Path) -> None:
        with clac.edit(registry) as session:
            session.update(name="no")
        assert clac.load(registry).name == "no"

    def test_an_edit_that_changes_nothing_writes_nothing(self, registry: Path) -> None:
        before = registry.stat()
        with clac.edit(registry) as session:
            session.update(name="CLAC test")
            assert not session.changed
        after = registry.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# --------------------------------------------------------------------------- the transaction


class TestTheTransaction:
    def test_a_file_changed_since_it_was_read_is_not_overwritten(self, registry: Path) -> None:
        meanwhile = COMMENTED_YAML.replace("CLAC test", "CLAC changed elsewhere")

        def edit_while_another_program_writes() -> None:
            with clac.edit(registry) as session:
                session.update(name="CLAC mine")
                registry.write_text(meanwhile, encoding="utf-8")  # an editor, git checkout …

        with pytest.raises(EditConflict, match="changed since this edit read it") as caught:
            edit_while_another_program_writes()
        assert caught.value.value == str(registry)
        assert registry.read_text(encoding="utf-8") == meanwhile

    def test_a_lock_held_too_long_is_a_clear_error_and_nothing_is_written(
        self, registry: Path
    ) -> None:
        def edit_at_once() -> None:
            with clac.edit(registry, timeout=0.2):
                pytest.fail("the edit must not begin")  # pragma: no cover

        with held(registry):
            with pytest.raises(LockTimeout, match=r"gave up waiting for its lock after 0\.2"):
                edit_at_once()
            result = advance(registry, "first", "submit", "--lock-timeout", "0.2")
        assert result.returncode == 2
        assert "is being edited by another process" in result.stderr
        assert "Traceback" not in result.stderr
        assert registry.read_text(encoding="utf-8") == COMMENTED_YAML

    def test_no_lock_or_temporary_file_is_left_behind(self, registry: Path) -> None:
        with clac.edit(registry) as session:
            session.update(name="CLAC renamed")
        assert [p.name for p in registry.parent.iterdir()] == [registry.name]

    def test_a_block_that_raises_writes_nothing_and_releases_the_lock(self, registry: Path) -> None:
        def fail_midway() -> None:
            with clac.edit(registry) as session:
                session.update(name="never written")
                raise KeyError

        with pytest.raises(KeyError):
            fail_midway()
        assert registry.read_text(encoding="utf-8") == COMMENTED_YAML
        with clac.edit(registry, timeout=0) as session:
            session.update(name="written")
        assert clac.load(registry).name == "written"

    def test_the_file_keeps_its_permissions_and_a_link_stays_a_link(self, registry: Path) -> None:
        registry.chmod(0o640)
        link = registry.with_name("link.yaml")
        link.symlink_to(registry.name)
        with clac.edit(link) as session:
            session.update(name="through the link")
        assert link.is_symlink()
        assert registry.stat().st_mode & 0o777 == 0o640
        assert clac.load(registry).name == "through the link"

    def test_an_edit_waiting_for_the_lock_reads_what_the_first_one_wrote(
        self, registry: Path
    ) -> None:
        entered, results = threading.Event(), []

        def second() -> None:
            entered.wait()
            with clac.edit(registry, timeout=30) as session:
                session.coalition = submitted(session.coalition, "second")
            results.append(session)

        thread = threading.Thread(target=second)
        thread.start()
        with clac.edit(registry) as first:
            entered.set()
            first.coalition = submitted(first.coalition, "first")
        thread.join()
        final = clac.load(registry)
        assert [p.state.value for p in final.proposals] == ["submitted", "submitted"]
        assert isinstance(results[0], RegistryEdit)

    def test_a_coalition_no_file_can_hold_is_refused_before_writing(self, registry: Path) -> None:
        def break_a_line() -> None:
            with clac.edit(registry) as session:
                session.update(name="line\nbreak")

        with pytest.raises(clac.ClacError):
            break_a_line()
        assert registry.read_text(encoding="utf-8") == COMMENTED_YAML

    @pytest.mark.parametrize("timeout", [-1, float("nan"), "10", True])
    def test_a_timeout_must_be_a_number_of_seconds(self, registry: Path, timeout: object) -> None:
        def edit_with_timeout() -> None:
            with clac.edit(registry, timeout=timeout):  # type: ignore[arg-type]
                pytest.fail("the edit must not begin")  # pragma: no cover

        with pytest.raises(InvalidData, match="timeout"):
            edit_with_timeout()

    def test_a_file_system_without_locks_is_a_clear_error(
        self, registry: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def no_locks(_descriptor: int, _operation: int) -> None:
            raise OSError(errno.ENOLCK, "No locks available")

        monkeypatch.setattr(fcntl, "flock", no_locks)
        with pytest.raises(FileAccessError, match="cannot be locked for editing"):
            edit_name(registry)
        assert registry.read_text(encoding="utf-8") == COMMENTED_YAML

    def test_the_session_takes_only_a_coalition(self, registry: Path) -> None:
        with clac.edit(registry) as session, pytest.raises(TypeError, match="Coalition"):
            session.coalition = "not a coalition"  # type: ignore[assignment]


@pytest.fixture
def many_drafts(tmp_path: Path) -> Path:
    path = tmp_path / "registry.yaml"
    drafts = "".join(
        f"  - id: p{n}\n    title: Proposal {n}\n    proposer: alpha\n" for n in range(20)
    )
    path.write_text(
        COMMENTED_YAML.split("proposals:\n", maxsplit=1)[0]
        + "proposals:\n"
        + drafts
        + "# The end.\n",
        encoding="utf-8",
    )
    return path


def forked_advance(path: Path, proposal: str) -> tuple[int, int]:
    """Run ``clac proposal advance`` on ``path`` in a forked process (clac already imported, so
    that many start at once); return its pid and the read end of its output."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 3
        try:
            os.dup2(writer, 1)
            os.dup2(writer, 2)
            sys.stdout = os.fdopen(1, "w", closefd=False)
            sys.stderr = os.fdopen(2, "w", closefd=False)
            main(
                [
                    *("proposal", "advance", str(path), proposal, "submit"),
                    *("--actor", "alpha", "--date", DAY.isoformat(), "--lock-timeout", "120"),
                ]
            )
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else 3
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    os.close(writer)
    return pid, reader


def finished(pid: int, reader: int) -> tuple[int, str]:
    with os.fdopen(reader, encoding="utf-8") as output:
        text = output.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), text


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks real processes (POSIX)")
class TestConcurrentAdvances:
    def test_ten_pairs_of_concurrent_advances_keep_every_event_they_report(
        self, many_drafts: Path, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        warm = tmp_path_factory.mktemp("warm") / "registry.yaml"
        warm.write_bytes(many_drafts.read_bytes())
        with clac.edit(warm) as session:  # what every child does, done once before forking
            session.coalition = submitted(session.coalition, "p0")
        children = [forked_advance(many_drafts, f"p{n}") for n in range(20)]
        outcomes = [finished(pid, reader) for pid, reader in children]
        final = clac.load(many_drafts)
        for n, (status, output) in enumerate(outcomes):
            state = final.proposal(f"p{n}").state.value
            if status == 0:
                assert "wrote" in output
                assert state == "submitted", f"p{n} reported written but its event is lost"
            else:  # refused clearly, never half-done
                assert status == 2, output
                assert "edit" in output
                assert state == "draft"
        assert sum(status == 0 for status, _ in outcomes) >= 1
        assert comment_lines(many_drafts.read_text(encoding="utf-8")) == comment_lines(
            COMMENTED_YAML
        )
        assert [p.name for p in many_drafts.parent.iterdir()] == [many_drafts.name]


# ---------------------------------------------------------------------------- random edits

_NAMES = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=20
).filter(lambda s: s == s.strip())
_TRICKY = st.sampled_from(
    ["no", "yes", "on", "~", "null", "1:20", "0x1F", "2024-01-01", "a: b", "#x"]
)


@st.composite
def edits(draw: st.DrawFn, base: clac.Coalition) -> clac.Coalition:
    """A random edit of ``base``: renamed, organizations renamed, added, removed, proposals
    advanced or added."""
    coalition = base
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["name", "rename", "add", "remove", "submit", "propose"]))
        organizations = list(coalition.organizations)
        if action == "name":
            coalition = coalition.evolve(name=draw(_NAMES | _TRICKY))
        elif action == "rename":
            index = draw(st.integers(0, len(organizations) - 1))
            renamed = attrs.evolve(organizations[index], name=draw(_NAMES | _TRICKY))
            organizations[index] = renamed
            coalition = coalition.evolve(organizations=tuple(organizations))
        elif action == "add":
            new_id = f"org-{len(organizations)}-{draw(st.integers(0, 999))}"
            if new_id not in {o.id for o in organizations}:
                added = Organization(
                    id=new_id, name=draw(_NAMES | _TRICKY), sector=Sector.NGO, scope=Scope.GLOBAL
                )
                position = draw(st.integers(0, len(organizations)))
                organizations.insert(position, added)
                coalition = coalition.evolve(organizations=tuple(organizations))
        elif action == "remove":
            used = {"alpha", "beta"}
            removable = [o for o in organizations if o.id not in used]
            if removable:
                gone = draw(st.sampled_from(removable))
                coalition = coalition.evolve(
                    organizations=tuple(o for o in organizations if o is not gone)
                )
        elif action == "submit":
            drafts = [p.id for p in coalition.proposals if p.state.value == "draft"]
            if drafts:
                coalition = submitted(coalition, draw(st.sampled_from(drafts)))
        else:
            title = draw(_NAMES | _TRICKY)
            new = ProposalRecord(id=f"p-{len(coalition.proposals)}", title=title, proposer="alpha")
            coalition = coalition.evolve(proposals=(*coalition.proposals, new))
    return coalition


class TestRandomEdits:
    @pytest.mark.parametrize("file_format", ["yaml", "toml", "json"])
    @settings(max_examples=15)
    @given(data=st.data())
    def test_the_file_loads_as_the_edited_coalition_and_every_comment_survives(
        self, tmp_path_factory: pytest.TempPathFactory, file_format: str, data: st.DataObject
    ) -> None:
        if file_format == "json":
            text = clac.dumps(clac.loads(COMMENTED_YAML, "yaml"), "json")
        else:
            text = COMMENTED[file_format]
        path = tmp_path_factory.mktemp("edit") / f"registry.{file_format}"
        path.write_text(text, encoding="utf-8")
        base = clac.load(path)
        wanted = data.draw(edits(base))
        with clac.edit(path) as session:
            session.coalition = wanted
        assert clac.load(path) == wanted
        after = path.read_text(encoding="utf-8")
        for line in comment_lines(text):
            assert line.split("#", 1)[1] in after


def edit_name(path: Path) -> None:
    with clac.edit(path) as session:
        session.update(name="renamed")


@contextlib.contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock an edit of ``path`` takes, as another edit would."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
