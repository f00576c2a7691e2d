"""Stage 3, linting: the registry of rules, the engine that runs them over a document and filters
their violations into diagnostics, suppression directives, the fix loop and the ``Linter`` facade.

Imports ``copyfix.model``, ``copyfix.text`` and ``copyfix.rules``, never a later stage.
"""
