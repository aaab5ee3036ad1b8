"""The words clac's outputs share, in English, Spanish and Portuguese, fixed once.

Reports, tables and the command line all name the same things — a rule, a country, a date, a
meeting kind, a severity — and each of them says it with the table here, so that a translation
is corrected in one place. What a single output alone says (a report's own headings) stays
with that output. Every word here has its Portuguese form.

>>> word("country", "pt")
'País'
>>> SEVERITIES[Severity.EXPECTED].in_("es")
'esperada'
>>> label_of(MeetingKind.ANNUAL).in_("pt")
'Reunião anual'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Final

from clac.charter import Severity
from clac.model import (
    TLP,
    ActivityScope,
    ActivityStatus,
    DocumentKind,
    MeetingKind,
    MeetingMode,
    PolicyKind,
)
from clac.text import Language, Text

__all__ = [
    "ACTIVITY_SCOPES",
    "ACTIVITY_STATUSES",
    "DOCUMENT_KINDS",
    "MEETING_KINDS",
    "MEETING_MODES",
    "POLICY_KINDS",
    "SEVERITIES",
    "TLP_LABELS",
    "VOCABULARIES",
    "WORDS",
    "label_of",
    "word",
]

#: Headings and words more than one output uses, by key.
WORDS: Final[Mapping[str, Text]] = {
    "activity": Text("Activity", "Actividad", pt="Atividade"),
    "assumption": Text("clac's assumption", "supuesto de clac", pt="suposição do clac"),
    "clause": Text("Clause", "Cláusula", pt="Cláusula"),
    "coalition": Text("Coalition", "Coalición", pt="Coalizão"),
    "countries": Text("Countries", "Países", pt="Países"),
    "country": Text("Country", "País", pt="País"),
    "date": Text("Date", "Fecha", pt="Data"),
    "description": Text("Description", "Descripción", pt="Descrição"),
    "evidence": Text("Evidence", "Evidencia", pt="Evidência"),
    "findings": Text("Findings", "Hallazgos", pt="Constatações"),
    "goal": Text("Policy goal", "Objetivo de política", pt="Objetivo de política"),
    "goals": Text("Policy goals", "Objetivos de política", pt="Objetivos de política"),
    "item": Text("Item", "Ítem", pt="Item"),
    "kind": Text("Kind", "Tipo", pt="Tipo"),
    "meeting": Text("Meeting", "Reunión", pt="Reunião"),
    "members": Text("Members", "Miembros", pt="Membros"),
    "message": Text("Message", "Mensaje", pt="Mensagem"),
    "none": Text("None.", "Ninguno.", pt="Nenhum."),
    "outcome": Text("Outcome", "Resultado", pt="Resultado"),
    "policies": Text("Policies", "Políticas", pt="Políticas"),
    "quarter": Text("Quarter", "Trimestre", pt="Trimestre"),
    "rule": Text("Rule", "Regla", pt="Regra"),
    "severity": Text("Severity", "Severidad", pt="Severidade"),
    "source": Text("Source", "Fuente", pt="Fonte"),
    "state": Text("State", "Estado", pt="Estado"),
    "status": Text("Status", "Estado", pt="Situação"),
    "subject": Text("Subject", "Sujeto", pt="Sujeito"),
    "title": Text("Title", "Título", pt="Título"),
    "total": Text("Total", "Total", pt="Total"),
    "working_group": Text("Working group", "Grupo de trabajo", pt="Grupo de trabalho"),
    "working_groups": Text("Working groups", "Grupos de trabajo", pt="Grupos de trabalho"),
}

SEVERITIES: Final[Mapping[Severity, Text]] = {
    Severity.REQUIRED: Text("required", "obligatoria", pt="obrigatória"),
    Severity.EXPECTED: Text("expected", "esperada", pt="esperada"),
    Severity.ENCOURAGED: Text("encouraged", "alentada", pt="incentivada"),
}

MEETING_KINDS: Final[Mapping[MeetingKind, Text]] = {
    MeetingKind.ANNUAL: Text("Annual meeting", "Reunión anual", pt="Reunião anual"),
    MeetingKind.REGIONAL: Text("Regional meeting", "Reunión regional", pt="Reunião regional"),
    MeetingKind.WORKING_GROUP: Text(
        "Working group meeting", "Reunión de grupo de trabajo", pt="Reunião de grupo de trabalho"
    ),
    MeetingKind.STEERING_COMMITTEE: Text(
        "Steering Committee meeting",
        "Reunión del Comité Directivo",
        pt="Reunião do Comitê Diretivo",
    ),
}

MEETING_MODES: Final[Mapping[MeetingMode, Text]] = {
    MeetingMode.IN_PERSON: Text("in person", "presencial", pt="presencial"),
    MeetingMode.TELECONFERENCE: Text("teleconference", "por teleconferencia", pt="teleconferência"),
}

ACTIVITY_STATUSES: Final[Mapping[ActivityStatus, Text]] = {
    ActivityStatus.IMPLEMENTED: Text("implemented", "ejecutada", pt="executada"),
    ActivityStatus.PLANNED: Text("planned", "prevista", pt="prevista"),
}

ACTIVITY_SCOPES: Final[Mapping[ActivityScope, Text]] = {
    ActivityScope.IN_COUNTRY: Text("in-country", "en el país", pt="no país"),
    ActivityScope.REGIONAL: Text("regional", "regional", pt="regional"),
}

POLICY_KINDS: Final[Mapping[PolicyKind, Text]] = {
    PolicyKind.ORGANIZATIONAL: Text("organizational", "organizativa", pt="organizacional"),
    PolicyKind.IN_COUNTRY: Text("in-country", "en el país", pt="no país"),
}

DOCUMENT_KINDS: Final[Mapping[DocumentKind, Text]] = {
    DocumentKind.MINUTES: Text("minutes", "actas", pt="atas"),
    DocumentKind.QUARTERLY_REPORT: Text(
        "quarterly report", "informe trimestral", pt="relatório trimestral"
    ),
    DocumentKind.ANNUAL_REPORT: Text("annual report", "informe anual", pt="relatório anual"),
    DocumentKind.BEST_PRACTICE: Text("best practice", "buena práctica", pt="boa prática"),
    DocumentKind.GUIDELINE: Text("guideline", "directriz", pt="diretriz"),
    DocumentKind.PROTOCOL: Text("protocol", "protocolo", pt="protocolo"),
    DocumentKind.PLAN: Text("plan", "plan", pt="plano"),
    DocumentKind.SUBSCRIPTION: Text(
        "charter subscription", "suscripción de la carta", pt="adesão à carta"
    ),
    DocumentKind.OTHER: Text("other", "otro", pt="outro"),
}

#: A TLP label as written in every language (the standard's own notation).
TLP_LABELS: Final[Mapping[TLP, str]] = {label_: f"TLP:{label_.value}" for label_ in TLP}

#: Every closed vocabulary with words here, by its enum.
VOCABULARIES: Final[Mapping[type[enum.Enum], Mapping[Any, Text]]] = {
    Severity: SEVERITIES,
    MeetingKind: MEETING_KINDS,
    MeetingMode: MEETING_MODES,
    ActivityStatus: ACTIVITY_STATUSES,
    ActivityScope: ACTIVITY_SCOPES,
    PolicyKind: POLICY_KINDS,
    DocumentKind: DOCUMENT_KINDS,
}


def word(key: str, language: Language | str, **values: object) -> str:
    """The shared word ``key`` in ``language``, with ``values`` filled in."""
    text = WORDS[key]
    return (text.format(**values) if values else text).in_(language)


def label_of(value: enum.Enum) -> Text:
    """The words for a member of one of the :data:`VOCABULARIES`."""
    return VOCABULARIES[type(value)][value]
