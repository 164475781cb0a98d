"""Tables of words readinglist ships, one word a line, read once a process: answers
lemminflect's dictionary gives, without loading it (0.3 s of CPU, numpy with it) where a
command that reads no abstract into a search index would load it for a few words.
`python -m generator.lemmas` writes them from the dictionary; tests say when one is no
longer its answer."""

from __future__ import annotations

import functools
from importlib import resources

# lemminflect's dictionary's words of small letters alone (lemmas.dictionary_words):
# names.read_as_organisation asks whether each word of an author's name is one, and
# lemminflect loaded for it made `check`, and a build in a new process that reads a
# paper file with authors again (after an edit of its notes), import what they had not
# needed. The list, 570 KB, is read in 13 ms. (Package data, found as commands/init.py
# finds example-list.txt: where the install put it.)
DICTIONARY_TABLE = resources.files("generator") / "data" / "dictionary-words.txt"


def in_dictionary(word: str) -> bool:
    """Whether lemminflect's dictionary has ``word``, of small letters ("hugging",
    "face"), in some form, as its getAllLemmas finds it: without the forms its rules
    make of a word it does not list (lemmas.known_word)."""
    return word in _dictionary_table()


@functools.lru_cache(maxsize=1)
def _dictionary_table() -> frozenset[str]:
    return shipped_words(DICTIONARY_TABLE, "list of the dictionary's words, which `check` asks of authors' names")


def shipped_words(table: object, what: str) -> frozenset[str]:
    """The words of one of readinglist's tables, one a line; ``what``: what it is, said if
    it is missing."""
    try:
        text = table.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    except FileNotFoundError as exc:
        # readinglist's own file, none of the curator's: an install that lost it. (An
        # OSError, which the command line says in a line, file named, as any other.)
        raise FileNotFoundError(
            exc.errno, f"missing: readinglist's {what}; install readinglist again", str(table)
        ) from exc
    # (Split at line ends alone: a few of the dictionary's words hold a space, "under go".)
    return frozenset(text.split("\n")) - {""}
