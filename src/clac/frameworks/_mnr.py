"""The WeProtect Global Alliance Model National Response: 21 capabilities in six areas.

Source: WeProtect Global Alliance, *Preventing and Tackling Child Sexual Exploitation and Abuse
(CSEA): A Model National Response* (2015). Capabilities are numbered 1-21 in the MNR's order.

``sectors`` (which members can carry a capability in a country) is clac's interpretation, not
the MNR's: the charter's sectors have no judiciary, media or child-helpline heading. clac reads
the charter's "law enforcement" as its Spanish spells it out (police, prosecutors and judges),
so the judiciary and prosecutors (capability 5) fall to law enforcement as well as to
government; media and helpline work fall to NGOs. Intergovernmental organizations (INTERPOL,
UNODC …) carry research and the link to INTERPOL's image database.
"""

from __future__ import annotations

from clac.charter import Sector
from clac.frameworks._framework import Area, Framework, FrameworkItem, Source
from clac.text import Text

__all__ = ["MNR"]

_GOV, _LE, _NGO, _HOT, _PRIV, _ACAD, _IGO = (
    Sector.GOVERNMENT,
    Sector.LAW_ENFORCEMENT,
    Sector.NGO,
    Sector.HOTLINE,
    Sector.PRIVATE_SECTOR,
    Sector.ACADEMIC,
    Sector.INTERGOVERNMENTAL,
)

_AREAS = (
    Area("policy-governance", Text("Policy and Governance", "Política y gobernanza")),
    Area("criminal-justice", Text("Criminal Justice", "Justicia penal")),
    Area("victim", Text("Victim", "Víctimas")),
    Area("societal", Text("Societal", "Sociedad")),
    Area("industry", Text("Industry", "Industria")),
    Area("media-communications", Text("Media and Communications", "Medios y comunicación")),
)

# (id, area, English label, Spanish label, English description, Spanish description, sectors)
_CAPABILITIES: tuple[tuple[str, str, str, str, str, str, tuple[Sector, ...]], ...] = (
    (
        "leadership",
        "policy-governance",
        "Leadership",
        "Liderazgo",
        "A highly-placed, accountable national governance and oversight committee.",
        "Un comité nacional de gobernanza y supervisión, de alto nivel y que rinde cuentas.",
        (_GOV,),
    ),
    (
        "research",
        "policy-governance",
        "Research, analysis and monitoring",
        "Investigación, análisis y seguimiento",
        "National situational analysis of the risk and response to CSEA, and measurement "
        "and evaluation.",
        "Análisis nacional de la situación del riesgo y de la respuesta a la ESNNA, con "
        "medición y evaluación.",
        (_ACAD, _NGO, _GOV, _IGO),
    ),
    (
        "legislation",
        "policy-governance",
        "Legislation",
        "Legislación",
        "Comprehensive and effective legal framework to investigate offenders and ensure "
        "protection for victims.",
        "Un marco jurídico integral y eficaz para investigar a los agresores y garantizar la "
        "protección de las víctimas.",
        (_GOV,),
    ),
    (
        "law-enforcement",
        "criminal-justice",
        "Dedicated law enforcement",
        "Fuerzas del orden especializadas",
        "National remit; trained officers; proactive and reactive investigations; "
        "victim-focused; international cooperation.",
        "Competencia nacional; agentes capacitados; investigaciones proactivas y reactivas; "
        "centradas en la víctima; cooperación internacional.",
        (_LE,),
    ),
    (
        "judiciary",
        "criminal-justice",
        "Judiciary and prosecutors",
        "Judicatura y fiscalía",
        "Trained, knowledgeable and with a victim-focused approach.",
        "Capacitados, con conocimiento de la materia y un enfoque centrado en la víctima.",
        (_GOV, _LE),
    ),
    (
        "offender-management",
        "criminal-justice",
        "Offender management process",
        "Gestión de agresores",
        "Prevent re-offending of those in the criminal justice system nationally and "
        "internationally.",
        "Prevenir la reincidencia de quienes están en el sistema de justicia penal, en el país "
        "y en el extranjero.",
        (_GOV, _LE),
    ),
    (
        "image-databases",
        "criminal-justice",
        "Access to image databases",
        "Acceso a bases de datos de imágenes",
        "A national database, linked to the INTERPOL International Child Sexual "
        "Exploitation database.",
        "Una base de datos nacional conectada a la base internacional de explotación sexual "
        "infantil de INTERPOL.",
        (_LE, _IGO),
    ),
    (
        "end-to-end-support",
        "victim",
        "End-to-end support",
        "Apoyo integral",
        "Integrated services provided during the investigation, prosecution and after-care.",
        "Servicios integrados durante la investigación, el enjuiciamiento y la atención posterior.",
        (_NGO, _GOV),
    ),
    (
        "child-protection-workforce",
        "victim",
        "Child protection workforce",
        "Personal de protección infantil",
        "Trained, coordinated and available to provide victim support.",
        "Capacitado, coordinado y disponible para apoyar a las víctimas.",
        (_GOV, _NGO),
    ),
    (
        "remedies",
        "victim",
        "Compensation, remedies and complaints arrangements",
        "Indemnización, reparación y mecanismos de queja",
        "Accessible procedures.",
        "Procedimientos accesibles.",
        (_GOV,),
    ),
    (
        "child-helpline",
        "victim",
        "Child helpline",
        "Línea de ayuda infantil",
        "Victim reporting and support; referrals to services for ongoing assistance.",
        "Denuncia y apoyo a las víctimas; derivación a servicios de asistencia continuada.",
        (_NGO,),
    ),
    (
        "hotline",
        "societal",
        "CSEA hotline",
        "Línea de denuncia de ESNNA",
        "Mechanism for reporting online CSEA content; link to law enforcement and Internet "
        "service providers.",
        "Mecanismo de denuncia de contenidos de ESNNA en línea, conectado con las fuerzas del "
        "orden y los proveedores de servicios de Internet.",
        (_HOT,),
    ),
    (
        "education",
        "societal",
        "Education programme",
        "Programa educativo",
        "For children and young people, parents, carers, teachers and practitioners.",
        "Para niños, niñas y adolescentes, madres, padres, cuidadores, docentes y profesionales.",
        (_NGO, _ACAD),
    ),
    (
        "child-participation",
        "societal",
        "Child participation",
        "Participación infantil",
        "Children and young people have a voice in the development of policy and practice.",
        "Los niños, niñas y adolescentes tienen voz en la elaboración de políticas y prácticas.",
        (_NGO,),
    ),
    (
        "offender-support",
        "societal",
        "Offender support systems",
        "Apoyo a personas en riesgo de agredir",
        "Medical, psychological and self-help support for those at risk of offending.",
        "Apoyo médico, psicológico y de autoayuda para quienes están en riesgo de agredir.",
        (_NGO,),
    ),
    (
        "takedown",
        "industry",
        "Takedown procedures",
        "Procedimientos de retirada",
        "Local removal and blocking of online CSEA content.",
        "Retirada y bloqueo local de contenidos de ESNNA en línea.",
        (_PRIV, _HOT),
    ),
    (
        "industry-reporting",
        "industry",
        "CSEA reporting",
        "Denuncia de ESNNA por la industria",
        "Statutory protections that allow industry to report CSEA fully and effectively.",
        "Protecciones legales que permiten a la industria denunciar la ESNNA de forma "
        "completa y eficaz.",
        (_PRIV,),
    ),
    (
        "innovation",
        "industry",
        "Innovative solution development",
        "Desarrollo de soluciones innovadoras",
        "Industry engaged in developing innovative solutions to help tackle local CSEA.",
        "La industria participa en el desarrollo de soluciones innovadoras contra la ESNNA local.",
        (_PRIV,),
    ),
    (
        "corporate-social-responsibility",
        "industry",
        "Corporate social responsibility",
        "Responsabilidad social empresarial",
        "Effective child-focused programme.",
        "Un programa eficaz centrado en la infancia.",
        (_PRIV,),
    ),
    (
        "ethical-media-reporting",
        "media-communications",
        "Ethical and informed media reporting",
        "Cobertura mediática ética e informada",
        "Enable awareness and accurate understanding of the problem.",
        "Favorecer la conciencia y la comprensión precisa del problema.",
        (_NGO,),
    ),
    (
        "terminology",
        "media-communications",
        "Universal terminology",
        "Terminología universal",
        "Guidelines and application.",
        "Directrices y su aplicación.",
        (_NGO, _ACAD),
    ),
)


def _capability(number: int) -> Text:
    return Text(f"Capability {number}", f"Capacidad {number}", pt=f"Capacidade {number}")


MNR = Framework(
    id="mnr",
    name=Text(
        "WeProtect Global Alliance Model National Response",
        "Modelo de Respuesta Nacional de la Alianza Global WeProtect",
        pt="Modelo de Resposta Nacional da Aliança Global WeProtect",
    ),
    short_name=Text("WeProtect MNR", "MRN de WeProtect", pt="MRN da WeProtect"),
    source=Source(
        publisher="WeProtect Global Alliance",
        title="Preventing and Tackling Child Sexual Exploitation and Abuse (CSEA): "
        "A Model National Response",
        year=2015,
        url="https://www.weprotect.org/model-national-response/",
    ),
    areas=_AREAS,
    items=tuple(
        FrameworkItem(
            id=item_id,
            ref=_capability(number),
            label=Text(label_en, label_es),
            description=Text(description_en, description_es),
            area=area,
            sectors=sectors,
        )
        for number, (
            item_id,
            area,
            label_en,
            label_es,
            description_en,
            description_es,
            sectors,
        ) in enumerate(_CAPABILITIES, start=1)
    ),
    note=Text(
        "CSEA: child sexual exploitation and abuse. Which sectors carry each capability is "
        "clac's interpretation, not the MNR's.",
        "ESNNA: explotación y abuso sexual de niños, niñas y adolescentes. Qué sectores "
        "asumen cada capacidad es una interpretación de clac, no del MRN.",
    ),
)
