"""The shared folder and who may see what: audiences under TLP 2.0 (FIRST).

The charter asks the Secretariat to make documents "available in a shared folder" and to
distribute the annual report "to other members". Each :class:`~clac.model.Document` carries a
Traffic Light Protocol 2.0 label; an :class:`Audience` is whoever a rendering (the annual
report, the calendar, any export) reaches. A rendering includes a document only if the label
lets the Secretariat pass it to *every* party the audience reaches.

clac's reading of TLP 2.0 for a coalition's shared folder (the document's *holders* are its
``authors`` and its named ``recipients``; the *community* is the coalition's members that have
not left):

- **TLP:CLEAR** — no limit: every audience, the public included.
- **TLP:GREEN** — the community, not public channels: the members, and any organization of the
  community or holding the document.
- **TLP:AMBER** — the recipient organizations (and their clients, whom clac does not model).
  With recipients named, only the holders. With none named, a document put in the shared folder
  was given to every member organization, so the members (and each member) may see it.
- **TLP:AMBER+STRICT** — only the recipient organization itself: a single organization or named
  recipients that all hold it; never a members-wide distribution, never the public.
- **TLP:RED** — only the named individual recipients: a rendering made for named recipients
  that all hold it; never a whole organization, the members or the public.

Records that carry no label (quarterly reports, meetings, plans) are governance records the
charter wants "recorded and disseminated"; only documents are filtered. clac never puts a
representative's name or e-mail address in any rendering.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from clac import _validators as v
from clac.errors import InvalidData, UnknownReference
from clac.model import TLP, Document
from clac.text import Text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["Audience", "AudienceKind", "may_see", "visible_documents"]


class AudienceKind(enum.StrEnum):
    """Who a rendering reaches."""

    PUBLIC = "public"
    MEMBERS = "members"
    ORGANIZATION = "organization"
    RECIPIENTS = "recipients"

    @property
    def label(self) -> Text:
        """The kind in words."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    AudienceKind.PUBLIC: Text("the public", "el público", pt="o público"),
    AudienceKind.MEMBERS: Text("the members", "los miembros", pt="os membros"),
    AudienceKind.ORGANIZATION: Text("one organization", "una organización", pt="uma organização"),
    AudienceKind.RECIPIENTS: Text(
        "named recipients", "destinatarios nombrados", pt="destinatários nomeados"
    ),
}


def _to_kind(value: Any) -> Any:
    return v.to_enum(AudienceKind)(value)


def _organizations(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.each(v.slug, unique=True)(instance, attribute, value)
    kind = instance.kind
    if kind in (AudienceKind.PUBLIC, AudienceKind.MEMBERS) and value:
        v.fail(attribute, list(value), f"an audience of {kind.value} names no organization")
    if kind is AudienceKind.ORGANIZATION and len(value) != 1:
        v.fail(attribute, list(value), "an organization audience names exactly one organization")
    if kind is AudienceKind.RECIPIENTS and not value:
        v.fail(attribute, [], "a recipients audience names at least one organization")


@attrs.frozen(slots=True)
class Audience:
    """Whoever a rendering reaches: the public, the members, one organization or named
    recipients (organization ids).

    >>> Audience.parse("recipients:icmec,inhope")
    Audience(kind=<AudienceKind.RECIPIENTS: 'recipients'>, organizations=('icmec', 'inhope'))
    >>> str(Audience.members())
    'members'
    """

    kind: AudienceKind = attrs.field(converter=_to_kind, validator=v.member_of(AudienceKind))
    organizations: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=_organizations
    )

    @classmethod
    def public(cls) -> Audience:
        """Anyone at all: only TLP:CLEAR documents."""
        return cls(AudienceKind.PUBLIC)

    @classmethod
    def members(cls) -> Audience:
        """Every member organization: the default audience of a distributed report."""
        return cls(AudienceKind.MEMBERS)

    @classmethod
    def organization(cls, organization: str) -> Audience:
        """One organization (a member, or an organization a document names)."""
        return cls(AudienceKind.ORGANIZATION, (organization,))

    @classmethod
    def recipients(cls, *organizations: str) -> Audience:
        """The named recipients of restricted documents (by their organization ids)."""
        return cls(AudienceKind.RECIPIENTS, organizations)

    @classmethod
    def parse(cls, value: str | Audience) -> Audience:
        """Read ``public``, ``members``, ``organization:<id>`` or ``recipients:<id>,<id>``."""
        if isinstance(value, Audience):
            return value
        if not isinstance(value, str):
            raise InvalidData("is not an audience", path="audience", value=value)
        head, _, rest = value.strip().partition(":")
        try:
            kind = AudienceKind(head.strip().lower())
        except ValueError:
            raise InvalidData(
                "is not an audience (public, members, organization:<id>, recipients:<id>,<id>…)",
                path="audience",
                value=value,
            ) from None
        ids = tuple(part.strip() for part in rest.split(",") if part.strip())
        try:
            return cls(kind, ids)
        except InvalidData as error:
            raise error.under("audience") from None

    @property
    def label(self) -> Text:
        """The audience in words, e.g. ``the members`` or ``organization icmec``."""
        if not self.organizations:
            return self.kind.label
        ids = ", ".join(self.organizations)
        return Text(
            f"{self.kind.label.en}: {ids}",
            f"{self.kind.label.es}: {ids}",
            pt=f"{self.kind.label.in_('pt')}: {ids}",
        )

    def check(self, coalition: Coalition) -> None:
        """Raise :class:`UnknownReference` if the audience names an unknown organization."""
        for organization in self.organizations:
            try:
                coalition.organization(organization)
            except UnknownReference as error:
                raise error.under("audience") from None

    def __str__(self) -> str:
        if not self.organizations:
            return self.kind.value
        return f"{self.kind.value}:{','.join(self.organizations)}"


def community(coalition: Coalition) -> frozenset[str]:
    """The coalition's members that have not left (TLP:GREEN's community)."""
    return frozenset(m.organization for m in coalition.members if m.left is None)


def may_see(audience: Audience, document: Document, members: Iterable[str]) -> bool:
    """Whether a rendering for ``audience`` may include ``document`` (see the module docs).

    ``members`` is the community: the coalition's member organizations that have not left
    (:func:`community`).
    """
    label = document.classification
    if label is TLP.CLEAR:
        return True
    kind = audience.kind
    if kind is AudienceKind.PUBLIC:
        return False
    group = frozenset(members)
    holders = frozenset(document.authors) | frozenset(document.recipients)
    parties = frozenset(audience.organizations)
    if label is TLP.GREEN:
        allowed = kind is AudienceKind.MEMBERS or parties <= group | holders
    elif label is TLP.AMBER and kind is AudienceKind.MEMBERS:
        allowed = not document.recipients or (bool(group) and group <= holders)
    elif label is TLP.AMBER:
        allowed = parties <= (holders if document.recipients else holders | group)
    elif label is TLP.AMBER_STRICT:
        allowed = kind is not AudienceKind.MEMBERS and parties <= holders
    else:  # TLP:RED: for the eyes of the named individual recipients only.
        allowed = kind is AudienceKind.RECIPIENTS and parties <= holders
    return allowed


def visible_documents(
    coalition: Coalition, audience: Audience | str, *, as_of: date | None = None
) -> tuple[Document, ...]:
    """The shared-folder documents ``audience`` may see, by date then id.

    ``as_of`` leaves out documents dated after it. An audience naming an organization the
    registry does not know raises :class:`~clac.errors.UnknownReference`.
    """
    who = Audience.parse(audience)
    who.check(coalition)
    members = community(coalition)
    found = (
        d
        for d in coalition.documents
        if (as_of is None or d.date <= as_of) and may_see(who, d, members)
    )
    return tuple(sorted(found, key=lambda d: (d.date, d.id)))
