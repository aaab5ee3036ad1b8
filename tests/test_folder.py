"""The shared folder under TLP 2.0: who may see which document, and that every rendering (the
annual report, the calendar) names only what its audience may see."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clac.errors import InvalidData, UnknownReference
from clac.model import (
    TLP,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingMode,
    Minutes,
)
from clac.registry import Coalition
from clac.reporting import (
    Audience,
    AudienceKind,
    annual_report,
    calendar,
    may_see,
    visible_documents,
)
from clac.text import Language
from tests.factories import coalition, member, organization

ORGS = ("org-a", "org-b", "org-c", "outsider")
MEMBERS = frozenset({"org-a", "org-b", "org-c"})
AS_OF = date(2024, 6, 15)


def document(
    label: TLP,
    *,
    authors: tuple[str, ...] = ("org-a",),
    recipients: tuple[str, ...] = (),
    id: str = "doc",  # noqa: A002 - the model's word
    title: str = "A document",
    kind: DocumentKind = DocumentKind.GUIDELINE,
    day: date = date(2023, 5, 1),
) -> Document:
    return Document(
        id=id,
        title=title,
        kind=kind,
        language=Language.ES,
        classification=label,
        date=day,
        authors=authors,
        recipients=recipients,
        year=day.year if kind is DocumentKind.ANNUAL_REPORT else None,
    )


def folder_coalition(*documents: Document, meetings: tuple[Meeting, ...] = ()) -> Coalition:
    members = tuple(member(o) for o in sorted(MEMBERS))
    base = coalition(members, organizations=[organization(o) for o in ORGS])
    return base.evolve(documents=documents, meetings=(*base.meetings, *meetings))


class TestAudience:
    def test_audiences_read_and_print_the_same(self) -> None:
        for text in ("public", "members", "organization:org-a", "recipients:org-a,org-b"):
            assert str(Audience.parse(text)) == text

    def test_constructors_build_each_kind(self) -> None:
        assert Audience.public().kind is AudienceKind.PUBLIC
        assert Audience.members().organizations == ()
        assert Audience.organization("org-a").organizations == ("org-a",)
        assert Audience.recipients("org-a", "org-b").kind is AudienceKind.RECIPIENTS

    @pytest.mark.parametrize(
        "text", ["everyone", "organization:", "organization:a,b", "recipients:", "public:org-a"]
    )
    def test_a_malformed_audience_is_refused(self, text: str) -> None:
        with pytest.raises(InvalidData):
            Audience.parse(text)

    def test_an_audience_naming_an_unknown_organization_is_refused(self) -> None:
        with pytest.raises(UnknownReference):
            visible_documents(folder_coalition(), "organization:nobody")

    def test_an_audience_has_a_bilingual_label(self) -> None:
        assert Audience.members().label.in_("es") == "los miembros"
        assert Audience.organization("org-a").label.in_("es") == "una organización: org-a"


class TestTlp:
    def test_clear_is_visible_to_everyone(self) -> None:
        d = document(TLP.CLEAR)
        for audience in (Audience.public(), Audience.members(), Audience.organization("x")):
            assert may_see(audience, d, MEMBERS)

    def test_green_reaches_the_members_but_not_the_public(self) -> None:
        d = document(TLP.GREEN)
        assert may_see(Audience.members(), d, MEMBERS)
        assert may_see(Audience.organization("org-b"), d, MEMBERS)
        assert not may_see(Audience.public(), d, MEMBERS)
        assert not may_see(Audience.organization("outsider"), d, MEMBERS)

    def test_amber_without_recipients_was_given_to_every_member(self) -> None:
        d = document(TLP.AMBER)
        assert may_see(Audience.members(), d, MEMBERS)
        assert may_see(Audience.organization("org-c"), d, MEMBERS)
        assert not may_see(Audience.organization("outsider"), d, MEMBERS)
        assert not may_see(Audience.public(), d, MEMBERS)

    def test_amber_with_recipients_reaches_only_its_holders(self) -> None:
        d = document(TLP.AMBER, recipients=("org-b",))
        assert may_see(Audience.organization("org-b"), d, MEMBERS)
        assert may_see(Audience.organization("org-a"), d, MEMBERS)  # the author
        assert not may_see(Audience.organization("org-c"), d, MEMBERS)
        assert not may_see(Audience.members(), d, MEMBERS)
        assert may_see(Audience.recipients("org-a", "org-b"), d, MEMBERS)
        assert not may_see(Audience.recipients("org-b", "org-c"), d, MEMBERS)

    def test_amber_strict_never_reaches_a_members_wide_distribution(self) -> None:
        d = document(TLP.AMBER_STRICT, recipients=("org-a", "org-b", "org-c"))
        assert not may_see(Audience.members(), d, MEMBERS)
        assert may_see(Audience.organization("org-b"), d, MEMBERS)
        assert not may_see(Audience.organization("outsider"), d, MEMBERS)

    def test_red_reaches_only_named_recipients(self) -> None:
        d = document(TLP.RED, recipients=("org-b",))
        assert may_see(Audience.recipients("org-b"), d, MEMBERS)
        assert not may_see(Audience.organization("org-b"), d, MEMBERS)
        assert not may_see(Audience.members(), d, MEMBERS)
        assert not may_see(Audience.recipients("org-b", "org-c"), d, MEMBERS)

    def test_visible_documents_lists_by_date_and_leaves_out_later_ones(self) -> None:
        c = folder_coalition(
            document(TLP.CLEAR, id="b", day=date(2023, 2, 1)),
            document(TLP.CLEAR, id="a", day=date(2023, 3, 1)),
            document(TLP.RED, id="c", day=date(2023, 1, 1)),
            document(TLP.CLEAR, id="d", day=date(2025, 1, 1)),
        )
        shown = visible_documents(c, Audience.public(), as_of=AS_OF)
        assert [d.id for d in shown] == ["b", "a"]

    def test_a_member_that_left_is_no_longer_in_the_community(self) -> None:
        members = (
            member("org-a"),
            member("org-b", status="withdrawn", left=date(2020, 1, 1)),
        )
        c = coalition(members, organizations=[organization("org-a"), organization("org-b")])
        c = c.evolve(documents=(document(TLP.GREEN, authors=("org-a",)),))
        assert visible_documents(c, "organization:org-a")
        assert not visible_documents(c, "organization:org-b")


# --------------------------------------------------------------------------- properties

LABELS = st.sampled_from(list(TLP))
SUBSETS = st.lists(st.sampled_from(ORGS), unique=True, max_size=3).map(tuple)
AUDIENCES = st.one_of(
    st.just(Audience.public()),
    st.just(Audience.members()),
    st.sampled_from(ORGS).map(Audience.organization),
    st.lists(st.sampled_from(ORGS), unique=True, min_size=1, max_size=3).map(
        lambda ids: Audience.recipients(*ids)
    ),
)


@st.composite
def folders(draw: st.DrawFn) -> tuple[Document, ...]:
    """Documents of 2023 with distinctive titles and ids (none a part of another)."""
    count = draw(st.integers(min_value=1, max_value=8))
    docs = []
    for i in range(count):
        kind = draw(st.sampled_from([DocumentKind.MINUTES, DocumentKind.ANNUAL_REPORT]))
        docs.append(
            document(
                draw(LABELS),
                authors=draw(SUBSETS),
                recipients=draw(SUBSETS),
                id=f"zq-doc-{i:03d}",
                title=f"Zq title {i:03d} zq",
                kind=kind,
                day=date(2023, draw(st.integers(1, 12)), 1),
            )
        )
    return tuple(docs)


def meetings_for(docs: tuple[Document, ...]) -> tuple[Meeting, ...]:
    """A circulated regional meeting for every minutes document, in 2023."""
    return tuple(
        Meeting(
            id=f"meeting-{i}",
            date=date(2023, d.date.month, 1),
            kind=MeetingKind.REGIONAL,
            mode=MeetingMode.TELECONFERENCE,
            organizer="icmec",
            minutes=Minutes(document=d.id, circulated=date(2023, d.date.month, 2)),
        )
        for i, d in enumerate(docs)
        if d.kind is DocumentKind.MINUTES
    )


def renderings(c: Coalition, audience: Audience) -> list[str]:
    report = annual_report(c, 2023, audience=audience, as_of=AS_OF)
    return [
        report.to_markdown(Language.EN),
        report.to_markdown(Language.ES),
        report.to_html(Language.ES, chart=False),
        calendar(c, audience=audience, start=date(2023, 1, 1), end=date(2024, 3, 31))
        .decode("utf-8")
        .replace("\r\n ", ""),
    ]


class TestRenderingsRespectTlp:
    @settings(max_examples=30)
    @given(folders())
    def test_no_amber_or_red_material_reaches_a_public_rendering(
        self, docs: tuple[Document, ...]
    ) -> None:
        c = folder_coalition(*docs, meetings=meetings_for(docs))
        for text in renderings(c, Audience.public()):
            for d in docs:
                if d.classification in (TLP.AMBER, TLP.AMBER_STRICT, TLP.RED, TLP.GREEN):
                    assert d.title not in text
                    assert d.id not in text

    @settings(max_examples=30)
    @given(folders(), AUDIENCES)
    def test_a_rendering_names_exactly_the_documents_its_audience_may_see(
        self, docs: tuple[Document, ...], audience: Audience
    ) -> None:
        c = folder_coalition(*docs, meetings=meetings_for(docs))
        members = frozenset(m.organization for m in c.members)
        markdown, _, html, _ = renderings(c, audience)
        for d in docs:
            allowed = may_see(audience, d, members)
            assert (d.title in markdown) == allowed
            assert (d.title in html) == allowed

    @given(st.builds(document, LABELS, authors=SUBSETS, recipients=SUBSETS), AUDIENCES)
    def test_visibility_follows_the_label(self, d: Document, audience: Audience) -> None:
        seen = may_see(audience, d, MEMBERS)
        if audience.kind is AudienceKind.PUBLIC:
            assert seen == (d.classification is TLP.CLEAR)
        if d.classification is TLP.RED and seen:
            assert audience.kind is AudienceKind.RECIPIENTS
            assert set(audience.organizations) <= set(d.authors) | set(d.recipients)
        if d.classification is TLP.AMBER_STRICT and seen:
            assert set(audience.organizations) <= set(d.authors) | set(d.recipients)
            assert audience.kind is not AudienceKind.MEMBERS
        if d.classification is TLP.CLEAR:
            assert seen
