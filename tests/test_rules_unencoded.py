"""``clac.rules.UNENCODED``: every clause has a built-in rule or a reason for having none."""

from __future__ import annotations

from clac.charter import BASE_DOCUMENT
from clac.rules import CATALOGUE, UNENCODED
from clac.text import Text


def _cited() -> set[str]:
    """Clauses cited by clac's own rules (plugins may cite any clause; they do not count)."""
    return {r.clause.id for r in CATALOGUE if r.source == "clac"}


class TestUnencoded:
    def test_every_clause_has_a_rule_or_a_reason(self) -> None:
        cited = _cited()
        neither = [c.id for c in BASE_DOCUMENT.clauses if c.id not in cited | UNENCODED.keys()]
        assert neither == []

    def test_no_clause_has_both_a_rule_and_a_reason(self) -> None:
        assert sorted(_cited() & UNENCODED.keys()) == []

    def test_every_reason_names_a_clause_of_the_base_document(self) -> None:
        ids = [c.id for c in BASE_DOCUMENT.clauses]
        assert set(UNENCODED) <= set(ids)
        assert list(UNENCODED) == [i for i in ids if i in UNENCODED]  # document order

    def test_every_reason_is_written_in_english_and_spanish(self) -> None:
        for clause_id, reason in UNENCODED.items():
            assert isinstance(reason, Text), clause_id
            assert reason.en.strip(), clause_id
            assert reason.es.strip(), clause_id
            assert reason.en != reason.es, clause_id

    def test_the_table_cannot_be_changed(self) -> None:
        assert not hasattr(UNENCODED, "__setitem__")

    def test_the_descriptive_clauses_say_so(self) -> None:
        assert UNENCODED["introduction.1"].en.startswith("Context")
        assert "anticipated=True" in UNENCODED["structure-and-governance.2"].en
        assert "icmec" in UNENCODED["proposed-structure.1"].en
        assert "founding" in UNENCODED["proposed-structure.1"].en
        assert "expected" in UNENCODED["proposed-structure.5"].en
        assert "PG-1" in UNENCODED["policy-goals.2"].en
