"""Stage 1, the text: a file's contents become a ``Document`` (masks, prose blocks) and its shared
analysis (sentences, quotation marks, protected tokens, names, word knowledge).

Imports only ``copyfix.model`` from outside the package.
"""

from __future__ import annotations


def clear_memos() -> None:
    """Empty the per-process memos of the text stage: word lookups (``copyfix.text.words``),
    plain-text paragraph judgements (``copyfix.text.plaintext``) and protected tokens
    (``copyfix.text.protected``). They only save work on text
    seen before; a benchmark that times the same document several times clears them before
    each run, so that every run is timed as the first."""
    from copyfix.text import plaintext, protected, words

    for memo in (words.is_english_word, words.is_english_token, words.count):
        memo.cache_clear()
    plaintext._paragraph_spans.cache_clear()
    protected._unit_tokens.cache_clear()
