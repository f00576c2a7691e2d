from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from copyfix.cli import main

# The default profile draws the same examples on every run, so a green run here is a green run
# in CI; `COPYFIX_HYPOTHESIS_PROFILE=explore` draws fresh random examples to hunt for new bugs.
settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("COPYFIX_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("explore", parent=settings.get_profile("ci"), derandomize=False)
settings.load_profile(os.environ.get("COPYFIX_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def run(tmp_path, monkeypatch, request):
    """Invoke the copyfix CLI in a fresh temporary folder: ``run("lint", "a.md", input=...)``.

    The one CLI fixture of the suite. A test module that passes the same arguments every time
    sets ``CLI_PREFIX`` (put before the call's arguments) or ``CLI_SUFFIX`` (after them).
    """
    monkeypatch.chdir(tmp_path)
    prefix = list(getattr(request.module, "CLI_PREFIX", ()))
    suffix = list(getattr(request.module, "CLI_SUFFIX", ()))

    def invoke(*args, input=None):
        return CliRunner().invoke(main, [*prefix, *args, *suffix], input=input)

    return invoke
