"""Undo and redo over the store's operations: each QUndoCommand wraps one stored Change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from xxgk_desk.core.store import Change, StoreError


class StoreCommand(QUndoCommand):
    """A change already written to the store; undo applies its inverse, redo applies it again."""

    def __init__(self, session, change: Change, text: str, refresh: Callable[[Change], None]) -> None:
        super().__init__(text)
        self.session, self.change, self.refresh = session, change, refresh
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:  # the change was made before the command was pushed
            self._done_once = True
            return
        self._run(self.session.redo)

    def undo(self) -> None:
        self._run(self.session.undo)

    def _run(self, op) -> None:
        try:
            op(self.change)
        except StoreError as e:
            self.setObsolete(True)
            raise_later(e)
        self.refresh(self.change)


_pending: list[StoreError] = []


def raise_later(error: StoreError) -> None:
    """Errors inside undo/redo cannot propagate through Qt; the window shows them afterwards."""
    _pending.append(error)


def take_errors() -> list[StoreError]:
    out = list(_pending)
    _pending.clear()
    return out
