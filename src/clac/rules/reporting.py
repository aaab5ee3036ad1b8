"""REP-* rules: the Reporting section, and the Membership sub-bullet on CLAC meetings.

The rules read the same functions :mod:`clac.reporting` offers its users (the cadence, minutes
states, coalition meetings per year, annual report documents), so a finding and the annual
report can never disagree.

Severity follows the wording (DESIGN.md): Working Groups "will provide" quarterly reports, the
Secretariat "will be responsible for circulating meeting minutes" and "will produce" the annual
report, activities are "aimed at achieving a policy goal", CLAC meetings "take place" in a list
Members "are requested" to take part in — all *expected*; Members "commit to sharing
information with the Secretariat … on progress" — *required* (REP-07).

Four numbers are clac's assumptions, not charter text, each a parameter an amendment may
change and each marked in every finding that uses it: a report is due ``report_due_days``
(30) days after its quarter ends; minutes have ``minutes_grace_days`` (30) days to be
circulated; a year's annual report may appear until the end of the
``annual_report_due_months``-th month (31 March) of the next year; a member shares progress if
named within ``sharing_window_months`` (12).

What the registry does not record is unknown, never unmet: a duty is unmet only where the
registry says its records of that kind are complete (``records_since``), and a duty that falls
before that day is not assessed.
"""

from __future__ import annotations

import weakref
from datetime import date

import attrs

from clac._schedule import (
    MinutesState,
    ReportState,
    ReportStatus,
    annual_report_documents,
    annual_report_due,
    cadence,
    min_meetings_for,
    minutes_grace_days,
    minutes_state,
    records_begin,
)
from clac.charter import Section, Severity
from clac.model import Meeting, Member, QuarterlyReport, RecordKind, WorkingGroup
from clac.periods import Quarter
from clac.rules._catalogue import rule
from clac.rules._context import (
    Context,
    assessed_from,
    before_records,
    joined_words,
    unrecorded,
)
from clac.rules._engine import SubjectKind, Verdict, insufficient_data, met, not_applicable, unmet
from clac.rules.membership import _n, months_before
from clac.text import _trusted as _text

__all__ = [
    "SHARING_WINDOW_MONTHS",
    "activities_aligned",
    "annual_report_produced",
    "coalition_meetings_held",
    "minutes_circulated",
    "quarterly_reports",
    "reports_on_time",
    "shares_progress",
]


def _none_of(count: int, participle: str) -> str:
    """'none of the 3 quarterly reports recorded', 'the one quarterly report recorded' or 'no
    quarterly report recorded'."""
    if count == 0:
        return f"no quarterly report {participle}"
    if count == 1:
        return f"the one quarterly report {participle}"
    return f"none of the {count} quarterly reports {participle}"


def _ninguno(count: int, participle: str) -> str:
    """'ninguno de los 3 informes trimestrales registrados', 'el único informe trimestral
    registrado' o 'ningún informe trimestral registrado'."""
    if count == 0:
        return f"ningún informe trimestral {participle}"
    if count == 1:
        return f"el único informe trimestral {participle}"
    return f"ninguno de los {count} informes trimestrales {participle}s"


SHARING_WINDOW_MONTHS = 12
"""The default of the parameter ``sharing_window_months``: REP-07 looks for a member's name in
the reports of this many months before the day (clac's assumption)."""


# --------------------------------------------------------------------------- REP-01


@rule(
    "REP-01",
    clause=(Section.REPORTING, 2),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.WORKING_GROUP,
    facts=("reports[] (working_group, year, quarter)", "working_groups[].formed"),
    parameters=("report_due_days",),
    title=_text(
        "Each Working Group provides its quarterly reports",
        "Cada grupo de trabajo entrega sus informes trimestrales",
    ),
    explanation=_text(
        "Each Working Group will provide brief quarterly reports to the Secretariat. A group "
        "owes one for every quarter from the one it was formed in; a report not submitted by "
        "its due date (report_due_days after the quarter ends: clac's assumption, the charter "
        "sets no deadline) is missing. Quarters before the registry's report records begin "
        "(records_since) are not assessed; without records_since a quarter with no report is "
        "unknown (insufficient data), since the registry cannot tell a report never sent from "
        "one never entered.",
        "Cada grupo de trabajo proporcionará breves informes trimestrales a la Secretaría. Un "
        "grupo debe uno por cada trimestre desde aquel en que se formó; un informe no "
        "presentado a su vencimiento (report_due_days después del fin del trimestre: supuesto "
        "de clac, la carta no fija plazo) falta. No se evalúan los trimestres anteriores al "
        "inicio de los registros de informes (records_since); sin records_since, un trimestre "
        "sin informe es desconocido (datos insuficientes), pues el registro no distingue un "
        "informe nunca enviado de uno nunca registrado.",
    ),
)
def quarterly_reports(ctx: Context, group: WorkingGroup) -> Verdict:  # noqa: PLR0911
    """Unmet when a quarter's report is missing; the evidence lists the quarters.

    The verdict claims only the quarters it assessed: with ``records_since`` those from the
    first quarter that begins on or after it (the evidence's ``assessed``); without it, every
    quarter due. Its facts carry the counts its message gives (``received``, ``late``,
    ``undated``), each checkable against ``reports[]``.
    """
    statuses = ctx.report_statuses.get(group.id)
    if statuses is None:  # a group not formed by the day: the cadence has nothing for it
        statuses = cadence(ctx.coalition, ctx.as_of, working_group=group.id)
    due = [s for s in statuses if s.state is not ReportState.NOT_YET_DUE]
    if not due:
        return not_applicable(
            _text(
                f"no quarterly report is due yet (formed {group.formed.isoformat()})",
                f"aún no vence ningún informe trimestral (formado el {group.formed.isoformat()})",
            ),
            formed=group.formed,
        )
    missing = statuses.missing
    if missing:
        quarters = ", ".join(str(s.period) for s in missing)
        return unmet(
            _text(
                f"no report received for {quarters}",
                f"no se recibió informe para {quarters}",
            ),
            missing=tuple(str(s.period) for s in missing),
            due_dates=tuple(s.due for s in missing),
        )
    since = ctx.records_since(RecordKind.REPORTS)
    if since is not None:
        # From the horizon on, a quarter due is received or missing (never unrecorded); the
        # quarters before it are not assessed, whatever the registry holds for them.
        begin = records_begin(ctx.coalition, ctx.as_of)
        assessed = [s for s in due if begin is not None and begin <= s.period]
        before = len(due) - len(assessed)
        if not assessed:
            return before_records(
                since,
                _text(
                    f"every quarterly report due so far ({len(due)})",
                    f"cada informe trimestral exigible hasta ahora ({len(due)})",
                    pt=f"cada relatório trimestral exigível até agora ({len(due)})",
                ),
                due_before_records=len(due),
                not_assessed=before,
                assessed=(),
            )
        return _received(assessed, since=since, not_assessed=before)
    unrecorded_quarters = [s for s in due if s.state is ReportState.UNRECORDED]
    if len(unrecorded_quarters) == len(due):
        return insufficient_data(
            _text(
                "the registry holds no quarterly report of the group and does not say its "
                "report records are complete: record the reports at reports[] (or set "
                "records_since)",
                "el registro no contiene informes trimestrales del grupo ni dice que sus "
                "registros de informes estén completos: registre los informes en reports[] (o "
                "fije records_since)",
            ),
            unrecorded=len(due),
            record_at="reports[]",
        )
    if unrecorded_quarters:
        quarters = ", ".join(str(s.period) for s in unrecorded_quarters)
        return insufficient_data(
            _text(
                f"no report is recorded for {quarters}, and the registry does not say its "
                "report records are complete: record them at reports[] (or set records_since)",
                f"no hay informe registrado para {quarters}, y el registro no dice que sus "
                "registros de informes estén completos: regístrelos en reports[] (o fije "
                "records_since)",
            ),
            unrecorded=tuple(str(s.period) for s in unrecorded_quarters),
            record_at="reports[]",
        )
    return _received(due, since=None, not_assessed=0)


def _received(assessed: list[ReportStatus], *, since: date | None, not_assessed: int) -> Verdict:
    """*Met*: every report of the ``assessed`` quarters (all received) came in; the message
    names the quarters it looked at and nothing else."""
    first, last = assessed[0].period, assessed[-1].period
    span = str(first) if first == last else f"{first}..{last}"
    late = tuple(str(s.period) for s in assessed if s.state is ReportState.LATE)
    undated = tuple(str(s.period) for s in assessed if s.state is ReportState.RECEIVED)
    counts_en = (
        f"{len(assessed)} {'report' if len(assessed) == 1 else 'reports'}, {len(late)} late, "
        f"{len(undated)} without a recorded date"
    )
    counts_es = (
        f"{len(assessed)} {'informe' if len(assessed) == 1 else 'informes'}, {len(late)} con "
        f"atraso, {len(undated)} sin fecha registrada"
    )
    if since is None:
        message = _text(
            f"every report due since {first} was received ({span}: {counts_en})",
            f"se recibieron todos los informes exigibles desde {first} ({span}: {counts_es})",
        )
    else:
        earlier_en = (
            f"; {_n(not_assessed, 'earlier quarter', 'earlier quarters')}, before the records "
            f"begin, {'is' if not_assessed == 1 else 'are'} not assessed"
            if not_assessed
            else ""
        )
        earlier_es = (
            f"; {_n(not_assessed, 'trimestre anterior', 'trimestres anteriores')} al inicio de "
            f"los registros no se {'evalúa' if not_assessed == 1 else 'evalúan'}"
            if not_assessed
            else ""
        )
        message = _text(
            f"every report due since the records began (records_since {since.isoformat()}: "
            f"{span}) was received ({counts_en}){earlier_en}",
            f"se recibieron todos los informes exigibles desde el inicio de los registros "
            f"(records_since {since.isoformat()}: {span}) ({counts_es}){earlier_es}",
        )
    return met(
        message,
        since=str(first),
        assessed=tuple(str(s.period) for s in assessed),
        received=len(assessed),
        late=late,
        undated=undated,
        not_assessed=not_assessed,
        records_since=since,
    )


# --------------------------------------------------------------------------- REP-02


@rule(
    "REP-02",
    clause=(Section.REPORTING, 2),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.REPORT,
    facts=("reports[].submitted",),
    parameters=("report_due_days",),
    title=_text(
        "Quarterly reports submitted on time",
        "Informes trimestrales presentados a tiempo",
    ),
    explanation=_text(
        "Quarterly reports keep decisions 'based on the most up-to-date information'. The "
        "charter asks for quarterly reports but sets no deadline: the due date — 30 days "
        "after the quarter ends, the parameter report_due_days — is clac's assumption, not "
        "charter text, and an amendment may change it. A report submitted after its due date "
        "is late; one not submitted at all is left to REP-01.",
        "Los informes trimestrales garantizan decisiones 'basadas en las informaciones más "
        "actualizadas'. La carta pide informes trimestrales pero no fija plazo: el "
        "vencimiento — 30 días después del fin del trimestre, el parámetro report_due_days — "
        "es un supuesto de clac, no texto de la carta, y una enmienda puede cambiarlo. Un "
        "informe presentado después de su vencimiento está atrasado; uno no presentado queda "
        "para REP-01.",
    ),
)
@assessed_from(
    RecordKind.REPORTS,
    lambda report: report.period.first_day,
    lambda report: _text(f"the report for {report.period}", f"el informe de {report.period}"),
)
def reports_on_time(ctx: Context, report: QuarterlyReport) -> Verdict:
    """Unmet when the report was submitted after its due date."""
    due = ctx.report_due(report.period)
    submitted = report.submitted
    days = (due - report.period.last_day).days
    if submitted is None:
        return unrecorded(
            _text(
                "the day the report was submitted (it was received)",
                "el día en que se presentó el informe (fue recibido)",
                pt="o dia em que o relatório foi enviado (foi recebido)",
            ),
            f"{ctx.report_path(report)}.submitted",
            due=due,
            due_days=days,
        )
    if submitted > ctx.as_of:
        return not_applicable(
            _text(
                f"not submitted as of {ctx.as_of.isoformat()} (see REP-01)",
                f"no presentado al {ctx.as_of.isoformat()} (véase REP-01)",
            ),
            due=due,
            due_days=days,
        )
    if submitted > due:
        late = (submitted - due).days
        return unmet(
            _text(
                f"submitted on {submitted.isoformat()}, {late} days after its due date "
                f"{due.isoformat()} (clac's {days}-day assumption)",
                f"presentado el {submitted.isoformat()}, {late} días después de su vencimiento "
                f"el {due.isoformat()} (supuesto de clac de {days} días)",
            ),
            submitted=submitted,
            due=due,
            due_days=days,
            days_late=late,
        )
    return met(
        _text(
            f"submitted on {submitted.isoformat()}, by its due date {due.isoformat()}",
            f"presentado el {submitted.isoformat()}, dentro de su vencimiento el {due.isoformat()}",
        ),
        submitted=submitted,
        due=due,
        due_days=days,
    )


# --------------------------------------------------------------------------- REP-03


@rule(
    "REP-03",
    clause=(Section.REPORTING, 3),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.REPORT,
    facts=("reports[].activities[].goals",),
    title=_text(
        "Reported activities aim at a policy goal",
        "Las actividades informadas apuntan a un objetivo de política",
    ),
    explanation=_text(
        "A quarterly report gives 'any activity – in country or regional, implemented or "
        "planned – aimed at achieving a policy goal for the period'. Each activity of a "
        "received report names at least one of the charter's policy goals.",
        "Un informe trimestral da 'cualquier actividad - en el país o regional, en ejecución o "
        "previstos - dirigido a lograr un objetivo político para el periodo'. Cada actividad de "
        "un informe recibido nombra al menos uno de los objetivos de política de la carta.",
    ),
)
@assessed_from(
    RecordKind.REPORTS,
    lambda report: report.period.first_day,
    lambda report: _text(f"the report for {report.period}", f"el informe de {report.period}"),
)
def activities_aligned(ctx: Context, report: QuarterlyReport) -> Verdict:
    """Unmet when an activity of the report names no policy goal."""
    if report.submitted is not None and report.submitted > ctx.as_of:
        return not_applicable(
            _text(
                f"not received as of {ctx.as_of.isoformat()}",
                f"no recibido al {ctx.as_of.isoformat()}",
            ),
        )
    if not report.activities:
        return not_applicable(
            _text("the report lists no activity", "el informe no enumera actividades"),
            activities=0,
        )
    unaligned = tuple(a.description for a in report.activities if not a.goals)
    if unaligned and not ctx.complete(RecordKind.REPORTS, report.period.first_day):
        where = f"{ctx.report_path(report)}.activities[].goals"
        return insufficient_data(
            _text(
                f"{len(unaligned)} of {_n(len(report.activities), 'activity', 'activities')} "
                "record no policy goal, "
                f"and the registry does not say its report records are complete: record the "
                f"goals at {where}",
                f"{len(unaligned)} de {_n(len(report.activities), 'actividad', 'actividades')} "
                f"{'no registra' if len(unaligned) == 1 else 'no registran'} objetivo "
                f"de política, y el registro no dice que sus registros de informes estén "
                f"completos: registre los objetivos en {where}",
            ),
            activities=len(report.activities),
            unaligned=unaligned,
            record_at=where,
        )
    if unaligned:
        shown = "; ".join(repr(d) for d in unaligned)
        return unmet(
            _text(
                f"{len(unaligned)} of {_n(len(report.activities), 'activity', 'activities')} "
                "tied to no policy "
                f"goal: {shown}",
                f"{len(unaligned)} de {_n(len(report.activities), 'actividad', 'actividades')} "
                "sin objetivo de "
                f"política: {shown}",
            ),
            activities=len(report.activities),
            unaligned=unaligned,
        )
    return met(
        _text(
            f"each of the {len(report.activities)} activities aims at a policy goal",
            f"cada una de las {len(report.activities)} actividades apunta a un objetivo",
        )
        if len(report.activities) > 1
        else _text(
            "its one activity aims at a policy goal",
            "su única actividad apunta a un objetivo",
        ),
        activities=len(report.activities),
    )


# --------------------------------------------------------------------------- REP-04


@rule(
    "REP-04",
    clause=(Section.REPORTING, 6),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEETING,
    facts=("meetings[].minutes.circulated",),
    parameters=("minutes_grace_days",),
    title=_text("Meeting minutes circulated", "Actas de las reuniones circuladas"),
    explanation=_text(
        "The Secretariat will be responsible for circulating meeting minutes. Each meeting "
        "held needs its minutes circulated; clac allows minutes_grace_days (30) days after the "
        "meeting (its assumption: the charter sets no delay), so a recent meeting without "
        "circulated minutes is not yet a gap. Minutes without a circulation date are unmet "
        "only where the registry says its meeting records are complete (records_since).",
        "La Secretaría será la encargada de realizar las actas de las reuniones. Cada reunión "
        "celebrada necesita sus actas circuladas; clac da minutes_grace_days (30) días después "
        "de la reunión (su supuesto: la carta no fija plazo), así que una reunión reciente sin "
        "actas circuladas aún no es una falta. Actas sin fecha de circulación no se cumplen "
        "solo si el registro dice que sus registros de reuniones están completos "
        "(records_since).",
    ),
)
def minutes_circulated(ctx: Context, meeting: Meeting) -> Verdict:
    """Unmet when a meeting's minutes were not circulated within the grace period."""
    state = minutes_state(meeting, ctx.as_of, coalition=ctx.coalition)
    minutes = meeting.minutes
    document = None if minutes is None else minutes.document
    circulated = None if minutes is None else minutes.circulated
    grace = minutes_grace_days(ctx.coalition, meeting)
    facts = {"date": meeting.date, "minutes_document": document, "grace_days": grace}
    if state is MinutesState.CIRCULATED:
        assert circulated is not None  # noqa: S101 - a circulated state has its date
        return met(
            _text(
                f"minutes circulated on {circulated.isoformat()}",
                f"actas circuladas el {circulated.isoformat()}",
            ),
            circulated=circulated,
            **facts,
        )
    if state is MinutesState.PENDING:
        return not_applicable(
            _text(
                f"held on {meeting.date.isoformat()}: the minutes are within the "
                f"{grace}-day grace period",
                f"celebrada el {meeting.date.isoformat()}: las actas están dentro del plazo de "
                f"gracia de {grace} días",
            ),
            **facts,
        )
    if state is MinutesState.UNRECORDED:
        what = _text(
            "the circulation of the meeting's minutes",
            "la circulación de las actas de la reunión",
            pt="a circulação da ata da reunião",
        )
        horizon = ctx.before(RecordKind.MEETINGS, meeting.date)
        if horizon is not None:
            return before_records(horizon, what, **facts)
        return unrecorded(what, f"{ctx.meeting_path(meeting)}.minutes.circulated", **facts)
    return unmet(
        _text(
            f"the minutes of the meeting of {meeting.date.isoformat()} were not circulated",
            f"las actas de la reunión del {meeting.date.isoformat()} no se circularon",
        ),
        circulated=None,
        **facts,
    )


# --------------------------------------------------------------------------- REP-05


@rule(
    "REP-05",
    clause=(Section.MEMBERSHIP, 6),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.YEAR,
    facts=("meetings[] (kind: annual or regional)",),
    parameters=("min_meetings_per_year",),
    title=_text(
        "CLAC meetings at least twice a year",
        "Reuniones de la CLAC al menos dos veces al año",
    ),
    explanation=_text(
        "CLAC meetings 'take place at least twice a year, in person (upon funding "
        "availability) or via teleconference'. Each complete year since the coalition's first "
        "year needs at least min_meetings_per_year meetings of the whole coalition (annual or "
        "regional), the minimum of the charter in force on the year's first day: an amendment "
        "changes only the years that begin after it takes effect.",
        "Las reuniones de la CLAC 'tendrán lugar por lo menos dos veces al año, personalmente "
        "(sujeto a disponibilidad de fondos) o vía telefónica'. Cada año completo desde el "
        "primer año de la coalición necesita al menos min_meetings_per_year reuniones de toda "
        "la coalición (anuales o regionales), el mínimo de la carta vigente el primer día del "
        "año: una enmienda cambia solo los años que empiezan después de su entrada en vigor.",
    ),
)
@assessed_from(
    RecordKind.MEETINGS,
    lambda year: date(year, 1, 1),
    lambda year: _text(f"the CLAC meetings of {year}", f"las reuniones de la CLAC de {year}"),
)
def coalition_meetings_held(ctx: Context, year: int) -> Verdict:
    """Unmet when a complete year had fewer coalition meetings than the minimum."""
    skip = ctx.skip_year(year, complete=True)
    if skip is not None:
        return skip
    held = ctx.coalition_meetings_by_year.get(year, ())
    minimum = min_meetings_for(ctx.coalition, year)
    ids = tuple(m.id for m in held)
    coverage = ctx.year_coverage(RecordKind.MEETINGS, year)
    if len(held) < minimum and coverage == "before":
        since = ctx.records_since(RecordKind.MEETINGS)
        assert since is not None  # noqa: S101 - a horizon is set when the year is before it
        what = _text(f"the CLAC meetings of {year}", f"las reuniones de la CLAC de {year}")
        return before_records(since, what, year=year, meetings=ids, minimum=minimum)
    if len(held) < minimum and coverage != "complete":
        return insufficient_data(
            _text(
                f"{_n(len(held), 'CLAC meeting', 'CLAC meetings')} (annual or regional) "
                f"recorded in {year}, fewer than "
                f"{minimum}, and the registry does not say its meeting records cover the whole "
                "year: record the meetings at meetings[] (or set records_since)",
                f"{_n(len(held), 'reunión', 'reuniones')} de la CLAC (anuales o regionales) "
                f"{'registrada' if len(held) == 1 else 'registradas'} en {year}, "
                f"menos de {minimum}, y el registro no dice que sus registros de reuniones "
                "cubran todo el año: registre las reuniones en meetings[] (o fije "
                "records_since)",
            ),
            year=year,
            meetings=ids,
            minimum=minimum,
            record_at="meetings[]",
        )
    if len(held) < minimum:
        return unmet(
            _text(
                f"{_n(len(held), 'CLAC meeting', 'CLAC meetings')} (annual or regional) in "
                f"{year}, fewer than {minimum}",
                f"{_n(len(held), 'reunión', 'reuniones')} de la CLAC (anuales o regionales) en "
                f"{year}, menos de "
                f"{minimum}",
            ),
            year=year,
            meetings=ids,
            minimum=minimum,
        )
    return met(
        _text(
            f"{_n(len(held), 'CLAC meeting', 'CLAC meetings')} in {year} (at least {minimum})",
            f"{_n(len(held), 'reunión', 'reuniones')} de la CLAC en {year} (al menos {minimum})",
        ),
        year=year,
        meetings=ids,
        minimum=minimum,
    )


# --------------------------------------------------------------------------- REP-06


@rule(
    "REP-06",
    clause=(Section.REPORTING, 8),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.YEAR,
    facts=("documents[] (kind: annual-report, year)",),
    parameters=("annual_report_due_months",),
    title=_text("An annual report for each year", "Un informe anual para cada año"),
    explanation=_text(
        "The Secretariat will produce an electronic annual report based on the minutes of the "
        "meetings and the quarterly reports. Each complete year since the coalition's first "
        "year needs a shared-folder document of kind annual-report for it. The charter sets "
        "no date; clac allows until the end of the annual_report_due_months-th month of the "
        "next year (3: 31 March; its assumption, a parameter an amendment may change).",
        "La Secretaría elaborará un informe anual en base a las actas de las reuniones y los "
        "informes trimestrales. Cada año completo desde el primer año de la coalición necesita "
        "un documento de tipo annual-report en la carpeta compartida. La carta no fija fecha; "
        "clac da plazo hasta el fin del mes annual_report_due_months del año siguiente (3: 31 "
        "de marzo; su supuesto, un parámetro que una enmienda puede cambiar).",
    ),
)
@assessed_from(
    RecordKind.DOCUMENTS,
    lambda year: date(year + 1, 1, 1),
    lambda year: _text(f"the annual report for {year}", f"el informe anual de {year}"),
)
def annual_report_produced(ctx: Context, year: int) -> Verdict:
    """Unmet when a year has no annual report once its grace period is over."""
    skip = ctx.skip_year(year)
    if skip is not None:
        return skip
    due = annual_report_due(year, ctx.coalition)
    documents = annual_report_documents(ctx.coalition, year, as_of=ctx.as_of)
    if documents:
        first = min(documents, key=lambda d: (d.date, d.id))
        return met(
            _text(
                f"annual report {first.id!r} published on {first.date.isoformat()}",
                f"informe anual {first.id!r} publicado el {first.date.isoformat()}",
            ),
            year=year,
            documents=tuple(d.id for d in documents),
            due=due,
        )
    if ctx.as_of <= due:
        return not_applicable(
            _text(
                f"the annual report for {year} is not due until {due.isoformat()}",
                f"el informe anual de {year} no vence hasta el {due.isoformat()}",
            ),
            year=year,
            due=due,
        )
    coverage = ctx.year_coverage(RecordKind.DOCUMENTS, year + 1)
    what = _text(f"the annual report for {year}", f"el informe anual de {year}")
    if coverage == "unknown":
        return unrecorded(
            _text(
                f"the annual report for {year}",
                f"el informe anual de {year}",
                pt=f"o relatório anual de {year}",
            ),
            f"documents[] (kind: annual-report, year: {year}) — or set records_since",
            year=year,
            due=due,
        )
    if coverage != "complete":
        since = ctx.records_since(RecordKind.DOCUMENTS)
        assert since is not None  # noqa: S101 - a horizon is set unless unknown
        return before_records(since, what, year=year, due=due)
    return unmet(
        _text(
            f"no annual report for {year} (due {due.isoformat()})",
            f"no hay informe anual de {year} (vencía el {due.isoformat()})",
        ),
        year=year,
        documents=(),
        due=due,
    )


# --------------------------------------------------------------------------- REP-07


@attrs.frozen
class _Sharing:
    """Who shared progress in the window: names by member, from reports and plans."""

    start: date
    reports: int
    sources: dict[str, tuple[str, ...]]


_SHARING: weakref.WeakKeyDictionary[Context, _Sharing] = weakref.WeakKeyDictionary()


def _sharing(ctx: Context) -> _Sharing:
    cached = _SHARING.get(ctx)
    if cached is not None:
        return cached
    start = months_before(ctx.as_of, ctx.parameters.sharing_window_months)
    sources: dict[str, list[str]] = {}
    window = [
        r
        for r in ctx.coalition.reports
        if (r.submitted is not None and start < r.submitted <= ctx.as_of)
        or (r.submitted is None and start < r.period.last_day and r.period.first_day <= ctx.as_of)
    ]
    for r in window:
        where = f"{r.working_group}/{r.period}"
        names = {m for a in r.activities for m in a.members}
        names |= {p.organization for p in r.policies if p.organization is not None}
        for name in names:
            sources.setdefault(name, []).append(where)
    for plan in ctx.coalition.plans.operational:
        if start.year <= plan.year <= ctx.as_of.year:
            for name in {m for action in plan.actions for m in action.members}:
                sources.setdefault(name, []).append(f"operational-plan/{plan.year}")
    found = _Sharing(start, len(window), {k: tuple(dict.fromkeys(v)) for k, v in sources.items()})
    _SHARING[ctx] = found
    return found


@rule(
    "REP-07",
    clause=(Section.REPORTING, 1),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    facts=(
        "reports[].activities[].members",
        "reports[].policies[].organization",
        "plans.operational[].actions[].members",
        "members[].joined",
    ),
    parameters=("report_due_days", "sharing_window_months"),
    title=_text(
        "Shares progress with the Secretariat",
        "Comparte su progreso con la Secretaría",
    ),
    explanation=_text(
        "Members commit to sharing information with the Secretariat on progress towards the "
        f"stated goals. A member shares progress when, in the {SHARING_WINDOW_MONTHS} months "
        "before the day, a quarterly report names it (among an activity's members, or as the "
        "organization of a policy) or an operational plan of those months names it in an "
        "action. With no report at all in that window the registry cannot tell; a member "
        "whose first quarter's report is not due yet is not judged.",
        "Los miembros se comprometen a compartir información con la Secretaría sobre el "
        "progreso hacia los objetivos acordados. Un miembro comparte su progreso cuando, en "
        f"los {SHARING_WINDOW_MONTHS} meses anteriores al día, un informe trimestral lo nombra "
        "(entre los miembros de una actividad, o como organización de una política) o un plan "
        "operativo de esos meses lo nombra en una acción. Sin ningún informe en ese periodo el "
        "registro no permite saberlo; un miembro cuyo primer informe trimestral aún no vence "
        "no se evalúa.",
    ),
)
def shares_progress(ctx: Context, member: Member) -> Verdict:
    """Met when a report of the last 12 months or a current operational plan names the member."""
    sharing = _sharing(ctx)
    sources = sharing.sources.get(member.organization, ())
    if sources:
        return met(
            _text(
                f"named in {_n(len(sources), 'report or plan', 'reports or plans')} since "
                f"{sharing.start.isoformat()}, "
                f"the latest {sources[-1]}",
                f"nombrado en {_n(len(sources), 'informe o plan', 'informes o planes')} desde el "
                f"{sharing.start.isoformat()}, el último {sources[-1]}",
            ),
            window_start=sharing.start,
            sources=sources,
        )
    low, high = ctx.joined_bounds(member)
    first_due = ctx.report_due(Quarter.of(low))
    if first_due < ctx.as_of <= ctx.report_due(Quarter.of(high)):
        joined = joined_words(member)
        return insufficient_data(
            _text(
                f"{joined.en}: whether its first quarterly report is due yet is not known",
                f"{joined.es}: no se sabe si su primer informe trimestral ya vence",
            ),
            joined=member.joined,
        )
    if first_due >= ctx.as_of:
        joined = joined_words(member)
        return not_applicable(
            _text(
                f"{joined.en}: its first quarterly report is due {first_due.isoformat()}",
                f"{joined.es}: su primer informe trimestral vence el {first_due.isoformat()}",
            ),
            joined=member.joined,
            first_due=first_due,
        )
    if not ctx.complete(RecordKind.REPORTS, sharing.start) or not ctx.complete(
        RecordKind.PLANS, sharing.start
    ):
        why, fix = ctx.why_incomplete(
            "report and plan", "informes y planes", RecordKind.REPORTS, RecordKind.PLANS
        )
        return insufficient_data(
            _text(
                f"named in {_none_of(sharing.reports, 'recorded')} since "
                f"{sharing.start.isoformat()}, and {why.en}: record the member in a report's "
                "activities[].members or policies[].organization, or in an operational plan's "
                f"actions[].members {fix.en}",
                f"no figura en {_ninguno(sharing.reports, 'registrado')} "
                f"desde el {sharing.start.isoformat()}, y {why.es}: registre al miembro en "
                "activities[].members o policies[].organization de un informe, o en "
                f"actions[].members de un plan operativo {fix.es}",
            ),
            window_start=sharing.start,
            reports=sharing.reports,
            record_at="reports[].activities[].members",
        )
    return unmet(
        _text(
            f"named in {_none_of(sharing.reports, 'submitted')} since "
            f"{sharing.start.isoformat()}, nor in an operational plan of those months",
            f"no figura en {_ninguno(sharing.reports, 'presentado')} "
            f"desde el {sharing.start.isoformat()}, ni en un plan operativo de esos meses",
        ),
        window_start=sharing.start,
        reports=sharing.reports,
    )
