"""Loading `content/` into the model, reporting every curator mistake on the way.

`load_content` works in two phases, like the build: each file is read and checked on
its own (paperdrafts.py), then the whole set is cross-checked (crosscheck.py): ids that
must exist, the same paper filed twice, topic parent cycles, reading orders, empty
topics. Every problem is collected with its ``path:line:col``; nothing stops at the
first one, and nothing is reported again as a consequence of another problem: an id
meant by a file that cannot be read is not "unknown" elsewhere. What could be validated
is still returned, so `check` reports everything while `build` refuses to go on at any
error. topics.yml's own checks are topicsfile.py's. What the site takes from beside the
papers and topics is checked last: the links of the hand-written pages (handlinks.py)
and the importer's record (importedfile.py, which also says what became of a paper a
reference names and no file has).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Container, Mapping, Sequence

from . import gcpause, paperdrafts, provenance, renamewrite, repositories
from .errors import Location, Problem, Problems, Severity
from .crosscheck import ANY, Checked, cross_check, make_topic_choices, nodes, reading_orders
from .escape import paper_link_hint, site_page_hint
from .handlinks import check_hand_pages
from .importedfile import Gone, check_imported, recorded_ids, renamed_unlisted
from .models import Content, Paper, RepoStats
from .quoting import shell_quoted
from .paperdrafts import MISSING, Calendar, Files, FileStamp, PaperDraft, changed_files, editors_file, keep, read_papers, settled_stamp, stamp_of
from .topicsfile import (
    TOPICS_FILE,
    TopicDraft,
    KeywordSearch,
    TopicMemo,
    keywords_unchanged,
    read_topics,
    warn_empty_topics,
    warn_misspelt_keywords,
    warn_renamed_by_hand,
    warn_short_reading_orders,
    warn_topicless,
)
from .siteconfig import site_address
from .yamlfile import display

PAPERS_DIR = "papers"

# What reading one paper file gave, kept by the caller between runs (see build.Memo):
# absolute path -> (its stamp, the draft, the problems found in it alone, the memo of
# its folder). Every entry of a folder shares that memo, so it travels with the cache
# (also through pickle) without a key of its own.
FileCache = dict[str, tuple[FileStamp, "PaperDraft", tuple[Problem, ...], "FolderMemo"]]


def project_above(folder: Path) -> Path | None:
    """The project (a folder with mkdocs.yml and content/) that ``folder`` is inside, if
    any: a shell left in content/papers/ after an edit."""
    for parent in Path(folder).resolve().parents:
        if (parent / "mkdocs.yml").is_file() and (parent / "content").is_dir():
            return parent
    return None


def inside_project(folder: Path, what: str, *, root_given: bool = False) -> str:
    """" (this folder is inside the project P: run WHAT there, ...)" when ``folder`` is
    inside a project (`project_above`), "" otherwise. ``what`` is what the sentence
    before says to run ("them", "the build"), named again: an "it" here read as the
    project folder that sentence had just named, or disagreed with its "them". With
    ``root_given`` (the folder is --root's), the project is named as what --root should
    name: "run it there" would send the curator to a folder they never were in."""
    parent = project_above(folder)
    if parent is None:
        return ""
    if root_given:
        return f" (this folder is inside the project {parent}, which --root should name)"
    return f" (this folder is inside the project {parent}: run {what} there, or give --root {parent})"


def wrong_folder_fix(root: Path, what: str, root_given: bool) -> str:
    """What to do when ``root`` is no project folder, for running ``what`` there. Only a
    curator who gave no --root is told to give one: one who did was told to do what
    they had done, and not that their --root was the mistake."""
    if root_given:
        return (
            "--root must name the project folder, the one holding mkdocs.yml and content/"
            + missing_folder(root)
            # (Of a file, "this folder is inside the project" would name no folder.)
            + ("" if Path(root).is_file() else inside_project(root, what, root_given=True))
        )
    return f"run {what} in the project folder or give --root PATH{inside_project(root, what)}"


def missing_folder(root: Path) -> str:
    """"; ROOT does not exist (did you mean P?)" when the folder --root names is not there,
    P a project beside it one slip away (`typos.closest`); "; ROOT is a file, not a
    folder (did you mean P?)" when it names a file, P the project holding it; "" when it
    is a folder. (Told only
    that "/home/me/lab-lst has no mkdocs.yml", a curator looked for the file, not at the
    folder's name they had mistyped.)"""
    path = Path(root).resolve()
    if path.is_dir():
        return ""
    if (above := file_on_the_way(path)) is not None and above != path:
        return f"; {path} does not exist: {above} is a file, not a folder"
    if path.exists():
        # (`--root lab/mkdocs.yml`: "does not exist" of a file that is there was false;
        # the project holding it is the folder meant.)
        project = project_above(path)
        return f"; {path} is a file, not a folder" + (f" (did you mean {project}?)" if project else "")
    from .typos import closest

    try:
        beside = sorted(
            p.name for p in path.parent.iterdir()
            if p.is_dir() and ((p / "mkdocs.yml").is_file() or (p / "content").is_dir())
        )
    except OSError:  # (its parent is not there either, or not readable)
        beside = []
    meant = closest(path.name, beside)
    return f"; {path} does not exist" + (f" (did you mean {path.parent / meant}?)" if meant else "")


def file_on_the_way(root: Path) -> Path | None:
    """The file ``root`` is, or the first one its path goes through ("lab/mkdocs.yml/x"),
    where a command looking for folders in it would be told only "Not a directory"; None
    when there is none."""
    for place in (path := Path(root).resolve(), *path.parents):
        if place.exists():
            return None if place.is_dir() else place
    return None


def no_content(root: Path, root_given: bool) -> str:
    """What is said of a missing content/ folder, at the folder looked in: most likely
    the command runs in (or --root names) the wrong folder. "no such folder" alone did
    not say which folder it had looked in."""
    return f"no such folder in {Path(root).resolve()}; {wrong_folder_fix(root, 'readinglist', root_given)}"


def load_content(
    content_dir: Path,
    root: Path | None = None,
    *,
    cache: FileCache | None = None,
    root_given: bool = False,
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
    ``root_given``: ``root`` is the folder --root named (see `wrong_folder_fix`).
    """
    try:
        return _load_content(content_dir, root, cache, root_given)
    except paperdrafts.DamagedDraft:
        # A draft the memo kept came back damaged from the cache file (paperdrafts._unpack):
        # nothing the memo holds of the folder is trusted, its files are all read again
        # and kept anew. (Only the memo's drafts are packed: a load without one never is here.)
        assert cache is not None
        cache.clear()
        return _load_content(content_dir, root, cache, root_given)


def _load_content(
    content_dir: Path, root: Path | None, cache: FileCache | None, root_given: bool
) -> tuple[Content, Problems]:
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    problems = Problems()
    if not content_dir.is_dir():
        # Most likely the wrong folder: passing with nothing checked would be a lie.
        problems.error(Location(display(content_dir, root)), no_content(root, root_given))
    journal = content_dir / renamewrite.JOURNAL_NAME
    cut_off = renamewrite.cut_off(journal, display(journal, root))
    if cut_off is not None:
        # Half renamed, the list holds two files of the paper and references to both:
        # anything said of them ("the same paper: merge them") would mislead.
        problems.items.append(cut_off)
        return Content((), ()), problems
    papers_dir, topics_path = content_dir / PAPERS_DIR, content_dir / TOPICS_FILE
    imported_path = content_dir / provenance.RELATIVE_PATH
    # The calendar the files are judged by (a year after next year, a day after today
    # `added`, are warnings): taken before any is read, so that a file kept from a load
    # of another day is read again.
    calendar = Calendar.now()
    memo = _memo_of(cache, papers_dir, calendar) if cache is not None else None
    if memo is not None:
        # Made to stand for this load only once it finished (see Delta): until then, for
        # a load that fails halfway, one that matches no table of the build's memo.
        since, memo.loaded, memo.delta = memo.loaded, object(), None
    with gcpause.paused("content"):
        again = None
        if memo is not None and memo.last is not None and cache is not None:
            shown = (display(papers_dir, root) + "/", display(topics_path, root))
            again = _load_again(memo, memo.last, cache, *shown)
        changed: frozenset[str] | None = None  # (a whole load: any paper may have)
        if again is not None:
            content, found, changed = again
            problems.items.extend(found)
            assert memo is not None and memo.last is not None
            drafts = memo.last.files.drafts
            claims = memo.last.claims
        else:
            if memo is not None:
                memo.last = None  # whatever happens below, the last load no longer describes it
            drafts, files = read_papers(papers_dir, root, problems, cache, memo, calendar)
            now = time.time_ns()
            topics_stamp = settled_stamp(topics_path, now)
            imported_stamp = settled_stamp(imported_path, now, missing=MISSING)
            start = len(problems.items)
            topics, topics_read, unnamed = read_topics(topics_path, root, problems)
            if topics_read:
                warn_renamed_by_hand(topics_path, display(topics_path, root), topics, problems)
            topic_problems = tuple(problems.items[start:])
            listing, claims = _counts(drafts)
            checked = cross_check(
                drafts, topics, topics_read, problems, _gone(imported_path, drafts, claims), unnamed
            )
            start = len(problems.items)
            warn_empty_topics(checked.content, topics, problems, _papers_left_out(files, checked.content))
            warn_short_reading_orders(checked.content, topics, problems)
            warn_topicless(
                checked.content, topics, topics_read, papers_dir, display(topics_path, root),
                listing, problems, memo.placed if memo is not None else None, unnamed,
            )
            empty = tuple(problems.items[start:])
            start = len(problems.items)
            search = warn_misspelt_keywords(checked.content, topics, problems)
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
                    tuple(problems.items[start:]),
                    tuple(unnamed),
                    search,
                    listing,
                    claims,
                )
            content = checked.content
        if again is not None:
            assert memo is not None and memo.last is not None
            topics, topics_read = memo.last.topics, memo.last.topics_read
            meant_topics = memo.last.checked.meant_topics
        else:
            meant_topics = checked.meant_topics
        # The ids files with errors define or are named for (see check_hand_pages).
        meant = (
            {d.stem for d in drafts} | {d.id for d in drafts if d.id},
            {t.id for t in topics} | meant_topics if topics_read else ANY,
        )
        _check_beside(content_dir, root, content, drafts, claims, meant, memo, problems)
        _warn_papers_outside(content_dir, papers_dir, root, problems)
        stats_before = memo.applied_papers[0] if memo is not None else None
        content = _with_repositories(content_dir, root, content, memo, problems)
        if memo is not None:
            if memo.applied_papers[0] is not stats_before:
                changed = None  # (other stats: every paper given some is made anew)
            memo.delta = Delta(since, object(), changed)
            memo.loaded = memo.delta.now
        _hint_paper_links(content, root, problems)
    return content, problems


@dataclass(frozen=True)
class Delta:
    """Which papers one load of a folder made anew since the load before it.

    ``since`` and ``now`` stand for the two loads (FolderMemo.loaded: a new object
    each load, so a memo of the build that says which load its tables were made from
    is told by identity whether ``changed`` applies to them; stored in the cache file
    with the build's memo, both unpickle as one object). ``changed``: the ids of the
    papers that are not the very objects of the load before (an edited or touched file's,
    old and new id), or None when any may be (a whole load, other repository stats).
    Every other paper is the very object that load gave.
    """

    since: object
    now: object
    changed: frozenset[str] | None


def delta(cache: FileCache, content_dir: Path) -> Delta | None:
    """What the last load of ``content_dir`` with ``cache`` changed (see Delta); None
    when it kept no memo."""
    folder = os.fspath(Path(content_dir) / PAPERS_DIR)
    for kept in cache.values():
        if kept[3].folder == folder:
            return kept[3].delta
    return None


# What a warning of a link to a page of the list by its address says (escape.py).
_BY_ADDRESS = "by its full web address (https://…/"


def _hint_paper_links(content: Content, root: Path, problems: Problems) -> None:
    """Say how to link another paper where notes link it by its id (escape.paper_link_hint),
    and how to link a page of the list where notes or a description link it by its
    page's address (escape.site_page_hint: with the site's address, or by 'related:'):
    known only once every paper is read, so said here on each load, each file's own
    warnings being kept as that file alone gives them."""
    site: str | None = None  # (mkdocs.yml read only for such a link: few lists have one)
    # The papers' ids and each file's paper, made only for such a warning too (10,000
    # papers' cost a rerun 7 ms, for a list whose notes link no paper).
    ids: set[str] | None = None
    owners: dict[str, Paper] = {}
    for at, problem in enumerate(problems.items):
        if problem.severity is not Severity.WARNING:
            continue
        said = problem.message
        if not (said.startswith("'notes': ") or _BY_ADDRESS in said):
            continue
        if ids is None:
            ids = {paper.id for paper in content.papers}
            owners = {paper.source.path: paper for paper in content.papers if paper.source is not None}
        if said.startswith("'notes': "):
            said = paper_link_hint(said, ids)
        if _BY_ADDRESS in said:
            if site is None:
                site = site_address(root)
            owner = owners.get(problem.location.path)
            if owner is None:
                said = site_page_hint(said, site, ids, None)
            else:
                said = site_page_hint(said, site, ids, owner.id, owner.related)
        if said != problem.message:
            problems.items[at] = replace(problem, message=said)


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
    claims: Mapping[str, Mapping[str, int]],
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
        # (The ids of the papers there as the very strings of their ids: read from
        # another file, they were 10,000 strings more in the build's memo.)
        ids = {paper.id: paper.id for paper in content.papers}
        found, recorded = tuple(checked.items), frozenset(ids.get(i, i) for i in recorded_ids(views))
        if memo is not None:
            memo.imported = (stamp, found, recorded)
    gone = _gone(path, drafts, claims, views)
    check_hand_pages(content_dir, root, content, gone.fate, problems, meant)
    problems.items.extend(found)
    _warn_renames(drafts, recorded, gone, display(path, root), problems)


# A top-level key only a paper file has among what content/ holds (topics.yml's is
# `topics:`); the project's own files there are named in _KEPT_IN_CONTENT.
_PAPER_KEY = re.compile(r"^(?:id|title)[ \t]*:", re.MULTILINE)
_KEPT_IN_CONTENT = frozenset({TOPICS_FILE, repositories.FILE_NAME})


def _warn_papers_outside(content_dir: Path, papers_dir: Path, root: Path, problems: Problems) -> None:
    """A paper file saved in content/ instead of content/papers/ is read by nothing: its
    paper never appeared, and nothing said why. Only YAML files directly in content/
    with a paper's key at the top level, not the project's own."""
    try:
        names = sorted(entry.name for entry in os.scandir(content_dir) if entry.is_file())
    except OSError:
        return  # (no content/ folder: said already)
    for name in names:
        stem, _, ending = name.rpartition(".")
        if not stem or ending.lower() not in ("yml", "yaml") or name in _KEPT_IN_CONTENT or editors_file(name):
            continue
        try:
            text = (content_dir / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if (key := _PAPER_KEY.search(text)) is None:
            continue
        shown, folder = display(content_dir / name, root), display(papers_dir, root) + "/"
        target = f"{folder}{stem}.yml"
        if (papers_dir / f"{stem}.yml").exists():
            fix = (
                f", which holds {stem}.yml already: copy into {target} what this file adds,"
                " then delete it"
            )
        else:
            fix = f"; move it there: mv {shell_quoted(shown)} {shell_quoted(target)}"  # (a name with a space)
        problems.warning(
            Location(shown, text.count("\n", 0, key.start()) + 1, 1),
            f"not read: paper files go in {folder}{fix}",
        )


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
            old_ids -= {ref.text for ref in nodes(draft.values["formerly"])}
    named = {d.id: d for d in drafts if d.usable and d.id == d.stem}
    for paper_id, olds in sorted(gone.renames(old_ids).items()):
        draft = named.get(paper_id)
        if draft is not None:
            problems.warning(
                draft.nodes["id"].loc,
                renamed_unlisted(paper_id, olds, bool(draft.values.get("formerly")), shown),
            )


def _gone(
    path: Path,
    drafts: Sequence[PaperDraft],
    claims: Mapping[str, Mapping[str, int]],
    views: Mapping[str, provenance.Seen] | None = None,
) -> Gone:
    """What became of ids that ``drafts`` (read now) do not give: a paper's `formerly:`
    (``claims``: `_counts`) says, else the importer's record (``views``, when read
    already)."""
    return Gone(
        path, lambda: ((str(d.id), d.values) for d in drafts if d.usable), _formerly(claims), views,
        papers_dir=path.parent.parent / "papers",  # (content/sources/imported.json's content/)
    )


def _formerly(claims: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """Old id -> the paper whose `formerly:` names it, when exactly one does."""
    return {old: next(iter(ids)) for old, ids in claims.items() if len(ids) == 1}


def _papers_left_out(files: Files, content: Content) -> bool:
    """Whether a paper file is left out of the list for an error: one that is not a
    paper file's name, whose YAML, id or title could not be read, or whose id another
    file has (counted: each paper built is one file's)."""
    return bool(files.unread) or len(content.papers) < len(files.drafts)


def _counts(drafts: Sequence[PaperDraft]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """What the loads ask of every file, counted so that a rerun updates it for the
    files it reads again (`_count`) and unpacks no other draft (a file with no `topics:`
    value is asked for its node: paperdrafts.PaperDraft.__getstate__): the ids of the
    papers whose file lists a topic (`warn_topicless`'s ``listing``), each with its
    number of files; and each old id a `formerly:` names -> the ids of the papers
    naming it, each with its number."""
    listing: dict[str, int] = {}
    claims: dict[str, dict[str, int]] = {}
    for draft in drafts:
        _count(listing, claims, draft, 1)
    return listing, claims


def _count(listing: dict[str, int], claims: dict[str, dict[str, int]], draft: PaperDraft, step: int) -> None:
    """Counts ``draft`` in (``step`` 1) or out (-1) of `_counts`' two."""
    paper_id = draft.id
    if paper_id is None:
        return
    # A file lists a topic, known or not, or gives `topics:` a value its error refuses
    # ('topics: multi-task', meant as a list): not one in none.
    if paper_id and (draft.values.get("topics") or ("topics" in draft.nodes and "topics" not in draft.values)):
        _add(listing, paper_id, step)
    formerly = draft.values.get("formerly")  # (none in most files: asked first)
    if formerly:
        for ref in nodes(formerly):
            if ref.text != paper_id:  # (first, its own: the id it went back to)
                by = claims.setdefault(str(ref.text), {})
                _add(by, paper_id, step)
                if not by:
                    del claims[str(ref.text)]


def _add(counts: dict[str, int], key: str, step: int) -> None:
    left = counts.get(key, 0) + step
    if left:
        counts[key] = left
    else:
        counts.pop(key, None)



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
    checked: Checked
    warnings: tuple[Problem, ...]  # the empty topics, the papers in no topic
    # imported.json when it was read (settled, or MISSING): the messages of references
    # to deleted papers come from it.
    imported_stamp: FileStamp
    # The misspelt keywords found in the papers' titles and abstracts (those of
    # ``checked.content``): a rerun whose edits left them all as they were (a note, a
    # link) keeps the warnings rather than searching 10,000 abstracts again (50-100 ms).
    misspelt: tuple[Problem, ...]
    unnamed: tuple[TopicDraft, ...]  # the topics with no valid id (read_topics)
    # What the search for them read: an edit of a few titles or abstracts that cannot
    # change what it found (topicsfile.keywords_unchanged) keeps them too.
    search: KeywordSearch | None = None
    # What `_counts` counts over the files, for a rerun to update (`_count`).
    listing: dict[str, int] = field(default_factory=dict)
    claims: dict[str, dict[str, int]] = field(default_factory=dict)

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
    # The calendar its files were judged by: what a file says of its `year` and `added`
    # depends on it (paperdrafts.Calendar), so a load on another day reads every file
    # again (once a day: a cache file of yesterday's build, `serve` past midnight).
    calendar: Calendar | None = None
    last: _Load | None = None
    # imported.json's stamp (settled, or MISSING), the problems found in it, and the
    # ids it says papers have or had (importedfile.recorded_ids).
    imported: tuple[FileStamp | None, tuple[Problem, ...], frozenset[str]] = (None, (), frozenset())
    # repositories.yml's stamp, what it holds and the problems found in it; and the
    # last content it was applied to, with the result (kept: its papers' identity lets
    # later steps compare them by identity first).
    repositories: tuple[FileStamp | None, Mapping[str, RepoStats], tuple[Problem, ...]] = (None, {}, ())
    applied: tuple[Content, Mapping[str, RepoStats], Content] | None = None
    # Each paper given stats by the last load, by its id (see repositories.apply), for
    # the stats it was made with. Stored in the cache file with the papers and stats
    # it was made from, which unpickle as the very objects of the file cache and of
    # ``repositories``: a new process keeps those papers too (and the page index and
    # other memos recognise them by identity). 2,000 papers at 10,000 share all but
    # their links with the file cache's.
    applied_papers: tuple[Mapping[str, RepoStats] | None, dict[str, tuple[Paper, Paper]]] = (None, {})
    # What placing each paper in its topics gave (topicsfile.warn_topicless), by its id.
    placed: TopicMemo = field(default_factory=TopicMemo)
    # The last load that finished (an object standing for it: see Delta), and what it
    # changed since the one before.
    loaded: object = field(default_factory=object)
    delta: Delta | None = None

    def __getstate__(self) -> dict:
        # The last content applied to: a new process loads a new one.
        return {**self.__dict__, "applied": None}




def placed(cache: FileCache, content_dir: Path) -> TopicMemo | None:
    """What the last load of ``content_dir`` with ``cache`` found placing its papers in
    their topics (see topicsfile.warn_topicless), for the build to reuse."""
    folder = os.fspath(Path(content_dir) / PAPERS_DIR)
    for kept in cache.values():
        if kept[3].folder == folder:
            return kept[3].placed
    return None


def _memo_of(cache: FileCache, papers_dir: Path, calendar: Calendar) -> FolderMemo:
    """The memo of the folder's last load, judged by ``calendar``: made on another
    day, the files it may judge otherwise (a year or an `added` day from the future:
    paperdrafts.judged_alike) are forgotten, so that the load reads them again. (All of
    them were, once a day: the first rerun after midnight read every file, 3.2 s at
    10,000 papers.)"""
    folder = os.fspath(papers_dir)
    for kept in cache.values():  # the first entry is nearly always one of this folder
        if kept[3].folder == folder:
            memo, before = kept[3], kept[3].calendar
            if before == calendar:
                return memo
            again = {
                path for path, entry in cache.items()
                if entry[3].folder == folder
                and (before is None or not paperdrafts.judged_alike(entry[1].values, before, calendar))
            }
            for path in again:
                del cache[path]
            if before is None:
                break
            if memo.last is not None and again:
                # Read again by `_load_again` as edited files are: their stamp is none.
                files = memo.last.files
                for at, name in enumerate(files.names):
                    if os.path.join(folder, name) in again:
                        files.stamps[at] = None
            memo.calendar = calendar
            return memo
    return FolderMemo(folder, calendar)



def _load_again(
    memo: FolderMemo, last: _Load, cache: FileCache, prefix: str, topics_shown: str
) -> tuple[Content, list[Problem], frozenset[str] | None] | None:
    """The load of the folder ``last`` describes, redoing only what its changed files
    touch, and the ids of the papers it made anew (Delta.changed); None when that cannot
    be told apart from a full load, which is then needed.

    It can when topics.yml and the set of file names are unchanged and every changed
    paper file keeps its id and usability and claims no id, arXiv id, DOI or title
    another file has, nor a title or an abstract import would take for another's (before
    or after the edit: crosscheck.Checked._near, _one_abstract), unless all such a check
    reads of the file is as it was (crosscheck._read_alike: a notes edit): then the ids that
    exist, the topics and every other file's problems are as they were, and only the
    changed files' papers and references are checked again. Anything else (a file added, removed or renamed, topics.yml edited,
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
        return last.checked.content, last.problems(), frozenset()
    fresh = []
    for at, stamp in changed:
        name, found = files.names[at], Problems()
        path = os.path.join(memo.folder, name)  # as os.scandir spells it: the cache's key
        # Looked up in paperdrafts, as read_papers does: a test counts the reads there.
        draft = paperdrafts.read_paper(Path(path), files.prefix + name, name[: -len(".yml")], found, memo.calendar)
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
    before = last.checked.content.papers  # (what the misspelt keywords were searched in)
    topics = make_topic_choices(last.topics, last.topics_read, last.checked.owners, last.checked.meant_topics)
    drafts = list(files.drafts)
    for at, _, _, draft, _ in fresh:
        drafts[at] = draft
    for old, new in pairs:
        _count(last.listing, last.claims, old, -1)
        _count(last.listing, last.claims, new, 1)
    gone = _gone(imported, drafts, last.claims)
    content = last.checked.swap(pairs, topics, reading_orders(last.topics), gone.fate)
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
    warn_empty_topics(content, last.topics, warnings, _papers_left_out(files, content))
    warn_short_reading_orders(content, last.topics, warnings)
    warn_topicless(
        content, last.topics, last.topics_read, Path(memo.folder), topics_shown,
        last.listing, warnings, memo.placed, last.unnamed,
    )
    last.warnings = tuple(warnings.items)
    # (The files are the same, so the papers are, in the same order: some edited, the
    # others the very objects. The texts are read from the papers, not kept beside
    # them: 10,000 tuples fewer in the build's memo, to store and read back.)
    edits = []
    made = set()  # (the papers made anew: Delta.changed)
    for at, (old, new) in enumerate(zip(before, content.papers)):
        if old is not new:
            made.update((old.id, new.id))
            if old.title != new.title or old.abstract != new.abstract:
                edits.append((at, (old.title, old.abstract), (new.title, new.abstract)))
    same = len(before) == len(content.papers)
    if edits or not same:
        if not same or last.search is None or not keywords_unchanged(last.search, edits):
            misspelt = Problems()
            last.search = warn_misspelt_keywords(content, last.topics, misspelt)
            last.misspelt = tuple(misspelt.items)
    memo.last = last
    if not same:
        return content, last.problems(), None  # (not paper for paper: any may be another)
    return content, last.problems(), frozenset(made)
