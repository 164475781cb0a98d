"""Loading `content/` into the model, reporting every curator mistake on the way.

`load_content` works in two phases, like the build: each file is read and checked on
its own (paperdrafts.py), then the whole set is cross-checked: ids that must exist, the
same paper filed twice, topic parent cycles, reading orders, empty topics. Every problem
is collected with its ``path:line:col``; nothing stops at the first one, and nothing is
reported again as a consequence of another problem: an id meant by a file that cannot
be read is not "unknown" elsewhere. What could be validated is still returned, so
`check` reports everything while `build` refuses to go on at any error. topics.yml's own
checks are topicsfile.py's. What the site takes from beside the papers and topics is
checked last: the links of the hand-written pages (handlinks.py) and the importer's
record (importedfile.py, which also says what became of a paper a reference names and
no file has).
"""

from __future__ import annotations

import operator
import os
import posixpath
import time
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Callable, Container, Mapping, Sequence

from . import gcpause, paperdrafts, provenance, repositories
from .errors import NO_CONTENT, Location, Problem, Problems
from .handlinks import check_hand_pages
from .importedfile import Fate, Gone, check_imported, recorded_ids, renamed_unlisted
from .models import Content, Paper, RepoStats
from .paperdrafts import (
    MISSING, SAME_PAPER_KEYS, Files, FileStamp, PaperDraft, changed_files, keep, read_papers, settled_stamp, stamp_of,
)
from .topicsfile import (
    TOPICS_FILE,
    UNKNOWN_TOPIC_REMEDY,
    TopicDraft,
    alias_hint,
    check_formerly,
    check_parents,
    draft_aliases,
    make_topic,
    only_known_topic,
    read_topics,
    renamed_topics,
    warn_empty_topics,
    warn_misspelt_keywords,
)
from .validate import Miswritten, did_you_mean
from .yamlfile import display
from .yamlio import Scalar

PAPERS_DIR = "papers"

# What reading one paper file gave, kept by the caller between runs (see build.Memo):
# absolute path -> (its stamp, the draft, the problems found in it alone, the memo of
# its folder). Every entry of a folder shares that memo, so it travels with the cache
# (also through pickle) without a key of its own.
FileCache = dict[str, tuple[FileStamp, "PaperDraft", tuple[Problem, ...], "FolderMemo"]]


def load_content(
    content_dir: Path, root: Path | None = None, *, cache: FileCache | None = None
) -> tuple[Content, Problems]:
    """Read and validate ``content_dir``; return what is valid and every problem found.

    Paths in problems are relative to ``root`` (by default the folder holding
    ``content_dir``). Papers come sorted by id, topics in the order of topics.yml. A
    paper or topic is left out only when its id or title is
    unusable or its id is taken by another file (the one named after it, else the
    first); an invalid optional field keeps its
    default, and references to unknown ids are dropped. With ``cache``, a paper file
    whose stamp is unchanged since the run that filled it is not read again: its draft
    and problems are reused. When, besides, topics.yml and the set of files are as that
    run left them and the changed files keep their ids, the checks across files are
    redone only for the changed files (see `_load_again`); otherwise all of them run.
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    problems = Problems()
    if not content_dir.is_dir():
        # Most likely the wrong folder: passing with nothing checked would be a lie.
        problems.error(
            Location(display(content_dir, root)),
            NO_CONTENT,
        )
    papers_dir, topics_path = content_dir / PAPERS_DIR, content_dir / TOPICS_FILE
    imported_path = content_dir / provenance.RELATIVE_PATH
    memo = _memo_of(cache, papers_dir) if cache is not None else None
    with gcpause.paused("content"):
        again = None
        if memo is not None and memo.last is not None and cache is not None:
            shown = (display(papers_dir, root) + "/", display(topics_path, root))
            again = _load_again(memo, memo.last, cache, *shown)
        if again is not None:
            content, found = again
            problems.items.extend(found)
            assert memo is not None and memo.last is not None
            drafts = memo.last.files.drafts
        else:
            if memo is not None:
                memo.last = None  # whatever happens below, the last load no longer describes it
            drafts, files = read_papers(papers_dir, root, problems, cache, memo)
            now = time.time_ns()
            topics_stamp = settled_stamp(topics_path, now)
            imported_stamp = settled_stamp(imported_path, now, missing=MISSING)
            start = len(problems.items)
            topics, topics_read = read_topics(topics_path, root, problems)
            topic_problems = tuple(problems.items[start:])
            checked = _cross_check(
                drafts, topics, topics_read, problems, _gone(imported_path, drafts)
            )
            start = len(problems.items)
            warn_empty_topics(checked.content, topics, problems)
            empty = tuple(problems.items[start:])
            start = len(problems.items)
            warn_misspelt_keywords(checked.content, topics, problems)
            if memo is not None and topics_stamp is not None and imported_stamp is not None:
                memo.last = _Load(
                    files,
                    topics_stamp,
                    display(topics_path, root),
                    topics,
                    topics_read,
                    topic_problems,
                    checked,
                    empty,
                    imported_stamp,
                    _texts(checked.content),
                    tuple(problems.items[start:]),
                )
            content = checked.content
        if again is not None:
            assert memo is not None and memo.last is not None
            topics, topics_read = memo.last.topics, memo.last.topics_read
        # The ids files with errors define or are named for (see check_hand_pages).
        meant = (
            {d.stem for d in drafts} | {d.id for d in drafts if d.id},
            {t.id for t in topics} if topics_read else _ANY,
        )
        _check_beside(content_dir, root, content, drafts, meant, memo, problems)
        content = _with_repositories(content_dir, root, content, memo, problems)
    return content, problems


def _with_repositories(
    content_dir: Path, root: Path, content: Content, memo: FolderMemo | None, problems: Problems
) -> Content:
    """``content`` with what GitHub said (repositories.yml) in its code links. After the
    memo of the load: it goes into the content returned, never into the records of the
    paper files. The file is read again only when it changed (2,400 repositories take
    50 ms to read)."""
    path = content_dir / repositories.FILE_NAME
    stamp = settled_stamp(path, time.time_ns(), missing=MISSING)
    if memo is not None and stamp is not None and memo.repositories[0] == stamp:
        stats, found = memo.repositories[1], memo.repositories[2]
    else:
        box = Problems()
        stats = repositories.read(path, display(path, root), box)
        found = tuple(box.items)
        if memo is not None:
            memo.repositories = (stamp, stats, found)
    problems.items.extend(found)
    if memo is not None and memo.applied is not None:
        before, used, after = memo.applied
        if before is content and used is stats:
            return after
    kept = None
    if memo is not None:
        if memo.applied_papers[0] is not stats:
            memo.applied_papers = (stats, {})
        kept = memo.applied_papers[1]
    applied = repositories.apply(content, stats, kept)
    if memo is not None:
        memo.applied = (content, stats, applied)
    return applied


def _check_beside(
    content_dir: Path,
    root: Path,
    content: Content,
    drafts: Sequence[PaperDraft],
    meant: tuple[Container[str], Container[str]],
    memo: FolderMemo | None,
    problems: Problems,
) -> None:
    """What the site takes from beside the papers and topics: the links and front
    matter of the hand-written pages, and the importer's record (kept with ``memo`` while unchanged:
    it holds 10,000 papers' worth of digests on a large list), with the papers it says
    were renamed and do not say so in `formerly:`."""
    path = content_dir / provenance.RELATIVE_PATH
    stamp = settled_stamp(path, time.time_ns(), missing=MISSING)
    views: Mapping[str, provenance.Seen] | None = None
    if memo is not None and stamp is not None and memo.imported[0] == stamp:
        found, recorded = memo.imported[1], memo.imported[2]
    else:
        checked = Problems()
        views = check_imported(path, display(path, root), checked)
        found, recorded = tuple(checked.items), recorded_ids(views)
        if memo is not None:
            memo.imported = (stamp, found, recorded)
    gone = _gone(path, drafts, views)
    check_hand_pages(content_dir, root, content, gone.fate, problems, meant)
    problems.items.extend(found)
    _warn_renames(drafts, recorded, gone, display(path, root), problems)


def _warn_renames(
    drafts: Sequence[PaperDraft], recorded: frozenset[str], gone: Gone, shown: str,
    problems: Problems,
) -> None:
    """A paper renamed by hand without `formerly:` loses its old address (bookmarks,
    feed entries, readers' marks) and nothing else says so: the importer's record knows
    the id it had. Only ids no file has or is named for, and no `formerly:` lists."""
    old_ids = recorded.difference([d.id for d in drafts])
    if not old_ids:
        return  # (the usual check: every record has its paper)
    old_ids = old_ids.difference([d.stem for d in drafts])
    for draft in drafts:
        if draft.values.get("formerly"):
            old_ids -= {ref.text for ref in _nodes(draft.values["formerly"])}
    named = {d.id: d for d in drafts if d.usable and d.id == d.stem}
    for paper_id, olds in sorted(gone.renames(old_ids).items()):
        draft = named.get(paper_id)
        if draft is not None:
            problems.warning(
                draft.nodes["id"].loc,
                renamed_unlisted(paper_id, olds, bool(draft.values.get("formerly")), shown),
            )


def _gone(
    path: Path, drafts: Sequence[PaperDraft], views: Mapping[str, provenance.Seen] | None = None
) -> Gone:
    """What became of ids that ``drafts`` (read now) do not give: a paper's `formerly:`
    says, else the importer's record (``views``, when read already)."""
    return Gone(
        path, lambda: ((str(d.id), d.values) for d in drafts if d.usable), _formerly(drafts), views
    )


def _formerly(drafts: Sequence[PaperDraft]) -> dict[str, str]:
    """Old id -> the paper whose `formerly:` names it, when exactly one does."""
    claims: dict[str, set[str]] = {}
    for draft in drafts:
        if draft.id is not None:
            for ref in _nodes(draft.values.get("formerly")):
                if ref.text != draft.id:  # (first, its own: the id it went back to)
                    claims.setdefault(str(ref.text), set()).add(draft.id)
    return {old: next(iter(ids)) for old, ids in claims.items() if len(ids) == 1}


def _check_formerly(
    papers: Sequence[PaperDraft], claimed: Mapping[str, PaperDraft], misnamed: Container[str],
    problems: Problems,
) -> None:
    """Each old id names a page that no longer exists, for one paper only: its old
    address then leads to that paper."""
    named: dict[str, list[tuple[PaperDraft, Scalar]]] = {}
    for draft in papers:
        for at, ref in enumerate(_nodes(draft.values.get("formerly"))):
            if ref.text == draft.id and at == 0:
                continue  # the id it was first known by, and was renamed back to
            named.setdefault(str(ref.text), []).append((draft, ref))
    for old, entries in named.items():
        for draft, ref in entries:
            if old == draft.id:
                problems.error(
                    ref.loc,
                    f"{old!r} is this paper's own id; 'formerly' lists the ids it had before"
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
                    f"{old!r} is the id of {holder}: its address is that paper's page, and"
                    " cannot lead to this one; remove it from 'formerly'",
                )
            elif len(entries) > 1:
                others = ", ".join(str(other.loc) for d, other in entries if other is not ref)
                problems.error(
                    ref.loc,
                    f"{old!r} is also in the 'formerly' of {others}: an old address leads to"
                    " one paper; keep it in the one that had the id",
                )


def check(content_dir: Path, root: Path | None = None) -> Problems:
    """Every problem in ``content_dir`` (see `load_content`)."""
    return load_content(content_dir, root)[1]




@dataclass
class _Load:
    """What the last load of a content folder found, in the parts a rerun can reuse."""

    files: Files
    topics_stamp: FileStamp  # topics.yml when it was read (settled)
    topics_shown: str
    topics: list[TopicDraft]
    topics_read: bool  # see read_topics
    topic_problems: tuple[Problem, ...]
    checked: _Checked
    warnings: tuple[Problem, ...]  # the empty topics
    # imported.json when it was read (settled, or MISSING): the messages of references
    # to deleted papers come from it.
    imported_stamp: FileStamp
    # Every paper's title and abstract, and the misspelt keywords found in them: a
    # rerun whose edits left them all as they were (a note, a link) keeps the warnings
    # rather than searching 10,000 abstracts again (50-100 ms).
    texts: tuple[tuple[str, str], ...]
    misspelt: tuple[Problem, ...]

    def problems(self) -> list[Problem]:
        """The problems of that load, in the order it found them."""
        checked = self.checked
        return [
            *self.files.file_problems(),
            *self.topic_problems,
            *checked.head,
            *chain.from_iterable(checked.per_paper[i] for i in sorted(checked.per_paper)),
            *checked.tail,
            *self.warnings,
            *self.misspelt,
        ]


@dataclass(eq=False)
class FolderMemo:
    """The last load of one papers folder, shared by the FileCache entries of its files.

    ``last`` is None while a load is under way (or failed): only a load that finished
    describes what is on disk.
    """

    folder: str  # os.fspath of the papers folder, as the FileCache's paths start
    last: _Load | None = None
    # imported.json's stamp (settled, or MISSING), the problems found in it, and the
    # ids it says papers have or had (importedfile.recorded_ids).
    imported: tuple[FileStamp | None, tuple[Problem, ...], frozenset[str]] = (None, (), frozenset())
    # repositories.yml's stamp, what it holds and the problems found in it; and the
    # last content it was applied to, with the result (kept: its papers' identity lets
    # later steps compare them by identity first).
    repositories: tuple[FileStamp | None, Mapping[str, RepoStats], tuple[Problem, ...]] = (None, {}, ())
    applied: tuple[Content, Mapping[str, RepoStats], Content] | None = None
    # Each paper given stats by the last load, by the id of the paper it was made
    # from (see repositories.apply), for the stats it was made with.
    applied_papers: tuple[Mapping[str, RepoStats] | None, dict[int, tuple[Paper, Paper]]] = (None, {})

    def __getstate__(self) -> dict:
        # The applied results hold papers by their id in this process: meaningless in
        # another, and 2,000 more papers in the cache file.
        return {**self.__dict__, "applied": None, "applied_papers": (None, {})}




def _memo_of(cache: FileCache, papers_dir: Path) -> FolderMemo:
    folder = os.fspath(papers_dir)
    for kept in cache.values():  # the first entry is nearly always one of this folder
        if kept[3].folder == folder:
            return kept[3]
    return FolderMemo(folder)



def _load_again(
    memo: FolderMemo, last: _Load, cache: FileCache, prefix: str, topics_shown: str
) -> tuple[Content, list[Problem]] | None:
    """The load of the folder ``last`` describes, redoing only what its changed files
    touch; None when that cannot be told apart from a full load, which is then needed.

    It can when topics.yml and the set of file names are unchanged and every changed
    paper file keeps its id and usability and claims no id, arXiv id, DOI or title
    another file has: then the ids that exist, the topics and every other file's
    problems are as they were, and only the changed files' papers and references are
    checked again. Anything else (a file added, removed or renamed, topics.yml edited,
    a clash, a paper given or rid of the title or id by which a reference to a missing
    paper is told what became of it) falls back to the full load, which is the reference this
    must equal.
    """
    files = last.files
    if files.prefix != prefix or last.topics_shown != topics_shown:
        return None  # the same files, shown from another root
    try:
        topics_stamp = stamp_of(os.stat(os.path.join(os.path.dirname(memo.folder), TOPICS_FILE)))
    except FileNotFoundError:
        return None
    if topics_stamp != last.topics_stamp:
        return None
    imported = Path(os.path.dirname(memo.folder)) / provenance.RELATIVE_PATH
    try:
        imported_stamp = stamp_of(os.stat(imported))
    except FileNotFoundError:
        imported_stamp = MISSING
    if imported_stamp != last.imported_stamp:
        return None
    now = time.time_ns()
    found_files = changed_files(memo.folder, files, now)
    if found_files is None:
        return None
    folder_stamp, changed = found_files
    if not changed:
        files.folder_stamp = folder_stamp
        return last.checked.content, last.problems()
    fresh = []
    for at, stamp in changed:
        name, found = files.names[at], Problems()
        path = os.path.join(memo.folder, name)  # as os.scandir spells it: the cache's key
        # Looked up in paperdrafts, as read_papers does: a test counts the reads there.
        draft = paperdrafts.read_paper(Path(path), files.prefix + name, name[: -len(".yml")], found)
        fresh.append((at, path, stamp, draft, tuple(found.items)))
    pairs = [(files.drafts[at], draft) for at, _, _, draft, _ in fresh]
    if not last.checked.can_swap(pairs):
        return None
    asked = last.checked.asked_marks
    if asked and any(
        not asked.isdisjoint(provenance.marks_of(old.values) ^ provenance.marks_of(new.values))
        for old, new in pairs
    ):
        return None  # (what the other files' references say of a missing paper may change)
    memo.last = None  # until the new load is complete
    topics = _topic_choices(last.topics, last.topics_read)
    drafts = list(files.drafts)
    for at, _, _, draft, _ in fresh:
        drafts[at] = draft
    gone = _gone(imported, drafts)
    content = last.checked.swap(pairs, topics, _reading_orders(last.topics), gone.fate)
    last.checked.asked_marks = asked | gone.asked
    files.folder_stamp = folder_stamp
    for at, path, stamp, draft, found in fresh:
        files.stamps[at] = keep(cache, memo, path, stamp, draft, found, now)
        files.drafts[at] = draft
        if found:
            files.problems[files.names[at]] = found
        else:
            files.problems.pop(files.names[at], None)
    warnings = Problems()
    warn_empty_topics(content, last.topics, warnings)
    last.warnings = tuple(warnings.items)
    texts = _texts(content)
    if texts != last.texts:  # (unchanged papers keep their strings: a pointer check each)
        misspelt = Problems()
        warn_misspelt_keywords(content, last.topics, misspelt)
        last.texts, last.misspelt = texts, tuple(misspelt.items)
    memo.last = last
    return content, last.problems()


def _texts(content: Content) -> tuple[tuple[str, str], ...]:
    return tuple([(p.title, p.abstract) for p in content.papers])




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
    and years do ("Deep Learning", the book and the review; matchkeys.two_works)."""
    from .matchkeys import two_works  # (only for a title two files share)

    return _ids_disagree(one, other) or two_works(
        one.values.get("authors"), one.values.get("year"), other.values.get("authors"), other.values.get("year")
    )


def _titles_differ(draft: PaperDraft, others: Sequence[PaperDraft]) -> bool:
    """Whether ``draft`` and each of ``others`` have titles, and no two are one title."""
    title = draft.same_keys[2]
    return bool(title) and all(o.same_keys[2] and o.same_keys[2] != title for o in others)


def _same_papers(papers: Sequence[PaperDraft], problems: Problems) -> tuple[_Index, ...]:
    """Files that are one paper, reported once on each file, naming the others (once
    per pair: a pair found by its title is not reported again for its DOI); and the
    drafts indexed by each of SAME_PAPER_KEYS."""
    reported: set[tuple[str, str]] = set()
    indexes = []
    for position, (name, reason, _) in enumerate(SAME_PAPER_KEYS):
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
                ]
                if not others:
                    continue
                reported.update((draft.shown, other) for other in others)
                shown = f" {draft.values[name]}" if name != "title" else ""
                # (How to end it: a merge keeps the removed file's address and readers.)
                fix = (
                    "; merge them: keep one file, copy into it what the other adds, delete the"
                    " other and list its id in the kept one's 'formerly:'"
                )
                if name == "title":
                    fix += ", or, if they are two papers, give each its arXiv id or DOI, or its authors and year"
                elif _titles_differ(draft, [o for o in members if o.shown in others]):
                    # A file copied to start another paper keeps the arXiv id or DOI of
                    # the one it was copied from: then a merge would lose the new paper.
                    fix += (
                        ", or, if they are two papers (their titles differ), correct the"
                        f" {'arXiv id' if name == 'arxiv' else 'DOI'} of the one it is not"
                    )
                problems.error(
                    draft.nodes[name].loc,
                    f"same paper as {', '.join(others)} ({reason}{shown}){fix}",
                )
    return tuple(indexes)


# --------------------------------------------------------------------------- the whole


def _cross_check(
    papers: list[PaperDraft],
    topics: list[TopicDraft],
    topics_read: bool,
    problems: Problems,
    gone: Gone,
) -> _Checked:
    start = len(problems.items)
    claimed, owners = _claim_ids(papers)
    same = _same_papers(papers, problems)
    ordered = sorted(claimed)
    # A file that gave no valid id (a YAML syntax error, most often) or another id than
    # its name is reported on its own; its name is the id it is meant to have, so
    # naming that id elsewhere is no second mistake.
    misnamed = frozenset(d.stem for d in papers if d.id != d.stem).difference(claimed)
    _check_formerly(papers, claimed, misnamed, problems)
    paper_choices = _Choices(set(ordered), ordered, misnamed, gone.fate)
    topic_choices = _topic_choices(topics, topics_read)
    orders = _reading_orders(topics)
    # A file whose id is unusable is not built, but the ids it names are checked all the
    # same: told only of its id, a curator fixed it and met a 'topics: [Bad_Id]' next.
    # (A copy holding another file's id is one mistake, said at its id. A rerun swaps
    # only files with an id, so these problems stay with the head.)
    for draft in papers:
        if draft.id is None:
            _check_paper(draft, paper_choices, topic_choices, orders, problems)
    head = problems.items[start:]

    built: list[Paper] = []
    per_paper: dict[str, tuple[Problem, ...]] = {}
    for paper_id in ordered:
        start = len(problems.items)
        paper = _check_paper(claimed[paper_id], paper_choices, topic_choices, orders, problems)
        if paper is not None:
            built.append(paper)
        if len(problems.items) > start:
            per_paper[paper_id] = tuple(problems.items[start:])

    start = len(problems.items)
    parents = check_parents(topics, problems)
    check_formerly(topics, problems)
    built_topics = [
        make_topic(
            draft,
            parents.get(draft.id, ""),
            _known(draft.values.get("reading_order"), paper_choices, "paper", problems),
        )
        for draft in topics
        if draft.usable
    ]
    tail = problems.items[start:]
    # Only what was built may be pointed at: later phases never meet a dangling id.
    paper_ids = {p.id for p in built}
    topic_ids = {t.id for t in built_topics}
    built = [_only_known(paper, paper_ids, topic_ids) for paper in built]
    built_topics = [only_known_topic(topic, paper_ids, topic_ids) for topic in built_topics]
    content = Content(papers=tuple(built), topics=tuple(built_topics))
    return _Checked(
        content, owners, same, head, per_paper, tail, paper_ids, topic_ids, misnamed, frozenset(gone.asked)
    )


def _topic_choices(topics: Sequence[TopicDraft], topics_read: bool) -> _Choices:
    """The topic ids a paper may name; any, unreported, when topics.yml could not be read."""
    topic_list = [t.id for t in topics]
    aliases = draft_aliases(topics)
    renamed = renamed_topics(topics)

    def fate(old: str) -> Fate | None:
        return Fate(renamed[old], what="topic") if old in renamed else None

    return _Choices(
        set(topic_list), topic_list, frozenset() if topics_read else _ANY, fate, aliases=aliases,
        remedy=UNKNOWN_TOPIC_REMEDY,
    )


# Paper id -> (topic id, the located entry) for each reading order listing the paper.
_Orders = Mapping[str, Sequence[tuple[str, Scalar]]]


def _reading_orders(topics: Sequence[TopicDraft]) -> _Orders:
    orders: dict[str, list[tuple[str, Scalar]]] = {}
    for draft in topics:
        for ref in _nodes(draft.values.get("reading_order")):
            orders.setdefault(str(ref.text), []).append((draft.id, ref))
    return orders


def _check_paper(
    draft: PaperDraft, papers: _Choices, topics: _Choices, orders: _Orders, problems: Problems
) -> Paper | None:
    """The paper of the file that claims its id, with the ids it names checked; None
    when the file is not usable (its id references are checked all the same).

    A reading order listing a paper that excludes the topic is reported here, with the
    paper's references, so that a rerun checking only the changed files finds it too.
    """
    values = draft.values
    paper_id = draft.id
    # Most papers list no ids at all: skip the calls for them.
    own_topics = excluded = related = ()
    if values.get("topics"):
        own_topics = _known(values["topics"], topics, "topic", problems)
    if values.get("exclude_topics"):
        excluded = _known(values["exclude_topics"], topics, "topic", problems, excluding=True)
        listed_in = orders.get(paper_id or "", ())
        for ref in _nodes(values["exclude_topics"]):
            if ref.text in own_topics:
                problems.error(ref.loc, f"{ref.text!r} is in both topics and exclude_topics")
            for topic_id, entry in listed_in:
                if topic_id == ref.text:
                    problems.error(
                        entry.loc,
                        f"paper {paper_id!r} is in the reading order of topic {topic_id!r},"
                        f" but {ref.loc} excludes the paper from that topic; remove one of the two",
                    )
    if values.get("related"):
        refs = values["related"] if isinstance(values["related"], tuple) else ()
        # (However written: "Its-Own-Id", or the id it had before a rename, is the same
        # mistake, said once.)
        itself = []
        for ref in refs:
            gone = papers.fate(ref.text) if papers.fate and ref.text not in papers.ids else None
            if ref.text == paper_id or (gone is not None and gone.renamed_to == paper_id):
                old = f" ({ref.text!r} is its id from before a rename)" if ref.text != paper_id else ""
                problems.error(ref.loc, f"a paper cannot be related to itself{old}")
                itself.append(ref)
        related = _known(tuple(r for r in refs if r not in itself), papers, "paper", problems)
    if not draft.usable:
        return None
    ids = (own_topics, excluded, related)
    if draft.built is None or draft.built[0] != ids:
        draft.built = (ids, _paper(draft, own_topics, excluded, related))
    return draft.built[1]


@dataclass
class _Checked:
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
    # The marks (title, arXiv id, DOI, abstract) by whose holders a reference's problem
    # says what became of a missing paper (Gone.asked): a file gaining or losing one
    # can change it in other files.
    asked_marks: frozenset[tuple[str, str]] = frozenset()

    def can_swap(self, pairs: Sequence[tuple[PaperDraft, PaperDraft]]) -> bool:
        """Whether replacing each old draft by its new one leaves every other result of
        the checks as it is: each keeps its id and usability, and neither the old nor
        the new one shares a key with any other draft (so none was or is reported)."""
        olds = {id(old) for old, _ in pairs}
        for old, new in pairs:
            if old.id is None or new.id != old.id or new.usable != old.usable:
                return False
            if _ids_of(old.values.get("formerly")) != _ids_of(new.values.get("formerly")):
                return False  # (which old addresses lead where is checked across files)
            if self.owners.get(old.id) is not old:
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

    def swap(
        self,
        pairs: Sequence[tuple[PaperDraft, PaperDraft]],
        topics: _Choices,
        orders: _Orders,
        fate: Callable[[str], Fate | None],
    ) -> Content:
        """Replace each old draft by its new one (`can_swap` said yes); the new content."""
        for position, index in enumerate(self.same):
            for old, _ in pairs:
                if old.same_keys[position]:
                    del index[old.same_keys[position]]
            for _, new in pairs:
                if new.same_keys[position]:
                    index[new.same_keys[position]] = new
        papers = list(self.content.papers)
        # The ids are those of the last load: a suggestion for a mistyped one needs
        # them sorted, which is done only then.
        choices = _Choices(self.owners, None, self.misnamed, fate)
        for _, new in pairs:
            paper_id = str(new.id)
            self.owners[paper_id] = new
            found = Problems()
            paper = _check_paper(new, choices, topics, orders, found)
            if found.items:
                self.per_paper[paper_id] = tuple(found.items)
            else:
                self.per_paper.pop(paper_id, None)
            if paper is not None:
                at = bisect_left(papers, paper_id, key=_id_of)
                assert papers[at].id == paper_id
                papers[at] = _only_known(paper, self.paper_ids, self.topic_ids)
        self.content = Content(papers=tuple(papers), topics=self.content.topics)
        return self.content


_id_of = operator.attrgetter("id")


class _Everything:
    """A container holding every id."""

    def __contains__(self, item: object) -> bool:
        return True


_ANY = _Everything()




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
        remedy: str = "",
    ):
        self.ids = ids
        self._ordered = ordered
        self.broken = broken
        self.fate = fate
        # Other names of an id (a topic's title and keywords, as ids) -> (id, the name).
        self.aliases = aliases or {}
        # What to do about an unknown id that no record explains (after the suggestion).
        self.remedy = remedy

    def suggestion(self, word: str) -> str:
        """" (did you mean ...?)" for a mistyped id, else ""."""
        return did_you_mean(word, self.ordered) or alias_hint(word, self.aliases)

    @property
    def ordered(self) -> list[str]:
        if self._ordered is None:
            self._ordered = sorted(self.ids)  # type: ignore[call-overload]
        return self._ordered


def _known(
    refs: object, choices: _Choices, what: str, problems: Problems, excluding: bool = False
) -> tuple[str, ...]:
    """The located ids in ``refs`` that exist; each other one is reported, with the
    closest that exists. ``excluding``: ``refs`` is a paper's `exclude_topics:`."""
    ids = choices.ids
    kept = []
    for ref in refs if isinstance(refs, tuple) else ():
        assert ref.text is not None
        if isinstance(ref, Miswritten):
            gone = choices.fate(ref.text) if choices.fate is not None else None
            if ref.text in ids or ref.text in choices.broken:
                problems.error(ref.loc, f"write the {what} as its id {ref.text!r}, not {ref.written!r}")
            elif gone is not None:  # the id of a paper deleted or renamed, in capitals
                problems.error(ref.loc, _gone_says(gone, ref.text, refs, excluding))
            else:
                problems.error(
                    ref.loc, f"unknown {what} {ref.written!r}" + choices.suggestion(ref.text)
                )
        elif ref.text in ids:
            kept.append(ref.text)
        elif ref.text not in choices.broken:
            gone = choices.fate(ref.text) if choices.fate is not None else None
            if gone is not None:
                problems.error(ref.loc, _gone_says(gone, ref.text, refs, excluding))
            else:
                problems.error(
                    ref.loc,
                    f"unknown {what} {ref.text!r}" + choices.suggestion(ref.text) + choices.remedy,
                )
    return tuple(kept)


def _gone_says(gone: Fate, old: str, refs: object, excluding: bool = False) -> str:
    """What became of ``old``; when the list names what it became already (two merged
    into one), that the old one is to go, not to be written again."""
    if gone.renamed_to and any(r.text == gone.renamed_to for r in refs if isinstance(refs, tuple)):
        return f"{gone.became(old)}, which this list names already; remove {old!r}"
    if excluding and gone.renamed_to:
        # `formerly:` does not tell a rename from a merge: written as told, the new id
        # would keep the paper out of all the merged topic holds, not only what the old
        # one did. Which is meant is the curator's call.
        new = gone.renamed_to
        return (
            f"{gone.became(old)}; write {new!r} to exclude this paper from all of {new!r}"
            f" (after a merge, more than {old!r} held), or remove {old!r}"
        )
    return gone.says(old)


def _ids_of(refs: object) -> tuple[str, ...]:
    return tuple(str(ref.text) for ref in _nodes(refs))


def _nodes(refs: object) -> tuple[Scalar, ...]:
    """The references as written as ids (`_known` reports the others)."""
    if not isinstance(refs, tuple):
        return ()
    return tuple(r for r in refs if not isinstance(r, Miswritten))


def _paper(
    draft: PaperDraft, topics: tuple[str, ...], excluded: tuple[str, ...], related: tuple[str, ...]
) -> Paper:
    values: Mapping[str, object] = draft.values
    return Paper(
        id=str(values["id"]),
        title=str(values["title"]),
        abstract=str(values.get("abstract") or ""),
        authors=values.get("authors") or (),  # type: ignore[arg-type]
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
        formerly=_ids_of(values.get("formerly")),
        summary=str(values.get("summary") or ""),
        notes=str(values.get("notes") or ""),
        source=Location(draft.shown),
    )


def _only_known(paper: Paper, paper_ids: set[str], topic_ids: set[str]) -> Paper:
    if (
        all(r in paper_ids for r in paper.related)
        and all(t in topic_ids for t in paper.topics)
        and all(t in topic_ids for t in paper.exclude_topics)
    ):
        return paper
    return replace(
        paper,
        related=tuple(r for r in paper.related if r in paper_ids),
        topics=tuple(t for t in paper.topics if t in topic_ids),
        exclude_topics=tuple(t for t in paper.exclude_topics if t in topic_ids),
    )
