"""The CLAC Base Document as a :class:`Charter`: ``BASE_DOCUMENT``.

Every element cites the clause it is read from (:mod:`clac.charter._clauses`). What is clac's
own reading rather than the document's words is said where it is set: the effective date, the
founding partners' sectors, the short labels of the policy goals, the offices' duties and the
severities of the membership requirements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from clac.charter._charter import Charter
from clac.charter._clause import Clause
from clac.charter._clauses import CLAUSES, clause_at
from clac.charter._goals import Objective, PolicyGoal, Principle
from clac.charter._membership import Requirement
from clac.charter._parameters import Parameters
from clac.charter._partners import LaterName, Partner
from clac.charter._reporting import ReportSection
from clac.charter._roles import ICMEC_LAC, Role, RoleDefinition
from clac.charter._vocabulary import Section, Sector, Severity
from clac.charter._working_groups import WorkingGroupDefinition
from clac.text import Text

__all__ = ["BASE_DOCUMENT", "BASE_DOCUMENT_EFFECTIVE", "clauses_by_section"]

BASE_DOCUMENT_EFFECTIVE = dt.date(2016, 1, 1)
"""When clac takes the Base Document to be in force: **clac's assumption**.

The Base Document is undated. Its newest facts are INHOPE's figures for 2014, and ICMEC LAC
convened the coalition after them; clac dates the charter 1 January 2016 so that every
registry's history can be checked against some charter. A coalition that knows the real date
can use ``attrs.evolve(BASE_DOCUMENT, effective=...)``.
"""

_INTRO = Section.INTRODUCTION
_GOALS = Section.POLICY_GOALS
_SG = Section.STRUCTURE_AND_GOVERNANCE
_REP = Section.REPORTING
_MEM = Section.MEMBERSHIP
_PS = Section.PROPOSED_STRUCTURE


def _verbatim(clause: Clause) -> Text:
    return clause.text


_OBJECTIVES = tuple(
    Objective(f"OBJ-{n}", _verbatim(clause_at(_INTRO, item)), clause_at(_INTRO, item))
    for n, item in ((1, 9), (2, 10))
)

_PRINCIPLES = (
    Principle(
        "transparency",
        Text("Transparency", "Transparencia", pt="Transparência"),
        clause_at(Section.GUIDING_PRINCIPLES, 1),
    ),
    Principle(
        "fairness",
        Text("Fairness", "Equidad", pt="Equidade"),
        clause_at(Section.GUIDING_PRINCIPLES, 1),
    ),
)

# The short labels are clac's, for tables; the goals' own words are their clauses' text.
_GOAL_LABELS = (
    Text("Regional gaps and trends", "Brechas y tendencias regionales"),
    Text("Hotlines", "Líneas de denuncia"),
    Text("Guidelines and protocols", "Directrices y protocolos"),
    Text("In-country coordination", "Coordinación en los países"),
    Text("Investigation and prosecution", "Investigación y enjuiciamiento"),
    Text("Awareness of online risks", "Conciencia de los riesgos en línea"),
    Text("Online safety tools", "Herramientas de seguridad en línea"),
    Text("Less CSAM, less re-victimization", "Menos MCASI, menos revictimización"),
)

_POLICY_GOALS = tuple(
    PolicyGoal(
        f"PG-{n}",
        _verbatim(clause_at(_GOALS, n + 1)),
        short,
        clause_at(_GOALS, n + 1),
    )
    for n, short in enumerate(_GOAL_LABELS, start=1)
)

_WORKING_GROUPS = tuple(
    WorkingGroupDefinition(group_id, _verbatim(clause_at(_SG, item)), clause_at(_SG, item))
    for group_id, item in (
        ("prevention-awareness", 6),
        ("private-sector-collaboration", 7),
        ("law-enforcement-investigation", 8),
        ("latin-american-hotlines", 9),
    )
)

# Founding partners: the document gives no sector; these are clac's classification.
_FOUNDING = (
    ("icmec", Sector.NGO),
    ("inhope", Sector.HOTLINE),
    ("interpol", Sector.INTERGOVERNMENTAL),
    ("red-natic", Sector.REGIONAL_NETWORK),
)

# Expected partners: id, sector heading they are listed under, whether the entry is generic.
_EXPECTED = (
    ("facebook", Sector.PRIVATE_SECTOR, False),
    ("google", Sector.PRIVATE_SECTOR, False),
    ("gsma", Sector.PRIVATE_SECTOR, False),
    ("microsoft", Sector.PRIVATE_SECTOR, False),
    ("twitter", Sector.PRIVATE_SECTOR, False),
    ("yahoo", Sector.PRIVATE_SECTOR, False),
    ("chicos-net", Sector.NGO, False),
    ("ecpat", Sector.NGO, False),
    ("global-infancia", Sector.NGO, False),
    ("paniamor", Sector.NGO, False),
    ("save-the-children", Sector.NGO, False),
    ("red-papaz-te-protejo", Sector.HOTLINE, False),
    ("rcpi-peru", Sector.HOTLINE, False),
    ("safernet", Sector.HOTLINE, False),
    ("icann-latin-america", Sector.REGIONAL_NETWORK, False),
    ("lacigf", Sector.REGIONAL_NETWORK, False),
    ("mmi-lac", Sector.REGIONAL_NETWORK, False),
    ("oas", Sector.REGIONAL_NETWORK, False),
    ("itu", Sector.UN_AGENCY, False),
    ("unicef-lacro", Sector.UN_AGENCY, False),
    ("unodc", Sector.UN_AGENCY, False),
    ("cybercrime-groups", Sector.LAW_ENFORCEMENT, True),
    ("other-law-enforcement", Sector.LAW_ENFORCEMENT, True),
    ("universities", Sector.ACADEMIC, True),
    ("professional-associations", Sector.ACADEMIC, True),
    ("research-groups", Sector.ACADEMIC, True),
)

# Names partners took after the charter was written (the charter keeps its own wording).
_LATER_NAMES = {
    "facebook": (LaterName("meta", "Meta", dt.date(2021, 10, 28)),),
    "twitter": (LaterName("x", "X", dt.date(2023, 7, 23)),),
}

_PARTNERS = (
    *(
        Partner(
            partner_id,
            _verbatim(clause_at(_PS, item)),
            sector,
            clause_at(_PS, item),
            founding=True,
        )
        for item, (partner_id, sector) in enumerate(_FOUNDING, start=1)
    ),
    *(
        Partner(
            partner_id,
            _verbatim(clause_at(_PS, item)),
            sector,
            clause_at(_PS, item),
            generic=generic,
            later_names=_LATER_NAMES.get(partner_id, ()),
        )
        for item, (partner_id, sector, generic) in enumerate(_EXPECTED, start=len(_FOUNDING) + 1)
    ),
)

_ROLES = (
    RoleDefinition(
        role=Role.SECRETARIAT,
        holder=Text("ICMEC", "ICMEC"),
        holder_organization="icmec",
        anticipated=False,
        duties=Text(
            "Supports the coalition: receives the Members' information on progress and the "
            "Working Groups' quarterly reports, circulates meeting minutes and keeps documents "
            "and materials in a shared folder, keeps a shared calendar of relevant events, and "
            "produces the electronic annual report.",
            "Apoya a la coalición: recibe la información de los miembros sobre su progreso y los "
            "informes trimestrales de los grupos de trabajo, realiza y circula las actas de las "
            "reuniones y mantiene documentos y materiales en una carpeta compartida, mantiene un "
            "calendario compartido de eventos de interés y elabora el informe anual electrónico.",
        ),
        clause=clause_at(_SG, 1),
        duty_clauses=tuple(clause_at(_REP, item) for item in (1, 2, 6, 7, 8)),
    ),
    RoleDefinition(
        role=Role.CHAIR,
        holder=Text("A representative of ICMEC LAC", "Un representante de ICMEC LAC"),
        holder_organization="icmec",
        anticipated=False,
        duties=Text(
            "Chairs the coalition for ICMEC LAC, which coordinates the annual meetings, "
            "organizes the regional meetings at which proposals are discussed, and works with "
            "the Members on the annual operating plan.",
            "Preside la coalición por ICMEC LAC, que coordina las reuniones anuales, organiza "
            "las reuniones regionales en que se discuten las propuestas y trabaja con los "
            "miembros en el plan operativo anual.",
        ),
        clause=clause_at(_SG, 1),
        duty_clauses=tuple(clause_at(_SG, item) for item in (4, 12, 16)),
        unit=ICMEC_LAC,
    ),
    RoleDefinition(
        role=Role.STEERING_COMMITTEE,
        holder=Text("Not yet formed", "Aún no constituido"),
        holder_organization=None,
        anticipated=True,
        duties=Text(
            "Hands-on management of CLAC's efforts, once formed to keep pace with CLAC's growth.",
            "La gestión práctica de los esfuerzos de la CLAC, una vez constituido para acompañar "
            "su crecimiento.",
        ),
        clause=clause_at(_SG, 2),
        duty_clauses=(clause_at(_SG, 2),),
    ),
)


def _requirement(
    requirement_id: str,
    severity: Severity,
    item: int,
    text: Text | None = None,
) -> Requirement:
    clause = clause_at(_MEM, item)
    return Requirement(
        requirement_id,
        severity,
        clause.text if text is None else text,
        clause,
        condition_of_membership=severity is not Severity.ENCOURAGED,
    )


# Severities follow the English "are requested to" (expected), see the divergence on
# Membership, item 1; "institutional" states what membership is, so it is required, and the
# entries worded "such as", "help", "whenever possible" or "welcome" are encouraged.
_REQUIREMENTS = (
    _requirement(
        "institutional",
        Severity.REQUIRED,
        1,
        Text(
            "CLAC membership is institutional and not specific to individuals.",
            "La membresía es de carácter institucional y no de carácter personal.",
        ),
    ),
    _requirement("track-record", Severity.EXPECTED, 2),
    _requirement("written-subscription", Severity.EXPECTED, 3),
    _requirement("listed-in-materials", Severity.EXPECTED, 4),
    _requirement("representative", Severity.EXPECTED, 5),
    _requirement(
        "representative-middle-level",
        Severity.EXPECTED,
        5,
        # The Spanish alone states this; the English is clac's translation of it.
        Text(
            "Designate a representative who holds at least a middle-level position within "
            "their organization.",
            "Designar por lo menos un representante que tenga por lo menos un nivel medio "
            "dentro de su organización",
        ),
    ),
    _requirement("meetings", Severity.EXPECTED, 6),
    _requirement("working-groups", Severity.EXPECTED, 7),
    _requirement("expertise", Severity.ENCOURAGED, 8),
    _requirement("outreach", Severity.ENCOURAGED, 9),
    _requirement("support", Severity.ENCOURAGED, 10),
    _requirement("financial-contributions", Severity.ENCOURAGED, 11),
)

_REPORT_SECTIONS = {section: clause_at(_REP, section.item) for section in ReportSection}

BASE_DOCUMENT = Charter(
    id="base-document",
    version=1,
    effective=BASE_DOCUMENT_EFFECTIVE,
    title=Text("Base Document", "Documento Base", pt="Documento Base"),
    clauses=CLAUSES,
    objectives=_OBJECTIVES,
    principles=_PRINCIPLES,
    policy_goals=_POLICY_GOALS,
    working_groups=_WORKING_GROUPS,
    partners=_PARTNERS,
    roles=_ROLES,
    requirements=_REQUIREMENTS,
    report_sections=_REPORT_SECTIONS,
    parameters=Parameters(),
)
"""The CLAC Base Document, version 1, every clause in English and Spanish."""


def clauses_by_section(charter: Charter | None = None) -> Mapping[Section, tuple[Clause, ...]]:
    """Every section of ``charter`` (the Base Document by default) with its clauses, in order."""
    return (BASE_DOCUMENT if charter is None else charter).sections
