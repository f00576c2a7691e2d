from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is a pressing issue. to shed light on it, we met.",
         "It is a pressing issue. To shed light on it, we met."),
        ("this is a test sentence.", "This is a test sentence."),
        ("i have complete conviction in this. she is absolutely guilty",
         "I have complete conviction in this. She is absolutely guilty"),
        ("“this is a sentence.”", "“This is a sentence.”"),
        ("«this is a sentence.", "«This is a sentence."),
    ],
)
def test_flags_and_capitalises(rule_run, text, expected):
    assert rule_run.lint("CP001", text)
    assert rule_run.fix("CP001", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'll go, esp. if it's a free event.",
        "I asked the Prof. what to do",
        "In Nov. next year.",
        "npm is the world's largest software registry.",
        "eBay can be at sentence start in lowercase. macOS 16 too. mRNA is made.",
        "a) This is a test sentence.",
        "1. an item in a list\n2. another item.",
        "This is a sentence: <https://google.com//search?q=something>",
        "“Where?” he asked. “Home!” she said.",
        "He waited... and waited.",
        "this",
    ],
)
def test_leaves_alone(rule_run, text):
    assert rule_run.lint("CP001", text) == []


def test_paragraph_after_a_code_block_continues_its_sentence(rule_run):
    text = "Run this:\n\n```sh\nmake\n```\n\nthen open the page.\n"
    assert rule_run.lint("CP001", text, markdown=True) == []


def test_heading_and_list_items_are_fragments(rule_run):
    text = "# getting started\n\n- install the tool\n- run it\n"
    assert rule_run.lint("CP001", text, markdown=True) == []


def test_admonition_labels_come_from_the_lexicon():
    from copyfix.api import Linter
    from copyfix.lexicon import Lexicon
    from copyfix.model import DocumentKind
    from copyfix.registry import default_registry

    registry = default_registry()
    text = "Aside: this runs on.\n\nAside: that does too."
    plain = Linter(registry, [registry.get("CP001")])
    assert [d.code for d in plain.lint(text, kind=DocumentKind.TEXT)] == ["CP001", "CP001"]
    lexicon = Lexicon().adjusted(extend={"admonitions": ["Aside"]})
    taught = Linter(registry, [registry.get("CP001")], lexicon=lexicon)
    assert taught.lint(text, kind=DocumentKind.TEXT) == []
