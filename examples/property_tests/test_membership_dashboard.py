"""An external property-test suite: a team's own code over clac registries, tested with the
Hypothesis strategies of ``clac.testing`` against many generated coalitions.

It uses ``clac.testing``'s assertions (``assert_met``, ``assert_unmet``), whose failures name the
rule, the member, the clause and the facts the rule read. Run it from a project that has clac
and Hypothesis (``pip install 'clac[test]'``)::

    python -m pytest examples/property_tests

In a real project the code under test lives in the team's package; here it sits at the top.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import clac
from clac.charter import Section, Severity
from clac.model import Member
from clac.registry import Coalition
from clac.rules import Context, Rule, SubjectKind, Verdict, evaluate, met, rule, unmet
from clac.testing import END, assert_met, assert_unmet, coalitions, members
from clac.text import Text

# -- the team's code: a dashboard count and a rule of their own -------------------------------


def members_by_country(coalition: Coalition) -> Counter[str]:
    """How many members work in each country (a member working in three counts in three)."""
    counts: Counter[str] = Counter()
    for member in coalition.members:
        counts.update(coalition.organization(member.organization).countries)
    return counts


@rule(
    "TEAM-01",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    title=Text("A representative on file", "Un representante registrado"),
    explanation=Text(
        "The team's own check: every member has a representative on file.",
        "La verificación del equipo: cada miembro tiene un representante registrado.",
    ),
)
def representative_on_file(_ctx: Context, member: Member) -> Verdict:
    """A member has at least one representative."""
    if member.representatives:
        return met(Text("has a representative", "tiene un representante"))
    return unmet(Text("no representative", "ningún representante"))


TEAM_RULES: list[Rule] = [representative_on_file]

# -- the team's property tests ----------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(coalitions(max_members=5))
def test_every_member_is_counted_in_each_of_its_countries(coalition: Coalition) -> None:
    counts = members_by_country(coalition)
    expected = 0
    for member in coalition.members:
        organization = coalition.organization(member.organization)
        expected += len(organization.countries)
        for country in organization.countries:
            assert counts[country] >= 1
    assert sum(counts.values()) == expected


@settings(max_examples=6, deadline=None)
@given(coalitions(max_members=4), st.sampled_from(["yaml", "json", "toml"]))
def test_the_dashboard_reads_the_same_from_any_registry_file(
    coalition: Coalition, file_format: str
) -> None:
    reloaded = clac.loads(clac.dumps(coalition, file_format), file_format)
    assert members_by_country(reloaded) == members_by_country(coalition)


@settings(max_examples=25, deadline=None)
@given(members())
def test_the_team_rule_is_unmet_exactly_without_a_representative(member: Member) -> None:
    verdict = representative_on_file.check(None, member)  # type: ignore[arg-type]
    assert (verdict.outcome.value == "unmet") == (not member.representatives)


@settings(max_examples=6, deadline=None)
@given(coalitions(violating="MEM-05", max_members=4))
def test_a_member_without_representative_fails_the_expected_bar(coalition: Coalition) -> None:
    # clac.testing draws a coalition where some member has no representative on END.
    assessment = evaluate(coalition, as_of=END, rules=TEAM_RULES)
    # The rule is *expected*: ``ok`` counts required rules only and passes whatever the team
    # rule finds, so a test of it asks ``ok_at(Severity.EXPECTED)``.
    assert assessment.ok
    assert not assessment.ok_at(Severity.EXPECTED)
    # Which member: a failure of assert_unmet would name the rule, the member, the clause and
    # the representatives the registry holds for it.
    lacking = [m.organization for m in coalition.members if not m.representatives]
    for found in assert_unmet(coalition, representative_on_file, as_of=END):
        assert found.subject.id in lacking


@settings(max_examples=10, deadline=None)
@given(coalitions(min_members=1, max_members=4))
def test_a_member_with_a_representative_meets_the_team_rule(coalition: Coalition) -> None:
    # Members that have left by END are not assessed.
    assessed = {f.subject.id for f in evaluate(coalition, as_of=END, rules=TEAM_RULES)}
    for member in coalition.members:
        if member.representatives and member.organization in assessed:
            assert_met(coalition, representative_on_file, as_of=END, subject=member.organization)


@settings(max_examples=10, deadline=None)
@given(coalitions(min_members=1, max_members=4))
def test_the_expected_bar_fails_exactly_when_a_member_lacks_a_representative(
    coalition: Coalition,
) -> None:
    assessment = evaluate(coalition, as_of=END, rules=TEAM_RULES)
    lacking = {m.organization for m in coalition.members if not m.representatives}
    assessed = {f.subject.id for f in assessment}
    assert assessment.ok
    assert assessment.ok_at(Severity.EXPECTED) == (not lacking & assessed)
