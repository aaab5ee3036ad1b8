"""One notion of a valid registry: every command and entry point accepts and refuses the same files.

Whether a registry is valid is decided in one place, when a :class:`clac.Coalition` is built
(the loader builds one too), and never depends on the command or on the day it is read. What a
single command cannot use — a report recorded after the day it is run "as of" — is a warning
on stderr, never exit status 2. The corpus is the project's: the malformed files, the good
files under ``tests/data``, the demo in each format it can be written in and the starting
registry ``clac init`` writes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clac
from clac import rules, testing
from clac._schedule import RECEIVED_STATES, ReportState
from clac.charter import Sector
from clac.cli import cli
from clac.errors import ClacError
from clac.model import RecordKind
from clac.network._snapshot import snapshot
from clac.periods import Quarter
from clac.registry import Coalition
from clac.rules import Outcome

HERE = Path(__file__).parent
AS_OF = "2020-06-01"
"""The day every command is run "as of": after most records of the small files, before some."""

GOOD = [
    path
    for path in (HERE / "data").iterdir()
    if path.suffix in {".yaml", ".json", ".toml"} and not path.name.endswith(".schema.json")
]
"""The registries under ``tests/data`` (other test data there, a JSON Schema, is no registry)."""
CORPUS = sorted([*(HERE / "malformed").iterdir(), *GOOD])


def _commands(path: str) -> dict[str, list[str]]:
    """Every command that reads a registry FILE, run on ``path``."""
    return {
        "check": ["check", path, "--as-of", AS_OF],
        "report annual": ["report", "annual", "--year", "2019", "--as-of", AS_OF, path],
        "calendar": ["calendar", path, "--as-of", AS_OF],
        "network": ["network", path],
        "gaps": ["gaps", path, "--as-of", AS_OF],
        "proposal list": ["proposal", "list", path],
    }


def _verdicts(path: Path) -> dict[str, bool]:
    """Command → whether it accepted the file (exit 0 or 1) rather than refusing it (exit 2)."""
    verdicts = {}
    for name, args in _commands(str(path)).items():
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in {0, 1, 2}, (name, result.output, result.exception)
        assert "Traceback" not in result.output, name
        verdicts[name] = result.exit_code != 2
    return verdicts


def _library_accepts(path: Path) -> bool:
    """Whether the library's entry points accept the file; when they do, every capability
    that reads a whole registry runs on it without refusing it."""
    try:
        coalition = clac.load(path)
    except ClacError:
        return False
    day = date.fromisoformat(AS_OF)
    fields = {f.name: getattr(coalition, f.name) for f in attrs.fields(clac.Coalition)}
    assert clac.Coalition(**fields) == coalition
    suffix = path.suffix.lstrip(".")
    assert clac.loads(path.read_text(encoding="utf-8"), suffix) == coalition
    from clac import frameworks, network, reporting

    rules.evaluate(coalition, as_of=day)
    reporting.annual_report(coalition, 2019, as_of=day)
    reporting.cadence(coalition, day)
    reporting.calendar(coalition)
    network.build_graph(coalition)
    frameworks.matrix(coalition, frameworks.FRAMEWORKS.get_framework("mnr"), as_of=day)
    return True


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The demo, written by ``clac demo --output`` in every format it can write."""
    folder = tmp_path_factory.mktemp("demo")
    paths = [folder / f"demo.{suffix}" for suffix in ("yaml", "json", "toml")]
    for path in paths:
        result = CliRunner().invoke(cli, ["demo", "--output", str(path)])
        assert result.exit_code == 0, result.output
    return paths


class TestEveryCommandAgreesOnValidity:
    @pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
    def test_every_command_and_the_library_give_one_verdict(self, path: Path) -> None:
        verdicts = _verdicts(path)
        library = _library_accepts(path)
        assert set(verdicts.values()) == {library}, verdicts
        assert library is (path.parent.name == "data")

    def test_the_demo_is_valid_for_every_command_and_in_every_format(
        self, demo_files: list[Path]
    ) -> None:
        yaml_file = demo_files[0]
        assert set(_verdicts(yaml_file).values()) == {True}
        for path in demo_files:  # every command reads a file through clac.load
            assert clac.load(path) == clac.demo(), path.name

    def test_the_starting_registry_of_clac_init_is_valid_for_every_command(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "clac.yaml"
        result = CliRunner().invoke(cli, ["init", str(path), "--records-since", "2019-01-01"])
        assert result.exit_code == 0, result.output
        assert set(_verdicts(path).values()) == {True}
        assert _library_accepts(path)


class TestOneValidation:
    def test_a_report_before_its_group_was_formed_is_refused_everywhere(self) -> None:
        path = HERE / "malformed" / "report-before-group-formed.yaml"
        assert set(_verdicts(path).values()) == {False}
        with pytest.raises(ClacError, match="ends before its working group was formed"):
            clac.load(path)
        result = CliRunner().invoke(cli, ["report", "annual", "--year", "2019", str(path)])
        assert result.stderr.startswith("clac: error: reports[0].quarter: '2017-Q4' ends before")

    @pytest.mark.parametrize(
        ("formed", "quarter", "valid"),
        [
            ("2018", "year: 2017, quarter: 4", False),
            ("2018", "year: 2018, quarter: 1", True),  # the group may have formed in January
            ("2018-06", "year: 2018, quarter: 1", False),
            ("2018-06", "year: 2018, quarter: 2", True),
        ],
    )
    def test_a_formation_known_only_roughly_refuses_only_a_certain_contradiction(
        self, formed: str, quarter: str, valid: bool
    ) -> None:
        text = (HERE / "malformed" / "report-before-group-formed.yaml").read_text(encoding="utf-8")
        text = text.replace("formed: 2018-06-01", f"formed: {formed}")
        text = text.replace("year: 2017, quarter: 4, submitted: 2018-01-20", quarter)
        if valid:
            clac.loads(text, "yaml")
        else:
            with pytest.raises(ClacError, match="ends before its working group was formed"):
                clac.loads(text, "yaml")

    def test_a_report_recorded_after_the_day_is_a_warning_in_every_dated_command(self) -> None:
        path = str(HERE / "data" / "reports-after-the-day.yaml")
        commands = _commands(path)
        for name in ("check", "report annual", "calendar"):
            result = CliRunner().invoke(cli, commands[name])
            assert result.exit_code != 2, name
            warnings = [line for line in result.stderr.splitlines() if "warning" in line]
            assert warnings == [
                "clac: warning: reports[0].submitted: '2020-07-20' is after 2020-06-01, the day "
                "of the check (left out: not yet recorded on that day)",
                "clac: warning: reports[1].quarter: '2020-Q3' is a quarter that has not begun on "
                "2020-06-01 (left out: not yet recorded on that day)",
                "clac: warning: reports[1].submitted: '2020-10-05' is after 2020-06-01, the day "
                "of the check (left out: not yet recorded on that day)",
            ], name

    def test_the_warnings_speak_the_chosen_language(self) -> None:
        path = str(HERE / "data" / "reports-after-the-day.yaml")
        result = CliRunner().invoke(cli, [*_commands(path)["calendar"], "--lang", "es"])
        assert "es un trimestre que no ha comenzado el 2020-06-01" in result.stderr
        assert "se omite" in result.stderr

    def test_read_on_the_day_of_its_last_record_the_file_warns_about_nothing(self) -> None:
        path = str(HERE / "data" / "reports-after-the-day.yaml")
        result = CliRunner().invoke(cli, ["check", path, "--as-of", "2020-10-05"])
        assert "warning" not in result.stderr


class TestValidityDoesNotDependOnTheDay:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        coalition=testing.coalitions(max_members=4),
        day=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    )
    def test_no_capability_refuses_a_valid_registry_whatever_the_day(
        self, coalition: Coalition, day: date
    ) -> None:
        from clac import reporting

        year = min(max(day.year - 1, coalition.charter.original.effective.year), day.year)
        reporting.annual_report(coalition, year, as_of=day)
        reporting.cadence(coalition, day)
        rules.evaluate(coalition, as_of=day)
        for problem in reporting.reports_after(coalition, day):  # warnings, never a refusal
            assert problem.path.startswith("reports[")
        assert clac.loads(clac.dumps(coalition, "yaml"), "yaml") == coalition


def _quarter_ends(first: int, last: int) -> list[date]:
    """The last day of every quarter from ``first``'s first to ``last``'s last."""
    return [
        Quarter(year, quarter).last_day
        for year in range(first, last + 1)
        for quarter in (1, 2, 3, 4)
    ]


def _story_corpus() -> list[tuple[str, Coalition]]:
    """Every valid registry of the corpus (the good files, the demo, the starting registry)."""
    found = [(path.name, clac.load(path)) for path in sorted(GOOD)]
    found.append(("demo", clac.demo()))
    found.append(
        ("init", clac.loads(clac.starting_registry(records_since=date(2026, 1, 1)), "yaml"))
    )
    return found


STORY_CORPUS = _story_corpus()

_NATIONAL_COLUMNS = {
    Sector.HOTLINE: "hotlines",
    Sector.LAW_ENFORCEMENT: "law_enforcement",
    Sector.NGO: "ngos",
}
"""The sectors the network's country coverage counts national members of."""


class TestEveryCommandTellsTheSameStory:
    """check, the annual report, the calendar, gaps and the network read one registry on one
    day the same way: the same quarterly reports received, late, missing or unknown, and the
    same members where they work — quarter by quarter, over every registry of the corpus."""

    @pytest.mark.parametrize(("name", "coalition"), STORY_CORPUS, ids=[n for n, _ in STORY_CORPUS])
    def test_reports_and_members_agree_at_every_quarters_end(
        self, name: str, coalition: Coalition
    ) -> None:
        from clac import frameworks, network, reporting

        first = coalition.charter.original.effective.year
        begin = coalition.records_since_for(RecordKind.REPORTS)
        for day in _quarter_ends(first, 2027):
            statuses = reporting.cadence(coalition, day)
            state = {(s.working_group, s.period): s.state for s in statuses}
            # check: REP-01 reads the same cadence, group by group
            assessment = rules.evaluate(coalition, as_of=day)
            for finding in assessment.where(rule="REP-01").findings:
                group = finding.subject.id
                missing = tuple(str(s.period) for s in statuses.where(working_group=group).missing)
                assert (finding.outcome is Outcome.UNMET) is bool(missing), (name, day, finding)
                if missing:
                    assert dict(finding.evidence)["missing"] == missing, (name, day)
            # the annual report: the same statuses and the same count
            annual = reporting.annual_report(coalition, day.year, as_of=day)
            year = statuses.where(year=day.year)
            assert annual.reports == tuple(year), (name, day)
            tally = year.tally()
            assert annual.tally == tally
            assert tally.received == len(year.received)
            text = annual.to_markdown("en")
            assert f"| {tally.received} of {tally.due} due (late: {tally.late}; " in text
            received = {(r.working_group, r.period) for r in annual.received}
            assert {
                k for k, v in state.items() if v in RECEIVED_STATES and k[1].year == day.year
            } <= received
            # the calendar: each due date in the state check gives it
            events = {e.uid: e for e in reporting.calendar_events(coalition, as_of=day)}
            for (group, period), value in state.items():
                uid = f"report-{group}-{period.year}-q{period.quarter}@clac"
                before = begin is not None and period.first_day < begin
                if before and value is ReportState.UNRECORDED:
                    assert uid not in events, (name, day, uid)
                else:
                    assert events[uid].state is value, (name, day, uid)
            # gaps and the network: the same members, working in the same places
            members = {m.organization for m in coalition.members_on(day, active_only=False)}
            assert set(snapshot(coalition, day).members) == members, (name, day)
            subjects = {f.subject.id for f in assessment.where(rule="MEM-01").findings}
            assert subjects <= members, (name, day)
            coverage = network.country_coverage(coalition, day)
            spots = frameworks.thin_spots(coalition, "mnr", as_of=day)
            for spot in spots:
                presence = coverage.country(spot.country)
                for sector in spot.sectors:
                    column = _NATIONAL_COLUMNS.get(sector)
                    if column is not None:
                        assert not getattr(presence, column), (name, day, spot)

    def test_the_annual_report_counts_a_report_received_without_its_day(self) -> None:
        coalition = clac.load(HERE / "data" / "reports-before-records.yaml")
        result = CliRunner().invoke(
            cli,
            [
                "report",
                "annual",
                "--year",
                "2026",
                "--as-of",
                "2026-12-06",
                str(HERE / "data" / "reports-before-records.yaml"),
            ],
        )
        assert result.exit_code == 0, result.output
        assert "| 2 of 12 due (late: 1; missing: 0; not recorded" in result.stdout
        assert "0 of 0 due" not in result.stdout
        assert "holds no quarterly reports" not in result.stdout
        assert "complete from 2026-11-23 on; 10 earlier quarters" in result.stdout
        assert clac.load(HERE / "data" / "reports-before-records.yaml") == coalition

    def test_the_calendar_runs_through_the_year_of_the_day(self) -> None:
        path = str(HERE / "data" / "reports-before-records.yaml")
        result = CliRunner().invoke(cli, ["calendar", path, "--as-of", "2026-12-06"])
        assert result.exit_code == 0, result.output
        text = result.stdout_bytes.decode("utf-8").replace("\r\n ", "")
        assert "UID:report-law-enforcement-investigation-2026-q4@clac" in text  # due 2027-01-30
        assert "UID:annual-report-2025@clac" in text
        assert "UID:annual-report-2026@clac" in text  # the next due date
        assert "UID:report-law-enforcement-investigation-2017-q3@clac" in text  # recorded
        assert "UID:report-law-enforcement-investigation-2017-q4@clac" not in text  # unknown
        assert "Not submitted" not in text
        assert "State on 2026-12-06: received (submission date not recorded)" in text
