"""Reading the papers folder: each paper file on its own into a PaperDraft, before the
checks across files (crosscheck.py).

Which names in the folder are paper files (an editor's files are skipped, anything else
is reported), each file checked against schema.py (validate.py does the values; reading
the YAML is yamlfile.py's job), and the stamps by which a rerun tells the files changed
since the last load from the rest, so that it reads only those again.
"""

from __future__ import annotations

import datetime
import errno
import functools
import operator
import os
import pickle
import re
import stat
import sys
import time
import zlib
from dataclasses import dataclass, field
from itertools import chain, compress, count
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from .errors import Location, Problem, Problems
from .links import without_subject_class
from .models import Paper, unreadable_pages
from .names import read_as_organisation, shown_braced
from .quoting import quoted
from .schema import MAX_ID_LENGTH, PATTERNS
from .slugs import slugify
from .validate import ACTUAL, PAPER_FIELDS, RecordChecker
from .yamlfile import display, read_yaml
from .yamlio import SYNTAX_ERROR, Map, Node, Refused, Scalar, Seq, parse_past_syntax_errors, top_level_spans

if TYPE_CHECKING:  # (curation.py imports this module; these are only its types)
    from .curation import FileCache, FolderMemo


@dataclass(frozen=True)
class Calendar:
    """What a paper file is judged by that depends on the day: the last year a paper
    may be of (`_warn_future_year`) and the last day it may have been `added`
    (`_warn_future_added`). Taken from the clock, as the year always was; a load memo
    made on another calendar judges nothing (curation._memo_of)."""

    latest_year: int
    latest_added: datetime.date

    @classmethod
    def now(cls) -> Calendar:
        # Asked of the clock once a load, not once a file (7,000 instructions a call,
        # 0.4% of what `check` runs at 10,000 papers). `import` and `add` write the UTC
        # day, a curator their own: the later of the two is today for someone, no typo.
        local = datetime.date.today()
        utc = datetime.datetime.now(datetime.timezone.utc).date()
        return cls(local.year + 1, max(local, utc))


_ARXIV_VERSION = re.compile(r"v[0-9]+$")
# A summary longer than this is no longer one line of a table (see schema "summary").
SUMMARY_LENGTH = 200
# Markdown a curator may write in a summary, which is plain text (shown as typed, its
# marks and all): a link, bold, code. (Not one "*", which a plain sentence may hold; nor
# marks inside a word, as code writes a power, "N**-0.5"; nor "__" around one word, as
# Python's names are written, "__init__": what a sentence meant to show as typed holds.)
_SUMMARY_MARKUP = re.compile(
    r"\[[^\]]+\]\([^)\s]+\)"
    r"|(?<![\w*])\*\*[^\s*][^*]*(?<!\s)\*\*(?![\w*])"
    r"|(?<![\w_])__[^\s_][^_]*\s[^_]*(?<!\s)__(?![\w_])"
    r"|`[^`]+`"
)
# The fields whose nodes a draft keeps, for messages across files to point at (and
# 'topics', to tell a refused value from none: curation._count).
_POINTED_AT = frozenset({"id", "title", "arxiv", "doi", "topics", "citation_key"})


# A paper file's identity on disk: (size, mtime_ns, ctime_ns, inode). The kernel sets
# ctime on every write and no tool can set it back, so an edited file never keeps it.
FileStamp = tuple[int, int, int, int]
# A file modified this recently when it is read may be modified again within the file
# system's timestamp granularity without its stamp changing; it is not kept ("racy git").
_SETTLED_NS = 2_000_000_000
# The stamp of a file that does not exist (no file has it).
MISSING: FileStamp = (-1, -1, -1, -1)


# The field names of the packed drafts, each tuple once (PackedNodes.of): a few dozen
# orders of the fields at most, whatever the number of files.
_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


class PackedNodes(Mapping[str, Node]):
    """A draft's nodes as the memo (build.Memo, cache.py) stores them: pickled on their
    own, as one bytes object, and unpickled only when one is asked for. They serve the
    messages of the checks across files alone, and their 30,000 objects at 10,000 papers
    were a tenth of what a new process reads from the cache, though a rerun after an
    edit asks for those of no file but the ones it reads again. Which fields have a
    node is known without unpickling them (curation._count asks of each file), and
    the draft is stored again with the very bytes. Read-only, as the nodes are."""

    __slots__ = ("names", "packed", "_nodes")

    def __init__(self, names: tuple[str, ...], packed: bytes):
        self.names, self.packed = names, packed
        self._nodes: dict[str, Node] | None = None

    @classmethod
    def of(cls, nodes: Mapping[str, Node]) -> PackedNodes:
        # (The names interned: each file's are strings of their own, read from it. And
        # the tuple shared by the files that give the same fields in the same order,
        # nearly all: stored once, not 10,000 times.)
        names = tuple(map(sys.intern, nodes))
        names = _NAMES.setdefault(names, names)
        return cls(names, pickle.dumps(dict(nodes), protocol=pickle.HIGHEST_PROTOCOL))

    def _unpacked(self) -> dict[str, Node]:
        if self._nodes is None:
            self._nodes = pickle.loads(self.packed)
        return self._nodes

    def __getitem__(self, name: str) -> Node:
        return self._unpacked()[name]

    def get(self, name: str, default: object = None) -> object:  # type: ignore[override]
        return self._unpacked()[name] if name in self.names else default

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __reduce__(self) -> tuple:
        return type(self), (self.names, self.packed)


# The fields of a PaperDraft stored packed (PaperDraft.__getstate__).
_PACKED = frozenset({"nodes", "same_keys"})
# The bytes of a pack's check (zlib.crc32 of the pickle before it).
_CHECK = 4


class DamagedDraft(Exception):
    """A packed draft whose bytes are not those stored: memo.pickle damaged after it was
    written (its header's fingerprint says only which code wrote it). The load that asked
    reads the folder again without the memo (curation.load_content)."""


def _pack(state: tuple[object, ...]) -> bytes:
    packed = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    return packed + zlib.crc32(packed).to_bytes(_CHECK, "little")


def _unpack(packed: bytes) -> tuple:
    """What `_pack` packed; DamagedDraft when ``packed`` is not what it gave. (Unpickled
    unchecked, a flipped byte was other text in the checks' messages, or an error
    mid-run; with the values packed too, as `2c7e5701` packed them, another title on
    the page.)"""
    body = memoryview(packed)[:-_CHECK]
    if len(packed) <= _CHECK or zlib.crc32(body).to_bytes(_CHECK, "little") != packed[-_CHECK:]:
        raise DamagedDraft
    try:
        return pickle.loads(body)
    except Exception as error:  # (no checksum catches every damage: CRC-32 does one of 2**32)
        raise DamagedDraft from error


@dataclass
class PaperDraft:
    """A paper file as read on its own, before the cross-checks."""

    shown: str  # the file's path as problems show it
    values: dict[str, object] = field(default_factory=dict)
    # The values in _POINTED_AT (PackedNodes once stored in the memo and read back).
    nodes: Mapping[str, Node] = field(default_factory=dict)
    usable: bool = False  # id and title are valid
    # What crosscheck's _same_papers compares, per SAME_PAPER_KEYS ("" when absent):
    # worked out once per file, so a rerun that reuses the draft does not fold 10,000
    # titles again.
    # (A factory, not a default: a class attribute would answer for a packed draft's
    # own, which __getattr__ unpacks.)
    same_keys: tuple[str, ...] = field(default_factory=tuple)
    # The Paper last built from this draft, with the checked ids it was built from: a
    # rerun that reuses the draft reuses the Paper when they are the same. It is the
    # very object build.Memo keys its topics by, so pickling both costs one copy.
    built: tuple[tuple[tuple[str, ...], ...], Paper] | None = field(
        default=None, compare=False, repr=False
    )

    def __getstate__(self) -> dict:
        # Stored in the memo (build.Memo, cache.py) with what only the checks across
        # files read (its nodes and keys) pickled on their own, as one bytes object
        # with its check (`_pack`), unpickled when one of them is first asked for
        # (__getattr__): a rerun after an edit asks for those of the files it reads
        # again and no other (curation._load_again). A draft read back and stored again
        # unasked keeps its very bytes. Its values stay whole: their strings are its
        # Paper's, stored once; packed too, they were copied (memo.pickle 107.7 ->
        # 123.1 MB at 10,000 papers) and the memo no faster to store or read
        # (BENCHMARKS.md, the fifty-fourth session's packed drafts reviewed).
        state = self.__dict__.copy()
        if "_packed" not in state:
            nodes = state.pop("nodes")
            packed = (nodes if isinstance(nodes, PackedNodes) else PackedNodes.of(nodes), state.pop("same_keys"))
            state["_packed"] = _pack(packed)
        return state

    def __getattr__(self, name: str) -> object:
        # Asked only for an attribute that is not there: a packed draft's (see
        # __getstate__), unpacked once, in place. (Dropped only once unpacked: a damaged
        # one says so again when asked again, never that it has no such field.)
        packed = self.__dict__.get("_packed") if name in _PACKED else None
        if packed is None:
            raise AttributeError(name)
        self.nodes, self.same_keys = _unpack(packed)
        del self.__dict__["_packed"]
        return self.__dict__[name]

    @functools.cached_property  # (asked 17 times a file by the checks across files)
    def id(self) -> str | None:
        """The id the file gives; asked only once `values` is set (read_paper), which
        never changes after."""
        value = self.values.get("id")
        return value if isinstance(value, str) else None

    @property
    def stem(self) -> str:
        """The file's name without ``.yml``: the id it is meant to have."""
        return self.shown.rpartition("/")[2].removesuffix(".yml")


def read_papers(
    papers_dir: Path,
    root: Path,
    problems: Problems,
    cache: FileCache | None = None,
    memo: FolderMemo | None = None,
    calendar: Calendar | None = None,
) -> tuple[list[PaperDraft], Files]:
    files = Files(display(papers_dir, root) + "/")
    if not papers_dir.is_dir():
        return [], files
    prefix = files.prefix
    now = time.time_ns()
    files.folder_stamp = settled_stamp(papers_dir, now)  # before listing: see Files
    with os.scandir(papers_dir) as entries:
        listing = sorted(entries, key=_name_of)
    files.listed = frozenset(entry.name for entry in listing)
    seen: set[str] = set()
    told: dict[str, str] = {}  # the name a file with another ending is told -> that file
    calendar = calendar if calendar is not None else Calendar.now()
    for entry in listing:
        name, path = entry.name, entry.path
        if editors_file(name):  # (and atomic_write's temporary files, dot-named)
            continue
        before = len(problems.items)
        is_file = _entry_is_file(entry)
        if not name.endswith(".yml") or not is_file:
            stem = name.rpartition(".")[0]
            # (A name that is no id, 'My Paper.yaml', is told the name an id can have:
            # renamed to 'My Paper.yml' as told, it was refused again; one whose file gives
            # a valid id, that id's (`_id_inside`). A name another file has, or another
            # file was told, is not told: renamed so, this one replaced that one.)
            right = (stem if is_id(stem) else slugify(stem)) + ".yml"
            if is_file and _another_ending(name):
                right = _id_inside(path, prefix + name) or right
            hint = (
                (
                    f"; {prefix + right} is there already: copy into it what this one adds, then delete this one"
                    if right in files.listed
                    else f"; {prefix + told[right]} is to be named {quoted(right)} too: copy into it what"
                    " this one adds, then delete this one"
                    if right in told
                    else f"; rename it to {quoted(right)}"
                )
                if is_file and _another_ending(name)
                else "" if is_file else f" ({_not_a_file(entry, prefix)})"
            )
            if is_file and _another_ending(name):
                told.setdefault(right, name)
            problems.error(
                Location(prefix + name, 1, 1),
                f"not read: {prefix} holds only paper files named <id>.yml{hint}",
            )
            files.unread.append(name)
            files.problems[name] = tuple(problems.items[before:])
            continue
        shown, stem = prefix + name, name[: -len(".yml")]
        stamp: FileStamp | None = None
        if cache is None or memo is None:
            draft = read_paper(entry, shown, stem, problems, calendar)
            found = tuple(problems.items[before:])
        else:
            seen.add(path)
            info = os.stat(path)
            stamp = stamp_of(info)
            kept = cache.get(path)
            if kept is not None and kept[0] == stamp and kept[1].shown == shown:
                if kept[3] is not memo:  # one memo per folder, found from any entry
                    cache[path] = (stamp, kept[1], kept[2], memo)
                # The kept stamp, not an equal one: pickled once, with the entry.
                stamp, draft, found = kept[0], kept[1], kept[2]
                problems.items.extend(found)
            else:
                draft = read_paper(entry, shown, stem, problems, calendar, info.st_size)
                found = tuple(problems.items[before:])
                stamp = keep(cache, memo, path, stamp, draft, found, now)
        files.names.append(name)
        files.stamps.append(stamp)
        files.drafts.append(draft)
        if found:
            files.problems[name] = found
    if cache is not None:
        # The cache holds this folder as just read: the files gone from it are forgotten,
        # and so is every entry of another folder. No load of this one reads those, yet
        # the memo kept them and stored them with it for good: the same folder spelled
        # otherwise (a relative path, then the absolute one), or moved (a CI checkout,
        # a renamed project), doubled the cache file, and its reading, each time.
        for path in [p for p in cache if p not in seen]:
            del cache[path]
    return files.drafts, files


_name_of = operator.attrgetter("name")
stamp_of = operator.attrgetter("st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")


@dataclass
class Files:
    """A papers folder as one load found it: what curation's `_load_again` needs to tell
    which files changed since, and to list the problems of every file in the same order."""

    prefix: str  # the folder as problems show it, with a final "/"
    # The folder's stamp, taken before listing it (None if it had not settled). Adding,
    # removing or renaming a name sets the folder's mtime and ctime, so while the stamp
    # is the same the folder holds the same names, and it need not be listed again.
    folder_stamp: FileStamp | None = None
    listed: frozenset[str] = frozenset()  # every name in the folder, dot files too
    # The paper files (named *.yml, and files) in the order read, with each one's stamp
    # (None when it had not settled: it is read again) and its draft.
    names: list[str] = field(default_factory=list)
    stamps: list[FileStamp | None] = field(default_factory=list)
    drafts: list[PaperDraft] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # the other names, each reported
    problems: dict[str, tuple[Problem, ...]] = field(default_factory=dict)  # name -> any

    def file_problems(self) -> list[Problem]:
        """Every file's own problems, in the order a load lists the files."""
        return list(chain.from_iterable(self.problems[name] for name in sorted(self.problems)))


def settled_stamp(path: Path, now: int, missing: FileStamp | None = None) -> FileStamp | None:
    """The stamp of ``path``; ``missing`` when there is no such file; None when it
    changed too recently."""
    try:
        stamp = stamp_of(os.stat(path))
    except FileNotFoundError:
        return missing
    return stamp if now - max(stamp[1], stamp[2]) > _SETTLED_NS else None


def keep(
    cache: FileCache,
    memo: FolderMemo,
    path: str,
    stamp: FileStamp,
    draft: PaperDraft,
    found: tuple[Problem, ...],
    now: int,
) -> FileStamp | None:
    """Remember a paper file just read in the FileCache, if it has settled; its stamp
    then, else None."""
    if now - max(stamp[1], stamp[2]) > _SETTLED_NS:
        cache[path] = (stamp, draft, found, memo)
        return stamp
    cache.pop(path, None)
    return None


def changed_files(
    folder: str, files: Files, now: int
) -> tuple[FileStamp | None, list[tuple[int, FileStamp]]] | None:
    """The folder's settled stamp now, and the paper files whose stamp differs from
    the last load's: (position in ``files``, new stamp). None when the folder does not
    hold the names it held (dot files aside), or a file became a folder or the reverse.

    This is the one pass over every file a rerun makes, so it is made of passes in C
    (`map`, list comparison): one stat per file, no path objects, no sorting.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        folder_stamp: FileStamp | None = stamp_of(os.fstat(fd))
        if folder_stamp != files.folder_stamp:
            listed = os.listdir(fd)
            if len(listed) != len(files.listed) or not files.listed.issuperset(listed):
                if any(name[0] != "." for name in files.listed.symmetric_difference(listed)):
                    return None
            if now - max(folder_stamp[1], folder_stamp[2]) <= _SETTLED_NS:
                folder_stamp = None
        try:
            # Each stat result is dropped as soon as its stamp is taken: keeping 10,000
            # of them costs more in memory traffic than the stamps themselves.
            stamps = list(map(stamp_of, map(functools.partial(os.stat, dir_fd=fd), files.names)))
        except OSError:  # a file gone since the listing, a dangling link, a loop of links
            return None
        for name in files.unread:  # names reported as not paper files: still not
            # (nor one with another ending, whose name to give it is read from it: its id)
            if (name.endswith(".yml") or _another_ending(name)) and _is_file(name, fd):
                return None
        if stamps == files.stamps:
            return folder_stamp, []
        changed = []
        for at in compress(count(), map(operator.ne, stamps, files.stamps)):
            if not _is_file(files.names[at], fd):  # a folder or a link to one, now
                return None
            changed.append((at, stamps[at]))
        return folder_stamp, changed
    finally:
        os.close(fd)


def _is_file(name: str, dir_fd: int) -> bool:
    """`DirEntry.is_file` for a name in the folder ``dir_fd`` is open on."""
    try:
        return stat.S_ISREG(os.stat(name, dir_fd=dir_fd).st_mode)
    except OSError:  # gone, a link to nothing, a loop of links
        return False


def _entry_is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:  # a loop of links: "too many levels of symbolic links"
        return False


def _not_a_file(entry: os.DirEntry, prefix: str) -> str:
    """What a listed name that is no file is, for the curator; ``prefix``: the folder
    listed, as shown."""
    try:
        if entry.is_dir():
            # (A lab sorting its papers by year, content/papers/2023/: told only "this is
            # a folder", the curator did not learn that its papers were left out, nor how
            # to have them read.)
            held, nested = _paper_files_in(entry.path)
            if not held:
                return "this is a folder"
            files, them = ("1 paper file", "it") if held == 1 else (f"{held} paper files", "them")
            inside = (
                "" if not nested else ", in folders inside it" if nested == held
                else f", {nested} of them in folders inside it"
            )
            return (
                f"this is a folder, holding {files} the list does not read{inside}: move {them}"
                f" into {prefix} itself; topics and tags group papers, not folders"
            )
        os.stat(entry.path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "this is a link in a loop of links"
        return "this is a link to nothing"
    return "this is no regular file"


def _warn_unreadable_pages(tree: Map, values: Mapping[str, object], problems: Problems) -> None:
    """A warning at `pages` for each piece of it no publication has (models.unreadable_pages:
    "12-", "15--12"), which the import leaves out of a record: typed by hand, it went into
    the citation and the page's byline in silence. A warning, as the import's is: the
    citation prints it as written, and the curator may know better. Text with no page
    number ("in press", "to appear") is the paper's state, which the import keeps as
    written: no warning, or every paper an import wrote so would draw one that only
    deleting what the source said could silence."""
    pages = values.get("pages")
    if not isinstance(pages, str) or (node := tree.get("pages")) is None:
        return
    for piece, why in unreadable_pages(pages, words=False):
        problems.warning(
            node.loc,
            f"'pages' {quoted(piece)} {why}: the citation prints it as written; write the pages"
            " as a reader finds them (a range first--last, 12--19; one page, 12), or remove it",
        )


def read_paper(
    path: os.PathLike[str],
    shown: str,
    stem: str,
    problems: Problems,
    calendar: Calendar | None = None,
    size: int | None = None,
) -> PaperDraft:
    """The draft of one paper file, judged by ``calendar`` (today's, by default);
    ``size`` as `read_yaml` takes it."""
    draft = PaperDraft(shown)
    before = len(problems.items)
    tree, text = read_yaml(path, shown, problems, size)
    unread: frozenset[str] = frozenset()
    if tree is None and text and any(p.message.startswith(SYNTAX_ERROR) for p in problems.items[before:]):
        tree, unread = _past_syntax_errors(text, shown, problems, before)
    if not isinstance(tree, Map):
        if tree is not None or len(problems.items) == before:
            no_mapping(tree, shown, problems)
        return draft
    # (Said only of a file without an id: the name is not looked at for the others.)
    fills = (
        {"id": f"; write 'id: {stem}', its file's name"}
        if tree.get("id") is None and is_id(stem) else {}
    )
    draft.values, draft.usable = RecordChecker(problems, text, stem).record(tree, PAPER_FIELDS, fills=fills)
    # A file with a field YAML cannot read is no paper of the site yet, as one that
    # cannot be read at all: nothing is said of it that the field's value might undo;
    # nor is it compared with the other files (a DOI or a year YAML cannot read may be
    # what tells two papers of one title apart).
    # (An id written as a name, validate.Miswritten, is said across files.)
    draft.usable = draft.usable and not unread and draft.id is not None
    draft.same_keys = _same_keys(draft.values) if not unread else ()
    if unread.intersection(("venue", "publisher")):
        pass  # (where it is printed is not known: its parts without a venue say nothing)
    elif draft.values.get("venue_kind") and not str(draft.values.get("venue") or "").strip():
        problems.warning(
            tree.get("venue_kind").loc,  # type: ignore[union-attr]
            "'venue_kind' says what the venue is, but the paper has no venue: the citation"
            " ignores it; add the venue or remove the kind",
        )
    where = (
        str(draft.values.get("venue") or "").strip() or str(draft.values.get("publisher") or "").strip()
        or unread.intersection(("venue", "publisher"))
    )
    for name in ("volume", "number", "pages"):
        if str(draft.values.get(name) or "").strip() and not where:
            problems.warning(
                tree.get(name).loc,  # type: ignore[union-attr]
                f"'{name}' says where in its venue the paper is, but the paper has no venue"
                " (nor a publisher): add the venue, or the citation reads as a work of its own",
            )
    _warn_unreadable_pages(tree, draft.values, problems)
    _warn_cut_off(tree, text, problems, before)
    calendar = calendar if calendar is not None else Calendar.now()
    _warn_future_year(draft.values, tree, problems, calendar.latest_year)
    _warn_future_added(draft.values, tree, problems, calendar.latest_added)
    _warn_tex_accents(tree, problems)
    _warn_organisation_as_person(tree, problems)
    summary = " ".join(str(draft.values.get("summary") or "").split())
    if len(summary) > SUMMARY_LENGTH:
        problems.warning(
            tree.get("summary").loc,  # type: ignore[union-attr]
            f"'summary' has {len(summary)} characters: it is one sentence under the title in"
            f" every table that lists the paper; keep it under {SUMMARY_LENGTH} and write the"
            " rest in 'notes'",
        )
    if marked := _SUMMARY_MARKUP.search(summary):
        problems.warning(
            tree.get("summary").loc,  # type: ignore[union-attr]
            f"'summary' is plain text, shown as typed: {quoted(marked.group())} keeps its marks on the"
            " site; write the sentence without Markdown ('notes' takes Markdown, links too)",
        )
    # Only what the cross-checks point at is kept, so the rest of the tree can go.
    draft.nodes = {key.text: value for key, value in tree.entries if key.text in _POINTED_AT}
    # (An id that is not the file's name is said across files: how to make them agree
    # depends on which files there are, crosscheck._check_file_names.)
    return draft


def no_mapping(tree: Node | None, shown: str, problems: Problems) -> None:
    """What a paper file holding no mapping of fields is told (``tree`` None: nothing at
    all), by `check` and by `import`, which reads the papers before it merges: it said
    "a paper file must be a mapping of fields" of an empty file, and nothing of one
    after another file's error."""
    if tree is None:
        problems.error(Location(shown, 1, 1), "the file is empty; a paper needs an id and a title")
    else:
        problems.error(tree.loc, f"a paper file must be a mapping of field: value, not {ACTUAL[tree.kind]}")


def _warn_cut_off(tree: Map, text: str, problems: Problems, before: int) -> None:
    """Warn of a file that ends right after a key with no value and no line end
    ("authors:" and then nothing), as a file cut off by an interrupted copy or paste
    does: the key reads as an empty field, and the file passed `check` without a word
    while its authors were gone. (With a line end after it, the file is as an editor
    saves a field left empty, as ``authors: null`` or ``~`` says it on purpose; a mistake
    already said at that line, "required field 'title' is empty", is not said again.)"""
    if not text.rstrip(" \t").endswith(":"):
        return  # (most files: one look at their end)
    key, node = None, tree
    while True:
        if isinstance(node, Map) and node.entries:
            key, node = node.entries[-1]
        elif isinstance(node, Seq) and node.items:
            key, node = None, node.items[-1]
        else:
            break
    if key is None or not isinstance(node, Scalar) or node.text is not None or node.quoted:
        return
    if any(problem.location.line in (key.line, node.line) for problem in problems.items[before:]):
        return
    name = key.text
    problems.warning(
        key.loc,
        f"the file ends at '{name}:', with no value and no line end: was it cut off? write its"
        f" value (git diff shows what the file held), or remove '{name}:'",
    )


def _paper_files_in(folder: str) -> tuple[int, int]:
    """How many paper files (<name>.yml, or .yaml and other endings the papers folder
    names `_another_ending`) ``folder`` holds, in its folders too, and how many of them
    are in those folders. As the papers folder is read: an editor's or hidden file or folder
    (`editors_file`: .git, .obsidian, a swap file) is none; a folder not readable holds
    none. (Counted in the folder alone, content/papers/2023/q1/x.yml was "this is a
    folder" of 2023/, and a hidden .x.yml or an x.yaml miscounted.)"""
    held = nested = 0
    for here, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not editors_file(name)]
        found = sum(
            1 for name in names
            if not editors_file(name) and (name.endswith(".yml") or _another_ending(name))
        )
        held += found
        nested += found if here != folder else 0
    return held, nested


def _another_ending(name: str) -> bool:
    """Whether ``name`` is a paper file's with an ending other than .yml ('x.yaml', 'x.YML')."""
    stem, dot, ending = name.rpartition(".")
    return bool(dot and stem) and ending.lower() in ("yaml", "yml") and ending != "yml"


def _id_inside(path: str, shown: str) -> str | None:
    """The valid id a paper file written with another ending ('uber-copy.yaml', a copy
    of task-vectors.yml) gives, if it can be read: its name is to be that id. Told the
    name it had ('uber-copy.yml'), the curator renamed it, and was then told that the
    name does not match the id inside."""
    try:
        node, _ = read_yaml(path, shown, Problems())  # (its own mistakes: said once it is named so)
    except OSError:
        return None
    found = node.get("id") if isinstance(node, Map) else None
    text = found.text if isinstance(found, Scalar) else None
    return f"{text}.yml" if isinstance(text, str) and is_id(text) else None


def is_id(text: str) -> bool:
    """Whether ``text`` (a file's name without .yml) may be a paper's id."""
    return bool(re.fullmatch(PATTERNS["id"], text)) and len(text) <= MAX_ID_LENGTH


# A line that starts a field of a paper file ("title: ...", "links:"), and the field's name.
_FIELD_START = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


# A paper's field written without the space after its colon ("title:A Study", a syntax
# error that says so): the field is there, its value unread.
_GLUED_FIELD = re.compile(r"([a-z_]+):(?=\S)")


def _glued_field(line: str) -> re.Match[str] | None:
    """The field a line starts without a space after its colon; None for another word
    ("https://...", a line of an address, is no field)."""
    found = _GLUED_FIELD.match(line)
    return found if found is not None and found.group(1) in PAPER_FIELDS else None


def _past_syntax_errors(
    text: str, shown: str, problems: Problems, before: int
) -> tuple[Node | None, frozenset[str]]:
    """The file read without the fields that hold a YAML syntax error, each of which
    stands there as a value the reader refused (no "missing required field"), and their
    names ("" for a line left out that starts no field); (None, ∅) when that cannot be
    done (yamlio.parse_past_syntax_errors).

    A colon in an unquoted abstract hid a year that is no year, an unknown topic, a
    link that is no address... until it was fixed: each field at the start of a line is
    read by YAML apart from the others."""
    lines = text.split("\n")
    tree, blanked = parse_past_syntax_errors(
        text, shown, problems, top_level_spans(lines), set(problems.items[before:])
    )
    if not isinstance(tree, Map):
        return None, frozenset()
    refused, names = [], set()
    written = set(tree.keys())
    for start, end in blanked:
        field = _FIELD_START.match(lines[start]) or _glued_field(lines[start])
        names.add(field.group(1) if field is not None else "")
        if field is not None:
            key = Scalar(field.group(1), shown, start + 1, 1)
            refused.append((key, Refused(None, shown, start + 1, field.end() + 1)))
        # A field indented by mistake under the one above ("  venue: JMLR" under "year:
        # 2023", the syntax error said at it) is in that field's lines: it is written too,
        # its value unread, not missing ("missing required field 'title'", "the paper has no
        # venue: add the venue"). (No field's value holds a key of a paper's name; a line
        # of an abstract's text that reads as one only keeps that field from being missed.)
        for at in range(start + 1, end):
            indent = len(lines[at]) - len(lines[at].lstrip(" "))
            inner = _FIELD_START.match(lines[at], indent)
            if inner is None or inner.group(1) not in PAPER_FIELDS or inner.group(1) in written | names:
                continue
            names.add(inner.group(1))
            key = Scalar(inner.group(1), shown, at + 1, indent + 1)
            refused.append((key, Refused(None, shown, at + 1, inner.end() + 1)))
    return Map((*tree.entries, *refused), tree.path, tree.line, tree.col), frozenset(names)


def _warn_tex_accents(tree: Map, problems: Problems) -> None:
    """TeX in a name, title or venue copied from a .bib file into the YAML is shown as
    typed ("Sch{\\"o}lkopf", "{BERT}"): say the value with its letters. (An import
    writes the letters; the abstract and notes may hold TeX meant as typed.) An author
    braced whole, "{Hugging Face}", is no such TeX: the braces say the name is one unit,
    an organisation's, which the citations write whole (`names.shown_braced`), and the
    pages show it without them; TeX inside them is said, the braces kept."""
    for name in ("title", "authors", "editors", "venue", "publisher"):
        node = tree.get(name)
        items = node.items if isinstance(node, Seq) else [node]
        for number, item in enumerate(items, 1):
            if not isinstance(item, Scalar) or not ("\\" in (item.text or "") or "{" in (item.text or "")):
                continue
            from .latex import tex_accent  # (imported late: pylatexenc, for such a value only)

            text = item.text or ""
            # (As the pages show it: "{Allen {AI}}" is "Allen AI", its inner braces, which
            # group plain text, not shown; a TeX command's, "{Fran\\c{c}ois Lab}", are.)
            whole = shown_braced(text.strip()) if name in ("authors", "editors") else None
            if (found := tex_accent(text if whole is None else whole)) is None:
                continue
            if whole is not None:
                found = (found[0], f"{{{found[1]}}}")
            what = f"{quoted(name)} item {number}" if isinstance(node, Seq) else quoted(name)
            problems.warning(
                item.loc,
                f"{what} holds TeX ('{found[0]}'), which the site shows as typed;"
                f" write '{found[1]}'",
            )


def _warn_organisation_as_person(tree: Map, problems: Problems) -> None:
    """A name written without braces that no word of it marks as an organisation's but
    that reads as one all the same ("Hugging Face", `names.read_as_organisation`) is
    cited whole, as an organisation's, by the BibTeX and COinS (`names.cited_whole`): a
    guess, so say how to write either, braced to say it is one (which silences this),
    surname first to say it is a person's, whom the citations then cite as one. Of the
    authors and of the editors."""
    for name in ("authors", "editors"):
        _warn_organisations_in(name, tree.get(name), problems)


def _warn_organisations_in(field: str, node: Node | None, problems: Problems) -> None:
    """`_warn_organisation_as_person` of the list ``field`` (its ``node``)."""
    if not isinstance(node, Seq):
        return
    for number, item in enumerate(node.items, 1):
        if not isinstance(item, Scalar) or not item.text or not read_as_organisation(item.text):
            continue
        *given, surname = item.text.split()
        name = " ".join(item.text.split())
        problems.warning(
            item.loc,
            f"'{field}' item {number} '{name}' may be an organisation's name (each word a word of"
            f" the dictionary), which the citations cite whole, as one: if it is, write it in braces,"
            f" \"{{{name}}}\" (quoted), to say so; if it is a person's, surname first,"
            f" '{surname}, {' '.join(given)}', which they cite as a person's",
        )


def _warn_future_year(
    values: Mapping[str, object], tree: Map, problems: Problems, latest: int | None = None
) -> None:
    """A year after next year is a typo (2051 for 2015, 2102 for 2021): no paper is
    published then, and the list would sort and cite it so without a word. Next year is
    none (a paper accepted for next year's conference, added in December)."""
    year = values.get("year")
    if latest is None:
        latest = datetime.date.today().year + 1
    if isinstance(year, int) and year > latest:
        problems.warning(
            tree.get("year").loc,  # type: ignore[union-attr]
            f"'year' is {year}, after {latest}: a paper from the future? Check it for a typo"
            " (two digits swapped)",
        )


def judged_alike(values: Mapping[str, object], one: Calendar, other: Calendar) -> bool:
    """Whether a file of these values is judged alike by either calendar: what
    `_warn_future_year` and `_warn_future_added` say of it is the same (nothing, or the
    same words: they name the calendar's year or day). Most files: a new day changes the
    verdict only of a file whose `added` is after the earlier day, a new year only of
    one whose `year` is after the earlier last year."""
    year, added = values.get("year"), values.get("added")
    if one.latest_year != other.latest_year and isinstance(year, int):
        if year > min(one.latest_year, other.latest_year):
            return False
    if one.latest_added != other.latest_added and isinstance(added, datetime.date):
        return added <= min(one.latest_added, other.latest_added)
    return True


def _warn_future_added(
    values: Mapping[str, object], tree: Map, problems: Problems, today: datetime.date
) -> None:
    """An `added` day after today is a typo (2027-01-05 for 2026-01-05): the paper would
    head the home page's recently added papers and the feeds until that day."""
    added = values.get("added")
    if not isinstance(added, datetime.date) or added <= today:
        return
    try:
        meant = added.replace(year=today.year)  # the year typed wrong, the day right
    except ValueError:  # (29 February)
        meant = None
    suggested = (
        f" ({meant.isoformat()}, if the year is the typo)"
        if meant is not None and added.year != today.year and meant <= today
        else ", today or before"
    )
    problems.warning(
        tree.get("added").loc,  # type: ignore[union-attr]
        f"'added' is {added.isoformat()}, after today ({today.isoformat()}): until then the"
        f" paper heads the recently added papers and the feeds; write the day it joined the"
        f" list{suggested}",
    )


def editors_file(name: str) -> bool:
    """Whether a file is an editor's, not the curator's: a swap or lock file (.name),
    a backup (name~), an autosave (#name#), or vim's "4913" probe of a folder."""
    return (
        name.startswith(".") or name.endswith("~") or name == "4913"
        or (name.startswith("#") and name.endswith("#"))
    )


def normalised_title(title: str) -> str:
    """A title exactly as the importer compares titles (matchkeys.normalise_title: TeX
    read as text, case, accents and punctuation folded): two files the importer takes
    for one paper are one here, and two it keeps apart ("Y" and "Y_") are two."""
    from .matchkeys import normalise_title  # imported late: reruns reuse the keys

    return normalise_title(title)


def joined_title(title: str) -> str:
    """A title as the importer compares it (`normalised_title`), its words written
    together (matchkeys.joined_title): "ReAct" and "Re-Act" are one."""
    from .matchkeys import joined_title

    return joined_title(normalised_title(title))


def _joined_normalised(normalised: str) -> str:
    from .matchkeys import joined_title  # (imported already: by normalised_title)

    return joined_title(normalised)


# Field, the reason given, what two files must share to be one paper, and whether that
# makes them one for sure (an error) or likely (a warning: a hyphen may be all that tells
# two short titles apart). A title's keys are made from its `normalised_title`, which
# `_same_keys` makes once for both (a tenth of a second of `check` at 10,000 papers).
SAME_PAPER_KEYS = (
    ("arxiv", "the same arXiv id", lambda value: without_subject_class(_ARXIV_VERSION.sub("", value)), True),
    ("doi", "the same DOI", str.casefold, True),
    ("title", "the same title", str, True),
    ("title", "the same title but for a hyphen or space", _joined_normalised, False),
)


def _same_keys(values: Mapping[str, object]) -> tuple[str, ...]:
    title = values.get("title")
    normalised = {"title": normalised_title(title)} if isinstance(title, str) else {}
    keys = []
    for name, _, key_of, _ in SAME_PAPER_KEYS:
        value = normalised.get(name, values.get(name))
        keys.append(key_of(value) if isinstance(value, str) else "")
    return tuple(keys)

