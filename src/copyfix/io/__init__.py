"""Stage 7, files: discovering, decoding and atomically writing files, the result cache, the
(parallel) runner over many files and the git-diff line filter."""
