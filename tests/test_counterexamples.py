"""A failing property prints a small, readable counterexample: the strategies shrink to a few
members and records, and a coalition prints through its compact form (at most 2 kB)."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import StopTest
from hypothesis.internal.conjecture.data import ConjectureData
from hypothesis.vendor.pretty import pretty

import clac
from clac import _compact
from clac.registry import Coalition
from clac.testing import charters, coalitions

LIMIT = 2048  # bytes a falsifying example may take


def _report(strategy: st.SearchStrategy[Coalition]) -> str:
    """What Hypothesis prints for a property with a one-line bug, over ``strategy``."""

    @settings(database=None, max_examples=100, deadline=None)
    @given(strategy)
    def buggy(coalition: Coalition) -> None:
        # The bug: the code under test forgot that a coalition can have two members.
        assert len(coalition.members) < 2

    with pytest.raises(AssertionError) as caught:
        buggy()
    return "\n".join(getattr(caught.value, "__notes__", []))


class TestFalsifyingExamples:
    def test_a_one_line_bug_prints_two_members_in_at_most_two_kilobytes(self) -> None:
        report = _report(coalitions())
        assert len(report.encode("utf-8")) <= LIMIT, report
        members = report.split("members=[", 1)[1].split("]", 1)[0]
        assert members.count("Member(") == 2  # shrunk to the fewest the bug needs

    @settings(max_examples=10, deadline=None)
    @given(charters().flatmap(lambda charter: coalitions(charter=charter)))
    def test_a_charter_prints_as_its_id_version_and_amendment_days(
        self, coalition: Coalition
    ) -> None:
        text = pretty(coalition)
        assert f"charter={coalition.charter.id} v{coalition.charter.version}" in text
        assert ("amended on [" in text) is bool(coalition.charter.amendments)
        # the charter's text is never printed (a generated name may still contain the word)
        assert "clauses=" not in text
        assert "Clause(" not in text


class TestCompactForm:
    def test_hypothesis_and_ipython_print_the_compact_form(self) -> None:
        coalition = clac.demo()
        assert pretty(coalition) == coalition.compact_repr()

    def test_fields_left_at_their_defaults_are_omitted(self) -> None:
        text = Coalition(name="Red").compact_repr()
        assert text == (
            "Coalition(name='Red', charter=base-document v1,\n"
            "  working_groups=[] + the charter's 4)"
        )

    def test_long_lists_show_a_few_items_and_how_many_more(self) -> None:
        coalition = clac.demo()
        text = coalition.compact_repr()
        shown = len(coalition.documents) - _compact.ITEMS
        assert f"… +{shown} more]" in text
        # The demo's records run to hundreds of kilobytes; their compact form, three levels
        # deep (a member's representatives with their levels), about ten.
        assert len(text) < 16_000

    @given(
        value=st.recursive(
            st.none() | st.integers() | st.text() | st.dates(),
            lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
            max_leaves=400,
        )
    )
    def test_any_nesting_of_lists_and_strings_stays_short(self, value: object) -> None:
        # At most ITEMS items (keys and values) a level, CHARACTERS a string, DEPTH levels.
        leaves = (2 * _compact.ITEMS) ** (_compact.DEPTH + 2)
        assert len(_compact.compact(value)) <= 40 * leaves


class TestWhatACounterexampleShows:
    def test_a_members_representatives_print_with_their_levels(self) -> None:
        coalition = clac.demo()
        text = coalition.compact_repr()
        assert "representatives=[Representative(" in text
        assert "level=" in text


class TestDrawsStaySmall:
    def test_a_coalition_takes_a_few_dozen_choices_and_never_overruns(self) -> None:
        # A coalition is a head, a list of at most 8 members and lists of at most 2 other
        # organizations and 8 other records, one integer each (plus a choice to go on per
        # list item): never near Hypothesis' buffer, whatever the random draw.
        strategy = coalitions()
        for seed in range(40):
            data = ConjectureData(random=Random(seed))  # noqa: S311 - not secrets
            try:
                data.draw(strategy)
            except StopTest:  # pragma: no cover - what this test is here to catch
                pytest.fail(f"a random draw overran Hypothesis' buffer (seed {seed})")
            assert len(data.choices) <= 1 + 2 * 8 + 1 + 2 * 2 + 1 + 2 * 8 + 1
