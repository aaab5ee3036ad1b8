"""The annual report as Markdown or as one self-contained HTML page.

Both are written from the same list of blocks (headings, paragraphs, tables, lists, the chart),
so the two formats always say the same thing; each serializer escapes every value it writes.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from clac._escape import markdown
from clac._schedule import MinutesState, ReportStatus
from clac.charter import COALITION
from clac.countries import country_name
from clac.model import ActivityScope, ActivityStatus, Meeting
from clac.periods import Quarter
from clac.reporting._labels import (
    ACTIVITY_SCOPES,
    ACTIVITY_STATUSES,
    DOCUMENT_KINDS,
    MEETING_KINDS,
    MEETING_MODES,
    POLICY_KINDS,
    TLP_LABELS,
    label,
    quarter_label,
)
from clac.text import Language

if TYPE_CHECKING:
    from clac.reporting._annual import AnnualReport, GoalSummary, MeetingEntry
    from clac.reporting._entries import ActivityEntry

__all__ = ["to_html", "to_markdown"]


# --------------------------------------------------------------------------- blocks


@attrs.frozen
class _Heading:
    level: int
    text: str
    anchor: str | None = None


@attrs.frozen
class _Paragraph:
    text: str
    note: bool = False


@attrs.frozen
class _List:
    items: tuple[str, ...]


@attrs.frozen
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()


@attrs.frozen
class _Chart:
    pass


_Block = _Heading | _Paragraph | _List | _Table | _Chart


def _country(code: str, lang: Language) -> str:
    return country_name(code).in_(lang)


def _countries(codes: Sequence[str], lang: Language) -> str:
    return ", ".join(_country(c, lang) for c in codes)


class _Writer:
    """Builds the blocks of one report in one language."""

    def __init__(self, report: AnnualReport, lang: Language) -> None:
        self.report = report
        self.lang = lang
        self.groups = dict(report.group_names)
        self.organizations = dict(report.organization_names)

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def group(self, group_id: str) -> str:
        name = self.groups.get(group_id)
        return group_id if name is None else name.in_(self.lang)

    def organizations_of(self, ids: Sequence[str]) -> str:
        return ", ".join(self.organizations.get(i, i) for i in ids)

    def quarter(self, period: Quarter) -> str:
        return quarter_label(period.quarter, self.lang)

    # ---------------------------------------------------------------- sections

    def blocks(self) -> Iterator[_Block]:
        r, lang = self.report, self.lang
        yield _Heading(1, f"{self.t('annual_report')} {r.year} — {COALITION.in_(lang)}")
        yield _Paragraph(
            self.t(
                "compiled",
                day=r.as_of.isoformat(),
                reports=self.t("reports_count", count=len(r.received)),
                meetings=self.t(
                    "meetings_count",
                    count=sum(1 for m in r.meetings if m.minutes_state is MinutesState.CIRCULATED),
                ),
                audience=r.audience.label.in_(lang),
                version=r.charter_version,
            )
        )
        if not r.complete:
            yield _Paragraph(self.t("in_progress", day=r.as_of.isoformat()), note=True)
        yield from self.summary()
        yield from self.chart()
        yield from self.goals()
        yield from self.unaligned()
        yield from self.advances()
        yield from self.meetings()
        yield from self.folder()
        yield from self.missing()
        yield _Paragraph(self.t("fictional"), note=True)

    def summary(self) -> Iterator[_Block]:
        r = self.report
        tally = r.tally
        activities = r.activities

        def count(status: ActivityStatus | None = None, scope: ActivityScope | None = None) -> int:
            return sum(
                1
                for e in activities
                if (status is None or e.activity.status is status)
                and (scope is None or e.activity.scope is scope)
            )

        circulated = sum(1 for m in r.meetings if m.minutes_state is MinutesState.CIRCULATED)
        rows = (
            (
                self.t("reports_received"),
                self.t(
                    "reports_value",
                    received=tally.received,
                    due=tally.due,
                    late=tally.late,
                    missing=tally.missing,
                    unrecorded=tally.unrecorded,
                ),
            ),
            (
                self.t("activities"),
                self.t(
                    "activities_value",
                    total=len(activities),
                    implemented=count(status=ActivityStatus.IMPLEMENTED),
                    planned=count(status=ActivityStatus.PLANNED),
                    in_country=count(scope=ActivityScope.IN_COUNTRY),
                    regional=count(scope=ActivityScope.REGIONAL),
                ),
            ),
            (self.t("policies"), str(len(r.policies))),
            (self.t("advances"), str(len(r.advances))),
            (
                self.t("coalition_meetings"),
                self.t(
                    "coalition_meetings_value",
                    count=len(r.coalition_meetings),
                    minimum=r.min_meetings,
                ),
            ),
            (
                self.t("meetings_held"),
                self.t("meetings_value", count=len(r.meetings), circulated=circulated),
            ),
        )
        yield _Heading(2, self.t("summary"), "summary")
        yield _Table(("", ""), rows)

    def chart(self) -> Iterator[_Block]:
        r = self.report
        yield _Heading(2, self.t("chart"), "chart")
        yield _Chart()
        headers = (self.t("goal"), *(quarter_label(q, self.lang) for q in range(1, 5)))
        rows = []
        for g in r.goals:
            per = g.per_quarter()
            rows.append((f"{g.goal} · {g.name.in_(self.lang)}", *map(str, per), str(sum(per))))
        totals = [sum(g.per_quarter()[q] for g in r.goals) for q in range(4)]
        rows.append((self.t("total"), *map(str, totals), str(sum(totals))))
        yield _Table((*headers, self.t("total")), tuple(rows), numeric=(1, 2, 3, 4, 5))
        yield _Paragraph(self.t("multi_goal"), note=True)

    def goals(self) -> Iterator[_Block]:
        r = self.report
        yield _Heading(2, self.t("goals"), "goals")
        yield _Paragraph(self.t("no_indicator_values"), note=True)
        for g in r.goals:
            yield from self.goal(g)

    def goal(self, g: GoalSummary) -> Iterator[_Block]:
        lang = self.lang
        yield _Heading(3, f"{g.goal} · {g.name.in_(lang)}", g.goal.lower())
        yield _Paragraph(g.text.in_(lang), note=True)
        if not g.activities and not g.policies:
            yield _Paragraph(self.t("nothing_reported"))
        if g.activities:
            value = self.t(
                "activities_value",
                total=len(g.activities),
                implemented=g.count(status=ActivityStatus.IMPLEMENTED),
                planned=g.count(status=ActivityStatus.PLANNED),
                in_country=g.count(scope=ActivityScope.IN_COUNTRY),
                regional=g.count(scope=ActivityScope.REGIONAL),
            )
            yield _Paragraph(f"{self.t('activities')}: {value}")
            countries = g.by_country()
            if countries:
                shown = ", ".join(f"{_country(c, lang)} ({n})" for c, n in countries.items())
                yield _Paragraph(f"{self.t('by_country')}: {shown}")
            yield self.activity_table(g.activities)
        if g.policies:
            yield _Paragraph(f"{self.t('policies')}:")
            items = []
            for e in g.policies:
                p = e.policy
                where = (
                    _country(p.country, lang)
                    if p.country is not None
                    else self.organizations_of((p.organization,) if p.organization else ())
                )
                items.append(
                    f"{p.description} ({POLICY_KINDS[p.kind].in_(lang)}; {where}) — "
                    f"{self.group(e.working_group)}, {self.quarter(e.period)}"
                )
            yield _List(tuple(items))
        yield from self.plan_progress(g)

    def plan_progress(self, g: GoalSummary) -> Iterator[_Block]:
        r, lang = self.report, self.lang
        plan = r.strategic_plan
        if plan is None:
            yield _Paragraph(f"{self.t('strategic_plan')}: {self.t('no_strategic_plan')}")
        else:
            span = self.t("plan_span", first=plan.start_year, last=plan.end_year)
            if not g.targets:
                yield _Paragraph(f"{self.t('strategic_plan')} {span}: {self.t('no_targets')}")
            else:
                yield _Paragraph(f"{self.t('strategic_plan')} {span}:")
                items = []
                for target in g.targets:
                    indicators = "; ".join(
                        f"{i.name}: {self.t('baseline')} {_number(i.baseline)} → "
                        f"{self.t('target')} {_number(i.target)}"
                        for i in target.indicators
                    )
                    items.append(
                        f"{target.description}" + (f" ({indicators})" if indicators else "")
                    )
                yield _List(tuple(items))
        if r.operational_plan is None:
            yield _Paragraph(f"{self.t('operational_plan')}: {self.t('no_operational_plan')}")
        elif not g.actions:
            yield _Paragraph(f"{self.t('operational_plan')} {r.year}: {self.t('no_actions')}")
        else:
            yield _Paragraph(f"{self.t('operational_plan')} {r.year}:")
            yield _List(
                tuple(
                    self.t(
                        "action_line",
                        action=a.action.description,
                        state=a.state.label.in_(lang),
                        count=len(a.activities),
                    )
                    for a in g.actions
                )
            )

    def activity_table(self, entries: Sequence[ActivityEntry]) -> _Table:
        lang = self.lang
        headers = (
            self.t("quarter"),
            self.t("working_group"),
            self.t("activity"),
            self.t("status"),
            self.t("scope"),
            self.t("countries"),
            self.t("members"),
        )
        rows = tuple(
            (
                self.quarter(e.period),
                self.group(e.working_group),
                e.activity.description,
                ACTIVITY_STATUSES[e.activity.status].in_(lang),
                ACTIVITY_SCOPES[e.activity.scope].in_(lang),
                _countries(e.activity.countries, lang),
                self.organizations_of(e.activity.members),
            )
            for e in entries
        )
        return _Table(headers, rows)

    def unaligned(self) -> Iterator[_Block]:
        r = self.report
        if r.unaligned:
            yield _Heading(2, self.t("unaligned"), "unaligned")
            yield self.activity_table(r.unaligned)

    def advances(self) -> Iterator[_Block]:
        r, lang = self.report, self.lang
        yield _Heading(2, self.t("advances"), "advances")
        if not r.advances:
            yield _Paragraph(self.t("none"))
            return
        headers = (
            self.t("country"),
            self.t("date"),
            self.t("instrument"),
            self.t("description"),
            self.t("reported_by"),
        )
        rows = tuple(
            (
                _country(e.advance.country, lang),
                e.advance.date.isoformat(),
                e.advance.instrument,
                e.advance.description,
                f"{self.group(e.working_group)}, {self.quarter(e.period)}",
            )
            for e in r.advances
        )
        yield _Table(headers, rows)

    def meeting_name(self, meeting: Meeting) -> str:
        name = MEETING_KINDS[meeting.kind].in_(self.lang)
        if meeting.working_group is not None:
            name = f"{name}: {self.group(meeting.working_group)}"
        return name

    def minutes_cell(self, entry: MeetingEntry) -> str:
        minutes = entry.meeting.minutes
        if entry.minutes_state is MinutesState.CIRCULATED and minutes is not None:
            assert minutes.circulated is not None  # noqa: S101 - circulated implies a date
            cell = self.t("circulated_on", day=minutes.circulated.isoformat())
            if entry.minutes is not None:
                cell += f" — {entry.minutes.title} ({TLP_LABELS[entry.minutes.classification]})"
            return cell
        return entry.minutes_state.label.in_(self.lang)

    def meetings(self) -> Iterator[_Block]:
        r, lang = self.report, self.lang
        yield _Heading(2, self.t("meetings"), "meetings")
        if not r.meetings:
            yield _Paragraph(self.t("none"))
            return
        headers = (self.t("date"), self.t("meeting"), self.t("mode"), self.t("minutes"))
        rows = tuple(
            (
                e.meeting.date.isoformat(),
                self.meeting_name(e.meeting),
                MEETING_MODES[e.meeting.mode].in_(lang),
                self.minutes_cell(e),
            )
            for e in r.meetings
        )
        yield _Table(headers, rows)

    def folder(self) -> Iterator[_Block]:
        r, lang = self.report, self.lang
        yield _Heading(2, self.t("folder"), "folder")
        yield _Paragraph(self.t("folder_intro", year=r.year, audience=r.audience.label.in_(lang)))
        if not r.documents:
            yield _Paragraph(self.t("none"))
            return
        headers = (self.t("date"), self.t("title"), self.t("kind"), self.t("label"))
        rows = tuple(
            (
                d.date.isoformat(),
                d.title,
                DOCUMENT_KINDS[d.kind].in_(lang),
                TLP_LABELS[d.classification],
            )
            for d in r.documents
        )
        yield _Table(headers, rows)

    def report_line(self, status: ReportStatus, days_key: str) -> str:
        line = (
            f"{self.group(status.working_group)}: {status.period} "
            f"({self.t('due')} {status.due.isoformat()}"
        )
        if status.days_overdue is not None:
            line += f"; {self.t(days_key, count=status.days_overdue)}"
        return line + ")"

    def missing(self) -> Iterator[_Block]:
        r = self.report
        yield _Heading(2, self.t("missing"), "missing")
        yield _Heading(3, self.t("missing_reports"))
        missing = tuple(self.report_line(s, "days_overdue") for s in r.missing_reports)
        yield _List(missing) if missing else _Paragraph(self.t("none"))
        yield _Heading(3, self.t("late_reports"))
        late = tuple(self.report_line(s, "days_late") for s in r.late_reports)
        yield _List(late) if late else _Paragraph(self.t("none"))
        unrecorded = r.unrecorded_reports
        if unrecorded:
            yield _Heading(3, self.t("unrecorded_reports"))
            first = r.records_begin or r.records_since
            if first is None:
                yield _Paragraph(self.t("no_records", count=len(unrecorded)))
            else:
                yield _Paragraph(self.t("unrecorded_note", first=str(first), count=len(unrecorded)))
        yield _Heading(3, self.t("no_minutes"))
        no_minutes = tuple(
            f"{e.meeting.date.isoformat()}: {self.meeting_name(e.meeting)} ({e.meeting.id})"
            for e in r.meetings_without_minutes
        )
        yield _List(no_minutes) if no_minutes else _Paragraph(self.t("none"))


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------- Markdown

# Escape Markdown punctuation and fold line breaks, so data reads as plain text (the
# escaper every Markdown output of clac shares).
_md = markdown


def to_markdown(report: AnnualReport, lang: Language) -> str:
    """The report as CommonMark/GFM Markdown."""
    out: list[str] = []
    for block in _Writer(report, lang).blocks():
        if isinstance(block, _Heading):
            out.append(f"{'#' * block.level} {_md(block.text)}")
        elif isinstance(block, _Paragraph):
            out.append(f"> {_md(block.text)}" if block.note else _md(block.text))
        elif isinstance(block, _List):
            out.append("\n".join(f"- {_md(item)}" for item in block.items))
        elif isinstance(block, _Table):
            head = "| " + " | ".join(_md(h) for h in block.headers) + " |"
            rule = (
                "|"
                + "|".join(
                    "---:" if i in block.numeric else "---" for i in range(len(block.headers))
                )
                + "|"
            )
            rows = ["| " + " | ".join(_md(c) for c in row) + " |" for row in block.rows]
            out.append("\n".join([head, rule, *rows]))
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------- HTML

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; line-height: 1.5; color: #1f2933; max-width: 62rem; margin: 2rem auto;
  padding: 0 1.25rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #0072B2; padding-bottom: .4rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #d3dae3;
  padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin-top: 1.6rem; color: #0b4f7c; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #d3dae3; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: 1px solid #d3dae3; }
blockquote { margin: .6rem 0; padding: .4rem .9rem; border-left: 4px solid #9fb3c8;
  background: #f5f7fa; color: #3e4c59; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; }
ul { padding-left: 1.3rem; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #616e7c; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_blocks(
    blocks: Sequence[_Block], report: AnnualReport, lang: Language, chart: bool
) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, _Heading):
            anchor = f' id="{_e(block.anchor)}"' if block.anchor else ""
            yield f"<h{block.level}{anchor}>{_e(block.text)}</h{block.level}>"
        elif isinstance(block, _Paragraph):
            yield (
                f"<blockquote>{_e(block.text)}</blockquote>"
                if block.note
                else f"<p>{_e(block.text)}</p>"
            )
        elif isinstance(block, _List):
            yield "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + "</ul>"
        elif isinstance(block, _Table):
            yield _html_table(block)
        elif chart:
            yield _html_chart(report, lang)


def _html_table(table: _Table) -> str:
    def cell(tag: str, index: int, value: str) -> str:
        css = ""
        if index in table.numeric:
            css = ' class="num"'
        elif _ISO_DATE.match(value):
            css = ' class="date"'
        return f"<{tag}{css}>{_e(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(table.headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    thead = f"<thead><tr>{head}</tr></thead>" if any(table.headers) else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _html_chart(report: AnnualReport, lang: Language) -> str:
    from clac.reporting._chart import activities_chart_png, chart_available

    if not chart_available():
        return ""
    png = base64.b64encode(activities_chart_png(report, lang)).decode("ascii")
    alt = _e(label("chart_alt", lang))
    return f'<figure><img src="data:image/png;base64,{png}" alt="{alt}"></figure>'


def to_html(
    report: AnnualReport, lang: Language, *, chart: bool = True, fragment: bool = False
) -> str:
    """The report as one self-contained HTML page (or, with ``fragment``, its body only)."""
    blocks = list(_Writer(report, lang).blocks())
    *body, footer = blocks
    parts = list(_html_blocks(body, report, lang, chart))
    assert isinstance(footer, _Paragraph)  # noqa: S101 - blocks() ends with the footer
    parts.append(f"<footer>{_e(footer.text)}</footer>")
    content = "\n".join(parts)
    if fragment:
        return f'<div class="clac-annual-report" lang="{lang.value}">{content}</div>'
    title = _e(f"{label('annual_report', lang)} {report.year} — CLAC")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{content}\n</body>\n</html>\n"
    )
