from __future__ import annotations

from collections.abc import Iterator

import regex

from copyfix.model import Edit, Severity, Violation, bad, good
from copyfix.rules.base import Rule, violation

# Spaces between a word and , . ; : ? ! that end it. A mark followed by a word character is the
# start of something else (.txt, .NET, .5, :wq) and an ellipsis or emoticon is not a defect.
_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{M}\d)\]”’\"'%])([ \t\u00a0]+)([,;:?!]+|\.(?!\.))(?=$|[\s)\]”’\"'\ufffc])",
    regex.M,
)


class SpaceBeforePunctuation(Rule):
    """Flags whitespace between a word and the punctuation that follows it.

    ## What it does
    Finds `word ,`, `sentence .`, `deal !` and `Note : this` and removes the space.

    ## Why is this bad?
    In English, `, . ; : ? !` attach to the word before them; a space there lets the mark wrap
    to the start of the next line.

    ## Fix safety
    Safe: only whitespace is removed. `.txt`, `.NET`, `.5`, `:wq`, `:)` and ` ...` are not
    punctuation after a word and are left alone.

    ## Options
    None.
    """

    code = "SP003"
    name = "space-before-punctuation"
    summary = "Space before punctuation"
    severity = Severity.ERROR
    examples = (
        bad("This is a sentence .", "This is a sentence."),
        bad("What a deal !", "What a deal!"),
        bad("Apples , pears and plums", "Apples, pears and plums"),
        bad("Note : this matters.", "Note: this matters."),
        good("Open the .txt file, then the .NET project."),
        good("It grew by .5 percent and then stopped ..."),
        good("Type :wq to quit :)"),
        good("Run ./validate.sh now."),
    )

    def check(self, doc) -> Iterator[Violation]:
        for m in _SPACE_BEFORE.finditer(doc.view):
            start, end = m.span(1)
            mark = m.group(2)
            yield violation(
                start, m.end(2), f"Space before '{mark}'", Edit.delete(start, end),
                title="Remove the space",
            )
