"""Hypothesis strategies for every public clac type, and for whole valid coalitions.

Use them to property-test code that reads clac objects: a report, a dashboard, an export, a
plugin rule. A downstream suite might hold:

```python
from datetime import date

from hypothesis import given
from clac.rules import evaluate
from clac.testing import END, coalitions, members


@given(coalitions(min_members=3))
def test_every_member_is_an_organization(coalition):
    for member in coalition.members:
        assert coalition.organization(member.organization)


@given(members(working_groups=["prevention-awareness"], max_working_groups=1))
def test_member_groups(member):
    assert set(member.working_groups) <= {"prevention-awareness"}


@given(coalitions(violating="MEM-03", end=date(2024, 12, 31)))
def test_my_dashboard_flags_a_missing_subscription(coalition):
    unmet = evaluate(coalition, as_of=date(2024, 12, 31)).unmet
    assert "MEM-03" in {finding.rule.id for finding in unmet}


@given(coalitions(compliant=True))
def test_a_compliant_registry_passes_clac_check(coalition):
    assert evaluate(coalition, as_of=END).ok
```

**Conventions.** The strategies follow Hypothesis' own: plural names, keyword-only
arguments, `min_<things>` / `max_<things>` (`max_size` for text) where sizes apply, and
`start` / `end` bounding every date drawn (`START` and `END` by default). Each strategy is
a fresh `SearchStrategy`: pass arguments once and reuse it. Enumerations (`Sector`,
`MeetingKind` …) need no strategy of their own: `st.sampled_from(Sector)` or
`st.from_type(Sector)` draws them.

**References.** Model objects point at each other by id. A strategy's reference arguments
(`organizations`, `members`, `working_groups`, `documents`, `meetings` …) are the ids to
draw those references from: `None` (the default) draws any well-formed id, a sequence of ids
draws among them, and an empty sequence draws no reference at all (optional references are
`None`, lists of references are empty). `goals` and `objectives` default to the Base
Document's policy goals (`PG-1` … `PG-8`) and objectives (`OBJ-1`, `OBJ-2`). A single object
drawn on its own is valid but its references need not resolve; `coalitions()` draws
registries whose cross-references all hold.

**Round trips.** Every value drawn survives the YAML, JSON and TOML registry files
unchanged: text is short and drawn from a safe alphabet (letters, including Spanish and
Portuguese accented ones, digits, `.,-'` and single inner spaces, starting with a letter),
ids are lower-case slugs starting with a letter, and hours are multiples of 0.5.

**Rules.** `coalitions(violating="MEM-03")` draws a coalition that breaks a rule (a key of
`VIOLATIONS`) as of its `end` date, and `coalitions(compliant=True)` one with no required
rule unmet as of `end`. The few rules no registry can leave unmet (encouraged ones, which
report "met" or "not applicable") are listed, with the reason, in `NOT_VIOLABLE`, and asking
to violate one raises `RuleNotViolable`. Rules added by plugins are not known here.

**Assertions.** `assert_met(coalition, "MEM-05", as_of=day, subject="org-a")`,
`assert_unmet(...)` and `assert_outcome(coalition, rule, outcome, ...)` check one rule's
findings; a failure names the rule, the subject, the clause, the findings and the facts the
rule reads with the values the registry holds. With pytest, `clac.testing.pytest_plugin`
adds fixtures (docs/testing.md).

**Surveys.** `surveys(coalition=c)` draws a partnership survey of `c` (answers whose
organizations and goals resolve, one per round, respondent and partner), `survey_answers()`
single answers, and `fictional_survey(c, rounds=[...], seed=0)` a realistic, deterministic
survey for examples and notebooks.

**`st.from_type`.** clac registers these strategies through Hypothesis' `hypothesis` entry
point, so `st.from_type(clac.Coalition)` (and `st.builds` of classes holding clac objects)
works once clac is installed, without importing this module.

This module imports Hypothesis, a test-only dependency; `import clac` never imports it.

Examples:
    >>> from hypothesis import given, settings
    >>> from clac.testing import members
    >>> @settings(max_examples=10, database=None)
    ... @given(members(organizations=["safernet"], referrers=["safernet", "icmec"]))
    ... def test_a_member_is_never_referred_by_itself(member):
    ...     assert member.organization == "safernet"
    ...     assert member.referred_by in {None, "icmec"}
    >>> test_a_member_is_never_referred_by_itself()
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from clac.charter import (
    Amendment,
    Charter,
    Clause,
    Divergence,
    LaterName,
    Objective,
    Parameters,
    Partner,
    PolicyGoal,
    Principle,
    Requirement,
    RoleDefinition,
    Unit,
    WorkingGroupDefinition,
)
from clac.model import (
    Activity,
    Commitment,
    Contribution,
    CountryAssessment,
    Document,
    Indicator,
    LegislativeAdvance,
    Meeting,
    Member,
    Minutes,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    Policy,
    ProposalEvent,
    ProposalRecord,
    QuarterlyReport,
    Recommendation,
    RecordsSince,
    Representative,
    RoleAssignment,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.periods import ApproximateDate, Month, Quarter
from clac.registry import Coalition
from clac.survey import SurveyAnswer
from clac.testing._assertions import assert_met, assert_outcome, assert_unmet
from clac.testing._charter import (
    amendments,
    charters,
    clauses,
    divergences,
    later_names,
    objectives,
    parameters,
    partners,
    policy_goals,
    principles,
    requirements,
    role_definitions,
    units,
    working_group_definitions,
)
from clac.testing._coalitions import coalitions, records_since_by_kind
from clac.testing._core import (
    END,
    START,
    approximate_dates,
    country_codes,
    date_values,
    emails,
    hours,
    identifiers,
    months,
    quarters,
    strings,
    texts,
)
from clac.testing._frameworks import country_assessments
from clac.testing._plans import (
    indicators,
    operational_plans,
    planned_actions,
    plans,
    strategic_plans,
    targets,
)
from clac.testing._proposals import Step, proposal_events, proposal_records, recommendations
from clac.testing._registry import (
    commitments,
    contributions,
    documents,
    meetings,
    members,
    minutes,
    organizations,
    participations,
    representatives,
    role_assignments,
    subscriptions,
    working_groups,
)
from clac.testing._reporting import activities, legislative_advances, policies, quarterly_reports
from clac.testing._surveys import fictional_survey, survey_answers, surveys
from clac.testing._violations import NOT_VIOLABLE, VIOLATIONS, RuleNotViolable, Violation
from clac.text import Text

__all__ = [
    "END",
    "NOT_VIOLABLE",
    "START",
    "VIOLATIONS",
    "RuleNotViolable",
    "Step",
    "Violation",
    "activities",
    "amendments",
    "approximate_dates",
    "assert_met",
    "assert_outcome",
    "assert_unmet",
    "charters",
    "clauses",
    "coalitions",
    "commitments",
    "contributions",
    "country_assessments",
    "country_codes",
    "date_values",
    "divergences",
    "documents",
    "emails",
    "fictional_survey",
    "hours",
    "identifiers",
    "indicators",
    "later_names",
    "legislative_advances",
    "meetings",
    "members",
    "minutes",
    "months",
    "objectives",
    "operational_plans",
    "organizations",
    "parameters",
    "participations",
    "partners",
    "planned_actions",
    "plans",
    "policies",
    "policy_goals",
    "principles",
    "proposal_events",
    "proposal_records",
    "quarterly_reports",
    "quarters",
    "recommendations",
    "records_since_by_kind",
    "representatives",
    "requirements",
    "role_assignments",
    "role_definitions",
    "strategic_plans",
    "strings",
    "subscriptions",
    "survey_answers",
    "surveys",
    "targets",
    "texts",
    "units",
    "working_group_definitions",
    "working_groups",
]


# ------------------------------------------------------------------------- registration


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public clac type, so that `st.from_type(Member)` and
    `st.builds()` of classes holding them work. Meant for Hypothesis' `hypothesis` entry
    point."""
    registrations: dict[type[Any], st.SearchStrategy[Any]] = {
        Text: texts(),
        Month: months(),
        Quarter: quarters(),
        ApproximateDate: approximate_dates(),
        Organization: organizations(),
        Representative: representatives(),
        Subscription: subscriptions(),
        Contribution: contributions(),
        Commitment: commitments(),
        Member: members(),
        RoleAssignment: role_assignments(),
        WorkingGroup: working_groups(),
        Minutes: minutes(),
        Meeting: meetings(),
        Participation: participations(),
        Document: documents(),
        Activity: activities(),
        Policy: policies(),
        LegislativeAdvance: legislative_advances(),
        CountryAssessment: country_assessments(),
        QuarterlyReport: quarterly_reports(),
        ProposalEvent: proposal_events(),
        Recommendation: recommendations(),
        ProposalRecord: proposal_records(),
        Indicator: indicators(),
        Target: targets(),
        StrategicPlan: strategic_plans(),
        PlannedAction: planned_actions(),
        OperationalPlan: operational_plans(),
        Plans: plans(),
        RecordsSince: records_since_by_kind(),
        Divergence: divergences(),
        Clause: clauses(),
        Objective: objectives(),
        Principle: principles(),
        PolicyGoal: policy_goals(),
        Partner: partners(),
        LaterName: later_names(),
        Requirement: requirements(),
        RoleDefinition: role_definitions(),
        Unit: units(),
        WorkingGroupDefinition: working_group_definitions(),
        Parameters: parameters(),
        Amendment: amendments(),
        Charter: charters(),
        Coalition: coalitions(),
        SurveyAnswer: survey_answers(),
    }
    for cls, strategy in registrations.items():
        st.register_type_strategy(cls, strategy)


# Hypothesis' entry point (clac._hypothesis_hook) skips registration when it runs while this
# module is still loading, so register here once it is complete.
_hypothesis_setup_hook()
