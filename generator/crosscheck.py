"""The checks across files of one load, and the Paper records they build.

Ids that must exist (with what became of one a paper no longer has), the same paper
filed twice, the old ids in `formerly:`, topic parents and reading orders: each problem
said once, at its ``path:line:col``. Only what was built may be pointed at, so later
phases never meet a dangling id. `Checked` keeps what the checks made, so that a rerun
swaps a changed file in without checking the others again.
"""

from __future__ import annotations

import datetime
import functools
import operator
import posixpath
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Callable, Container, Iterable, Mapping, Sequence

from .errors import Location, Problem, Problems
from .importedfile import Fate, Gone
from .models import Content, Paper, has_invisible, is_citation_key
from .paperdrafts import SAME_PAPER_KEYS, PaperDraft, is_id
from .quoting import quoted, shell_quoted
from .slugs import slugify, unique_slug
from .topicsfile import (
    TopicDraft,
    check_duplicates,
    check_formerly,
    check_parents,
    draft_aliases,
    make_topic,
    meant_ids,
    only_known_topic,
    renamed_topics,
    suggest_topic,
    topic_meant,
)
from .typos import did_you_mean, slip
from .unknownids import (
    PaperTitles, after_unknown, paper_meant, paper_suggested, paper_titles, suggest_paper, whole_slug,
)
from .validate import Miswritten, Unlisted, line_of, not_an_id
from .yamlio import Scalar


def _check_formerly(
    papers: Sequence[PaperDraft], claimed: Mapping[str, PaperDraft], misnamed: Container[str],
    problems: Problems,
) -> None:
    """Each old id names a page that no longer exists, for one paper only: its old
    address then leads to that paper."""
    named: dict[str, list[tuple[PaperDraft, Scalar]]] = {}
    for draft in papers:
        for at, ref in enumerate(nodes(draft.values.get("formerly"))):
            if ref.text == draft.id and at == 0:
                continue  # the id it was first known by, and was renamed back to
            named.setdefault(str(ref.text), []).append((draft, ref))
    for old, entries in named.items():
        for draft, ref in entries:
            if old == draft.id:
                problems.error(
                    ref.loc,
                    f"{quoted(old)} is this paper's own id; 'formerly' lists the ids it had before"
                    " a rename (its own only first, when it was renamed back to the id it was"
                    " first known by)",
                )
            elif old == draft.stem:
                pass  # (a rename half made: the file keeps the old name, and says so)
            elif old in claimed or old in misnamed:
                holder = (
                    claimed[old].shown if old in claimed
                    else posixpath.join(posixpath.dirname(draft.shown), f"{old}.yml")
                )
                problems.error(
                    ref.loc,
                    f"{quoted(old)} is the id of {holder}: its address is that paper's page, and"
                    " cannot lead to this one; remove it from 'formerly'",
                )
            elif len(entries) > 1:
                others = ", ".join(str(other.loc) for d, other in entries if other is not ref)
                problems.error(
                    ref.loc,
                    f"{quoted(old)} is also in the 'formerly' of {others}: an old address leads to"
                    " one paper; keep it in the one that had the id",
                )


# An index of the drafts by something only one of them should have: the draft that
# has it, or None when several do.
_Index = dict[str, "PaperDraft | None"]


def _claim_ids(papers: list[PaperDraft]) -> tuple[dict[str, PaperDraft], _Index]:
    """Paper id -> the file claiming it, and the same ids indexed (None when several
    files claim one).

    Of several files claiming one id, at most one is named after it: each of the others
    is already reported for an id that does not match its file name, which is the whole
    mistake, so nothing more is said. The file named after the id keeps it; when none
    is, the first in name order does.
    """
    claims: dict[str, list[PaperDraft]] = {}
    for draft in papers:
        if draft.id is not None:
            claims.setdefault(draft.id, []).append(draft)
    claimed = {}
    for paper_id, claimants in claims.items():
        claimed[paper_id] = claimants[0]
        if len(claimants) > 1:
            for draft in claimants:
                if draft.stem == paper_id:
                    claimed[paper_id] = draft
    owners = {key: found[0] if len(found) == 1 else None for key, found in claims.items()}
    return claimed, owners


def _ids_disagree(one: PaperDraft, other: PaperDraft) -> bool:
    """Whether two files each give an arXiv id, or each a DOI, and those differ: two
    papers of one title ("Editorial"), as the importer takes them too."""
    return any(
        a and b and a != b for a, b in zip(one.same_keys[:2], other.same_keys[:2])
    )


def _two_papers(one: PaperDraft, other: PaperDraft) -> bool:
    """Whether two files of one title are two papers: their ids disagree, or their people
    and years do ("Deep Learning", the book and the review; matchkeys.two_works), as the
    importer tells them (a book and a chapter by one other person: importmatch.apart)."""
    from .matchkeys import kinds_differ, two_works  # (only for a title two files share)

    return _ids_disagree(one, other) or two_works(
        one.values.get("authors"), one.values.get("year"), other.values.get("authors"), other.values.get("year"),
        least=1 if kinds_differ(one.values, other.values) else 2,
    )


def _titles_differ(draft: PaperDraft, others: Sequence[PaperDraft]) -> bool:
    """Whether ``draft`` and each of ``others`` have titles, and no two are one title,
    as import compares them: not "ReAct" and "Re-Act" (the last of SAME_PAPER_KEYS)."""
    title = draft.same_keys[-1]
    return bool(title) and all(o.same_keys[-1] and o.same_keys[-1] != title for o in others)


def _same_papers(
    papers: Sequence[PaperDraft], problems: Problems, parted: Container[tuple[str, str]] = frozenset()
) -> tuple[_Index, ...]:
    """Files that are one paper, reported once on each file, naming the others (once
    per pair: a pair found by its title is not reported again for its DOI), but for
    the pairs a curator parted (``parted``, `parted_pairs`); and the drafts indexed by
    each of SAME_PAPER_KEYS."""
    reported: set[tuple[str, str]] = set()
    indexes = []
    for position, (name, reason, _, sure) in enumerate(SAME_PAPER_KEYS):
        groups: dict[str, list[PaperDraft]] = {}
        for draft in papers:
            key = draft.same_keys[position] if draft.same_keys else ""
            if key:
                members = groups.get(key)
                if members is None:
                    groups[key] = [draft]
                else:
                    members.append(draft)
        indexes.append(
            {key: found[0] if len(found) == 1 else None for key, found in groups.items()}
        )
        for members in groups.values():
            if len(members) < 2:
                continue
            for draft in members:
                others = [
                    other.shown
                    for other in members
                    if other is not draft
                    and (draft.shown, other.shown) not in reported
                    and not (name == "title" and _two_papers(draft, other))
                    # (`not_same_as:` does not part two files of one DOI: ONE_DOI.)
                    and (name == "doi" or (draft.id, other.id) not in parted)
                    # (A copy holding the other's id: its one mistake, said at its id.)
                    and (draft.id is None or other.id != draft.id)
                ]
                if not others:
                    continue
                reported.update((draft.shown, other) for other in others)
                twins = [o for o in members if o.shown in others]
                groups = [twins]
                if name == "doi":
                    # (Parted from some, not from others: each told what is right for
                    # it and this file, never to merge it with one it is parted from.)
                    apart = [o for o in twins if (draft.id, o.id) in parted]
                    groups = [group for group in (apart, [o for o in twins if o not in apart]) if group]
                for group in groups:
                    (problems.error if sure else problems.warning)(
                        draft.nodes[name].loc, _same_paper_says(name, reason, draft, group, parted)
                    )
    return tuple(indexes)


def _same_paper_says(
    name: str, reason: str, draft: PaperDraft, twins: Sequence[PaperDraft], parted: Container[tuple[str, str]]
) -> str:
    """What `_same_papers` says at ``draft`` of the files ``twins`` giving its ``name``
    (a key of SAME_PAPER_KEYS, ``reason`` its words) too."""
    shown = f" {draft.values[name]}" if name != "title" else ""
    said = f"same paper as {', '.join(o.shown for o in twins)} ({reason}{shown})"
    fix = MERGE
    # (Parted from each: one of them not parted may be merged with it.)
    if name == "doi" and all((draft.id, o.id) in parted for o in twins):
        said += ", which 'not_same_as:' parts: " + ONE_DOI
        fix = "; correct the DOI of the one it is not, " + _here_or_at(twins, name) + _likely_copy(
            draft, twins, "DOI"
        )
    elif any((one.id, other.id) in parted for one in twins for other in twins):
        # (Not parted from it, but from each other: it may be one of them, not both.)
        said += ", which 'not_same_as:' says are two papers" if len(twins) == 2 else (
            ", some of which 'not_same_as:' says are other papers"
        )
        merge = " this file is the paper of one of them, merge the two" + MERGE.removeprefix("; merge them")
        fix = (
            ": a DOI is one paper's own, so all files of it but one paper's give a wrong one; if"
            + merge + "; correct the DOI of each other paper, " + _here_or_at(twins, name)
            + _likely_copy(draft, twins, "DOI")
            if name == "doi" else
            f": if{merge}; if it is another paper, {_parting(draft, twins)}"
        )
    elif name == "title":
        fix += SAME_PEOPLE if all(_dated_people(d) for d in (draft, *twins)) else TWO_PAPERS + PARTED
    elif name == "arxiv" and not _titles_differ(draft, twins):
        fix += ONE_PREPRINT
    elif _titles_differ(draft, twins):
        # A file copied to start another paper keeps the arXiv id or DOI of the one it
        # was copied from: then a merge would lose the new paper. Versions of one
        # preprint share its arXiv id (under a new title, a journal version's), not a
        # DOI: each version has its own.
        where = _here_or_at(twins, name) + _likely_copy(draft, twins, "arXiv id" if name == "arxiv" else "DOI")
        fix += (
            ", or, if they are two papers of one preprint (a conference and a journal"
            f" version, say), {_parting(draft, twins)}; if they are two papers of two"
            f" preprints, correct the arXiv id of the one it is not, {where}"
            if name == "arxiv" else
            ", or, if they are two papers (their titles differ), correct the DOI of the"
            f" one it is not, {where}; 'not_same_as:' does not part them: {ONE_DOI}"
        )
    return said + fix


# How to end two files of one paper: a merge keeps the removed file's address and readers.
MERGE = (
    "; merge them: keep one file, copy into it what the other adds, delete the other and list"
    " its id in the kept one's 'formerly:'"
)
# How to tell two papers of one title apart, as the importer does (matchkeys.two_works),
# or by the curator's word (`not_same_as:`, which each same-paper message ends with).
PARTED = ", or list either's id in the other's 'not_same_as:'"
TWO_PAPERS = ", or, if they are two papers, give each its arXiv id or DOI, or its authors and year"
# The same, for files that give their authors and years already, which then did not
# tell them apart: only an id does (a paper's conference and journal versions), or the
# curator's word that they are two (`not_same_as:`; NeurIPS and JMLR give no DOI).
SAME_PEOPLE = (
    ", or, if they are two papers (a conference and a journal version, say), list either's id"
    " in the other's 'not_same_as:', or give each its own DOI or arXiv id: their authors and"
    " years do not tell them apart, as only mostly other people in another year would"
)
# For files of one title and one arXiv id: a paper's versions often give their preprint's.
ONE_PREPRINT = (
    ", or, if they are two papers of one preprint (a conference and a journal version, say),"
    " list either's id in the other's 'not_same_as:'"
)


# Why two papers of one DOI are no two versions `not_same_as:` parts: the importer
# matches a record by its DOI alone (importer._by_shared), whatever that says.
ONE_DOI = (
    "a DOI is one paper's own (a conference and a journal version each have theirs), and"
    " `readinglist import` takes a record of it for one of the two whatever 'not_same_as:'"
    " says"
)


def _here_or_at(twins: Sequence[PaperDraft], name: str) -> str:
    """Where the arXiv id or DOI (``name``) to correct may be: the message's own line,
    or the line of each other file giving it."""
    return "here or at " + ", ".join(str(other.nodes[name].loc) for other in twins)


def _parting(draft: PaperDraft, twins: Sequence[PaperDraft]) -> str:
    """The `not_same_as:` to write in ``draft``'s file to part it from ``twins``."""
    if any(other.id is None for other in twins):
        return PARTED.removeprefix(", or ")
    ids = ", ".join(str(other.id) for other in twins)
    if draft.values.get("not_same_as"):
        return f"add {ids} to this file's 'not_same_as:'"
    return f"write 'not_same_as: [{ids}]' in this file"


def _likely_copy(draft: PaperDraft, twins: Sequence[PaperDraft], what: str) -> str:
    """Which files' arXiv id or DOI (``what``) is likely the one to correct: of files
    all giving the day they were `added:`, those added after the one added first, as a
    file copied to start another paper is (it keeps the id of the one it was copied
    from); "" when the dates do not tell."""
    dated = sorted(((d.values.get("added"), d.shown) for d in (draft, *twins)), key=lambda pair: str(pair[0]))
    if not all(isinstance(added, datetime.date) for added, _ in dated) or dated[0][0] == dated[1][0]:
        return ""
    (first, earliest), later = dated[0], dated[1:]
    if len(later) == 1:
        which = f"{later[0][1]}'s: it was added later ({later[0][0]}; {earliest} {first})"
    else:
        which = f"those of all but {earliest}, added first ({first})"
    return (
        f"; likely {which}, and a file copied to start another paper keeps the {what} of the"
        " one it was copied from"
    )


def parted_pairs(papers: Iterable[PaperDraft]) -> frozenset[tuple[str, str]]:
    """The pairs of ids a curator says are two papers (`not_same_as:` in either file),
    each both ways round."""
    pairs: set[tuple[str, str]] = set()
    for draft in papers:
        for ref in nodes(draft.values.get("not_same_as")) if draft.id is not None else ():
            pairs.update(((draft.id, str(ref.text)), (str(ref.text), draft.id)))
    return frozenset(pairs)


def _check_parted(
    papers: Sequence[PaperDraft], claimed: Mapping[str, PaperDraft], problems: Problems
) -> None:
    """A `not_same_as:` entry naming a paper nothing makes one with this one (as `check`
    and import compare two papers: one arXiv id, DOI or title, titles SIMILAR_TITLE
    alike, or one long abstract under titles somewhat alike) is not needed: said, since
    it is most likely a slip for another id. (An unknown id is said as `related:`'s is.)"""
    from .matchkeys import one_by_text

    for draft in papers:
        for ref in nodes(draft.values.get("not_same_as")):
            other = claimed.get(str(ref.text))
            if other is None or other is draft or not draft.same_keys or not other.same_keys:
                continue
            if _said_as_one(draft, other) or one_by_text(
                draft.same_keys[2], other.same_keys[2], draft.values.get("abstract"), other.values.get("abstract")
            ):
                continue
            problems.warning(
                ref.loc,
                f"{quoted(ref.text)} is not needed in not_same_as: nothing makes the two one paper"
                " (their titles are not alike, nor are their arXiv ids, DOIs or abstracts one),"
                " so neither `check` nor `readinglist import` takes them for one; remove it",
            )


def _dated_people(draft: PaperDraft) -> bool:
    """Whether ``draft`` gives its authors and its year: "give each its authors and year"
    then asks for what it has."""
    authors = draft.values.get("authors")
    return bool(authors) and isinstance(authors, (list, tuple)) and bool(str(draft.values.get("year") or "").strip())


def _similar_titles(
    papers: Sequence[PaperDraft], problems: Problems, parted: Container[tuple[str, str]] = frozenset()
) -> tuple[frozenset[str], dict[str, int]]:
    """Files whose titles are so alike that `readinglist import` takes them for one paper
    (matchkeys.SimilarTitles, the importer's own match): nearly always one paper added
    twice by hand, a title mistyped. Said once per pair, at the title of the later file
    in the order import indexes them (`_import_order`), naming the earlier one that
    import would merge it into (the most alike), unless the two are told apart as the importer tells them (other arXiv ids or
    DOIs, other people in other years, each its own abstract), or are one paper said
    already (one arXiv id, DOI, or title but for a hyphen). Then the files import takes
    for one paper by their abstract (`_same_abstracts`). The titles of each pair found,
    told apart or not, and the files' abstracts: a rerun that changes such a file checks
    them all again. Not the pairs a curator parted (``parted``)."""
    from .matchkeys import SimilarTitles, different_abstracts  # (only with titles to compare)

    index: SimilarTitles[PaperDraft] = SimilarTitles()
    near: set[str] = set()
    said: set[tuple[str, str]] = set()
    ordered = sorted((d for d in papers if d.same_keys), key=_import_order)
    for draft in ordered:
        title = draft.same_keys[2]
        if not title or title in index:
            continue  # (one title: said as such)
        found = index.similar(title, then_add=draft)
        if found is None:
            continue
        other, score = found
        near.update((title, other.same_keys[2]))
        if _said_as_one(draft, other) or (draft.id, other.id) in parted:
            continue
        if _two_papers(draft, other) or different_abstracts(
            str(draft.values.get("abstract") or ""), str(other.values.get("abstract") or "")
        ):
            continue
        said.add((draft.shown, other.shown))
        _one_paper(
            draft, other, f"Its title, {quoted(str(other.values['title']))}, and this one are {score:.0f}% alike",
            TWO_PAPERS + ", or its own abstract" + PARTED, problems,
        )
    return frozenset(near), _same_abstracts(ordered, said, problems, parted)


def _same_abstracts(
    papers: Sequence[PaperDraft], said: Container[tuple[str, str]], problems: Problems,
    parted: Container[tuple[str, str]] = frozenset(),
) -> dict[str, int]:
    """Files (``papers``) of one long abstract under titles somewhat alike,
    which `readinglist import` takes for one paper by that abstract whatever their people
    and years (matchkeys.abstract_key, abstract_titles_alike: the importer's own match):
    a file copied to start another paper, its abstract kept, or one paper added twice
    under a reworded title. Said as `_similar_titles` says a pair, at each later file,
    naming the file import takes it for: the first of that abstract by its file's name
    without '.yml' (the id import reads it under), as import indexes the papers and
    compares a record of the abstract with that one alone (so a file whose title is
    unlike the first's is taken for none by it, and not said; naming the most alike
    named another file than import would). Not said where their arXiv ids or DOIs
    disagree (as the importer tells them apart), or the pair is said already
    (``said``, or one arXiv id, DOI, or title), or a curator parted it (``parted``). Abstracts are grouped by their
    `abstract_bucket`, so that only those of a shared bucket are compared whole; each
    bucket -> how many files have it."""
    from .matchkeys import abstract_bucket, abstract_key, abstract_titles_alike

    buckets: dict[str, list[PaperDraft]] = {}
    for draft in papers:
        if bucket := abstract_bucket(draft.values.get("abstract")):
            buckets.setdefault(bucket, []).append(draft)
    keyed: dict[str, list[PaperDraft]] = {}
    for group in buckets.values():
        for draft in group if len(group) > 1 else ():
            if key := abstract_key(draft.values.get("abstract")):
                keyed.setdefault(key, []).append(draft)
    for same in keyed.values():
        first, *later = sorted(same, key=_import_order)
        for draft in sorted(later, key=_shown):
            title, other = draft.same_keys[2], first.same_keys[2]
            if (
                title and other and (draft.shown, first.shown) not in said and (first.shown, draft.shown) not in said
                and not _said_as_one(draft, first) and not _ids_disagree(draft, first)
                and (draft.id, first.id) not in parted
                and (score := abstract_titles_alike(title, other)) is not None
            ):
                _one_paper(
                    draft, first, f"It has this abstract too, and its title,"
                    f" {quoted(str(first.values['title']))}, and this one are {score:.0f}% alike",
                    ", or, if they are two papers, give each its arXiv id or DOI, or its own abstract" + PARTED,
                    problems,
                )
    return {bucket: len(group) for bucket, group in buckets.items()}


def _said_as_one(draft: PaperDraft, other: PaperDraft) -> bool:
    """Whether two files are one paper by their arXiv id, DOI, or title (but for a hyphen
    or space): `_same_papers` says so, and import matches them so first."""
    return any(a and a == b for a, b in zip(draft.same_keys, other.same_keys))


def _one_paper(draft: PaperDraft, other: PaperDraft, why: str, fix: str, problems: Problems) -> None:
    """The warning that import takes ``draft`` for the earlier ``other``, and why."""
    named = f" (id {quoted(other.id)})" if other.id is not None else ""
    problems.warning(
        draft.nodes["title"].loc,
        f"same paper as {other.shown}{named}? {why}: `readinglist import` takes them for one paper" + MERGE + fix,
    )


_shown = operator.attrgetter("shown")


def _import_order(draft: PaperDraft) -> tuple[str, str]:
    """Files in the order import indexes their papers: by the id it reads a paper
    under, its file's name (importer._read_existing), not a name with '.yml' ('a-b.yml'
    sorts before 'a.yml', id 'a-b' after 'a')."""
    return draft.stem, draft.shown


def _check_file_names(papers: Sequence[PaperDraft], problems: Problems, gone: Gone) -> None:
    """A file whose id is not its name, with the fixes that make them agree: the mv
    command renaming the file, or the id to write (which moves the paper's page), as
    the files there allow. A file of that name there already, or an earlier one giving
    the id too, would be overwritten by the mv: this file is then a copy of that paper
    to merge, or another paper to give its own id."""
    names = {draft.stem for draft in papers}
    first: dict[str, PaperDraft] = {}  # id -> the first file giving it, named otherwise
    # Id -> the file giving it, or told to write it (an id written as a name).
    taken: dict[str, tuple[PaperDraft, str]] = {
        draft.id: (draft, "gives that id") for draft in sorted(papers, key=_shown, reverse=True) if draft.id
    }
    for draft in sorted(papers, key=_shown):
        paper_id, stem = draft.id, draft.stem
        if isinstance(written := draft.values.get("id"), Miswritten):
            _id_as_a_name(draft, written, names, taken, problems)
        if paper_id is None or paper_id == stem:
            continue
        said = f"id {quoted(paper_id)} does not match the file name {quoted(stem + '.yml')}"
        target = posixpath.join(posixpath.dirname(draft.shown), f"{paper_id}.yml")
        mv = f"mv {shell_quoted(draft.shown)} {shell_quoted(target)}"  # (a name with a space)
        named = is_id(stem)
        holder = target if paper_id in names else first.setdefault(paper_id, draft).shown
        if holder != draft.shown:
            held = "is named for that id already" if holder == target else "gives that id too"
            other = f"write 'id: {stem}'" if named else "give it an id of its own and name the file after it"
            said += (
                f", and {holder} {held}: if this file is another paper, {other}; if it is that"
                f" paper, copy into {holder} what this file adds, then delete this file"
            )
        elif stem in _ids_of(draft.values.get("formerly")):
            said += f"; its 'formerly:' lists {quoted(stem)}, a rename half made: rename the file too, {mv}"
        elif named and (other := gone.other_paper(paper_id, draft.values)) is not None:
            # (A deleted paper's id taken for a new paper: renamed or given a `formerly:`
            # as for a rename, the old paper's address and readers' marks led here.)
            title, told = other
            was = f" ({quoted(title)})" if title else ""
            said += (
                f"; {quoted(paper_id)} was the id of another paper{was}, deleted since ({told}): its"
                f" address, and readers' marks of it, would lead to this one; give this paper its own"
                f" id: write 'id: {stem}'"
            )
        elif named:
            # (Its 'formerly:' list, if it has one, is added to; and an id edited by hand to
            # rename the paper, which the mv alone leaves half done: its old page's address
            # lost, the topics and papers naming it in error, is told the command that does it.)
            former = _ids_of(draft.values.get("formerly"))
            add = f"add {quoted(paper_id)} to its 'formerly:' list" if former else f"add 'formerly: [{paper_id}]'"
            # (A file renamed by hand, its id as it was, is renamed forward from that id:
            # told to write its name as its id "back", the curator renamed the paper to
            # its old id.)
            if gone.file_renamed(paper_id, stem):
                back, old, new = f"move the file back, {mv}, and", paper_id, stem
            else:
                back, old, new = f"write 'id: {stem}' back and", stem, paper_id
            said += (
                f"; rename the file, {mv}, or write 'id: {stem}' (an id is its page's address:"
                f" if the site was published with {quoted(paper_id)}, {add} so"
                " that address leads here); to rename the paper, its old address leading to the new"
                f" and what names it changed too, {back} run: readinglist rename {old} {new}"
            )
        else:
            said += f"; rename the file to {quoted(paper_id + '.yml')} (a file's name is its paper's id): {mv}"
        problems.error(draft.nodes["id"].loc, said)
    _check_reused_ids(papers, names, problems, gone)


def reused_id(paper_id: str) -> str:
    """The kind (`Problem.kind`) of `_check_reused_ids`' error of ``paper_id``: `readinglist
    rename` of that paper, which gives it another id, is what it asks for, and goes ahead
    despite it, without keeping ``paper_id`` in the paper's `formerly:`."""
    return f"reused-id:{paper_id}"


def _check_reused_ids(papers: Sequence[PaperDraft], names: Container[str], problems: Problems, gone: Gone) -> None:
    """A file named for its id that git's copy of it, or the importer's record, says was
    another paper (`Gone.reused`): a paper's file written over, or a deleted paper's
    file made again, for a new paper. Nothing else tells it, and the old paper's address,
    readers' marks of it and other sites' links to it led to the new one: an error, with
    an id of its own for the new paper (from its title) and, from git, the command that
    brings the other paper's file back."""
    named = {draft.id: draft for draft in papers if draft.id is not None and draft.id == draft.stem}
    for paper_id, (title, told, commit) in sorted(gone.reused((i, d.values) for i, d in named.items()).items()):
        draft = named[paper_id]
        was = f" ({quoted(title)})" if title else ""
        own = draft.values.get("title")
        new = unique_slug(slugify(own) if isinstance(own, str) else f"{paper_id}-2", names)
        target = posixpath.join(posixpath.dirname(draft.shown), f"{new}.yml")
        back = (
            f"; to keep that paper too, bring its file back once this one is moved: git checkout {commit} --"
            f" {shell_quoted(draft.shown)}" if commit else ""
        )
        problems.error(
            draft.nodes["id"].loc,
            f"{quoted(paper_id)} was the id of another paper{was} ({told}), and this file gives it to"
            f" another paper now: that paper's address papers/{paper_id}/, readers' marks of it and"
            f" other sites' links to it would lead to this one; give this paper its own id: write"
            f" 'id: {new}' and rename the file, mv {shell_quoted(draft.shown)} {shell_quoted(target)}{back}",
            kind=reused_id(paper_id),
        )


def _id_as_a_name(
    draft: PaperDraft, written: Miswritten, names: Container[str], taken: dict[str, tuple[PaperDraft, str]],
    problems: Problems,
) -> None:
    """Say the id a paper's id written as a name ("Model Merging") reads as, in a file
    whose name is no id (validate.RecordChecker.slug), is to be written, and the file
    renamed to it; or, where a file has that name, gives that id, or is told to write
    it (``taken``, which this one then joins), what to do with the two: two files told
    one id and name were two renames, the second overwriting the first paper."""
    fixed = str(written.text)
    said = not_an_id("id", written.written)
    holder, held = "", ""
    if fixed in names:
        holder, held = posixpath.join(posixpath.dirname(draft.shown), f"{fixed}.yml"), "is named for that id already"
    elif fixed in taken:
        holder, held = taken[fixed][0].shown, taken[fixed][1]
    if holder:
        said += (
            f"; {holder} {held}: if this file is another paper, give it an id of its own and"
            f" name the file after it; if it is that paper, copy into {holder} what this file adds, then delete"
            " this file"
        )
    else:
        said += f"; write 'id: {fixed}' and rename the file to '{fixed}.yml'"
        taken[fixed] = (draft, "is told to write that id")
    problems.error(written.loc, said)


def cross_check(
    papers: list[PaperDraft],
    topics: list[TopicDraft],
    topics_read: bool,
    problems: Problems,
    gone: Gone,
    unnamed: Sequence[TopicDraft] = (),
) -> Checked:
    """The checks across files. ``unnamed``: the topics with no valid id (read_topics)."""
    start = len(problems.items)
    claimed, owners = _claim_ids(papers)
    _check_file_names(papers, problems, gone)
    parted = parted_pairs(papers)
    same = _same_papers(papers, problems, parted)
    near, abstracts = _similar_titles(papers, problems, parted)
    ordered = sorted(claimed)
    # A file that gave no valid id (a YAML syntax error, most often) or another id than
    # its name is reported on its own; its name is the id it is meant to have, so
    # naming that id elsewhere is no second mistake.
    misnamed = frozenset(d.stem for d in papers if d.id != d.stem).difference(claimed)
    _check_formerly(papers, claimed, misnamed, problems)
    _check_parted(papers, claimed, problems)
    meant_topics = meant_ids(unnamed)
    topic_choices = make_topic_choices(topics, topics_read, claimed, meant_topics)
    paper_choices = paper_id_choices(set(ordered), ordered, misnamed, gone.fate, topic_choices.ids, claimed)
    orders = reading_orders(topics)
    ruled = ruled_out(claimed.values())
    # A file whose id is unusable is not built, but the ids it names are checked all the
    # same: told only of its id, a curator fixed it and met a 'topics: [Bad_Id]' next.
    # (A copy holding another file's id is one mistake, said at its id. A rerun swaps
    # only files with an id, so these problems stay with the head.)
    for draft in papers:
        if draft.id is None:
            _check_paper(draft, paper_choices, topic_choices, orders, ruled, problems)
    head = problems.items[start:]

    built: list[Paper] = []
    per_paper: dict[str, tuple[Problem, ...]] = {}
    for paper_id in ordered:
        start = len(problems.items)
        paper = _check_paper(claimed[paper_id], paper_choices, topic_choices, orders, ruled, problems)
        if paper is not None:
            built.append(paper)
        if len(problems.items) > start:
            per_paper[paper_id] = tuple(problems.items[start:])

    start = len(problems.items)
    parents = check_parents(topics, problems, topics_read, claimed, meant_topics)
    check_formerly(topics, problems, unnamed)
    check_duplicates(
        topics, unnamed,
        lambda refs, topic_id: _known(
            refs, paper_choices, "paper", problems,
            other=topic_in_order(topic_id, parents, paper_choices),
        ),
        problems, topics_read, claimed, meant_topics,
    )
    built_topics = []
    for draft in topics:
        # A topic without a title is not built, but the papers of its reading order are
        # checked all the same (its parent and old ids are, above), as a paper file's are.
        reading_order = _known(
            draft.values.get("reading_order"), paper_choices, "paper", problems,
            other=topic_in_order(draft.id, parents, paper_choices),
        )
        if draft.usable:
            built_topics.append(make_topic(draft, parents.get(draft.id, ""), reading_order))
    uncited = _citation_keys(built, claimed, problems)
    tail = problems.items[start:]
    # Only what was built may be pointed at: later phases never meet a dangling id.
    paper_ids = {p.id for p in built}
    topic_ids = {t.id for t in built_topics}
    built = [_only_known(_cited(paper, uncited), paper_ids, topic_ids) for paper in built]
    built_topics = [only_known_topic(topic, paper_ids, topic_ids) for topic in built_topics]
    content = Content(papers=tuple(built), topics=tuple(built_topics))
    return Checked(
        content, owners, same, head, per_paper, tail, paper_ids, topic_ids, misnamed, ruled,
        frozenset(gone.asked), near, abstracts, frozenset(chain.from_iterable(parted)), meant_topics,
        uncited,
    )


def make_topic_choices(
    topics: Sequence[TopicDraft], topics_read: bool, paper_ids: Container[str] = frozenset(),
    meant: frozenset[str] = frozenset(),
) -> _Choices:
    """The topic ids a paper may name; any, unreported, when topics.yml could not be read.
    ``paper_ids``: the papers', which a paper's `topics:` naming one is told it is;
    ``meant``: the ids topics with no valid id are told to write, unreported (`meant_ids`)."""
    topic_list = [t.id for t in topics]
    aliases = draft_aliases(topics)
    renamed = renamed_topics(topics)

    def fate(old: str) -> Fate | None:
        return Fate(renamed[old], what="topic") if old in renamed else None

    return _Choices(
        set(topic_list), topic_list, meant if topics_read else ANY, fate, aliases=aliases,
        others=(paper_ids, A_PAPER), within=True,
        apart=EXCLUDED_PAPER,
    )


def paper_id_choices(
    ids: Container[str], ordered: list[str] | None, misnamed: Container[str],
    fate: Callable[[str], Fate | None], topic_ids: Container[str] = frozenset(),
    drafts: Mapping[str, PaperDraft | None] | None = None,
) -> _Choices:
    """The paper ids a reference may name (`related:`, a reading order...); ``topic_ids``,
    which a reference naming one is told it is; ``drafts``, the papers by id, whose
    titles a reference naming one by its title is told its id by (`_titles`, made when
    first needed: an unknown id is rare)."""
    titles = functools.cache(lambda: _titles(drafts)) if drafts is not None else None
    return _Choices(
        ids, ordered, misnamed, fate, others=(topic_ids, A_TOPIC),
        apart=UNRELATED_TOPIC, titles=titles,
    )


def _titles(drafts: Mapping[str, PaperDraft | None]) -> PaperTitles:
    """The titles of the papers by id (None: an id several files claim, titled by none),
    and their arXiv ids and DOIs."""
    return paper_titles(
        ((paper_id, draft.values.get("title") if draft is not None else None) for paper_id, draft in drafts.items()),
        (
            (paper_id, draft.values.get(name))
            for paper_id, draft in drafts.items() if draft is not None for name in ("arxiv", "doi")
        ),
    )


# Paper id -> (topic id, the located entry) for each reading order listing the paper.
_Orders = Mapping[str, Sequence[tuple[str, Scalar]]]


def reading_orders(topics: Sequence[TopicDraft]) -> _Orders:
    """Paper id -> each topic whose reading order lists it, with the entry. A topic that
    gives another's id again is no topic of the site, but its reading order is checked
    as the first's is (`check_duplicates`): a paper excluding the id is said there too."""
    orders: dict[str, list[tuple[str, Scalar]]] = {}
    for draft in chain.from_iterable([topic, *topic.duplicates] for topic in topics):
        for ref in nodes(draft.values.get("reading_order")):
            orders.setdefault(str(ref.text), []).append((draft.id, ref))
    return orders


# Paper id -> the id of each paper whose `not_related:` names it -> its (first) entry,
# and whether that paper's `related:` names it too (an error there; its page lists it).
_Ruled = dict[str, dict[str, tuple[Scalar, bool]]]


def ruled_out(papers: Iterable[PaperDraft]) -> _Ruled:
    ruled: _Ruled = {}
    for draft in papers:
        _rule(ruled, draft)
    return ruled


def _rule(ruled: _Ruled, draft: PaperDraft, remove: bool = False) -> None:
    """Add (or remove) the entries of one paper's `not_related:` in ``ruled``."""
    if draft.id is None:
        return
    for paper_id, ref, linked in _rulings(draft):
        rulers = ruled.setdefault(paper_id, {})
        if remove:
            rulers.pop(draft.id, None)
        elif paper_id != draft.id:
            rulers.setdefault(draft.id, (ref, linked))


def _rulings(draft: PaperDraft) -> tuple[tuple[str, Scalar, bool], ...]:
    """Each entry of the paper's `not_related:`: the id, the entry, and whether its
    `related:` names that id too."""
    entries = nodes(draft.values.get("not_related"))
    if not entries:
        return ()
    linked = set(_ids_of(draft.values.get("related")))
    return tuple((str(ref.text), ref, ref.text in linked) for ref in entries)


def _not_related_entries(draft: PaperDraft) -> tuple[tuple[str, Location, bool], ...]:
    """What `ruled` holds of the paper: a rerun that changes it rules it again."""
    return tuple((paper_id, ref.loc, linked) for paper_id, ref, linked in _rulings(draft))


_NO_IDS: tuple[tuple[str, ...], ...] = ((), (), (), (), ())


def _in_both(
    ref: Scalar, listed: Container[str | None], field: str, apart: str, to_join: str, to_part: str,
    problems: Problems,
) -> None:
    """An error at ``ref``, an entry of the paper's ``apart`` (exclude_topics,
    not_related), when its ``field`` (topics, related) names the id too: what taking it
    out of either does, ``to_join`` and ``to_part``."""
    if ref.text in listed:
        problems.error(
            ref.loc,
            f"{quoted(ref.text)} is in both {field} and {apart}; remove it from one:"
            f" from {apart} to {to_join}, from {field} to {to_part}",
        )


def _check_paper(
    draft: PaperDraft, papers: _Choices, topics: _Choices, orders: _Orders, ruled: _Ruled,
    problems: Problems,
) -> Paper | None:
    """The paper of the file that claims its id, with the ids it names checked; None
    when the file is not usable (its id references are checked all the same).

    A reading order listing a paper that excludes the topic, and a `related:` entry
    naming a paper whose `not_related:` names this one, are reported here, with the
    paper's references, so that a rerun checking only the changed files finds them too.
    """
    values = draft.values
    paper_id = draft.id
    # Most papers list no ids at all: skip the calls for them.
    own_topics = excluded = related = unrelated = parted = ()
    if values.get("topics"):
        own_topics = _known(values["topics"], topics, "topic", problems)
    if values.get("exclude_topics"):
        excluded = _known(values["exclude_topics"], topics, "topic", problems, excluding=True, apart=True)
        listed_in = orders.get(paper_id or "", ())
        for ref in nodes(values["exclude_topics"]):
            _in_both(ref, own_topics, "topics", "exclude_topics", "put the paper in the topic", "keep it out", problems)
            for topic_id, entry in listed_in:
                if topic_id == ref.text:
                    problems.error(
                        entry.loc,
                        f"paper {quoted(paper_id)} is in the reading order of topic {quoted(topic_id)},"
                        f" but {ref.loc} excludes the paper from that topic; remove one of the two",
                    )
    if values.get("related"):
        related = _other_papers(
            values["related"], "related", paper_id, papers, problems, "a paper cannot be related to itself"
        )
    if values.get("not_related"):
        unrelated = _other_papers(
            values["not_related"], "not_related", paper_id, papers, problems,
            "a paper cannot be in its own not_related", apart=True,
        )
        for ref in nodes(values["not_related"]):
            _in_both(ref, related, "related", "not_related", "link the two", "part them", problems)
    if values.get("not_same_as"):
        parted = _other_papers(
            values["not_same_as"], "not_same_as", paper_id, papers, problems,
            "a paper cannot be in its own not_same_as",
        )
    rulers = ruled.get(paper_id or "") if related else None
    for ref in nodes(values.get("related")) if rulers else ():
        ruler = str(ref.text)
        if (ruling := rulers.get(ruler)) is None or ruler not in related:  # type: ignore[union-attr]
            continue
        entry, linked = ruling
        problems.warning(
            ref.loc,
            f"{quoted(ruler)} is in related, but {entry.loc} lists this paper in not_related"
            + (
                f" and in related (an error there): the links win, so each page lists the"
                f" other all the same; remove {quoted(ruler)} here and {quoted(paper_id)} from that"
                f" paper's related to part the two, or {quoted(paper_id)} from its not_related"
                " to link them"
                if linked
                else f": the link wins, so this paper's page lists {quoted(ruler)} all the same"
                " (and that paper's page does not list this one); remove"
                f" {quoted(ruler)} here to part the two, or {quoted(paper_id)} there to link them"
            ),
        )
    if not draft.usable:
        return None
    # (Most papers name no ids: one tuple for them all, which the cache stores once.)
    ids = (
        (own_topics, excluded, related, unrelated, parted)
        if own_topics or excluded or related or unrelated or parted else _NO_IDS
    )
    if draft.built is None or draft.built[0] != ids:
        draft.built = (ids, _paper(draft, own_topics, excluded, related, unrelated, parted))
    return draft.built[1]


def _names_by_title(word: object, paper_id: str, papers: _Choices) -> bool:
    """Whether ``word``, no paper's id, names the paper ``paper_id`` by its title
    (unknownids.paper_meant)."""
    if not isinstance(word, str) or word in papers.ids or word in papers.broken or papers.titles is None:
        return False
    meant = paper_meant(word, papers.titles())
    return meant is not None and meant[0] == paper_id


def _other_papers(
    refs: object, field: str, paper_id: str | None, papers: _Choices, problems: Problems, itself: str,
    apart: bool = False,
) -> tuple[str, ...]:
    """The ids of `related:` or `not_related:` (``field``) that name another paper that
    exists; an unknown one is reported (`_known`), and so, with the message ``itself``
    and what to do, is the paper's own id. (However written: "Its-Own-Id", or the id it had before a rename,
    is the same mistake, said once.)"""
    refs = refs if isinstance(refs, tuple) else ()
    own: list[tuple[Scalar, str]] = []  # (the reference, why it names the paper itself)
    for ref in refs:
        gone = papers.fate(ref.text) if papers.fate and ref.text not in papers.ids else None
        if ref.text == paper_id or (gone is not None and gone.renamed_to == paper_id):
            own.append((ref, f" ({quoted(ref.text)} is its id from before a rename)" if ref.text != paper_id else ""))
        elif gone is None and paper_id is not None and _names_by_title(ref.text, paper_id, papers):
            # (Else told "did you mean" its own id, which the line above then refuses.)
            written = ref.written if isinstance(ref, Miswritten) else ref.text
            own.append((ref, f" ({quoted(written)} names it by its title)"))
    others = tuple(r for r in refs if all(r is not o for o, _ in own))
    for ref, why in own:
        if isinstance(ref, Unlisted) and not others:
            # (A string naming the paper alone, 'not_same_as: its-own-id': told only that
            # the paper cannot name itself, it was never told the string is no list, which
            # `_unlisted` says when the string names another paper too, and editors say.)
            problems.error(
                ref.loc, f"{quoted(field)} must be a list, not a string, and it names this paper itself{why}; remove {quoted(field)}"
            )
        else:
            problems.error(ref.loc, f"{itself}{why}; remove it from {quoted(field)}")
    return _known(others, papers, "paper", problems, apart=apart, besides=paper_id)


@dataclass
class Checked:
    """The checks across files of one load, and what they made: kept so that a rerun
    can swap a changed file in without checking the others again."""

    content: Content
    owners: _Index  # by paper id
    same: tuple[_Index, ...]  # by each of SAME_PAPER_KEYS
    head: list[Problem]  # papers filed twice
    per_paper: dict[str, tuple[Problem, ...]]  # paper id -> its references' problems, if any
    tail: list[Problem]  # topic parents and reading orders
    paper_ids: set[str]  # the papers built
    topic_ids: set[str]  # the topics built
    # The names (without .yml) of the files that do not give the id they are named
    # after, when no other file does: the ids those files are meant to have.
    misnamed: frozenset[str]
    # Paper id -> the `not_related:` entries naming it (`ruled_out`), for a swapped
    # paper's `related:` to be checked against.
    ruled: _Ruled
    # The marks (title, arXiv id, DOI, abstract) by whose holders a reference's problem
    # says what became of a missing paper (Gone.asked): a file gaining or losing one
    # can change it in other files.
    asked_marks: frozenset[tuple[str, str]] = frozenset()
    # The titles (as compared) of the files whose titles are so alike another's that
    # import takes them for one paper (`_similar_titles`), whether told apart or not.
    near: frozenset[str] = frozenset()
    # Each file's `abstract_bucket` -> how many files have it (`_same_abstracts`).
    abstracts: dict[str, int] = field(default_factory=dict)
    # The ids of the papers a `not_same_as:` parts from another (`parted_pairs`).
    parted: frozenset[str] = frozenset()
    # The ids topics with no valid id are told to write (topicsfile.meant_ids).
    meant_topics: frozenset[str] = frozenset()
    # The `citation_key`s no paper is cited by (`_citation_keys`), casefolded: a swap
    # changes none (can_swap), and its paper is built as the whole load built it.
    uncited: frozenset[str] = frozenset()

    def can_swap(self, pairs: Sequence[tuple[PaperDraft, PaperDraft]]) -> bool:
        """Whether replacing each old draft by its new one leaves every other result of
        the checks as it is: each keeps its id and usability, and neither the old nor
        the new one shares a key with any other draft (so none was or is reported)."""
        olds = {id(old) for old, _ in pairs}
        for old, new in pairs:
            if old.id is None or new.id != old.id or new.usable != old.usable:
                return False
            if not old.same_keys or not new.same_keys:
                return False  # (a file YAML cannot read has none: checked across files again)
            if old.id != old.stem:
                return False  # (its id's error is said across files, at the id's line)
            if _ids_of(old.values.get("formerly")) != _ids_of(new.values.get("formerly")):
                return False  # (which old addresses lead where is checked across files)
            if old.values.get("citation_key") != new.values.get("citation_key"):
                return False  # (whether another paper is cited by it: across files)
            if str(old.values.get("citation_key") or "").strip().casefold() in self.uncited:
                return False  # (its warning is said at the key's line, which an edit may move)
            if old.id in self.parted or new.values.get("not_same_as"):
                return False  # (which pairs are parted, and whether it is needed: across files)
            if _not_related_entries(old) != _not_related_entries(new) and self._cited(old, new, pairs):
                return False  # (another paper's `related:` is warned of, citing an entry)
            if self.owners.get(old.id) is not old or old.id != old.stem:
                return False  # (which fix its name's error says depends on the other files)
            if self._near(old, new):
                return False
        if self._one_abstract(pairs):
            return False
        for position, index in enumerate(self.same):
            for old, _ in pairs:
                key = old.same_keys[position]
                if key and index.get(key) is not old:
                    return False
            keys = [new.same_keys[position] for _, new in pairs if new.same_keys[position]]
            if len(set(keys)) != len(keys):
                return False
            for key in keys:  # free, or held by an old draft that gives it up
                if key in index and id(index[key]) not in olds:
                    return False
        return True

    def _near(self, old: PaperDraft, new: PaperDraft) -> bool:
        """Whether the old draft's title is one of a pair that import takes for one paper
        (a warning, or what tells the two apart, may change) and the new one differs in
        what `_similar_titles` reads (`_read_alike`), or the new one's, changed,
        may be: as alike as that to any other title, whatever words they share (a
        superset of the pairs `_similar_titles` finds, so a rerun never misses one)."""
        title, retitled = (draft.same_keys[2] if draft.same_keys else "" for draft in (old, new))
        if title in self.near:
            return not _read_alike(old, new, _NEAR_READS)
        if not retitled or retitled == title:
            return False
        from rapidfuzz import fuzz, process

        from .matchkeys import SIMILAR_TITLE

        others = [other for other in self.same[2] if other != title]
        return process.extractOne(retitled, others, scorer=fuzz.ratio, score_cutoff=SIMILAR_TITLE) is not None

    def _one_abstract(self, pairs: Sequence[tuple[PaperDraft, PaperDraft]]) -> bool:
        """Whether an old draft's abstract is in a bucket another file's is in (a pair of
        one abstract, said or told apart, may change) and the new one differs in what
        `_same_abstracts` reads, or a new one's, changed, is in one another file's is
        in, or another new one's: a superset of the pairs `_same_abstracts` finds, so a
        rerun never misses one."""
        taken: set[str] = set()
        for old, new in pairs:
            bucket, rebucket = map(_bucket, (old, new))
            if bucket and self.abstracts.get(bucket, 0) > 1 and not _read_alike(old, new, _ABSTRACT_READS):
                return True
            if rebucket and rebucket != bucket and (rebucket in self.abstracts or rebucket in taken):
                return True
            taken.add(rebucket)
        return False

    def _cited(
        self, old: PaperDraft, new: PaperDraft, pairs: Sequence[tuple[PaperDraft, PaperDraft]]
    ) -> bool:
        """Whether a paper that ``old`` or ``new`` rules out links it in its `related:`
        (as last checked, or as changed in ``pairs``): a warning there cites the entry."""
        changed = {id(o): n for o, n in pairs}
        for named in {ref.text for d in (old, new) for ref in nodes(d.values.get("not_related"))}:
            other = self.owners.get(str(named))
            if other is None and named in self.owners:
                return True  # (claimed by several files: the one checked is not kept)
            for draft in (other, changed.get(id(other))) if other is not None else ():
                if draft is not None and old.id in _ids_of(draft.values.get("related")):
                    return True
        return False

    def swap(
        self,
        pairs: Sequence[tuple[PaperDraft, PaperDraft]],
        topics: _Choices,
        orders: _Orders,
        fate: Callable[[str], Fate | None],
    ) -> Content:
        """Replace each old draft by its new one (`can_swap` said yes); the new content."""
        for old, new in pairs:
            if _not_related_entries(old) != _not_related_entries(new):
                _rule(self.ruled, old, remove=True)
                _rule(self.ruled, new)
        for position, index in enumerate(self.same):
            for old, _ in pairs:
                if old.same_keys[position]:
                    del index[old.same_keys[position]]
            for _, new in pairs:
                if new.same_keys[position]:
                    index[new.same_keys[position]] = new
        for old, new in pairs:
            # A bucket changed was the old draft's alone, and the new one is no other's
            # (can_swap); one kept may be shared (`_read_alike`): counted as it was.
            if (bucket := _bucket(old)) != (rebucket := _bucket(new)):
                self.abstracts.pop(bucket, None)
                if rebucket:
                    self.abstracts[rebucket] = 1
        papers = list(self.content.papers)
        # The ids are those of the last load: a suggestion for a mistyped one needs
        # them sorted, which is done only then.
        for _, new in pairs:  # (first: the titles a suggestion reads are the new ones)
            self.owners[str(new.id)] = new
        choices = paper_id_choices(self.owners, None, self.misnamed, fate, topics.ids, self.owners)
        for _, new in pairs:
            paper_id = str(new.id)
            found = Problems()
            paper = _check_paper(new, choices, topics, orders, self.ruled, found)
            if found.items:
                self.per_paper[paper_id] = tuple(found.items)
            else:
                self.per_paper.pop(paper_id, None)
            if paper is not None:
                at = bisect_left(papers, paper_id, key=_id_of)
                assert papers[at].id == paper_id
                papers[at] = _only_known(_cited(paper, self.uncited), self.paper_ids, self.topic_ids)
        self.content = Content(papers=tuple(papers), topics=self.content.topics)
        return self.content


_id_of = operator.attrgetter("id")


# The fields `_same_abstracts` reads of a file besides its same_keys; `_similar_titles`
# those and what tells two works apart (`_two_papers`: people, year, kind).
_ABSTRACT_READS = ("abstract", "title")
_NEAR_READS = (*_ABSTRACT_READS, "authors", "year", "venue", "publisher")


def _read_alike(old: PaperDraft, new: PaperDraft, fields: tuple[str, ...]) -> bool:
    """Whether ``new`` (the same file as ``old``, edited) is what ``old`` was in all that
    a check of pairs reads of a file: ``fields``, its arXiv id, DOI and title as compared
    (same_keys), and where the title stands (a warning is said there). Then every pair
    it is in, and what is said of it, stay as they were: a notes or status edit of a file
    whose abstract starts and ends as another's (its bucket: 364 of the 10,000 synthetic
    papers), or whose title is near another's, is swapped in, not the whole list
    checked again (0.8 s)."""
    if old.same_keys != new.same_keys or any(old.values.get(f) != new.values.get(f) for f in fields):
        return False
    titled = [getattr(draft.nodes.get("title"), "loc", None) for draft in (old, new)]
    return titled[0] == titled[1]


def _bucket(draft: PaperDraft) -> str:
    """The draft's `abstract_bucket`, as `_same_abstracts` keeps it ("" for none)."""
    from .matchkeys import abstract_bucket

    return abstract_bucket(draft.values.get("abstract")) if draft.same_keys else ""


# An unknown id that is an id of the other kind: a topic's where a paper is named, or a
# paper's where a topic is (`related:` and `topics:` mixed up), and where it belongs.
A_TOPIC = ": that is a topic's id; a paper's topics go in its 'topics:'"
A_PAPER = ": that is a paper's id; a paper linked by hand goes in 'related:'"
# An id of the other kind in a list keeping things apart: not what A_PAPER and A_TOPIC
# advise (to link the paper, to put this one in the topic: the opposite of keeping it
# out), but the id of the kind the list takes mistaken, which one close to it names, or
# the other list: a paper's id under `exclude_topics:` is a paper to keep apart,
# `not_related:`'s; a topic's under `not_related:` a topic to keep out of. A topic's id,
# whole, is the topic meant: no paper is suggested for it (the paper whose id starts
# with it, the closest match, is one of several a title may start so, a guess).
EXCLUDED_PAPER = (
    ": that is a paper's id; 'exclude_topics:' takes topics' ids, to keep this paper out of"
    " those topics{meant}; to keep the two papers apart (neither among the other's similar"
    " papers), name it in 'not_related:'"
)
UNRELATED_TOPIC = (
    ": that is a topic's id; 'not_related:' takes papers' ids, to keep those papers apart"
    " from this one; to keep this paper out of that topic, name it in 'exclude_topics:'"
)


def topic_in_order(
    order_of: str, parents: Mapping[str, str], papers: _Choices
) -> Callable[[str], str]:
    """What to say of a topic's id in the reading order of topic ``order_of`` ("": a
    topic with no valid id), given the topics' parents: not A_TOPIC's advice (to put a
    paper in a topic, which a reading order is not about), but that the list takes
    papers, the paper one slip from the id if there is one, and what the curator more
    likely meant: the topic under this one, which a sub-topic's `parent:` makes it and
    its page then lists. (Only a slip is suggested: a paper whose id starts with the
    topic's is one of several a title may start so, a guess; see EXCLUDED_PAPER.)"""

    def says(topic_id: str) -> str:
        near = slip(topic_id, papers.ordered)
        takes = "'reading_order:' takes papers' ids, the papers to read first" + (
            f" (did you mean {quoted(near)}?)" if near else ""
        )
        above = []
        at = order_of
        while at in parents and at not in above:
            at = parents[at]
            above.append(at)
        # (Listed here, the topic itself, one above it or one under it already: only
        # to be removed, unless a paper is one slip from its id.)
        remove = "" if near else ": remove it here"
        if topic_id == order_of:
            return f": that is this topic's own id; {takes}{remove}"
        if parents.get(topic_id) == order_of:
            return (
                f": that is a sub-topic's id; {takes}; {quoted(topic_id)} is under this topic"
                f" already (its 'parent:'), and this topic's page lists it{remove}"
            )
        if topic_id in above:
            return f": that is the id of a topic this one is under; {takes}{remove}"
        if not order_of:
            return f": that is a topic's id; {takes}"
        return (
            f": that is a topic's id; {takes}; to list {quoted(topic_id)} on this topic's page as"
            f" a sub-topic, give {quoted(topic_id)} 'parent: {order_of}'"
        )

    return says


class _Everything:
    """A container holding every id."""

    def __contains__(self, item: object) -> bool:
        return True


ANY = _Everything()


class _Choices:
    """The ids a reference may name: a set to look one up in, and in order (sorted only
    when first needed) to suggest the closest to a mistyped one; and the ids that are
    not there because the file meant to define them could not be read or gives another
    id (a reference to one is dropped without a word: that file's own error says what
    is wrong). ``fate`` tells what became of a paper the importer's record remembers.
    """

    def __init__(
        self,
        ids: Container[str],
        ordered: list[str] | None,
        broken: Container[str] = frozenset(),
        fate: Callable[[str], Fate | None] | None = None,
        aliases: Mapping[str, tuple[str, str]] | None = None,
        others: tuple[Container[str], str] = (frozenset(), ""),
        within: bool = False,
        apart: str = "",
        titles: Callable[[], PaperTitles] | None = None,
    ):
        self.ids = ids
        self._ordered = ordered
        self.broken = broken
        self.fate = fate
        # Other names of an id (a topic's title and keywords, as ids) -> (id, the name).
        self.aliases = aliases or {}
        # The ids of the other kind, and what to say of a reference naming one.
        self.others = others
        # Whether an id held whole in an unknown one is suggested (typos.closest: topics').
        self.within = within
        # What to say of an id of the other kind in a list keeping things apart, with
        # "{meant}" for the suggestion if it takes one (EXCLUDED_PAPER, UNRELATED_TOPIC).
        self.apart = apart
        # The papers' titles (unknownids.paper_titles), for the choices of papers: a
        # paper named by its title, whole or as its slug (an imported paper's id is that
        # slug cut short, or the id is older), or by its id and that slug, is told its id.
        self.titles = titles

    def close(self, word: str, besides: str | None = None) -> str:
        """" (did you mean ...?)" for the paper ``word`` names by its title, or an id close
        to ``word`` or to an alias of one, else ""; never ``besides`` (the paper whose
        list names ``word``: it cannot name itself there, by its id or by a title it shares)."""
        ordered = self.ordered if besides is None else [i for i in self.ordered if i != besides]
        if self.titles is not None:
            return suggest_paper(word, ordered, self.titles(), besides=besides)
        if self.within:  # (the topics' choices: a topic is named by its title or a keyword too)
            return suggest_topic(word, ordered, self.aliases)
        return did_you_mean(word, ordered)

    def meant(self, word: str, besides: str | None = None) -> str | None:
        """The one id `close` suggests for ``word``; None for none, or several."""
        ordered = self.ordered if besides is None else [i for i in self.ordered if i != besides]
        if self.within and self.titles is None:
            return topic_meant(word, ordered, self.aliases)
        found = paper_suggested(word, ordered, self.titles() if self.titles is not None else None, besides)
        return found[0] if found else None

    def named(self, word: str, besides: str | None = None) -> str | None:
        """The id of the one paper or topic ``word`` names by its title alone (a topic's
        keyword too): no typo of one, nor an id and a name joined, which a list written
        as a string is ("in-context-learning, shared")."""
        if self.titles is not None:
            found = dict(self.titles().by_slug.get(whole_slug(word), ()))
            found.pop(besides, None)  # type: ignore[arg-type]
            return next(iter(found)) if len(found) == 1 else None
        return self.aliases.get(slugify(word), (None,))[0] if self.within else None

    @property
    def ordered(self) -> list[str]:
        if self._ordered is None:
            self._ordered = sorted(self.ids)  # type: ignore[call-overload]
        return self._ordered


def _known(
    refs: object, choices: _Choices, what: str, problems: Problems, excluding: bool = False,
    apart: bool = False, other: Callable[[str], str] | None = None, besides: str | None = None,
) -> tuple[str, ...]:
    """The located ids in ``refs`` that exist; each other one is reported, with the
    closest that exists (but ``besides``, as `_Choices.close`). ``excluding``: ``refs``
    is a paper's `exclude_topics:`; ``apart``: it keeps things apart (`exclude_topics:`,
    `not_related:`); ``other``: what to say of an id of the other kind there (`topic_in_order`)."""
    ids = choices.ids
    kept = []
    if isinstance(refs, tuple) and refs and isinstance(refs[0], Unlisted):
        _unlisted(refs, choices, what, problems, excluding, apart, other, besides)
        return ()
    refs = refs if isinstance(refs, tuple) else ()
    # The place of each id the list names, written as the id first (validate says one
    # written so twice), then as a name ("MTL" for 'mtl'): a name of an id named there
    # already is told to go, not to be written as the id ("[Multi-task learning, MTL]"
    # was told to write 'multi-task-learning' twice, then that it is listed twice).
    named: dict[str, Scalar] = {}
    for ref in sorted(refs, key=lambda r: isinstance(r, Miswritten)):
        if ref.text in ids or ref.text in choices.broken:
            named.setdefault(str(ref.text), ref)
    for ref in refs:
        assert ref.text is not None
        # An id in capitals ("MTL") is looked up as the id it reads as ("mtl"), and is
        # told all an unknown one written so is, in the words the curator wrote.
        if ref.text in ids or ref.text in choices.broken:
            if isinstance(ref, Miswritten):
                problems.error(ref.loc, _as_id_says(ref, named[ref.text], what))
            elif ref.text in ids:
                kept.append(ref.text)
            continue
        problems.error(ref.loc, _unknown_says(ref, refs, choices, what, excluding, apart, other, besides, named))
    return tuple(kept)


def _as_id_says(ref: Miswritten, first: Scalar, what: str) -> str:
    """What `_known` says of ``ref``, an id written as a name ("Multi-task learning"),
    ``first`` the list's first reference to that id (written as the id, if one is)."""
    if first is not ref:
        return (
            f"{quoted(ref.written)} is {what} {quoted(ref.text)}, which this list names already (at {line_of(first, ref)});"
            " remove it"
        )
    return f"write the {what} as its id {quoted(ref.text)}, not {quoted(ref.written)}"


def _unknown_says(
    ref: Scalar, refs: tuple[Scalar, ...], choices: _Choices, what: str, excluding: bool = False,
    apart: bool = False, other: Callable[[str], str] | None = None, besides: str | None = None,
    named: dict[str, Scalar] | None = None,
) -> str:
    """What `_known` says of ``ref``, of the list ``refs``, an id no ``choices`` has;
    ``named``: the ids the list names, and where (a suggestion of one is no fix); an
    id suggested for ``ref`` is added to it, with ``ref``: the list's next name of that
    id is told the list names it ("[MTL, multi-task]" were both told to write
    'multi-task-learning', and written so, that the list names it twice)."""
    text = str(ref.text)
    written = ref.written if isinstance(ref, Miswritten) else text
    gone = choices.fate(text) if choices.fate is not None else None
    if gone is not None:  # the id of a paper deleted or renamed
        return _gone_says(gone, text, refs, excluding)
    if text in choices.others[0] and other is not None:
        return f"unknown {what} {quoted(written)}" + other(text)
    if text in choices.others[0] and apart:
        return f"unknown {what} {quoted(written)}" + choices.apart.format(meant=choices.close(text, besides))
    if text in choices.others[0]:
        return f"unknown {what} {quoted(written)}{choices.others[1]}"
    suggestion = choices.close(text, besides)
    meant = choices.meant(text, besides) if suggestion and named is not None else None
    if meant is not None and named is not None:
        if meant in named:
            where = line_of(named[meant], ref)
            return f"unknown {what} {quoted(written)}{suggestion}, which this list names already (at {where}); remove it"
        named[meant] = ref
    return f"unknown {what} {quoted(written)}" + after_unknown(what, suggestion)


def _unlisted(
    refs: tuple[Unlisted, ...], choices: _Choices, what: str, problems: Problems, excluding: bool = False,
    apart: bool = False, other: Callable[[str], str] | None = None, besides: str | None = None,
) -> None:
    """Say of a string written where a list of references goes (validate.Unlisted) that
    it must be a list: with the list of the ids it names to write, when each names one
    (each once: "MTL, multi-task-learning" is one topic); else with what is wrong with
    each reference naming none, both mistakes in one message, and no list to write
    ("write [multi-task-learnin]" was refused the next run as an unknown topic). The
    whole string is read first, as the one title with a comma it may be."""
    head = f"{quoted(refs[0].field)} must be a list, not a string"
    meant = [str(r.text) for r in refs if r.text in choices.ids or r.text in choices.broken]
    whole = refs[0].whole
    if whole is not None and (whole.text in choices.ids or whole.text in choices.broken):
        # (A title with a comma names one: "A Paper, Revisited" was told two unknown papers.)
        problems.error(refs[0].loc, f"{head}; write [{whole.text}]")
        return
    if len(meant) == len(refs):
        problems.error(refs[0].loc, f"{head}; write [{', '.join(dict.fromkeys(meant))}]")
        return
    if whole is not None and choices.named(str(whole.text), besides) is not None:
        # (No "written in brackets": in a flow list its comma would make two items.)
        problems.error(refs[0].loc, f"{head}; " + _unknown_says(whole, refs, choices, what, excluding, apart, other, besides))
        return
    # (Each part is told what a list writing it so is told: one naming what another
    # names, "multi-task-learning, MTL", that the list names it already; a part written
    # twice, "MTL, MTL", once.)
    named: dict[str, Scalar] = {}
    for ref in sorted(refs, key=lambda r: r.written != r.text):
        if ref.text in meant:
            named.setdefault(str(ref.text), ref)
    by_id = set(named)
    parts: dict[str, Unlisted] = {}
    for ref in refs:
        parts.setdefault(ref.written, ref)
    said = {
        ref.written: _unknown_says(ref, refs, choices, what, excluding, apart, other, besides, named)
        for ref in parts.values() if ref.text not in meant
    }
    if all(choices.meant(str(ref.text), besides) in by_id for ref in parts.values() if ref.text not in meant):
        # Each other part names one of those ids: the list of them is the fix, said
        # with why the others are left out ("write [multi-task-learning]" alone hid 'MTL').
        problems.error(refs[0].loc, f"{head}; write [{', '.join(dict.fromkeys(meant))}]; " + "; ".join(said.values()))
        return
    for ref in parts.values():
        if ref.text not in meant:
            problems.error(ref.loc, f"{head}{_IN_BRACKETS}; {said[ref.written]}")
        elif ref.written != ref.text:
            # ("[Multi-task learning]", written in brackets, is refused: its id is told.)
            problems.error(ref.loc, f"{head}{_IN_BRACKETS}; {_as_id_says(ref, named[str(ref.text)], what)}")


# After "'topics' must be a list, not a string" when the list to write cannot be told (an
# id in it is unknown): ", written in brackets" read as what was wrong, a string so written.
_IN_BRACKETS = ": put it in brackets, [...]"


def _gone_says(gone: Fate, old: str, refs: object, excluding: bool = False) -> str:
    """What became of ``old``; when the list names what it became already (two merged
    into one), that the old one is to go, not to be written again."""
    if gone.renamed_to and any(r.text == gone.renamed_to for r in refs if isinstance(refs, tuple)):
        return f"{gone.became(old)}, which this list names already; remove {quoted(old)}" + gone.unlisted(old)
    if excluding and gone.renamed_to:
        # `formerly:` does not tell a rename from a merge: written as told, the new id
        # would keep the paper out of all the merged topic holds, not only what the old
        # one did. Which is meant is the curator's call.
        new = gone.renamed_to
        return (
            f"{gone.became(old)}; write {quoted(new)} to exclude this paper from all of {quoted(new)}"
            f" (after a merge, more than {quoted(old)} held), or remove {quoted(old)}"
        ) + gone.unlisted(old)
    return gone.says(old)


def _ids_of(refs: object) -> tuple[str, ...]:
    return tuple(str(ref.text) for ref in nodes(refs))


def nodes(refs: object) -> tuple[Scalar, ...]:
    """The references as written as ids (`_known` reports the others)."""
    if not isinstance(refs, tuple):
        return ()
    return tuple(r for r in refs if not isinstance(r, Miswritten))


def _paper(
    draft: PaperDraft, topics: tuple[str, ...], excluded: tuple[str, ...], related: tuple[str, ...],
    unrelated: tuple[str, ...], parted: tuple[str, ...] = (),
) -> Paper:
    values: Mapping[str, object] = draft.values
    return Paper(
        id=str(values["id"]),
        title=str(values["title"]),
        abstract=str(values.get("abstract") or ""),
        authors=values.get("authors") or (),  # type: ignore[arg-type]
        editors=values.get("editors") or (),  # type: ignore[arg-type]
        year=values.get("year"),  # type: ignore[arg-type]
        venue=str(values.get("venue") or ""),
        venue_kind=str(values.get("venue_kind") or ""),
        volume=str(values.get("volume") or ""),
        number=str(values.get("number") or ""),
        pages=str(values.get("pages") or ""),
        publisher=str(values.get("publisher") or ""),
        arxiv=str(values.get("arxiv") or ""),
        doi=str(values.get("doi") or ""),
        links=values.get("links") or (),  # type: ignore[arg-type]
        topics=topics,
        exclude_topics=tuple(t for t in excluded if t not in topics),
        tags=values.get("tags") or (),  # type: ignore[arg-type]
        status=str(values.get("status") or ""),
        added=values.get("added"),  # type: ignore[arg-type]
        related=tuple(r for r in related if r != values["id"]),
        not_related=tuple(r for r in unrelated if r != values["id"] and r not in related),
        not_same_as=tuple(r for r in parted if r != values["id"]),
        formerly=_ids_of(values.get("formerly")),
        citation_key=str(values.get("citation_key") or "").strip(),
        summary=str(values.get("summary") or ""),
        notes=str(values.get("notes") or ""),
        source=Location(draft.shown),
    )


def _citation_keys(papers: Sequence[Paper], drafts: Mapping[str, PaperDraft], problems: Problems) -> frozenset[str]:
    """The `citation_key`s (casefolded, as BibTeX compares keys) that no paper is cited
    by, each warned of at its value: one BibTeX refuses; one two papers give (a lab's
    library may hold two records of one key); one that is the id another paper is cited
    by. A paper whose key is one is cited by its id, which no other's key then is."""
    keyed = [p for p in papers if p.citation_key]
    uncited: set[str] = set()

    def tell(paper: Paper, why: str) -> None:
        node = drafts[paper.id].nodes.get("citation_key")
        where = node.loc if node is not None else Location(drafts[paper.id].shown)  # type: ignore[attr-defined]
        problems.warning(where, f"citation_key {quoted(paper.citation_key)} {why}; the paper is cited by its id, {quoted(paper.first_id)}")

    holders: dict[str, list[Paper]] = {}
    for paper in keyed:
        if not is_citation_key(paper.citation_key):
            uncited.add(paper.citation_key.casefold())
            tell(paper, "holds an invisible character, which a key typed never has" if has_invisible(paper.citation_key)
                 else "holds a character BibTeX refuses in a key (a space, a comma, a brace, a quote, '=', '#', '%')")
        else:
            holders.setdefault(paper.citation_key.casefold(), []).append(paper)
    for key, same in holders.items():
        if len(same) > 1:
            uncited.add(key)
            for paper in same:
                others = ", ".join(p.id for p in same if p is not paper)
                tell(paper, f"is also the citation_key of {others}: a key is one paper's; give each its own")
    # A paper cited by its id takes it from no key: until none is left, a key that is
    # such an id is given up (ids are unique, so the papers cited by them are apart).
    while True:
        by_id = {p.first_id.casefold(): p for p in papers if not p.citation_key or p.citation_key.casefold() in uncited}
        taken = [
            (p, by_id[k]) for p in keyed
            if (k := p.citation_key.casefold()) not in uncited and k in by_id and by_id[k] is not p
        ]
        if not taken:
            return frozenset(uncited)
        for paper, other in taken:
            uncited.add(paper.citation_key.casefold())
            tell(paper, f"is the id {other.id} is cited by")


def _cited(paper: Paper, uncited: frozenset[str]) -> Paper:
    """``paper`` without a `citation_key` it is not cited by (`_citation_keys`)."""
    if paper.citation_key and paper.citation_key.casefold() in uncited:
        return replace(paper, citation_key="")
    return paper


def _only_known(paper: Paper, paper_ids: set[str], topic_ids: set[str]) -> Paper:
    if (
        all(r in paper_ids for r in paper.related)
        and all(r in paper_ids for r in paper.not_related)
        and all(r in paper_ids for r in paper.not_same_as)
        and all(t in topic_ids for t in paper.topics)
        and all(t in topic_ids for t in paper.exclude_topics)
    ):
        return paper
    return replace(
        paper,
        related=tuple(r for r in paper.related if r in paper_ids),
        not_related=tuple(r for r in paper.not_related if r in paper_ids),
        not_same_as=tuple(r for r in paper.not_same_as if r in paper_ids),
        topics=tuple(t for t in paper.topics if t in topic_ids),
        exclude_topics=tuple(t for t in paper.exclude_topics if t in topic_ids),
    )

