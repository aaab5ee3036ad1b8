"""Which framework items each of the charter's 8 policy goals works toward: clac's interpretation.

The charter does not name ICMEC's criteria or the MNR's capabilities; this mapping is ours,
labelled as such wherever it is shown. It is used to say which quarterly-report activities and
policies are relevant to a change in a country's standing (:func:`clac.frameworks.trends`).

>>> from clac.frameworks import GOAL_LINKS
>>> GOAL_LINKS["PG-2"].items
('mnr/hotline',)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from clac import _validators as v
from clac.text import Text

__all__ = ["GOAL_LINKS", "INTERPRETATION", "GoalLink", "goals_for"]

#: How every mapping from the charter to a framework is labelled.
INTERPRETATION = Text(
    "clac's interpretation, not a statement of the charter or of the framework",
    "interpretación de clac, no una afirmación del documento base ni del marco",
    pt="interpretação do clac, não uma afirmação do documento base nem do marco",
)


@attrs.frozen(slots=True)
class GoalLink:
    """One policy goal and the framework items (``framework/item``) it works toward, and why."""

    goal: str = attrs.field(validator=v.policy_goal_id)
    items: tuple[str, ...] = attrs.field(
        converter=v.to_tuple, validator=v.each(v.item_ref, unique=True)
    )
    rationale: Text = attrs.field(validator=v.instance(Text, "bilingual text"))


_ICMEC_ALL = tuple(
    f"icmec-legislation/{item}"
    for item in ("specific-legislation", "definition", "technology-facilitated", "possession")
)

_LINKS = (
    GoalLink(
        "PG-1",
        ("mnr/research",),
        Text(
            "Identifying regional gaps, challenges and trends is research, analysis and "
            "monitoring; the regional matrix itself serves this goal.",
            "Identificar brechas, retos y tendencias regionales es investigación, análisis y "
            "seguimiento; la propia matriz regional sirve a este objetivo.",
        ),
    ),
    GoalLink(
        "PG-2",
        ("mnr/hotline",),
        Text(
            "Hotlines for reporting child sexual abuse online are the MNR's CSEA hotline.",
            "Las líneas de denuncia del abuso sexual infantil en línea son la línea de denuncia "
            "de ESNNA del MRN.",
        ),
    ),
    GoalLink(
        "PG-3",
        ("mnr/child-protection-workforce", "mnr/end-to-end-support", "mnr/terminology"),
        Text(
            "Guidelines, protocols and procedures for responding serve the workforce and "
            "services that respond, and a shared terminology.",
            "Las directrices, protocolos y procedimientos de respuesta sirven al personal y a "
            "los servicios que responden, y a una terminología común.",
        ),
    ),
    GoalLink(
        "PG-4",
        ("mnr/leadership",),
        Text(
            "Protocols for in-country coordination are the work of a national governance and "
            "oversight body.",
            "Los protocolos de coordinación en el país son tarea de un órgano nacional de "
            "gobernanza y supervisión.",
        ),
    ),
    GoalLink(
        "PG-5",
        (
            "mnr/law-enforcement",
            "mnr/judiciary",
            "mnr/image-databases",
            "mnr/legislation",
            *_ICMEC_ALL,
        ),
        Text(
            "Investigating and prosecuting needs dedicated police, trained prosecutors and "
            "judges, image databases, and the offences defined in law (ICMEC criteria 1-4).",
            "Investigar y enjuiciar requiere policía especializada, fiscales y jueces "
            "capacitados, bases de datos de imágenes y los delitos tipificados en la ley "
            "(criterios 1 a 4 del ICMEC).",
        ),
    ),
    GoalLink(
        "PG-6",
        ("mnr/education", "mnr/ethical-media-reporting"),
        Text(
            "Raising public awareness of the risks is the education programme and informed "
            "media reporting.",
            "Aumentar la conciencia pública de los riesgos corresponde al programa educativo y "
            "a una cobertura mediática informada.",
        ),
    ),
    GoalLink(
        "PG-7",
        ("mnr/education", "mnr/innovation"),
        Text(
            "Awareness of tools that protect children is education, and the tools come from "
            "industry's innovative solutions.",
            "La concienciación sobre herramientas de protección es educación, y las "
            "herramientas provienen de las soluciones innovadoras de la industria.",
        ),
    ),
    GoalLink(
        "PG-8",
        ("mnr/takedown", "mnr/industry-reporting", "icmec-legislation/isp-reporting"),
        Text(
            "Reducing the availability of CSAM is takedown and reporting by industry, which "
            "ICMEC's fifth criterion makes a legal duty.",
            "Reducir la disponibilidad del MCASI es retirada y denuncia por la industria, que "
            "el quinto criterio del ICMEC convierte en obligación legal.",
        ),
    ),
)

#: Each policy goal's link to the framework items, by goal id (PG-1 … PG-8).
GOAL_LINKS: Mapping[str, GoalLink] = MappingProxyType({link.goal: link for link in _LINKS})


def goals_for(item_ref: str) -> tuple[str, ...]:
    """The policy goals whose link names ``item_ref`` (``'mnr/hotline'`` → ``('PG-2',)``)."""
    return tuple(link.goal for link in _LINKS if item_ref in link.items)
