"""Writers killed mid-write (SIGKILL at random moments): the target is always the old file or
the new one, and no copy of it outlives the next write to the folder."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

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
