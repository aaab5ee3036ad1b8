"""The lifecycle of a project proposal (Structure and Governance, items 11-14) as a state machine.

Any Member may submit a proposal; it is shared with the other Members, scheduled for and
discussed at a regional meeting organized by ICMEC LAC, and approved, or returned to the
Member that introduced it with recommendations based on CLAC's objectives. A returned proposal
can be revised and submitted again; the proposer can withdraw it until it is approved.

:class:`ProposalLifecycle` is the python-statemachine definition (a ``StateMachine``, which
raises on an event its state does not allow, where a ``StateChart`` would ignore it); the
charter's guards are its ``validators`` (which raise to the caller with the reason, where a
``cond`` would skip silently) and live in :mod:`clac.rules.proposals`, which ``clac check``
also runs over saved records. :class:`ProposalMachine` drives it for one
:class:`~clac.model.ProposalRecord` against a :class:`~clac.registry.Coalition`:

>>> from datetime import date
>>> from clac import demo
>>> coalition = demo()
>>> machine = ProposalMachine.restore(coalition.proposal("investigator-exchange"), coalition)
>>> machine.state.value, [e.value for e in machine.allowed_events]
('shared', ['schedule', 'withdraw'])
>>> error = machine.check("schedule", actor="icmec", on=date(2026, 9, 10), meeting="regional-2026")
>>> error.rule, error.message("es")  # doctest: +NORMALIZE_WHITESPACE
('PRO-03', "event: 'schedule' es rechazado por PRO-03: la reunión regional-2026 (2026-03-17) es
 anterior a que la propuesta se compartiera con los miembros (2026-09-07)")
>>> machine.schedule(actor="icmec", on=date(2026, 9, 10), meeting="annual-2026").state.value
'scheduled'
>>> coalition = replace_proposal(coalition, machine.record)

The record, not the machine, is what a registry keeps: every event appends an immutable
:class:`~clac.model.ProposalEvent`, :attr:`ProposalMachine.record` is a new frozen record after
each one and :func:`replace_proposal` puts it back into a coalition. A machine restored from a
record starts at the record's state without running any callback (python-statemachine starts
a model that already holds a state there); the stored state is checked first, so a bad one is
an :class:`~clac.errors.InvalidData` naming its path rather than a ``KeyError`` later.

python-statemachine builds a machine in about half a millisecond, too slow to restore 100,000
proposals just to list what each may do next; :func:`restore_all` returns light
:class:`ProposalView` s that answer from :data:`TRANSITIONS` (computed once, from the class) and
build the real machine only when an event is sent.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs
from statemachine import State, StateMachine
from statemachine.exceptions import StateMachineError
from statemachine.states import States

from clac.errors import (
    ClacError,
    InvalidData,
    TransitionNotAllowed,
    UnknownReference,
    UnsupportedFormat,
)
from clac.model import (
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
)
from clac.registry import Coalition
from clac.rules.proposals import (
    EVENT_LABELS,
    STATE_LABELS,
    approval_refusal,
    current_round,
    refusal,
)
from clac.text import Language, Text

__all__ = [
    "ALLOWED",
    "TRANSITIONS",
    "ProposalLifecycle",
    "ProposalMachine",
    "ProposalView",
    "allowed_events",
    "checked_state",
    "lifecycle_diagram",
    "lifecycle_mermaid",
    "lifecycle_problems",
    "replace_proposal",
    "restore_all",
]

_S = ProposalState
K = ProposalEventKind
_GUARDS = "charter_guards"


def _event_id(kind: ProposalEventKind) -> str:
    """The python-statemachine event id of ``kind`` (``return_with_recommendations`` …)."""
    return kind.name.lower()


_KINDS_BY_NAME: Mapping[str, ProposalEventKind] = {
    **{_event_id(k): k for k in ProposalEventKind},
    **{k.value: k for k in ProposalEventKind},
}


def _states() -> States:
    return States(
        {
            s.value: State(s.value.capitalize(), value=s, initial=s is _S.DRAFT, final=s.is_final)
            for s in ProposalState
        }
    )


class ProposalLifecycle(StateMachine):
    """python-statemachine's definition of a proposal's lifecycle; one instance per
    :class:`ProposalMachine`, whose record and coalition its validators read.

    States are the values of :class:`~clac.model.ProposalState`; events are named after the
    charter's verbs. Every transition is validated by ``charter_guards`` (the PRO-* rules) and
    recorded by ``after_transition``; a listener passed to the machine gets the usual
    callbacks (``on_enter_approved`` …), which a restore does not run.
    """

    s = _states()

    submit = s.draft.to(s.submitted, validators=_GUARDS)
    share = s.submitted.to(s.shared, validators=_GUARDS)
    schedule = (
        s.shared.to(s.scheduled, validators=_GUARDS)
        | s.scheduled.to(s.scheduled, validators=_GUARDS)
        | s.discussed.to(s.scheduled, validators=_GUARDS)
    )
    discuss = s.scheduled.to(s.discussed, validators=_GUARDS)
    approve = s.discussed.to(s.approved, validators=_GUARDS)
    return_with_recommendations = s.discussed.to(s.returned, validators=_GUARDS)
    revise = s.returned.to(s.draft, validators=_GUARDS)
    withdraw = (
        s.draft.to(s.withdrawn, validators=_GUARDS)
        | s.submitted.to(s.withdrawn, validators=_GUARDS)
        | s.shared.to(s.withdrawn, validators=_GUARDS)
        | s.scheduled.to(s.withdrawn, validators=_GUARDS)
        | s.discussed.to(s.withdrawn, validators=_GUARDS)
        | s.returned.to(s.withdrawn, validators=_GUARDS)
    )

    def __init__(self, owner: ProposalMachine, listeners: Sequence[object] = ()) -> None:
        self._owner = owner
        super().__init__(model=owner._holder, listeners=list(listeners))

    def charter_guards(self, step: _Step) -> None:
        """Validator of every transition: the PRO-* rules, raising the first refusal."""
        self._owner._check_rules(step)

    def after_transition(self, step: _Step) -> None:
        """Append the event to the owner's record."""
        self._owner._append(step)


def _transition_table() -> dict[tuple[ProposalState, ProposalEventKind], ProposalState]:
    table: dict[tuple[ProposalState, ProposalEventKind], ProposalState] = {}
    for state in ProposalLifecycle.states:
        for transition in state.transitions:
            for event in transition.events:
                kind = _KINDS_BY_NAME[str(event)]
                table[ProposalState(state.value), kind] = ProposalState(transition.target.value)
    return table


TRANSITIONS: Mapping[tuple[ProposalState, ProposalEventKind], ProposalState] = _transition_table()
"""``(state, event) -> target`` for every transition of :class:`ProposalLifecycle`, read once
from the class."""

ALLOWED: Mapping[ProposalState, tuple[ProposalEventKind, ...]] = {
    state: tuple(k for k in ProposalEventKind if (state, k) in TRANSITIONS)
    for state in ProposalState
}
"""The events each state allows, in the order of :class:`~clac.model.ProposalEventKind`."""


# ------------------------------------------------------------------------- stored records


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def checked_state(record: ProposalRecord, path: str = "") -> ProposalState:
    """The state stored in ``record``, checked against the lifecycle and the history.

    Raises :class:`~clac.errors.InvalidData` at ``<path>.state`` for a value that is not a
    state (python-statemachine would only fail later, with a bare ``KeyError``).
    """
    value: Any = record.state
    try:
        state = value if type(value) is ProposalState else ProposalState(value)
    except ValueError:
        states = ", ".join(s.value for s in ProposalState)
        raise InvalidData(
            f"is not a state of the proposal lifecycle ({states})",
            path=_join(path, "state"),
            value=value,
        ) from None
    history = record.history
    expected = history[-1].target if history else ProposalState.DRAFT
    if state is not expected:
        raise InvalidData(
            f"does not match the history, which ends in {expected.value!r}",
            path=_join(path, "state"),
            value=state.value,
        )
    return state


def lifecycle_problems(record: ProposalRecord, path: str = "") -> tuple[InvalidData, ...]:
    """Events of ``record``'s history that are not transitions of the lifecycle (a record
    edited by hand: 'approve' straight from 'submitted' …), one error each."""
    problems = []
    for index, event in enumerate(record.history):
        if TRANSITIONS.get((event.source, event.event)) is not event.target:
            problems.append(
                InvalidData(
                    f"{event.event.value!r} from {event.source.value!r} to "
                    f"{event.target.value!r} is not a transition of the proposal lifecycle",
                    path=_join(path, f"history[{index}]"),
                )
            )
    return tuple(problems)


def allowed_events(record: ProposalRecord, coalition: Coalition) -> tuple[ProposalEventKind, ...]:
    """The events ``record``'s state allows, less an approval the history already rules out
    (not shared, or not discussed at a proper meeting: PRO-02, PRO-03). Guards that depend on
    who acts or what an event brings (PRO-01, -04, -05, -06) are left to the event itself."""
    events = ALLOWED[record.state]
    if K.APPROVE in events and approval_refusal(coalition, record) is not None:
        return tuple(e for e in events if e is not K.APPROVE)
    return events


def replace_proposal(coalition: Coalition, record: ProposalRecord) -> Coalition:
    """``coalition`` with ``record`` in place of the proposal with its id (appended if new)."""
    proposals = list(coalition.proposals)
    for index, existing in enumerate(proposals):
        if existing.id == record.id:
            proposals[index] = record
            break
    else:
        proposals.append(record)
    return coalition.evolve(proposals=tuple(proposals))


# ------------------------------------------------------------------------------- machine


@attrs.frozen(slots=True)
class _Step:
    """What an event brings: the event to record and, for a return, its recommendations."""

    event: ProposalEvent
    recommendations: tuple[Recommendation, ...] = ()


class _Holder:
    """The mutable model python-statemachine reads and writes the state on."""

    __slots__ = ("state",)

    def __init__(self, state: ProposalState) -> None:
        self.state = state


def _kind(event: ProposalEventKind | str) -> ProposalEventKind:
    if isinstance(event, ProposalEventKind):
        return event
    kind = _KINDS_BY_NAME.get(str(event).strip().lower())
    if kind is None:
        events = ", ".join(k.value for k in ProposalEventKind)
        raise InvalidData(f"is not a proposal event ({events})", path="event", value=event)
    return kind


def _not_allowed(state: ProposalState, kind: ProposalEventKind) -> TransitionNotAllowed:
    allowed = ALLOWED[state]
    en = ", ".join(k.value for k in allowed) or "none: the proposal is final"
    es = ", ".join(k.value for k in allowed) or "ninguno: la propuesta es definitiva"
    reason = Text(
        "is not allowed while the proposal is {state} (allowed: {en})",
        "no se permite mientras la propuesta está {state_es} (permitidos: {es})",
        pt="não é permitido enquanto a proposta está {state_pt} (permitidos: {en})",
    ).format(
        state=STATE_LABELS[state].en,
        state_es=STATE_LABELS[state].es,
        state_pt=STATE_LABELS[state].in_(Language.PT),
        en=en,
        es=es,
    )
    return TransitionNotAllowed(reason, path="event", value=kind.value)


class ProposalMachine:
    """The lifecycle of one proposal, run against a coalition's members and meetings.

    Build one with :meth:`restore` (from a saved record), :meth:`new` (a fresh draft) or
    :meth:`replay` (a record's history sent again through the guards). Send events with
    :meth:`send` or the methods named after them (:meth:`submit`, :meth:`approve` …); each
    returns the new :attr:`record`. A refused event raises
    :class:`~clac.errors.TransitionNotAllowed` (``.rule`` is the PRO-* rule, or ``None`` when
    the state does not allow the event at all) and changes nothing.

    The coalition is a snapshot: the machine never changes it; :func:`replace_proposal` puts
    the record back.
    """

    def __init__(
        self,
        record: ProposalRecord,
        coalition: Coalition,
        *,
        listeners: Iterable[object] = (),
        path: str = "",
    ) -> None:
        if not isinstance(record, ProposalRecord):
            raise InvalidData("must be a clac ProposalRecord", path=path or "record", value=record)
        if not isinstance(coalition, Coalition):
            raise InvalidData("must be a clac.Coalition", path="coalition", value=coalition)
        self._holder = _Holder(checked_state(record, path))
        self._record = record
        self._coalition = coalition
        self._chart = ProposalLifecycle(self, tuple(listeners))

    # ------------------------------------------------------------------ construction

    @classmethod
    def restore(
        cls,
        record: ProposalRecord,
        coalition: Coalition,
        *,
        listeners: Iterable[object] = (),
        strict: bool = False,
        path: str = "",
    ) -> ProposalMachine:
        """A machine at ``record``'s state, without replaying any callback.

        The stored state is checked (:func:`checked_state`); with ``strict``, every event of
        the history must also be a transition of the lifecycle (:func:`lifecycle_problems`).
        ``path`` (e.g. ``proposals[3]``) prefixes the path of those errors.
        """
        if strict and isinstance(record, ProposalRecord):
            problems = lifecycle_problems(record, path)
            if problems:
                raise InvalidData(problems=[p for e in problems for p in e.problems])
        return cls(record, coalition, listeners=listeners, path=path)

    @classmethod
    def new(
        cls,
        coalition: Coalition,
        *,
        id: str,  # noqa: A002 - the record's own word
        title: str,
        proposer: str,
        goals: Iterable[str] = (),
        listeners: Iterable[object] = (),
    ) -> ProposalMachine:
        """A fresh draft proposal of ``proposer`` (not yet in the coalition)."""
        if any(p.id == id for p in coalition.proposals):
            raise InvalidData("is already a proposal of the registry", path="id", value=id)
        record = ProposalRecord(id=id, title=title, proposer=proposer, goals=tuple(goals))
        return cls(record, coalition, listeners=listeners)

    @classmethod
    def replay(cls, record: ProposalRecord, coalition: Coalition) -> ProposalMachine:
        """A fresh machine through which ``record``'s history is sent again, each event
        checked by today's guards; raises the first refusal. The record's recommendations go
        with its returns (one to each earlier return, the rest to the last)."""
        machine = cls(
            attrs.evolve(record, state=_S.DRAFT, history=(), recommendations=()), coalition
        )
        pending = list(record.recommendations)
        returns = sum(e.event is K.RETURN_WITH_RECOMMENDATIONS for e in record.history)
        if pending and not returns:
            raise InvalidData(
                "are recorded, but the proposal was never returned",
                path="recommendations",
                value=len(pending),
            )
        for event in record.history:
            recommendations: list[Recommendation] = []
            if event.event is K.RETURN_WITH_RECOMMENDATIONS:
                returns -= 1
                take = len(pending) if returns == 0 else min(1, len(pending))
                recommendations, pending = pending[:take], pending[take:]
            machine.send(
                event.event,
                actor=event.actor,
                on=event.date,
                meeting=event.meeting,
                note=event.note,
                recommendations=recommendations,
            )
        return machine

    # ------------------------------------------------------------------------ views

    @property
    def record(self) -> ProposalRecord:
        """The proposal as it stands: a new frozen record after every event."""
        return self._record

    @property
    def coalition(self) -> Coalition:
        """The coalition the guards read (never changed by the machine)."""
        return self._coalition

    @property
    def chart(self) -> ProposalLifecycle:
        """The python-statemachine object underneath."""
        return self._chart

    @property
    def state(self) -> ProposalState:
        """The current state."""
        return self._holder.state

    @property
    def is_final(self) -> bool:
        """Approved or withdrawn: no event is allowed any more."""
        return self.state.is_final

    @property
    def allowed_events(self) -> tuple[ProposalEventKind, ...]:
        """What may happen next (see :func:`allowed_events`)."""
        return allowed_events(self._record, self._coalition)

    # ----------------------------------------------------------------------- events

    def check(
        self,
        event: ProposalEventKind | str,
        *,
        actor: str,
        on: date,
        meeting: str | None = None,
        note: str | None = None,
        recommendations: Iterable[Recommendation] = (),
    ) -> ClacError | None:
        """The error :meth:`send` would raise for this event, or ``None``; changes nothing."""
        try:
            step = self._prepare(
                event,
                actor=actor,
                on=on,
                meeting=meeting,
                note=note,
                recommendations=recommendations,
            )
            self._check_rules(step)
        except ClacError as error:
            return error
        return None

    def send(
        self,
        event: ProposalEventKind | str,
        *,
        actor: str,
        on: date,
        meeting: str | None = None,
        note: str | None = None,
        recommendations: Iterable[Recommendation] = (),
    ) -> ProposalRecord:
        """Apply ``event`` (a :class:`~clac.model.ProposalEventKind`, its value or its name)
        done by the organization ``actor`` on ``on``, and return the new record.

        ``meeting`` names the regional meeting of a schedule, discuss or approve event (a
        discussion defaults to the meeting it was scheduled for, an approval or a return to
        the meeting that discussed it); ``recommendations`` go with a return. A refused event,
        or a listener's callback that raises, changes nothing.
        """
        step = self._prepare(
            event,
            actor=actor,
            on=on,
            meeting=meeting,
            note=note,
            recommendations=recommendations,
        )
        record, state = self._record, self._holder.state
        try:
            self._chart.send(_event_id(step.event.event), step=step)
        except BaseException as error:
            # All or nothing: a refusal, or a listener's callback failing halfway through the
            # transition, leaves both the state and the record as they were.
            self._record, self._holder.state = record, state
            if isinstance(error, StateMachineError):  # pragma: no cover - _prepare checks first
                raise _not_allowed(state, step.event.event) from None
            raise
        return self._record

    def submit(self, *, actor: str, on: date, note: str | None = None) -> ProposalRecord:
        """The proposer submits the proposal (PRO-01)."""
        return self.send(K.SUBMIT, actor=actor, on=on, note=note)

    def share(self, *, actor: str, on: date, note: str | None = None) -> ProposalRecord:
        """The proposal is shared with the other Members."""
        return self.send(K.SHARE, actor=actor, on=on, note=note)

    def schedule(
        self, *, actor: str, on: date, meeting: str, note: str | None = None
    ) -> ProposalRecord:
        """The proposal is put on the agenda of a regional meeting (PRO-03)."""
        return self.send(K.SCHEDULE, actor=actor, on=on, meeting=meeting, note=note)

    def discuss(
        self, *, actor: str, on: date, meeting: str | None = None, note: str | None = None
    ) -> ProposalRecord:
        """The proposal is discussed at the regional meeting (PRO-03)."""
        return self.send(K.DISCUSS, actor=actor, on=on, meeting=meeting, note=note)

    def approve(
        self, *, actor: str, on: date, meeting: str | None = None, note: str | None = None
    ) -> ProposalRecord:
        """The Members approve the proposal (PRO-02, PRO-03)."""
        return self.send(K.APPROVE, actor=actor, on=on, meeting=meeting, note=note)

    def return_with_recommendations(
        self,
        *,
        actor: str,
        on: date,
        recommendations: Iterable[Recommendation],
        meeting: str | None = None,
        note: str | None = None,
    ) -> ProposalRecord:
        """The proposal, not approved, goes back to its proposer with recommendations
        (PRO-04)."""
        return self.send(
            K.RETURN_WITH_RECOMMENDATIONS,
            actor=actor,
            on=on,
            meeting=meeting,
            note=note,
            recommendations=recommendations,
        )

    def revise(self, *, actor: str, on: date, note: str | None = None) -> ProposalRecord:
        """The proposer takes a returned proposal back to draft (PRO-06)."""
        return self.send(K.REVISE, actor=actor, on=on, note=note)

    def withdraw(self, *, actor: str, on: date, note: str | None = None) -> ProposalRecord:
        """The proposer withdraws the proposal (PRO-05)."""
        return self.send(K.WITHDRAW, actor=actor, on=on, note=note)

    # ---------------------------------------------------------------------- internals

    def _prepare(
        self,
        event: ProposalEventKind | str,
        *,
        actor: str,
        on: date,
        meeting: str | None,
        note: str | None,
        recommendations: Iterable[Recommendation],
    ) -> _Step:
        kind = _kind(event)
        state = self.state
        target = TRANSITIONS.get((state, kind))
        if target is None:
            raise _not_allowed(state, kind)
        recs = tuple(recommendations)
        for index, rec in enumerate(recs):
            if not isinstance(rec, Recommendation):
                raise InvalidData(
                    "must be a clac Recommendation", path=f"recommendations[{index}]", value=rec
                )
        if recs and kind is not K.RETURN_WITH_RECOMMENDATIONS:
            raise InvalidData(
                "only a return carries recommendations", path="recommendations", value=len(recs)
            )
        history = self._record.history
        if history and isinstance(on, date) and on < history[-1].date:
            raise InvalidData(
                f"is before the proposal's last event ({history[-1].date})", path="date", value=on
            )
        if not any(o.id == actor for o in self._coalition.organizations):
            raise UnknownReference(
                "is not an organization of the registry", path="actor", value=actor
            )
        if meeting is None:
            meeting = self._default_meeting(kind)
        recorded = ProposalEvent(
            event=kind,
            source=state,
            target=target,
            date=on,
            actor=actor,
            meeting=meeting,
            note=note,
        )
        return _Step(recorded, recs)

    def _default_meeting(self, kind: ProposalEventKind) -> str | None:
        this_round = current_round(self._record.history)
        source = {K.DISCUSS: K.SCHEDULE, K.APPROVE: K.DISCUSS}.get(kind)
        if kind is K.RETURN_WITH_RECOMMENDATIONS:
            source = K.DISCUSS
        if source is None:
            return None
        last = next((e for e in reversed(this_round) if e.event is source), None)
        return None if last is None else last.meeting

    def _check_rules(self, step: _Step) -> None:
        refused = refusal(
            self._coalition, self._record, step.event, recommendations=step.recommendations
        )
        if refused is not None:
            raise refused.error(step.event.event)

    def _append(self, step: _Step) -> None:
        record = self._record
        self._record = attrs.evolve(
            record,
            state=step.event.target,
            history=(*record.history, step.event),
            recommendations=(*record.recommendations, *step.recommendations),
        )

    # ------------------------------------------------------------------------ display

    def mermaid(self, lang: Language | str = Language.EN) -> str:
        """The lifecycle as Mermaid text, the current state highlighted."""
        return lifecycle_mermaid(lang, current=self.state)

    def diagram(self, fmt: str = "svg") -> bytes:
        """The lifecycle drawn by Graphviz (``svg`` or ``png``), the current state highlighted;
        needs the ``diagrams`` extra and Graphviz's ``dot``."""
        return _graphviz(self._chart, fmt)

    def _repr_svg_(self) -> str | None:
        try:
            return self.diagram("svg").decode("utf-8")
        except UnsupportedFormat:
            return None

    def _repr_html_(self) -> str:
        svg = self._repr_svg_()
        if svg is not None:
            return f'<div class="clac-proposal">{svg[svg.find("<svg") :]}</div>'
        return _html_fallback(self.state, self._record)

    def __repr__(self) -> str:
        return (
            f"<ProposalMachine {self._record.id!r} {self.state.value}: "
            f"{len(self._record.history)} events>"
        )


# -------------------------------------------------------------------------- lazy restore


class ProposalView:
    """A proposal restored lazily: its record, state and allowed events, read from
    :data:`TRANSITIONS`; the :class:`ProposalMachine` is built on first use of
    :attr:`machine` or :meth:`send`."""

    __slots__ = ("_coalition", "_machine", "_record")

    def __init__(self, record: ProposalRecord, coalition: Coalition, *, path: str = "") -> None:
        checked_state(record, path)
        self._record = record
        self._coalition = coalition
        self._machine: ProposalMachine | None = None

    @property
    def id(self) -> str:
        """The proposal's id."""
        return self._record.id

    @property
    def record(self) -> ProposalRecord:
        """The record as it stands (the machine's, once events were sent)."""
        return self._record if self._machine is None else self._machine.record

    @property
    def state(self) -> ProposalState:
        """The current state."""
        return self.record.state

    @property
    def allowed_events(self) -> tuple[ProposalEventKind, ...]:
        """What may happen next (see :func:`allowed_events`)."""
        record = self._record if self._machine is None else self._machine.record
        return allowed_events(record, self._coalition)

    @property
    def machine(self) -> ProposalMachine:
        """The real machine, built on first use."""
        if self._machine is None:
            self._machine = ProposalMachine(self._record, self._coalition)
        return self._machine

    def send(
        self,
        event: ProposalEventKind | str,
        *,
        actor: str,
        on: date,
        meeting: str | None = None,
        note: str | None = None,
        recommendations: Iterable[Recommendation] = (),
    ) -> ProposalRecord:
        """:meth:`ProposalMachine.send` on the real machine."""
        return self.machine.send(
            event,
            actor=actor,
            on=on,
            meeting=meeting,
            note=note,
            recommendations=recommendations,
        )

    def __repr__(self) -> str:
        return f"<ProposalView {self.id!r} {self.state.value}>"


def restore_all(coalition: Coalition) -> tuple[ProposalView, ...]:
    """Every proposal of ``coalition``, restored lazily; a bad stored state raises
    :class:`~clac.errors.InvalidData` at ``proposals[i].state``."""
    views = []
    for index, record in enumerate(coalition.proposals):
        try:
            views.append(ProposalView(record, coalition))
        except InvalidData as error:
            raise error.under(f"proposals[{index}]") from None
    return tuple(views)


# ------------------------------------------------------------------------------ diagrams


def lifecycle_mermaid(
    lang: Language | str = Language.EN, *, current: ProposalState | str | None = None
) -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2``, labelled in ``lang``, with
    ``current`` highlighted when given.

    >>> print(lifecycle_mermaid("es").splitlines()[3])
        state "presentada" as submitted
    """
    lines = ["stateDiagram-v2", "    direction LR"]
    lines += [f'    state "{STATE_LABELS[s].in_(lang)}" as {s.value}' for s in ProposalState]
    lines.append(f"    [*] --> {ProposalState.DRAFT.value}")
    for (source, kind), target in TRANSITIONS.items():
        lines.append(f"    {source.value} --> {target.value} : {EVENT_LABELS[kind].in_(lang)}")
    lines += [f"    {s.value} --> [*]" for s in ProposalState if s.is_final]
    if current is not None:
        lines.append("    classDef current fill:#40e0d0,stroke:#333,stroke-width:2px")
        lines.append(f"    class {ProposalState(current).value} current")
    return "\n".join(lines) + "\n"


def lifecycle_diagram(fmt: str = "svg") -> bytes:
    """The lifecycle drawn by Graphviz as ``svg`` or ``png`` bytes.

    Needs the optional extra (``pip install 'clac[diagrams]'``, which brings pydot) and
    Graphviz's ``dot`` program; without them it raises
    :class:`~clac.errors.UnsupportedFormat` saying so. :func:`lifecycle_mermaid` needs neither.
    """
    return _graphviz(ProposalLifecycle, fmt)


_DIAGRAM_FORMATS = ("svg", "png")


def _graphviz(machine: ProposalLifecycle | type[ProposalLifecycle], fmt: str) -> bytes:
    if fmt not in _DIAGRAM_FORMATS:
        raise UnsupportedFormat(
            f"is not a diagram format ({', '.join(_DIAGRAM_FORMATS)}; or use Mermaid text)",
            path="format",
            value=fmt,
        )
    try:
        import pydot  # noqa: F401 - only to say clearly that it is missing
    except ImportError:
        raise UnsupportedFormat(
            "needs pydot: pip install 'clac[diagrams]' (lifecycle_mermaid() needs nothing)",
            path="format",
            value=fmt,
        ) from None
    from statemachine.contrib.diagram.formatter import formatter
    from statemachine.contrib.diagram.graphviz import GraphvizError, run_graphviz

    source = formatter.render(machine, "dot")
    try:
        return run_graphviz(source, fmt)
    except GraphvizError as error:
        raise UnsupportedFormat(
            f"cannot be drawn: {error} (lifecycle_mermaid() needs no Graphviz)",
            path="format",
            value=fmt,
        ) from None


def _html_fallback(state: ProposalState, record: ProposalRecord) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(s.value)}</td><td>{html.escape(k.value)}</td>"
        f"<td>{html.escape(t.value)}</td></tr>"
        for (s, k), t in TRANSITIONS.items()
    )
    return (
        f'<div class="clac-proposal"><p><b>{html.escape(record.id)}</b>: '
        f"{html.escape(state.value)}</p>"
        f'<pre class="mermaid">{html.escape(lifecycle_mermaid(current=state))}</pre>'
        "<table><thead><tr><th>from</th><th>event</th><th>to</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )
