"""Other languages' stop words, read from lunr-languages' lists as mkdocs-material
ships them (generator/stopwords.py)."""

from __future__ import annotations

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
