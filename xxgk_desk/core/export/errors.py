"""The one error the exporters raise for people: a Chinese message and a stable code."""

from __future__ import annotations


class ExportError(Exception):
    """An export could not be written. ``message`` says why and what to do (Chinese).

    ``code``: ``format`` (unknown output format), ``no_libreoffice``, ``convert_failed``,
    ``timeout``, ``write`` (the file cannot be written), ``no_notes``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
