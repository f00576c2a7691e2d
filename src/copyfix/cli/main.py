"""The command line: parse options, build a linter, hand the work to the runner, report."""

from __future__ import annotations

import errno
import os
import sys
import threading

import click

from copyfix.cli.exits import EXIT_CRASH, EXIT_ERROR, EXIT_INTERRUPTED
from copyfix.model import DocumentKind
from copyfix.version import REPORT_URL, __version__

FORMATS = ["full", "concise", "json", "json-lines", "github", "sarif", "junit"]


def _exit(run, *args, **kwargs) -> None:
    """Run a command and exit with its code. Whatever goes wrong around the command itself ends
    in one line on stderr, never a traceback: Ctrl-C exits 130 (click would print "Aborted!" and
    exit 1, which a script reads as "findings"); a deleted working folder or output that cannot
    be written (a full disk, a closed pipe) exits 2; an unexpected error exits 3, like a crash
    in a check."""
    try:
        os.getcwd()
    except OSError:
        click.echo("copyfix: the current folder no longer exists", err=True)
        sys.exit(EXIT_ERROR)
    try:
        code = run(*args, **kwargs)
    except KeyboardInterrupt:
        # The worker pool's own threads may fail while its processes die of the same signal;
        # what they would print says nothing the user does not know.
        threading.excepthook = _quiet
        click.echo("copyfix: interrupted", err=True)
        _leave_now(EXIT_INTERRUPTED)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            code = _internal_error(exc)
        else:
            _silence_stdout()
            if not isinstance(exc, BrokenPipeError):  # a reader that stopped early: no message
                click.echo(f"copyfix: cannot write standard output: {exc.strerror or exc}", err=True)
            code = EXIT_ERROR
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise  # usage errors: click reports them itself, with exit code 2
    except Exception as exc:  # noqa: BLE001 - the last guard: one line instead of a traceback
        code = _internal_error(exc)
    sys.exit(code)


def _leave_now(code: int) -> None:
    """Flush the output and end the process at once, without the interpreter's exit handlers.

    A worker killed while it was writing a result leaves half a message in the pool's result
    pipe; the pool's manager thread then waits for the rest forever, and the interpreter's exit
    joins that thread. Files are written whole (a temporary file, then a rename) before this
    point, so nothing is lost by skipping the handlers."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _quiet(args) -> None:
    """A ``threading.excepthook`` that prints nothing."""


def _internal_error(exc: BaseException) -> int:
    """One line for an error copyfix did not expect (the traceback with COPYFIX_DEBUG=1)."""
    if os.environ.get("COPYFIX_DEBUG") == "1":
        import traceback  # only for this report: it costs start-up time

        traceback.print_exception(exc)
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    click.echo(
        f"copyfix: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
        f"this is a bug in copyfix, please report it at {REPORT_URL} "
        "(COPYFIX_DEBUG=1 shows the traceback)",
        err=True,
    )
    return EXIT_CRASH


# What a write to standard output fails with: a full disk or quota, an I/O error, a closed pipe.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE})


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush of what is still
    buffered does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def selection_options(func):
    options = [
        click.option("--select", multiple=True, help="Rules to enable: codes, names or prefixes."),
        click.option("--extend-select", multiple=True, help="Rules to enable on top of the rest."),
        click.option("--ignore", multiple=True, help="Rules to disable: codes, names or prefixes."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Use this configuration file instead of discovering one."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--stdin-filename", help="The name of the text read from '-' (sets its format)."),
        click.option("--format-type", type=click.Choice([k.value for k in DocumentKind]),
                     help="Treat every input as this format, whatever its extension."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the result cache."),
        click.option("-j", "--jobs", type=int, default=0,
                     help="Worker processes (default: one per core)."),
        click.option("--max-file-size", metavar="SIZE",
                     help='Refuse larger files: bytes, or "50MB", "512KiB" (default: 50MB).'),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copyfix")
def main() -> None:
    """copyfix: find and fix copy-editing defects in plain text, Markdown, MDX and
    reStructuredText."""


@main.command()
@click.argument("paths", nargs=-1)
@selection_options
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMATS),
              default=None, help="Output format (default: full).")
@click.option("--statistics", is_flag=True, help="Count findings by rule.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit code 1.")
@click.option("--diff-base", metavar="REF", help="Only report lines changed since this git ref.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour the report (auto: on a terminal, unless NO_COLOR is set).")
@click.option("-v", "--verbose", is_flag=True,
              help="List each file checked and the format it was read as (on stderr).")
def lint(paths, output_format, statistics, output_file, exit_zero, fail_on, diff_base, color,
         verbose, **opts):
    """Report problems in PATHS (default: the current folder; '-' reads stdin)."""
    from copyfix.cli.lint import run_lint

    _exit(
        run_lint,
        list(paths) or ["."],
        opts,
        output_format=output_format,
        statistics=statistics,
        output_file=output_file,
        exit_zero=exit_zero,
        fail_on=fail_on,
        diff_base=diff_base,
        color=color,
        verbose=verbose,
    )


@main.command()
@click.argument("paths", nargs=-1)
@selection_options
@click.option("--diff", "show_diff", is_flag=True, help="Print a diff of the fixes; write nothing.")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
              help="Also apply fixes marked unsafe.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              help="Colour the report (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 when problems remain (errors still exit 2).")
@click.option("--quiet", is_flag=True,
              help="Print only the summary line, not the problems that remain.")
@click.option("-v", "--verbose", is_flag=True,
              help="List each file checked and the format it was read as (on stderr).")
def fix(paths, show_diff, unsafe_fixes, color, exit_zero, quiet, verbose, **opts):
    """Fix problems in PATHS in place ('-' reads stdin and writes the fixed text to stdout)."""
    from copyfix.cli.fix import run_fix

    _exit(run_fix, list(paths) or ["."], opts, show_diff=show_diff, unsafe=unsafe_fixes,
          color=color, exit_zero=exit_zero, quiet=quiet, verbose=verbose)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def list_rules(output_format, config_path):
    """List every rule: code, name, fix availability and summary."""
    from copyfix.cli.info import run_rules

    _exit(run_rules, output_format, config_path)


@main.command("rule")
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def show_rule(rule, config_path):
    """Print a rule's documentation and examples."""
    from copyfix.cli.info import run_rule

    _exit(run_rule, rule, config_path)


@main.command("config")
@click.argument("path", default=".")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--isolated", is_flag=True)
@click.option("--keys", is_flag=True,
              help="List every configuration key with its type, default and meaning instead.")
def show_config(path, config_path, isolated, keys):
    """Print the settings in effect for PATH."""
    from copyfix.cli.info import run_config, run_config_keys

    if keys:
        _exit(run_config_keys)
    _exit(run_config, path, config_path, isolated)


@main.command("test-rules")
@click.argument("packs", nargs=-1)
def test_rules(packs):
    """Run the inline tests of rule packs (default: built-in packs and those in config)."""
    from copyfix.cli.info import run_test_rules

    _exit(run_test_rules, list(packs))


@main.command("server")
def server():
    """Run the language server over stdin and stdout, for an editor (LSP).

    Diagnostics, quick fixes, fix-all, "disable for this line" and rule documentation on hover,
    with the settings `copyfix lint` uses for each file. Needs the `server` extra:
    pip install 'copyfix[server]'.
    """
    from copyfix.cli.serve import run_server

    _exit(run_server)


# `copyfix corpus lint|fix`: datasets on Dask (its heavy imports happen inside the commands).
from copyfix.cli.corpus import corpus_group  # noqa: E402

main.add_command(corpus_group(_exit))


if __name__ == "__main__":  # pragma: no cover
    main()


