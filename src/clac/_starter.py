"""A starting registry for a real coalition: what ``clac init`` writes.

Unlike the demo (:mod:`clac._demo`), which is fictional from end to end, the starting registry
holds only what the charter itself states: the four founding partners, by the names the
charter gives them, the working groups it creates and the roles it assigns (ICMEC provides the
Secretariat, a representative of ICMEC LAC chairs). It invents nothing: no members, meetings,
hours or reports. ``records_since`` is the day it is written, so no duty before that day is
assessed, and every section starts with a comment, in English, Spanish or Portuguese, saying
what to record there. A registry that says nothing cannot fail a duty: ``clac check`` on it
finds nothing unmet.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from clac.charter import BASE_DOCUMENT, Role
from clac.text import Language, Text

if TYPE_CHECKING:
    from clac.charter import Charter

__all__ = ["starting_registry"]


def _q(value: str) -> str:
    """A YAML scalar for ``value``: a JSON string, which YAML reads as the same string."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: Text, language: Language) -> list[str]:
    """``text`` in ``language`` as comment lines of at most 100 characters."""
    words = text.in_(language).split()
    lines: list[str] = []
    line = "#"
    for word in words:
        if len(line) + 1 + len(word) > 100:
            lines.append(line)
            line = "#"
        line += " " + word
    lines.append(line)
    return lines


_HEADER = Text(
    "The registry of {name}, started with `clac init` on {day}. It records facts, not "
    "intentions: add what a document, the minutes or a public page shows, and leave out what "
    "you do not know. What is not recorded is unknown, and clac says so ('insufficient data') "
    "instead of calling a duty unmet. Check the file at any time with `clac check {file}`; "
    "`clac schema` describes every key, and the guide 'From public facts to a registry' walks "
    "through each section.",
    "El registro de {name}, iniciado con `clac init` el {day}. Registra hechos, no "
    "intenciones: agregue lo que muestre un documento, un acta o una página pública, y omita lo "
    "que no sepa. Lo no registrado es desconocido, y clac lo dice ('datos insuficientes') en "
    "lugar de dar un deber por incumplido. Verifique el archivo cuando quiera con "
    "`clac check {file}`; `clac schema` describe cada clave, y la guía 'From public facts to a "
    "registry' recorre cada sección.",
    pt="O registro de {name}, iniciado com `clac init` em {day}. Registra fatos, não "
    "intenções: acrescente o que um documento, uma ata ou uma página pública mostre, e deixe "
    "de fora o que não souber. O que não está registrado é desconhecido, e o clac o diz "
    "('dados insuficientes') em vez de dar um dever por descumprido. Verifique o arquivo quando "
    "quiser com `clac check {file}`; `clac schema` descreve cada chave, e o guia 'From public "
    "facts to a registry' percorre cada seção.",
)

_RECORDS_SINCE = Text(
    "The day from which these records are complete. Duties that fell before it are not "
    "assessed ('before the records begin'). `clac init` set the day it ran; move it back as you "
    "fill in older records, or set a day per kind of record under records_since_by_kind "
    "(members, meetings, reports, hours, plans, documents).",
    "El día desde el que estos registros están completos. Los deberes anteriores no se evalúan "
    "('antes de que comiencen los registros'). `clac init` puso el día en que se ejecutó; "
    "retráselo a medida que agregue registros más antiguos, o fije un día por tipo de registro "
    "en records_since_by_kind (members, meetings, reports, hours, plans, documents).",
    pt="O dia a partir do qual estes registros estão completos. Os deveres anteriores não são "
    "avaliados ('antes do início dos registros'). `clac init` pôs o dia em que foi executado; "
    "recue-o à medida que acrescentar registros mais antigos, ou fixe um dia por tipo de "
    "registro em records_since_by_kind (members, meetings, reports, hours, plans, documents).",
)

_ORGANIZATIONS = Text(
    "Organizations: every institution a record names, member or not. These are the charter's "
    "four founding partners, by the names the charter gives them (partner: links each to the "
    "charter's list). For each one you add: id (lowercase, with hyphens), name, sector, "
    "countries (ISO codes such as BR, MX) and scope (national: one country; regional; global). "
    "Add the countries where a partner works when you have a source.",
    "Organizaciones: cada institución que nombre un registro, sea o no miembro. Estas son los "
    "cuatro socios fundadores de la carta, con los nombres que ella les da (partner: enlaza "
    "cada una con la lista de la carta). Para cada una que agregue: id (minúsculas y guiones), "
    "name, sector, countries (códigos ISO como BR, MX) y scope (national: un país; regional; "
    "global). Agregue los países donde trabaja un socio cuando tenga una fuente.",
    pt="Organizações: cada instituição que um registro nomeie, membro ou não. Estas são os "
    "quatro parceiros fundadores da carta, com os nomes que ela lhes dá (partner: liga cada uma "
    "à lista da carta). Para cada uma que acrescentar: id (minúsculas e hífens), name, sector, "
    "countries (códigos ISO como BR, MX) e scope (national: um país; regional; global). "
    "Acrescente os países onde um parceiro atua quando tiver uma fonte.",
)

_MEMBERS = Text(
    "Members: an organization above that joined, and the day it joined (joined: YYYY-MM-DD; "
    "a year or a month if that is all you know; leave it out if no source says). Then what you "
    "can show: the written "
    "subscription to the charter (charter_subscription: {signed: DATE, document: ID}), "
    "listed_in_materials (true or false), representatives (name, position, level), "
    "working_groups (one or two), commitments (goal, action, target). What an entry does not "
    "list is unknown until you say the entry is complete: record_complete: DATE, the day from "
    "which it holds everything about the member (records_since_by_kind: {members: DATE} says it "
    "for every member). None is listed yet: "
    "being a founding partner is not a record of the day one joined.",
    "Miembros: una organización de arriba que se unió, y el día en que lo hizo (joined: "
    "AAAA-MM-DD; un año o un mes si es todo lo que sabe; omítalo si ninguna fuente lo dice). "
    "Luego lo que pueda mostrar: la "
    "suscripción escrita a la carta (charter_subscription: {signed: FECHA, document: ID}), "
    "listed_in_materials (true o false), representantes (name, position, level), "
    "working_groups (uno o dos), compromisos (goal, action, target). Lo que una ficha no "
    "enumera es desconocido hasta que diga que la ficha está completa: record_complete: FECHA, "
    "el día desde el que contiene todo sobre el miembro (records_since_by_kind: {members: "
    "FECHA} lo dice para todos). Aún no hay ninguno: ser "
    "socio fundador no es un registro del día en que se unió.",
    pt="Membros: uma organização acima que aderiu, e o dia em que o fez (joined: AAAA-MM-DD; "
    "um ano ou um mês se for tudo o que sabe; omita-o se nenhuma fonte o disser). Depois o que "
    "puder mostrar: a subscrição escrita "
    "da carta (charter_subscription: {signed: DATA, document: ID}), listed_in_materials (true "
    "ou false), representantes (name, position, level), working_groups (um ou dois), "
    "compromissos (goal, action, target). O que uma ficha não lista é desconhecido até que diga "
    "que a ficha está completa: record_complete: DATA, o dia a partir do qual contém tudo sobre "
    "o membro (records_since_by_kind: {members: DATA} o diz para todos). Ainda não há nenhum: "
    "ser parceiro fundador não é um "
    "registro do dia em que aderiu.",
)

_WORKING_GROUPS = Text(
    "Working groups: the four the charter creates. They are dated from the day the charter "
    "took effect ({effective}); record the day each was actually formed when you know it. A "
    "group formed later needs its own entry, with the day active members were consulted "
    "(consulted: DATE).",
    "Grupos de trabajo: los cuatro que crea la carta. Llevan la fecha en que la carta entró en "
    "vigor ({effective}); registre el día en que cada uno se formó realmente cuando lo sepa. Un "
    "grupo formado después necesita su propia entrada, con el día en que se consultó a los "
    "miembros activos (consulted: FECHA).",
    pt="Grupos de trabalho: os quatro que a carta cria. Levam a data em que a carta entrou em "
    "vigor ({effective}); registre o dia em que cada um foi de fato formado quando souber. Um "
    "grupo formado depois precisa de sua própria entrada, com o dia em que os membros ativos "
    "foram consultados (consulted: DATA).",
)

_MEETINGS = Text(
    "Meetings: id, date, kind (annual, regional, working-group), mode (in-person, "
    "teleconference), organizer, attendees (members' ids), and the minutes once circulated "
    "(minutes: {document: ID, circulated: DATE}).",
    "Reuniones: id, date, kind (annual, regional, working-group), mode (in-person, "
    "teleconference), organizer, attendees (ids de miembros) y el acta una vez circulada "
    "(minutes: {document: ID, circulated: FECHA}).",
    pt="Reuniões: id, date, kind (annual, regional, working-group), mode (in-person, "
    "teleconference), organizer, attendees (ids de membros) e a ata depois de circulada "
    "(minutes: {document: ID, circulated: DATA}).",
)

_PARTICIPATION = Text(
    "Participation: the hours a member gave in a month (member, month: YYYY-MM, hours).",
    "Participación: las horas que un miembro dedicó en un mes (member, month: AAAA-MM, hours).",
    pt="Participação: as horas que um membro dedicou em um mês (member, month: AAAA-MM, hours).",
)

_DOCUMENTS = Text(
    "Documents: the shared folder (id, title, kind, language, classification as a TLP label: "
    "CLEAR, GREEN, AMBER, AMBER+STRICT or RED, date). Subscriptions and minutes refer to them.",
    "Documentos: la carpeta compartida (id, title, kind, language, classification como "
    "etiqueta TLP: CLEAR, GREEN, AMBER, AMBER+STRICT o RED, date). Suscripciones y actas se "
    "refieren a ellos.",
    pt="Documentos: a pasta compartilhada (id, title, kind, language, classification como "
    "rótulo TLP: CLEAR, GREEN, AMBER, AMBER+STRICT ou RED, date). Subscrições e atas se "
    "referem a eles.",
)

_REPORTS = Text(
    "Quarterly reports of the working groups: working_group, year, quarter (1-4), submitted "
    "(the day the Secretariat received it, if known), activities, policies, "
    "legislative_advances.",
    "Informes trimestrales de los grupos de trabajo: working_group, year, quarter (1-4), "
    "submitted (el día en que la Secretaría lo recibió, si se sabe), activities, policies, "
    "legislative_advances.",
    pt="Relatórios trimestrais dos grupos de trabalho: working_group, year, quarter (1-4), "
    "submitted (o dia em que a Secretaria o recebeu, se souber), activities, policies, "
    "legislative_advances.",
)

_PROPOSALS = Text(
    "Project proposals: id, title, proposer (a member), goals, and their history of events "
    "(`clac proposal advance` records each step).",
    "Propuestas de proyecto: id, title, proposer (un miembro), goals, y su historial de eventos "
    "(`clac proposal advance` registra cada paso).",
    pt="Propostas de projeto: id, title, proposer (um membro), goals, e seu histórico de "
    "eventos (`clac proposal advance` registra cada passo).",
)

_PLANS = Text(
    "Plans: the strategic plan (start_year, years, targets per policy goal) and each year's "
    "operational plan (year, actions, assessed: the day it was assessed).",
    "Planes: el plan estratégico (start_year, years, metas por objetivo de política) y el plan "
    "operativo de cada año (year, actions, assessed: el día en que se evaluó).",
    pt="Planos: o plano estratégico (start_year, years, metas por objetivo de política) e o "
    "plano operacional de cada ano (year, actions, assessed: o dia em que foi avaliado).",
)

_ASSESSMENTS = Text(
    "Country assessments against a framework of the field, for `clac gaps`: country (ISO "
    "code), framework (icmec-legislation, mnr, budapest, lanzarote, opsc), item (`clac gaps -f "
    "FRAMEWORK --all-countries` shows the items), outcome (met, partly-met, not-met, unknown), "
    "date (YYYY, YYYY-MM or YYYY-MM-DD), source, and confidence (high, medium-high, medium, "
    "low). Record only what a source shows. clac ships public facts on the treaties (budapest, "
    "lanzarote, opsc); an entry here adds to them or overrides them, with its source. A "
    "spreadsheet of facts can be added with `clac evidence import FILE.csv --into FILE`. The "
    "shape of an entry, to fill from your source:",
    "Evaluaciones de países frente a un marco del campo, para `clac gaps`: country (código "
    "ISO), framework (icmec-legislation, mnr, budapest, lanzarote, opsc), item (`clac gaps -f "
    "MARCO --all-countries` muestra los ítems), outcome (met, partly-met, not-met, unknown), "
    "date (AAAA, AAAA-MM o AAAA-MM-DD), source y confidence (high, medium-high, medium, low). "
    "Registre solo lo que muestre una fuente. clac trae hechos públicos sobre los tratados "
    "(budapest, lanzarote, opsc); una entrada aquí los complementa o los reemplaza, con su "
    "fuente. Una planilla de hechos se agrega con `clac evidence import ARCHIVO.csv --into "
    "ARCHIVO`. La forma de una entrada, para completar con su fuente:",
    pt="Avaliações de países frente a um marco do campo, para `clac gaps`: country (código "
    "ISO), framework (icmec-legislation, mnr, budapest, lanzarote, opsc), item (`clac gaps -f "
    "MARCO --all-countries` mostra os itens), outcome (met, partly-met, not-met, unknown), "
    "date (AAAA, AAAA-MM ou AAAA-MM-DD), source e confidence (high, medium-high, medium, low). "
    "Registre só o que uma fonte mostre. O clac traz fatos públicos sobre os tratados "
    "(budapest, lanzarote, opsc); uma entrada aqui os complementa ou substitui, com sua fonte. "
    "Uma planilha de fatos é acrescentada com `clac evidence import ARQUIVO.csv --into "
    "ARQUIVO`. A forma de uma entrada, para preencher com sua fonte:",
)
_ASSESSMENT_EXAMPLE = (
    "#   - {country: CODE, framework: budapest, item: ratified, outcome: met, date: DATE,",
    '#      source: "SOURCE", confidence: high}',
)

_SURVEY = Text(
    "Partnership survey answers, for `clac network survey`: one entry per round (the day the "
    "survey was sent), respondent and partner (members' ids), with frequency (never, yearly, "
    "quarterly, monthly, weekly, daily), collaboration (none, awareness, cooperative, "
    "coordinated, integrated) and, if asked, trust_reliable, trust_mission, trust_open and "
    "value_influence, value_involvement, value_resources (1-4), resources and goals. A CSV of "
    "answers can be read with `clac network survey FILE ANSWERS.csv`. The shape of an entry:",
    "Respuestas a la encuesta de alianzas, para `clac network survey`: una entrada por ronda "
    "(el día en que se envió la encuesta), respondent y partner (ids de miembros), con "
    "frequency (never, yearly, quarterly, monthly, weekly, daily), collaboration (none, "
    "awareness, cooperative, coordinated, integrated) y, si se preguntó, trust_reliable, "
    "trust_mission, trust_open y value_influence, value_involvement, value_resources (1-4), "
    "resources y goals. Un CSV de respuestas se lee con `clac network survey "
    "ARCHIVO RESPUESTAS.csv`. La forma de una entrada:",
    pt="Respostas à pesquisa de parcerias, para `clac network survey`: uma entrada por rodada "
    "(o dia em que a pesquisa foi enviada), respondent e partner (ids de membros), com "
    "frequency (never, yearly, quarterly, monthly, weekly, daily), collaboration (none, "
    "awareness, cooperative, coordinated, integrated) e, se perguntado, trust_reliable, "
    "trust_mission, trust_open e value_influence, value_involvement, value_resources (1-4), "
    "resources e goals. Um CSV de respostas é lido com `clac network survey "
    "ARQUIVO RESPOSTAS.csv`. A forma de uma entrada:",
)
_SURVEY_EXAMPLE = (
    "#   - {round: DATE, respondent: MEMBER-ID, partner: MEMBER-ID, frequency: monthly,",
    "#      collaboration: cooperative, trust_reliable: 4}",
)

_ROLES = Text(
    "Roles, as the charter assigns them: ICMEC provides the Secretariat and a representative of "
    "ICMEC LAC chairs. They are dated from the day the charter took effect ({effective}); "
    "correct the day if your records say otherwise, and add `until: DATE` (and the new holder) "
    "when an amendment hands a role over.",
    "Cargos, como los asigna la carta: ICMEC brinda la Secretaría y un representante de ICMEC "
    "LAC preside. Llevan la fecha en que la carta entró en vigor ({effective}); corríjala si "
    "sus registros dicen otra cosa, y agregue `until: FECHA` (y el nuevo titular) cuando una "
    "enmienda traspase un cargo.",
    pt="Cargos, como a carta os atribui: a ICMEC presta a Secretaria e um representante da "
    "ICMEC LAC preside. Levam a data em que a carta entrou em vigor ({effective}); corrija-a "
    "se seus registros disserem outra coisa, e acrescente `until: DATA` (e o novo titular) "
    "quando uma emenda transferir um cargo.",
)

_SCOPES = {"icmec": "global", "inhope": "global", "interpol": "global", "red-natic": "regional"}
"""The founding partners' scope: each works beyond one country (a national scope would need
exactly one country, which the starting registry does not claim)."""


def starting_registry(
    language: Language | str = Language.EN,
    *,
    records_since: date | None = None,
    file: str = "FILE",
    charter: Charter | None = None,
) -> str:
    """The YAML text of a starting registry for the real coalition, commented in ``language``.

    ``records_since`` defaults to today; ``file`` is the name the header's ``clac check``
    example uses. The text loads as a valid registry that records no member, meeting or
    report, so ``clac check`` finds nothing unmet in it.

    >>> import clac
    >>> from datetime import date
    >>> text = starting_registry("es", records_since=date(2026, 12, 1))
    >>> coalition = clac.loads(text, "yaml")
    >>> [o.name for o in coalition.organizations]
    ['ICMEC', 'INHOPE', 'INTERPOL', 'Red NATIC']
    >>> coalition.records_since, coalition.members
    (datetime.date(2026, 12, 1), ())
    """
    lang = Language.parse(language)
    doc = BASE_DOCUMENT if charter is None else charter
    day = date.today() if records_since is None else records_since
    effective = doc.effective.isoformat()
    name = "CLAC"
    out: list[str] = [
        *_comment(_HEADER.format(name=name, day=day.isoformat(), file=file), lang),
        "",
        "clac: 1",
        f"name: {_q(name)}",
        f"charter: {_q(doc.id)}",
        "",
        *_comment(_RECORDS_SINCE, lang),
        f"records_since: {day.isoformat()}",
        "",
        *_comment(_ORGANIZATIONS, lang),
        "organizations:",
    ]
    for partner in doc.partners:
        if not partner.founding:
            continue
        sector = "" if partner.sector is None else f", sector: {partner.sector.value}"
        scope = _SCOPES.get(partner.id, "global")
        out.append(
            f"  - {{id: {partner.id}, name: {_q(partner.name.en)}{sector}, scope: {scope}, "
            f"partner: {partner.id}}}"
        )
    out += ["", *_comment(_MEMBERS, lang), "members: []", ""]
    out += [*_comment(_WORKING_GROUPS.format(effective=effective), lang), "working_groups:"]
    for group in doc.working_groups:
        out += [
            f"  - id: {group.id}",
            f"    name: {{en: {_q(group.name.en)}, es: {_q(group.name.es)}}}",
            f"    formed: {effective}",
        ]
    out += ["", *_comment(_ROLES.format(effective=effective), lang), "roles:"]
    for role in doc.roles:
        if role.anticipated or role.holder_organization is None:
            continue  # the Steering Committee is anticipated, not yet formed
        unit = ", unit: ICMEC LAC" if role.role is Role.CHAIR else ""
        out.append(
            f"  - {{role: {role.role.value}, organization: {role.holder_organization}, "
            f"since: {effective}{unit}}}"
        )
    for comment, line in (
        (_MEETINGS, "meetings: []"),
        (_PARTICIPATION, "participation: []"),
        (_DOCUMENTS, "documents: []"),
        (_REPORTS, "reports: []"),
        (_PROPOSALS, "proposals: []"),
        (_PLANS, "plans: {strategic: [], operational: []}"),
    ):
        out += ["", *_comment(comment, lang), line]
    out += ["", *_comment(_ASSESSMENTS, lang), *_ASSESSMENT_EXAMPLE, "assessments: []"]
    out += ["", *_comment(_SURVEY, lang), *_SURVEY_EXAMPLE, "survey: []"]
    return "\n".join(out) + "\n"
