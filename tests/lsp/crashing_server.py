"""``copyfix server`` with SP001 made to raise on any text holding ``BOOM``: a stand-in for a
rule with a bug, to check that the server reports it once and keeps running."""

from copyfix.cli.main import main
from copyfix.lint.registry import default_registry

rule = default_registry().get("SP001")
original = type(rule).check


def check(self, doc):
    if "BOOM" in doc.text:
        raise ValueError("injected failure")
    yield from original(self, doc)


type(rule).check = check
main(["server"])
