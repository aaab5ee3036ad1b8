"""The registry file's JSON Schema and clac's loader agree where JSON Schema can say it:
registries generated from the schema (hypothesis-jsonschema) either load, or are refused only
for the kinds of reason docs/schema.md lists as beyond JSON Schema; and what the issue found the
schema accepting but clac refusing (or the reverse) is now judged alike."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import clac
from clac.errors import ClacError, CrossReferenceError
from clac.periods import MAX_YEAR, MIN_YEAR
from clac.schema import json_schema

#: The kinds of refusal JSON Schema cannot express, as docs/schema.md lists them: a pattern
#: each such problem's reason matches (CrossReferenceError is the first kind as a whole).
BEYOND_JSON_SCHEMA: dict[str, re.Pattern[str]] = {
    "reference": re.compile(r"is not (a|an|the) .* of the (registry|charter)|refers to|itself"),
    "unique": re.compile(r"twice|more than once|already|same id"),
    "days in order": re.compile(r"\b(before|after|overlaps|earlier|later)\b"),
    "values in order": re.compile(r"less than|more than|greater than"),
}


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema())


def minimal(**organization: Any) -> dict[str, Any]:
    return {
        "clac": 1,
        "name": "CLAC",
        "organizations": [{"id": "a", "name": "A", "sector": "ngo", **organization}],
    }


def loads(data: dict[str, Any]) -> ClacError | None:
    try:
        clac.loads(json.dumps(data), "json")
    except ClacError as error:
        return error
    return None


def participation(month: Any) -> dict[str, Any]:
    return {
        **minimal(countries=["BR"]),
        "members": [{"organization": "a", "joined": "2020-01-01"}],
        "participation": [{"member": "a", "month": month, "hours": 1}],
    }


class TestTheSchemaJudgesAsTheLoader:
    @pytest.mark.parametrize(
        "month",
        [
            f"{MIN_YEAR}-01",
            f"{MAX_YEAR}-12",
            f"{MIN_YEAR - 1}-12",
            f"{MAX_YEAR + 1}-01",
            "2020-00",
            "2020-13",
            "2020-1",
        ],
    )
    def test_months_and_their_years_alike(self, month: str) -> None:
        data = participation(month)
        assert validator().is_valid(data) == (loads(data) is None), month

    @pytest.mark.parametrize(
        "organization",
        [
            {"countries": ["br"]},  # read as BR
            {"countries": ["Br"]},
            {"countries": ["lac"], "scope": "regional"},
            {"countries": ["BR"], "partner": "meta"},  # a partner's later id
            {},  # no scope, no country: where it works is unknown
            {"countries": ["BR", "AR"]},  # no scope: read as regional from its countries
            {"countries": ["LAC"]},
        ],
    )
    def test_both_accept(self, organization: dict[str, Any]) -> None:
        data = minimal(**organization)
        assert validator().is_valid(data)
        assert loads(data) is None

    @pytest.mark.parametrize(
        ("data", "why"),
        [
            (minimal(countries=["BR"], name="A\nB"), "a one-line name with a line break"),
            (minimal(countries=["BR"], name="A\x07"), "a control character"),
            (minimal(countries=["BR"], partner="no-such-partner"), "no partner of the charter"),
            (minimal(scope="national"), "a national organization with no country"),
            (
                minimal(countries=["BR", "AR"], scope="national"),
                "a national organization in two countries",
            ),
            (minimal(countries=["LAC"], scope="national"), "a national organization in a region"),
            (
                {
                    **minimal(countries=["BR"]),
                    "members": [
                        {
                            "organization": "a",
                            "joined": "2020-01-01",
                            "commitments": [{"goal": "PG-99", "action": "x", "target": "y"}],
                        }
                    ],
                },
                "a policy goal the charter does not have",
            ),
            (
                {
                    **minimal(countries=["BR"]),
                    "members": [
                        {"organization": "a", "joined": "2020-01-01", "status": "withdrawn"}
                    ],
                },
                "a withdrawn member with no day it left",
            ),
            (
                {
                    **minimal(countries=["BR"]),
                    "meetings": [{"id": "m", "date": "2020-01-01", "kind": "working-group"}],
                },
                "a working-group meeting that names no working group",
            ),
        ],
    )
    def test_both_refuse(self, data: dict[str, Any], why: str) -> None:
        assert not validator().is_valid(data), why
        assert loads(data) is not None, why


def beyond_json_schema(error: ClacError) -> Iterator[str]:
    """The reasons of ``error`` that are none of the kinds JSON Schema cannot express."""
    if isinstance(error, CrossReferenceError):
        return
    for problem in error.problems or ():
        reason = str(problem.reason)
        if not any(kind.search(reason) for kind in BEYOND_JSON_SCHEMA.values()):
            yield f"{problem.path}: {reason}"


def _compatible_many() -> None:
    """hypothesis-jsonschema 0.23 drives Hypothesis' ``many`` through ``more()``, which
    Hypothesis replaced by iteration; this adapter restores it (nothing else changes)."""
    import hypothesis.internal.conjecture.utils as cu
    from hypothesis_jsonschema import _from_schema

    if hasattr(cu.many, "more"):
        return

    class Many:
        def __init__(self, data: Any, **sizes: Any) -> None:
            self._many = cu.many(data, **sizes)
            self._many.__enter__()
            self._steps = iter(self._many)

        def more(self) -> bool:
            try:
                next(self._steps)
            except StopIteration:
                self._many.__exit__(None)
                return False
            return True

        def reject(self, *_args: Any, **_kwargs: Any) -> None:
            self._many.reject()

    class Utils:
        def __getattr__(self, name: str) -> Any:
            return Many if name == "many" else getattr(cu, name)

    _from_schema.cu = Utils()  # type: ignore[attr-defined,assignment]


#: The codes the generated registries use (the full enum of 250 makes hypothesis-jsonschema's
#: canonicalisation very slow); LAC for regional organizations.
SAMPLE_CODES = frozenset({"AR", "BR", "MX", "US", "LAC"})


def smaller(schema: Any) -> Any:
    """A schema whose instances are instances of ``schema``, cheaper to generate: lists of at
    most two items, maps of at most two keys, a few country codes (upper and lower case)."""
    if isinstance(schema, list):
        return [smaller(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: smaller(value) for key, value in schema.items()}
    if out.get("type") == "array":
        out["maxItems"] = min(out.get("maxItems", 2), 2)
    if out.get("type") == "object" and "properties" not in out:
        out["maxProperties"] = 2
    codes = out.get("anyOf", [{}])[0].get("enum", ())
    if "BR" in codes:  # a country code: the codes as written, or in any case
        kept = [code for code in codes if code in SAMPLE_CODES]
        out["anyOf"] = [
            {"type": "string", "enum": kept},
            {"type": "string", "enum": [code.lower() for code in kept]},
        ]
    return out


@cache
def registries() -> st.SearchStrategy[Any]:
    jsonschema_strategies = pytest.importorskip(
        "hypothesis_jsonschema", reason="needs hypothesis-jsonschema (the test extra)"
    )
    _compatible_many()
    schema = smaller(json_schema())
    # hypothesis-jsonschema resolves "#/$defs/…" against the $id, which is a name (urn:), not
    # a document it could fetch; drafts 7 and 2020-12 agree on every keyword the schema uses.
    del schema["$id"]
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    strategy: st.SearchStrategy[Any] = jsonschema_strategies.from_schema(schema)
    return strategy


class TestInstancesOfTheSchema:
    @settings(
        max_examples=6,  # each registry is large: a few, every run (Hypothesis varies them)
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(st.data())
    def test_load_or_are_refused_only_for_what_json_schema_cannot_say(
        self, data: st.DataObject
    ) -> None:
        registry = data.draw(registries())
        error = loads(registry)
        if error is not None:
            assert list(beyond_json_schema(error)) == [], error.message("en")
