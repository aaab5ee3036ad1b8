"""A verdict claims only what its rule looked at: a `met` message's counts are the evidence's,
and the evidence's counts are what the registry holds (issue 24, section 1).

Every name here is fictional, except the charter's own (its working groups and ICMEC).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clac import Coalition, loads
from clac.model import QuarterlyReport, RecordKind
from clac.periods import Quarter, earliest, latest
from clac.reporting import report_due
from clac.rules import Finding, Outcome, evaluate
from clac.testing import coalitions
from tests.factories import coalition, finding

MET, NA, INSUFFICIENT = Outcome.MET, Outcome.NOT_APPLICABLE, Outcome.INSUFFICIENT_DATA
GROUP = "law-enforcement-investigation"
DAY = date(2026, 12, 6)

# The ten lines of the issue: records begin on 2026-11-23, and the file holds one report, of
# 2017-Q3.
TEN_LINES = """\
clac: 1
name: CLAC
records_since: 2026-11-23
organizations:
  - {id: icmec, name: ICMEC, sector: ngo, scope: global, partner: icmec}
roles:
  - {role: secretariat, organization: icmec, since: 2016-05-24}
  - {role: chair, organization: icmec, since: 2016-05-24, unit: ICMEC LAC}
reports:
  - {working_group: law-enforcement-investigation, year: 2017, quarter: 3}
"""


def evidence(f: Finding) -> dict[str, Any]:
    return {fact.name: fact.value for fact in f.evidence}


class TestTheTenLinesOfTheIssue:
    def test_a_report_before_the_records_begin_is_no_met_claim(self) -> None:
        result = finding(loads(TEN_LINES, "yaml"), "REP-01", GROUP, as_of=DAY)
        # It said "every report due since 2017-Q3 was received" while 37 quarters had none.
        assert result.outcome is NA, result.message.en
        assert "2017-Q3" not in result.message.en
        assert "before the records begin (records_since 2026-11-23)" in result.message.en
        assert evidence(result)["assessed"] == ()

    def test_a_met_verdict_names_only_the_quarters_after_the_horizon(self) -> None:
        text = TEN_LINES.replace("2026-11-23", "2026-01-01") + "".join(
            f"  - {{working_group: {g}, year: 2026, quarter: {q}}}\n"
            for g in (
                "law-enforcement-investigation",
                "prevention-awareness",
                "private-sector-collaboration",
                "latin-american-hotlines",
            )
            for q in (1, 2, 3)
        )
        result = finding(loads(text, "yaml"), "REP-01", GROUP, as_of=DAY)
        assert result.outcome is MET
        assert result.message.en.startswith(
            "every report due since the records began (records_since 2026-01-01: "
            "2026-Q1..2026-Q3) was received (3 reports, 0 late, 3 without a recorded date)"
        )
        facts = evidence(result)
        assert facts["assessed"] == ("2026-Q1", "2026-Q2", "2026-Q3")
        assert facts["received"] == 3
        assert facts["not_assessed"] > 0  # 2017-Q3 and the other quarters before the horizon

    def test_without_a_horizon_every_unrecorded_quarter_is_named(self) -> None:
        # The insufficient-data message used to drop the quarters before the group's first
        # report (2016-Q2..2017-Q2 here), unlike the groups without any report.
        text = TEN_LINES.replace("records_since: 2026-11-23\n", "")
        result = finding(loads(text, "yaml"), "REP-01", GROUP, as_of=DAY)
        assert result.outcome is INSUFFICIENT
        unrecorded = evidence(result)["unrecorded"]
        assert isinstance(unrecorded, tuple)
        assert "2016-Q2" in unrecorded
        assert "2017-Q2" in unrecorded
        assert "2017-Q3" not in unrecorded
        assert "2016-Q2" in result.message.en


class TestOtherMessagesClaimOnlyWhatTheyLookedAt:
    def test_an_institutional_member_is_judged_on_its_recorded_representatives(self) -> None:
        base = coalition()
        member = attrs.evolve(base.members[0], representatives=())
        result = finding(base.evolve(members=(member,)), "MEM-01", member.organization)
        assert result.outcome is MET
        assert "0 recorded representatives" in result.message.en

    def test_an_attendance_gap_names_the_day_the_meeting_records_begin(self) -> None:
        # The meeting records begin after the attendance window opens: the message says so,
        # not that the registry says nothing.
        base = coalition(records_since=date(2024, 3, 1)).evolve(meetings=())
        result = finding(base, "MEM-07", "org-a")
        assert result.outcome is INSUFFICIENT
        assert "records begin only on 2024-03-01" in result.message.en
        assert "does not say" not in result.message.en


# --------------------------------------------------------------- met counts are the records'


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _reports_assessed(c: Coalition, group: str, as_of: date) -> tuple[str, ...]:
    """The quarters REP-01 must judge for ``group`` on ``as_of``, computed from the records
    alone: from the group's first quarter (or the first one that begins on or after the
    reports' horizon) to the day, each quarter past due or with a report received."""
    w = c.working_group(group)
    first = Quarter.of(max(latest(w.formed), c.charter.original.effective))
    since = c.records_since_for(RecordKind.REPORTS)
    if since is not None:
        begin = Quarter.of(since)
        if begin.first_day < since:
            begin = begin.next()
        if begin.first_day > as_of:
            return ()
        first = max(first, begin)
    quarters = []
    q = first
    while q <= Quarter.of(as_of):
        r = c.report(group, q.year, q.quarter)
        received = r is not None and (r.submitted is None or r.submitted <= as_of)
        if received or report_due(c, q) < as_of:
            quarters.append(str(q))
        q = q.next()
    return tuple(quarters)


class TestMetCountsAreWhatTheRecordsHold:
    @PROPERTY
    @given(
        c=coalitions(max_members=4),
        since=st.none() | st.dates(date(2016, 1, 1), date(2026, 6, 30)),
        as_of=st.dates(date(2017, 1, 1), date(2026, 12, 31)),
    )
    def test_for_any_registry_and_horizon(
        self, c: Coalition, since: date | None, as_of: date
    ) -> None:
        c = c.evolve(records_since=since)
        for f in evaluate(c, as_of).where(outcome="met").findings:
            facts = evidence(f)
            rule, subject = f.rule.id, f.subject.id
            if rule == "REP-01":
                assessed = _reports_assessed(c, subject, as_of)
                assert facts["assessed"] == assessed, f.describe()
                reports = [c.report(subject, *map(int, q.split("-Q"))) for q in assessed]
                assert all(r is not None for r in reports), f.describe()
                assert facts["received"] == len(assessed)
                late = tuple(
                    str(r.period)
                    for r in reports
                    if r is not None
                    and r.submitted is not None
                    and r.submitted > report_due(c, r.period)
                )
                undated = tuple(
                    str(r.period) for r in reports if r is not None and r.submitted is None
                )
                assert (facts["late"], facts["undated"]) == (late, undated), f.describe()
                assert f"{len(assessed)} report" in f.message.en
            elif rule == "REP-05":
                year = int(subject)
                held = tuple(
                    m.id
                    for m in sorted(c.meetings, key=lambda m: m.date)
                    if m.date.year == year
                    and m.date <= as_of
                    and m.kind.value in {"annual", "regional"}
                )
                assert isinstance(facts["meetings"], tuple)
                assert set(facts["meetings"]) == set(held), f.describe()
                assert f.message.en.startswith(f"{len(held)} CLAC meetings")
            elif rule == "MEM-02":
                entries = len(c.member(subject).track_record)
                assert facts["track_record_entries"] == entries
                assert f.message.en.startswith(f"{entries} track-record")
            elif rule == "MEM-05":
                designated = len(c.member(subject).representatives)
                assert facts["representatives"] == designated
                assert f.message.en.startswith(f"{designated} representative")
            elif rule == "MEM-07":
                start = date.fromisoformat(str(facts["window_start"]))
                attended = {
                    m.id
                    for m in c.meetings
                    if subject in m.attendees
                    and start <= m.date <= as_of
                    and m.kind.value in {"annual", "regional"}
                }
                assert isinstance(facts["attended"], tuple)
                assert set(facts["attended"]) == attended, f.describe()
            elif rule == "POL-01":
                made = [
                    x for x in c.member(subject).commitments if x.made is None or x.made <= as_of
                ]
                assert facts["commitments"] == len(made)
                assert facts["complete"] == sum(
                    1 for x in made if x.action and x.target and x.indicators
                )

    @PROPERTY
    @given(
        data=st.data(),
        since=st.none() | st.dates(date(2016, 1, 1), date(2026, 6, 30)),
        as_of=st.dates(date(2017, 1, 1), date(2026, 12, 31)),
    )
    def test_for_a_group_that_reports_every_quarter_in_any_way(
        self, data: st.DataObject, since: date | None, as_of: date
    ) -> None:
        # Random registries rarely hold every quarter's report, so REP-01's met verdicts get a
        # registry of their own: a report for each quarter, on time, late or undated, some of
        # the early ones left out (before a horizon they are not assessed).
        group = "prevention-awareness"
        base = coalition(as_of=as_of, records_since=since)
        first = Quarter.of(earliest(base.working_group(group).formed))
        reports = []
        q = first
        gap_until = data.draw(st.integers(0, 8)) if since is not None else 0
        index = 0
        while q <= Quarter.of(as_of):
            way = data.draw(st.sampled_from(("on-time", "late", "undated")))
            submitted = {
                "on-time": q.last_day + timedelta(days=10),
                "late": q.last_day + timedelta(days=75),
                "undated": None,
            }[way]
            if index >= gap_until:
                reports.append(QuarterlyReport(group, q.year, q.quarter, submitted=submitted))
            q, index = q.next(), index + 1
        c = base.evolve(reports=tuple(reports))
        f = finding(c, "REP-01", group, as_of=as_of)
        if f.outcome is not MET:
            return
        facts = evidence(f)
        assessed = _reports_assessed(c, group, as_of)
        assert facts["assessed"] == assessed, f.describe()
        assert facts["received"] == len(assessed)
        held = {str(r.period): r for r in c.reports}
        late = tuple(
            q
            for q in assessed
            if (day := held[q].submitted) is not None and day > report_due(c, Quarter.parse(q))
        )
        undated = tuple(q for q in assessed if held[q].submitted is None)
        assert (facts["late"], facts["undated"]) == (late, undated), f.describe()
        count = f"{len(assessed)} report{'' if len(assessed) == 1 else 's'}, {len(late)} late"
        assert count in f.message.en
        if since is not None:
            assert "since the records began" in f.message.en

    @PROPERTY
    @given(
        c=coalitions(min_members=1, max_members=4),
        as_of=st.dates(date(2017, 1, 1), date(2026, 12, 31)),
    )
    def test_a_horizon_after_the_day_leaves_no_report_quarter_met(
        self, c: Coalition, as_of: date
    ) -> None:
        c = c.evolve(records_since=as_of + timedelta(days=1), records_since_by_kind=None)
        for f in evaluate(c, as_of).where(rule="REP-01").findings:
            assert f.outcome is not MET, f.describe()
