"""Hostile outputs and options, through the ``clac`` command in this process: an output that
is one of the command's inputs (directly, through a symbolic link or a hard link), a FIFO, a
device or standard output as the output, and option values that are valid to type but
extreme. Each is a result or exit status 2 naming what is wrong — never exit status 3, never
a file replaced that was not the command's to replace.

The same classes through real processes (broken pipes, Ctrl-C, file-size limits, full
devices, closed streams) are in ``tests/test_faults.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import threading
from pathlib import Path

import pytest

from clac import _inputs
from clac.cli import main
from clac.errors import CrossReferenceError
from clac.io import (
    FileAccessError,
    _files,
    load,
    load_survey,
    loads_survey,
    may_replace,
    write_atomically,
)
from clac.io._survey import COLUMNS, MAX_SURVEY_PROBLEMS

HERE = Path(__file__).parent
MINIMAL = HERE / "data" / "valid-minimal.yaml"
SURVEY = HERE.parent / "src" / "clac" / "data" / "partnership_survey.csv"
# A framework data file: a shipped one under an id of its own.
FRAMEWORK = (
    (HERE.parent / "src" / "clac" / "frameworks" / "data" / "budapest.yaml")
    .read_text(encoding="utf-8")
    .replace("\nid: budapest\n", "\nid: hostile-framework\n")
)


def clac(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``clac ARGS`` through the function the console script calls: status, out, err."""
    try:
        main(args)
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else 1
    else:  # pragma: no cover - main always leaves through SystemExit
        status = 0
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry of ``folder``: its inode and its bytes (or where a link points)."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if entry.is_symlink():
            out[entry.name] = (info.st_ino, str(entry.readlink()))
        elif stat.S_ISREG(info.st_mode):
            out[entry.name] = (info.st_ino, entry.read_bytes())
        else:
            out[entry.name] = (info.st_ino, stat.filemode(info.st_mode))
    return out


def linked(kind: str, source: Path, name: str) -> Path:
    """A path naming ``source``: itself, a symbolic link to it or a hard link to it."""
    if kind == "itself":
        return source
    target = source.with_name(name)
    if kind == "symbolic link":
        target.symlink_to(source.name)
    else:
        os.link(source, target)
    return target


# What each command reads, and how it is told to write: {registry}, {framework}, {survey}
# are the inputs, {out} the output (a name with the suffix the command wants).
READERS = {
    "network --export json": (
        ["network", "{registry}", "--export", "json", "-o", "{out}"],
        ".json",
    ),
    "network -o .gexf": (
        ["network", "{registry}", "--export", "gexf", "-o", "{out}"],
        ".gexf",
    ),
    "calendar": (["calendar", "{registry}", "-o", "{out}"], ".ics"),
    "gaps": (["gaps", "{registry}", "-o", "{out}"], ".md"),
    "report annual": (["report", "annual", "--year", "2020", "{registry}", "-o", "{out}"], ".html"),
    "evidence export": (["evidence", "export", "{registry}", "-o", "{out}"], ".csv"),
    "network survey --picture": (
        ["network", "survey", "{registry}", "{survey}", "--picture", "{out}"],
        ".png",
    ),
}
INPUTS = ["registry", "survey"]


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    registry = tmp_path / "registry.yaml"
    shutil.copyfile(MINIMAL, registry)
    survey = tmp_path / "survey.csv"
    survey.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    framework = tmp_path / "framework.yaml"
    framework.write_text(FRAMEWORK, encoding="utf-8")
    return {"registry": registry, "survey": survey, "framework": framework}


class TestTheOutputIsAnInput:
    """``-o`` naming a file the command reads is refused, and nothing changes."""

    @pytest.mark.parametrize("kind", ["symbolic link", "hard link"])
    @pytest.mark.parametrize("command", sorted(READERS))
    def test_the_registry_under_another_name_is_refused(
        self,
        command: str,
        kind: str,
        inputs: dict[str, Path],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        args, suffix = READERS[command]
        out = linked(kind, inputs["registry"], "output" + suffix)
        before = snapshot(out.parent)
        status, _, err = clac([a.format(**inputs, out=out) for a in args], capsys)
        assert status == 2, err
        assert "a file this command reads" in err
        assert "Traceback" not in err
        assert snapshot(out.parent) == before

    @pytest.mark.parametrize("kind", ["itself", "symbolic link", "hard link"])
    def test_a_json_registry_is_never_overwritten_by_its_own_export(
        self, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        registry = tmp_path / "registry.json"
        assert clac(["demo", "-o", str(registry)], capsys)[0] == 0
        out = linked(kind, registry, "export.json")
        before = snapshot(tmp_path)
        status, _, err = clac(
            ["network", str(registry), "--export", "json", "-o", str(out)], capsys
        )
        assert (status, err.count("\n")) == (2, 1), err
        assert snapshot(tmp_path) == before

    def test_the_survey_a_command_reads_is_an_input_too(
        self, inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = linked("hard link", inputs["survey"], "picture.png")
        before = snapshot(out.parent)
        args = ["network", "survey", str(inputs["registry"]), str(inputs["survey"])]
        status, _, err = clac([*args, "--picture", str(out)], capsys)
        assert status == 2, err
        assert "'survey.csv'" in err or "survey.csv" in err
        assert snapshot(out.parent) == before

    def test_a_framework_file_the_command_reads_is_an_input_too(
        self, inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = linked("symbolic link", inputs["framework"], "gaps.md")
        before = snapshot(out.parent)
        status, _, err = clac(
            [
                "--framework-file",
                str(inputs["framework"]),
                "gaps",
                str(inputs["registry"]),
                "-f",
                "hostile-framework",
                "-o",
                str(out),
            ],
            capsys,
        )
        assert status == 2, err
        assert "a file this command reads" in err
        assert snapshot(out.parent) == before

    def test_clacs_own_files_are_never_written(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        shipped = HERE.parent / "src" / "clac" / "data" / "demo.yaml"
        before = shipped.read_bytes()
        status, _, err = clac(["demo", "--force", "-o", str(shipped)], capsys)
        assert status == 2, err
        assert "clac's own package" in err
        assert shipped.read_bytes() == before

    def test_an_edit_in_place_says_so_and_may_write_its_own_file(
        self, inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        registry = inputs["registry"]
        args = ["proposal", "advance", str(registry), "p1", "share"]
        status, _, err = clac([*args, "--actor", "linea-ficticia", "--date", "2020-03-01"], capsys)
        assert status == 0, err
        assert load(registry).proposals[0].state.value == "shared"

    def test_an_evidence_import_edits_its_registry_in_place(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        registry, table = tmp_path / "registry.yaml", tmp_path / "evidence.csv"
        assert clac(["demo", "-o", str(registry)], capsys)[0] == 0
        assert clac(["evidence", "export", str(registry), "-o", str(table)], capsys)[0] == 0
        status, out, err = clac(["evidence", "import", str(table), "--into", str(registry)], capsys)
        assert status == 0, err
        assert "already held" in out


class TestTheOneWriterGuardsInputs:
    """The guard is the writer's: any caller within ``guarding_inputs`` has it."""

    def test_a_file_read_within_the_guard_is_refused_under_any_name(self, tmp_path: Path) -> None:
        registry = tmp_path / "registry.yaml"
        shutil.copyfile(MINIMAL, registry)
        hard = tmp_path / "hard.yaml"
        os.link(registry, hard)
        with _inputs.guarding_inputs():
            load(registry)
            assert _inputs.inputs_read() == [str(registry)]
            with pytest.raises(FileAccessError, match="a file this command reads"):
                write_atomically(hard, "x")
            may_replace(registry)  # an edit in place, said so
            write_atomically(hard, MINIMAL.read_bytes())
        assert registry.read_bytes() == MINIMAL.read_bytes()

    def test_outside_the_guard_a_program_may_write_back_what_it_read(self, tmp_path: Path) -> None:
        registry = tmp_path / "registry.yaml"
        shutil.copyfile(MINIMAL, registry)
        load(registry)
        write_atomically(registry, MINIMAL.read_bytes())
        assert not _inputs.guarding()


@pytest.fixture
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def reading(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """A thread reading ``path`` (a FIFO) to its end, as another program would."""
    got: list[bytes] = []

    def read() -> None:
        with path.open("rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def character_device(tmp_path: Path, minor: int) -> Path:
    """A null (minor 3) or full (minor 7) device: the system's for a user who cannot replace
    it; as root, a node made in ``tmp_path`` (a regression must never replace /dev/null)."""
    if os.geteuid() != 0:
        return Path("/dev/null" if minor == 3 else "/dev/full")
    node = tmp_path / f"device-{minor}"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        with node.open("wb"):
            pass
    except OSError as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return node


class TestSpecialFiles:
    """A FIFO or a device is written as a stream, never replaced; ``-`` is standard output."""

    @pytest.mark.parametrize(
        "args",
        [
            ["schema", "-o", "{out}"],
            ["network", str(MINIMAL), "--export", "json", "-o", "{out}"],
            ["calendar", str(MINIMAL), "-o", "{out}"],
        ],
        ids=["schema", "network", "calendar"],
    )
    def test_a_fifo_is_written_through_and_stays_a_fifo(
        self, args: list[str], fifo: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        thread, got = reading(fifo)
        status, _, err = clac([a.format(out=fifo) for a in args], capsys)
        thread.join(timeout=60)
        assert status == 0, err
        assert got
        assert got[0]
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

    def test_a_fifo_nobody_reads_is_refused_in_bounded_time(
        self, fifo: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(_files, "FIFO_WAIT", 0.05)
        with pytest.raises(FileAccessError, match="no program opened for reading"):
            write_atomically(fifo, "data")
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

    @pytest.mark.parametrize(
        "args",
        [
            ["network", str(MINIMAL), "--export", "json"],
            ["gaps", str(MINIMAL)],  # no suffix to name a format: Markdown, as without -o
            ["report", "annual", "--year", "2020", str(MINIMAL)],
            ["demo"],
        ],
        ids=["network", "gaps", "report", "demo"],
    )
    def test_the_null_device_is_written_not_replaced(
        self, args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        null = character_device(tmp_path, 3)
        status, _, err = clac([*args, "-o", str(null)], capsys)
        assert status == 0, err
        assert stat.S_ISCHR(null.lstat().st_mode)

    def test_a_full_device_is_exit_2_naming_it_and_stays_a_device(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        full = character_device(tmp_path, 7)
        status, _, err = clac(["schema", "-o", str(full)], capsys)
        assert status == 2
        assert "no space left on the device" in err
        assert full.name in err
        assert stat.S_ISCHR(full.lstat().st_mode)

    @pytest.mark.parametrize("output", ["-", "/dev/stdout"])
    @pytest.mark.parametrize(
        ("args", "start"),
        [
            (["network", str(MINIMAL), "--export", "json"], '{\n  "directed"'),
            (["calendar", str(MINIMAL)], "BEGIN:VCALENDAR"),
            (["gaps", str(MINIMAL)], "## ICMEC legislation ("),  # nothing assessed: said so
            (["report", "annual", "--year", "2020", str(MINIMAL)], "# Annual report 2020"),
            (["demo"], "# CLAC demonstration registry"),
            (["schema"], "{"),
        ],
        ids=["network", "calendar", "gaps", "report", "demo", "schema"],
    )
    @pytest.mark.usefixtures("in_tmp_path")
    def test_dash_and_dev_stdout_are_standard_output(
        self, args: list[str], start: str, output: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        tmp_path = Path.cwd()
        status, out, err = clac([*args, "-o", output], capsys)
        assert status == 0, err
        assert out.startswith(start)
        assert "wrote" not in out  # what the command says goes to standard error
        assert list(tmp_path.iterdir()) == []

    def test_a_symbolic_link_to_standard_output_is_standard_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        link = tmp_path / "out.json"
        link.symlink_to("/dev/stdout")
        status, out, err = clac(["schema", "-o", str(link)], capsys)
        assert status == 0, err
        assert out.startswith("{")
        assert link.is_symlink()

    def test_a_picture_is_not_written_to_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        class Terminal:
            def isatty(self) -> bool:
                return True

            def write(self, text: str) -> int:  # pragma: no cover - never reached
                raise AssertionError(text)

            def flush(self) -> None:
                return None

        monkeypatch.setattr("sys.stdout", Terminal())
        with _inputs.guarding_inputs(), pytest.raises(FileAccessError, match="is a terminal"):
            write_atomically("-", b"\x89PNG\r\n\x1a\n\xff")


DAY_OPTIONS = [
    ["check", str(MINIMAL), "--as-of", "{day}"],
    ["calendar", str(MINIMAL), "--as-of", "{day}"],
    ["calendar", str(MINIMAL), "--end", "{day}"],
    ["gaps", str(MINIMAL), "--as-of", "{day}"],
    ["gaps", str(MINIMAL), "--since", "{day}"],
    ["report", "annual", "--year", "2020", str(MINIMAL), "--as-of", "{day}"],
    ["network", str(MINIMAL), "--as-of", "{day}"],
    ["network", "survey", str(MINIMAL), "--as-of", "{day}"],
    ["init", "{tmp}/new.yaml", "--records-since", "{day}"],
    ["proposal", "advance", "{tmp}/r.yaml", "p1", "share", "--actor", "icmec", "--date", "{day}"],
]


class TestExtremeValues:
    """Values valid to type but extreme: a result, or exit 2 naming the option or field."""

    @pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
    @pytest.mark.parametrize("args", DAY_OPTIONS, ids=lambda a: " ".join(a[:2]) + " " + a[-2])
    def test_a_day_past_those_clac_handles_is_exit_2_naming_the_option(
        self, args: list[str], day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        shutil.copyfile(MINIMAL, tmp_path / "r.yaml")
        status, _, err = clac([a.format(day=day, tmp=tmp_path) for a in args], capsys)
        assert status == 2, err
        option = next(a for a in args if a.startswith("--") and "{day}" in args[args.index(a) + 1])
        assert f"'{option}'" in err
        assert "is outside the days clac handles" in err

    @pytest.mark.parametrize(
        "args",
        [
            ["check", "{file}", "--as-of", "2999-12-31"],
            ["calendar", "{file}", "--start", "1900-01-01", "--end", "2999-12-31"],
            ["report", "annual", "--year", "2999", "--as-of", "2999-12-31", "{file}"],
            ["gaps", "{file}", "--as-of", "2999-12-31", "--since", "1900-01-01"],
        ],
        ids=["check", "calendar", "report", "gaps"],
    )
    def test_the_last_day_clac_handles_gives_a_result(
        self, args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # Records beginning on the last day: every deadline computed from it is past it.
        registry = tmp_path / "r.yaml"
        assert clac(["init", str(registry), "--records-since", "2999-12-31"], capsys)[0] == 0
        status, _, err = clac([a.format(file=registry) for a in args], capsys)
        assert status in {0, 1}, err

    @pytest.mark.parametrize("shift", [2999 - 2026, 1900 - 2016], ids=["to 2999", "from 1900"])
    @pytest.mark.parametrize("command", [["check"], ["calendar"], ["proposal", "list"]])
    def test_every_record_at_either_end_of_the_days_clac_handles_gives_a_result(
        self, shift: int, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # The demo registry with every year moved, so that its records run up to 2999-12-31
        # or begin on 1900-01-01: deadlines past the last day, events before the charter.
        demo_file = tmp_path / "demo.yaml"
        assert clac(["demo", "-o", str(demo_file)], capsys)[0] == 0
        text = re.sub(
            r"(?<![\d.])(20[12]\d)(?=-\d\d|\b)",
            lambda found: str(int(found[1]) + shift),
            demo_file.read_text(encoding="utf-8"),
        )
        moved = tmp_path / "moved.yaml"
        moved.write_text(text, encoding="utf-8")
        status, _, err = clac([*command, str(moved)], capsys)
        assert status in {0, 1}, err

    @pytest.mark.parametrize("size", ["inf", "1e30", "Infinity", "1e400", str(10**40)])
    def test_a_size_limit_past_what_a_machine_holds_reads_the_file(
        self, size: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("CLAC_MAX_SIZE", size)
        status, _, err = clac(["check", str(MINIMAL)], capsys)
        assert status in {0, 1}, err
        status, _, err = clac(["check", str(MINIMAL), "--max-size", size], capsys)
        assert status in {0, 1}, err

    @pytest.mark.parametrize("size", ["nan", "-inf", "0", "-1"])
    def test_a_size_limit_that_is_no_size_is_exit_2_naming_the_option(
        self, size: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, _, err = clac(["check", str(MINIMAL), "--max-size", size], capsys)
        assert status == 2
        assert "'--max-size'" in err

    @pytest.mark.parametrize("seed", ["-1", str(2**64), str(-(2**70))])
    def test_any_whole_seed_is_a_seed(
        self, seed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "n.json"
        args = ["network", str(MINIMAL), "--seed", seed, "--export", "json", "-o", str(out)]
        status, _, err = clac(args, capsys)
        assert status == 0, err
        assert out.stat().st_size > 0

    @pytest.mark.parametrize("name", ["a" * 256 + ".json", "é" * 130 + ".json"])
    def test_an_output_name_past_name_max_is_exit_2_naming_it(
        self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, _, err = clac(["schema", "-o", str(tmp_path / name)], capsys)
        assert status == 2, err
        assert "its name is too long" in err
        assert list(tmp_path.iterdir()) == []

    def test_a_name_just_under_name_max_is_written(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / ("a" * 250 + ".json")  # its temporary file's name would be longer
        status, _, err = clac(["schema", "-o", str(out)], capsys)
        assert status == 0, err
        assert [p.name for p in tmp_path.iterdir()] == [out.name]


class TestRepeatedSurveyRows:
    def test_a_million_copies_of_one_row_are_refused_after_the_first_problems(self) -> None:
        header = ",".join(COLUMNS)
        row = "2024-03-01,a,b,never,none,,,,,,,,"
        with pytest.raises(CrossReferenceError) as caught:
            loads_survey(header + "\n" + (row + "\n") * 1_000_000, source="s.csv")
        problems = caught.value.problems
        assert len(problems) == MAX_SURVEY_PROBLEMS + 1
        assert "reading stopped here" in str(problems[0])
        assert str(problems[1]) == (
            "s.csv:3: repeats the answer of 'a' about 'b' in the round of 2024-03-01 "
            "(first given at s.csv:2)"
        )

    def test_the_shipped_survey_still_reads(self) -> None:
        assert load_survey(SURVEY)
