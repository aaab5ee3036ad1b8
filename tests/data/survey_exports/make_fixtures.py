"""Write the shipped fictional survey (``src/clac/data/partnership_survey.csv``) as the survey
tools would export it, with the questions clac's questionnaires ask:

- ``google_forms_es.csv``: a Spanish Google Form's responses (``Marca temporal``, an e-mail
  column, the respondent question, one ``Pregunta [Organización]`` column per partner);
- ``surveymonkey_en.csv``: a SurveyMonkey "expanded" CSV (two header rows, the usual
  respondent metadata columns, a matrix question per measure);
- ``kobo_main.csv`` and ``kobo_partners.csv``: a KoboToolbox export of clac's XLSForm (XML
  values), the repeat group's rows joined to the main ones by ``_parent_index`` = ``_index``.

Run ``python tests/data/survey_exports/make_fixtures.py`` after changing the survey or the
questions; ``tests/test_survey_exports.py`` checks the committed files are what it writes.
The e-mail addresses are fictional (``example.org``).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

import clac
from clac.data import __file__ as _data
from clac.io import loads_survey
from clac.io._questionnaire import QUESTIONS, RESPONDENT_QUESTION
from clac.io._survey_words import LABELS, SCALES
from clac.survey import SurveyAnswer

HERE = Path(__file__).parent
SURVEY = Path(_data).parent / "partnership_survey.csv"

Sheet = list[list[str]]


def _answers() -> tuple[SurveyAnswer, ...]:
    return loads_survey(SURVEY.read_text(encoding="utf-8"), clac.demo())


def _by_response(
    answers: Iterable[SurveyAnswer],
) -> dict[tuple[date, str], dict[str, SurveyAnswer]]:
    grouped: dict[tuple[date, str], dict[str, SurveyAnswer]] = defaultdict(dict)
    for a in answers:
        grouped[(a.round, a.respondent)][a.partner] = a
    return dict(sorted(grouped.items()))


def _word(answer: SurveyAnswer, measure: str, lang: str, xml: bool = False) -> str:
    labels = LABELS[SCALES[measure]][lang]
    value = getattr(answer, measure)
    if measure in {"resources", "goals"}:
        items = [str(v) for v in value]
        return " ".join(items) if xml else ";".join(labels[i] for i in items)
    if value is None:
        return ""
    return str(value) if xml else labels[str(value)]


def _partners(answers: Iterable[SurveyAnswer]) -> list[str]:
    return sorted({a.partner for a in answers})


def _when(round_: date, number: int) -> datetime:
    return datetime(round_.year, round_.month, round_.day, 9) + timedelta(hours=7 * number)


def google_forms(answers: tuple[SurveyAnswer, ...]) -> Sheet:
    names = {o.id: o.name for o in clac.demo().organizations}
    partners = _partners(answers)
    header = [
        "Marca temporal",
        "Dirección de correo electrónico",
        RESPONDENT_QUESTION.es,
        *(f"{q.es} [{names[p]}]" for q in QUESTIONS.values() for p in partners),
        "Comentarios",
    ]
    rows = [header]
    for number, ((round_, respondent), given) in enumerate(_by_response(answers).items()):
        when = _when(round_, number)
        stamp = when.strftime("%Y/%m/%d %I:%M:%S ") + ("p. m." if when.hour >= 12 else "a. m.")
        row = [f"{stamp} GMT-3", f"persona{number}@example.org", names[respondent]]
        for measure in QUESTIONS:
            row += [_word(given[p], measure, "es") if p in given else "" for p in partners]
        rows.append([*row, ""])
    return rows


_SM_META = [
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
]


def surveymonkey(answers: tuple[SurveyAnswer, ...]) -> Sheet:
    names = {o.id: o.name for o in clac.demo().organizations}
    partners = _partners(answers)
    first = [*_SM_META, RESPONDENT_QUESTION.en]
    second = [""] * len(_SM_META) + ["Response"]
    for question in QUESTIONS.values():
        first += [question.en] + [""] * (len(partners) - 1)
        second += [names[p] for p in partners]
    rows = [first, second]
    for number, ((round_, respondent), given) in enumerate(_by_response(answers).items()):
        start = _when(round_, number)
        end = start + timedelta(minutes=12)
        stamp = "%m/%d/%Y %I:%M:%S %p"
        row = [
            str(11400000000 + number),
            "431000000",
            start.strftime(stamp),
            end.strftime(stamp),
            "",
            "",
            "",
            "",
            "",
            names[respondent],
        ]
        for measure in QUESTIONS:
            row += [_word(given[p], measure, "en") if p in given else "" for p in partners]
        rows.append(row)
    return rows


def kobo(answers: tuple[SurveyAnswer, ...]) -> tuple[Sheet, Sheet]:
    main = [
        [
            "start",
            "end",
            "respondent",
            "_id",
            "_uuid",
            "_submission_time",
            "_validation_status",
            "_notes",
            "_status",
            "_submitted_by",
            "__version__",
            "_tags",
            "_index",
        ]
    ]
    repeat = [
        [
            "partners/partner",
            *(f"partners/{m}" for m in QUESTIONS),
            "_index",
            "_parent_table_name",
            "_parent_index",
            "_submission__id",
            "_submission__uuid",
            "_submission__submission_time",
            "_submission__validation_status",
            "_submission__notes",
            "_submission__status",
            "_submission__submitted_by",
            "_submission___version__",
            "_submission__tags",
        ]
    ]
    child = 0
    for index, ((round_, respondent), given) in enumerate(_by_response(answers).items(), 1):
        when = _when(round_, index)
        started = when.strftime("%Y-%m-%dT%H:%M:%S.000-03:00")
        submitted = (when + timedelta(hours=3, minutes=15)).strftime("%Y-%m-%dT%H:%M:%S")
        uuid = f"00000000-0000-4000-8000-{index:012d}"
        main.append(
            [
                started,
                started,
                respondent,
                str(9000 + index),
                uuid,
                submitted,
                "",
                "",
                "submitted_via_web",
                "",
                "vFictional",
                "",
                str(index),
            ]
        )
        for partner, answer in given.items():
            child += 1
            repeat.append(
                [
                    partner,
                    *(_word(answer, m, "en", xml=True) for m in QUESTIONS),
                    str(child),
                    "clac_partnership_survey",
                    str(index),
                    str(9000 + index),
                    uuid,
                    submitted,
                    "",
                    "",
                    "submitted_via_web",
                    "",
                    "vFictional",
                    "",
                ]
            )
    return main, repeat


def as_csv(rows: Sheet) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def fixtures() -> dict[str, str]:
    """The fixture files' names and texts."""
    answers = _answers()
    main, repeat = kobo(answers)
    return {
        "google_forms_es.csv": as_csv(google_forms(answers)),
        "surveymonkey_en.csv": as_csv(surveymonkey(answers)),
        "kobo_main.csv": as_csv(main),
        "kobo_partners.csv": as_csv(repeat),
    }


if __name__ == "__main__":
    for name, text in fixtures().items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")
