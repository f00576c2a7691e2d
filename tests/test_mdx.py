"""MDX: ESM, JSX tags and attributes, expressions and MDX comments are never linted or changed;
prose children of JSX are; code is masked wherever it sits, even right under a JSX line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copyfix
from copyfix.model import DocumentKind
from copyfix.text.layout import build_layout
from copyfix.text.load import build_document
from copyfix.text.mdx import closing_brace, tag_end
from copyfix.text.prepass import mdx_syntax

MDX = DocumentKind.MDX
SLIP = "In 2019,the plan changed."
SLIP_FIXED = "In 2019, the plan changed."


def prose(text: str, kind: DocumentKind = MDX) -> list[str]:
    layout = build_layout(text, kind)
    return [text[s.start : s.end] for s in layout.prose if text[s.start : s.end].strip()]


def codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in copyfix.lint_text(text, path="page.mdx")]


def fixed(text: str) -> str:
    return copyfix.fix_text(text, path="page.mdx")


# --- What the issue reported ------------------------------------------------------------------

ISSUE_CASES = [
    # ESM with a colon in a module name
    "import { getCollection } from 'astro:content'\n",
    # a JSX attribute with a colon
    "<Counter client:load />\n",
    # a code fence directly under a JSX element line
    "<Tabs>\n```js\nconst a = b;// note.it\nfoo.bar,baz\nlowercase start.\n```\n</Tabs>\n",
    "<TabItem value=\"py\" label=\"Python\">\n```py\nprint(a,b)\n```\n</TabItem>\n",
    # code spans keep their pairing
    "Pass the `id`s,`name`s and `key`s.\n",
    # a hard break keeps its two trailing spaces
    "First line  \nsecond line.\n",
]


@pytest.mark.parametrize("source", ISSUE_CASES)
def test_reported_mdx_is_left_alone(source: str) -> None:
    text = source + "\n" + SLIP + "\n"
    assert fixed(text) == source + "\n" + SLIP_FIXED + "\n"
    assert [c for c, _, _ in codes(text)] == ["SP001"]


def test_code_fence_under_a_jsx_line_is_masked_also_read_as_markdown() -> None:
    text = "<Tabs>\n```js\nfoo.bar,baz\n```\n</Tabs>\n"
    assert prose(text) == []
    assert copyfix.lint_text(text, path="page.md") == []


def test_prose_children_of_jsx_are_linted_and_fixed() -> None:
    text = (
        "<Note type=\"tip\">\n"
        "  In 2019,the plan changed.\n"
        "</Note>\n"
        "\n"
        "<Tabs>\n"
        "  <TabItem value=\"a\">\n"
        "    In 2019,the plan changed.\n"
        "\n"
        "    ```js\n"
        "    a,b\n"
        "    ```\n"
        "  </TabItem>\n"
        "</Tabs>\n"
        "\n"
        "<Callout>In 2019,the plan changed.</Callout>\n"
    )
    assert codes(text) == [("SP001", 2, 10), ("SP001", 7, 12), ("SP001", 15, 17)]
    assert fixed(text) == text.replace("2019,the", "2019, the")


def test_indented_children_keep_their_structure() -> None:
    text = "<Steps>\n\n    - first item,here\n    - second item\n\n</Steps>\n"
    doc = build_document(text, kind=MDX)
    assert [text[b.span.start : b.span.end] for b in doc.blocks] == [
        "first item,here", "second item"
    ]
    assert fixed(text) == text.replace("item,here", "item, here")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Examples from the MDX documentation's "What is MDX?" page.
        ("# Hello, world!\n\n<div className=\"note\">\n  > Some notable things in a block quote!\n"
         "</div>\n", ["Hello, world!", "Some notable things in a block quote!"]),
        ("<Welcome name=\"Venus\" />\n<Welcome name=\"Mars\" />\n", []),
        ("<abbr title=\"HyperText Markup Language\">HTML</abbr> is a lovely language.\n\n"
         "<section>\n  And here is *markdown* in **JSX**!\n</section>\n",
         ["HTML", " is a lovely language.", "And here is ", "markdown", " in ", "JSX", "!"]),
        ("<Component\n  open\n  x={1}\n  label={'this is a string, *not* markdown!'}\n"
         "  icon={<Icon />}\n/>\n", []),
        ("the `myComponents` object: <myComponents.thisOne />\n", ["the ", " object:"]),
        ("Two 🍰 is: {Math.PI * 2}\n", ["Two 🍰 is:"]),
        ("{(function () {\n  const guess = Math.random()\n\n  if (guess > 0.66) {\n"
         "    return <span style={{color: 'tomato'}}>Look at us.</span>\n  }\n})()}\n", []),
        ("{/* A comment! */}\n", []),
        ("import {External} from './some/place.js'\n\n"
         "export const Local = properties => <span style={{color: 'red'}} {...properties} />\n\n"
         "An <External>external</External> component and a <Local>local one</Local>.\n",
         ["An ", "external", " component and a ", "local one", "."]),
        ("import {Chart} from './chart.js'\nimport population from './population.js'\n"
         "export const pi = 3.14\n\n<Chart data={population} label={'Something with ' + pi} />\n",
         []),
        ("<div># this is not a heading but *this* is emphasis</div>\n",
         ["# this is not a heading but ", "this", " is emphasis"]),
        ("<h1 className=\"main\">Do this: an `h1` with `code`</h1>\n", ["Do this: an ", " with "]),
        ("Welcome! <a href=\"about.html\">\n\nThis is home of...\n\n# The Falcons!</a>\n",
         ["Welcome!", "This is home of...", "The Falcons!"]),
    ],
)
def test_mdx_documentation_examples(text: str, expected: list[str]) -> None:
    assert prose(text) == expected


def test_export_with_a_blank_line_inside_its_braces_is_one_statement() -> None:
    text = "export const meta = {\n  title: 'a,b',\n\n  tags: ['x.y'],\n}\n\nSome prose.\n"
    assert prose(text) == ["Some prose."]


def test_front_matter_and_autolinks_are_not_jsx() -> None:
    text = "---\ntitle: <b>\n---\n\nSee <https://example.com/a,b> now.\n"
    assert prose(text) == ["See ", " now."]
    assert mdx_syntax(text) == ([], [])


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("<a>", 3), ("</a>", 4), ("<>", 2), ("</>", 3), ("<A.B c d='e' {...f} g={1} />", 28),
        ("<x y=\"1>2\">", 11), ("< b", -1), ("<https://x.y>", -1), ("<a@b.c>", -1),
        ("<a b=c>", -1), ("<a", -1),
    ],
)
def test_tag_end(text: str, end: int) -> None:
    assert tag_end(text, 0) == end


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("{a}", 3), ("{ {b} }", 7), ("{'}'}", 5), ("{`${'}'}`}", 10), ("{/* } */}", 9),
        ("{a", -1), ("{'a}", -1),
    ],
)
def test_closing_brace(text: str, end: int) -> None:
    assert closing_brace(text, 0) == end


def test_a_long_flow_expression_is_masked_to_its_closing_brace() -> None:
    """A ``{`` alone on its line opens a flow expression that MDX reads to its closing brace,
    however long: a table of sponsors in JSX is one expression, not two stray braces."""
    row = '      <td width="20%"><a href="https://example.com/{n}">Sponsor {n}</a></td>\n'
    table = "".join(row.replace("{n}", str(n)) for n in range(60))
    text = f"{SLIP}\n\n{{\n  <table>\n    <tr>\n{table}    </tr>\n  </table>\n}}\n\nThe end.\n"
    assert len(table) > 4000
    assert codes(text) == [("SP001", 1, 8)]
    assert fixed(text) == text.replace(SLIP, SLIP_FIXED)


def test_an_unclosed_brace_inside_a_line_is_looked_at_a_short_way() -> None:
    text = "A {brace " + "word " * 2000 + "}\n"
    assert mdx_syntax(text) == ([], [])


def test_jsx_inside_code_is_code() -> None:
    text = "Use `<Foo bar={1} />` here.\n\n```mdx\n<Foo />\n{1}\n```\n"
    assert mdx_syntax(text) == ([], [])


def test_escaped_brace_is_text() -> None:
    assert mdx_syntax("A \\{literal} brace.\n") == ([], [])


def test_suppression_is_an_mdx_comment() -> None:
    text = "{/* copyfix: disable-next-line SP001 */}\nIn 2019,the plan changed.\n"
    assert codes(text) == []
    unused = "{/* copyfix: disable-next-line SP004 */}\nIn 2019,the plan changed.\n"
    assert [c for c, _, _ in codes(unused)] == ["CX001", "SP001"]


def test_an_mdx_comment_spelling_does_nothing_in_plain_text() -> None:
    text = "{/* copyfix: disable-next-line SP001 */}\nIn 2019,the plan changed.\n"
    assert [d.code for d in copyfix.lint_text(text, path="a.txt")] == ["SP001"]


# --- Property: safe fixes never change MDX syntax or code ---------------------------------------

_SYNTAX = [
    "import { a } from 'b:c'\n",
    "export const meta = {title: 'a,b'}\n",
    "<Counter client:load />\n",
    "<Note type=\"x,y\">\n",
    "</Note>\n",
    "{/* a.b,c */}\n",
    "```js\nfoo.bar,baz\n```\n",
    "<Tabs>\n```py\nprint(a,b)\n```\n</Tabs>\n",
]
_PROSE = [
    "In 2019,the plan changed.",
    "It was late.We left.",
    "the the end.",
    "See <Badge text=\"a,b\" /> here,now.",
    "Two is {1+1} ,really.",
    "Use `a,b`s and `c`.",
    "A line  \nbroken here ,then.",
]


def _syntax_texts(text: str) -> list[str]:
    spans, _ = mdx_syntax(text)
    layout = build_layout(text, MDX)
    return [text[s.start : s.end] for s in spans] + [
        text[s.start : s.end] for s in layout.literal
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_SYNTAX), st.sampled_from(_PROSE)), max_size=8),
       st.sampled_from(["", "  ", "    "]))
def test_safe_fixes_never_change_mdx_syntax(parts: list[str], indent: str) -> None:
    text = "\n".join(
        part if part in _SYNTAX else indent + part + "\n" for part in parts
    )
    after = fixed(text)
    assert _syntax_texts(after) == _syntax_texts(text)
    assert fixed(after) == after
    # The prose is still checked, whatever JSX or indentation surrounds it.
    assert "2019,the" not in after
