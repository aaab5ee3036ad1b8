"""Tests for clac.registry: lookups by id, cross-references checked all at once, and views."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given

from clac import testing
from clac.charter import BASE_DOCUMENT, Amendment, Sector
from clac.errors import CrossReferenceError, InvalidData, UnknownReference
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Commitment,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Minutes,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    RoleAssignment,
    Scope,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.registry import Coalition
from clac.text import Language, Text

# A small coalition that holds together: ICMEC and a fictional hotline are members, a fictional
# company was one.
ICMEC = Organization("icmec", "ICMEC", Sector.NGO, ("US",), Scope.GLOBAL, partner="icmec")
LINEA = Organization("linea-ficticia", "Línea Ficticia (demo)", Sector.HOTLINE, ("BR",))
BUSCAWEB = Organization("buscaweb", "BuscaWeb (demo)", Sector.PRIVATE_SECTOR, ("US",), Scope.GLOBAL)
HOTLINES = WorkingGroup(
    "latin-american-hotlines",
    Text("Latin American Hotlines", "Líneas de Denuncia Latinoamericanas"),
    date(2016, 1, 1),
)
PREVENTION = WorkingGroup(
    "prevention-awareness", Text("Prevention and Awareness", "Prevención"), date(2016, 1, 1)
)
ICMEC_MEMBER = Member("icmec", date(2016, 1, 1), working_groups=("prevention-awareness",))
LINEA_MEMBER = Member(
    "linea-ficticia",
    date(2016, 6, 1),
    working_groups=("latin-american-hotlines", "prevention-awareness"),
    charter_subscription=Subscription(date(2016, 6, 1), document="subscription-linea-ficticia"),
    commitments=(Commitment("PG-2", "Train analysts", "10 analysts"),),
    referred_by="icmec",
)
FORMER = Member("buscaweb", date(2017, 1, 1), MemberStatus.WITHDRAWN, left=date(2019, 1, 1))
REGIONAL = Meeting(
    "regional-2020",
    date(2020, 5, 5),
    MeetingKind.REGIONAL,
    MeetingMode.TELECONFERENCE,
    organizer="icmec",
    attendees=("icmec", "linea-ficticia"),
    minutes=Minutes("minutes-2020", date(2020, 5, 20)),
)
ANNUAL = Meeting(
    "annual-2019",
    date(2019, 11, 5),
    MeetingKind.ANNUAL,
    MeetingMode.IN_PERSON,
    organizer="buscaweb",
    attendees=("linea-ficticia",),
)
SUBSCRIPTION = Document(
    "subscription-linea-ficticia",
    "Subscription",
    DocumentKind.SUBSCRIPTION,
    Language.PT,
    TLP.AMBER,
    date(2016, 6, 1),
)
MINUTES = Document(
    "minutes-2020", "Minutes", DocumentKind.MINUTES, Language.ES, TLP.GREEN, date(2020, 5, 20)
)
TRAINING = Activity(
    "Training",
    ActivityScope.IN_COUNTRY,
    ActivityStatus.IMPLEMENTED,
    goals=("PG-2",),
    countries=("BR",),
    members=("linea-ficticia",),
)
REPORT = QuarterlyReport(
    "latin-american-hotlines",
    2020,
    2,
    activities=(TRAINING,),
    policies=(
        Policy("Protocol", PolicyKind.ORGANIZATIONAL, ("PG-2",), organization="linea-ficticia"),
    ),
)


def step(
    event: ProposalEventKind, target: ProposalState, day: date, meeting: str | None = None
) -> ProposalEvent:
    """One step of PROPOSAL's history, from the state the step before it reached."""
    source = {
        ProposalEventKind.SUBMIT: ProposalState.DRAFT,
        ProposalEventKind.SHARE: ProposalState.SUBMITTED,
        ProposalEventKind.SCHEDULE: ProposalState.SHARED,
        ProposalEventKind.DISCUSS: ProposalState.SCHEDULED,
    }.get(event, ProposalState.DISCUSSED)
    return ProposalEvent(event, source, target, day, actor="icmec", meeting=meeting)


PROPOSAL = ProposalRecord(
    "hotline-network",
    "A regional hotline network",
    "linea-ficticia",
    ("PG-2",),
    ProposalState.RETURNED,
    history=(
        step(ProposalEventKind.SUBMIT, ProposalState.SUBMITTED, date(2020, 2, 1)),
        step(ProposalEventKind.SHARE, ProposalState.SHARED, date(2020, 2, 2)),
        step(ProposalEventKind.SCHEDULE, ProposalState.SCHEDULED, date(2020, 2, 3)),
        step(ProposalEventKind.DISCUSS, ProposalState.DISCUSSED, date(2020, 5, 5), "regional-2020"),
        step(
            ProposalEventKind.RETURN_WITH_RECOMMENDATIONS, ProposalState.RETURNED, date(2020, 5, 6)
        ),
    ),
    recommendations=(Recommendation("Add indicators", objective="OBJ-1", goal="PG-2"),),
)
PLANS = Plans(
    strategic=(StrategicPlan(2016, targets=(Target("PG-2", "Hotlines in 5 countries"),)),),
    operational=(
        OperationalPlan(2020, actions=(PlannedAction("Train", ("PG-2",), ("linea-ficticia",)),)),
    ),
)


def coalition(**changes: Any) -> Coalition:
    fields: dict[str, Any] = {
        "name": "CLAC",
        "organizations": [ICMEC, LINEA, BUSCAWEB],
        "members": [ICMEC_MEMBER, LINEA_MEMBER, FORMER],
        "working_groups": [HOTLINES, PREVENTION],
        "meetings": [REGIONAL, ANNUAL],
        "participation": [
            Participation("linea-ficticia", "2020-02", 6),
            Participation("icmec", "2020-01", 4.5),
            Participation("linea-ficticia", "2020-01", 5),
        ],
        "documents": [SUBSCRIPTION, MINUTES],
        "reports": [REPORT],
        "proposals": [PROPOSAL],
        "plans": PLANS,
        "roles": [RoleAssignment("chair", "icmec", date(2016, 1, 1), unit="ICMEC LAC")],
    }
    return Coalition(**(fields | changes))


@pytest.fixture(scope="module")
def clac() -> Coalition:
    return coalition()


class TestLookups:
    def test_each_kind_of_item_is_found_by_its_id(self, clac: Coalition) -> None:
        assert clac.organization("linea-ficticia") is LINEA
        assert clac.member("linea-ficticia") is LINEA_MEMBER
        assert clac.working_group("latin-american-hotlines") is HOTLINES
        assert clac.meeting("regional-2020") is REGIONAL
        assert clac.document("minutes-2020") is MINUTES
        assert clac.proposal("hotline-network") is PROPOSAL

    def test_a_report_is_found_by_group_and_quarter(self, clac: Coalition) -> None:
        assert clac.report("latin-american-hotlines", 2020, 2) is REPORT
        assert clac.report("latin-american-hotlines", 2020, 3) is None

    @pytest.mark.parametrize(
        ("lookup", "path"),
        [
            ("organization", "organizations"),
            ("member", "members"),
            ("working_group", "working_groups"),
            ("meeting", "meetings"),
            ("document", "documents"),
            ("proposal", "proposals"),
        ],
    )
    def test_an_unknown_id_raises_unknown_reference_naming_it(
        self, clac: Coalition, lookup: str, path: str
    ) -> None:
        with pytest.raises(UnknownReference) as caught:
            getattr(clac, lookup)("nobody")
        assert caught.value.path == path
        assert caught.value.value == "nobody"
        assert str(caught.value).startswith(f"{path}: 'nobody' is not ")

    def test_unknown_reference_is_also_a_lookup_error(self, clac: Coalition) -> None:
        with pytest.raises(LookupError, match="'buscaweb-lac'"):
            clac.organization("buscaweb-lac")

    def test_an_organization_that_is_not_a_member_is_not_found_as_one(self) -> None:
        with pytest.raises(UnknownReference, match="members: 'buscaweb'"):
            Coalition(
                name="CLAC",
                organizations=(ICMEC, BUSCAWEB),
                members=(ICMEC_MEMBER,),
                working_groups=(PREVENTION,),
            ).member("buscaweb")

    def test_an_unhashable_id_is_an_unknown_reference(self, clac: Coalition) -> None:
        with pytest.raises(UnknownReference):
            clac.member(["linea-ficticia"])  # type: ignore[arg-type]

    def test_a_report_of_an_unknown_working_group_is_an_unknown_reference(
        self, clac: Coalition
    ) -> None:
        with pytest.raises(UnknownReference, match="working_groups: 'hotlines'"):
            clac.report("hotlines", 2020, 2)


class TestCrossReferences:
    def test_a_registry_that_holds_together_constructs(self, clac: Coalition) -> None:
        assert len(clac.members) == 3
        assert "3 organizations, 3 members" in repr(clac)

    def test_every_broken_reference_is_listed_in_one_error(self) -> None:
        stranger = Member("stranger", date(2020, 1, 1))
        with pytest.raises(CrossReferenceError) as caught:
            coalition(
                organizations=[ICMEC, LINEA, BUSCAWEB, ICMEC],
                members=[ICMEC_MEMBER, LINEA_MEMBER, stranger],
                meetings=[attrs.evolve(REGIONAL, attendees=("icmec", "nobody"))],
                participation=[Participation("buscaweb", "2020-01", 4)],
                reports=[
                    attrs.evolve(REPORT, working_group="legislation"),
                    attrs.evolve(
                        REPORT,
                        quarter=3,
                        activities=(
                            Activity(
                                "Talks", ActivityScope.REGIONAL, ActivityStatus.PLANNED, ("PG-9",)
                            ),
                        ),
                    ),
                ],
                proposals=[attrs.evolve(PROPOSAL, proposer="buscaweb")],
            )
        messages = [problem.message() for problem in caught.value.problems]
        assert messages == [
            "organizations[3].id: 'icmec' repeats organizations[0]",
            "organizations[3].partner: 'icmec' repeats organizations[0]",
            "members[2].organization: 'stranger' is not an organization of the registry",
            "meetings[0].attendees[1]: 'nobody' is not a member",
            "participation[0].member: 'buscaweb' is not a member",
            "reports[0].working_group: 'legislation' is not a working group",
            "reports[1].activities[0].goals[0]: 'PG-9' is not a policy goal of the charter",
            "proposals[0].proposer: 'buscaweb' is not a member",
        ]
        assert str(caught.value).startswith("8 problems:\n  - organizations[3].id")

    def test_a_cross_reference_error_is_invalid_data_and_a_value_error(self) -> None:
        with pytest.raises(ValueError, match=r"members\[0\]\.organization") as caught:
            coalition(organizations=[], members=[ICMEC_MEMBER], meetings=[], roles=[])
        assert isinstance(caught.value, InvalidData)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            pytest.param(
                {"members": [ICMEC_MEMBER, LINEA_MEMBER, FORMER, ICMEC_MEMBER]},
                "members[3].organization: 'icmec' repeats members[0]",
                id="a member twice",
            ),
            pytest.param(
                {"meetings": [REGIONAL, attrs.evolve(ANNUAL, organizer="unicef")]},
                "meetings[1].organizer: 'unicef' is not an organization of the registry",
                id="an organizer that is not an organization",
            ),
            pytest.param(
                {"meetings": [REGIONAL, ANNUAL, REGIONAL]},
                "meetings[2].id: 'regional-2020' repeats meetings[0]",
                id="a meeting id twice",
            ),
            pytest.param(
                {"participation": [Participation("icmec", "2020-01", 4)] * 2},
                "participation[1]: ['icmec', '2020-01'] repeats participation[0]",
                id="a member's month recorded twice",
            ),
            pytest.param(
                {"reports": [REPORT, REPORT]},
                "reports[1]: ['latin-american-hotlines', 2020, 2] repeats reports[0]",
                id="a quarter reported twice",
            ),
            pytest.param(
                {"members": [ICMEC_MEMBER, attrs.evolve(LINEA_MEMBER, referred_by="buscaweb")]},
                "members[1].referred_by: 'buscaweb' is not a member",
                id="a referral by a non-member",
            ),
            pytest.param(
                {"documents": [MINUTES]},
                "members[1].charter_subscription.document: 'subscription-linea-ficticia' is not a "
                "document of the shared folder",
                id="a subscription document missing from the shared folder",
            ),
            pytest.param(
                {
                    "members": [
                        attrs.evolve(ICMEC_MEMBER, working_groups=("legislation",)),
                        LINEA_MEMBER,
                        FORMER,
                    ]
                },
                "members[0].working_groups[0]: 'legislation' is not a working group",
                id="a member of an unknown working group",
            ),
            pytest.param(
                {
                    "reports": [
                        attrs.evolve(
                            REPORT,
                            policies=(Policy("P", PolicyKind.ORGANIZATIONAL, organization="meta"),),
                        )
                    ]
                },
                "reports[0].policies[0].organization: 'meta' is not an organization of the "
                "registry",
                id="a policy of an unknown organization",
            ),
            pytest.param(
                {"proposals": [attrs.evolve(PROPOSAL, goals=("PG-2", "PG-12"))]},
                "proposals[0].goals[1]: 'PG-12' is not a policy goal of the charter",
                id="a proposal toward an unknown goal",
            ),
            pytest.param(
                {
                    "proposals": [
                        attrs.evolve(
                            PROPOSAL, recommendations=(Recommendation("R", objective="OBJ-3"),)
                        )
                    ]
                },
                "proposals[0].recommendations[0].objective: 'OBJ-3' is not an objective of the "
                "charter",
                id="a recommendation tied to an unknown objective",
            ),
            pytest.param(
                {"roles": [RoleAssignment("secretariat", "icmec-lac", date(2016, 1, 1))]},
                "roles[0].organization: 'icmec-lac' is not an organization of the registry",
                id="a role held by an unknown organization",
            ),
            pytest.param(
                {"organizations": [ICMEC, attrs.evolve(LINEA, partner="inhope-lac"), BUSCAWEB]},
                "organizations[1].partner: 'inhope-lac' is not a partner of the charter "
                "(`clac partners` lists their ids)",
                id="an organization claiming an unknown partner",
            ),
            pytest.param(
                {
                    "plans": Plans(
                        operational=(OperationalPlan(2020, (PlannedAction("A", (), ("unicef",)),)),)
                    )
                },
                "plans.operational[0].actions[0].members[0]: 'unicef' is not a member",
                id="a planned action by a non-member",
            ),
        ],
    )
    def test_each_kind_of_broken_reference_is_named_with_its_path(
        self, changes: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(CrossReferenceError) as caught:
            coalition(**changes)
        assert [problem.message() for problem in caught.value.problems] == [message]

    def test_a_former_member_is_still_a_member_of_the_registry(self) -> None:
        # Whether buscaweb could attend in 2019 is a rule's question, not a broken reference.
        assert coalition().meeting("annual-2019").organizer == "buscaweb"

    def test_a_coalition_needs_a_charter(self) -> None:
        with pytest.raises(InvalidData, match="charter"):
            Coalition(name="CLAC", charter="base-document")  # type: ignore[arg-type]


class TestViews:
    def test_members_on_a_day_are_those_active_that_day(self, clac: Coalition) -> None:
        ids = [m.organization for m in clac.members_on(date(2016, 3, 1))]
        assert ids == ["icmec"]
        assert [m.organization for m in clac.members_on(date(2020, 1, 1))] == [
            "icmec",
            "linea-ficticia",
        ]

    def test_members_on_may_include_inactive_members(self, clac: Coalition) -> None:
        day = date(2018, 1, 1)
        assert "buscaweb" not in {m.organization for m in clac.members_on(day)}
        assert "buscaweb" in {m.organization for m in clac.members_on(day, active_only=False)}
        assert "buscaweb" not in {
            m.organization for m in clac.members_on(date(2019, 1, 1), active_only=False)
        }

    def test_members_of_a_working_group_are_those_that_joined_it(self, clac: Coalition) -> None:
        assert clac.members_of("latin-american-hotlines") == (LINEA_MEMBER,)
        assert clac.members_of("prevention-awareness") == (ICMEC_MEMBER, LINEA_MEMBER)
        with pytest.raises(UnknownReference):
            clac.members_of("legislation")

    def test_participation_of_a_member_is_in_month_order(self, clac: Coalition) -> None:
        months = [str(p.month) for p in clac.participation_of("linea-ficticia")]
        assert months == ["2020-01", "2020-02"]
        assert clac.participation_of("buscaweb") == ()
        with pytest.raises(UnknownReference):
            clac.participation_of("unicef")

    def test_meetings_attended_by_a_member_are_in_date_order(self, clac: Coalition) -> None:
        assert clac.meetings_attended_by("linea-ficticia") == (ANNUAL, REGIONAL)
        assert clac.meetings_attended_by("icmec") == (REGIONAL,)
        with pytest.raises(UnknownReference):
            clac.meetings_attended_by("nobody")

    def test_the_charter_in_force_follows_its_amendments(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2021, 1, 1),
                summary=Text("Three meetings a year", "Tres reuniones al año"),
                parameters={"min_meetings_per_year": 3},
            )
        )
        clac = coalition(charter=amended)
        assert clac.charter_in_force(date(2020, 12, 31)) is BASE_DOCUMENT
        assert clac.charter_in_force(date(2021, 1, 1)) is amended
        assert clac.charter_in_force(date(2021, 1, 1)).parameters.min_meetings_per_year == 3
        with pytest.raises(InvalidData):
            clac.charter_in_force(date(2015, 12, 31))

    def test_evolve_returns_a_checked_copy(self, clac: Coalition) -> None:
        renamed = clac.evolve(name="CLAC 2")
        assert renamed.name == "CLAC 2"
        assert renamed.members == clac.members
        assert clac.name == "CLAC"
        with pytest.raises(CrossReferenceError, match="'linea-ficticia' is not a member"):
            clac.evolve(members=[ICMEC_MEMBER, FORMER])

    def test_a_coalition_is_immutable(self, clac: Coalition) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            clac.name = "Other"  # type: ignore[misc]

    def test_an_empty_coalition_is_valid(self) -> None:
        empty = Coalition(name="Empty")
        assert empty.charter is BASE_DOCUMENT
        assert empty.members_on(date(2020, 1, 1)) == ()


class TestGeneratedCoalitions:
    @given(testing.coalitions())
    def test_every_item_of_a_drawn_coalition_is_found_by_its_id(self, clac: Coalition) -> None:
        for organization in clac.organizations:
            assert clac.organization(organization.id) is organization
        for member in clac.members:
            assert clac.member(member.organization) is member
            assert clac.organization(member.organization).id == member.organization
        for group in clac.working_groups:
            assert clac.working_group(group.id) is group
            assert set(clac.members_of(group.id)) <= set(clac.members)
        for meeting in clac.meetings:
            assert clac.meeting(meeting.id) is meeting
        for document in clac.documents:
            assert clac.document(document.id) is document
        for proposal in clac.proposals:
            assert clac.proposal(proposal.id) is proposal
        for report in clac.reports:
            assert clac.report(report.working_group, report.year, report.quarter) is report

    @given(testing.coalitions(charter=None, min_members=1))
    def test_a_drawn_coalition_constructs_again_equal(self, clac: Coalition) -> None:
        assert clac.evolve() == clac
        fields = {field.name: getattr(clac, field.name) for field in attrs.fields(Coalition)}
        assert Coalition(**fields) == clac
