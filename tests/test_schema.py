"""Tests for clac.schema: the registry file's JSON Schema, generated from the attrs model."""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import pycountry
import pytest
from hypothesis import given
from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker

from clac import _validators as v
from clac import testing
from clac.io import FORMAT_VERSION, dumps
from clac.io._converter import file_fields, file_key
from clac.model import (
    Organization,
    Participation,
    QuarterlyReport,
    Representative,
    RepresentativeLevel,
)
from clac.registry import Coalition
from clac.schema import SCHEMA_DIALECT, SCHEMA_ID, json_schema


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FormatChecker())


def valid_registry() -> dict[str, Any]:
    """A registry file's data, written by hand (all fictional)."""
    return {
        "clac": 1,
        "name": "CLAC",
        "charter": "base-document",
        "amendments": [
            {
                "effective": "2020-01-01",
                "summary": {"en": "Three meetings.", "es": "Tres reuniones."},
                "parameters": {"min_meetings_per_year": 3},
                "add_working_groups": [{"id": "online-safety", "name": {"en": "S", "es": "S"}}],
            }
        ],
        "organizations": [
            {"id": "icmec", "name": "ICMEC", "sector": "ngo", "countries": ["US", "BR"],
             "scope": "global", "partner": "icmec"},
            {"id": "fundacion-a", "name": "Fundación A", "sector": "ngo", "countries": ["AR"]},
        ],
        "members": [
            {
                "organization": "icmec",
                "joined": "2016-05-24",
                "charter_subscription": {"signed": "2016-05-24"},
                "listed_in_materials": True,
                "representatives": [
                    {"name": "Ana", "position": "Director", "level": "middle",
                     "email": "ana@example.org"}
                ],
                "working_groups": ["prevention-awareness"],
                "commitments": [{"goal": "PG-2", "action": "A", "target": "T"}],
            },
            {"organization": "fundacion-a", "joined": "2018-01-01", "status": "withdrawn",
             "left": "2023-01-01", "referred_by": "icmec"},
        ],
        "working_groups": [
            {"id": "prevention-awareness", "name": {"en": "Prevention", "es": "Prevención"},
             "formed": "2016-05-24"}
        ],
        "meetings": [
            {"id": "annual-2017", "date": "2017-05-24", "kind": "annual", "mode": "in-person",
             "organizer": "icmec", "attendees": ["icmec"], "minutes": {"circulated": "2017-06-01"}}
        ],
        "participation": [{"member": "icmec", "month": "2024-03", "hours": 5.5}],
        "documents": [
            {"id": "minutes-2017", "title": "Minutes", "kind": "minutes", "language": "es",
             "classification": "AMBER+STRICT", "date": "2017-06-01"}
        ],
        "reports": [
            {"working_group": "prevention-awareness", "year": 2017, "quarter": 3,
             "activities": [{"description": "W", "scope": "in-country", "status": "planned",
                             "goals": ["PG-1"], "countries": ["MX"]}]}
        ],
        "proposals": [
            {"id": "helpline", "title": "A helpline", "proposer": "icmec", "state": "submitted",
             "history": [{"event": "submit", "source": "draft", "target": "submitted",
                          "date": "2017-01-01", "actor": "icmec"}],
             "recommendations": [{"text": "Scope it", "objective": "OBJ-1"}]}
        ],
        "plans": {"strategic": [{"start_year": 2016}], "operational": [{"year": 2017}]},
        "roles": [{"role": "secretariat", "organization": "icmec", "since": "2016-01-01"}],
    }  # fmt: skip


#: Changes that make ``valid_registry()`` invalid: (path, new value, delete the key instead).
INVALID: list[tuple[tuple[str | int, ...], Any, bool]] = [
    (("colour",), "red", False),
    (("members", 0, "shoe_size"), 42, False),
    (("reports", 0, "quarter"), 5, False),
    (("organizations", 1, "countries"), ["XX"], False),
    (("organizations", 1, "countries"), ["AR", "AR"], False),
    (("participation", 0, "hours"), -1, False),
    (("participation", 0, "hours"), "5", False),
    (("participation", 0, "month"), "2024-3", False),
    (("name",), None, True),
    (("clac",), None, True),
    (("clac",), 2, False),
    (("charter",), "constitution", False),
    (("name",), "   ", False),
    (("organizations",), {"id": "icmec"}, False),
    (("organizations", 1, "countries"), "AR", False),
    (("members", 0, "joined"), "24-05-2016", False),
    (("members", 0, "joined"), "2016-02-30", False),
    (("members", 0, "listed_in_materials"), "yes", False),
    (("members", 0, "representatives", 0, "level"), "boss", False),
    (("members", 0, "representatives", 0, "level"), 2, False),
    (("members", 0, "representatives", 0, "email"), "nope", False),
    (("organizations", 0, "id"), "Bad Id", False),
    (("working_groups", 0, "name"), {"en": "Prevention"}, False),
    (("amendments", 0, "parameters", "min_meetings_per_year"), "3", False),
    (("plans", "strategic"), {}, False),
]


def with_change(path: tuple[str | int, ...], value: Any, *, delete: bool = False) -> Any:
    data: Any = valid_registry()
    target = data
    for segment in path[:-1]:
        target = target[segment]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


class TestSchemaDocument:
    def test_the_schema_is_valid_draft_2020_12(self, schema: dict[str, Any]) -> None:
        Draft202012Validator.check_schema(schema)

    def test_the_schema_names_its_dialect_and_id(self, schema: dict[str, Any]) -> None:
        assert schema["$schema"] == SCHEMA_DIALECT == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == SCHEMA_ID
        assert str(FORMAT_VERSION) in SCHEMA_ID

    def test_the_schema_is_plain_json(self, schema: dict[str, Any]) -> None:
        assert json.loads(json.dumps(schema)) == schema

    def test_the_schema_is_the_same_every_time(self, schema: dict[str, Any]) -> None:
        assert json_schema() == schema

    def test_the_top_level_is_the_registry_file_layout(self, schema: dict[str, Any]) -> None:
        coalition_fields = [f.name for f in attrs.fields(Coalition) if f.name != "charter"]
        assert list(schema["properties"]) == [
            "clac", "name", "charter", "amendments", *coalition_fields[1:]
        ]  # fmt: skip
        assert schema["required"] == ["clac", "name"]
        assert schema["additionalProperties"] is False
        assert schema["properties"]["clac"] == {"type": "integer", "const": FORMAT_VERSION}
        assert schema["properties"]["charter"]["enum"] == ["base-document"]

    def test_every_class_has_a_closed_definition(self, schema: dict[str, Any]) -> None:
        defs = schema["$defs"]
        assert {"Organization", "Member", "Representative", "Text", "Amendment", "Plans"} <= set(
            defs
        )
        for definition in defs.values():
            assert definition["type"] == "object"
            assert definition["additionalProperties"] is False
            assert definition["description"]

    def test_definitions_have_the_fields_a_file_holds(self, schema: dict[str, Any]) -> None:
        import clac.charter
        import clac.model
        import clac.survey
        import clac.text

        modules = (clac.model, clac.charter, clac.text, clac.survey)
        for name, definition in schema["$defs"].items():
            class_name = name.removesuffix("MultiLine")  # the class inside a multi-line field
            cls = next(getattr(m, class_name) for m in modules if hasattr(m, class_name))
            assert list(definition["properties"]) == [
                file_key(cls, f.name) for f in file_fields(cls)
            ]
        assert "clause" not in schema["$defs"]["WorkingGroupDefinition"]["properties"]

    def test_required_lists_the_fields_without_defaults(self, schema: dict[str, Any]) -> None:
        assert schema["$defs"]["Member"]["required"] == ["organization"]
        assert schema["$defs"]["Text"]["required"] == ["en", "es"]
        assert "required" not in schema["$defs"]["Plans"]


class TestConstraintsComeFromTheModel:
    def test_bounds_come_from_the_validators(self, schema: dict[str, Any]) -> None:
        hours = schema["$defs"]["Participation"]["properties"]["hours"]
        assert hours == {"type": "number", "minimum": 0, "maximum": 744}
        assert hours == v.schema_of(attrs.fields(Participation).hours.validator)
        quarter = schema["$defs"]["QuarterlyReport"]["properties"]["quarter"]
        assert quarter == {"type": "integer", "minimum": 1, "maximum": 4}
        assert quarter == v.schema_of(attrs.fields(QuarterlyReport).quarter.validator)

    def test_patterns_come_from_the_validators(self, schema: dict[str, Any]) -> None:
        organization = schema["$defs"]["Organization"]["properties"]
        assert organization["id"]["pattern"] == v.schema_of(v.slug)["pattern"]
        email = schema["$defs"]["Representative"]["properties"]["email"]
        assert email == {"anyOf": [v.schema_of(v.email), {"type": "null"}]}
        goal = schema["$defs"]["Commitment"]["properties"]["goal"]
        assert goal == {"type": "string", "enum": [f"PG-{n}" for n in range(1, 9)]}

    def test_countries_are_the_iso_codes_or_a_region_in_any_case(
        self, schema: dict[str, Any], validator: Draft202012Validator
    ) -> None:
        countries = schema["$defs"]["Organization"]["properties"]["countries"]
        codes = [*sorted(c.alpha_2 for c in pycountry.countries), "LAC"]
        assert countries["type"] == "array"
        assert countries["uniqueItems"] is True
        assert countries["items"]["anyOf"][0] == {"type": "string", "enum": codes}
        item = Draft202012Validator(countries["items"])
        assert all(item.is_valid(code) for code in ("BR", "br", "Br", "lac"))
        assert not any(item.is_valid(code) for code in ("XX", "bra", "b r", ""))

    def test_enums_list_the_values_a_file_writes(self, schema: dict[str, Any]) -> None:
        representative = schema["$defs"]["Representative"]["properties"]
        assert representative["level"] == {
            "type": "string",
            "enum": ["junior", "middle", "senior", "executive"],
        }
        assert "AMBER+STRICT" in schema["$defs"]["Document"]["properties"]["classification"]["enum"]

    def test_dates_and_months_are_patterned_strings(self, schema: dict[str, Any]) -> None:
        day = schema["$defs"]["Meeting"]["properties"]["date"]
        assert day["type"] == "string"
        assert day["format"] == "date"
        check = Draft202012Validator(day, format_checker=FormatChecker())
        for good in ("1900-01-01", "2016-05-04", "2999-12-31"):
            assert check.is_valid(good), good
        # the days clac reads (clac.periods.FIRST_DAY to LAST_DAY): the loader refuses the rest
        for bad in ("0394-01-16", "1899-12-31", "3000-01-01", "2016-5-04", "2016-02-30"):
            assert not check.is_valid(bad), bad
        month = schema["$defs"]["Participation"]["properties"]["month"]
        assert month["type"] == "string"
        assert month["pattern"]

    def test_a_roughly_known_date_is_a_date_a_month_or_a_year(self, schema: dict[str, Any]) -> None:
        joined = schema["$defs"]["Member"]["properties"]["joined"]
        check = Draft202012Validator(joined, format_checker=FormatChecker())
        for good in ("2016-05-04", "2016-05", "2016", 2016):
            assert check.is_valid(good), good
        for bad in ("2016-5", "16", 16, "2016-05-04T10:00", True, "2016-02-30"):
            assert not check.is_valid(bad), bad

    def test_optional_fields_allow_null_and_are_not_required(self, schema: dict[str, Any]) -> None:
        member = schema["$defs"]["Member"]
        assert member["properties"]["left"]["anyOf"][1] == {"type": "null"}
        assert "left" not in member["required"]

    def test_lists_are_arrays_of_their_items(self, schema: dict[str, Any]) -> None:
        representatives = schema["$defs"]["Member"]["properties"]["representatives"]
        assert representatives == {
            "type": "array",
            "items": {"$ref": "#/$defs/Representative"},
        }
        parameters = schema["$defs"]["Amendment"]["properties"]["parameters"]
        assert parameters["type"] == "object"
        assert parameters["additionalProperties"] == {"type": "integer", "minimum": 1}
        assert "max_hours_per_month" in parameters["propertyNames"]["enum"]

    def test_the_metadata_leaves_the_validators_working(self) -> None:
        with pytest.raises(ValueError, match="must be at most 744"):
            Participation("icmec", "2024-01", 745)
        with pytest.raises(ValueError, match="not an e-mail address"):
            Representative("A", "B", RepresentativeLevel.MIDDLE, "nope")
        with pytest.raises(ValueError, match="ISO 3166-1"):
            Organization("a", "A", "ngo", ("XX",))


class TestValidation:
    def test_a_hand_written_registry_is_valid(self, validator: Draft202012Validator) -> None:
        validator.validate(valid_registry())

    def test_the_hand_written_registry_also_loads(self) -> None:
        from clac.io import loads

        assert loads(json.dumps(valid_registry()), "json").name == "CLAC"

    @pytest.mark.parametrize(("path", "value", "delete"), INVALID)
    def test_an_invalid_registry_is_rejected(
        self,
        validator: Draft202012Validator,
        path: tuple[str | int, ...],
        value: Any,
        *,
        delete: bool,
    ) -> None:
        errors = list(validator.iter_errors(with_change(path, value, delete=delete)))
        assert errors

    @given(coalition=testing.coalitions())
    def test_every_registry_clac_writes_is_valid(self, coalition: Coalition) -> None:
        validator = Draft202012Validator(json_schema(), format_checker=FormatChecker())
        validator.validate(json.loads(dumps(coalition, "json")))

    def test_the_demo_is_valid(self, validator: Draft202012Validator) -> None:
        from clac import demo

        validator.validate(json.loads(dumps(demo(), "json")))

    @pytest.mark.parametrize(("path", "value", "delete"), INVALID)
    def test_draft_07_validators_give_the_same_verdicts(
        self, schema: dict[str, Any], path: tuple[str | int, ...], value: Any, *, delete: bool
    ) -> None:
        draft_07 = Draft7Validator(schema, format_checker=FormatChecker())
        draft_07.validate(valid_registry())
        assert not draft_07.is_valid(with_change(path, value, delete=delete))

    def test_the_hand_written_registry_is_not_changed_by_validation(
        self, validator: Draft202012Validator
    ) -> None:
        data = valid_registry()
        before = copy.deepcopy(data)
        validator.validate(data)
        assert data == before
