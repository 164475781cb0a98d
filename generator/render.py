"""Rendering planned pages with the Jinja2 templates in `generator/templates/`.

The environment is strict (`StrictUndefined`: a misspelled variable fails the build
with the template's file and line) and escapes everything a template prints (its
`finalize` hook, `_finalize`): the templates write Markdown whose curator text sits
inside raw HTML blocks, so HTML escaping is what keeps it literal (see escape.py).
Filters give templates the few other conversions they need; each returns `Markup`, so
nothing is escaped twice.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Mapping, Sequence
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from . import cache, escape
from .errors import CuratorError, Location, Problems
from .pagecontext import RowSource
from .pages import ICON_STYLESHEET, File, Page  # noqa: F401 (build.py and tests import it from here)

TEMPLATES = Path(__file__).parent / "templates"
ICONS = TEMPLATES / "icons"
# Calls kept by a renderer's `cached` global: above a table row for each paper and
# each of its topics, for lists of tens of thousands of papers.
_CACHED_CALLS = 1 << 17


# Characters a YAML double-quoted scalar cannot hold as they are: the backslash, the
# quote, and what PyYAML's reader refuses or folds (controls, surrogates, U+FFFE/F).
_YAML_UNSAFE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]')


def _yaml_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in '\\"':
        return "\\" + ch
    if "\ud800" <= ch <= "\udfff":
        # A lone surrogate cannot come from a UTF-8 file, and libyaml refuses it.
        return "\\ufffd"
    return f"\\u{ord(ch):04x}"


def meta_string(value: str) -> Markup:
    """A YAML front-matter string that MkDocs hands to the theme, which prints it raw.

    Material inserts ``page.meta.title`` into the HTML without escaping, so the value is
    HTML-escaped first; the YAML double-quoted form then keeps every character. (Written
    by hand because yaml.safe_dump costs a quarter of a millisecond per page.)
    """
    return Markup('"' + _YAML_UNSAFE.sub(_yaml_escape, escape.theme_text(value)) + '"')


def summary(value: str, limit: int = 160) -> str:
    """The first words of a text, at most ``limit`` characters with the ellipsis: a
    page's description, which a link's preview (in a chat, a search engine) shows."""
    # The words that may show, spaced: those in the first twice ``limit`` characters
    # (spacing a whole abstract, eight times as long, cost a clean generate of 10,000
    # papers 0.1 s), or all where those are too few. (Spaced, the start is the whole
    # text's spaced start; a word it cuts in two is past the limit.)
    text = " ".join(value[: 2 * limit].split())
    if len(text) <= limit:
        text = " ".join(value.split())
        if len(text) <= limit:
            return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:  # (else it ends with a whole word)
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(",;:") + "…"


# Where a sentence may end: after . ! or ? (and a closing quote or bracket) and a space,
# before a capital, a digit, or an opening quote or bracket ("e.g. the" goes on); not
# after an initial or a usual abbreviation ("U.S. National", "Smith et al. The",
# "Fig. 2"). Or at a full stop of scripts written without spaces ("。").
_SENTENCE_END = re.compile(r"(\S*?)[.!?][\"”’')\]]*\s+(?=\S)|[。！？]")
_ABBREVIATIONS = frozenset(
    "al e.g i.e cf vs etc fig figs eq eqs sec ch pp dr prof mr ms st no vol approx ca incl resp".split()
)


def first_sentence(value: str, limit: int = 160) -> str:
    """A text's first sentence, cut as `summary` cuts when it is longer than ``limit``:
    a topic card's line from the first paragraph of the topic's description."""
    text = " ".join(value.split())
    for end in _SENTENCE_END.finditer(text):
        if end.group(1) is not None:
            following = text[end.end()]
            if not (following.isupper() or following.isdigit() or following in "\"“‘'(["):
                continue
            word = end.group(1).strip("()[]\"“”‘’'").lower()
            if word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                continue  # an abbreviation or an initial ("U.S.", "J. Smith")
        return _clause_cut(text[: end.end()].rstrip(), limit)
    return _clause_cut(text, limit)


# Where a long sentence may be cut: before a comma, semicolon, colon, dash or an opening
# parenthesis that no parenthesis left open encloses.
_CLAUSE = re.compile(r"[,;:]\s| [(–—]")


def _clause_cut(sentence: str, limit: int) -> str:
    """A sentence at most ``limit`` characters long: cut, when it is longer, at the last
    clause that ends past half the limit ("... small prompts…", not "... prompts (a few
    learnable vectors fed to the model) for…"), else at a word as `summary` cuts."""
    if len(sentence) <= limit:
        return sentence
    depth, best = 0, -1
    for at, char in enumerate(sentence[: limit - 1]):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if depth == 0 and at >= limit // 2 and _CLAUSE.match(sentence, at):
            best = at
    if best < 0:
        return summary(sentence, limit)
    return sentence[:best].rstrip() + "…"


def trusted_markdown(value: str) -> Markup:
    """Markdown written by the site's maintainers (content/pages, the schema reference).

    These pages are project files like mkdocs.yml, not curator data, so they pass
    through as Markdown for MkDocs to render.
    """
    return Markup(value)


def _finalize(value: object) -> object:
    # Every value a template prints goes through here: Markup (the output of a filter
    # below, or of a macro) as it is, a number as its digits, anything else as escaped
    # text. There is no way to forget escaping.
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape.text(value)
    if type(value) is int:
        return str(value)
    return escape.text(str(value))


def _join(items, separator: str = "") -> Markup:
    """Jinja's join as it behaves under autoescape: text items are escaped, Markup kept."""
    return Markup(_finalize(separator)).join(_finalize(item) for item in items)


def join_text(items, separator: str) -> Markup:
    """Items of plain text, each escaped for one line as the ``text`` filter does, joined
    by ``separator`` (plain text too): ``map("text") | join(separator)`` without Jinja's
    call of the filter per item, which cost half a second for the five related papers'
    shared terms on each of 10,000 pages."""
    # (str's join: Markup's would pass each item, escaped already, through escape again.)
    return Markup(str(escape.text(separator)).join([escape.inline_text(item) for item in items]))


_BREAK_AFTER = re.compile(r"([/_])(?=.)")


def breakable(value: str) -> Markup:
    """Escaped text that may wrap after each slash or underscore (an ``owner/name``
    label in a narrow table cell, "large_language_models_open_suite"), rather than in
    the middle of a word. (A line may end after a hyphen already; never after a dot,
    inside an arXiv id or a DOI's number.) The escaping writes neither.

    What follows the last slash is kept in a span the stylesheet keeps whole where it
    fits (.rl-badge__tail): a line ends at the last break that fits, and a column read
    "AlibabaResearch/DAMO-" over "ConvAI"."""
    def wrappable(text: str) -> str:
        return _BREAK_AFTER.sub(r"\1<wbr>", str(escape.inline_text(text)))

    head, slash, tail = str(value).rpartition("/")
    if not (slash and tail):
        return Markup(wrappable(value))
    return Markup(f'{wrappable(head + slash)}<wbr><span class="rl-badge__tail">{wrappable(tail)}</span>')


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def counted(number: int, language: str = "en") -> str:
    """A count as the site's language writes it (mkdocs.yml's `theme: language:`,
    English when unset), as table-filter.js's counted() writes the table's with the
    browser's Intl.NumberFormat for the page's lang ("All 10,000 papers" stood below
    "**10000** papers"): "10,000" in English, "10.000" in German, "10 000" in French
    (a narrow no-break space), "1,00,000" in Hindi. Both read CLDR's data: Babel's
    (pinned by constraints.txt) is the same for every build, so the pages stay byte
    for byte the same. Where Babel's CLDR and the browser's differ (Galician's
    separator, "1.000" since CLDR 48; a language the browser has no data for, which it
    writes as English), the page's counts and the table's may differ."""
    if language == "en":
        return f"{number:,}"  # (CLDR's English, without Babel's work: most sites; "en-IN" is Babel's)
    return _counted_by_babel(number, language)


# English's month names, not calendar.month_name's, which follow the machine's language.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def day(value: date, language: str = "en") -> Markup:
    """A day as a reader reads it, in the site's language, the machine's form in its
    ``<time datetime>``: "November 29, 2026" in English. It is CLDR's long date, as
    read-marks.js writes a read mark's day with the browser's toLocaleDateString for
    the page's lang: the home page's "added 2026-11-29" stood beside the reading log's
    "December 7, 2026". Kept on one line (.rl-day): "added November" at one line's end
    and "29, 2026" at the next's read as two things."""
    if language == "en":
        shown = f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
    else:
        from babel.dates import format_date

        shown = format_date(value, format="long", locale=_number_locale(language))
    return Markup(f'<time class="rl-day" datetime="{value.isoformat()}">{escape.inline_text(shown)}</time>')


# (8 µs a count in Babel, 30,000 counts on the pages of 10,000 papers: the same few
# thousand numbers, positions and totals, are written once each.)
@functools.lru_cache(maxsize=1 << 15)
def _counted_by_babel(number: int, language: str) -> str:
    from babel.numbers import get_group_symbol, get_minus_sign_symbol

    locale = _number_locale(language)
    # Babel's own data, grouped here rather than by format_decimal, which reads a "'" in
    # what it wrote as a quote: the Swiss separator of 1'234'567 was dropped ("1234567").
    first, then = locale.decimal_formats[None].grouping
    digits = str(abs(number))
    if len(digits) >= first + (2 if str(locale) in _MIN_GROUPING_TWO else 1):
        symbol = get_group_symbol(locale, numbering_system="default")
        head, groups = digits[:-first], [digits[-first:]]
        while len(head) > then:
            head, groups = head[:-then], [head[-then:], *groups]
        digits = symbol.join([head, *groups])
    text = get_minus_sign_symbol(locale, numbering_system="default") + digits if number < 0 else digits
    zero = _ZERO.get(locale.default_numbering_system or "latn")
    # (Babel knows a numbering system's separators, not its digits: "۱۰٬۰۰۰" in Persian.)
    return text.translate({ord("0") + i: zero + i for i in range(10)}) if zero else text


@functools.lru_cache(maxsize=None)
def _number_locale(language: str):
    """Babel's locale for a page's language ("de", "pt-BR", "zh-Hant"; an old code as
    CLDR replaces it, Material's "sh" as "sr-Latn"); English for one Babel does not
    know, as table-filter.js falls back to "en" where the browser throws."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    code = language.replace("-", "_")
    code = get_global("language_aliases").get(code, code)
    try:
        return Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse("en")


# CLDR's locales whose minimumGroupingDigits is 2, which Babel's data leaves out: a
# number of four digits is written ungrouped ("1000" in Spanish, "10.000" beside it).
# (Those of Babel's locales that Node 20's ICU 78.2, CLDR 48, writes so; "ee", whose minimum is
# 3, "10000" ungrouped, is not among them.)
_MIN_GROUPING_TWO = frozenset({
    "be", "be_BY", "be_TARASK", "bg", "bg_BG", "es", "es_EA", "es_ES", "es_GQ", "es_IC", "es_PH",
    "et", "et_EE", "hu", "hu_HU", "hy", "hy_AM", "ia", "ia_001", "ie", "ie_EE", "it", "it_CH",
    "it_IT", "it_SM", "it_VA", "ka", "ka_GE", "lv", "lv_LV", "pl", "pl_PL", "pt_CH", "pt_CV",
    "pt_GQ", "pt_GW", "pt_LU", "pt_MO", "pt_MZ", "pt_PT", "pt_ST", "pt_TL", "ru_UA", "sl", "sl_SI",
    "sq", "sq_AL", "sq_MK", "sq_XK",
})

# The zero of each of CLDR's default numbering systems that is not Latin's (Babel knows
# a locale's default, "arabext" for Persian, but not its digits).
_ZERO = {
    "arab": 0x0660, "arabext": 0x06F0, "beng": 0x09E6, "deva": 0x0966, "mymr": 0x1040,
    "tibt": 0x0F20, "olck": 0x1C50, "adlm": 0x1E950, "mtei": 0xABF0, "nkoo": 0x07C0,
    "cakm": 0x11136, "hmnp": 0x1E140,
}


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates kept in ``folder`` between processes (also the theme's: see
    mkdocs_hook.on_env). Compiling the templates costs a new process about a tenth of a
    second, Material's 0.4 s. A folder that cannot be made (a read-only checkout) only
    costs that."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, where a damaged entry is compiled again (Jinja writes
    its entries atomically, but would fail on one cut short by anything else)."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # (Jinja's own, with the memo's rule: compiled code is run, so a file is loaded
        # only when its writer could change the generator anyway: cache.trusted.)
        try:
            with open(self._get_cache_filename(bucket), "rb") as handle:
                if cache.trusted(handle.fileno()):
                    bucket.load_bytecode(handle)
        except FileNotFoundError:
            pass
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # (A folder this user may not write in, another user's in a project folder two
        # users share: Jinja's PermissionError stopped the build. The templates are
        # compiled again by the next process, as with no cache.)
        try:
            super().dump_bytecode(bucket)
        except PermissionError:
            cache.without(Path(self.directory), "write in", "this run's work is not kept for the next")


class Renderer:
    """Renders `Page`s to Markdown text; one instance compiles each template once."""

    def __init__(self, templates: Path = TEMPLATES, compiled: Path | None = None, language: str = "en") -> None:
        """``compiled``: a folder to keep the compiled templates in between processes
        (Jinja's bytecode cache: each entry is checked against its template's source);
        ``language``: the site's (mkdocs.yml's `theme: language:`), its counts' (`counted`)."""
        self.templates = templates
        self.language = language
        env = jinja2.Environment(
            bytecode_cache=bytecode_cache(compiled),
            loader=jinja2.FileSystemLoader(str(templates)),
            undefined=jinja2.StrictUndefined,
            # Escaping is _finalize's alone: Jinja's autoescape would call
            # markupsafe.escape once more on every value printed (a million calls for
            # 10,000 pages) after _finalize escaped it. A macro then returns plain text
            # holding the HTML its body printed (escaped there), so a template marks a
            # macro's result `| safe` where it calls it, and nowhere else.
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            finalize=_finalize,
        )
        env.filters.update(
            text=escape.inline_text,
            abstract=escape.abstract_html,
            markdown=escape.markdown_html,
            markdown_text=escape.markdown_text,
            first_paragraph=escape.markdown_first_paragraph,
            meta=meta_string,
            summary=summary,
            first_sentence=first_sentence,
            trusted_markdown=trusted_markdown,
            percent=percent,
            counted=functools.partial(counted, language=language),
            day=functools.partial(day, language=language),
            breakable=breakable,
            join=_join,
            join_text=join_text,
        )
        env.globals["icon"] = self.icon
        env.globals["cached"] = functools.lru_cache(maxsize=_CACHED_CALLS)(self._call_macro)
        env.globals["table_rows"] = self._table_rows
        self.env = env
        self._rows: PageRows | None = None  # the page being rendered's (see `render`)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of every template and icon, and the language the counts are written
        in: rendered text depends on nothing else."""
        digest = hashlib.sha256(b"language\0" + self.language.encode() + b"\0")
        for path in sorted(p for p in self.templates.rglob("*") if p.is_file()):
            digest.update(path.relative_to(self.templates).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()

    @cached_property
    def _icons(self) -> dict[str, str]:
        return {
            path.stem: " ".join(path.read_text(encoding="utf-8").split())
            for path in sorted((self.templates / "icons").glob("*.svg"))
        }

    def icon(self, name: str) -> Markup:
        """A badge's icon: an empty span the icon stylesheet paints (see icon_stylesheet).

        Decorative (every badge has a text label), so screen readers skip it. An unknown
        name fails the build rather than showing a badge without its icon.
        """
        if name not in self._icons:
            raise KeyError(f"no icon named {name!r} in {self.templates / 'icons'}")
        return Markup(f'<span class="rl-badge__icon rl-icon--{name}" aria-hidden="true"></span>')

    def icon_stylesheet(self) -> str:
        """CSS that paints each icon once for the whole site, as a mask in the text colour.

        Inlining the SVG into every badge made each paper page several kilobytes larger
        and gave MkDocs that much more HTML to parse, per page; one stylesheet is fetched
        once and cached by the browser.
        """
        rules = [
            "/* Generated from generator/templates/icons/ by render.py: do not edit. */",
            ".md-typeset .rl-badge__icon[class*=rl-icon--] {",
            "  background-color: currentcolor;",
            "  -webkit-mask: var(--rl-icon) center / contain no-repeat;",
            "  mask: var(--rl-icon) center / contain no-repeat;",
            "}",
        ]
        for name, svg in self._icons.items():
            uri = "data:image/svg+xml," + quote(svg, safe=" =:/;,.-_'")
            rules.append(f'.rl-icon--{name} {{ --rl-icon: url("{uri}"); }}')
        return "\n".join(rules) + "\n"

    @cached_property
    def _macros(self) -> object:
        # (Looked up once: a table's rows call a macro 10,000 times or more, and this
        # renderer never reloads a template; an edited one gets a new renderer.)
        return self.env.get_template("_macros.j2").module

    def _call_macro(self, name: str, *args: object) -> Markup:
        """A macro of _macros.j2, for templates that call it through ``cached``.

        Its arguments are frozen records (hashable, equal when every field is), so the
        same call gives the same text and is kept for the life of this renderer: rows
        of the tables are the same on every run under `mkdocs serve`. The macro printed
        every value through _finalize, so its text is markup as it stands.
        """
        return Markup(getattr(self._macros, name)(*args))

    def _table_rows(self, name: str, rows: Sequence[RowSource], *args: object) -> Markup:
        """The macro ``name`` of _macros.j2 for each of a table's ``rows`` (and ``args``,
        a few hashable values the same for the whole table), each row's text followed by
        a newline: the text kept in the page's `PageRows` when the row was rendered from
        an equal key, else rendered now. Without them (a page rendered with no memo),
        this renderer's own `cached`. One call for the whole table: called by the
        template for each of 10,000 rows, Jinja's loop and call cost twice what
        the rows' own look-ups do (a title edit's rerun renders the All papers page)."""
        page = self._rows
        if page is None:
            cached = self.env.globals["cached"]
            return Markup("".join([cached(name, row.make(), *args) + "\n" for row in rows]))
        kept_rows, made, texts = page.kept, page.made, []
        for row in rows:
            slot = (name, row.paper_id, *args)
            kept = kept_rows.get(slot)
            # (The key's paper is the very object of the last run for an unchanged
            # paper, even in a new process: the memo's file cache and its rows are
            # unpickled together. Its topics are compared field by field.)
            if kept is None or kept[0] != row.key:
                kept = (row.key, str(self._call_macro(name, row.make(), *args)))
            made[slot] = kept
            texts.append(kept[1])
        texts.append("")  # (the last row's newline)
        return Markup("\n".join(texts))

    def render(self, output: Page | File, rows: PageRows | None = None) -> str | bytes:
        """``output``'s text. ``rows``: the rows of the page's tables as the last run
        rendered them; each row the page renders from the same key is taken from there,
        and ``rows.made`` is given the rows this page holds now (see `_table_rows`)."""
        if isinstance(output, File):
            return output.text
        template = self.env.get_template(f"{output.template}.j2")
        self._rows = rows
        try:
            return template.render(output.context)
        finally:
            self._rows = None


@dataclass
class PageRows:
    """The rows of one page's tables as rendered, for the next run (build.Memo.rows):
    (macro, paper id, the macro's other arguments) -> (the row's key: everything it is
    made from, see pagecontext.RowSource; its text). Plain strings and tuples: the
    memo is pickled, and 10,000 rows of Markup would cost more to read back."""

    kept: Mapping[tuple, tuple[tuple, str]]
    made: dict[tuple, tuple[tuple, str]] = field(default_factory=dict)


def template_error(error: Exception, root: Path) -> CuratorError | None:
    """A template's mistake as a curator's error at its file and line (``root``: what
    the path is shown relative to), so that `readinglist build` says where it is in
    one line and `serve` shows it in its error bar over the last good pages, rather
    than a traceback and a browser left waiting. Jinja's errors count, and any other
    exception raised by a template's own code ("{{ 1 + 'a' }}" raises TypeError); None
    for one raised elsewhere, in a filter's Python say (a bug of the generator: its
    traceback is what to see). A syntax mistake is said at its column too when Jinja
    names what it stopped at, as a theme override's is (read again as the templates
    are read: their syntax is a Renderer's, whatever their folder)."""
    where: tuple[str, int] | None = None
    innermost = ""
    column = 1
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        where = (error.filename, error.lineno or 1)
        if error.source is not None:
            from .theme_errors import syntax_column  # (only for a mistake: it imports MkDocs)

            # (0 when Jinja's words do not tell it for certain: said at the line alone)
            column = syntax_column(Renderer().env, error.source, error.filename, error)
    else:
        # Jinja rewrites the traceback so that a template's frames name its file and line.
        frame = error.__traceback__
        while frame is not None:
            innermost = frame.tb_frame.f_code.co_filename
            if innermost.endswith(".j2"):
                where = (innermost, frame.tb_lineno)
            frame = frame.tb_next
    if not isinstance(error, jinja2.TemplateError) and not innermost.endswith(".j2"):
        return None
    path, line = where or (str(TEMPLATES), 1)  # (none found: the folder, at least)
    try:
        shown = Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = path
    problems = Problems()
    message = getattr(error, "message", None) or str(error)
    if not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    problems.error(Location(shown, line, column), f"template error: {message}")
    return CuratorError(problems)
