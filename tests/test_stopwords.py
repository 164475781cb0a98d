"""Other languages' stop words, read from lunr-languages' lists as mkdocs-material
ships them (generator/stopwords.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.stopwords import stop_words, written_stop_words


def test_the_lists_are_read_from_the_installed_mkdocs_material():
    # (A Material that moved or rewrote the files would leave none: the hint for a paper
    # in no topic would offer "les" and "und" again, with nothing to say why.)
    found = stop_words()
    assert {"da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "sv"} <= found.keys()
    assert {"la", "les", "des", "dans", "et"} <= found["fr"]
    assert {"der", "die", "das", "und", "ein"} <= found["de"]
    assert {"los", "las", "el", "para"} <= found["es"]
    # Words, not pieces of the script around them.
    assert not [word for words in found.values() for word in words if set(word) & set('"\\(),;=')]


def test_a_language_s_stop_words_are_dropped_where_the_paper_writes_two_of_them():
    assert written_stop_words("la détection des objets dans les images".split()) == {"la", "des", "dans", "les"}
    # One alone is no sign of the language: "die" of "die casting" (a Dutch word with
    # English "of" of Dutch's too, which is an English stop word, and dropped as that).
    assert written_stop_words("die casting of aluminium".split(), frozenset({"of"})) == frozenset()
    assert written_stop_words("die casting of aluminium".split()) == {"die", "of"}


def test_a_paper_that_writes_more_english_stop_words_keeps_another_language_s():
    english = frozenset({"the", "and", "of", "in"})
    words = "face recognition in health care the and of".split()
    assert written_stop_words(words, english) == frozenset()  # (face, care: Romanian's)
    assert written_stop_words(["face", "care", "in"], english) == {"face", "care"}  # (a title alone, said)


def test_an_english_stop_word_that_is_the_language_s_too_is_no_sign_of_english():
    # "un" and "de" are scikit-learn's English stop words and Spanish ones: a Spanish
    # title writing them with "la" and "para" writes no stop word of English alone.
    english = frozenset({"un", "de", "the", "of"})
    title = "un estudio de la traducción para lenguas de américa".split()
    assert written_stop_words(title, english) == {"la", "para"}
    # One English stop word of its own ("the") is still outnumbered by the two Spanish.
    assert written_stop_words([*title, "the"], english) == {"la", "para"}
    assert written_stop_words([*title, "the", "of"], english) == frozenset()


@pytest.fixture
def material_at(monkeypatch):
    """stop_words() reading a stand-in for mkdocs-material's package at the folder given."""
    from generator import stopwords

    def at(folder: Path) -> None:
        monkeypatch.setattr(stopwords.resources, "files", lambda package: folder)
        stop_words.cache_clear()

    yield at
    stop_words.cache_clear()  # (the installed Material's again, for the other tests)


def test_without_the_lists_only_english_stop_words_are_dropped(tmp_path, material_at):
    # (another Material's layout, or an install stripped of its search's languages)
    material_at(tmp_path / "material")
    assert stop_words() == {}
    assert written_stop_words("la détection des objets dans les images".split()) == frozenset()


def test_a_list_that_cannot_be_read_is_left_out_and_the_others_are_read(tmp_path, material_at):
    # (one file not UTF-8, or a folder of that name, stopped every hint with a traceback)
    folder = tmp_path.joinpath("material", "templates", "assets", "javascripts", "lunr", "min")
    folder.mkdir(parents=True)
    (folder / "lunr.fr.min.js").write_text('x.generateStopWordFilter("les des dans".split(" "))', encoding="utf-8")
    (folder / "lunr.xx.min.js").write_bytes(b'x.generateStopWordFilter("\xff\xfe")')
    (folder / "lunr.yy.min.js").mkdir()
    material_at(tmp_path / "material")
    assert stop_words() == {"fr": frozenset({"les", "des", "dans"})}
