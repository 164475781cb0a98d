"""Stop words of other languages than English, for the words offered as keywords.

A list holds French, German or Spanish papers too, whose "les", "der", "und" or "los"
were offered as a keyword of a paper in no topic (topics.own_keywords): its English
stop words are scikit-learn's (terms.no_terms). The lists here are lunr-languages'
(the stop-word filters of lunr.js's languages, from the Snowball project's), as
mkdocs-material ships them for its search (material/templates/assets/javascripts/lunr/
min/lunr.LANG.min.js): the site's own search drops these words in a site of that
language. Read from there, not written out again.

A paper's language is not known, and some of these words are English ones ("face" and
"care" are Romanian's, "man" and "war" German's or Dutch's): a word is a stop word of a
paper only in a language whose stop words the paper writes more than one of, and more
than English ones (`written_stop_words`).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources

# Where mkdocs-material keeps lunr-languages' files, in its package.
_LUNR_MIN = ("templates", "assets", "javascripts", "lunr", "min")
# A language's list, as lunr-languages writes it: one string of words split at spaces.
_FILTER = re.compile(r'generateStopWordFilter\(\s*"([^"]*)"')
# Distinct stop words of one language a paper writes for it to be taken as its language's.
_EVIDENCE = 2


@functools.cache
def stop_words() -> dict[str, frozenset[str]]:
    """Each language's stop words (by lunr-languages' code: "fr", "de"), as the
    installed mkdocs-material ships them; none when it ships none (another version's
    layout), which leaves only the English ones to drop."""
    try:
        folder = resources.files("material").joinpath(*_LUNR_MIN)
        files = [f for f in folder.iterdir() if f.name.startswith("lunr.") and f.name.endswith(".min.js")]
    except (ModuleNotFoundError, OSError):
        return {}
    found: dict[str, frozenset[str]] = {}
    for file in sorted(files, key=lambda f: f.name):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # (one that cannot be read: its language's words stay)
            continue
        words = frozenset(word for found in _FILTER.findall(text) for word in _split(found))
        if words:
            found[file.name.split(".")[1]] = words
    return found


def _split(listed: str) -> list[str]:
    """The words of a list as the JavaScript string writes them: its escapes ("\\t"
    between two Korean words, "\\ufeff") read as JSON reads them, which are JavaScript's."""
    try:
        return json.loads(f'"{listed}"').split()
    except ValueError:  # (an escape JSON lacks: the words between them still count)
        return listed.split()


def written_stop_words(words: Iterable[str], english: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stop words among ``words`` (a paper's, in lower case) of each language that
    they write at least two stop words of, other than the ``english`` ones (dropped
    anyway), and more of them than of those English ones: "les" of a French title with
    "des" or "dans", not "face" and "care" of an English abstract, which writes more
    English stop words than Romanian ones. (Words of one letter tell nothing: "e" of
    "e.g.", "s" of "it's".) An English stop word that is the language's too is no sign
    of English against it: scikit-learn's list has "de" and "un", which a Spanish title
    writes beside its "la" and "para"."""
    written = {word for word in words if len(word) >= 2}
    in_english = written & english
    written -= english
    dropped: set[str] = set()
    for listed in stop_words().values():
        found = listed.intersection(written)
        if len(found) >= _EVIDENCE and len(found) > len(in_english - listed):
            dropped |= found
    return frozenset(dropped)
