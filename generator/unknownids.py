"""What follows an id that names no paper or topic, wherever one is named: a paper's
`related:`, `not_related:`, `topics:` and `exclude_topics:`, a topic's reading order and
`parent:`, a hand-written page's link (and `rename`'s argument). One builder, so that
each place ends with the same next step."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .links import read_id
from .quoting import quoted
from .schema import TOPICS_FILE
from .slugs import MAX_LENGTH, slugify
from .typos import closest_all

# Where a paper's id is found. `search` reads the built site: a list just started has
# none, and a build stops on the very error that sends the curator looking.
FIND_PAPER_ID = (
    "its file's name in content/papers/ without .yml (once the site is built, readinglist"
    " search WORDS lists papers as papers/<id>/)"
)
# After "unknown paper 'x'" when no id is close enough to suggest (nor a record says
# what became of it).
UNKNOWN_PAPER_REMEDY = f"; remove it here, or write a paper's id: {FIND_PAPER_ID}"
# After "unknown topic 'x'" and its suggestion, if any: a topic deleted from topics.yml
# leaves no record (a renamed one has `formerly:`), so this cannot tell a deleted topic
# from a typo and says what to do for either.
UNKNOWN_TOPIC_REMEDY = f"; remove it here, write the topic meant, or define it in {TOPICS_FILE}"


def after_unknown(what: str, suggestion: str) -> str:
    """What follows "unknown paper 'x'" or "unknown topic 'x'" (``what``), given the
    suggestion of an id close to it (" (did you mean ...?)", "" for none). For a paper
    the suggestion alone says what to write, else where a paper's id is found; for a
    topic the remedy follows the suggestion too: the topic named may be one still to
    define."""
    if what == "topic":
        return suggestion + UNKNOWN_TOPIC_REMEDY
    return suggestion or UNKNOWN_PAPER_REMEDY


@dataclass(frozen=True)
class PaperTitles:
    """The papers' titles, as an unknown paper id may name one (`paper_meant`)."""

    # A title's whole slug -> (the id, the title) of each paper having it.
    by_slug: dict[str, list[tuple[str, str]]]
    # Paper id -> (its title, the slugs of it: whole, and cut as an id is).
    of_id: dict[str, tuple[str, frozenset[str]]]
    # A paper's arXiv id or DOI (`identifier_key`) -> the ids of the papers having it: a
    # paper named by the id a curator pastes ("arXiv:2106.09685", its arxiv.org address).
    by_identifier: dict[str, list[str]] = field(default_factory=dict)


def identifier_key(text: str) -> str:
    """``text`` as an arXiv id or DOI is compared, in any of the forms `add` takes
    ("arXiv:2106.09685v2", a doi.org address; a DOI in any capitals); "" for neither."""
    pasted = read_id(text)
    if pasted is None:
        return ""
    return f"arxiv:{pasted.arxiv}" if pasted.arxiv else f"doi:{pasted.doi.lower()}"


def paper_titles(
    titled: Iterable[tuple[str, object]], identified: Iterable[tuple[str, object]] = ()
) -> PaperTitles:
    """The titles of the papers (id, title), one without a title left out, and
    ``identified``, each (id, its arXiv id or DOI as written in its file)."""
    by_slug: dict[str, list[tuple[str, str]]] = {}
    of_id: dict[str, tuple[str, frozenset[str]]] = {}
    for paper_id, title in titled:
        if title is None or not str(title).strip():
            continue
        whole = whole_slug(str(title))
        by_slug.setdefault(whole, []).append((paper_id, str(title)))
        # (Cut as an id is only when longer: slugify once per title, for 10,000 papers.)
        cut = slugify(whole) if len(whole) > MAX_LENGTH else whole
        of_id[paper_id] = (str(title), frozenset((whole, cut)))
    by_identifier: dict[str, list[str]] = {}
    for paper_id, written in identified:
        if key := identifier_key(str(written or "")):
            by_identifier.setdefault(key, []).append(paper_id)
    return PaperTitles(by_slug, of_id, by_identifier)


def whole_slug(title: str) -> str:
    """``title``'s slug not cut at an id's length: two long titles that begin alike are
    two titles (the id an import cut from one is suggested as a typo's is)."""
    return slugify(title, max_length=sys.maxsize)


def paper_meant(word: str, titles: PaperTitles, besides: str | None = None) -> tuple[str, str] | None:
    """(The id, the title) of the paper ``word`` names by its title: the title whole or
    as its slug (slugs.slugify, which ignores capitals and punctuation), or the paper's
    id and its title's slug joined by a hyphen, either first ("b-paper-about-things",
    as some lists write a paper's address), or its arXiv id or DOI as pasted; None unless
    one paper alone fits, by either way of naming it, ``besides`` aside (the paper whose
    own list names it: of two versions of one title, the other is meant)."""
    if titles.by_identifier and (key := identifier_key(word)):
        having = [
            paper_id for paper_id in titles.by_identifier.get(key, ())
            if paper_id in titles.of_id and paper_id != besides
        ]
        return (having[0], titles.of_id[having[0]][0]) if len(having) == 1 else None
    found = dict(titles.by_slug.get(whole_slug(word), ()))
    lowered = word.lower()
    for at, char in enumerate(lowered):
        if char != "-":
            continue
        head, tail = lowered[:at], lowered[at + 1 :]
        for paper_id, slug in ((head, tail), (tail, head)):
            title, slugs = titles.of_id.get(paper_id, ("", frozenset()))
            if slug in slugs:
                found[paper_id] = title
    if besides is not None:
        found.pop(besides, None)
    return next(iter(found.items())) if len(found) == 1 else None


def suggest_paper(
    word: str, ids: Sequence[str], titles: PaperTitles | None, written: Callable[[str], str] = str,
    besides: str | None = None,
) -> str:
    """" (did you mean ...?)" for an unknown paper id ``word``: the paper it names by its
    title (`paper_meant`), else the id it is a plausible typo of (typos.closest), each
    but ``besides``'s, as ``written`` writes an id (a page's link: its page file); ""
    for none. ``ids`` sorted."""
    meant = paper_suggested(word, ids, titles, besides)
    if meant is None:
        return ""
    paper_id, title = meant
    return f" (did you mean {quoted(written(paper_id))}" + (f", the paper titled {quoted(title)}?)" if title else "?)")


def paper_suggested(
    word: str, ids: Sequence[str], titles: PaperTitles | None, besides: str | None = None
) -> tuple[str, str] | None:
    """(The id, the title it is named by, "" for its id) of the paper `suggest_paper`
    suggests for ``word``; None for none."""
    found = papers_suggested(word, ids, titles, besides)
    return found[0] if found else None


def papers_suggested(
    word: str, ids: Sequence[str], titles: PaperTitles | None, besides: str | None = None
) -> list[tuple[str, str]]:
    """`paper_suggested`'s paper, and each other as close (typos.closest_all: the ids
    ``word`` is as plausible a typo of, or the first words of), first the one it
    suggests."""
    meant = paper_meant(word, titles, besides) if titles is not None else None
    if meant is not None:
        return [meant]
    # (Nor the paper ``besides`` for a typo of its own id: its list cannot name it.)
    return [(match, "") for match in closest_all(word, [i for i in ids if i != besides] if besides is not None else ids)]
