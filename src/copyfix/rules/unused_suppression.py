from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copyfix.model import FixAvailability, Severity, Violation, bad, good
from copyfix.rules.base import Rule

if TYPE_CHECKING:
    from copyfix.text.document import Document


class UnusedSuppression(Rule):
    """Flags a suppression comment that silences nothing.

    ## What it does
    Reports a `<!-- copyfix: disable ... -->`, `disable-next-line` or `disable-file` comment
    whose rules found nothing in the lines it covers, and one that names an unknown rule.

    ## Why is this bad?
    Stale suppressions hide future findings and mislead readers about what the text needs.

    ## Fix safety
    Report only: remove the comment by hand.
    """

    code = "CX001"
    name = "unused-suppression"
    summary = "Suppression comment silences nothing"
    severity = Severity.WARNING
    fix_availability = FixAvailability.NEVER
    guarded = False
    examples = (
        bad("<!-- copyfix: disable-next-line -->\nA clean line.",
            "<!-- copyfix: disable-next-line -->\nA clean line."),
        bad("<!-- copyfix: disable NOPE999 -->\nA line.", "<!-- copyfix: disable NOPE999 -->\nA line."),
        # A directive for a rule that is not enabled in this run is idle, not stale.
        good("<!-- copyfix: disable-next-line SP001 -->\nA clean line."),
    )

    def check(self, doc: Document) -> Iterator[Violation]:
        # The engine reports unused suppressions: only it knows which ones silenced a finding.
        return iter(())
