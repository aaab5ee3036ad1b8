"""Plan years: the strategic and operational plans in force, what is due in the year, and the
evidence for the operational plan's annual assessment.

Structure and Governance: "CLAC Members shall develop a strategic plan to establish goals and
objectives for the next five years and develop an operational plan, which will be assessed
annually to accommodate necessary adjustments." Whether those duties are met is decided by the
governance rules GOV-05 (a strategic plan in force), GOV-06 (an operational plan for the year)
and GOV-07 (the year's plan assessed); :func:`plan_year` runs exactly those rules for the year
and adds the dates the duties fall due, so the two can never disagree.

The assessment itself is the Secretariat's and the Members' judgement; :func:`assess_plan`
gathers its evidence: for each planned action, the activities the year's quarterly reports give
toward it (an activity answers an action when they share a policy goal and, where the action
names members, a member).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import attrs

from clac._deprecation import Counts
from clac.model import ActivityStatus, OperationalPlan, PlannedAction, StrategicPlan
from clac.reporting._entries import ActivityEntry, year_entries
from clac.rules import Context, Outcome, Rule
from clac.rules.governance import operational_plan, operational_plan_assessed, strategic_plan
from clac.text import Text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = [
    "ActionProgress",
    "ActionState",
    "DutyKind",
    "PlanAssessment",
    "PlanDuty",
    "PlanYear",
    "assess_plan",
    "plan_year",
]


class ActionState(enum.StrEnum):
    """What the year's reports say about a planned action."""

    IMPLEMENTED = "implemented"
    PLANNED = "planned"
    NOT_REPORTED = "not-reported"

    @property
    def label(self) -> Text:
        """The state in words."""
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    ActionState.IMPLEMENTED: Text(
        "an activity implemented", "una actividad ejecutada", pt="uma atividade executada"
    ),
    ActionState.PLANNED: Text(
        "activities planned only", "solo actividades previstas", pt="apenas atividades previstas"
    ),
    ActionState.NOT_REPORTED: Text(
        "no activity reported", "ninguna actividad informada", pt="nenhuma atividade informada"
    ),
}


@attrs.frozen(slots=True)
class ActionProgress:
    """A planned action and the reported activities that answer it."""

    action: PlannedAction
    activities: tuple[ActivityEntry, ...]

    @property
    def state(self) -> ActionState:
        """Implemented if any answering activity was implemented, planned if only planned."""
        if any(e.activity.status is ActivityStatus.IMPLEMENTED for e in self.activities):
            return ActionState.IMPLEMENTED
        return ActionState.PLANNED if self.activities else ActionState.NOT_REPORTED


@attrs.frozen(slots=True)
class PlanAssessment:
    """Evidence for assessing the operational plan of :attr:`year`, as of :attr:`as_of`."""

    year: int
    as_of: date
    plan: OperationalPlan | None
    actions: tuple[ActionProgress, ...]

    @property
    def counts(self) -> Counts[ActionState]:
        """How many actions are in each state; calling it, ``counts()``, is deprecated."""
        return Counts(
            {s: sum(1 for a in self.actions if a.state is s) for s in ActionState}, "PlanAssessment"
        )

    def for_goal(self, goal: str) -> tuple[ActionProgress, ...]:
        """The actions aimed at ``goal``."""
        return tuple(a for a in self.actions if goal in a.action.goals)


def _answers(action: PlannedAction, entry: ActivityEntry) -> bool:
    activity = entry.activity
    if not set(action.goals) & set(activity.goals):
        return False
    return not action.members or bool(set(action.members) & set(activity.members))


def assess_plan(coalition: Coalition, year: int, as_of: date) -> PlanAssessment:
    """For each action of ``year``'s operational plan, the activities of the year's reports
    received by ``as_of`` that answer it."""
    plan = coalition.plans.operational_plan_for(year)
    if plan is None:
        return PlanAssessment(year, as_of, None, ())
    activities = year_entries(coalition, year, as_of).activities
    progress = tuple(
        ActionProgress(action, tuple(e for e in activities if _answers(action, e)))
        for action in plan.actions
    )
    return PlanAssessment(year, as_of, plan, progress)


class DutyKind(enum.StrEnum):
    """A planning duty of Structure and Governance, item 15."""

    STRATEGIC_PLAN = "strategic-plan"
    NEXT_STRATEGIC_PLAN = "next-strategic-plan"
    OPERATIONAL_PLAN = "operational-plan"
    ASSESSMENT = "assessment"

    @property
    def label(self) -> Text:
        """The duty in words."""
        return _DUTY_LABELS[self]


_DUTY_LABELS = {
    DutyKind.STRATEGIC_PLAN: Text(
        "A strategic plan covering the year",
        "Un plan estratégico que cubra el año",
        pt="Um plano estratégico que cubra o ano",
    ),
    DutyKind.NEXT_STRATEGIC_PLAN: Text(
        "The next strategic plan (the current one ends this year)",
        "El próximo plan estratégico (el actual termina este año)",
        pt="O próximo plano estratégico (o atual termina este ano)",
    ),
    DutyKind.OPERATIONAL_PLAN: Text(
        "The year's operational plan",
        "El plan operativo del año",
        pt="O plano operacional do ano",
    ),
    DutyKind.ASSESSMENT: Text(
        "The annual assessment of the operational plan",
        "La evaluación anual del plan operativo",
        pt="A avaliação anual do plano operacional",
    ),
}


@attrs.frozen(slots=True)
class PlanDuty:
    """One planning duty of the year: when it falls due, when it was done, and the governance
    rule's verdict on it (``rule`` is ``None`` for the next strategic plan, which no rule judges
    until its first year)."""

    kind: DutyKind
    due: date
    done: date | None
    rule: str | None
    outcome: Outcome | None
    message: Text | None


@attrs.frozen(slots=True)
class PlanYear:
    """A plan year as of :attr:`day`: the plans in force and the duties that fall in it."""

    year: int
    day: date
    strategic: StrategicPlan | None
    operational: OperationalPlan | None
    duties: tuple[PlanDuty, ...]
    assessment: PlanAssessment

    @property
    def last_strategic_year(self) -> bool:
        """Whether the strategic plan in force ends this year (the next one is then due)."""
        return self.strategic is not None and self.strategic.end_year == self.year


def plan_year(coalition: Coalition, day: date) -> PlanYear:
    """The plan year ``day`` falls in, judged as of ``day``.

    Its duties: a strategic plan covering the year (GOV-05, due the year's first day), the
    next strategic plan when the current one ends this year (due the last day), the year's
    operational plan (GOV-06, due the first day) and its assessment (GOV-07, due the last day;
    GOV-07 judges it once the year is over).
    """
    year = day.year
    ctx = Context(coalition, day)
    plans = coalition.plans
    strategic = plans.strategic_plan_for(year)
    operational = plans.operational_plan_for(year)
    first, last = date(year, 1, 1), date(year, 12, 31)

    def judged(kind: DutyKind, due: date, done: date | None, rule: Rule) -> PlanDuty:
        verdict = rule.check(ctx, year)
        return PlanDuty(kind, due, done, rule.id, verdict.outcome, verdict.message)

    adopted = None if strategic is None else strategic.adopted
    duties = [judged(DutyKind.STRATEGIC_PLAN, first, adopted, strategic_plan)]
    if strategic is not None and strategic.end_year == year:
        successor = plans.strategic_plan_for(year + 1)
        done = None if successor is None else successor.adopted
        duties.append(PlanDuty(DutyKind.NEXT_STRATEGIC_PLAN, last, done, None, None, None))
    duties.append(judged(DutyKind.OPERATIONAL_PLAN, first, None, operational_plan))
    assessed = None if operational is None else operational.assessed
    duties.append(judged(DutyKind.ASSESSMENT, last, assessed, operational_plan_assessed))
    return PlanYear(
        year=year,
        day=day,
        strategic=strategic,
        operational=operational,
        duties=tuple(duties),
        assessment=assess_plan(coalition, year, day),
    )
