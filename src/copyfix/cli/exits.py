"""Exit codes of every command, and the problem that maps to exit code 2."""

from __future__ import annotations

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by SIGINT


class UsageProblem(Exception):
    """A problem with options or configuration: exit code 2, one line on stderr."""
