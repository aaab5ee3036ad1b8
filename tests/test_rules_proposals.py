"""PRO-* rules over saved proposal records: each met, unmet and not applicable, the demo's two
deliberate proposal gaps, and their citations of the charter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from clac import DEMO_AS_OF, demo
from clac.charter import Section, Severity
from clac.model import (
    MeetingKind,
    MemberStatus,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
)
from clac.registry import Coalition
from clac.rules import CATALOGUE, Context, Outcome, evaluate
from clac.rules.proposals import PROPOSAL_RULES, current_round, recommendations_refusal
from tests.factories import coalition as make_coalition
from tests.factories import (
    coalition_meetings,
    icmec_organization,
    meeting,
    member,
    organization,
)

K = ProposalEventKind
S = ProposalState
AS_OF = date(2024, 6, 15)
PROPOSER = "org-a"


def _base() -> Coalition:
    members = (
        member(PROPOSER),
        member("org-b"),
        member("org-c", status=MemberStatus.INACTIVE),
        member("org-d", status=MemberStatus.WITHDRAWN, left=date(2020, 1, 1)),
        member("org-late", joined=date(2023, 1, 1)),
    )
    extra = (
        meeting(
            "other-regional-2021",
            date(2021, 11, 20),
            kind=MeetingKind.REGIONAL,
            organizer="outsider",
        ),
        meeting("steering-2021", date(2021, 11, 25), kind=MeetingKind.STEERING_COMMITTEE),
    )
    return make_coalition(
        members,
        organizations=(icmec_organization(), organization("outsider")),
        meetings=coalition_meetings(members) + extra,
    )


BASE = _base()


def ev(
    kind: ProposalEventKind,
    source: ProposalState,
    target: ProposalState,
    day: date,
    actor: str = "icmec",
    *,
    meeting: str | None = None,
) -> ProposalEvent:
    return ProposalEvent(
        event=kind, source=source, target=target, date=day, actor=actor, meeting=meeting
    )


def submitted(day: date = date(2021, 3, 1), actor: str = PROPOSER) -> list[ProposalEvent]:
    return [ev(K.SUBMIT, S.DRAFT, S.SUBMITTED, day, actor)]


def discussed(
    meeting_id: str = "regional-2021",
    *,
    shared: date = date(2021, 4, 1),
    held: date = date(2021, 11, 20),
) -> list[ProposalEvent]:
    return [
        *submitted(),
        ev(K.SHARE, S.SUBMITTED, S.SHARED, shared),
        ev(K.SCHEDULE, S.SHARED, S.SCHEDULED, shared, meeting=meeting_id),
        ev(K.DISCUSS, S.SCHEDULED, S.DISCUSSED, held, meeting=meeting_id),
    ]


def approved(meeting_id: str = "regional-2021", **kw: date) -> list[ProposalEvent]:
    history = discussed(meeting_id, **kw)
    last = history[-1].date
    return [*history, ev(K.APPROVE, S.DISCUSSED, S.APPROVED, last, meeting=meeting_id)]


def returned(day: date = date(2021, 11, 20)) -> list[ProposalEvent]:
    return [*discussed(), ev(K.RETURN_WITH_RECOMMENDATIONS, S.DISCUSSED, S.RETURNED, day)]


def record(
    history: Sequence[ProposalEvent],
    recommendations: Sequence[Recommendation] = (),
    proposer: str = PROPOSER,
) -> ProposalRecord:
    return ProposalRecord(
        id="p-1",
        title="A project",
        proposer=proposer,
        goals=("PG-1",),
        state=history[-1].target if history else S.DRAFT,
        history=tuple(history),
        recommendations=tuple(recommendations),
    )


def outcome(rule_id: str, proposal: ProposalRecord, as_of: date = AS_OF) -> Outcome:
    rule = next(r for r in PROPOSAL_RULES if r.id == rule_id)
    return rule.check(Context(BASE, as_of), proposal).outcome


REC = Recommendation("Tie the project to the shared repository", objective="OBJ-1")


class TestCatalogue:
    @pytest.mark.parametrize(
        ("rule_id", "item", "severity"),
        [
            ("PRO-01", 11, Severity.REQUIRED),
            ("PRO-02", 13, Severity.EXPECTED),
            ("PRO-03", 12, Severity.EXPECTED),
            ("PRO-04", 14, Severity.REQUIRED),
            ("PRO-05", 11, Severity.EXPECTED),
            ("PRO-06", 14, Severity.REQUIRED),
        ],
    )
    def test_each_rule_cites_its_clause_with_the_severity_of_its_wording(
        self, rule_id: str, item: int, severity: Severity
    ) -> None:
        rule = CATALOGUE.get(rule_id)
        assert rule.clause.section is Section.STRUCTURE_AND_GOVERNANCE
        assert rule.clause.item == item
        assert rule.severity is severity
        assert rule.applies_to.value == "proposal"

    def test_the_catalogue_holds_exactly_the_proposal_rules(self) -> None:
        assert [r.id for r in CATALOGUE.family("PRO")] == [r.id for r in PROPOSAL_RULES]

    def test_every_rule_speaks_english_and_spanish(self) -> None:
        for rule in PROPOSAL_RULES:
            assert rule.title.en != rule.title.es
            assert rule.explanation.es


class TestSubmission:
    def test_a_draft_is_not_applicable(self) -> None:
        assert outcome("PRO-01", record([])) is Outcome.NOT_APPLICABLE

    def test_a_submission_by_the_active_proposer_is_met(self) -> None:
        assert outcome("PRO-01", record(submitted())) is Outcome.MET

    def test_a_submission_by_another_organization_is_unmet(self) -> None:
        assert outcome("PRO-01", record(submitted(actor="org-b"))) is Outcome.UNMET

    def test_a_submission_before_the_proposer_joined_is_unmet(self) -> None:
        proposal = record(submitted(date(2022, 6, 1), "org-late"), proposer="org-late")
        assert outcome("PRO-01", proposal) is Outcome.UNMET

    def test_a_submission_after_the_proposer_left_is_unmet(self) -> None:
        proposal = record(submitted(date(2021, 6, 1), "org-d"), proposer="org-d")
        assert outcome("PRO-01", proposal) is Outcome.UNMET

    def test_a_past_submission_by_a_member_inactive_today_is_insufficient_data(self) -> None:
        proposal = record(submitted(date(2021, 6, 1), "org-c"), proposer="org-c")
        assert outcome("PRO-01", proposal) is Outcome.INSUFFICIENT_DATA

    def test_a_resubmission_is_checked_too(self) -> None:
        history = [
            *returned(),
            ev(K.REVISE, S.RETURNED, S.DRAFT, date(2022, 1, 1), PROPOSER),
            ev(K.SUBMIT, S.DRAFT, S.SUBMITTED, date(2022, 2, 1), "org-b"),
        ]
        assert outcome("PRO-01", record(history, [REC])) is Outcome.UNMET

    def test_an_event_after_the_day_of_the_assessment_is_not_looked_at(self) -> None:
        proposal = record(submitted(date(2024, 9, 1), "org-b"))
        assert outcome("PRO-01", proposal) is Outcome.NOT_APPLICABLE
        assert outcome("PRO-01", proposal, date(2024, 9, 1)) is Outcome.UNMET


class TestSharingBeforeApproval:
    def test_a_proposal_not_approved_is_not_applicable(self) -> None:
        assert outcome("PRO-02", record(discussed())) is Outcome.NOT_APPLICABLE

    def test_an_approval_after_sharing_is_met(self) -> None:
        assert outcome("PRO-02", record(approved())) is Outcome.MET

    def test_an_approval_without_sharing_is_unmet(self) -> None:
        history = [*submitted(), ev(K.APPROVE, S.SUBMITTED, S.APPROVED, date(2021, 5, 1))]
        assert outcome("PRO-02", record(history)) is Outcome.UNMET

    def test_a_sharing_before_the_last_resubmission_does_not_count(self) -> None:
        history = [
            *returned(),
            ev(K.REVISE, S.RETURNED, S.DRAFT, date(2022, 1, 1), PROPOSER),
            ev(K.SUBMIT, S.DRAFT, S.SUBMITTED, date(2022, 2, 1), PROPOSER),
            ev(K.APPROVE, S.SUBMITTED, S.APPROVED, date(2022, 3, 1)),
        ]
        assert outcome("PRO-02", record(history, [REC])) is Outcome.UNMET

    def test_the_current_round_starts_after_the_last_submission(self) -> None:
        history = returned()
        assert current_round(history) == history[1:]
        assert current_round([]) == []


class TestDiscussionAtRegionalMeetings:
    def test_a_proposal_never_scheduled_is_not_applicable(self) -> None:
        assert outcome("PRO-03", record(submitted())) is Outcome.NOT_APPLICABLE

    def test_discussion_at_a_regional_meeting_of_icmec_is_met(self) -> None:
        assert outcome("PRO-03", record(approved())) is Outcome.MET

    def test_discussion_at_the_annual_meeting_of_icmec_is_met(self) -> None:
        proposal = record(approved("annual-2022", held=date(2022, 5, 24)))
        assert outcome("PRO-03", proposal) is Outcome.MET

    @pytest.mark.parametrize(
        "meeting_id",
        ["other-regional-2021", "steering-2021"],
        ids=["organized-by-another-organization", "a-steering-committee-meeting"],
    )
    def test_discussion_at_another_meeting_is_unmet(self, meeting_id: str) -> None:
        proposal = record(approved(meeting_id, held=date(2021, 12, 1)))
        assert outcome("PRO-03", proposal) is Outcome.UNMET

    def test_a_meeting_before_the_sharing_is_unmet(self) -> None:
        proposal = record(approved("regional-2020", held=date(2021, 11, 20)))
        assert outcome("PRO-03", proposal) is Outcome.UNMET

    def test_a_discussion_dated_before_its_meeting_is_unmet(self) -> None:
        proposal = record(discussed("regional-2021", held=date(2021, 6, 1)))
        assert outcome("PRO-03", proposal) is Outcome.UNMET

    def test_an_approval_without_discussion_is_unmet(self) -> None:
        history = [*submitted(), ev(K.APPROVE, S.SUBMITTED, S.APPROVED, date(2021, 5, 1))]
        assert outcome("PRO-03", record(history)) is Outcome.UNMET

    def test_a_schedule_without_a_meeting_is_unmet(self) -> None:
        history = [
            *submitted(),
            ev(K.SHARE, S.SUBMITTED, S.SHARED, date(2021, 4, 1)),
            ev(K.SCHEDULE, S.SHARED, S.SCHEDULED, date(2021, 4, 1)),
        ]
        assert outcome("PRO-03", record(history)) is Outcome.UNMET


class TestReturnWithRecommendations:
    def test_a_proposal_never_returned_is_not_applicable(self) -> None:
        assert outcome("PRO-04", record(approved())) is Outcome.NOT_APPLICABLE

    def test_a_return_with_a_recommendation_is_met(self) -> None:
        assert outcome("PRO-04", record(returned(), [REC])) is Outcome.MET

    def test_a_return_without_recommendations_is_unmet(self) -> None:
        assert outcome("PRO-04", record(returned())) is Outcome.UNMET

    def test_two_returns_need_at_least_two_recommendations(self) -> None:
        history = [
            *returned(),
            ev(K.REVISE, S.RETURNED, S.DRAFT, date(2022, 1, 1), PROPOSER),
            ev(K.SUBMIT, S.DRAFT, S.SUBMITTED, date(2022, 2, 1), PROPOSER),
            ev(K.SHARE, S.SUBMITTED, S.SHARED, date(2022, 2, 2)),
            ev(K.SCHEDULE, S.SHARED, S.SCHEDULED, date(2022, 2, 3), meeting="annual-2022"),
            ev(K.DISCUSS, S.SCHEDULED, S.DISCUSSED, date(2022, 5, 24), meeting="annual-2022"),
            ev(K.RETURN_WITH_RECOMMENDATIONS, S.DISCUSSED, S.RETURNED, date(2022, 5, 24)),
        ]
        assert outcome("PRO-04", record(history, [REC])) is Outcome.UNMET
        assert outcome("PRO-04", record(history, [REC, REC])) is Outcome.MET

    def test_a_recommendation_tied_to_no_objective_of_the_charter_is_refused(self) -> None:
        from clac.charter import BASE_DOCUMENT

        unknown = Recommendation("Do more", objective="OBJ-9")
        refused = recommendations_refusal(BASE_DOCUMENT, [REC, unknown])
        assert refused is not None
        assert refused.rule == "PRO-04"
        assert "OBJ-9" in refused.reason.es


class TestWithdrawalAndRevision:
    def test_a_withdrawal_by_the_proposer_is_met(self) -> None:
        history = [
            *submitted(),
            ev(K.WITHDRAW, S.SUBMITTED, S.WITHDRAWN, date(2021, 5, 1), "org-a"),
        ]
        assert outcome("PRO-05", record(history)) is Outcome.MET

    def test_a_withdrawal_by_another_organization_is_unmet(self) -> None:
        history = [*submitted(), ev(K.WITHDRAW, S.SUBMITTED, S.WITHDRAWN, date(2021, 5, 1))]
        assert outcome("PRO-05", record(history)) is Outcome.UNMET

    def test_a_revision_by_the_proposer_is_met(self) -> None:
        history = [*returned(), ev(K.REVISE, S.RETURNED, S.DRAFT, date(2022, 1, 1), PROPOSER)]
        assert outcome("PRO-06", record(history, [REC])) is Outcome.MET

    def test_a_revision_by_another_organization_is_unmet(self) -> None:
        history = [*returned(), ev(K.REVISE, S.RETURNED, S.DRAFT, date(2022, 1, 1), "org-b")]
        assert outcome("PRO-06", record(history, [REC])) is Outcome.UNMET


@pytest.fixture(scope="module")
def findings() -> dict[tuple[str, str], Outcome]:
    assessment = evaluate(demo(), DEMO_AS_OF, rules=PROPOSAL_RULES)
    return {(f.rule.id, f.subject.id): f.outcome for f in assessment}


class TestDemo:
    def test_gap_20_the_approval_without_sharing_or_discussion_is_unmet(
        self, findings: dict[tuple[str, str], Outcome]
    ) -> None:
        assert findings["PRO-02", "annual-awareness-award"] is Outcome.UNMET
        assert findings["PRO-03", "annual-awareness-award"] is Outcome.UNMET

    def test_gap_21_the_return_without_recommendations_is_unmet(
        self, findings: dict[tuple[str, str], Outcome]
    ) -> None:
        assert findings["PRO-04", "regional-helpline-directory"] is Outcome.UNMET

    def test_nothing_else_about_proposals_is_unmet(
        self, findings: dict[tuple[str, str], Outcome]
    ) -> None:
        wrong = {k for k, v in findings.items() if v in {Outcome.UNMET, Outcome.ERROR}}
        assert wrong == {
            ("PRO-02", "annual-awareness-award"),
            ("PRO-03", "annual-awareness-award"),
            ("PRO-04", "regional-helpline-directory"),
        }

    def test_an_unmet_finding_says_which_event_and_why_in_spanish(self) -> None:
        assessment = evaluate(demo(), DEMO_AS_OF, rules=PROPOSAL_RULES)
        (finding,) = assessment.where(rule="PRO-04", outcome="unmet")
        assert finding.message.es.startswith("history[4] (devolver con recomendaciones")
        assert "recomendaciones" in finding.message.es
