"""Faults the ``clac`` command survives: writers killed mid-write (SIGKILL at random moments),
where the target is always the old file or the new one and no copy of it outlives the next
write to the folder; the command in a real process under hostile streams (a reader that
leaves, ``| head``; Ctrl-C; a file-size limit; a full device; closed or ASCII-only standard
streams; a FIFO and a hard link as the output); and hostile plugins (tests/hostile/plugins)
that hang, sleep, block, print, exit or raise at import, interrupt, or give evidence no output
can hold, each run as a real distribution under the real command."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import clac
from clac.io import _files, write_atomically

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin", reason="fork and SIGKILL (Linux)"
)

SIZE = 3 * 1024 * 1024
VERSIONS = [bytes([ord("a") + n]) * SIZE for n in range(3)]


def strays(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != target)


def killed_while_writing(target: Path, write: Callable[[int], object], delay: float) -> None:
    """Fork a writer that writes version after version, and SIGKILL it after ``delay``."""
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        try:
            for n in range(10_000):
                write(n)
        finally:
            os._exit(0)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


class TestKilledWriters:
    @pytest.mark.parametrize("unnamed", [True, False], ids=["o_tmpfile", "named-temporary"])
    def test_the_target_is_old_or_new_and_no_copy_survives_the_next_write(
        self, tmp_path: Path, unnamed: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if not unnamed:  # as where the system has no O_TMPFILE: named temporaries
            monkeypatch.setattr(_files, "_write_unnamed", lambda *_args: False)
        target = tmp_path / "registry.bin"
        write_atomically(target, VERSIONS[0])
        rng = random.Random(15)  # noqa: S311 - kill moments, not secrets
        left_behind = 0
        for _ in range(20):
            killed_while_writing(
                target,
                lambda n: write_atomically(target, VERSIONS[n % len(VERSIONS)]),
                rng.uniform(0.0, 0.03),
            )
            assert target.read_bytes() in VERSIONS  # old or new, never half
            left_behind += len(strays(tmp_path, target))
            write_atomically(target, VERSIONS[0])  # the next write to the folder …
            assert strays(tmp_path, target) == []  # … leaves no copy behind
        if unnamed:
            # Unnamed until the instant before its rename: a kill almost never leaves a copy.
            assert left_behind <= 1
        else:
            assert left_behind > 0  # the kills did land mid-write

    @pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="Linux' O_TMPFILE")
    def test_on_linux_the_temporary_file_has_no_name_while_written(self, tmp_path: Path) -> None:
        target = tmp_path / "registry.yaml"
        assert _files._write_unnamed(target, b"clac: 1\n", 0o600, None)
        assert target.read_bytes() == b"clac: 1\n"
        assert strays(tmp_path, target) == []

    def test_a_temporary_of_a_live_writer_is_left_alone(self, tmp_path: Path) -> None:
        target = tmp_path / "registry.yaml"
        live = tmp_path / f".registry.yaml.{os.getppid()}.0123456789ab{_files.TEMPORARY_SUFFIX}"
        live.write_bytes(b"being written")
        write_atomically(target, "new")
        assert live.exists()

    def test_an_hour_old_temporary_is_stale_whoever_wrote_it(self, tmp_path: Path) -> None:
        old = tmp_path / f".registry.yaml.{os.getppid()}.0123456789ab{_files.TEMPORARY_SUFFIX}"
        old.write_bytes(b"left behind")
        os.utime(old, (time.time() - 7200, time.time() - 7200))
        write_atomically(tmp_path / "other.yaml", "new")
        assert not old.exists()

    def test_other_files_are_never_touched(self, tmp_path: Path) -> None:
        mine = [tmp_path / name for name in (".registry.yaml.swp", ".x.1.tmp", "notes.clac-tmp")]
        for path in mine:
            path.write_text("keep")
        write_atomically(tmp_path / "registry.yaml", "new")
        assert all(path.exists() for path in mine)


class TestKilledCommands:
    """The real thing: ``clac.dump`` in a separate Python process, killed at random."""

    def test_a_killed_dump_leaves_the_old_registry_or_the_new_one(self, tmp_path: Path) -> None:
        target = tmp_path / "registry.json"
        clac.dump(clac.demo(), target)
        before = target.read_bytes()
        script = (
            "import sys, clac\n"
            "c = clac.demo()\n"
            "big = c.evolve(name='Otra coalición de ejemplo')\n"
            "print('ready', flush=True)\n"
            "while True:\n"
            "    clac.dump(big, sys.argv[1])\n"
            "    clac.dump(c, sys.argv[1])\n"
        )
        rng = random.Random(20)  # noqa: S311 - kill moments, not secrets
        for _ in range(2):
            writer = subprocess.Popen(  # noqa: S603 - this interpreter, our own script
                [sys.executable, "-c", script, str(target)],
                stdout=subprocess.PIPE,
            )
            assert writer.stdout is not None
            assert writer.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.2))
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            writer.stdout.close()
            loaded = clac.load(target)  # a whole registry, the old one or the new one
            assert loaded.name in ("Otra coalición de ejemplo", clac.demo().name)
            clac.dump(clac.demo(), target)
            assert target.read_bytes() == before
            assert strays(tmp_path, target) == []


class TestPermissions:
    def test_a_new_registry_is_its_owners_only_and_an_export_follows_the_umask(
        self, tmp_path: Path
    ) -> None:
        umask = os.umask(0o022)
        try:
            clac.dump(clac.Coalition(name="C"), tmp_path / "registry.yaml")
            write_atomically(tmp_path / "export.json", "{}")
        finally:
            os.umask(umask)
        assert (tmp_path / "registry.yaml").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "export.json").stat().st_mode & 0o777 == 0o644

    def test_an_existing_file_keeps_its_permissions(self, tmp_path: Path) -> None:
        target = tmp_path / "shared.yaml"
        target.write_text("old")
        target.chmod(0o640)
        clac.dump(clac.Coalition(name="C"), target)
        assert target.stat().st_mode & 0o777 == 0o640


# ------------------------------------------------------- the command under hostile streams


def clac_process(
    *args: str,
    preexec: Callable[[], object] | None = None,
    env: dict[str, str] | None = None,
    **popen: Any,
) -> subprocess.Popen[bytes]:
    """The ``clac`` command in a process of its own, as a shell starts it (SIGINT at its
    default, so that Ctrl-C reaches it even from a background test runner)."""

    def start() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if preexec is not None:
            preexec()

    return subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "clac", *args],
        preexec_fn=start,  # noqa: PLW1509 - the test needs the child set up before exec
        env={**os.environ, "CLAC_LANG": "en", **(env or {})},
        **popen,
    )


def finished(process: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, (out or b"").decode(), (err or b"").decode()


class TestBrokenPipes:
    def test_a_reader_that_leaves_early_does_not_change_the_verdict(self) -> None:
        # The demo has unmet required rules: 1, also when `| head -1` stops reading.
        process = clac_process(
            "check", "--all", "--format", "json", stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()  # the reader leaves with most of the report unread
        status, _, err = finished(process)
        assert status == 1, err
        assert "Traceback" not in err
        assert "BrokenPipe" not in err


class TestInterrupts:
    def test_ctrl_c_is_exit_130_with_one_line(self) -> None:
        # The report is larger than a pipe holds: the command is still at work when the
        # signal comes, whatever the machine's speed.
        process = clac_process(
            "check", "--all", "--format", "json", stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None
        process.stdout.readline()
        process.send_signal(signal.SIGINT)
        status, _, err = finished(process)
        assert status == 130
        assert err.splitlines()[-1] == "clac: interrupted"
        assert "Traceback" not in err


def limit_file_size(size: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


class TestShortWrites:
    def test_an_output_over_the_file_size_limit_is_exit_2_and_leaves_nothing(
        self, tmp_path: Path
    ) -> None:
        out = tmp_path / "network.json"
        out.write_text("the previous export\n", encoding="utf-8")
        process = clac_process(
            "network",
            "--export",
            "json",
            "-o",
            str(out),
            preexec=limit_file_size(4096),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        status, _, err = finished(process)
        assert status == 2, err
        assert "network.json" in err
        assert "larger than the file-size limit allows" in err
        assert out.read_text(encoding="utf-8") == "the previous export\n"
        assert strays(tmp_path, out) == []

    def test_standard_output_over_the_file_size_limit_is_exit_2_naming_it(
        self, tmp_path: Path
    ) -> None:
        out = tmp_path / "report.json"
        with out.open("wb") as handle:
            process = clac_process(
                "check",
                "--all",
                "--format",
                "json",
                preexec=limit_file_size(4096),
                stdout=handle,
                stderr=subprocess.PIPE,
            )
            status, _, err = finished(process)
        assert status == 2, err
        assert "'standard output' cannot be written" in err
        assert "Traceback" not in err

    def test_a_full_device_as_standard_output_is_exit_2(self, tmp_path: Path) -> None:
        full = _full_device(tmp_path)
        with full.open("wb") as handle:
            process = clac_process("check", stdout=handle, stderr=subprocess.PIPE)
            status, _, err = finished(process)
        assert status == 2, err
        assert "no space left" in err.lower()
        assert stat.S_ISCHR(full.stat().st_mode)

    @pytest.mark.parametrize(("file", "status"), [("missing.yaml", 2), (None, 1)])
    def test_a_standard_error_that_cannot_be_written_keeps_the_status(
        self, tmp_path: Path, file: str | None, status: int
    ) -> None:
        full = _full_device(tmp_path)
        args = ["check"] if file is None else ["check", str(tmp_path / file)]
        with full.open("wb") as handle:
            process = clac_process(*args, stdout=subprocess.DEVNULL, stderr=handle)
            assert finished(process)[0] == status


def _full_device(tmp_path: Path) -> Path:
    """/dev/full for a user who cannot replace it; as root, a node of its own in tmp_path."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        with node.open("wb"):
            pass
    except OSError as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return node


class TestClosedAndNarrowStreams:
    @pytest.mark.parametrize("closed", [1, 2], ids=["stdout", "stderr"])
    def test_a_closed_standard_stream_is_no_traceback_and_keeps_the_status(
        self, closed: int
    ) -> None:
        other = subprocess.PIPE
        process = clac_process(
            "check",
            preexec=lambda: os.close(closed),
            stdout=None if closed == 1 else other,
            stderr=None if closed == 2 else other,
        )
        status, out, err = finished(process)
        assert status == 1  # the demo's verdict
        assert "Traceback" not in out + err

    def test_a_closed_stream_is_no_file_the_command_writes_into(self, tmp_path: Path) -> None:
        out = tmp_path / "n.json"
        process = clac_process(
            "network", "--export", "json", "-o", str(out), preexec=lambda: os.close(2)
        )
        status, _, _ = finished(process)
        assert status == 0
        assert out.read_text(encoding="utf-8").startswith("{")

    @pytest.mark.parametrize(
        "env",
        [
            {"PYTHONIOENCODING": "ascii"},
            {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
            {"COLUMNS": "0"},
        ],
        ids=["ascii", "C locale", "no columns"],
    )
    def test_an_ascii_or_narrow_output_still_prints_escaped(self, env: dict[str, str]) -> None:
        process = clac_process(
            "check", "--lang", "es", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        status, out, err = finished(process)
        assert status == 1, err
        assert "hallazgos" in out
        assert "Traceback" not in err


class TestSpecialTargets:
    def test_a_fifo_read_by_another_process_is_written_and_stays_a_fifo(
        self, tmp_path: Path
    ) -> None:
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
        reader.start()
        status, _, err = finished(
            clac_process("schema", "-o", str(fifo), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        )
        reader.join(timeout=60)
        assert status == 0, err
        assert got[0].startswith(b"{")
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

    def test_a_hard_link_to_the_registry_is_refused_and_nothing_changes(
        self, tmp_path: Path
    ) -> None:
        registry = tmp_path / "registry.json"
        clac.dump(clac.demo(), registry)
        before = registry.read_bytes()
        link = tmp_path / "export.json"
        os.link(registry, link)
        process = clac_process(
            "network",
            str(registry),
            "--export",
            "json",
            "-o",
            str(link),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        status, _, err = finished(process)
        assert status == 2, err
        assert "a file this command reads" in err
        assert registry.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json", "registry.json"]


# ------------------------------------------------------------------------ hostile plugins

PLUGINS = Path(__file__).parent / "hostile" / "plugins"

#: The budget of the hostile runs: small, so a hanging rule costs a fraction of a second.
BUDGET = "0.2"


def install(site: Path, module: str) -> str:
    """Install ``tests/hostile/plugins/MODULE.py`` into ``site`` as the distribution
    ``hostile-MODULE`` with one ``clac.rules`` entry point; its name is returned."""
    name = f"hostile_{module}"
    site.mkdir(exist_ok=True)
    (site / f"{name}.py").write_bytes((PLUGINS / f"{module}.py").read_bytes())
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    dist = name.replace("_", "-")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[clac.rules]\nhostile = {name}:RULES\n")
    return dist


def run_with_plugin(
    tmp_path: Path, modules: str | list[str], *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``clac check ARGS`` (the demo coalition) with the hostile plugins ``modules``
    installed, each a distribution of its own."""
    for module in [modules] if isinstance(modules, str) else modules:
        install(tmp_path / "site", module)
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CLAC_") and key != "PYTHONPATH"
    }
    environ |= {"PYTHONPATH": str(tmp_path / "site"), "PYTHONIOENCODING": "utf-8"}
    environ |= env or {}
    return subprocess.run(  # noqa: S603 - this interpreter, clac itself
        [sys.executable, "-m", "clac", "check", *args],
        capture_output=True,
        text=True,
        timeout=120,  # "it finished": a hang would fail here, never a measure of speed
        env=environ,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def findings_of(report: str, prefix: str) -> list[dict[str, Any]]:
    def no_constants(name: str) -> object:
        raise AssertionError(f"not JSON: {name}")

    document = json.loads(report, parse_constant=no_constants)
    return [f for f in document["findings"] if f["rule"].startswith(prefix)]


class TestHangingPlugins:
    """A rule that does not return within its budget becomes an ``error`` finding; the run
    goes on and ends with exit status 3, every other finding in the report."""

    def test_rules_past_their_budget_are_error_findings_and_the_run_goes_on(
        self, tmp_path: Path
    ) -> None:
        hanging = {"hangs": "HOST-01", "sleeps": "HOST-02", "blocks": "HOST-03"}
        done = run_with_plugin(
            tmp_path, list(hanging), "--format", "json", "--rule-timeout", BUDGET
        )
        assert done.returncode == 3, done.stderr
        # a pure-Python loop, a sleep inside "except Exception", a blocking read: all stopped
        for rule in hanging.values():
            mine = findings_of(done.stdout, rule)
            assert mine, "every subject of the rule has a finding"
            assert {f["outcome"] for f in mine} == {"error"}
            assert "did not return within its time budget of 0.2 s" in mine[0]["message"]
            assert all("0.2 s" in f["message"] for f in mine)
        assert len(findings_of(done.stdout, "MEM-01")) > 1  # the others are all there
        assert "rule(s) HOST-01, HOST-02, HOST-03 failed to run" in done.stderr
        assert "Traceback" not in done.stderr


class TestPrintingPlugins:
    def test_what_a_plugin_prints_goes_to_stderr_marked_and_never_into_the_report(
        self, tmp_path: Path
    ) -> None:
        done = run_with_plugin(tmp_path, "prints", "--format", "json")
        assert done.returncode == 1, done.stderr  # the demo's deliberate gaps, nothing else
        [finding] = findings_of(done.stdout, "HOST-04")
        assert finding["outcome"] == "met"
        err = done.stderr.splitlines()
        plugin, rule = "clac: plugin hostile-prints printed: ", "clac: rule HOST-04 "
        assert f"{plugin}printed at import" in err
        assert f"{plugin}written to descriptor 1 at import" in err
        said = [line.split("printed: ", 1)[1] for line in err if line.startswith(rule)]
        assert said == [
            "printed by the rule \\x1b[31m",  # escaped: no escape sequence reaches a terminal
            "written to sys.__stdout__",
            "written to descriptor 1 by the rule",
            "printed by a child process",
        ]


class TestPluginsThatFailToLoad:
    """A plugin that cannot be loaded is one ``clac: plugin NAME …`` line and exit status 3,
    before any report: never a silent exit 0, never a traceback."""

    @pytest.mark.parametrize(
        ("module", "said"),
        [("exits_on_import", "failed to load: entry point 'hostile' ")],
    )
    def test_an_import_that_exits_or_raises_is_one_line_and_exit_3(
        self, tmp_path: Path, module: str, said: str
    ) -> None:
        done = run_with_plugin(tmp_path, module, "--format", "json")
        assert done.returncode == 3
        assert done.stdout == ""
        [line] = done.stderr.splitlines()
        name = module.replace("_", "-")
        assert line.startswith(f"clac: plugin hostile-{name} {said}")
        assert line.endswith("SystemExit: 0")


class TestInterruptedRules:
    def test_keyboard_interrupt_in_a_rule_stops_the_run_with_130_and_one_line(
        self, tmp_path: Path
    ) -> None:
        done = run_with_plugin(tmp_path, "interrupts", "--format", "json")
        assert done.returncode == 130
        assert done.stdout == ""
        assert done.stderr.splitlines()[-1] == "clac: interrupted"
        assert "Traceback" not in done.stderr


class TestUnsafeEvidence:
    def test_evidence_no_output_can_hold_is_shown_short_or_refused_per_finding(
        self, tmp_path: Path
    ) -> None:
        done = run_with_plugin(tmp_path, "unsafe_evidence", "--format", "json")
        assert done.returncode == 3, done.stderr  # two findings refused: rules that failed
        shown = {f["rule"]: f for f in findings_of(done.stdout, "HOST-")}
        odd = shown["HOST-06"]
        assert odd["outcome"] == "met"
        assert odd["message"] == "decided \x1b[2J"  # a JSON string: its reader escapes it
        evidence = odd["evidence"]
        assert (evidence["ratio"], evidence["ceiling"], evidence["floor"]) == (
            "nan",
            "inf",
            "-inf",
        )
        assert evidence["raw"] == "b'\\x00\\xff'"
        assert sorted(evidence["tags"]) == ["a", "b"]
        assert evidence["huge"] == "<a whole number of about 5,001 digits>"
        [deep] = evidence["deep"]  # 100,000 levels: the first few, then "…"
        assert deep.startswith("[[[[")
        assert "…" in deep
        assert len(deep) < 80
        assert evidence["thing"].startswith("<object object at ")
        for rule in ("HOST-07", "HOST-08"):
            assert shown[rule]["outcome"] == "error"
            assert "gave a result clac cannot show" in shown[rule]["message"]
        assert "rule(s) HOST-07, HOST-08 failed to run" in done.stderr
