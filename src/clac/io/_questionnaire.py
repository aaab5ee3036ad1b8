"""The partnership questionnaire, written from a registry for the survey tools, with the mapping
that reads back what they export.

- :func:`google_form` gives the questions, their answer choices and the partner list of a
  Google Form (Markdown, to copy into the form editor), and :func:`google_form_mapping` the
  mapping file for its responses' CSV.
- :func:`xlsform` gives an XLSForm (the ``survey``, ``choices`` and ``settings`` sheets) for
  KoboToolbox or ODK: a respondent question and a repeat group, one entry per partner;
  :func:`write_xlsform` writes it as ``.xlsx`` (with openpyxl) or Markdown tables, and
  :func:`kobo_mapping` gives the mapping for its export.

The choices are the built-in answer words of the language (:data:`LABELS`), so the exports read
back without any word mapping.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

from clac._escape import FORMULA_START, markdown, markdown_cell
from clac.errors import FileFormatError
from clac.io._files import EXPORT_MODE, write_atomically
from clac.io._survey_words import LABELS, SCALES
from clac.registry import Coalition
from clac.text import Language, Text

__all__ = [
    "QUESTIONS",
    "RESPONDENT_QUESTION",
    "TIMESTAMP",
    "google_form",
    "google_form_mapping",
    "kobo_mapping",
    "write_xlsform",
    "xlsform",
]

#: The question asking who answers.
RESPONDENT_QUESTION: Final = Text(
    "Which organization do you answer for?",
    "¿En nombre de qué organización responde?",
    pt="Em nome de qual organização você responde?",
)

#: The question of each measure (a grid question: one row per partner organization).
QUESTIONS: Final = {
    "frequency": Text(
        "How often does your organization work with each organization?",
        "¿Con qué frecuencia trabaja su organización con cada organización?",
        pt="Com que frequência sua organização trabalha com cada organização?",
    ),
    "collaboration": Text(
        "How closely does your organization work with each organization?",
        "¿Qué tan estrecha es la colaboración de su organización con cada organización?",
        pt="Quão estreita é a colaboração da sua organização com cada organização?",
    ),
    "trust_reliable": Text(
        "How reliable is each organization?",
        "¿Qué tan confiable es cada organización?",
        pt="Quão confiável é cada organização?",
    ),
    "trust_mission": Text(
        "How far does each organization share your mission?",
        "¿En qué medida comparte cada organización su misión?",
        pt="Em que medida cada organização compartilha sua missão?",
    ),
    "trust_open": Text(
        "How open to discussion is each organization?",
        "¿Qué tan abierta al diálogo es cada organización?",
        pt="Quão aberta ao diálogo é cada organização?",
    ),
    "value_influence": Text(
        "How much power and influence does each organization have?",
        "¿Cuánto poder e influencia tiene cada organización?",
        pt="Quanto poder e influência tem cada organização?",
    ),
    "value_involvement": Text(
        "How involved is each organization in the coalition's work?",
        "¿Cuánto participa cada organización en el trabajo de la coalición?",
        pt="Quanto cada organização participa do trabalho da coalizão?",
    ),
    "value_resources": Text(
        "How much does each organization contribute in resources?",
        "¿Cuánto aporta cada organización en recursos?",
        pt="Quanto cada organização contribui em recursos?",
    ),
    "resources": Text(
        "Which resources does your relationship with each organization bring?",
        "¿Qué recursos aporta su relación con cada organización?",
        pt="Que recursos traz a relação com cada organização?",
    ),
    "goals": Text(
        "Which policy goals does your work with each organization serve?",
        "¿A qué metas de política sirve su trabajo con cada organización?",
        pt="A quais metas de política serve o trabalho com cada organização?",
    ),
}

#: The header Google Forms gives the time of each response, by the form owner's language.
TIMESTAMP: Final = Text("Timestamp", "Marca temporal", pt="Carimbo de data/hora")

_MULTIPLE: Final = frozenset({"resources", "goals"})
_LANGUAGE_NAMES: Final = {"en": "English (en)", "es": "Español (es)", "pt": "Português (pt)"}


def _lang(language: Language | str) -> str:
    return Language.parse(language).value


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _organizations(coalition: Coalition) -> list[tuple[str, str]]:
    return sorted(((o.id, o.name) for o in coalition.organizations), key=lambda p: p[1].casefold())


def google_form(coalition: Coalition, language: Language | str = "en") -> str:
    """The Google Form of the partnership survey, as Markdown: each question with its type,
    rows (the partner organizations) and columns (the answer choices)."""
    lang = _lang(language)
    names = [markdown(name) for _, name in _organizations(coalition)]
    heading = Text("Partnership survey", "Encuesta de alianzas", pt="Pesquisa de parcerias")
    lines = [f"# {heading.in_(lang)}: {markdown(coalition.name)}", ""]
    kinds = {
        "dropdown": Text("Dropdown", "Desplegable", pt="Lista suspensa"),
        "grid": Text(
            "Multiple choice grid", "Cuadrícula de varias opciones", pt="Grade de múltipla escolha"
        ),
        "checkbox": Text("Checkbox grid", "Cuadrícula de casillas", pt="Grade de caixa de seleção"),
        "rows": Text("Rows", "Filas", pt="Linhas"),
        "columns": Text("Columns", "Columnas", pt="Colunas"),
        "options": Text("Options", "Opciones", pt="Opções"),
    }
    lines += [f"## 1. {RESPONDENT_QUESTION.in_(lang)}", "", f"*{kinds['dropdown'].in_(lang)}*", ""]
    lines += [f"{kinds['options'].in_(lang)}:", "", *(f"- {n}" for n in names), ""]
    for number, (measure, question) in enumerate(QUESTIONS.items(), 2):
        kind = "checkbox" if measure in _MULTIPLE else "grid"
        choices = LABELS[SCALES[measure]][lang].values()
        lines += [f"## {number}. {question.in_(lang)}", "", f"*{kinds[kind].in_(lang)}*", ""]
        lines += [f"{kinds['rows'].in_(lang)}:", "", *(f"- {n}" for n in names), ""]
        lines += [f"{kinds['columns'].in_(lang)}:", "", *(f"- {c}" for c in choices), ""]
    return "\n".join(lines)


def _round_lines(column: str, rounds: Sequence[date]) -> list[str]:
    listed = ", ".join(r.isoformat() for r in rounds) or date.today().isoformat()
    return [
        "round:",
        f"  column: {_quoted(column)}",
        f"  rounds: [{listed}]   # each response goes to the last round on or before its date",
    ]


def _question_lines(texts: dict[str, str]) -> list[str]:
    return ["questions:", *(f"  {m}: {_quoted(t)}" for m, t in texts.items())]


def google_form_mapping(
    coalition: Coalition, language: Language | str = "en", rounds: Sequence[date] = ()
) -> str:
    """The mapping file (YAML) that reads the responses CSV of :func:`google_form`'s form."""
    lang = _lang(language)
    del coalition  # the partner names are the registry's: matched without a names table
    return "\n".join(
        [
            f"# clac survey mapping: the responses of the Google Form clac wrote ({lang})",
            "layout: google-forms",
            f"respondent: {_quoted(RESPONDENT_QUESTION.in_(lang))}",
            *_round_lines(TIMESTAMP.in_(lang), rounds),
            *_question_lines({m: q.in_(lang) for m, q in QUESTIONS.items()}),
            "",
        ]
    )


def xlsform(coalition: Coalition, language: Language | str = "en") -> dict[str, list[list[str]]]:
    """The XLSForm of the survey: sheets ``survey``, ``choices`` and ``settings``, each a list
    of rows (the first its header)."""
    lang = _lang(language)
    label = f"label::{_LANGUAGE_NAMES[lang]}"
    survey = [["type", "name", label, "required"]]
    survey.append(["select_one organizations", "respondent", RESPONDENT_QUESTION.in_(lang), "yes"])
    partners = Text("Partner organizations", "Organizaciones socias", pt="Organizações parceiras")
    partner = Text("Organization", "Organización", pt="Organização")
    survey.append(["begin_repeat", "partners", partners.in_(lang), ""])
    survey.append(["select_one organizations", "partner", partner.in_(lang), "yes"])
    for measure, question in QUESTIONS.items():
        kind = "select_multiple" if measure in _MULTIPLE else "select_one"
        required = "yes" if measure in {"frequency", "collaboration"} else "no"
        survey.append([f"{kind} {SCALES[measure]}", measure, question.in_(lang), required])
    survey.append(["end_repeat", "", "", ""])
    choices = [["list_name", "name", label]]
    choices += [["organizations", org_id, name] for org_id, name in _organizations(coalition)]
    for scale in ("frequency", "collaboration", "rating", "resources", "goals"):
        choices += [[scale, value, text] for value, text in LABELS[scale][lang].items()]
    title = Text("Partnership survey", "Encuesta de alianzas", pt="Pesquisa de parcerias")
    settings = [
        ["form_title", "form_id", "default_language"],
        [f"{title.in_(lang)}: {coalition.name}", "clac_partnership_survey", _LANGUAGE_NAMES[lang]],
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


def kobo_mapping(rounds: Sequence[date] = (), repeat_file: str | None = None) -> str:
    """The mapping file (YAML) that reads the KoboToolbox export of :func:`xlsform`'s form
    (XML values or labels alike)."""
    lines = [
        "# clac survey mapping: the KoboToolbox export of the XLSForm clac wrote",
        "layout: kobo",
        "respondent: respondent",
        *_round_lines("_submission_time", rounds),
        "repeat: partners",
    ]
    if repeat_file:
        lines.append(f"repeat_file: {_quoted(repeat_file)}")
    else:
        lines.append(
            "# repeat_file: partners.csv   # with a CSV export: the partners sheet saved as CSV"
        )
    lines += ["partner: partner", *_question_lines({m: m for m in QUESTIONS}), ""]
    return "\n".join(lines)


def _markdown_sheets(sheets: dict[str, list[list[str]]]) -> str:
    out: list[str] = []
    for name, rows in sheets.items():
        out += [f"## {name}", ""]
        header, *body = rows
        out.append("| " + " | ".join(markdown_cell(h) for h in header) + " |")
        out.append("|" + "---|" * len(header))
        out += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in body]
        out.append("")
    return "\n".join(out)


def write_xlsform(
    coalition: Coalition, path: str | os.PathLike[str], language: Language | str = "en"
) -> Path:
    """Write :func:`xlsform` to ``path``: an ``.xlsx`` workbook (needs openpyxl,
    ``pip install 'clac[xlsx]'``) or, for ``.md``, Markdown tables to copy into one."""
    sheets = xlsform(coalition, language)
    suffix = Path(path).suffix.lower()
    if suffix == ".md":
        return write_atomically(path, _markdown_sheets(sheets), mode=EXPORT_MODE)
    if suffix != ".xlsx":
        raise FileFormatError(
            Text(
                "is not a suffix an XLSForm is written as (choose .xlsx or .md)",
                "no es un sufijo en que se escriba un XLSForm (elija .xlsx o .md)",
                pt="não é um sufixo em que se escreva um XLSForm (escolha .xlsx ou .md)",
            ),
            value=suffix or os.fspath(path),
        )
    try:
        import openpyxl
    except ImportError:
        raise FileFormatError(
            Text(
                "needs openpyxl to write an .xlsx workbook (pip install 'clac[xlsx]'), or "
                "write .md",
                "necesita openpyxl para escribir un libro .xlsx (pip install 'clac[xlsx]'), o "
                "escriba .md",
                pt="precisa de openpyxl para escrever uma pasta .xlsx, ou escreva .md",
            ),
            value=os.fspath(path),
        ) from None
    import io

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in sheet.iter_rows():
            for cell in cells:
                # A name such as "=Fundación" stays text: never a formula the sheet would run.
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomically(path, buffer.getvalue(), mode=EXPORT_MODE)
