"""Hostile input to the loaders: alias bombs, repeated keys, huge numbers and text that is not
text are refused with a clear error naming the path, in bounded time, in every format.

Time is bounded in CPU seconds (``time.process_time``), not by the wall clock: a bound then
catches a blow-up (an alias bomb expanded, a quadratic scan) and still holds on a busy machine.
"""

from __future__ import annotations

import contextlib
import json
import time

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from clac import demo
from clac.errors import ClacError, FileFormatError, InvalidData
from clac.io import Format, dumps, loads
from clac.io._guards import DIGIT_LIMIT, text_problem
from clac.io._yaml import ALIAS_EXPANSION_LIMIT

FORMATS = list(Format)
HEAD = {
    Format.YAML: "clac: 1\n",
    Format.JSON: "",
    Format.TOML: "clac = 1\n",
}


def yaml_bomb(levels: int = 9, width: int = 9, under: str = "name") -> str:
    """A "billion laughs": ``width ** levels`` strings from a few hundred bytes."""
    lines = ["clac: 1", "lol: &l0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    lines.append(f"{under}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def refused(text: str, format_: Format | str) -> FileFormatError:
    with pytest.raises(FileFormatError) as excinfo:
        loads(text, format_)
    return excinfo.value


class TestAliasBombs:
    @pytest.mark.parametrize("under", ["name", "unknown_key", "organizations", "members"])
    def test_a_billion_laughs_is_refused_at_once_wherever_it_sits(self, under: str) -> None:
        started = time.process_time()
        error = refused(yaml_bomb(under=under), "yaml")
        assert time.process_time() - started < 2
        assert "aliases" in str(error)

    def test_a_bomb_under_a_members_track_record_is_refused(self) -> None:
        text = yaml_bomb(levels=8).replace("name: *l7", "name: C\nmembers:\n- track_record: *l7")
        assert "aliases" in str(refused(text, "yaml"))

    def test_an_alias_that_contains_itself_is_refused(self) -> None:
        error = refused("clac: 1\nname: C\nx: &a [1, *a]\n", "yaml")
        assert "contains itself" in str(error)

    def test_aliases_that_repeat_a_little_are_read(self) -> None:
        text = (
            "clac: 1\nname: &n Red de ejemplo\norganizations:\n"
            "- {id: a, name: *n, sector: ngo, countries: &c [BR, MX], scope: regional}\n"
            "- {id: b, name: Otra, sector: ngo, countries: *c, scope: regional}\n"
        )
        coalition = loads(text, "yaml")
        assert coalition.organizations[1].countries == ("BR", "MX")

    def test_the_error_message_never_renders_a_huge_value(self) -> None:
        # Under the limit of expansion, but far too big to show: cut, and quickly.
        text = yaml_bomb(levels=5, width=9, under="name")
        started = time.process_time()
        error = refused(text, "yaml")
        assert time.process_time() - started < 2
        assert all(len(line) < 400 for line in str(error).splitlines())


class TestRepeatedKeys:
    @pytest.mark.parametrize(
        ("format_", "text", "path", "key"),
        [
            (Format.YAML, "clac: 1\nname: A\nname: B\n", "", "name"),
            (Format.JSON, '{"clac": 1, "name": "A", "name": "B"}', "", "name"),
            (Format.YAML, "clac: 1\nname: A\ncharter: base-document\ncharter: x\n", "", "charter"),
            (
                Format.YAML,
                "clac: 1\nname: A\nmembers:\n- organization: a\n  representatives:\n"
                "  - {name: X, email: a@b.org, email: c@d.org}\n",
                "members[0].representatives[0]",
                "email",
            ),
            (
                Format.JSON,
                '{"clac": 1, "name": "A", "organizations": [{"id": "a", "name": "X",'
                ' "name": "Y"}]}',
                "organizations[0]",
                "name",
            ),
        ],
    )
    def test_a_key_given_twice_is_refused_naming_path_and_key(
        self, format_: Format, text: str, path: str, key: str
    ) -> None:
        error = refused(text, format_)
        assert f"'{key}' is given twice" in str(error)
        assert error.problems[0].path == path

    def test_every_repeated_key_is_listed(self) -> None:
        error = refused('{"clac": 1, "clac": 1, "name": "A", "name": "B"}', "json")
        assert {p.value for p in error.problems} == {"clac", "name"}

    def test_a_toml_key_given_twice_is_a_clean_error(self) -> None:
        error = refused('clac = 1\nname = "A"\nname = "B"\n', "toml")
        assert "given twice" in str(error)

    def test_yaml_merge_keys_may_be_overridden(self) -> None:
        text = (
            "clac: 1\nname: A\norganizations:\n"
            "- &o {id: a, name: X, sector: ngo, countries: [BR]}\n"
            "- {<<: *o, id: b}\n"
        )
        assert [o.id for o in loads(text, "yaml").organizations] == ["a", "b"]


class TestHugeNumbers:
    @pytest.mark.parametrize("format_", FORMATS)
    @pytest.mark.parametrize("digits", [DIGIT_LIMIT + 1, 100_000])
    def test_a_number_past_the_int_string_limit_names_its_field(
        self, format_: Format, digits: int
    ) -> None:
        number = "7" * digits
        text = {
            Format.YAML: f"clac: 1\nname: A\nparticipation:\n- hours: {number}\n",
            Format.JSON: f'{{"clac": 1, "name": "A", "participation": [{{"hours": {number}}}]}}',
            Format.TOML: f'clac = 1\nname = "A"\n[[participation]]\nhours = {number}\n',
        }[format_]
        error = refused(text, format_)
        assert error.problems[0].path == "participation[0].hours"
        assert f"{digits:,} digits" in str(error)

    def test_a_huge_hexadecimal_number_is_refused_too(self) -> None:
        error = refused("clac: 1\nname: A\nx: 0x" + "f" * 4000 + "\n", "yaml")
        assert error.problems[0].path == "x"

    def test_a_huge_number_in_an_error_is_described_not_printed(self) -> None:
        error = InvalidData("is wrong", path="x", value=7**20000)
        assert "digits>" in str(error)
        assert len(str(error)) < 120


class TestText:
    @pytest.mark.parametrize(
        ("escape", "what"),
        [
            ("\\0", "NUL"),
            ("\\x07", "control character"),
            ("\\e", "control character"),
            ("\\x85", "control character"),
            ("\\x9b", "control character"),
        ],
    )
    def test_control_characters_in_yaml_are_refused_with_the_path(
        self, escape: str, what: str
    ) -> None:
        error = refused(f'clac: 1\nname: "Red{escape}x"\n', "yaml")
        assert error.problems[0].path == "name"
        assert what in str(error) or "one line" in str(error)

    @pytest.mark.parametrize("escape", ["\\u0000", "\\u001b", "\\ud800", "\\udfff", "\\u009b"])
    def test_json_escapes_of_what_is_not_text_are_refused(self, escape: str) -> None:
        error = refused(f'{{"clac": 1, "name": "Red{escape}"}}', "json")
        assert error.problems[0].path == "name"

    def test_a_line_break_in_a_name_is_refused(self) -> None:
        error = refused('clac: 1\nname: "CLAC\\nclac: error: forged"\n', "yaml")
        assert "must be one line" in str(error)
        assert "\n" not in error.problems[0].message()

    def test_multi_line_fields_keep_tab_and_newline(self) -> None:
        text = (
            "clac: 1\nname: C\norganizations:\n- {id: a, name: A, sector: ngo, countries: [BR]}\n"
            "members:\n- organization: a\n  joined: 2024-01-01\n"
            '  track_record: ["line one\\n\\tline two"]\n'
        )
        assert loads(text, "yaml").members[0].track_record == ("line one\n\tline two",)

    def test_a_control_character_in_a_multi_line_field_is_refused(self) -> None:
        text = (
            "clac: 1\nname: C\norganizations:\n- {id: a, name: A, sector: ngo, countries: [BR]}\n"
            'members:\n- organization: a\n  joined: 2024-01-01\n  track_record: ["a\\x1bb"]\n'
        )
        assert refused(text, "yaml").problems[0].path == "members[0].track_record[0]"

    def test_text_errors_follow_the_language(self) -> None:
        error = refused('{"clac": 1, "name": "A\\u0007"}', "json")
        assert "carácter de control" in error.message("es")
        assert "caractere de controle" in error.message("pt")

    @given(
        text=st.text(min_size=1),
        format_=st.sampled_from([Format.JSON, Format.YAML]),
    )
    def test_any_name_loads_or_is_refused_with_its_path(self, text: str, format_: Format) -> None:
        import json

        # JSON is YAML too; YAML's \u escapes do not pair surrogates, so it gets the text raw
        # (and folds the line breaks in it, NEL included, as YAML does in quoted text).
        doc = json.dumps({"clac": 1, "name": text}, ensure_ascii=format_ is Format.JSON)
        if format_ is Format.YAML:
            with contextlib.suppress(yaml.YAMLError):
                text = yaml.load(doc, Loader=yaml.SafeLoader)["name"]
        try:
            name: str | None = loads(doc, format_).name
        except FileFormatError as error:
            name, problem = None, error.problems[0]
        if name is not None:
            assert name == text
            assert text_problem(text, multi_line=False) is None
        elif problem.path == "":  # YAML refuses raw control characters itself
            assert format_ is Format.YAML
            assert "syntax error" in problem.message()
        else:
            assert problem.path == "name"
            assert text_problem(text, multi_line=False) is not None or not text.strip()


class TestWritingText:
    """A coalition built in Python skips the loader's text check: dumping makes it, so clac
    never writes a file it would refuse to read."""

    @pytest.mark.parametrize("format_", list(Format))
    @pytest.mark.parametrize("bad", ["Evil\x1b[2J", "Red\x00", "A\ud800", "two\nlines"])
    def test_a_name_that_loading_refuses_is_not_written(self, format_: Format, bad: str) -> None:
        coalition = demo()
        renamed = attrs.evolve(coalition.organizations[1], name=bad)
        organizations = (coalition.organizations[0], renamed, *coalition.organizations[2:])
        with pytest.raises(InvalidData) as raised:
            dumps(attrs.evolve(coalition, organizations=organizations), format_)
        assert [p.path for p in raised.value.problems] == ["organizations[1].name"]

    def test_multi_line_text_is_written_with_its_tabs_and_line_breaks(self) -> None:
        coalition = demo()
        member = attrs.evolve(coalition.members[0], track_record=("line one\n\tline two",))
        edited = attrs.evolve(coalition, members=(member, *coalition.members[1:]))
        for format_ in Format:
            assert loads(dumps(edited, format_), format_) == edited

    def test_a_control_character_in_a_multi_line_field_is_not_written(self) -> None:
        coalition = demo()
        member = attrs.evolve(coalition.members[0], track_record=("ok", "bell\x07"))
        edited = attrs.evolve(coalition, members=(member, *coalition.members[1:]))
        with pytest.raises(InvalidData, match=r"members\[0\]\.track_record\[1\]"):
            dumps(edited, "yaml")


class TestPersonalData:
    def test_a_representatives_email_is_masked_in_errors(self) -> None:
        text = (
            "clac: 1\nname: C\norganizations:\n- {id: a, name: A, sector: ngo, countries: [BR]}\n"
            "members:\n- organization: a\n  joined: 2024-01-01\n  representatives:\n"
            "  - {name: Zoe Example, position: Chair, level: senior, email: zoe@example}\n"
        )
        message = str(refused(text, "yaml"))
        assert "members[0].representatives[0].email: 'z***@…' is not an e-mail address" in message
        assert "zoe@example" not in message

    def test_an_error_carries_path_and_reason_apart(self) -> None:
        error = InvalidData("is not a country", path="members[3].country", value="XX")
        assert (error.path, error.reason) == ("members[3].country", "'XX' is not a country")
        assert str(error) == f"{error.path}: {error.reason}"


# ------------------------------------------------------------------------------- fuzzing


class Huge:
    """A whole number literal too long for Python to read, rendered as its digits."""

    def __init__(self, digits: int) -> None:
        self.literal = "9" * digits


HOSTILE_TEXT = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(
        ["\x00", "\x1b", "\x07", "\x85", "\x9b", "\n", "\r", "\t", "\u2028", "\ud800"]
    ),
    max_size=12,
)
HOSTILE_SCALARS = (
    st.integers()
    | st.builds(Huge, st.integers(DIGIT_LIMIT - 2, DIGIT_LIMIT + 300))
    | HOSTILE_TEXT
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=True, allow_infinity=True)
)
KEYS = st.sampled_from(
    ["clac", "name", "charter", "organizations", "members", "id", "email", "hours", "x"]
)
TREES = st.recursive(
    HOSTILE_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.lists(st.tuples(KEYS, children), max_size=5)
    ),  # pairs: keys may repeat
    max_leaves=25,
)


def render_json(value: object) -> str:
    """``value`` as JSON text (keys may repeat, numbers may be huge)."""
    if isinstance(value, Huge):
        return value.literal
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        return "{" + ", ".join(f"{json.dumps(k)}: {render_json(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render_json(v) for v in value) + "]"
    return json.dumps(value)


def render_toml(pairs: list[tuple[str, object]]) -> str:
    """Top-level ``pairs`` as TOML lines (what TOML cannot say makes a syntax error)."""

    def inline(value: object) -> str:
        if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
            return "{" + ", ".join(f"{k} = {inline(v)}" for k, v in value) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(inline(v) for v in value) + "]"
        if value is None:
            return '""'
        if isinstance(value, bool):
            return "true" if value else "false"
        return render_json(value)

    return "".join(f"{key} = {inline(value)}\n" for key, value in pairs)


def refused_cleanly(text: str, format_: Format) -> None:
    """Loading ``text`` gives a Coalition or a ClacError of one-line problems, quickly."""
    started = time.process_time()
    try:
        loads(text, format_)
    except ClacError as error:
        for problem in error.problems:
            assert "\n" not in problem.message()
            assert "\n" not in problem.message("es")
    assert time.process_time() - started < 2


class TestFuzzing:
    @given(pairs=st.lists(st.tuples(KEYS, TREES), max_size=6))
    def test_any_json_document_loads_or_is_refused_cleanly(
        self, pairs: list[tuple[str, object]]
    ) -> None:
        refused_cleanly(render_json([("clac", 1), *pairs]), Format.JSON)

    @given(pairs=st.lists(st.tuples(KEYS, TREES), max_size=6))
    def test_any_yaml_flow_document_loads_or_is_refused_cleanly(
        self, pairs: list[tuple[str, object]]
    ) -> None:
        refused_cleanly(render_json([("clac", 1), *pairs]), Format.YAML)

    @given(pairs=st.lists(st.tuples(KEYS, TREES), max_size=6))
    def test_any_toml_document_loads_or_is_refused_cleanly(
        self, pairs: list[tuple[str, object]]
    ) -> None:
        refused_cleanly(render_toml([("clac", 1), *pairs]), Format.TOML)

    @given(
        levels=st.integers(1, 12),
        width=st.integers(1, 12),
        under=KEYS,
        mapping=st.booleans(),
    )
    def test_any_alias_pyramid_loads_or_is_refused_cleanly(
        self, levels: int, width: int, under: str, mapping: bool
    ) -> None:
        lines = ["clac: 1", "a0: &a0 x"]
        for level in range(1, levels):
            items = [f"*a{level - 1}"] * width
            body = (
                "{" + ", ".join(f"k{n}: {item}" for n, item in enumerate(items)) + "}"
                if mapping
                else "[" + ", ".join(items) + "]"
            )
            lines.append(f"a{level}: &a{level} {body}")
        lines.append(f"{under}: *a{levels - 1}")
        text = "\n".join(lines) + "\n"
        refused_cleanly(text, Format.YAML)
        if width**levels > 10 * ALIAS_EXPANSION_LIMIT:
            assert "aliases" in str(refused(text, "yaml"))


class TestTomlRepeatedKeys:
    @pytest.mark.parametrize(
        ("text", "path", "key"),
        [
            ('clac = 1\nname = "A"\nname = "B"\n', "", "name"),
            (
                'clac = 1\nname = "A"\n[[organizations]]\nid = "a"\nid = "b"\n',
                "organizations[0]",
                "id",
            ),
            ('clac = 1\nname = "A"\n[plans]\nx = 1\n[plans]\ny = 2\n', "", "plans"),
            ('clac = 1\nname = """\nname = 1\n"""\nname = "B"\n', "", "name"),
        ],
    )
    def test_the_key_given_twice_is_named_with_its_lines(
        self, text: str, path: str, key: str
    ) -> None:
        error = refused(text, "toml")
        assert (error.problems[0].path, error.problems[0].value) == (path, key)
        assert "given twice" in str(error)
        assert "lines" in str(error)


class TestManyProblems:
    def test_a_huge_list_of_wrong_values_is_refused_quickly_listing_the_first(self) -> None:
        items = ", ".join(['{"member": "x", "month": "2020-13", "hours": 1}'] * 50_000)
        started = time.process_time()
        error = refused(f'{{"clac": 1, "name": "C", "participation": [{items}]}}', "json")
        assert time.process_time() - started < 5
        assert len(error.problems) == 1001
        assert error.problems[-1].path == "participation"
        assert "49,000 more items, not checked after 1,000 wrong ones" in str(error)
