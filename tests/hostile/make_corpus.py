"""Write the hostile corpus: registry files a hostile user might hand to ``clac``.

Each file is a small valid registry (``tests/data/valid-minimal.yaml``, in YAML, JSON or TOML)
with one hostile change. What ``clac`` must answer for each is in ``expected.toml`` beside
them. Run ``python tests/hostile/make_corpus.py`` to write the files again.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
BASE = HERE.parent / "data" / "valid-minimal.yaml"

NAME = "Test coalition"
ORGANIZATION = "Línea Ficticia de Denuncia (demo)"


def bomb(levels: int, width: int = 9) -> list[str]:
    """The anchors of a "billion laughs": ``l{levels-1}`` expands to width ** levels values."""
    lines = ["lol0: &l0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return lines


def cases(yaml_text: str, json_text: str, toml_text: str) -> dict[str, bytes]:
    """Every file of the corpus, by name."""
    out: dict[str, bytes] = {}

    def add(name: str, text: str | bytes) -> None:
        out[name] = text.encode("utf-8") if isinstance(text, str) else text

    def yaml_with(old: str, new: str, count: int = 1) -> str:
        assert old in yaml_text, old
        return yaml_text.replace(old, new, count)

    def json_with(old: str, new: str) -> str:
        assert old in json_text, old
        return json_text.replace(old, new, 1)

    def toml_with(old: str, new: str) -> str:
        assert old in toml_text, old
        return toml_text.replace(old, new, 1)

    yaml_name = f"name: {NAME}\n"
    json_name = f'"name": "{NAME}"'
    toml_name = f'name = "{NAME}"'
    yaml_org = f"name: {ORGANIZATION}"
    json_org = f'"name": "{ORGANIZATION}"'

    # -- alias bombs and aliases that contain themselves (YAML)
    add("alias-bomb-under-name.yaml", "\n".join(["clac: 1", *bomb(9), "name: *l8", ""]))
    add("alias-bomb-under-unknown-key.yaml", yaml_text + "\n".join([*bomb(9), "extra: *l8", ""]))
    add(
        "alias-bomb-in-track-record.yaml",
        "\n".join(bomb(9))
        + "\n"
        + yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, track_record: *l8}",
        ),
    )
    add(
        "alias-bomb-as-organizations.yaml",
        "\n".join(["clac: 1", "name: C", *bomb(8), "organizations: *l7", ""]),
    )
    add(
        "alias-bomb-of-mappings.yaml",
        "\n".join(
            [
                "clac: 1",
                "name: C",
                "m0: &m0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x, i: x}",
                *(
                    f"m{n}: &m{n} {{a: *m{n - 1}, b: *m{n - 1}, c: *m{n - 1}, d: *m{n - 1}, "
                    f"e: *m{n - 1}, f: *m{n - 1}, g: *m{n - 1}, h: *m{n - 1}, i: *m{n - 1}}}"
                    for n in range(1, 9)
                ),
                "members: [{organization: icmec, joined: 2016-01-01, track_record: *m8}]",
                "",
            ]
        ),
    )
    add(
        "alias-bomb-through-merge-keys.yaml",
        "\n".join(["clac: 1", "name: C", *bomb(8), "x: {<<: {k: *l7}}", ""]),
    )
    add("alias-contains-itself.yaml", yaml_text + "extra: &loop [1, *loop]\n")
    add("alias-mapping-contains-itself.yaml", yaml_text + "extra: &loop {again: *loop}\n")
    add(
        "alias-contains-itself-as-name.yaml",
        yaml_with(yaml_name, "name: &n [*n]\n"),
    )

    # -- keys given twice
    add(
        "duplicate-top-level-name.yaml",
        yaml_with(yaml_name, yaml_name + "name: Another coalition\n"),
    )
    add("duplicate-charter.yaml", yaml_text + "charter: base-document\n")
    add(
        "duplicate-nested-email.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: [{name: Ana Ejemplo, "
            "position: Director, level: senior, email: ana@example.org, email: otra@example.org}]}",
        ),
    )
    add("duplicate-key-in-flow-mapping.yaml", yaml_with("{id: icmec,", "{id: icmec, id: other,"))
    add("duplicate-key-quoted-and-plain.yaml", yaml_with(yaml_name, yaml_name + '"name": Again\n'))
    add("duplicate-top-level-name.json", json_with(json_name, json_name + ', "name": "Another"'))
    add("duplicate-nested-key.json", json_with('"id": "icmec",', '"id": "icmec", "id": "other",'))
    add(
        "duplicate-charter.json",
        json_with('"charter": "base-document"', '"charter": "base-document", "charter": "x"'),
    )
    add("duplicate-key.toml", toml_with(toml_name, toml_name + '\nname = "Another"'))
    add("duplicate-key-in-table.toml", toml_with('id = "icmec"', 'id = "icmec"\nid = "other"'))

    # -- whole numbers past Python's int-string limit (4,300 digits)
    huge = "9" * 5000
    add("huge-integer-hours.json", json_with('"hours": 5', f'"hours": {huge}'))
    add("huge-negative-integer.json", json_with('"hours": 5', f'"hours": -{huge}'))
    add("huge-integer-version.json", json_with('"clac": 1', f'"clac": {huge}'))
    add(
        "huge-integer-under-unknown-key.json", json_with('"clac": 1', f'"clac": 1, "extra": {huge}')
    )
    add("huge-integer-hours.yaml", yaml_with("hours: 5", f"hours: {huge}"))
    add("huge-hexadecimal-integer.yaml", yaml_with("hours: 5", "hours: 0x" + "f" * 5000))
    add("huge-integer-quarter.yaml", yaml_with("quarter: 1", f"quarter: {huge}"))
    add("huge-integer-hours.toml", toml_with("hours = 5", f"hours = {huge}"))
    add(
        "huge-integer-with-underscores.toml",
        toml_with("clac = 1", "clac = 1\nextra = 1" + "_999" * 1500),
    )
    add("huge-integer-in-array.toml", toml_with("clac = 1", f"clac = 1\nextra = [1, {huge}]"))

    # -- text that is not text: NUL, control characters, lone surrogates, line breaks
    add("nul-escape-in-name.yaml", yaml_with(yaml_name, 'name: "Test\\0coalition"\n'))
    add("nul-escape-in-name.json", json_with(json_name, '"name": "Test\\u0000coalition"'))
    add("nul-escape-in-name.toml", toml_with(toml_name, 'name = "Test\\u0000coalition"'))
    add("nul-escape-in-organization.json", json_with(json_org, '"name": "L\\u0000nea"'))
    add("lone-surrogate-in-name.json", json_with(json_name, '"name": "Test \\ud800 coalition"'))
    add("lone-low-surrogate-in-organization.json", json_with(json_org, '"name": "L\\udfffnea"'))
    add(
        "escape-sequence-in-name.yaml",
        yaml_with(yaml_name, 'name: "Test \\e[2J\\e[31mcoalition"\n'),
    )
    add(
        "escape-sequence-in-organization.json",
        json_with(json_org, '"name": "L\\u001b]0;pwned\\u0007nea"'),
    )
    add(
        "escape-sequence-in-track-record.json",
        json_with('"track_record": []', '"track_record": ["a \\u001b[31m b"]'),
    )
    add("bell-in-name.toml", toml_with(toml_name, 'name = "Test \\u0007 coalition"'))
    add("bell-in-organization.yaml", yaml_with(yaml_org, 'name: "L\\anea"'))
    add("c1-control-in-name.json", json_with(json_name, '"name": "Test \\u009b31m coalition"'))
    add("next-line-in-name.yaml", yaml_with(yaml_name, 'name: "Test\\Ncoalition"\n'))
    add("delete-character-in-name.json", json_with(json_name, '"name": "Test\\u007fcoalition"'))
    add(
        "line-break-in-name.yaml",
        yaml_with(yaml_name, 'name: "Test coalition\\nclac: error: forged"\n'),
    )
    add("line-break-in-name.json", json_with(json_name, '"name": "CLAC\\nclac: error: forged"'))
    add("line-break-in-name.toml", toml_with(toml_name, 'name = """CLAC\nclac: error: forged"""'))
    add("line-break-in-organization-id-free-text.yaml", yaml_with(yaml_org, 'name: "L\\nnea"'))
    add("carriage-return-in-name.json", json_with(json_name, '"name": "Real name\\rFake name"'))
    add("line-separator-in-name.json", json_with(json_name, '"name": "Test\\u2028coalition"'))
    add("tab-in-name.json", json_with(json_name, '"name": "Test\\tcoalition"'))
    add("block-scalar-name.yaml", yaml_with(yaml_name, "name: |\n  Test\n  clac: error: forged\n"))
    add("raw-control-character.yaml", yaml_with(yaml_name, "name: Test\x07coalition\n"))
    add(
        "raw-nul-byte.json",
        json_text.encode("utf-8").replace(b"Test coalition", b"Test\x00coalition"),
    )
    add("control-character-in-key.json", json_with('"clac": 1', '"clac": 1, "\\u001b[31mred": 1'))

    # -- markup meant for outputs (valid registries: escaped where they are written)
    markup = "<script>alert(1)</script> [x](javascript:alert(1)) ![img](http://example.invalid/p)"
    add(
        "markup-in-names.yaml",
        yaml_with(yaml_name, f"name: {json.dumps(markup)}\n").replace(
            yaml_org, f"name: {json.dumps(markup + ' & <b>')}"
        ),
    )

    # -- personal data in errors
    add(
        "bad-email-is-masked.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: [{name: Zoe Ejemplo, "
            "position: Director, level: senior, email: zoe@example}]}",
        ),
    )
    add(
        "bad-email-is-masked.json",
        json_with(
            '"representatives": []',
            '"representatives": [{"name": "Zoe Ejemplo", "position": "Director", '
            '"level": "senior", "email": "zoe.ejemplo"}]',
        ),
    )

    add(
        "representative-as-a-list.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: "
            "[[Zoe Ejemplo, zoe@example.org], Zoe Ejemplo]}",
        ),
    )

    # -- syntax, encoding and nesting (answered in the language asked)
    add("yaml-syntax-error.yaml", yaml_with(yaml_name, "name: [Test coalition\n"))
    add("json-syntax-error.json", json_text[:-3])
    add("toml-syntax-error.toml", toml_with(toml_name, "name = "))
    add("utf-16.json", json_text.encode("utf-16"))
    add("latin-1.yaml", yaml_text.encode("latin-1"))
    add(
        "deep-nesting.json",
        '{"clac": 1, "name": "C", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}",
    )
    add("deep-nesting.yaml", "clac: 1\nname: C\nextra: " + "[" * 20_000 + "]" * 20_000 + "\n")
    add("deep-nesting.toml", 'clac = 1\nname = "C"\nextra = ' + "[" * 5_000 + "]" * 5_000 + "\n")
    add(
        "deep-block-nesting.yaml",
        "clac: 1\nname: C\nextra:\n" + "".join(" " * n + "- \n" for n in range(1, 3000)),
    )

    # -- tags and keys PyYAML would build objects from
    add("python-object-tag.yaml", yaml_text + "extra: !!python/object/apply:os.system ['true']\n")
    add("binary-tag-as-name.yaml", yaml_with(yaml_name, "name: !!binary VGVzdA==\n"))
    add("unhashable-key.yaml", yaml_text + "? [a, b]\n: c\n")
    add("not-a-number-hours.json", json_with('"hours": 5', '"hours": NaN'))
    add("infinite-hours.yaml", yaml_with("hours: 5", "hours: .inf"))
    add("overflowing-float-hours.json", json_with('"hours": 5', '"hours": 1e999'))
    add(
        "many-problems.json",
        json_with('"clac": 1', '"clac": 1, "participation_extra": 1').replace(
            '"participation": [',
            '"participation": ['
            + ", ".join(['{"member": "x", "month": "2020-13", "hours": -1}'] * 2000)
            + ", ",
            1,
        ),
    )

    # -- YAML tags whose value the tag cannot build: exit 2 with the path and the line
    add("bool-tag-maybe.yaml", yaml_with(yaml_name, 'name: !!bool "maybe"\n'))
    add("timestamp-tag-garbage.yaml", yaml_with(yaml_name, 'name: !!timestamp "x"\n'))
    add("int-tag-garbage.yaml", yaml_with("hours: 5", 'hours: !!int "abc"'))
    add("float-tag-garbage.yaml", yaml_with("hours: 5", 'hours: !!float "five"'))
    add("binary-tag-not-ascii.yaml", yaml_with(yaml_name, 'name: !!binary "añ"\n'))
    add("unknown-tag.yaml", yaml_with(yaml_name, "name: !!nonsense x\n"))
    add(
        "timestamp-tag-garbage-under-representative.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: [{name: Zoe Ejemplo, "
            'position: Director, level: senior, email: !!timestamp "zoe@example.org"}]}',
        ),
    )

    # -- days past what clac handles (1900-01-01 to 2999-12-31): exit 2 naming the field
    add("records-since-year-9999.yaml", yaml_text + "records_since: 9999-12-31\n")
    add("joined-year-1.yaml", yaml_with("joined: 2016-01-01}", "joined: 0001-01-01}"))
    add("meeting-on-9999-12-31.yaml", yaml_with("date: 2020-03-01,", "date: 9999-12-31,"))
    add(
        "submitted-on-9999-12-31.json",
        json_with('"submitted": "2020-04-10"', '"submitted": "9999-12-31"'),
    )
    add(
        "records-since-year-9999.toml",
        toml_with("clac = 1", "clac = 1\nrecords_since = 9999-12-31"),
    )

    # -- personal data typed into the wrong field: masked like any personal field
    add(
        "name-typed-as-level-is-masked.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: [{name: Zoe Ejemplo, "
            "position: Director, level: Zoe Ejemplo}]}",
        ),
    )
    add(
        "phone-typed-as-name-is-masked.json",
        json_with(
            '"representatives": []',
            '"representatives": [{"name": 5511912345678, "position": "Director", '
            '"level": "senior"}]',
        ),
    )
    add(
        "name-typed-as-a-key-is-masked.yaml",
        yaml_with(
            "{organization: icmec, joined: 2016-01-01}",
            "{organization: icmec, joined: 2016-01-01, representatives: [{name: Zoe, "
            "position: Director, level: senior, Zoe Ejemplo: zoe}]}",
        ),
    )
    add(
        "phone-typed-as-joined-is-masked.yaml",
        yaml_with("joined: 2016-01-01}", "joined: '+55 11 91234-5678'}"),
    )
    add(
        "e-mail-typed-as-sector-is-masked.json",
        json_with('"sector": "ngo"', '"sector": "zoe.ejemplo@example.org"'),
    )
    return out


def main(argv: list[str]) -> int:
    import clac

    coalition = clac.load(BASE)
    yaml_text = BASE.read_text(encoding="utf-8")
    made: Callable[[str], str] = lambda fmt: clac.io.dumps(coalition, fmt)  # noqa: E731
    folder = Path(argv[0]) if argv else HERE
    for name, data in cases(yaml_text, made("json"), made("toml")).items():
        (folder / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
