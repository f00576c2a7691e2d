"""Python-Markdown extensions, detected by their syntax: admonition and content-tab bodies are
prose (with their own blocks, lists and code fences); definition-list terms and the ``:``
padding are left alone; attribute lists are masked."""

from __future__ import annotations

import pytest

import copyfix
from copyfix.model import DocumentKind
from copyfix.text.layout import build_layout
from copyfix.text.load import build_document

SLIP = "In 2019,the plan changed."
SLIP_FIXED = "In 2019, the plan changed."


def prose(text: str) -> list[str]:
    layout = build_layout(text, DocumentKind.MARKDOWN)
    return [text[s.start : s.end] for s in layout.prose if text[s.start : s.end].strip()]


def lint(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in copyfix.lint_text(text, path="docs/a.md")]


def fixed(text: str) -> str:
    return copyfix.fix_text(text, path="docs/a.md")


@pytest.mark.parametrize(
    "marker",
    ['!!! note', '!!! note "Phasellus posuere"', "??? tip", '???+ warning "Open"',
     "!!! danger inline end", '=== "Tab 1"', '===+ "C++"'],
)
@pytest.mark.parametrize("gap", ["", "\n"])
def test_admonition_and_tab_bodies_are_prose_found_and_fixed(marker: str, gap: str) -> None:
    text = f"{marker}\n{gap}    In 2019,the plan changed.\n\nAfter.\n"
    assert lint(text) == [("SP001", 2 + gap.count("\n"), 12)]
    assert fixed(text) == text.replace(SLIP, SLIP_FIXED)
    assert prose(text) == [SLIP, "After."]


def test_admonition_body_with_its_own_list_fence_and_nesting() -> None:
    text = (
        '!!! example "Title,here"\n'
        "\n"
        "    Some text,here.\n"
        "\n"
        "    - item one,two\n"
        "    - item three\n"
        "\n"
        "    ```python\n"
        "    print(a,b)\n"
        "    ```\n"
        "\n"
        "    !!! note\n"
        "        Nested body,here.\n"
        "\n"
        "    Code the old way:\n"
        "\n"
        "        x.y,z\n"
    )
    assert prose(text) == [
        "Some text,here.", "item one,two", "item three", "Nested body,here.",
        "Code the old way:",
    ]
    out = fixed(text)
    assert out == (
        text.replace("text,here", "text, here").replace("one,two", "one, two")
        .replace("body,here", "body, here")
    )
    doc = build_document(text, kind=DocumentKind.MARKDOWN)
    assert [text[b.span.start : b.span.end] for b in doc.blocks] == [
        "Some text,here.", "item one,two", "item three", "Nested body,here.",
        "Code the old way:",
    ]


def test_admonition_in_a_code_fence_is_code() -> None:
    text = "```markdown\n!!! note\n    Body,here.\n```\n"
    assert prose(text) == []


def test_indented_code_that_is_no_admonition_body_stays_code() -> None:
    text = "Text.\n\n    code,here.\n"
    assert prose(text) == ["Text."]


@pytest.mark.parametrize(
    "text",
    [
        "apple\n:   a pomaceous fruit.\n",
        "apple\n: a pomaceous fruit.\n",
        "Apple\n:   Pomaceous fruit.\n:   A second definition.\n",
        "term one\nterm two\n\n:   a loose definition.\n",
        "`getUser`\n:   returns the user.\n",
    ],
)
def test_definition_lists_are_left_alone(text: str) -> None:
    assert lint(text) == []
    assert fixed(text) == text


def test_definition_body_is_prose() -> None:
    text = "apple\n:   A fruit,with seeds.\n\n    A second paragraph,here.\n\nAfter.\n"
    assert prose(text) == ["A fruit,with seeds.", "A second paragraph,here.", "After."]
    assert fixed(text) == text.replace(",with", ", with").replace(",here", ", here")


def test_colon_lines_after_a_heading_or_list_are_no_definition() -> None:
    assert prose("- item\n: not a definition\n") == ["item", ": not a definition"]


@pytest.mark.parametrize(
    "attrs", ["{ .class #id }", "{: .note }", '{ #intro lang="en" }', "{.red}"],
)
def test_attribute_lists_are_masked(attrs: str) -> None:
    text = f"## A heading {attrs}\n\nA paragraph.\n{attrs}\n\n{SLIP}\n"
    assert lint(text) == [("SP001", 6, 8)]
    assert fixed(text) == text.replace(SLIP, SLIP_FIXED)


def test_braces_that_are_no_attribute_list_are_prose() -> None:
    assert prose("Sets { like this } are fine.\n") == ["Sets { like this } are fine."]


@pytest.mark.parametrize("kind", ["markdown", "mdx"])
def test_docusaurus_admonition_fences_are_masked(kind: str) -> None:
    text = ":::tip My title,here\n\nIn 2019,the plan changed.\n\n:::\n"
    assert copyfix.fix_text(text, kind=kind) == text.replace(SLIP, SLIP_FIXED)


@pytest.mark.parametrize(
    "include",
    [
        "{* ../../docs_src/behind_a_proxy/tutorial004_py310.py hl[9] *}",
        '--8<-- "docs/snippets/example,one.md"',
        ';--8<-- "docs/snippets/skipped.md"',
    ],
)
def test_an_include_line_is_syntax_and_the_sentence_goes_on_after_it(include: str) -> None:
    """A snippet include inserts a listing: the line is never prose, and a paragraph after it
    that starts in lowercase continues the sentence that introduced it."""
    text = f"{SLIP} You can use the parameter:\n\n{include}\n\nand then it works.\n"
    assert lint(text) == [("SP001", 1, 8)]
    assert fixed(text) == text.replace(SLIP, SLIP_FIXED)
    assert include not in "".join(prose(text))
