"""Package metadata in one place: the version (read by the build and the cache key) and where
bugs are reported (named by every crash message)."""

__version__ = "0.1.0"
REPORT_URL = "https://github.com/copyfix/copyfix/issues"
