"""The proposal lifecycle: the python-statemachine machine, its guards, restoring and replaying
saved records, lazy views, diagrams, the ``clac proposal`` commands and a stateful Hypothesis
test of random event sequences."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from clac import DEMO_AS_OF, demo
from clac.cli.proposal import proposal
from clac.errors import (
    ClacError,
    InvalidData,
    TransitionNotAllowed,
    UnknownReference,
    UnsupportedFormat,
)
from clac.io import dump, load
from clac.model import (
    MeetingKind,
    MemberStatus,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
)
from clac.proposals import (
    ALLOWED,
    TRANSITIONS,
    ProposalLifecycle,
    ProposalMachine,
    ProposalView,
    allowed_events,
    lifecycle_diagram,
    lifecycle_mermaid,
    lifecycle_problems,
    replace_proposal,
    restore_all,
)
from clac.registry import Coalition
from clac.rules import Context, Outcome
from clac.rules.proposals import ICMEC_PARTNER, PROPOSAL_RULES, current_round
from clac.testing import proposal_records
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
PROPOSER = "org-a"
REC = Recommendation("Show how results reach the shared repository", objective="OBJ-1")
REC_GOAL = Recommendation("Add indicators of awareness", goal="PG-6")
ROOT = Path(__file__).resolve().parent.parent


def _coalition() -> Coalition:
    members = (
        member(PROPOSER),
        member("org-b"),
        member("org-c", status=MemberStatus.INACTIVE),
        member("org-d", status=MemberStatus.WITHDRAWN, left=date(2020, 1, 1)),
    )
    extra = (
        meeting(
            "other-regional-2021",
            date(2021, 11, 20),
            kind=MeetingKind.REGIONAL,
            organizer="outsider",
        ),
        meeting("steering-2021", date(2021, 11, 25), kind=MeetingKind.STEERING_COMMITTEE),
        meeting(
            "wg-2021",
            date(2021, 10, 1),
            kind=MeetingKind.WORKING_GROUP,
            working_group="prevention-awareness",
        ),
    )
    return make_coalition(
        members,
        organizations=(icmec_organization(), organization("outsider")),
        meetings=coalition_meetings(members) + extra,
    )


BASE = _coalition()


def draft(proposer: str = PROPOSER, pid: str = "p-1") -> ProposalRecord:
    return ProposalRecord(id=pid, title="Regional helpline training", proposer=proposer)


def fresh(proposer: str = PROPOSER, *, listeners: tuple[object, ...] = ()) -> ProposalMachine:
    return ProposalMachine(draft(proposer), BASE, listeners=listeners)


def to_discussed(machine: ProposalMachine, meeting_id: str = "regional-2021") -> ProposalMachine:
    machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
    machine.share(actor="icmec", on=date(2021, 3, 15))
    machine.schedule(actor="icmec", on=date(2021, 4, 1), meeting=meeting_id)
    machine.discuss(actor="icmec", on=BASE.meeting(meeting_id).date)
    return machine


def refused(error: BaseException | None) -> TransitionNotAllowed:
    assert isinstance(error, TransitionNotAllowed)
    return error


class Recorder:
    """A listener counting python-statemachine's callbacks."""

    def __init__(self) -> None:
        self.entered: list[str] = []

    def on_enter_state(self, target: object) -> None:
        self.entered.append(str(getattr(target, "id", target)))


# ----------------------------------------------------------------------------- definition


class TestDefinition:
    def test_the_states_are_the_model_states(self) -> None:
        assert {s.value for s in ProposalLifecycle.states} == set(ProposalState)

    def test_the_final_states_are_approved_and_withdrawn(self) -> None:
        finals = {s.value for s in ProposalLifecycle.final_states}
        assert finals == {S.APPROVED, S.WITHDRAWN}
        assert ALLOWED[S.APPROVED] == ALLOWED[S.WITHDRAWN] == ()

    def test_every_event_kind_is_an_event_of_the_machine(self) -> None:
        assert {kind for (_, kind) in TRANSITIONS} == set(ProposalEventKind)

    def test_a_returned_proposal_can_be_revised_and_submitted_again(self) -> None:
        assert TRANSITIONS[S.RETURNED, K.REVISE] is S.DRAFT
        assert TRANSITIONS[S.DRAFT, K.SUBMIT] is S.SUBMITTED

    def test_only_a_discussed_proposal_is_approved_or_returned(self) -> None:
        sources = {s for (s, k) in TRANSITIONS if k in {K.APPROVE, K.RETURN_WITH_RECOMMENDATIONS}}
        assert sources == {S.DISCUSSED}

    def test_importing_clac_does_not_import_python_statemachine(self) -> None:
        code = (
            "import sys, clac, clac.rules; from clac.rules import CATALOGUE; len(CATALOGUE); "
            "import clac.cli.proposal; assert 'statemachine' not in sys.modules"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code


# ---------------------------------------------------------------------------------- events


class TestEvents:
    def test_a_proposal_goes_from_draft_to_approved(self) -> None:
        machine = to_discussed(fresh())
        record = machine.approve(actor="icmec", on=date(2021, 11, 20))
        assert record.state is S.APPROVED
        assert [e.event for e in record.history] == [
            K.SUBMIT,
            K.SHARE,
            K.SCHEDULE,
            K.DISCUSS,
            K.APPROVE,
        ]
        assert record.history[-1].meeting == "regional-2021"
        assert machine.is_final
        assert machine.allowed_events == ()

    def test_each_event_gives_a_new_frozen_record(self) -> None:
        machine = fresh()
        before = machine.record
        after = machine.submit(actor=PROPOSER, on=date(2021, 3, 1), note="First version")
        assert before.state is S.DRAFT
        assert before.history == ()
        assert after is machine.record
        assert after.history[-1] == ProposalEvent(
            event=K.SUBMIT,
            source=S.DRAFT,
            target=S.SUBMITTED,
            date=date(2021, 3, 1),
            actor=PROPOSER,
            note="First version",
        )
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            after.state = S.DRAFT  # type: ignore[misc]

    def test_events_are_sent_by_value_by_name_or_by_kind(self) -> None:
        machine = fresh()
        machine.send("submit", actor=PROPOSER, on=date(2021, 3, 1))
        machine.send(K.SHARE, actor="icmec", on=date(2021, 3, 2))
        machine.send("schedule", actor="icmec", on=date(2021, 3, 3), meeting="regional-2021")
        machine.send("discuss", actor="icmec", on=date(2021, 11, 20))
        machine.send(
            "return_with_recommendations",
            actor="icmec",
            on=date(2021, 11, 20),
            recommendations=[REC],
        )
        assert machine.state is S.RETURNED

    def test_a_return_keeps_its_recommendations_and_a_revision_keeps_them_too(self) -> None:
        machine = to_discussed(fresh())
        machine.return_with_recommendations(
            actor="icmec", on=date(2021, 11, 20), recommendations=[REC, REC_GOAL]
        )
        record = machine.revise(actor=PROPOSER, on=date(2022, 1, 10))
        assert record.state is S.DRAFT
        assert record.recommendations == (REC, REC_GOAL)
        assert machine.allowed_events == (K.SUBMIT, K.WITHDRAW)

    def test_a_discussion_defaults_to_the_meeting_it_was_scheduled_for(self) -> None:
        record = to_discussed(fresh(), "annual-2022").record
        assert record.history[-1].meeting == "annual-2022"

    def test_a_proposal_can_be_scheduled_again_for_a_later_meeting(self) -> None:
        machine = to_discussed(fresh())
        machine.schedule(actor="icmec", on=date(2021, 12, 1), meeting="annual-2022")
        machine.discuss(actor="icmec", on=date(2022, 5, 24))
        assert machine.approve(actor="icmec", on=date(2022, 5, 24)).state is S.APPROVED

    def test_an_unknown_event_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match="is not a proposal event"):
            fresh().send("publish", actor=PROPOSER, on=date(2021, 3, 1))

    def test_an_event_the_state_does_not_allow_names_the_allowed_events(self) -> None:
        with pytest.raises(TransitionNotAllowed) as caught:
            fresh().approve(actor="icmec", on=date(2021, 3, 1))
        assert caught.value.rule is None
        assert "allowed: submit, withdraw" in str(caught.value)
        assert "permitidos: submit, withdraw" in caught.value.message("es")

    def test_no_event_is_allowed_in_a_final_state(self) -> None:
        machine = fresh()
        machine.withdraw(actor=PROPOSER, on=date(2021, 3, 1))
        with pytest.raises(TransitionNotAllowed, match="the proposal is final"):
            machine.submit(actor=PROPOSER, on=date(2021, 3, 2))

    def test_an_event_dated_before_the_last_one_is_invalid_data(self) -> None:
        machine = fresh()
        machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
        with pytest.raises(InvalidData) as caught:
            machine.share(actor="icmec", on=date(2021, 2, 1))
        assert caught.value.path == "date"

    def test_an_actor_outside_the_registry_is_an_unknown_reference(self) -> None:
        with pytest.raises(UnknownReference) as caught:
            fresh().submit(actor="nobody", on=date(2021, 3, 1))
        assert caught.value.path == "actor"

    def test_recommendations_come_only_with_a_return(self) -> None:
        with pytest.raises(InvalidData, match="only a return carries recommendations"):
            fresh().send("submit", actor=PROPOSER, on=date(2021, 3, 1), recommendations=[REC])

    def test_a_listener_gets_the_callbacks_of_each_transition(self) -> None:
        recorder = Recorder()
        machine = fresh(listeners=(recorder,))
        machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
        machine.share(actor="icmec", on=date(2021, 3, 2))
        assert recorder.entered == ["submitted", "shared"]

    def test_a_listener_that_fails_halfway_leaves_the_proposal_as_it_was(self) -> None:
        class Failing:
            failures = 1

            def on_enter_submitted(self) -> None:
                if self.failures:
                    self.failures -= 1
                    raise RuntimeError("notification service is down")

        machine = fresh(listeners=(Failing(),))
        with pytest.raises(RuntimeError, match="notification service"):
            machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
        assert machine.record == draft()
        assert machine.state is S.DRAFT
        assert list(machine.chart.configuration_values) == [S.DRAFT]
        assert machine.allowed_events == (K.SUBMIT, K.WITHDRAW)
        assert machine.submit(actor=PROPOSER, on=date(2021, 3, 1)).state is S.SUBMITTED

    def test_check_reports_the_refusal_without_changing_anything(self) -> None:
        machine = fresh()
        error = refused(machine.check("submit", actor="org-b", on=date(2021, 3, 1)))
        assert error.rule == "PRO-01"
        assert machine.check("submit", actor=PROPOSER, on=date(2021, 3, 1)) is None
        assert machine.record == draft()


# ---------------------------------------------------------------------------------- guards


class TestGuards:
    def test_pro_01_only_the_proposer_submits(self) -> None:
        error = refused(fresh().check("submit", actor="org-b", on=date(2021, 3, 1)))
        assert error.rule == "PRO-01"
        assert "solo org-a" in error.message("es")

    @pytest.mark.parametrize(
        ("proposer", "day"),
        [("org-c", date(2021, 3, 1)), ("org-d", date(2021, 3, 1)), (PROPOSER, date(2015, 1, 1))],
        ids=["an-inactive-member", "a-member-that-left", "before-joining"],
    )
    def test_pro_01_only_an_active_member_submits(self, proposer: str, day: date) -> None:
        error = refused(fresh(proposer).check("submit", actor=proposer, on=day))
        assert error.rule == "PRO-01"

    def test_pro_01_a_proposer_that_is_not_a_member_cannot_submit(self) -> None:
        machine = ProposalMachine(draft("outsider"), BASE)
        assert refused(machine.check("submit", actor="outsider", on=date(2021, 3, 1))).rule == (
            "PRO-01"
        )

    def test_pro_02_approval_needs_the_sharing(self) -> None:
        history = (
            ProposalEvent(K.SUBMIT, S.DRAFT, S.SUBMITTED, date(2021, 3, 1), PROPOSER),
            ProposalEvent(
                K.SCHEDULE,
                S.SUBMITTED,
                S.SCHEDULED,
                date(2021, 3, 2),
                "icmec",
                meeting="regional-2021",
            ),
            ProposalEvent(
                K.DISCUSS,
                S.SCHEDULED,
                S.DISCUSSED,
                date(2021, 11, 20),
                "icmec",
                meeting="regional-2021",
            ),
        )
        record = attrs.evolve(draft(), state=S.DISCUSSED, history=history)
        machine = ProposalMachine.restore(record, BASE)
        error = refused(machine.check("approve", actor="icmec", on=date(2021, 11, 20)))
        assert error.rule == "PRO-02"
        assert K.APPROVE not in machine.allowed_events
        assert "compartida" in error.message("es")

    @pytest.mark.parametrize(
        ("meeting_id", "why"),
        [
            ("other-regional-2021", "not by ICMEC LAC"),
            ("steering-2021", "not a regional meeting"),
            ("wg-2021", "not a regional meeting"),
            ("regional-2020", "before the proposal was shared"),
            ("no-such-meeting", "not in the registry"),
        ],
    )
    def test_pro_03_scheduling_needs_a_regional_meeting_of_icmec_lac(
        self, meeting_id: str, why: str
    ) -> None:
        machine = fresh()
        machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
        machine.share(actor="icmec", on=date(2021, 3, 15))
        error = refused(
            machine.check("schedule", actor="icmec", on=date(2021, 4, 1), meeting=meeting_id)
        )
        assert error.rule == "PRO-03"
        assert why in str(error)
        assert machine.state is S.SHARED

    def test_pro_03_a_discussion_is_not_dated_before_its_meeting(self) -> None:
        machine = fresh()
        machine.submit(actor=PROPOSER, on=date(2021, 3, 1))
        machine.share(actor="icmec", on=date(2021, 3, 15))
        machine.schedule(actor="icmec", on=date(2021, 4, 1), meeting="regional-2021")
        error = refused(machine.check("discuss", actor="icmec", on=date(2021, 6, 1)))
        assert error.rule == "PRO-03"

    def test_pro_03_approval_needs_a_proper_discussion(self) -> None:
        history = (
            ProposalEvent(K.SUBMIT, S.DRAFT, S.SUBMITTED, date(2021, 3, 1), PROPOSER),
            ProposalEvent(K.SHARE, S.SUBMITTED, S.SHARED, date(2021, 3, 2), "icmec"),
            ProposalEvent(
                K.SCHEDULE,
                S.SHARED,
                S.SCHEDULED,
                date(2021, 3, 3),
                "icmec",
                meeting="other-regional-2021",
            ),
            ProposalEvent(
                K.DISCUSS,
                S.SCHEDULED,
                S.DISCUSSED,
                date(2021, 11, 20),
                "icmec",
                meeting="other-regional-2021",
            ),
        )
        machine = ProposalMachine.restore(
            attrs.evolve(draft(), state=S.DISCUSSED, history=history), BASE
        )
        error = refused(machine.check("approve", actor="icmec", on=date(2021, 11, 21)))
        assert error.rule == "PRO-03"
        assert machine.allowed_events == (K.SCHEDULE, K.RETURN_WITH_RECOMMENDATIONS, K.WITHDRAW)

    def test_pro_04_a_return_needs_a_recommendation(self) -> None:
        machine = to_discussed(fresh())
        error = refused(
            machine.check(K.RETURN_WITH_RECOMMENDATIONS, actor="icmec", on=date(2021, 11, 20))
        )
        assert error.rule == "PRO-04"
        assert "recomendaciones" in error.message("es")

    def test_pro_04_a_recommendation_is_tied_to_an_objective_of_the_charter(self) -> None:
        machine = to_discussed(fresh())
        unknown = Recommendation("Do more", objective="OBJ-9")
        error = refused(
            machine.check(
                K.RETURN_WITH_RECOMMENDATIONS,
                actor="icmec",
                on=date(2021, 11, 20),
                recommendations=[unknown],
            )
        )
        assert error.rule == "PRO-04"

    def test_pro_05_only_the_proposer_withdraws(self) -> None:
        error = refused(fresh().check("withdraw", actor="icmec", on=date(2021, 3, 1)))
        assert error.rule == "PRO-05"

    def test_pro_06_only_the_proposer_revises_a_returned_proposal(self) -> None:
        machine = to_discussed(fresh())
        machine.return_with_recommendations(
            actor="icmec", on=date(2021, 11, 20), recommendations=[REC]
        )
        error = refused(machine.check("revise", actor="org-b", on=date(2022, 1, 1)))
        assert error.rule == "PRO-06"

    def test_a_refused_event_changes_nothing(self) -> None:
        recorder = Recorder()
        machine = fresh(listeners=(recorder,))
        with pytest.raises(TransitionNotAllowed) as caught:
            machine.submit(actor="org-b", on=date(2021, 3, 1))
        assert caught.value.rule == "PRO-01"
        assert machine.record == draft()
        assert machine.state is S.DRAFT
        assert list(machine.chart.configuration_values) == [S.DRAFT]
        assert recorder.entered == []


# --------------------------------------------------------------------------------- restore


class TestRestore:
    def test_a_restored_machine_starts_at_the_record_state_without_callbacks(self) -> None:
        coalition = demo()
        recorder = Recorder()
        record = coalition.proposal("regional-helpline-directory")
        machine = ProposalMachine.restore(record, coalition, listeners=[recorder])
        assert machine.state is S.RETURNED
        assert machine.record is record
        assert machine.allowed_events == (K.REVISE, K.WITHDRAW)
        assert recorder.entered == []

    def test_a_restored_machine_goes_on_from_there(self) -> None:
        coalition = demo()
        machine = ProposalMachine.restore(coalition.proposal("investigator-exchange"), coalition)
        machine.schedule(actor="icmec", on=date(2026, 9, 10), meeting="annual-2026")
        record = machine.discuss(actor="icmec", on=date(2026, 9, 22))
        assert record.state is S.DISCUSSED
        assert record.history[:2] == coalition.proposal("investigator-exchange").history

    def test_a_stored_state_that_is_not_a_state_is_invalid_data_with_its_path(self) -> None:
        record = draft()
        object.__setattr__(record, "state", "limbo")  # as a hand-made object could hold
        with pytest.raises(InvalidData) as caught:
            ProposalMachine.restore(record, BASE, path="proposals[2]")
        assert caught.value.path == "proposals[2].state"
        assert caught.value.value == "limbo"

    def test_a_stored_state_that_contradicts_the_history_is_invalid_data(self) -> None:
        record = to_discussed(fresh()).record
        object.__setattr__(record, "state", S.APPROVED)
        with pytest.raises(InvalidData, match="does not match the history"):
            ProposalView(record, BASE)

    def test_restore_all_names_the_proposal_with_a_bad_state(self) -> None:
        coalition = replace_proposal(BASE, draft())
        object.__setattr__(coalition.proposals[0], "state", "limbo")
        with pytest.raises(InvalidData) as caught:
            restore_all(coalition)
        assert caught.value.path == "proposals[0].state"

    def test_something_other_than_a_record_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData):
            ProposalMachine.restore({"state": "draft"}, BASE)  # type: ignore[arg-type]

    def test_a_strict_restore_refuses_a_history_outside_the_lifecycle(self) -> None:
        coalition = demo()
        record = coalition.proposal("annual-awareness-award")  # approved straight from submitted
        assert ProposalMachine.restore(record, coalition).state is S.APPROVED
        with pytest.raises(InvalidData) as caught:
            ProposalMachine.restore(record, coalition, strict=True, path="proposals[6]")
        assert caught.value.path == "proposals[6].history[1]"
        assert lifecycle_problems(coalition.proposal("hotline-peer-mentoring")) == ()

    @given(proposal_records())
    def test_any_legal_record_restores_at_its_state(self, record: ProposalRecord) -> None:
        view = ProposalView(record, BASE)
        assert view.state is record.state
        assert set(view.allowed_events) <= set(ALLOWED[record.state])
        assert lifecycle_problems(record) == ()


class TestReplay:
    def test_replaying_a_machine_made_record_gives_the_same_record(self) -> None:
        machine = to_discussed(fresh())
        machine.return_with_recommendations(
            actor="icmec", on=date(2021, 11, 20), recommendations=[REC, REC_GOAL]
        )
        machine.revise(actor=PROPOSER, on=date(2022, 1, 1))
        machine.submit(actor=PROPOSER, on=date(2022, 1, 2))
        assert ProposalMachine.replay(machine.record, BASE).record == machine.record

    def test_replaying_a_record_outside_the_lifecycle_is_refused(self) -> None:
        coalition = demo()
        with pytest.raises(TransitionNotAllowed):
            ProposalMachine.replay(coalition.proposal("annual-awareness-award"), coalition)

    def test_replaying_a_return_without_recommendations_names_pro_04(self) -> None:
        coalition = demo()
        with pytest.raises(TransitionNotAllowed) as caught:
            ProposalMachine.replay(coalition.proposal("regional-helpline-directory"), coalition)
        assert caught.value.rule == "PRO-04"

    def test_recommendations_without_a_return_are_invalid_data(self) -> None:
        record = attrs.evolve(draft(), recommendations=(REC,))
        with pytest.raises(InvalidData, match="never returned"):
            ProposalMachine.replay(record, BASE)


class TestRegistry:
    def test_replace_proposal_puts_the_record_in_place(self) -> None:
        coalition = demo()
        machine = ProposalMachine.restore(
            coalition.proposal("isp-safety-settings-guide"), coalition
        )
        updated = replace_proposal(coalition, machine.submit(actor="conectademo", on=DEMO_AS_OF))
        assert [p.id for p in updated.proposals] == [p.id for p in coalition.proposals]
        assert updated.proposal("isp-safety-settings-guide").state is S.SUBMITTED

    def test_replace_proposal_appends_a_new_proposal(self) -> None:
        machine = ProposalMachine.new(
            BASE, id="p-2", title="New", proposer=PROPOSER, goals=["PG-1"]
        )
        updated = replace_proposal(BASE, machine.submit(actor=PROPOSER, on=date(2021, 3, 1)))
        assert updated.proposal("p-2").state is S.SUBMITTED

    def test_a_new_proposal_cannot_reuse_an_id(self) -> None:
        coalition = replace_proposal(BASE, draft())
        with pytest.raises(InvalidData, match="already a proposal"):
            ProposalMachine.new(coalition, id="p-1", title="Again", proposer=PROPOSER)

    def test_a_lazy_view_builds_the_machine_only_to_send_an_event(self) -> None:
        coalition = demo()
        views = {v.id: v for v in restore_all(coalition)}
        view = views["isp-safety-settings-guide"]
        assert view.allowed_events == (K.SUBMIT, K.WITHDRAW)
        record = view.send("submit", actor="conectademo", on=DEMO_AS_OF)
        assert view.record is record
        assert view.state is S.SUBMITTED
        assert view.machine.record is record
        assert "isp-safety-settings-guide" in repr(view)

    def test_views_and_machines_agree_on_allowed_events(self) -> None:
        coalition = demo()
        for view in restore_all(coalition):
            machine = ProposalMachine.restore(view.record, coalition)
            assert view.allowed_events == machine.allowed_events
            assert allowed_events(view.record, coalition) == machine.allowed_events


# -------------------------------------------------------------------------------- diagrams


def _graphviz_available() -> bool:
    try:
        import pydot  # noqa: F401
    except ImportError:
        return False
    return shutil.which("dot") is not None


#: Skip the drawings without Graphviz on a developer's machine; never in CI (``CI`` set), whose
#: script installs Graphviz, so that the diagrams are drawn there rather than skipped.
needs_graphviz = pytest.mark.skipif(
    not _graphviz_available() and not os.environ.get("CI"), reason="needs pydot and Graphviz"
)


class TestDiagrams:
    def test_the_mermaid_text_has_every_state_and_transition(self) -> None:
        text = lifecycle_mermaid()
        assert text.startswith("stateDiagram-v2\n")
        for state in ProposalState:
            assert f" as {state.value}" in text
        for (source, _), target in TRANSITIONS.items():
            assert f"    {source.value} --> {target.value} : " in text
        assert "approved --> [*]" in text

    def test_the_mermaid_text_speaks_spanish_and_marks_the_current_state(self) -> None:
        text = ProposalMachine(draft(), BASE).mermaid("es")
        assert 'state "devuelta con recomendaciones" as returned' in text
        assert "class draft current" in text

    def test_an_unknown_diagram_format_is_unsupported(self) -> None:
        with pytest.raises(UnsupportedFormat):
            lifecycle_diagram("gif")

    def test_without_pydot_svg_is_unsupported_and_html_falls_back_to_mermaid(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pydot", None)
        with pytest.raises(UnsupportedFormat, match=r"clac\[diagrams\]"):
            lifecycle_diagram("svg")
        machine = fresh()
        assert machine._repr_svg_() is None
        html = machine._repr_html_()
        assert '<pre class="mermaid">' in html
        assert "<td>draft</td><td>submit</td><td>submitted</td>" in html

    @needs_graphviz
    def test_without_graphviz_svg_is_unsupported(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("PATH", "")
        with pytest.raises(UnsupportedFormat, match="cannot be drawn"):
            lifecycle_diagram("svg")

    @needs_graphviz
    def test_with_graphviz_the_machine_draws_itself_for_jupyter(self) -> None:
        machine = fresh()
        svg = machine._repr_svg_()
        assert svg is not None
        assert "<svg" in svg
        assert machine._repr_html_().startswith('<div class="clac-proposal"><svg')
        assert lifecycle_diagram("png").startswith(b"\x89PNG")


# ------------------------------------------------------------------------------------- CLI


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo registry as JSON, written once (JSON reads and writes fastest)."""
    path = tmp_path_factory.mktemp("demo") / "registry.json"
    dump(demo(), path)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def demo_file(tmp_path: Path, demo_json: str) -> Path:
    """A copy of the demo registry to change."""
    path = tmp_path / "registry.json"
    path.write_text(demo_json, encoding="utf-8")
    return path


class TestCommandLine:
    def test_list_shows_every_proposal_with_its_next_events(self, runner: CliRunner) -> None:
        result = runner.invoke(proposal, ["list"])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0].split() == ["id", "state", "proposer", "next", "events"]
        assert len(lines) == 1 + len(demo().proposals)
        row = next(line for line in lines if line.startswith("investigator-exchange"))
        assert row.split()[1:] == ["shared", "fiscalia-ejemplo-ninez", "schedule,", "withdraw"]

    def test_list_filters_by_state_and_speaks_spanish(
        self, runner: CliRunner, demo_file: Path
    ) -> None:
        result = runner.invoke(
            proposal, ["list", str(demo_file), "--state", "approved", "--lang", "es"]
        )
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0].startswith("id")
        assert "estado" in result.output
        assert len(result.output.splitlines()) == 4

    def test_list_refuses_an_unknown_state(self, runner: CliRunner) -> None:
        result = runner.invoke(proposal, ["list", "--state", "limbo"])
        assert result.exit_code == 2
        assert "not a proposal state" in result.output

    def test_show_prints_history_recommendations_and_findings(self, runner: CliRunner) -> None:
        result = runner.invoke(
            proposal, ["show", "awareness-toolkit-caribbean", "--as-of", DEMO_AS_OF.isoformat()]
        )
        assert result.exit_code == 0, result.output
        out = result.output
        assert "state: submitted" in out
        assert "return with recommendations: discussed → returned  by icmec" in out
        assert "(OBJ-1)" in out
        assert "next events: share, withdraw" in out
        assert "PRO-04 [required] met" in out

    def test_show_names_the_gap_of_the_demo(self, runner: CliRunner) -> None:
        result = runner.invoke(
            proposal,
            [
                "show",
                "regional-helpline-directory",
                "--lang",
                "es",
                "--as-of",
                DEMO_AS_OF.isoformat(),
            ],
        )
        assert result.exit_code == 0, result.output
        assert "PRO-04 [required] no cumplido" in result.output

    def test_show_an_unknown_proposal_exits_2(self, runner: CliRunner) -> None:
        result = runner.invoke(proposal, ["show", "no-such-proposal"])
        assert result.exit_code == 2
        assert "no-such-proposal" in result.output

    @pytest.mark.parametrize("suffix", [".json", ".yaml"])
    def test_advance_moves_the_proposal_and_saves_the_registry(
        self, runner: CliRunner, tmp_path: Path, suffix: str
    ) -> None:
        demo_file = tmp_path / f"registry{suffix}"
        dump(demo(), demo_file)
        coalition = demo()
        machine = ProposalMachine.restore(coalition.proposal("investigator-exchange"), coalition)
        machine.schedule(actor="icmec", on=date(2026, 9, 10), meeting="annual-2026")
        expected = replace_proposal(coalition, machine.record)
        args = [
            "advance",
            str(demo_file),
            "investigator-exchange",
            "schedule",
            "--actor",
            "icmec",
            "--date",
            "2026-09-10",
            "--meeting",
            "annual-2026",
        ]
        result = runner.invoke(proposal, args)
        assert result.exit_code == 0, result.output
        assert "investigator-exchange: shared → scheduled" in result.output
        assert load(demo_file) == expected

    def test_advance_ties_each_objective_or_goal_to_its_recommendation(
        self, runner: CliRunner, demo_file: Path
    ) -> None:
        coalition = demo()
        machine = ProposalMachine.restore(coalition.proposal("investigator-exchange"), coalition)
        machine.schedule(actor="icmec", on=date(2026, 9, 10), meeting="annual-2026")
        machine.discuss(actor="icmec", on=date(2026, 9, 22))
        dump(replace_proposal(coalition, machine.record), demo_file)
        args = [
            "advance",
            str(demo_file),
            "investigator-exchange",
            "return-with-recommendations",
            "--actor",
            "icmec",
            "--date",
            "2026-09-22",
            "--recommendation",
            "Add a budget",
            "--goal",
            "PG-5",
            "--recommendation",
            "Use the shared repository",
            "--objective=OBJ-1",
            "--note",
            "--goal",
        ]
        result = runner.invoke(proposal, args)
        assert result.exit_code == 0, result.output
        record = load(demo_file).proposal("investigator-exchange")
        assert record.state is S.RETURNED
        assert record.recommendations == (
            Recommendation("Add a budget", goal="PG-5"),
            Recommendation("Use the shared repository", objective="OBJ-1"),
        )
        assert record.history[-1].note == "--goal"

    def test_a_refused_advance_exits_2_with_the_rule_and_changes_nothing(
        self, runner: CliRunner, demo_file: Path
    ) -> None:
        before = demo_file.read_text()
        args = [
            "advance",
            str(demo_file),
            "investigator-exchange",
            "schedule",
            "--actor",
            "icmec",
            "--date",
            "2026-09-10",
            "--meeting",
            "regional-2026",
            "--lang",
            "es",
        ]
        result = runner.invoke(proposal, args)
        assert result.exit_code == 2
        assert "PRO-03" in result.output
        assert "es anterior a que la propuesta se compartiera" in result.output
        assert demo_file.read_text() == before

    def test_an_event_the_state_does_not_allow_exits_2(
        self, runner: CliRunner, demo_file: Path
    ) -> None:
        args = [
            "advance",
            str(demo_file),
            "investigator-exchange",
            "approve",
            "--actor",
            "icmec",
            "--date",
            "2026-11-01",
        ]
        result = runner.invoke(proposal, args)
        assert result.exit_code == 2
        assert "allowed: schedule, withdraw" in result.output

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["--recommendation", "Budget"], "follow it with --objective"),
            (["--goal", "PG-5", "--recommendation", "Budget"], "after the --recommendation"),
            (["--recommendation", "Budget", "--goal", "PG-5", "--goal", "PG-6"], "already has"),
        ],
        ids=["no-tie", "tie-first", "two-goals"],
    )
    def test_a_recommendation_must_be_tied_once_to_an_objective_or_goal(
        self, runner: CliRunner, demo_file: Path, extra: list[str], message: str
    ) -> None:
        args = [
            "advance",
            str(demo_file),
            "regional-helpline-directory",
            "return-with-recommendations",
            "--actor",
            "icmec",
            "--date",
            "2026-11-01",
        ]
        result = runner.invoke(proposal, [*args, *extra])
        assert result.exit_code == 2
        assert message in result.output

    def test_diagram_prints_mermaid(self, runner: CliRunner) -> None:
        result = runner.invoke(proposal, ["diagram", "--lang", "es"])
        assert result.exit_code == 0, result.output
        assert result.output == lifecycle_mermaid("es")

    def test_diagram_png_needs_an_output(self, runner: CliRunner) -> None:
        result = runner.invoke(proposal, ["diagram", "--format", "png"])
        assert result.exit_code == 2

    def test_diagram_writes_mermaid_to_a_file(self, runner: CliRunner, tmp_path: Path) -> None:
        target = tmp_path / "lifecycle.mmd"
        result = runner.invoke(proposal, ["diagram", "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert target.read_text() == lifecycle_mermaid()


# ---------------------------------------------------------------------------- stateful test


ACTORS = ("icmec", PROPOSER, "org-b", "org-c", "org-d", "outsider", "ghost")
MEETINGS = (*(m.id for m in BASE.meetings), "no-such-meeting")
RECOMMENDATIONS = (REC, REC_GOAL, Recommendation("Do more", objective="OBJ-9"))
START = date(2019, 1, 1)


def _proper_discussion(events: list[ProposalEvent], shared_on: date) -> bool:
    """An independent reading of PRO-03: a discussion at an ICMEC LAC regional or annual
    meeting of the registry, held no earlier than the sharing and no later than the event."""
    for event in events:
        if event.event is not K.DISCUSS or event.meeting is None:
            continue
        found = next((m for m in BASE.meetings if m.id == event.meeting), None)
        if found is None:
            continue
        organizer = next(o for o in BASE.organizations if o.id == found.organizer)
        if (
            organizer.partner == ICMEC_PARTNER
            and found.kind in {MeetingKind.REGIONAL, MeetingKind.ANNUAL}
            and shared_on <= found.date <= event.date
        ):
            return True
    return False


@settings(
    max_examples=50,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
class ProposalLifecycleMachine(RuleBasedStateMachine):
    """Random events by random actors at random meetings; the invariants must always hold."""

    def __init__(self) -> None:
        super().__init__()
        self.machine = fresh()
        self.day = START
        self.was_final = False

    @initialize(proposer=st.sampled_from([PROPOSER, PROPOSER, "org-c"]))
    def start(self, proposer: str) -> None:
        self.machine = fresh(proposer)

    @rule(
        event=st.sampled_from(list(ProposalEventKind)),
        actor=st.sampled_from(ACTORS),
        days=st.integers(min_value=-20, max_value=240),
        meeting=st.none() | st.sampled_from(MEETINGS),
        recommendations=st.lists(st.sampled_from(RECOMMENDATIONS), max_size=2),
    )
    def send(
        self,
        event: ProposalEventKind,
        actor: str,
        days: int,
        meeting: str | None,
        recommendations: list[Recommendation],
    ) -> None:
        before, state = self.machine.record, self.machine.state
        on = self.day + timedelta(days=days)
        if event is not K.RETURN_WITH_RECOMMENDATIONS:
            recommendations = []
        try:
            record = self.machine.send(
                event, actor=actor, on=on, meeting=meeting, recommendations=recommendations
            )
        except ClacError:
            assert self.machine.record == before
            assert self.machine.state is state
            return
        self.day = on
        assert record.history[:-1] == before.history
        assert record.history[-1].event is event
        assert record.state is TRANSITIONS[state, event]

    @precondition(lambda self: self.machine.allowed_events)
    @rule(data=st.data())
    def send_an_allowed_event_with_plausible_arguments(self, data: st.DataObject) -> None:
        """Push the proposal forward more often than random events would."""
        event = data.draw(st.sampled_from(self.machine.allowed_events))
        actor = PROPOSER if event in {K.SUBMIT, K.REVISE, K.WITHDRAW} else "icmec"
        meetings = sorted(
            (
                m
                for m in BASE.meetings
                if m.date >= self.day
                and m.organizer == "icmec"
                and m.kind in {MeetingKind.REGIONAL, MeetingKind.ANNUAL}
            ),
            key=lambda m: m.date,
        )
        meeting = meetings[0].id if meetings and event is K.SCHEDULE else None
        on = self.day
        if event is K.DISCUSS:
            scheduled = current_round(self.machine.record.history)[-1].meeting
            on = max(on, next(m.date for m in BASE.meetings if m.id == scheduled))
        recommendations = [REC] if event is K.RETURN_WITH_RECOMMENDATIONS else []
        error = self.machine.check(
            event, actor=actor, on=on, meeting=meeting, recommendations=recommendations
        )
        if error is None:
            self.machine.send(
                event, actor=actor, on=on, meeting=meeting, recommendations=recommendations
            )
            self.day = on

    @invariant()
    def final_states_stay_final(self) -> None:
        if self.was_final:
            assert self.machine.state.is_final
            assert self.machine.record.history[-1].target is self.machine.state
        self.was_final = self.machine.state.is_final

    @invariant()
    def the_history_matches_the_state(self) -> None:
        record = self.machine.record
        state = S.DRAFT
        for event in record.history:
            assert event.source is state
            assert TRANSITIONS[event.source, event.event] is event.target
            state = event.target
        assert state is record.state is self.machine.state
        assert list(self.machine.chart.configuration_values) == [state]

    @invariant()
    def approved_means_shared_and_discussed_at_an_icmec_regional_meeting(self) -> None:
        record = self.machine.record
        if record.state is not S.APPROVED:
            return
        this_round = list(current_round(record.history))
        shares = [e for e in this_round if e.event is K.SHARE]
        assert shares
        assert _proper_discussion(this_round, shares[-1].date)

    @invariant()
    def returned_means_recommendations(self) -> None:
        record = self.machine.record
        returns = sum(e.event is K.RETURN_WITH_RECOMMENDATIONS for e in record.history)
        if record.state is S.RETURNED:
            assert record.recommendations
        assert len(record.recommendations) >= returns
        assert all(r.objective != "OBJ-9" for r in record.recommendations)

    @invariant()
    def restoring_and_replaying_reach_the_same_place(self) -> None:
        record = self.machine.record
        restored = ProposalMachine.restore(record, BASE, strict=True)
        assert restored.state is record.state
        assert restored.allowed_events == self.machine.allowed_events
        assert ProposalMachine.replay(record, BASE).record == record

    @invariant()
    def the_rules_find_nothing_wrong_in_a_history_the_machine_made(self) -> None:
        context = Context(BASE, date(2100, 1, 1))
        for pro in PROPOSAL_RULES:
            assert pro.check(context, self.machine.record).outcome in {
                Outcome.MET,
                Outcome.NOT_APPLICABLE,
            }


TestRandomEventSequences = ProposalLifecycleMachine.TestCase


# ------------------------------------------------------------------------------- benchmark


class TestBenchmark:
    def test_the_benchmark_runs_in_smoke_mode(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        result = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, str(ROOT / "benchmarks" / "bench_proposals.py"), "--smoke"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert "ratio" in result.stdout
