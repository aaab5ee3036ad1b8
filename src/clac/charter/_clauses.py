"""The Base Document, clause by clause, in its own English and Spanish words.

Each section's items are numbered from 1 in document order (see :mod:`clac.charter._clause` for
the scheme). Where the two languages differ in substance the clause carries a
:class:`Divergence` saying which one clac follows and why.

Numbering, section by section:

- Introduction: 1-2 and 5-8 the paragraphs, 3-4 the statistics bullets, 9-10 the two objectives,
  11 the sentence on how they will be accomplished, 12 the sentence after it, 13 the Members'
  commitment.
- Guiding Principles: 1 the one paragraph.
- Policy Goals: 1 the lead-in, 2-9 the eight goals (PG-1 to PG-8), 10 the commitment to targets
  and indicators, 11 the commitment to indicate and implement specific actions.
- Structure and Governance: 1 open network, Secretariat and Chair; 2 Steering Committee;
  3 governance structure; 4 annual meetings and sub-working groups; 5 the working-group lead-in;
  6-9 the four working groups; 10 future working groups; 11 who may submit proposals;
  12 proposals discussed at regional meetings; 13 proposals shared with the Members for
  approval; 14 a proposal not approved is returned with recommendations; 15 the strategic and
  operational plans; 16 ICMEC LAC's work on the annual operating plan.
- Reporting: 1 sharing progress with the Secretariat; 2 quarterly Working Group reports; 3-5 the
  three numbered contents of a report; 6 minutes and shared folder; 7 shared calendar;
  8 the electronic annual report and its inputs; 9 what the annual report describes.
- Membership: 1 institutional membership and the lead-in; 2-5 and 9-10 the bullets; 6-8 the
  sub-bullets of 5; 11 the footnote on financial contributions.
- Proposed Structure: 1-4 the founding partners; 5-30 the expected partners, sector by sector.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from clac.charter._clause import Clause, Divergence
from clac.charter._vocabulary import Section
from clac.errors import UnknownReference
from clac.text import Language, Text

__all__ = ["CLAUSES", "clause_at"]

_EN = Language.EN
_ES = Language.ES


def _clauses(section: Section, *entries: tuple[Any, ...]) -> tuple[Clause, ...]:
    """Clauses of ``section`` from ``(item, english, spanish[, divergence])`` entries."""
    return tuple(Clause(section, e[0], Text(e[1], e[2]), *e[3:]) for e in entries)


_LAW_ENFORCEMENT_WHY = Text(
    (
        "clac reads 'law enforcement' as the Spanish spells it out: police, prosecutors and "
        "judges (and, for the working group, the administrative child-protection "
        "authorities) belong to the law-enforcement sector and to the Law Enforcement "
        "Investigation working group. The English name is kept as the group's English name; "
        "it does not narrow who may join."
    ),
    (
        "clac entiende 'fuerzas de la ley' como lo detalla el español: policía, fiscales y "
        "jueces (y, para el grupo de trabajo, las autoridades administrativas de protección "
        "a la niñez) pertenecen al sector de las fuerzas de la ley y al grupo de trabajo de "
        "investigaciones de las fuerzas públicas. El nombre inglés se mantiene como nombre "
        "inglés del grupo; no restringe quién puede integrarlo."
    ),
)

_INTRODUCTION = _clauses(
    Section.INTRODUCTION,
    (
        1,
        (
            "Technology has impacted every aspect of our lives – affecting us both "
            "positively and negatively. Through the Internet and new technologies, offenders "
            "are able to find new ways to use these technological advances to harm children. "
            "Sadly, law enforcement agencies around the world often have insufficient "
            "resources to keep pace."
        ),
        (
            "La tecnología ha afectado todos los aspectos de nuestra vida – tanto positiva "
            "como negativamente. A través de las nuevas tecnologías y el Internet, los "
            "delincuentes han sido capaces de encontrar constantemente nuevas formas de "
            "utilizar estos avances para dañar a los niños, niñas o adolescentes. "
            "Lamentablemente las fuerzas de la ley (policía, fiscales y jueces) no cuentan "
            "con los recursos necesarios para mantener el ritmo de estos avances."
        ),
        Divergence(
            summary=Text(
                (
                    "The Spanish spells law enforcement out as police, prosecutors and "
                    "judges ('policía, fiscales y jueces'); the English says 'law "
                    "enforcement agencies around the world' and that they 'often' lack "
                    "resources, where the Spanish says flatly that they do."
                ),
                (
                    "El español detalla las fuerzas de la ley como 'policía, fiscales y "
                    "jueces'; el inglés habla de 'law enforcement agencies around the world' "
                    "y dice que 'a menudo' carecen de recursos, donde el español lo afirma "
                    "sin matices."
                ),
            ),
            follows=_ES,
            why=_LAW_ENFORCEMENT_WHY,
        ),
    ),
    (
        2,
        (
            "Fueled by the Internet, child victims are treated as commodities at very young "
            "ages. While there is little empirical research on the scope of the problem, "
            "there is clear evidence that the amount of child sexual abuse material (CSAM) "
            "being created and shared is increasing exponentially, and the trade in these "
            "images is transnational in nature. For example, in 2014 members of the "
            "International Association of Internet Hotlines (INHOPE) processed 89,758 "
            "reports containing unique URLs of CSAM, a 63% increase from the previous year.¹ "
            "Among other things, these reports demonstrate that:"
        ),
        (
            "Impulsados por el Internet los niños víctimas son tratados como mercancía a "
            "edades muy tempranas. Aunque hay pocas investigaciones empíricas en relación a "
            "esta problemática, hay pruebas claras que el número de imágenes con contenido "
            "de abuso sexual infantil (MCASI) siendo creadas y compartidas están aumentando "
            "de manera exponencial y convirtiéndose cada vez más en un problema de carácter "
            "transnacional. Por ejemplo, en 2014, los miembros de la Asociación "
            "Internacional de Líneas Directas de Internet (International Association of "
            "Internet Hotlines (INHOPE), procesaron un total de 89,758 denuncias para "
            "obtener los URLs con material de abuso sexual infantil, presentando un aumento "
            "de 63% respecto al año anterior. Entre otras cosas esta información demuestra "
            "que:"
        ),
    ),
    (
        3,
        "7% of all child victims are infants²; and",
        "7% de los niños víctimas eran bebés.",
    ),
    (
        4,
        "9% of websites confirmed to be hosting CSAM were commercial in nature.³",
        "9% de sitios web portando MCASI eran de naturaleza comercial.",
    ),
    (
        5,
        (
            "With respect to this latter point, the U.S. Financial Coalition Against Child "
            "Pornography (FCACP), an alliance between private industry and the public sector "
            "in the battle against commercial CSAM, was created in 2006. It is managed by "
            "the International Centre for Missing & Exploited Children (ICMEC) and its "
            "sister organization, the National Center for Missing & Exploited Children "
            "(NCMEC). Then in 2009, ICMEC launched an Asia-Pacific FCACP to broaden the "
            "fight against the online sale and dissemination of CSAM."
        ),
        (
            "Con respecto al último punto, la Coalición Financiera Contra la Pornografía "
            "Infantil de Estados Unidos (FCACP) la cual es una alianza entre las empresas "
            "privadas y el sector público para la lucha contra el MCASI comercial, fue "
            "creada en 2006. La Coalición es administrada por el Centro Internacional para "
            "Niños Desaparecidos y Explotados (ICMEC) y su organización hermana, el Centro "
            "Nacional para Niños Desaparecidos y Explotados (NCMEC). En 2009, ICMEC lanzó "
            "una FCAP Asia-Pacífico para ampliar la lucha contra la venta y diseminación en "
            "línea de la MCASI."
        ),
    ),
    (
        6,
        (
            "The FCACPs plays an important role in eradicating the profitability of "
            "commercial CSAM by bringing together banks, credit card companies, online "
            "third-party payment systems, technology companies, Internet Service Providers, "
            "social networking platforms, and law enforcement agencies to find ways to "
            "disrupt the economics of the CSAM business and develop solutions that are in "
            "line with local law and policy.⁴"
        ),
        (
            "El FCACP juega un papel importante en la erradicación de la rentabilidad de la "
            "MCASI, comercial, reuniendo a los bancos, compañías de tarjeta de crédito, las "
            "empresas de pago a tercero en línea, empresas de tecnologías, proveedores de "
            "servicio de Internet, plataformas de redes sociales y las fuerzas policiales "
            "para encontrar conjuntamente maneras de interrumpir la economía de negocio de "
            "MCASI y desarrollar soluciones en consonancia con las leyes y políticas locales."
        ),
    ),
    (
        7,
        (
            "In Latin America, however, there are few statistics to illustrate the magnitude "
            "of the problem of child sexual abuse and exploitation online. While many "
            "efforts are being carried out in the region, and the majority of countries in "
            "the region have legislation criminalizing CSAM, there are few cases being "
            "brought to justice and little awareness on prevention and investigation "
            "efforts. Statistics and conviction rates tend to be scattered among different "
            "governmental and non-governmental organizations (NGOs), making it difficult to "
            "be easily access, group and analyze the information in furtherance of improving "
            "policies."
        ),
        (
            "En Latinoamérica, sin embargo, hay pocas estadísticas que ilustran la magnitud "
            "del problema de la explotación sexual infantil y el abuso sexual infantil en "
            "línea. Si bien hay muchos esfuerzos que se están llevando a cabo en la región, "
            "y que todos los países cuentan con legislación que penaliza la MCASI, son pocos "
            "los casos en los que se ha logrado una condena y existe poca conciencia sobre "
            "los esfuerzos para la prevención e investigación. Las estadísticas y los "
            "índices de condenas tienden a estar dispersos entre diferentes organizaciones "
            "gubernamentales y no gubernamentales (ONG), por lo que no son de fácil acceso, "
            "por no estar agrupadas son difíciles de analizar la creación de políticas "
            "adecuadas."
        ),
        Divergence(
            summary=Text(
                (
                    "The English says 'the majority of countries in the region' have "
                    "legislation criminalizing CSAM; the Spanish says all of them do ('todos "
                    "los países'). The English also speaks of few cases 'brought to justice' "
                    "where the Spanish speaks of few convictions ('se ha logrado una "
                    "condena')."
                ),
                (
                    "El inglés dice que 'la mayoría de los países de la región' (the "
                    "majority of countries) penalizan el MCASI; el español dice que 'todos "
                    "los países' lo hacen. El inglés además habla de pocos casos llevados "
                    "ante la justicia ('brought to justice') donde el español habla de pocas "
                    "condenas."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and 'the majority' is "
                    "the cautious claim. Nothing in clac may assume that every country in "
                    "the region criminalises CSAM: a country's law is recorded country by "
                    "country (clac.frameworks), never inferred from this sentence. The "
                    "paragraph is context and sets no rule."
                ),
                (
                    "El inglés es el texto que el español traduce, y 'la mayoría' es la "
                    "afirmación prudente. Nada en clac puede suponer que todos los países de "
                    "la región penalizan el MCASI: la ley de cada país se registra país por "
                    "país (clac.frameworks), nunca se deduce de esta frase. El párrafo es "
                    "contexto y no fija ninguna regla."
                ),
            ),
        ),
    ),
    (
        8,
        (
            "Based on the experience of our existing FCACPs and ICMEC's expertise on the "
            "issue, ICMEC Latin America & Caribbean (ICMEC LAC) is spearheading the creation "
            "of a Latin America Coalition Against Child Sexual Abuse and Exploitation Online "
            "(CLAC) to strengthen existing regional efforts and contribute to the "
            "development of a more comprehensive regional response to combating child sexual "
            "abuse and exploitation online. CLAC's objectives are to:"
        ),
        (
            "En base a la experiencia acumulada por nuestra Coalición Financiera y la "
            "experiencia de ICMEC sobre el tema, la representación para Latinoamérica y el "
            "Caribe del Centro Internacional para Niños Desaparecidos y Explotados (ICMEC "
            "LAC), está encabezando la creación de la Coalición Latinoamericana contra el "
            "Abuso y Explotación Sexual Infantil en Línea, con el objetivo de fortalecer los "
            "esfuerzos regionales existentes, así como contribuir al desarrollo de una "
            "respuesta regional más amplia en la lucha contra el abuso sexual infantil y la "
            "explotación sexual infantil en línea. Los objetos de la CLAC son:"
        ),
    ),
    (
        9,
        (
            "Serve as a repository for guidelines, protocols and actions related to child "
            "protection in the region; and"
        ),
        (
            "Servir como repositorio de directrices, protocolos y acciones relacionadas con "
            "la protección a la infancia en la región; y"
        ),
    ),
    (
        10,
        (
            "Be a regional platform for sharing existing regional and international good "
            "practices, discussing the standardization of processes and procedures, and "
            "other relevant issues."
        ),
        (
            "Ser una plataforma regional para el intercambio de buenas prácticas regionales "
            "e internacionales existentes, discutir la estandarización de los procesos y "
            "procedimientos, así como otros temas relevantes."
        ),
    ),
    (
        11,
        (
            "These objectives will be accomplished by bringing together and facilitating an "
            "open exchange between leaders and decision makers from Electronic Service "
            "Providers (ESPs), ISPs, NGOs, government, and law enforcement agencies in the "
            "region, as well as existing Internet hotlines."
        ),
        (
            "Estos objetivos se lograrán al reunir y facilitar un intercambio abierto entre "
            "los líderes y tomadores de decisiones de Proveedores de Servicios Electrónicos "
            "(ESP), proveedores de servicios de Internet (ISP), organizaciones no "
            "gubernamentales, gobiernos, agencias policiales de la región y líneas directas "
            "de denuncias."
        ),
    ),
    (
        12,
        (
            "Ultimately, it is anticipated that a more coordinated and cohesive regional "
            "approach will further strengthen local efforts in combating online CSAM."
        ),
        (
            "Por último, se prevé que un enfoque regional coordinado y coherente ayudará a "
            "fortalecer aún más los esfuerzos locales en la lucha contra MCASI en línea."
        ),
    ),
    (
        13,
        (
            "CLAC Members are committed to helping reduce, in accordance with their mandates "
            "and experience, the threat to children online and to demonstrating their "
            "commitment to community safety and crime reduction – with a particular focus on "
            "child sexual abuse and exploitation – through proactive, decisive and "
            "collaborative approaches."
        ),
        (
            "Los miembros de la CLAC estarán comprometidos a reducir, de conformidad con sus "
            "mandatos y experiencia, las amenazas para los niños en línea y demostrar su "
            "compromiso con la seguridad de la comunidad y la reducción de la delincuencia "
            "-con un enfoque particular sobre el abuso sexual infantil y la explotación- a "
            "través de acciones de pro actividad, toma de decisiones y colaboración."
        ),
    ),
)

_GUIDING_PRINCIPLES = _clauses(
    Section.GUIDING_PRINCIPLES,
    (
        1,
        (
            "CLAC will base its actions, discussions and decisions on the principles of "
            "transparency and fairness, in an effort to maximize its impact and increase the "
            "resources available in the region."
        ),
        (
            "La CLAC basará sus actuaciones, deliberaciones y decisiones en los principios "
            "de transparencia y equidad, como un esfuerzo para maximizar su impacto y "
            "aumentar los recursos disponibles en la región."
        ),
    ),
)

_SHALL_WHY = Text(
    (
        "The English is the text the Spanish translates, and its 'shall' makes this a "
        "commitment of every Member; clac ranks it required, as DESIGN.md ranks 'shall / "
        "must / commit'. The Spanish future tense reads as the same commitment, not as a "
        "weaker wish."
    ),
    (
        "El inglés es el texto que el español traduce, y su 'shall' hace de esto un "
        "compromiso de cada miembro; clac lo clasifica como obligatorio, como DESIGN.md "
        "clasifica 'shall / must / commit'. El futuro del español se lee como el mismo "
        "compromiso, no como un deseo más débil."
    ),
)

_POLICY_GOALS = _clauses(
    Section.POLICY_GOALS,
    (
        1,
        (
            "CLAC Members commit to take specific and concrete actions to support the "
            "implementation of the following policy targets:"
        ),
        (
            "Los miembros de la CLAC se comprometen a adoptar medidas específicas y "
            "concretas para apoyar la implementación de los siguientes objetivos de las "
            "políticas:"
        ),
    ),
    (
        2,
        (
            "Jointly identifying regional gaps, challenges and trends in combating child "
            "sexual abuse online;"
        ),
        (
            "Identificar conjuntamente las brechas regionales, retos y tendencias en la "
            "lucha contra el abuso sexual infantil en línea;"
        ),
    ),
    (
        3,
        (
            "Strengthening existing and/or supporting the development of new hotlines for "
            "reporting child sexual abuse online in countries throughout the region;"
        ),
        (
            "Fortalecer y/o apoyar el desarrollo de nuevas líneas directas para denunciar el "
            "abuso sexual infantil en línea en los países de toda la región;"
        ),
        Divergence(
            summary=Text(
                (
                    "The English covers strengthening existing hotlines as well as "
                    "supporting new ones; the Spanish speaks only of new hotlines ('nuevas "
                    "líneas directas')."
                ),
                (
                    "El inglés abarca fortalecer las líneas existentes además de apoyar "
                    "nuevas; el español habla solo de 'nuevas líneas directas'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and the Latin American "
                    "Hotlines working group exists to strengthen the hotlines the region "
                    "already has: work with an existing hotline counts toward PG-2."
                ),
                (
                    "El inglés es el texto que el español traduce, y el grupo de trabajo de "
                    "líneas de denuncia existe para fortalecer las líneas que la región ya "
                    "tiene: el trabajo con una línea existente cuenta para el PG-2."
                ),
            ),
        ),
    ),
    (
        4,
        (
            "Enhancing efforts to develop guidelines (or strengthen existing guidelines), "
            "protocols and procedures for responding more effectively to child sexual abuse "
            "online;"
        ),
        (
            "Mejorar los esfuerzos para desarrollar directrices (o fortalecer las "
            "directrices existentes), protocolos y procedimientos con la finalidad de "
            "responder de manera más efectiva a las acciones contra el abuso sexual infantil "
            "en línea;"
        ),
    ),
    (
        5,
        (
            "Supporting the creation of protocols for in-country coordination to respond "
            "more effectively to child sexual abuse online, as requested;"
        ),
        (
            "Apoyar la creación de protocolos de coordinación en los países para responder "
            "de manera más efectiva a las acciones contra abuso sexual infantil en línea, "
            "según lo solicitado;"
        ),
    ),
    (
        6,
        "Advancing efforts to investigate and prosecute cases of child sexual abuse online;",
        (
            "Impulsar los esfuerzos para investigar y enjuiciar los casos de abuso sexual "
            "infantil en línea;"
        ),
    ),
    (
        7,
        (
            "Encouraging stakeholders to engage in raising public awareness of the risks "
            "that may be posed by children's activities online;"
        ),
        (
            "Alentar a los interesados a participar en el aumento de la conciencia pública "
            "de los riesgos que se presentan por las actividades de los niños en línea;"
        ),
    ),
    (
        8,
        (
            "Promoting/supporting improved public awareness of technology/online tools that "
            "can protect children and teach them how to be safer online; and"
        ),
        (
            "Promover/apoyar acciones para ampliar y mejorar la concientización pública en "
            "relación a las herramientas/tecnologías en línea para la protección y seguridad "
            "de los niños en línea; y"
        ),
        Divergence(
            summary=Text(
                (
                    "The English includes tools that 'teach them how to be safer online'; "
                    "the Spanish speaks only of tools for children's protection and safety."
                ),
                (
                    "El inglés incluye herramientas que 'les enseñan a estar más seguros en "
                    "línea' (teach them how to be safer online); el español habla solo de "
                    "herramientas para la protección y seguridad de los niños."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates and is the wider goal: "
                    "education of children about online safety counts toward PG-7."
                ),
                (
                    "El inglés es el texto que el español traduce y es el objetivo más "
                    "amplio: la educación de los niños sobre seguridad en línea cuenta para "
                    "el PG-7."
                ),
            ),
        ),
    ),
    (
        9,
        "Reducing the availability of CSAM online and the re-victimization of children.",
        (
            "La reducción a la disponibilidad de pornografía infantil en línea y la "
            "re-victimización de los niños."
        ),
        Divergence(
            summary=Text(
                (
                    "The English says 'CSAM' (child sexual abuse material); the Spanish says "
                    "'pornografía infantil' (child pornography), although everywhere else it "
                    "says MCASI (material de abuso sexual infantil)."
                ),
                (
                    "El inglés dice 'CSAM' (material de abuso sexual infantil); el español "
                    "dice 'pornografía infantil', aunque en todo el resto del documento dice "
                    "MCASI."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and the rest of the "
                    "Spanish says MCASI. clac's Spanish speaks of 'material de abuso sexual "
                    "infantil (MCASI)', the term the Terminology Guidelines (Luxembourg "
                    "Guidelines, 2016) recommend over 'child pornography'; the goal's scope "
                    "is the same."
                ),
                (
                    "El inglés es el texto que el español traduce, y el resto del español "
                    "dice MCASI. El español de clac habla de 'material de abuso sexual "
                    "infantil (MCASI)', el término que las Orientaciones Terminológicas "
                    "(Orientaciones de Luxemburgo, 2016) recomiendan en lugar de "
                    "'pornografía infantil'; el alcance del objetivo es el mismo."
                ),
            ),
        ),
    ),
    (
        10,
        (
            "CLAC Members also shall commit to developing specific policy targets, "
            "activities and indicators to assess progress towards reaching CLAC's regional "
            "policy goals."
        ),
        (
            "Los miembros de la CLAC también se comprometerán a desarrollar objetivos "
            "específicos, actividades e indicadores para evaluar el progreso hacia el logro "
            "de los objetivos de la CLAC en la región."
        ),
        Divergence(
            summary=Text(
                (
                    "The English 'shall commit' is an obligation; the Spanish future 'se "
                    "comprometerán' (will commit) can be read as a forecast."
                ),
                (
                    "El inglés 'shall commit' es una obligación; el futuro del español 'se "
                    "comprometerán' puede leerse como una previsión."
                ),
            ),
            follows=_EN,
            why=_SHALL_WHY,
        ),
    ),
    (
        11,
        (
            "Members shall indicate what specific action they intend to take in order to "
            "reach these goals, in accordance with national or organizational situations, "
            "and commit to implementing them."
        ),
        (
            "Los miembros también indicarán qué medidas concretas se proponen adoptar para "
            "alcanzar estos objetivos, de acuerdo con su situación nacional o de "
            "organización y se comprometerán a ponerlas en práctica."
        ),
        Divergence(
            summary=Text(
                (
                    "The English 'shall indicate' is an obligation; the Spanish future "
                    "'indicarán' (will indicate) can be read as a forecast."
                ),
                (
                    "El inglés 'shall indicate' es una obligación; el futuro del español "
                    "'indicarán' puede leerse como una previsión."
                ),
            ),
            follows=_EN,
            why=_SHALL_WHY,
        ),
    ),
)

_STRUCTURE_AND_GOVERNANCE = _clauses(
    Section.STRUCTURE_AND_GOVERNANCE,
    (
        1,
        (
            "CLAC is an open network of organizations and companies, which operates on a "
            "voluntary basis with ICMEC providing Secretariat support, and with a "
            "representative from ICMEC LAC serving as Chair."
        ),
        (
            "La CLAC es una red abierta de organizaciones y empresas que operan de forma "
            "voluntaria con ICMEC proporcionando el apoyo de Secretaría, con un "
            "representante de ICMEC LAC quien tendrá la función de presidencia de la misma."
        ),
    ),
    (
        2,
        (
            "To keep pace with CLAC's growth, the formation of a Steering Committee is "
            "anticipated with responsibility for the hands-on management of its efforts."
        ),
        (
            "Para dar mantenimiento al crecimiento de la CLAC, la formación de un Comité "
            "Directivo, se anticipa con la responsabilidad de la gestión que tendrá la "
            "responsabilidad de administrar los esfuerzos."
        ),
    ),
    (
        3,
        (
            "CLAC's governance structure is planned to support effective and transparent "
            "service delivery based on sound decision making and performance management."
        ),
        (
            "La estructura administrativa de la CLAC tiene como función lograr la ejecución "
            "eficaz y transparente para la toma de decisiones y gestión de rendimiento."
        ),
    ),
    (
        4,
        (
            "In addition to annual meetings coordinated by ICMEC LAC, sub-working groups "
            "likely will be created to work together to establish specific goals, projects "
            "and materials."
        ),
        (
            "Además de las reuniones anuales que serán coordinadas por ICMEC LAC, se crearán "
            "subgrupos de trabajo que deberán realizar actividades coordinadas para lograr "
            "metas, proyectos y materiales específicos."
        ),
        Divergence(
            summary=Text(
                (
                    "The English says sub-working groups 'likely will be created'; the "
                    "Spanish says they will be created ('se crearán') and must carry out "
                    "coordinated activities ('deberán realizar')."
                ),
                (
                    "El inglés dice que 'probablemente' se crearán subgrupos de trabajo "
                    "(likely will be created); el español dice que 'se crearán' y que "
                    "'deberán realizar' actividades coordinadas."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and the next paragraphs "
                    "leave the forming of working groups to consultation with active Members "
                    "as needed: no rule requires sub-working groups to exist."
                ),
                (
                    "El inglés es el texto que el español traduce, y los párrafos siguientes "
                    "dejan la formación de grupos de trabajo a la consulta con los miembros "
                    "activos según las necesidades: ninguna regla exige que existan "
                    "subgrupos de trabajo."
                ),
            ),
        ),
    ),
    (
        5,
        "CLAC's current Working Groups include:",
        "Los grupos de trabajo de la CLAC incluyen:",
    ),
    (6, "Prevention and Awareness", "Prevención y sensibilización"),
    (7, "Private Sector Collaboration", "Colaboración del Sector Privado"),
    (
        8,
        "Law Enforcement Investigation",
        (
            "Investigaciones de las fuerzas públicas (Fiscalías, Policía, Jueces, "
            "Autoridades Administrativas de Protección a la Niñez)"
        ),
        Divergence(
            summary=Text(
                (
                    "The Spanish name of the working group spells out the bodies it gathers: "
                    "prosecutors' offices, police, judges and administrative "
                    "child-protection authorities ('Fiscalías, Policía, Jueces, Autoridades "
                    "Administrativas de Protección a la Niñez'); the English name is 'Law "
                    "Enforcement Investigation'."
                ),
                (
                    "El nombre español del grupo de trabajo detalla los organismos que "
                    "reúne: 'Fiscalías, Policía, Jueces, Autoridades Administrativas de "
                    "Protección a la Niñez'; el nombre inglés es 'Law Enforcement "
                    "Investigation'."
                ),
            ),
            follows=_ES,
            why=_LAW_ENFORCEMENT_WHY,
        ),
    ),
    (9, "Latin American Hotlines", "Líneas de denuncias de Latinoamérica (Hotlines)"),
    (
        10,
        (
            "Future working groups may be formed in consultation with active CLAC Members on "
            "an as-needed basis."
        ),
        (
            "Se podrán crear más grupos de trabajo previa consulta con los miembros activos "
            "de la CLAC, los cuales se crearán de conformidad con sus necesidades."
        ),
    ),
    (
        11,
        (
            "Any CLAC Member may submit project proposals that may help with the fulfillment "
            "of the CLAC's objectives."
        ),
        (
            "Cualquier miembro de la CLAC podrá presentar propuestas de proyectos que puedan "
            "ayudar con el cumplimiento de los objetivos de la CLAC."
        ),
    ),
    (
        12,
        "Such proposals will be discussed at regional meetings organized by ICMEC LAC",
        "Estas propuestas serán discutidas en las reuniones regionales organizadas por ICMEC LAC",
    ),
    (
        13,
        (
            "and will be shared with the other Members for consideration, analysis, "
            "discussion, and approval."
        ),
        (
            "así como será compartida con los otros miembros para su consideración, "
            "análisis, discusión y aprobación."
        ),
    ),
    (
        14,
        (
            "If not approved, the proposal shall be returned to introducing Member along "
            "with recommendations for improvement based on CLAC's objectives."
        ),
        (
            "De no ser aprobada la propuesta, esta se devolverá a los miembros que la "
            "presentaron con las debidas recomendaciones para la adecuación de la misma, los "
            "cuales estarán ajustados a los objetivos del CLAC."
        ),
        Divergence(
            summary=Text(
                (
                    "The English returns a proposal to 'introducing Member' (one); the "
                    "Spanish to 'los miembros que la presentaron' (the Members who presented "
                    "it), allowing several."
                ),
                (
                    "El inglés devuelve la propuesta al miembro que la presentó "
                    "('introducing Member', uno); el español 'a los miembros que la "
                    "presentaron', admitiendo varios."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates; a proposal has one "
                    "proposing Member of record, to whom it is returned with the "
                    "recommendations. Co-sponsors may be recorded, but the return is owed to "
                    "the proposer."
                ),
                (
                    "El inglés es el texto que el español traduce; una propuesta tiene un "
                    "miembro proponente registrado, a quien se devuelve con las "
                    "recomendaciones. Puede haber copatrocinadores registrados, pero la "
                    "devolución se debe al proponente."
                ),
            ),
        ),
    ),
    (
        15,
        (
            "CLAC Members shall develop a strategic plan to establish goals and objectives "
            "for the next five years and develop an operational plan, which will be assessed "
            "annually to accommodate necessary adjustments."
        ),
        (
            "Los miembros de CLAC desarrollaran el plan estratégico para establecer las "
            "metas y objetivos cada cinco años, cuya implementación será evaluada anualmente "
            "para los cambios y ajustes necesarios en el plan operativo anual."
        ),
        Divergence(
            summary=Text(
                (
                    "The English asks for one strategic plan 'for the next five years' and "
                    "an operational plan 'which will be assessed annually'; the Spanish asks "
                    "for a strategic plan 'every five years' ('cada cinco años'), whose "
                    "implementation is evaluated annually to make the adjustments in the "
                    "annual operational plan ('cuya implementación será evaluada anualmente "
                    "para los cambios y ajustes necesarios en el plan operativo anual')."
                ),
                (
                    "El inglés pide un plan estratégico 'para los próximos cinco años' (for "
                    "the next five years) y un plan operativo 'que será evaluado "
                    "anualmente'; el español pide el plan estratégico 'cada cinco años', "
                    "'cuya implementación será evaluada anualmente para los cambios y "
                    "ajustes necesarios en el plan operativo anual'."
                ),
            ),
            follows=_ES,
            why=Text(
                (
                    "The two agree once the first five years are over, and the English's "
                    "next sentence already speaks of 'the annual operating plan': clac "
                    "follows the Spanish's explicit cycle. A strategic plan covers five "
                    "years and a new one is due when it ends; each year has an operational "
                    "plan, and the annual assessment looks at how the strategic plan is "
                    "being implemented."
                ),
                (
                    "Ambos coinciden una vez pasados los primeros cinco años, y la frase "
                    "siguiente del inglés ya habla del 'plan operativo anual': clac sigue el "
                    "ciclo explícito del español. Un plan estratégico abarca cinco años y al "
                    "terminar corresponde uno nuevo; cada año tiene su plan operativo, y la "
                    "evaluación anual examina cómo se ejecuta el plan estratégico."
                ),
            ),
        ),
    ),
    (
        16,
        (
            "ICMEC LAC also will work with Members to develop and implement the annual "
            "operating plan to ensure the implementation of the strategic plan."
        ),
        (
            "ICMEC LAC trabajará directamente con los miembros del CLAC para desarrollar e "
            "implementar el plan operativo anual que garantice la ejecución del plan "
            "estratégico."
        ),
    ),
)

_REPORTING = _clauses(
    Section.REPORTING,
    (
        1,
        (
            "To ensure best practices and successes are available to all Members, Members "
            "commit to sharing information with the Secretariat (initially held by ICMEC "
            "LAC) on progress towards the stated goals."
        ),
        (
            "Para asegurar que las mejores prácticas y éxitos están a disposición de todos "
            "sus miembros, estos se comprometen a compartir información con la Secretaría "
            "(inicialmente a cargo de ICMEC LAC) sobre el progreso de sus actividades "
            "enfocadas en alcanzar los objetivos acordados."
        ),
    ),
    (
        2,
        (
            "To ensure decisions and activities are based on the most up-to-date information "
            "and to ensure Member's activities toward achieving policy goals are recorded "
            "and disseminated, each Working Group will provide brief quarterly reports to "
            "the Secretariat with the following information:"
        ),
        (
            "Para garantizar que las decisiones y las actividades se basan en las "
            "informaciones más actualizadas y que las actividades de los miembros en el "
            "cumplimiento de los objetivos políticos se encuentren registradas y se "
            "difundan, cada grupo de trabajo proporcionará breves informes trimestrales a la "
            "Secretaría que contendrán la siguiente información:"
        ),
    ),
    (
        3,
        (
            "Any activity – in country or regional, implemented or planned – aimed at "
            "achieving a policy goal for the period;"
        ),
        (
            "Cualquier actividad - en el país o regional, en ejecución o previstos - "
            "dirigido a lograr un objetivo político para el periodo;"
        ),
        Divergence(
            summary=Text(
                (
                    "The English reports activities 'implemented or planned'; the Spanish "
                    "'en ejecución o previstos' (under way or planned)."
                ),
                (
                    "El inglés informa actividades 'implemented or planned' (ejecutadas o "
                    "previstas); el español 'en ejecución o previstos'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates; an activity completed "
                    "during the quarter belongs in the report, and so does one under way or "
                    "planned."
                ),
                (
                    "El inglés es el texto que el español traduce; una actividad terminada "
                    "durante el trimestre pertenece al informe, igual que una en ejecución o "
                    "prevista."
                ),
            ),
        ),
    ),
    (
        4,
        (
            "Any policy – organizational or in-country – developed with the aim of achieving "
            "a policy goal for the period;"
        ),
        (
            "Las políticas - organizativas o en el país - desarrollados con el objetivo de "
            "lograr un objetivo político para el periodo;"
        ),
    ),
    (
        5,
        (
            "Any advance in legislative reform on combating online sexual abuse and other "
            "Internet-related issues during the reporting period."
        ),
        (
            "Cualquier avance en la reforma de la legislación sobre la lucha contra el abuso "
            "sexual en línea y otros temas relacionados con Internet durante el periodo del "
            "informe."
        ),
    ),
    (
        6,
        (
            "The Secretariat will be responsible for circulating meeting minutes and "
            "compiling documents and materials to be shared with Members; such documents and "
            "materials will be made available in a shared folder."
        ),
        (
            "La Secretaría será la encargada de realizar las actas de las reuniones y "
            "realizar la elaboración de los documentos y materiales que serán compartidos "
            "con los miembros, los cuales se pondrán a disposición por medio de una carpeta "
            "compartida."
        ),
        Divergence(
            summary=Text(
                (
                    "The English makes the Secretariat responsible for circulating meeting "
                    "minutes; the Spanish for drawing them up ('realizar las actas')."
                ),
                (
                    "El inglés encarga a la Secretaría de circular las actas (circulating "
                    "meeting minutes); el español de 'realizar las actas'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and the Members can "
                    "only rely on minutes they receive: clac checks that each meeting's "
                    "minutes exist and were made available to the Members. Drawing them up, "
                    "as the Spanish says, comes first and is compatible."
                ),
                (
                    "El inglés es el texto que el español traduce, y los miembros solo "
                    "pueden contar con actas que reciben: clac verifica que las actas de "
                    "cada reunión existan y se hayan puesto a disposición de los miembros. "
                    "Redactarlas, como dice el español, es previo y compatible."
                ),
            ),
        ),
    ),
    (
        7,
        (
            "The Secretariat also will develop a shared calendar with events relevant to "
            "CLAC Members, which will be updated regularly with the support of all Members."
        ),
        (
            "Asimismo, la Secretaría creará un calendario compartido con los eventos de "
            "interés para los miembros de la CLAC, el cual deberá ser actualizado "
            "periódicamente con el apoyo de todos los miembros."
        ),
    ),
    (
        8,
        (
            "The Secretariat will produce an electronic annual report based on the minutes "
            "of the meetings and the quarterly reports produced by Working Groups, which "
            "will be distributed to other members."
        ),
        (
            "La Secretaría elaborará un informe anual en base a las actas de las reuniones y "
            "los informes trimestrales elaborados por los grupos de trabajo, el cual deber "
            "ser distribuido a todos los miembros."
        ),
        Divergence(
            summary=Text(
                (
                    "The English annual report is 'electronic' and distributed 'to other "
                    "members'; the Spanish does not say electronic and distributes it 'a "
                    "todos los miembros' (to all members)."
                ),
                (
                    "El informe anual del inglés es 'electrónico' y se distribuye 'a los "
                    "otros miembros' (to other members); el español no dice electrónico y lo "
                    "distribuye 'a todos los miembros'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates: clac produces the "
                    "annual report as an electronic document. 'Other members' and 'all "
                    "members' come to the same thing, since the Secretariat is not itself a "
                    "Member."
                ),
                (
                    "El inglés es el texto que el español traduce: clac produce el informe "
                    "anual como documento electrónico. 'Los otros miembros' y 'todos los "
                    "miembros' vienen a ser lo mismo, pues la Secretaría no es ella misma un "
                    "miembro."
                ),
            ),
        ),
    ),
    (
        9,
        (
            "The annual report will describe the implementation status of and assess "
            "progress made toward reaching CLAC's goals."
        ),
        (
            "El informe anual describirá el estado de aplicación y evaluación de los "
            "progresos realizados hacia el logro de los objetivos de la CLAC."
        ),
    ),
)

_MEMBERSHIP = _clauses(
    Section.MEMBERSHIP,
    (
        1,
        (
            "CLAC membership is institutional and not specific to individuals. Members are "
            "requested to:"
        ),
        (
            "La membresía es de carácter institucional y no de carácter personal. Los "
            "miembros deben de:"
        ),
        Divergence(
            summary=Text(
                (
                    "The English says Members 'are requested to' do what the list says; the "
                    "Spanish says they must ('Los miembros deben de')."
                ),
                (
                    "El inglés dice que a los miembros 'se les solicita' (are requested to) "
                    "lo que dice la lista; el español dice que 'deben de' hacerlo."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates: the Spanish keeps "
                    "English words and acronyms the translator did not render "
                    "('International Association of Internet Hotlines', ESP, ISP, "
                    "'(Hotlines)'). The list itself mixes wishes ('whenever possible', 'help "
                    "expand') with duties, and its footnote says contributions are not a "
                    "condition of membership, so 'must' cannot apply to every entry. clac "
                    "therefore ranks the list's duties as expected: an unmet one is a "
                    "finding to follow up, not a ground for ending a membership. Only what "
                    "membership is (institutional) is required."
                ),
                (
                    "El inglés es el texto que el español traduce: el español conserva "
                    "palabras y siglas inglesas que el traductor no vertió ('International "
                    "Association of Internet Hotlines', ESP, ISP, '(Hotlines)'). La lista "
                    "misma mezcla deseos ('en la medida de lo posible', 'ayudar en la "
                    "adhesión') con deberes, y su nota al pie dice que las contribuciones no "
                    "son condición para ser miembro, de modo que 'deben' no puede aplicarse "
                    "a cada punto. Por eso clac clasifica los deberes de la lista como "
                    "esperados: uno incumplido es un hallazgo a seguir, no un motivo para "
                    "terminar una membresía. Solo lo que la membresía es (institucional) es "
                    "obligatorio."
                ),
            ),
        ),
    ),
    (
        2,
        (
            "Have a proven track record of cooperation on reducing the threat to children "
            "online and demonstrate a strong commitment to digital citizenship, online "
            "safety and crime reduction;"
        ),
        (
            "Tener un historial de haber trabajado para la cooperación de la reducción de la "
            "amenaza a los niños en línea y demostrar un fuerte compromiso con la ciudadanía "
            "digital, seguridad en línea y la reducción de la delincuencia;"
        ),
        Divergence(
            summary=Text(
                (
                    "The English asks for a 'proven' track record; the Spanish for a record "
                    "of having worked ('un historial de haber trabajado'), without 'proven'."
                ),
                (
                    "El inglés pide un historial 'comprobado' (proven track record); el "
                    "español 'un historial de haber trabajado', sin 'comprobado'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates: a Member's track record "
                    "is something it can show, so clac expects it recorded with evidence, "
                    "not merely asserted."
                ),
                (
                    "El inglés es el texto que el español traduce: el historial de un "
                    "miembro es algo que puede mostrar, por lo que clac espera que se "
                    "registre con evidencia, no que solo se afirme."
                ),
            ),
        ),
    ),
    (
        3,
        "Subscribe to/support this charter in writing;",
        "Suscribirse o apoyar esta carta por escrito;",
    ),
    (
        4,
        "List their organization as a CLAC Member in relevant print and online materials;",
        (
            "Incluir en los materiales impresos y relevantes de la organización que es "
            "miembro de la Coalición;"
        ),
        Divergence(
            summary=Text(
                (
                    "The English asks for the listing in 'relevant print and online "
                    "materials'; the Spanish in 'los materiales impresos y relevantes' "
                    "(printed and relevant materials), without online."
                ),
                (
                    "El inglés pide figurar en 'materiales impresos y en línea relevantes' "
                    "(print and online); el español en 'los materiales impresos y "
                    "relevantes', sin mencionar los materiales en línea."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates, and a Member's website "
                    "is today its most visible material: a listing online meets the "
                    "requirement as well as one in print."
                ),
                (
                    "El inglés es el texto que el español traduce, y el sitio web de un "
                    "miembro es hoy su material más visible: figurar en línea cumple el "
                    "requisito igual que en un impreso."
                ),
            ),
        ),
    ),
    (
        5,
        (
            "Designate at least one representative to participate actively in CLAC "
            "activities, approximately 4-7 hours per month, such as:"
        ),
        (
            "Designar por lo menos un representante que tenga por lo menos un nivel medio "
            "dentro de su organización para que sea el responsable para participar "
            "activamente en las actividades de la CLAC (aproximadamente 4-7 horas al mes), "
            "tales como:"
        ),
        Divergence(
            summary=Text(
                (
                    "The Spanish asks for a representative 'que tenga por lo menos un nivel "
                    "medio dentro de su organización' (who holds at least a middle-level "
                    "position in the organization); the English sets no level."
                ),
                (
                    "El español pide un representante 'que tenga por lo menos un nivel medio "
                    "dentro de su organización'; el inglés no fija ningún nivel."
                ),
            ),
            follows=_ES,
            why=Text(
                (
                    "The Spanish adds a condition the English does not contradict, and a "
                    "representative without standing in the organization cannot commit it to "
                    "the coalition's work. clac keeps it as an expected requirement of its "
                    "own (representative-middle-level), so that a Member read to the Spanish "
                    "is checked against it; because only the Spanish states it, it is never "
                    "ranked required."
                ),
                (
                    "El español agrega una condición que el inglés no contradice, y un "
                    "representante sin peso en su organización no puede comprometerla con el "
                    "trabajo de la coalición. clac la conserva como un requisito esperado "
                    "propio (representative-middle-level), para que un miembro que lea el "
                    "español sea verificado con ella; como solo la dice el español, nunca se "
                    "clasifica como obligatoria."
                ),
            ),
        ),
    ),
    (
        6,
        (
            "Participating in CLAC meetings, which take place at least twice a year, in "
            "person (upon funding availability) or via teleconference."
        ),
        (
            "Participar en las reuniones de la CLAC, que tendrán lugar por lo menos dos "
            "veces al año, personalmente (sujeto a disponibilidad de fondos) o vía "
            "telefónica."
        ),
        Divergence(
            summary=Text(
                (
                    "The English meets 'via teleconference'; the Spanish 'vía telefónica' "
                    "(by telephone)."
                ),
                (
                    "El inglés se reúne 'por teleconferencia' (via teleconference); el "
                    "español 'vía telefónica'."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "The English is the text the Spanish translates and is the wider term: a "
                    "video call is a remote meeting as much as a telephone call, and either "
                    "counts as attendance."
                ),
                (
                    "El inglés es el texto que el español traduce y es el término más "
                    "amplio: una videollamada es una reunión remota tanto como una llamada "
                    "telefónica, y ambas cuentan como asistencia."
                ),
            ),
        ),
    ),
    (
        7,
        (
            "Joining 1-2 Working Groups to share expertise and knowledge in focus areas. "
            "Each Working Group meets via conference call and meetings are scheduled "
            "according to the Working Group's mandate and on an as-needed basis."
        ),
        (
            "Unirse a 1-2 grupos de trabajo para compartir experiencias y conocimiento en "
            "las áreas de enfoque. Cada grupo de trabajo se reunirá por medio de "
            "conferencias y reuniones las cuales se programarán de acuerdo a las necesidades "
            "del trabajo."
        ),
    ),
    (
        8,
        (
            "Providing expertise and content for best practices documents and other "
            "thought-leadership pieces."
        ),
        (
            "Proporcionar conocimiento técnico y de contenido para documentos que contengan "
            "las mejores prácticas o algunos otros documentos con enfoque de liderazgo."
        ),
    ),
    (
        9,
        (
            "Help expand CLAC membership through outreach within industry, governments, "
            "civil society, and other stakeholders; and"
        ),
        (
            "Ayudar en la adhesión de otros miembros de la industria, gobierno, sociedad "
            "civil y algunos otros sectores interesados en unirse a la CLAC y;"
        ),
    ),
    (
        10,
        (
            "Assist, whenever possible, with identifying sources of in-kind support or "
            "financial contributions for CLAC's work, such as facilities for hosting "
            "meetings, or funding for general operations, events and research."
        ),
        (
            "Ayudar en la medida de lo posible con la identificación de fuentes en especies "
            "o contribuciones económicas para el trabajo de la CLAC, como; lugar para la "
            "celebración de reuniones, financiamiento de las operaciones generales, eventos "
            "e investigaciones."
        ),
    ),
    (
        11,
        (
            "Financial contributions toward CLAC's Secretariat operations are welcome, "
            "although not required as a condition of membership"
        ),
        (
            "Las contribuciones financieras dirigidas a las operaciones de la Secretaria de "
            "la CLAC serán bienvenidas y de carácter de voluntario, y no son condicionantes "
            "para ser miembros de la Coalición."
        ),
        Divergence(
            summary=Text(
                (
                    "The Spanish adds that contributions are voluntary ('de carácter de "
                    "voluntario'); the English says only that they are welcome and not a "
                    "condition of membership."
                ),
                (
                    "El español agrega que las contribuciones son 'de carácter de "
                    "voluntario'; el inglés dice solo que son bienvenidas y no condición "
                    "para ser miembro."
                ),
            ),
            follows=_EN,
            why=Text(
                (
                    "Both agree that no Member has to contribute; the Spanish makes explicit "
                    "what 'not required' already means. clac records contributions and ranks "
                    "them encouraged, never a condition of membership."
                ),
                (
                    "Ambos coinciden en que ningún miembro está obligado a contribuir; el "
                    "español explicita lo que 'no requeridas' ya significa. clac registra "
                    "las contribuciones y las clasifica como alentadas, nunca como condición "
                    "para ser miembro."
                ),
            ),
        ),
    ),
)

_PROPOSED_STRUCTURE = _clauses(
    Section.PROPOSED_STRUCTURE,
    # Founding Partners/Members (Socios/Miembros Fundadores)
    (1, "ICMEC", "ICMEC"),
    (2, "INHOPE", "INHOPE"),
    (3, "INTERPOL", "INTERPOL"),
    (4, "Red NATIC", "Red NATIC"),
    # Expected Partners (Posibles Miembros). Sector: Private Sector (Sector Privado)
    (5, "Facebook", "Facebook"),
    (6, "Google", "Google"),
    (7, "GSMA", "GSMA"),
    (8, "Microsoft", "Microsoft"),
    (9, "Twitter", "Twitter"),
    (10, "Yahoo!", "Yahoo!"),
    # Sector: NGOs, in Spanish ONGs
    (11, "Chicos.net", "Chicos.net"),
    (12, "ECPAT", "ECPAT"),
    (13, "Global Infancia", "Global Infancia"),
    (14, "Paniamor", "Paniamor"),
    (15, "Save the Children", "Save the Children"),
    # Sector: Hotlines (Líneas de Denuncia)
    (16, "Red PaPaz/Te Protejo", "Red PaPaz/Te Protejo"),
    (17, "RCPI-Perú", "RCPI-Perú"),
    (18, "Safernet", "Safernet"),
    # Sector: Regional Agencies/Networks (Redes/Agencias Regionales)
    (
        19,
        "ICANN Latin America (Internet Corporation for Assigned Names and Numbers)",
        "LatinoamerICANN (Corporación para la Asignación de Números y Nombres en Internet)",
    ),
    (
        20,
        (
            "LACIGF (Latin America & Caribbean Regional Preparatory Meeting for the Internet "
            "Governance Forum)"
        ),
        "LACIGF (Reunión Regional Preparatoria para el Foro de Gobernanza de Internet)",
    ),
    (
        21,
        "MMI-LAC (Latin America & Caribbean Movement for Children)",
        "Movimiento Global de Niños, Niñas y Adolescentes Latinoamérica y el Caribe (MMI-LAC)",
    ),
    (22, "OAS (Organization of American States)", "OEA (Organización de los Estados Americanos)"),
    # Sector: UN Agencies (Agencias de la ONU)
    (
        23,
        ("ITU (International Telecommunication Union)"),
        ("UIT (Unión Internacional de Telecomunicaciones)"),
    ),
    (
        24,
        "UNICEF LACRO (UNICEF Latin America & Caribbean Regional Office)",
        "UNICEF LACRO (la Oficina Regional de UNICEF para América Latina y el Caribe)",
    ),
    (
        25,
        "UNODC (United Nations Office on Drugs and Crime)",
        "ONUDD (Oficina de las Naciones Unidas contra la Droga y el Delito)",
    ),
    # Sector: Law Enforcement Agencies (Agencias de Investigación)
    (
        26,
        "Cybercrime and/or crimes against children groups",
        "grupos de combate a delitos cibernéticos y delitos contra menores",
    ),
    (27, "Other law enforcement agencies", "otras agencias de investigación"),
    # Sector: Academic Sector (Sector Académico)
    (28, "Universities", "universidades"),
    (29, "Professional associations", "colegios profesionales"),
    (
        30,
        ("Professional groups dedicated to research"),
        ("grupos profesionales dedicados a la investigación"),
    ),
)

CLAUSES: tuple[Clause, ...] = (
    *_INTRODUCTION,
    *_GUIDING_PRINCIPLES,
    *_POLICY_GOALS,
    *_STRUCTURE_AND_GOVERNANCE,
    *_REPORTING,
    *_MEMBERSHIP,
    *_PROPOSED_STRUCTURE,
)
"""Every clause of the Base Document, in document order."""

_BY_KEY = MappingProxyType({(c.section, c.item): c for c in CLAUSES})


def clause_at(section: Section, item: int) -> Clause:
    """The Base Document's clause ``item`` of ``section``; :class:`UnknownReference` if none."""
    try:
        return _BY_KEY[(section, item)]
    except KeyError:
        raise UnknownReference(
            "is not a clause of the Base Document", path="clauses", value=f"{section}.{item}"
        ) from None
