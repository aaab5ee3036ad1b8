"""``clac check --max-size``: the limit on a registry file's size, raised for big coalitions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import clac
from clac.cli import cli

AS_OF = ["--as-of", "2025-06-01"]


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.json"
    path.write_text(clac.dumps(clac.demo(), "json"), encoding="utf-8")
    return path


def _check(*arguments: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *AS_OF, *arguments], env=env)
    return result.exit_code, result.stderr


class TestMaxSize:
    def test_a_file_of_exactly_max_size_is_read_and_one_byte_over_is_refused(
        self, registry: Path
    ) -> None:
        size = registry.stat().st_size
        status, _ = _check("--max-size", str(size), str(registry))
        assert status in (0, 1)  # assessed: met or unmet, not refused
        status, stderr = _check("--max-size", str(size - 1), str(registry))
        assert status == 2
        assert f"is larger than the {size - 1:,} bytes clac reads" in stderr
        assert "--max-size or CLAC_MAX_SIZE" in stderr  # the way a command-line user reads it

    @pytest.mark.parametrize(
        ("size", "shown"),
        [
            ("2KB", "2,048 bytes"),
            ("2kb", "2,048 bytes"),
            ("2KiB", "2,048 bytes"),
            ("2K", "2,048 bytes"),
            ("0.5KB", "512 bytes"),
            ("0.001MB", "1,048 bytes"),
            ("0.000001GB", "1,073 bytes"),
        ],
    )
    def test_sizes_are_bytes_or_kilo_mega_or_gigabytes(
        self, registry: Path, size: str, shown: str
    ) -> None:
        status, stderr = _check("--max-size", size, str(registry))
        assert status == 2
        assert f"is larger than the {shown} clac reads" in stderr

    def test_the_environment_gives_the_limit_too(self, registry: Path) -> None:
        status, stderr = _check(str(registry), env={"CLAC_MAX_SIZE": "2KB"})
        assert status == 2
        assert "is larger than the 2,048 bytes clac reads" in stderr

    def test_the_help_names_the_default(self) -> None:
        result = CliRunner().invoke(cli, ["check", "--help"])
        assert "--max-size SIZE" in result.output
        assert "50MB" in result.output

    @pytest.mark.parametrize("size", ["big", "0", "-5MB", "12XB", ""])
    def test_a_size_that_is_not_a_size_is_a_usage_error(self, registry: Path, size: str) -> None:
        status, stderr = _check("--max-size", size, str(registry))
        assert status == 2
        assert "--max-size" in stderr


class TestEveryCommandReadingARegistry:
    @pytest.mark.parametrize(
        "command",
        [
            ["report", "annual", "--year", "2024"],
            ["calendar"],
            ["network", "summary"],
            ["gaps"],
            ["proposal", "list"],
        ],
        ids=" ".join,
    )
    def test_takes_max_size_too(self, registry: Path, command: list[str]) -> None:
        result = CliRunner().invoke(cli, [*command, "--max-size", "2KB", str(registry)])
        assert result.exit_code == 2, result.output
        assert "is larger than the 2,048 bytes clac reads" in result.stderr
