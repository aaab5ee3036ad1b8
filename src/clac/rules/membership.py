"""MEM-* rules: what the Membership section asks of each Member.

The English says Members "are requested to" do what its list says, so those duties are
*expected*; the Spanish says they must ("deben de"), a divergence the charter records on
Membership, item 1 (clac follows the English). That membership is institutional is stated
outright, so MEM-01 is *required*. The last two bullets ("help expand", "assist, whenever
possible") and the expertise sub-bullet are *encouraged*: those rules report ``met`` when a
member has done it and ``not applicable`` otherwise, never ``unmet``.

Financial contributions are "welcome, although not required as a condition of membership"
(Membership, item 11): no rule reads them, and MEM-12 counts only in-kind support and
identified sources of support.
"""

from __future__ import annotations

import calendar
from datetime import date

from clac.charter import Section, Severity
from clac.model import (
    ContributionKind,
    DocumentKind,
    Member,
    RecordKind,
    RepresentativeLevel,
)
from clac.periods import Month
from clac.rules._catalogue import rule
from clac.rules._context import (
    COALITION_MEETING_KINDS,
    Context,
    before_records,
    joined_words,
    member_unrecorded,
)
from clac.rules._engine import (
    Outcome,
    SubjectKind,
    Verdict,
    insufficient_data,
    met,
    not_applicable,
    unmet,
)
from clac.text import Text
from clac.text import _trusted as _text

__all__ = [
    "EXPERTISE_KINDS",
    "HOURS_WINDOW_MONTHS",
    "SUPPORT_KINDS",
    "attends_meetings",
    "designates_representative",
    "expertise",
    "hours_per_month",
    "hours_window",
    "institutional",
    "listed_in_materials",
    "months_before",
    "outreach",
    "representative_level",
    "subscribes_in_writing",
    "support",
    "track_record",
    "working_groups",
]

HOURS_WINDOW_MONTHS = 12
"""The default of the parameter ``hours_window_months``: MEM-09 averages a member's hours over
this many complete months (fewer for a new member). clac's assumption."""

EXPERTISE_KINDS = frozenset(
    {DocumentKind.BEST_PRACTICE, DocumentKind.GUIDELINE, DocumentKind.PROTOCOL}
)
"""Documents that count as 'expertise and content for best practices documents' (MEM-10)."""

SUPPORT_KINDS = frozenset({ContributionKind.IN_KIND, ContributionKind.SOURCE_IDENTIFIED})
"""Contributions MEM-12 counts; financial ones are deliberately left out (Membership, item 11)."""

_NOT_TAKEN_UP = _text(
    "not taken up (encouraged, not required)", "no asumido (alentado, no obligatorio)"
)


def _n(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural noun: ``_n(2, "meeting", "meetings")``."""
    return f"{n} {one if n == 1 else many}"


def _no_attendance(held: int, since: date, where: str, why: Text, fix: Text) -> Text:
    """MEM-07's message when no attendance of the member is recorded at the ``held`` CLAC
    meetings recorded since ``since`` (none, one or several) and the records are incomplete
    (``why``, and ``fix``: what to set, from :meth:`Context.why_incomplete`)."""
    if held == 0:
        en = f"no CLAC meeting is recorded since {since.isoformat()}"
        es = f"no hay reuniones de la CLAC registradas desde el {since.isoformat()}"
    elif held == 1:
        en = (
            "no attendance of the member is recorded at the one CLAC meeting recorded since "
            f"{since.isoformat()}"
        )
        es = (
            "no consta asistencia del miembro a la única reunión de la CLAC registrada desde "
            f"el {since.isoformat()}"
        )
    else:
        en = (
            f"no attendance of the member is recorded at the {held} CLAC meetings recorded "
            f"since {since.isoformat()}"
        )
        es = (
            f"no consta asistencia del miembro a las {held} reuniones de la CLAC registradas "
            f"desde el {since.isoformat()}"
        )
    return _text(
        f"{en}, and {why.en}: record the meetings and their attendees at {where} {fix.en}",
        f"{es}, y {why.es}: registre las reuniones y sus asistentes en {where} {fix.es}",
    )


def _normalised(name: str) -> str:
    return " ".join(name.split()).casefold()


def _members_complete(ctx: Context, member: Member) -> bool:
    """Whether what ``member``'s entry records is complete on the day of the check: its
    ``record_complete``, or the registry's ``records_since_by_kind.members``, is on or before
    it (:meth:`Context.member_complete`). Only then is an empty list a recorded *none*."""
    return ctx.member_complete(member)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


# --------------------------------------------------------------------------- MEM-01


@rule(
    "MEM-01",
    clause=(Section.MEMBERSHIP, 1),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    facts=("organizations[].name", "members[].representatives[].name"),
    title=_text("Membership is institutional", "La membresía es institucional"),
    explanation=_text(
        "CLAC membership is institutional and not specific to individuals: a member is an "
        "organization, not a person. A member whose organization carries the name of one of "
        "its own representatives looks like an individual registered as an organization.",
        "La membresía de la CLAC es de carácter institucional y no personal: un miembro es una "
        "organización, no una persona. Si la organización de un miembro lleva el nombre de uno "
        "de sus propios representantes, parece una persona inscrita como organización.",
    ),
)
def institutional(ctx: Context, member: Member) -> Verdict:
    """Unmet when the organization's name is one of its representatives' names."""
    organization = ctx.coalition.organization(member.organization)
    name = _normalised(organization.name)
    same = [r.name for r in member.representatives if _normalised(r.name) == name]
    recorded = len(member.representatives)
    if same:
        return unmet(
            _text(
                f"the organization {organization.id!r} is named {organization.name!r}, like its "
                "representative: membership is institutional, not personal",
                f"la organización {organization.id!r} se llama {organization.name!r}, igual que "
                "su representante: la membresía es institucional, no personal",
            ),
            organization=organization.id,
            organization_name=organization.name,
            representatives=len(member.representatives),
        )
    return met(
        _text(
            f"{organization.name!r} is not named like any of its {recorded} recorded "
            "representatives",
            f"{organization.name!r} no se llama como ninguno de sus {recorded} representantes "
            "registrados",
        ),
        organization=organization.id,
        sector=organization.sector.value,
        representatives=len(member.representatives),
    )


# --------------------------------------------------------------------------- MEM-02


@rule(
    "MEM-02",
    clause=(Section.MEMBERSHIP, 2),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].track_record", "members[].record_complete"),
    title=_text("Proven track record on record", "Historial comprobado registrado"),
    explanation=_text(
        "Members are requested to have a proven track record of cooperation on reducing the "
        "threat to children online. clac looks for recorded evidence of it: at least one "
        "entry in the member's track record.",
        "Se pide a los miembros tener un historial de cooperación en la reducción de las "
        "amenazas a los niños en línea. clac busca constancia de ello: al menos una entrada en "
        "el historial del miembro.",
    ),
)
def track_record(ctx: Context, member: Member) -> Verdict:
    """Met when the member's track record has at least one entry."""
    entries = len(member.track_record)
    if entries:
        return met(
            _text(
                f"{_n(entries, 'track-record entry', 'track-record entries')} recorded",
                f"historial registrado: {_n(entries, 'entrada', 'entradas')}",
            ),
            track_record_entries=entries,
        )
    if not _members_complete(ctx, member):
        return member_unrecorded(
            ctx,
            member,
            _text("the member's track record", "el historial del miembro", pt="o histórico"),
            "track_record",
            track_record_entries=0,
        )
    return unmet(
        _text(
            "no evidence of a track record of cooperation is recorded",
            "no hay constancia registrada de un historial de cooperación",
        ),
        track_record_entries=0,
    )


# --------------------------------------------------------------------------- MEM-03


@rule(
    "MEM-03",
    clause=(Section.MEMBERSHIP, 3),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].charter_subscription.signed", "members[].record_complete"),
    title=_text("Charter subscribed in writing", "Carta suscrita por escrito"),
    explanation=_text(
        "Members are requested to subscribe to or support this charter in writing: the "
        "registry records the date of the written subscription, which must not be later than "
        "the day of the assessment.",
        "Se pide a los miembros suscribir o apoyar esta carta por escrito: el registro guarda "
        "la fecha de la suscripción escrita, que no puede ser posterior al día de la "
        "evaluación.",
    ),
)
def subscribes_in_writing(ctx: Context, member: Member) -> Verdict:
    """Met when a written subscription was signed on or before the day."""
    subscription = member.charter_subscription
    if subscription is None and not _members_complete(ctx, member):
        return member_unrecorded(
            ctx,
            member,
            _text(
                "the member's written subscription to the charter",
                "la suscripción escrita del miembro a la carta",
                pt="a subscrição escrita da carta",
            ),
            "charter_subscription",
            signed=None,
        )
    if subscription is None:
        return unmet(
            _text(
                "no written subscription to the charter is recorded",
                "no consta una suscripción escrita a la carta",
            ),
            signed=None,
        )
    if not subscription.signed <= ctx.as_of and not subscription.signed > ctx.as_of:
        return insufficient_data(
            _text(
                f"the written subscription is dated {subscription.signed.isoformat()}: whether it "
                f"was signed by {ctx.as_of.isoformat()} is not known",
                f"la suscripción escrita tiene fecha {subscription.signed.isoformat()}: no se sabe "
                f"si se firmó antes del {ctx.as_of.isoformat()}",
            ),
            signed=subscription.signed,
            document=subscription.document,
        )
    if subscription.signed > ctx.as_of:
        return unmet(
            _text(
                f"the written subscription is dated {subscription.signed.isoformat()}, after "
                f"{ctx.as_of.isoformat()}",
                f"la suscripción escrita tiene fecha {subscription.signed.isoformat()}, "
                f"posterior al {ctx.as_of.isoformat()}",
            ),
            signed=subscription.signed,
            document=subscription.document,
        )
    return met(
        _text(
            f"subscribed to the charter in writing on {subscription.signed.isoformat()}",
            f"suscribió la carta por escrito el {subscription.signed.isoformat()}",
        ),
        signed=subscription.signed,
        document=subscription.document,
    )


# --------------------------------------------------------------------------- MEM-04


@rule(
    "MEM-04",
    clause=(Section.MEMBERSHIP, 4),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].listed_in_materials",),
    title=_text(
        "Listed as a CLAC member in its materials",
        "Figura como miembro de la CLAC en sus materiales",
    ),
    explanation=_text(
        "Members are requested to list their organization as a CLAC Member in relevant print "
        "and online materials.",
        "Se pide a los miembros incluir en sus materiales impresos y pertinentes que la "
        "organización es miembro de la Coalición.",
    ),
)
def listed_in_materials(ctx: Context, member: Member) -> Verdict:
    """Met when the registry records that the member lists itself as a CLAC member."""
    if member.listed_in_materials is None:
        return insufficient_data(
            _text(
                "the registry does not record whether the member lists itself as a CLAC member "
                "in its materials (record it as listed_in_materials: true or false)",
                "el registro no consigna si el miembro se presenta como miembro de la CLAC en "
                "sus materiales (regístrelo como listed_in_materials: true o false)",
            ),
            listed_in_materials=None,
        )
    if member.listed_in_materials:
        return met(
            _text(
                "lists itself as a CLAC member in its materials",
                "se presenta como miembro de la CLAC en sus materiales",
            ),
            listed_in_materials=True,
        )
    return unmet(
        _text(
            "does not list itself as a CLAC member in its materials",
            "no se presenta como miembro de la CLAC en sus materiales",
        ),
        listed_in_materials=False,
    )


# --------------------------------------------------------------------------- MEM-05


@rule(
    "MEM-05",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].representatives", "members[].record_complete"),
    title=_text("At least one designated representative", "Al menos un representante designado"),
    explanation=_text(
        "Members are requested to designate at least one representative to participate "
        "actively in CLAC activities.",
        "Se pide a los miembros designar por lo menos un representante para participar "
        "activamente en las actividades de la CLAC.",
    ),
)
def designates_representative(ctx: Context, member: Member) -> Verdict:
    """Met when the member has at least one representative."""
    designated = len(member.representatives)
    if designated:
        return met(
            _text(
                f"{_n(designated, 'representative', 'representatives')} designated",
                f"representantes designados: {designated}",
            ),
            representatives=designated,
        )
    if not _members_complete(ctx, member):
        return member_unrecorded(
            ctx,
            member,
            _text(
                "the member's designated representative",
                "el representante designado del miembro",
                pt="o representante designado",
            ),
            "representatives",
            representatives=0,
        )
    return unmet(
        _text("no representative designated", "no ha designado ningún representante"),
        representatives=0,
    )


# --------------------------------------------------------------------------- MEM-06


@rule(
    "MEM-06",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].representatives[].level", "members[].record_complete"),
    title=_text(
        "A representative of at least middle level",
        "Un representante de al menos nivel medio",
    ),
    explanation=_text(
        "The Spanish text asks for a representative who holds at least a middle-level "
        "position in the organization; the English sets no level. clac follows the Spanish "
        "here (the divergence is recorded on Membership, item 5). A member with no "
        "representative at all is left to MEM-05.",
        "El texto en español pide un representante que tenga por lo menos un nivel medio "
        "dentro de su organización; el inglés no fija nivel. clac sigue aquí el español (la "
        "divergencia consta en Miembros, ítem 5). Un miembro sin ningún representante queda "
        "para MEM-05.",
    ),
)
def representative_level(ctx: Context, member: Member) -> Verdict:
    """Met when a representative is of middle level or above."""
    if not member.representatives:
        return not_applicable(
            _text(
                "no representative to assess (see MEM-05)",
                "no hay representante que evaluar (véase MEM-05)",
            ),
            representatives=0,
        )
    highest = max(r.level for r in member.representatives)
    levels = tuple(r.level.label.en for r in member.representatives)
    if highest >= RepresentativeLevel.MIDDLE:
        return met(
            _text(
                f"the most senior representative is of {highest.label.en} level",
                f"el representante de mayor rango es de nivel {highest.label.es}",
            ),
            highest_level=highest.label.en,
            levels=levels,
        )
    if not _members_complete(ctx, member):
        return insufficient_data(
            _text(
                f"every recorded representative is of {highest.label.en} level; whether the "
                "member has one of middle level or above is not recorded: record them all at "
                f"{ctx.member_path(member)}.representatives (or, if the entry is complete, say "
                f"so with {ctx.member_path(member)}.record_complete)",
                f"todos los representantes registrados son de nivel {highest.label.es}; no "
                "consta si el miembro tiene uno de nivel medio o superior: regístrelos todos "
                f"en {ctx.member_path(member)}.representatives (o, si la ficha está completa, "
                f"indíquelo con {ctx.member_path(member)}.record_complete)",
            ),
            highest_level=highest.label.en,
            levels=levels,
        )
    return unmet(
        _text(
            f"every representative is of {highest.label.en} level, below middle level",
            f"todos los representantes son de nivel {highest.label.es}, por debajo del nivel medio",
        ),
        highest_level=highest.label.en,
        levels=levels,
    )


# --------------------------------------------------------------------------- MEM-07


@rule(
    "MEM-07",
    clause=(Section.MEMBERSHIP, 6),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("meetings[].date", "meetings[].kind", "meetings[].attendees", "members[].joined"),
    parameters=("attendance_window_months",),
    title=_text("Takes part in CLAC meetings", "Participa en las reuniones de la CLAC"),
    explanation=_text(
        "Members are requested to participate in CLAC meetings, which take place at least "
        "twice a year. clac looks for at least one coalition meeting (annual or regional) "
        "attended in the attendance window before the day. The rule does not apply while no "
        "coalition meeting has been held in the window since the member joined: there was "
        "nothing to attend.",
        "Se pide a los miembros participar en las reuniones de la CLAC, que tienen lugar por "
        "lo menos dos veces al año. clac busca al menos una reunión de la coalición (anual o "
        "regional) a la que haya asistido dentro del periodo de asistencia anterior al día. La "
        "regla no aplica mientras no se haya celebrado ninguna reunión de la coalición en ese "
        "periodo desde que el miembro ingresó: no había a qué asistir.",
    ),
)
def attends_meetings(ctx: Context, member: Member) -> Verdict:
    """Met when the member attended an annual or regional meeting in the window."""
    window = ctx.parameters.attendance_window_months
    start = months_before(ctx.as_of, window)
    attended = tuple(
        m
        for m in ctx.attendance.get(member.organization, ())
        if m.kind in COALITION_MEETING_KINDS and start <= m.date
    )
    if attended:
        last = attended[-1]
        return met(
            _text(
                f"attended {_n(len(attended), 'CLAC meeting', 'CLAC meetings')} since "
                f"{start.isoformat()}, the last {last.id!r} on {last.date.isoformat()}",
                f"asistió a {_n(len(attended), 'reunión', 'reuniones')} de la CLAC desde el "
                f"{start.isoformat()}, la última {last.id!r} el {last.date.isoformat()}",
            ),
            window_start=start,
            attended=tuple(m.id for m in attended),
        )
    # An approximate join date counts from the last day it may stand for (an unknown one from
    # the day of the check); meetings between its bounds may or may not have been the
    # member's to attend.
    low, high = ctx.joined_bounds(member)
    since = max(start, high)
    held = ctx.coalition_meetings_since(since)
    if not held:
        if ctx.coalition_meetings_since(max(start, low)):
            joined = joined_words(member)
            return insufficient_data(
                _text(
                    f"{joined.en}: whether the CLAC meetings held since {start.isoformat()} were "
                    "held before or after it joined is not known",
                    f"{joined.es}: no se sabe si las reuniones de la CLAC celebradas desde el "
                    f"{start.isoformat()} fueron antes o después de su ingreso",
                ),
                window_start=start,
                joined=member.joined,
            )
        since = max(start, low)  # no meeting since then either: say so from the earliest day
    facts = {"window_start": start, "joined": member.joined}
    horizon = ctx.before(RecordKind.MEETINGS, ctx.as_of)
    if horizon is not None:
        what = _text("the member's attendance", "la asistencia del miembro", pt="a presença")
        return before_records(horizon, what, **facts)
    complete = ctx.complete(RecordKind.MEETINGS, since)
    unknown = () if complete else tuple(m.id for m in held if not m.attendees)
    if not complete:
        where = "meetings[].attendees"
        why, fix = ctx.why_incomplete("meeting", "reuniones", RecordKind.MEETINGS)
        return insufficient_data(
            _no_attendance(len(held), since, where, why, fix)
            if not unknown
            else _text(
                f"the attendees of {', '.join(unknown)} are not recorded: record them at {where}",
                f"los asistentes de {', '.join(unknown)} no están registrados: regístrelos en "
                f"{where}",
            ),
            **facts,
            held=tuple(m.id for m in held),
            attendance_unrecorded=unknown,
            record_at=where,
        )
    if not held:
        joined = joined_words(member)
        return not_applicable(
            _text(
                f"no CLAC meeting has been held since {since.isoformat()} ({joined.en})",
                f"no se ha celebrado ninguna reunión de la CLAC desde el {since.isoformat()} "
                f"({joined.es})",
            ),
            window_start=start,
            joined=member.joined,
            held=(),
        )
    return unmet(
        _text(
            f"attended none of the {_n(len(held), 'CLAC meeting', 'CLAC meetings')} held since "
            f"{since.isoformat()}",
            f"no asistió a ninguna de las reuniones de la CLAC celebradas desde el "
            f"{since.isoformat()} ({len(held)})",
        ),
        window_start=start,
        joined=member.joined,
        held=tuple(m.id for m in held),
    )


# --------------------------------------------------------------------------- MEM-08


@rule(
    "MEM-08",
    clause=(Section.MEMBERSHIP, 7),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].working_groups", "members[].record_complete"),
    parameters=("min_working_groups_per_member", "max_working_groups_per_member"),
    title=_text("Joins 1-2 working groups", "Integra 1-2 grupos de trabajo"),
    explanation=_text(
        "Members are requested to join 1-2 Working Groups to share expertise and knowledge "
        "in focus areas. None, or more than the maximum, is reported.",
        "Se pide a los miembros unirse a 1-2 grupos de trabajo para compartir experiencias y "
        "conocimiento en las áreas de enfoque. Ninguno, o más del máximo, se informa.",
    ),
)
def working_groups(ctx: Context, member: Member) -> Verdict:
    """Met when the number of groups is within [min, max]."""
    low = ctx.parameters.min_working_groups_per_member
    high = ctx.parameters.max_working_groups_per_member
    groups = member.working_groups
    joined = len(groups)
    if low <= joined <= high:
        return met(
            _text(
                f"in {_n(joined, 'working group', 'working groups')}, within {low}-{high}",
                f"integra {_n(joined, 'grupo', 'grupos')} de trabajo, dentro de {low}-{high}",
            ),
            working_groups=groups,
            count=joined,
        )
    if joined < low and not _members_complete(ctx, member):
        return member_unrecorded(
            ctx,
            member,
            _text(
                "the member's working groups",
                "los grupos de trabajo del miembro",
                pt="os grupos de trabalho",
            ),
            "working_groups",
            plural=True,
            working_groups=groups,
            count=joined,
        )
    if joined == 0:
        message = _text(
            f"in no working group (expected {low}-{high})",
            f"no integra ningún grupo de trabajo (se esperan {low}-{high})",
        )
    elif joined < low:
        message = _text(
            f"in {_n(joined, 'working group', 'working groups')}, fewer than {low}",
            f"integra {_n(joined, 'grupo', 'grupos')} de trabajo, menos de {low}",
        )
    else:
        message = _text(
            f"in {_n(joined, 'working group', 'working groups')}, more than {high}",
            f"integra {_n(joined, 'grupo', 'grupos')} de trabajo, más de {high}",
        )
    return unmet(message, working_groups=groups, count=joined)


# --------------------------------------------------------------------------- MEM-09


def hours_window(ctx: Context, member: Member) -> tuple[Month, ...]:
    """The complete months MEM-09 averages over: the last ``hours_window_months`` (12), or
    those since joining.

    A month counts once the member belonged to CLAC for the whole of it, so the month of
    joining counts only when the member joined on its first day.
    """
    # An approximate date counts from its last possible day; an unknown one from the first
    # charter (MEM-09 then judges only what it can: see hours_per_month).
    low, high = ctx.joined_bounds(member)
    joined = low if member.joined is None else high
    first = Month.of(joined)
    if joined.day != 1:
        first = first.next()
    return tuple(m for m in ctx.months_back(ctx.parameters.hours_window_months) if m >= first)


@rule(
    "MEM-09",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    facts=("participation[].month", "participation[].hours", "members[].joined"),
    parameters=("min_hours_per_month", "max_hours_per_month", "hours_window_months"),
    title=_text("About 4-7 hours a month", "Aproximadamente 4-7 horas al mes"),
    explanation=_text(
        "The representative participates actively in CLAC activities, approximately 4-7 "
        "hours per month. clac averages the recorded hours over the last 12 complete months "
        "(hours_window_months, clac's assumption) or the complete months since joining, "
        "leaving out months before the registry's records_since for hours. A month without a "
        "record is missing, not zero: with no record at all, or records for fewer than half "
        "the months, the data are insufficient. An average below the minimum is unmet when "
        "every month is recorded or the registry says its hours records are complete; with "
        "months missing and no such word it is insufficient data. Above the maximum is met, "
        "since the charter says 'approximately'.",
        "El representante participa activamente en las actividades de la CLAC, "
        "aproximadamente 4-7 horas al mes. clac promedia las horas registradas en los últimos "
        "12 meses completos (hours_window_months, supuesto de clac) o los meses completos "
        "desde el ingreso, sin los meses anteriores al records_since de horas del registro. "
        "Un mes sin registro falta, no vale cero: sin ningún registro, o con registros de "
        "menos de la mitad de los meses, los datos son insuficientes. Un promedio por debajo "
        "del mínimo no se cumple si todos los meses están registrados o el registro dice que "
        "sus registros de horas están completos; si faltan meses sin esa indicación, los datos "
        "son insuficientes. Por encima del máximo se cumple, pues la carta dice "
        "'aproximadamente'.",
    ),
)
def hours_per_month(ctx: Context, member: Member) -> Verdict:
    """Average monthly hours over the window, compared with the approximate range."""
    low = ctx.parameters.min_hours_per_month
    high = ctx.parameters.max_hours_per_month
    window = hours_window(ctx, member)
    if not window:
        joined = joined_words(member)
        return not_applicable(
            _text(
                f"no complete month of membership yet ({joined.en})",
                f"aún no hay un mes completo como miembro ({joined.es})",
            ),
            joined=member.joined,
        )
    verdict = _hours_verdict(ctx, member, window, low, high)
    if member.joined is None and verdict.outcome is Outcome.UNMET:
        # The window counted from the first charter: a shortfall may fall in months before
        # the member joined, which is not known.
        where = f"{ctx.member_path(member)}.joined"
        return insufficient_data(
            _text(
                f"{verdict.message.en}; but the member's joining day is not recorded, so whether "
                f"it owed hours for all those months is not known: record it at {where}",
                f"{verdict.message.es}; pero la fecha de ingreso del miembro no está registrada, "
                f"así que no se sabe si debía horas en todos esos meses: regístrela en {where}",
            ),
            **{f.name: f.value for f in verdict.facts},
            joined=None,
            record_at=where,
        )
    return verdict


def _hours_verdict(  # noqa: PLR0911 - one per case
    ctx: Context, member: Member, window: tuple[Month, ...], low: int, high: int
) -> Verdict:
    """MEM-09's verdict over ``window`` (its months, complete ones of membership)."""
    since = ctx.records_since(RecordKind.HOURS)
    if since is not None:
        kept = tuple(m for m in window if m.first_day >= since)
        if not kept:
            what = _text(
                f"the member's hours for {window[0]}..{window[-1]}",
                f"las horas del miembro de {window[0]}..{window[-1]}",
            )
            return before_records(since, what, joined=member.joined)
        window = kept
    hours = ctx.hours(member.organization)
    recorded = {m: hours[m] for m in window if m in hours}
    span = f"{window[0]}..{window[-1]}"
    facts = {
        "months": span,
        "months_in_window": len(window),
        "months_recorded": len(recorded),
    }
    if not recorded:
        return insufficient_data(
            _text(
                f"no participation records for {span}",
                f"no hay registros de participación para {span}",
            ),
            **facts,
        )
    if 2 * len(recorded) < len(window):
        return insufficient_data(
            _text(
                f"participation recorded for only {len(recorded)} of {len(window)} months "
                f"({span}); at least half are needed",
                f"participación registrada solo en {len(recorded)} de {len(window)} meses "
                f"({span}); se necesita al menos la mitad",
            ),
            **facts,
        )
    total = sum(recorded.values())
    average = round(total / len(recorded), 2)
    facts |= {"total_hours": round(total, 2), "average_hours": average}
    if average < low and since is None and len(recorded) < len(window):
        return insufficient_data(
            _text(
                f"{average:g} hours a month on average over the {len(recorded)} recorded of "
                f"{len(window)} months ({span}), below the approximate {low}-{high}; the other "
                f"months are not recorded: record them at participation[] (or set "
                "records_since)",
                f"{average:g} horas al mes en promedio en los {len(recorded)} meses registrados "
                f"de {len(window)} ({span}), por debajo de las {low}-{high} aproximadas; los "
                "demás meses no están registrados: regístrelos en participation[] (o fije "
                "records_since)",
            ),
            **facts,
            record_at="participation[]",
        )
    months_en = _n(len(recorded), "recorded month", "recorded months")
    months_es = _n(len(recorded), "mes registrado", "meses registrados")
    if average < low:
        return unmet(
            _text(
                f"{average:g} hours a month on average over {months_en} "
                f"({span}), below the approximate {low}-{high}",
                f"{average:g} horas al mes en promedio en {months_es} "
                f"({span}), por debajo de las {low}-{high} aproximadas",
            ),
            **facts,
        )
    if average > high:
        return met(
            _text(
                f"{average:g} hours a month on average over {months_en} "
                f"({span}), above {low}-{high}: the charter says approximately, so more is "
                "not a shortfall",
                f"{average:g} horas al mes en promedio en {months_es} "
                f"({span}), por encima de {low}-{high}: la carta dice aproximadamente, así que "
                "más horas no son un incumplimiento",
            ),
            **facts,
            above_range=True,
        )
    return met(
        _text(
            f"{average:g} hours a month on average over {months_en} "
            f"({span}), within the approximate {low}-{high}",
            f"{average:g} horas al mes en promedio en {months_es} "
            f"({span}), dentro de las {low}-{high} aproximadas",
        ),
        **facts,
    )


# --------------------------------------------------------------------------- MEM-10


@rule(
    "MEM-10",
    clause=(Section.MEMBERSHIP, 8),
    severity=Severity.ENCOURAGED,
    applies_to=SubjectKind.MEMBER,
    facts=("documents[].authors", "documents[].kind"),
    title=_text("Provides expertise and content", "Aporta conocimiento técnico y contenido"),
    explanation=_text(
        "Among the activities the charter suggests: providing expertise and content for best "
        "practices documents and other thought-leadership pieces. Met when the member is an "
        "author of a best-practice, guideline or protocol document; otherwise not taken up, "
        "which is never a shortfall.",
        "Entre las actividades que la carta sugiere: proporcionar conocimiento técnico y "
        "contenido para documentos de mejores prácticas u otros documentos de liderazgo. Se "
        "cumple cuando el miembro es autor de un documento de buenas prácticas, directrices o "
        "protocolo; si no, no se ha asumido, lo que nunca es un incumplimiento.",
    ),
)
def expertise(ctx: Context, member: Member) -> Verdict:
    """Met when the member authored a best-practice, guideline or protocol document."""
    documents = tuple(
        d.id
        for d in ctx.documents_by_author.get(member.organization, ())
        if d.kind in EXPERTISE_KINDS
    )
    if documents:
        return met(
            _text(
                f"author of {_n(len(documents), 'document', 'documents')} of best practice, "
                "guidelines or protocols",
                f"autor de {_n(len(documents), 'documento', 'documentos')} de buenas "
                "prácticas, directrices o protocolos",
            ),
            documents=documents,
        )
    return not_applicable(_NOT_TAKEN_UP, documents=())


# --------------------------------------------------------------------------- MEM-11


@rule(
    "MEM-11",
    clause=(Section.MEMBERSHIP, 9),
    severity=Severity.ENCOURAGED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].referred_by",),
    title=_text("Helps expand the membership", "Ayuda a ampliar la membresía"),
    explanation=_text(
        "Members are asked to help expand CLAC membership through outreach within industry, "
        "governments, civil society and other stakeholders. Met when another member joined "
        "on this member's referral; otherwise not taken up, which is never a shortfall.",
        "Se pide a los miembros ayudar a sumar nuevos miembros de la industria, el gobierno, "
        "la sociedad civil y otros sectores interesados. Se cumple cuando otro miembro "
        "ingresó por recomendación de este; si no, no se ha asumido, lo que nunca es un "
        "incumplimiento.",
    ),
)
def outreach(ctx: Context, member: Member) -> Verdict:
    """Met when another member joined on this member's referral."""
    referred = ctx.referrals.get(member.organization, ())
    if referred:
        return met(
            _text(
                f"referred {_n(len(referred), 'member', 'members')}: {', '.join(referred)}",
                f"recomendó {_n(len(referred), 'miembro', 'miembros')}: {', '.join(referred)}",
            ),
            referred=referred,
        )
    return not_applicable(_NOT_TAKEN_UP, referred=())


# --------------------------------------------------------------------------- MEM-12


@rule(
    "MEM-12",
    clause=(Section.MEMBERSHIP, 10),
    severity=Severity.ENCOURAGED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].contributions",),
    title=_text(
        "Identifies in-kind support or sources of contributions",
        "Identifica apoyo en especie o fuentes de contribuciones",
    ),
    explanation=_text(
        "Members are asked to assist, whenever possible, with identifying sources of in-kind "
        "support or financial contributions for CLAC's work. Met when the member gave in-kind "
        "support or identified a source of support. The member's own financial contributions "
        "are not counted: they are welcome but not a condition of membership (Membership, "
        "item 11), so no finding depends on them.",
        "Se pide a los miembros ayudar, en la medida de lo posible, a identificar fuentes de "
        "apoyo en especie o contribuciones económicas para el trabajo de la CLAC. Se cumple "
        "cuando el miembro aportó apoyo en especie o identificó una fuente de apoyo. Las "
        "contribuciones financieras propias no se cuentan: son bienvenidas pero no "
        "condicionan la membresía (Miembros, ítem 11), así que ningún hallazgo depende de "
        "ellas.",
    ),
)
def support(ctx: Context, member: Member) -> Verdict:
    """Met when the member gave in-kind support or identified a source of support."""
    found = tuple(
        c for c in member.contributions if c.kind in SUPPORT_KINDS and c.date <= ctx.as_of
    )
    if found:
        last = max(c.date for c in found)
        return met(
            _text(
                f"{_n(len(found), 'contribution', 'contributions')} of in-kind support or "
                f"identified sources of support, the last on {last.isoformat()}",
                f"{_n(len(found), 'aporte', 'aportes')} de apoyo en especie o de fuentes de "
                f"apoyo identificadas, el último el {last.isoformat()}",
            ),
            support=len(found),
            kinds=tuple(sorted({c.kind.value for c in found})),
        )
    return not_applicable(_NOT_TAKEN_UP, support=0)
