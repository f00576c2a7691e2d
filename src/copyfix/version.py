"""The version of copyfix, in one place for the package metadata and the cache key."""

__version__ = "0.1.0"
