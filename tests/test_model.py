"""Tests for clac.model and clac.periods: valid values construct, impossible ones are refused
with an InvalidData naming the field path and the offending value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac import testing
from clac.errors import ClacError, InvalidData
from clac.model import (
    Activity,
    Commitment,
    Contribution,
    ContributionKind,
    Document,
    Indicator,
    LegislativeAdvance,
    Meeting,
    MeetingKind,
    Member,
    MemberStatus,
    Minutes,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    Policy,
    ProposalEvent,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    Representative,
    RepresentativeLevel,
    RoleAssignment,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.periods import Month, Quarter
from clac.text import Text

# ---------------------------------------------------------------------------- builders
# One valid value per class; a test changes the one field it is about.

SAFERNET = {"id": "safernet", "name": "SaferNet Brasil", "sector": "hotline", "countries": ["BR"]}
ANA = Representative("Ana Souza", "Director", RepresentativeLevel.SENIOR, email="ana@example.org")


def organization(**changes: Any) -> Organization:
    return Organization(**(SAFERNET | changes))


def representative(**changes: Any) -> Representative:
    fields: dict[str, Any] = {"name": "Ana Souza", "position": "Director", "level": "senior"}
    return Representative(**(fields | changes))


def member(**changes: Any) -> Member:
    fields: dict[str, Any] = {"organization": "safernet", "joined": date(2017, 3, 1)}
    return Member(**(fields | changes))


def meeting(**changes: Any) -> Meeting:
    fields: dict[str, Any] = {
        "id": "annual-2020",
        "date": date(2020, 11, 5),
        "kind": "annual",
        "mode": "teleconference",
        "organizer": "icmec",
        "attendees": ["icmec", "safernet"],
    }
    return Meeting(**(fields | changes))


def participation(**changes: Any) -> Participation:
    fields: dict[str, Any] = {"member": "safernet", "month": "2020-01", "hours": 5}
    return Participation(**(fields | changes))


def report(**changes: Any) -> QuarterlyReport:
    fields: dict[str, Any] = {
        "working_group": "latin-american-hotlines",
        "year": 2020,
        "quarter": 2,
    }
    return QuarterlyReport(**(fields | changes))


def activity(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "description": "Hotline training",
        "scope": "in-country",
        "status": "implemented",
        "countries": ["BR"],
    }
    return Activity(**(fields | changes))


def policy(**changes: Any) -> Policy:
    fields: dict[str, Any] = {"description": "Reporting protocol", "kind": "in-country"}
    return Policy(**(fields | {"country": "MX"} | changes))


def document(**changes: Any) -> Document:
    fields: dict[str, Any] = {
        "id": "minutes-2020",
        "title": "Minutes",
        "kind": "minutes",
        "language": "es",
        "classification": "GREEN",
        "date": date(2020, 11, 6),
    }
    return Document(**(fields | changes))


def event(source: str, target: str, event_kind: str, day: date) -> ProposalEvent:
    fields: dict[str, Any] = {"event": event_kind, "source": source, "target": target}
    return ProposalEvent(**fields, date=day, actor="safernet")


SUBMIT = event("draft", "submitted", "submit", date(2020, 2, 1))
SHARE = event("submitted", "shared", "share", date(2020, 2, 10))


def proposal(**changes: Any) -> ProposalRecord:
    fields: dict[str, Any] = {
        "id": "hotline-network",
        "title": "A regional hotline network",
        "proposer": "safernet",
        "goals": ["PG-2"],
        "state": "shared",
        "history": [SUBMIT, SHARE],
    }
    return ProposalRecord(**(fields | changes))


def role(**changes: Any) -> RoleAssignment:
    fields: dict[str, Any] = {"role": "chair", "organization": "icmec", "since": date(2016, 1, 1)}
    return RoleAssignment(**(fields | changes))


def working_group(**changes: Any) -> WorkingGroup:
    fields: dict[str, Any] = {
        "id": "latin-american-hotlines",
        "name": Text("Latin American Hotlines", "Líneas de Denuncia Latinoamericanas"),
        "formed": date(2016, 1, 1),
    }
    return WorkingGroup(**(fields | changes))


# ------------------------------------------------------------------ valid values construct

STRATEGIES = [
    pytest.param(strategy, cls, id=cls.__name__)
    for strategy, cls in [
        (testing.organizations(), Organization),
        (testing.representatives(), Representative),
        (testing.subscriptions(), Subscription),
        (testing.contributions(), Contribution),
        (testing.commitments(), Commitment),
        (testing.members(), Member),
        (testing.role_assignments(), RoleAssignment),
        (testing.working_groups(), WorkingGroup),
        (testing.minutes(), Minutes),
        (testing.meetings(), Meeting),
        (testing.participations(), Participation),
        (testing.documents(), Document),
        (testing.activities(), Activity),
        (testing.policies(), Policy),
        (testing.legislative_advances(), LegislativeAdvance),
        (testing.quarterly_reports(), QuarterlyReport),
        (testing.proposal_events(), ProposalEvent),
        (testing.recommendations(), Recommendation),
        (testing.proposal_records(), ProposalRecord),
        (testing.indicators(), Indicator),
        (testing.targets(), Target),
        (testing.strategic_plans(), StrategicPlan),
        (testing.planned_actions(), PlannedAction),
        (testing.operational_plans(), OperationalPlan),
        (testing.plans(), Plans),
        (testing.months(), Month),
        (testing.quarters(), Quarter),
        (testing.texts(), Text),
    ]
]


class TestValidValues:
    @pytest.mark.parametrize(("strategy", "cls"), STRATEGIES)
    @given(data=st.data())
    def test_every_drawn_value_constructs_again_equal(
        self, strategy: st.SearchStrategy[Any], cls: type[Any], data: st.DataObject
    ) -> None:
        value = data.draw(strategy)
        assert isinstance(value, cls)
        assert attrs.evolve(value) == value
        again = cls(**{field.alias: getattr(value, field.name) for field in attrs.fields(cls)})
        assert again == value
        assert hash(again) == hash(value)

    def test_lists_are_accepted_and_stored_as_tuples(self) -> None:
        org = organization(scope="regional", countries=["BR", "AR"])
        assert org.countries == ("BR", "AR")

    def test_lower_case_country_codes_are_read_as_upper_case(self) -> None:
        assert organization(countries=["br"]).countries == ("BR",)
        assert policy(country="mx").country == "MX"
        assert LegislativeAdvance("ar", "Ley 27.590", date(2020, 11, 1), "Mica Ortega").country == (
            "AR"
        )

    def test_enum_values_may_be_given_as_their_strings(self) -> None:
        assert meeting().kind is MeetingKind.ANNUAL
        assert member(status="inactive").status is MemberStatus.INACTIVE

    def test_representative_level_may_be_given_by_name(self) -> None:
        assert representative(level="middle").level is RepresentativeLevel.MIDDLE
        assert representative(level="EXECUTIVE").level is RepresentativeLevel.EXECUTIVE

    def test_representative_level_may_be_given_as_its_number(self) -> None:
        assert representative(level=2).level is RepresentativeLevel.MIDDLE

    def test_a_regional_organization_may_work_in_several_countries(self) -> None:
        assert len(organization(scope="regional", countries=["BR", "AR", "MX"]).countries) == 3

    def test_a_withdrawn_member_with_its_leaving_date_is_valid(self) -> None:
        left = member(status="withdrawn", left=date(2019, 1, 1))
        assert left.is_member_on(date(2018, 12, 31))
        assert not left.is_member_on(date(2019, 1, 1))
        assert not left.is_active_on(date(2018, 12, 31))

    def test_a_proposal_with_a_legal_history_is_valid(self) -> None:
        assert proposal().state is ProposalState.SHARED
        assert proposal(state="draft", history=[]).history == ()


# ---------------------------------------------------------------- impossible values refused

AN_ORGANIZATION_WHERE_A_REPRESENTATIVE_BELONGS = organization()
UNCHECKED: Any = object()  # NaN equals nothing, not even itself
MISSING: Any = object()  # the error records that nothing was given

IMPOSSIBLE: list[Any] = [
    # (build, field path, offending value)
    pytest.param(
        lambda: organization(countries=["XX"]),
        "countries[0]",
        "XX",
        id="an unknown country code",
    ),
    pytest.param(
        lambda: organization(scope="regional", countries=["BR", "ZZ"]),
        "countries[1]",
        "ZZ",
        id="an unknown country code names its element",
    ),
    pytest.param(
        lambda: organization(scope="regional", countries=["BR", "br"]),
        "countries[1]",
        "BR",
        id="a country twice",
    ),
    pytest.param(
        lambda: organization(countries="BR"),
        "countries",
        "BR",
        id="a string where a list of countries belongs",
    ),
    pytest.param(
        lambda: organization(countries=["BR", "AR"], scope="national"),
        "countries",
        ["BR", "AR"],
        id="a national organization in two countries",
    ),
    pytest.param(
        lambda: organization(sector="church"),
        "sector",
        "church",
        id="a value outside an enum",
    ),
    pytest.param(
        lambda: organization(id="SaferNet Brasil"),
        "id",
        "SaferNet Brasil",
        id="an id that is not a slug",
    ),
    pytest.param(
        lambda: organization(name="   "),
        "name",
        "   ",
        id="a blank name",
    ),
    pytest.param(
        lambda: member(organization=ANA),
        "organization",
        ANA,
        id="a representative where the member's organization id belongs",
    ),
    pytest.param(
        lambda: meeting(attendees=["icmec", ANA]),
        "attendees[1]",
        ANA,
        id="a representative where an attendee organization id belongs",
    ),
    pytest.param(
        lambda: meeting(organizer=ANA),
        "organizer",
        ANA,
        id="a representative where the organizer id belongs",
    ),
    pytest.param(
        lambda: member(representatives=[AN_ORGANIZATION_WHERE_A_REPRESENTATIVE_BELONGS]),
        "representatives[0]",
        AN_ORGANIZATION_WHERE_A_REPRESENTATIVE_BELONGS,
        id="an organization where a representative belongs",
    ),
    pytest.param(
        lambda: meeting(attendees="icmec"),
        "attendees",
        "icmec",
        id="a string where a list of attendees belongs",
    ),
    pytest.param(
        lambda: member(status="withdrawn"),
        "left",
        MISSING,
        id="a withdrawn member without the date it left",
    ),
    pytest.param(
        lambda: member(left=date(2017, 2, 28)),
        "left",
        date(2017, 2, 28),
        id="leaving before joining",
    ),
    pytest.param(
        lambda: member(joined=datetime(2017, 3, 1, 9, 30)),
        "joined",
        datetime(2017, 3, 1, 9, 30),
        id="a datetime where a date belongs",
    ),
    pytest.param(
        lambda: member(joined="2017-03-01"),
        "joined",
        "2017-03-01",
        id="a string where a date belongs",
    ),
    pytest.param(
        lambda: member(listed_in_materials="yes"),
        "listed_in_materials",
        "yes",
        id="a truthy string where a bool belongs",
    ),
    pytest.param(
        lambda: member(referred_by="safernet"),
        "referred_by",
        "safernet",
        id="a member referring itself",
    ),
    pytest.param(
        lambda: representative(email="ana.example.org"),
        "email",
        "ana.example.org",
        id="a bad e-mail address",
    ),
    pytest.param(
        lambda: representative(level="boss"),
        "level",
        "boss",
        id="an unknown representative level",
    ),
    pytest.param(
        lambda: representative(level=True),
        "level",
        True,
        id="a bool where a representative level belongs",
    ),
    pytest.param(
        lambda: participation(hours=-1),
        "hours",
        -1,
        id="negative hours",
    ),
    pytest.param(
        lambda: participation(hours=744.5),
        "hours",
        744.5,
        id="more hours than a month has",
    ),
    pytest.param(
        lambda: participation(hours=float("nan")),
        "hours",
        UNCHECKED,
        id="hours that are not a number",
    ),
    pytest.param(
        lambda: participation(hours=True),
        "hours",
        True,
        id="a bool where hours belong",
    ),
    pytest.param(
        lambda: participation(month="January 2020"),
        "month",
        "January 2020",
        id="a month that is not YYYY-MM",
    ),
    pytest.param(
        lambda: report(quarter=5),
        "quarter",
        5,
        id="quarter 5",
    ),
    pytest.param(
        lambda: report(year=True),
        "year",
        True,
        id="a bool where a year belongs",
    ),
    pytest.param(
        lambda: report(quarter=2.0),
        "quarter",
        2.0,
        id="a float where a whole number belongs",
    ),
    pytest.param(
        lambda: report(submitted=date(2020, 3, 31)),
        "submitted",
        date(2020, 3, 31),
        id="a report submitted before its quarter began",
    ),
    pytest.param(
        lambda: activity(countries=[]),
        "countries",
        MISSING,
        id="an in-country activity without a country",
    ),
    pytest.param(
        lambda: activity(goals=["PG-1", "goal 2"]),
        "goals[1]",
        "goal 2",
        id="a policy goal id that is not PG-n",
    ),
    pytest.param(
        lambda: policy(country=None),
        "country",
        MISSING,
        id="an in-country policy without a country",
    ),
    pytest.param(
        lambda: policy(kind="organizational", country=None),
        "organization",
        MISSING,
        id="an organizational policy without an organization",
    ),
    pytest.param(
        lambda: meeting(kind="working-group"),
        "working_group",
        MISSING,
        id="a working-group meeting without its working group",
    ),
    pytest.param(
        lambda: meeting(minutes=Minutes(circulated=date(2020, 11, 4))),
        "minutes.circulated",
        date(2020, 11, 4),
        id="minutes circulated before the meeting",
    ),
    pytest.param(
        lambda: document(classification="PINK"),
        "classification",
        "PINK",
        id="an unknown TLP label",
    ),
    pytest.param(
        lambda: document(language="fr"),
        "language",
        "fr",
        id="an unsupported language",
    ),
    pytest.param(
        lambda: proposal(state="approved"),
        "state",
        "approved",
        id="a proposal state that does not match its history",
    ),
    pytest.param(
        lambda: proposal(history=[SHARE]),
        "history[0].source",
        "submitted",
        id="a proposal history that does not start from draft",
    ),
    pytest.param(
        lambda: proposal(history=[SUBMIT, attrs.evolve(SHARE, date=date(2020, 1, 31))]),
        "history[1].date",
        date(2020, 1, 31),
        id="a proposal history going back in time",
    ),
    pytest.param(
        lambda: Recommendation("Add indicators"),
        "objective",
        MISSING,
        id="a recommendation tied to neither objective nor goal",
    ),
    pytest.param(
        lambda: Recommendation("Add indicators", objective="OBJ-0"),
        "objective",
        "OBJ-0",
        id="an objective id that is not OBJ-n",
    ),
    pytest.param(
        lambda: Plans(strategic=(StrategicPlan(2016), StrategicPlan(2020))),
        "strategic[1].start_year",
        2020,
        id="overlapping strategic plans",
    ),
    pytest.param(
        lambda: Plans(operational=(OperationalPlan(2020), OperationalPlan(2020))),
        "operational[1].year",
        2020,
        id="two operational plans for one year",
    ),
    pytest.param(
        lambda: OperationalPlan(2020, assessment="On track"),
        "assessed",
        MISSING,
        id="an assessment without its date",
    ),
    pytest.param(
        lambda: StrategicPlan(2016, years=0),
        "years",
        0,
        id="a strategic plan of no years",
    ),
    pytest.param(
        lambda: role(role="treasurer"),
        "role",
        "treasurer",
        id="a role the charter does not have",
    ),
    pytest.param(
        lambda: role(until=date(2015, 12, 31)),
        "until",
        date(2015, 12, 31),
        id="a role ending before it began",
    ),
    pytest.param(
        lambda: working_group(name="Hotlines"),
        "name",
        "Hotlines",
        id="a plain string where bilingual text belongs",
    ),
    pytest.param(
        lambda: working_group(consulted=date(2016, 1, 2)),
        "consulted",
        date(2016, 1, 2),
        id="members consulted after the group was formed",
    ),
    pytest.param(
        lambda: Commitment("PG-2", "Train", "10 analysts", indicators="trained"),  # type: ignore[arg-type]
        "indicators",
        "trained",
        id="a string where a list of indicators belongs",
    ),
    pytest.param(
        lambda: Text("Chair", ""),
        "es",
        "",
        id="bilingual text without its Spanish",
    ),
]


class TestImpossibleValues:
    @pytest.mark.parametrize(("build", "path", "value"), IMPOSSIBLE)
    def test_is_refused_naming_the_field_path_and_the_value(
        self, build: Callable[[], object], path: str, value: Any
    ) -> None:
        with pytest.raises(InvalidData) as caught:
            build()
        error = caught.value
        assert error.path == path
        assert str(error).startswith(f"{path}: ")
        if value is MISSING:
            assert not error.problems[0].has_value
        elif value is not UNCHECKED:
            assert error.value == value
            # Personal data (an e-mail address, anything where a representative belongs) is
            # masked in the message: 'a***'.
            shown = error.problems[0].shown_value()
            assert (
                shown.startswith(repr(value)[:40])
                or (path == "email" and shown == "'a***'")
                or (path.startswith("representatives") and shown.endswith("***'"))
            )
            assert shown in str(error)

    @pytest.mark.parametrize(("build", "path", "value"), IMPOSSIBLE[:6])
    def test_is_also_a_value_error_and_a_clac_error(
        self, build: Callable[[], object], path: str, value: Any
    ) -> None:
        with pytest.raises(ValueError, match=path.replace("[", r"\[").replace("]", r"\]")) as info:
            build()
        assert isinstance(info.value, ClacError)

    def test_a_string_is_never_split_into_characters(self) -> None:
        with pytest.raises(InvalidData, match="must be a list, not str"):
            organization(scope="regional", countries="BRAR")

    def test_a_datetime_is_refused_everywhere_a_date_belongs(self) -> None:
        noon = datetime(2020, 1, 1, 12)
        for build in (
            lambda: Subscription(signed=noon),
            lambda: Contribution(noon, ContributionKind.FINANCIAL, "Venue"),
            lambda: document(date=noon),
            lambda: meeting(date=noon),
        ):
            with pytest.raises(InvalidData, match="is not a date"):
                build()


# ------------------------------------------------------------------------------- periods


class TestMonth:
    @given(testing.months(max_value=Month(2999, 11)))
    def test_parsing_its_text_gives_it_back(self, month: Month) -> None:
        assert Month.parse(str(month)) == month
        assert Month.parse(month) is month

    @given(testing.months(max_value=Month(2999, 11)))
    def test_the_next_month_minus_one_is_the_month(self, month: Month) -> None:
        assert month.next().minus(1) == month
        assert month.next() > month

    @given(testing.months(min_value=Month(1901, 1)), st.integers(0, 12))
    def test_minus_counts_months_back(self, month: Month, count: int) -> None:
        earlier = month.minus(count)
        assert (month.year - earlier.year) * 12 + month.month - earlier.month == count

    @given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
    def test_the_month_of_a_day_contains_it(self, day: date) -> None:
        month = Month.of(day)
        assert month.first_day <= day <= month.last_day
        assert (month.last_day + timedelta(days=1)).day == 1

    def test_december_is_followed_by_january(self) -> None:
        assert Month(2024, 12).next() == Month(2025, 1)
        assert Month(2025, 1).minus(1) == Month(2024, 12)
        assert str(Month(2024, 3)) == "2024-03"

    def test_february_has_its_leap_day(self) -> None:
        assert Month(2024, 2).last_day == date(2024, 2, 29)

    def test_the_last_month_clac_reads_has_a_next_and_the_last_month_of_a_date_has_none(
        self,
    ) -> None:
        assert Month(2999, 12).last_day == date(2999, 12, 31)
        assert Month(2999, 12).next() == Month(3000, 1)  # a deadline after the last day read
        with pytest.raises(InvalidData):
            Month.parse("3000-01")
        with pytest.raises(InvalidData):
            Month(9999, 12).next()

    @pytest.mark.parametrize("text", ["2024-3", "2024/03", "March 2024", "", "2024-03-01"])
    def test_text_that_is_not_yyyy_mm_is_refused(self, text: str) -> None:
        with pytest.raises(InvalidData, match="is not a month"):
            Month.parse(text)

    def test_a_number_is_not_a_month(self) -> None:
        with pytest.raises(InvalidData) as caught:
            Month.parse(202403)  # type: ignore[arg-type]
        assert caught.value.value == 202403

    @pytest.mark.parametrize(("year", "month"), [(2024, 13), (2024, 0), (0, 12), (10000, 1)])
    def test_impossible_months_are_refused(self, year: int, month: int) -> None:
        with pytest.raises(InvalidData):
            Month(year, month)

    @pytest.mark.parametrize("text", ["1899-12", "3000-01"])
    def test_months_outside_the_years_clac_reads_are_refused(self, text: str) -> None:
        with pytest.raises(InvalidData, match="is not a month"):
            Month.parse(text)

    @pytest.mark.parametrize("text", ["2024-13", "0999-01"])
    def test_text_of_an_impossible_month_is_refused_as_a_whole(self, text: str) -> None:
        with pytest.raises(InvalidData) as caught:
            participation(month=text)
        assert (caught.value.path, caught.value.value) == ("month", text)


class TestQuarter:
    @given(testing.quarters())
    def test_parsing_its_text_gives_it_back(self, quarter: Quarter) -> None:
        assert Quarter.parse(str(quarter)) == quarter

    @given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
    def test_the_quarter_of_a_day_contains_it(self, day: date) -> None:
        quarter = Quarter.of(day)
        assert day in quarter
        assert quarter.first_day <= day <= quarter.last_day

    @given(testing.quarters(max_value=Quarter(2999, 3)))
    def test_the_next_quarter_begins_the_day_after(self, quarter: Quarter) -> None:
        assert quarter.next().first_day == quarter.last_day + timedelta(days=1)
        assert quarter.next() > quarter

    def test_a_quarter_holds_only_dates(self) -> None:
        assert "2024-02-01" not in Quarter(2024, 1)
        assert date(2024, 4, 1) not in Quarter(2024, 1)
        assert str(Quarter(2024, 4)) == "2024-Q4"

    @pytest.mark.parametrize("text", ["2024-Q5", "2024-Q0", "2024Q1", "Q1 2024", "2024-q1"])
    def test_text_that_is_not_yyyy_qn_is_refused(self, text: str) -> None:
        with pytest.raises(InvalidData, match="is not a quarter"):
            Quarter.parse(text)

    def test_the_last_quarter_clac_accepts_has_a_last_day(self) -> None:
        assert Quarter(2999, 4).last_day == date(2999, 12, 31)

    def test_quarter_5_is_refused(self) -> None:
        with pytest.raises(InvalidData) as caught:
            Quarter(2024, 5)
        assert (caught.value.path, caught.value.value) == ("quarter", 5)


class TestIdentifiersAreWhole:
    def test_a_trailing_newline_is_not_part_of_an_id(self) -> None:
        with pytest.raises(InvalidData, match="is not a valid id"):
            Member("icmec\n", date(2020, 1, 1))

    def test_a_trailing_newline_is_not_part_of_a_policy_goal_id(self) -> None:
        with pytest.raises(InvalidData, match="is not a policy goal id"):
            Commitment("PG-1\n", "Train", "10 analysts")
