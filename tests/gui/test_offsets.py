"""Code points ↔ UTF-16 at the Qt boundary, with astral CJK characters (Extension B) and emoji."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xxgk_desk.gui.offsets import OffsetMap


def utf16_position(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_astral_ideograph_shifts_later_positions():
    text = "信息𠀀公开"
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(6)] == [0, 1, 2, 4, 5, 6]
    assert m.from_qt(3) == 2  # inside the surrogate pair: the character itself
    assert m.from_qt(4) == 3


def test_plain_text_is_identity():
    m = OffsetMap("高校信息公开工作年度报告")
    assert m.identity and m.to_qt(7) == 7 and m.from_qt(7) == 7


@given(st.lists(st.sampled_from(["中", "a", "𠀀", "𪚥", "😀", "\n", "　"]), max_size=40))
def test_round_trip_matches_utf16_encoding(chars):
    text = "".join(chars)
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        q = utf16_position(text, cp)
        assert m.to_qt(cp) == q
        assert m.from_qt(q) == cp
