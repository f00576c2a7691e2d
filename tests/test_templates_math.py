"""Template tags and TeX math in Markdown and MDX: masked and never changed; the content of a
paired shortcode or block is masked unless it reads as prose."""

from __future__ import annotations

import pytest

import copyfix
from copyfix.model import DocumentKind
from copyfix.text.layout import build_layout
from copyfix.text.tags import reads_as_prose, template_tag

SLIP = "In 2019,the plan changed."
SLIP_FIXED = "In 2019, the plan changed."
KINDS = ["markdown", "mdx"]


def prose(text: str, kind: str) -> list[str]:
    layout = build_layout(text, DocumentKind(kind))
    return [text[s.start : s.end] for s in layout.prose if text[s.start : s.end].strip()]


def fixed(text: str, kind: str) -> str:
    return copyfix.fix_text(text, kind=kind)


def codes(text: str, kind: str) -> list[str]:
    return [d.code for d in copyfix.lint_text(text, kind=kind)]


HUGO_TOML = (
    '{{< code lang="toml" >}}\n'
    "[params]\n"
    'date = "time.Now.Format"\n'
    "title = 'my site,here'\n"
    "# a comment.like this\n"
    "{{< /code >}}\n"
)


@pytest.mark.parametrize("kind", KINDS)
def test_hugo_paired_shortcode_holding_toml_is_left_alone(kind: str) -> None:
    text = HUGO_TOML + "\n" + SLIP + "\n"
    assert fixed(text, kind) == HUGO_TOML + "\n" + SLIP_FIXED + "\n"
    assert codes(text, kind) == ["SP001"]
    assert prose(text, kind) == [SLIP]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("gap", ["", "\n"])
def test_tabs_of_prose_are_judged_without_their_nested_tags(kind: str, gap: str) -> None:
    # The outer pair holds only tags and the inner pairs: what decides is what they leave.
    tab = '{{% tab name="Linux" %}}\nInstall the package first,then run it once.\n{{% /tab %}}\n'
    code_tab = (
        '{{< tab name="TOML" >}}\n{{< highlight toml >}}\n'
        + HUGO_TOML
        + "{{< /highlight >}}\n{{< /tab >}}\n"
    )
    text = '{{< tabs name="setup" >}}\n' + gap + tab + gap + code_tab + "{{< /tabs >}}\n"
    assert codes(text, kind) == ["SP001"]
    assert fixed(text, kind) == text.replace("first,then", "first, then")


@pytest.mark.parametrize("kind", KINDS)
def test_shortcode_that_wraps_a_note_is_prose(kind: str) -> None:
    text = (
        '{{% alert title="Note" color="info" %}}\n'
        "This page describes the old release of the theme,which is no longer supported.\n"
        "{{% /alert %}}\n"
    )
    assert codes(text, kind) == ["SP001"]
    assert fixed(text, kind) == text.replace("theme,which", "theme, which")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "tag",
    [
        '{{< figure src="a.png" caption="a,b" >}}',
        "{{% param name.here %}}",
        "{{ page.title | upcase,x }}",
        "{% include note.html content=a,b %}",
        "{# a comment.here #}",
        '{{< ref "docs/a.md" >}}',
        "{{< tab />}}",
    ],
)
def test_template_tags_are_masked(tag: str, kind: str) -> None:
    text = f"See {tag} here.\n\n{tag}\n\n{SLIP}\n"
    assert fixed(text, kind) == f"See {tag} here.\n\n{tag}\n\n{SLIP_FIXED}\n"
    assert codes(text, kind) == ["SP001"]


@pytest.mark.parametrize("kind", KINDS)
def test_liquid_block_of_code_is_masked(kind: str) -> None:
    text = (
        "{% highlight ruby %}\n"
        "def foo(a,b)\n"
        "  puts a.to_s\n"
        "end\n"
        "{% endhighlight %}\n"
        "\n" + SLIP + "\n"
    )
    assert prose(text, kind) == [SLIP]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "math",
    [
        "\\( a,b \\)",
        "\\[ x.y = z,w \\]",
        "$a,b$",
        "$$x.y,z$$",
        "\\[\n  f(a,b) = a.b\n\\]",
    ],
)
def test_math_is_masked(math: str, kind: str) -> None:
    text = f"The value {math} is known,here.\n"
    assert fixed(text, kind) == text.replace("known,here", "known, here")
    display = f"{math}\n\n{SLIP}\n"
    assert fixed(display, kind) == f"{math}\n\n{SLIP_FIXED}\n"


@pytest.mark.parametrize("kind", KINDS)
def test_math_fence_is_masked(kind: str) -> None:
    text = "```math\nf(a,b) = a.b\n```\n\n" + SLIP + "\n"
    assert prose(text, kind) == [SLIP]


def test_template_tags_in_code_stay_code() -> None:
    text = "Use `{{< ref >}}` here.\n\n```\n{{% a %}}\n```\n"
    layout = build_layout(text, DocumentKind.MARKDOWN)
    assert [text[s.start : s.end] for s in layout.literal] == [
        "`{{< ref >}}`", "```\n{{% a %}}\n```"
    ]


@pytest.mark.parametrize(
    ("text", "name", "closing", "self_closing"),
    [
        ("{{< tab name=\"a\" >}}", "tab", False, False),
        ("{{< /tab >}}", "tab", True, False),
        ("{{% notice tip %}}", "notice", False, False),
        ("{%- endif -%}", "if", True, False),
        ("{{< img />}}", "img", False, True),
        ("{{ value }}", "", False, False),
    ],
)
def test_template_tag(text: str, name: str, closing: bool, self_closing: bool) -> None:
    tag = template_tag(text, 0)
    assert tag is not None and tag.end == len(text)
    assert (tag.name, tag.closing, tag.self_closing) == (name, closing, self_closing)


def test_unclosed_template_tag_is_text() -> None:
    assert template_tag("{{ never closed", 0) is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("This release of the theme is no longer supported by the team.", True),
        ('[params]\ndate = "time.Now.Format"\n', False),
        ("ls -la /tmp\ncd ~/src\n", False),
        ("def foo(a,b)\n  puts a.to_s\nend\n", False),
        ("OK", False),
    ],
)
def test_reads_as_prose(content: str, expected: bool) -> None:
    assert reads_as_prose(content) is expected


# --- Shortcodes the project names as prose or code (prose-shortcodes, code-shortcodes) --------

TERMS = "{{< glossary >}}\nwidget,gadget,sprocket\n{{< /glossary >}}\n"
NOTE = "{{% aside %}}\nThis note reads as prose,and it holds a slip.\n{{% /aside %}}\n"


def test_content_is_judged_by_how_it_reads_without_settings(tmp_path, run) -> None:
    (tmp_path / "page.md").write_text(TERMS + "\n" + NOTE)
    result = run("fix", "--diff", "page.md")
    assert "prose, and" in result.output
    assert "widget, gadget" not in result.output


def test_configured_names_decide_whatever_the_content_looks_like(tmp_path, run) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.copyfix]\nprose-shortcodes = ["Glossary"]\ncode-shortcodes = ["aside"]\n'
    )
    (tmp_path / "page.md").write_text(TERMS + "\n" + NOTE)
    result = run("fix", "--diff", "page.md")
    assert "widget, gadget" in result.output
    assert "prose, and" not in result.output
    config = run("config", "page.md")
    assert '"prose-shortcodes": [\n    "Glossary"\n  ]' in config.output


@pytest.mark.parametrize("kind", KINDS)
def test_paired_content_settings_reach_the_layout_and_the_structure_check(kind: str) -> None:
    from copyfix.lint.linter import make_linter
    from copyfix.text.tags import PairedContent

    linter = make_linter()
    linter.pairs = PairedContent(prose=frozenset({"glossary"}))
    result = linter.fix(TERMS, kind=DocumentKind(kind), unsafe=False)
    assert result.text == TERMS.replace(",", ", ")
    assert copyfix.fix_text(TERMS, kind=kind) == TERMS


def test_a_bracket_escaped_inside_a_link_address_is_not_math() -> None:
    # Read as math, "\\(2\\)" was cut out of the address, and the link was no longer a link.
    text = 'See [the photo](/wiki/File:Ad-tech_London_2010_\\(2\\).JPG "Enlarge") here.\n'
    assert copyfix.lint_text(text, path="page.md") == []
