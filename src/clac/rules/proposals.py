"""PRO-* rules: the charter's project proposals (Structure and Governance, items 11-14).

Each rule is one guard of the proposal lifecycle, written once here and used twice:

- :class:`clac.proposals.ProposalMachine` runs the guard of an event *before* the event
  happens and refuses it with :class:`~clac.errors.TransitionNotAllowed` (``.rule`` is the id);
- ``clac check`` runs the same guard over a saved record, event by event, each against the
  history before it, so a record that was edited by hand (or imported) is judged by the same
  words the machine enforces.

A guard is ``(coalition, proposal, before, event) -> Refusal | None``: ``before`` is the
history preceding ``event``. PRO-04 alone needs the recommendations the event carries, which a
saved record does not tie to its returns: there the rule counts them (at least one per return).

Severity follows the wording (DESIGN.md): clause 14 says "shall" (PRO-04, PRO-06: required),
clauses 12 and 13 say "will" (PRO-02, PRO-03: expected). Clause 11 gives the right to submit
to Members ("Any CLAC Member may submit"), so a submission by anyone else is outside the
charter (PRO-01: required); the charter says nothing about withdrawal, and clac reads the same
clause as leaving a proposal to the Member that introduced it (PRO-05: expected).

This module imports nothing of python-statemachine: ``clac check`` does not need it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from clac.charter import Section, Severity
from clac.errors import TransitionNotAllowed, UnknownReference
from clac.model import (
    MeetingKind,
    MemberStatus,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    Recommendation,
)
from clac.rules._catalogue import rule
from clac.rules._context import Context, before_records
from clac.rules._engine import (
    Rule,
    SubjectKind,
    Verdict,
    insufficient_data,
    met,
    not_applicable,
    unmet,
)
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.charter import Charter
    from clac.registry import Coalition

__all__ = [
    "DISCUSSION_MEETING_KINDS",
    "EVENT_LABELS",
    "GUARDS",
    "ICMEC_PARTNER",
    "PROPOSAL_RULES",
    "STATE_LABELS",
    "Guard",
    "Refusal",
    "approval_refusal",
    "current_round",
    "history_refusal",
    "recommendations_refusal",
    "refusal",
]

_SG = Section.STRUCTURE_AND_GOVERNANCE
K = ProposalEventKind

ICMEC_PARTNER = "icmec"
"""The charter's partner id of ICMEC: ICMEC LAC organizes the regional meetings (item 12)."""

DISCUSSION_MEETING_KINDS = frozenset({MeetingKind.REGIONAL, MeetingKind.ANNUAL})
"""Meetings at which a proposal may be discussed: the coalition's regional meetings, of which
the annual meeting is one (working-group and steering-committee meetings are not)."""

STATE_LABELS: Mapping[ProposalState, Text] = {
    ProposalState.DRAFT: Text("draft", "borrador", pt="rascunho"),
    ProposalState.SUBMITTED: Text("submitted", "presentada", pt="apresentada"),
    ProposalState.SHARED: Text(
        "shared with the Members", "compartida con los miembros", pt="compartilhada com os membros"
    ),
    ProposalState.SCHEDULED: Text(
        "scheduled for a regional meeting",
        "programada para una reunión regional",
        pt="agendada para uma reunião regional",
    ),
    ProposalState.DISCUSSED: Text("discussed", "discutida", pt="discutida"),
    ProposalState.APPROVED: Text("approved", "aprobada", pt="aprovada"),
    ProposalState.RETURNED: Text(
        "returned with recommendations",
        "devuelta con recomendaciones",
        pt="devolvida com recomendações",
    ),
    ProposalState.WITHDRAWN: Text("withdrawn", "retirada", pt="retirada"),
}
"""Each state in words."""

EVENT_LABELS: Mapping[ProposalEventKind, Text] = {
    K.SUBMIT: Text("submit", "presentar", pt="apresentar"),
    K.SHARE: Text(
        "share with the Members", "compartir con los miembros", pt="compartilhar com os membros"
    ),
    K.SCHEDULE: Text(
        "schedule for a regional meeting",
        "programar para una reunión regional",
        pt="agendar para uma reunião regional",
    ),
    K.DISCUSS: Text("discuss", "discutir", pt="discutir"),
    K.APPROVE: Text("approve", "aprobar", pt="aprovar"),
    K.RETURN_WITH_RECOMMENDATIONS: Text(
        "return with recommendations",
        "devolver con recomendaciones",
        pt="devolver com recomendações",
    ),
    K.REVISE: Text("revise", "adecuar", pt="revisar"),
    K.WITHDRAW: Text("withdraw", "retirar", pt="retirar"),
}
"""Each event (the charter's verbs) in words."""


# ------------------------------------------------------------------------------ refusals


@attrs.frozen(slots=True)
class Refusal:
    """Why a rule refuses an event: the rule's id, a bilingual reason and the facts it used.

    ``absent`` marks a refusal for something the record does not hold (no sharing, no meeting,
    no recommendation recorded): ``clac check`` reports it as unmet only where the registry says
    its records are complete (``records_since``), else as insufficient data.
    ``uncertain`` marks a refusal the registry cannot settle for a past event (it keeps only a
    member's current status): the machine still refuses, ``clac check`` reports insufficient
    data rather than unmet.
    """

    rule: str
    reason: Text
    facts: Mapping[str, Any] = attrs.field(factory=dict)
    uncertain: bool = False
    absent: bool = False

    def error(self, event: ProposalEventKind | str) -> TransitionNotAllowed:
        """The :class:`~clac.errors.TransitionNotAllowed` a machine raises for this refusal."""
        kind = ProposalEventKind(event)
        head = Text(
            "is refused by {rule}:", "es rechazado por {rule}:", pt="é recusado por {rule}:"
        )
        return TransitionNotAllowed(
            head.format(rule=self.rule) + self.reason,
            rule=self.rule,
            path="event",
            value=kind.value,
        )


Guard = Callable[
    ["Coalition", ProposalRecord, Sequence[ProposalEvent], ProposalEvent], "Refusal | None"
]
"""A rule's check of one event against the history before it."""


def current_round(before: Sequence[ProposalEvent]) -> Sequence[ProposalEvent]:
    """The events since the proposal was last submitted (a revised proposal starts over)."""
    for index in range(len(before) - 1, -1, -1):
        if before[index].event is K.SUBMIT:
            return before[index + 1 :]
    return before


def _last(events: Sequence[ProposalEvent], kind: ProposalEventKind) -> ProposalEvent | None:
    return next((e for e in reversed(events) if e.event is kind), None)


# --------------------------------------------------------------------------------- guards


def _by_proposer(rule_id: str, what: Text) -> Guard:
    def check(
        coalition: Coalition,
        proposal: ProposalRecord,
        before: Sequence[ProposalEvent],
        event: ProposalEvent,
    ) -> Refusal | None:
        if event.actor == proposal.proposer:
            return None
        reason = Text(
            "only {proposer}, the Member that introduced the proposal, may {what}; {actor} may not",
            "solo {proposer}, el miembro que presentó la propuesta, puede {what_es}; "
            "{actor} no puede",
            pt="só {proposer}, o membro que apresentou a proposta, pode {what_pt}; {actor} não",
        ).format(
            proposer=proposal.proposer,
            actor=event.actor,
            what=what.en,
            what_es=what.es,
            what_pt=what.in_(Language.PT),
        )
        return Refusal(rule_id, reason, {"actor": event.actor, "proposer": proposal.proposer})

    return check


_submit_by_proposer = _by_proposer("PRO-01", Text("submit it", "presentarla", pt="apresentá-la"))
_withdraw_by_proposer = _by_proposer("PRO-05", Text("withdraw it", "retirarla", pt="retirá-la"))
_revise_by_proposer = _by_proposer(
    "PRO-06", Text("revise it after its return", "adecuarla tras su devolución", pt="revisá-la")
)


def _pro01(
    coalition: Coalition,
    proposal: ProposalRecord,
    before: Sequence[ProposalEvent],
    event: ProposalEvent,
) -> Refusal | None:
    refused = _submit_by_proposer(coalition, proposal, before, event)
    if refused is not None:
        return refused
    facts: dict[str, Any] = {"proposer": proposal.proposer, "date": event.date}
    try:
        member = coalition.member(proposal.proposer)
    except UnknownReference:
        reason = Text(
            "{who} is not a CLAC Member",
            "{who} no es miembro de la CLAC",
            pt="{who} não é membro da CLAC",
        )
        return Refusal("PRO-01", reason.format(who=proposal.proposer), facts)
    facts["status"] = member.status.value
    if member.is_active_on(event.date):
        return None
    if not member.is_member_on(event.date):
        reason = Text(
            "{who} was not a Member on {day}",
            "{who} no era miembro el {day}",
            pt="{who} não era membro em {day}",
        )
        return Refusal("PRO-01", reason.format(who=member.organization, day=event.date), facts)
    reason = Text(
        "{who} is not an active Member (its status is {status})",
        "{who} no es un miembro activo (su estado es {status})",
        pt="{who} não é um membro ativo (seu estado é {status})",
    ).format(who=member.organization, status=member.status.value)
    # The registry keeps only the current status: a Member inactive today may have been active
    # when it submitted, so a past submission is uncertain rather than wrong.
    return Refusal("PRO-01", reason, facts, uncertain=member.status is MemberStatus.INACTIVE)


def _pro02(
    coalition: Coalition,
    proposal: ProposalRecord,
    before: Sequence[ProposalEvent],
    event: ProposalEvent,
) -> Refusal | None:
    shared = _last(current_round(before), K.SHARE)
    if shared is not None:
        return None
    reason = Text(
        "the proposal was not shared with the other Members since it was submitted",
        "la propuesta no fue compartida con los otros miembros desde que fue presentada",
        pt="a proposta não foi compartilhada com os outros membros desde que foi apresentada",
    )
    return Refusal("PRO-02", reason, {"shared": None}, absent=True)


def _meeting_refusal(  # noqa: PLR0911 - one return for each way a meeting falls short
    coalition: Coalition, meeting_id: str | None, shared_on: date | None, held_by: date | None
) -> Refusal | None:
    """Whether ``meeting_id`` is a regional meeting organized by ICMEC LAC, in the registry,
    not dated before the sharing (``shared_on``) nor after ``held_by`` (a discussion's day)."""
    facts: dict[str, Any] = {"meeting": meeting_id, "shared": shared_on}
    if meeting_id is None:
        reason = Text(
            "no regional meeting is named",
            "no se indica ninguna reunión regional",
            pt="nenhuma reunião regional é indicada",
        )
        return Refusal("PRO-03", reason, facts, absent=True)
    try:
        found = coalition.meeting(meeting_id)
    except UnknownReference:
        reason = Text(
            "the meeting {id} is not in the registry",
            "la reunión {id} no está en el registro",
            pt="a reunião {id} não está no registro",
        )
        return Refusal("PRO-03", reason.format(id=meeting_id), facts)
    facts.update(kind=found.kind.value, organizer=found.organizer, meeting_date=found.date)
    try:
        partner = coalition.organization(found.organizer).partner
    except UnknownReference:
        partner = None
    if partner != ICMEC_PARTNER:
        reason = Text(
            "the meeting {id} was organized by {org}, not by ICMEC LAC",
            "la reunión {id} fue organizada por {org}, no por ICMEC LAC",
            pt="a reunião {id} foi organizada por {org}, não pelo ICMEC LAC",
        )
        unmarked = not any(o.partner == ICMEC_PARTNER for o in coalition.organizations)
        return Refusal(
            "PRO-03", reason.format(id=found.id, org=found.organizer), facts, absent=unmarked
        )
    if found.kind not in DISCUSSION_MEETING_KINDS:
        reason = Text(
            "the meeting {id} is a {kind} meeting, not a regional meeting",
            "la reunión {id} es una reunión de tipo {kind}, no una reunión regional",
            pt="a reunião {id} é do tipo {kind}, não uma reunião regional",
        )
        return Refusal("PRO-03", reason.format(id=found.id, kind=found.kind.value), facts)
    if shared_on is not None and found.date < shared_on:
        reason = Text(
            "the meeting {id} ({day}) is before the proposal was shared with the Members "
            "({shared})",
            "la reunión {id} ({day}) es anterior a que la propuesta se compartiera con los "
            "miembros ({shared})",
            pt="a reunião {id} ({day}) é anterior ao compartilhamento com os membros ({shared})",
        )
        return Refusal(
            "PRO-03", reason.format(id=found.id, day=found.date, shared=shared_on), facts
        )
    if held_by is not None and found.date > held_by:
        reason = Text(
            "the meeting {id} takes place on {day}, after the discussion's date ({when})",
            "la reunión {id} tiene lugar el {day}, después de la fecha de la discusión ({when})",
            pt="a reunião {id} ocorre em {day}, depois da data da discussão ({when})",
        )
        return Refusal("PRO-03", reason.format(id=found.id, day=found.date, when=held_by), facts)
    return None


def _pro03(
    coalition: Coalition,
    proposal: ProposalRecord,
    before: Sequence[ProposalEvent],
    event: ProposalEvent,
) -> Refusal | None:
    this_round = current_round(before)
    shared = _last(this_round, K.SHARE)
    shared_on = None if shared is None else shared.date
    if event.event is K.SCHEDULE:
        return _meeting_refusal(coalition, event.meeting, shared_on, None)
    if event.event is K.DISCUSS:
        return _meeting_refusal(coalition, event.meeting, shared_on, event.date)
    # Approval: some discussion of this round was at a proper meeting.
    discussions = [e for e in this_round if e.event is K.DISCUSS]
    if not discussions:
        reason = Text(
            "the proposal was not discussed at a regional meeting organized by ICMEC LAC",
            "la propuesta no fue discutida en una reunión regional organizada por ICMEC LAC",
            pt="a proposta não foi discutida em uma reunião regional organizada pelo ICMEC LAC",
        )
        return Refusal("PRO-03", reason, {"discussed": None}, absent=True)
    refusals = []
    for discussion in discussions:
        refused = _meeting_refusal(coalition, discussion.meeting, shared_on, discussion.date)
        if refused is None:
            return None
        refusals.append(refused)
    return refusals[-1]


def recommendations_refusal(
    charter: Charter, recommendations: Sequence[Recommendation], returns: int = 1
) -> Refusal | None:
    """PRO-04: ``returns`` returns carry at least one recommendation each, every one tied to an
    objective or a policy goal of ``charter`` (a saved record cannot tell which return brought
    which recommendation, so it is judged by the count)."""
    facts: dict[str, Any] = {"returns": returns, "recommendations": len(recommendations)}
    if len(recommendations) < max(returns, 1):
        reason = (
            Text(
                "a return carries no recommendation for improvement",
                "una devolución no trae recomendaciones para su adecuación",
                pt="uma devolução não traz recomendações de melhoria",
            )
            if returns <= 1
            else Text(
                "{n} returns carry only {r} recommendations (at least one each)",
                "{n} devoluciones traen solo {r} recomendaciones (al menos una cada una)",
                pt="{n} devoluções trazem só {r} recomendações (ao menos uma cada)",
            ).format(n=returns, r=len(recommendations))
        )
        return Refusal("PRO-04", reason, facts, absent=True)
    objectives = {o.id for o in charter.objectives}
    goals = {g.id for g in charter.policy_goals}
    for index, rec in enumerate(recommendations):
        unknown = (rec.objective is not None and rec.objective not in objectives) or (
            rec.goal is not None and rec.goal not in goals
        )
        if unknown:
            reason = Text(
                "recommendation {i} is tied to {ref}, which is not an objective or policy goal "
                "of the charter",
                "la recomendación {i} se vincula a {ref}, que no es un objetivo ni un objetivo de "
                "política pública de la carta",
                pt="a recomendação {i} se vincula a {ref}, que não é objetivo da carta",
            ).format(i=index + 1, ref=rec.objective or rec.goal)
            return Refusal("PRO-04", reason, facts)
    return None


def _pro04(
    coalition: Coalition,
    proposal: ProposalRecord,
    before: Sequence[ProposalEvent],
    event: ProposalEvent,
) -> Refusal | None:
    """A record's returns up to and including ``event`` against all its recommendations."""
    returns = sum(e.event is K.RETURN_WITH_RECOMMENDATIONS for e in (*before, event))
    charter = _charter_on(coalition, event.date)
    return recommendations_refusal(charter, proposal.recommendations, returns)


def _charter_on(coalition: Coalition, day: date) -> Charter:
    """The charter in force on ``day``; for an event recorded before the charter took effect
    (a valid, if odd, date), its first version — never an error inside a rule."""
    return coalition.charter_in_force(max(day, coalition.charter.original.effective))


GUARDS: Mapping[str, tuple[frozenset[ProposalEventKind], Guard]] = {
    "PRO-01": (frozenset({K.SUBMIT}), _pro01),
    "PRO-02": (frozenset({K.APPROVE}), _pro02),
    "PRO-03": (frozenset({K.SCHEDULE, K.DISCUSS, K.APPROVE}), _pro03),
    "PRO-04": (frozenset({K.RETURN_WITH_RECOMMENDATIONS}), _pro04),
    "PRO-05": (frozenset({K.WITHDRAW}), _withdraw_by_proposer),
    "PRO-06": (frozenset({K.REVISE}), _revise_by_proposer),
}
"""Each rule's guard and the events it guards. The machine checks PRO-04 with the event's own
recommendations (:func:`recommendations_refusal`) rather than the record's count."""


def refusal(
    coalition: Coalition,
    proposal: ProposalRecord,
    event: ProposalEvent,
    *,
    recommendations: Sequence[Recommendation] = (),
    skip: frozenset[str] = frozenset(),
) -> Refusal | None:
    """The first rule that refuses ``event`` after ``proposal``'s history, if any, with the
    ``recommendations`` the event brings (for a return). Rules in ``skip`` are not checked."""
    for rule_id, (kinds, guard) in GUARDS.items():
        if event.event not in kinds or rule_id in skip:
            continue
        if rule_id == "PRO-04":
            charter = _charter_on(coalition, event.date)
            refused = recommendations_refusal(charter, recommendations)
        else:
            refused = guard(coalition, proposal, proposal.history, event)
        if refused is not None:
            return refused
    return None


_APPROVAL = ProposalEvent(
    event=K.APPROVE,
    source=ProposalState.DISCUSSED,
    target=ProposalState.APPROVED,
    date=date.max,
    actor="approval",
)


def approval_refusal(coalition: Coalition, proposal: ProposalRecord) -> Refusal | None:
    """Whether PRO-02 or PRO-03 would refuse approving ``proposal`` now: both read only the
    history (who approves, and when, does not matter to them), so this needs no event."""
    for rule_id in ("PRO-02", "PRO-03"):
        refused = GUARDS[rule_id][1](coalition, proposal, proposal.history, _APPROVAL)
        if refused is not None:
            return refused
    return None


def history_refusal(
    coalition: Coalition, proposal: ProposalRecord, rule_id: str, *, until: date | None = None
) -> tuple[int, ProposalEvent, Refusal] | int:
    """Replay one rule's guard over a saved record: the first refused event as
    ``(index, event, refusal)``, or the number of events the rule checked (0: none applied).
    Events dated after ``until`` are not looked at."""
    kinds, guard = GUARDS[rule_id]
    checked = 0
    history = proposal.history
    for index, event in enumerate(history):
        if until is not None and event.date > until:
            break
        if event.event not in kinds:
            continue
        checked += 1
        refused = guard(coalition, proposal, history[:index], event)
        if refused is not None:
            return index, event, refused
    return checked


# ---------------------------------------------------------------------------------- rules


def _judge(context: Context, proposal: ProposalRecord, rule_id: str, *, none: Text) -> Verdict:
    result = history_refusal(context.coalition, proposal, rule_id, until=context.as_of)
    if isinstance(result, int):
        if result == 0:
            return not_applicable(none, state=proposal.state.value)
        return met(
            Text(
                "{n} event(s) checked, none refused",
                "{n} evento(s) revisado(s), ninguno rechazado",
                pt="{n} evento(s) verificado(s), nenhum recusado",
            ).format(n=result),
            checked=result,
            state=proposal.state.value,
        )
    index, event, refused = result
    since = context.before(None, event.date)
    if since is not None:  # a step taken before the records begin is not assessed
        what = Text(
            f"history[{index}] ({event.event.value} on {event.date})",
            f"history[{index}] ({EVENT_LABELS[event.event].es}, {event.date})",
        )
        return before_records(since, what, event=event.event.value)
    where = Text(
        "history[{i}] ({event} on {day}):",
        "history[{i}] ({event_es}, {day}):",
        pt="history[{i}] ({event_pt}, {day}):",
    ).format(
        i=index,
        event=event.event.value,
        event_es=EVENT_LABELS[event.event].es,
        event_pt=EVENT_LABELS[event.event].in_(Language.PT),
        day=event.date,
    )
    if refused.absent and not context.complete(None, event.date):
        index_of = {id(p): i for i, p in enumerate(context.coalition.proposals)}
        path = f"proposals[{index_of.get(id(proposal), 0)}]"
        return insufficient_data(
            where
            + refused.reason
            + Text(
                f"— not recorded, and the registry does not say its records are complete: "
                f"record it in {path} (or set records_since)",
                f"— no registrado, y el registro no dice que sus registros estén completos: "
                f"regístrelo en {path} (o fije records_since)",
                pt=f"— não registrado, e o registro não diz que seus registros estão completos: "
                f"registre-o em {path} (ou defina records_since)",
            ),
            event=event.event.value,
            record_at=path,
            **refused.facts,
        )
    verdict = insufficient_data if refused.uncertain else unmet
    return verdict(where + refused.reason, event=event.event.value, **refused.facts)


_NOT_SUBMITTED = Text(
    "the proposal has not been submitted",
    "la propuesta no ha sido presentada",
    pt="a proposta não foi apresentada",
)
_NOT_APPROVED = Text(
    "the proposal has not been approved",
    "la propuesta no ha sido aprobada",
    pt="a proposta não foi aprovada",
)


@rule(
    "PRO-01",
    clause=(_SG, 11),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].history", "members[].status"),
    title=Text(
        "A proposal is submitted by its proposer, an active Member",
        "Una propuesta la presenta su proponente, un miembro activo",
        pt="Uma proposta é apresentada por seu proponente, um membro ativo",
    ),
    explanation=Text(
        "Any CLAC Member may submit project proposals: every submission (and resubmission) is "
        "by the proposing organization, an active Member on that day.",
        "Cualquier miembro de la CLAC podrá presentar propuestas: cada presentación (y nueva "
        "presentación) la hace la organización proponente, miembro activo ese día.",
        pt="Qualquer membro da CLAC pode apresentar propostas: cada apresentação é feita pela "
        "organização proponente, membro ativo naquele dia.",
    ),
)
def pro_01(context: Context, proposal: ProposalRecord) -> Verdict:
    """Each submit event is by the proposer, an active Member on its date."""
    return _judge(context, proposal, "PRO-01", none=_NOT_SUBMITTED)


@rule(
    "PRO-02",
    clause=(_SG, 13),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].history",),
    title=Text(
        "A proposal is shared with the other Members before it is approved",
        "Una propuesta se comparte con los otros miembros antes de aprobarse",
        pt="Uma proposta é compartilhada com os outros membros antes de ser aprovada",
    ),
    explanation=Text(
        "Proposals will be shared with the other Members for consideration, analysis, "
        "discussion and approval: an approval follows a sharing since the last submission.",
        "Las propuestas serán compartidas con los otros miembros para su consideración, "
        "análisis, discusión y aprobación: una aprobación sigue a una puesta en común desde la "
        "última presentación.",
        pt="As propostas serão compartilhadas com os outros membros para consideração, análise, "
        "discussão e aprovação.",
    ),
)
def pro_02(context: Context, proposal: ProposalRecord) -> Verdict:
    """Each approve event follows a share event of the same round."""
    return _judge(context, proposal, "PRO-02", none=_NOT_APPROVED)


@rule(
    "PRO-03",
    clause=(_SG, 12),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].history[].meeting", "meetings[]"),
    title=Text(
        "A proposal is discussed at a regional meeting organized by ICMEC LAC",
        "Una propuesta se discute en una reunión regional organizada por ICMEC LAC",
        pt="Uma proposta é discutida em uma reunião regional organizada pelo ICMEC LAC",
    ),
    explanation=Text(
        "Proposals will be discussed at regional meetings organized by ICMEC LAC: a proposal "
        "is scheduled for and discussed at a regional (or annual) meeting of the registry "
        "organized by ICMEC, not dated before the proposal was shared, and an approval follows "
        "such a discussion.",
        "Las propuestas serán discutidas en las reuniones regionales organizadas por ICMEC LAC: "
        "se programan y discuten en una reunión regional (o anual) del registro organizada por "
        "ICMEC, no anterior a que se compartieran, y una aprobación sigue a esa discusión.",
        pt="As propostas serão discutidas nas reuniões regionais organizadas pelo ICMEC LAC.",
    ),
)
def pro_03(context: Context, proposal: ProposalRecord) -> Verdict:
    """Each schedule, discuss and approve event names a proper ICMEC LAC regional meeting."""
    none = Text(
        "the proposal has not been scheduled, discussed or approved",
        "la propuesta no ha sido programada, discutida ni aprobada",
        pt="a proposta não foi agendada, discutida nem aprovada",
    )
    return _judge(context, proposal, "PRO-03", none=none)


@rule(
    "PRO-04",
    clause=(_SG, 14),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].recommendations",),
    title=Text(
        "A proposal not approved is returned with recommendations based on CLAC's objectives",
        "Una propuesta no aprobada se devuelve con recomendaciones ajustadas a los objetivos",
        pt="Uma proposta não aprovada é devolvida com recomendações baseadas nos objetivos",
    ),
    explanation=Text(
        "If not approved, the proposal shall be returned along with recommendations for "
        "improvement based on CLAC's objectives: each return brings at least one "
        "recommendation, each tied to an objective or a policy goal of the charter.",
        "De no ser aprobada, la propuesta se devolverá con las debidas recomendaciones ajustadas "
        "a los objetivos de la CLAC: cada devolución trae al menos una recomendación, vinculada "
        "a un objetivo o a un objetivo de política pública de la carta.",
        pt="Se não aprovada, a proposta será devolvida com recomendações baseadas nos objetivos "
        "da CLAC.",
    ),
)
def pro_04(context: Context, proposal: ProposalRecord) -> Verdict:
    """A returned proposal has at least one recommendation per return."""
    none = Text(
        "the proposal has not been returned",
        "la propuesta no ha sido devuelta",
        pt="a proposta não foi devolvida",
    )
    return _judge(context, proposal, "PRO-04", none=none)


@rule(
    "PRO-05",
    clause=(_SG, 11),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].history[].actor",),
    title=Text(
        "Only the proposer withdraws its proposal",
        "Solo el proponente retira su propuesta",
        pt="Só o proponente retira sua proposta",
    ),
    explanation=Text(
        "The charter does not speak of withdrawal; clac reads the Member's right to submit a "
        "proposal as leaving its withdrawal to that Member.",
        "La carta no habla de retiro; clac entiende que el derecho del miembro a presentar una "
        "propuesta deja su retiro a ese miembro.",
        pt="A carta não fala de retirada; clac entende que a retirada cabe ao proponente.",
    ),
    assumption=Text(
        "the charter says nothing about withdrawing a proposal: that only the proposer may "
        "withdraw it is clac's reading",
        "la carta no dice nada sobre el retiro de una propuesta: que solo el proponente pueda "
        "retirarla es una lectura de clac",
        pt="a carta nada diz sobre a retirada de uma proposta: que só o proponente possa "
        "retirá-la é uma leitura do clac",
    ),
)
def pro_05(context: Context, proposal: ProposalRecord) -> Verdict:
    """A withdraw event is by the proposer."""
    none = Text(
        "the proposal has not been withdrawn",
        "la propuesta no ha sido retirada",
        pt="a proposta não foi retirada",
    )
    return _judge(context, proposal, "PRO-05", none=none)


@rule(
    "PRO-06",
    clause=(_SG, 14),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.PROPOSAL,
    facts=("proposals[].history[].actor",),
    title=Text(
        "A returned proposal goes back to the Member that introduced it",
        "Una propuesta devuelta vuelve al miembro que la presentó",
        pt="Uma proposta devolvida volta ao membro que a apresentou",
    ),
    explanation=Text(
        "The proposal shall be returned to introducing Member: only that Member revises it for "
        "resubmission (clac follows the English, one introducing Member; see the clause's "
        "divergence).",
        "La propuesta se devolverá a quien la presentó: solo ese miembro la adecua para "
        "presentarla de nuevo (clac sigue el inglés, un miembro proponente; ver la divergencia "
        "de la cláusula).",
        pt="A proposta será devolvida ao membro que a apresentou: só ele a revisa.",
    ),
)
def pro_06(context: Context, proposal: ProposalRecord) -> Verdict:
    """A revise event is by the proposer."""
    none = Text(
        "the proposal has not been revised after a return",
        "la propuesta no ha sido adecuada tras una devolución",
        pt="a proposta não foi revisada após uma devolução",
    )
    return _judge(context, proposal, "PRO-06", none=none)


PROPOSAL_RULES: tuple[Rule, ...] = (pro_01, pro_02, pro_03, pro_04, pro_05, pro_06)
"""clac's own PRO-* rules, in id order."""
