"""Tests for clac.charter: the Base Document as data, checked against the document itself."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac.charter import (
    BASE_DOCUMENT,
    Amendment,
    Charter,
    Clause,
    Divergence,
    Parameters,
    ReportSection,
    Requirement,
    Role,
    Section,
    Sector,
    Severity,
    WorkingGroupDefinition,
    clauses_by_section,
    normalize,
    source_text,
)
from clac.errors import ClacError, InvalidData, UnknownReference
from clac.text import Language, Text

SEED_NAME = "000_71d4269f7d8363b2.txt"
REPO_ROOT = Path(__file__).resolve().parents[1]


def norm(text: str) -> str:
    """The test's own normalisation: drop markdown ``*``, collapse whitespace."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


SOURCE = source_text()
NORMALIZED_SOURCE = norm(SOURCE)
SOURCE_LINES = SOURCE.splitlines()

# -- the document's structure, read from the source text ---------------------------------------


def _heading_lines() -> dict[int, Section]:
    """Line index of every section heading (English and Spanish) -> its section."""
    found: dict[int, Section] = {}
    for section in Section:
        for heading in (section.title.en, section.title.es):
            matches = [
                i for i, line in enumerate(SOURCE_LINES) if line.strip().lower() == heading.lower()
            ]
            assert len(matches) == 1, f"heading {heading!r} found {len(matches)} times"
            found[matches[0]] = section
    return found


HEADINGS = _heading_lines()


def _section_spans() -> list[tuple[Section, list[str]]]:
    """Each language's run of lines under each heading, up to the next heading."""
    starts = sorted(HEADINGS)
    spans = []
    for start, end in zip(starts, [*starts[1:], len(SOURCE_LINES)], strict=True):
        spans.append((HEADINGS[start], SOURCE_LINES[start + 1 : end]))
    return spans


SPANS = _section_spans()
_BULLET = re.compile(r"^\s*-\s+(?:\d+\.\s+)?(.*)$")
_NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")


def _list_entries() -> list[tuple[Section, str]]:
    """Every bullet, sub-bullet and numbered entry of the document, with its section.

    In Proposed Structure a bullet may be followed by the entry's Spanish name on its own line;
    that line is an entry too.
    """
    entries = []
    for section, lines in SPANS:
        previous_was_bullet = False
        for line in lines:
            match = _BULLET.match(line) or _NUMBERED.match(line)
            if match:
                entries.append((section, norm(match.group(1))))
                previous_was_bullet = True
            elif section is Section.PROPOSED_STRUCTURE and previous_was_bullet and line.strip():
                entries.append((section, norm(line)))
                previous_was_bullet = False
            else:
                previous_was_bullet = False
    return entries


LIST_ENTRIES = _list_entries()


def _bullets_in(section: Section, language_span: int) -> int:
    """How many top-level or sub-bullets the ``language_span``-th span of ``section`` has."""
    lines = [lines for s, lines in SPANS if s is section][language_span]
    return sum(1 for line in lines if _BULLET.match(line))


def find_seed() -> Path | None:
    """The original seed file, where this checkout has it beside it."""
    for candidate in (
        Path("/work/shared/seeds") / SEED_NAME,
        REPO_ROOT.parent / "shared" / "seeds" / SEED_NAME,
        REPO_ROOT / ".." / "shared" / "seeds" / SEED_NAME,
    ):
        if candidate.is_file():
            return candidate
    return None


# -- tests ---------------------------------------------------------------------------------------


class TestSourceText:
    def test_shipped_source_is_byte_for_byte_the_seed(self) -> None:
        seed = find_seed()
        if seed is None:
            pytest.skip("the original seed is not beside this checkout")
        shipped = Path(__file__).resolve().parents[1] / "src" / "clac" / "charter"
        assert (shipped / "base_document.txt").read_bytes() == seed.read_bytes()
        assert source_text() == seed.read_text(encoding="utf-8")

    def test_source_text_is_the_bilingual_base_document(self) -> None:
        assert "BASE DOCUMENT" in SOURCE
        assert "Documento Base" in SOURCE

    def test_library_normalisation_matches_the_tests(self) -> None:
        assert normalize(SOURCE) == NORMALIZED_SOURCE


class TestClauses:
    @pytest.mark.parametrize("clause", BASE_DOCUMENT.clauses, ids=lambda c: c.id)
    def test_english_text_is_verbatim_from_the_document(self, clause: Clause) -> None:
        assert clause.text.en == norm(clause.text.en)
        assert clause.text.en in NORMALIZED_SOURCE

    @pytest.mark.parametrize("clause", BASE_DOCUMENT.clauses, ids=lambda c: c.id)
    def test_spanish_text_is_verbatim_from_the_document(self, clause: Clause) -> None:
        assert clause.text.es == norm(clause.text.es)
        assert clause.text.es in NORMALIZED_SOURCE

    @pytest.mark.parametrize("section", list(Section), ids=str)
    def test_items_of_each_section_are_numbered_from_one_without_gaps(
        self, section: Section
    ) -> None:
        items = [c.item for c in BASE_DOCUMENT.clauses_in(section)]
        assert items == list(range(1, len(items) + 1))

    def test_clauses_are_in_document_order(self) -> None:
        order = list(Section)
        keys = [(order.index(c.section), c.item) for c in BASE_DOCUMENT.clauses]
        assert keys == sorted(keys)

    def test_clause_ids_are_unique_and_stable(self) -> None:
        ids = [c.id for c in BASE_DOCUMENT.clauses]
        assert len(ids) == len(set(ids))
        assert BASE_DOCUMENT.clause(Section.MEMBERSHIP, 4).id == "membership.4"
        assert BASE_DOCUMENT.clause(Section.MEMBERSHIP, 1).text.en.startswith(
            "CLAC membership is institutional"
        )

    def test_ref_cites_section_and_item_in_each_language(self) -> None:
        clause = BASE_DOCUMENT.clause(Section.MEMBERSHIP, 4)
        assert clause.ref == "Membership, item 4"
        assert clause.ref_in(Language.ES) == "Miembros (Afiliación), ítem 4"
        assert clause.ref_in("en") == clause.ref

    def test_clause_with_item_zero_is_invalid_data_naming_the_field(self) -> None:
        with pytest.raises(InvalidData, match=r"^item: 0 must be at least 1$"):
            Clause(Section.MEMBERSHIP, 0, Text("a", "b"))

    def test_clause_with_a_string_section_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match=r"^section: "):
            Clause("membership", 1, Text("a", "b"))  # type: ignore[arg-type]

    def test_divergence_follows_only_a_language_of_the_document(self) -> None:
        with pytest.raises(InvalidData, match=r"^follows: "):
            Divergence(Text("a", "b"), Language.PT, Text("c", "d"))

    def test_a_clause_is_immutable(self) -> None:
        clause = BASE_DOCUMENT.clauses[0]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            clause.item = 2  # type: ignore[misc]


class TestSections:
    @pytest.mark.parametrize("section", list(Section), ids=str)
    def test_every_section_has_clauses(self, section: Section) -> None:
        assert BASE_DOCUMENT.clauses_in(section)
        assert clauses_by_section()[section] == BASE_DOCUMENT.clauses_in(section)

    @pytest.mark.parametrize("section", list(Section), ids=str)
    def test_section_headings_occur_in_the_document_in_both_languages(
        self, section: Section
    ) -> None:
        lines = {line.strip().lower() for line in SOURCE_LINES}
        assert section.title.en.lower() in lines
        assert section.title.es.lower() in lines

    def test_sections_map_covers_every_clause_once(self) -> None:
        sections = clauses_by_section()
        assert list(sections) == list(Section)
        assert sum(len(clauses) for clauses in sections.values()) == len(BASE_DOCUMENT.clauses)

    @pytest.mark.parametrize(
        ("section", "entry"), LIST_ENTRIES, ids=[f"{s}:{e[:40]}" for s, e in LIST_ENTRIES]
    )
    def test_every_list_entry_of_the_document_is_a_clause(
        self, section: Section, entry: str
    ) -> None:
        texts = {t for c in BASE_DOCUMENT.clauses_in(section) for t in (c.text.en, c.text.es)}
        assert entry in texts

    def test_list_entries_were_found_in_the_sections_that_have_lists(self) -> None:
        per_section = Counter(section for section, _ in LIST_ENTRIES)
        # Policy Goals: 8 bullets in each language; Membership: 6 bullets and 3 sub-bullets in
        # each language; Proposed Structure: 30 bullets and 12 Spanish second lines.
        assert per_section[Section.POLICY_GOALS] == 16
        assert per_section[Section.MEMBERSHIP] == 18
        assert per_section[Section.PROPOSED_STRUCTURE] == 42

    def test_bullet_counts_match_the_clauses(self) -> None:
        assert _bullets_in(Section.POLICY_GOALS, 0) == len(BASE_DOCUMENT.policy_goals)
        assert _bullets_in(Section.POLICY_GOALS, 1) == len(BASE_DOCUMENT.policy_goals)
        # "PROPOSED STRUCTURE" and "Estructura Propuesta" head one shared list.
        assert _bullets_in(Section.PROPOSED_STRUCTURE, 0) == 0
        assert _bullets_in(Section.PROPOSED_STRUCTURE, 1) == len(BASE_DOCUMENT.partners)
        membership_bullets = len(BASE_DOCUMENT.clauses_in(Section.MEMBERSHIP)) - 2  # lead, note
        assert _bullets_in(Section.MEMBERSHIP, 0) == membership_bullets
        assert _bullets_in(Section.MEMBERSHIP, 1) == membership_bullets

    @pytest.mark.parametrize("section", list(Section), ids=str)
    def test_every_sentence_of_each_section_is_in_some_clause(self, section: Section) -> None:
        """Removing the section's clause texts leaves only headings, footnotes and list marks."""
        headings = {
            *(s.title.en for s in Section),
            *(f"{sector.label.en} ({sector.label.es})" for sector in Sector),
            "Founding Partners/Members (Socios/Miembros Fundadores)",
            "Expected Partners (Posibles Miembros)",
        }
        texts = sorted(
            {t for c in BASE_DOCUMENT.clauses_in(section) for t in (c.text.en, c.text.es)},
            key=len,
            reverse=True,
        )
        for _, lines in (span for span in SPANS if span[0] is section):
            kept = [
                line
                for line in lines
                if not re.match(r"^[¹²³⁴]", line) and line.strip() not in headings
            ]
            rest = norm("\n".join(kept))
            for text in texts:
                rest = rest.replace(text, " ")
            assert re.fullmatch(r"[\s\-–\d.,;:]*", rest), rest


class TestTypedElements:
    def test_there_are_eight_policy_goals_in_document_order(self) -> None:
        goals = BASE_DOCUMENT.policy_goals
        assert [g.id for g in goals] == [f"PG-{n}" for n in range(1, 9)]
        assert [g.clause.item for g in goals] == list(range(2, 10))
        assert all(g.text == g.clause.text for g in goals)
        assert [g.number for g in goals] == list(range(1, 9))
        assert goals[0].short == Text("Regional gaps and trends", "Brechas y tendencias regionales")

    def test_there_are_two_objectives_and_two_principles(self) -> None:
        assert [o.id for o in BASE_DOCUMENT.objectives] == ["OBJ-1", "OBJ-2"]
        assert BASE_DOCUMENT.objective("OBJ-1").text.en.startswith("Serve as a repository")
        assert [p.id for p in BASE_DOCUMENT.principles] == ["transparency", "fairness"]
        for principle in BASE_DOCUMENT.principles:
            assert principle.name.en.lower() in principle.clause.text.en
            assert principle.name.es.lower() in principle.clause.text.es

    def test_there_are_the_four_working_groups(self) -> None:
        assert [w.id for w in BASE_DOCUMENT.working_groups] == [
            "prevention-awareness",
            "private-sector-collaboration",
            "law-enforcement-investigation",
            "latin-american-hotlines",
        ]
        group = BASE_DOCUMENT.working_group("law-enforcement-investigation")
        assert group.name.en == "Law Enforcement Investigation"
        assert "Fiscalías, Policía, Jueces" in group.name.es
        assert all(w.formed is None for w in BASE_DOCUMENT.working_groups)

    def test_there_are_four_founding_partners_with_clacs_sectors(self) -> None:
        founding = {p.id: p.sector for p in BASE_DOCUMENT.founding_partners}
        assert founding == {
            "icmec": Sector.NGO,
            "inhope": Sector.HOTLINE,
            "interpol": Sector.INTERGOVERNMENTAL,
            "red-natic": Sector.REGIONAL_NETWORK,
        }
        assert all(p.sector_is_clacs for p in BASE_DOCUMENT.founding_partners)

    def test_expected_partners_per_sector(self) -> None:
        counts = Counter(p.sector for p in BASE_DOCUMENT.expected_partners())
        assert counts == {
            Sector.PRIVATE_SECTOR: 6,
            Sector.NGO: 5,
            Sector.HOTLINE: 3,
            Sector.REGIONAL_NETWORK: 4,
            Sector.UN_AGENCY: 3,
            Sector.LAW_ENFORCEMENT: 2,
            Sector.ACADEMIC: 3,
        }
        assert len(BASE_DOCUMENT.expected_partners(Sector.HOTLINE)) == 3
        assert len(BASE_DOCUMENT.expected_partners("academic")) == 3
        assert BASE_DOCUMENT.expected_partners(Sector.GOVERNMENT) == ()
        assert not any(p.sector_is_clacs for p in BASE_DOCUMENT.expected_partners())

    def test_partner_names_are_the_entries_as_listed(self) -> None:
        unicef = BASE_DOCUMENT.partner("unicef-lacro")
        assert unicef.name.en == "UNICEF LACRO (UNICEF Latin America & Caribbean Regional Office)"
        assert unicef.name.es.startswith("UNICEF LACRO (la Oficina Regional")
        assert BASE_DOCUMENT.partner("facebook").name == Text("Facebook", "Facebook")
        for partner in BASE_DOCUMENT.partners:
            assert partner.name == partner.clause.text

    def test_generic_entries_are_kinds_of_organisation(self) -> None:
        generic = {p.id for p in BASE_DOCUMENT.partners if p.generic}
        assert generic == {
            "cybercrime-groups",
            "other-law-enforcement",
            "universities",
            "professional-associations",
            "research-groups",
        }

    def test_partner_ids_named_in_the_design_exist(self) -> None:
        for partner_id in (
            "icmec",
            "inhope",
            "interpol",
            "red-natic",
            "facebook",
            "red-papaz-te-protejo",
            "rcpi-peru",
            "icann-latin-america",
            "unicef-lacro",
            "unodc",
            "cybercrime-groups",
            "universities",
        ):
            assert BASE_DOCUMENT.partner(partner_id).id == partner_id

    def test_roles_secretariat_chair_and_anticipated_steering_committee(self) -> None:
        assert [r.role for r in BASE_DOCUMENT.roles] == list(Role)
        chair = BASE_DOCUMENT.role(Role.CHAIR)
        assert chair.holder.en == "A representative of ICMEC LAC"
        assert chair.holder_organization == "icmec"
        assert BASE_DOCUMENT.role("secretariat").holder == Text("ICMEC", "ICMEC")
        steering = BASE_DOCUMENT.role(Role.STEERING_COMMITTEE)
        assert steering.anticipated
        assert steering.holder_organization is None
        assert not chair.anticipated
        assert "Steering Committee is anticipated" in steering.clause.text.en

    def test_report_sections_are_the_three_numbered_reporting_items(self) -> None:
        items = {s: BASE_DOCUMENT.report_section(s).item for s in ReportSection}
        assert items == {
            ReportSection.ACTIVITIES: 3,
            ReportSection.POLICIES: 4,
            ReportSection.LEGISLATIVE_ADVANCES: 5,
        }
        assert all(c.section is Section.REPORTING for c in BASE_DOCUMENT.report_sections.values())
        assert BASE_DOCUMENT.report_section("policies").text.en.startswith("Any policy")

    def test_membership_requirements_and_their_severities(self) -> None:
        severities = {r.id: r.severity for r in BASE_DOCUMENT.requirements}
        assert severities == {
            "institutional": Severity.REQUIRED,
            "track-record": Severity.EXPECTED,
            "written-subscription": Severity.EXPECTED,
            "listed-in-materials": Severity.EXPECTED,
            "representative": Severity.EXPECTED,
            "representative-middle-level": Severity.EXPECTED,
            "meetings": Severity.EXPECTED,
            "working-groups": Severity.EXPECTED,
            "expertise": Severity.ENCOURAGED,
            "outreach": Severity.ENCOURAGED,
            "support": Severity.ENCOURAGED,
            "financial-contributions": Severity.ENCOURAGED,
        }
        for requirement in BASE_DOCUMENT.requirements:
            assert requirement.clause.section is Section.MEMBERSHIP
            assert requirement.condition_of_membership is (
                requirement.severity is not Severity.ENCOURAGED
            )
        assert not BASE_DOCUMENT.requirement("financial-contributions").condition_of_membership

    @pytest.mark.parametrize("requirement", BASE_DOCUMENT.requirements, ids=lambda r: r.id)
    def test_requirement_text_quotes_the_document(self, requirement: Requirement) -> None:
        text = requirement.text
        assert text.es in NORMALIZED_SOURCE
        if requirement.id != "representative-middle-level":  # English is clac's translation
            assert text.en in NORMALIZED_SOURCE

    def test_middle_level_requirement_comes_from_the_spanish_only(self) -> None:
        requirement = BASE_DOCUMENT.requirement("representative-middle-level")
        assert requirement.clause.divergence is not None
        assert requirement.clause.divergence.follows is Language.ES
        assert "nivel medio" in requirement.text.es
        assert "middle" not in requirement.clause.text.en


class TestDivergences:
    def _divergence(self, section: Section, item: int) -> Divergence:
        divergence = BASE_DOCUMENT.clause(section, item).divergence
        assert divergence is not None, f"{section}.{item} has no divergence"
        return divergence

    def test_spanish_middle_level_representative(self) -> None:
        divergence = self._divergence(Section.MEMBERSHIP, 5)
        assert divergence.follows is Language.ES
        assert "nivel medio dentro de su organización" in divergence.summary.en

    def test_spanish_spells_out_law_enforcement_bodies(self) -> None:
        group = self._divergence(Section.STRUCTURE_AND_GOVERNANCE, 8)
        assert "Fiscalías, Policía, Jueces" in group.summary.en
        intro = self._divergence(Section.INTRODUCTION, 1)
        assert "policía, fiscales y jueces" in intro.summary.en
        assert group.follows is intro.follows is Language.ES

    def test_strategic_plan_cycle(self) -> None:
        divergence = self._divergence(Section.STRUCTURE_AND_GOVERNANCE, 15)
        assert "cada cinco años" in divergence.summary.en
        assert "for the next five years" in divergence.summary.en

    def test_requested_versus_must_follows_the_english(self) -> None:
        divergence = self._divergence(Section.MEMBERSHIP, 1)
        assert divergence.follows is Language.EN
        assert "requested" in divergence.summary.en
        assert "deben" in divergence.summary.en

    def test_all_countries_versus_the_majority(self) -> None:
        divergence = self._divergence(Section.INTRODUCTION, 7)
        assert "todos los países" in divergence.summary.en
        assert divergence.follows is Language.EN

    def test_voluntary_contributions_and_child_pornography(self) -> None:
        assert "voluntario" in self._divergence(Section.MEMBERSHIP, 11).summary.en
        pg8 = BASE_DOCUMENT.policy_goal("PG-8").clause.divergence
        assert pg8 is not None
        assert "pornografía infantil" in pg8.summary.en

    def test_every_divergence_is_explained_in_both_languages(self) -> None:
        assert len(BASE_DOCUMENT.divergences) >= 8
        for clause in BASE_DOCUMENT.divergences:
            assert clause.divergence is not None
            assert clause.divergence.follows in (Language.EN, Language.ES)
            assert clause.divergence.why.en != clause.divergence.why.es


class TestLookups:
    def test_unknown_policy_goal_names_path_and_value(self) -> None:
        with pytest.raises(UnknownReference) as caught:
            BASE_DOCUMENT.policy_goal("PG-9")
        assert str(caught.value) == (
            "policy_goals: 'PG-9' is not a policy goal of the Base Document (v1)"
        )
        assert caught.value.path == "policy_goals"
        assert caught.value.value == "PG-9"
        assert "Documento Base (v1)" in caught.value.message(Language.ES)

    @pytest.mark.parametrize(
        ("lookup", "path"),
        [
            (lambda: BASE_DOCUMENT.working_group("child-safety"), "working_groups"),
            (lambda: BASE_DOCUMENT.partner("acme"), "partners"),
            (lambda: BASE_DOCUMENT.requirement("acme"), "requirements"),
            (lambda: BASE_DOCUMENT.role("president"), "roles"),
            (lambda: BASE_DOCUMENT.objective("OBJ-3"), "objectives"),
            (lambda: BASE_DOCUMENT.principle("speed"), "principles"),
            (lambda: BASE_DOCUMENT.clause(Section.MEMBERSHIP, 99), "clauses"),
            (lambda: BASE_DOCUMENT.clause("nowhere", 1), "clauses"),
            (lambda: BASE_DOCUMENT.clauses_in("nowhere"), "sections"),
            (lambda: BASE_DOCUMENT.expected_partners("media"), "sectors"),
            (lambda: BASE_DOCUMENT.report_section("finances"), "report_sections"),
            (lambda: Parameters.clause_of("max_meetings"), "parameters"),
        ],
    )
    def test_unknown_ids_raise_unknown_reference_with_the_path(
        self, lookup: object, path: str
    ) -> None:
        assert callable(lookup)
        with pytest.raises(UnknownReference, match=rf"^{path}: "):
            lookup()

    def test_a_clac_error_is_caught_as_a_lookup_error(self) -> None:
        caught: LookupError | None = None
        try:
            BASE_DOCUMENT.partner("acme")
        except LookupError as error:
            caught = error
        assert isinstance(caught, ClacError)

    def test_clause_accepts_a_section_value(self) -> None:
        assert BASE_DOCUMENT.clause("membership", 3) is BASE_DOCUMENT.clause(Section.MEMBERSHIP, 3)


@st.composite
def consistent_parameter_values(draw: st.DrawFn) -> dict[str, int]:
    """Keyword arguments for a valid :class:`Parameters`: positive, each minimum <= its maximum."""
    positive = st.integers(min_value=1, max_value=10_000)
    values = {name: draw(positive) for name in Parameters.names()}
    for pair in ("hours_per_month", "working_groups_per_member"):
        low = draw(positive)
        values[f"min_{pair}"] = low
        values[f"max_{pair}"] = low + draw(st.integers(min_value=0, max_value=10_000))
    values["reporting_period_months"] = draw(st.sampled_from([1, 2, 3, 4, 6, 12]))
    values["annual_report_due_months"] = draw(st.integers(min_value=1, max_value=12))
    return values


class TestParameters:
    def test_base_document_values(self) -> None:
        assert BASE_DOCUMENT.parameters.as_dict() == {
            "min_meetings_per_year": 2,
            "min_working_groups_per_member": 1,
            "max_working_groups_per_member": 2,
            "min_hours_per_month": 4,
            "max_hours_per_month": 7,
            "reporting_period_months": 3,
            "strategic_plan_years": 5,
            "report_due_days": 30,
            "attendance_window_months": 12,
            "hours_window_months": 12,
            "sharing_window_months": 12,
            "minutes_grace_days": 30,
            "annual_report_due_months": 3,
        }

    def test_the_numbers_the_charter_does_not_state_are_marked_as_clacs_assumptions(
        self,
    ) -> None:
        assumed = {name for name in Parameters.names() if Parameters.is_assumption(name)}
        assert assumed == {
            "report_due_days",
            "attendance_window_months",
            "hours_window_months",
            "sharing_window_months",
            "minutes_grace_days",
            "annual_report_due_months",
        }
        assert not Parameters.is_assumption("min_hours_per_month")

    def test_every_parameter_but_the_report_deadline_cites_a_clause(self) -> None:
        for name in Parameters.names():
            clause = Parameters.clause_of(name)
            if name == "report_due_days":
                assert clause is None
            else:
                assert clause is not None
                assert clause in BASE_DOCUMENT.clauses
        hours = Parameters.clause_of("min_hours_per_month")
        assert hours is not None
        assert "4-7 hours per month" in hours.text.en
        meetings = Parameters.clause_of("min_meetings_per_year")
        assert meetings is not None
        assert "at least twice a year" in meetings.text.en
        quarterly = Parameters.clause_of("reporting_period_months")
        assert quarterly is not None
        assert "quarterly" in quarterly.text.en

    @pytest.mark.parametrize("bad", [0, -1, True, "2", 2.0, None])
    def test_a_parameter_must_be_a_positive_whole_number(self, bad: object) -> None:
        with pytest.raises(InvalidData, match=r"^min_meetings_per_year: "):
            Parameters(min_meetings_per_year=bad)  # type: ignore[arg-type]

    def test_a_minimum_above_its_maximum_names_the_field(self) -> None:
        with pytest.raises(InvalidData, match=r"^max_hours_per_month: 3 .*min_hours_per_month"):
            Parameters(max_hours_per_month=3)

    def test_a_reporting_period_must_divide_the_year(self) -> None:
        with pytest.raises(InvalidData, match=r"^reporting_period_months: 5 "):
            Parameters(reporting_period_months=5)

    @given(values=consistent_parameter_values())
    def test_any_consistent_parameters_are_accepted(self, values: dict[str, int]) -> None:
        parameters = Parameters(**values)
        assert parameters.as_dict() == values
        assert parameters.max_hours_per_month >= parameters.min_hours_per_month

    @given(
        high=st.integers(min_value=1, max_value=1000),
        excess=st.integers(min_value=1, max_value=1000),
        field=st.sampled_from(["hours_per_month", "working_groups_per_member"]),
    )
    def test_any_minimum_above_its_maximum_is_invalid_data(
        self, high: int, excess: int, field: str
    ) -> None:
        with pytest.raises(InvalidData) as caught:
            Parameters(**{f"min_{field}": high + excess, f"max_{field}": high})
        assert field in caught.value.path


AMENDMENT_2027 = Amendment(
    dt.date(2027, 1, 1),
    Text("Three meetings a year.", "Tres reuniones al año."),
    {"min_meetings_per_year": 3},
)


class TestAmendments:
    def test_amending_gives_a_new_charter_and_leaves_the_original_alone(self) -> None:
        amended = BASE_DOCUMENT.amend(AMENDMENT_2027)
        assert amended.parameters.min_meetings_per_year == 3
        assert amended.version == 2
        assert amended.effective == dt.date(2027, 1, 1)
        assert amended.predecessor is BASE_DOCUMENT
        assert amended.amendments == (AMENDMENT_2027,)
        assert BASE_DOCUMENT.parameters.min_meetings_per_year == 2
        assert BASE_DOCUMENT.version == 1
        assert BASE_DOCUMENT.amendments == ()
        assert amended.clauses == BASE_DOCUMENT.clauses

    def test_in_force_picks_the_version_for_the_date(self) -> None:
        amended = BASE_DOCUMENT.amend(AMENDMENT_2027)
        assert amended.in_force(dt.date(2026, 12, 31)) is BASE_DOCUMENT
        assert amended.in_force(dt.date(2027, 1, 1)) is amended
        assert amended.in_force(dt.date(2030, 6, 1)) is amended
        assert amended.history == (BASE_DOCUMENT, amended)
        assert amended.original is BASE_DOCUMENT

    def test_in_force_before_the_base_document_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match=r"^on: "):
            BASE_DOCUMENT.in_force(dt.date(2015, 12, 31))

    def test_in_force_refuses_a_datetime(self) -> None:
        with pytest.raises(InvalidData, match=r"^on: "):
            BASE_DOCUMENT.in_force(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))

    def test_adding_a_working_group(self) -> None:
        group = WorkingGroupDefinition(
            "research", Text("Research", "Investigación"), formed=dt.date(2027, 3, 1)
        )
        amended = BASE_DOCUMENT.amend(
            Amendment(dt.date(2027, 3, 1), Text("Research.", "Investigación."), {}, (group,))
        )
        assert amended.working_group("research") is group
        assert len(amended.working_groups) == 5
        with pytest.raises(UnknownReference):
            BASE_DOCUMENT.working_group("research")

    def test_an_amendment_not_after_the_charter_is_refused(self) -> None:
        for day in (BASE_DOCUMENT.effective, dt.date(2015, 1, 1)):
            with pytest.raises(InvalidData, match=r"^amendment\.effective: "):
                BASE_DOCUMENT.amend(attrs.evolve(AMENDMENT_2027, effective=day))

    def test_adding_an_existing_working_group_is_refused(self) -> None:
        existing = BASE_DOCUMENT.working_groups[0]
        amendment = Amendment(dt.date(2027, 1, 1), Text("x", "x"), {}, (existing,))
        with pytest.raises(InvalidData, match=r"^amendment\.add_working_groups\[0\]\.id: "):
            BASE_DOCUMENT.amend(amendment)

    def test_unknown_parameter_names_are_refused(self) -> None:
        with pytest.raises(InvalidData, match=r"^parameters\.max_meetings_per_year: "):
            Amendment(dt.date(2027, 1, 1), Text("x", "x"), {"max_meetings_per_year": 9})

    def test_parameter_values_must_be_positive_whole_numbers(self) -> None:
        with pytest.raises(InvalidData, match=r"^parameters\.min_hours_per_month: 0 "):
            Amendment(dt.date(2027, 1, 1), Text("x", "x"), {"min_hours_per_month": 0})

    def test_an_amendment_breaking_min_below_max_is_refused(self) -> None:
        amendment = Amendment(dt.date(2027, 1, 1), Text("x", "x"), {"min_hours_per_month": 9})
        with pytest.raises(InvalidData, match=r"^amendment\.parameters\.max_hours_per_month: "):
            BASE_DOCUMENT.amend(amendment)

    def test_amendment_parameters_are_read_only(self) -> None:
        with pytest.raises(TypeError):
            AMENDMENT_2027.parameters["min_meetings_per_year"] = 4  # type: ignore[index]

    def test_charters_and_amendments_are_hashable(self) -> None:
        assert hash(AMENDMENT_2027) == hash(attrs.evolve(AMENDMENT_2027))
        assert hash(BASE_DOCUMENT.amend(AMENDMENT_2027)) == hash(
            BASE_DOCUMENT.amend(AMENDMENT_2027)
        )

    @given(
        offsets=st.lists(st.integers(min_value=1, max_value=20_000), min_size=1, max_size=6),
        probe=st.integers(min_value=0, max_value=25_000),
    )
    def test_in_force_returns_the_latest_version_not_after_the_date(
        self, offsets: list[int], probe: int
    ) -> None:
        base = BASE_DOCUMENT.effective
        dates = sorted({base + dt.timedelta(days=offset) for offset in offsets})
        charter: Charter = BASE_DOCUMENT
        for number, day in enumerate(dates, start=3):
            amendment = Amendment(day, Text("x", "x"), {"min_meetings_per_year": number})
            charter = charter.amend(amendment)
        on = base + dt.timedelta(days=probe)
        found = charter.in_force(on)
        assert found.effective == max(c.effective for c in charter.history if c.effective <= on)
        assert found.effective <= on
        later = [c for c in charter.history if c.effective > found.effective]
        assert all(c.effective > on for c in later)


class TestCharterValidation:
    def test_a_version_below_one_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match=r"^version: 0 "):
            attrs.evolve(BASE_DOCUMENT, version=0)

    def test_a_datetime_effective_date_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match=r"^effective: "):
            attrs.evolve(BASE_DOCUMENT, effective=dt.datetime(2016, 1, 1, tzinfo=dt.UTC))

    def test_duplicate_ids_are_invalid_data_naming_the_second(self) -> None:
        partners = (*BASE_DOCUMENT.partners, BASE_DOCUMENT.partners[0])
        with pytest.raises(InvalidData, match=r"^partners\[30\]: 'icmec' appears twice$"):
            attrs.evolve(BASE_DOCUMENT, partners=partners)

    def test_an_element_citing_a_foreign_clause_is_invalid_data(self) -> None:
        clauses = tuple(c for c in BASE_DOCUMENT.clauses if c.id != "policy-goals.2")
        with pytest.raises(InvalidData, match=r"^policy_goals\[0\]\.clause: 'policy-goals.2' "):
            attrs.evolve(BASE_DOCUMENT, clauses=clauses)

    def test_an_office_held_by_an_unknown_partner_is_invalid_data(self) -> None:
        roles = (attrs.evolve(BASE_DOCUMENT.roles[0], holder_organization="acme"),)
        with pytest.raises(InvalidData, match=r"^roles\[0\]\.holder_organization: 'acme' "):
            attrs.evolve(BASE_DOCUMENT, roles=roles)

    def test_a_list_instead_of_a_tuple_is_invalid_data(self) -> None:
        with pytest.raises(InvalidData, match=r"^objectives: "):
            attrs.evolve(BASE_DOCUMENT, objectives=list(BASE_DOCUMENT.objectives))  # type: ignore[arg-type]


class TestDisplay:
    def test_str_names_the_title_and_version(self) -> None:
        text = str(BASE_DOCUMENT)
        assert "Base Document" in text
        assert "Documento Base" in text
        assert "version 1" in text
        assert "2016-01-01" in text
        assert "min_meetings_per_year = 2" in text

    def test_str_of_an_amended_charter_says_what_it_amends(self) -> None:
        text = str(BASE_DOCUMENT.amend(AMENDMENT_2027))
        assert "version 2, effective 2027-01-01, amends version 1" in text

    def test_repr_is_short(self) -> None:
        assert repr(BASE_DOCUMENT) == (
            "Charter(id='base-document', version=1, effective='2016-01-01')"
        )
