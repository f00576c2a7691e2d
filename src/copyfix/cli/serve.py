"""``copyfix server``: start the language server, or say how to install it."""

from __future__ import annotations

import click

from copyfix.cli.exits import EXIT_ERROR


def run_server() -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        click.echo(
            "copyfix: the language server needs pygls: pip install 'copyfix[server]'", err=True
        )
        return EXIT_ERROR
    from copyfix.cli.server import run_server as serve

    return serve()
