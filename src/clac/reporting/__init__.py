"""Reporting: the quarterly cadence, meetings and minutes, plan years, the shared folder under
TLP 2.0, the shared calendar and the Secretariat's annual report.

>>> from datetime import date
>>> from clac import demo
>>> from clac.reporting import cadence
>>> late = cadence(demo(), date(2026, 11, 1)).late
>>> [(s.working_group, str(s.period), s.days_overdue) for s in late]
[('private-sector-collaboration', '2024-Q4', 15)]

Heavy dependencies load only when used: icalendar for :func:`calendar`, matplotlib for the
annual report's chart, pandas for :meth:`Cadence.to_dataframe`.
"""

from __future__ import annotations

from clac._schedule import (
    MINUTES_GRACE_DAYS,
    Cadence,
    MinutesState,
    ReportState,
    ReportStatus,
    ReportTally,
    annual_report_documents,
    annual_report_due,
    cadence,
    coalition_meetings,
    min_meetings_for,
    minutes_state,
    records_begin,
    report_due,
    report_status,
)
from clac.reporting._annual import AnnualReport, GoalSummary, MeetingEntry, annual_report
from clac.reporting._cadence import reports_after, validate_report
from clac.reporting._calendar import CalendarEvent, calendar, calendar_events
from clac.reporting._entries import ActivityEntry, AdvanceEntry, PolicyEntry
from clac.reporting._folder import Audience, AudienceKind, may_see, visible_documents
from clac.reporting._plans import (
    ActionProgress,
    ActionState,
    DutyKind,
    PlanAssessment,
    PlanDuty,
    PlanYear,
    assess_plan,
    plan_year,
)

__all__ = [
    "MINUTES_GRACE_DAYS",
    "ActionProgress",
    "ActionState",
    "ActivityEntry",
    "AdvanceEntry",
    "AnnualReport",
    "Audience",
    "AudienceKind",
    "Cadence",
    "CalendarEvent",
    "DutyKind",
    "GoalSummary",
    "MeetingEntry",
    "MinutesState",
    "PlanAssessment",
    "PlanDuty",
    "PlanYear",
    "PolicyEntry",
    "ReportState",
    "ReportStatus",
    "ReportTally",
    "annual_report",
    "annual_report_documents",
    "annual_report_due",
    "assess_plan",
    "cadence",
    "calendar",
    "calendar_events",
    "coalition_meetings",
    "may_see",
    "min_meetings_for",
    "minutes_state",
    "plan_year",
    "records_begin",
    "report_due",
    "report_status",
    "reports_after",
    "validate_report",
    "visible_documents",
]
