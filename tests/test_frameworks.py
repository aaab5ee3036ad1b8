"""clac.frameworks: the frameworks as data, assessments in the registry, and the gap analyses.

Hand-built registries whose answers are known, and properties: an assessment never changes an
outcome before its date; adding a member never opens a thin spot; the ICMEC verdict is exactly
"the first four criteria met".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import clac
from clac import frameworks as fw
from clac.charter import Sector
from clac.cli import cli
from clac.errors import CrossReferenceError, InvalidData, UnknownReference
from clac.model import (
    CountryAssessment,
    LegislativeAdvance,
    Member,
    Organization,
    Outcome,
    Policy,
    PolicyKind,
    QuarterlyReport,
    Scope,
    WorkingGroup,
)
from clac.registry import Coalition
from clac.text import Text

DAY = date(2026, 6, 30)


def assessment(
    country: str = "GT",
    framework: str = "mnr",
    item: str = "hotline",
    outcome: Outcome | str = Outcome.NOT_MET,
    day: date = date(2025, 1, 1),
    **changes: Any,
) -> CountryAssessment:
    return CountryAssessment(
        country=country,
        framework=framework,
        item=item,
        outcome=Outcome(outcome),
        date=day,
        source="test fixture",
        **changes,
    )


def org(
    id_: str, sector: Sector, countries: tuple[str, ...], scope: Scope = Scope.NATIONAL
) -> Organization:
    return Organization(id=id_, name=id_.title(), sector=sector, countries=countries, scope=scope)


def registry(
    assessments: tuple[CountryAssessment, ...] = (),
    organizations: tuple[Organization, ...] = (),
    reports: tuple[QuarterlyReport, ...] = (),
) -> Coalition:
    """A coalition with the frameworks' references checked (as a command checks them)."""
    groups = {r.working_group for r in reports}
    return fw.check_references(
        Coalition(
            name="Test",
            organizations=organizations,
            members=tuple(
                Member(organization=o.id, joined=date(2020, 1, 1)) for o in organizations
            ),
            working_groups=tuple(
                WorkingGroup(id=g, name=Text(g, g), formed=date(2020, 1, 1)) for g in sorted(groups)
            ),
            reports=reports,
            assessments=assessments,
        )
    )


# ------------------------------------------------------------------------- frameworks as data


class TestFrameworksAsData:
    def test_icmec_has_five_criteria_and_sufficiency_without_isp_reporting(self) -> None:
        icmec = fw.ICMEC_LEGISLATION
        assert icmec.item_ids == (
            "specific-legislation",
            "definition",
            "technology-facilitated",
            "possession",
            "isp-reporting",
        )
        assert icmec.sufficiency is not None
        assert "isp-reporting" not in icmec.sufficiency.required
        assert icmec.source.year == 2018
        assert icmec.source.edition == "9th edition"

    def test_mnr_has_21_capabilities_in_six_areas(self) -> None:
        mnr = fw.MNR
        sizes = {area.id: len(mnr.items_in(area.id)) for area in mnr.areas}
        assert sizes == {
            "policy-governance": 3,
            "criminal-justice": 4,
            "victim": 4,
            "societal": 4,
            "industry": 4,
            "media-communications": 2,
        }
        assert [item.ref.en for item in mnr.items] == [f"Capability {n}" for n in range(1, 22)]
        assert mnr.item("hotline").sectors == (Sector.HOTLINE,)
        assert mnr.source.year == 2015

    @pytest.mark.parametrize("framework", [fw.ICMEC_LEGISLATION, fw.MNR])
    def test_every_item_is_bilingual_and_has_sectors(self, framework: fw.Framework) -> None:
        for item in framework.items:
            assert item.label.en != item.label.es
            assert item.description.es.strip()
            assert item.sectors, item.id

    def test_goal_links_cover_the_eight_policy_goals_with_known_items(self) -> None:
        assert list(fw.GOAL_LINKS) == [g.id for g in clac.BASE_DOCUMENT.policy_goals]
        for link in fw.GOAL_LINKS.values():
            for ref in link.items:
                framework, item = ref.split("/")
                fw.FRAMEWORKS.get_framework(framework).item(item)
        assert fw.goals_for("mnr/hotline") == ("PG-2",)
        assert "PG-8" in fw.goals_for("mnr/takedown")
        assert fw.goals_for("mnr/child-participation") == ()

    def test_the_interpretation_is_labelled_in_both_languages(self) -> None:
        assert "interpretation" in fw.INTERPRETATION.en
        assert "interpretación" in fw.INTERPRETATION.es

    def test_unknown_item_names_the_known_ones(self) -> None:
        with pytest.raises(UnknownReference, match="'nope' is not an item of the framework 'mnr'"):
            fw.MNR.item("nope")

    def test_a_framework_refuses_repeated_items_and_unknown_areas(self) -> None:
        item = fw.MNR.items[0]
        with pytest.raises(InvalidData, match=r"items\[1\]\.id"):
            attrs.evolve(fw.MNR, items=(item, item))
        with pytest.raises(InvalidData, match=r"items\[0\]\.area"):
            attrs.evolve(fw.MNR, areas=())
        with pytest.raises(InvalidData, match=r"sufficiency\.required\[0\]"):
            attrs.evolve(
                fw.ICMEC_LEGISLATION,
                sufficiency=fw.Sufficiency(("nope",), Text("x", "x")),
            )


class TestCatalogue:
    def test_builtins_first_then_the_plugin(self) -> None:
        assert list(fw.FRAMEWORKS)[:2] == ["icmec-legislation", "mnr"]
        assert "chapter-checklist" in fw.FRAMEWORKS  # tests/plugin, through the entry point
        assert fw.FRAMEWORKS.errors == ()

    def test_unknown_framework_lists_the_choices(self) -> None:
        with pytest.raises(UnknownReference, match="'nope' is not a framework clac knows"):
            fw.FRAMEWORKS.get_framework("nope")

    def test_register_and_unregister_at_run_time(self) -> None:
        mine = attrs.evolve(fw.MNR, id="my-mnr")
        assert fw.FRAMEWORKS.register(mine) is mine
        try:
            assert fw.FRAMEWORKS["my-mnr"] is mine
            with pytest.raises(InvalidData, match="already a framework id"):
                fw.FRAMEWORKS.register(mine)
            c = registry((assessment(framework="my-mnr"),))
            assert fw.matrix(c, "my-mnr", as_of=DAY).outcome("GT", "hotline") is Outcome.NOT_MET
        finally:
            fw.FRAMEWORKS.unregister("my-mnr")
        assert "my-mnr" not in fw.FRAMEWORKS
        with pytest.raises(UnknownReference):
            fw.FRAMEWORKS.unregister("mnr")
        with pytest.raises(InvalidData):
            fw.FRAMEWORKS.register("mnr")  # type: ignore[arg-type]


# --------------------------------------------------------------------- the registry side


class TestRegistry:
    def test_unknown_frameworks_and_items_are_cross_reference_errors(self) -> None:
        with pytest.raises(CrossReferenceError) as caught:
            registry((assessment(framework="nope"), assessment(item="nope")))
        message = str(caught.value)
        assert "assessments[0].framework: 'nope' is not a framework clac knows" in message
        assert "assessments[1].item: 'nope' is not an item of the framework 'mnr'" in message

    def test_the_registry_itself_refuses_duplicates_without_knowing_the_frameworks(self) -> None:
        with pytest.raises(CrossReferenceError) as caught:
            Coalition(name="T", assessments=(assessment(), assessment(outcome="met")))
        assert "assessments[1]: ['GT', 'mnr', 'hotline', '2025-01-01', " in str(caught.value)
        assert "repeats assessments[0]" in str(caught.value)
        Coalition(name="T", assessments=(assessment(framework="defined-elsewhere"),))

    def test_an_outcome_the_framework_does_not_allow_is_refused(self) -> None:
        with pytest.raises(CrossReferenceError, match="is not an outcome of the framework"):
            registry((assessment(framework="budapest", item="in-force", outcome="partly-met"),))

    def test_an_advance_must_cite_known_items(self) -> None:
        report = QuarterlyReport(
            working_group="wg",
            year=2025,
            quarter=1,
            legislative_advances=(
                LegislativeAdvance(
                    country="GT",
                    instrument="Law",
                    date=date(2025, 2, 1),
                    description="x",
                    criteria=("mnr/nope", "other/hotline"),
                ),
            ),
        )
        with pytest.raises(CrossReferenceError) as caught:
            registry(reports=(report,))
        message = str(caught.value)
        assert "legislative_advances[0].criteria[0]: 'mnr/nope' is not an item" in message
        assert "criteria[1]: 'other/hotline' names no framework clac knows" in message

    def test_an_advance_with_an_outcome_names_its_criteria(self) -> None:
        with pytest.raises(InvalidData, match="criteria: an advance with an outcome names"):
            LegislativeAdvance(
                country="GT", instrument="Law", date=DAY, description="x", outcome="met"
            )
        with pytest.raises(InvalidData, match=r"criteria\[0\]: 'hotline' is not a framework"):
            LegislativeAdvance(
                country="GT", instrument="Law", date=DAY, description="x", criteria=("hotline",)
            )

    def test_assessment_fields_are_validated(self) -> None:
        with pytest.raises(InvalidData, match="country: 'XX' is not an ISO 3166-1"):
            assessment(country="XX")
        with pytest.raises(InvalidData, match="outcome: 'great'"):
            CountryAssessment(
                country="GT", framework="mnr", item="hotline", outcome="great",
                date=DAY, source="s",
            )  # fmt: skip
        assert assessment(country="gt").country == "GT"
        assert assessment().ref == "mnr/hotline"

    @pytest.mark.parametrize("file_format", ["yaml", "json", "toml"])
    def test_assessments_and_citing_advances_round_trip(self, file_format: str) -> None:
        c = clac.demo()
        again = clac.loads(clac.dumps(c, file_format), file_format)
        assert again.assessments == c.assessments
        assert [r.legislative_advances for r in again.reports] == [
            r.legislative_advances for r in c.reports
        ]

    def test_the_demo_marks_every_assessment_and_advance_illustrative(self) -> None:
        c = clac.demo()
        assert c.assessments
        assert all(a.illustrative for a in c.assessments)
        assert all(a.illustrative for r in c.reports for a in r.legislative_advances)
        assert "ILLUSTRATIVE ONLY" in clac.demo_text()


# ------------------------------------------------------------------------------ the matrix


class TestMatrix:
    def test_latest_evidence_on_or_before_the_day_decides(self) -> None:
        c = registry(
            (
                assessment(outcome="not-met", day=date(2020, 1, 1)),
                assessment(outcome="partly-met", day=date(2023, 1, 1)),
                assessment(outcome="met", day=date(2027, 1, 1)),
            )
        )
        assert fw.matrix(c, "mnr", as_of=date(2019, 12, 31)).outcome("GT", "hotline") is (
            Outcome.UNKNOWN
        )
        assert fw.matrix(c, "mnr", as_of=date(2020, 1, 1)).outcome("GT", "hotline") is (
            Outcome.NOT_MET
        )
        cell = fw.matrix(c, "mnr", as_of=DAY).cell("GT", "hotline")
        assert cell.outcome is Outcome.PARTLY_MET
        assert cell.evidence is not None
        assert cell.evidence.date == date(2023, 1, 1)

    def test_a_citing_advance_assesses_and_an_assessment_outranks_it_on_the_same_day(
        self,
    ) -> None:
        advance = LegislativeAdvance(
            country="GT",
            instrument="Ley 1",
            date=date(2025, 2, 1),
            description="Possession criminalised",
            criteria=("icmec-legislation/possession",),
            outcome="met",
        )
        report = QuarterlyReport(
            working_group="wg", year=2025, quarter=1, legislative_advances=(advance,)
        )
        c = registry(reports=(report,))
        cell = fw.matrix(c, "icmec-legislation", as_of=DAY).cell("GT", "possession")
        assert cell.outcome is Outcome.MET
        assert cell.evidence is not None
        assert cell.evidence.report == ("wg", 2025, 1)
        same_day = assessment(
            framework="icmec-legislation", item="possession", outcome="partly-met",
            day=date(2025, 2, 1),
        )  # fmt: skip
        c = registry((same_day,), reports=(report,))
        assert fw.matrix(c, "icmec-legislation", as_of=DAY).outcome("GT", "possession") is (
            Outcome.PARTLY_MET
        )

    def test_counts_and_icmec_verdicts(self) -> None:
        four = ("specific-legislation", "definition", "technology-facilitated", "possession")
        entries = [assessment("BR", "icmec-legislation", item, "met") for item in four]
        entries += [assessment("BR", "icmec-legislation", "isp-reporting", "not-met")]
        entries += [assessment("MX", "icmec-legislation", item, "met") for item in four[:3]]
        entries += [assessment("AR", "icmec-legislation", "possession", "partly-met")]
        m = fw.matrix(registry(tuple(entries)), "icmec-legislation", as_of=DAY)
        assert m.verdict("BR") is fw.Verdict.SUFFICIENT  # all but ISP reporting
        assert m.verdict("MX") is fw.Verdict.UNDETERMINED  # possession unknown
        assert m.verdict("AR") is fw.Verdict.INSUFFICIENT
        assert m.country_counts("BR") == fw.OutcomeCounts(met=4, not_met=1)
        assert m.item_counts("possession").met == 1
        assert m.item_counts("possession").partly_met == 1
        assert m.item_counts("possession").total == len(clac.countries.LATIN_AMERICA_AND_CARIBBEAN)
        assert m.assessed_countries == ("MX", "AR", "BR")
        assert not m.illustrative
        assert fw.matrix(registry(), "mnr", as_of=DAY).verdicts == {}

    def test_countries_are_checked_and_restricted(self) -> None:
        c = registry((assessment(),))
        m = fw.matrix(c, "mnr", as_of=DAY, countries=["gt", "BR", "GT"])
        assert m.countries == ("GT", "BR")
        with pytest.raises(InvalidData, match=r"countries\[1\]: 'XX'"):
            fw.matrix(c, "mnr", as_of=DAY, countries=["GT", "XX"])
        with pytest.raises(InvalidData, match="countries: 'GT' must be a list"):
            fw.matrix(c, "mnr", as_of=DAY, countries="GT")
        with pytest.raises(InvalidData, match="country: 'AR' is not a country of this matrix"):
            m.cell("AR", "hotline")
        with pytest.raises(UnknownReference):
            m.cell("GT", "nope")
        assert m.restricted_to(["BR"]).countries == ("BR",)
        with pytest.raises(InvalidData, match="as_of: '2026-01-01' must be a date"):
            fw.matrix(c, "mnr", as_of="2026-01-01")  # type: ignore[arg-type]

    def test_rows_dataframe_and_markdown_in_spanish(self) -> None:
        c = clac.demo()
        m = fw.matrix(c, "icmec-legislation", as_of=clac.DEMO_AS_OF, countries=["BR", "GT"])
        rows = m.to_rows("es")
        assert rows[0]["name"] == "Brasil"
        assert list(rows[0]) == list(m.columns)
        frame = m.to_dataframe()
        assert frame.loc["GT", "possession"] == "not-met"
        text = fw.matrix_markdown(m, "es")
        assert "Datos ilustrativos" in text
        assert "Criterio 4: Posesión a sabiendas" in text
        assert "| Brasil (BR) | ✓ | ✓ | ✓ | ✓ |" in text
        html = m._repr_html_()
        assert "<table>" in html
        assert "Illustrative data" in html

    def test_heat_map_figure_and_files(self, tmp_path: Path) -> None:
        m = fw.matrix(clac.demo(), "icmec-legislation", as_of=clac.DEMO_AS_OF)
        m = m.restricted_to(m.assessed_countries)
        figure = m.heatmap("es")
        ax = figure.axes[0]
        assert next(t.get_text() for t in ax.get_yticklabels()).endswith("(DO)")
        assert "DATOS ILUSTRATIVOS" in figure.texts[0].get_text()
        written = fw.write_heatmap(m, tmp_path / "map.png")
        assert written.read_bytes().startswith(b"\x89PNG")
        assert b"<svg" in fw.heatmap_bytes(m, image_format="svg")
        with pytest.raises(InvalidData, match=r"must end in \.png or \.svg"):
            fw.write_heatmap(m, tmp_path / "map.gif")
        assert not (tmp_path / "map.gif").exists()


# ------------------------------------------------------------------------------ trends


class TestTrends:
    def report(self, quarter: int, *advances: LegislativeAdvance, **parts: Any) -> QuarterlyReport:
        return QuarterlyReport(
            working_group="wg", year=2025, quarter=quarter, legislative_advances=advances, **parts
        )

    def test_changes_between_two_dates_with_their_precursors(self) -> None:
        citing = LegislativeAdvance(
            country="GT",
            instrument="Ley 2",
            date=date(2025, 5, 10),
            description="ISPs must report",
            criteria=("icmec-legislation/isp-reporting",),
        )
        elsewhere = attrs.evolve(citing, country="MX", criteria=())
        policy = Policy(
            description="Protocol for ISP notices", kind=PolicyKind.IN_COUNTRY,
            goals=("PG-8",), country="GT",
        )  # fmt: skip
        unrelated = attrs.evolve(policy, goals=("PG-6",))
        reports = (
            self.report(2, citing, elsewhere, policies=(policy, unrelated)),
            self.report(4),
        )
        c = registry(
            (
                assessment("GT", "icmec-legislation", "isp-reporting", "not-met", date(2024, 1, 1)),
                assessment("GT", "icmec-legislation", "isp-reporting", "met", date(2025, 8, 1)),
                assessment("GT", "icmec-legislation", "definition", "met", date(2025, 9, 1)),
                assessment("GT", "icmec-legislation", "definition", "met", date(2025, 10, 1)),
            ),
            reports=reports,
        )
        trend = fw.trends(c, "icmec-legislation", start=date(2025, 1, 1), end=date(2025, 12, 31))
        assert [(x.item, x.before, x.after) for x in trend.changes] == [
            ("isp-reporting", Outcome.NOT_MET, Outcome.MET),
            ("definition", Outcome.UNKNOWN, Outcome.MET),
        ]
        improved = trend.changes[0]
        assert improved.direction is fw.Direction.IMPROVED
        assert trend.changes[1].direction is fw.Direction.FIRST_ASSESSED
        kinds = [(p.kind, p.cites_item, p.description) for p in improved.preceded_by]
        assert kinds == [
            (fw.PrecursorKind.LEGISLATIVE_ADVANCE, True, "Ley 2: ISPs must report"),
            (fw.PrecursorKind.POLICY, False, "Protocol for ISP notices"),
        ]
        text = fw.trend_markdown(trend, "es")
        assert "no cumple → cumple (mejoró)" in text
        assert "avance legislativo (wg 2025-Q2, cita este ítem)" in text

    def test_net_ignores_a_return_to_the_start(self) -> None:
        c = registry(
            (
                assessment(outcome="met", day=date(2024, 1, 1)),
                assessment(outcome="not-met", day=date(2025, 2, 1)),
                assessment(outcome="met", day=date(2025, 3, 1)),
                assessment(item="education", outcome="met", day=date(2025, 3, 1)),
            )
        )
        trend = fw.trends(c, "mnr", start=date(2025, 1, 1), end=DAY)
        assert len(trend.changes) == 3
        assert [(x.item, x.before, x.after) for x in trend.net()] == [
            ("education", Outcome.UNKNOWN, Outcome.MET)
        ]
        assert len(trend.by_direction(fw.Direction.WORSENED)) == 1
        only_br = fw.trends(c, "mnr", start=date(2025, 1, 1), end=DAY, countries=["BR"])
        assert only_br.changes == ()

    def test_bad_periods(self) -> None:
        with pytest.raises(InvalidData, match=r"end: .* is before the start"):
            fw.trends(registry(), "mnr", start=DAY, end=date(2020, 1, 1))
        with pytest.raises(InvalidData, match="start: None must be a date"):
            fw.trends(registry(), "mnr", start=None, end=DAY)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- thin spots


class TestThinSpots:
    def test_a_gap_without_a_national_member_of_the_needed_sector(self) -> None:
        c = registry(
            (
                assessment("GT", item="hotline", outcome="not-met"),
                assessment("BR", item="hotline", outcome="partly-met"),
                assessment("CO", item="hotline", outcome="not-met"),
                assessment("MX", item="hotline", outcome="met"),
            ),
            organizations=(
                org("hotline-br", Sector.HOTLINE, ("BR",)),
                org("ngo-co", Sector.NGO, ("CO",)),
                org("network", Sector.HOTLINE, ("CO", "GT"), scope=Scope.REGIONAL),
            ),
        )
        spots = fw.thin_spots(c, "mnr", as_of=DAY)
        assert [(s.country, s.item, s.regional) for s in spots] == [
            ("GT", "hotline", ("network",)),
            ("CO", "hotline", ("network",)),
        ]
        assert spots.countries == ("GT", "CO")
        assert len(fw.thin_spots(c, "mnr", as_of=DAY, include_unknown=True)) > len(spots)
        assert fw.thin_spots(c, "mnr", as_of=DAY, countries=["BR"]).spots == ()
        text = fw.thin_markdown(spots, "es")
        assert (
            "| Guatemala (GT) | Línea de denuncia de ESNNA | no cumple | Líneas de Denuncia |"
            in (text)
        )
        assert spots.to_dataframe().loc[0, "sectors_needed"] == "hotline"

    def test_a_built_matrix_can_be_reused_and_as_of_is_required(self) -> None:
        c = registry((assessment(),))
        grid = fw.matrix(c, "mnr", as_of=DAY)
        assert len(fw.thin_spots(c, grid)) == 1
        with pytest.raises(InvalidData, match="as_of"):
            fw.thin_spots(c, grid, as_of=date(2020, 1, 1))
        with pytest.raises(InvalidData, match="as_of: None is required"):
            fw.thin_spots(c, "mnr")

    def test_the_demo_has_a_thin_spot_where_it_has_no_hotline(self) -> None:
        spots = fw.thin_spots(clac.demo(), "mnr", as_of=clac.DEMO_AS_OF)
        assert spots.illustrative
        assert ("GT", "hotline") in {(s.country, s.item) for s in spots}
        brazil_has_one = ("BR", "hotline") not in {(s.country, s.item) for s in spots}
        assert brazil_has_one  # the demo's Brazilian hotline (rede-segura)


# ---------------------------------------------------------------------------- properties

COUNTRIES = ("AR", "BR", "CL", "GT", "MX")
ITEMS = (*fw.MNR.item_ids[:6], "hotline", "takedown")


@st.composite
def assessments(draw: st.DrawFn, *, max_size: int = 12) -> tuple[CountryAssessment, ...]:
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(COUNTRIES),
                st.sampled_from(ITEMS),
                st.dates(date(2018, 1, 1), date(2028, 12, 31)),
            ),
            max_size=max_size,
            unique=True,
        )
    )
    return tuple(
        assessment(country, "mnr", item, draw(st.sampled_from(list(Outcome))), day)
        for country, item, day in keys
    )


@st.composite
def organizations(draw: st.DrawFn) -> tuple[Organization, ...]:
    count = draw(st.integers(0, 4))
    found = []
    for i in range(count):
        scope = draw(st.sampled_from(list(Scope)))
        most = 1 if scope is Scope.NATIONAL else 3  # a national organization has one country
        where = draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=most, unique=True))
        found.append(org(f"org-{i}", draw(st.sampled_from(list(Sector))), tuple(where), scope))
    return tuple(found)


def cells(c: Coalition, day: date) -> dict[tuple[str, str], Outcome]:
    m = fw.matrix(c, "mnr", as_of=day, countries=COUNTRIES)
    return {(x.country, x.item): x.outcome for x in m.cells}


class TestProperties:
    @given(assessments(), st.data())
    def test_an_assessment_never_changes_outcomes_before_its_date(
        self, entries: tuple[CountryAssessment, ...], data: st.DataObject
    ) -> None:
        base = registry(entries)
        used = {(a.country, a.item, a.date) for a in entries}
        new_day = data.draw(st.dates(date(2018, 1, 2), date(2028, 12, 31)))
        country, item = data.draw(st.sampled_from(COUNTRIES)), data.draw(st.sampled_from(ITEMS))
        if (country, item, new_day) in used:
            return
        added = registry((*entries, assessment(country, "mnr", item, Outcome.MET, new_day)))
        before = new_day - timedelta(days=1)
        assert cells(added, before) == cells(base, before)
        assert cells(added, new_day)[(country, item)] is Outcome.MET

    @given(assessments(), organizations(), organizations())
    @settings(max_examples=60)
    def test_adding_members_never_opens_a_thin_spot(
        self,
        entries: tuple[CountryAssessment, ...],
        first: tuple[Organization, ...],
        more: tuple[Organization, ...],
    ) -> None:
        more = tuple(attrs.evolve(o, id=f"more-{o.id}") for o in more)
        before = registry(entries, first)
        after = registry(entries, first + more)
        spots = {(s.country, s.item) for s in fw.thin_spots(before, "mnr", as_of=DAY)}
        widened = {(s.country, s.item) for s in fw.thin_spots(after, "mnr", as_of=DAY)}
        assert widened <= spots

    @given(
        st.fixed_dictionaries(
            {i: st.sampled_from(list(Outcome)) for i in fw.ICMEC_LEGISLATION.item_ids}
        )
    )
    def test_icmec_sufficient_exactly_when_the_first_four_are_met(
        self, outcomes: dict[str, Outcome]
    ) -> None:
        rule = fw.ICMEC_LEGISLATION.sufficiency
        assert rule is not None
        verdict = rule.verdict(outcomes)
        first_four = [outcomes[i] for i in fw.ICMEC_LEGISLATION.item_ids[:4]]
        assert (verdict is fw.Verdict.SUFFICIENT) == all(o is Outcome.MET for o in first_four)
        assert (verdict is fw.Verdict.INSUFFICIENT) == any(
            o in (Outcome.NOT_MET, Outcome.PARTLY_MET) for o in first_four
        )

    @given(assessments())
    def test_counts_add_up(self, entries: tuple[CountryAssessment, ...]) -> None:
        m = fw.matrix(registry(entries), "mnr", as_of=DAY, countries=COUNTRIES)
        for country in COUNTRIES:
            assert m.country_counts(country).total == len(fw.MNR.items)
        per_item = sum(m.item_counts(i).assessed for i in fw.MNR.item_ids)
        per_country = sum(m.country_counts(c).assessed for c in COUNTRIES)
        assert per_item == per_country


# ------------------------------------------------------------------------------------ CLI


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


class TestCli:
    def test_markdown_on_the_demo_in_spanish_with_a_trend(self) -> None:
        result = run("gaps", "--framework", "mnr", "--since", "2022-01-01", "--lang", "es")
        assert result.exit_code == 0, result.output
        assert "## Matriz regional: MRN de WeProtect (al 2026-11-01)" in result.output
        assert "## Puntos débiles" in result.output
        assert "## Cambios del 2022-01-01 al 2026-11-01" in result.output
        assert "Datos ilustrativos" in result.output

    @pytest.mark.parametrize("suffix", ["md", "json", "csv", "png", "svg"])
    def test_outputs_by_suffix(self, tmp_path: Path, suffix: str) -> None:
        target = tmp_path / f"gaps.{suffix}"
        result = run("gaps", "--countries", "BR,GT", "--since", "2020-01-01", "-o", str(target))
        assert result.exit_code == 0, result.output
        data = target.read_bytes()
        if suffix == "json":
            loaded = json.loads(data)
            assert loaded["illustrative"] is True
            assert [r["country"] for r in loaded["matrix"]] == ["BR", "GT"]
            assert "trend" in loaded
        elif suffix == "csv":
            assert data.decode().splitlines()[0].startswith("country,name,specific-legislation")
        elif suffix == "png":
            assert data.startswith(b"\x89PNG")

    def test_a_registry_file_and_a_plugin_framework(self, tmp_path: Path) -> None:
        c = registry((assessment("BO", "chapter-checklist", "helpline-hours", "met"),))
        path = tmp_path / "r.yaml"
        clac.dump(c, path)
        result = run("gaps", str(path), "-f", "chapter-checklist", "--as-of", "2026-01-01")
        assert result.exit_code == 0, result.output
        assert "| Bolivia (BO) | ✓ | ? | 1 | 0 | 0 | 1 | sufficient |" in result.output

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["-f", "nope"], "framework: 'nope' is not a framework clac knows"),
            (["--countries", "BR,XX"], "countries[1]: 'XX' is not an ISO 3166-1"),
            (["-o", "out.gif"], "unsupported suffix '.gif'"),
            (["--countries", "BR", "--all-countries"], "cannot be used together"),
            (["--since", "2030-01-01"], "is before the start"),
        ],
    )
    def test_bad_input_is_one_line_and_exit_2(
        self, tmp_path: Path, args: list[str], message: str
    ) -> None:
        result = run("gaps", *[str(tmp_path / a) if a == "out.gif" else a for a in args])
        assert result.exit_code == 2
        assert message in result.output
        assert "Traceback" not in result.output
        assert not list(tmp_path.iterdir())

    def test_listed_in_help(self) -> None:
        assert "gaps" in run("--help").output


def test_every_public_name_is_exported() -> None:
    public = {n for n in dir(fw) if not n.startswith("_")}
    assert set(fw.__all__) <= public
    assert fw.__all__ == sorted(fw.__all__, key=lambda n: (not n.isupper(), n))


@pytest.fixture(autouse=True)
def _no_leftover_registrations() -> Iterator[None]:
    yield
    assert "my-mnr" not in fw.FRAMEWORKS


class TestBrokenFrameworkPlugins:
    """A framework plugin that fails is reported in ``FRAMEWORKS.errors``; the rest still work."""

    @pytest.fixture
    def plugins(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
        def use(*values: str) -> None:
            points = [
                EntryPoint(name=f"fake-{i}", value=v, group=fw.ENTRY_POINT_GROUP)
                for i, v in enumerate(values)
            ]
            monkeypatch.setattr(
                "clac._plugins.entry_points",
                lambda *, group: points if group == fw.ENTRY_POINT_GROUP else [],
            )
            monkeypatch.setattr("clac._plugins.may_declare", lambda group: True)
            fw.FRAMEWORKS.reload()

        yield use
        monkeypatch.undo()
        fw.FRAMEWORKS.reload()

    def test_import_failures_wrong_objects_and_repeated_ids(
        self, plugins: Callable[..., None]
    ) -> None:
        plugins(
            "clac_no_such_plugin:FRAMEWORK",
            "clac.frameworks:GOAL_LINKS",
            "clac.frameworks:MNR",
            "clac_plugin_example.frameworks:FRAMEWORK",
        )
        errors = fw.FRAMEWORKS.errors
        assert "clac_no_such_plugin" in errors[0]
        assert "expected a Framework, a list of Frameworks" in errors[1]
        assert "framework 'mnr' repeats an existing id" in errors[2]
        assert list(fw.FRAMEWORKS) == [
            "icmec-legislation",
            "mnr",
            "budapest",
            "lanzarote",
            "opsc",
            "chapter-checklist",
        ]


class TestNothingAssessed:
    """``clac gaps`` on a registry with no assessment for the framework says so, instead of
    listing every state as unknown and then "no thin spots"."""

    @pytest.fixture
    def starting(self, tmp_path: Path) -> Path:
        path = tmp_path / "clac.yaml"
        path.write_text(clac.starting_registry(records_since=date(2026, 12, 1)), encoding="utf-8")
        return path

    @pytest.mark.parametrize("lang", ["en", "es", "pt"])
    def test_markdown_says_no_country_is_assessed(self, starting: Path, lang: str) -> None:
        result = run("gaps", str(starting), "-f", "mnr", "--as-of", "2026-12-06", "--lang", lang)
        assert result.exit_code == 0, result.output
        words = {"en": "No country is assessed", "es": "Ningún país", "pt": "Nenhum país"}
        assert words[lang] in result.stdout
        assert "| Antigua and Barbuda" not in result.stdout
        assert "No thin spots" not in result.stdout

    def test_json_and_csv_hold_an_empty_matrix_and_say_why_on_stderr(
        self, starting: Path, tmp_path: Path
    ) -> None:
        target = tmp_path / "gaps.json"
        result = run("gaps", str(starting), "-f", "mnr", "--as-of", "2026-12-06", "-o", str(target))
        assert result.exit_code == 0, result.output
        loaded = json.loads(target.read_text(encoding="utf-8"))
        assert loaded["matrix"] == loaded["thin_spots"] == []
        assert "No country is assessed" in result.stderr
        table = tmp_path / "gaps.csv"
        assert run("gaps", str(starting), "-f", "mnr", "-o", str(table)).exit_code == 0
        assert table.read_text(encoding="utf-8").splitlines()[0].startswith("country,name,")
        assert len(table.read_text(encoding="utf-8").splitlines()) == 1

    def test_a_heat_map_of_nothing_is_refused(self, starting: Path, tmp_path: Path) -> None:
        target = tmp_path / "gaps.png"
        result = run("gaps", str(starting), "-f", "mnr", "-o", str(target))
        assert result.exit_code == 2
        assert not target.exists()

    def test_all_countries_still_lists_the_states_and_claims_no_unknown_gap(
        self, starting: Path
    ) -> None:
        result = run("gaps", str(starting), "-f", "mnr", "--all-countries")
        assert result.exit_code == 0, result.output
        assert "| Antigua and Barbuda (AG) |" in result.stdout
        assert "no known gap lacks a national member" in result.stdout
        assert "every gap has a national member" not in result.stdout
