"""Stage 1, the text: a file's contents become a ``Document`` (masks, prose blocks) and its shared
analysis (sentences, quotation marks, protected tokens, names, word knowledge).

Imports only ``copyfix.model`` from outside the package.
"""
