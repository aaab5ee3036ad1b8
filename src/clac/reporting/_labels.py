"""The words of the annual report and the calendar, in English, Spanish and Portuguese.

The words other outputs say too, and the names of the model's vocabularies (meeting kinds and
modes, activity, policy and document kinds, TLP labels), come from :mod:`clac._labels`.
"""

from __future__ import annotations

from clac._labels import (
    ACTIVITY_SCOPES,
    ACTIVITY_STATUSES,
    DOCUMENT_KINDS,
    MEETING_KINDS,
    MEETING_MODES,
    POLICY_KINDS,
    TLP_LABELS,
    WORDS,
)
from clac.text import Language, Text, plural

__all__ = [
    "ACTIVITY_SCOPES",
    "ACTIVITY_STATUSES",
    "COUNTED",
    "DOCUMENT_KINDS",
    "LABELS",
    "MEETING_KINDS",
    "MEETING_MODES",
    "POLICY_KINDS",
    "TLP_LABELS",
    "label",
    "quarter_label",
]

LABELS: dict[str, Text] = {
    # headings
    "annual_report": Text("Annual report", "Informe anual", pt="Relatório anual"),
    "summary": Text("Summary", "Resumen", pt="Resumo"),
    "chart": Text(
        "Activities per policy goal and quarter",
        "Actividades por objetivo de política y trimestre",
        pt="Atividades por objetivo de política e trimestre",
    ),
    "multi_goal": Text(
        "An activity aimed at several policy goals counts once under each of them.",
        "Una actividad dirigida a varios objetivos de política cuenta una vez en cada uno.",
        pt="Uma atividade dirigida a vários objetivos de política conta uma vez em cada um.",
    ),
    "goals": Text(
        "Progress toward the policy goals",
        "Avance hacia los objetivos de política",
        pt="Progresso rumo aos objetivos de política",
    ),
    "unaligned": Text(
        "Activities tied to no policy goal",
        "Actividades no vinculadas a ningún objetivo de política",
        pt="Atividades não vinculadas a nenhum objetivo de política",
    ),
    "advances": Text(
        "Advances in legislative reform",
        "Avances en la reforma legislativa",
        pt="Avanços na reforma legislativa",
    ),
    "meetings": Text("Meetings and minutes", "Reuniones y actas", pt="Reuniões e atas"),
    "folder": Text("Shared folder", "Carpeta compartida", pt="Pasta compartilhada"),
    "missing": Text("Missing inputs", "Insumos faltantes", pt="Insumos ausentes"),
    "missing_reports": Text(
        "Quarterly reports not received",
        "Informes trimestrales no recibidos",
        pt="Relatórios trimestrais não recebidos",
    ),
    "late_reports": Text(
        "Quarterly reports received late",
        "Informes trimestrales recibidos con atraso",
        pt="Relatórios trimestrais recebidos com atraso",
    ),
    "unrecorded_reports": Text(
        "Quarters before the registry's reporting records",
        "Trimestres anteriores a los registros de informes",
        pt="Trimestres anteriores aos registros de relatórios",
    ),
    "no_minutes": Text(
        "Meetings whose minutes were not circulated",
        "Reuniones cuyas actas no se circularon",
        pt="Reuniões cujas atas não foram circuladas",
    ),
    "activities": Text("Activities", "Actividades", pt="Atividades"),
    "policies": WORDS["policies"],
    "by_country": Text("By country", "Por país", pt="Por país"),
    "strategic_plan": Text("Strategic plan", "Plan estratégico", pt="Plano estratégico"),
    "operational_plan": Text("Operational plan", "Plan operativo", pt="Plano operacional"),
    # table headings and labels
    "goal": WORDS["goal"],
    "total": WORDS["total"],
    "quarter": WORDS["quarter"],
    "working_group": WORDS["working_group"],
    "activity": WORDS["activity"],
    "status": WORDS["status"],
    "scope": Text("Scope", "Alcance", pt="Alcance"),
    "countries": WORDS["countries"],
    "country": WORDS["country"],
    "members": WORDS["members"],
    "date": WORDS["date"],
    "instrument": Text("Instrument", "Instrumento", pt="Instrumento"),
    "description": WORDS["description"],
    "reported_by": Text("Reported by", "Informado por", pt="Informado por"),
    "meeting": WORDS["meeting"],
    "kind": WORDS["kind"],
    "mode": Text("Mode", "Modalidad", pt="Modalidade"),
    "minutes": Text("Minutes", "Actas", pt="Atas"),
    "title": WORDS["title"],
    "label": Text("TLP label", "Etiqueta TLP", pt="Rótulo TLP"),
    "due": Text("due", "vence", pt="vence"),
    "none": WORDS["none"],
    "nothing_reported": Text(
        "No activity or policy was reported toward this goal.",
        "No se informó ninguna actividad ni política hacia este objetivo.",
        pt="Nenhuma atividade ou política foi informada para este objetivo.",
    ),
    "no_strategic_plan": Text(
        "No strategic plan covers this year.",
        "Ningún plan estratégico cubre este año.",
        pt="Nenhum plano estratégico cobre este ano.",
    ),
    "no_targets": Text(
        "The strategic plan sets no target for this goal.",
        "El plan estratégico no fija metas para este objetivo.",
        pt="O plano estratégico não fixa metas para este objetivo.",
    ),
    "no_actions": Text(
        "The operational plan has no action for this goal.",
        "El plan operativo no tiene acciones para este objetivo.",
        pt="O plano operacional não tem ações para este objetivo.",
    ),
    "no_operational_plan": Text(
        "There is no operational plan for this year.",
        "No hay plan operativo para este año.",
        pt="Não há plano operacional para este ano.",
    ),
    "baseline": Text("baseline", "línea de base", pt="linha de base"),
    "target": Text("target", "meta", pt="meta"),
    "no_indicator_values": Text(
        "The registry records indicators' baselines and targets, not measured values: progress "
        "is shown by the activities and policies reported toward each goal and by the "
        "operational plan's actions they answer.",
        "El registro guarda la línea de base y la meta de cada indicador, no valores medidos: "
        "el avance se muestra con las actividades y políticas informadas para cada objetivo y "
        "con las acciones del plan operativo a las que responden.",
        pt="O registro guarda a linha de base e a meta de cada indicador, não valores medidos: "
        "o progresso é mostrado pelas atividades e políticas informadas para cada objetivo e "
        "pelas ações do plano operacional a que respondem.",
    ),
    "in_progress": Text(
        "The year is not over: this report covers it up to {day}.",
        "El año no ha terminado: este informe lo cubre hasta el {day}.",
        pt="O ano não terminou: este relatório o cobre até {day}.",
    ),
    "compiled": Text(
        "Compiled on {day} from {reports} and the minutes of {meetings}, for {audience}, under "
        "the charter (version {version}).",
        "Compilado el {day} a partir de {reports} y las actas de {meetings}, para {audience}, "
        "conforme a la carta (versión {version}).",
        pt="Compilado em {day} a partir de {reports} e das atas de {meetings}, para "
        "{audience}, conforme a carta (versão {version}).",
    ),
    "reports_received": Text(
        "Quarterly reports received",
        "Informes trimestrales recibidos",
        pt="Relatórios trimestrais recebidos",
    ),
    "reports_value": Text(
        "{received} of {due} due (late: {late}; missing: {missing}; not recorded, outside the "
        "complete records: {unrecorded})",
        "{received} de {due} exigibles (con atraso: {late}; faltantes: {missing}; sin "
        "registro, fuera de los registros completos: {unrecorded})",
        pt="{received} de {due} devidos (com atraso: {late}; ausentes: {missing}; sem "
        "registro, fora dos registros completos: {unrecorded})",
    ),
    "activities_value": Text(
        "{total} ({implemented} implemented, {planned} planned; {in_country} in-country, "
        "{regional} regional)",
        "{total} ({implemented} ejecutadas, {planned} previstas; {in_country} en el país, "
        "{regional} regionales)",
        pt="{total} ({implemented} executadas, {planned} previstas; {in_country} no país, "
        "{regional} regionais)",
    ),
    "coalition_meetings": Text(
        "Coalition meetings (annual and regional)",
        "Reuniones de la coalición (anuales y regionales)",
        pt="Reuniões da coalizão (anuais e regionais)",
    ),
    "coalition_meetings_value": Text(
        "{count} (at least {minimum} a year)",
        "{count} (al menos {minimum} al año)",
        pt="{count} (ao menos {minimum} por ano)",
    ),
    "meetings_held": Text("Meetings held", "Reuniones celebradas", pt="Reuniões realizadas"),
    "meetings_value": Text(
        "{count}; minutes circulated for {circulated}",
        "{count}; actas circuladas de {circulated}",
        pt="{count}; atas circuladas de {circulated}",
    ),
    "folder_intro": Text(
        "Documents of {year} that {audience} may see (TLP 2.0).",
        "Documentos de {year} que {audience} pueden ver (TLP 2.0).",
        pt="Documentos de {year} que {audience} podem ver (TLP 2.0).",
    ),
    "circulated_on": Text("circulated {day}", "circuladas el {day}", pt="circuladas em {day}"),
    "action_line": Text(
        "{action}: {state} (activities: {count})",
        "{action}: {state} (actividades: {count})",
        pt="{action}: {state} (atividades: {count})",
    ),
    "plan_span": Text("{first}–{last}", "{first}–{last}", pt="{first}–{last}"),
    "assessed": Text("assessed on {day}", "evaluado el {day}", pt="avaliado em {day}"),
    "not_assessed": Text("not yet assessed", "aún no evaluado", pt="ainda não avaliado"),
    "chart_alt": Text(
        "Bar chart: activities reported per policy goal, stacked by quarter",
        "Gráfico de barras: actividades informadas por objetivo de política, apiladas por "
        "trimestre",
        pt="Gráfico de barras: atividades informadas por objetivo de política, empilhadas por "
        "trimestre",
    ),
    "chart_axis": Text("Activities reported", "Actividades informadas", pt="Atividades informadas"),
    "fictional": Text(
        "Produced with clac from the coalition's registry.",
        "Elaborado con clac a partir del registro de la coalición.",
        pt="Produzido com clac a partir do registro da coalizão.",
    ),
    # calendar
    "calendar_name": Text(
        "CLAC shared calendar",
        "Calendario compartido de la CLAC",
        pt="Calendário compartilhado da CLAC",
    ),
    "report_due": Text(
        "Quarterly report due: {group}, {quarter}",
        "Vence el informe trimestral: {group}, {quarter}",
        pt="Vence o relatório trimestral: {group}, {quarter}",
    ),
    "report_submitted_on": Text(
        "Submitted on {day}.", "Presentado el {day}.", pt="Enviado em {day}."
    ),
    "report_state": Text("State on {day}", "Estado al {day}", pt="Situação em {day}"),
    "due_assumption": Text(
        "Due {days} days after the quarter ends (clac's assumption; the charter sets no date).",
        "Vence {days} días después del fin del trimestre (supuesto de clac; la carta no fija "
        "fecha).",
        pt="Vence {days} dias após o fim do trimestre (suposição do clac; a carta não fixa data).",
    ),
    "annual_report_due": Text(
        "Annual report {year} due",
        "Vence el informe anual {year}",
        pt="Vence o relatório anual {year}",
    ),
    "annual_report_published": Text(
        "Published on {day}.", "Publicado el {day}.", pt="Publicado em {day}."
    ),
    "annual_report_assumption": Text(
        "clac allows until the end of the next year's first quarter (the charter sets no date).",
        "clac da plazo hasta el fin del primer trimestre del año siguiente (la carta no fija "
        "fecha).",
        pt="clac dá prazo até o fim do primeiro trimestre do ano seguinte (a carta não fixa data).",
    ),
    "plan_assessment": Text(
        "Assessment of the operational plan {year}",
        "Evaluación del plan operativo {year}",
        pt="Avaliação do plano operacional {year}",
    ),
    "assessment_done": Text("Assessed on {day}.", "Evaluado el {day}.", pt="Avaliado em {day}."),
    "assessment_due": Text(
        "Due by the end of the year; not yet recorded.",
        "Vence al final del año; aún no registrada.",
        pt="Vence no fim do ano; ainda não registrada.",
    ),
}


#: Labels that count something: the singular and the plural form, ``{count}`` the number.
COUNTED: dict[str, tuple[Text, Text]] = {
    "reports_count": (
        Text(
            "{count} quarterly report",
            "{count} informe trimestral",
            pt="{count} relatório trimestral",
        ),
        Text(
            "{count} quarterly reports",
            "{count} informes trimestrales",
            pt="{count} relatórios trimestrais",
        ),
    ),
    "meetings_count": (
        Text("{count} meeting", "{count} reunión", pt="{count} reunião"),
        Text("{count} meetings", "{count} reuniones", pt="{count} reuniões"),
    ),
    "days_overdue": (
        Text("{count} day overdue", "{count} día de atraso", pt="{count} dia de atraso"),
        Text("{count} days overdue", "{count} días de atraso", pt="{count} dias de atraso"),
    ),
    "days_late": (
        Text("{count} day late", "{count} día de atraso", pt="{count} dia de atraso"),
        Text("{count} days late", "{count} días de atraso", pt="{count} dias de atraso"),
    ),
    "unrecorded_note": (
        Text(
            "The registry's report records are complete from {first} on; {count} earlier "
            "quarter of this year without a report is not counted as missing.",
            "Los registros de informes están completos desde {first}; {count} trimestre "
            "anterior de este año sin informe no se cuenta como faltante.",
            pt="Os registros de relatórios estão completos desde {first}; {count} trimestre "
            "anterior deste ano sem relatório não é contado como ausente.",
        ),
        Text(
            "The registry's report records are complete from {first} on; {count} earlier "
            "quarters of this year without a report are not counted as missing.",
            "Los registros de informes están completos desde {first}; {count} trimestres "
            "anteriores de este año sin informe no se cuentan como faltantes.",
            pt="Os registros de relatórios estão completos desde {first}; {count} trimestres "
            "anteriores deste ano sem relatório não são contados como ausentes.",
        ),
    ),
    "no_records": (
        Text(
            "The registry does not say from when its report records are complete "
            "(records_since): {count} quarter of this year without a report is unknown, not "
            "counted as missing.",
            "El registro no dice desde cuándo sus registros de informes están completos "
            "(records_since): {count} trimestre de este año sin informe es desconocido, no se "
            "cuenta como faltante.",
            pt="O registro não diz desde quando seus registros de relatórios estão completos "
            "(records_since): {count} trimestre deste ano sem relatório é desconhecido, não é "
            "contado como ausente.",
        ),
        Text(
            "The registry does not say from when its report records are complete "
            "(records_since): {count} quarters of this year without a report are unknown, not "
            "counted as missing.",
            "El registro no dice desde cuándo sus registros de informes están completos "
            "(records_since): {count} trimestres de este año sin informe son desconocidos, no "
            "se cuentan como faltantes.",
            pt="O registro não diz desde quando seus registros de relatórios estão completos "
            "(records_since): {count} trimestres deste ano sem relatório são desconhecidos, não "
            "são contados como ausentes.",
        ),
    ),
    "attendees": (
        Text(
            "{count} member organization attended.",
            "Asistió {count} organización miembro.",
            pt="Compareceu {count} organização membro.",
        ),
        Text(
            "{count} member organizations attended.",
            "Asistieron {count} organizaciones miembro.",
            pt="Compareceram {count} organizações membro.",
        ),
    ),
}


def label(key: str, language: Language, **values: object) -> str:
    """The label ``key`` in ``language``, with ``values`` filled in; a :data:`COUNTED` label
    takes the singular or plural form ``values["count"]`` calls for."""
    if key in COUNTED:
        count = values.pop("count")
        if isinstance(count, bool) or not isinstance(count, int):
            raise TypeError(f"label {key!r} counts: count= must be an int, not {count!r}")
        one, other = COUNTED[key]
        return plural(count, one, other, **values).in_(language)
    text = LABELS[key]
    if values:
        text = text.format(**values)
    return text.in_(language)


def quarter_label(quarter: int, language: Language) -> str:
    """``Q1`` in English, ``T1`` (trimestre) in Spanish and Portuguese."""
    return f"{'Q' if language is Language.EN else 'T'}{quarter}"
