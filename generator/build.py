"""Generating the docs folder: load -> model -> topics -> related -> plan -> render -> write.

Each phase finishes for the whole list before the next starts (related papers and
reading orders need every paper), and only `write` touches the disk. Curator errors
stop the run before anything is written; warnings are handed back to the caller.
The entry points are thin: the MkDocs hook (`mkdocs_hook.py`) and `readinglist
build` / `serve`, which both go through the hook so that `mkdocs build` and
`readinglist build` do exactly the same thing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import bisect
import functools
import gc
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, NoReturn, TypeVar

from . import gcpause

# Importing the generator (numpy, Jinja, YAML, Markdown and its own modules) makes some
# 65,000 objects the collector tracks (functions, classes, module dicts), which stay for
# the life of the process: it walked them as they were made and in each full collection
# after (0.013 s of the 0.22 s import; gcpause.py).
with gcpause.paused("import"):
    from . import (
        cache, curation, export_bibtex, export_csv, export_json, exports, jsonschema, lemmas, reference, write,
    )
    from .errors import CuratorError, Location, Problem, Problems
    from .export_json import JSON_FILE, paper_line_bytes
    from .joinedfile import Joined, Spliced
    from .models import Content, Paper, RelatedPaper, Site, Topic, TopicAssignment
    from .pagecontext import Index, make_index
    from .pages import FORMERLY_SCRIPT, PAPERS_JSON, File, HandPage, Kept, formerly_script
    from .pages import Page as PlanPage
    from .pagesignatures import Layout
    from .related import RelatedIndex
    from .relatedshown import shown
    from .render import ICON_STYLESHEET, PageRows, Renderer, template_error
    from .siteplan import Plan, plan_site
    from .topics import Matcher, assign_paper, compile_topics, same_topics
    from .topicsfile import TopicMemo
    from .write import Stamps, WriteReport, write_outputs
    from .yamlio import read_text

T = TypeVar("T", str, bytes)
V = TypeVar("V")

# Tests: every per-paper table walks every paper, as if no load said which changed (the
# reference the changed-driven runs must equal), and `_generate` checks what the load
# said against the memo (CHECK_CHANGED).
FORCE_WALK = False
CHECK_CHANGED = False


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and the few site facts the exports need."""

    content_dir: Path
    docs_dir: Path
    site_name: str = "Reading list"
    site_url: str = ""
    # mkdocs.yml's `theme: language:`: how the pages write a count (render.counted), and
    # the feeds' xml:lang.
    language: str = "en"
    source_date_epoch: int | None = None
    # Where the memo is kept between processes (see cache.py); None keeps it in memory.
    cache_dir: Path | None = None


@dataclass(frozen=True)
class Result:
    site: Site
    plan: Plan
    report: WriteReport
    warnings: tuple[Problem, ...]
    build_epoch: int  # SOURCE_DATE_EPOCH, else derived from the content (see newest_added_epoch)
    timings: Mapping[str, float] = field(default_factory=dict)  # phase -> seconds
    unsaved: bool = False  # the memo changed and generate(save=False) left it to store_memo


@dataclass
class Memo:
    """What one run computed, for the next run: in the same process (`mkdocs serve`),
    or in the next one through the cache file (cache.py; the MkDocs hook stores it).

    Each result is kept with the exact input it was computed from and reused only when
    the new input is equal, so a run with a memo writes the same files as one without;
    editing a paper's notes, status or links then skips topics, related papers, and the
    building and rendering of every page whose signature (pagesignatures.py) did not change.
    """

    topic_set: tuple[Topic, ...] | None = None
    matcher: Matcher | None = None
    assigned: dict[str, tuple[Paper, tuple[TopicAssignment, ...]]] = field(default_factory=dict)
    related: RelatedIndex = field(default_factory=RelatedIndex)
    # The related papers pages showed last (relatedshown.shown), so that a row it had to
    # filter stays the same object while it is equal (pages compare rows by identity).
    shown: dict[str, tuple[RelatedPaper, ...]] = field(default_factory=dict)
    # What the pages on disk were made from: dest -> digest of a Page's template and
    # context, and dest -> the signature of a paper, topic or all-papers page
    # (siteplan.plan_site's ``previous``).
    pages: dict[str, bytes] = field(default_factory=dict)
    signatures: dict[str, tuple] = field(default_factory=dict)
    # The rows of the pages' tables as last rendered, dest -> render.PageRows.kept:
    # a page rendered again renders only the rows whose key changed (the All papers
    # page: a title edit renders one row of 10,000). Made by the templates of
    # ``templates``; they hold no file's text, so they stay when pages are forgotten.
    rows: dict[str, Mapping[tuple, tuple[tuple, str]]] = field(default_factory=dict)
    # id -> (the paper, its papers.bib entry as UTF-8, its page's citation)
    bibtex: dict[str, tuple[Paper, bytes, str]] = field(default_factory=dict)
    # kind -> id -> (paper, assignments, related papers, the fragment): see per_paper
    fragments: dict[str, dict[str, tuple]] = field(default_factory=dict)
    feeds: dict[str, tuple[object, str]] = field(default_factory=dict)  # see export_files
    templates: str = ""  # the fingerprint of the templates the pages were rendered with
    stamps: Stamps = field(default_factory=dict)  # what write.py last saw on disk
    files: curation.FileCache = field(default_factory=dict)  # paper files as last read
    # Files joined from per-paper parts (papers.json, papers.csv, the BibTeX files):
    # dest -> (the parts, the file's stamp once they were written, its st_ctime_ns
    # then). While the parts are equal (the very strings `per_paper` keeps: comparing
    # them costs a pointer check each) and the file still has that stamp, it holds
    # their join, so it is neither joined nor written again (`join`). A splice of it
    # also asks its ctime (write.changed_at), which no hand edit puts back.
    joined: dict[str, tuple[list, tuple[int, int, bytes], int]] = field(default_factory=dict)
    # Kept in this process only (see __getstate__): the parts joined by this run,
    # until they are written; and the texts of the other files last written, dest ->
    # text: a file whose new text is that very object (a feed kept in ``feeds``), and
    # which is still intact on disk, need not be encoded and compared. (Not a joined
    # file's: its next text is joined anew, never that object, and at 10,000 papers
    # the joined texts are some 100 MB that `serve` would keep for nothing.)
    joining: dict[str, list] = field(default_factory=dict)
    texts: dict[str, str | bytes] = field(default_factory=dict)
    layout: Layout | None = None  # the last plan's (siteplan.plan_site's ``layout``)
    # The last plan's lookups, which the next one updates for the papers that changed
    # (pagecontext.make_index). It recognises an unchanged paper (and its assignments)
    # by identity, and so does the layout's ``related``: stored in the cache file with
    # the file cache and the topic and related memos, they unpickle as the very
    # objects a new process loads for its unchanged papers (pickle keeps an object
    # shared by two fields one object), so a new process updates them too.
    index: Index | None = None
    # The last load (curation.Delta) each table of per-paper results below was made
    # from, by the table's name, set once the table is complete: a run whose load says
    # which papers it made anew since that very load redoes only theirs (`changed`).
    made_from: dict[str, object] = field(default_factory=dict)
    # The last result of each such table, by its name, which a run told what changed
    # copies and patches (`_patched`): assign_topics' (paper id -> assignments), the
    # BibTeX entries' and citations', per_paper's of each kind.
    views: dict[str, dict] = field(default_factory=dict)
    # The ids assign_topics redid last (None: it walked every paper), whose per_paper
    # fragments are then made again too.
    reassigned: frozenset[str] | None = None

    _UNSTORED = ("joining", "texts")

    def __getstate__(self) -> dict:
        state = {k: v for k, v in self.__dict__.items() if k not in self._UNSTORED}
        # The pages' signatures keyed by the very strings that key their stamps: each
        # plan spells a page's path anew, and 10,000 equal strings more were stored and
        # read back (a file's stamp keeps the key it was first stored under).
        dests = {dest: dest for dest in self.stamps}
        state["signatures"] = {dests.get(dest, dest): sig for dest, sig in self.signatures.items()}
        if self.index is not None:
            # Not its links (made again as pages need them; under serve they grow to
            # some 130,000). The rest adds 2 MB to the 115 MB of a 10,000-paper cache,
            # and the layout's related papers 0.1 MB: they are the related memo's own.
            state["index"] = dataclasses.replace(self.index, refs={})
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.index = state.get("index")  # (a cache stored before it was kept)
        for name in self._UNSTORED:
            setattr(self, name, {})

    def adopt(self, other: "Memo") -> None:
        """Take over what ``other`` (a memo from an earlier process) computed."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(other, name))

    def forget_pages(self) -> None:
        """Trust no file on disk to be current: every page is planned and rendered."""
        self.pages, self.signatures, self.joined, self.texts, self.layout = {}, {}, {}, {}, None

    def join(
        self, dest: str, parts: list[bytes], form: Joined, *, intact: set[str]
    ) -> bytes | Spliced | None:
        """form.whole(parts); None when the file at ``dest`` already holds it
        (``joined``); the file spliced at the parts that changed when it holds the join
        of other parts (joinedfile.py)."""
        kept = self.joined.get(dest)
        stamp = self.stamps.get(dest)
        spliced = None
        if kept is not None and stamp is not None and dest in intact and kept[1] == stamp:
            if kept[0] == parts:
                return None
            # (Copied from the file on disk, so trusted to hold the old join only
            # while not even its ctime changed: a hand edit whose mtime was put back
            # would stay in the kept bytes through every later splice.)
            spliced = form.splice(kept[0], parts, (stamp[0], stamp[1], kept[2]))
        self.joining[dest] = parts
        return spliced if spliced is not None else form.whole(parts)

    def written(self, plan: Plan, changed_at: Mapping[str, int]) -> None:
        """Remember what the files of ``plan`` hold, now that they are written;
        ``changed_at``: the joined files' ctimes (write.changed_at)."""
        self.texts = {
            o.dest: o.text for o in plan.outputs if isinstance(o, File) and o.dest not in self.joining
        }
        planned = {o.dest for o in plan.outputs}
        self.joined = {dest: kept for dest, kept in self.joined.items() if dest in planned}
        self.rows = {dest: rows for dest, rows in self.rows.items() if dest in planned}
        for dest, parts in self.joining.items():
            if dest in planned and dest in self.stamps and dest in changed_at:
                self.joined[dest] = (parts, self.stamps[dest], changed_at[dest])
        self.joining = {}

    def is_empty(self) -> bool:
        return not (self.files or self.pages or self.signatures or self.stamps)

    def changed(self, table: str, delta: curation.Delta | None) -> frozenset[str] | None:
        """The papers ``table`` must redo after the load ``delta`` tells of: those it
        made anew, when ``table`` was made from the load before it; else None (all)."""
        if delta is None or self.made_from.get(table) is not delta.since or FORCE_WALK:
            return None
        return delta.changed

    def made(self, table: str, delta: curation.Delta | None) -> None:
        """``table`` is complete for the load ``delta`` tells of."""
        self.made_from[table] = delta.now if delta is not None else None

    def assign_topics(
        self,
        content: Content,
        placed: TopicMemo | None = None,
        changed: frozenset[str] | None = None,
    ) -> dict[str, tuple[TopicAssignment, ...]]:
        """topics.assign_topics, paper by paper, reusing each unchanged paper's result,
        else the one the load found (``placed``: it places the papers whose file lists
        no topic, to tell one in no topic). With ``changed`` (Memo.changed: every other
        paper is the one the last result was made from), only those papers are looked at.
        """
        self.made_from.pop("assigned", None)  # (until it is complete again)
        if not same_topics(self.topic_set, content.topics):
            self.topic_set, self.matcher = content.topics, compile_topics(content.topics)
            self.assigned.clear()
            changed = None
        assert self.matcher is not None
        if placed is not None and not same_topics(placed.topics, content.topics):
            placed = None
        patched = _patched(self.views.get("assigned", {}), content.papers, changed)
        self.reassigned = None
        if patched is not None:
            assigned, papers = patched
            for paper in papers:
                assigned[paper.id] = self._assignment(paper, placed)
            self.reassigned = frozenset(p.id for p in papers)
        else:
            assigned = {paper.id: self._assignment(paper, placed) for paper in content.papers}
        if len(self.assigned) > len(assigned):
            self.assigned = {pid: self.assigned[pid] for pid in assigned}
        self.views["assigned"] = assigned
        # (A copy: the caller's result is this run's, the view the next run patches.)
        return dict(assigned)

    def _assignment(self, paper: Paper, placed: TopicMemo | None) -> tuple[TopicAssignment, ...]:
        # By id, then compared: hashing a whole paper costs more than comparing it
        # with the last run's, whose fields are mostly the very same objects.
        kept = self.assigned.get(paper.id)
        if kept is None or kept[0] is not paper:
            if kept is None or kept[0] != paper:
                assert self.matcher is not None
                found = placed.assignments(paper) if placed is not None else None
                kept = (paper, found if found is not None else assign_paper(paper, self.matcher))
            else:
                # Equal, but read again (its file touched, or read while it was
                # settling): kept with this object, which the next run passes by
                # identity (it was compared field by field on every run after).
                kept = (paper, kept[1])
            self.assigned[paper.id] = kept
        return kept[1]

    def related_papers(
        self, content: Content, assignments: Mapping[str, tuple[TopicAssignment, ...]]
    ) -> Mapping[str, tuple[RelatedPaper, ...]]:
        """The related papers each page shows (relatedshown.shown)."""
        # The index redoes only what an edit changed, and answers as a fresh one would.
        try:
            similar = self.related.update(content.papers)
        except BaseException:
            # Interrupted halfway (Ctrl-C, a bug): the index may be half updated.
            self.related = RelatedIndex()
            raise
        result = shown(similar, assignments, self.shown)
        # Only the rows it filtered: the others are the index's own (kept there).
        self.shown = {pid: row for pid, row in result.items() if row is not similar[pid]}
        return result

    def bibtex_entries(
        self, papers: tuple[Paper, ...], changed: frozenset[str] | None = None
    ) -> tuple[dict[str, bytes], dict[str, str]]:
        """export_bibtex.bibtex_by_paper (encoded) and each paper's export_bibtex.citation
        (export_bibtex.entry_texts), reusing those of each unchanged paper; with
        ``changed`` (see assign_topics) looking at those papers only."""
        self.made_from.pop("bibtex", None)  # (until it is complete again)
        patched = _patched(self.views.get("bibtex", {}), papers, changed)
        if patched is not None:
            entries, redo = patched
            citations = dict(self.views["citations"])
            for paper in redo:
                entries[paper.id], citations[paper.id] = self._bibtex(paper)
        else:
            entries, citations = {}, {}
            for paper in papers:
                entries[paper.id], citations[paper.id] = self._bibtex(paper)
        if len(self.bibtex) > len(entries):
            self.bibtex = {pid: self.bibtex[pid] for pid in entries}
        self.views["bibtex"], self.views["citations"] = entries, citations
        return dict(entries), dict(citations)

    def _bibtex(self, paper: Paper) -> tuple[bytes, str]:
        kept = self.bibtex.get(paper.id)
        if kept is None or kept[0] is not paper:  # (see per_paper)
            if kept is None or kept[0] != paper:
                entry, cited = export_bibtex.entry_texts(paper)
                kept = (paper, entry.encode("utf-8"), cited)
            else:
                kept = (paper, kept[1], kept[2])
            self.bibtex[paper.id] = kept
        return kept[1], kept[2]

    def per_paper(
        self,
        kind: str,
        site: Site,
        make: Callable[[Paper, Site], T],
        related: bool = True,
        changed: frozenset[str] | None = None,
    ) -> dict[str, T]:
        """paper id -> make(paper, site), reusing each result whose inputs are unchanged.

        ``make`` may read the paper, its topic assignments and (with ``related``) the
        ids of its related papers, nothing else. With ``changed``, only those papers are
        looked at: every other one's paper, assignments and related rows are the very
        objects of the last result (see `fragments_changed`).
        """
        table = f"fragments[{kind}]"
        self.made_from.pop(table, None)  # (until it is complete again)
        assert changed is None or not related, "which related rows changed is not told"
        store = self.fragments.setdefault(kind, {})
        patched = _patched(self.views.get(table, {}), site.papers, changed)
        out, papers = patched if patched is not None else ({}, site.papers)
        for paper in papers:
            assigned = site.assignments.get(paper.id, ())
            rows = site.related.get(paper.id, ()) if related else ()
            kept = store.get(paper.id)
            # The very objects of the last run (an unchanged paper's, from the memos
            # before) need no comparing; equal ones (a related list whose scores moved)
            # are compared, and kept for the next run's check. (The ids of the related
            # papers are read from the rows when they are: kept beside them, they were
            # 10,000 tuples more to store and read back at 10,000 papers.)
            if kept is None or kept[0] is not paper or kept[1] is not assigned or kept[2] is not rows:
                if (
                    kept is None or kept[0] != paper or kept[1] != assigned
                    or [r.paper for r in kept[2]] != [r.paper for r in rows]
                ):
                    kept = (paper, assigned, rows, make(paper, site))
                else:
                    kept = (paper, assigned, rows, kept[3])
                store[paper.id] = kept
            out[paper.id] = kept[3]
        if len(store) > len(out):
            self.fragments[kind] = {pid: store[pid] for pid in out}
        if related:
            # Not kept: no run is told which related rows changed (`fragments_changed`
            # tells a kind made without them), so nothing would patch it, and at 10,000
            # papers it was 10,000 entries more to store and read back.
            self.views.pop(table, None)
            return out
        self.views[table] = out
        return dict(out)

    def fragments_changed(self, kind: str, delta: curation.Delta | None) -> frozenset[str] | None:
        """per_paper's ``changed`` for a kind made without related papers, after
        assign_topics: the papers the load made anew and those given other topics."""
        changed = self.changed(f"fragments[{kind}]", delta)
        if changed is None or self.reassigned is None:
            return None
        return changed | self.reassigned

    def render(
        self, renderer: Renderer, plan: Plan, intact: set[str]
    ) -> tuple[list[tuple[str, str | bytes | None]], dict[str, bytes]]:
        """Each output's text, or None for a file that is current (see write.py).

        Also returns the page keys to remember once the texts are written.
        """
        texts: list[tuple[str, str | bytes | None]] = []
        keys: dict[str, bytes] = {}
        for output in plan.outputs:
            if isinstance(output, Kept):
                texts.append((output.dest, None))
            elif isinstance(output, PlanPage) and output.dest in plan.signatures:
                # Its signature changed; the rows of its tables may not have.
                rows = PageRows(self.rows.get(output.dest, {}))
                texts.append((output.dest, renderer.render(output, rows)))
                if rows.made:
                    self.rows[output.dest] = rows.made
                else:
                    self.rows.pop(output.dest, None)
            elif isinstance(output, PlanPage):
                # Pages without a signature (home, topic index): few, small contexts.
                key = keys[output.dest] = _page_key(output)
                if self.pages.get(output.dest) == key and output.dest in intact:
                    texts.append((output.dest, None))
                else:
                    texts.append((output.dest, renderer.render(output)))
            elif self.texts.get(output.dest) is output.text and output.dest in intact:
                texts.append((output.dest, None))
            else:
                texts.append((output.dest, output.text))
        return texts, keys


def _patched(
    view: dict[str, V], papers: tuple[Paper, ...], changed: frozenset[str] | None
) -> tuple[dict[str, V], list[Paper]] | None:
    """A copy of ``view`` (a per-paper result keyed by id, made from the load before)
    and the papers of ``papers`` (sorted by id) to redo in it: those ``changed`` names;
    None when every paper is to be walked: ``changed`` is None, or a paper was added or
    removed (the result's order is that of ``papers``, which a patch would not keep)."""
    if changed is None or len(view) != len(papers):
        return None
    redo = []
    for pid in sorted(changed):
        at = bisect.bisect_left(papers, pid, key=_paper_id)
        found = at < len(papers) and papers[at].id == pid
        if found != (pid in view):
            return None
        if found:
            redo.append(papers[at])
    return dict(view), redo


def _paper_id(paper: Paper) -> str:
    return paper.id


def _page_key(page: PlanPage) -> bytes:
    """A digest of everything a page's text is rendered from: its template and context.

    A context is made of frozen dataclasses, tuples, strings and numbers, whose repr
    shows every field, so equal digests mean equal inputs. Keeping the digest instead
    of the context keeps the memo (and the cache file) small.
    """
    text = repr((page.template, page.context)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=20).digest()


# One memo for the life of the process, used unless a caller passes its own: each
# rebuild under `mkdocs serve` (and each rerun in one process) reuses the previous
# one's work. What it returns is always what a fresh run would compute.
PROCESS_MEMO = Memo()
# What else a process keeps between builds, by name (mkdocs_hook.py: the last good
# model and navigation, what partial rebuilds need). Kept here rather than in the hook
# module: MkDocs loads one module per hook path, so the hook's globals would be shared
# by every project built in the process.
PROCESS_STATE: dict[str, object] = {}


def load(
    content_dir: Path, files: curation.FileCache | None = None
) -> tuple[Content, tuple[HandPage, ...], Problems]:
    """Everything curated in ``content_dir``; raises CuratorError on any error."""
    root = content_dir.parent  # problems name files relative to the project folder
    content, problems = curation.load_content(content_dir, root, cache=files)
    if problems.has_errors():  # (a page that is not UTF-8 among them: read it only after)
        raise CuratorError(problems)
    return content, hand_pages(content_dir / "pages", root), problems


def hand_pages(folder: Path, root: Path) -> tuple[HandPage, ...]:
    if not folder.is_dir():
        return ()
    return tuple(
        HandPage(path.stem, read_text(path), Location(path.relative_to(root).as_posix(), 1, 1))
        for path in sorted(folder.glob("*.md"))
        if is_hand_page(path.name)
    )


def is_hand_page(name: str) -> bool:
    """Whether the file ``name`` of content/pages is read as a hand-written page: any
    Markdown file but an Emacs lock (`.#about.md`, a link to nothing). A dot-named one
    (`.draft.md`) is read too, to be said as a mistake: MkDocs would leave it out
    (pages.page_clash)."""
    return name.endswith(".md") and not name.startswith(".#")


def newest_added_epoch(content: Content) -> int:
    """A build time derived from the content itself: midnight of the newest `added`."""
    dates = [p.added for p in content.papers if p.added is not None]
    if not dates:
        return 0
    newest = max(dates)
    return int(
        dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp()
    )


def generate(
    settings: Settings,
    renderer: Renderer | None = None,
    memo: Memo | None = None,
    *,
    save: bool = True,
) -> Result:
    """Generate the docs folder (see the module docstring); raises CuratorError.

    With ``save=False`` a changed memo is left for `store_memo` (``Result.unsaved``).
    """
    # A run makes about a million small objects (the model, page contexts, texts) that
    # hold no reference cycles and mostly live until it ends; the cyclic collector
    # would walk them again and again as they are made, a fifth of the run at 10,000
    # papers. It is switched back on afterwards, for whatever cycles the run left.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(settings, renderer, memo, save)
    finally:
        if was_enabled:
            gc.enable()


def _generate(
    settings: Settings, renderer: Renderer | None, memo: Memo | None, save: bool
) -> Result:
    memo = memo if memo is not None else PROCESS_MEMO
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    stored = False  # whether the cache on disk already holds what this run computes
    if settings.cache_dir is not None and memo.is_empty():
        kept = cache.read(settings.cache_dir)
        if isinstance(kept, Memo):
            memo.adopt(kept)
            stored = True
        lap("cache")
    files = dict(memo.files) if stored else None  # (whether the load reads a file again)
    content, pages, problems = load(settings.content_dir, memo.files)
    reread = files is not None and (
        memo.files.keys() != files.keys() or any(memo.files[p] is not e for p, e in files.items())
    )
    files = None
    # The papers that are not the stored memo's objects: edited (or touched) since it was
    # stored, all of them when it was not read (see _redo).
    redo = _papers_redone(memo, content) if stored else None
    topic_set = memo.topic_set
    lap("load")
    delta = curation.delta(memo.files, settings.content_dir)
    if CHECK_CHANGED:
        _check_changed(memo, content, memo.changed("assigned", delta))
    assignments = memo.assign_topics(
        content, curation.placed(memo.files, settings.content_dir), memo.changed("assigned", delta)
    )
    memo.made("assigned", delta)
    lap("topics")
    related = memo.related_papers(content, assignments)
    lap("related")
    site = Site(content.papers, content.topics, assignments, related)
    epoch = settings.source_date_epoch
    build_epoch = epoch if epoch is not None else newest_added_epoch(content)

    try:
        renderer = renderer or _renderer(
            settings.cache_dir / "templates" if settings.cache_dir is not None else None, settings.language
        )
    except Exception as error:
        _raise_template_error(error, settings)
    if memo.templates != renderer.fingerprint:  # a template was edited: render everything
        memo.forget_pages()
        memo.rows = {}
        memo.templates = renderer.fingerprint
    # Files an earlier run wrote that are still on disk as it left them (one stat each).
    intact = write.intact(
        settings.docs_dir, [*memo.signatures, *memo.pages, *memo.texts, *memo.joined], memo.stamps
    )
    memo.joining = {}  # a run that failed before writing left its own
    join = functools.partial(memo.join, intact=intact)

    bibtex, citations = memo.bibtex_entries(site.papers, memo.changed("bibtex", delta))
    memo.made("bibtex", delta)
    index = memo.index = make_index(site, memo.index)
    csv_lines = memo.per_paper(
        "csv", site, export_csv.csv_line_bytes, related=False, changed=memo.fragments_changed("csv", delta)
    )
    memo.made("fragments[csv]", delta)
    extra = exports.export_files(
        site,
        site_name=settings.site_name,
        site_url=settings.site_url,
        source_date_epoch=build_epoch,
        entries=bibtex,
        csv_lines=csv_lines,
        feeds=memo.feeds,
        join=join,
        members=index.members,
        newest=[index.papers[pid] for pid in index.newest],
        language=settings.language,
    )
    # (Every paper's: which related rows changed is not told yet.)
    lines = memo.per_paper("json", site, paper_line_bytes)
    json_lines = [lines[p.id] for p in sorted(site.papers, key=lambda p: p.id)]
    plan_problems = Problems()
    plan = plan_site(
        site,
        hand_pages=pages,
        bibtex=citations,
        papers_json=join(PAPERS_JSON, json_lines, JSON_FILE),
        reference=reference.schema_reference_markdown(),
        extra_files={
            **extra,
            **schema_files(),
            ICON_STYLESHEET: renderer.icon_stylesheet(),
            **({FORMERLY_SCRIPT: script} if (script := formerly_script(site)) else {}),
        },
        problems=plan_problems,
        previous={dest: sig for dest, sig in memo.signatures.items() if dest in intact},
        planned=memo.signatures,
        layout=memo.layout,
        index=index,
    )
    if plan_problems.has_errors():
        raise CuratorError(plan_problems)
    lap("plan")

    try:
        rendered, keys = memo.render(renderer, plan, intact)
    except Exception as error:
        _raise_template_error(error, settings)
    lap("render")
    try:
        report = write_outputs(settings.docs_dir, rendered, memo.stamps)
    except write.InTheWay as found:
        raise CuratorError(_in_the_way(found, settings)) from None
    except BaseException:
        # Some files may hold this run's text already, with stamps that say so, while
        # the signatures still describe the last run's: trust none of them.
        memo.forget_pages()
        raise
    # Remembered only now that the files hold what they describe.
    memo.pages, memo.signatures, memo.layout = keys, dict(plan.signatures), plan.layout
    memo.written(plan, write.changed_at(settings.docs_dir, memo.joining, memo.stamps))
    lap("write")
    # A run that wrote nothing and read no paper file again leaves the stored memo as
    # good as this one. One that read files again (touched, not edited; the project
    # moved; files too young to keep when the memo was stored) stores it: the stored
    # one would have every later process read them again, and compare each paper
    # field by field, for good (all 10,000 of a moved project), until an edit
    # wrote something.
    unsaved = settings.cache_dir is not None and not (
        stored and not report.written and not report.removed and not reread
    )
    if unsaved and redo is not None and _redo_is_cheap(redo, memo, topic_set, plan, report):
        unsaved = False
    if unsaved and save:
        store_memo(settings, memo)
        lap("save")
        unsaved = False
    return Result(site, plan, report, tuple(problems.warnings), build_epoch, timings, unsaved)


# A run from the stored memo that changed at most this many papers, none of their titles,
# abstracts or links, and planned at most this many pages again, leaves the memo
# unstored (see _redo_is_cheap).
_REDO_PAPERS = 8
_REDO_PAGES = 32


def _papers_redone(memo: Memo, content: Content) -> int:
    """How many of the papers loaded are not the memo's own objects (a paper added or
    removed counts as all of them): the papers a run from this memo reads and plans
    again."""
    if len(memo.assigned) != len(content.papers):
        return len(content.papers) + 1
    assigned = memo.assigned.get
    return sum(1 for paper in content.papers if (assigned(paper.id) or (None,))[0] is not paper)


def _check_changed(memo: Memo, content: Content, changed: frozenset[str] | None) -> None:
    """Tests (CHECK_CHANGED): the papers the load said it made anew are at least those
    that are not the objects the memo's topics were assigned to."""
    if changed is not None:
        made = {p.id for p in content.papers if (memo.assigned.get(p.id) or (None,))[0] is not p}
        gone = memo.assigned.keys() - {p.id for p in content.papers}
        assert made | gone <= changed, (sorted(made | gone - changed), sorted(changed))


def _redo_is_cheap(redo: int, memo: Memo, topic_set: object, plan: Plan, report: WriteReport) -> bool:
    """Whether a run from the stored memo may leave it unstored: storing it costs 0.4-0.6 s
    at 10,000 papers, and the next run from the memo on disk redoes what this one did
    from the files as they are (the papers' files read again, their pages planned and
    compared with the docs folder, found current), which the stored memo is correct for
    (as after a store that failed). Only when this run wrote something of its own: a
    run that wrote nothing is itself a redo (or a project moved, its files touched), and
    stores, so that no later run redoes it again. And only when what is to redo is
    cheap (0.03-0.07 s): a few papers whose titles, abstracts and links did not change
    (notes, status, tags: no related paper is computed again), the topics as they were,
    a few pages planned again. So each run of a sequence of such edits stores at most
    once in _REDO_PAPERS, and a run after it redoes at most that many papers."""
    return (
        bool(report.written)
        and not report.removed
        and redo <= _REDO_PAPERS
        and memo.topic_set is topic_set
        and memo.related.quiet
        and sum(1 for o in plan.outputs if isinstance(o, PlanPage) and o.dest in plan.signatures) <= _REDO_PAGES
    )


def _in_the_way(found: write.InTheWay, settings: Settings) -> Problems:
    """write.InTheWay as a curator's errors, one at each path (the docs folder is the
    generator's, but a curator may have put a folder or a file there)."""
    root = settings.content_dir.parent
    docs = settings.docs_dir.resolve()
    shown = docs.relative_to(root.resolve()).as_posix() if docs.is_relative_to(root.resolve()) else str(docs)
    problems = Problems()
    for dests, what, needed in ((found.folders, "folder", "writes a file"), (found.files, "file", "makes a folder")):
        for dest in dests:
            problems.error(
                Location(f"{shown}/{dest}"),
                f"is a {what}, where the generator {needed} of the site; {shown}/ is generated,"
                f" and nothing the generator did not write is deleted: move the {what} out of"
                f" {shown}/ and run again",
            )
    return problems


def _raise_template_error(error: Exception, settings: Settings) -> NoReturn:
    """Raises a template's mistake as a curator's error (`render.template_error`), any
    other exception as it is."""
    problem = template_error(error, settings.content_dir.parent)
    if problem is None:
        raise error
    raise problem from None


_RENDERERS: dict[str, Renderer] = {}


def _renderer(compiled: Path | None = None, language: str = "en") -> Renderer:
    """A Renderer for the templates as they are now, kept for the life of the process.

    Compiling the templates costs a tenth of a second, on every rerun under `mkdocs
    serve`; an edited template has a new fingerprint, so it gets a new Renderer.
    """
    fresh = Renderer(compiled=compiled, language=language)
    key = f"{fresh.fingerprint}:{compiled}"
    kept = _RENDERERS.get(key)
    if kept is None:
        _RENDERERS.clear()
        kept = _RENDERERS[key] = fresh
    return kept


def store_memo(settings: Settings, memo: Memo | None = None) -> bool:
    """Keep the memo in ``settings.cache_dir`` for the next process (see cache.py).

    The MkDocs hook calls this itself (``generate(save=False)``): under serve at
    shutdown, off the path from an edit to the browser; in a build once the docs are
    written, before it lets the memo go (`release_memo`).
    """
    if settings.cache_dir is None:
        return False
    return cache.write(settings.cache_dir, memo if memo is not None else PROCESS_MEMO)


# Beside the memo: the search index's word forms (lemmas.WordForms), which the index
# asks for after the memo was stored and let go (mkdocs_hook.on_post_build).
WORD_FORMS_FILE = "word-forms.pickle"


def read_word_forms(cache_dir: Path | None) -> None:
    """Give a new process the word forms the last build's search index looked up
    (lemmas.FORMS): a rerun then asks lemminflect only for words it has not seen."""
    if cache_dir is None or lemmas.FORMS.bases or lemmas.FORMS.inflected:
        return  # (a process that looked words up has them, and no fewer)
    kept = cache.read(cache_dir, WORD_FORMS_FILE)
    if isinstance(kept, lemmas.WordForms):
        lemmas.FORMS.bases, lemmas.FORMS.inflected = kept.bases, kept.inflected


def store_word_forms(cache_dir: Path | None) -> bool:
    """Keep the word forms for the next process when a word was looked up since."""
    if cache_dir is None or not lemmas.FORMS.grew:
        return False
    stored = cache.write(cache_dir, lemmas.WordForms(lemmas.FORMS.bases, lemmas.FORMS.inflected), WORD_FORMS_FILE)
    lemmas.FORMS.grew = not stored
    return stored


def release_memo() -> None:
    """Let the process memo go (store it first: `store_memo`). A build that no rebuild
    follows (`readinglist build`, `mkdocs build`) needs none of it while MkDocs builds
    the site, and at 10,000 papers it holds some 250 MB (the related index, the
    exports' texts, the pages' signatures) that were alive at the build's peak, when
    the search index is made. A next run in this process reads it back from the cache,
    as a new process does. Never under `serve`, whose rebuilds reuse it."""
    PROCESS_MEMO.adopt(Memo())


def schema_files() -> dict[str, str]:
    """The JSON Schemas of the curation files, published beside the field reference."""
    return {
        f"schema/{jsonschema.PAPER_SCHEMA_FILE}": jsonschema.schema_text(jsonschema.paper_schema()),
        f"schema/{jsonschema.TOPICS_SCHEMA_FILE}": jsonschema.schema_text(
            jsonschema.topics_schema()
        ),
        f"schema/{export_json.SCHEMA_FILE}": jsonschema.schema_text(export_json.SCHEMA),
    }
