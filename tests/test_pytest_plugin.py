"""clac's pytest plugin (clac.testing.pytest_plugin): off unless a suite enables it, then its
fixtures read the registry the test or the configuration names; the assertion helpers name the
rule, the subject, the clause and the facts when they fail. Each suite runs in pytester."""

from __future__ import annotations

from datetime import date

import pytest
import yaml  # noqa: F401 - see below

import clac
import clac.io._yaml  # see below
from clac.model import Member, Organization, Scope
from clac.rules import CATALOGUE, Outcome
from clac.testing import assert_met, assert_outcome, assert_unmet

pytest_plugins = ("pytester",)

# pytester's in-process runs drop the modules they imported when they end. YAML's C extension
# cannot be imported twice, so yaml (and clac's YAML codec) are imported here, before any run:
# otherwise a later yaml.dump in this worker would mix two copies of yaml's classes.

ENABLED = 'pytest_plugins = ["clac.testing.pytest_plugin"]\n'


def _registry() -> str:
    """A one-member registry, as JSON."""
    coalition = clac.Coalition(
        name="Red Uno",
        records_since=date(2024, 1, 1),
        organizations=(
            Organization(
                id="org-a",
                name="Org A",
                sector="ngo",
                countries=("MX",),
                scope=Scope.NATIONAL,
            ),
        ),
        members=(
            Member(
                organization="org-a", joined=date(2024, 1, 15), record_complete=date(2024, 1, 15)
            ),
        ),
    )
    return clac.dumps(coalition, "json")


class TestOffUnlessEnabled:
    def test_a_suite_that_does_not_enable_it_has_no_clac_fixture(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.makepyfile("def test_one(clac_coalition):\n    pass\n")
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(errors=1)
        result.stdout.fnmatch_lines(["*fixture 'clac_coalition' not found*"])

    def test_another_projects_run_does_not_import_clac(self, pytester: pytest.Pytester) -> None:
        pytester.makepyfile(
            "import sys\n\ndef test_clean():\n    assert 'clac' not in sys.modules\n"
        )
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
        result.assert_outcomes(passed=1)

    def test_strict_runs_accept_its_option_and_marker_without_enabling_it(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.makeini("[pytest]\nclac_coalition = registry.json\n")
        pytester.makepyfile(
            "import pytest\n\n"
            "@pytest.mark.clac_coalition('other.yaml')\n"
            "def test_one():\n"
            "    pass\n"
        )
        result = pytester.runpytest_subprocess(
            "-p", "no:cacheprovider", "--strict-markers", "--strict-config"
        )
        result.assert_outcomes(passed=1)


class TestFixtures:
    def test_the_coalition_is_the_demo_by_default(self, pytester: pytest.Pytester) -> None:
        pytester.makeconftest(ENABLED)
        pytester.makepyfile(
            "import clac\n\n"
            "def test_demo(clac_coalition, clac_demo):\n"
            "    assert clac_coalition == clac.demo() == clac_demo\n"
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_the_ini_option_names_the_registry(self, pytester: pytest.Pytester) -> None:
        pytester.makeconftest(ENABLED)
        pytester.makefile(".json", registry=_registry())
        pytester.makeini("[pytest]\nclac_coalition = registry.json\n")
        pytester.makepyfile(
            "def test_file(clac_coalition):\n    assert clac_coalition.name == 'Red Uno'\n"
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)

    def test_a_marker_names_the_registry_for_one_test(self, pytester: pytest.Pytester) -> None:
        pytester.makeconftest(ENABLED)
        pytester.mkdir("data")
        (pytester.path / "data" / "registry.json").write_text(_registry(), encoding="utf-8")
        pytester.makepyfile(
            "import pytest\n\n"
            "@pytest.mark.clac_coalition('data/registry.json')\n"
            "def test_marked(clac_coalition):\n"
            "    assert clac_coalition.name == 'Red Uno'\n\n"
            "def test_unmarked(clac_coalition):\n"
            "    assert clac_coalition.name != 'Red Uno'\n"
        )
        pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


class TestAssertions:
    def test_a_failure_names_the_rule_subject_clause_and_facts(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.makeconftest(ENABLED)
        pytester.makefile(".json", registry=_registry())
        pytester.makepyfile(
            "import pytest\n"
            "from datetime import date\n"
            "from clac.testing import assert_met, assert_unmet\n\n"
            "@pytest.mark.clac_coalition('registry.json')\n"
            "def test_representative(clac_coalition):\n"
            "    assert_unmet(clac_coalition, 'MEM-05', as_of=date(2024, 6, 30), subject='org-a')\n"
            "    assert_met(clac_coalition, 'MEM-05', as_of=date(2024, 6, 30), subject='org-a')\n"
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            [
                "*MEM-05 (At least one designated representative) is not met for member"
                " 'org-a' as of 2024-06-30*",
                "*clause: Membership, item 5*",
                "*member:org-a: unmet*",
                "*facts the rule reads, for org-a:*",
                "*members[].representatives: []*",
            ]
        )


class TestAssertionHelpers:
    AS_OF = date(2024, 6, 30)

    def coalition(self) -> clac.Coalition:
        return clac.loads(_registry(), "json")

    def test_assert_unmet_returns_the_unmet_findings(self) -> None:
        found = assert_unmet(self.coalition(), "MEM-05", as_of=self.AS_OF, subject="org-a")
        assert [f.subject.id for f in found] == ["org-a"]

    def test_assert_met_without_a_subject_wants_every_subject_met(self) -> None:
        with pytest.raises(AssertionError, match=r"MEM-05 .* is not met for any subject"):
            assert_met(self.coalition(), "MEM-05", as_of=self.AS_OF)

    def test_a_subject_the_rule_never_judged_says_so(self) -> None:
        with pytest.raises(AssertionError, match="no finding: the coalition has no such member"):
            assert_outcome(
                self.coalition(), "MEM-05", Outcome.MET, as_of=self.AS_OF, subject="org-z"
            )

    def test_a_rule_may_be_given_as_a_rule(self) -> None:
        rule = CATALOGUE.get("MEM-05")
        assert assert_unmet(self.coalition(), rule, as_of=self.AS_OF)
