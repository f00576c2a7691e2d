"""``copyfix server``: a language server over stdio (needs the ``server`` extra: pygls)."""

from __future__ import annotations


def run_server() -> int:
    from copyfix.cli.server.handlers import create_server

    create_server().start_io()
    return 0
