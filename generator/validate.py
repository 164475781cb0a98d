"""Checking one record of a curation file against its fields in schema.py.

A `RecordChecker` turns a located mapping (yamlio) into field name -> typed value,
reporting each value that is not of its field's kind with the value's location. It
knows nothing of other files: whether an id refers to an existing paper or topic is
decided later, in crosscheck.py, so id lists come back as their located nodes. What a
mistyped name most plausibly meant is typos.py's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import sys
import unicodedata
from collections import Counter
from typing import Callable, Collection, Sequence
from urllib.parse import urlsplit

from . import lazyre, schema
from .charclass import CharClass
from .digits import ascii_digits
from .errors import Location, Problems
from .escape import markdown_notices
from .links import arxiv_mistake, classify, glued_ending, https_form, misspelt_host, read_id, sandbox_warning, unreachable_warning
from .models import LINK_KINDS, OTHERS, Link
from .paperyaml import double_quoted, scalar as yaml_scalar
from .quoting import quoted
from .schema import Field
from .slugs import latin_folded
from .typos import closest, did_you_mean, nearest
from .yamlio import Map, Node, Refused, Scalar, Seq, char_name, comment_after, no_space_item, parse

# The lists of people's names, checked alike: "et al." for `others`, a name typed twice
# in a row, names written surname first split at their commas.
PEOPLE = ("authors", "editors")

INVALID = object()  # a value that was reported; the record keeps its default instead

PAPER_FIELDS = {f.name: f for f in schema.PAPER_FIELDS}
TOPIC_FIELDS = {f.name: f for f in schema.TOPIC_FIELDS}
# A topic's fields but its keywords: one of them as a keyword is a line indented a step
# too far, under 'keywords:' (topicsfile._warn_fields_as_keywords).
_TOPIC_KEYS = frozenset(TOPIC_FIELDS) - {"keywords"}
_LINK_FIELDS = {f.name: f for f in schema.LINK_FIELDS}
_CODE_ONLY_LINK_FIELDS = frozenset({"official"})
_OTHER_LINK_FIELDS = {n: f for n, f in _LINK_FIELDS.items() if n not in _CODE_ONLY_LINK_FIELDS}
_WEIGHT = Field("weight", "number", "")


def _weight_means(phrase: str) -> str:
    """What a keyword's weight does (topics.py's score), and one written as a number:
    "high" or "strong" says how much it counts, not by how much. The example is written as
    it must be pasted: a keyword holding ": " or " #", or starting with "#", "*" or "'",
    quoted (`paperyaml.scalar`); written bare, "c #: 2" is read as the text 'c', "#x: 2" as
    nothing, and "a: b: 2" is no YAML."""
    from .topics import MAX_REPEATS, TITLE_BONUS  # imported late: only such a mistake needs it

    return (
        f": a keyword's weight is what each mention of it in a paper's title or abstract (up to"
        f" {MAX_REPEATS}) adds to the topic's score, with {TITLE_BONUS:g} times the weight more when the"
        " title has it; a paper gets the topic when its score reaches the topic's 'threshold' (1 if"
        f" left out), and a negative weight counts against it: write e.g. '{yaml_scalar(phrase)}: 2'"
    )

# Used with fullmatch: Python's `$` also matches before a final newline, ECMA's does not.
_PATTERNS = {kind: lazyre.compile(pattern) for kind, pattern in schema.PATTERNS.items()}
_FORBIDDEN = lazyre.compile(f"[{schema.FORBIDDEN_CHARS}]")
_FORBIDDEN_IN = CharClass(_FORBIDDEN)  # (asked of every text value)
_NOT_IN_URL = lazyre.compile(f"[{schema.FORBIDDEN_CHARS}\\s\u200b-\u200f\u2060-\u2064]")
_SCHEME = lazyre.compile(r"^[A-Za-z][A-Za-z0-9+.-]*$")
# What an http(s) URL holds before its host's '@' (the last one before its path).
_USERINFO = lazyre.compile(r"(?i)https?://([^/?#]*@)")
_HTTP = lazyre.compile(r"(?i)https?://")
# (Its scheme may be left out: a browser's address bar hides it.)
_DOI_PREFIX = lazyre.compile(r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ARXIV_PREFIX = lazyre.compile(
    r"^(?:arxiv(?::\s*|\s+)|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE
)
# An identifier (ending in a digit, as every one does) and a version after it.
_ARXIV_VERSION = lazyre.compile(r"(.*[0-9])[vV]([^/]*)")
# An "&" with a letter or digit right before or after it ("Q&A", "adapter&frozen").
_GLUED_AND = lazyre.compile(r"(?<=[^\W_])&(?!&)|(?<!&)&(?=[^\W_])")
_WORDY = lazyre.compile(r"[A-Za-z0-9]")


def _unread_letters(text: str) -> tuple[str, ...]:
    """The letters and digits of ``text`` that keyword matching does not read: topics.py
    reads only a-z and 0-9 and takes any other character for a word break, as it takes
    punctuation (it removes no accents and spells no Greek letter out)."""
    return tuple(dict.fromkeys(c for c in text if c.isalnum() and not c.isascii()))


def _unread_says(letters: tuple[str, ...]) -> str:
    """What matching does with ``letters`` (from `_unread_letters`)."""
    return (
        f"matching reads only a-z and 0-9, and takes {', '.join(map(repr, letters))} for a"
        " space, as it takes punctuation"
    )


def _spell_in_az(letters: tuple[str, ...]) -> str:
    greek = any("GREEK" in unicodedata.name(c, "") for c in letters)
    return "spell it in a-z" + (" (a Greek letter by its name: 'alpha')" if greek else "")
# A comma that parts words, not one in a number ("1,000 layers").
_LIST_COMMA = lazyre.compile(r"(?<![0-9]),|,(?![0-9])")
# A value plain enough to be shown back inside ``[...]`` as the fix for a missing list.
# A Markdown list item's start: "- ", "* ", "+ ", "1. ", "1) ".
_LIST_ITEM = lazyre.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?: |$)")
_SIMPLE_VALUE = lazyre.compile(r"^[\w .,'-]+$")

# What a field's value must be, and what the curator wrote instead, in messages.
_EXPECTED = {
    "id": "an id",
    "text": "a string",
    "label": "a string",
    "markdown": "a string",
    "year": "a year",
    "arxiv": "an arXiv identifier",
    "doi": "a DOI",
    "date": "a date",
    "url": "a URL",
    "bool": "true or false",
    "number": "a number",
    "enum": "a string",
}
ACTUAL = {"string": "a string", "null": "empty", "list": "a list", "mapping": "a mapping"}
_QUOTE_COLON = "; if it holds a colon followed by a space, put it in double quotes"
# What follows an id's colon in "- x: 1", a weight (or nothing, "- x:").
_WEIGHTED = lazyre.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)?")

# One date object for each day written: a list's papers were added on a few days, and
# the memo (build.Memo, cache.py), read and stored by every new process, costs by the
# object (10,000 papers added on two days were 10,000 dates).
_day = functools.lru_cache(maxsize=1 << 12)(dt.date.fromisoformat)


class RecordChecker:
    """Checks the records of one file; every problem goes to ``problems``.

    ``text`` is the file's text, used to point at the very character that is wrong
    inside a long value; ``file_id``, a paper file's name without .yml (its id).
    """

    def __init__(self, problems: Problems, text: str, file_id: str = ""):
        self.problems = problems
        self.text = text
        self.file_id = file_id
        # The ids another record of the file has or is told to write -> which one ("the
        # topic at line 4"): an id written as a name is told to write none of them.
        self.taken: dict[str, str] = {}

    def error(self, node: Node, message: str) -> object:
        self.problems.error(node.loc, message)
        return INVALID

    def record(
        self,
        node: Map,
        fields: dict[str, Field],
        what: str = "",
        misplaced: frozenset[str] = frozenset(),
        fills: dict[str, str] | None = None,
    ) -> tuple[dict[str, object], bool]:
        """Field name -> value (None when null), and whether every required field holds a
        valid value. ``what`` names the record in messages ("a link"); ``misplaced``
        are fields that exist, but not in this record; ``fills``: what to write for a
        required field left out, where it is known (a paper's id is its file's name)."""
        values: dict[str, object] = {}
        by_kind = _BY_KIND
        # Required fields said at a misspelling of theirs, not again as missing.
        misspelt: set[str] = set()
        for key, value in node.entries:
            name = key.text or ""
            spec = fields.get(name)
            if spec is None:
                if name in misplaced:
                    self.error(key, f"{quoted(name)} applies only to code links")
                elif meant := misspelt_required(name, fields, node):
                    # ("ulr:" in a link without 'url': one mistake, said once where it is
                    # to fix, not also as a missing 'url' at the link's start.)
                    misspelt.add(meant)
                    self.error(key, misspelt_message(name, what, meant) + (fills or {}).get(meant, ""))
                elif (meant := other_name_of(what, name)) and _missing_required(meant, fields, node):
                    # ("name:" in a topic without 'title': as a misspelling, said once, here.)
                    misspelt.add(meant)
                    self.error(
                        key,
                        unknown_field(name, what, list(fields), place_of(what, name))
                        + f" (the required field {quoted(meant)} is missing)" + (fills or {}).get(meant, ""),
                    )
                elif (near := closest(name, sorted(misplaced))) and not closest(name, list(fields)):
                    # ("offical" in a project link: not one of the fields it has, which
                    # the list of them would have said.)
                    self.error(
                        key, f"unknown field {quoted(name)} in {what} (did you mean {quoted(near)}? it applies only to code links)"
                    )
                else:
                    self.error(key, unknown_field(name, what, list(fields), place_of(what, name)))
                continue
            if isinstance(value, Refused):
                continue  # (the reader said why; an empty title is no second mistake)
            converted = by_kind[spec.kind](self, value, spec, name)
            if isinstance(value, Scalar) and value.quoted and value.text and (
                # (The colon first: the pattern has one, half the abstracts none; the
                # search costs 5 microseconds on each of a list's 15,000 texts.)
                ":" in (tail := value.text.rstrip()[-200:])
                and (ends := _ENDS_AS_FIELD.search(tail)) and ends.group(1) in fields
            ):
                self.warn_field_in_block(value, name, fields, node)
            if spec.required and (converted is None or str(converted).isspace() or converted == ""):
                self.error(value, f"required field {quoted(name)} is empty")
            elif converted is not INVALID:
                # The field's name as one object for every record (each file's YAML
                # spells its own): 10,000 paper files' values keep, and the build's
                # cache file stores, one string per field rather than one per file.
                values[sys.intern(name)] = converted
        usable = True
        for name, spec in fields.items():
            if spec.required and name not in values:
                usable = False
                if node.get(name) is None and name not in misspelt:
                    self.error(node, f"missing required field {quoted(name)}" + (fills or {}).get(name, ""))
        return values, usable

    # ------------------------------------------------------------------ single values

    def scalar(self, node: Node, spec: Field, name: str) -> object:
        """The typed string of a single value; None when null; `INVALID` if not one."""
        if isinstance(node, Scalar):
            return node.text
        hint = ""
        if isinstance(node, Seq) and len(node.items) == 1 and isinstance(one := node.items[0], Scalar) and one.text:
            # ("parent: [x]", "venue: [NeurIPS]", "doi: [https://doi.org/10.1/x]": a list of the one value.)
            hint = _one_alone(name, spec, one.text, self.file_id)
        elif isinstance(node, Seq) and len(node.items) > 1:
            hint = _one_of_several(name, spec, node, self.file_id)
        return self.error(node, f"'{name}' must be {_EXPECTED[spec.kind]}, not {ACTUAL[node.kind]}{hint}")

    def clean(self, node: Scalar, text: str, name: str) -> object:
        """``text``, unless it is huge or carries a character text may not."""
        if len(text) > schema.MAX_TEXT_LENGTH:
            return self.error(
                node,
                f"'{name}' is {len(text):,} characters long;"
                f" the limit is {schema.MAX_TEXT_LENGTH:,}",
            )
        if _FORBIDDEN_IN.found_in(text):
            # Each kind of character once, at its first place: all of them in one check,
            # not one more after each fix.
            for char in dict.fromkeys(m.group() for m in _FORBIDDEN.finditer(text)):
                self.problems.error(
                    self.locate(node, char),
                    f"'{name}' contains {char_name(char)}, {schema.forbidden_char(char)};"
                    " remove it",
                )
            return INVALID
        return text

    def locate(
        self, node: Scalar, char: str, skip: int = 0, told: Collection[tuple[int, int]] = ()
    ) -> Location:
        """Where ``char`` stands in the value's lines (after its first ``skip`` places
        there, and at none that overlaps a place of ``told``, (line, column) of each
        character of what was located there before), if it is there as itself (it may be
        written as an escape such as ``\\u202e``); else where the value starts.

        A value runs from its start to the next line indented no deeper than the key
        it belongs to (what follows ``- `` on a list item's first line).
        """
        lines = self.text.split("\n")
        first = node.line - 1
        key_indent = len(lines[first]) - len(lines[first].lstrip(" -"))
        for number in range(first, len(lines)):
            line = lines[number]
            if number > first and line.strip() and len(line) - len(line.lstrip(" ")) <= key_indent:
                break
            found = line.find(char, node.col - 1 if number == first else 0)
            while found >= 0 and (
                skip or any((number + 1, col + 1) in told for col in range(found, found + len(char)))
            ):
                skip -= (skip > 0)
                found = line.find(char, found + max(len(char), 1))
            if found >= 0:
                return Location(node.path, number + 1, found + 1)
        return node.loc

    def text_value(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if isinstance(text, str):
            return self.clean(node, text, name)  # type: ignore[arg-type]
        return text

    def markdown_value(self, node: Node, spec: Field, name: str) -> object:
        """A Markdown text; what in it will not show as its author may expect (a link
        to a non-http address, a typed HTML tag) is a warning at that place."""
        text = self.text_value(node, spec, name)
        if isinstance(text, str) and isinstance(node, Scalar):
            # Each place its own warning: the same address written twice is two links
            # to fix (told only the first, a curator fixed it and met the next), and an
            # address inside another told before ("x" of "papers/x.md") is its own link.
            told: set[tuple[int, int]] = set()
            for written, why in markdown_notices(text):
                # (A link's address where it is one, after "](" or a reference's "]:": the
                # same words may be an earlier link's text, "[some-paper](https://…) and
                # [it](some-paper)", or "[it][r]" with "[r]: some-paper".)
                for before in ("](", "]: ", "]:", ""):
                    at = self.locate(node, before + written, told=told)
                    if at != node.loc:
                        at = Location(at.path, at.line, at.col + len(before))
                        break
                if at != node.loc:
                    told.update((at.line, at.col + i) for i in range(len(written)))
                self.problems.warning(at, f"'{name}': {why}")
            if node.quoted:
                folded = self.folded_list_item(node)
                if folded is not None:
                    self.problems.warning(
                        folded,
                        f"'{name}': this list item is folded into the line above ('>' joins"
                        " lines), so the list will be one line; use '|' to keep line breaks",
                    )
        return text

    def warn_field_in_block(self, node: Scalar, name: str, fields: dict[str, Field], record: Map) -> None:
        """Warn when the last line of a block's text (``abstract: >-``, ``notes: |``) reads
        as a field of its record (``  status: must-read``): added at the end of a file,
        indented as the editor kept the line above, it is text of the block to YAML, and
        the field is silently not set. Not a field ``record`` sets already: the line is
        then the text's own ("doi: ..." of the journal version, in notes), and unindented
        it would be that field twice."""
        lines = self.text.split("\n")  # (seldom: only a text that ends as a field does)
        head = lines[node.line - 1] if 0 < node.line <= len(lines) else ""
        if head[node.col - 1 : node.col] not in ("|", ">"):
            return
        owner = len(head) - len(head.lstrip(" -"))  # (the key's, or a list item's, indent)
        indent, last, count = None, 0, 0
        for number in range(node.line, len(lines)):
            line = lines[number]
            if not line.strip():
                continue
            here = len(line) - len(line.lstrip(" "))
            if here <= owner:
                break  # (the block's end)
            indent = here if indent is None else indent
            last, count = number, count + 1
        if count < 2 or indent is None:
            return
        line = lines[last]
        field = _FIELD_LINE.match(line, indent)
        if field is None or field.group(1) not in fields or len(line) - len(line.lstrip(" ")) != indent:
            return
        if any(key.text == field.group(1) for key, _ in record.entries):
            return
        self.problems.warning(
            Location(node.path, last + 1, indent + 1),
            f"'{name}' ends with the line {quoted(line.strip())}, which is text of '{name}' (indented"
            f" under it); if it is meant as the field {quoted(field.group(1))}, unindent it to the"
            f" level of '{name}:'",
        )

    def folded_list_item(self, node: Scalar) -> Location | None:
        """The first Markdown list item of a folded block (``notes: >``) that YAML joins
        to the line above it: a line as indented as the block's text, right under another
        such line ("Intro", then "- a"; or "- a", then "- b")."""
        lines = self.text.split("\n")
        head = lines[node.line - 1] if 0 < node.line <= len(lines) else ""
        if head[node.col - 1 : node.col] != ">":
            return None
        owner = len(head) - len(head.lstrip(" -"))  # (the key's, or a list item's, indent)
        indent, joined = None, False  # the block's indentation; whether a line may join
        for number in range(node.line, len(lines)):
            line = lines[number]
            if not line.strip():
                joined = False
                continue
            here = len(line) - len(line.lstrip(" "))
            if here <= owner:
                break  # (the block's end)
            indent = here if indent is None else indent
            if here > indent:  # more indented: YAML keeps the line breaks around it
                joined = False
                continue
            if joined and _LIST_ITEM.match(line, here):
                return Location(node.path, number + 1, here + 1)
            joined = True
        return None

    def slug(self, node: Node, spec: Field, name: str) -> object:
        if spec.kind == "id" and spec.name != "id" and isinstance(node, Seq) and (listed := ListedRef.of(node)):
            # A reference (a topic's parent) written as a list, "parent: [MTL]": what
            # to write instead depends on whether the id exists, known once every topic
            # is read; "write 'parent: MTL', the value alone" here sent the curator to an
            # unknown topic the next run.
            return listed
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if spec.kind == "id" and spec.name != "id" and isinstance(node, Scalar) and (
            fixed := id_fix(text) or titled_id(text)
        ):
            # A reference (a topic's parent) written as a name ("MTL", or a topic's title
            # with a comma), as in a paper's topics: (`id_list`): whether the id it reads
            # as exists is known once every topic is read, and the one error then says
            # how to write it or what it may mean; "write 'mtl'" here sent the curator
            # to an unknown topic the next run.
            return Miswritten(fixed, node)
        if spec is PAPER_FIELDS["id"] and self.file_id and not file_id_fix(self.file_id) and (
            (fixed := id_fix(text)) and fixed != text
        ):
            # ("id: Model Merging" in Model_Merging.yml: said across files,
            # crosscheck._check_file_names: the id to write, and the file's new name, is
            # one no other file has; "write 'id: model-merging' and rename the file" beside
            # a model-merging.yml was a duplicate, and a rename overwriting that paper.)
            return Miswritten(fixed, node)
        # A reference longer than any id can be is left to the check that it exists,
        # which may name the id it starts with (a title's slug where the import cut it);
        # a former id is checked for nothing else.
        if not _PATTERNS["id"].fullmatch(text) or (
            len(text) > schema.MAX_ID_LENGTH and (spec.name == "id" or spec.kind == "list[id]")
        ):
            return self.error(
                node,
                not_an_id(name, text)
                + (self.paper_id_hint(text) if spec is PAPER_FIELDS["id"] else self.id_hint(text)),
            )
        return text

    def paper_id_hint(self, text: str) -> str:
        return paper_id_hint(text, self.file_id)

    def id_hint(self, text: str) -> str:
        """`id_hint`, but of an id another record has (`taken`): who has it."""
        fixed = id_fix(text)
        if fixed in self.taken:
            return f"; {quoted(fixed)} is {self.taken[fixed]}: give this one an id of its own, or merge the two"
        return id_hint(text)

    def year(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if not _PATTERNS["year"].fullmatch(text):
            # (Four digits out of range, "3025" or "0999", read the first message as
            # wrong: they are four digits.)
            # ('２０２１' is digits too, but not 0-9: it is told to be written so.)
            rule = (
                "a year from 1000 to 2999" if text.isascii() and text.isdigit() and len(text) == 4
                else "a four-digit year such as 2024"
            )
            fixed = year_fix(text)
            hint = f": write {fixed}" if fixed else ""
            return self.error(node, f"'{name}' must be {rule}, not {quoted(text)}{hint}")
        return int(text)

    def arxiv(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str) or _PATTERNS["arxiv"].fullmatch(text):
            return text
        bare = arxiv_fix(text)
        if bare and _ARXIV_PREFIX.match(text):
            return self.error(node, f"'{name}' must be the identifier alone: write {bare}")
        version = " (a version is v1, v2, ...): write " + bare if bare else ""
        if not version and (why := arxiv_mistake(text)[0]):
            version = f": {why}"  # (digits mistyped: which, as add tells them)
        return self.error(
            node,
            f"'{name}' must be an arXiv identifier such as 2101.00010 or cs/0112017, not {quoted(text)}{version}",
        )

    def doi(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str) or _PATTERNS["doi"].fullmatch(text):
            return text
        bare = doi_fix(text)
        if bare and text.endswith(bare):
            return self.error(
                node,
                f"'{name}' must be the DOI alone, without {quoted(text[: -len(bare)].strip())}: write {bare}",
            )
        spaced = f" (a DOI holds no space): write {bare}" if bare else ""
        return self.error(node, f"'{name}' must be a DOI such as 10.1000/xyz123, not {quoted(text)}{spaced}")

    def date(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if _PATTERNS["date"].fullmatch(text):
            try:
                return _day(text)
            except ValueError:
                return self.error(node, f"'{name}': {no_such_date(text)}")
        return self.error(node, f"'{name}' must be a date as YYYY-MM-DD, not {quoted(text)}{_date_hint(text)}")

    def url(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if _PATTERNS["url"].fullmatch(text):
            if unopenable := _unopenable(text):  # ("http://[::::]": no IPv6 address)
                return self.error(node, f"'{name}' is no address a browser can open: {unopenable}")
            glued = glued_ending(text)
            if glued:
                # Copied with the text around it ("(code: https://github.com/a/b)."): the
                # link leads to no such page. (A warning: an address may end so, rarely.)
                self.problems.warning(
                    node.loc,
                    f"'{name}' ends with {quoted(glued)}, which belongs to the text it was copied from,"
                    f" not to the address; write {text[: -len(glued)]}",
                )
            return text
        found = Counter(_NOT_IN_URL.findall(text))  # (in the order first met)
        spaced = _spaces_escaped(text) if set(found) == {" "} else ""
        if spaced:
            # Spaces inside the path or query may be the address's own ("a paper.pdf"):
            # a browser sends each as %20, so written so the link leads to the same page.
            times = found[" "]
            what, them = ("a space", "it is") if times == 1 else (f"{times} spaces (the first here)", "each is")
            slip = _spaces_slipped(text)
            if slip:
                # Beside an address's own punctuation ("1604.03539 .pdf", "abs/ 1706"), a
                # space is a slip, not a name's ("My papers"): %20 led to a broken link.
                self.problems.error(
                    self.locate(node, " "),  # type: ignore[arg-type]
                    f"'{name}' contains {what} beside {slip}, as if by a slip: write"
                    f" {text.replace(' ', '')} (or, if {them} the address's own, {spaced})",
                )
                return INVALID
            self.problems.error(
                self.locate(node, " "),  # type: ignore[arg-type]
                f"'{name}' contains {what}; in an address {them} written %20: write {spaced}",
            )
            return INVALID
        if found:
            # What is left once they are removed, if check refuses it too (" javascript:x",
            # " github.com/a/b"): said with the first, else "remove it" led to one more error.
            rest = _NOT_IN_URL.sub("", text)
            # (One the pattern takes may still be unopenable: "https://x.org:99999/a b".)
            if _HTTP.match(rest) and (unopenable := _unopenable(rest)):
                then = f" the address is one no browser can open: {unopenable}"
            else:
                then = "" if _PATTERNS["url"].fullmatch(rest) else f" the address {url_problem(rest)}"
            # Each kind of character once, at its first place, with how many there are:
            # told of the first space alone, a curator met the next one each run.
            for char, times in found.items():
                what = "a space" if char == " " else char_name(char)
                if times > 1:
                    what = f"{times} spaces" if char == " " else f"{what} {times} times"
                    what += " (the first here)"
                them = "them" if times > 1 else "it"
                self.problems.error(
                    self.locate(node, char),  # type: ignore[arg-type]
                    f"'{name}' contains {what}; remove {them}"
                    + (f"; without {them if len(found) == 1 else 'these characters'},{then}" if then else ""),
                )
                then = ""
            return INVALID
        userinfo = _USERINFO.match(text)
        if userinfo:
            # A user name (and password) before the host: published on the site, and
            # "https://github.com@example.org/" goes to example.org while it reads as
            # GitHub. No address of a paper, its code or its data needs one.
            try:
                host = urlsplit(text).hostname
            except ValueError:  # ("https://a@[::1": the host is no better)
                host = None
            goes = f"a browser goes to {quoted(host)} and skips that part" if host else "a browser skips that part"
            assert isinstance(node, Scalar)
            self.problems.error(
                self.locate(node, userinfo.group(1)),
                f"'{name}' holds {quoted(userinfo.group(1))} before its host: {goes}, which the site"
                " would publish (a password too); remove it, and check that the host is the site meant",
            )
            return INVALID
        if _HTTP.match(text) and (unopenable := _unopenable(text)):
            # (why the pattern refused it, when Python can say)
            return self.error(node, f"'{name}' is no address a browser can open: {unopenable}")
        return self.error(node, f"'{name}' {url_problem(text)}")

    def boolean(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if text in schema.BOOLEANS:
            return schema.BOOLEANS[text]
        # (YAML 1.1's words for them, which these files do not read so: "yes", "on", "y".)
        meant = _YES_NO.get(text.strip().lower().rstrip("."))
        hint = f"; write '{name}: {meant}'" if meant else ""  # (as `_fixed` says a fix)
        return self.error(node, f"'{name}' must be true or false, not {quoted(text)}{hint}")

    def number(self, node: Node, spec: Field, name: str, means: Callable[[], str] | None = None) -> object:
        """``means``: what the number does, said after a value that is none."""
        text = self.scalar(node, spec, name)
        if not isinstance(text, str):
            return text
        if _PATTERNS["number"].fullmatch(text) and math.isfinite(float(text)):
            return float(text)
        return self.error(node, f"'{name}' must be a number, not {quoted(text)}" + (means() if means else ""))

    def enum(self, node: Node, spec: Field, name: str) -> object:
        text = self.scalar(node, spec, name)
        if not isinstance(text, str) or text in spec.choices:
            return text
        if name == "venue_kind":
            hint = did_you_mean(text, spec.choices) or _venue_kind_hint(text, spec)
        else:
            meant = _meant_choice(name, text, spec.choices)
            near = [meant] if meant else nearest(text, spec.choices)
            hint = f" (did you mean {' or '.join(map(quoted, near))}?)" if near else ""
        return self.error(node, f"'{name}' must be one of {', '.join(spec.choices)}, not {quoted(text)}{hint}")

    # ------------------------------------------------------------------ lists and maps

    def items(self, node: Node, name: str, ids: bool = False) -> list[Scalar] | object:
        """The non-empty single-value items of a list; the others are reported. ``ids``:
        the list holds ids."""
        if not isinstance(node, Seq):
            if isinstance(node, Scalar) and node.text is None:
                return []
            hint = ""
            dash = self.dash_hint(node) if isinstance(node, Scalar) else None
            if dash is not None:
                hint = f"; {dash}"
            elif isinstance(node, Scalar) and _SIMPLE_VALUE.match(node.text or ""):
                # ("topics: -rl": the dash meant a list's, not the id's.)
                text = re.sub(r"^-(?=[^\W\d_])", "", node.text or "")
                if name in PEOPLE:
                    hint = _as_authors(text, name)
                elif (flow := _flow_list(name, text)) is not None:
                    hint = f"; write {flow}"
            return self.error(node, f"'{name}' must be a list, not {ACTUAL[node.kind]}{hint}")
        good = []
        for number, item in enumerate(node.items, 1):
            if not isinstance(item, Scalar):
                # "- Smith: A" is a mapping to YAML: a colon and a space in the text.
                hint = _QUOTE_COLON if isinstance(item, Map) and len(item.entries) == 1 else ""
                if hint and ids:
                    # An id holds no colon: "- id: x" (a record's way) or "- x: 1" (a
                    # keyword's) is the id written with more, which quotes would keep.
                    # Any other ("- Attention: all you need", a title) is told of quotes.
                    key, value = item.entries[0]
                    text = value.text if isinstance(value, Scalar) else None
                    weighted = isinstance(value, Scalar) and _WEIGHTED.fullmatch(text or "")
                    meant = text if key.text == "id" else key.text if weighted else None
                    if key.text == "id" or meant:
                        hint = f"; write the id alone, '- {meant}'" if meant else ""
                self.error(
                    item,
                    f"'{name}' item {number} must be a single value, not {ACTUAL[item.kind]}{hint}",
                )
            elif isinstance(item, Refused):
                continue
            elif item.text is None or not item.text.strip():
                self.error(item, f"'{name}' item {number} is empty")
            else:
                good.append(item)
        return good

    def dash_hint(self, node: Scalar) -> str | None:
        """What to do when ``node`` is a list's first item without a space after its dash
        ("authors:" then "  -B. Smith", one text to YAML), on a line of its own."""
        line = self.text.split("\n")[node.line - 1] if node.line else ""
        if line[: node.col - 1].strip(" "):
            return None  # ("topics: -rl": "- rl" after the key is no YAML)
        found = no_space_item(line, node.line)
        return found[2] if found is not None else None

    def text_list(self, node: Node, spec: Field, name: str) -> object:
        items = self.items(node, name)
        if not isinstance(items, list):
            return items
        values = [self.clean(item, item.text, name) for item in items]  # type: ignore[arg-type]
        if name in PEOPLE:
            self.warn_odd_authors(items, values, name)  # type: ignore[arg-type]
        if name in ("tags", *PEOPLE):
            # (Each is shown: a tag given twice was shown twice on the page, an author
            # typed twice, a line duplicated in the editor, on the page and in citations.)
            # Said once a value, at its second place; a warning, as two authors of one
            # paper may share a name. An author only when typed again in a row: a paper
            # of many authors may name two people alike, far apart, as published; and
            # not one the curator keeps with a comment on its line (`_another`).
            places: dict[tuple[str, int], list[Scalar]] = {}
            run = 0
            for at, (item, value) in enumerate(zip(items, values)):
                if name in PEOPLE and (
                    at == 0 or value != values[at - 1] or self._another(items[at - 1], item)  # type: ignore[arg-type]
                ):
                    run = at
                if isinstance(value, str):
                    places.setdefault((value, run), []).append(item)  # type: ignore[arg-type]
            for (value, _), (first, again, *more) in ((v, p) for v, p in places.items() if len(p) > 1):
                said = _twice(name, value, first, again, times=len(more) + 2)
                if name in PEOPLE:
                    said += _same_name_kept(value, first, again, len(more) + 2, self._commented(again), name)
                self.problems.warning(again.loc, said)  # type: ignore[attr-defined]
        return tuple(v for v in values if v is not INVALID)

    def _another(self, before: Scalar, item: Scalar) -> bool:
        """Whether the curator says ``item``, an author named as the one ``before`` it,
        is another person: a comment on its own line, which the line before it has not
        (a line duplicated in the editor duplicates its comment too)."""
        if not item.line or item.line == before.line:
            return False
        lines = self.text.split("\n")  # (seldom: a name typed again in a row)
        here, above = lines[item.line - 1], lines[before.line - 1]
        return bool(comment_after(here, item.col - 1)) and here.strip() != above.strip()

    def _commented(self, item: Scalar) -> bool:
        """Whether ``item``'s line has a comment after it (one `_another` did not take)."""
        return bool(item.line) and bool(comment_after(self.text.split("\n")[item.line - 1], item.col - 1))

    def warn_odd_authors(self, items: list[Scalar], values: list[object], name: str = "authors") -> None:
        """Warn about "et al." written as an author or glued to one, and about `others`
        (the authors not named) anywhere but last: else "et al." is cited as a name, and
        a page says "et al. et al.". ``name``: the list's, "authors" or "editors"."""
        last = len(values) - 1
        for at, (item, value) in enumerate(zip(items, values)):
            if not isinstance(value, str):
                continue
            others = f"'others' as the last {name[:-1]} (BibTeX's 'and others'), shown as \"et al.\""
            if _ET_AL.fullmatch(value):
                said = f"{quoted(value.strip())} is not a name: write {others}"
            elif glued := _ET_AL_AFTER.search(value):
                said = f"{quoted(value.strip())} ends with {quoted(glued.group(1))}: write the name alone, then {others}"
            elif value.strip().casefold() == OTHERS and at != last:
                said = f"'others' stands for the {name} not named: move it to the end (it is shown as \"et al.\")"
            else:
                continue
            self.problems.warning(item.loc, said)  # type: ignore[attr-defined]
        self.warn_split_names(items, values, name)

    def warn_split_names(self, items: list[Scalar], values: list[object], name: str = "authors") -> None:
        """Warn about a list of one-word authors written on one line, unquoted
        ("[Lamport, Leslie]"): names written surname first, as BibTeX writes them, each
        split in two by its comma, and shown as two authors, "Lamport and Leslie"."""
        named = [
            (item, value) for item, value in zip(items, values)
            if not (isinstance(value, str) and value.strip().casefold() == OTHERS)
        ]
        if len(named) < 2 or any(
            item.quoted or item.line != named[0][0].line or not _NAME_PART.fullmatch(str(value))
            for item, value in named
        ):
            return
        words = [str(value).strip() for _, value in named]
        if len(words) % 2:
            fix = 'quote each name written surname first ("Surname, Given")'
        else:
            pairs = ", ".join(f'"{a}, {b}"' for a, b in zip(words[::2], words[1::2]))
            others = ", others" if len(named) < len(values) else ""
            fix = f"if they are names written surname first, write [{pairs}{others}]"
        listed = ", ".join(quoted(w) for w in words[:-1]) + f" and {quoted(words[-1])}"
        self.problems.warning(  # type: ignore[attr-defined]
            named[0][0].loc,
            f"'{name}' lists {len(words)} one-word {name}, {listed}: unquoted in a list,"
            f" a name written surname first is two {name}; {fix}",
        )

    def id_list(self, node: Node, spec: Field, name: str, *, names: bool = True) -> object:
        """The located ids, checked for form and repeats; whether they exist is checked
        once every file is read. ``names``: an id written as a name is taken for the
        id it may mean (a reference), not refused for its form."""
        if names and isinstance(node, Scalar) and (parts := self.unlisted(node, name, spec)):
            return parts
        items = self.items(node, name, ids=True)
        if not isinstance(items, list):
            return items
        first: dict[str, Scalar] = {}
        refs: list[Scalar] = []
        for item in items:
            text = item.text or ""
            fixed = _ref_fix(text, spec) if names else None
            if text in first:
                self.error(item, _twice(name, text, first[text], item))
            elif fixed:
                # An id written as a name ("MTL", "Continual Learning"): whether it exists
                # is known only once every file is read, and the one error then says
                # either how to write it or what it may mean.
                refs.append(Miswritten(fixed, item))
            elif self.slug(item, spec, name) is not INVALID:
                first[text] = item
                refs.append(item)
        return tuple(refs)

    def unlisted(self, node: Scalar, name: str, spec: Field) -> tuple[Unlisted, ...]:
        """The references of a string written where their list goes ("topics: MTL",
        "related: a, b"), one a comma-separated part, each as the id it reads as; () when
        it is no such string (the list check says what it is)."""
        text = node.text or ""
        if not _SIMPLE_VALUE.match(text) or self.dash_hint(node) is not None:
            return ()
        text = re.sub(r"^-(?=[^\W\d_])", "", text)
        parts = [part.strip() for part in text.split(",")]
        if not all(parts):
            return ()

        def ref(part: str, fixed: str, whole: Unlisted | None = None) -> Unlisted:
            return Unlisted(fixed or part, Scalar(part, node.path, node.line, node.col, node.quoted), name, whole)

        # A title with a comma ("A Paper, Revisited") is one reference, not two: the
        # whole string's reading goes with its parts, for the look-up to take first.
        whole = ref(text.strip(), _ref_fix(text.strip(), spec)) if len(parts) > 1 else None
        return tuple(ref(part, _ref_fix(part, spec), whole) for part in parts)

    def former_ids(self, node: Node, spec: Field, name: str) -> object:
        """Ids of no paper now (a renamed paper's old ones): that no paper has them is
        checked once every file is read; one written as a name is refused."""
        return self.id_list(node, spec, name, names=False)

    def keywords(self, node: Node, spec: Field, name: str) -> object:
        if isinstance(node, Scalar) and node.text is None:
            return {}
        if not isinstance(node, Map):
            # A list of phrases ("- scaling laws") is the slip: say how a keyword is written.
            first = node.items[0] if isinstance(node, Seq) and node.items else None
            example = (
                f"; write each as phrase: weight, a line of its own ('{first.text}: 1')"
                if isinstance(first, Scalar) and first.text and ": " not in first.text
                else ""
            )
            if isinstance(node, Scalar) and node.text:
                # ("keywords: lora" or "keywords: a, b": the phrases on the key's line.)
                phrases = [p.strip() for p in re.split(r"[,;]", node.text) if p.strip()]
                if phrases and ": " not in node.text:
                    each = "each" if len(phrases) > 1 else "it"
                    example = (
                        f"; write {each} as phrase: weight, a line of its own under"
                        f" '{name}:' ('{phrases[0]}: 1')"
                    )
            if isinstance(first, Map) and len(first.entries) == 1:
                # ("- scaling laws: 2": each line a phrase and its weight already.)
                key, value = first.entries[0]
                if key.text and isinstance(value, Scalar) and value.text:
                    example = f"; write each phrase: weight without the dash before it ('{key.text}: {value.text}')"
            return self.error(
                node, f"'{name}' must be a mapping of phrase: weight, not {ACTUAL[node.kind]}{example}"
            )
        weights = {}
        for key, value in node.entries:
            phrase = self.clean(key, key.text or "", name)
            empty = (
                [part for part in phrase.split("&") if not _WORDY.search(part)]
                if isinstance(phrase, str) else []
            )
            if empty and isinstance(phrase, str):
                # topics.py matches words of a-z and 0-9; "a & " or "--" can never match,
                # nor "αβ" (a letter, but not one it reads).
                unread = _unread_letters("".join(empty))
                phrase = self.error(
                    key,
                    (
                        f"keyword {quoted(phrase)} has a part with no letter a-z or digit 0-9, so it"
                        f" can never match ({_unread_says(unread)}); {_spell_in_az(unread)}"
                        if unread
                        else f"keyword {quoted(phrase)} has a part with no letter or digit, so it can"
                        " never match"
                    )
                    + ("; remove the extra '&' (one '&' joins two parts)" if "&&" in phrase else ""),
                )
            if isinstance(phrase, str) and _unread_letters(phrase):
                self.warn_unread_letters(key, phrase)
            if isinstance(phrase, str):
                self.warn_empty_alternatives(key, phrase)
                self.warn_misread_syntax(key, phrase)
            if key.text in _TOPIC_KEYS and not key.quoted and not (
                isinstance(value, Scalar) and value.text and _PATTERNS["number"].fullmatch(value.text)
            ):
                # ("parent: x" or "reading_order:" and its list, indented a step too far.)
                weight = self.error(
                    value if isinstance(value, Scalar) and value.text else key,
                    f"'{key.text}' is a field of a topic, but indented under '{name}:' it is read as"
                    f" a keyword, whose weight must be a number; indent '{key.text}:' as '{name}:' is",
                )
            else:
                weight = self.number(value, _WEIGHT, f"{name}: {key.text}", functools.partial(_weight_means, key.text))
            if weight is None:
                weight = self.error(value, f"'{name}: {key.text}' needs a weight (a number)")
            elif weight == 0 and isinstance(phrase, str):
                # It would count nothing, for the topic or against it: most likely a slip.
                self.problems.warning(
                    value.loc,
                    f"keyword {quoted(phrase)} has weight 0, so it counts nothing; give it a weight"
                    " (a negative one counts against the topic), or remove it",
                )
            if phrase is not INVALID and weight is not INVALID:
                weights[phrase] = weight
        return weights

    def warn_unread_letters(self, key: Scalar, phrase: str) -> None:
        """Warn about a keyword's letters that matching does not read, in an alternative
        it still matches by its other words: "naïve" matches as "na ve" (and not
        "naive"), "β-VAE" as "vae", any VAE. (An alternative left with no word is an
        error, or warned of, on its own.)"""
        from .topics import _words  # imported late: only such a keyword needs it

        alternatives = [
            alternative.strip()
            for part in phrase.split("&")
            for alternative in part.split("|")
            if _WORDY.search(alternative) and _unread_letters(alternative)
        ]
        if not alternatives:
            return
        letters = _unread_letters("".join(alternatives))
        read = ", ".join(
            ("" if alternative == phrase else f"{quoted(alternative)} ")
            + f"as {quoted(' '.join(_words(alternative)))}"
            for alternative in alternatives
        )
        # An accented Latin word has an a-z spelling, and papers write both ("naïve"):
        # the one search finds it by (search.fold, imported late as _words is).
        from .search import fold

        folded = fold(phrase)
        fix = (
            f"for both spellings write {quoted(f'{folded} | {phrase}')}"
            if folded.isascii() and not any(mark in phrase for mark in "|&")
            else _spell_in_az(letters)
        )
        self.problems.warning(
            key.loc, f"keyword {quoted(phrase)} matches {read} ({_unread_says(letters)}); {fix}"
        )

    def warn_misread_syntax(self, key: Scalar, phrase: str) -> None:
        """Warn about a keyword written in a syntax it does not have, which matches
        something else (the topic review: "Q&A" matched any paper with a "q" and an "a")."""
        if _GLUED_AND.search(phrase):
            self.problems.warning(
                key.loc,
                f"keyword {quoted(phrase)} has '&' inside a word: '&' joins parts that must each occur"
                " anywhere in the paper, so each letter or word around it is matched alone; for"
                f" the word as written, write {quoted(_GLUED_AND.sub(' ', phrase).strip())} (punctuation"
                " in a paper separates words), or put spaces around '&'",
            )
        elif ("(" in phrase or ")" in phrase) and "&" in phrase:
            self.problems.warning(
                key.loc,
                f"keyword {quoted(phrase)} has parentheses, which group nothing: '&' binds looser than"
                " '|' ('a | b & c' is either a or b, and c); write each combination as a keyword"
                " of its own",
            )
        if _LIST_COMMA.search(phrase) and "|" not in phrase and "&" not in phrase:
            self.problems.warning(
                key.loc,
                f"keyword {quoted(phrase)} is one phrase, matched only as these words in a row (a"
                " comma separates nothing); for any one of them write"
                f" {quoted(' | '.join(p.strip() for p in phrase.split(',') if p.strip()))}",
            )

    def warn_empty_alternatives(self, key: Scalar, phrase: str) -> None:
        """Warn about an alternative of ``phrase`` ("a | b") that can never match: an
        empty one ("a |", "a || b") is most likely a slip, and is silently ignored."""
        for part in phrase.split("&"):
            alternatives = part.split("|")
            if len(alternatives) < 2:
                continue
            for alternative in alternatives:
                if not alternative.strip():
                    self.problems.warning(
                        key.loc,
                        f"keyword {quoted(phrase)} has an empty alternative; remove the extra '|'"
                        " (each '|' separates two phrases)",
                    )
                    return
                if not _WORDY.search(alternative):
                    unread = _unread_letters(alternative)
                    self.problems.warning(
                        key.loc,
                        f"keyword {quoted(phrase)} has the alternative {quoted(alternative.strip())},"
                        + (
                            " with no letter a-z or digit 0-9, so it never matches"
                            f" ({_unread_says(unread)}); {_spell_in_az(unread)}"
                            if unread
                            else " with no letter or digit, so it never matches"
                        ),
                    )
                    return

    def links(self, node: Node, spec: Field, name: str) -> object:
        if isinstance(node, Scalar) and node.text is None:
            return ()
        if not isinstance(node, Map):
            return self.error(
                node, f"'{name}' must be a mapping of link kinds, not {ACTUAL[node.kind]}"
            )
        links: list[Link] = []
        for key, value in node.entries:
            kind = key.text or ""
            if kind not in LINK_KINDS:
                otherwise = place_of("link kinds", kind) or (
                    f"; the kinds are: {', '.join(LINK_KINDS)}"
                )
                self.error(
                    key, f"unknown link kind {quoted(kind)}" + did_you_mean(kind, LINK_KINDS, otherwise, few=True)
                )
                continue
            entries = self.link_entries(value, f"{name}.{kind}")
            kept = []
            for entry in entries:
                link = self.link(entry, kind)
                if link is not None:
                    links.append(link)
                    kept.append((entry, link))
                    self.warn_odd_code_link(entry, link, links)
            if len(kept) > 1:
                self.warn_repeated_links(kind, kept)
        return tuple(links)

    def warn_repeated_links(self, kind: str, kept: list[tuple[Map, Link]]) -> None:
        """Warn about one address listed twice under one kind, however spelt (a slash
        at its end, http or https, www., .git: as the importer tells one link): the page
        would show two badges, or two links, for it."""
        from .importmatch import same_link  # imported late: most papers have one link of a kind

        first: dict[str, tuple[Map, Link]] = {}
        for entry, link in kept:
            earlier, earlier_link = first.setdefault(same_link(link.url), (entry, link))
            if earlier is not entry:
                self.problems.warning(
                    (entry.get("url") or entry).loc,
                    f"'{kind}' lists this address already, at line"
                    f" {(earlier.get('url') or earlier).line} ({earlier_link.url}): the page"
                    " would show it twice; remove this one",
                )

    def warn_odd_code_link(self, entry: Map, link: Link, links: list[Link]) -> None:
        """Warn about a code link the page would show wrongly: a second one marked
        official, or the address of the paper itself (shown as a code badge)."""
        if link.kind != "code":
            return
        where = entry.get("url") or entry
        if link.official and any(other.official for other in links[:-1] if other.kind == "code"):
            first = next(other for other in links if other.kind == "code" and other.official)
            self.problems.warning(
                where.loc,
                f"a second code link marked official ({first.url} is too); the page shows"
                " both as the paper's own code: keep 'official: true' on one",
            )
        what = classify(link.url).kind
        if what in ("paper", "pdf") and not _CODE_ARCHIVE.search(link.url):
            self.problems.warning(
                where.loc,
                f"this is the address of a {'PDF' if what == 'pdf' else 'paper page'}, not of"
                f" code: it shows as a code badge; move it under '{what}'",
            )
        elif what in _NOT_CODE:
            # (files imported before these kinds existed hold such links under code)
            official = " without 'official' (only code has it)" if link.official else ""
            self.problems.warning(
                where.loc,
                f"this is the address of {_NOT_CODE[what]}, not of code: it shows as a code"
                f" badge and counts as code; move it under '{what}'{official}",
            )

    def link_entries(self, node: Node, name: str) -> list[Map]:
        if isinstance(node, Scalar) and node.text is None:
            return []
        if not isinstance(node, Seq):
            hint = "; write each link as '- url: https://...'" if isinstance(node, Scalar) else ""
            if isinstance(node, Map) and node.key_node("url") is not None:
                hint = _one_link_hint(node)
            self.error(node, f"'{name}' must be a list of links, not {ACTUAL[node.kind]}{hint}")
            return []
        maps = []
        for number, item in enumerate(node.items, 1):
            if isinstance(item, Map):
                maps.append(item)
            else:
                hint = ""
                if isinstance(item, Scalar) and item.text and (line := _link_line(item.text)):
                    # (the address itself, as the item is to read; a long one is cut; in
                    # brackets, as a mapping in braces: "[- url: ...]" is one string)
                    line = line if len(line) <= 85 else "url: ..."
                    hint = f"; write the item as {quoted(_in_braces(line) if node.flow else '- ' + line)}"
                self.error(
                    item,
                    f"'{name}' item {number} must be a mapping with a 'url',"
                    f" not {ACTUAL[item.kind]}{hint}",
                )
        return maps

    def misspelt_link_host(self, node: Node | None, url: str) -> str:
        """links.misspelt_host of a link's ``url``, with how to keep the host as typed: a
        comment after the address that begins "# HOST is right" (any capitals and
        spaces; more may follow), which says nothing more is to be said of it. (A real
        host a letter from a known one that the rules of misspelt_host take for a slip:
        no curator could silence it. And one that merely named the host kept the link
        whatever it said: "# githb.com is wrong" too.)"""
        said = misspelt_host(url)
        if not said or not isinstance(node, Scalar) or not node.line:
            return said
        host = (urlsplit(url).hostname or "").rstrip(".")
        comment = comment_after(self.text.split("\n")[node.line - 1], node.col - 1)
        if re.match(rf"#\s*{re.escape(host)}\s+is\s+right\b", comment, re.IGNORECASE):
            return ""
        return f"{said}; if {host} is right, say so in a comment after the address, {quoted('# ' + host + ' is right')}"

    def link(self, node: Map, kind: str) -> Link | None:
        if kind == "code":
            values, usable = self.record(node, _LINK_FIELDS, "a link")
        else:
            values, usable = self.record(node, _OTHER_LINK_FIELDS, "a link", _CODE_ONLY_LINK_FIELDS)
        if not usable:
            return None
        url = str(values["url"])
        # (links.host_warning's order, the misspelt host's with how to keep it)
        unreachable = (
            unreachable_warning(url) or sandbox_warning(url) or self.misspelt_link_host(node.get("url"), url)
        )
        if unreachable:
            # (a warning: the page still works, and a list published on an intranet may
            # mean it, as a host a letter from a known one may be real; an import leaves
            # an unreachable address out for the same reason)
            self.problems.warning((node.get("url") or node).loc, f"'url' {url}: {unreachable}")
        elif https := https_form(url):
            # (a warning: the link works, but its page is said not secure on the way)
            self.problems.warning(
                (node.get("url") or node).loc,
                f"'url' is http:// on {urlsplit(url).hostname}, which serves its pages over"
                f" https: write {https}",
            )
        host = repo = ""
        if kind in ("code", "data"):  # (a dataset's badge names it as a repository's does)
            host, repo = code_repository(url)
        return Link(
            url=url,
            kind=kind,
            found_in=str(values.get("found_in") or "curator"),
            note=str(values.get("note") or ""),
            official=bool(values.get("official")),
            host=host,
            repo=repo,
        )


# What a link `classify` does not take for code is, by its kind (for the warning).
_NOT_CODE = {
    "data": "a dataset or a model's weights",
    "video": "a video",
    "slides": "slides",
}


# Code archived where papers are, which `classify` takes for a paper: a DOI (Zenodo's
# 10.5281, figshare's 10.6084), a proceedings' supplementary material or software, an
# archive file next to the paper.
_CODE_ARCHIVE = lazyre.compile(
    r"(?i)^https?://(?:dx\.)?doi\.org/|\.(?:zip|tar|tgz|gz|bz2|xz|7z)(?:[?#]|$)"
    r"|supplement|software|attachment"
)


# Field kind -> the method that checks and converts a value of that kind.
_BY_KIND: dict[str, Callable[[RecordChecker, Node, Field, str], object]] = {
    "id": RecordChecker.slug,
    "text": RecordChecker.text_value,
    "label": RecordChecker.text_value,
    "markdown": RecordChecker.markdown_value,
    "year": RecordChecker.year,
    "arxiv": RecordChecker.arxiv,
    "doi": RecordChecker.doi,
    "date": RecordChecker.date,
    "url": RecordChecker.url,
    "bool": RecordChecker.boolean,
    "number": RecordChecker.number,
    "enum": RecordChecker.enum,
    "list[text]": RecordChecker.text_list,
    "list[paper]": RecordChecker.id_list,
    "list[topic]": RecordChecker.id_list,
    "list[id]": RecordChecker.former_ids,
    "links": RecordChecker.links,
    "keywords": RecordChecker.keywords,
}
assert set(_BY_KIND) == set(schema.KINDS)


# What a source writes for more authors, taken for a name ("et al.", "and others").
_ET_AL = lazyre.compile(r"(?i)\s*(?:et(?:\.\s*|\s+)al\.?|and\s+others|\.\.\.|…)\s*")
_ET_AL_AFTER = lazyre.compile(r"(?i)\S\s*,?\s+(et(?:\.\s*|\s+)al\.?|and\s+others)\s*$")


def _as_authors(text: str, field: str = "authors") -> str:
    """The hint ("; write [...]") for names written as BibTeX writes them ("Ada Lovelace
    and Alan Turing", "Lovelace, Ada and others") or as a list is typed ("Ada Lovelace,
    Alan Turing and Grace Hopper"): the list, a name quoted where bare it is no YAML or
    no single name (in a list unquoted, "Lovelace, Ada" is two names, "'Ada" no YAML).
    One name when "and" is part of it ("Research and Development Team", as the BibTeX
    export tells organisations). "" when no list written so reads back as the names."""
    from .names import is_organisation  # (only for this hint: a mistake)

    def words(part: str) -> int:
        return len(re.findall(r"[^\s,]+", part))

    if (et_al := _ET_AL_AFTER.search(text)) is not None:
        # "et al." is BibTeX's "and others": no name of its own ("[Ada Lovelace, et al.]"
        # for two authors was then warned of).
        text = f"{text[: et_al.start(1)].rstrip(' ,')} and others"
    organisation = is_organisation(re.sub(r"\band\b", " ", text))
    if "," in text and not organisation:
        # Commas between names of two words or more, as a list is typed. Quoted, such a
        # text is one name, surname first ("Alan Turing Ada Lovelace"); a surname of
        # two words has one comma too ("García Márquez, Gabriel José"): with one comma,
        # both readings are said.
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text.strip())
        if all(name == "others" or words(name) >= 2 for name in names):
            listed = _flow_of(field, names)
            if listed is None:
                return ""
            if len(names) > 2 or names[-1] == "others":
                return f"; write {listed}"
            one = _flow_of(field, [text])
            surname_first = f", or {one} for one written surname first" if one else ""
            return f"; write {listed} for two {field}{surname_first}"
    parts = re.split(r"\s+and\s+", text)
    if organisation or not all(part == "others" or words(part) >= 2 for part in parts):
        parts = [text]
    listed = _flow_of(field, parts)
    return f"; write {listed}" if listed else ""


# One word of a name as a curator writes it: a capital, then letters, and the dots,
# hyphens and apostrophes of "J.", "Jean-Paul", "O'Neil".
_NAME_PART = lazyre.compile(r"[^\W\d_a-z][^\W\d_]*(?:[.'’-][^\W\d_]*)*\.?")


class Miswritten(Scalar):
    """A reference written as a name where an id belongs ("MTL" for "mtl"): ``text`` is
    the id it reads as, ``written`` what the curator wrote. It is always an error,
    reported where the references are looked up, and never kept as a reference."""

    __slots__ = ("written",)

    def __init__(self, fixed: str, item: Scalar):
        super().__init__(fixed, item.path, item.line, item.col, item.quoted)
        self.written = item.text or ""

    def __reduce__(self) -> tuple:
        # Scalar's call, with this class's arguments: a paper file's draft holds it
        # until the file is fixed, and `serve` stores its memo at shutdown, errors or
        # not. (Scalar's gave five arguments to this __init__: the cache file could not
        # be read back, and the next build started from nothing.)
        return Miswritten, (self.text, Scalar(self.written, self.path, self.line, self.col, self.quoted))


class ListedRef(Miswritten):
    """A reference written as a list where one id goes ("parent: [MTL]", "parent: [a, b]"):
    ``text`` is the id its first item reads as, ``written`` that item as written,
    ``count`` how many items it has; located at the list. Always an error, reported
    where the reference is looked up (topicsfile.check_parents), as a `Miswritten` is."""

    __slots__ = ("count",)

    def __init__(self, fixed: str, item: Scalar, count: int):
        super().__init__(fixed, item)
        self.count = count

    def __reduce__(self) -> tuple:
        return ListedRef, (self.text, Scalar(self.written, self.path, self.line, self.col, self.quoted), self.count)

    @staticmethod
    def of(node: Seq) -> ListedRef | None:
        """The reference of a list of texts whose first reads as an id; else None (the
        list is told what the field must be)."""
        items = node.items
        if not items or not all(isinstance(i, Scalar) and not isinstance(i, Refused) and i.text for i in items):
            return None
        written = str(items[0].text)
        # (A topic's title, "Task arithmetic, model merging and editing", as its slug:
        # looked up, a slug of a title is told the topic of that title.)
        meant = written if _PATTERNS["id"].fullmatch(written) else id_fix(written) or titled_id(written)
        if not meant:
            return None
        return ListedRef(meant, Scalar(written, node.path, node.line, node.col, items[0].quoted), len(items))  # type: ignore[union-attr]


class Unlisted(Miswritten):
    """A reference in a string written where a list of them goes ("topics: MTL",
    "related: a, b"): ``text`` is the id it reads as, ``written`` it as written, ``field``
    the list's name; located at the string. Always an error, reported where references
    are looked up (crosscheck), with the string's: "write [MTL]" sent the curator to an
    unknown topic the next run, and the ids to write in brackets are known only there."""

    __slots__ = ("field", "whole")

    def __init__(self, fixed: str, item: Scalar, field: str, whole: Unlisted | None = None):
        super().__init__(fixed, item)
        self.field = field
        # The whole string read as one reference, when it has a comma: a title's.
        self.whole = whole

    def __reduce__(self) -> tuple:
        item = Scalar(self.written, self.path, self.line, self.col, self.quoted)
        return Unlisted, (self.text, item, self.field, self.whole)


def _ref_fix(text: str, spec: Field) -> str:
    """The id a reference written as a name or place reads as ("MTL": 'mtl'; a title,
    "Task arithmetic, model merging and editing", as its slug, as a parent's is; a pasted
    arXiv id, for a list of papers); "" when it is none."""
    return plain_id(text) or placed_id(text) or titled_id(text) or (
        pasted_id(text) if spec.kind == "list[paper]" else ""
    )


def not_an_id(name: str, text: str) -> str:
    """That ``text``, the value of the field ``name``, is not of an id's form."""
    return (
        f"'{name}' must be an id of lowercase a-z, 0-9 and single hyphens, at most"
        f" {schema.MAX_ID_LENGTH} characters, not {quoted(text)}"
    )


def paper_id_hint(text: str, file_id: str) -> str:
    """What to write for a paper's id not of an id's form, in the file named ``file_id``:
    its file's name, the id it is to have (as for an id left out), if that is an id;
    else the id ``text`` reads as, with the file renamed to it. ("; write 'bad-case'"
    alone in Bad-Case.yml made a file whose id does not match its name, the next error.)"""
    if file_id_fix(file_id):
        return f"; write 'id: {file_id}', its file's name"
    fixed = id_fix(text)
    return f"; write 'id: {fixed}' and rename the file to '{fixed}.yml'" if fixed else ""


def plain_id(text: str) -> str:
    """The id ``text`` is when written with capitals, spaces, underscores or accents
    ("Bad Id" is 'bad-id', "café-paper" 'cafe-paper', as an imported title's slug folds
    them); "" when it is an id already, or what it should be is not that plain."""
    written = text if text.isascii() else latin_folded(text)
    if not _ID_LIKE.fullmatch(written):
        return ""
    fixed = "-".join(re.split(r"[\s_-]+", written.strip().lower()))
    if fixed == text or len(fixed) > schema.MAX_ID_LENGTH or not _PATTERNS["id"].fullmatch(fixed):
        return ""
    return fixed


def placed_id(text: str) -> str:
    """The id in ``text`` written as a place that names it: `readinglist search`'s
    "papers/<id>/", a page's "papers/<id>.md", a file's "content/papers/<id>.yml" or
    "<id>.yml" (topics/ alike), which `check`'s own hints point to; "" otherwise."""
    found = _PLACE.fullmatch(text.strip())
    name = found and (found[1] or found[2])
    return name if name and name != text and _PATTERNS["id"].fullmatch(name) else ""


def titled_id(text: str) -> str:
    """The whole slug of ``text`` written as a paper's title, words and punctuation
    ("LoRA: Low-Rank Adaptation..."), which `check` looks the paper of that title up by
    (crosscheck.titled_papers); "" for no such phrase."""
    if not _TITLE_LIKE.search(text) or _PATTERNS["id"].fullmatch(text):
        return ""
    from .slugs import slugify  # (only for a reference written so: rare)

    fixed = slugify(text, max_length=sys.maxsize)
    return fixed if _PATTERNS["id"].fullmatch(fixed) else ""


def pasted_id(text: str) -> str:
    """``text`` when it names a paper by its arXiv id or DOI as a curator pastes one
    (`add`'s forms: "arXiv:2106.09685", an arxiv.org or doi.org address), which `check`
    looks the paper of that id up by (unknownids.paper_meant); "" otherwise."""
    return text if not _PATTERNS["id"].fullmatch(text) and read_id(text) else ""


# (Two words apart, a letter among them: a title, not markup or a typo of an id.)
_TITLE_LIKE = lazyre.compile(r"[A-Za-z]\S*\s+\S")


_PLACE = lazyre.compile(r"(?:\S*/)?(?:papers|topics)/([a-z0-9-]+)(?:/(?:index\.md)?|\.md|\.ya?ml)?|([a-z0-9-]+)\.ya?ml")


def id_hint(text: str) -> str:
    """"; write 'the-id'" for an id written as `plain_id` reads it, or pasted as a place
    that names it (`placed_id`), else ""."""
    fixed = id_fix(text)
    return f"; write {quoted(fixed)}" if fixed else ""


def id_fix(text: str) -> str:
    """The id ``text`` is written as (`plain_id`: "Bad Id" is 'bad-id'), or pasted as a
    place that names it (`placed_id`), else ""."""
    return plain_id(text) or placed_id(text)


def file_id_fix(file_id: str) -> str:
    """The id a paper in the file named ``file_id`` (without .yml) is to have: that
    name, if it is an id; else "" (the file is to be renamed too)."""
    valid = _PATTERNS["id"].fullmatch(file_id) and len(file_id) <= schema.MAX_ID_LENGTH
    return file_id if valid else ""


_ID_LIKE = lazyre.compile(r"[A-Za-z0-9][A-Za-z0-9 _-]*")


def no_such_date(text: str) -> str:
    """Why ``text``, written as YYYY-MM-DD, is no date: its month or its day does not exist."""
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f"there is no {text}: a month is 01 to 12 (the date is written YYYY-MM-DD){_date_hint(text)}"
    if year == 0:
        return f"there is no {text}: the years start at 0001"
    days = calendar.monthrange(year, month)[1]
    if day == 0:
        return f"there is no {text}: a day is 01 to {days} in {calendar.month_name[month]} {year}"
    return f"there is no {text}: {calendar.month_name[month]} {year} has {days} days"


# Letters typed for the digits they look like.
_LOOKALIKE_DIGITS = str.maketrans("OoIl", "0011")


def year_fix(text: str) -> str:
    """The year ``text`` (no year) was meant to be, "" when that is not certain: a date
    with the year first ("2021-05", "2021-05-17": the year is its first part, but not of
    a season, "2021-22", unless a day follows: "2011-12-05"); the one year among other characters but no other digit ("2021.",
    "(2021)", " 2021", "2021a" as an author-year citation writes a second paper of one
    year); either with a letter typed for the digit it looks like ("2O21", "2l19."), or
    in digits of another width or script ("２０２１", read as 2021 and written so); a date
    said to be approximate as an import reads one, the mark after it or the word before
    ("2019-05~", "2019-05-01?", "circa 2019-05": `without_approximate`)."""
    # (import's reading of what says a date is approximate, one place for both; loaded
    # only for a year in error)
    from .ingest.years import without_approximate

    plain = ascii_digits(text)
    for digits in dict.fromkeys((plain, plain.translate(_LOOKALIKE_DIGITS), without_approximate(plain))):
        dated = _YEAR_OF_DATE.fullmatch(digits)
        # (With a day after it, "2011-12" is December: "2011-12-05" is a date.)
        if dated is not None and (dated.group(3) or not _season(dated.group(1), dated.group(2))):
            year = dated.group(1)
        elif dated is None and (alone := _ONE_YEAR.fullmatch(digits)) is not None:
            year = alone.group(1)
        else:
            continue
        if year != text and _PATTERNS["year"].fullmatch(year):
            return year
    return ""


def _season(year: str, then: str) -> bool:
    """Whether ``year``-``then`` is one year to the next ("2021-22", "2019/20"), as a
    season or an academic year is written, not a year and its month: it names two."""
    return len(then) == 2 and int(then) == (int(year) + 1) % 100


def arxiv_fix(text: str) -> str:
    """The arXiv identifier ``text`` (no identifier) holds after a prefix or in an
    address ("arXiv:2101.00010", "arXiv 2101.00010", "https://arxiv.org/pdf/2101.00010.pdf"),
    its version written in capitals ("2101.00010V2": 2101.00010v2) or without the
    identifier a version of no number ("2101.00010v", "2101.00010v-1"), else ""."""
    bare = _ARXIV_PREFIX.sub("", text).removesuffix(".pdf")
    version = _ARXIV_VERSION.fullmatch(bare)
    if version is not None and not _PATTERNS["arxiv"].fullmatch(bare):
        number = re.fullmatch(r"\s*0*([1-9][0-9]*)", version.group(2))
        bare = version.group(1) + (f"v{number.group(1)}" if number else "")
    return bare if bare != text and _PATTERNS["arxiv"].fullmatch(bare) else ""


def doi_fix(text: str) -> str:
    """The DOI ``text`` (no DOI) holds after a resolver's address or "doi:", or without
    its spaces ("10.1000 /abc", copied across a line break: no DOI holds one), else ""."""
    for written in (text, re.sub(r"\s+", "", text)):
        prefix = _DOI_PREFIX.match(written)
        bare = written[prefix.end() :] if prefix else written
        if bare != text and _PATTERNS["doi"].fullmatch(bare):
            return bare
    return ""


def date_fix(text: str) -> str:
    """The one YYYY-MM-DD date ``text`` (no such date) is another form of (as
    `_date_hint` reads it), "" when it is none or could be two ("04/12/2026")."""
    dates = _date_readings(text)
    return dates[0] if len(dates) == 1 else ""


# The punctuation an address's parts end or start with: a space beside it ("1604.03539
# .pdf") is typed by a slip, where a file or folder name's own stands between words.
_SLIP_BESIDE = "./?#&="


def _spaces_slipped(url: str) -> str:
    """The characters (quoted, "'.'" or "'.' and '/'") beside which every space of ``url``
    stands, when each stands beside one of _SLIP_BESIDE and ``url`` without them is an
    address `check` takes; else ""."""
    beside: list[str] = []
    for at, char in enumerate(url):
        if char != " ":
            continue
        around = [c for c in (url[at - 1 : at], url[at + 1 : at + 2]) if c in _SLIP_BESIDE]
        if not around:
            return ""
        beside.extend(around)
    if not beside or not _PATTERNS["url"].fullmatch(url.replace(" ", "")):
        return ""
    return " and ".join(quoted(c) for c in dict.fromkeys(beside))


def _spaces_escaped(url: str) -> str:
    """``url`` with its spaces written %20, when they are all inside its path or query
    (not at an end, in the host or right after the scheme, where no address holds one)
    and `check` accepts the result as it is, or with backslashes for slashes written as
    slashes (url_fix: "https://x.org\\My papers\\a.pdf", a Windows path pasted); else ""."""
    if url != url.strip() or not _HTTP.match(url):
        return ""
    # (Its parts as a browser reads them, a backslash before the query a slash.)
    path = url.split("?", 1)[0].split("#", 1)[0]
    try:
        parts = urlsplit(path.replace("\\", "/") + url[len(path) :])
    except ValueError:  # ("https://[::1/a b": a host Python cannot read has no fix here)
        return ""
    if " " in parts.netloc or " " in parts.fragment or parts.path.startswith("/ "):
        return ""
    fixed = url.replace(" ", "%20")
    if not _PATTERNS["url"].fullmatch(fixed):
        fixed = url_fix(fixed)
    return fixed if fixed and _PATTERNS["url"].fullmatch(fixed) and not _USERINFO.match(fixed) else ""


def _link_line(text: str) -> str | None:
    """The line ``url: ...`` of the address a link list's item ``text``, written without
    its 'url:', is: as written, else as the url's own check tells it ("- github.com/a/b"
    without its scheme, " https://…" with a space, which told as written were refused
    next); None when that check takes neither ("javascript:…", "ftp://…"). A space inside
    the path is written %20, as that check tells it: removed, "My papers" was another
    address."""
    cleaned = _NOT_IN_URL.sub("", text)
    spaced = _spaces_escaped(text) if set(_NOT_IN_URL.findall(text)) == {" "} else ""
    for address in dict.fromkeys((text, spaced, cleaned, url_fix(cleaned))):
        line = _alone("url", address) if address else None
        if line is not None and _takes("url", _LINK_FIELDS["url"], line, ""):
            return line
    return None


def _unopenable(url: str) -> str:
    """Why Python cannot read ``url``'s host or port ("http://[::1", "https://x.org:99999/",
    a host of full-width signs), which the url check says, as no browser opens it (its
    pattern may take it); else ""."""
    try:
        _ = urlsplit(url).port  # (what every reader of the address does first)
    except ValueError as error:
        return str(error)
    return ""


def url_problem(url: str) -> str:
    """Why ``url``, which has no whitespace or invisible character, is not accepted."""
    fixed = url_fix(url)
    scheme, colon, rest = url.partition(":")
    if colon and _SCHEME.match(scheme) and not url.startswith("//"):
        if scheme.lower() not in ("http", "https"):
            write = f": write {fixed}" if fixed else ""
            return f"must be an http(s) URL, not a '{scheme.lower()}:' URL{write}"
        try:
            host = urlsplit(url).hostname
        except ValueError as error:  # ("https://[::1/a", as the url check says it)
            return f"is one no browser can open: {error}"
        if not fixed and (not rest.startswith("//") or not host):
            return "must be an absolute http(s) URL with a host name, like https://example.org/"
    if fixed:
        return f"must be an absolute http(s) URL: write {fixed}"
    return "must be an absolute http(s) URL, like https://example.org/"


def url_fix(url: str) -> str:
    """The http(s) address ``url`` is one slip in typing from, "" when it is none: its
    scheme left out ("github.com/a/b", "//github.com/a/b"), its "://" mistyped
    ("https//…", "https:/…"), or its scheme one key from https or http ("htps://…")."""
    if url.startswith("//"):
        return f"https:{url}"
    slip = _SCHEME_SLIP.match(url)
    if slip is not None:
        scheme, between, rest = slip.groups()
        # ("htps://github.com/a/b", "htp://…": one slip in typing the scheme, not another
        # kind of URL; "ftp:" and "hxxp:" are two from http.)
        kept = scheme.lower() in ("http", "https")
        meant = scheme if kept else closest(scheme.lower(), ["https", "http"], few=True)
        # ("https:\\x.org\a", "https://x.org\a" pasted from a Windows path:
        # backslashes typed for slashes; those in its host and path separate its parts
        # as a browser reads them; one in the query or fragment is their data, kept.)
        path = rest.split("?", 1)[0].split("#", 1)[0]
        slashed = path.replace("\\", "/") + rest[len(path) :]
        if not meant or kept and between == "://" and slashed == rest or not _HOST_LIKE.match(slashed):
            return ""
        rest = slashed
        fixed = f"{meant}://{rest}"
        # (Read back as `check` reads an address: no hint it would refuse, or warn of as
        # http to a host that serves https.)
        return (https_form(fixed) or fixed) if _PATTERNS["url"].fullmatch(fixed) else ""
    scheme, colon, _ = url.partition(":")
    if colon and _SCHEME.match(scheme):
        return ""  # ("ftp://…", "mailto:…": another kind of address, no slip)
    if "/" not in url and _FILE_NAME.search(url):
        return ""  # ("paper.pdf", "notes.md": a file's name, more likely than a site's)
    return f"https://{url}" if _HOST_LIKE.match(url) else ""


# A bare name that ends as a document or a program does: "paper.pdf", "notes.md".
_FILE_NAME = lazyre.compile(
    r"(?i)\.(?:pdf|html?|md|markdown|txt|rst|tex|bib|zip|gz|tgz|tar|png|jpe?g|gif|svg|ipynb|py|csv"
    r"|json|ya?ml|docx?|pptx?|xlsx?)$"
)


# A scheme, then a slip in typing its "://": the colon or a slash missing, a slash or
# a colon too many, a semicolon for the colon, backslashes for slashes
# ("https//github.com/a/b", "https:/github.com/a/b", "http:example.org", "https;//…",
# "https:\\\\…"). ("://" itself is no slip; nor one slash with no colon: "http/x.org"
# is a path.)
_SCHEME_SLIP = lazyre.compile(r"(?i)^([a-z]+)((?=[/\\]*[:;]|[/\\]{2})[:;/\\]{1,4})([^:;/\\].*)$")

# Text that reads as a host name with an optional path (``github.com/a/b``): only then is
# "write https://..." a helpful fix; for ``javascript&#58;...`` it would be misleading.
# (Its last label is a top-level domain's letters, so "v1.2" or "1.5" reads as no host.)
_HOST_LIKE = lazyre.compile(
    r"(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)(?::\d+)?(?:[/?#]\S*)?$"
)


# A date of year, month and day in that order, but for the form: a month or day of one
# digit, slashes or dots, a time after it ("2026-1-5", "2026/01/05", "2026-01-05T10:00").
# (Not "05/01/2026": which of its numbers is the month, only its writer knows.)
_YMD_LIKE = lazyre.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\S.*)?")
# A date where a year goes, year first: "2021-05", "2021-05-17".
_YEAR_OF_DATE = lazyre.compile(r"(\d{4})[-/.](\d{1,2})([-/.]\d{1,2})?")
# Four digits, the only digits of a text ("2021.", "c. 2021", "2021a").
_ONE_YEAR = lazyre.compile(r"[^0-9]*([0-9]{4})[^0-9]*")
# A date with the year last ("29/11/2026", "11/29/2026", "29-11-2026"): known when one of
# the first two numbers is past 12, so only the other can be the month; two dates when
# both are 12 or less ("04/12/2026").
_YEAR_LAST = lazyre.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
# A date with its month in words, in English ("5 Dec 2026", "December 5, 2026", "2026-Dec-05",
# "Sept. 5th 2026"): one date, whichever comes first. (English names, not the locale's:
# calendar.month_name follows the machine's language.)
_MONTHS = {
    name: number
    for number, month in enumerate(
        ("january february march april may june july august september october november december").split(), 1
    )
    for name in (month, month[:3], *(("sept",) if month == "september" else ()))
}
_MONTH = r"([a-z]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_WORDED_DATES = (
    (lazyre.compile(rf"(?i){_DAY}[ -]{_MONTH},?[ -](\d{{4}})"), (3, 2, 1)),  # day, month, year
    (lazyre.compile(rf"(?i){_MONTH}[ -]{_DAY},?[ -](\d{{4}})"), (3, 1, 2)),  # month, day, year
    (lazyre.compile(rf"(?i)(\d{{4}})[ -]{_MONTH}[ -]{_DAY}"), (1, 2, 3)),  # year, month, day
)


# Other names for a venue's kind (models.VENUE_KINDS), as `_venue_kind_hint` compares
# them (lowercase letters and digits alone: "@InProceedings", "journal-article"): BibTeX's
# entry types the importer reads as the kind (ingest.bibtex), RIS's record types
# (ingest.ris), and the words for them; the field's doc counts a workshop as a
# conference. "" for a work the importer gives no kind (ingest.bibtex._venue_kind): its
# citation goes by the venue's name, as a paper's without one does.
_VENUE_KIND_NAMES = {
    **dict.fromkeys(
        ("article", "journalarticle", "journalpaper", "jour", "jfull", "ejour"), "journal"
    ),
    **dict.fromkeys(
        (
            "inproceedings", "proceedings", "conferencepaper", "conf", "cpaper", "workshop",
            "workshoppaper", "symposium",
        ),
        "conference",
    ),
    **dict.fromkeys(
        ("incollection", "inbook", "bookinbook", "chapter", "bookchapter", "chap", "echap", "collection"),
        "book",
    ),
    **dict.fromkeys(
        (
            "preprint", "misc", "techreport", "report", "thesis", "phdthesis", "mastersthesis",
            "unpublished", "online", "software", "dataset",
        ),
        "",
    ),
}
NO_VENUE_KIND = (
    "; a preprint, report, thesis or other work has no venue kind: remove 'venue_kind',"
    " and the citation goes by the venue's name"
)


# A reading status's other names, as reading lists and trackers write them (in lowercase,
# without spaces or punctuation): the status each means on this list.
_STATUS_NAMES = {
    **dict.fromkeys(
        (
            "unread", "reading", "currentlyreading", "wanttoread", "toberead", "readlater", "later",
            "todo", "queued", "backlog",
        ),
        "to-read",
    ),
    **dict.fromkeys(("essential", "required", "requiredreading", "mustsee", "important"), "must-read"),
    **dict.fromkeys(("classics", "seminal", "landmark", "foundational", "canonical"), "classic"),
    **dict.fromkeys(("ref", "references", "lookup"), "reference"),
}
# Where a link was found, as a curator adding one by hand names it: the curator (the
# file's own words for the one who writes it), or a source by another name.
_FOUND_IN_NAMES = {
    **dict.fromkeys(
        ("me", "mine", "myself", "hand", "byhand", "manual", "manually", "handwritten", "user",
         "human", "editor", "maintainer", "curated", "self"),
        "curator",
    ),
    **dict.fromkeys(("bib", "bibtexfile", "biblatex"), "bibtex"),
    **dict.fromkeys(("arxivcomment", "comments"), "comment"),
}
# Other words for true and false (YAML 1.1's among them), as `boolean` tells them.
_YES_NO = {
    **dict.fromkeys(("yes", "y", "on", "1", "t", "official"), "true"),
    **dict.fromkeys(("no", "n", "off", "0", "f", "none"), "false"),
}
# Field -> the other names of its choices.
_CHOICE_NAMES = {"venue_kind": _VENUE_KIND_NAMES, "status": _STATUS_NAMES, "found_in": _FOUND_IN_NAMES}


def _named(text: str, names: dict[str, str]) -> str | None:
    """The value ``text`` is another name of in ``names`` (or a slip of one), compared
    in lowercase without spaces or punctuation; None for no name there."""
    key = re.sub(r"[\W_]+", "", text.lower())
    if key not in names:
        key = closest(key, sorted(names)) or ""
    return names.get(key)


def _venue_kind_of(text: str) -> str | None:
    """The kind ``text`` is another name of (or a slip of one): "conference" for
    "inproceedings", "" for a work of none ("preprint"); None for no name of one."""
    return _named(text, _VENUE_KIND_NAMES)


def _meant_choice(name: str, text: str, choices: Sequence[str]) -> str | None:
    """The choice ``text`` is a slip of, or for a status or a venue kind another name
    of ("reading": 'to-read', "inproceedings": 'conference'); None for none ("" for a
    venue kind of a work that has none, "preprint")."""
    meant = closest(text, choices)
    if meant is None and name in _CHOICE_NAMES:
        meant = _named(text, _CHOICE_NAMES[name])
    return meant


def _venue_kind_hint(text: str, spec: Field) -> str:
    """"; write 'venue_kind: conference'" for another name of a kind (or a slip of one),
    written as it reads back as the kind; `NO_VENUE_KIND` for a work of none; else ""."""
    meant = _venue_kind_of(text)
    if meant == "":
        return NO_VENUE_KIND
    line = _alone("venue_kind", meant) if meant in spec.choices else None
    return f"; write '{line}'" if line else ""


def _date_hint(text: str) -> str:
    """"; write 2026-01-05" for a date written in another form of the same order, or
    with its year last where its day is past 12, or year first with its day and month
    swapped (a month past 12, "2026-31-12"); "; write 2026-12-04 or 2026-04-12" for
    one with its year last whose day and month are both 12 or less (only its writer
    knows which comes first: day first, then month first)."""
    dates = _date_readings(text)
    return f"; write {' or '.join(dates)}" if dates else ""


def _date_readings(text: str) -> list[str]:
    """The dates, YYYY-MM-DD, ``text`` may be written in another form, as `_date_hint`
    says (day first, then month first, when both could be either)."""
    found = _YMD_LIKE.fullmatch(text.strip())
    if found is not None:
        year, month, day = (int(part) for part in found.groups())
        readings = [(year, day, month) if month > 12 else (year, month, day)]
    elif (last := _YEAR_LAST.fullmatch(text.strip())) is not None:
        first, second, year = int(last.group(1)), int(last.group(3)), int(last.group(4))
        readings = [(year, second, first), (year, first, second)]
        if (first > 12) != (second > 12):
            readings = [(year, min(first, second), max(first, second))]
    else:
        readings = _worded_date(text.strip())
    return list(dict.fromkeys(date for date in map(_iso_date, readings) if date))


def _worded_date(text: str) -> list[tuple[int, int, int]]:
    """The year, month and day of a date written with its month's English name
    (`_WORDED_DATES`), as a list of one; [] for any other text."""
    for pattern, (year, month, day) in _WORDED_DATES:
        found = pattern.fullmatch(text)
        if found is not None and found.group(month).lower() in _MONTHS:
            return [(int(found.group(year)), _MONTHS[found.group(month).lower()], int(found.group(day)))]
    return []


def _iso_date(reading: tuple[int, int, int]) -> str | None:
    """The year, month and day written YYYY-MM-DD, if that reads back as that date
    through `RecordChecker.date`'s test; else None (no such day)."""
    try:
        written = dt.date(*reading).isoformat()
    except ValueError:
        return None
    if _PATTERNS["date"].fullmatch(written) and dt.date.fromisoformat(written) == dt.date(*reading):
        return written
    return None


def code_repository(url: str) -> tuple[str, str]:
    """The code host and ``owner/name`` of a repository link (deep links included)."""
    from .links import classify  # imported late: only files with code links need it

    found = classify(url)
    return found.host, found.repo


def unknown_field(name: str, what: str, fields: Sequence[str], place: str | None = None) -> str:
    """The message for a field ``what`` (a record, "" for a paper) does not have;
    ``place`` says where it belongs when it is a field of another record."""
    where = f" in {what}" if what else ""
    return f"unknown field {quoted(name)}{where}" + did_you_mean(
        name, fields, place or f"; the fields are: {', '.join(fields)}"
    )


def misspelt_required(name: str, fields: dict[str, Field], node: Map) -> str | None:
    """The required field an unknown ``name`` is a typo of ("ulr" of 'url'), if that
    field is missing from ``node``, the record holding ``name``."""
    meant = closest(name, list(fields))
    return meant if meant and _missing_required(meant, fields, node) else None


def _missing_required(name: str, fields: dict[str, Field], node: Map) -> bool:
    """Whether ``name`` is a required field of ``fields`` the record ``node`` leaves out."""
    spec = fields.get(name)
    return spec is not None and spec.required and node.get(name) is None


def misspelt_message(name: str, what: str, meant: str) -> str:
    """The message for an unknown field ``name`` that is a typo of the required field
    ``meant``, missing from the record (``what``, as in `unknown_field`)."""
    where = f" in {what}" if what else ""
    return f"unknown field {quoted(name)}{where} (did you mean {quoted(meant)}? the required field {quoted(meant)} is missing)"


def _read_back(name: str, text: str) -> Node | None:
    """The value the line ``name: text`` reads as; None if it is no YAML mapping."""
    tree = parse(f"{name}: {text}\n", "", Problems())
    return tree.get(name) if isinstance(tree, Map) else None


def _reads_back(name: str, text: str, items: list[str] | None = None) -> bool:
    """Whether the line ``name: text`` reads back as ``text``, as the hint to write a
    value alone needs: "venue: 'Twas a venue" and "venue: - Workshop" are no YAML,
    "venue: null" is no venue, and "venue:  Padded" loses its space. With ``items``:
    whether it reads back as a list of those texts, as a flow list told must."""
    value = _read_back(name, text)
    if items is None:
        return isinstance(value, Scalar) and value.text == text
    return isinstance(value, Seq) and [
        item.text if isinstance(item, Scalar) and not isinstance(item, Refused) else None for item in value.items
    ] == items


def _one_link_hint(node: Map) -> str:
    """What to write for a kind's one link written as a mapping, not as a list of one
    ("paper:" then "url: ..." on the next line, the dash forgotten): a hand-written
    file's likeliest slip, which the list's shape alone did not show how to mend."""
    first = node.entries[0][0]
    if (first.line, first.col) != (node.line, node.col):
        # (In braces, "{url: ...}", which open before its first field, where a mapping
        # without them starts: the list is the brackets around it. Its first field, not
        # its url: "found_in:" may come first.)
        return "; a single link is a list of one too: put the braces in brackets, [{url: ...}]"
    others = " and indent its other fields two spaces more" if len(node.entries) > 1 else ""
    return f"; a single link is a list of one too: write '- ' before its first field{others}"


def _in_braces(line: str) -> str:
    """The line ``name: value`` (as `_alone` writes it) as an item of a list in brackets:
    a mapping in braces, its value in double quotes where, plain, a comma, bracket or
    brace in it would end it there ("{url: https://x.org/a,b}" is a link to
    https://x.org/a and a field 'b')."""
    name, _, written = line.partition(": ")
    value = _read_back(name, written)
    if not isinstance(value, Scalar) or value.text is None:
        return "{" + line + "}"  # (the cut "url: ...")
    for text in (written, double_quoted(value.text)):
        tree = parse(f"x: [{{{name}: {text}}}]\n", "", Problems())
        items = tree.get("x") if isinstance(tree, Map) else None
        item = items.items[0] if isinstance(items, Seq) and len(items.items) == 1 else None
        read = item.get(name) if isinstance(item, Map) and len(item.entries) == 1 else None
        if isinstance(read, Scalar) and read.text == value.text:
            return f"{{{name}: {text}}}"
    return "{" + line + "}"


def _alone(name: str, text: str) -> str | None:
    """The line ``name: text`` written so that it reads back as ``text``: plain, else
    in double quotes ("venue: null" is no venue, "venue: "null"" is); None if neither."""
    for written in (text, double_quoted(text)):
        value = _read_back(name, written)
        if isinstance(value, Scalar) and value.text == text:
            return f"{name}: {written}"
    return None


def _one_of_several(name: str, spec: Field, node: Seq, file_id: str) -> str:
    """The hint for a list of several values where one goes ("venue: [NeurIPS, ICML]"):
    the first alone, and for a text all of them as one ("NeurIPS, ICML"), each written
    as it reads back; "" when an item is no text to write, or for a label ("pages: [1, 18]"
    meant 1-18: keeping the first would lose the rest)."""
    if spec.kind == "label":
        return ""
    texts = [item.text for item in node.items if isinstance(item, Scalar) and not isinstance(item, Refused)]
    if len(texts) != len(node.items) or not all(text and text.strip() for text in texts):
        return ""
    first = _alone(name, texts[0])  # type: ignore[arg-type]
    joined = None
    kept = " to keep the first"
    if first is not None and _takes(name, spec, first, file_id):
        joined = _alone(name, ", ".join(texts)) if spec.kind == "text" else None  # type: ignore[arg-type]
    else:
        # ("venue_kind: [inproceedings, journal]": the first as its own check would
        # have it written; "year: [twenty, 2021]": none, "year: twenty" is an error again.)
        first = _fixed(name, spec, texts[0], file_id)  # type: ignore[arg-type]
        if first is None:
            return ""
        if spec is PAPER_FIELDS["id"]:  # (not the first's: "id: [y, x]" in x.yml)
            kept = ", its file's name"
    hint = f"; it takes one value: write '{first}'{kept}"
    return hint + (f", or '{joined}' to keep them all as one text" if joined else "")


def _one_alone(name: str, spec: Field, text: str, file_id: str) -> str:
    """The hint for a list of the one value ``text``: to write it alone where the field's
    own check takes it and, written plain, it reads back as itself (a value that would
    need quotes alone gets none: the hint would have to say so), whatever characters
    it holds: "doi: [10.1000/x]" is told as "doi: [https://doi.org/10.1000/x]" is; else
    the value that check offers for it (`_fixed`: "venue_kind: [inproceedings]":
    'conference'); else "" ("year: [twenty]")."""
    line = f"{name}: {text}"
    if _reads_back(name, text) and _takes(name, spec, line, file_id):
        return f"; write '{line}', the value alone"
    fixed = _fixed(name, spec, text, file_id)
    if fixed is not None:
        return f"; write '{fixed}'"
    if spec is PAPER_FIELDS["id"] and not file_id_fix(file_id):
        # ("id: [Bad File]" in Bad_File.yml: as "id: Bad File" is told, the id it reads
        # as with the file renamed, when check then takes it in a file of that name.)
        meant = id_fix(text)
        if meant and _takes(name, spec, f"{name}: {meant}", meant):
            return paper_id_hint(text, file_id)
    return NO_VENUE_KIND if name == "venue_kind" and _venue_kind_of(text) == "" else ""


# Field kind -> the value its check offers for one it refuses ("" for none), where the
# fix is certain: its message then says "write" it.
_FIXES: dict[str, Callable[[str], str]] = {
    "id": id_fix, "year": year_fix, "arxiv": arxiv_fix, "doi": doi_fix, "date": date_fix, "url": url_fix,
}


def _fixed(name: str, spec: Field, text: str, file_id: str) -> str | None:
    """The line ``name: value`` for the value the field's own check offers for ``text``,
    which it refuses, written as it reads back: the choice a choice is a slip or another
    name of ("inproceedings": 'venue_kind: conference'), a paper's id its file's name
    (``file_id``), or its kind's fix in `_FIXES` ("2O21": 'year: 2021'); None when there
    is none, or check would refuse it too."""
    if spec is PAPER_FIELDS["id"]:
        meant: str | None = file_id_fix(file_id)
    elif spec.kind == "id" and spec.name != "id":
        # (A reference, a topic's parent: the id a name reads as may be no topic's, known
        # only where references are looked up, as `slug` says.)
        meant = None
    elif spec.kind == "enum":
        meant = _meant_choice(name, text, spec.choices)
    else:
        meant = _FIXES[spec.kind](text) if spec.kind in _FIXES else None
    line = _alone(name, meant) if meant and meant != text else None
    return line if line is not None and _takes(name, spec, line, file_id) else None


def _takes(name: str, spec: Field, line: str, file_id: str) -> bool:
    """Whether the field's own check takes the value of ``line`` (``name: value``, as
    `_alone` writes it) without an error; a paper's id only as the name of its file
    (``file_id``), which crosscheck's check of file names asks."""
    tree = parse(f"{line}\n", "", Problems())
    node = tree.get(name) if isinstance(tree, Map) else None
    if node is None:
        return False
    if spec is PAPER_FIELDS["id"] and file_id and not (isinstance(node, Scalar) and node.text == file_id):
        return False
    found = Problems()
    value = _BY_KIND[spec.kind](RecordChecker(found, line), node, spec, name)
    # (A reference written as a name, Miswritten, is an error said where it is looked up.)
    return not found.has_errors() and not isinstance(value, Miswritten)


def _flow_list(name: str, text: str) -> str | None:
    """The flow list of the items ``text`` separates by commas ("a, b" -> "[a, b]"),
    each quoted where written bare it would be no YAML ("'a"), no text ("null") or
    another item: None when the line ``name: [...]``, read back, gives other items."""
    items = [part.strip() for part in text.split(",")]
    return _flow_of(name, items) if all(items) else None


def _flow_of(name: str, items: list[str]) -> str | None:
    """The flow list of ``items``, each quoted where written bare it would be no YAML
    ("'a", "- a"), no text ("null") or more than one item ("Lovelace, Ada"): None when
    the line ``name: [...]``, read back, gives other items."""
    written = [item if _reads_back(name, f"[{item}]", [item]) else double_quoted(item) for item in items]
    flow = f"[{', '.join(written)}]"
    return flow if _reads_back(name, flow, items) else None


# A line of a block's text that reads as a field: "status: must-read", "topics: [a]", "year:".
_FIELD_LINE = lazyre.compile(r"([a-z_]+):(?:[ \t]|$)")
# A text that may end with such a line (joined to the line above by '>'): read no further.
_ENDS_AS_FIELD = lazyre.compile(r"(?:^|[\n ])([a-z_]+):(?:[ \t][^\n]*)?$")


# A field met in the wrong record is nearly always a slip of indentation: (the record,
# as RecordChecker.record's ``what`` names it, or "link kinds" for the mapping under
# 'links:'; the name) -> where it belongs. Used only when no field of the record itself
# is close to the name (a paper's ``note`` is a typo of ``notes``, not a link's note).
_AT_THE_START = "; it is a paper field: write it at the start of its line, not indented"
# BibTeX's and biblatex's names a curator used to them writes for a paper's fields.
_BIBTEX_NAMES = {
    "journal": "venue", "journaltitle": "venue", "booktitle": "venue", "issue": "number",
    "eprint": "arxiv", "keywords": "tags", "date": "year", "author": "authors", "editor": "editors",
}
# Other lists' names for a kind of link (al-folio's bibliography fields among them).
_KIND_NAMES = {
    "website": "project", "homepage": "project", "site": "project", "html": "paper",
    "talk": "video", "talks": "video", "videos": "video", "recording": "video",
    "poster": "slides", "posters": "slides", "dataset": "data", "datasets": "data",
    "model": "data", "models": "data", "weights": "data", "github": "code", "repo": "code",
    "repository": "code", "repositories": "code",
}
# Other names for a link's note, the words its badge shows after the link's name.
_NOTE_NAMES = {name: "note" for name in ("label", "title", "name", "text", "description", "caption")}
# Other names for a topic's fields: its papers (a reading order gives the topic its
# papers, as a paper's `topics:` does; said in full in `_PLACES`) and its title.
_TOPIC_NAMES = {"papers": "reading_order", "name": "title", "label": "title"}
# Record (as in `_PLACES`) -> other names for its fields -> the field. A typo of one of
# them ("jounal", "labl") is told the field too: no field is close to it.
_OTHER_NAMES = {"": _BIBTEX_NAMES, "link kinds": _KIND_NAMES, "a link": _NOTE_NAMES, "a topic": _TOPIC_NAMES}
_PLACES: dict[tuple[str, str], str] = {
    **{
        (record, name): f"; this list calls it {quoted(field)}"
        for record, names in _OTHER_NAMES.items()
        for name, field in names.items()
    },
    **{("", kind): "; it is a link kind: indent it under 'links:'" for kind in LINK_KINDS},
    **{
        ("", name): f"; it is a link kind, which this list calls {quoted(kind)}: write it under 'links:' as '{kind}:'"
        for name, kind in _KIND_NAMES.items()
    },
    **{
        ("", name): "; it is a field of a link: indent it under a link in 'links:'"
        for name in _LINK_FIELDS
    },
    **{
        ("a link", kind): "; it is a link kind: indent it less, level with the other kinds"
        " under 'links:'"
        for kind in LINK_KINDS
    },
    **{("a link", name): _AT_THE_START for name in PAPER_FIELDS},
    **{("link kinds", name): _AT_THE_START for name in PAPER_FIELDS},
    **{
        ("link kinds", name): "; it is a field of one link: indent it under a '- url:' item"
        " of a link list (such as 'code:'), level with its 'url'"
        for name in _LINK_FIELDS
        if name != "url"
    },
    ("link kinds", "url"): "; a link is an item of a link list: write '- url: ...' indented"
    " under a link kind (such as 'code:')",
    **{
        ("topics.yml", name): "; it is a field of a topic: indent it under a topic in 'topics:'"
        for name in TOPIC_FIELDS
    },
    **{
        ("", name): "; it is a field of a topic, in content/topics.yml; a paper's topics go in"
        " its 'topics:'"
        for name in ("parent", "reading_order", "threshold")
    },
    # (What a topic holds of its papers is its reading order, 3 to 6 of them; the rest
    # are in it by their own 'topics:' or its keywords.)
    ("a topic", "papers"): "; the papers to read first go in its 'reading_order:'; a paper"
    " is put in the topic by the paper's 'topics:', or by the topic's 'keywords:'",
}


def place_of(record: str, name: str) -> str | None:
    """Where a field ``record`` does not have belongs, as a hint ("; indent it under
    ..."); None when it is no field of another record. ``record`` as in `_PLACES`."""
    place = _PLACES.get((record, name))
    if place is None and (near := _near_other_name(record, name)):
        return _PLACES[record, near]
    return place


def other_name_of(record: str, name: str) -> str | None:
    """The field of ``record`` (as in `_PLACES`) that ``name``, or a typo of it, is
    another list's name for (a topic's 'name' for its 'title'), if any."""
    names = _OTHER_NAMES.get(record, {})
    other = name if name in names else _near_other_name(record, name)
    return names[other] if other else None


def _near_other_name(record: str, name: str) -> str | None:
    return closest(name, list(_OTHER_NAMES.get(record, ())))


def _twice(name: str, text: str, first: Scalar, again: Scalar, times: int = 2) -> str:
    """That list ``name`` gives ``text`` again at ``again`` (``times`` in all), first at
    ``first``: by its column too when both are on one line, as a list in brackets writes them."""
    where = line_of(first, again)
    if times == 2:
        return f"'{name}' lists {quoted(text)} twice (first at {where}); remove this one"
    return f"'{name}' lists {quoted(text)} {times} times (first at {where}); remove all but one"


def _same_name_kept(name: str, first: Scalar, again: Scalar, times: int, commented: bool, field: str = "authors") -> str:
    """After "'authors' lists 'Wei Wang' twice ...; remove this one": how to keep two
    authors who share the name, which then is said no more (RecordChecker._another).
    ``commented``: ``again`` has a comment, the line above's (else it would be kept)."""
    line = quoted(f"- {yaml_scalar(name)}  # another {name}")
    if first.line == again.line:
        # (one line, a list in brackets: no comment tells which of them it is of)
        return (
            f", unless two {field} share the name: then write the {field} one a line, the"
            f" second with a comment after it, {line}"
        )
    # (A line written as the one above, its comment too, is taken for one duplicated in
    # the editor: three authors of one name, each commented '# another ...' as a
    # warning said, were told so again, and to write the comment they had.)
    if commented:
        return (
            f", unless two {field} share the name: then give this line a comment of its own,"
            " not the one the line above has (a line written as the one above, its comment"
            " too, is taken for one duplicated in the editor)"
        )
    if times == 2:
        return f", unless two {field} share the name: then say so in a comment after this one, {line}"
    third = quoted(f"- {yaml_scalar(name)}  # a third {name}")
    return (
        f", unless {field} share the name: then say so in a comment after each but the first,"
        f" each its own, {line}, {third}"
    )


def line_of(first: Node, again: Node) -> str:
    """Where ``first`` is, said at ``again``: "line 3", and its column too when both are
    on one line, as a list in brackets writes them."""
    return f"line {first.line}" + (f", column {first.col}" if first.line == again.line else "")
