"""Search: what goes into the site's search index, and the same search outside the browser.

Material's search plugin indexes every page section by section, which for a paper page
means its badges' labels, its BibTeX, its related papers and its previous/next links.
`shape_index` replaces a paper page's entries by ONE entry built from the model: the
title, the topics (as the `tags` field) and, in the text, the authors, venue and year,
the abstract and the code repositories' names (and datasets' and models'); its arXiv id, DOI, links
(`link_form`: a URL typed finds the paper it links first), tags, reading status and notes are
searched without being shown, as are its authors' names that are stop words ("He":
`name_forms`); and so are the acronyms other papers define for a long form
it spells out ("rlhf" where it writes "reinforcement learning from human feedback" and
never "RLHF": generator/acronyms.py) and the base forms of its words ("merge" for
"merging"; lemmas.py, which also puts in the index the map of other forms the search box
adds to a query: "pruned" looks for "prune" too). Other pages keep Material's entries; a
topic page's own entry also gets its name as its tags, its title's other spellings, its
id's words (its short name), its former ids' words (`formerly:`) and a document boost
(`topic_entry`), so that a topic's name, or its id's words, find its page first.

The search box refines a query before Material's worker sees it (`refine_query`, and
overrides/assets/readinglist.js for the browser): lunr's stop words are dropped, words
are split where the index splits them, and each word W becomes ``W W^3``, which
Material turns into ``W* W^3``: its usual prefix match plus a bonus for the exact word (a
half of a hyphenated word ranked whole is ``W^3`` alone: `_refine`; a page found by
its halves alone is left out, one that writes it with spaces is not: `with_spaced`,
`by_spaced`). Without this, pasting a title found the wrong paper or nothing:
Material appends ``*`` to every word, so "a" or "on" matched every word starting with
those letters, a word before a colon was taken as a field name ("Name: subtitle";
after a hyphenated word the query was rejected), and a rare word sharing a prefix with a query word ("TaskWeb" for "task")
outweighed the exact word; in a title it outweighed it still, and a word the index has
also gets a bonus in the title alone (``title:W^20``: TITLE_BONUS). Each paper's entry
also gets a document boost of
``(mean title length / its title length) ** 0.25``: Material turns off lunr's length
normalisation (``b(0)``), so without it a long title repeating the query's words
outranked the short title that was the query. Last, the results that find more of the
query's words (literally or through another form) come first, in lunr's order otherwise
(`rank_by_words`; readinglist.js reorders the worker's results alike; before all, a page
whose title's words are the query's): a word found only
through its base form weighs too little to outrank, by score alone, the papers that
write one other query word; and among them a title that holds more of the query's
words comes first, and a title that writes a query's word before one that has it only
inside a longer word (`longer_in_title`). A typed word of letters that no word of the index begins
with, nor any other form of it, is a slip of the keys ("instrucion tuning" found only
"tuning", each result saying "Missing: instrucion"): it becomes lunr's fuzzy term
``W~1`` (``W~2`` from 10 letters: FUZZY_LONG), and the index's words it finds count for
it in `rank_by_words` and in the result's "Missing:"; a hyphenated word with such a
slip in a half is read as the one hyphenated word of the index its halves' near words
make ("mutli-task" as "multi-task": `corrected_compound`). Whether a word matches, and what
its fuzzy term finds, the browser reads from the index's ``vocabulary`` (its config:
every word lunr indexes, sorted; `Vocabulary`, 17 B per paper of the synthetic list at
10,000 papers). A word the index has gets no fuzzy term: its ranking is as before.
A word marked "+" is refined as any other, and a page must find it as unmarked (by any
of its terms: `rank_by_words`; lunr's own "+" would require one term, and an entry, not
a page, to have it: Material's sections of a page without the word were left out), and
one that no word of the index begins finds nothing, lunr not asked (`Refined.nothing`;
in the browser the worker leaves out the pages without such a word before Material
shapes its results, workers/readinglist-search.js); one marked "-" leaves out the pages with the word itself (`_presence`); a query of such
words alone finds nothing (`excluding_only`: lunr listed every page without them).

`MaterialSearch` answers queries over a built `search_index.json` the way Material's
search worker does (read from material/templates/assets/javascripts/workers/search.*.js
.map, mkdocs-material 9.8): the same fields and boosts (from the index's own config),
`b(0)`, the pipeline the config names, the separator-based tokenizer that skips markup,
the query transformation that appends `*` to every plain term, and the post-query boost
`score * (1 + boost**2)` with `boost = (1 if the entry is a page, not a section)
+ (share of query terms found)`. lunr.py is a port of lunr.js 2.3, the version Material
bundles. Known differences: lunr.py rounds field scores half-to-even where lunr.js rounds
half-up (at the third decimal); lunr.js counts a fuzzy term's edits in UTF-16 code units
and lunr.py in characters (they differ for a character beyond U+FFFF); a required term missing from the index empties the
result in lunr.js but not in lunr.py (`MaterialSearch` answers nothing then, as lunr.js); a double wildcard ("W**", which Material makes of
a typed "W*") expands alike in both, and the worker counts its term "W*" found by no word
(`_clause_terms`: cut to "W", a page with a word beginning "W" ranked higher); Chinese segmentation and `lunr-languages` are not
replicated. tests/browser compares this replica with the real worker on real queries.
"""

from __future__ import annotations

import bisect
import collections
import functools
import html
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from lunr.builder import Builder
from lunr.exceptions import QueryParseError
from lunr.query_lexer import QueryLexer
from lunr.stemmer import stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from . import acronyms, badges, lemmas
from .escape import abstract_html
from .links import arxiv_id, doi_from_url, normalize_arxiv
from .models import Paper, Site

INDEX_PATH = Path("search") / "search_index.json"

# The separator the site's search uses (mkdocs.yml: plugins.search.separator): white
# space, hyphens and punctuation, a full stop unless a digit follows (keeps "3.5"), and
# the HTML entities the index text holds (&#x27; in a page title, which the theme gets
# escaped with its quotes: render.meta_string; &#34; &#39; &#96; &#126; in an abstract,
# escaped by escape.abstract_html). An entity the separator missed was cut in two by
# Material's highlight: "standard" showed as `"standard";` in a result, the ";" left
# over. Written in the common subset of JavaScript's
# and Python's regular expressions, since both the browser and MaterialSearch use it.
# The asterisk is not a separator: the refined query's "W*" must reach lunr whole.
# A literal asterisk in a title or abstract is written as the entity &#42; (see _escape).
# White space is spelt out as JavaScript's \s (Python's \s also takes \x1c-\x1f and not
# \ufeff), and digits as [0-9] (Python's \d takes every script's digits), so that the
# browser and Python split alike.
SPACE = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
SEPARATOR = rf"""[{SPACE}\-,:;!?=\[\]()"'`/|{{}}<>+~^]+|\.(?![0-9])|&(?:lt|gt|amp|quot|#34|#39|#42|#96|#126|#x27);"""

# Field boosts. Material's defaults (title 1000, tags 1e6) let one title or topic word
# outweigh everything else; these keep the title and topics ahead of the abstract
# without drowning it (tests/test_search.py checks the ranking of every shipped paper).
FIELDS = {
    "title": {"boost": 10.0}, "text": {"boost": 1.0}, "tags": {"boost": 4.0},
    # The other spellings (below) of the title's words weigh almost as the title: else a
    # paper titled "Multitask ..." outranked "Multi-Task ..." for the query "multi-task";
    # at 10, "prompt*" matching "promptbased" outranked an exact title (tests/test_search.py).
    "title_variants": {"boost": 6.0}, "variants": {"boost": 1.0},
    # The base forms of the entry's words (lemmas.py): below the words as written.
    **lemmas.FIELDS,
}

# Words a reader may type for what a paper writes otherwise: the joined form of a
# hyphenated word ("multitask", "gpt4": the separator splits "multi-task" in two, so the
# paper has no word "multitask"), and a word without its accents ("tulu" for "Tülu").
# They go, with the curator's tags and notes, in a field of the paper's entry that
# Material searches and never shows. `refine_query` adds the same forms to a query.
# (Python's \w is JavaScript's [\p{L}\p{N}_], and a category "M*" character its \p{M}:
# overrides/assets/readinglist.js has the same two rules.)
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_WORD = re.compile(r"\w+")


# Latin letters that NFKD leaves whole, and how English writes them: authors' names
# ("Łukasz", "Ørsted", "Straße") are typed without them. readinglist.js has the same.
LETTERS = {
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "Þ": "Th", "þ": "th", "ı": "i",
}
_LETTERS = str.maketrans(LETTERS)


def fold(word: str) -> str:
    """The word without accents: decomposed (NFKD), marks dropped, and the letters
    NFKD leaves whole written as English writes them."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", word) if not unicodedata.category(c).startswith("M")
    ).translate(_LETTERS)


def variants(text: str) -> list[str]:
    """The other spellings of ``text``'s words a reader may type (see above), sorted."""
    joined = {word.replace("-", "") for word in _HYPHENATED.findall(text)}
    words = set(joined)
    words.update(
        folded for word in _WORD.findall(text) + sorted(joined)
        if not word.isascii() and (folded := fold(word)) != word
    )
    return sorted(word for word in words if word)


def initialisms(text: str) -> list[str]:
    """The initials of ``text``'s compounds of three words or more, lower-cased:
    "Mixture-of-Experts" is also "moe", "Chain-of-Thought" "cot", "Out-of-distribution"
    "ood". A reader types the initialism the field writes for such a compound, and a
    title that spells it out had no such word (the abstract may not say it either).
    Only compounds written with hyphens: they name one thing."""
    return sorted({
        "".join(part[0] for part in parts).lower()
        for compound in _HYPHENATED.findall(text)
        if len(parts := compound.split("-")) >= 3 and all(part.isalpha() for part in parts)
    })


def case_parts(text: str) -> list[str]:
    """The parts of ``text``'s words that change case inside, where they change:
    "GraspGPT" is also "Grasp" and "GPT", "MFTCoder" "MFT" and "Coder", "DeepSeek"
    "Deep" and "Seek". A reader searches a name by the part they know ("gpt"), and
    lunr finds a word only from its start. Not before a plural's "s" ("LLMs" has no
    part "Ms"), nor at a digit ("GPT4" is a hyphenless "GPT-4", in `variants`). The
    table filter (overrides/assets/table-filter.js) parts words by the same rule."""
    found: list[str] = []
    for word in _WORD.findall(text):
        start = 0
        for at in range(1, len(word)):
            before, here = word[at - 1], word[at]
            if (before.islower() and here.isupper()) or (
                # "MFTCoder": the last capital of a run starts a word of two or more
                # small letters ("Coder"), not a plural's "s" ("LLMs").
                before.isupper() and here.isupper()
                and word[at + 1:at + 3].isalpha() and word[at + 1:at + 3].islower()
                and len(word[at + 1:at + 3]) == 2
            ):
                found.append(word[start:at])
                start = at
        if start:
            found.append(word[start:])
    return found


# A title written with TeX, as a .bib file writes one ("Learning \\alpha-divergences",
# "G\\"odel", "An $O(n)$ bound"), shows as typed (paperdrafts warns of it), and its words
# in the index were the TeX's: "\\alpha", "g\\" and "odel", "$o" (a backslash and a dollar
# are no separators). A reader types what it reads as ("α", "Gödel", "godel", "O(n)")
# and, for a Greek letter, its name ("alpha": how one says it, and what the page shows
# after the backslash), and found nothing. Those words are the title's too, hidden
# (`paper_entry`), the index's separator unchanged: a backslash or a dollar in an
# abstract is the authors' math, kept as typed.
_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)")


def tex_words(title: str) -> list[str]:
    """The words ``title`` reads as, as TeX (latex.plain_for_matching: accents, emphasis,
    braces and math read; a control word outside math as the letters it prints,
    latex.macro_letters), and their other spellings (`variants`), that its words as
    written are not; and the name of each Greek letter it writes as a control word
    ("alpha" for ``\\alpha`` and ``$\\alpha$``). [] for a title without a backslash or a
    dollar (braces alone, "{BERT}", are separators already)."""
    if "\\" not in title and "$" not in title:
        return []
    from . import latex  # (imported late: pylatexenc, for such a title only)

    names = [
        name.lower() for name in _CONTROL_WORD.findall(title)
        if len(letter := latex.macro_letters(name)) == 1 and "GREEK" in unicodedata.name(letter, "")
    ]
    read = _CONTROL_WORD.sub(
        lambda control: latex.macro_letters(control.group(1)) or control.group(), latex.plain_for_matching(title))
    written = set(_field_words(_escape(title))) | set(variants(title))
    words = [*_field_words(_escape(read)), *variants(read), *names]
    # (Not a symbol's: "√" of "$\\sqrt{T}$" is no word a reader types.)
    return [word for word in dict.fromkeys(words) if word.lower() not in written and _WORD.search(word)]


# Such a title's words as read are in a field no result shows: where "alpha", "α" or
# "Gödel" found it, the result marked nothing in its title, as Material marks the words
# its terms matched (its token "\\alpha" is no word "alpha"; nor did the title pasted,
# whose "\\alpha" is lunr's term "alpha"). The entry holds each piece of the title
# written in TeX, a math span or a word with a command in it ("$O(n)$", "\\alpha",
# 'G\\"odel'), as written, with the words it is read as or written with (`tex_pieces`):
# readinglist.js marks a piece in a result's title where one of them is a word of the
# query. (No field lunr searches, and only such titles have it: no other entry grows.)
TEX_KEY = "tex"
_TEX_PIECE = re.compile(r"\$[^$]+\$|\w*(?:\\(?:[A-Za-z]+|[^\sA-Za-z0-9])(?:\{\w*\})?\w*)+")


def tex_pieces(title: str) -> list[list[str]]:
    """Each piece of ``title`` written in TeX, once: the piece as written, then its words
    (lower-cased, no stop word): those its text writes, backslashes dropped as a query
    drops them ("alpha", "odel"), and those it reads as (`tex_words`: "α", "gödel",
    "godel"). [] for a title without a backslash or a dollar."""
    if "\\" not in title and "$" not in title:
        return []
    pieces: dict[str, list[str]] = {}
    for piece in _TEX_PIECE.findall(title):
        words = [*_field_words(_escape(piece.replace("\\", ""))), *(word.lower() for word in tex_words(piece))]
        words = [word for word in dict.fromkeys(words) if word not in STOP_WORDS]
        if words and piece not in pieces:
            pieces[piece] = words
    return [[piece, *words] for piece, words in pieces.items()]


# An author's name that is one of lunr's stop words ("Kaiming He", "Sang An", "Minh Do")
# is dropped from the index as "he" is from a sentence: no search found the papers of
# such an author, and the search box said '"he" is too common to search'. The entry holds
# each such word of its authors' names also as NAME_MARK and the word ("_he"), which no
# stop word filter drops; a query's stop word that is such a name in the index is looked
# for in that form too (`_refine`). (The mark begins no word of text, nor a typed word:
# as `spaced_forms`' halves joined by "_", it finds only what it was made for.)
NAME_MARK = "_"


def name_forms(names: Iterable[str]) -> list[str]:
    """The stop words among the words of ``names`` (and of their spellings without
    accents: "Đỗ" is "Do"), each after NAME_MARK, in the order the names write them.
    Not a lone letter: an initial ("A. Smith") is no name a reader searches by, and
    "a" would then find every author with that initial."""
    forms: dict[str, None] = {}
    for name in names:
        for word in _field_words(_escape(name)):
            for form in (word, *_field_words(_escape(fold(word).lower()))):
                if len(form) > 1 and form in STOP_WORDS:
                    forms[NAME_MARK + form] = None
    return list(forms)


# A word written with a symbol the separator splits at, "C++", "R^2", "A/B", "TD(λ)",
# "RL+LLM", is its pieces in the index ("c"; "r" and "2"), and a reader who typed it found
# first the pages that write "C", "computer" or "2" anywhere: no page's words told the
# written form from its pieces. An entry holds each such form it writes as one word too,
# WRITTEN_MARK and the form lower-cased, each character other than an ASCII letter or
# digit written "_x", its code point in hex, and "_" (`written_term`: "C++" is
# "_w_c_x2b__x2b_"), which the separator leaves whole; a typed word that is such a word
# of the index looks for it (`_refine`), and the pages that write it come before those
# that have its pieces alone (`by_pieces`). (No link's form nor DOI's begins so: theirs
# begin with "__"; a hyphenated word written with spaces, `spaced_forms`, has no "_x"
# and "_" run, a stop word that is a name, `name_forms`, none of "_".) A "#" is no
# separator: "F#" and "C#" are words already.
WRITTEN_MARK = "_w_"
_WRITTEN_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# (A run of word characters with "+", "#", "^" or "/" inside or "+" or "#" after, or a
# bracketed word after: not begun inside an address's or another such word, "x.com/a",
# nor ended before more of one.)
# An "&" between two words ("Q&A", "R&D", "AT&T") too: the index splits its escaped
# "&amp;", and the piece after it was a stop word ("a") or a letter alone, so that
# "Q&A", quoted or not, found nothing (lunr indexes no "a": "q" and "a" both required).
_WRITTEN = re.compile(r"(?<![\w./:@#^&+-])\w+(?:[+#]+\w*|[\^/&]\w+|\(\w+\))+(?![\w/^(&+#])")


def written_term(word: str) -> str:
    """The word of the index that a page writing ``word`` (a form such as "C++") holds,
    and that ``word`` typed looks for (readinglist.js's writtenTerm)."""
    return WRITTEN_MARK + "".join(
        c if c in _WRITTEN_PLAIN else f"_x{ord(c):x}_" for c in unicodedata.normalize("NFC", word.lower()))


def written_forms(*texts: str) -> list[str]:
    """The terms (`written_term`) of the forms ``texts`` write that the index's separator
    splits ("C++", "R^2", "A/B", not "F#"), each once, in the order written."""
    # (Read in the pieces between white space that hold such a symbol, as
    # `_hyphenated_in` reads: a form holds no white space, and trying the pattern at
    # every character of the 10,000 synthetic papers' texts took 1.1 s of CPU, a tenth
    # of shape_index; so, 0.4 s.)
    pieces = " ".join(
        piece for text in texts if _WRITTEN_SYMBOL.search(text) for piece in text.split() if _WRITTEN_SYMBOL.search(piece))
    # (The form escaped as the index's text is: "&" alone is no separator, "&amp;" is.)
    return list(dict.fromkeys(written_term(form) for form in _WRITTEN.findall(pieces) if _SEPARATOR.search(_escape(form))))


_WRITTEN_SYMBOL = re.compile(r"[+#^/(&]")

# What a sentence puts round a form a reader copies from it: "C++," "(C++)" "R^2.". (A
# form's own closing bracket, "TD(λ)", is tried first: the form as typed, then shorter.)
# (Not a double quote: that is the query's syntax, Material's phrase, each of whose words
# is required; taken off, '"C++ kernels"' listed the page without "kernels" as lacking
# nothing.)
_WRITTEN_OPEN = re.compile(r"""^[(\[{<'`]+""")
_WRITTEN_CLOSE = frozenset(""".,;:!?)]}>'`""")


def written_form(word: str, vocabulary: Vocabulary | None) -> str:
    """The form a page writes (`written_term`: the index has its term) that a typed
    ``word`` is, with a sentence's punctuation round it or not, else "": "C++," found
    the pages with "C", each piece a word of its own, not what "C++" finds.
    readinglist.js's writtenForm."""
    if vocabulary is None:
        return ""
    for form in dict.fromkeys((word, _WRITTEN_OPEN.sub("", word, count=1))):
        while form:
            if vocabulary.has(written_term(form)):
                return form
            if form[-1] not in _WRITTEN_CLOSE:
                break
            form = form[:-1]
    return ""


# A paper's links (its code, data, project page...) are each one word of its entry too:
# LINK_MARK and the URL's runs of letters and digits, lower-cased, joined by "_" within a
# part of its path and by LINK_STEP ("__") between its parts (its "/", "?", "#" or "&":
# `_LINK_CUT`), without its scheme, "www." and a trailing "/" or ".git"
# ("__github_com__kaiminghe__deep_residual_networks"). (Joined by "_" alone, an owner
# typed, "github.com/sled", began the link of another, "github.com/sled-group/x".)
# A query that is a URL or a host and path ("github.com/KaimingHe") was its pieces: the
# pages with "github" in their text, and "com*" found "computer", ranked 7th the paper
# whose code it is. Typed so, it is looked for as such a word's start (`_refine`). (Two
# underscores: a hyphenated word written with spaces begins with one, `spaced_forms`.)
LINK_MARK = "__"
LINK_STEP = "__"
_LINK_PART = re.compile(r"[a-z0-9]+")
_LINK_PARTS = re.compile(r"[/?#&]+")
_LINK_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?")
_LINK_END = re.compile(r"(?:\.git)?[/?#]*$")


def link_form(url: str) -> str:
    """A URL as the index holds it, and as a typed URL is looked for (see above)."""
    bare = _LINK_END.sub("", _LINK_START.sub("", url.strip().lower(), count=1), count=1)
    parts = ("_".join(_LINK_PART.findall(part)) for part in _LINK_PARTS.split(bare))
    return LINK_MARK + LINK_STEP.join(part for part in parts if part)


def link_begins(link: str, form: str) -> bool:
    """Whether the index's ``link`` is the link ``form`` or begins with it whole, at
    one of its parts' end: "github.com/sled" is no start of "github.com/sled-group/x"."""
    return link == form or link.startswith(form + LINK_STEP)


# A paper's DOIs are each one word of its entry too, DOI_MARK and the DOI lower-cased
# (DOIs are read without regard to case), its ASCII letters and digits as they are and
# each other character written with "_" (`DOI_MARKS`: "." "_d", "/" "_s", "-" "_h", "_"
# "_u", any other "_x", its code point in hex and "_"), so that the word is one the
# index's separator leaves whole ("__doi_10_d1109_siccv_d2019_d00718"): a DOI typed is
# looked for as that word alone, exact (`_refine`). Looked for by its pieces,
# "10.1234/abc" found every DOI of the prefix "10.1234" and each that begins "abc"; with
# its punctuation dropped, "10.1234/a-b" and "10.1234/a.b" were one word, each finding
# both papers. A mark after every "_" reads back one way only: no two DOIs share a word.
# (A link's host begins with a letter: no link's form is a DOI's, `link_form`.) A DOI
# is read composed (NFC) first: "é" is one character, or "e" and a combining acute
# (U+0301), as the keyboard, the page copied from or the curator's editor wrote it, and
# "10.1234/cafe\u0301" typed found no paper with the DOI "10.1234/caf\u00e9", in the
# terminal or on the site (the form's "_xe9_" against "e_x301_").
DOI_MARK = "__doi_"
DOI_MARKS = {".": "d", "/": "s", "-": "h", "_": "u"}
_DOI_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# What ends a DOI pasted from a sentence or a reference and is no part of it: a full
# stop, a comma..., a "/" (an address's last), and a bracket it does not open
# ("(10.1109/CVPR.2016.90)."). No DOI ends so (Crossref's advice on suffixes).
_DOI_END = re.compile(r"""[.,;:!?'"/]+$""")
_DOI_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}


def doi_form(doi: str) -> str:
    """A DOI as the index holds it, and as a typed DOI is looked for (see above), without
    what ends a DOI pasted from a sentence (`_DOI_END`)."""
    return DOI_MARK + "".join(
        c if c in _DOI_PLAIN else "_" + DOI_MARKS[c] if c in DOI_MARKS else f"_x{ord(c):x}_"
        for c in _doi_trimmed(unicodedata.normalize("NFC", doi.lower())))


# arXiv's own DOI of a paper is this and its id ("10.48550/arXiv.2401.01234",
# "10.48550/arXiv.cs/0112017"), in any case.
ARXIV_DOI_PREFIX = "10.48550/arxiv."


def arxiv_term(ident: str) -> str:
    """The word of the index that finds the paper of an arXiv id (without its version
    or subject class, `links.normalize_arxiv`): a new id as it is ("2401.01234", one
    word), an old one as arXiv's own DOI of it (`doi_form`): its text is the words
    "cs" and "0112017", and looked for so it found every page that writes "cs" and the
    paper of another archive's id of its number ("math/0112017"), and marked "-" it
    left out that paper too. (readinglist.js's arxivTerm.)"""
    return doi_form(ARXIV_DOI_PREFIX + ident) if "/" in ident else ident


# A page that writes an old arXiv id in its text ("we build on cs/0112017", in its
# abstract, notes or a topic's description) holds it as the words "cs" and "0112017",
# which the id typed, one word (`arxiv_term`), no longer looked for: the page was found
# by no form of it. Such a page holds the id's term with MENTION_END too
# (`written_old_ids`, `mention_term`), which the typed id looks for besides its own
# term, and comes after the paper whose id it is (`by_mention`, `rank_by_words`). (No
# DOI's word ends so: doi_form writes "_" only before "d", "s", "h", "u" or "x".)
MENTION_END = "_m"


def mention_term(ident: str) -> str:
    """The word of the index that finds a page writing the old arXiv id ``ident``
    (`links.normalize_arxiv`: "cs/0112017") in its text (readinglist.js's mentionTerm)."""
    return arxiv_term(ident) + MENTION_END


def _doi_trimmed(doi: str) -> str:
    while True:
        trimmed = _DOI_END.sub("", doi)
        last = trimmed[-1:]
        if last in _DOI_CLOSERS and trimmed.count(last) > trimmed.count(_DOI_CLOSERS[last]):
            trimmed = trimmed[:-1]
        if trimmed == doi:
            return doi
        doi = trimmed


# A publisher's address whose path holds the paper's DOI ("dl.acm.org/doi/10.1145/...",
# "link.springer.com/article/10.1007/...", "onlinelibrary.wiley.com/doi/full/10.1002/...").
# Its DOI is the path from a segment "10.NNNN" on: a paper that linked only such an address
# was found by no DOI typed alone (`linked_doi`). (An address without one, as IEEE Xplore's
# "document/8953594", holds no DOI: nothing is made up.)
_PATH_DOI = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#]+(?:/[^?#]*)?/(10\.[0-9]{4,9}/[^?#]+)", re.I)
_PDF_END = re.compile(r"(?:\.pdf)?/*$", re.I)
# What a publisher's address writes after the DOI in its path, none of it the DOI's
# (`address_doi`): a view of the article ("/full", "/abstract", "/pdf": Frontiers',
# IOP's, Wiley's older addresses), bioRxiv's and medRxiv's version and view
# ("10.1101/2020.01.01.123456v2.full"), and where the path is ".../article/doi/<DOI>/...",
# MIT Press's and Oxford's article number and title ("10.1162/tacl_a_00324/96451/TyDi-QA").
# Read as the DOI, each was a DOI no paper has: the paper was found by no form of its
# DOI typed alone, though its address's DOI was in its entry for that.
_VIEW_END = re.compile(
    r"/(?:full|fulltext|abstract|abs|summary|pdf|epdf|pdfdirect|epub|meta|html|references|figures|citedby)/*$",
    re.I)
_PREPRINT_END = re.compile(r"^(10\.1101/[0-9.]*[0-9])(?:v[0-9]+(?:\.[a-z][a-z+-]*)*|(?:\.[a-z][a-z+-]*)+)$", re.I)
_ARTICLE_DOI = re.compile(r"/article/doi/10\.", re.I)
_ARTICLE_END = re.compile(r"/[0-9]+(?:/[^/]*)?$")


def address_doi(doi: str, address: str) -> str:
    """The DOI of a publisher's ``address`` (a paper's link, or a typed one) from its
    "10." on, ``doi``, without what the address writes after it: a last ".pdf" or "/",
    a view, a preprint's version, an article's number and title (see above); all of
    it where what is left would be no DOI ("10.1162/96451")."""
    trimmed = _PREPRINT_END.sub(r"\1", _VIEW_END.sub("", _PDF_END.sub("", doi, count=1), count=1), count=1)
    if _ARTICLE_DOI.search(address):
        trimmed = _ARTICLE_END.sub("", trimmed, count=1)
    return trimmed if _DOI_TYPED.fullmatch(trimmed) else doi


def linked_doi(url: str) -> str:
    """The DOI a paper's link is or holds, else "": a doi.org address's
    (`links.doi_from_url`), or the DOI in the path of a publisher's address, without the
    address's query or fragment, a last "/" or ".pdf" (the PDF's address, not the DOI:
    "link.springer.com/content/pdf/10.1007/978-3-030-58452-8_13.pdf"), its escapes
    read as doi.org reads them (`_unescaped`)."""
    doi = doi_from_url(url)
    if doi:
        return doi
    path = _PATH_DOI.match(_unescaped(url.strip()))
    doi = address_doi(path.group(1), url) if path else ""
    return doi if _DOI_TYPED.fullmatch(doi) else ""


# --- Shaping the index -----------------------------------------------------------------


# The class of the span that holds a result's authors in its byline (paper_entry;
# readinglist.js's AUTHORS_CLASS).
AUTHORS_CLASS = "rl-authors"


# The key of a paper's entry that lists the editors its page names (Paper.editor_names),
# each as shown: a result found by an editor's name, which its byline (authors only)
# does not show, names them (`editors_found`). No key where the page names none: a
# list without editors has an index no larger. (readinglist.js's EDITORS_KEY.)
EDITORS_KEY = "editors"


def editors_found(editors: Sequence[str], terms: Mapping[str, bool]) -> list[str]:
    """Those of a result's ``editors`` (its entry's EDITORS_KEY) a word of whose name,
    with or without its accents, begins with a term the result found (``terms``, as
    lunr's, lower-cased; a name that is a stop word as NAME_MARK and the word): whom the
    result says it was found by (`editors_said`). (readinglist.js's editorsFound.)"""
    found = [term.removeprefix(NAME_MARK) for term, yes in terms.items() if yes]
    found = [term for term in found if term]
    return [
        name for name in editors
        if any(word.startswith(term) for word in _name_words(name) for term in found)
    ]


def _name_words(name: str) -> set[str]:
    words = set(re.findall(r"[^\W_]+", name.lower()))
    return words | {fold(word) for word in words}


def editors_said(editors: Sequence[str]) -> str:
    """What a result found by its editors' names says of them, as a citation does:
    "ed. A", "ed. A and B", "ed. A, B and C". (readinglist.js's editorsSaid.)"""
    names = list(editors)
    return "ed. " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])


def paper_location(paper_id: str) -> str:
    return f"papers/{paper_id}/"


def paper_entry(
    paper: Paper, topic_titles: Iterable[str], boost: float = 1.0, acronym_words: acronyms.Spelt = ((), ())
) -> dict[str, Any]:
    """The one search entry of a paper. Every value is HTML-escaped: Material shows the
    title and text of a result as HTML, and its own parser escapes page text the same
    way. The abstract is rendered as on the page (escape.abstract_html).
    ``acronym_words``: the acronyms the list defines that the title, then the abstract
    only, spells out (acronyms.spelt_out)."""
    byline = paper.byline
    # (As the page's byline: "Authors · Venue · Year".)
    where = " · ".join(part for part in (paper.where, str(paper.year or "")) if part)
    # (The code's names, and a dataset's or model's, are found too: "lab/corpus" is what a
    # reader knows it by; they follow the abstract: _names_shown.)
    repos = " ".join([link.repo or link.url for link in paper.code] + [link.repo for link in paper.links_of("data") if link.repo])
    # (And the curator's one sentence, as under the page's title.)
    # A result shows the page's short byline (ten names and "et al."); the other names
    # are still found, from the hidden variants.
    shown = paper.short_byline
    # The authors are in a span of their own: the search box marks an author's name
    # that is a stop word there ("He", readinglist.js's markNames), and only there: a
    # paper without authors opens its byline with its venue.
    authors = f'<span class="{AUTHORS_CLASS}">{_escape(shown)}</span>' if shown else ""
    head = [html for html in (" · ".join(p for p in (authors, _escape(where)) if p),
                              _escape(" ".join(paper.summary.split()))) if html]
    entry: dict[str, Any] = {
        "location": paper_location(paper.id),
        "title": _escape(paper.title),
        "text": "".join(f"<p>{html}</p>" for html in head)
        + _asterisks(str(abstract_html(paper.abstract, links=False))) + _names_shown(paper),
        "tags": [_escape(title) for title in topic_titles],
    }
    in_title = variants(paper.title) + case_parts(paper.title) + initialisms(paper.title) + tex_words(paper.title)
    # (The forms it writes with a symbol the separator splits at, "C++": `written_term`.)
    in_title += written_forms(paper.title)
    # An acronym another paper defines, for the long form this title writes ("rlhf" for
    # "Reinforcement Learning from Human Feedback"), weighs as the title too.
    in_title += [word for word in acronym_words[0] if word not in in_title]
    # A code repository's hyphenated owner or name joined ("codefuseai") weighs as the
    # title: typed as written ("codefuse-ai"), its "ai" outranked the repository's
    # paper by every title with "AI".
    in_title += [word.replace("-", "") for word in _HYPHENATED.findall(repos)]
    # The reading status the page shows ("must-read") weighs as the title: a reader who
    # types it wants those papers first, not "Did You Read...". ("must" is a stop word:
    # the joined "mustread" is what finds it.) A hyphenated status weighs so only as one
    # word: its part "read" weighed as the title put every paper marked "to-read" ahead
    # of the titles that write "Reading" for the query "read"; that part is hidden below.
    status_joined = variants(paper.status)
    if paper.status:
        in_title += status_joined or [paper.status]
    if in_title:
        entry["title_variants"] = _escape(" ".join(in_title))
    # (As written, not escaped: the browser finds it in the title's text, not in HTML.)
    if pieces := tex_pieces(paper.title):
        entry[TEX_KEY] = pieces
    # The editors the page names (a chapter's book's, a book's own: Paper.editor_names)
    # are found as its authors are, though a result does not show them: not a
    # proceedings' editors, whom its page does not name either.
    editors = " ".join(paper.editor_names)
    spelt = variants(" ".join((paper.abstract, byline, editors, paper.where, *paper.tags)))
    # (And one only the abstract spells out weighs as the abstract.)
    spelt += acronym_words[1]
    # A reader pastes an arXiv id or a DOI first: found, though no page text shows them.
    # A pasted arXiv or doi.org address is looked for as its id alone (`_IDENTIFIER`), so
    # the ids of the paper's own such links are held too: a paper that links
    # arxiv.org/pdf/2106.09685v2 and has no `arxiv:` was found by no form of its address,
    # not even the one it links. (And the DOI a publisher's address holds, `linked_doi`.)
    ids = dict.fromkeys(text for text in (
        paper.arxiv, paper.doi, *(arxiv_id(link.url) or linked_doi(link.url) for link in paper.links))
        if text)
    rest = byline if shown != byline else ""
    status_parts = paper.status if status_joined else ""
    links = dict.fromkeys(link_form(link.url) for link in paper.links)
    # (An old arXiv id is one word too, arXiv's DOI of it: `arxiv_term`.)
    olds = [old for old in map(normalize_arxiv, ids) if "/" in old]
    dois = dict.fromkeys([*(doi_form(text) for text in ids if _DOI_TYPED.fullmatch(text)), *map(arxiv_term, olds)])
    # arXiv's own DOI of the paper, given without its `arxiv:` (as `doi:` or a doi.org
    # link), holds the id's word too (`_arxiv_doi_terms`): its text's words are
    # "10.48550" and "arxiv.2401.01234", and the id typed, "2401.01234", found nothing.
    by_doi = dict.fromkeys(term for text in ids for term in _arxiv_doi_terms(text) if term not in ids and term not in dois)
    # (And the old ids its text writes, other than its own: `mention_term`.)
    mentions = [mention_term(old) for old in written_old_ids(paper.summary, paper.abstract, paper.notes)
                if old not in olds]
    written = [form for form in written_forms(paper.summary, paper.abstract, paper.where, *paper.tags, paper.notes)
               if form not in in_title]
    if paper.editor_names:
        # (As data, not HTML: readinglist.js shows it as text, `editors_said`.)
        entry[EDITORS_KEY] = list(paper.editor_names)
    forms = " ".join(
        [*spelt, *ids, *dois, *by_doi, *links, status_parts,
         *name_forms((*paper.names, *paper.editor_names)), *mentions, *written])
    # (The free texts after the single forms, each after a "|" (PHRASE_TEXTS): a phrase
    # is looked for in each apart, not across a tag and the notes.)
    # (A "|" the curator wrote is a space there: the separator splits at both alike, so
    # lunr reads the same words, and a phrase runs across it as across the abstract's.)
    hidden = f" {PHRASE_TEXTS} ".join([forms.replace(PHRASE_TEXTS, " "), *(
        text.replace(PHRASE_TEXTS, " ") for text in (*paper.tags, rest, editors, paper.notes) if text.strip())]).strip()
    if hidden:
        entry["variants"] = _escape(hidden)
    entry.update(lemmas.entry_fields(_entry_words(entry), _entry_acronyms(entry)))
    if boost != 1.0:
        entry["boost"] = boost
    return entry


def _names_shown(paper: Paper) -> str:
    """The paragraphs of a result that name the paper's code and its datasets or
    models, each name in code type, after what says what the paper is: the code's
    names came first, and a result whose text Material shows whole (the query a title's
    word) opened with a bare "THUDM/T1" under its title. Each paragraph's "Code:" or
    "Data:" is drawn by the stylesheet (readinglist.css, .rl-result-code): a word of
    the text, it would have found every paper with code for the query "code"."""
    code = [badges.code_label(link) for link in sorted(paper.code, key=lambda link: not link.official)]
    data = [link.repo for link in paper.links_of("data") if link.repo]
    return "".join(
        f'<p class="rl-result-{kind}">' + ", ".join(f"<code>{_escape(name)}</code>" for name in names) + "</p>"
        for kind, names in (("code", code), ("data", data)) if names
    )


# A topic page's document boost. Its entry is its description and counts, and each paper's
# entry holds an abstract repeating the topic's words and the topic's name (its tags): a
# reader who typed "multi-task learning" found the topic "Multi-task learning" 56th,
# "continual learning" found "Continual and lifelong learning" 15th, past what Material
# shows before a scroll. With its name as its tags and this boost, each topic's name, and
# the short names readers type, find it first or second (tests/test_search.py). A title
# typed whole still finds its paper first: rank_by_words puts a page whose title is the
# query first ("Editing Models with Task Arithmetic", not the topic "Task arithmetic,
# model merging and editing").
TOPIC_BOOST = 1.6


def topic_entry(
    doc: Mapping[str, Any], title: str, topic_id: str = "", former_ids: Sequence[str] = ()
) -> dict[str, Any]:
    """A topic page's own entry (Material's), found by its name as a paper is by its
    topics (``tags``) and by the other spellings of its title's words ("multitask").

    Its id's words are its short name ("curriculum learning" for "Curricula and
    training order", whose id is curriculum-learning; "llm reasoning" for "Reasoning in
    large language models"): the words the title lacks weigh as the title does, hidden,
    and the id's words are one of the page's ``names``, which `rank_by_words` puts
    first when the query is one, after a page whose title is the query. Before, papers that write
    "Curriculum" in their titles came first, and the topic 5th (26th for "llm
    reasoning"). The ids it had (``former_ids``: `Topic.former_ids`, a rename's or a
    merge's) are short names too, each as its id is: a reader who learnt the topic as
    curriculum-learning still finds it as training-order. (A paper is found by no id of
    its own, now or before: its title is its name.) Each name is one whose words are
    neither the title's nor an earlier name's, and each word the title lacks is put in
    once; a topic without former ids has the entry it had before they were names."""
    entry = {**doc, "tags": [_escape(title)], "boost": TOPIC_BOOST}
    in_title = variants(title) + case_parts(title) + initialisms(title)
    has = set(_field_words(_escape(title)))
    named = [title_words(_escape(title))]
    names = []
    for one in (topic_id, *former_ids):
        short = _escape(" ".join(one.split("-")))
        if title_words(short) in named:
            continue
        named.append(title_words(short))
        in_title += [word for word in _field_words(short) if word not in has]
        has.update(_field_words(short))
        names.append(short)
    if names:
        entry["names"] = names
    if in_title:
        entry["title_variants"] = _escape(" ".join(in_title))
    return entry


def joined_words(doc: Mapping[str, Any]) -> dict[str, str]:
    """A topic's or hand page's entry's hidden ``variants``: its text's hyphenated words
    joined ("ROUGE-L": "rougel"), as a paper's entry has them. The search ranks a
    hyphenated query word by that form (`_compounds`): a page that wrote "ROUGE-L" was
    else taken for one with "ROUGE" alone, and left out. And the old arXiv ids it
    writes, as a paper's abstract's (`mention_term`). And the forms it writes with a symbol the
    separator splits at ("C++": `written_term`)."""
    text = html.unescape(_MARKUP.sub(" ", doc.get("text", "")))
    joined = [word.replace("-", "") for word in _HYPHENATED.findall(text)]
    joined += map(mention_term, written_old_ids(text))
    # (And the forms its title and text write with a symbol the separator splits at.)
    joined += written_forms(html.unescape(doc.get("title", "")), text)
    return {"variants": _escape(" ".join(dict.fromkeys(joined)))} if joined else {}


# The fields whose words are read for the list's hyphenated words and the places a page
# writes one with spaces (`with_spaced`): what a result shows, and the topics.
_SHOWN = ("title", "text", "tags")


def with_spaced(docs: Sequence[dict[str, Any]], memo: SpacedMemo | None = None) -> list[dict[str, Any]]:
    """``docs``, each with the hyphenated words of the list that it writes with spaces
    ("in context" for "in-context", "chain of thought") in its hidden ``variants``, as
    "_in_context" (`spaced_forms`): one word, which a query's hyphenated word looks
    for too (`spaced_terms`). The index holds words, not where they are, and no
    stop word: a page with "context" anywhere could not be told from one that writes
    "in context", nor one with "multi-turn" and a "task" elsewhere from one that writes
    "multi task". Only the hyphenated words some entry writes (which the query ranks
    whole: `_compounds`), where the halves are words apart only by white space, and no
    hyphen joins the first or last to another word ("in context-aware" is not "in
    context"); the halves compared without accents ("Tulu 3" for "Tülu-3"), each
    indexed as the page writes it. ``memo``: what earlier builds found (`SpacedMemo`)."""
    memo = memo if memo is not None else SpacedMemo()
    memo.use(frozenset(
        compound for doc in docs for text in _shown_texts(doc) for compound in _hyphenated_in(text)
    ))
    shaped = []
    for doc in docs:
        variants = memo.variants(tuple(_shown_texts(doc)), doc.get("variants", ""))
        shaped.append({**doc, "variants": variants} if variants else doc)
    memo.keep_used()
    return shaped


class SpacedMemo:
    """What `with_spaced` found in each entry's text in earlier builds (each rebuild under
    `serve`), while the list's hyphenated words stay the same: reading every entry's
    text again took half a second at 10,000 papers, as long as the rest of a rebuild. (An
    entry's ``variants`` as made before is the one string made before: the words of
    the index are read from each, cached by text.)"""

    def __init__(self) -> None:
        self._compounds: frozenset[str] = frozenset()
        # (Every half of the list's hyphenated words; and each hyphenated word's halves
        # and how a run of words writes it with spaces, by the half that fewest of them
        # have: an entry is looked at for those whose halves it has all.)
        self._halves: frozenset[str] = frozenset()
        self._by_half: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._forms: dict[tuple[str, ...], list[str]] = {}
        # (an entry's texts: what they write with spaces, its variants, and those with it)
        self._found: dict[tuple[str, ...], tuple[tuple[str, ...], str, str]] = {}
        self._used: dict[tuple[str, ...], tuple[tuple[str, ...], str, str]] = {}

    def use(self, compounds: frozenset[str]) -> None:
        """The list's hyphenated words (lower-cased), for this build's `variants`."""
        if compounds != self._compounds or not self._by_half:
            # (Each by its halves without accents: "tülu-3" and "tulu-3" are one.)
            split = sorted({tuple(map(_unaccented, compound.split("-"))) for compound in compounds})
            shared = collections.Counter(half for parts in split for half in set(parts))
            by_half: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for parts in split:
                # (A stop word or a half of many is on most pages: "in", "task".)
                half = min(parts, key=lambda half: (half in STOP_WORDS, shared[half], -len(half), half))
                by_half.setdefault(half, []).append((parts, f" {' '.join(parts)} "))
            # (`spaced_forms` of each as first found: folding each anew took 0.2 s.)
            self._forms = {}
            self._compounds = compounds
            self._halves = frozenset(shared)
            self._by_half = by_half
            self._found = {}
        self._used = {}

    def variants(self, texts: tuple[str, ...], variants: str) -> str:
        """An entry's ``variants`` with the `spaced_forms` of the hyphenated words its
        ``texts`` write with spaces; "" where they write none."""
        made = self._found.get(texts)
        if made is None or made[1] != variants:
            found = made[0] if made is not None else self._spaced(texts)
            made = (found, variants, " ".join(filter(None, (variants, _escape(" ".join(found))))) if found else "")
        self._used[texts] = made
        return made[2]

    def _spaced(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        # Each run's words, lower-cased, one space apart, and the runs apart by a word no
        # hyphenated word has ("\x00"): a hyphenated word written with spaces is its halves
        # with a space around each. Only the hyphenated words whose halves the runs all
        # have are looked for, by str.find: set operations and splitting in C, where a
        # loop over every word took a second at 10,000 papers. (Lower-cased as runs, as
        # the index has them: a final sigma; U+FEFF is white space to the index, not to
        # str.split.)
        runs = " \x00 ".join(run for text in texts for run in _SPACED_RUN.findall(_plain(text)))
        words = runs.lower().replace("\ufeff", " ").split()
        # The halves are compared without accents, as the browser marks them and as a
        # word's accents are not needed to find it: "Tulu 3" and "TÜLU 3" are "Tülu-3"
        # written with spaces, each indexed as the page writes it. (Most text has none:
        # its words are their own keys, and a word's first place is all that is needed.)
        plain = runs.isascii()
        keys = words if plain else [_unaccented(word) for word in words]
        halves = self._halves.intersection(keys)
        if not halves:
            return ()
        line = f" {' '.join(keys)} "
        found = []
        for half in self._by_half.keys() & halves:
            for parts, spaced in self._by_half[half]:
                at = line.find(spaced) if halves.issuperset(parts) else -1
                while at >= 0:
                    # (the words as written: a key's place is its word's, after as many
                    # spaces as words before it)
                    found.append((at, parts if plain else tuple(words[(n := line.count(" ", 0, at)):n + len(parts)])))
                    at = -1 if plain else line.find(spaced, at + 1)
        # (In the order of the text, and of the halves where two start at one word.)
        forms: dict[str, None] = {}
        for _, written in sorted(found):
            if written not in self._forms:
                self._forms[written] = spaced_forms("-".join(written))
            forms.update(dict.fromkeys(self._forms[written]))
        return tuple(forms)

    def keep_used(self) -> None:
        """Forget the texts the last build had none of."""
        self._found, self._used = self._used, {}


def _unaccented(word: str) -> str:
    """A lower-cased word without its accents, one word still (`fold` of a letter may
    hold a space): how `SpacedMemo` compares a page's words with a hyphenated word's
    halves (as readinglist.js's spacedPhrases, by `spaced_forms`)."""
    return word if word.isascii() else "".join(fold(word).lower().split())


def spaced_forms(compound: str) -> list[str]:
    """A hyphenated word as `with_spaced` indexes a page that writes it with spaces,
    lower-cased, and so without accents (readinglist.js's spacedForms): its halves
    joined by "_", after a "_" of its own ("_in_context"), so that no typed word's
    start finds it (else "reinforcement*" found each "reinforcement learning" twice)."""
    spaced = "_" + compound.lower().replace("-", "_")
    return list(dict.fromkeys((spaced, fold(spaced).lower())))


def _shown_texts(doc: Mapping[str, Any]) -> list[str]:
    return [
        text for name in _SHOWN if name in doc
        for text in ([doc[name]] if isinstance(doc[name], str) else doc[name])
    ]


@functools.lru_cache(maxsize=1 << 17)
def _hyphenated_in(text: str) -> tuple[str, ...]:
    """The hyphenated words of an entry's field (HTML), lower-cased. (Cached, as
    `_field_words`: a rebuild makes few entries anew.)"""
    # (Read in the pieces between white space that have a hyphen: a hyphenated word has
    # no white space, and trying the regex at every word took three times as long.)
    pieces = " ".join(piece for piece in _plain(text).split() if "-" in piece)
    return tuple(dict.fromkeys(word.lower() for word in _HYPHENATED_AT.findall(pieces)))


def _plain(text: str) -> str:
    """An entry's field (HTML) as text, each element's markup a "<": it ends a word and a
    run of words, as the end of the field does (an entity's text, as "&lt;", is the
    same: neither is a word's letter, white space or a hyphen)."""
    return html.unescape(_MARKUP.sub("<", text))


# (_HYPHENATED, tried at a word's start only: else each word is tried again from each of
# its letters, which took most of the time.)
_HYPHENATED_AT = re.compile(r"\b\w+(?:-\w+)+")
# Two words or more apart only by white space, none of which a hyphen joins to another
# word ("multi-task learning" is not "task learning"). (Possessive: a word is not tried
# again shorter.)
_SPACED_RUN = re.compile(rf"(?<![\w-])\w++(?![\w-])(?:[{SPACE}]++\w++(?![\w-]))+")


def _entry_words(entry: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each searched field's words, as the index's tokenizer makes them."""
    return {
        name: _field_words(value if isinstance(value, str) else " ".join(value))
        for name, value in entry.items() if name in FIELDS and name not in lemmas.FIELDS
    }


def _entry_acronyms(entry: Mapping[str, Any], find=lemmas.acronym_plurals) -> frozenset[str]:
    """The acronyms' plurals the entry's searched fields write (lemmas.acronym_plurals;
    or with ``find`` lemmas.acronyms, those it writes in the singular)."""
    return frozenset().union(*(
        find(value if isinstance(value, str) else " ".join(value))
        for name, value in entry.items() if name in FIELDS and name not in lemmas.FIELDS
    ))


_MARKUP = re.compile(r"<[^>]*>")
_SEPARATOR = re.compile(SEPARATOR)


@functools.lru_cache(maxsize=1 << 17)
def _field_words(text: str) -> tuple[str, ...]:
    # `tokenize`'s distinct words, in a fifth of its time: re.split gives the same pieces
    # (the separator has no groups) and empty ones, and lower-casing before the split
    # changes no separator (no letter lower-cases to one; the entities the separator
    # knows are written in small letters, and a typed "&LT;" is escaped "&amp;LT;").
    # Cached: shape_index needs every entry's words at every build for the map of other
    # forms, and a rebuild under serve makes few entries anew. Interned, a word is kept
    # once however many entries write it. (A list's values, joined at a space, are split
    # as tokenize splits each: the space is a separator.)
    words: dict[str, None] = {}
    for section in _MARKUP.split(text.lower()):
        words.update(dict.fromkeys(_SEPARATOR.split(section)))
    words.pop("", None)
    return tuple(map(sys.intern, words))


# How much of lunr's length normalisation the title boost restores (0: none).
TITLE_LENGTH_EXPONENT = 0.25


def title_boosts(papers: Iterable[Paper]) -> dict[str, float]:
    """Each paper's document boost: shorter titles than the mean get a little more."""
    separator = re.compile(SEPARATOR)
    lengths = {p.id: max(len(tokenize(_escape(p.title), separator)), 1) for p in papers}
    if not lengths:
        return {}
    mean = sum(lengths.values()) / len(lengths)
    return {pid: round((mean / n) ** TITLE_LENGTH_EXPONENT, 3) for pid, n in lengths.items()}


def _escape(text: str) -> str:
    return _asterisks(html.escape(" ".join(text.split()), quote=False))


def _asterisks(markup: str) -> str:
    # To lunr a "*" is a wildcard, so a word holding one could never be found; as an
    # entity the browser still shows it, and the separator splits it off.
    return markup.replace("*", "&#42;")


class EntryMemo:
    """Paper entries made by earlier builds in this process (each rebuild under
    `serve`): an entry is made again only when its paper or topics changed. Making the
    10,000 entries of a large list takes 2.5 s, mostly finding spellings. The boost is
    put in apart: one title's length moves the mean, and so many papers' boosts."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[Paper, tuple[str, ...], acronyms.Spelt, dict[str, Any]]] = {}
        self._boosts: tuple[tuple[tuple[str, str], ...], dict[str, float]] = ((), {})
        self._acronyms = acronyms.Memo()
        self.spaced = SpacedMemo()

    def boosts(self, papers: Sequence[Paper]) -> dict[str, float]:
        """title_boosts, again only when a title changed (0.2 s at 10,000)."""
        titles = tuple((p.id, p.title) for p in papers)
        if titles != self._boosts[0]:
            self._boosts = (titles, title_boosts(papers))
        return self._boosts[1]

    def entry(
        self, paper: Paper, topic_titles: tuple[str, ...], boost: float,
        acronym_words: acronyms.Spelt = ((), ()),
    ) -> dict[str, Any]:
        made = self._made.get(paper.id)
        if (made is not None and (made[0] is paper or made[0] == paper) and made[1] == topic_titles
                and made[2] == acronym_words):
            entry = made[3]
        else:
            entry = paper_entry(paper, topic_titles, acronym_words=acronym_words)
            self._made[paper.id] = (paper, topic_titles, acronym_words, entry)
        # (paper_entry puts the boost last, as here)
        return {**entry, "boost": boost} if boost != 1.0 else entry

    def acronym_words(self, papers: Sequence[Paper]) -> dict[str, acronyms.Spelt]:
        """Each paper's acronyms that the list defines and it spells out (acronyms.py)."""
        return self._acronyms.words((p.id, p.title, p.abstract) for p in papers)

    def keep_only(self, paper_ids: Iterable[str]) -> None:
        keep = set(paper_ids)
        self._made = {pid: made for pid, made in self._made.items() if pid in keep}


def shape_index(
    index: Mapping[str, Any], site: Site, memo: EntryMemo | None = None
) -> dict[str, Any]:
    """The index with each paper page's entries replaced by that paper's one entry.

    A paper's entry takes the place of its page's first entry, so the order stays
    Material's (which wants a page before its sections); papers whose page Material did
    not index come last, in id order.
    """
    memo = memo if memo is not None else EntryMemo()
    titles = {topic.id: topic.title for topic in site.topics}
    # A result's tags name its topics in the home page's order (topics.yml's, a sub-topic
    # after its parent), as the paper's page and its All papers row do: they followed the
    # paper's own order (its curator's topics, then those its rules found), and a result
    # said "Task arithmetic, Model merging" under a page that says the other.
    # (pagecontext, imported here: a build has it already; `readinglist search`, which
    # shapes no index, was 85 ms slower to start with it.)
    from .pagecontext import topic_tree

    rank = {topic.id: n for n, topic in enumerate(topic_tree(site.topics))}
    boosts = memo.boosts(site.papers)
    spelt = memo.acronym_words(site.papers)
    entries = {
        paper_location(paper.id): memo.entry(
            paper,
            tuple(titles.get(a.topic, a.topic) for a in sorted(
                site.assignments.get(paper.id, ()), key=lambda a: rank.get(a.topic, len(rank)))),
            boosts[paper.id],
            spelt[paper.id],
        )
        for paper in site.papers
    }
    memo.keep_only(paper.id for paper in site.papers)
    topic_pages = {f"topics/{topic.id}/": topic for topic in site.topics}
    docs: list[dict[str, Any]] = []
    placed: set[str] = set()
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page in entries:
            if page not in placed:
                docs.append(entries[page])
                placed.add(page)
            continue
        if doc["location"] in topic_pages:
            topic = topic_pages[doc["location"]]
            doc = topic_entry(doc, topic.title, topic.id, topic.former_ids)
        # A topic's or hand page's entry (Material's) gets its words' base forms too:
        # "merge" finds the topic "Task arithmetic, model merging and editing".
        doc = {**doc, **joined_words(doc)}
        docs.append({**doc, **lemmas.entry_fields(_entry_words(doc), _entry_acronyms(doc))})
    docs += [entries[loc] for loc in sorted(entries) if loc not in placed]
    # The separator and boosts live here, next to the entries they were tuned for, not
    # in mkdocs.yml; the browser reads them from this file, and the words' other forms
    # the search box adds to a query (lemmas.py).
    vocabulary = {word for doc in docs for words in _entry_words(doc).values() for word in words}
    # (After the words' other forms, which a word of halves joined by "_" has none of.)
    docs = with_spaced(docs, memo.spaced)
    plurals = frozenset().union(*map(_entry_acronyms, docs))
    singulars = frozenset().union(*(_entry_acronyms(doc, lemmas.acronyms) for doc in docs))
    config = {
        **index["config"], "separator": SEPARATOR, "fields": FIELDS,
        "inflections": lemmas.inflections(vocabulary, plurals, singulars),
        # (which of a paper's fields the list records: `unrecorded_tip`)
        "recorded": recorded(site.papers),
        # Every word lunr indexes, in every field (the base forms' too): the search box
        # looks for a typed word that none of them begins with by its near spellings.
        "vocabulary": " ".join(Vocabulary.order(
            word for doc in docs for name, value in doc.items() if name in FIELDS
            for word in _field_words(value if isinstance(value, str) else " ".join(value))
            if word not in STOP_WORDS
        )),
    }
    return {**index, "config": config, "docs": docs}


def dumps(index: Mapping[str, Any]) -> str:
    # Material writes compact JSON; keeping non-ASCII as UTF-8 makes the file smaller.
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False)


def dumps_parts(index: Mapping[str, Any]) -> Iterator[str]:
    """``dumps(index)``, in parts: the list of ``docs`` an entry at a time. At 10,000
    papers the whole text is a 40 MB string (it holds characters past Latin-1), and
    its UTF-8 20 MB more; made at once, they set the peak memory of `serve`'s first
    build."""
    for n, (key, value) in enumerate(index.items()):
        yield ("{" if n == 0 else ",") + dumps(key) + ":"
        if key == "docs" and isinstance(value, list):
            yield "["
            for i, doc in enumerate(value):
                yield ("," if i else "") + dumps(doc)
            yield "]"
        else:
            yield dumps(value)
    yield "}" if index else "{}"


def read_index_file(site_dir: Path) -> dict[str, Any]:
    """The index Material's search plugin wrote."""
    return json.loads((site_dir / INDEX_PATH).read_text(encoding="utf-8"))


def write_index_file(
    site_dir: Path, index: Mapping[str, Any], site: Site, memo: EntryMemo | None = None
) -> None:
    """Write ``index``, shaped, as `site_dir/search/search_index.json` (an on_post_build step)."""
    from .atomicfile import atomic_write_parts

    shaped = shape_index(index, site, memo)
    atomic_write_parts(site_dir / INDEX_PATH, (part.encode("utf-8") for part in dumps_parts(shaped)))


# --- Searching the built index ---------------------------------------------------------

# An arXiv id (without its version) or a DOI inside a word of the query.
# (Written alike for readinglist.js: no lookbehind, and no \S, which the two languages
# read differently.)
_IDENTIFIER = re.compile(
    r"(?:^|[^0-9.])([0-9]{4}\.[0-9]{4,5})(?:[vV][0-9]+)?(?![0-9])|(10\.[0-9]{4,9}/[!-~\u00a1-\uffff]+)"
)
# An old arXiv id inside a word of the query: its archive, a subject class that is no
# part of the id (`links.without_subject_class`), its number and a version
# ("arXiv:cs.CL/0112017v1", "arxiv.org/abs/math/0309136"): `_old_arxiv`.
_OLD_ARXIV = re.compile(r"(?:^|[^a-z.-])([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?/([0-9]{7})(?:v[0-9]+)?(?![0-9])", re.I)
# arXiv's own DOI of a paper ("10.48550/arXiv.2401.01234", "10.48550/arXiv.cs/0112017"),
# its id's archive and number, and a subject class and version no part of either:
# `_arxiv_doi_terms`. (The archives whose old ids were written with a subject class,
# "cs.CL/0112017", which reads as a host and path too: `_old_arxiv`.)
_CLASSED_ARCHIVE = re.compile(r"^(?:cs|math|physics|nlin|q-bio|cond-mat|stat)\.", re.I)
_ARXIV_DOI = re.compile(
    r"^10\.48550/arxiv\.(?:([0-9]{4}\.[0-9]{4,5})|([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?/([0-9]{7}))(?:v[0-9]+)?$", re.I)
# (A paper's id that is a DOI, not an arXiv id: `doi_form`.)
_DOI_TYPED = re.compile(r"10\.[0-9]{4,9}/.+", re.S)
# A doi.org address typed, to its query or fragment, which are the address's, not the
# DOI's (a DOI's own "?" or "#" is escaped in one), and an escaped ASCII character of it
# ("%2F", "%23"): `typed_doi`.
_DOI_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:dx\.)?doi\.org/([^?#]*)", re.I)
_ASCII_ESCAPE = re.compile(r"%([0-7][0-9a-f])", re.I)
# (A run of escapes: the bytes of UTF-8 characters, "%C3%A9" an "é", `_unescaped`.)
_ESCAPES = re.compile(r"(?:%[0-9a-f]{2})+", re.I)


def _unescaped(text: str) -> str:
    """``text`` with its escaped characters as an address's reader reads them: each run
    of escapes (`_ESCAPES`) as the UTF-8 it spells ("caf%C3%A9" is "café", as doi.org
    and `links.doi_from_url` read it: only ASCII was unescaped, and
    "https://doi.org/10.1234/caf%C3%A9" found no paper of the DOI "10.1234/café"), and
    a run that spells none ("%FF") with its escaped ASCII alone, the rest as typed.
    readinglist.js's unescaped, whose decodeURIComponent refuses the runs Python's
    strict UTF-8 does (a lone byte past ASCII, a surrogate, an overlong form)."""
    def run(escapes: re.Match[str]) -> str:
        try:
            return bytes.fromhex(escapes.group().replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return _ASCII_ESCAPE.sub(lambda escaped: chr(int(escaped.group(1), 16)), escapes.group())
    return _ESCAPES.sub(run, text)
# (An address's query and fragment.)
_ADDRESS_REST = re.compile(r"[?#].*$")
# (What opens a DOI or an address pasted from a sentence or a reference: "(https://doi.org/...).")
_DOI_OPEN = re.compile(r"""^[(\[{<'"]+""")
# A typed word that is a URL (a scheme, or "www.") or a host and path ("github.com/x"),
# and its scheme and host (`_refine`: `link_form`). ("node.js" is no host: no path.)
_LINK_WORD = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)[^/]|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/", re.I)
_LINK_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?[^/]*/?", re.I)
# A typed word with a "/" between two characters, no URL nor host: a part of a path
# ("KaimingHe/deep-residual-networks", "view/robust-agents"), which a link may hold.
_LINK_PATH = re.compile(r"[^/]/+[^/]")
def _slashed_words(word: str) -> bool:
    """Whether a typed ``word`` is words of letters alone joined by "/" ("encoder/decoder",
    "input/output", "TCP/IP"): no path a reader pastes, but words as a sentence writes
    them (`_refine`). readinglist.js's SLASHED_WORDS."""
    parts = word.split("/")
    return len(parts) > 1 and all(part.isalpha() for part in parts)


def _typed_words(word: str, named: NamedLinks) -> bool:
    """Whether a typed ``word`` that names ``named`` (`links_of`) is words as a sentence
    writes them, each a typed word (a slip of the keys looked for as any other's), not
    a path pasted: words of letters alone joined by "/" that no link holds, even where
    some links' paths begin with the first alone ("input/output" and a repository of
    github.com/input, "view/synthesis" and a page of sites.google.com/view/...: read
    only as an owner and a repository, `_owned`, they found that owner's papers and no
    page that writes the words). The owner's papers are found too, by its links' terms,
    ranked by no word of their own (`_refine`); as a path's, its words are then no
    slips of the keys (`_refine`'s pasted: "dexdoresearch/sam" is no "same"). Where
    links' paths begin with its first two parts ("facebookresearch/detr/tree/main"),
    or it is more than two words with an owner's name first
    ("facebookresearch/sam/tree/main"), it is a path. readinglist.js's typedWords."""
    return _slashed_words(word) and (not named.links or bool(named.unlinked) and word.count("/") == 1)


# At most this many links are looked for by a part of one (each an exact term of the
# query), the first in the vocabulary's order: "main/README" would name every repository,
# and lunr be asked a term for each. Past it, the reader is told (`held_note`): no order
# makes the links left out not matter, as their papers are not found by them at all
# (only, maybe, by the part's words).
LINK_MOST = 20


@dataclass(frozen=True)
class NamedLinks:
    """What a typed word names of the index's links (`links_of`): the ``links`` it is
    looked for by, and whether it is a URL or a host and path that names them (``whole``:
    then it is the one word to rank by it gives). For a URL no link is, begins or
    holds (``unlinked``: the URL as shown, without its scheme), ``shared`` is the
    longest start of it, cut at a "/" of its own, that some links begin, shown so,
    and ``links`` those links (or that start, past LINK_MOST: ``start``), or "" and none. ``held``: how many
    links hold a part of a path, where more than LINK_MOST do."""

    whole: bool = False
    links: tuple[str, ...] = ()
    unlinked: str = ""
    shared: str = ""
    held: int = 0
    # (Whether ``links`` is one link's start, ``shared``'s, looked for as the start of
    # every link it begins (`link_terms`): an owner of more than LINK_MOST links.)
    start: bool = False
    # (How much of the typed word is the link, where it goes on past one: the rest,
    # ".../tree/main", is no words of the link's, and found 25 other pages by "tree*"
    # and "main*".)
    length: int | None = None


def links_of(word: str, vocabulary: Vocabulary) -> NamedLinks:
    """The links of the index (`link_form`) a typed ``word`` names, and whether it is
    a URL or a host and path (then the one word to rank by it gives, `_refine`). A
    reader pastes what the address bar or a README shows: the link's start
    ("github.com/KaimingHe", a prefix of whole parts: a link found by its start,
    `link_begins`; "github.com/Kaiming" begins none), a longer URL
    (".../deep-residual-networks/tree/master": the longest link it begins with), the
    URL without a subdomain ("google.com/view/robust-agents"), or a part of the path
    ("KaimingHe/deep-residual-networks"); the last two find each link that holds them
    from one of its parts' starts, at most LINK_MOST. A part of a path is also an
    ordinary word ("encoder/decoder"): its words still rank the pages (`_refine`).
    The index holds each link once, whole: no part of a link is a word of its own.
    A URL that names no link (`NamedLinks.unlinked`) was its words: "https", "github",
    "com" and its path's found nearly every page; it names the links that share its
    owner (its longest start cut at a "/" of its own, not the host alone:
    "github.com/KaimingHe" of ".../resnet-v2"), each by its own term up to LINK_MOST,
    past it all by the start (`NamedLinks.start`), and else none. A part of a path
    that no link holds ("facebookresearch/sam") is read as an owner's and a
    repository's name, as a README writes them: it names the links of its owner, or
    of its owner and repository (`_owned`), said as a URL's are; and else none, its
    words then searched as words.)"""
    url = bool(_LINK_WORD.match(word))
    if not url and not _LINK_PATH.search(word):
        return NamedLinks()
    form = link_form(word)
    if form == LINK_MARK:
        return NamedLinks()
    if url and (vocabulary.has(form) or vocabulary.begins(form + LINK_STEP)):
        return NamedLinks(True, (form,))
    if url:
        for end, shorter in _cuts(word):
            if vocabulary.has(shorter):
                return NamedLinks(True, (shorter,), length=end)
    # (A part of a path is looked for from a word's start, whatever parts it crosses:
    # "knuth/merging-slides" in ".../knuth/merging-slides.pdf"; a URL to a part's end:
    # "google.com/sled" is no part of "sites.google.com/sled-group".)
    body = form[len(LINK_MARK):]
    held = [link for link in vocabulary.starting(LINK_MARK) if _holds(link, body, url)]
    more = len(held) if len(held) > LINK_MOST else 0
    if not url and not held:
        return _owned(word, vocabulary)
    if held:
        return NamedLinks(url, tuple(held[:LINK_MOST]), held=more)
    for end, cut in _cuts(word):
        # (Not the host alone: "github.com", "huggingface.co" or "sites.google.com" is
        # shared by owners that have nothing to do with each other.)
        shown = _shown_link(word[:end])
        shared = [link for link in vocabulary.starting(cut) if link_begins(link, cut)]
        if shared or "/" not in shown:
            # (A shorter start is shared by as many links or more.)
            if shared and "/" in shown and len(shared) <= LINK_MOST:
                return NamedLinks(True, tuple(shared), _shown_link(word), shown)
            if shared and "/" in shown:
                # An owner of more links than LINK_MOST: each its own term would make a
                # long query, and past LINK_MOST its papers were left out, the note
                # saying only "No paper links ...". Its start finds them all, one term.
                return NamedLinks(True, (cut,), _shown_link(word), shown, start=True)
            break
    return NamedLinks(unlinked=_shown_link(word))


# Where a typed URL may be cut to name a shorter link: at a "/", "?", "#" or "&" of its
# own, not inside a part of its path: "github.com/lab/repo-v2" is another repository
# than "github.com/lab/repo", whose paper it found first, lacking nothing.
_LINK_CUT = re.compile(r"[/?#&]")
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?", re.I)
# (And its end no link is told by: a last ".git" or "/" (`link_form`), and a query or
# fragment, whose cut was looked for (`_cuts`): "No paper links
# github.com/lab/x?tab=readme-ov-file" said of the address bar's text what is true of
# the repository, and named what the reader had not meant.)
_SHOWN_END = re.compile(r"(?:\.git)?/*(?:[?#].*)?$", re.I | re.S)


def _shown_link(word: str) -> str:
    """A typed URL as a note says it: without its scheme, "www.", a last ".git" or "/",
    and its query or fragment."""
    return _SHOWN_END.sub("", _SCHEME.sub("", word, count=1), count=1)


def _cuts(word: str) -> list[tuple[int, str]]:
    """The starts of a typed URL ``word``, longest first, each as its length and as a
    link (`link_form`): the word cut at each of its `_LINK_CUT` characters, each of two
    parts at least, and shorter than the word."""
    full = link_form(word)
    cuts: dict[str, int] = {}
    for cut in reversed(list(_LINK_CUT.finditer(word))):
        form = link_form(word[:cut.start()])
        if form != full and "_" in form[len(LINK_MARK):] and form not in cuts:
            cuts[form] = cut.start()
    return [(end, form) for form, end in cuts.items()]


def _holds(link: str, body: str, whole: bool) -> bool:
    """Whether the index's ``link`` holds a typed link's ``body`` (`link_form` without
    its mark) from a word's start (after a "_"), and if ``whole``, to a part's end:
    else each LINK_STEP is read as any "_", as in a part of a path typed."""
    if not whole:
        return "_" + body.replace(LINK_STEP, "_") in link.replace(LINK_STEP, "_")
    at = link.find(body)
    while at > 0:
        end = at + len(body)
        if link[at - 1] == "_" and (end == len(link) or link.startswith(LINK_STEP, end)):
            return True
        at = link.find(body, at + 1)
    return False


def _owned(word: str, vocabulary: Vocabulary) -> NamedLinks:
    """The links a part of a path typed without its host and held by no link names
    (`links_of`): those whose path begins with its longest start cut at a "/" of its own
    (or at its "?", "#" or "&", as a URL is cut: `_LINK_CUT`), its first part at least,
    as whole parts: "facebookresearch/sam" the links of github.com/facebookresearch/...
    and huggingface.co/facebookresearch/..., "facebookresearch/detr/tree/main" those of
    .../facebookresearch/detr. Each host's such start is one term, as an owner's of more
    than LINK_MOST links is (`NamedLinks.start`). It was its words: "facebookresearch"
    found the papers whose code's name writes it, each said to lack "sam", above them
    none. None where no link's path begins so ("encodr/decoder": words, `_refine`)."""
    ends = [match.start() for match in _LINK_CUT.finditer(word)]
    for end in sorted(set(ends), reverse=True):
        typed = link_form(word[:end])[len(LINK_MARK):].split(LINK_STEP)
        if typed == [""]:
            continue
        starts: dict[str, None] = {}
        for link in vocabulary.owners.get(typed[0], ()):
            parts = link[len(LINK_MARK):].split(LINK_STEP)
            if parts[1:1 + len(typed)] == typed:
                starts[LINK_MARK + LINK_STEP.join(parts[:1 + len(typed)])] = None
        if starts:
            return NamedLinks(True, tuple(starts), _shown_link(word), _shown_link(word[:end]), start=True)
    return NamedLinks()


def typed_doi(word: str) -> str:
    """The DOI a typed ``word`` is or holds (`_IDENTIFIER`), else "". Of a doi.org
    address, the DOI as doi.org reads it, without the address's query or fragment and
    with its escaped characters (`links.doi_from_url`, which gives the index a linked
    DOI): "https://doi.org/10.1109/CVPR.2016.90?utm_source=x" was looked for as
    "10.1109/cvpr.2016.90_utm_source_x", and "https://doi.org/10.1109%2FCVPR.2016.90"
    as no DOI, both finding nothing. (Escapes as `_unescaped` reads them, and
    readinglist.js's typedDoi the same.) What opens
    it in a sentence is not its (`_DOI_OPEN`): "(https://doi.org/10.1234/abc?x=1)" was
    read as no address, and its query as the DOI's."""
    word = _DOI_OPEN.sub("", word, count=1)
    address = _DOI_ADDRESS.match(word)
    if address:
        word = _unescaped(address.group(1))
    elif _LINK_WORD.match(word):
        # A publisher's address, read as the index reads a paper's link (`linked_doi`):
        # its query and fragment are the address's, a last ".pdf" is its PDF's. (With
        # the DOI's punctuation in its word, "...3330701?casa_token=x" was another DOI.)
        word = _unescaped(_ADDRESS_REST.sub("", word, count=1))
        identifier = _IDENTIFIER.search(word)
        doi = identifier.group(2) or "" if identifier else ""
        return _doi_trimmed(address_doi(doi, word)) if doi else ""
    identifier = _IDENTIFIER.search(word)
    return _doi_trimmed(identifier.group(2) or "") if identifier else ""


def _old_arxiv(word: str) -> str:
    """The old arXiv id a typed ``word`` is or holds, as the index holds a paper's
    (`links.normalize_arxiv`: "cs/0112017"), else "": typed with "arXiv:", a version or
    a subject class, or in an address of arXiv's, it found nothing ("arXiv:cs/0112017v1"
    was said to lack "0112017v1", "https://arxiv.org/abs/cs/0112017" was a URL no
    paper links). Not in another site's address: "github.com/lab/1234567" is a
    repository (but "cs.CL/0112017" whole is no host and path). readinglist.js's
    oldArxiv."""
    old = _OLD_ARXIV.search(word)
    if not old:
        return ""
    # (A host and path typed without "https://" is an address unless its host is an
    # archive and its subject class: "zenodo.org/1234567" was read as "zenodo/1234567",
    # its ".org" a subject class, and its record's paper was no longer found.)
    if _LINK_WORD.match(word) and "arxiv" not in _LINK_HOST.match(word).group().lower() and (
            old.start(1) > 0 or not _CLASSED_ARCHIVE.match(word)):
        return ""
    return f"{old.group(1).lower()}/{old.group(2)}"


# (A quick look before the words are read: an old id's number after its "/".)
_SEVEN_DIGITS = re.compile(r"/[0-9]{7}")
_WRITTEN_WORD = re.compile(rf"[^{SPACE}]*/[0-9]{{7}}[^{SPACE}]*")


def written_old_ids(*texts: str) -> list[str]:
    """The old arXiv ids ``texts`` write (each white-space-delimited word that holds one,
    read as a typed word is: `_old_arxiv`, so that "github.com/lab/1234567" is none),
    each once, in the order written."""
    found: dict[str, None] = {}
    for text in texts:
        if _SEVEN_DIGITS.search(text):
            found.update(dict.fromkeys(filter(None, map(_old_arxiv, _WRITTEN_WORD.findall(text)))))
    return list(found)


def _arxiv_doi_terms(doi: str) -> tuple[str, ...]:
    """The term of the arXiv id whose own DOI (`_ARXIV_DOI`) is ``doi`` (`arxiv_term`),
    if it is one: it finds the paper that gives the id alone, which has not this DOI.
    (An old id's: "10.48550/arXiv.cs/0112017" found nothing, said to be no paper's
    DOI.) readinglist.js's arxivDoiTerms."""
    ident = _ARXIV_DOI.match(doi)
    if not ident:
        return ()
    return (arxiv_term(ident.group(1) or f"{ident.group(2).lower()}/{ident.group(3)}"),)


def _typed_arxiv(word: str) -> str:
    """The arXiv id, new or old, a typed ``word`` is or holds, else "" (`_IDENTIFIER`,
    `_old_arxiv`): what `_refine` looks for, and what a word marked "-" leaves out the
    paper of (`_prohibited_terms`). readinglist.js's typedArxiv."""
    identifier = _IDENTIFIER.search(word)
    # (A DOI only past a doi.org address's "?" or "#" is none: `typed_doi`.)
    return identifier.group(1) if identifier and identifier.group(1) else _old_arxiv(word)


# A repository's SSH address, as "git clone" takes it ("git@github.com:owner/repo.git"):
# its URL is the host and the path ("github.com/owner/repo.git"). Read as typed it was no
# URL but words ("git@github", "com", "owner"...), its paper said to lack none of them
# first and every page that writes "com" after (`_refine`).
_SSH_ADDRESS = re.compile(r"^git@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}):/*", re.I)
# What a reference writes before an identifier, and a reader pastes with it ("DOI:
# 10.1109/CVPR.2016.90", "arXiv 2401.01234"): `_labels`.
_ID_LABEL = re.compile(r"^(?:doi|arxiv):?$", re.I)


def _labels(word: str, after: Sequence[str]) -> bool:
    """Whether a typed ``word`` is the label of the identifier typed ``after`` it (a DOI,
    an arXiv id: `typed_doi`, `_IDENTIFIER`, `_old_arxiv`), and so no word to look
    for: no page writes "doi", and each result of "DOI: 10.1109/CVPR.2016.90" said
    "Missing: doi", its paper counted among none with every word. readinglist.js's
    labels."""
    if not _ID_LABEL.match(word) or not after:
        return False
    return bool(typed_doi(after[0]) or _typed_arxiv(after[0]))


def unlinked_note(named: NamedLinks) -> str:
    """What the site and the terminal say of a URL no paper links (`links_of`), over
    the pages found (readinglist.js's unlinkedNote, in the same words)."""
    if named.shared:
        return f"No paper links {named.unlinked}; it finds the papers that link {named.shared}"
    return f"No paper links {named.unlinked}"


def unlinked_tip(url: str) -> str:
    """What they say under "No page found" for a query such a URL, or a DOI no paper
    has (`typed_doi`), left with nothing to find (readinglist.js's unlinkedTip). (A URL
    is said without its scheme, `_shown_link`: none begins as a DOI, "10.1234/", its
    host no name.)"""
    if _DOI_TYPED.match(url):
        return f"No paper has the DOI {url}: search for its title, or browse"
    return f"No paper links {url}: search for its name without the address, or browse"


def held_note(part: str, held: int) -> str:
    """What they say of a part of a path more than LINK_MOST links hold (`links_of`):
    the papers of the others are not found by it (readinglist.js's heldNote)."""
    return (f"{part} is part of {held:,} links: the papers of the first {LINK_MOST}, by address,"
            " are found by it; type more of it to find the others")


def link_terms(word: str, links: Sequence[str], start: bool = False) -> list[str]:
    """The query's terms for the ``links`` a typed ``word`` names (`links_of`): a
    link's start typed (or each start of ``links``, shared by an owner's links,
    ``start``: `NamedLinks.start`) is an exact term, weighed above, and a prefix term
    that ends with a part of its path (`link_begins`: Material appends the "*"); a
    whole link exact."""
    if start:
        return [term for link in links for term in (f"{link}{LINK_STEP}", f"{link}^{EXACT_BONUS}")]
    form = link_form(word)
    if list(links) == [form]:
        return [f"{form}{LINK_STEP}", f"{form}^{EXACT_BONUS}"]
    return [f"{link}^{EXACT_BONUS}" for link in links]
# Words the user wrote in lunr's own syntax are passed on untouched.
# A "^" is lunr's boost only before its number ("merging^2"): "ReST^EM" was passed on as
# "rest" boosted by "EM", which lunr rejects, and found nothing; it is a word, split
# where the index splits it. (readinglist.js's QUERY_SYNTAX is the same.)
_QUERY_SYNTAX = re.compile(r"""^[+\-]|^(?:title|text|tags):|["~]|\^(?=[0-9])|^\*|\*$""")
# A word of that syntax that only names a field ("title:the", "+title:the"): the words it
# looks for (readinglist.js's FIELD_WORD).
_FIELD_WORD = re.compile(r"\+?(?:title|text|tags):([^*~^:\"]+)")
EXACT_BONUS = 3
# The exact word's bonus in the title, a term of its own ("title:W^20"), for a word the
# index has. lunr scores each word a prefix finds by that word's own rarity: "llms*"
# found the title word "LLMsuite", on one page, whose weight in the title (4.7 times
# that of "llms", on 69 pages: its rarity) outweighed the exact bonus, and put
# "Exploring Advanced Large Language Models with LLMsuite" first, above the nine titles
# with the word "LLMs". lunr divides a field's score by the length of the query's
# vector in that field: the title term leaves a title with the exact word about as it
# was, and cuts what a longer word in the title brings (LLMsuite's 13.2 of 22.3 to 2.3
# of 11.5: 10th, after the nine). Other fields weigh as before. A misspelt word's fuzzy
# term gets a title term too (FUZZY_TITLE), else the others' outweighed it in titles
# ("instrucion tuning" lost its "Instruction Tuning" titles); as high as the exact
# word's (10 beside 10), its two near words in one title ("Instructions",
# "Instruction") did. (Both tuned on the shipped list: at 10, LLMsuite was 5th, above
# the longer titles with "LLMs".)
TITLE_BONUS = 20
FUZZY_TITLE = 4
# A typed word that no word of the index begins with (nor any other form of it) is a slip
# of the keys ("instrucion", "reinforcment"): it is looked for as lunr's fuzzy term
# "W~1", the index's words one edit away (a letter put in, left out, changed, or two
# neighbours swapped). A word of FUZZY_LONG letters or more may be two edits away
# (measured on the shipped list's words, typos of 1 or 2 random edits: at two edits a
# word of 10+ letters finds 0.5 other words beside the one meant, one of 8 or 9 letters
# 1.8, "routing" for "promting"; at one edit a typo of two edits finds the word meant
# 15% of the time). Only
# a word of letters, FUZZY_SHORTEST or more: a number or an id one digit off is another
# one (a year, a version, another paper), and a word of two letters is one edit from
# dozens of others.
FUZZY_LONG = 10
FUZZY_SHORTEST = 3


def fuzzy_distance(word: str) -> int:
    """The edit distance a word that matches nothing is looked for within."""
    return 2 if len(word) >= FUZZY_LONG else 1


def near(typed: str, word: str, edits: int) -> bool:
    """Whether lunr's fuzzy term ``typed~edits`` finds ``word``: ``word`` is ``typed``
    with at most ``edits`` letters put in, left out or changed, or neighbours swapped
    (TokenSet.fromFuzzyString, whose swap leaves the first letter to edit again).
    readinglist.js's near is the same."""
    if edits == 0 or not typed or not word:
        return typed == word or max(len(typed), len(word)) <= edits
    if typed[0] == word[0] and near(typed[1:], word[1:], edits):
        return True
    return (
        near(typed, word[1:], edits - 1)  # a letter put in
        or near(typed[1:], word, edits - 1)  # left out
        or near(typed[1:], word[1:], edits - 1)  # changed
        or (len(typed) > 1 and word[0] == typed[1] and near(typed[0] + typed[2:], word[1:], edits - 1))
    )


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-be")


class Vocabulary:
    """The index's words (its config's ``vocabulary``), in JavaScript's order of strings
    (UTF-16 code units), so that the browser finds a prefix by bisection as here."""

    def __init__(self, text: str):
        self.words = text.split()
        self._keys = [_utf16(word) for word in self.words]

    @staticmethod
    def order(words: Iterable[str]) -> list[str]:
        return sorted(set(words), key=_utf16)

    def has(self, word: str) -> bool:
        """Whether ``word`` is a word of the index."""
        at = bisect.bisect_left(self._keys, _utf16(word))
        return at < len(self.words) and self.words[at] == word

    def begins(self, prefix: str) -> bool:
        """Whether a word of the index begins with ``prefix`` (lunr's "prefix*")."""
        at = bisect.bisect_left(self._keys, _utf16(prefix))
        return at < len(self.words) and self.words[at].startswith(prefix)

    def starting(self, prefix: str) -> list[str]:
        """The words of the index that begin with ``prefix``, in its order."""
        at = end = bisect.bisect_left(self._keys, _utf16(prefix))
        while end < len(self.words) and self.words[end].startswith(prefix):
            end += 1
        return self.words[at:end]

    @functools.cached_property
    def owners(self) -> dict[str, list[str]]:
        """The index's links (`link_form`) by the part of their path after the host
        (an owner's name), each owner's in the vocabulary's order; no DOI's word. A
        path typed without its host is looked up here (`_owned`): it split every link
        at each cut of the path, 1.5 ms a cut at 10,000 papers (2,389 links), on each
        keystroke on the site. (Made once, as long as one such cut takes.)"""
        owners: dict[str, list[str]] = {}
        for link in self.starting(LINK_MARK):
            # (LINK_MARK, the host, the owner, the rest: `link_form` writes no empty part.)
            parts = link.split(LINK_STEP, 3)
            if len(parts) > 2 and not link.startswith(DOI_MARK):
                owners.setdefault(parts[2], []).append(link)
        return owners

    def near(self, typed: str, edits: int) -> list[str]:
        """The words ``typed~edits`` finds, in the vocabulary's order."""
        return [word for word in self.words if abs(len(word) - len(typed)) <= edits and near(typed, word, edits)]


def refine_query(
    query: str, separator: str = SEPARATOR, base_forms: Mapping[str, Sequence[str]] | None = None,
    vocabulary: Vocabulary | None = None,
) -> str:
    """The query the site's search box hands Material (see the module docstring);
    overrides/assets/readinglist.js does exactly this in the browser. ``base_forms``
    is the index's map of a word's other forms turned around (lemmas.by_form);
    ``vocabulary`` the index's words, by which a word that matches none is looked for
    as a fuzzy term (without it, none is)."""
    return " ".join(_refine(query, separator, base_forms, vocabulary).terms)


def query_words(
    query: str, separator: str = SEPARATOR, base_forms: Mapping[str, Sequence[str]] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[tuple[str, ...]]:
    """The words of ``query`` a result is ranked by (`rank_by_words`): each word the
    refined query looks for, as the terms any of which finds it (lower-cased): the word
    itself, its base forms, and the other spellings of the typed word it is part of
    ("multitask" for "multi-task"'s "multi" and "task", "tulu" for "tülu"); for a word
    looked for as a fuzzy term, the index's words that term finds ("instruction" for
    "instrucion"). readinglist.js's refineWords is the same."""
    return _refine(query, separator, base_forms, vocabulary).words


# A double quote is the query's syntax: a phrase. Its words are each looked for as
# themselves (Material's '"task vectors"' is "+task +vectors": no word's start, no other
# form), and a page is found only where they stand next to each other, in that order, in
# one of its texts (`holds_phrase`). But Material pairs a query's quotes as its regular
# expression meets them, across words: 'he*" "alpha' (a quote closing after one word,
# another opening before the next) made "+alpha" of the space between them, which the
# site and the terminal then read otherwise; and '-"alpha" codes' was "- +alpha codes",
# requiring what the reader left out. So the query is read for its phrases first
# (readinglist.js's readPhrases alike): quotes pair from the left, a last one that closes
# nothing is dropped, a phrase is handed on quoted round its words alone (Material then
# pairs those quotes, and only those), a phrase of no words is none, and a "-" before a
# phrase of one word marks it "-" (a "+" is what the quotes ask already); a phrase of two
# words or more (`phrase_words`: "fine-tuning" is two) marked "-" is handed on as nothing
# and leaves out, after lunr, the pages that hold it (`Refined.unphrases`): its words
# marked "-" left out every page with either word. (A quote after a backslash is TeX's,
# 'G\"odel', dropped: the word is "G\odel", which lunr's escape reads as "godel".)
_QUOTE = re.compile(r'"')
_TEX_QUOTE = re.compile(r'(?<=\\)"')
# (\Z, not $: Python's $ matches before a last newline, JavaScript's only at the end:
# "-" then a newline before a phrase is a word of its own to readinglist.js.)
_PHRASE_SYNTAX = re.compile(r"[*~]")
_PHRASE_MARK = re.compile(f"(?:^|(?<=[{SPACE}]))([+-])\\Z")
# A field of the index's before a phrase scopes it ('title:"task vectors"', marked too:
# '-title:"task vectors"'): the phrase is looked for in that field's texts alone
# (`phrase_texts`), and its words are handed on in that field ("+title:task"). The field
# was dropped, and the phrase looked for everywhere: '-title:"task vectors"' found the
# pages with it. A scoped phrase is its field's name and a colon, then its words: no
# word has a colon (the separator splits at it). "author:" and "authors:" too, read as
# "text:" as before a word (`_AUTHOR_FIELD`): '-author:"ada lovelace"' kept the pages
# with the name, and "author" was a word of the query, missing from every page.
_PHRASE_FIELD = re.compile(f"(?:^|(?<=[{SPACE}]))([+-]?)(title|text|tags|[Aa][Uu][Tt][Hh][Oo][Rr][Ss]?):\\Z")


def phrases(query: str, separator: str = SEPARATOR) -> str:
    """``query`` with its quotes paired as `_refine` reads them: '-"alpha" "merging  codes"
    x"' is ' -alpha  "merging" "codes"  x' (see above)."""
    return read_phrases(query, separator)[0]


def read_phrases(
    query: str, separator: str = SEPARATOR
) -> tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """`phrases`' text, and the phrases of two words or more a page must hold and those
    it must not (marked "-"), each as its words (`phrase_words`), in the order typed;
    one scoped to a field, its field's name and a colon first ("title:", "task", "vectors")."""
    query = _TEX_QUOTE.sub("", query)
    quotes = [m.start() for m in _QUOTE.finditer(query)]
    if len(quotes) % 2:
        stray = quotes.pop()
        query = query[:stray] + query[stray + 1:]
    text, at = "", 0
    wanted: dict[tuple[str, ...], None] = {}
    unwanted: dict[tuple[str, ...], None] = {}
    split_at = re.compile(separator)
    for start, end in zip(quotes[::2], quotes[1::2]):
        before = query[at:start]
        scope = _PHRASE_FIELD.search(before)
        mark = scope or _PHRASE_MARK.search(before)
        field = ("text:" if scope.group(2).lower().startswith("author") else f"{scope.group(2)}:") if scope else ""
        words = [word for word in re.split(f"[{SPACE}]+", query[start + 1:end]) if word]
        # (A phrase with lunr's wildcard or fuzzy mark in it, '"task vec*"', is its words
        # each required as typed, not a phrase: no text holds "vec" itself, and it found
        # nothing. Marked "-", each of its words is, as before phrases were read.)
        wild = any(_PHRASE_SYNTAX.search(word) for word in words)
        phrase = () if wild else phrase_words(" ".join(words), split_at)
        if mark and mark.group(1) == "-" and len(phrase) > 1:
            said = ""
            unwanted[(field, *phrase) if field else phrase] = None
        elif mark and mark.group(1) == "-":
            said = " ".join(word if word[0] in "+-" else f"-{field}{word}" for word in words)
        elif field and (len(phrase) < 2 or wild):
            # (A word, or words with a wildcard, required in the field as Material reads
            # '"task"': no phrase scopes them after lunr.)
            said = " ".join(f"+{field}{word}" for word in words
                            if not all(part in STOP_WORDS for part in phrase_words(word, split_at)))
        elif len(phrase) > 1 or (wild and len(words) > 1):
            # Each word quoted alone, which Material reads as the phrase ("+merging +task
            # +vectors"): a word between a phrase's first and last, quoted by neither,
            # was refined as a word of its own, "title:task^20" among its terms, which
            # Material then required. And without its stop words, which lunr indexes
            # none of: Material required them too, and '"learning to rank"' found
            # nothing. The phrase's page still holds them where they stand (`holds_phrase`).
            said = " ".join(f'"{piece}"' for word in words for piece in _handed_pieces(word, split_at))
            # (A scoped phrase's words are handed on as an unscoped one's: the phrase
            # scopes them after lunr, its words read without their accents, as
            # "title:tulu" is not: the title's word is "tülu".)
            if phrase:
                wanted[(field, *phrase) if field else phrase] = None
        else:
            said = f'"{" ".join(words)}"' if words else ""
        text += f"{before[:mark.start()] if mark else before} {said} "
        at = end + 1
    return text + query[at:], tuple(wanted), tuple(unwanted)


# What a phrase's words are read by, in the query and in a page's text alike: the words
# lunr indexes (the index's separator, markup skipped, lower-cased), each without its
# accents (`fold`), and nothing else: no base form, no stemming (the search stems
# nothing: Material's pipeline for English is its stop word filter), no joined form
# ("finetuning" is not "fine-tuning", which is "fine tuning"), stop words kept ("learning
# to rank"). The query's text is escaped as the index's is (`_escape`), so that "AT&T" is
# split where the index's "AT&amp;T" is. A phrase does not run across texts: a page's
# title, each tag, each block of its text (a paragraph: the byline, the summary, the
# abstract's) and each of its hidden free texts (`PHRASE_TEXTS`: the notes, the full
# byline, the editors, the curator's tags) are read apart.
_BLOCK = re.compile(r"<(?:/?(?:p|li|ul|ol|div|h[1-6]|tr|td|th|pre|blockquote|table|dd|dt)|br)\b[^>]*>", re.I)
# (A paper entry's hidden field holds its single forms first, then each free text after
# a "|", a separator, so that lunr reads the field as before.)
PHRASE_TEXTS = "|"


def _handed_pieces(word: str, split_at: re.Pattern[str]) -> list[str]:
    """A phrase's ``word`` as handed on to Material, each quoted (`read_phrases`): itself,
    or, where the index's escaping alone splits it ("Q&A", the index's "Q&amp;A"), its
    pieces, Material's "q&a" being no word of the index; without it, or a piece, that is
    made of stop words ('"Q&A"' is '"Q"', the phrase "q a" kept after lunr). (Not the
    index's "&#42;" for a "*": that is lunr's wildcard, typed.)"""
    escaped = html.escape(word, quote=False)
    pieces = tokenize(escaped, split_at) if split_at.search(escaped) and not split_at.search(word) else [word]
    return [piece for piece in pieces if not all(part in STOP_WORDS for part in phrase_words(piece, split_at))]


def phrase_words(text: str, split_at: re.Pattern[str]) -> tuple[str, ...]:
    """The words of ``text`` (a query's phrase, as typed) a page's text is read by."""
    return tuple(fold(word) for word in tokenize(_escape(text), split_at))


def phrase_texts(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The texts of an index entry a phrase is looked for in, each apart (see above),
    each after its field's name and a colon ("title:"; "" for the hidden free texts, which
    a phrase scoped to a field is not looked for in: lunr finds "title:task" in no note)."""
    tags = doc.get("tags") or []
    return [
        ("title:", str(doc.get("title", ""))), *(("text:", block) for block in _BLOCK.split(str(doc.get("text", "")))),
        *(("tags:", tag) for tag in ([tags] if isinstance(tags, str) else tags)),
        *(("", text) for text in str(doc.get("variants", "")).split(PHRASE_TEXTS)[1:]),
    ]


def phrase_words_of(text: str, split_at: re.Pattern[str]) -> tuple[str, ...]:
    """The words of ``text`` (an index entry's, `phrase_texts`) a phrase is read by."""
    return tuple(word if word.isascii() else fold(word) for word in tokenize(text, split_at))


def holds_phrase(texts: Iterable[tuple[str, Sequence[str]]], phrase: Sequence[str]) -> bool:
    """Whether one of ``texts`` (each its field, `phrase_texts`, and its words,
    `phrase_words_of`) has the words of ``phrase`` next to each other, in its order; a
    phrase scoped to a field (`read_phrases`), in a text of that field."""
    field = phrase[0] if phrase and phrase[0].endswith(":") else None
    phrase = tuple(phrase[1:] if field else phrase)
    n = len(phrase)
    return any(
        words[i] == phrase[0] and tuple(words[i:i + n]) == phrase
        for of, words in texts if field is None or of == field for i in range(len(words) - n + 1)
    )


def _refine(
    query: str, separator: str, base_forms: Mapping[str, Sequence[str]] | None,
    vocabulary: Vocabulary | None = None,
) -> Refined:
    query, wanted, unwanted = read_phrases(query, separator)
    base_forms = base_forms or {}
    split_at = re.compile(separator)
    out: list[str] = []
    words: dict[tuple[str, ...], None] = {}
    required: dict[tuple[str, ...], None] = {}
    # (the typed words lunr does not search, its stop words: each as first typed, "I" not
    # "i", which the tip quotes back)
    common: dict[str, str] = {}
    # (the typed stop words that are authors' names: `name_forms`)
    names: dict[tuple[str, ...], None] = {}
    # (what the reader is told of the URLs typed: `unlinked_note`, `held_note`; and the
    # URLs that name no link, nor one of their owner's)
    notes: list[str] = []
    unlinked: list[str] = []
    # (each hyphenated word corrected, `corrected_compound`, and what was typed: said
    # missing as typed)
    typed: dict[str, str] = {}
    # (the hyphenated words typed, lower-cased: one of them typed as a slip too,
    # "mutli-task multi-task", is said missing as typed right, not as the slip)
    right: set[str] = set()
    # (whether a typed word looks for a word that is no such word: then the query's
    # common words are not what it found nothing for)
    other = False
    typed_words = re.split(f"[{SPACE}]+", query)
    for at, word in enumerate(typed_words):
        if not word or _labels(word, typed_words[at + 1:at + 2]):
            continue
        # A word marked "+" (required) or "-" (prohibited), as lunr and Google read
        # them, and otherwise plain: passed on as typed, "+merging" was the exact word
        # alone (Material appends no "*" to a marked term), and "-multi-task" was read by
        # lunr as "-multi task*". (A marked word in more of lunr's syntax, "+title:x",
        # "-atten*", is passed on as before.) A word marked "+" is refined as unmarked,
        # and each word it gives to rank by is required of a page (`rank_by_words`):
        # lunr requires a term, and a word is found by any of several ("multitask" or
        # "multi task" for "multi-task", "prune" for "pruned", "llm" for "llms"), so
        # that its pieces required as lunr terms left out pages the word unmarked finds.
        # ("author:" is no field of the index: the authors are in the text. Read so
        # before the mark: "+author:he" was "text:he", not required, and "-author:he"
        # left out every page that writes "author".)
        word = _AUTHOR_FIELD.sub(r"\1text:", word, count=1)
        presence = _presence(word, vocabulary)
        word = _SSH_ADDRESS.sub(r"\1/", word[1:] if presence else word, count=1)
        if presence == "-":
            out += [f"-{term}" for term in _prohibited_terms(word, split_at, vocabulary)]
            other = True
            continue
        if not word:
            continue
        # A word a page writes with a symbol the separator splits at ("C++", "R^2"),
        # typed as written: the term the index holds for it (`written_term`), so that
        # "R^2" is that word, not lunr's "R" boosted by 2.
        # (And as copied from a sentence, "C++,": the form alone.)
        form = written_form(word, vocabulary)
        as_written, word = (written_term(form), form) if form else ("", word)
        if _QUERY_SYNTAX.search(word) and not as_written:
            # An author's name that is a stop word, typed so ("he*", "text:he"), is
            # looked for as the entries hold it (`typed_names`), marked as typed.
            names_typed = typed_names(word, vocabulary)
            mark = word[0] if word[0] in "+-" else ""
            # "text:he" is the name alone, or too common to search: "he" is a stop word,
            # and Material's "*" made the term every word that begins with "he" ("help",
            # "health"), so that "author:he" listed 2,291 of 10,000 made-up papers, by
            # no He. ("he*" asks for those words.)
            if mark == "+" and word.endswith("*") and names_typed:
                # A word's start required ("+he*"), where authors' names begin so: a page
                # must have a word that begins so, or such a name. lunr has no clause for
                # "one of these terms": each is asked unmarked, and a page with none is
                # left out as one without a word marked "+" is (`rank_by_words`). (The
                # start without its "*" is the term Material's result says it found.)
                out.append(word[1:])
                out += [f"{name}^{EXACT_BONUS}" for name in names_typed]
                start = _TYPED_NAME.match(word).group(3).lower()  # type: ignore[union-attr]
                required[(word[1:].lower(), start, *names_typed)] = None
                other = True
                continue
            if not _text_stop_word(word):
                out.append(_typed_term(word, split_at, vocabulary))
            out += [f"-{name}" if mark == "-" else f"{mark}{name}^{EXACT_BONUS}" for name in names_typed]
            # "title:the" is looked for as typed, and no page has "the" to find, as for "the".
            field = _FIELD_WORD.fullmatch(word)
            named = [piece for piece in split_at.split(field.group(1)) if piece] if field else []
            if named and all(piece.lower() in STOP_WORDS for piece in named) and not names_typed:
                for piece in named:
                    common.setdefault(piece.lower(), piece)
            else:
                other = True
            continue
        word = word.replace("*", "")  # inside a word, as in "MCTS*:", it is text
        # A pasted arXiv id or DOI, with whatever is around it ("arXiv:", an address,
        # a version) is looked for as the id alone: "arxiv", "https" or "org" would
        # rank other papers first.
        doi = typed_doi(word)
        if doi:
            # A DOI is looked for whole (`doi_form`): the one word to rank by it gives,
            # said missing as typed. A publisher's address that holds one
            # ("dl.acm.org/doi/10.1145/...") is also the link it is: a paper that links it
            # and has no `doi:` was found by no form of its own link.
            form = doi_form(doi)
            named = NamedLinks() if vocabulary is None or _DOI_ADDRESS.match(word) else links_of(word, vocabulary)
            linked = named.links if named.whole and not named.unlinked else ()
            # arXiv's own DOI ("10.48550/arXiv.2401.01234", which arXiv's page shows)
            # is the paper's arXiv id too: it found no paper that gives the id alone.
            # (An old id's is the word the index holds for it: no other term.)
            ids = tuple(term for term in _arxiv_doi_terms(doi) if term != form)
            out.append(f"{form}^{EXACT_BONUS}")
            out += [f"{ident}^{EXACT_BONUS}" for ident in ids]
            out += link_terms(word, linked) if linked else []
            found_by = (word.lower(), form, *ids, *linked)
            words[found_by] = None
            if presence == "+":
                required[found_by] = None
            if vocabulary is not None and not linked and not any(map(vocabulary.has, (form, *ids))):
                # (Where nothing is found, the reader is told no paper has it, not to try
                # "a shorter word": a DOI is looked for whole. `unlinked_tip`)
                unlinked.append(doi)
            other = True
            continue
        arxiv = _typed_arxiv(word)
        if "/" in arxiv:
            # An old id is one word, as a new one is, found by the word the index holds
            # for it (`arxiv_term`): said missing as the id, as a new one is, not the
            # word pasted round it ("arxiv:hep-th/0000001v2", "(arxiv:...).", an address).
            # (And the pages that write it, after its paper: `mention_term`.)
            term, mention = arxiv_term(arxiv), mention_term(arxiv)
            out += [f"{term}^{EXACT_BONUS}", f"{mention}^1"]
            found_by = (arxiv, term, mention)
            words[found_by] = None
            if presence == "+":
                required[found_by] = None
            other = True
            continue
        if arxiv:
            word = arxiv
        # A URL or a host and path that begins a page's link (`link_form`) finds that
        # page first: it is the one word to rank by this typed word gives (the pages
        # that link so find it, no other does), and the host's words ("github", "com*")
        # are no terms, nor a last ".git" ("git*": "GitHub"). The path's words still
        # find other pages, after.
        # A part of a link's path ("KaimingHe/deep-residual-networks") finds the pages
        # whose link holds it too: each of its words is found by those links (`held`),
        # as by its own terms. (`links_of`: a link found by its start is a prefix term,
        # another exact.)
        # A URL's or a path's words are the address's, pasted, not typed: none is a slip
        # of the keys, looked for by its near spellings (`near` below). "meta" of
        # "meta-llama/Llama-2-7b", on no page, found "beta" and "zeta", whose pages came
        # first. (A word with "/" inside is read so too, "meta-llama/Llama-3-8b", but
        # words of letters alone joined by "/" that no link holds, "encodr/decoder", as
        # a sentence joins them: each is a typed word, a slip of the keys looked for as
        # any other's, `_slashed_words`; "encodr" found nothing, the paper said to lack it.)
        named = links_of(word, vocabulary) if not arxiv and vocabulary is not None else NamedLinks()
        pasted = bool(_LINK_WORD.match(word) or (
            _LINK_PATH.search(word) and (named.links or not _slashed_words(word))))
        found_links = named.links
        out += link_terms(word, found_links, named.start) if found_links else []
        link = found_links[0] if named.whole and not _typed_words(word, named) else ""
        held: tuple[str, ...] = () if named.whole else tuple(found_links)
        if named.held:
            notes.append(held_note(word, named.held))
        if named.unlinked:
            # A URL no paper links is not its words (`links_of`): the reader is told so,
            # and it finds the papers that link its owner, if any. Marked "+" and
            # naming none, it leaves every page out (`Refined.nothing`).
            notes.append(unlinked_note(named))
            other = True
            if not found_links:
                unlinked.append(named.unlinked)
                if presence == "+":
                    required[(word.lower(), link_form(word))] = None
                continue
        if link:
            found_by = (word.lower(), *found_links)
            words[found_by] = (required if presence == "+" else {})[found_by] = None
            word = _LINK_END.sub("", _LINK_HOST.sub("", word[:named.length], count=1), count=1)
            other = True
            if named.unlinked:
                continue
        if not pasted:
            written, word = word, corrected_compound(word, vocabulary, base_forms)
            # (Of two slips of one word, "mutli-task multi-tsak", the first typed is said.)
            for corrected, slip in _corrections(written, word).items():
                typed.setdefault(corrected, slip)
            right.update(compound.lower() for compound in _HYPHENATED.findall(written))
        # (A backslash is lunr's escape, which its query parser drops: "\alpha" of a TeX
        # title pasted is the term "alpha", and was a word to rank by of its own, said
        # missing as "\alpha" in the terminal and not on the site. readinglist.js alike.)
        pieces = [piece for piece in split_at.split(word.replace("\\", "")) if piece]
        # The forms the index holds for other spellings (`variants`): "multi-task" also
        # looks for "multitask", "Tülu" for "tulu".
        joined = [j.replace("-", "") for j in _HYPHENATED.findall(word)]
        # (Folding may make separators: NFKD writes "¯" as a space and a mark.)
        folded = [
            piece for p in pieces + joined if not p.isascii() and (f := fold(p)) != p
            for piece in split_at.split(f) if piece
        ]
        # A lone letter split off a word ("Don't", "k-means") would become the prefix
        # search "t*", which matches nearly every paper and highlights every "t". It is
        # left out; in a word of lone letters only ("I/O", "U.S.") each is looked for as
        # an exact word (a boosted term gets no "*").
        lone = [len(p) == 1 and p.isalpha() for p in pieces] if len(pieces) > 1 else []
        # ("the-the" is looked for as "thethe" too, which finds nothing either; "the's"
        # as "the" alone, its "s" left out below: neither looks for another word.)
        searched = [p for p, alone in zip(pieces, lone or [False] * len(pieces)) if not alone or all(lone)]
        other = other or any(p.lower() not in STOP_WORDS for p in searched) or bool(
            joined and any(p.lower() not in STOP_WORDS for p in pieces))
        # (A word's other spellings find each of its pieces: a paper writing "multitask"
        # has the words of "multi-task".)
        spellings = [p.lower() for p in joined + folded if p.lower() not in STOP_WORDS]
        # A hyphenated word the index has joined ("ROUGE-L": "rougel", `variants`) is one
        # word to rank by, found only where the page writes it whole: its halves each
        # counted as found on a page that wrote "ROUGE" alone, which then came as high,
        # and a page found by a half alone is left out (`rank_by_words`). Its first term
        # is the word as typed (lower-cased), which no page has as a term: what it
        # reads for the title's words (`title_words`) is its pieces. Its halves (and
        # their spellings without accents) are looked for as exact words, no word's
        # start: "GPT-4"'s "4*" found "405B", which ranked a title with "405B" and
        # "GPT-4o" above the page that writes "GPT-4" (and was highlighted:
        # readinglist.js marks the word whole). (Exact, they still rank the page that
        # writes the word as typed, "Multi-task", above one that writes "Multitask".)
        compounds = [(*compound, *held) for compound in _compounds(word, vocabulary)]
        halves = {half for compound in compounds for half in compound[0].split("-")}
        exact = {part for half in halves for part in (half, *split_at.split(fold(half).lower()))}
        # A written form's pieces are exact words, no word's start: "C++" is no
        # "computer". Each word to rank by its pieces give ends with its term, found
        # first where a page writes the form (`by_pieces`); a form of one piece is that
        # piece's word, said missing as typed, "c++".
        if as_written:
            exact.update(piece.lower() for piece in pieces)
            out.append(f"{as_written}^{EXACT_BONUS}")
            other = True
        form_by = (as_written,) if as_written else ()
        # (So is a form whose other pieces are lone letters or stop words, left out
        # above: "R^2" was said missing as "2", "TD(λ)" as "td".)
        typed_as = (word.lower(),) if as_written and sum(p.lower() not in STOP_WORDS for p in searched) == 1 else ()
        # (The words to rank by this typed word gives: each required if it is marked "+".)
        ranked_by = required if presence == "+" and not link else {}
        if not link:
            words.update(dict.fromkeys(compounds))
        ranked_by.update(dict.fromkeys(compounds))
        for n, piece in enumerate(pieces + joined + folded):
            if lone and len(piece) == 1 and piece.isalpha():
                if all(lone) and piece.lower() not in STOP_WORDS:
                    out.append(f"{piece}^{EXACT_BONUS}")
                    words[(*typed_as, piece.lower(), *form_by)] = ranked_by[(*typed_as, piece.lower(), *form_by)] = None
                continue
            if n < len(pieces) and piece.lower() in STOP_WORDS:
                name = NAME_MARK + piece.lower()
                if len(piece) > 1 and vocabulary is not None and vocabulary.has(name):
                    # A stop word that is an author's name in the list ("He"): looked
                    # for as the entries hold it (`name_forms`), exact. It is a word to
                    # rank by only where the query has no other (below): a title
                    # pasted whole ("Do Vision Transformers See ...") still finds its
                    # page first, a paper by Do only nudged up by lunr's score.
                    out.append(f"{name}^{EXACT_BONUS}")
                    names[(piece.lower(), name)] = None
                    if presence == "+":
                        words[(piece.lower(), name)] = required[(piece.lower(), name)] = None
                    other = True
                else:
                    common.setdefault(piece.lower(), piece)
            if piece and piece.lower() not in STOP_WORDS:
                bases = base_forms.get(piece.lower(), ())
                edits = fuzzy_distance(piece.lower())
                near = (
                    vocabulary.near(piece.lower(), edits)
                    if n < len(pieces) and vocabulary is not None and not bases and not pasted
                    and piece.isalpha() and len(piece) >= FUZZY_SHORTEST
                    and not any(map(vocabulary.begins, [piece.lower(), *spellings]))
                    else []
                )
                if near:
                    # Found by nothing as typed: a fuzzy term, ranked by the words it finds.
                    # (Not one near no word, which finds nothing, and which lunr takes the
                    # longer to build the longer the word: 5 s for 300 letters.)
                    out += [f"{piece}~{edits}", f"title:{piece}~{edits}^{FUZZY_TITLE}"]
                    found_by = tuple(dict.fromkeys((piece.lower(), *near, *held)))
                    words[found_by] = ranked_by[found_by] = None
                    continue
                # Material appends the "*" to the first (it leaves a boosted term alone).
                out += [f"{piece}^{EXACT_BONUS}"] if piece.lower() in exact else [piece, f"{piece}^{EXACT_BONUS}"]
                # (Only for a word the index has: for one it has not, the term would find
                # nothing, and cut what the title's longer words bring: "distil".)
                if vocabulary is not None and vocabulary.has(piece.lower()):
                    out.append(f"title:{piece}^{TITLE_BONUS}")
                # Its base forms (lemmas.py): exact terms, weighed below the typed word.
                out += [f"{base}^{lemmas.QUERY_BOOST}" for base in bases]
                if n < len(pieces) and piece.lower() not in halves and not link:
                    found_by = tuple(dict.fromkeys((*typed_as, piece.lower(), *bases, *spellings, *held, *form_by)))
                    words[found_by] = ranked_by[found_by] = None
        # (A hyphenated word is looked for written with spaces too, where the index has
        # it so: `with_spaced`.)
        out += [term for compound in compounds for term in spaced_terms(compound)]
    if not words:
        words.update(names)
    # A word marked "+" that no page has, by any of its terms (no word of the index
    # begins with one: a page finds a term by a word it begins), leaves every page out:
    # the query is answered at once, unasked.
    nothing = vocabulary is not None and not all(
        any(map(vocabulary.begins, word)) for word in required)
    # A query of such words alone ("the", "+the", "title:the", "the-the") has nothing to
    # search for: said so where it finds nothing, not that every word marked "+" is on no
    # page (or to try a shorter word).
    return Refined(out, list(words), list(required), nothing, () if other else tuple(common.values()),
                   tuple(dict.fromkeys(notes)), tuple(dict.fromkeys(unlinked)),
                   {corrected: slip for corrected, slip in typed.items() if corrected not in right},
                   wanted, unwanted)


@dataclass(frozen=True)
class Refined:
    """A query refined (`_refine`): the ``terms`` Material is handed, the ``words`` a
    result is ranked by (`query_words`), those of them a page must find, the words
    of words marked "+" (``required``), and whether one of those no page has
    (``nothing``: no word of the index begins with any of its terms), so that the
    query finds nothing without asking lunr (readinglist.js asks the worker ""); for a
    query of words too common to search alone (lunr's stop words, "the"), those words,
    each once, as first typed (``common``: `common_tip` says them); what the reader is
    told of the URLs typed (``notes``: `unlinked_note`, `held_note`), and those that
    named no link at all (``unlinked``: `unlinked_tip`, where nothing is found)."""

    terms: list[str]
    words: list[tuple[str, ...]]
    required: list[tuple[str, ...]]
    nothing: bool = False
    common: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    unlinked: tuple[str, ...] = ()
    # (A hyphenated word corrected (its first term, `_compounds`) and the word as typed,
    # lower-cased: "multi-task" and "mutli-task". A result without it lacks what the
    # reader typed: "Missing: multi-task" named a word they never wrote, `words_missing`.)
    typed: Mapping[str, str] = field(default_factory=dict)
    # (The phrases of two words or more a page must hold, and those marked "-" it must
    # not, each as its words: `read_phrases`, `holds_phrase`.)
    phrases: tuple[tuple[str, ...], ...] = ()
    unphrases: tuple[tuple[str, ...], ...] = ()

    def keeps(self, texts: Sequence[tuple[str, Sequence[str]]]) -> bool:
        """Whether a page whose texts are ``texts`` (each its field and its words) holds every
        phrase of the query and none marked "-"."""
        return all(holds_phrase(texts, phrase) for phrase in self.phrases) and not any(
            holds_phrase(texts, phrase) for phrase in self.unphrases)


# "author:" and "authors:" typed as a field: none of the index's (`FIELDS`); the names
# a result shows are in its text, and "author:he" was the word "author" (on no paper's
# entry: every result said it missing) and the name "He".
_AUTHOR_FIELD = re.compile(r"^([+-]?)authors?:(?=[^:])", re.I)
# A word in lunr's syntax that may look for an author's name that is a stop word: a
# word's start ("he*") or a word of the text ("text:he"), not of a title or topic.
_TYPED_NAME = re.compile(r"^([+-]?)(text:)?([a-z]+)(\*?)$", re.I)


def typed_names(word: str, vocabulary: Vocabulary | None) -> list[str]:
    """The authors' names that are stop words (`name_forms`, as the index holds them:
    "_he") a ``word`` typed in lunr's syntax looks for: "he*" each one that begins with
    "he" ("He", "Her"), which lunr's wildcard, matching the words that begin so
    ("health"), never found; "text:he" (and "author:he", read as it) the name "He",
    which lunr's stop word filter dropped, so that the query was "too common to search".
    "title:he" and "tags:he" none: no title or topic holds an author's name, and such a
    word is too common to search there, as before. A word marked "-" leaves them out
    too; "+he*" the same names, asked unmarked, a page required to have one of them or
    a word that begins with "he" (`_refine`: lunr has no clause for "one of these", and
    both required left out He's papers without such a word; none at all left out every
    paper by He that has no word beginning "he"). readinglist.js's typedNames."""
    typed = _TYPED_NAME.match(word)
    if vocabulary is None or typed is None or not (typed.group(2) or typed.group(4)):
        return []
    start = typed.group(3).lower()
    return [
        NAME_MARK + stop for stop in sorted(STOP_WORDS)
        if len(stop) > 1 and (stop.startswith(start) if typed.group(4) else stop == start)
        and vocabulary.has(NAME_MARK + stop)
    ]


def _text_stop_word(word: str) -> bool:
    """Whether a word typed in lunr's syntax is a stop word looked for in the text,
    whole ("text:he", "+text:he"; not "he*", "title:he"): `_refine` asks no term for it."""
    typed = _TYPED_NAME.match(word)
    return bool(typed and typed.group(2) and not typed.group(4) and typed.group(3).lower() in STOP_WORDS)


def _presence(word: str, vocabulary: Vocabulary | None = None) -> str:
    """"+" or "-" where a typed word (no white space) is marked so, and is otherwise
    plain (`_refine`), or a form a page writes ("-R^2": `written_term`); else ""."""
    if word[:1] in ("+", "-") and written_form(word[1:], vocabulary):
        return word[0]
    return word[0] if word[:1] in ("+", "-") and not _QUERY_SYNTAX.search(word[1:]) else ""


# What the site and the terminal say under "No page found" for a query with words marked
# "+" or "-" ("+merging -task": every page with "merging" has "task"): the marks, not a
# spelling, left every page out. (readinglist.js's MARKED_TIP, in the same words.)
MARKED_TIP = 'A page must have every word marked "+" and none marked "-", and none does: try without the marks, or browse'


# What they say for a query whose words are all marked "-" ("-task"): it only leaves
# pages out, and lunr listed every page without "task" (each scored NaN). Nothing is
# found; a word to search for is what it lacks. (readinglist.js's EXCLUDING_TIP.)
EXCLUDING_TIP = 'Words marked "-" only leave pages out: add a word to search for, or browse'


# What a query that found nothing looks like, said plainly: a reader of a list that
# records no authors, years or arXiv ids searched "Bengio" or "2106.09685" and was told
# to try a shorter word or another spelling, as if it were a slip of the keys. Each
# typed word must look so, the words of a name each capitalised (Latin-1's letters
# too; readinglist.js's YEAR_TYPED, ARXIV_TYPED and NAME_TYPED are the same).
_YEAR_TYPED = re.compile(r"(?:1[89]|20)[0-9]{2}")
# (Its label's letters each in either case, not IGNORECASE: Python's would take the
# dotless "ı" for "i", JavaScript's not.)
_ARXIV_TYPED = re.compile(r"(?:[aA][rR][xX][iI][vV]:)?([0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?")
_NAME_TYPED = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff]+(?:-[A-Z\u00c0-\u00d6\u00d8-\u00de]?[a-z\u00df-\u00f6\u00f8-\u00ff]+)*")
# The fields `recorded` names, when at least one paper of the list has one. (Editors: the
# ones a page names, `Paper.editor_names`, which the index holds; a list without them
# says nothing more.)
RECORDED_FIELDS = ("arxiv", "authors", "editors", "years")


def recorded(papers: Sequence[Paper]) -> list[str]:
    """Which of RECORDED_FIELDS the list records (the index's config's ``recorded``)."""
    has = {"arxiv": any(p.arxiv for p in papers), "authors": any(p.authors for p in papers),
           "editors": any(p.editor_names for p in papers), "years": any(p.year is not None for p in papers)}
    return [name for name in RECORDED_FIELDS if has[name]]


def unrecorded_tip(query: str, fields: Sequence[str] | None) -> str:
    """What the site and the terminal say under "No page found" for a query of arXiv
    ids, years or a name (`_NAME_TYPED`): that the list records no such field, or,
    where it does (or the index does not say, ``fields`` None), that no paper has
    it; the index holds each paper's ids, year and authors, so nothing found means
    none has it and no page writes it. "" for another query. (readinglist.js's
    unrecordedTip, in the same words.)"""
    typed = [word for word in re.split(f"[{SPACE}]+", query) if word]
    if not typed:
        return ""
    ids = [m.group(1) for m in map(_ARXIV_TYPED.fullmatch, typed) if m]
    if len(ids) == len(typed):
        if fields is not None and "arxiv" not in fields:
            return f"This list records no arXiv ids, and no page writes {ids[0]}: browse"
        return f"No paper in this list has the arXiv id {ids[0]}, and no page writes it: browse"
    if all(map(_YEAR_TYPED.fullmatch, typed)):
        if fields is not None and "years" not in fields:
            return f"This list records no years, and no page writes {typed[0]}: browse"
        return f"No paper in this list is of {typed[0]}, and no page writes it: browse"
    if len(typed) <= 3 and all(map(_NAME_TYPED.fullmatch, typed)):
        name = " ".join(typed)
        # (The index holds the editors a page names as it holds authors: where the list
        # has any, none found is no author and no editor a page names. Not "no paper has
        # an editor named": a proceedings' editors, in a conference paper's file, no page
        # names, so none is found. An index that does not say is older than the editors
        # it would hold.)
        editors = fields is not None and "editors" in fields
        if fields is not None and "authors" not in fields and not editors:
            return f'This list records no authors, and no page writes "{name}": browse'
        if editors:
            return f'No page in this list names an author or editor "{name}", or writes it: try another spelling, or browse'
        return (f'No paper in this list has an author named "{name}", and no page writes it:'
                " try another spelling, or browse")
    return ""


def common_tip(words: Sequence[str]) -> str:
    """What the site and the terminal say under "No page found" for a query of words too
    common to search alone (`Refined.common`: "the", "+the", "of the"): the tip said to
    try a shorter word, or, for "+the", that a page must have every word marked "+"; the
    index has no such word to find. (readinglist.js's commonTip, in the same words.)"""
    quoted = [f'"{word}"' for word in words]
    named = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    return f"{named} {'is' if len(quoted) == 1 else 'are'} too common to search: add a word to search for, or browse"


def excluding_only(refined: Sequence[str], query: str) -> bool:
    """Whether ``query`` has words marked "-" (in lunr's syntax too: "-title:x") and
    nothing else to search for: no term of its ``refined`` terms (`_refine`) is one a
    page is found by ("-task", and "-task the": a stop word is no term)."""
    return any(word.startswith("-") for word in re.split(f"[{SPACE}]+", query)) and all(
        term.startswith("-") for term in refined)


def marked_words(query: str, vocabulary: Vocabulary | None = None) -> int:
    """How many words of ``query`` are marked "+" or "-" (`_presence`): where nothing
    is found, the site and the terminal say what those marks asked for."""
    return sum(bool(_presence(word, vocabulary)) for word in re.split(f"[{SPACE}]+", query))


def _prohibited_terms(word: str, split_at: re.Pattern[str], vocabulary: Vocabulary | None = None) -> list[str]:
    """The terms a word marked "-" leaves out the pages of: the word itself, exact (as
    Google reads it: "-task" is not "-taskweb"; a page that writes "tasks" has "task"
    among its words' base forms, and is left out too), a hyphenated one by its joined
    form, which the index holds for every page that writes it ("-multi-task": not each
    page with "task"), and where it writes it with spaces (`spaced_forms`), other
    words by their pieces (no stop word, the index has none, but as an author's name,
    `name_forms`; no lone letter split off a longer piece), a DOI whole (`doi_form`:
    "-10.1234/abc" left out every page with a DOI of the prefix "10.1234"), a URL by
    the links it names (`_prohibited_links`). readinglist.js's prohibitedTerms is the
    same."""
    doi = typed_doi(word)
    if doi:
        # (arXiv's own DOI finds the paper that gives the id alone: `_arxiv_doi_terms`.)
        return list(dict.fromkeys((doi_form(doi), *_arxiv_doi_terms(doi))))
    arxiv = _typed_arxiv(word)
    if arxiv:
        # An arXiv id leaves out its paper, as `_refine` finds it, not the pages of its
        # label or its address's words: "-arXiv:2401.01234" left out every page that
        # writes "arxiv". An old id by the word the index holds for it (`arxiv_term`):
        # by its number alone, "0112017", it left out the paper of "math/0112017" too.
        return [arxiv_term(arxiv)]
    if form := written_form(word, vocabulary):
        # A form a page writes ("C++", `written_term`): the pages that write it, not
        # every page with "c".
        return [written_term(form)]
    if vocabulary is not None and _LINK_WORD.search(word):
        return _prohibited_links(word, vocabulary)
    named = links_of(word, vocabulary) if vocabulary is not None and _LINK_PATH.search(word) else NamedLinks()
    if named.unlinked and not _typed_words(word, named):
        # (A path that names no link, but its owner's, leaves out none of theirs, as a
        # URL does not: they are not what it names. Its words are not what it names
        # either: "-facebookresearch/detr/tree/main" left out every paper writing
        # "tree" or "main". "-input/output" is words: `_typed_words`.)
        return []
    compounds = _HYPHENATED.findall(word)
    if compounds:
        # (and the pages that write it with spaces, "multi task": `with_spaced`)
        return list(dict.fromkeys(
            form for compound in compounds
            for form in (compound.replace("-", "").lower(), *spaced_forms(compound))
        ))
    pieces = [piece for piece in split_at.split(word.replace("*", "")) if piece]
    # (A lone letter is left out only beside a longer piece: "I/O" is "o", as `_refine`.)
    lone = [len(piece) == 1 and piece.isalpha() for piece in pieces]
    # (A stop word that is an author's name in the index leaves out that author's
    # papers: `name_forms`.)
    # (Only a stop word: "-in_context" is the word "in_context", not the index's form of
    # "in context", `spaced_forms`' "_in_context".)
    named = [
        piece.lower() in STOP_WORDS and vocabulary is not None and vocabulary.has(NAME_MARK + piece.lower())
        for piece in pieces
    ]
    return list(dict.fromkeys(
        (NAME_MARK + piece.lower() if name else piece.lower())
        for piece, letter, name in zip(pieces, lone, named)
        if (piece.lower() not in STOP_WORDS or name) and not (letter and not all(lone))
    ))


def _prohibited_links(word: str, vocabulary: Vocabulary) -> list[str]:
    """The links a URL or a host and path marked "-" leaves out the pages of: those it
    names (`links_of`: the link, each it begins, or the link a longer URL is), none if it
    names none. Read as its pieces, "-github.com/nobody" was "-github -com -nobody" and
    left out every page that writes "github" or "com", which every page with a GitHub
    link does. (Not its owner's links when it names none: they are not what it names.)"""
    named = links_of(word, vocabulary)
    if not named.whole or named.unlinked:
        return []
    form = link_form(word)
    if list(named.links) == [form]:
        return [link for link in vocabulary.starting(form) if link_begins(link, form)]
    return list(named.links)


# A fuzzy term typed in lunr's syntax: its word, and its distance (readinglist.js's ANY_FUZZY).
_ANY_FUZZY = re.compile(r"[+-]?(?:(?:title|text|tags):)?([^*~^:]+)(?:\^[0-9]*)?~([0-9]*)(?:\^[0-9]*)?")


def _typed_term(word: str, split_at: re.Pattern[str], vocabulary: Vocabulary | None) -> str:
    """A word typed in lunr's syntax, as it is asked: as typed, but a fuzzy term of one
    piece near no word of the index as its word alone, exact (boosted: Material adds no
    "*"). Both find nothing, but lunr builds the fuzzy term spelling by spelling: "x"
    300 times "~2" took `readinglist search` 33 s, the search box 6 s (readinglist.js's
    refineParts does the same)."""
    term = _ANY_FUZZY.fullmatch(word)
    if vocabulary is None or term is None or len(split_at.split(term[1])) != 1:
        return word
    if vocabulary.near(term[1].lower(), min(int(term[2]) if term[2] else 1, MAX_EDIT_DISTANCE)):
        return word
    word = re.sub(r"~[0-9]*", "", word, count=1)
    return word if "^" in word else f"{word}^1"


def _compounds(word: str, vocabulary: Vocabulary | None) -> list[tuple[str, ...]]:
    """The hyphenated words of a typed ``word`` that are words to rank by whole (see
    `_refine`): each as typed, lower-cased, then its joined form and that form without
    accents. Only those whose joined form begins a word of the index: else no page
    writes it, and its halves are ranked as before (as they are without a
    ``vocabulary``, where nothing says which words a page writes whole: an index made
    by hand, without our entries' joined forms, would lose every page to such a word)."""
    found = []
    for compound in _HYPHENATED.findall(word):
        joined = compound.replace("-", "").lower()
        if vocabulary is not None and vocabulary.begins(joined):
            spaced = [form for form in spaced_forms(compound) if vocabulary.begins(form)]
            found.append(tuple(dict.fromkeys((compound.lower(), joined, fold(joined).lower(), *spaced))))
    return found


def corrected_compound(
    word: str, vocabulary: Vocabulary | None, base_forms: Mapping[str, Sequence[str]] | None = None
) -> str:
    """``word`` with each hyphenated word in it whose halves hold a slip of the keys
    written as the one hyphenated word of the index it may be ("mutli-task" as
    "multi-task"): where the halves' near words (those their fuzzy terms find, `near`)
    make exactly one joined word the index has. Split, the typo half's fuzzy term
    weighed far less than the other half's exact word, and the whole word was not
    ranked as one: for "mutli-task" five papers with "task" in their titles again and
    again came before the topic "Multi-task learning", which "multi-task" lists first.
    A half is looked for so where `_refine` would make it a fuzzy term (letters only,
    FUZZY_SHORTEST or more, no stop word nor other form, no word of the index begins
    with it); where none is, or where the near words make no such word or several,
    ``word`` is as typed. readinglist.js's correctedCompound is the same."""
    if vocabulary is None:
        return word

    def corrected(match: re.Match[str]) -> str:
        compound = match.group()
        if vocabulary.begins(compound.replace("-", "").lower()):
            return compound
        options = []
        for half in compound.split("-"):
            low = half.lower()
            slip = (half.isalpha() and len(half) >= FUZZY_SHORTEST and low not in STOP_WORDS
                    and not (base_forms or {}).get(low) and not vocabulary.begins(low))
            options.append(vocabulary.near(low, fuzzy_distance(low)) if slip else [half])
        if all(len(option) == 1 and option[0] == half for option, half in zip(options, compound.split("-"))):
            return compound
        if _choices(options) > CORRECTION_MOST:
            return compound
        made = [halves for halves in _products(options) if vocabulary.has("".join(halves).lower())]
        return "-".join(made[0]) if len(made) == 1 else compound

    return _HYPHENATED.sub(corrected, word)


def _corrections(typed: str, corrected: str) -> dict[str, str]:
    """Each hyphenated word of ``corrected`` (`corrected_compound` of ``typed``) that is
    not as typed, lower-cased, and the typed word it stands for (`Refined.typed`)."""
    before, after = _HYPHENATED.findall(typed), _HYPHENATED.findall(corrected)
    if len(before) != len(after):
        return {}
    found: dict[str, str] = {}
    for old, new in zip(before, after):
        if old.lower() != new.lower():
            found.setdefault(new.lower(), old.lower())
    return found


# The most spellings a hyphenated word's slips are corrected among: short halves each
# near dozens of words ("abc-abd-abe-abf") made millions, a query never answered.
CORRECTION_MOST = 1000


def _choices(options: Sequence[Sequence[str]]) -> int:
    count = 1
    for option in options:
        count *= len(option)
    return count


def _products(options: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """Each choice of one of each of ``options``, the first option's choices slowest."""
    made: list[tuple[str, ...]] = [()]
    for option in options:
        made = [(*before, choice) for before in made for choice in option]
    return made


def is_compound(word: Sequence[str]) -> bool:
    """Whether a word to rank by is a hyphenated word ranked whole (`_compounds`), not a
    URL found by a link (its second term: `link_form`; a hyphenated word's is its joined
    form, and the links that hold it come last, `links_of`)."""
    return "-" in word[0] and not word[1].startswith(LINK_MARK)


def spaced_terms(word: Sequence[str]) -> list[str]:
    """The terms by which a page finds a hyphenated word ranked whole where it writes it
    with spaces ("_in_context": `with_spaced`); readinglist.js's spacedTerms is the same."""
    return [term for term in spaced_forms(word[0]) if term in word[1:]] if is_compound(word) else []


def by_spaced(terms: Mapping[str, bool], word: Sequence[str]) -> bool:
    """Whether a page finds a hyphenated word ranked whole only where it writes it with
    spaces: it comes after the pages that write it whole (`rank_by_words`)."""
    spaced = spaced_terms(word)
    return any(map(terms.get, spaced)) and not any(terms.get(term) for term in word if term not in spaced)


def by_mention(terms: Mapping[str, bool], word: Sequence[str]) -> bool:
    """Whether a page finds an old arXiv id only where its text writes it
    (`mention_term`): it comes after the id's paper (`rank_by_words`). readinglist.js's
    byMention is the same."""
    return any(terms.get(term) for term in word if _mentioned(term)) and not any(
        terms.get(term) for term in word if not _mentioned(term))


def _mentioned(term: str) -> bool:
    return term.startswith(DOI_MARK) and term.endswith(MENTION_END)


def is_written(word: Sequence[str]) -> bool:
    """Whether a word to rank by is (a piece of) a form written with a symbol the
    separator splits at ("C++", "R^2": `written_term`, its last term; `_refine`)."""
    return word[-1].startswith(WRITTEN_MARK)


def by_pieces(terms: Mapping[str, bool], word: Sequence[str]) -> bool:
    """Whether a page finds such a word only by its pieces ("C" for "C++", "2" for
    "R^2"): it comes after the pages that write the form, all else equal
    (`rank_by_words`). readinglist.js's byPieces is the same."""
    return is_written(word) and not terms.get(word[-1]) and any(terms.get(term) for term in word[:-1])


def rank_by_words(
    ranked: Sequence[str], terms: Mapping[str, Mapping[str, bool]], words: Sequence[tuple[str, ...]],
    titles: Mapping[str, str] | None = None, names: Mapping[str, Sequence[str]] | None = None,
    required: Sequence[tuple[str, ...]] = (), forms: Mapping[str, Sequence[str]] | None = None,
    title_variants: Mapping[str, str] | None = None,
) -> list[str]:
    """``ranked`` (pages, best first), those that find more of the query's ``words``
    first, in their order otherwise. ``terms``: for each page, the query terms its
    best entries found (Material's `terms` of a result). A word found through another
    form weighs little in lunr's score (lemmas.QUERY_BOOST, and the low-boosted fields
    of base forms), so for "pruned models" the two papers on pruning that write
    "models" came after every title with "models"; a reader who typed both words wants
    the papers that have both first. (A one-word query keeps lunr's order: every result
    finds its one word.) readinglist.js sorts the worker's result groups alike.
    ``titles``: each page's title as the index has it; a page whose title's words are
    the query's words, neither more nor fewer (stop words aside), comes before all:
    a title pasted whole finds its page first, though a topic's boost (TOPIC_BOOST)
    outweighs it. ``names``: a page's other names (a topic's id's words and its former
    ids', the entry's ``names``: topic_entry), which count as its title does here, after the pages whose
    title is the query: a paper's title pasted whole ("Curriculum learning") finds the
    paper first, not the boosted topic whose id is its words (curriculum-learning).
    Where the query has a hyphenated word ranked whole (`_compounds`), a page that
    finds none of the ``words`` is left out: it was found by some of that word's halves
    alone; one that writes it with spaces (`by_spaced`: "chain of thought") finds it,
    after the pages that write it whole, all else equal. A page that does not find each
    of the ``required`` words (those of words marked "+": `_refine`) is left out.
    Among the pages that find as many words, a title that holds more of the query's
    words (either way below, or by a typo's word) comes first; of as many, one that writes a query's word whole
    (or another form of it: ``forms``, the index's map of a word's base forms,
    lemmas.by_form; or among its ``title_variants``, the entry's other spellings of its
    title's words) comes before a title that has it only as the start of a longer
    word: `longer_in_title`."""
    # (A form such as "C++" by its term too: a title "R 2" is not "R^2", `_titled`.)
    typed = set().union(*(
        title_words(word[0]) if is_compound(word) else title_words(word[0]) | {word[-1]} if is_written(word)
        else _without_letters({word[0]}) for word in words))
    counts = {page: words_found(terms.get(page, {}), words) for page in ranked}
    # (How many hyphenated words a page finds only written with spaces: it comes after
    # a page that writes them whole, all else equal.)
    # (And how many old arXiv ids it finds only where its text writes them: after the
    # id's paper, all else equal.)
    # (Only the words that can be: a query without such a word asks each page nothing.)
    # (And how many forms such as "C++" it finds only by their pieces: `by_pieces`.)
    parted = [word for word in words if is_compound(word) or is_written(word) or any(map(_mentioned, word))]
    apart = {page: sum(by_spaced(terms.get(page, {}), word) or by_mention(terms.get(page, {}), word)
                       or by_pieces(terms.get(page, {}), word) for word in parted)
             for page in ranked}
    if any(map(is_compound, words)):
        # (A page found by a hyphenated word's halves alone: "ROUGE" for "ROUGE-L".)
        ranked = [page for page in ranked if counts[page]]
    if required:
        ranked = [page for page in ranked if words_found(terms.get(page, {}), required) == len(required)]
    # (Only a page that finds every word can be one: a title read for nothing else.)
    # 0: its title is the query; 1: another of its names is; 2: neither.
    own = {page: _titled(titles.get(page, ""), (title_variants or {}).get(page, "")) for page in ranked
           if titles and typed and counts[page] == len(words)}
    exact = {
        page: 0 if own[page] == typed else 1
        for page in own
        if own[page] == typed or any(title_words(name) == typed for name in (names or {}).get(page, ()))
    }
    def rank(page: str) -> tuple[int, int, int]:
        return exact.get(page, 2), -counts[page], apart[page]

    ordered = sorted(ranked, key=rank)  # stable, as Array.sort
    if titles:
        # (A title whose text holds none of the words' terms, nor a form whose base is
        # one, has none of them either way: it is not split. Over 10,000 pages made up,
        # half of whose titles hold the word, rank_by_words took 75 ms more than without
        # the rule when every title was split, 20 ms more so; readinglist.js alike.)
        needles = {term for word in words for term in word}
        needles |= {form for form, bases in (forms or {}).items() if needles.intersection(bases)}
        longer: dict[str, tuple[int, int] | None] = {}
        for page in ordered:
            title, variants = titles.get(page, ""), (title_variants or {}).get(page, "")
            text = _MARKUP.sub("", f"{title} {variants}").lower()
            longer[page] = (
                longer_in_title(title, variants, words, forms or {}) if any(n in text for n in needles) else None)
        ordered = _whole_words_first(ordered, rank, longer, every_place=len(words) > 1)
    return ordered


def longer_in_title(
    title: str, title_variants: str, words: Sequence[tuple[str, ...]], forms: Mapping[str, Sequence[str]]
) -> tuple[int, int] | None:
    """How many of the query's ``words`` a ``title`` (as the index has it) holds either
    way (whole, in another form, by a typo's word, or as a longer word's start), and how many of them it has only as
    the start of a longer word ("Transferability" for "transfer", "LLMsuite" for
    "llms"), and not whole nor in another form ("Transfers", "LLM"; ``forms``: a
    word's base forms, lemmas.by_form), nor among the title's other spellings its
    entry's ``title_variants`` holds ("Multi-Task" for "multitask", "GraspGPT" for
    "gpt", "NaturalInstructions" for "natural": `paper_entry`); None when it has none
    of them either way. A title that holds more of the query's words outranks one that
    holds fewer: "a survey on multi task learnin" (the 404 page's search for a missing
    page) listed "Reasoning with Large Language Models, a Survey", whose abstract has
    the other words, above "A Survey on Multi-Task Learning", whose "Learning" the
    typed "learnin" only begins. Among titles that hold as many, one that writes the query's word outranks one that writes a longer
    word it begins (`rank_by_words`): lunr scores each word a prefix finds by its own
    rarity, so that "On The Transferability of Deep-Q Networks" came above "... An
    Exploration of Transfer Methods ..." for "transfer" (its topic and abstract say
    "transfer" too), and "Language models are weak learners" first for "learn" ("learn"
    is a base form on most pages: it weighs little). TITLE_BONUS cut a longer title
    word's share of the score, but not the other fields'. readinglist.js's
    longerInTitle is the same."""
    written = title_words(title) | title_words(title_variants)
    whole = written.union(*(forms.get(word, ()) for word in written))
    found = longer = 0
    for word in words:
        if whole.intersection(word):
            found += 1
        elif not is_compound(word) and any(len(w) > len(word[0]) and w.startswith(word[0]) for w in written):
            found += 1
            longer += 1
    return (found, longer) if found else None


def _whole_words_first(
    ordered: list[str], rank: Callable[[str], Any], longer: Mapping[str, tuple[int, int] | None],
    every_place: bool = False,
) -> list[str]:
    """``ordered``, the pages of one ``rank`` whose titles have some of the query's words
    (``longer`` not None) each in the place of one, those whose titles hold more of the
    words first, and of as many, those with fewer only as a longer word's start
    (`longer_in_title`), in their order otherwise; the other pages stay where they are.
    With ``every_place`` (a query of more than one word) those others take part too, as
    titles that hold none of the words: a page whose abstract wrote every word stayed
    above a title that holds them all. (A word alone keeps lunr's order for them.)"""
    out = list(ordered)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and rank(out[end]) == rank(out[start]):
            end += 1
        places = [at for at in range(start, end) if every_place or longer[out[at]] is not None]
        pages = sorted((out[at] for at in places), key=lambda page: _held_first(longer[page]))  # stable
        for at, page in zip(places, pages):
            out[at] = page
        start = end
    return out


def _held_first(held: tuple[int, int] | None) -> tuple[int, int]:
    found, longer = held or (0, 0)
    return -found, longer


def by_score(hits: Iterable[Hit]) -> list[str]:
    """The pages of ``hits``, best score first, and pages of one score by address (in
    JavaScript's order of strings). lunr.py and lunr.js list pages of equal score in
    orders of their own ("GPT-4 gpt 4": four topics' pages of one score, and two papers'),
    so that the site and `readinglist search` listed them differently. readinglist.js's
    byScore is the same."""
    return [hit.location for hit in sorted(hits, key=lambda hit: (-hit.score, _utf16(hit.location)))]


def words_found(terms: Mapping[str, bool], words: Sequence[tuple[str, ...]]) -> int:
    """How many of the query's ``words`` a page finds: a word is found where one of its
    terms is among the page's ``terms`` (`rank_by_words`)."""
    return len(words) - len(words_missing(terms, words))


def words_missing(
    terms: Mapping[str, bool], words: Sequence[tuple[str, ...]], typed: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The query's ``words`` a page does not find, each as typed (its first term, or
    what a corrected hyphenated word was typed as: `Refined.typed`), in the query's
    order: what `rank_by_words` ranks it by, and the site's "Missing:"."""
    typed = typed or {}
    return tuple(typed.get(word[0], word[0]) for word in words if not any(terms.get(term) for term in word))


def count_line(pages: int, every: int, words: int) -> str:
    """The line above the site's results (readinglist.js's countLine, in the same words):
    how many ``pages`` were found and, for a query of several ``words``, first how many
    have ``every`` word, then how many more have only some ("9 pages with both words,
    171 more with one of them"). It said "180 pages found, 9 with every word": nearly
    every page has one common word of a query ("model", "task"), so its first number told
    a reader nothing and read as "everything matched"."""
    if not pages:
        return "No page found"
    if words < 2:
        return f"{_pages(pages)} found"
    every_word, some = ("both words", "one of") if words == 2 else ("every word", "some of")
    if not every:
        return f"{_pages(pages)} with {some} the words, none with {'both' if words == 2 else every_word}"
    if every == pages:
        return f"{_pages(pages)} with {every_word}"
    return f"{_pages(every)} with {every_word}, {pages - every:,} more with {some} them"


def more_line(more: int, words: int) -> str:
    """The line between a result list's pages with every word and the ``more`` pages
    after them that have only some of the query's ``words`` (readinglist.js's moreLine)."""
    return f"{more:,} more {'page' if more == 1 else 'pages'} with {'one' if words == 2 else 'some'} of the words"


def _pages(n: int) -> str:
    # (Thousands grouped, as a reader reads them: a 10,000-paper list found "2294 pages".)
    return "1 page" if n == 1 else f"{n:,} pages"


def title_words(title: str) -> set[str]:
    """A title's words (as the index has it, HTML-escaped) as the query's are read:
    split at the separator, lower-cased, without stop words and lone letters (the
    query leaves out the "t" of "Don't": _refine)."""
    return _without_letters({word for word in _field_words(title) if word not in STOP_WORDS})


def _titled(title: str, title_variants: str) -> set[str]:
    """A page's title's words as `rank_by_words` compares them with the query's, and
    the terms of the forms such as "C++" it writes (`written_term`, among its
    ``title_variants``): "R 2" is no title "R^2". readinglist.js's titledWords."""
    return title_words(title) | {word for word in _field_words(title_variants) if word.startswith(WRITTEN_MARK)}


def _without_letters(words: set[str]) -> set[str]:
    return {word for word in words if len(word) > 1 or not word.isalpha()}


class IndexNotBuilt(Exception):
    """The site (or its search index) has not been built yet: its one argument is the
    index's path, which does not exist."""


def load_index(site_dir: Path) -> dict[str, Any]:
    path = site_dir / INDEX_PATH
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexNotBuilt(str(path)) from None


@dataclass(frozen=True)
class Hit:
    location: str
    title: str  # as in the index: HTML-escaped
    score: float  # lunr's, as Material boosts it: the last of what orders the pages (`rank_by_words`)
    missing: tuple[str, ...] = ()  # the query's words the page does not find (`MaterialSearch.find`)
    editors: tuple[str, ...] = ()  # the editors whose names found it (`editors_found`)


@dataclass(frozen=True)
class Found:
    """A query's answer: every page found (`Hit`), best first, how many of them find
    every word of the query, and how many words it has (`count_line` says them)."""

    hits: list[Hit]
    every: int
    words: int
    marked: int = 0  # the words typed with "+" or "-" (`marked_words`)
    excluding: bool = False  # the query has words marked "-" and no other (`excluding_only`)
    common: tuple[str, ...] = ()  # the query has words too common to search and no other (`Refined.common`)
    notes: tuple[str, ...] = ()  # what is said of the URLs typed (`Refined.notes`)
    unlinked: tuple[str, ...] = ()  # the URLs typed that name no link (`Refined.unlinked`)
    unrecorded: str = ""  # found nothing, what a query of ids, years or a name is told (`unrecorded_tip`)


# lunr's default pipeline order; Material removes the functions its config does not name.
_PIPELINE: dict[str, Callable] = {
    "trimmer": trimmer, "stopWordFilter": stop_word_filter, "stemmer": stemmer,
}


class MaterialSearch:
    """A lunr index over a `search_index.json`, queried as Material's worker does."""

    def __init__(self, index: Mapping[str, Any]):
        config = index["config"]
        self.separator = re.compile(config["separator"])
        self.docs = {doc["location"]: doc for doc in index["docs"]}
        self.parents = _parents(index["docs"])
        self.fields = list(config["fields"])
        self.base_forms = lemmas.by_form(config.get("inflections", {}))
        self.vocabulary = Vocabulary(config["vocabulary"]) if "vocabulary" in config else None
        self.recorded: list[str] | None = config.get("recorded")
        # (Each page's entries, its own and its sections', made at the first phrase.)
        self._entries: dict[str, list[Mapping[str, Any]]] | None = None

        builder = Builder()
        builder.b(0)
        for name, fn in _PIPELINE.items():
            if name in config["pipeline"]:
                builder.pipeline.add(fn)
                if name == "stemmer":
                    builder.search_pipeline.add(fn)
        self._stop_words = "stopWordFilter" in config["pipeline"]
        builder.ref("location")
        for name, spec in config["fields"].items():
            # Tokens are computed here (a list passes through lunr's tokenizer as is),
            # because Material replaces lunr's tokenizer with its own.
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()

    def _extractor(self, name: str) -> Callable[[Mapping[str, Any]], list[str] | None]:
        def extract(doc: Mapping[str, Any]) -> list[str] | None:
            value = doc.get(name)
            if value is None:
                return None
            return self.tokenize(value)

        return extract

    def tokenize(self, value: str | list[str]) -> list[str]:
        return tokenize(value, self.separator)

    def transform(self, query: str) -> str:
        """Material's transformSearchQuery (query/transform and query/_ in its sources)."""
        return _transform(query, self._split_term)

    def _split_term(self, part: str) -> list[str]:
        terms: list[str] = []
        lexer = QueryLexer(part)
        lexer.run()
        for lexeme in lexer.lexemes:
            term, start, end = lexeme["string"], lexeme["start"], lexeme["end"]
            if lexeme["type"] == QueryLexer.FIELD:
                if term not in ("title", "text", "tags"):
                    part = part[:end] + " " + part[end + 1 :]
            elif lexeme["type"] == QueryLexer.TERM:
                for a, b in _split(term, self.separator):
                    terms.append(part[:start] + term[a:b] + part[end:])
        return terms

    def search(self, query: str) -> list[Hit]:
        """Pages (articles) in the order the site lists them, each with its best score.

        The query is first refined as the site's search box refines it (`refine_query`).
        """
        return self.find(query).hits

    def find(self, query: str) -> Found:
        """`search`'s pages, and what the site's line above them counts (`count_line`)."""
        # (`_refine` reads the typed query's phrases itself, once, as readinglist.js
        # does: read twice, '"alpha\ "' was '"alpha\"', then the plain word alpha\,
        # which found "Alphas" in the terminal and not on the site.)
        typed, query = query, phrases(query, self.separator.pattern)
        refined = _refine(typed, self.separator.pattern, self.base_forms, self.vocabulary)
        words = refined.words
        # (Words marked "-" alone, a phrase marked "-" too: '-"okapi"' is "-okapi"
        # (`phrases`; Material read it as "- +okapi", which found the pages with "okapi"),
        # and '-"task vectors"', handed on as nothing; readinglist.js asks its worker nothing.)
        excluding = excluding_only(refined.terms, query) or (
            bool(refined.unphrases) and all(term.startswith("-") for term in refined.terms))
        asked = not (refined.nothing or excluding)
        keep = self._phrase_filter(refined) if refined.phrases or refined.unphrases else None
        hits, terms = self._search(" ".join(refined.terms), words, refined.required, keep) if asked else ([], {})
        hits = [replace(hit, missing=words_missing(terms.get(hit.location, {}), words, refined.typed),
                        editors=tuple(editors_found(self.docs[hit.location].get(EDITORS_KEY, ()),
                                                    terms.get(hit.location, {}))))
                for hit in hits]
        every = sum(not hit.missing for hit in hits)
        return Found(
            hits, every, len(words), marked_words(query, self.vocabulary) + len(refined.unphrases), excluding,
            refined.common,
            refined.notes, refined.unlinked, "" if hits else unrecorded_tip(typed, self.recorded))

    def _phrase_filter(self, refined: Refined) -> Callable[[str], bool]:
        """Whether a page (its entries: the page's and its sections') holds every phrase
        of ``refined`` and none marked "-": readinglist-search.js's withPhrases."""
        if self._entries is None:
            self._entries = {}
            for location, doc in self.docs.items():
                self._entries.setdefault(self.parents.get(location, location), []).append(doc)
        entries = self._entries

        @functools.cache
        def keep(page: str) -> bool:
            texts = [(of, phrase_words_of(text, self.separator))
                     for doc in entries.get(page, ()) for of, text in phrase_texts(doc)]
            return refined.keeps(texts)
        return keep

    def search_raw(self, query: str) -> list[Hit]:
        """The same for a query handed to Material's worker as is."""
        return self._search(query, None)[0]

    def _search(
        self, query: str, words: Sequence[tuple[str, ...]] | None, required: Sequence[tuple[str, ...]] = (),
        keep: Callable[[str], bool] | None = None,
    ) -> tuple[list[Hit], dict[str, dict[str, bool]]]:
        """The pages found, and for each the query terms its entries found; with
        ``keep``, only the pages it keeps (`_phrase_filter`), as lunr's results are
        before Material shapes them (readinglist-search.js)."""
        transformed = _FUZZ.sub(lambda m: f"~{min(int(m.group(1)), MAX_EDIT_DISTANCE)}", self.transform(query))
        if not transformed:
            return [], {}
        try:
            clauses = _clause_terms(transformed, self.index.fields)
            if not clauses:
                # Only words marked "-": lunr then lists every page, each scored NaN
                # (Material divides by the number of terms found, none). They only leave
                # pages out: with nothing to find, nothing is found (readinglist-search.js).
                return [], {}
            if not self._has_required(transformed):
                # lunr.js answers nothing where a required term finds no word of the
                # index; lunr.py drops the term and answers the rest ("+zebra merging").
                return [], {}
            results = self.index.search(transformed)
        except QueryParseError:
            return [], {}  # the worker, too, answers an invalid query with no results
        scored = []
        for result in results:
            doc = self.docs.get(result["ref"])
            if doc is None or (keep is not None and not keep(self.parents.get(result["ref"], result["ref"]))):
                continue
            tokens = list(result["match_data"].metadata)
            found = self._query_terms(clauses, tokens)
            is_page = result["ref"] not in self.parents
            boost = int(is_page) + (sum(found.values()) / len(found) if found else float("nan"))
            scored.append((result["ref"], result["score"] * (1 + boost**2), found, tokens))
        scored.sort(key=lambda item: item[1], reverse=True)  # stable, as Array.sort
        hits: dict[str, Hit] = {}
        # (A page's terms are those of its entries: Material groups them by page.)
        terms: dict[str, dict[str, bool]] = {}
        # The words a fuzzy term found ("instruction" for "instrucion~1") count for the
        # typed word, as its base forms do: Material's terms, which only know what begins
        # with the typed word, say it is missing (readinglist.js finds them in the result).
        # (Any other term of the words a token is, is a term of the query, found already.)
        wanted = {term for word in words or () for term in word}
        for ref, score, found, tokens in scored:
            page = self.parents.get(ref, ref)
            if page not in hits:
                hits[page] = Hit(page, self.docs[page]["title"], score)
            page_terms = terms.setdefault(page, {})
            page_terms.update({term: True for term, yes in found.items() if yes})
            page_terms.update({token: True for token in tokens if token in wanted})
            # A word typed with a star ("he*", Material's term "he*", found by no word:
            # `_clause_terms`) counts as found by a word lunr matched that begins with it,
            # as the word typed ("he"), after the score: readinglist.js's markStarred.
            page_terms.update({
                term.rstrip("*"): True for term, yes in found.items()
                if not yes and _STARRED.search(term) and any(token.startswith(term.rstrip("*")) for token in tokens)
            })
        if words is None:
            return list(hits.values()), terms
        titles = {page: self.docs[page]["title"] for page in hits}
        names = {page: self.docs[page]["names"] for page in hits if "names" in self.docs[page]}
        variants = {page: self.docs[page].get("title_variants", "") for page in hits}
        ranked = rank_by_words(by_score(hits.values()), terms, words, titles, names, required, self.base_forms, variants)
        return [hits[page] for page in ranked], terms

    def _has_required(self, query: str) -> bool:
        """Whether every required term of ``query`` (transformed) finds a word of the index."""
        from lunr.query import Query, QueryPresence
        from lunr.query_parser import QueryParser
        from lunr.token_set import TokenSet

        parsed = Query(self.index.fields)
        QueryParser(query, parsed).parse()
        return all(
            self.index.token_set.intersect(TokenSet.from_clause(clause)).to_list()
            for clause in parsed.clauses if clause.presence == QueryPresence.REQUIRED
        )

    def _query_terms(self, clauses: list[str], terms: list[str]) -> dict[str, bool]:
        # getSearchQueryTerms: which query terms the match covers; unmatched stop words
        # do not count against it.
        pending = list(dict.fromkeys(clauses))
        result: dict[str, bool] = {}
        for term in terms:
            for clause in list(pending):
                if term.startswith(clause):
                    result[clause] = True
                    pending.remove(clause)
        for clause in pending:
            if not self._stop_words or stop_word_filter(_Token(clause)) is not None:
                result[clause] = False
        return result


class _Token:
    """The least of a lunr Token that stop_word_filter needs."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return self.text


def _parents(docs: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    # setupSearchDocumentMap: a location seen after its page's first entry is a section.
    pages: set[str] = set()
    parents: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        if page in pages:
            parents[doc["location"]] = page
        else:
            pages.add(page)
    return parents


def tokenize(value: str | list[str], separator: re.Pattern[str]) -> list[str]:
    """Material's tokenizer: markup is skipped, text split at the separator, lowercased."""
    tokens: list[str] = []
    for text in [value] if isinstance(value, str) else value:
        for section in re.split(r"<[^>]*>", text):
            tokens += [section[a:b].lower() for a, b in _split(section, separator)]
    return tokens


def _split(text: str, separator: re.Pattern[str]) -> Iterable[tuple[int, int]]:
    index = 0
    for match in separator.finditer(text):
        if index < match.start():
            yield index, match.start()
        index = match.end()
    if index < len(text):
        yield index, len(text)


def _transform(query: str, fn: Callable[[str], list[str]]) -> str:
    parts = re.split(r'"([^"]+)"', query.strip())
    query = "".join(
        re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part) if i & 1 else part
        for i, part in enumerate(parts)
    )
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = [term for part in re.split(r"\s+", query) for term in fn(part)]
    terms = [term + "1" if re.search(r"[~^]$", term) else term for term in terms]
    terms = [term if re.search(r"^[+-]|[~^]\d+$", term) else term + "*" for term in terms]
    return " ".join(terms)


# lunr builds every spelling within a term's edit distance: "abcdefghijklmnop~5" took 52 s
# and 3.2 GB (found by the property test's random queries), and a distance of 9 would
# not end. The site's own search box (lunr.js) does the same, in the reader's tab; the
# terminal's search keeps to the distance lunr's documentation shows.
MAX_EDIT_DISTANCE = 2
_FUZZ = re.compile(r"~([0-9]+)")  # (lunr reads ASCII digits only)


# A clause term that keeps a typed star after a letter ("he*": readinglist.js's
# markStarred reads such terms so).
_STARRED = re.compile(r"[^*]\*+$")


def _clause_terms(query: str, fields: list[str]) -> list[str]:
    """parseSearchQuery: the query's non-prohibited terms, one wildcard cut off each end
    (as Material's worker does: a typed "he*" is its "he**", whose term "he*" begins no
    word, so that a page is not counted as finding it; cut to "he", it was, and the
    terminal ranked the pages with a word beginning "he" higher than the site)."""
    from lunr.query import Query, QueryPresence
    from lunr.query_parser import QueryParser

    parsed = Query(fields)
    QueryParser(query, parsed).parse()
    terms = []
    for clause in parsed.clauses:
        if clause.presence == QueryPresence.PROHIBITED:
            continue
        term = clause.term[1:] if clause.term.startswith("*") else clause.term
        terms.append(term[:-1] if term.endswith("*") else term)
    return terms


def search_site(site_dir: Path, query: str) -> Found:
    return MaterialSearch(load_index(site_dir)).find(query)
