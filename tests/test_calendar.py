"""The shared calendar: an RFC 5545 file with stable UIDs, reproducible bytes and audiences."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from icalendar import Calendar, Event

from clac import DEMO_AS_OF, demo, testing
from clac.cli.report import calendar as calendar_command
from clac.errors import InvalidData
from clac.io import dump
from clac.model import Minutes, QuarterlyReport
from clac.registry import Coalition
from clac.reporting import Audience, calendar, calendar_events

DEMO_CALENDAR = calendar(demo(), as_of=DEMO_AS_OF)


def events(data: bytes) -> dict[str, Event]:
    parsed = Calendar.from_ical(data)
    found: dict[str, Event] = {}
    for component in parsed.walk("VEVENT"):
        assert isinstance(component, Event)
        uid = str(component["UID"])
        assert uid not in found, f"duplicate UID {uid}"
        found[uid] = component
    return found


def sequence(event: Event) -> int:
    return int(str(event["SEQUENCE"]))


def category(event: Event) -> str:
    value = event["CATEGORIES"].to_ical()
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def plain(data: bytes) -> str:
    """The calendar's text with folded lines unfolded."""
    return data.decode("utf-8").replace("\r\n ", "")


class TestTheFile:
    def test_every_event_parses_back_with_its_required_properties(self) -> None:
        parsed = events(DEMO_CALENDAR)
        assert len(parsed) == len(calendar_events(demo(), as_of=DEMO_AS_OF))
        for uid, event in parsed.items():
            assert uid.endswith("@clac")
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND")
            assert isinstance(start, date)
            assert not isinstance(start, datetime)
            assert end == start + timedelta(days=1)
            stamp = event.decoded("DTSTAMP")
            assert isinstance(stamp, datetime)
            assert stamp.tzinfo is not None
            assert stamp.utcoffset() == timedelta(0)
            assert sequence(event) in (0, 1)
            assert str(event["SUMMARY"])
            assert str(event["DESCRIPTION"])
            assert str(event["TRANSP"]) in ("OPAQUE", "TRANSPARENT")

    def test_the_calendar_has_a_product_id_version_and_name(self) -> None:
        parsed = Calendar.from_ical(DEMO_CALENDAR)
        assert str(parsed["VERSION"]) == "2.0"
        assert str(parsed["PRODID"]) == "-//clac//CLAC shared calendar//EN"
        assert "CLAC" in str(parsed["X-WR-CALNAME"])

    def test_lines_end_in_crlf_and_fold_at_75_octets(self) -> None:
        assert DEMO_CALENDAR.startswith(b"BEGIN:VCALENDAR\r\n")
        assert all(len(line) <= 75 for line in DEMO_CALENDAR.split(b"\r\n"))

    def test_the_same_registry_gives_the_same_bytes(self) -> None:
        assert calendar(demo(), as_of=DEMO_AS_OF) == DEMO_CALENDAR

    def test_no_representative_name_or_email_appears(self) -> None:
        text = plain(DEMO_CALENDAR)
        for m in demo().members:
            for r in m.representatives:
                assert r.name not in text
                assert r.email is None or r.email not in text


class TestEvents:
    def test_meetings_report_due_dates_annual_reports_and_assessments_are_events(self) -> None:
        parsed = events(DEMO_CALENDAR)
        categories = {category(e) for e in parsed.values()}
        assert {"annual", "regional", "working-group", "report-due", "annual-report"} <= (
            categories
        )
        assert "plan-assessment" in categories
        assert "meeting-annual-2016@clac" in parsed

    def test_a_missing_report_is_due_and_not_submitted(self) -> None:
        event = events(DEMO_CALENDAR)["report-law-enforcement-investigation-2025-q3@clac"]
        assert event.decoded("DTSTART") == date(2025, 10, 30)
        assert sequence(event) == 0
        assert "State on 2026-11-01: missing — 367 days overdue." in str(event["DESCRIPTION"])
        assert "clac's assumption" in str(event["DESCRIPTION"])

    def test_a_submitted_report_is_revision_one_stamped_on_its_submission(self) -> None:
        event = events(DEMO_CALENDAR)["report-private-sector-collaboration-2024-q4@clac"]
        assert sequence(event) == 1
        assert event.decoded("DTSTAMP") == datetime(2025, 2, 14, tzinfo=UTC)

    def test_an_unassessed_plan_is_due_at_the_end_of_its_year(self) -> None:
        event = events(DEMO_CALENDAR)["plan-assessment-2024@clac"]
        assert event.decoded("DTSTART") == date(2024, 12, 31)
        assert sequence(event) == 0

    def test_an_assessed_plan_is_on_its_assessment_day(self) -> None:
        event = events(DEMO_CALENDAR)["plan-assessment-2023@clac"]
        plan = demo().plans.operational_plan_for(2023)
        assert plan is not None
        assert event.decoded("DTSTART") == plan.assessed

    def test_a_year_without_an_annual_report_has_an_unrevised_due_date(self) -> None:
        event = events(DEMO_CALENDAR)["annual-report-2022@clac"]
        assert event.decoded("DTSTART") == date(2023, 3, 31)
        assert sequence(event) == 0
        assert sequence(events(DEMO_CALENDAR)["annual-report-2021@clac"]) == 1

    def test_report_due_dates_start_with_the_registrys_first_reports(self) -> None:
        uids = events(DEMO_CALENDAR)
        assert "report-prevention-awareness-2024-q1@clac" in uids
        assert "report-prevention-awareness-2023-q4@clac" not in uids

    def test_start_and_end_keep_the_events_between_them(self) -> None:
        found = calendar_events(demo(), start=date(2025, 1, 1), end=date(2025, 3, 31))
        assert found
        assert all(date(2025, 1, 1) <= e.day <= date(2025, 3, 31) for e in found)

    def test_an_end_before_the_start_is_refused(self) -> None:
        with pytest.raises(InvalidData):
            calendar(demo(), start=date(2025, 1, 1), end=date(2024, 1, 1))

    def test_the_summaries_speak_spanish(self) -> None:
        parsed = events(calendar(demo(), language="es", as_of=DEMO_AS_OF))
        assert str(parsed["meeting-annual-2016@clac"]["SUMMARY"]) == "Reunión anual"
        due = parsed["report-law-enforcement-investigation-2025-q3@clac"]
        assert str(due["SUMMARY"]).startswith("Vence el informe trimestral")


def circulate(c: Coalition, meeting_id: str, day: date) -> Coalition:
    return c.evolve(
        meetings=tuple(
            attrs.evolve(m, minutes=Minutes(document=None, circulated=day))
            if m.id == meeting_id
            else m
            for m in c.meetings
        )
    )


class TestUpdates:
    def test_a_newer_file_revises_the_same_event_instead_of_adding_one(self) -> None:
        newer = circulate(demo(), "private-sector-2025-05", date(2026, 11, 20))
        old, new = events(DEMO_CALENDAR), events(calendar(newer, as_of=DEMO_AS_OF))
        uid = "meeting-private-sector-2025-05@clac"
        assert set(old) == set(new)
        assert sequence(new[uid]) == sequence(old[uid]) + 1
        assert new[uid].decoded("DTSTAMP") > old[uid].decoded("DTSTAMP")
        assert new[uid].decoded("DTSTART") == old[uid].decoded("DTSTART")

    def test_a_new_report_revises_its_due_date_event(self) -> None:
        c = demo()
        filed = QuarterlyReport(
            working_group="law-enforcement-investigation",
            year=2025,
            quarter=3,
            submitted=date(2026, 11, 2),
        )
        newer = events(calendar(c.evolve(reports=(*c.reports, filed)), as_of=date(2026, 11, 3)))
        uid = "report-law-enforcement-investigation-2025-q3@clac"
        assert sequence(newer[uid]) == 1
        assert "Submitted on 2026-11-02" in str(newer[uid]["DESCRIPTION"])


class TestAudience:
    def test_the_public_calendar_names_no_restricted_minutes(self) -> None:
        text = plain(calendar(demo(), audience=Audience.public(), as_of=DEMO_AS_OF))
        assert "TLP:GREEN" not in text
        assert "TLP:AMBER" not in text
        assert "Minutes of the CLAC annual meeting" not in text

    def test_the_members_calendar_names_member_minutes(self) -> None:
        text = plain(DEMO_CALENDAR)
        assert "Minutes of the CLAC annual meeting 2016-05-24 (TLP:GREEN)" in text

    def test_both_calendars_hold_the_same_events(self) -> None:
        public = events(calendar(demo(), audience="public", as_of=DEMO_AS_OF))
        assert set(public) == set(events(DEMO_CALENDAR))


class TestCommandLine:
    def test_it_writes_an_ics_file(self, tmp_path: Path) -> None:
        out = tmp_path / "clac.ics"
        result = CliRunner().invoke(
            calendar_command, ["--output", str(out), "--as-of", DEMO_AS_OF.isoformat()]
        )
        assert result.exit_code == 0, result.output
        assert out.read_bytes() == DEMO_CALENDAR

    def test_without_output_it_writes_to_standard_output(self) -> None:
        result = CliRunner().invoke(
            calendar_command, ["--start", "2025-01-01", "--end", "2025-03-31", "--lang", "es"]
        )
        assert result.exit_code == 0, result.output
        parsed = events(result.stdout_bytes)
        assert parsed
        assert all(
            date(2025, 1, 1) <= e.decoded("DTSTART") <= date(2025, 3, 31) for e in parsed.values()
        )

    def test_a_report_for_a_future_quarter_is_a_warning_not_a_refusal(self, tmp_path: Path) -> None:
        c = demo()
        future = QuarterlyReport(working_group="research-data", year=2027, quarter=1)
        registry = tmp_path / "clac.yaml"
        dump(c.evolve(reports=(*c.reports, future)), registry)
        out = tmp_path / "clac.ics"
        result = CliRunner().invoke(
            calendar_command,
            [str(registry), "--output", str(out), "--as-of", DEMO_AS_OF.isoformat()],
        )
        assert result.exit_code == 0, result.output
        assert "clac: warning: reports[" in result.stderr
        assert "has not begun" in result.stderr
        assert out.exists()

    def test_an_unknown_audience_organization_exits_2(self, tmp_path: Path) -> None:
        out = tmp_path / "clac.ics"
        result = CliRunner().invoke(
            calendar_command, ["--audience", "organization:nobody", "--output", str(out)]
        )
        assert result.exit_code == 2
        assert not out.exists()


class TestProperties:
    @settings(max_examples=15)
    @given(testing.coalitions(max_members=3))
    def test_any_registry_gives_a_calendar_of_unique_parsable_events(self, c: Coalition) -> None:
        expected = calendar_events(c, as_of=date(2026, 12, 1))
        parsed = events(calendar(c, as_of=date(2026, 12, 1)))
        assert sorted(parsed) == sorted(e.uid for e in expected)
        for item in expected:
            event = parsed[item.uid]
            assert event.decoded("DTSTART") == item.day
            assert sequence(event) == item.sequence
            assert event.decoded("DTSTAMP").date() == item.stamp
