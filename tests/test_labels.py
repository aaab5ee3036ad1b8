"""The words outputs share live once (``clac._labels``), and every label has its Portuguese
form."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Mapping
from pathlib import Path

import pytest

from clac import _labels
from clac._labels import VOCABULARIES, WORDS, label_of, word
from clac.errors import InvalidData
from clac.text import Language, Text, plural

SRC = Path(__file__).parent.parent / "src" / "clac"

#: The label tables of each output, by module.
TABLES = {
    "clac.reporting._labels": "LABELS",
    "clac.frameworks._render": "_T",
    "clac.rules._render": "_T",
    "clac.network._summary": "_L",
    "clac.network._survey_render": "_LABELS",
    "clac.cli.proposal": "_H",
}

#: The modules whose words people read: every Text written in them has a Portuguese form.
LABEL_MODULES = sorted(
    {
        SRC / "_labels.py",
        SRC / "reporting" / "_labels.py",
        SRC / "reporting" / "_render.py",
        SRC / "frameworks" / "_render.py",
        SRC / "rules" / "_render.py",
        SRC / "rules" / "_formats.py",
        SRC / "network" / "_summary.py",
        SRC / "network" / "_survey_render.py",
        *(SRC / "cli").glob("*.py"),
    }
)


def table(module: str) -> Mapping[str, Text]:
    found = getattr(importlib.import_module(module), TABLES[module])
    assert isinstance(found, Mapping)
    return found


class TestSharedWords:
    def test_every_shared_word_and_vocabulary_label_has_portuguese(self) -> None:
        texts = [*WORDS.values(), *(t for v in VOCABULARIES.values() for t in v.values())]
        assert all(t.pt is not None for t in texts)

    @pytest.mark.parametrize("vocabulary", list(VOCABULARIES), ids=lambda v: v.__name__)
    def test_every_member_of_a_vocabulary_has_words(self, vocabulary: type) -> None:
        for member in vocabulary:  # type: ignore[attr-defined]
            assert label_of(member).en

    @pytest.mark.parametrize("module", sorted(TABLES))
    def test_an_output_takes_a_shared_word_from_the_table_and_never_repeats_it(
        self, module: str
    ) -> None:
        shared = {t.en: t for t in WORDS.values()}
        for key, text in table(module).items():
            if text.en in shared:
                assert text is shared[text.en], f"{module}: {key!r} repeats a shared word"

    @pytest.mark.parametrize("module", sorted(TABLES))
    def test_every_label_of_an_output_has_portuguese(self, module: str) -> None:
        missing = [key for key, text in table(module).items() if text.pt is None]
        assert not missing, f"{module}: no Portuguese for {missing}"

    def test_the_reports_vocabularies_are_the_shared_ones(self) -> None:
        reporting = importlib.import_module("clac.reporting._labels")
        for name in ("MEETING_KINDS", "MEETING_MODES", "DOCUMENT_KINDS", "TLP_LABELS"):
            assert getattr(reporting, name) is getattr(_labels, name)

    @pytest.mark.parametrize("lang", list(Language))
    def test_word_fills_in_values_in_each_language(self, lang: Language) -> None:
        assert word("country", lang) == WORDS["country"].in_(lang)


def _texts_without_portuguese(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Text"
        and len(node.args) < 3
        and not any(k.arg in ("pt", None) for k in node.keywords)
    ]


class TestEveryLabelSpeaksPortuguese:
    @pytest.mark.parametrize("path", LABEL_MODULES, ids=lambda p: str(p.relative_to(SRC)))
    def test_every_text_written_in_an_output_module_has_portuguese(self, path: Path) -> None:
        assert not _texts_without_portuguese(path)


class TestPlurals:
    """Counts take the singular or the plural their language's rule picks (CLDR: 1 in English
    and Spanish, 0 and 1 in Portuguese), with the count as a named placeholder."""

    ONE = Text("{count} report", "{count} informe", pt="{count} relatório")
    OTHER = Text("{count} reports", "{count} informes", pt="{count} relatórios")

    @pytest.mark.parametrize(
        ("count", "en", "es", "pt"),
        [
            (0, "0 reports", "0 informes", "0 relatório"),
            (1, "1 report", "1 informe", "1 relatório"),
            (2, "2 reports", "2 informes", "2 relatórios"),
        ],
    )
    def test_each_language_picks_its_form(self, count: int, en: str, es: str, pt: str) -> None:
        text = plural(count, self.ONE, self.OTHER)
        assert (text.en, text.es, text.in_("pt")) == (en, es, pt)

    def test_other_placeholders_are_filled_too(self) -> None:
        one = Text("{count} day after {day}", "{count} día después del {day}")
        other = Text("{count} days after {day}", "{count} días después del {day}")
        assert plural(3, one, other, day="2026-01-01").es == "3 días después del 2026-01-01"

    def test_a_count_that_is_not_a_whole_number_is_refused(self) -> None:
        with pytest.raises(InvalidData):
            plural(True, self.ONE, self.OTHER)  # a bool is no count

    @pytest.mark.parametrize("language", list(Language))
    def test_every_counted_label_has_two_forms_in_every_language(self, language: Language) -> None:
        from clac.reporting._labels import COUNTED, label

        for key, (one, other) in COUNTED.items():
            assert one.in_(language) != other.in_(language), key
            assert "{count}" in one.in_(language), key
            assert "{count}" in other.in_(language), key
            assert "7" in label(key, language, count=7, first="2026-Q2")

    def test_one_report_and_one_meeting_are_singular_in_the_annual_report(self) -> None:
        from datetime import date

        import clac
        from clac.reporting import annual_report

        text = clac.starting_registry(records_since=date(2026, 1, 1)).replace(
            "reports: []",
            "reports:\n  - {working_group: latin-american-hotlines, year: 2026, quarter: 1, "
            "submitted: 2026-04-20}",
        )
        report = annual_report(clac.loads(text, "yaml"), 2026, as_of=date(2026, 12, 6))
        markdown = report.to_markdown("en")
        assert "from 1 quarterly report and the minutes of 0 meetings" in markdown
        assert "1 reports" not in markdown


class TestCountsInFindings:
    """The issue's examples: "1 reports", "1 CLAC meetings", "Signed: Signed", "working groups
    is not recorded" — each count agrees with its noun, each name is said once."""

    def findings(self) -> dict[tuple[str, str], Text]:
        from datetime import date
        from pathlib import Path

        import clac
        from clac.rules import evaluate

        path = Path(__file__).parent / "data" / "valid-minimal.yaml"
        assessment = evaluate(clac.load(path), as_of=date(2021, 6, 1))
        return {(f.rule.id, f.subject.id): f.message for f in assessment.findings}

    def test_one_clac_meeting_is_singular(self) -> None:
        message = self.findings()[("REP-05", "2020")]
        assert message.en.startswith("1 CLAC meeting (annual or regional) recorded in 2020")
        assert message.es.startswith("1 reunión de la CLAC (anuales o regionales) registrada")

    def test_an_unrecorded_plural_needs_no_agreement(self) -> None:
        message = self.findings()[("MEM-08", "icmec")]
        assert message.en.startswith("the member's working groups are not recorded")
        assert "record them at members[0].working_groups" in message.en
        assert "is not recorded" not in message.en
        other = self.findings()[("REP-06", "2020")]  # the other facts: no verb to agree with
        assert other.en.startswith("not recorded: the annual report for 2020 (to record at ")

    def test_no_report_is_not_none_of_zero(self) -> None:
        message = self.findings()[("REP-07", "icmec")]
        assert message.en.startswith("named in no quarterly report recorded since 2020-06-01")
        assert "ningún informe trimestral registrado" in message.es

    def test_one_report_received_is_singular(self) -> None:
        from datetime import date
        from pathlib import Path

        import clac
        from clac.rules import evaluate

        path = Path(__file__).parent / "data" / "valid-minimal.yaml"
        text = path.read_text(encoding="utf-8").replace(
            "charter: base-document", "charter: base-document\nrecords_since: 2020-01-01"
        )
        assessment = evaluate(clac.loads(text, "yaml"), as_of=date(2020, 6, 1))
        message = assessment.where(rule="REP-01").findings[0].message
        assert "(1 report, 0 late" in message.en
        assert "(1 informe, 0 con atraso" in message.es

    def test_a_treaty_item_is_named_once(self) -> None:
        from click.testing import CliRunner

        from clac.cli import cli

        result = CliRunner().invoke(cli, ["gaps", "-f", "budapest", "--all-countries"])
        assert "| 1 | Signed |" in result.stdout
        assert "Signed: Signed" not in result.stdout

    def test_no_meeting_is_not_the_zero_meetings(self) -> None:
        from datetime import date

        import clac
        from clac.rules import evaluate

        text = clac.starting_registry(records_since=date(2026, 12, 1)).replace(
            "members: []", "members:\n  - {organization: icmec, joined: 2016}"
        )
        assessment = evaluate(clac.loads(text, "yaml"), as_of=date(2026, 12, 6))
        message = assessment.where(rule="MEM-07").findings[0].message
        assert message.en.startswith("no CLAC meeting is recorded since 2025-12-06")
        assert message.es.startswith("no hay reuniones de la CLAC registradas desde")

    def test_one_finding_and_one_hidden_finding_are_singular(self) -> None:
        from datetime import date

        import clac
        from clac.rules import CATALOGUE, evaluate

        text = clac.starting_registry(records_since=date(2026, 12, 1))
        only = [CATALOGUE.get("GOV-01")]
        assessment = evaluate(clac.loads(text, "yaml"), as_of=date(2026, 12, 6), rules=only)
        assert assessment.summary().startswith("1 finding: ")
        assert "(showing findings that are not met; 1 met or not applicable finding hidden)" in (
            assessment.to_text()
        )
        assert "1 hallazgo cumplido o que no aplica se oculta" in assessment.to_text("es")
