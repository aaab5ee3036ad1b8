"""clac._bulk.paused_gc: the cyclic collector pauses for a block and comes back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac._bulk import paused_gc
from clac.periods import Month, Quarter


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_then_restored(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_an_error_inside_still_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="boom"), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


months = st.builds(Month, st.integers(1900, 2999), st.integers(1, 12))
quarters = st.builds(Quarter, st.integers(1900, 2999), st.integers(1, 4))


@given(months, months)
def test_months_order_as_year_then_month(a: Month, b: Month) -> None:
    key = (a.year, a.month), (b.year, b.month)
    assert (a < b, a <= b, a > b, a >= b) == (
        key[0] < key[1], key[0] <= key[1], key[0] > key[1], key[0] >= key[1]
    )  # fmt: skip


@given(quarters, quarters)
def test_quarters_order_as_year_then_quarter(a: Quarter, b: Quarter) -> None:
    key = (a.year, a.quarter), (b.year, b.quarter)
    assert (a < b, a <= b, a > b, a >= b) == (
        key[0] < key[1], key[0] <= key[1], key[0] > key[1], key[0] >= key[1]
    )  # fmt: skip
    assert sorted([b, a]) == sorted([a, b])


def test_periods_do_not_order_against_other_types() -> None:
    with pytest.raises(TypeError):
        assert Month(2024, 1) < "2024-02"  # type: ignore[operator]
    with pytest.raises(TypeError):
        assert Quarter(2024, 1) >= Month(2024, 1)  # type: ignore[operator]
