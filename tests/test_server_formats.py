"""``copyfix server`` reads each document in the format ``copyfix lint`` would (the ``formats``
globs of its configuration, then the extension, then the editor's language id), and its
"Disable CODE for this line" action writes a comment the format understands."""

from __future__ import annotations

import pytest
from lsprotocol import types

from copyfix import lint_text
from tests.lsp.session import apply_edits, edits_of, open_document, session

pytestmark = pytest.mark.asyncio

MDX = "import { Counter } from './counter.js'\n\n<Counter client:load />\n\nThis is fine ,but not here.\n"
RST = (
    "Title\n=====\n\n"
    "The first line of a paragraph,\nand a slip ,here on the second.\n\n"
    ".. code-block:: python\n\n   x = f(a ,b)\n\n"
    "Another paragraph.\n"
)


async def _disable(client, uri: str, text: str, line: int) -> str:
    """Apply the "Disable SP001 for this line" action for the finding on ``line``."""
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(line, 0), types.Position(line, 80)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    disable = next(a for a in actions if a.title == "Disable SP001 for this line")
    return apply_edits(text, edits_of(disable.edit, uri))


@pytest.mark.parametrize(
    ("name", "text", "line", "comment"),
    [
        ("page.mdx", MDX, 4, "{/* copyfix: disable-next-line SP001 */}\nThis is fine ,but"),
        ("doc.md", "Some text.\n\n> Quoted ,here.\n", 2, "> <!-- copyfix: disable-next-line"),
        ("notes.txt", "Plain ,text.\n", 0, "<!-- copyfix: disable-next-line SP001 -->\nPlain"),
        # reST: a comment inside a paragraph would be its text, so the block is fenced.
        (
            "index.rst",
            RST,
            4,
            (
                "\n\n.. copyfix: disable SP001\n\nThe first line of a paragraph,\n"
                "and a slip ,here on the second.\n\n.. copyfix: enable SP001\n\n.. code-block"
            ),
        ),
    ],
)
async def test_the_disable_action_writes_the_formats_comment(tmp_path, name, text, line, comment):
    path = tmp_path / name
    async with session(tmp_path) as client:
        uri = open_document(client, path, text, language="plaintext")
        diagnostics = await client.publication(uri, 1)
        assert [(d.code, d.range.start.line) for d in diagnostics] == [("SP001", line)]
        silenced = await _disable(client, uri, text, line)
    assert comment in silenced
    # The comment silences the finding and is itself neither unused nor malformed.
    assert lint_text(silenced, path=str(path)) == []


async def test_the_configured_format_of_a_glob_reaches_the_server(tmp_path):
    # Docusaurus keeps MDX in .md files: the configuration says so, and the server agrees.
    (tmp_path / "copyfix.toml").write_text('[formats]\n"docs/**/*.md" = "mdx"\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    text = "Intro.\n\n{/* copyfix: disable-next-line SP001 */}\nThis is fine ,but not here.\n"
    async with session(tmp_path) as client:
        as_mdx = open_document(client, tmp_path / "docs" / "page.md", text)
        elsewhere = open_document(client, tmp_path / "page.md", text)
        assert await client.publication(as_mdx, 1) == []
        # Outside the glob the file is Markdown, where that line is text, not a comment.
        assert [d.code for d in await client.publication(elsewhere, 1)] == ["SP001"]
        silenced = await _disable(client, elsewhere, text, 3)
    assert "<!-- copyfix: disable-next-line SP001 -->\nThis is fine" in silenced
