from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import Edit, FixAvailability, Violation, bad, good
from copyfix.rules.base import Rule, violation

if TYPE_CHECKING:
    from copyfix.text.document import Document


class InconsistentLabelCase(Rule):
    """Flags a paragraph label written in a different case from the same label elsewhere.

    ## What it does
    In an interview or a transcript, each paragraph opens with a speaker or field label
    (`Archyde:`). When the same label appears in two spellings, the less common one is flagged
    and rewritten in the most common spelling.

    ## Why is this bad?
    Labels are names; writing one in two cases looks careless and breaks search.

    ## Fix safety
    Safe when the usual spelling is used at least twice as often as the other; otherwise the
    finding has no fix. Only letter case changes.
    """

    code = "CP003"
    name = "inconsistent-label-case"
    fix_availability = FixAvailability.SOMETIMES
    summary = "Paragraph label written in two cases"
    guarded = False
    examples = (
        bad(
            "Archyde: Hello.\n\nGuest: Hi.\n\nArchyde: Why?\n\narchyde: What next?",
            "Archyde: Hello.\n\nGuest: Hi.\n\nArchyde: Why?\n\nArchyde: What next?",
        ),
        # One copy each way: no majority to follow, so the finding has no fix.
        bad("Archyde: Hello.\n\nGuest: Hi.\n\narchyde: Why?\n\nGuest: Because."),
        good("Archyde: Hello.\n\nGuest: Hi.\n\nArchyde: Why?"),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        labels = doc.analysis.labels
        for label in labels:
            spellings[label.text.lower()][label.text] += 1
        for label in labels:
            counts = spellings[label.text.lower()]
            (usual, usual_count), *_ = counts.most_common(1)
            if label.text == usual:
                continue
            edits = ()
            if usual_count >= 2 * counts[label.text]:
                edits = (Edit.replace(label.start, label.start + len(label.text), usual),)
            yield violation(
                label.start, label.start + len(label.text),
                f"Label '{label.text}' is written '{usual}' elsewhere",
                *edits, title=f"Write '{usual}'",
            )
