"""The shortcuts taken for speed give the same answers as the plain way."""

from __future__ import annotations

import functools
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clac
from clac.rules import _render, evaluate
from clac.rules._engine import OUTCOME_ORDER, STRENGTH, Finding, severity_rank


@functools.cache
def _demo_findings() -> tuple[Finding, ...]:
    return evaluate(clac.demo(), as_of=clac.DEMO_AS_OF).findings


class TestSeverityRank:
    @settings(max_examples=10)
    @given(st.randoms(use_true_random=False))
    def test_it_is_one_sort_on_outcome_severity_rule_and_subject(self, random: Random) -> None:
        findings = list(_demo_findings())
        random.shuffle(findings)
        expected = sorted(
            findings,
            key=lambda f: (
                OUTCOME_ORDER[f.outcome],
                STRENGTH[f.rule.severity],
                f.rule.id,
                str(f.subject),
            ),
        )
        assert severity_rank(findings) == expected


class TestTextChunks:
    def test_the_chunks_are_whole_lines_that_make_the_text(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:

        monkeypatch.setattr(_render, "CHUNK_LINES", 7)
        assessment = evaluate(clac.demo(), as_of=clac.DEMO_AS_OF)
        chunks = list(_render.text_chunks(assessment, "es", everything=True))
        assert len(chunks) > 10
        assert all(chunk.endswith("\n") for chunk in chunks)
        assert "".join(chunks) == _render.to_text(assessment, "es", everything=True)
