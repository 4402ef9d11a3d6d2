"""The supported extensions are listed once (loaders.SUPPORTED); every place that names them asks it."""

from __future__ import annotations

import fnmatch

import pytest

from xxgk_desk.core.batch.scanner import is_candidate
from xxgk_desk.core.errors import ReadError
from xxgk_desk.core.loaders import SUPPORTED, file_patterns, kind_of
from xxgk_desk.core.pipeline import kind_from_path


@pytest.mark.parametrize("ext", sorted(SUPPORTED))
def test_every_supported_extension_is_offered_scanned_and_kinded(ext):
    name = f"武汉某大学 2024年度报告{ext}"
    assert any(fnmatch.fnmatch(name, pat) for pat in file_patterns().split()), "the open dialogs' filter"
    assert is_candidate(name)
    assert kind_from_path(name) == kind_of(name) == SUPPORTED[ext]
    assert kind_from_path(name.upper()[: -len(ext)] + ext.upper()) == SUPPORTED[ext]


@pytest.mark.parametrize("name", ["报告.png", "报告.xlsx", "报告"])
def test_other_files_are_none_of_them(name):
    assert kind_from_path(name) is None
    assert not is_candidate(name)
    assert not any(fnmatch.fnmatch(name, pat) for pat in file_patterns().split())
    with pytest.raises(ReadError):
        kind_of(name)
