"""The informational commands: ``rules``, ``rule``, ``config`` and ``test-rules``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from copyfix.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, UsageProblem
from copyfix.cli.settings import LinterFactory, Options, registry_for, settings_for_listing
from copyfix.config import ConfigError
from copyfix.text.load import kind_for_path


def run_rules(output_format: str, config_path: str | None) -> int:
    import json

    try:
        registry = registry_for(settings_for_listing(config_path))
    except (UsageProblem, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    infos = [rule.info() for rule in registry]
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": i.code,
                        "name": i.name,
                        "summary": i.summary,
                        "severity": i.severity.label,
                        "fixable": i.fixable,
                        "fix-availability": i.fix_availability.value,
                    }
                    for i in infos
                ],
                indent=2,
            )
        )
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("Code", "Name", "Fix", "Severity", "Summary"):
        table.add_column(column)
    for i in infos:
        table.add_row(i.code, i.name, "yes" if i.fixable else "-", i.severity.label, i.summary)
    # In a pipe there is no width to fit: keep each rule on one line, for grep.
    width = None if sys.stdout.isatty() else 160
    Console(soft_wrap=True, width=width).print(table)
    return EXIT_CLEAN


def run_rule(selector: str, config_path: str | None) -> int:
    from copyfix.output.docs import render_rule_doc

    try:
        registry = registry_for(settings_for_listing(config_path))
    except (UsageProblem, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    rule = registry.get(selector)
    if rule is None:
        click.echo(f"copyfix: unknown rule {selector!r} (see `copyfix rules`)", err=True)
        return EXIT_ERROR
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(render_rule_doc(rule.info(), registry)))
    return EXIT_CLEAN


def run_config(path: str, config_path: str | None, isolated: bool) -> int:
    import json

    target = Path(path)
    factory = LinterFactory(Options(None, [], [], config_path, isolated, None, None, True, 1))
    try:
        settings = factory.settings(target)
        linter = factory.linter(target)
    except (ConfigError, UsageProblem) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    data = settings.as_dict()
    # What applies to this very path, so a user can see why a file is skipped or quiet.
    data["path"] = str(target)
    # The format a file is read as (--format-type aside); a folder holds files of several.
    data["format"] = (
        None if target.is_dir() else kind_for_path(str(target), settings.format_for(target)).value
    )
    data["excluded"] = factory.excluded(target)
    data["per-file-ignores-in-effect"] = settings.ignores_for(target)
    data["rules-in-effect"] = [r.code for r in linter.rules]
    data["severity-in-effect"] = {
        code: sev.label for code, sev in sorted(linter.severities.items())
    }
    click.echo(json.dumps(data, indent=2))
    return EXIT_CLEAN


def run_config_keys() -> int:
    """``copyfix config --keys``: every configuration key with its type, default and meaning."""
    import json

    from copyfix.config.schema import listing

    click.echo(json.dumps(listing(), indent=2))
    return EXIT_CLEAN


def run_test_rules(packs: list[str]) -> int:
    from copyfix.packs import PackError, run_pack_tests

    try:
        refs, root = (packs, Path.cwd()) if packs else default_test_refs(Path.cwd())
        failures, total = run_pack_tests(refs, root)
    except (PackError, ConfigError) as exc:
        click.echo(f"copyfix: {exc}", err=True)
        return EXIT_ERROR
    for failure in failures:
        click.echo(f"FAILED {failure}")
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    return EXIT_FOUND if failures else EXIT_CLEAN


def default_test_refs(root: Path) -> tuple[list[str], Path]:
    """The packs ``copyfix test-rules`` checks when none are named: every built-in pack and the
    packs of the configuration that applies to ``root``."""
    from copyfix.config import find_config_file, load_settings
    from copyfix.packs import builtin_pack_names

    refs = builtin_pack_names()
    found = find_config_file(root)
    if found:
        settings = load_settings(found)
        refs += [p for p in settings.packs if p not in refs]
        root = settings.root
    return refs, root
