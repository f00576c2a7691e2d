"""The protocol methods the server answers, registered on a ``CopyfixServer``."""

from __future__ import annotations

from lsprotocol import types

from copyfix.cli.server import convert
from copyfix.cli.server.app import CopyfixServer, use_protocol_lines
from copyfix.cli.server.checks import Result, fix_all, rule_doc
from copyfix.cli.server.state import EditorOptions
from copyfix.config.loading import CONFIG_NAMES
from copyfix.model import Applicability

_ACTION_KINDS = [
    types.CodeActionKind.QuickFix,
    types.CodeActionKind.SourceFixAll,
    convert.FIX_ALL_KIND,
]


def initialize(ls: CopyfixServer, params: types.InitializeParams) -> None:
    use_protocol_lines(ls.workspace)
    ls.config.update(EditorOptions.parse(params.initialization_options))
    caps = params.capabilities.text_document
    # A client that pulls diagnostics asks for them itself; pushing too would show each twice.
    ls.push = not (caps and caps.diagnostic)


def initialized(ls: CopyfixServer, params: types.InitializedParams) -> None:
    """Ask the client to report changes to configuration files, so open documents are checked
    again with the new settings (where the client can watch files for a server)."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if not (watched and watched.dynamic_registration):
        return
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
    registration = types.Registration(
        id="copyfix-config-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


def did_change_watched_files(ls: CopyfixServer, params: types.DidChangeWatchedFilesParams):
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for change in params.changes):
        ls.recheck_all()


def did_open(ls: CopyfixServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


def did_change(ls: CopyfixServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.config.options.debounce_ms / 1000)


def did_save(ls: CopyfixServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
        ls.recheck_all()


def did_close(ls: CopyfixServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.results.pop(uri, None)
    ls.crashed.discard(uri)
    ls.skipped.discard(uri)
    if ls.push:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


def did_change_configuration(ls: CopyfixServer, params: types.DidChangeConfigurationParams):
    options = EditorOptions.parse(params.settings, base=ls.config.options)
    if options == ls.config.options:
        return
    ls.config.update(options)
    ls.docs_cache.clear()
    ls.recheck_all()


async def pull_diagnostics(ls: CopyfixServer, params: types.DocumentDiagnosticParams):
    result = await ls.current(params.text_document.uri)
    items = [] if result is None else result.diagnostics
    index = None if result is None else result.index
    return types.RelatedFullDocumentDiagnosticReport(
        items=[convert.lsp_diagnostic(index, d) for d in items]
    )


def _wanted(only: list[str] | None, kind: str) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


async def code_actions(ls: CopyfixServer, params: types.CodeActionParams):
    result = await ls.current(params.text_document.uri)
    if result is None or result.crash:
        return []
    only = params.context.only
    actions: list[types.CodeAction] = []
    if _wanted(only, types.CodeActionKind.QuickFix):
        actions += _quick_fixes(ls, result, params.range)
    if _wanted(only, convert.FIX_ALL_KIND) and any(d.fixable for d in result.diagnostics):
        action = await _fix_all_action(ls, result)
        if action is not None:
            actions.append(action)
    return actions


def _in_range(result: Result, lsp_range: types.Range) -> list:
    index = result.index
    start = index.offset(lsp_range.start.line, lsp_range.start.character)
    end = index.offset(lsp_range.end.line, lsp_range.end.character)
    return [d for d in result.diagnostics if d.span.start <= end and start <= d.span.end]


def _quick_fixes(ls: CopyfixServer, result: Result, lsp_range: types.Range):
    uri, version = result.snapshot.uri, result.version
    versioned = ls.versioned_edits()
    actions, disabled = [], set()
    for diagnostic in _in_range(result, lsp_range):
        lsp_diagnostic = convert.lsp_diagnostic(result.index, diagnostic)
        if diagnostic.fixable:
            edits = convert.text_edits(result.index, diagnostic.fix.edits)
            actions.append(
                types.CodeAction(
                    title=convert.fix_title(diagnostic),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diagnostic],
                    edit=convert.workspace_edit(uri, version, edits, versioned),
                    is_preferred=diagnostic.fix.applicability is Applicability.SAFE,
                )
            )
        line = result.index.position(diagnostic.span.start)[0]
        if (diagnostic.code, line) in disabled:
            continue
        disabled.add((diagnostic.code, line))
        edits = convert.disable_edits(result.index, diagnostic, result.kind)
        actions.append(
            types.CodeAction(
                title=f"Disable {diagnostic.code} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic],
                edit=convert.workspace_edit(uri, version, edits, versioned),
            )
        )
    return actions


async def _fixed_edits(ls: CopyfixServer, result: Result) -> list[types.TextEdit] | None:
    import asyncio

    loop = asyncio.get_running_loop()
    fixed = await loop.run_in_executor(ls.executor, fix_all, result)
    if fixed is None:
        return None
    return convert.whole_edit(result.index, fixed)


async def _fix_all_action(ls: CopyfixServer, result: Result) -> types.CodeAction | None:
    edits = await _fixed_edits(ls, result)
    if not edits:
        return None
    return types.CodeAction(
        title="copyfix: fix all",
        kind=convert.FIX_ALL_KIND,
        edit=convert.workspace_edit(
            result.snapshot.uri, result.version, edits, ls.versioned_edits()
        ),
    )


async def will_save_wait_until(ls: CopyfixServer, params: types.WillSaveTextDocumentParams):
    if not ls.config.options.fix_all_on_save:
        return None
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    return await _fixed_edits(ls, result) or None


async def apply_autofix(ls: CopyfixServer, *args) -> None:
    """``copyfix.applyAutofix``: the fix-all edits, applied through ``workspace/applyEdit``.
    The argument is the document's URI, or ``{"uri": ...}``."""
    uri = args[0].get("uri") if args and isinstance(args[0], dict) else (args or [None])[0]
    result = await ls.current(uri) if isinstance(uri, str) else None
    if result is None:
        return
    edits = await _fixed_edits(ls, result)
    if edits:
        edit = convert.workspace_edit(uri, result.version, edits, ls.versioned_edits())
        await ls.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=edit, label="copyfix: fix all")
        )


async def hover(ls: CopyfixServer, params: types.HoverParams):
    result = await ls.current(params.text_document.uri)
    if result is None:
        return None
    where = types.Range(params.position, params.position)
    pages = []
    for code in dict.fromkeys(d.code for d in _in_range(result, where)):
        page = rule_doc(result, code, ls.docs_cache)
        if page:
            pages.append(page)
    if not pages:
        return None
    content = types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(pages))
    return types.Hover(contents=content)


def shutdown(ls: CopyfixServer, *args) -> None:
    for task in ls.pending.values():
        task.cancel()
    ls.pending.clear()
    ls.executor.shutdown(wait=False, cancel_futures=True)


def create_server() -> CopyfixServer:
    ls = CopyfixServer()
    ls.feature(types.INITIALIZE)(initialize)
    ls.feature(types.INITIALIZED)(initialized)
    ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    ls.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    ls.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="copyfix", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )(pull_diagnostics)
    ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=_ACTION_KINDS, resolve_provider=False),
    )(code_actions)
    ls.feature(types.TEXT_DOCUMENT_WILL_SAVE_WAIT_UNTIL)(will_save_wait_until)
    ls.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    ls.feature(types.SHUTDOWN)(shutdown)
    ls.command(convert.APPLY_AUTOFIX)(apply_autofix)
    return ls
