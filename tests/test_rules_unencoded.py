"""``clac.rules.UNENCODED``: every clause has a built-in rule or a reason for having none."""

from __future__ import annotations

import re

from clac.charter import BASE_DOCUMENT
from clac.rules import CATALOGUE, UNENCODED
from clac.text import Text

_QUOTED = re.compile(r'"([^"]+)"')


def _cited() -> set[str]:
    """Clauses cited by clac's own rules (plugins may cite any clause; they do not count)."""
    return {r.clause.id for r in CATALOGUE if r.source == "clac"}


class TestUnencoded:
    def test_every_clause_has_a_rule_or_a_reason(self) -> None:
        cited = _cited()
        neither = [c.id for c in BASE_DOCUMENT.clauses if c.id not in cited | UNENCODED.keys()]
        assert neither == []

    def test_a_reason_beside_a_rule_quotes_the_words_no_rule_checks(self) -> None:
        clauses = {c.id: c for c in BASE_DOCUMENT.clauses}
        for clause_id in sorted(_cited() & UNENCODED.keys()):
            reason, text = UNENCODED[clause_id], clauses[clause_id].text
            for language in ("en", "es"):
                quoted = _QUOTED.findall(reason.in_(language))
                assert quoted, (clause_id, language)
                assert quoted[0] in text.in_(language), (clause_id, language)

    def test_the_open_network_and_the_shared_folder_say_why_no_rule_checks_them(self) -> None:
        """Fidelity: the parts of two ruled clauses that no rule checks have their reason."""
        open_network = UNENCODED["structure-and-governance.1"]
        assert "voluntary basis" in open_network.en
        assert "GOV-01" in open_network.en
        folder = UNENCODED["reporting.6"]
        assert "shared folder" in folder.en
        assert "carpeta compartida" in folder.es
        assert "REP-04" in folder.en

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
