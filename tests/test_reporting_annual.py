"""The Secretariat's annual report: compiled data, Markdown and HTML in English and Spanish, and
``clac report annual`` on the command line."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from clac import DEMO_AS_OF, demo, demo_text
from clac.charter import BASE_DOCUMENT
from clac.cli.report import report as report_command
from clac.countries import country_name
from clac.errors import InvalidData
from clac.io import dump, dumps
from clac.model import Activity, ActivityScope, ActivityStatus, QuarterlyReport
from clac.periods import Quarter
from clac.reporting import AnnualReport, Audience, ReportState, annual_report

REPORT_2025 = annual_report(demo(), 2025, as_of=DEMO_AS_OF)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(report_command, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestCompiling:
    def test_every_policy_goal_of_the_charter_has_a_section(self) -> None:
        assert [g.goal for g in REPORT_2025.goals] == [g.id for g in BASE_DOCUMENT.policy_goals]

    def test_activities_are_counted_by_goal_and_quarter(self) -> None:
        per_goal = REPORT_2025.activities_per_goal_per_quarter()
        for goal in REPORT_2025.goals:
            assert sum(per_goal[goal.goal]) == len(goal.activities)
            assert goal.count(status=ActivityStatus.IMPLEMENTED) + goal.count(
                status=ActivityStatus.PLANNED
            ) == len(goal.activities)
            assert goal.count(scope=ActivityScope.IN_COUNTRY) + goal.count(
                scope=ActivityScope.REGIONAL
            ) == len(goal.activities)

    def test_only_reports_received_by_the_day_are_compiled(self) -> None:
        assert all(r.year == 2025 for r in REPORT_2025.received)
        assert all(r.submitted is not None for r in REPORT_2025.received)
        count = sum(len(r.activities) for r in REPORT_2025.received)
        assert len(REPORT_2025.activities) == count

    def test_the_missing_quarterly_report_is_a_missing_input(self) -> None:
        missing = [(s.working_group, str(s.period)) for s in REPORT_2025.missing_reports]
        assert missing == [("law-enforcement-investigation", "2025-Q3")]

    def test_the_meeting_without_minutes_is_a_missing_input(self) -> None:
        ids = [e.meeting.id for e in REPORT_2025.meetings_without_minutes]
        assert ids == ["private-sector-2025-05"]

    def test_the_activity_tied_to_no_goal_is_listed_apart(self) -> None:
        assert [e.activity.description for e in REPORT_2025.unaligned] == [
            "Working group meeting calendar agreed for the semester"
        ]

    def test_the_late_report_appears_in_its_own_year(self) -> None:
        late = annual_report(demo(), 2024, as_of=DEMO_AS_OF).late_reports
        assert [(s.working_group, s.days_overdue) for s in late] == [
            ("private-sector-collaboration", 15)
        ]

    def test_a_year_before_the_registrys_reports_lists_unrecorded_quarters(self) -> None:
        earlier = annual_report(demo(), 2020, as_of=DEMO_AS_OF)
        assert earlier.records_begin == Quarter(2024, 1)
        assert not earlier.missing_reports
        assert {s.state for s in earlier.reports} == {ReportState.UNRECORDED}
        assert len(earlier.coalition_meetings) == 1
        assert earlier.min_meetings == 2

    def test_the_strategic_plans_targets_are_attached_to_their_goals(self) -> None:
        plan = REPORT_2025.strategic_plan
        assert plan is not None
        assert plan.covers(2025)
        for goal in REPORT_2025.goals:
            assert all(t.goal == goal.goal for t in goal.targets)

    def test_the_current_year_is_compiled_as_in_progress(self) -> None:
        assert not annual_report(demo(), 2026, as_of=DEMO_AS_OF).complete
        assert REPORT_2025.complete

    def test_a_year_in_the_future_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="future"):
            annual_report(demo(), 2027, as_of=DEMO_AS_OF)

    def test_a_year_before_the_charter_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="before the charter"):
            annual_report(demo(), 2015, as_of=DEMO_AS_OF)

    def test_a_report_for_a_quarter_after_the_day_is_left_out_not_refused(self) -> None:
        c = demo()
        ahead = QuarterlyReport(working_group="research-data", year=2026, quarter=4)
        day = date(2026, 9, 1)
        compiled = annual_report(c.evolve(reports=(*c.reports, ahead)), 2025, as_of=day)
        assert compiled == annual_report(c, 2025, as_of=day)


class TestMarkdown:
    def test_the_english_report_has_its_sections(self) -> None:
        text = REPORT_2025.to_markdown("en")
        for heading in (
            "# Annual report 2025",
            "## Summary",
            "## Activities per policy goal and quarter",
            "## Progress toward the policy goals",
            "### PG-1 · Regional gaps and trends",
            "## Advances in legislative reform",
            "## Meetings and minutes",
            "## Shared folder",
            "## Missing inputs",
            "### Quarterly reports not received",
            "### Meetings whose minutes were not circulated",
        ):
            assert heading in text

    def test_the_spanish_report_is_in_spanish(self) -> None:
        text = REPORT_2025.to_markdown("es")
        for heading in (
            "# Informe anual 2025 — Coalición Latinoamericana",
            "## Resumen",
            "## Avance hacia los objetivos de política",
            "## Insumos faltantes",
            "### Informes trimestrales no recibidos",
            "### Reuniones cuyas actas no se circularon",
        ):
            assert heading in text
        for english in ("Summary", "Missing inputs", "Policy goal", "| implemented |"):
            assert english not in text
        for goal in BASE_DOCUMENT.policy_goals:
            assert goal.short.es in text
        assert country_name("BR").es in text
        assert "Investigaciones de las fuerzas públicas: 2025-Q3" in text

    def test_country_names_are_translated(self) -> None:
        codes = {c for e in REPORT_2025.activities for c in e.activity.countries}
        spanish = REPORT_2025.to_markdown("es")
        assert codes
        for code in codes:
            assert country_name(code).es in spanish

    def test_data_cannot_inject_markdown(self) -> None:
        c = demo()
        sneaky = QuarterlyReport(
            working_group="research-data",
            year=2026,
            quarter=1,
            submitted=date(2026, 4, 2),
            activities=(
                Activity(
                    description="| # <b>bold</b> *x*",
                    scope=ActivityScope.REGIONAL,
                    status=ActivityStatus.PLANNED,
                    goals=("PG-1",),
                ),
            ),
        )
        reports = tuple(
            r
            for r in c.reports
            if (r.working_group, r.year, r.quarter) != ("research-data", 2026, 1)
        )
        text = annual_report(c.evolve(reports=(*reports, sneaky)), 2026, as_of=DEMO_AS_OF)
        markdown = text.to_markdown("en")
        assert r"\| \# \<b\>bold\</b\> \*x\*" in markdown
        assert "<b>bold</b>" not in text.to_html("en", chart=False)

    def test_no_representative_name_or_email_appears(self) -> None:
        outputs = (REPORT_2025.to_markdown("en"), REPORT_2025.to_html("es", chart=False))
        for m in demo().members:
            for r in m.representatives:
                for out in outputs:
                    assert r.name not in out
                    assert r.email is None or r.email not in out


class TestHtml:
    def test_the_page_is_self_contained_with_an_embedded_chart(self) -> None:
        page = REPORT_2025.to_html("es")
        assert page.startswith("<!DOCTYPE html>")
        assert '<html lang="es">' in page
        assert "<style>" in page
        assert not re.search(r'(?:src|href)="(?!data:)', page)
        match = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
        assert match is not None
        assert base64.b64decode(match[1]).startswith(b"\x89PNG\r\n\x1a\n")

    def test_the_page_is_the_same_every_time(self) -> None:
        assert REPORT_2025.to_html("en") == REPORT_2025.to_html("en")

    def test_the_spanish_page_translates_its_labels(self) -> None:
        page = REPORT_2025.to_html("es", chart=False)
        assert '<h2 id="summary">Resumen</h2>' in page
        assert "Gráfico" not in page
        assert "ejecutada" in page

    def test_a_notebook_shows_a_fragment(self) -> None:
        fragment = REPORT_2025._repr_html_()
        assert fragment.startswith('<div class="clac-annual-report"')
        assert "<html" not in fragment

    def test_without_matplotlib_the_page_keeps_its_table(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from clac.reporting import _chart

        monkeypatch.setattr(_chart, "chart_available", lambda: False)
        page = REPORT_2025.to_html("en")
        assert "data:image/png" not in page
        assert "Activities per policy goal and quarter" in page


class TestAudience:
    def test_the_default_audience_is_the_members(self) -> None:
        assert REPORT_2025.audience == Audience.members()

    def test_a_public_report_names_only_clear_documents(self) -> None:
        public = annual_report(demo(), 2025, audience="public", as_of=DEMO_AS_OF)
        assert {d.classification.value for d in public.documents} == {"CLEAR"}
        assert all(
            e.minutes is None or e.minutes.classification.value == "CLEAR" for e in public.meetings
        )
        text = public.to_markdown("en")
        assert "TLP:GREEN" not in text
        assert "TLP:AMBER" not in text


def write_registry(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clac.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class TestCommandLine:
    def test_without_output_it_prints_markdown(self) -> None:
        code, out, _ = run("annual", "--year", "2025", "--as-of", "2026-11-01")
        assert code == 0
        assert out == REPORT_2025.to_markdown("en")

    def test_it_writes_spanish_html_by_suffix(self, tmp_path: Path) -> None:
        out = tmp_path / "informe.html"
        code, _, err = run(
            "annual", "--year", "2025", "--as-of", "2026-11-01", "--lang", "es", "-o", str(out)
        )
        assert code == 0, err
        assert out.read_text(encoding="utf-8") == REPORT_2025.to_html("es")

    def test_it_writes_markdown_by_suffix_for_an_audience(self, tmp_path: Path) -> None:
        out = tmp_path / "report.md"
        code, _, err = run(
            "annual", "-y", "2025", "--as-of", "2026-11-01", "--audience", "public", "-o", str(out)
        )
        assert code == 0, err
        public = annual_report(demo(), 2025, audience="public", as_of=DEMO_AS_OF)
        assert out.read_text(encoding="utf-8") == public.to_markdown("en")

    @pytest.mark.parametrize(
        ("year", "message"),
        [("2027", "is in the future"), ("2015", "is before the charter took effect")],
    )
    def test_a_year_out_of_range_exits_2_and_writes_nothing(
        self, tmp_path: Path, year: str, message: str
    ) -> None:
        out = tmp_path / "report.html"
        code, _, err = run("annual", "--year", year, "--as-of", "2026-11-01", "-o", str(out))
        assert code == 2
        assert message in err
        assert err.count("\n") == 1
        assert not out.exists()

    def test_an_unsupported_suffix_exits_2(self, tmp_path: Path) -> None:
        out = tmp_path / "report.pdf"
        code, _, err = run("annual", "--year", "2025", "-o", str(out))
        assert code == 2
        assert "unsupported suffix" in err
        assert not out.exists()

    def test_an_impossible_date_in_the_registry_exits_2(self, tmp_path: Path) -> None:
        text = dumps(demo(), "yaml").replace("2025-02-14", "2025-02-30", 1)
        registry = write_registry(tmp_path, text)
        out = tmp_path / "report.md"
        code, _, err = run("annual", "--year", "2025", str(registry), "-o", str(out))
        assert code == 2
        assert "2025-02-30" in err or "date" in err
        assert not out.exists()

    def test_an_impossible_as_of_date_exits_2(self) -> None:
        code, _, _ = run("annual", "--year", "2025", "--as-of", "2025-02-30")
        assert code == 2

    def test_a_report_for_a_future_quarter_is_a_warning_and_the_report_is_written(
        self, tmp_path: Path
    ) -> None:
        c = demo()
        ahead = QuarterlyReport(working_group="research-data", year=2027, quarter=2)
        registry = tmp_path / "clac.yaml"
        dump(c.evolve(reports=(*c.reports, ahead)), registry)
        out = tmp_path / "report.md"
        code, _, err = run(
            "annual", "--year", "2025", "--as-of", "2026-11-01", str(registry), "-o", str(out)
        )
        assert code == 0
        assert f"clac: warning: reports[{len(c.reports)}].quarter: '2027-Q2'" in err
        assert "has not begun" in err
        assert out.exists()

    def test_two_reports_for_one_group_and_quarter_exit_2(self, tmp_path: Path) -> None:
        text = demo_text()
        start = text.index("\nreports:\n") + len("\nreports:\n")
        end = text.index("\n  - working_group:", start)
        twice = text[:start] + text[start:end] + "\n" + text[start:]
        registry = write_registry(tmp_path, twice)
        out = tmp_path / "report.md"
        code, _, err = run("annual", "--year", "2025", str(registry), "-o", str(out))
        assert code == 2
        assert "repeats" in err
        assert not out.exists()

    def test_a_report_for_an_unknown_working_group_exits_2(self, tmp_path: Path) -> None:
        known = "  - working_group: research-data\n    year: 2024"
        text = demo_text().replace(known, known.replace("research-data", "ghost"), 1)
        assert "working_group: ghost" in text
        registry = write_registry(tmp_path, text)
        out = tmp_path / "report.md"
        code, _, err = run("annual", "--year", "2025", str(registry), "-o", str(out))
        assert code == 2
        assert "ghost" in err
        assert not out.exists()


def test_annual_report_is_plain_data() -> None:
    assert isinstance(REPORT_2025, AnnualReport)
    assert annual_report(demo(), 2025, as_of=DEMO_AS_OF) == REPORT_2025
