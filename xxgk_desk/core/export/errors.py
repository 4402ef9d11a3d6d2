"""The one error the exporters raise for people: a Chinese message and a stable code."""

from __future__ import annotations

from xxgk_desk.core.errors import XxgkError


class ExportError(XxgkError):
    """An export could not be written. ``message`` says why and what to do (Chinese).

    ``code``: ``format`` (unknown output format), ``no_libreoffice``, ``convert_failed``,
    ``timeout``, ``write`` (the file cannot be written), ``no_notes``.
    """
