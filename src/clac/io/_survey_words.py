"""What the answers of a survey export mean: the words of each scale in English, Spanish and
Portuguese, and organization names matched to ids ignoring case and accents.

A survey tool exports the answer words of the form's language ("Mensualmente", "Cooperativa",
"Mucho"), not clac's values (``monthly``, ``cooperative``, ``4``): :data:`WORDS` holds, for each
scale, the words clac understands without a mapping, compared by :func:`normalise` (case,
accents and punctuation ignored). The same words, in one language, are the choices of the
questionnaires clac writes (:data:`LABELS`), so what comes back reads without a word mapping.

>>> WORDS["frequency"][normalise("Mensualmente")], WORDS["collaboration"][normalise("COOPERACIÓN")]
('monthly', 'cooperative')
>>> normalise("  Fundación  Amparo (demo) ")
'fundacion amparo demo'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final

from clac.survey import Collaboration, Frequency, ResourceKind

__all__ = [
    "LABELS",
    "RATING_SCALES",
    "SCALES",
    "WORDS",
    "NameIndex",
    "normalise",
]


def normalise(text: str) -> str:
    """``text`` as people read it: case, accents and punctuation ignored, spaces collapsed.

    (issue 28 asked for partner names matched ignoring case and accents; the charter's own
    partner matcher, on its way in another change, normalises the same way.)
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


#: The scale each measure's answers are read on.
SCALES: Final[Mapping[str, str]] = {
    "frequency": "frequency",
    "collaboration": "collaboration",
    "trust_reliable": "rating",
    "trust_mission": "rating",
    "trust_open": "rating",
    "value_influence": "rating",
    "value_involvement": "rating",
    "value_resources": "rating",
    "resources": "resources",
    "goals": "goals",
}
RATING_SCALES: Final = frozenset({"rating"})

# value -> (the label clac's questionnaires use, then more words people write), per language.
_FREQUENCY: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    Frequency.NEVER: {
        "en": ("Never", "not at all"),
        "es": ("Nunca",),
        "pt": ("Nunca",),
    },
    Frequency.YEARLY: {
        "en": ("Yearly", "once a year", "annually", "a few times a year"),
        "es": ("Una vez al año", "anualmente", "anual", "cada año"),
        "pt": ("Uma vez por ano", "anualmente", "anual"),
    },
    Frequency.QUARTERLY: {
        "en": ("Quarterly", "every quarter", "every three months"),
        "es": ("Trimestralmente", "trimestral", "cada trimestre", "cada tres meses"),
        "pt": ("Trimestralmente", "trimestral", "a cada trimestre"),
    },
    Frequency.MONTHLY: {
        "en": ("Monthly", "every month"),
        "es": ("Mensualmente", "mensual", "cada mes"),
        "pt": ("Mensalmente", "mensal", "todo mes"),
    },
    Frequency.WEEKLY: {
        "en": ("Weekly", "every week"),
        "es": ("Semanalmente", "semanal", "cada semana"),
        "pt": ("Semanalmente", "semanal", "toda semana"),
    },
    Frequency.DAILY: {
        "en": ("Daily", "every day"),
        "es": ("Diariamente", "diario", "diaria", "a diario", "todos los dias"),
        "pt": ("Diariamente", "diario", "todo dia", "todos os dias"),
    },
}

_COLLABORATION: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    Collaboration.NONE: {
        "en": ("No collaboration", "none"),
        "es": ("Ninguna", "ninguno", "sin colaboracion"),
        "pt": ("Nenhuma", "nenhum", "sem colaboracao"),
    },
    Collaboration.AWARENESS: {
        "en": ("Awareness", "aware"),
        "es": ("Conocimiento mutuo", "conocimiento", "conciencia", "sensibilizacion"),
        "pt": ("Conhecimento mutuo", "conhecimento", "consciencia"),
    },
    Collaboration.COOPERATIVE: {
        "en": ("Cooperative", "cooperation"),
        "es": ("Cooperativa", "cooperacion", "cooperativo"),
        "pt": ("Cooperativa", "cooperacao", "cooperativo"),
    },
    Collaboration.COORDINATED: {
        "en": ("Coordinated", "coordination"),
        "es": ("Coordinada", "coordinacion", "coordinado"),
        "pt": ("Coordenada", "coordenacao", "coordenado"),
    },
    Collaboration.INTEGRATED: {
        "en": ("Integrated", "integration"),
        "es": ("Integrada", "integracion", "integrado"),
        "pt": ("Integrada", "integracao", "integrado"),
    },
}

# The PARTNER tool's 1-4 scale: "not at all", "a small amount", "a fair amount", "a great deal".
_RATING: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    "1": {
        "en": ("1 - Not at all", "not at all"),
        "es": ("1 - Nada", "nada", "en absoluto"),
        "pt": ("1 - Nada", "nada", "de modo algum"),
    },
    "2": {
        "en": ("2 - A small amount", "a small amount", "a little", "somewhat"),
        "es": ("2 - Poco", "poco", "algo"),
        "pt": ("2 - Pouco", "pouco", "um pouco"),
    },
    "3": {
        "en": ("3 - A fair amount", "a fair amount", "quite a bit"),
        "es": ("3 - Bastante", "bastante"),
        "pt": ("3 - Bastante", "bastante"),
    },
    "4": {
        "en": ("4 - A great deal", "a great deal", "very much"),
        "es": ("4 - Mucho", "mucho", "muchisimo"),
        "pt": ("4 - Muito", "muito"),
    },
}

_RESOURCES: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    ResourceKind.FUNDING: {
        "en": ("Funding", "money"),
        "es": ("Financiamiento", "financiacion", "fondos", "dinero", "recursos financieros"),
        "pt": ("Financiamento", "recursos financeiros", "fundos"),
    },
    ResourceKind.IN_KIND: {
        "en": ("In-kind", "in kind"),
        "es": ("En especie", "apoyo en especie", "aportes en especie"),
        "pt": ("Em especie",),
    },
    ResourceKind.STAFF: {
        "en": ("Staff", "people"),
        "es": ("Personal", "recursos humanos"),
        "pt": ("Pessoal", "equipe"),
    },
    ResourceKind.DATA: {"en": ("Data",), "es": ("Datos",), "pt": ("Dados",)},
    ResourceKind.EXPERTISE: {
        "en": ("Expertise",),
        "es": (
            "Conocimiento experto",
            "experticia",
            "pericia",
            "conocimientos",
            "conocimientos tecnicos",
            "experiencia",
            "experiencia tecnica",
            "asistencia tecnica",
            "asesoria",
        ),
        "pt": ("Conhecimento especializado", "expertise"),
    },
    ResourceKind.REFERRALS: {
        "en": ("Referrals",),
        "es": ("Derivaciones", "derivacion", "referencias", "referidos", "remisiones"),
        "pt": ("Encaminhamentos", "encaminhamento"),
    },
    ResourceKind.INFORMATION: {
        "en": ("Information",),
        "es": ("Información",),
        "pt": ("Informação",),
    },
    ResourceKind.TRAINING: {
        "en": ("Training",),
        "es": ("Capacitación", "formacion", "entrenamiento"),
        "pt": ("Capacitação", "treinamento", "formacao"),
    },
    ResourceKind.ADVOCACY: {
        "en": ("Advocacy",),
        "es": ("Incidencia", "incidencia politica", "abogacia"),
        "pt": ("Incidência", "advocacy", "incidencia politica"),
    },
    ResourceKind.FACILITIES: {
        "en": ("Facilities", "premises"),
        "es": ("Instalaciones", "espacios", "infraestructura"),
        "pt": ("Instalações",),
    },
    ResourceKind.OTHER: {"en": ("Other",), "es": ("Otro", "otros"), "pt": ("Outro", "outros")},
}

_GOALS: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    f"PG-{n}": {
        "en": (f"PG-{n}", f"policy goal {n}", f"goal {n}"),
        "es": (f"PG-{n}", f"meta de politica {n}", f"objetivo de politica {n}", f"meta {n}"),
        "pt": (f"PG-{n}", f"meta de politica {n}", f"objetivo de politica {n}", f"meta {n}"),
    }
    for n in range(1, 9)
}

_TABLES: Final = {
    "frequency": _FREQUENCY,
    "collaboration": _COLLABORATION,
    "rating": _RATING,
    "resources": _RESOURCES,
    "goals": _GOALS,
}

#: The label of each value, per scale and language: the choices of clac's questionnaires.
LABELS: Final[Mapping[str, Mapping[str, Mapping[str, str]]]] = {
    scale: {
        lang: {str(value): words[lang][0] for value, words in table.items()}
        for lang in ("en", "es", "pt")
    }
    for scale, table in _TABLES.items()
}


def _words(table: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value, by_language in table.items():
        found[normalise(str(value))] = str(value)
        for words in by_language.values():
            for word in words:
                found.setdefault(normalise(word), str(value))
    return found


#: normalised word -> clac's value, per scale: every language's words and clac's own values.
WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    scale: _words(table) for scale, table in _TABLES.items()
}


class NameIndex:
    """Organization names and ids, found by a name written any way (case, accents, punctuation
    and a trailing parenthesis ignored), with suggestions for a name that is not found.

    >>> index = NameIndex([("fundacion-amparo", "Fundación Amparo (demo)")])
    >>> index.find("FUNDACION AMPARO"), index.find("fundacion-amparo"), index.find("Amparo")
    ('fundacion-amparo', 'fundacion-amparo', None)
    >>> index.suggest("Fundasion Amparo")
    ['Fundación Amparo (demo)']
    """

    def __init__(
        self,
        organizations: Iterable[tuple[str, str]],
        aliases: Mapping[str, str] | None = None,
        *,
        also: Iterable[tuple[str, str]] = (),
    ) -> None:
        """``aliases`` (name -> id) win over the organizations' own names and ids; ``also``
        ((name, id) pairs: the charter's names of a partner) only fill in names not taken."""
        self._ids: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        for org_id, name in organizations:
            for key in (org_id, name, re.sub(r"\([^)]*\)", " ", name)):
                self._ids.setdefault(normalise(key), org_id)
            self._shown[normalise(name)] = name
        for name, org_id in also:
            self._ids.setdefault(normalise(name), org_id)
        for alias, org_id in (aliases or {}).items():
            self._ids[normalise(alias)] = org_id

    def find(self, name: str) -> str | None:
        """The id of the organization ``name`` names, or None."""
        return self._ids.get(normalise(name))

    def suggest(self, name: str) -> list[str]:
        """Up to three organization names close to ``name`` (difflib)."""
        close = difflib.get_close_matches(normalise(name), list(self._shown), n=3, cutoff=0.6)
        return [self._shown[c] for c in close]
