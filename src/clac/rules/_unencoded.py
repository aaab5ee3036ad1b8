"""Why a clause of the Base Document, or part of one, has no rule.

Every clause either is cited by at least one built-in rule (``Rule.clause``) or has an entry
here saying why not: it is context, a list the typed charter holds as data, a lead-in whose
duty later items state, or a duty clac carries out (the calendar, the annual report) or
models in another way (the proposal state machine) rather than checks. A clause whose rules
check only part of it has an entry too, quoting (in both languages) the words no rule checks
and saying why: "an open network ... on a voluntary basis", "a shared folder". The
traceability page of the documentation is generated from this table and
:data:`clac.rules.CATALOGUE`, and a test fails if a clause has neither a rule nor a reason, or
if a reason beside a rule quotes nothing of its clause.

>>> from clac.rules import UNENCODED
>>> UNENCODED["guiding-principles.1"].en.split(":")[0]
'A principle, not a duty'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from clac.charter import BASE_DOCUMENT, Section
from clac.text import Text

__all__ = ["UNENCODED"]

_INTRO = Section.INTRODUCTION
_GOALS = Section.POLICY_GOALS
_SG = Section.STRUCTURE_AND_GOVERNANCE
_REP = Section.REPORTING
_MEM = Section.MEMBERSHIP

_CONTEXT = Text(
    "Context: it describes the problem CLAC addresses and places no duty on anyone, so there "
    "is nothing a registry could meet or fail.",
    "Contexto: describe el problema que aborda la CLAC y no impone ningún deber, así que no hay "
    "nada que un registro pueda cumplir o incumplir.",
)

_STATISTIC = Text(
    "Context: a statistic from INHOPE's 2014 reports, cited as evidence of the problem. It sets "
    "no duty, and clac models governance only: it stores no figures about victims or material.",
    "Contexto: una estadística de los informes de INHOPE de 2014, citada como prueba del "
    "problema. No fija ningún deber, y clac modela solo la gobernanza: no guarda cifras sobre "
    "víctimas ni material.",
)

_WORKING_GROUP = (
    "Encoded as data: the working group {id} (BASE_DOCUMENT.working_groups), which a registry's "
    "working groups and members refer to. A name in a list sets no duty; joining working groups "
    "is checked by MEM-08 and their quarterly reports by REP-01 and REP-02.",
    "Codificado como datos: el grupo de trabajo {id} (BASE_DOCUMENT.working_groups), al que se "
    "refieren los grupos de trabajo y miembros de un registro. Un nombre en una lista no fija "
    "ningún deber; la participación en grupos la verifica MEM-08 y sus informes trimestrales "
    "REP-01 y REP-02.",
)

_POLICY_GOAL = (
    "Encoded as data: policy goal {id} (BASE_DOCUMENT.policy_goals). A goal is a target, not a "
    "duty in itself; the duties towards it are checked where they are stated: POL-01 (specific "
    "actions, Policy Goals item 11), POL-02 (indicators for every goal, item 10) and REP-03 "
    "(reported activities aim at a goal).",
    "Codificado como datos: objetivo de política {id} (BASE_DOCUMENT.policy_goals). Un objetivo "
    "es una meta, no un deber en sí; los deberes hacia él se verifican donde se enuncian: POL-01 "
    "(acciones específicas, ítem 11 de Objetivos de Políticas), POL-02 (indicadores para cada "
    "objetivo, ítem 10) y REP-03 (las actividades reportadas apuntan a un objetivo).",
)

_OBJECTIVE = (
    "Encoded as data: objective {id} (BASE_DOCUMENT.objectives), what the coalition as a whole "
    "is for. It is no party's duty, so nothing can be found unmet; a returned proposal's "
    "recommendations may cite it, and PRO-04 checks that what they cite exists.",
    "Codificado como datos: el objetivo {id} (BASE_DOCUMENT.objectives), la finalidad de la "
    "coalición en su conjunto. No es deber de nadie, así que nada puede resultar incumplido; las "
    "recomendaciones de una propuesta devuelta pueden citarlo, y PRO-04 verifica que exista.",
)

_PARTNER = (
    "Encoded as data: the {kind_en} partner {id} (BASE_DOCUMENT.partners). The Proposed "
    "Structure lists who founded or is expected to join CLAC; being listed is neither a "
    "condition of membership nor a duty, so there is no rule (the sector coverage of "
    "clac.network lists the partners that are not yet members).",
    "Codificado como datos: el socio {kind_es} {id} (BASE_DOCUMENT.partners). La Estructura "
    "Propuesta enumera quiénes fundaron la CLAC o se espera que se unan; figurar en la lista no "
    "es condición de membresía ni un deber, así que no hay regla (la cobertura de "
    "sectores de clac.network enumera los socios que aún no son miembros).",
)


def _partner_reasons() -> dict[tuple[Section, int], Text]:
    reasons: dict[tuple[Section, int], Text] = {}
    for partner in BASE_DOCUMENT.partners:
        kind_en, kind_es = ("founding", "fundador") if partner.founding else ("expected", "posible")
        en, es = _PARTNER
        key = (partner.clause.section, partner.clause.item)
        reasons[key] = Text(
            en.format(kind_en=kind_en, id=partner.id), es.format(kind_es=kind_es, id=partner.id)
        )
    return reasons


def _element_reasons() -> dict[tuple[Section, int], Text]:
    reasons: dict[tuple[Section, int], Text] = {}
    for template, elements in (
        (_OBJECTIVE, BASE_DOCUMENT.objectives),
        (_POLICY_GOAL, BASE_DOCUMENT.policy_goals),
        (_WORKING_GROUP, BASE_DOCUMENT.working_groups),
    ):
        for element in elements:
            clause = element.clause
            if clause is None:  # a working group added by amendment cites no clause
                continue
            en, es = template
            reasons[(clause.section, clause.item)] = Text(
                en.format(id=element.id), es.format(id=element.id)
            )
    first = BASE_DOCUMENT.policy_goal("PG-1").clause
    if first is not None:  # PG-1 is what clac.frameworks serves
        key = (first.section, first.item)
        reasons[key] = reasons[key] + Text(
            "Identifying regional gaps and trends is what clac.frameworks computes: the "
            "regional matrix against ICMEC's criteria and the WeProtect Model National Response, "
            "trends and thin spots (`clac gaps`).",
            "Identificar brechas y tendencias regionales es lo que calcula clac.frameworks: la "
            "matriz regional frente a los criterios del ICMEC y el Modelo de Respuesta Nacional "
            "de WeProtect, las tendencias y los puntos débiles (`clac gaps`).",
        )
    return reasons


_WRITTEN: dict[tuple[Section, int], Text] = {
    **{(_INTRO, item): _CONTEXT for item in (1, 2, 5, 6, 7)},
    (_INTRO, 3): _STATISTIC,
    (_INTRO, 4): _STATISTIC,
    (_INTRO, 8): Text(
        "Descriptive: it names the coalition and ICMEC LAC as the one creating it. The name is "
        "data (clac.charter.COALITION); ICMEC's standing is encoded as the Secretariat and Chair "
        "roles (BASE_DOCUMENT.roles), which GOV-01 and GOV-02 check against Structure and "
        "Governance item 1.",
        "Descriptiva: nombra la coalición y a ICMEC LAC como quien la crea. El nombre es un dato "
        "(clac.charter.COALITION); el lugar de ICMEC se codifica como los cargos de Secretaría y "
        "Presidencia (BASE_DOCUMENT.roles), que verifican GOV-01 y GOV-02 según el ítem 1 de "
        "Estructura y Organización.",
    ),
    (_INTRO, 11): Text(
        "Describes the means, not a duty: bringing together leaders of the sectors it names. The "
        "sectors are the closed vocabulary clac.charter.Sector, and how far a coalition brings "
        "them together is measured (not judged) by the network analyses of clac.network; the "
        "sentence sets no threshold a rule could check.",
        "Describe el medio, no un deber: reunir a líderes de los sectores que nombra. Los "
        "sectores son el vocabulario cerrado clac.charter.Sector, y cuánto los reúne una "
        "coalición lo miden (sin juzgarlo) los análisis de red de clac.network; la frase no fija "
        "ningún umbral que una regla pueda verificar.",
    ),
    (_INTRO, 12): Text(
        "An anticipated outcome ('it is anticipated that'), not a duty: nothing in a registry "
        "can meet or fail an expectation about the region's response.",
        "Un resultado previsto ('se prevé que'), no un deber: nada en un registro puede cumplir o "
        "incumplir una expectativa sobre la respuesta de la región.",
    ),
    (_INTRO, 13): Text(
        "A general commitment of the Members that later clauses make checkable: the track record "
        "and commitment of Membership item 2 (MEM-02) and the specific actions, targets and "
        "indicators of Policy Goals items 10-11 (POL-01, POL-02). A rule here would only repeat "
        "them.",
        "Un compromiso general de los miembros que cláusulas posteriores hacen verificable: el "
        "historial y compromiso del ítem 2 de Miembros (MEM-02) y las acciones, metas e "
        "indicadores de los ítems 10-11 de Objetivos de Políticas (POL-01, POL-02). Una regla "
        "aquí solo los repetiría.",
    ),
    (Section.GUIDING_PRINCIPLES, 1): Text(
        "A principle, not a duty: transparency and fairness are qualities of how CLAC acts, not "
        "facts a registry records. They are encoded as data (BASE_DOCUMENT.principles) so that "
        "reports and proposals can cite them.",
        "Un principio, no un deber: la transparencia y la equidad son cualidades de cómo actúa la "
        "CLAC, no hechos que un registro anote. Se codifican como datos (BASE_DOCUMENT.principles) "
        "para que informes y propuestas puedan citarlos.",
    ),
    (_GOALS, 1): Text(
        "A lead-in to the list of policy goals. The commitment it opens is made checkable by "
        "items 10 and 11 of the same section, whose rules are POL-02 (indicators for every goal) "
        "and POL-01 (each Member's specific actions).",
        "Introduce la lista de objetivos de política. El compromiso que anuncia se hace "
        "verificable en los ítems 10 y 11 de la misma sección, cuyas reglas son POL-02 "
        "(indicadores para cada objetivo) y POL-01 (las acciones específicas de cada miembro).",
    ),
    (_SG, 2): Text(
        "Anticipated, not yet in force: encoded as the Steering Committee role with "
        "anticipated=True (BASE_DOCUMENT.roles). No date or condition is set for forming it, so "
        "no coalition can be found in breach.",
        "Anticipado, aún no vigente: codificado como el cargo de Comité Directivo con "
        "anticipated=True (BASE_DOCUMENT.roles). No se fija fecha ni condición para formarlo, así "
        "que ninguna coalición puede resultar en incumplimiento.",
    ),
    (_SG, 3): Text(
        "An aim of the governance structure ('is planned to support'), not a duty with a "
        "measurable fact; the concrete parts of that structure are checked by the GOV rules "
        "(Secretariat, Chair, annual meetings, plans) and the proposal rules.",
        "Un propósito de la estructura administrativa, no un deber con un hecho medible; las "
        "partes concretas de esa estructura las verifican las reglas GOV (Secretaría, "
        "Presidencia, reuniones anuales, planes) y las reglas de propuestas.",
    ),
    (_SG, 5): Text(
        "A lead-in to the list of working groups (items 6-9), which are encoded as data "
        "(BASE_DOCUMENT.working_groups).",
        "Introduce la lista de grupos de trabajo (ítems 6-9), que se codifican como datos "
        "(BASE_DOCUMENT.working_groups).",
    ),
    (_SG, 16): Text(
        "ICMEC LAC's part in the plans, written into the Chair role's duties "
        "(BASE_DOCUMENT.roles). The plan it produces is checked by GOV-06 and GOV-07 under item "
        "15; how ICMEC LAC works with the Members leaves no record of its own to check.",
        "La parte de ICMEC LAC en los planes, escrita en los deberes del cargo de Presidencia "
        "(BASE_DOCUMENT.roles). El plan resultante lo verifican GOV-06 y GOV-07 bajo el ítem 15; "
        "cómo trabaja ICMEC LAC con los miembros no deja un registro propio que verificar.",
    ),
    (_REP, 4): Text(
        "Encoded as a report section (ReportSection.POLICIES) and as the typed policies of a "
        "quarterly report (clac.model.Policy), whose policy goals must exist when the registry "
        "loads. The clause says what a report may contain ('any policy'): a quarter without new "
        "policies is not a gap, so there is no rule.",
        "Codificado como una sección de informe (ReportSection.POLICIES) y como las políticas "
        "tipadas de un informe trimestral (clac.model.Policy), cuyos objetivos de política deben "
        "existir al cargar el registro. La cláusula dice qué puede contener un informe ('las "
        "políticas'): un trimestre sin políticas nuevas no es una brecha, así que no hay regla.",
    ),
    (_REP, 5): Text(
        "Encoded as a report section (ReportSection.LEGISLATIVE_ADVANCES) and as the typed "
        "advances of a quarterly report (clac.model.LegislativeAdvance). The clause says what a "
        "report may contain ('any advance'): a quarter without legislative reform is not a gap, "
        "so there is no rule. An advance can cite the framework criteria it moves and assess "
        "them, feeding the regional gap matrix (clac.frameworks).",
        "Codificado como una sección de informe (ReportSection.LEGISLATIVE_ADVANCES) y como los "
        "avances tipados de un informe trimestral (clac.model.LegislativeAdvance). La cláusula "
        "dice qué puede contener un informe ('cualquier avance'): un trimestre sin reformas "
        "legislativas no es una brecha, así que no hay regla. Un avance puede citar los "
        "criterios de un marco que mueve y evaluarlos, alimentando la matriz regional de "
        "brechas (clac.frameworks).",
    ),
    (_REP, 7): Text(
        "A Secretariat task clac carries out rather than checks: clac.reporting.calendar (and "
        "`clac calendar`) builds the shared calendar from the registry's meetings, report due "
        "dates and plan assessments, so it is up to date whenever the registry is.",
        "Una tarea de la Secretaría que clac realiza en lugar de verificarla: "
        "clac.reporting.calendar (y `clac calendar`) genera el calendario compartido a partir de "
        "las reuniones, vencimientos de informes y evaluaciones de planes del registro, de modo "
        "que está al día siempre que el registro lo está.",
    ),
    (_REP, 9): Text(
        "Describes the annual report's content, which clac compiles: clac.reporting.annual_report "
        "(and `clac report annual`) summarises the implementation status and progress per policy "
        "goal. That a report exists for each year is checked by REP-06 under item 8.",
        "Describe el contenido del informe anual, que clac compila: "
        "clac.reporting.annual_report (y `clac report annual`) resume el estado de aplicación y "
        "el progreso por objetivo de política. Que exista un informe por año lo verifica REP-06 "
        "bajo el ítem 8.",
    ),
    (_MEM, 11): Text(
        "A permission, not a duty: contributions are welcome but 'not required as a condition of "
        "membership'. Encoded as the encouraged requirement financial-contributions "
        "(BASE_DOCUMENT.requirements); a rule could only ever find it met, so there is none.",
        "Un permiso, no un deber: las contribuciones son bienvenidas pero 'no son condicionantes "
        "para ser miembros'. Codificado como el requisito alentado financial-contributions "
        "(BASE_DOCUMENT.requirements); una regla solo podría darlo por cumplido, así que no la "
        "hay.",
    ),
}


_PARTS: dict[tuple[Section, int], Text] = {
    # Clauses that rules cite (GOV-01, GOV-02; REP-04) but check only in part.
    (_SG, 1): Text(
        'Not encoded: "an open network of organizations and companies, which operates on a '
        'voluntary basis". Openness and the voluntary basis describe the coalition and bind no '
        "one: the charter sets no admission procedure to check beyond the Membership "
        "requirements (MEM rules), and a duty-free basis cannot be unmet, so clac encodes it as "
        "the absence of rules: a member may become inactive or withdraw (Member.status) without "
        "any finding. GOV-01 and GOV-02 check the rest of the clause (the Secretariat and the "
        "Chair).",
        'No codificado: "una red abierta de organizaciones y empresas que operan de forma '
        'voluntaria". La apertura y el carácter voluntario describen la coalición y no obligan '
        "a nadie: la carta no fija otro procedimiento de admisión que los requisitos de "
        "Miembros (reglas MEM), y lo que no impone deberes no puede incumplirse, así que clac lo "
        "codifica como ausencia de reglas: un miembro puede quedar inactivo o retirarse "
        "(Member.status) sin ningún hallazgo. GOV-01 y GOV-02 verifican el resto de la cláusula "
        "(la Secretaría y la Presidencia).",
    ),
    (_REP, 6): Text(
        'Not encoded as a rule: "made available in a shared folder". A registry\'s documents '
        "are the shared folder (Coalition.documents, each with its TLP label; "
        "clac.reporting.Audience says who may see which), so a document it does not list is "
        "unknown, not missing, and no rule could find the folder unmet. REP-04 checks the "
        "clause's other duty, circulating the minutes.",
        'No codificado como regla: "se pondrán a disposición por medio de una carpeta '
        'compartida". Los documentos de un registro son la carpeta compartida '
        "(Coalition.documents, cada uno con su etiqueta TLP; clac.reporting.Audience dice quién "
        "puede ver cuál), así que un documento que no figura es desconocido, no faltante, y "
        "ninguna regla podría dar la carpeta por incumplida. REP-04 verifica el otro deber de "
        "la cláusula, circular las actas.",
    ),
}


def _build() -> Mapping[str, Text]:
    reasons = {**_element_reasons(), **_partner_reasons(), **_WRITTEN, **_PARTS}
    ordered = {}
    for clause in BASE_DOCUMENT.clauses:
        reason = reasons.pop((clause.section, clause.item), None)
        if reason is not None:
            ordered[clause.id] = reason
    if reasons:  # pragma: no cover - a programming error, caught by the tests
        raise LookupError(f"reasons for clauses the Base Document lacks: {sorted(reasons)}")
    return MappingProxyType(ordered)


UNENCODED: Mapping[str, Text] = _build()
"""Clause id (``introduction.1``) → why no built-in rule cites it — or, for a clause that rules
do cite, which of its words they leave out (quoted) and why — in English and Spanish, in
document order."""
