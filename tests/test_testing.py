"""Tests for clac.testing: every strategy draws valid values of its type, knobs are obeyed,
drawn text and numbers survive the registry's file formats, and every rule of clac's catalogue
can be broken on demand (or says why it cannot). That the strategies pass Hypothesis' health
checks, which time the machine, is measured by benchmarks/bench_testing.py, not here."""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from typing import Any

import attrs
import pytest
import tomli_w
import yaml
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import clac.charter
from clac import testing
from clac.charter import BASE_DOCUMENT, Charter
from clac.countries import is_country
from clac.errors import ClacError, InvalidData
from clac.model import (
    TLP,
    ActivityScope,
    Document,
    Meeting,
    MeetingKind,
    Member,
    MemberStatus,
    Organization,
    PolicyKind,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Scope,
)
from clac.periods import ApproximateDate, Month, Quarter
from clac.proposals import lifecycle_problems
from clac.registry import Coalition
from clac.rules import CATALOGUE, Outcome, evaluate
from clac.survey import SurveyAnswer
from clac.text import Text

SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SAFE = re.compile(r"^[A-Za-záéíóúÁÉÍÓÚñÑüÜçÇãõâêôàÃÕÂÊÔÀ][\w.,'-]*(?: [\w.,'-]+)*$")

# Properties over whole coalitions run fewer examples, to keep the suite quick.
COALITION_SETTINGS = settings(max_examples=15)

EVERY_STRATEGY = [
    pytest.param(factory, cls, id=factory.__name__)
    for factory, cls in [
        (testing.strings, str),
        (testing.texts, Text),
        (testing.identifiers, str),
        (testing.emails, str),
        (testing.country_codes, str),
        (testing.months, Month),
        (testing.quarters, Quarter),
        (testing.approximate_dates, ApproximateDate),
        (testing.date_values, (date, ApproximateDate)),
        (testing.hours, float),
        (testing.charters, Charter),
        (testing.coalitions, Coalition),
        (testing.survey_answers, SurveyAnswer),
        *(
            (getattr(testing, name), getattr(clac.charter, cls))
            for name, cls in [
                ("amendments", "Amendment"),
                ("clauses", "Clause"),
                ("divergences", "Divergence"),
                ("objectives", "Objective"),
                ("parameters", "Parameters"),
                ("partners", "Partner"),
                ("later_names", "LaterName"),
                ("policy_goals", "PolicyGoal"),
                ("principles", "Principle"),
                ("requirements", "Requirement"),
                ("role_definitions", "RoleDefinition"),
                ("working_group_definitions", "WorkingGroupDefinition"),
                ("units", "Unit"),
            ]
        ),
        *(
            (getattr(testing, name), cls)
            for name, cls in [
                ("organizations", "Organization"),
                ("representatives", "Representative"),
                ("subscriptions", "Subscription"),
                ("contributions", "Contribution"),
                ("commitments", "Commitment"),
                ("members", "Member"),
                ("role_assignments", "RoleAssignment"),
                ("working_groups", "WorkingGroup"),
                ("minutes", "Minutes"),
                ("meetings", "Meeting"),
                ("participations", "Participation"),
                ("documents", "Document"),
                ("activities", "Activity"),
                ("policies", "Policy"),
                ("legislative_advances", "LegislativeAdvance"),
                ("country_assessments", "CountryAssessment"),
                ("quarterly_reports", "QuarterlyReport"),
                ("proposal_events", "ProposalEvent"),
                ("recommendations", "Recommendation"),
                ("proposal_records", "ProposalRecord"),
                ("indicators", "Indicator"),
                ("targets", "Target"),
                ("strategic_plans", "StrategicPlan"),
                ("planned_actions", "PlannedAction"),
                ("operational_plans", "OperationalPlan"),
                ("plans", "Plans"),
                ("records_since_by_kind", "RecordsSince"),
            ]
        ),
    ]
]


def _model_class(cls: type[Any] | tuple[type[Any], ...] | str) -> type[Any] | tuple[type[Any], ...]:
    import clac.model

    return getattr(clac.model, cls) if isinstance(cls, str) else cls


class TestEveryStrategy:
    def test_every_public_strategy_is_tested_here(self) -> None:
        tested = {getattr(param.values[0], "__name__", None) for param in EVERY_STRATEGY}
        public = {name for name in testing.__all__ if name.islower()}
        # surveys() needs a coalition and fictional_survey() is no strategy: both are
        # exercised in tests/test_survey_properties.py; the assertions are no strategies
        # either (tests/test_pytest_plugin.py and TestAssertions below)
        assertions = {"assert_met", "assert_unmet", "assert_outcome"}
        assert tested == public - {"surveys", "fictional_survey"} - assertions

    @pytest.mark.parametrize(("factory", "cls"), EVERY_STRATEGY)
    @given(data=st.data())
    def test_draws_instances_of_its_type(
        self, factory: Any, cls: type[Any] | tuple[type[Any], ...] | str, data: st.DataObject
    ) -> None:
        assert isinstance(data.draw(factory()), _model_class(cls))

    def test_strategies_are_registered_for_from_type(self) -> None:
        testing._hypothesis_setup_hook()

        @COALITION_SETTINGS
        @given(st.from_type(Member), st.from_type(Coalition), st.from_type(Text))
        def check(member: Member, clac: Coalition, text: Text) -> None:
            assert isinstance(member, Member)
            assert isinstance(clac, Coalition)
            assert isinstance(text, Text)

        check()

    def test_importing_clac_does_not_import_hypothesis(self) -> None:
        code = "import sys, clac; clac.Coalition; assert 'hypothesis' not in sys.modules"
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code


class TestPrimitives:
    @given(testing.strings())
    def test_strings_use_the_safe_alphabet_with_single_inner_spaces(self, text: str) -> None:
        assert SAFE.match(text), text
        assert text == text.strip()
        assert 1 <= len(text) <= 24

    @given(testing.strings(min_size=5, max_size=6))
    def test_strings_respect_their_sizes(self, text: str) -> None:
        assert 5 <= len(text) <= 6

    @given(testing.strings())
    def test_strings_survive_yaml_json_and_toml(self, text: str) -> None:
        document = {"text": text, "list": [text]}
        assert yaml.safe_load(yaml.safe_dump(document)) == document
        assert json.loads(json.dumps(document)) == document
        assert tomllib.loads(tomli_w.dumps(document)) == document

    @given(testing.texts(portuguese=True))
    def test_texts_may_be_forced_to_have_portuguese(self, text: Text) -> None:
        assert text.pt is not None

    @given(testing.texts(portuguese=False))
    def test_texts_may_be_forced_to_lack_portuguese(self, text: Text) -> None:
        assert text.pt is None

    @given(testing.identifiers())
    def test_identifiers_are_slugs_the_model_and_the_charter_accept(self, value: str) -> None:
        assert SLUG.match(value), value

    @given(testing.country_codes())
    def test_country_codes_are_iso_3166(self, code: str) -> None:
        assert is_country(code)

    @given(testing.country_codes(within=["BR", "AR"]))
    def test_country_codes_may_be_limited(self, code: str) -> None:
        assert code in {"BR", "AR"}

    @given(testing.hours(max_value=20))
    def test_hours_are_multiples_of_a_half_that_survive_json_and_toml(self, value: float) -> None:
        assert value * 2 == int(value * 2)
        assert 0 <= value <= 20
        assert json.loads(json.dumps(value)) == value
        assert tomllib.loads(tomli_w.dumps({"h": value}))["h"] == value

    @given(testing.months(min_value=Month(2020, 11), max_value=Month(2021, 2)))
    def test_months_stay_within_their_bounds(self, month: Month) -> None:
        assert Month(2020, 11) <= month <= Month(2021, 2)

    @given(testing.quarters(min_value=Quarter(2020, 4), max_value=Quarter(2021, 1)))
    def test_quarters_stay_within_their_bounds(self, quarter: Quarter) -> None:
        assert quarter in {Quarter(2020, 4), Quarter(2021, 1)}


class TestReferences:
    @given(testing.members(organizations=["icmec"], referrers=["icmec", "safernet"]))
    def test_a_member_is_one_of_the_given_organizations_never_referred_by_itself(
        self, member: Member
    ) -> None:
        assert member.organization == "icmec"
        assert member.referred_by in {None, "safernet"}

    @given(
        testing.members(
            organizations=["icmec"],
            working_groups=["prevention-awareness", "latin-american-hotlines"],
            max_working_groups=1,
            goals=["PG-2"],
        )
    )
    def test_a_member_joins_only_the_given_working_groups(self, member: Member) -> None:
        assert len(member.working_groups) <= 1
        assert set(member.working_groups) <= {"prevention-awareness", "latin-american-hotlines"}
        assert {c.goal for c in member.commitments} <= {"PG-2"}

    @given(testing.members(documents=(), referrers=(), working_groups=(), goals=()))
    def test_empty_references_draw_no_references(self, member: Member) -> None:
        assert member.referred_by is None
        assert member.working_groups == ()
        assert member.commitments == ()
        sub = member.charter_subscription
        assert sub is None or sub.document is None

    @given(testing.members())
    def test_a_withdrawn_member_has_left(self, member: Member) -> None:
        if member.status is MemberStatus.WITHDRAWN:
            assert member.left is not None
        assert member.left is None or member.joined is None or member.left >= member.joined

    @given(testing.organizations())
    def test_a_national_organization_works_in_one_country(self, org: Organization) -> None:
        if org.scope is Scope.NATIONAL:
            assert len(org.countries) == 1

    @given(testing.meetings(organizations=["icmec"], members=["safernet"], working_groups=()))
    def test_meetings_without_working_groups_are_not_working_group_meetings(
        self, meeting: Meeting
    ) -> None:
        assert meeting.kind is not MeetingKind.WORKING_GROUP
        assert meeting.organizer == "icmec"
        assert set(meeting.attendees) <= {"safernet"}

    @given(testing.documents(organizations=["icmec", "safernet"]))
    def test_only_red_documents_have_recipients(self, document: Document) -> None:
        if document.classification is not TLP.RED:
            assert document.recipients == ()
        assert set(document.authors) | set(document.recipients) <= {"icmec", "safernet"}

    @given(testing.quarterly_reports(working_groups=["wg"], organizations=()))
    def test_reports_name_countries_and_organizations_as_the_model_asks(
        self, report: QuarterlyReport
    ) -> None:
        assert report.working_group == "wg"
        for activity in report.activities:
            assert activity.scope is not ActivityScope.IN_COUNTRY or activity.countries
        for policy in report.policies:
            assert policy.kind is PolicyKind.IN_COUNTRY
            assert policy.organization is None
        if report.submitted is not None:
            assert report.submitted >= report.period.first_day


class TestProposals:
    @given(testing.proposal_records())
    def test_histories_run_from_draft_to_the_state_in_date_order(
        self, proposal: ProposalRecord
    ) -> None:
        state = ProposalState.DRAFT
        for event in proposal.history:
            assert event.source is state
            state = event.target
        assert state is proposal.state
        days = [event.date for event in proposal.history]
        assert days == sorted(days)

    @pytest.mark.parametrize("state", list(ProposalState))
    def test_any_state_may_be_asked_for(self, state: ProposalState) -> None:
        @given(testing.proposal_records(states=[state]))
        def check(proposal: ProposalRecord) -> None:
            assert proposal.state is state
            if state is ProposalState.APPROVED:
                assert [e.event.value for e in proposal.history][-2:] == ["discuss", "approve"]

        check()

    @given(testing.proposal_records())
    def test_histories_follow_the_lifecycle(self, proposal: ProposalRecord) -> None:
        assert lifecycle_problems(proposal) == ()
        returns = sum(e.event.value == "return-with-recommendations" for e in proposal.history)
        revisions = sum(e.event.value == "revise" for e in proposal.history)
        assert revisions <= returns

    @COALITION_SETTINGS
    @given(testing.coalitions())
    def test_coalitions_proposals_follow_the_lifecycle(self, clac: Coalition) -> None:
        for proposal in clac.proposals:
            assert lifecycle_problems(proposal) == ()

    def test_an_unknown_state_is_an_invalid_argument(self) -> None:
        with pytest.raises(InvalidArgument):
            testing.proposal_records(states=["adopted"])


class TestCoalitions:
    @COALITION_SETTINGS
    @given(testing.coalitions(min_members=3))
    def test_min_members_is_a_lower_bound(self, clac: Coalition) -> None:
        assert len(clac.members) >= 3

    @COALITION_SETTINGS
    @given(testing.coalitions(max_members=2))
    def test_max_members_is_an_upper_bound(self, clac: Coalition) -> None:
        assert len(clac.members) <= 2

    @COALITION_SETTINGS
    @given(testing.coalitions(min_members=4, max_members=4))
    def test_equal_bounds_fix_the_number_of_members(self, clac: Coalition) -> None:
        assert len(clac.members) == 4
        assert len(clac.organizations) >= 4

    @COALITION_SETTINGS
    @given(testing.coalitions(max_members=0))
    def test_a_coalition_may_have_no_members(self, clac: Coalition) -> None:
        assert clac.members == ()
        assert clac.proposals == ()
        assert clac.participation == ()

    @COALITION_SETTINGS
    @given(testing.coalitions(start=date(2020, 1, 1), end=date(2020, 12, 31)))
    def test_dates_fall_within_the_range(self, clac: Coalition) -> None:
        for member in clac.members:
            if member.joined is not None:  # None: the registry does not know the day
                assert date(2020, 1, 1) <= member.joined <= date(2020, 12, 31)
            if member.record_complete is not None:
                assert date(2020, 1, 1) <= member.record_complete <= date(2020, 12, 31)
        for meeting in clac.meetings:
            assert meeting.date.year == 2020
        for record in clac.participation:
            assert record.month.year == 2020
        for report in clac.reports:
            assert report.year == 2020
        for proposal in clac.proposals:
            assert all(event.date.year == 2020 for event in proposal.history)
        for plan in clac.plans.operational:
            assert plan.year == 2020

    @COALITION_SETTINGS
    @given(testing.coalitions())
    def test_working_groups_are_the_charters_and_goals_its_own(self, clac: Coalition) -> None:
        charter_groups = {group.id for group in clac.charter.working_groups}
        assert {group.id for group in clac.working_groups} <= charter_groups
        goals = {goal.id for goal in BASE_DOCUMENT.policy_goals}
        for report in clac.reports:
            for activity in report.activities:
                assert set(activity.goals) <= goals

    @COALITION_SETTINGS
    @given(st.data())
    def test_a_given_charter_is_the_coalitions(self, data: st.DataObject) -> None:
        charter = data.draw(testing.charters())
        clac = data.draw(testing.coalitions(charter=charter, max_members=3))
        assert clac.charter is charter

    @given(testing.charters(max_amendments=2))
    def test_charters_are_the_base_document_amended_at_most_twice(self, charter: Charter) -> None:
        assert charter.original is BASE_DOCUMENT
        assert len(charter.amendments) <= 2
        assert charter.version == len(charter.amendments) + 1

    @pytest.mark.parametrize(
        "call",
        [
            pytest.param(lambda: testing.coalitions(min_members=3, max_members=2), id="min>max"),
            pytest.param(lambda: testing.coalitions(min_members=-1), id="negative"),
            pytest.param(
                lambda: testing.coalitions(start=date(2020, 1, 1), end=date(2019, 1, 1)),
                id="end before start",
            ),
            pytest.param(
                lambda: testing.coalitions(charter="base"),  # type: ignore[arg-type]
                id="not a charter",
            ),
            pytest.param(lambda: testing.members(organizations="icmec"), id="one string"),
            pytest.param(lambda: testing.members(organizations=[]), id="no organizations"),
            pytest.param(lambda: testing.strings(min_size=0), id="empty strings"),
            pytest.param(lambda: testing.hours(min_value=-1, max_value=-0.5), id="no hours"),
            pytest.param(lambda: testing.coalitions(violating="MEM-99"), id="unknown rule"),
            pytest.param(lambda: testing.coalitions(violating="MEM-10"), id="encouraged rule"),
            pytest.param(
                lambda: testing.coalitions(violating="MEM-03", max_members=0), id="no members"
            ),
            pytest.param(
                lambda: testing.coalitions(
                    violating="GOV-07", start=date(2020, 1, 1), end=date(2020, 12, 31)
                ),
                id="no whole year",
            ),
        ],
    )
    def test_impossible_arguments_are_refused(self, call: Any) -> None:
        with pytest.raises(InvalidArgument):
            call()


# ------------------------------------------------------------------------- st.from_type

PUBLIC_MODULES = (
    "clac",
    "clac.model",
    "clac.charter",
    "clac.text",
    "clac.periods",
    "clac.proposals",
    "clac.registry",
)

# Public classes of the modules above that are no value to draw, with the reason.
NOT_DRAWN = {
    "ClacError": "an exception, raised rather than built",
    "PartnerMatch": "a named tuple, the answer of match_partner(name, partners), never drawn",
    "ProposalLifecycle": "a python-statemachine machine, built by ProposalMachine",
    "ProposalMachine": "a machine driving one record against a registry (restore() builds it)",
    "ProposalView": "a light view of a record in a registry (restore_all() builds it)",
}


def _public_types() -> list[type[Any]]:
    found: dict[str, type[Any]] = {}
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isclass(value) and value.__module__.startswith("clac"):
                found.setdefault(value.__qualname__, value)
    return [found[name] for name in sorted(found)]


PUBLIC_TYPES = _public_types()
DRAWN_TYPES = [
    pytest.param(cls, id=cls.__name__) for cls in PUBLIC_TYPES if cls.__name__ not in NOT_DRAWN
]


@attrs.frozen
class Snapshot:
    """A downstream class holding clac objects, for `st.builds` to fill."""

    coalition: Coalition
    charter: Charter
    month: Month


attrs.resolve_types(Snapshot)  # the annotations are strings (postponed evaluation)


class TestFromType:
    def test_every_public_class_is_a_value_enum_or_listed_as_not_drawn(self) -> None:
        for cls in PUBLIC_TYPES:
            if cls.__name__ in NOT_DRAWN:
                assert not attrs.has(cls), cls
            else:
                assert attrs.has(cls) or issubclass(cls, enum.Enum), cls
        assert set(NOT_DRAWN) <= {cls.__name__ for cls in PUBLIC_TYPES}

    def test_every_value_class_has_its_own_strategy_registered(self) -> None:
        registered = {
            cls for cls in PUBLIC_TYPES if attrs.has(cls) and cls.__name__ not in NOT_DRAWN
        }
        drawn = {
            _model_class(param.values[1])
            for param in EVERY_STRATEGY
            if isinstance(param.values[1], type | str)
        }
        missing = {cls.__name__ for cls in registered - drawn}
        assert not missing, f"public classes without a strategy in clac.testing: {missing}"

    @pytest.mark.parametrize("cls", DRAWN_TYPES)
    def test_from_type_draws_valid_instances(self, cls: type[Any]) -> None:
        @settings(max_examples=15, database=None)
        @given(st.from_type(cls))
        def check(value: Any) -> None:
            assert type(value) is cls
            if attrs.has(cls):
                # Valid: building it again from its own fields runs every validator.
                assert attrs.evolve(value) == value

        check()

    @settings(max_examples=5, database=None)
    @given(st.builds(Snapshot))
    def test_builds_fills_fields_of_classes_holding_clac_objects(self, snapshot: Snapshot) -> None:
        assert isinstance(snapshot.coalition, Coalition)
        assert isinstance(snapshot.charter, Charter)
        assert isinstance(snapshot.month, Month)


# -------------------------------------------------------------------------- documentation


class TestDocumentation:
    @pytest.mark.parametrize(
        "factory", [param.values[0] for param in EVERY_STRATEGY], ids=lambda f: f.__name__
    )
    def test_every_strategy_documents_each_of_its_knobs(self, factory: Any) -> None:
        doc = inspect.getdoc(factory) or ""
        assert doc, factory
        knobs = list(inspect.signature(factory).parameters)
        if knobs:
            assert "\nArgs:\n" in doc, factory.__name__
            for knob in knobs:
                assert re.search(rf"^    {knob}: \S", doc, re.MULTILINE), (factory.__name__, knob)

    def test_the_module_example_runs_as_a_downstream_suite(self) -> None:
        doc = testing.__doc__ or ""
        block = re.search(r"```python\n(.*?)```", doc, re.DOTALL)
        assert block is not None
        namespace: dict[str, Any] = {}
        exec(compile(block[1], "clac.testing example", "exec"), namespace)  # noqa: S102
        tests = [value for name, value in namespace.items() if name.startswith("test_")]
        assert len(tests) == 4
        for test in tests:
            settings(max_examples=5, database=None)(test)()


# ------------------------------------------------------------------------------ violations

CLAC_RULES = [r.id for r in CATALOGUE if r.source == "clac"]
VIOLABLE = [rule_id for rule_id in CLAC_RULES if rule_id not in testing.NOT_VIOLABLE]


class TestViolations:
    @pytest.mark.parametrize("rule_id", CLAC_RULES)
    def test_every_rule_of_the_catalogue_can_be_broken_or_says_why_not(self, rule_id: str) -> None:
        assert (rule_id in testing.VIOLATIONS) != (rule_id in testing.NOT_VIOLABLE), (
            f"{rule_id} needs a violation in clac.testing.VIOLATIONS, or a reason in "
            "clac.testing.NOT_VIOLABLE"
        )

    def test_the_tables_name_only_rules_of_the_catalogue(self) -> None:
        assert set(testing.VIOLATIONS) | set(testing.NOT_VIOLABLE) <= set(CLAC_RULES)
        assert not set(testing.VIOLATIONS) & set(testing.NOT_VIOLABLE)

    @pytest.mark.parametrize("rule_id", VIOLABLE)
    def test_a_violating_coalition_breaks_the_rule_as_of_its_end(self, rule_id: str) -> None:
        @settings(max_examples=10, database=None)
        @given(testing.coalitions(violating=rule_id))
        def check(clac: Coalition) -> None:
            findings = evaluate(clac, as_of=testing.END, rules=[CATALOGUE.get(rule_id)])
            assert any(f.outcome is Outcome.UNMET for f in findings), [str(f) for f in findings]

        check()

    @pytest.mark.parametrize("rule_id", sorted(testing.NOT_VIOLABLE))
    def test_a_rule_that_cannot_be_broken_is_refused_with_its_reason(self, rule_id: str) -> None:
        with pytest.raises(testing.RuleNotViolable, match="cannot be violated") as caught:
            testing.coalitions(violating=rule_id)
        assert caught.value.path == "violating"
        assert caught.value.value == rule_id
        assert isinstance(caught.value, InvalidArgument)
        assert isinstance(caught.value, InvalidData)
        assert isinstance(caught.value, ClacError)
        assert isinstance(caught.value, ValueError)

    @pytest.mark.parametrize("rule_id", sorted(testing.NOT_VIOLABLE))
    def test_a_rule_that_cannot_be_broken_is_never_unmet(self, rule_id: str) -> None:
        @settings(max_examples=15, database=None)
        @given(testing.coalitions(min_members=1))
        def check(clac: Coalition) -> None:
            findings = evaluate(clac, as_of=testing.END, rules=[CATALOGUE.get(rule_id)])
            assert all(f.outcome is not Outcome.UNMET for f in findings)

        check()

    @settings(max_examples=10, database=None)
    @given(
        testing.coalitions(
            violating="MEM-05", start=date(2020, 3, 1), end=date(2021, 6, 30), max_members=2
        )
    )
    def test_the_violation_holds_as_of_a_given_end(self, clac: Coalition) -> None:
        assert 1 <= len(clac.members) <= 2
        findings = evaluate(clac, as_of=date(2021, 6, 30)).by_rule()["MEM-05"]
        assert any(f.outcome is Outcome.UNMET for f in findings)

    @settings(max_examples=20, database=None)
    @given(st.data())
    def test_violations_hold_under_an_amended_charter_and_any_dates(
        self, data: st.DataObject
    ) -> None:
        rule_id = data.draw(st.sampled_from(sorted(testing.VIOLATIONS)))
        end = data.draw(st.dates(date(2017, 1, 1), date(2030, 12, 31)))
        start = data.draw(st.dates(date(2016, 1, 1), end))
        charter = data.draw(testing.charters(end=end))
        try:
            strategy = testing.coalitions(
                charter=charter, violating=rule_id, start=start, end=end, max_members=3
            )
        except InvalidArgument:
            reject()  # too little time between start and end for this rule
        clac = data.draw(strategy)
        findings = evaluate(clac, as_of=end, rules=[CATALOGUE.get(rule_id)])
        assert any(f.outcome is Outcome.UNMET for f in findings)

    @settings(max_examples=10, database=None)
    @given(testing.coalitions(compliant=True))
    def test_a_compliant_coalition_meets_every_required_rule(self, clac: Coalition) -> None:
        assessment = evaluate(clac, as_of=testing.END)
        assert assessment.ok, [str(f) for f in assessment.unmet]
        assert not assessment.errors

    @settings(max_examples=10, database=None)
    @given(st.data())
    def test_compliance_holds_for_any_charter_and_dates(self, data: st.DataObject) -> None:
        end = data.draw(st.dates(date(2016, 1, 1), date(2030, 12, 31)))
        start = data.draw(st.dates(date(2016, 1, 1), end))
        charter = data.draw(testing.charters(end=end))
        clac = data.draw(
            testing.coalitions(compliant=True, charter=charter, start=start, end=end, max_members=4)
        )
        assert evaluate(clac, as_of=end).ok

    @pytest.mark.parametrize(
        "rule_id", [r for r in VIOLABLE if r.startswith("PRO-") and r != "PRO-02"]
    )
    def test_proposals_breaking_a_rule_still_follow_the_lifecycle(self, rule_id: str) -> None:
        @settings(max_examples=5, database=None)
        @given(testing.coalitions(violating=rule_id, max_members=2))
        def check(clac: Coalition) -> None:
            for proposal in clac.proposals:
                assert lifecycle_problems(proposal) == ()

        check()

    @settings(max_examples=10, database=None)
    @given(testing.coalitions(violating="PRO-02", max_members=2))
    def test_the_pro_02_violation_is_a_hand_edited_history(self, clac: Coalition) -> None:
        broken = [p for p in clac.proposals if lifecycle_problems(p)]
        assert len(broken) == 1
        assert [e.event.value for e in broken[0].history] == [
            "submit",
            "schedule",
            "discuss",
            "approve",
        ]

    def test_compliant_and_violating_cannot_be_combined(self) -> None:
        with pytest.raises(InvalidArgument):
            testing.coalitions(compliant=True, violating="GOV-01")

    def test_an_unsupported_rule_names_the_supported_ones(self) -> None:
        with pytest.raises(InvalidArgument, match=r"MEM-03.*POL-01"):
            testing.coalitions(violating="PRO-99")

    def test_the_entry_point_registers_the_strategies_for_from_type(self) -> None:
        code = (
            "import sys\n"
            "from hypothesis import given, settings, strategies as st\n"
            "import clac, clac.model\n"
            "@settings(max_examples=5, database=None)\n"
            "@given(st.from_type(clac.Coalition), st.from_type(clac.model.Member))\n"
            "def check(c, m):\n"
            "    assert isinstance(c, clac.Coalition) and isinstance(m, clac.model.Member)\n"
            "check()\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code
