"""Errors the core raises for bad input: each carries a one-line Chinese message for people."""

from __future__ import annotations


class XxgkError(Exception):
    """Base of the errors meant for people: ``message`` is one Chinese line saying what is wrong and
    what to do, ``code`` a stable machine-readable reason."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # pickles with both arguments (errors cross into the window from a child)
        return (type(self), (self.code, self.message))


class ReadError(XxgkError):
    """A file could not be read (``code``: ``missing``, ``empty``, ``encrypted``…)."""


class Cancelled(Exception):
    """Raised by a progress callback to stop a long load (the window's cancel button).

    ``loaders.load`` and ``pipeline.read``/``check`` let it through unchanged (any other
    exception a progress callback raises goes through unchanged too); nothing is kept open.
    """


def one_line(text: str) -> str:
    """Squash a message to one line for the terminal and the JSON ``error`` key."""
    return " ".join(str(text).split())
