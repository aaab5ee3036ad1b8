"""ICMEC's model-legislation review: the five criteria a country's law on CSAM is reviewed against.

Source: International Centre for Missing & Exploited Children (ICMEC), *Child Sexual Abuse
Material: Model Legislation & Global Review*, 9th edition (2018). The review counts a country's
legislation as sufficient when it meets all five criteria, or all but the last (ISP reporting).
The charter's Introduction (item 7) draws on this review: "the majority of countries in the
region have legislation criminalizing CSAM".

A 10th edition (2023) exists; the secondary summary of it that could be read lists the same five
criteria (the second phrased as a definition of a child, then of CSAM), so clac keeps one
version of this framework (docs/frameworks.md, "ICMEC's model legislation").

Sectors: legislation is the government's (legislature and ministries); the ISP-reporting duty
is carried in practice by Internet service providers too, so the private sector is listed there.
"""

from __future__ import annotations

from clac.charter import Sector
from clac.frameworks._framework import Framework, FrameworkItem, Source, Sufficiency
from clac.text import Text

__all__ = ["ICMEC_LEGISLATION"]


def _criterion(number: int) -> Text:
    return Text(f"Criterion {number}", f"Criterio {number}", pt=f"Critério {number}")


ICMEC_LEGISLATION = Framework(
    id="icmec-legislation",
    name=Text(
        "ICMEC Model Legislation & Global Review: CSAM legislation criteria",
        "Legislación Modelo y Revisión Global del ICMEC: criterios sobre legislación de MCASI",
        pt="Legislação Modelo e Revisão Global do ICMEC: critérios sobre legislação de MASI",
    ),
    short_name=Text("ICMEC legislation", "Legislación (ICMEC)", pt="Legislação (ICMEC)"),
    source=Source(
        publisher="International Centre for Missing & Exploited Children (ICMEC)",
        title="Child Sexual Abuse Material: Model Legislation & Global Review",
        edition="9th edition",
        year=2018,
        url="https://www.icmec.org/csam-model-legislation/",
    ),
    items=(
        FrameworkItem(
            id="specific-legislation",
            ref=_criterion(1),
            label=Text("CSAM-specific legislation", "Legislación específica sobre MCASI"),
            description=Text(
                "The country has legislation specific to child sexual abuse material.",
                "El país cuenta con legislación específica sobre material de abuso sexual "
                "infantil (MCASI).",
            ),
            sectors=(Sector.GOVERNMENT,),
        ),
        FrameworkItem(
            id="definition",
            ref=_criterion(2),
            label=Text("Definition of CSAM", "Definición de MCASI"),
            description=Text(
                "The law defines child sexual abuse material.",
                "La ley define el material de abuso sexual infantil.",
            ),
            sectors=(Sector.GOVERNMENT,),
        ),
        FrameworkItem(
            id="technology-facilitated",
            ref=_criterion(3),
            label=Text("Technology-facilitated offences", "Delitos facilitados por la tecnología"),
            description=Text(
                "The law criminalises technology-facilitated CSAM offences.",
                "La ley tipifica los delitos de MCASI facilitados por la tecnología.",
            ),
            sectors=(Sector.GOVERNMENT,),
        ),
        FrameworkItem(
            id="possession",
            ref=_criterion(4),
            label=Text("Knowing possession", "Posesión a sabiendas"),
            description=Text(
                "The law criminalises the knowing possession of CSAM, regardless of the intent "
                "to distribute.",
                "La ley tipifica la posesión a sabiendas de MCASI, con independencia de la "
                "intención de distribuirlo.",
            ),
            sectors=(Sector.GOVERNMENT,),
        ),
        FrameworkItem(
            id="isp-reporting",
            ref=_criterion(5),
            label=Text("ISP reporting", "Denuncia por los proveedores de Internet"),
            description=Text(
                "The law requires Internet service providers to report suspected CSAM to law "
                "enforcement or to another mandated agency.",
                "La ley obliga a los proveedores de servicios de Internet a denunciar el MCASI "
                "sospechoso ante las fuerzas del orden u otro organismo designado.",
            ),
            sectors=(Sector.GOVERNMENT, Sector.PRIVATE_SECTOR),
        ),
    ),
    sufficiency=Sufficiency(
        required=("specific-legislation", "definition", "technology-facilitated", "possession"),
        rationale=Text(
            "ICMEC counts a country's legislation as sufficient when it meets all five criteria, "
            "or all but the ISP-reporting one.",
            "El ICMEC considera suficiente la legislación de un país cuando cumple los cinco "
            "criterios, o todos salvo el de denuncia por los proveedores de Internet.",
        ),
    ),
)
