"""The command line: option parsing (``main``) and what each command does; the only stage that
may import every other one."""

from copyfix.cli.main import main

__all__ = ["main"]
