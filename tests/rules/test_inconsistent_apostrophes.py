"""inconsistent-apostrophes (QT005): the rule's examples and its own cases."""

from __future__ import annotations

import pytest


def test_examples(rule_run):
    rule_run.examples("QT005")


def test_mixed_apostrophes_are_reported(rule_run):
    assert rule_run.lint("QT005", "It's a nice idea. But it doesn’t work.")
    assert rule_run.lint("QT005", "It’s a nice idea. But it doesn’t work.") == []


# Hugo curls every straight apostrophe of the pages it renders (its typographer is on by
# default), so a mix in the source of a Hugo page does not show. A page is Hugo's when it holds
# a shortcode or TOML front matter; other Markdown and plain text are still checked.
@pytest.mark.parametrize(
    ("text", "markdown", "flagged"),
    [
        ("+++\ntitle = 'Home'\n+++\n\nIt's a nice idea. But it doesn’t work.\n", True, False),
        ("It's a nice idea.\n\n{{< alert >}}But it doesn’t work.{{< /alert >}}\n", True, False),
        ("It's a nice idea.\n\n{{% pageinfo %}}It doesn’t work.{{% /pageinfo %}}\n", True, False),
        ("---\ntitle: Home\n---\n\nIt's a nice idea. But it doesn’t work.\n", True, True),
        ("It's a nice idea. But it doesn’t work. {{< x >}}\n", False, True),
    ],
)
def test_pages_hugo_renders_are_not_checked(rule_run, text, markdown, flagged):
    assert bool(rule_run.lint("QT005", text, markdown=markdown)) is flagged


def test_a_tie_is_not_called_a_majority(rule_run):
    text = "It's here and it's there. It’s now and it’s then."
    findings = rule_run.lint("QT005", text)
    assert findings and all("as often uses" in f.message for f in findings)
    assert all(f.fix is None for f in findings)  # no kind is the document's own
