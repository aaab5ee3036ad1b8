"""What ``clac check`` costs before it reads a registry: the modules it imports.

A 100-member ``clac check`` spends most of its time importing; these tests keep what it does
not need out of the way: the frameworks (unless the registry cites one), pycountry, YAML for
a JSON file, and the heavy libraries of other commands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pycountry
import pytest
from click.testing import CliRunner

import clac
from clac.cli import cli
from clac.countries import _ALPHA_2, is_country

# Runs `clac check FILE` in a fresh interpreter, then prints the modules it imported.
_PROBE = """
import json, sys
from clac.cli import main
try:
    main(["check", "--as-of", "2025-06-01", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported_by_check(path: Path) -> set[str]:
    result = subprocess.run(  # noqa: S603 - this interpreter, our own probe
        [sys.executable, "-c", _PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


class TestCountryCodes:
    def test_the_codes_clac_accepts_are_pycountrys(self) -> None:
        assert {country.alpha_2 for country in pycountry.countries} == _ALPHA_2

    @pytest.mark.parametrize("code", ["BR", "MX", "US", "br", "XX", "BRA", "", "LAC"])
    def test_a_code_is_a_country_exactly_when_pycountry_knows_it(self, code: str) -> None:
        known = len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code)
        assert is_country(code) is bool(known)


class TestCheckImports:
    def test_checking_a_json_registry_without_evidence_imports_only_what_it_uses(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "registry.json"
        demo = clac.demo()
        uncited = demo.evolve(
            assessments=(),
            reports=[attrs.evolve(r, legislative_advances=()) for r in demo.reports],
        )
        path.write_text(clac.dumps(uncited, "json"), encoding="utf-8")
        imported = _imported_by_check(path)
        assert "clac.rules" in imported  # the probe did check the file
        heavy = {"clac.frameworks", "pycountry", "yaml", "tomli_w", "rich", "networkx"}
        heavy |= {"statemachine", "icalendar", "pandas", "matplotlib", "hypothesis"}
        heavy |= {"ruamel", "tomlkit", "filelock"}  # clac.edit's, imported only to write
        assert not heavy & {name.split(".")[0] for name in imported} - {"clac"}
        assert "clac.frameworks" not in imported

    def test_a_registry_citing_a_framework_is_checked_against_the_frameworks(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "registry.json"
        data = json.loads(clac.dumps(clac.demo(), "json"))
        data["assessments"][0]["framework"] = "no-such-framework"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", str(path)])
        assert result.exit_code == 2
        assert "assessments[0].framework" in result.stderr
