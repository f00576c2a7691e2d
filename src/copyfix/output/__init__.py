"""Stage 8, output: rendering diagnostics for people and for CI systems, and rendering rule
documentation."""
