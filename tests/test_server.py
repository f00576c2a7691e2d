"""``copyfix server`` end to end: a real LSP client starts the server over stdio and talks to it
as an editor would (initialize, open, change, code actions, hover, shutdown and exit)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound, JsonRpcRequestCancelled

from tests.lsp.session import (
    CRASHING,
    apply_edits,
    capabilities,
    edits_of,
    open_document,
    session,
)

pytestmark = pytest.mark.asyncio

# Slips after an emoji (two UTF-16 units, one code point), after CJK and after a combining mark.
TEXT = (
    "# Notes\n"
    "\n"
    "Hello 😀 world ,this is a test.The end  here.\n"
    "\n"
    "漢字 and more ,text here.\n"
    "\n"
    "Cafe\u0301 is open ,really.\n"
)


def _ranges(diagnostics):
    return sorted(
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    )


def _fix_stdin(text: str, cwd, name: str = "doc.md") -> str:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from copyfix.cli.main import main; main()",
            "fix",
            "--stdin-filename",
            name,
            "-",
        ],
        input=text.encode(),
        capture_output=True,
        cwd=cwd,
        check=False,
    )
    return run.stdout.decode()


async def test_diagnostics_have_exact_utf16_ranges(tmp_path):
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        diagnostics = await client.publication(uri, 1)
    assert _ranges(diagnostics) == [
        # "Hello 😀 world ,": the emoji counts two units, so " ," is at 14..16, not 13..15.
        ("SP001", 2, 14, 2, 16),
        ("SP001", 4, 11, 4, 13),
        ("SP001", 6, 13, 6, 15),
        ("SP002", 2, 30, 2, 31),
        ("SP004", 2, 38, 2, 40),
    ]
    first = next(d for d in diagnostics if d.code == "SP001")
    assert first.source == "copyfix"
    assert first.severity in (types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Error)
    assert "comma" in first.message


async def test_utf8_and_utf32_are_negotiated(tmp_path):
    for encoding, column in (("utf-8", 16), ("utf-32", 13)):
        async with session(tmp_path, caps=capabilities(encodings=[encoding])) as client:
            uri = open_document(client, tmp_path / "doc.md", TEXT)
            diagnostics = await client.publication(uri, 1)
        found = [d for d in diagnostics if d.code == "SP001" and d.range.start.line == 2]
        assert [d.range.start.character for d in found] == [column], encoding


async def test_quickfix_disable_and_fix_all(tmp_path):
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        await client.publication(uri, 1)
        where = types.Range(types.Position(2, 14), types.Position(2, 16))
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=where,
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        titles = [a.title for a in actions]
        quick = next(a for a in actions if a.title.startswith("SP001"))
        fixed = apply_edits(TEXT, edits_of(quick.edit, uri))
        assert "Hello 😀 world, this is" in fixed
        assert "Disable SP001 for this line" in titles
        disable = next(a for a in actions if a.title == "Disable SP001 for this line")
        silenced = apply_edits(TEXT, edits_of(disable.edit, uri))
        assert "<!-- copyfix: disable-next-line SP001 -->\nHello 😀" in silenced

        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
            )
        )
        assert [a.kind for a in actions] == ["source.fixAll.copyfix"]
        fixed_all = apply_edits(TEXT, edits_of(actions[0].edit, uri))

        # The command does the same through workspace/applyEdit.
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="copyfix.applyAutofix", arguments=[uri])
        )
        assert apply_edits(TEXT, edits_of(client.applied[-1], uri)) == fixed_all
    assert fixed_all == _fix_stdin(TEXT, tmp_path)
    assert fixed_all != TEXT


async def test_disable_comment_silences_the_finding(tmp_path):
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        diagnostics = await client.publication(uri, 1)
        assert any(d.code == "SP001" and d.range.start.line == 4 for d in diagnostics)
        comment = "<!-- copyfix: disable-next-line SP001 -->\n"
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(4, 0), types.Position(4, 0)), text=comment
                    )
                ],
            )
        )
        diagnostics = await client.publication(uri, 2)
    assert not any(d.code == "SP001" and d.range.start.line == 5 for d in diagnostics)
    assert not any(d.code == "SU001" for d in diagnostics), _ranges(diagnostics)


async def test_incremental_changes_publish_only_the_newest_version(tmp_path):
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        await client.publication(uri, 1)
        # A burst of edits: fix " ," on line 2 (version 2), add a word to line 4 (version 3),
        # break line 0 (version 4). The first edit after a quiet spell may be checked at once;
        # the middle of a burst never is, and nothing older than the last is published after it.
        edits = (
            (2, (2, 14), (2, 16), ", "),
            (3, (4, 0), (4, 0), "Yes "),
            (4, (0, 7), (0, 7), " ,x"),
        )
        for version, start, end, new in edits:
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[
                        types.TextDocumentContentChangePartial(
                            range=types.Range(types.Position(*start), types.Position(*end)),
                            text=new,
                        )
                    ],
                )
            )
        diagnostics = await client.publication(uri, 4)
        await asyncio.sleep(0.3)
        assert [p.version for p in client.published if p.uri == uri][-1] == 4
        assert not [p for p in client.published if p.version == 3]
        codes = _ranges(diagnostics)
        assert ("SP001", 2, 14, 2, 16) not in codes
        assert any(c[0] == "SP001" and c[1] == 0 for c in codes)
        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 15))
        )
    assert hover is not None and "(SP001)" in hover.contents.value


async def test_pull_diagnostics(tmp_path):
    async with session(tmp_path, caps=capabilities(pull=True)) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
        )
        assert not client.published  # a pulling client is not also pushed to
    assert len(report.items) == 5


async def test_config_error_is_one_message_and_the_last_good_settings_stay(tmp_path):
    config = tmp_path / "copyfix.toml"
    config.write_text('select = ["SP001"]\n', encoding="utf-8")
    async with session(tmp_path, options={"ignore": ["SP002"]}) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        assert {d.code for d in await client.publication(uri, 1)} == {"SP001"}
        config.write_text('select = ["SP001"]\nnot-a-key = 1\n', encoding="utf-8")
        for version in (2, 3):
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(TEXT + "x\n")],
                )
            )
            assert {d.code for d in await client.publication(uri, version)} == {"SP001"}
        errors = [m for m in client.messages if m.type == types.MessageType.Error]
        assert len(errors) == 1 and "not-a-key" in errors[0].message


async def test_a_crashing_rule_is_one_message_and_the_server_stays_up(tmp_path):
    async with session(tmp_path, command=CRASHING) as client:
        uri = open_document(client, tmp_path / "doc.md", "A BOOM here ,there.\n")
        assert await client.publication(uri, 1) == []
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument("BOOM ,again.\n")],
            )
        )
        assert await client.publication(uri, 2) == []
        other = open_document(client, tmp_path / "other.md", "Fine ,here.\n")
        assert [d.code for d in await client.publication(other, 1)] == ["SP001"]
        errors = [m for m in client.messages if m.type == types.MessageType.Error]
        assert len(errors) == 1 and "SP001" in errors[0].message


async def test_unknown_method_is_method_not_found(tmp_path):
    async with session(tmp_path) as client:
        with pytest.raises(JsonRpcMethodNotFound):
            await client.protocol.send_request_async("copyfix/noSuchMethod", {})


async def test_editor_settings_change_and_fix_all_on_save(tmp_path):
    async with session(tmp_path, options={"select": ["SP004"]}) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        assert {d.code for d in await client.publication(uri, 1)} == {"SP004"}
        seen = len(client.published)
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(
                settings={"copyfix": {"select": ["SP001"], "fixAllOnSave": True}}
            )
        )
        assert {d.code for d in await client.republication(uri, seen)} == {"SP001"}
        edits = await client.text_document_will_save_wait_until_async(
            types.WillSaveTextDocumentParams(
                types.TextDocumentIdentifier(uri), types.TextDocumentSaveReason.Manual
            )
        )
    fixed = apply_edits(TEXT, edits)
    assert " ," not in fixed and "end  here" in fixed  # SP001 fixed, SP004 not selected


async def test_a_cancelled_request_is_answered_as_cancelled(tmp_path):
    text = TEXT * 2000  # long enough that the check is still running when the cancel arrives
    async with session(tmp_path, caps=capabilities(pull=True)) as client:
        uri = open_document(client, tmp_path / "doc.md", text)
        params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
        request = asyncio.ensure_future(
            client.protocol.send_request_async(
                types.TEXT_DOCUMENT_DIAGNOSTIC, params, msg_id="slow-1"
            )
        )
        await asyncio.sleep(0.2)  # the check has started
        client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="slow-1"))
        with pytest.raises(JsonRpcRequestCancelled):
            await request
        # The server is still there and answers the next request in full.
        report = await client.text_document_diagnostic_async(params)
        assert len(report.items) >= 5 * 2000


async def test_an_unsafe_fix_says_so_in_its_title_and_fix_all_leaves_it(tmp_path):
    text = "It ended..\n"
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "notes.txt", text, language="plaintext")
        diagnostics = await client.publication(uri, 1)
        assert len(diagnostics) == 1
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 10)),
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
    unsafe = [a for a in actions if a.title.endswith("(unsafe)")]
    assert unsafe and not unsafe[0].is_preferred
    assert apply_edits(text, edits_of(unsafe[0].edit, uri)) == "It ended.\n"
    assert not [a for a in actions if a.kind == "source.fixAll.copyfix"]  # no safe fix to apply


async def test_an_edited_configuration_file_rechecks_open_documents(tmp_path):
    config = tmp_path / "copyfix.toml"
    config.write_text('select = ["SP001"]\n', encoding="utf-8")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT)
        assert {d.code for d in await client.publication(uri, 1)} == {"SP001"}
        config.write_text('select = ["SP004"]\n', encoding="utf-8")
        seen = len(client.published)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        assert {d.code for d in await client.republication(uri, seen)} == {"SP004"}


async def test_incremental_edits_count_only_the_protocols_line_breaks(tmp_path):
    # U+2028 and a form feed are not line breaks for the protocol (str.splitlines says they are).
    text = "A\u2028b.\x0cc.\n\nSecond ,line.\n"
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", text)
        assert _ranges(await client.publication(uri, 1)) == [("SP001", 2, 6, 2, 8)]
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(2, 0), types.Position(2, 0)),
                        text="Third ,x.\n",
                    )
                ],
            )
        )
        diagnostics = await client.publication(uri, 2)
    assert _ranges(diagnostics) == [("SP001", 2, 5, 2, 7), ("SP001", 3, 6, 3, 8)]


async def test_a_document_over_max_file_size_is_not_checked(tmp_path):
    (tmp_path / "copyfix.toml").write_text('max-file-size = "100"\n', encoding="utf-8")
    async with session(tmp_path) as client:
        uri = open_document(client, tmp_path / "doc.md", TEXT * 3)
        assert await client.publication(uri, 1) == []
        small = open_document(client, tmp_path / "small.md", "Fine ,here.\n")
        assert [d.code for d in await client.publication(small, 1)] == ["SP001"]
    warnings = [m for m in client.messages if m.type == types.MessageType.Warning]
    assert len(warnings) == 1 and "max-file-size" in warnings[0].message
