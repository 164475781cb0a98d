"""Which pages need building again: a page's signature (everything its text is made
from, cheap to build and compare) and, from the last plan's `Layout`, which pages may
have changed, without computing the signatures of a large list. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .models import Paper, RelatedPaper, Site, Topic
from .pagecontext import Index, places, rest_dated, shown_of, weak_members
from .pages import paper_dest


@dataclass(frozen=True)
class Layout:
    """What places every paper page in the site, for the next plan (see `dirty_pages`)."""

    ids: frozenset[str]
    sequences: Mapping[str, tuple[str, ...]]  # topic id -> reading order, then the rest
    topic_shown: Mapping[str, tuple[str, int]]  # topic id -> title, size
    taxonomy: tuple
    # The related papers the pages were made with: the very tuples, so that an unchanged
    # paper's are recognised by identity (None: compare them with the signatures).
    related: Mapping[str, tuple[RelatedPaper, ...]] | None = None
    starts: Mapping[str, int] | None = None  # topic id -> its start-here papers (None: unknown)
    # topic id -> whether its papers after the start-here ones are in order of year
    # (`rest_dated`), which every paper page of the topic says (None: unknown).
    dated: Mapping[str, bool] | None = None


# Where `paper_signature` keeps what `dirty_pages` reads: the paper, its assignments,
# its BibTeX entry and its number of related papers; their view (`_related_view`)
# follows, then the rest.
_SIG_PAPER, _SIG_ASSIGNED, _SIG_BIBTEX, _SIG_RELATED = 0, 1, 2, 3


def _related_view(related: Sequence[RelatedPaper]) -> list:
    # The page shows no score: a change of score alone (another paper's abstract
    # moved the weights a little) must not rebuild it. Flat, three items a paper (see
    # `paper_signature`).
    view: list = []
    for r in related:
        view += (r.paper, r.terms, r.by_curator)
    return view


def _old_related_view(signature: tuple) -> list:
    """The `_related_view` a signature holds."""
    return list(signature[_SIG_RELATED + 1 : _SIG_RELATED + 1 + 3 * signature[_SIG_RELATED]])


def paper_signature(site: Site, index: Index, paper: Paper, bibtex: str) -> tuple:
    """Everything `paper_page` reads, in a form that is cheap to build and compare.

    Two runs that give a paper equal signatures give its page the same context, so the
    page need not be built, rendered or written again. It holds the paper itself, its
    topic assignments and related papers, what the pages show of each paper it links to
    (`shown_of`: title, year, code badge and more), and each topic's title, size and the paper's place in
    its reading order. Keep it in step with `paper_page`: tests/test_build.py compares
    incremental runs after many kinds of edit with clean ones.

    One flat tuple, not a tuple of lists of tuples: the memo keeps 10,000 of them, and
    reading it back in a new process (cache.py) costs by the object. Flat stays exact:
    the number of related papers is in it, each topic's place is seven items, and the
    other parts' lengths follow from those, so equal tuples mean equal parts.
    """
    # Lists and comprehensions rather than generator expressions: this runs for every
    # paper on every run.
    pid = paper.id
    shown, topic_shown = index.shown, index.topic_shown
    related = site.related.get(pid, ())
    assigned = site.assignments.get(pid, ())
    signature = [paper, assigned, bibtex, len(related)]
    signature += _related_view(related)
    linked = [shown.get(r.paper) for r in related]
    topics = [topic_shown.get(a.topic) for a in assigned]
    for topic_id, n in places(index, pid):
        sequence = index.sequences[topic_id]
        previous = sequence[n - 1] if n > 0 else None
        following = sequence[n + 1] if n + 1 < len(sequence) else None
        signature += (
            topic_id, n, len(sequence), n < index.starts[topic_id], previous, following, rest_dated(index, topic_id)
        )
        linked.append(shown.get(previous) if previous is not None else None)
        linked.append(shown.get(following) if following is not None else None)
        topics.append(topic_shown.get(topic_id))
    signature += linked
    signature += topics
    return tuple(signature)


@dataclass(frozen=True)
class _Dirty:
    papers: set[str]  # the papers whose page may have changed (or whose signature to renew)
    listing: bool  # whether the all-papers page may have changed
    # The papers whose row in a table may have changed: what `shown_of` holds of them,
    # or their assignments (a topic page's `topic_unchanged` reads it).
    rows: set[str] = field(default_factory=set)


def dirty_pages(
    site: Site,
    index: Index,
    bibtex: Mapping[str, str],
    previous: Mapping[str, tuple],
    layout: Layout | None,
    planned: Mapping[str, tuple] | None = None,
) -> _Dirty | None:
    """Which pages may differ from the ones whose signatures are in ``previous``,
    planned with ``layout``; None when every signature must be computed. ``planned``:
    the signatures of that plan, ``previous``'s and those of the pages since gone from
    the docs folder or touched there, each planned again.

    It answers without computing the 10,000 signatures of a large list. A paper page
    shows (see `paper_signature`) its paper, assignments, related papers and BibTeX
    entry; its place in each topic's sequence; each topic's title and size; and the
    what it shows of each paper it links to (`shown_of`: related, previous, next). While
    the papers, the topics and their sizes are as in ``layout``, a page can change
    only if one of its own inputs changed, its place in a sequence changed, or a
    paper it links to changed what `shown_of` holds. Its own inputs are read from
    its previous signature: they are mostly the very objects of this run (the file
    cache, the topic and BibTeX memos), so comparing costs a pointer check each.
    tests/test_pages.py checks this answer against the signatures themselves after
    random edits.
    """
    if (
        layout is None
        or layout.topic_shown != index.topic_shown
        or layout.taxonomy != index.taxonomy
        or layout.ids != index.papers.keys()
        or layout.sequences.keys() != index.sequences.keys()
        or layout.starts is None
        or layout.dated is None
    ):
        return None
    changed: set[str] = set()
    for topic_id, sequence in index.sequences.items():
        old_sequence = layout.sequences[topic_id]
        if layout.dated.get(topic_id) != rest_dated(index, topic_id):
            # The first paper after the start-here ones is another, or its year came or
            # went: every page of the topic says anew how the rest is ordered.
            changed.update(sequence)
            changed.update(old_sequence)
        old_start, start = layout.starts.get(topic_id, 0), index.starts[topic_id]
        if old_start != start:
            # A paper added to (or taken from) the start-here papers, whose place in the
            # sequence may be the same: the papers between the two ends say "start
            # here" or not anew.
            changed.update(sequence[min(old_start, start) : max(old_start, start)])
            changed.update(old_sequence[min(old_start, start) : max(old_start, start)])
        if old_sequence == sequence:
            continue
        if len(old_sequence) != len(sequence):  # implied by topic_shown (the size), today
            return None  # every page of the topic shows the new total
        # A retitled paper moves within the table order: the papers whose place
        # ("n of N") or previous or next paper changed are those whose window of three
        # differs.
        for n, pid in enumerate(sequence):
            if old_sequence[max(n - 1, 0) : n + 2] != sequence[max(n - 1, 0) : n + 2]:
                changed.add(pid)
    shown: set[str] = set()  # papers whose `shown_of` changed
    moved: set[str] = set()  # papers whose assignments changed
    listing = False
    before = layout.related
    # (Bound once: this loop runs for every paper on every rerun, and most papers pass
    # the first test, where each of their inputs is the very object of the signature.)
    assignments_of, related_of = site.assignments.get, site.related.get
    related_before, bibtex_of = before.get if before is not None else None, bibtex.get
    planned = planned if planned is not None else {}
    for pid, paper in index.papers.items():
        dest = paper_dest(pid)
        signature = previous.get(dest)
        if signature is None:
            # Its page is gone or was touched (by hand, or by a run that did not store
            # its memo: build._redo_is_cheap): planned again. What the paper was when the pages
            # that link to it were planned is its last plan's signature; without one,
            # whether they show it as before is unknown.
            signature = planned.get(dest)
            if signature is None:
                return None
            changed.add(pid)
        if (
            signature[_SIG_PAPER] is paper
            and signature[_SIG_ASSIGNED] is assignments_of(pid, ())
            and signature[_SIG_BIBTEX] is bibtex_of(pid, "")
            and related_before is not None
            and related_before(pid) is related_of(pid, ())
        ):
            continue
        old = signature[_SIG_PAPER]
        if old is not paper:
            # Planned again even when equal (a file touched, read again): its new
            # signature holds this object, which the next run passes by identity. (Kept
            # with the equal one, it was compared field by field on every run after.)
            changed.add(pid)
            if old != paper and shown_of(old) != shown_of(paper):
                shown.add(pid)
        assigned = assignments_of(pid, ())
        if signature[_SIG_ASSIGNED] is not assigned and signature[_SIG_ASSIGNED] != assigned:
            changed.add(pid)
            moved.add(pid)
            listing = True  # its topics column may differ
        text = bibtex.get(pid, "")
        if signature[_SIG_BIBTEX] is not text and signature[_SIG_BIBTEX] != text:
            changed.add(pid)
        related = site.related.get(pid, ())
        if before is None or before.get(pid) is not related:
            if _old_related_view(signature) != _related_view(related):
                changed.add(pid)
    if shown:
        listing = True
        for pid, related in site.related.items():
            for r in related:  # (a loop, not any(): this runs for every paper)
                if r.paper in shown:
                    changed.add(pid)
                    break
        for pid in shown:
            for topic_id, n in index.positions[pid].items():
                sequence = index.sequences[topic_id]
                changed.update(sequence[max(n - 1, 0) : n + 2])
    return _Dirty(changed, listing, shown | moved)


def topic_signature(index: Index, topic: Topic, exports: tuple) -> tuple:
    """Everything `topic_page` reads (see `paper_signature`): flat too, with the number
    of reading-order papers, each a pair, before the members, each four items (the last
    whether the table marks it a weak match)."""
    shown, topics_of = index.shown, index.topics_of
    ordered = [pid for pid in topic.reading_order if pid in shown]
    signature = [topic, index.taxonomy, exports, len(ordered)]
    for pid in ordered:
        signature += (pid, shown[pid])
    for pid, weak in zip(index.members[topic.id], weak_members(index, topic.id)):
        signature += (pid, shown[pid], topics_of[pid], weak)
    return tuple(signature)


def topic_unchanged(index: Index, topic: Topic, exports: tuple, signature: tuple | None, dirty: _Dirty) -> bool:
    """Whether `topic_signature` would give ``signature`` (the topic page's last), told
    without making it (16 topics of 10,000 papers' rows cost 0.05 s on every rerun):
    ``dirty`` (`dirty_pages`: the papers, the topics' titles and sizes, the taxonomy
    as the last plan had them) says which papers' rows may have changed; if none is
    the topic's, and its papers are the same in the same order, the topic, its exports
    and taxonomy as they were, each row is. tests/test_pages.py checks this answer
    against the signatures themselves after random edits."""
    if (
        signature is None
        or (signature[0] is not topic and signature[0] != topic)
        or signature[1] != index.taxonomy
        or signature[2] != exports
    ):
        return False
    members = index.members[topic.id]
    return (
        signature[4 + 2 * signature[3] :: 4] == members  # (the members' ids, after the reading order's pairs)
        and dirty.rows.isdisjoint(members)
        and dirty.rows.isdisjoint(topic.reading_order)
    )


def all_papers_signature(index: Index) -> tuple:
    """Everything `all_papers_page` reads (see `paper_signature`): flat, three items a
    paper."""
    shown, topics_of = index.shown, index.topics_of
    signature = [index.taxonomy]
    for pid in index.order:
        signature += (pid, shown[pid], topics_of[pid])
    return tuple(signature)
