"""The model's own small rules (generator/models.py)."""

from __future__ import annotations

from generator.models import Paper


def paper(*authors: str) -> Paper:
    return Paper(id="p", title="T", abstract="", authors=authors)


def test_a_last_author_others_is_shown_as_et_al():
    # BibTeX's "and others": the list is incomplete, and the page must not pass it off
    # as complete.
    assert paper("Thomas Wolf", "Lysandre Debut", "others").byline == "Thomas Wolf, Lysandre Debut et al."


def test_authors_are_otherwise_listed_as_written():
    assert paper("Ada Lovelace", "Alan Turing").byline == "Ada Lovelace, Alan Turing"
    assert paper().byline == ""
    # Only the last author, only lowercase "others" (BibTeX's keyword), and never alone.
    assert paper("others").byline == "others"
    assert paper("others", "Ada Lovelace").byline == "others, Ada Lovelace"
    assert paper("Ada Lovelace", "Others").byline == "Ada Lovelace, Others"
