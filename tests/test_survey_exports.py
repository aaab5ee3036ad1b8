"""Survey tools' exports (Google Forms, SurveyMonkey, KoboToolbox) read with a mapping file,
and the questionnaires clac writes for them (issue 28 §1)."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import clac
import clac.network as net
from clac.cli.network import network as main
from clac.data import __file__ as _data
from clac.errors import CrossReferenceError, FileFormatError
from clac.io import (
    google_form,
    google_form_mapping,
    kobo_mapping,
    loads_survey,
    loads_survey_mapping,
    read_survey_export,
    write_xlsform,
    xlsform,
)
from clac.survey import SurveyAnswer

HERE = Path(__file__).parent / "data" / "survey_exports"
REGISTRY = Path(_data).parent / "demo.yaml"
LONG = Path(_data).parent / "partnership_survey.csv"


def _fixtures_module() -> Any:
    spec = importlib.util.spec_from_file_location("make_fixtures", HERE / "make_fixtures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_fixtures", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo() -> clac.Coalition:
    return clac.demo()


@pytest.fixture(scope="module")
def long_answers(demo: clac.Coalition) -> tuple[SurveyAnswer, ...]:
    return loads_survey(LONG.read_text(encoding="utf-8"), demo)


def _sorted(answers: Any) -> list[SurveyAnswer]:
    return sorted(answers, key=lambda a: a.key)


EXPORTS = [
    ("google_forms_es.csv", "google_forms_es.yaml"),
    ("surveymonkey_en.csv", "surveymonkey_en.yaml"),
    ("kobo_main.csv", "kobo.yaml"),
]


class TestShippedSurveyExports:
    def test_committed_fixtures_are_what_the_script_writes(self) -> None:
        for name, text in _fixtures_module().fixtures().items():
            assert (HERE / name).read_text(encoding="utf-8") == text, name

    @pytest.mark.parametrize(("export", "mapping"), EXPORTS)
    def test_each_export_gives_exactly_the_long_csv_answers_and_measures(
        self,
        demo: clac.Coalition,
        long_answers: tuple[SurveyAnswer, ...],
        export: str,
        mapping: str,
    ) -> None:
        imported = read_survey_export(HERE / export, demo, HERE / mapping)
        assert _sorted(imported.answers) == _sorted(long_answers)
        assert (
            net.partnership(demo, imported.answers).as_json()
            == net.partnership(demo, long_answers).as_json()
        )

    def test_google_forms_notes_the_email_column_but_never_keeps_an_address(
        self, demo: clac.Coalition
    ) -> None:
        imported = read_survey_export(
            HERE / "google_forms_es.csv", demo, HERE / "google_forms_es.yaml"
        )
        assert imported.ignored == ("Dirección de correo electrónico", "Comentarios")
        kept = repr(imported) + net.partnership(demo, imported.answers).to_text("en")
        assert "@example.org" not in kept

    def test_a_dataframe_reads_as_the_file_does(
        self, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
    ) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.read_csv(HERE / "surveymonkey_en.csv", header=[0, 1])
        measured = net.partnership(demo, frame, mapping=HERE / "surveymonkey_en.yaml")
        assert measured.as_json() == net.partnership(demo, long_answers).as_json()
        kobo = {
            "main": pd.read_csv(HERE / "kobo_main.csv"),
            "partners": pd.read_csv(HERE / "kobo_partners.csv"),
        }
        imported = read_survey_export(kobo, demo, HERE / "kobo.yaml")
        assert _sorted(imported.answers) == _sorted(long_answers)
        long_frame = pd.read_csv(LONG)  # pandas' NaN and float ratings (3.0) read as the CSV
        assert net.partnership(demo, long_frame).as_json() == measured.as_json()

    def test_the_command_reads_an_export_with_its_mapping(self) -> None:
        runner = CliRunner()
        args = ["survey", str(REGISTRY)]
        from_export = runner.invoke(
            main,
            [
                *args,
                str(HERE / "kobo_main.csv"),
                "--mapping",
                str(HERE / "kobo.yaml"),
                "--format",
                "json",
            ],
        )
        from_long = runner.invoke(main, [*args, str(LONG), "--format", "json"])
        assert from_export.exit_code == 0, from_export.output
        assert from_export.stdout == from_long.stdout


def _write(folder: Path, name: str, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")
    return folder / name


_MAPPING = """layout: google-forms
respondent: Organización
round: {date: 2024-03-01}
questions:
  frequency: Frecuencia
  collaboration: Colaboración
"""


class TestMappingErrors:
    def test_every_mistake_is_reported_with_its_file_and_line(self) -> None:
        text = (
            "layout: google-form\n"
            "respondent: Org\n"
            "round:\n"
            "  column: Marca temporal\n"
            "  rounds: [marzo]\n"
            "questions:\n"
            "  frequency: F\n"
            "  collaboration: C\n"
            "  trust: T\n"
            "answers:\n"
            "  frequency: {a veces: sometimes}\n"
        )
        with pytest.raises(FileFormatError) as caught:
            loads_survey_mapping(text, source="m.yaml")
        paths = [p.path for p in caught.value.problems]
        assert paths == [
            "m.yaml:1: layout",
            "m.yaml:5: round.rounds",
            "m.yaml:9: questions.trust",
            "m.yaml:11: answers.frequency.a veces",
        ]

    def test_a_toml_mapping_reads_like_the_yaml_one(self) -> None:
        mapping = loads_survey_mapping(
            'layout = "kobo"\nrespondent = "r"\nrepeat = "partners"\npartner = "p"\n'
            '[round]\ndate = 2024-03-01\n[questions]\nfrequency = "f"\ncollaboration = "c"\n',
            "toml",
        )
        assert mapping.repeat == "partners"
        with pytest.raises(FileFormatError, match=r"m.toml:1: layout"):
            loads_survey_mapping(
                'layout = "x"\nrespondent = "r"\nround = 2024-03-01\n'
                '[questions]\nfrequency = "f"\ncollaboration = "c"\n',
                "toml",
                source="m.toml",
            )


class TestNamesAndWords:
    def test_unmatched_partners_and_respondents_are_listed_with_suggestions(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = _write(
            tmp_path,
            "e.csv",
            [
                [
                    "Organización",
                    "Frecuencia [Fundasion Amparo]",
                    "Colaboración [Fundasion Amparo]",
                ],
                ["Nadie Conocido", "Nunca", "Ninguna"],
            ],
        )
        (tmp_path / "m.yaml").write_text(_MAPPING, encoding="utf-8")
        with pytest.raises(CrossReferenceError) as caught:
            read_survey_export(export, demo, tmp_path / "m.yaml")
        messages = [p.message("en") for p in caught.value.problems]
        assert any("'Fundasion Amparo'" in m and "Fundación Amparo (demo)" in m for m in messages)
        assert any("'Nadie Conocido' (respondent)" in m and "e.csv:2" in m for m in messages)
        result = CliRunner().invoke(
            main, ["survey", str(REGISTRY), str(export), "--mapping", str(tmp_path / "m.yaml")]
        )
        assert result.exit_code == 2
        assert "did you mean" in result.stderr
        assert "Traceback" not in result.output

    def test_names_and_answer_words_of_the_mapping_are_used(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = _write(
            tmp_path,
            "e.csv",
            [
                [
                    "Organización",
                    "Frecuencia [La Fundación]",
                    "Colaboración [La Fundación]",
                    "Nota",
                ],
                ["icmec", "De vez en cuando", "COOPERACIÓN", "x"],
                ["ICMEC", "", "", ""],
            ],
        )
        (tmp_path / "m.yaml").write_text(
            _MAPPING + "names: {La Fundación: fundacion-amparo}\n"
            "answers: {frequency: {De vez en cuando: yearly}}\n",
            encoding="utf-8",
        )
        imported = read_survey_export(export, demo, tmp_path / "m.yaml")
        (answer,) = imported.answers
        assert (answer.partner, answer.frequency.value, answer.collaboration.value) == (
            "fundacion-amparo",
            "yearly",
            "cooperative",
        )
        assert imported.ignored == ("Nota",)

    def test_an_unknown_word_names_its_cell(self, tmp_path: Path, demo: clac.Coalition) -> None:
        export = _write(
            tmp_path,
            "e.csv",
            [
                ["Organización", "Frecuencia [ICMEC]", "Colaboración [ICMEC]"],
                ["Softworks", "A veces", "Ninguna"],
            ],
        )
        (tmp_path / "m.yaml").write_text(_MAPPING, encoding="utf-8")
        with pytest.raises(FileFormatError, match=r"e.csv:2: Frecuencia \[ICMEC\]: 'A veces'"):
            read_survey_export(export, demo, tmp_path / "m.yaml")


class TestQuestionnaires:
    def test_a_google_form_filled_in_reads_back_with_the_mapping_clac_writes(
        self, tmp_path: Path, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
    ) -> None:
        fixtures = _fixtures_module()
        form = google_form(demo, "es")
        first = long_answers[0]
        assert fixtures.QUESTIONS["frequency"].es in form
        rows = fixtures.google_forms(long_answers)
        _write(tmp_path, "r.csv", rows)
        (tmp_path / "m.yaml").write_text(
            google_form_mapping(demo, "es", [first.round, long_answers[-1].round]), encoding="utf-8"
        )
        imported = read_survey_export(tmp_path / "r.csv", demo, tmp_path / "m.yaml")
        assert _sorted(imported.answers) == _sorted(long_answers)

    def test_an_xlsform_answered_in_kobo_reads_back_with_the_mapping_clac_writes(
        self, tmp_path: Path, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
    ) -> None:
        sheets = xlsform(demo, "pt")
        assert sheets["survey"][0][:3] == ["type", "name", "label::Português (pt)"]
        names = {row[1] for row in sheets["survey"][1:]}
        lists = {row[0] for row in sheets["choices"][1:]}
        main_rows, repeat_rows = _fixtures_module().kobo(long_answers)
        used = {h.rsplit("/", 1)[-1] for h in repeat_rows[0] if not h.startswith("_")}
        assert used <= names
        assert {"organizations", "frequency", "collaboration", "rating"} <= lists
        _write(tmp_path, "main.csv", main_rows)
        _write(tmp_path, "partners.csv", repeat_rows)
        (tmp_path / "m.yaml").write_text(
            kobo_mapping([long_answers[0].round, long_answers[-1].round], "partners.csv"),
            encoding="utf-8",
        )
        imported = read_survey_export(tmp_path / "main.csv", demo, tmp_path / "m.yaml")
        assert _sorted(imported.answers) == _sorted(long_answers)

    def test_the_xlsform_is_written_as_a_workbook_or_markdown(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        markdown = write_xlsform(demo, tmp_path / "form.md", "es")
        assert "| begin\\_repeat | partners |" in markdown.read_text(encoding="utf-8")
        openpyxl = pytest.importorskip("openpyxl")
        workbook = openpyxl.load_workbook(write_xlsform(demo, tmp_path / "form.xlsx", "es"))
        assert workbook.sheetnames == ["survey", "choices", "settings"]
        tricky = demo.evolve(
            organizations=(
                *demo.organizations[1:],
                attrs.evolve(demo.organizations[0], name="=HYPERLINK(1)"),
            )
        )
        workbook = openpyxl.load_workbook(write_xlsform(tricky, tmp_path / "t.xlsx", "es"))
        cells = [c for row in workbook["choices"].iter_rows() for c in row]
        (cell,) = [c for c in cells if c.value == "=HYPERLINK(1)"]
        assert cell.data_type == "s"

    def test_pyxform_converts_the_xlsform_without_a_warning(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        pytest.importorskip("openpyxl")
        xls2xform = pytest.importorskip("pyxform.xls2xform")
        result = xls2xform.convert(
            xlsform=str(write_xlsform(demo, tmp_path / "form.xlsx", "es")), validate=False
        )
        assert result.warnings == []
        assert '<repeat nodeset="/data/partners">' in result.xform

    def test_the_commands_write_a_form_and_guess_a_mapping(self, tmp_path: Path) -> None:
        runner = CliRunner()
        form = runner.invoke(main, ["survey-form", "--lang", "es", "-o", str(tmp_path / "f.md")])
        assert form.exit_code == 0, form.output
        assert (tmp_path / "f.mapping.yaml").is_file()
        guessed = runner.invoke(
            main,
            [
                "survey-mapping",
                str(HERE / "google_forms_es.csv"),
                str(REGISTRY),
                "-o",
                str(tmp_path / "g.yaml"),
            ],
        )
        assert guessed.exit_code == 0, guessed.output
        mapping = loads_survey_mapping((tmp_path / "g.yaml").read_text(encoding="utf-8"))
        expected = loads_survey_mapping((HERE / "google_forms_es.yaml").read_text(encoding="utf-8"))
        assert mapping.questions == expected.questions
        assert mapping.respondent == expected.respondent


def _rows(name: str) -> list[list[str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


class TestWorkbooksAndLabels:
    def test_a_kobo_xlsx_export_reads_as_its_csv_pair(
        self, tmp_path: Path, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
    ) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        book.active.title = "Encuesta de alianzas"
        for row in _rows("kobo_main.csv"):
            book.active.append(row)
        partners = book.create_sheet("partners")
        for row in _rows("kobo_partners.csv"):
            partners.append(row)
        book.save(tmp_path / "export.xlsx")
        mapping = (HERE / "kobo.yaml").read_text(encoding="utf-8")
        (tmp_path / "m.yaml").write_text(mapping.replace("repeat_file: kobo_partners.csv\n", ""))
        imported = read_survey_export(tmp_path / "export.xlsx", demo, tmp_path / "m.yaml")
        assert _sorted(imported.answers) == _sorted(long_answers)

    def test_a_google_forms_sheet_saved_as_xlsx_reads_as_its_csv(
        self, tmp_path: Path, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
    ) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        for row in _rows("google_forms_es.csv"):
            book.active.append(row)
        book.save(tmp_path / "respuestas.xlsx")
        imported = read_survey_export(
            tmp_path / "respuestas.xlsx", demo, HERE / "google_forms_es.yaml"
        )
        assert _sorted(imported.answers) == _sorted(long_answers)

    def test_kobo_labels_of_several_words_in_a_select_multiple_are_read(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        _write(tmp_path, "main.csv", [["org", "_index"], ["ICMEC", "1"]])
        _write(
            tmp_path,
            "rep.csv",
            [
                [
                    "g/socio",
                    "g/freq",
                    "g/colab",
                    "g/recursos",
                    "g/recursos/funding",
                    "_parent_index",
                ],
                [
                    "Softworks",
                    "Mensualmente",
                    "Coordinada",
                    "En especie Datos Conocimiento experto",
                    "0",
                    "1",
                ],
            ],
        )
        (tmp_path / "m.yaml").write_text(
            "layout: kobo\nrespondent: org\nround: 2024-03-01\nrepeat: g\n"
            "repeat_file: rep.csv\npartner: socio\n"
            "questions: {frequency: freq, collaboration: colab, resources: recursos}\n"
        )
        imported = read_survey_export(tmp_path / "main.csv", demo, tmp_path / "m.yaml")
        (answer,) = imported.answers
        assert [r.value for r in answer.resources] == ["in-kind", "data", "expertise"]
        assert imported.ignored == ()


class TestRounds:
    def _export(self, tmp_path: Path, stamps: list[str]) -> Path:
        rows = [["Marca temporal", "Organización", "Frecuencia [ICMEC]", "Colaboración [ICMEC]"]]
        rows += [
            [s, o, "Nunca", "Ninguna"]
            for s, o in zip(stamps, ["Softworks", "BuscaWeb"], strict=True)
        ]
        return _write(tmp_path, "e.csv", rows)

    def test_dates_that_read_either_way_into_the_same_rounds_need_no_day_first(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = self._export(tmp_path, ["05/03/2024 10:00:00", "07/03/2025 9:00:00"])
        (tmp_path / "m.yaml").write_text(
            _MAPPING.replace(
                "round: {date: 2024-03-01}",
                "round:\n  column: Marca temporal\n  rounds: [2024-01-01, 2025-01-01]",
            )
        )
        imported = read_survey_export(export, demo, tmp_path / "m.yaml")
        assert sorted(a.round.isoformat() for a in imported.answers) == ["2024-01-01", "2025-01-01"]

    def test_dates_that_give_different_rounds_either_way_ask_for_day_first(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = self._export(tmp_path, ["02/03/2024 10:00:00", "03/02/2024 9:00:00"])
        mapping = "round:\n  column: Marca temporal\n  rounds: [2024-02-15]"
        (tmp_path / "m.yaml").write_text(_MAPPING.replace("round: {date: 2024-03-01}", mapping))
        with pytest.raises(FileFormatError, match=r"round\.day_first"):
            read_survey_export(export, demo, tmp_path / "m.yaml")
        (tmp_path / "m.yaml").write_text(
            _MAPPING.replace("round: {date: 2024-03-01}", mapping + "\n  day_first: true")
        )
        with pytest.raises(
            FileFormatError, match=r"e.csv:3: Marca temporal: '03/02/2024 9:00:00' is before"
        ):
            read_survey_export(export, demo, tmp_path / "m.yaml")

    def test_a_round_question_reads_through_its_values(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = self._export(tmp_path, ["Primera ronda", "Segunda ronda"])
        mapping = (
            "round:\n  column: Marca temporal\n  values:\n"
            "    Primera ronda: 2024-03-01\n    Segunda ronda: 2025-03-01"
        )
        (tmp_path / "m.yaml").write_text(_MAPPING.replace("round: {date: 2024-03-01}", mapping))
        imported = read_survey_export(export, demo, tmp_path / "m.yaml")
        assert sorted(a.round.isoformat() for a in imported.answers) == ["2024-03-01", "2025-03-01"]


class TestPersonalDataAndUsage:
    def test_an_email_given_as_the_respondent_is_masked_in_the_error(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        export = _write(
            tmp_path,
            "e.csv",
            [
                ["Organización", "Frecuencia [ICMEC]", "Colaboración [ICMEC]"],
                ["ana@example.org", "Nunca", "Ninguna"],
            ],
        )
        (tmp_path / "m.yaml").write_text(_MAPPING)
        with pytest.raises(CrossReferenceError) as caught:
            read_survey_export(export, demo, tmp_path / "m.yaml")
        assert "ana@example.org" not in str(caught.value)

    def test_a_mapping_without_an_export_is_a_usage_error(self) -> None:
        result = CliRunner().invoke(main, ["survey", str(REGISTRY), "--mapping", "m.yaml"])
        assert result.exit_code == 2
        assert "--mapping needs the export" in result.stderr

    def test_answer_words_with_filler_read_and_doubtful_ones_do_not(self) -> None:
        mapping = loads_survey_mapping(_MAPPING)
        assert mapping.word("rating", "Mucho (4)") == "4"
        assert mapping.word("collaboration", "Nivel cooperativo") == "cooperative"
        assert mapping.word("frequency", "Casi nunca") is None
        assert mapping.word("rating", "Poco o nada") is None


class TestGuessedMappings:
    @pytest.mark.parametrize(("export", "mapping"), EXPORTS)
    def test_the_guess_finds_the_questions_of_each_export(
        self, tmp_path: Path, export: str, mapping: str
    ) -> None:
        from clac.io._survey_guess import guess_mapping

        guessed = loads_survey_mapping(guess_mapping(HERE / export, clac.demo()))
        written = loads_survey_mapping((HERE / mapping).read_text(encoding="utf-8"))
        assert (guessed.layout, guessed.respondent, dict(guessed.questions)) == (
            written.layout,
            written.respondent,
            dict(written.questions),
        )
        assert (guessed.round.column, guessed.repeat_file, guessed.partner) == (
            written.round.column,
            written.repeat_file,
            written.partner,
        )

    def test_unmatched_partner_names_come_with_the_closest_organization_to_check(
        self, tmp_path: Path
    ) -> None:
        from clac.io._survey_guess import guess_mapping

        export = _write(
            tmp_path,
            "e.csv",
            [["Timestamp", "Your organization", "How often [Fundasion Amparo]", "How often [Zzz]"]],
        )
        text = guess_mapping(export, clac.demo())
        assert '"Fundasion Amparo": fundacion-amparo   # CHECK' in text
        assert '# "Zzz": organization-id' in text


class TestMoreOfTheMapping:
    def test_the_one_reading_of_ambiguous_dates_that_fits_the_rounds_is_taken(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        rows = [["Timestamp", "Organización", "Frecuencia [ICMEC]", "Colaboración [ICMEC]"]]
        rows += [["1/3/2024 10:00:00", "Softworks", "Nunca", "Ninguna"]]
        rows += [["2/3/2025 10:00:00", "Softworks", "Nunca", "Ninguna"]]
        export = _write(tmp_path, "e.csv", rows)
        mapping = "round:\n  column: Marca temporal\n  rounds: [2024-03-01, 2025-03-01]"
        (tmp_path / "m.yaml").write_text(_MAPPING.replace("round: {date: 2024-03-01}", mapping))
        imported = read_survey_export(export, demo, tmp_path / "m.yaml")
        assert [a.round.isoformat() for a in imported.answers] == ["2024-03-01", "2025-03-01"]

    def test_a_name_set_to_null_is_left_out_with_a_note_and_unnamed_grids_noted_once(
        self, tmp_path: Path, demo: clac.Coalition
    ) -> None:
        rows = [
            [
                "Organización",
                "Frecuencia [ICMEC]",
                "Colaboración [ICMEC]",
                "Frecuencia [Otra]",
                "Colaboración [Otra]",
                "Comentario [ICMEC]",
                "Comentario [Otra]",
            ],
            ["Softworks", "Nunca", "Ninguna", "Semanal", "Integrada", "x", "y"],
        ]
        export = _write(tmp_path, "e.csv", rows)
        (tmp_path / "m.yaml").write_text(_MAPPING + "names:\n  Otra: null\n")
        imported = read_survey_export(export, demo, tmp_path / "m.yaml")
        assert [a.partner for a in imported.answers] == ["icmec"]
        assert imported.ignored == ("Comentario […]",)
        assert "1 answer(s) left out" in imported.notes[1].en


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("e.xlsx", b"not a zip file"),
            ("e.csv", b"Organizaci\xf3n,Frecuencia [ICMEC]\n"),
            ("e.csv", b"Organizaci\x00n\n"),
            ("e.csv", b""),
        ],
    )
    def test_a_broken_export_is_one_clear_error_with_exit_2(
        self, tmp_path: Path, name: str, content: bytes
    ) -> None:
        (tmp_path / name).write_bytes(content)
        (tmp_path / "m.yaml").write_text(_MAPPING)
        result = CliRunner().invoke(
            main,
            ["survey", str(REGISTRY), str(tmp_path / name), "--mapping", str(tmp_path / "m.yaml")],
        )
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output

    def test_a_mapping_with_a_python_tag_is_refused_by_the_safe_loader(self) -> None:
        with pytest.raises(FileFormatError):
            loads_survey_mapping("layout: !!python/object:os.system echo\n")


def test_docs_list_every_built_in_answer_word() -> None:
    """docs/survey.md's table of built-in words is the code's, word for word."""
    from clac.io._survey_words import WORDS, normalise

    docs = (Path(__file__).parents[1] / "docs" / "survey.md").read_text(encoding="utf-8")
    table = docs[docs.index("| scale | value | words |") :].split("\n\n", 1)[0]
    listed: dict[str, dict[str, str]] = {}
    scale = ""
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        scale = cells[0] or scale
        if scale == "goals":
            continue
        value = cells[1].strip("`")
        for word in cells[2].replace(" · ", ", ").split(", "):
            listed.setdefault(scale, {})[normalise(word)] = value
    for name, words in listed.items():
        own = {w: v for w, v in WORDS[name].items() if normalise(v) != w}
        assert {w: v for w, v in words.items() if normalise(v) != w} == own, name


def test_a_charter_partner_is_found_by_its_charter_or_later_name(tmp_path: Path) -> None:
    from datetime import date

    from clac.model import Member, Organization

    coalition = clac.Coalition(
        name="Two",
        organizations=(
            Organization(
                id="meta", name="Meta Platforms", sector="private-sector", countries=["US"]
            ),
            Organization(id="ana", name="Ana", sector="ngo", countries=["BR"]),
        ),
        members=tuple(Member(organization=i, joined=date(2020, 1, 1)) for i in ("meta", "ana")),
    )
    export = _write(
        tmp_path,
        "e.csv",
        [
            ["Organización", "Frecuencia [Facebook]", "Colaboración [Facebook]"],
            ["Ana", "Mensual", "Cooperación"],
        ],
    )
    (tmp_path / "m.yaml").write_text(_MAPPING)
    (answer,) = read_survey_export(export, coalition, tmp_path / "m.yaml").answers
    assert (answer.respondent, answer.partner) == ("ana", "meta")


def test_an_odk_central_export_joins_by_its_keys(
    tmp_path: Path, demo: clac.Coalition, long_answers: tuple[SurveyAnswer, ...]
) -> None:
    """ODK Central's CSV: KEY and PARENT_KEY instead of _index and _parent_index, group paths
    joined by '-', the submission time in SubmissionDate."""
    main_rows, repeat_rows = _rows("kobo_main.csv"), _rows("kobo_partners.csv")
    index = main_rows[0].index("_index")
    rename = {"_index": "KEY", "_submission_time": "SubmissionDate"}
    main_rows[0] = [rename.get(h, h) for h in main_rows[0]]
    for row in main_rows[1:]:
        row[index] = f"uuid:{row[index]}"
    parent, child = repeat_rows[0].index("_parent_index"), repeat_rows[0].index("_index")
    repeat_rows[0] = [
        {"_parent_index": "PARENT_KEY", "_index": "KEY"}.get(h, h.replace("/", "-"))
        for h in repeat_rows[0]
    ]
    for row in repeat_rows[1:]:
        row[child] = f"uuid:{row[parent]}/partners[{row[child]}]"
        row[parent] = f"uuid:{row[parent]}"
    _write(tmp_path, "form.csv", main_rows)
    _write(tmp_path, "form-partners.csv", repeat_rows)
    mapping = (HERE / "kobo.yaml").read_text(encoding="utf-8")
    (tmp_path / "m.yaml").write_text(mapping.replace("kobo_partners.csv", "form-partners.csv"))
    imported = read_survey_export(tmp_path / "form.csv", demo, tmp_path / "m.yaml")
    assert _sorted(imported.answers) == _sorted(long_answers)
