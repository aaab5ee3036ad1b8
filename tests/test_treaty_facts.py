"""Treaty facts: acts of consent, derived entry into force, negative facts, several sources,
the shipped data for the region, and the evidence CSV."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from clac import frameworks as fw
from clac.cli import cli
from clac.countries import country_name, region_countries
from clac.errors import ClacError, InvalidData
from clac.frameworks._treaty import Act, TreatyFact, facts_evidence
from clac.io import load, loads
from clac.model import Confidence, Outcome
from clac.periods import ApproximateDate

EMPTY = loads("clac: 1\nname: Empty\n", "yaml")


def outcomes(treaty: str, facts: list[TreatyFact], on: date) -> dict[str, Outcome]:
    decided: dict[str, tuple[date, Outcome]] = {}
    for e in facts_evidence(treaty, facts):
        last = e.date.latest if isinstance(e.date, ApproximateDate) else e.date
        if last <= on and (e.item not in decided or decided[e.item][0] <= last):
            decided[e.item] = (last, e.outcome)
    return {item: o for item, (_, o) in decided.items()}


def _ev(grid: fw.RegionalMatrix, country: str, item: str) -> fw.Evidence:
    found = grid.cell(country, item).evidence
    assert found is not None
    return found


class TestBecomingAParty:
    @pytest.mark.parametrize("act", ["accession", "succession"])
    def test_a_state_that_acceded_is_a_party_and_never_a_signed_gap(self, act: str) -> None:
        facts = [TreatyFact(country="CL", act=act, date="2017-04-20", source="s")]
        got = outcomes("budapest", facts, date(2020, 1, 1))
        assert got == {"signed": Outcome.MET, "ratified": Outcome.MET, "in-force": Outcome.MET}
        (signed,) = (e for e in facts_evidence("budapest", facts) if e.item == "signed")
        assert "signature is not required" in signed.note

    @pytest.mark.parametrize("act", ["ratification", "acceptance", "approval", "party"])
    def test_every_act_of_consent_makes_a_party(self, act: str) -> None:
        facts = [TreatyFact(country="MX", act=act, date="2003-06-10", source="s")]
        assert outcomes("opsc", facts, date(2004, 1, 1))["ratified"] is Outcome.MET

    def test_signature_is_its_own_step(self) -> None:
        facts = [TreatyFact(country="MX", act="signature", date="2000-09-07", source="s")]
        got = outcomes("opsc", facts, date(2001, 1, 1))
        assert got == {"signed": Outcome.MET}

    @pytest.mark.parametrize("act", ["denunciation", "withdrawal"])
    def test_denunciation_or_withdrawal_ends_the_status(self, act: str) -> None:
        facts = [
            TreatyFact(country="VE", act="ratification", date="2002-05-08", source="s"),
            TreatyFact(country="VE", act=act, date="2015-01-01", source="s"),
        ]
        assert outcomes("opsc", facts, date(2010, 1, 1))["ratified"] is Outcome.MET
        later = outcomes("opsc", facts, date(2016, 1, 1))
        assert later["ratified"] is Outcome.NOT_MET
        assert later["in-force"] is Outcome.NOT_MET


class TestEntryIntoForce:
    def test_opsc_is_in_force_one_month_after_the_deposit(self) -> None:
        rule = fw.ENTRY_INTO_FORCE_RULES["opsc"]
        assert rule.derive(date(2002, 4, 30)) == date(2002, 5, 30)
        assert rule.derive(date(2005, 1, 31)) == date(2005, 2, 28)  # Benin, as the UN states

    def test_an_opsc_deposit_before_the_protocol_was_in_force_counts_from_that_day(self) -> None:
        assert fw.ENTRY_INTO_FORCE_RULES["opsc"].derive(date(2000, 9, 6)) == date(2002, 1, 18)

    @pytest.mark.parametrize("treaty", ["budapest", "lanzarote"])
    def test_council_of_europe_treaties_start_the_first_day_after_three_months(
        self, treaty: str
    ) -> None:
        rule = fw.ENTRY_INTO_FORCE_RULES[treaty]
        assert rule.derive(date(2017, 4, 20)) == date(2017, 8, 1)
        assert rule.derive(date(2017, 4, 1)) == date(2017, 8, 1)
        assert rule.derive(ApproximateDate(2013, 2)) == date(2013, 6, 1)
        assert rule.derive(ApproximateDate(2014)) is None

    @given(st.dates(min_value=date(2004, 7, 1), max_value=date(2090, 1, 1)))
    def test_the_council_of_europe_rule_gives_a_first_of_month_three_to_four_months_on(
        self, day: date
    ) -> None:
        derived = fw.ENTRY_INTO_FORCE_RULES["budapest"].derive(day)
        assert isinstance(derived, date)
        assert derived.day == 1
        assert day + timedelta(days=89) <= derived <= day + timedelta(days=124)

    def test_a_derived_day_is_marked_and_a_stated_day_wins(self) -> None:
        deposit = TreatyFact(country="CL", act="accession", date="2017-04-20", source="s")
        (derived,) = (e for e in facts_evidence("budapest", [deposit]) if e.item == "in-force")
        assert derived.derived
        assert "art. 36(4)" in derived.note
        stated = TreatyFact(country="CL", act="entry-into-force", date="2017-09-01", source="t")
        (won,) = (e for e in facts_evidence("budapest", [deposit, stated]) if e.item == "in-force")
        assert not won.derived
        assert won.date == date(2017, 9, 1)

    def test_a_deposit_known_to_the_year_gives_only_a_last_possible_day(self) -> None:
        deposit = TreatyFact(country="EC", act="party", date="2004", source="s")
        (bound,) = (e for e in facts_evidence("opsc", [deposit]) if e.item == "in-force")
        assert bound.derived
        assert bound.date == date(2005, 1, 31)
        assert "no later than 2005-01-31" in bound.note


class TestDepositsDerivedFromAStatedEntryIntoForce:
    def test_the_council_of_europe_rule_gives_the_deposit_month(self) -> None:
        rule = fw.ENTRY_INTO_FORCE_RULES["budapest"]
        assert rule.deposit(date(2018, 10, 1)) == ApproximateDate(2018, 6)
        assert rule.deposit(date(2018, 10, 2)) is None  # a day the rule never gives
        assert rule.deposit(date(2004, 7, 1)) is None  # the treaty's own first day

    def test_the_opsc_rule_gives_the_deposit_day_or_month(self) -> None:
        rule = fw.ENTRY_INTO_FORCE_RULES["opsc"]
        assert rule.deposit(date(2003, 10, 25)) == date(2003, 9, 25)
        assert rule.deposit(date(2005, 2, 28)) == ApproximateDate(2005, 1)  # 28 to 31 January

    @given(st.dates(min_value=date(2004, 7, 1), max_value=date(2080, 1, 1)))
    def test_the_derived_deposit_leads_back_to_the_same_entry_into_force(self, day: date) -> None:
        for treaty in ("opsc", "budapest"):
            rule = fw.ENTRY_INTO_FORCE_RULES[treaty]
            in_force = rule.derive(day)
            assert isinstance(in_force, date)
            deposit = rule.deposit(in_force)
            assert deposit is not None
            assert deposit == day or (isinstance(deposit, ApproximateDate) and deposit.may_be(day))

    def test_a_party_known_by_its_entry_into_force_acceded_when_only_accession_is_open(
        self,
    ) -> None:
        facts = fw.TreatyFacts(
            treaty="budapest",
            consent_by="accession",
            sources=[
                fw.FactSource(
                    id="s",
                    url="https://x",
                    title="t",
                    retrieved=date(2026, 1, 1),
                    confidence="high",
                )
            ],
            facts=[TreatyFact(country="AR", act="entry-into-force", date="2018-10-01", source="s")],
        )
        found = {e.item: e for e in facts_evidence("budapest", facts)}
        assert found["ratified"].derived
        assert found["ratified"].date == ApproximateDate(2018, 6)
        assert found["ratified"].note.startswith("accession: deposit derived")
        assert "signature is not required" in found["signed"].note
        assert not found["in-force"].derived

    def test_a_year_of_deposit_is_sharpened_by_the_stated_entry_into_force(self) -> None:
        facts = [
            TreatyFact(country="CL", act="party", date="2003", source="a"),
            TreatyFact(country="CL", act="entry-into-force", date="2003-03-06", source="b"),
        ]
        assert outcomes("opsc", facts, date(2003, 2, 6))["ratified"] is Outcome.MET
        assert "ratified" not in outcomes("opsc", facts, date(2003, 2, 5))

    def test_an_entry_into_force_outside_the_year_of_deposit_is_flagged(self) -> None:
        facts = [
            TreatyFact(country="CL", act="party", date="2001", source="a"),
            TreatyFact(country="CL", act="entry-into-force", date="2003-03-06", source="b"),
        ]
        ratified = [e for e in facts_evidence("opsc", facts) if e.item == "ratified"]
        assert any(e.conflict and "outside 2001" in e.note for e in ratified)


class TestNegativeFactsAndSources:
    def test_a_chart_without_the_state_says_it_is_not_a_party_that_day(self) -> None:
        facts = [TreatyFact(country="TT", act="no-action", date="2022-05-29", source="s")]
        assert outcomes("opsc", facts, date(2022, 5, 28)) == {}
        assert set(outcomes("opsc", facts, date(2023, 1, 1)).values()) == {Outcome.NOT_MET}

    def test_sources_that_agree_are_all_kept_and_the_most_precise_day_counts(self) -> None:
        facts = [
            TreatyFact(country="CL", act="accession", date="2017-04", source="a"),
            TreatyFact(country="CL", act="accession", date="2017-04-21", source="b"),
        ]
        assert fw.treaty_conflicts(facts) == ()
        (ratified,) = (e for e in facts_evidence("budapest", facts) if e.item == "ratified")
        assert ratified.date == date(2017, 4, 21)
        assert len(ratified.facts) == 2

    def test_sources_that_disagree_are_flagged_not_silently_resolved(self) -> None:
        facts = [
            TreatyFact(country="CL", act="accession", date="2017-04-20", source="a"),
            TreatyFact(country="CL", act="accession", date="2017-04-21", source="b"),
        ]
        (conflict,) = fw.treaty_conflicts(facts)
        assert conflict.country == "CL"
        assert conflict.act is Act.ACCESSION
        (ratified,) = (e for e in facts_evidence("budapest", facts) if e.item == "ratified")
        assert ratified.conflict
        assert "sources disagree" in ratified.note
        assert ratified.date == date(2017, 4, 21)

    @settings(max_examples=40)
    @given(
        act=st.sampled_from(sorted(fw.CONSENT_ACTS | {Act.SIGNATURE, Act.NOT_PARTY})),
        day=st.dates(min_value=date(2002, 1, 1), max_value=date(2030, 1, 1)),
        precision=st.sampled_from(["day", "month", "year"]),
        on=st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 1, 1)),
    )
    def test_adding_a_source_that_agrees_never_changes_a_verdict(
        self, act: Act, day: date, precision: str, on: date
    ) -> None:
        one = TreatyFact(country="PE", act=act, date=day, source="a")
        rough = {
            "day": day.isoformat(),
            "month": day.isoformat()[:7],
            "year": day.isoformat()[:4],
        }[precision]
        agreeing = TreatyFact(country="PE", act=act, date=rough, source="b")
        assert outcomes("opsc", [one, agreeing], on) == outcomes("opsc", [one], on)
        assert outcomes("opsc", [agreeing, one], on) == outcomes("opsc", [one], on)


class TestTheShippedFacts:
    @pytest.mark.parametrize("treaty", ["opsc", "budapest", "lanzarote"])
    def test_every_fact_names_a_source_read_on_a_day_with_a_confidence(self, treaty: str) -> None:
        facts = fw.shipped_facts(treaty)
        assert facts is not None
        assert facts.treaty == treaty
        for fact in facts.facts:
            source = facts.source(fact.source)
            assert source.url.startswith(("https://", "http://"))
            assert source.retrieved <= date(2026, 12, 6)
            assert facts.confidence(fact) in Confidence
            assert not fact.derived, "derived days are computed, never shipped"
            assert fact.country in region_countries()

    @pytest.mark.parametrize("treaty", ["opsc", "budapest", "lanzarote"])
    def test_no_fact_cites_a_source_marked_unread(self, treaty: str) -> None:
        facts = fw.shipped_facts(treaty)
        assert facts is not None
        unread = {s.id for s in facts.sources if s.note and "could not be read" in s.note}
        assert unread
        assert not {f.source for f in facts.facts} & unread

    def test_the_opsc_covers_the_33_states_and_shows_the_three_that_took_no_action(
        self,
    ) -> None:
        grid = fw.matrix(EMPTY, "opsc", as_of=date(2026, 12, 6))
        assert len(grid.countries) == 33
        assert grid.outcome("AG", "in-force") is Outcome.MET
        assert _ev(grid, "AG", "in-force").sources[0][0].startswith("https://verdragen")
        no_action = {c for c in grid.countries if grid.outcome(c, "ratified") is Outcome.NOT_MET}
        assert no_action == {"BB", "KN", "TT"}
        assert all(grid.outcome(c, "ratified") is not Outcome.UNKNOWN for c in grid.countries)

    def test_chile_acceded_to_budapest_and_is_no_signed_gap(self) -> None:
        grid = fw.matrix(EMPTY, "budapest", as_of=date(2026, 12, 6))
        assert grid.outcome("CL", "signed") is Outcome.MET
        assert grid.outcome("CL", "in-force") is Outcome.MET
        assert grid.outcome("PE", "ratified") is Outcome.UNKNOWN  # no readable source: unknown

    def test_no_state_of_the_region_is_a_party_to_lanzarote_as_of_2020(self) -> None:
        grid = fw.matrix(EMPTY, "lanzarote", as_of=date(2026, 12, 6))
        assert {grid.outcome(c, "ratified") for c in grid.countries} == {Outcome.NOT_MET}
        assert {grid.outcome(c, "signed") for c in grid.countries} == {Outcome.UNKNOWN}

    @pytest.mark.parametrize("treaty", ["opsc", "budapest", "lanzarote"])
    def test_the_shipped_data_is_consistent_with_the_treatys_rule(self, treaty: str) -> None:
        facts = fw.shipped_facts(treaty)
        assert facts is not None
        assert fw.treaty_conflicts(facts) == ()
        assert not any(e.conflict for e in facts_evidence(treaty, facts))
        rule = fw.ENTRY_INTO_FORCE_RULES[treaty]
        for country in facts.countries():
            mine = facts.of(country)
            deposits = [f.date for f in mine if f.act in fw.CONSENT_ACTS]
            stated = [f.date for f in mine if f.act is Act.ENTRY_INTO_FORCE]
            for deposit in deposits:
                for day in stated:
                    derived = rule.derive(deposit)
                    if derived is not None:
                        assert derived == day, (country, deposit, day)

    def test_a_registry_assessment_overrides_the_shipped_fact_with_its_own_source(self) -> None:
        registry = loads(
            "clac: 1\nname: R\nassessments:\n"
            "  - {country: TT, framework: opsc, item: ratified, outcome: met, date: 2026-01-10,"
            " source: our own reading, confidence: medium-high}\n",
            "yaml",
        )
        grid = fw.matrix(registry, "opsc", as_of=date(2026, 12, 6))
        cell = grid.cell("TT", "ratified")
        assert cell.outcome is Outcome.MET
        assert _ev(grid, "TT", "ratified").source == "our own reading"
        assert _ev(grid, "TT", "ratified").confidence is Confidence.MEDIUM_HIGH
        assert grid.outcome("TT", "in-force") is Outcome.NOT_MET  # still the shipped fact

    def test_clac_gaps_without_a_registry_shows_the_regions_real_picture(self) -> None:
        result = CliRunner().invoke(cli, ["gaps", "-f", "opsc", "--all-countries"])
        assert result.exit_code == 0, result.output
        assert "Trinidad and Tobago (TT)" in result.output


def _two_sources(first: str, second: str) -> str:
    return (
        "clac: 1\nname: R\nassessments:\n"
        f"  - {{country: PE, framework: budapest, item: ratified, outcome: {first},"
        " date: 2019-08-26, source: one office}\n"
        f"  - {{country: PE, framework: budapest, item: ratified, outcome: {second},"
        " date: 2019-08-26, source: another office}\n"
    )


class TestSeveralSourcesInARegistry:
    def test_two_sources_for_one_fact_are_both_kept(self) -> None:
        registry = loads(_two_sources("met", "met"), "yaml")
        assert len(registry.assessments) == 2
        grid = fw.matrix(registry, "budapest", as_of=date(2020, 1, 1), countries=["PE"])
        assert grid.outcome("PE", "ratified") is Outcome.MET
        assert not _ev(grid, "PE", "ratified").conflict

    def test_two_sources_that_disagree_are_flagged(self) -> None:
        registry = loads(_two_sources("met", "not-met"), "yaml")
        grid = fw.matrix(registry, "budapest", as_of=date(2020, 1, 1), countries=["PE"])
        found = _ev(grid, "PE", "ratified")
        assert found.conflict
        assert found.note is not None
        assert "one office: met; another office: not-met" in found.note
        assert "Sources disagree on: Peru (PE) ratified." in fw.matrix_markdown(grid)

    def test_one_source_saying_two_things_of_one_day_is_refused(self) -> None:
        text = _two_sources("met", "not-met").replace("another office", "one office")
        with pytest.raises(ClacError, match="repeats assessments"):
            loads(text, "yaml")

    @settings(max_examples=30)
    @given(
        outcome=st.sampled_from(["met", "not-met"]),
        day=st.dates(min_value=date(2005, 1, 1), max_value=date(2025, 1, 1)),
        on=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 1, 1)),
    )
    def test_adding_an_agreeing_source_never_changes_a_verdict(
        self, outcome: str, day: date, on: date
    ) -> None:
        one = (
            "clac: 1\nname: R\nassessments:\n"
            f"  - {{country: PE, framework: budapest, item: ratified, outcome: {outcome},"
            f" date: {day.isoformat()}, source: one office}}\n"
        )
        two = one + (
            f"  - {{country: PE, framework: budapest, item: ratified, outcome: {outcome},"
            f" date: {day.isoformat()}, source: another office}}\n"
        )
        grids = [
            fw.matrix(loads(text, "yaml"), "budapest", as_of=on, countries=["PE"])
            for text in (one, two)
        ]
        assert grids[0].outcome("PE", "ratified") is grids[1].outcome("PE", "ratified")
        assert grids[0].verdict("PE") == grids[1].verdict("PE")


CSV = (
    "framework,country,item,status,date,source,confidence,note,illustrative\n"
    "budapest,CL,,accession,2017-04-21,https://www.minrel.gov.cl/,medium-high,,\n"
    "opsc,MX,signed,met,2000,=HYPERLINK(),low,a note,yes\n"
)


class TestTheEvidenceCsv:
    def test_round_trips(self) -> None:
        rows = fw.read_evidence_csv(CSV)
        assert [a.item for a in rows] == ["ratified", "signed", "in-force", "signed"]
        text = fw.evidence_csv(rows)
        assert "'=HYPERLINK()" in text  # a formula is quoted for spreadsheets
        assert fw.read_evidence_csv(text) == rows

    @pytest.mark.parametrize(
        ("line", "column"),
        [
            ("opsc,XX,signed,met,2000,s", "country"),
            ("opsc,MX,signed,maybe,2000,s", "status"),
            ("opsc,MX,sealed,met,2000,s", "item"),
            ("opsc,MX,signed,met,2000-13,s", "date"),
            ("nope,MX,signed,met,2000,s", "framework"),
            ("opsc,MX,,invited,2000,s", "status"),
            ("icmec-legislation,MX,,accession,2000,s", "item"),
            ("opsc,MX,signed,met,2000,", "source"),
        ],
    )
    def test_refuses_an_unreadable_row_naming_file_and_line(self, line: str, column: str) -> None:
        text = "framework,country,item,status,date,source\nopsc,MX,signed,met,2000,s\n" + line
        with pytest.raises(InvalidData) as caught:
            fw.read_evidence_csv(text, name="e.csv")
        assert caught.value.path == f"e.csv:3.{column}"

    def test_refuses_a_header_without_the_needed_columns(self) -> None:
        with pytest.raises(ClacError, match="lacks the column"):
            fw.read_evidence_csv("framework,country\nopsc,MX\n", name="e.csv")

    def test_clac_evidence_import_writes_nothing_on_a_bad_row(self, tmp_path: Path) -> None:
        registry = tmp_path / "reg.yaml"
        registry.write_text("clac: 1\nname: R\n", encoding="utf-8")
        before = registry.read_bytes()
        bad = tmp_path / "bad.csv"
        bad.write_text(CSV + "opsc,MX,signed,maybe,2000,s,,,\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["evidence", "import", str(bad), "--into", str(registry)])
        assert result.exit_code == 2
        assert f"{bad}:4.status" in result.output
        assert registry.read_bytes() == before

    def test_clac_evidence_import_then_export_round_trips(self, tmp_path: Path) -> None:
        registry = tmp_path / "reg.yaml"
        registry.write_text("clac: 1\nname: R\n", encoding="utf-8")
        source = tmp_path / "in.csv"
        source.write_text(CSV, encoding="utf-8")
        runner = CliRunner()
        first = runner.invoke(cli, ["evidence", "import", str(source), "--into", str(registry)])
        assert first.exit_code == 0, first.output
        again = runner.invoke(cli, ["evidence", "import", str(source), "--into", str(registry)])
        assert "0 assessment(s) added" in again.output
        out = tmp_path / "out.csv"
        exported = runner.invoke(cli, ["evidence", "export", str(registry), "-o", str(out)])
        assert exported.exit_code == 0, exported.output
        assert fw.read_evidence_csv(out.read_text("utf-8")) == fw.read_evidence_csv(CSV)

    def test_clac_evidence_import_keeps_the_registrys_comments_and_layout(
        self, tmp_path: Path
    ) -> None:
        registry = tmp_path / "reg.yaml"
        original = "# our registry\nclac: 1  # format\n\nname: R\n# assessments go below\n"
        registry.write_text(original, encoding="utf-8")
        source = tmp_path / "in.csv"
        source.write_text(CSV, encoding="utf-8")
        result = CliRunner().invoke(
            cli, ["evidence", "import", str(source), "--into", str(registry)]
        )
        assert result.exit_code == 0, result.output
        after = registry.read_text("utf-8")
        assert after.startswith(original)  # every line kept; the assessments are added after them
        assert "&id" not in after  # a day shared by one row's assessments is not an anchor
        assert load(registry).assessments

    def test_the_demos_assessments_are_exported_marked_illustrative(self) -> None:
        result = CliRunner().invoke(cli, ["evidence", "export"])
        assert result.exit_code == 0, result.output
        rows = fw.read_evidence_csv(result.output)
        assert rows
        assert all(a.illustrative for a in rows)


DOCS = Path(__file__).resolve().parent.parent / "docs" / "frameworks.md"


def _region_block(treaty: str) -> str:
    facts = fw.shipped_facts(treaty)
    assert facts is not None
    states = sorted(((c, country_name(c).en) for c in region_countries()), key=lambda s: s[1])
    return fw.region_markdown(facts, states)


def _docs_with_regions(text: str) -> str:
    for treaty in ("opsc", "budapest", "lanzarote"):
        start, end = f"<!-- region:{treaty} -->\n", f"<!-- /region:{treaty} -->"
        before, rest = text.split(start)
        _, after = rest.split(end)
        text = f"{before}{start}\n{_region_block(treaty)}\n{end}{after}"
    return text


class TestTheDocsShowTheShippedData:
    def test_docs_frameworks_md_matches_the_data_files(self) -> None:
        text = DOCS.read_text("utf-8")
        expected = _docs_with_regions(text)
        if os.environ.get("CLAC_UPDATE_DOCS") == "1":  # regenerate: CLAC_UPDATE_DOCS=1 pytest …
            DOCS.write_text(expected, encoding="utf-8")
        assert text == expected, "run CLAC_UPDATE_DOCS=1 pytest tests/test_treaty_facts.py"

    def test_the_opsc_table_shows_the_states_that_took_no_action(self) -> None:
        block = _region_block("opsc")
        assert "| Trinidad and Tobago (TT) | — | — | — | no action: 2022-05-29 [datalab]" in block


class TestClacGapsShowsWhereShippedFactsComeFrom:
    def test_markdown_lists_the_sources_with_the_day_read(self) -> None:
        result = CliRunner().invoke(cli, ["gaps", "-f", "opsc", "--all-countries"])
        assert result.exit_code == 0, result.output
        assert "### Treaty facts shipped with clac" in result.output
        assert "<https://verdragen.nl/en/Treaty/Details/009290_w> (2026-12-06; medium-high)" in (
            result.output
        )
        assert "entry into force derived from the treaty's rule: 18" in result.output

    def test_json_carries_every_cells_evidence_and_its_sources(self, tmp_path: Path) -> None:
        out = tmp_path / "gaps.json"
        result = CliRunner().invoke(
            cli, ["gaps", "-f", "budapest", "--countries", "CL", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        rows = {r["item"]: r for r in json.loads(out.read_text("utf-8"))["evidence"]}
        assert rows["signed"]["shipped"] is True
        assert "signature is not required" in rows["signed"]["note"]
        assert rows["in-force"]["sources"][0]["retrieved"] == "2026-12-06"


class TestImportIntoARegistryThatAlreadySpeaks:
    def test_a_row_contradicting_the_registry_names_both_places(self, tmp_path: Path) -> None:
        registry = tmp_path / "reg.yaml"
        registry.write_text(
            "clac: 1\nname: R\nassessments:\n"
            "  - {country: MX, framework: opsc, item: signed, outcome: met, date: 2000,"
            " source: s}\n",
            encoding="utf-8",
        )
        before = registry.read_bytes()
        rows = tmp_path / "rows.csv"
        rows.write_text(
            "framework,country,item,status,date,source\nopsc,MX,signed,not-met,2000,s\n",
            encoding="utf-8",
        )
        result = CliRunner().invoke(cli, ["evidence", "import", str(rows), "--into", str(registry)])
        assert result.exit_code == 2
        assert f"{rows}:2" in result.output
        assert "assessments[0]" in result.output
        assert registry.read_bytes() == before

    def test_another_source_for_the_same_fact_is_added(self, tmp_path: Path) -> None:
        registry = tmp_path / "reg.yaml"
        registry.write_text(
            "clac: 1\nname: R\nassessments:\n"
            "  - {country: MX, framework: opsc, item: signed, outcome: met, date: 2000,"
            " source: s}\n",
            encoding="utf-8",
        )
        rows = tmp_path / "rows.csv"
        rows.write_text(
            "framework,country,item,status,date,source\nopsc,MX,signed,met,2000,t\n",
            encoding="utf-8",
        )
        result = CliRunner().invoke(cli, ["evidence", "import", str(rows), "--into", str(registry)])
        assert result.exit_code == 0, result.output
        assert len(loads(registry.read_text("utf-8"), "yaml").assessments) == 2
