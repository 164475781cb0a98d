"""A paper's COinS span: what a reference manager's connector saves from its page."""

import re
from urllib.parse import unquote

import bibtexparser
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from generator.coins import coins
from generator.export_bibtex import citation
from generator.models import Paper


def _read(context: str) -> list[tuple[str, str]]:
    """The pairs as OpenURL reads them: split at "&" and "=", each part percent-decoded."""
    return [(unquote(k), unquote(v)) for k, v in (part.split("=", 1) for part in context.split("&"))]


def _paper(**fields) -> Paper:
    return Paper(id="p", title=fields.pop("title", "A Title: With, Punctuation & More"), abstract="", **fields)


def test_a_journal_article_with_authors_year_doi_and_its_page():
    paper = _paper(authors=("Yann LeCun", "Geoffrey Hinton", "others"), year=2015, venue="Nature",
                   venue_kind="journal", doi="10.1038/nature14539", arxiv="1502.00001")
    assert _read(coins(paper)) == [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
        ("rft.genre", "article"),
        ("rft.atitle", "A Title: With, Punctuation & More"),
        ("rft.jtitle", "Nature"),
        ("rft.date", "2015"),
        ("rft.aulast", "LeCun"),  # (the first author's surname and given names, once)
        ("rft.aufirst", "Yann"),
        ("rft.au", "LeCun, Yann"),  # (every author; "others", BibTeX's et al., is none)
        ("rft.au", "Hinton, Geoffrey"),
        ("rft_id", "info:doi/10.1038/nature14539"),
        ("rft_id", "https://arxiv.org/abs/1502.00001"),
    ]


def test_each_kind_of_work_has_the_format_and_genre_zotero_reads_as_that_kind():
    def head(paper):
        return [pair for pair in _read(coins(paper)) if pair[0] in ("rft_val_fmt", "rft.genre")]

    book, journal = "info:ofi/fmt:kev:mtx:book", "info:ofi/fmt:kev:mtx:journal"
    conference = _paper(venue="NeurIPS", venue_kind="conference")
    assert head(conference) == [("rft_val_fmt", book), ("rft.genre", "proceeding")]
    assert ("rft.btitle", "NeurIPS") in _read(coins(conference))
    assert head(_paper(venue="Handbook of X", venue_kind="book")) == [
        ("rft_val_fmt", book), ("rft.genre", "bookitem")]
    assert head(_paper(venue="Technical report, Microsoft")) == [
        ("rft_val_fmt", book), ("rft.genre", "report")]
    # A report's title is the title of the whole (Zotero left it untitled from atitle).
    report = _read(coins(_paper(title="Tech Notes", venue="Technical report, Microsoft")))
    assert ("rft.btitle", "Tech Notes") in report and not any(k == "rft.atitle" for k, _ in report)
    assert head(_paper(venue="arXiv preprint arXiv:2106.09685")) == [
        ("rft_val_fmt", journal), ("rft.genre", "preprint")]
    assert head(_paper()) == [("rft_val_fmt", journal), ("rft.genre", "preprint")]
    thesis = _read(coins(_paper(venue="PhD thesis, Carnegie Mellon University")))
    assert ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation") in thesis
    assert ("rft.inst", "Carnegie Mellon University") in thesis and ("rft.degree", "PhD") in thesis


@given(st.text(min_size=1), st.lists(st.text(min_size=1), max_size=3), st.text())
def test_any_text_comes_back_as_written_and_holds_nothing_html_reads(title, authors, venue):
    context = coins(_paper(title=title, authors=tuple(authors), venue=venue))
    # Only unreserved characters, "%", "=" and "&": nothing an attribute or HTML reads.
    assert not set(context) & set("<>\"' \n")
    pairs = _read(context)
    assert {("rft.atitle", title), ("rft.title", title), ("rft.btitle", title)} & set(pairs)
    # Each author, in order, with every character of the name but the spaces, commas
    # and braces (which say how it splits, not what it is).
    def letters(name: str) -> list[str]:
        return sorted("".join(name.split()).replace(",", "").replace("{", "").replace("}", ""))

    # (An organisation is the rft.aucorp first, an rft.au later, in its place.)
    assert [letters(v) for k, v in pairs if k in ("rft.au", "rft.aucorp")] == [
        letters(a) for a in authors if a != "others"]



def test_a_report_is_published_by_its_institution_as_its_citation_says():
    # (review: the Cite block said institution = {Microsoft}, number = {MSR-TR-2019-1},
    # and Zotero, which reads rft.pub as a report's institution, saved "Technical
    # Report MSR-TR-2019-1, Microsoft")
    for venue in ("Technical Report MSR-TR-2019-1, Microsoft", "Technical report, Microsoft"):
        pairs = _read(coins(_paper(venue=venue)))
        assert [v for k, v in pairs if k == "rft.pub"] == ["Microsoft"], venue
    # A curated publisher is no report's institution: the venue's is (as in BibTeX).
    pairs = _read(coins(_paper(venue="Tech. rep., Stanford University", publisher="Elsevier")))
    assert [v for k, v in pairs if k == "rft.pub"] == ["Stanford University"]


def test_a_book_whose_venue_is_its_publisher_is_published_by_it_as_its_citation_says():
    # (review of bk2, h_rev103: its citation became @book{..., publisher = {Springer}},
    # and its COinS, a book now, lost the publisher: rft.pub is read of `publisher` alone)
    pairs = _read(coins(_paper(venue="Springer")))
    assert ("rft.genre", "book") in pairs
    assert [v for k, v in pairs if k == "rft.pub"] == ["Springer"]
    assert [v for k, v in pairs if k == "rft.btitle"] == [_paper().title]
    # A curated publisher is said once, the venue not taken for a second.
    pairs = _read(coins(_paper(venue="", publisher="MIT Press")))
    assert [v for k, v in pairs if k == "rft.pub"] == ["MIT Press"]


_CAPITALS = "A-Z\u0400-\u042f"  # (cleanAuthor's capitals: Latin and Cyrillic)


def _zotero_creator(value: str, use_comma: bool) -> tuple[str, str | None]:
    """(surname, given names) of one rft.au as Zotero's COinS reader saves it: a port of
    Zotero.Utilities.cleanAuthor (zotero/utilities, utilities.js), which
    parseContextObject calls with use_comma when the value holds a comma. It trims
    spaces and ".,/[]:" at the ends and makes the first run of spaces one; with a comma
    it gives the first full stop before another character a space after it and takes
    the parts before and after the first comma (what follows a second is lost; no
    given names, None, without one), else splits at the last space (an earlier one while
    the surname starts with no letter). Then given names of one to three capitals are
    initials ("JR": "J. R."), full stops and spaces between given names are one space,
    a single capital gets a full stop ("J", "-Y"), and spaces before a hyphen go."""
    value = re.sub(r"[\s\u00a0.,/\[\]:]+$", "", re.sub(r"^[\s\u00a0.,/\[\]:]+", "", value))
    value = re.sub(r"[\s\u00a0]+", " ", value, count=1)
    first: str | None
    if use_comma:
        value = re.sub(r"\.([^ ])", r". \1", value, count=1)
        parts = re.split(", ?", value)
        last, first = (parts[0], parts[1]) if len(parts) > 1 else (value, None)
    else:
        index = len(value)
        while True:
            index = value.rfind(" ", 0, index)
            last, first = value[index + 1:], value[:index] if index > 0 else ""
            if not last or re.match(r"[^\W\d_]", last) or index <= 0:
                break
    if first and re.fullmatch(f"[{_CAPITALS}]+", first) and len(first) < 4 and (
            len(first) == 1 or last.upper() != last):
        first = " ".join(letter + "." for letter in first)
    if first:
        names = re.sub(r"[\s,]+$", "", re.sub(r"^[\s.]+", "", first))
        names = re.sub(r"\s*([\u002d\u00ad\u2010-\u2015\u2212\u2e3a\u2e3b])\s*", "-", names, count=1)
        # (JavaScript's split at the lookahead gives no empty part after a full stop)
        pieces = [piece for piece in re.split(r"(?:[\s.]+|(?=-))", names) if piece]
        first = "".join(piece + ("." if re.fullmatch(f"-?[{_CAPITALS}]", piece) else "") + " "
                        for piece in pieces).replace(" -", "-").strip()
    return last, first


def _zotero_read(context: str) -> list[tuple[str, str]]:
    """The pairs as Zotero's COinS reader reads them (zotero/utilities openurl.js,
    parseContextObject): split at "&", each part at its first "=" and what follows up to
    a second one (keyVal[1]); the key as written, the value percent-decoded after every
    "+" and "%2B" is made a space (`.replace(/\\+|%2[bB]/g, " ")`)."""
    pairs = []
    for part in context.split("&"):
        key, value = part.split("=")[:2]
        pairs.append((key, unquote(re.sub(r"\+|%2[bB]", " ", value))))
    return pairs


def _zotero_creators(paper: Paper) -> list[tuple[str, str]]:
    """(surname, given names) of each creator Zotero saves from the page, in its order
    (zotero/utilities openurl.js, parseContextObject). Each rft.au is split by
    cleanAuthor (`_zotero_creator`) and pushed in turn. An rft.aulast or rft.aufirst
    fills the last creator kept aside if it lacks that part, else starts another, whose
    "offset" is the number of rft.au read before it; an rft.aucorp is one with no offset.
    Afterwards each kept aside is compared with every creator so far: one of its surname
    with given names that start with its own makes it a repeat, left out; its given names
    read when it has none (an aucorp, an aulast alone) is a TypeError, nothing saved.
    Any other is spliced in at offset + the number spliced before it (undefined + n is
    NaN, and splice(NaN, 0, x) puts x first: every aucorp goes to the front)."""
    creators: list[tuple[str, str | None]] = []
    aside: list[dict] = []
    for key, value in _zotero_read(coins(paper)):
        if not value:
            continue
        if key == "rft.au":
            creators.append(_zotero_creator(value, "," in value))
        elif key in ("rft.aulast", "rft.aufirst"):
            part = "last" if key == "rft.aulast" else "first"
            if aside and not aside[-1].get(part):  # (and not "institutional": a key Zotero never sets)
                aside[-1][part] = value
            else:
                aside.append({part: value, "offset": len(creators)})
        elif key == "rft.aucorp":
            aside.append({"last": value, "offset": None})
    inserted = 0
    for one in aside:
        repeat = False
        for surname, given_names in creators:
            if surname == one.get("last") and given_names:
                if one.get("first") is None:
                    raise TypeError(f"Zotero reads the given name {one['last']!r} lacks")
                if given_names.startswith(one["first"]):
                    repeat = True
                    break
        if not repeat:
            creators.insert(0 if one["offset"] is None else one["offset"] + inserted,
                            (one.get("last"), one.get("first")))
            inserted += 1
    return [(surname or "", given or "") for surname, given in creators]


def _zotero_authors(paper: Paper) -> list[tuple[str, str]]:
    """`_zotero_creators`, a full stop at the end of the given names left out, as
    `_cited_authors` leaves it out (Zotero gives an initial one: "J.")."""
    return [(surname, given.rstrip(".")) for surname, given in _zotero_creators(paper)]


def _cited_authors(paper: Paper) -> list[tuple[str, str]]:
    """(surname, given names) of each author as BibTeX reads the page's Cite block: the
    "von" part with the surname, a "Jr" part after the given names (Zotero keeps no
    suffix of its own; its trailing full stop is trimmed, as Zotero trims it)."""
    [entry] = bibtexparser.parse_string(citation(paper), append_middleware=[SeparateCoAuthors(), SplitNameParts()]).entries
    return [(" ".join(n.von + n.last), " ".join(n.first + n.jr).rstrip(".")) for n in entry["author"]]


def test_zotero_saves_each_author_with_the_surname_the_citation_gives():
    # (review: "Jan van der Berg" was saved as "Berg, Jan van der", which BibTeX cites
    # as "van der Berg, Jan"; "Martin Luther King, Jr." as the surname "Martin Luther
    # King" with the given name "Jr"; BibTeX's own "King, Jr., Martin Luther" lost
    # "Martin Luther": Zotero keeps what follows the first comma only)
    paper = _paper(authors=("Jan van der Berg", "Martin Luther King, Jr.", "King, Jr., Martin Luther",
                            "Van Den Driessche, George", "Yann LeCun", "Ludwig van Beethoven", "赵, 鑫"))
    assert _zotero_authors(paper) == [
        ("van der Berg", "Jan"), ("King", "Martin Luther Jr"), ("King", "Martin Luther Jr"),
        ("Van Den Driessche", "George"), ("LeCun", "Yann"), ("van Beethoven", "Ludwig"), ("赵", "鑫")]
    assert _zotero_authors(paper) == _cited_authors(paper)


_GIVEN = st.sampled_from(["Ada", "Jean-Luc", "Zoë", "J.", "Mary Ann", "Émile"])
_PARTICLE = st.sampled_from(["", "van", "van der", "de la", "von"])
_SURNAME = st.sampled_from(["Lovelace", "O'Brien", "Ångström", "Van Den Driessche", "Smith-Jones"])
_SUFFIX = st.sampled_from(["", "Jr.", "Sr.", "III"])


@given(st.lists(st.tuples(_GIVEN, _PARTICLE, _SURNAME, _SUFFIX, st.integers(0, 2)), min_size=1, max_size=4))
def test_zotero_and_bibtex_read_every_person_alike_however_the_name_is_written(people):
    authors = []
    for given_names, particle, surname, suffix, form in people:
        if " " in surname:  # (BibTeX reads a surname of two words only when written first)
            form = 1
        last = f"{particle} {surname}".strip()
        if form == 0:  # "Ada van Lovelace", "Ada van Lovelace, Jr."
            authors.append(f"{given_names} {last}" + (f", {suffix}" if suffix else ""))
        elif form == 1 or not suffix:  # "van Lovelace, Ada", "van Lovelace, Jr., Ada"
            authors.append(f"{last}, {suffix}, {given_names}" if suffix else f"{last}, {given_names}")
        else:  # "Ada van Lovelace Jr."
            authors.append(f"{given_names} {last} {suffix}")
    paper = _paper(authors=tuple(authors))
    assert _zotero_authors(paper) == _cited_authors(paper), authors


_WORD = st.builds(lambda first, rest: first + rest, st.characters(categories=("Lu", "Lt", "Ll")),
                  st.text(st.characters(blacklist_characters=",{}\\~", blacklist_categories=("Cs",)), max_size=6))


@given(st.lists(_WORD, min_size=1, max_size=4).map(" ".join))
@example("Jean\u00a0Luc Picard")  # (a no-break space: one word to BibTeX)
@example("Ada van Lovelace")
@example("Ada Lovelace III")
@example("Ada Lovelace")
def test_a_name_of_words_is_split_as_bibtex_splits_it_shortcut_or_not(name):
    # (coins._author takes "First Middle Last" without bibtexparser's splitting: it
    # must give what that splitting gives, any letters and spaces in the words)
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    from generator.export_bibtex import is_one_unit, person_name
    from generator.names import braced_name

    if is_one_unit(name) or braced_name(name) is not None:
        return
    parts = parse_single_name_into_parts(person_name(name), strict=False)
    surname, given_names = " ".join(parts.von + parts.last), " ".join(parts.first + parts.jr)
    [written] = [v for k, v in _read(coins(_paper(authors=(name,)))) if k == "rft.au"]
    assert written == (f"{surname}, {given_names}" if surname and given_names else surname or given_names)


def _cited_whole(paper: Paper) -> list[tuple[str, str]]:
    """`_cited_authors`, a name BibTeX takes whole (braced: one "last" name of braces)
    without its braces, and its "\\&" an "&" (the only escape of the names here)."""
    return [(last[1:-1].replace("\\&", "&"), given) if last.startswith("{") and last.endswith("}")
            else (last, given) for last, given in _cited_authors(paper)]


@pytest.mark.parametrize(
    "authors, saved",
    [
        # (review: each was saved split at its last space, "DeepMind, Google", "Team, The
        # Gemini", "Technologies, DeepMind", as no person's name is)
        (("Google DeepMind",), [("Google DeepMind", "")]),
        (("The Gemini Team", "Ada Lovelace"), [("The Gemini Team", ""), ("Lovelace", "Ada")]),
        (("{DeepMind Technologies}",), [("DeepMind Technologies", "")]),
        (("OpenAI",), [("OpenAI", "")]),
        # first, an organisation's name is read as written, commas and full stops too
        (("Gemini Team, Google", "Ada Lovelace"), [("Gemini Team, Google", ""), ("Lovelace", "Ada")]),
        (("Hugging Face Inc.",), [("Hugging Face Inc.", "")]),
        # one no word of which says so, but which reads as an organisation's all the same
        # (names.read_as_organisation: was saved "Face, Hugging", as BibTeX cited it)
        (("Hugging Face", "Ada Lovelace", "Common Crawl"), [("Hugging Face", ""), ("Lovelace", "Ada"), ("Common Crawl", "")]),
        # anywhere else too, in its place
        (("Ada Lovelace", "Google DeepMind", "Alan Turing", "The Gemini Team"),
         [("Lovelace", "Ada"), ("Google DeepMind", ""), ("Turing", "Alan"), ("The Gemini Team", "")]),
        (("Google DeepMind", "Allen Institute for AI", "AT&T Labs"),
         [("Google DeepMind", ""), ("Allen Institute for AI", ""), ("AT&T Labs", "")]),
    ],
)
def test_zotero_saves_an_organisation_whole_and_in_its_place(authors, saved):
    paper = _paper(authors=authors)
    assert _zotero_creators(paper) == saved
    assert _cited_whole(paper) == saved  # (and the Cite block's BibTeX braces it whole)


def test_an_organisation_after_the_first_author_is_a_full_name_in_its_place():
    # OpenURL's rft.aulast is the first author's surname, once (a reader that keeps one
    # value a key took a later one for it): a later organisation is an rft.au, "Name,",
    # which Zotero saves as a surname, whole, with no given name, in its place.
    paper = _paper(authors=("Ada Lovelace", "Google DeepMind", "Alan Turing", "{DeepMind Technologies}"))
    assert [pair for pair in _read(coins(paper)) if pair[0].startswith("rft.au")] == [
        ("rft.aulast", "Lovelace"), ("rft.aufirst", "Ada"),
        ("rft.au", "Lovelace, Ada"), ("rft.au", "Google DeepMind,"), ("rft.au", "Turing, Alan"),
        ("rft.au", "DeepMind Technologies,")]
    assert _zotero_creators(paper) == [("Lovelace", "Ada"), ("Google DeepMind", ""), ("Turing", "Alan"),
                                       ("DeepMind Technologies", "")]
    # What Zotero cannot keep of a later one (d22990e3 kept it as a second rft.aulast): a
    # comma in it, at which it splits the name, and a full stop at its end, which it
    # trims (its cleanAuthor, whatever the value). The first keeps both, the aucorp.
    paper = _paper(authors=("Ada Lovelace", "Gemini Team, Google", "Hugging Face Inc."))
    assert _zotero_creators(paper) == [("Lovelace", "Ada"), ("Gemini Team", "Google"), ("Hugging Face Inc", "")]
    paper = _paper(authors=("{Google, Inc.}", "Ada Lovelace"))
    assert _zotero_creators(paper) == [("Google, Inc.", ""), ("Lovelace", "Ada")]


@pytest.mark.parametrize(
    "authors",
    [("Ada Lovelace",), ("Google DeepMind", "Ada Lovelace"), ("Ada Lovelace", "Google DeepMind", "OpenAI, LLC"),
     ("Ada Lovelace", "Alan Turing", "Grace Hopper"), ("Plato", "Ada Lovelace"), ("{Smith}", "John Smith")],
)
def test_the_first_authors_surname_is_sent_once_and_every_author_as_a_full_name(authors):
    pairs = [pair for pair in _read(coins(_paper(authors=authors))) if pair[0].startswith("rft.au")]
    keys = [key for key, _ in pairs]
    assert keys.count("rft.aulast") <= 1 and keys.count("rft.aufirst") <= 1 and keys.count("rft.aucorp") <= 1
    # (first of all, before any rft.au; an aucorp is the first author, or there is none)
    assert keys[: keys.count("rft.aulast") + keys.count("rft.aufirst") + keys.count("rft.aucorp")] == [
        key for key in ("rft.aulast", "rft.aufirst", "rft.aucorp") if key in keys]
    assert keys.count("rft.au") == len(authors) - keys.count("rft.aucorp")


@pytest.mark.parametrize(
    "name, last, first, saved",
    [
        ("Ada Lovelace", "Lovelace", "Ada", ("Lovelace", "Ada")),
        ("Mary Ann Evans", "Evans", "Mary Ann", ("Evans", "Mary Ann")),
        ("J. R. R. Tolkien", "Tolkien", "J. R. R.", ("Tolkien", "J. R. R.")),
        ("Jean-Luc Picard", "Picard", "Jean-Luc", ("Picard", "Jean-Luc")),
        ("Jan van der Berg", "van der Berg", "Jan", ("van der Berg", "Jan")),
        # Given names Zotero saves otherwise than written: the aufirst is the letters
        # they start with, which Zotero's comparison finds at the start of its own.
        ("J.R.R. Tolkien", "Tolkien", "J", ("Tolkien", "J. R. R.")),
        ("T.-Y. Lin", "Lin", "T", ("Lin", "T.-Y.")),
        ("Smith, JR", "Smith", "J", ("Smith", "J. R.")),
        ("Martin Luther King, Jr.", "King", "Martin", ("King", "Martin Luther Jr")),
        ("Ada B Smith", "Smith", "Ada", ("Smith", "Ada B.")),
        ("Zoë Ångström", "Ångström", "Zoë", ("Ångström", "Zoë")),
        # None where Zotero could not tell the two apart: one name alone (it compares no
        # given names), a surname it reads otherwise (a full stop: "St. John")
        ("Plato", None, None, ("Plato", "")),
        ("St.John, Ada", None, None, ("St. John", "Ada")),
    ],
)
def test_zotero_saves_the_first_author_once_from_the_aulast_and_the_rft_au(name, last, first, saved):
    paper = _paper(authors=(name, "Alan Turing"))
    pairs = _read(coins(paper))
    assert [value for key, value in pairs if key == "rft.aulast"] == ([last] if last else [])
    assert [value for key, value in pairs if key == "rft.aufirst"] == ([first] if first else [])
    assert _zotero_creators(paper) == [saved, ("Turing", "Alan")]


_GIVEN_PART = st.sampled_from(["Ada", "J.", "J.R.", "JR", "Jean-Luc", "T.-Y.", "Mary", "A", "É.", "Zoë", "Ю.",
                               "b", "Jean-L", "D'Arcy", "Ab.", "Ada\u00a0B"])
_SURNAME_PART = st.sampled_from(["Smith", "van der Berg", "St.John", "O'Brien", "Ångström", "SMITH", "Lee"])


@given(st.lists(_GIVEN_PART, max_size=3), _SURNAME_PART, st.booleans(), st.sampled_from(["", "Jr.", "III"]))
def test_zotero_saves_the_first_author_once_however_the_given_names_are_written(given_parts, surname, first, suffix):
    # (the aufirst must be where Zotero's own reading of the rft.au starts, or it saves
    # the first author twice: Zotero spaces initials, drops and adds full stops)
    given_names = " ".join(given_parts)
    if " " in surname or not given_names:
        first = False  # (BibTeX reads a surname of two words only when written first)
    name = f"{given_names} {surname}" if first else f"{surname}, {given_names}".rstrip(", ")
    if suffix:
        name = f"{name}, {suffix}" if first else f"{surname}, {suffix}, {given_names}".rstrip(", ")
    paper = _paper(authors=(name, "Alan Turing"))
    assert len(_zotero_creators(paper)) == 2, (name, _read(coins(paper)))


def test_an_organisation_named_as_another_authors_surname_is_no_aucorp():
    # Zotero's reader compares each aucorp with the authors before it, and an author of
    # that surname with a given name makes it read the aucorp's given name, which it
    # has none of: a TypeError, and nothing saved from the page.
    paper = _paper(authors=("{Smith}", "John Smith"))
    assert [key for key, _ in _read(coins(paper)) if key.startswith("rft.au")] == ["rft.au", "rft.au"]
    assert _zotero_creators(paper) == [("Smith", ""), ("Smith", "John")]
    # After a person, it is a full name too (the first author's aulast and aufirst are
    # John Smith's, which his rft.au repeats)
    paper = _paper(authors=("John Smith", "{Smith}"))
    assert [key for key, _ in _read(coins(paper)) if key.startswith("rft.au")] == [
        "rft.aulast", "rft.aufirst", "rft.au", "rft.au"]
    assert _zotero_creators(paper) == [("Smith", "John"), ("Smith", "")]


_ORGANISATION = st.sampled_from(["Google DeepMind", "The Gemini Team", "{DeepMind Technologies}", "OpenAI",
                                 "AT&T Labs", "Allen Institute for AI", "{Hugging Face}", "Qwen team",
                                 "Hugging Face", "{Smith}"])
# (first alone: Zotero splits a later one at its comma, and trims its full stop)
_FIRST_ORGANISATION = st.sampled_from(["Google, Inc.", "Hugging Face Inc.", "Gemini Team, Google"])
_PERSON = st.sampled_from(["Ada Lovelace", "Jan van der Berg", "Van Den Driessche, George", "Yann LeCun",
                           "Martin Luther King, Jr.", "赵, 鑫", "J. R. R. Tolkien", "T.-Y. Lin", "Plato",
                           "John Smith"])


@given(st.lists(st.one_of(_ORGANISATION, _PERSON), min_size=1, max_size=5), st.one_of(st.none(), _FIRST_ORGANISATION))
def test_zotero_and_bibtex_read_every_author_alike_organisations_among_people(authors, first):
    paper = _paper(authors=tuple(authors) if first is None else (first, *authors))
    assert _zotero_authors(paper) == _cited_whole(paper), paper.authors


# Every character a query string gives a meaning to, and those around them.
_MEANINGFUL = "+&#=%;?/:@$,'\"!*()[]{}<> \t~`^|"


@given(st.text(alphabet=st.sampled_from(_MEANINGFUL + "aZ9éß€😀"), min_size=1, max_size=12))
@example("C++")
@example("C#")
@example("AT&T")
@example("a+b=c; 100% #1 ?x=y")
def test_every_field_round_trips_through_a_query_string_parser(text):
    # urllib's parse_qsl reads a query string as forms and OpenURL's KEV are sent: "&"
    # between pairs (only: no ";"), "+" a space, %XX a byte of UTF-8. Every field keeps
    # every character (text spaced as a citation spaces it: runs of spaces as one).
    from urllib.parse import parse_qsl

    spaced = " ".join(text.split())
    assume(spaced and spaced != "others")
    paper = _paper(title=text, venue=f"Proc. {text}", venue_kind="conference", volume=text, number=text,
                   publisher=text, doi=f"10.1/{text}", authors=("Ada Lovelace", f"{text} Lab"))
    context = coins(paper)
    pairs = parse_qsl(context, keep_blank_values=True, strict_parsing=True, encoding="utf-8", errors="strict")
    assert pairs == _read(context)
    fields = dict(pairs)
    assert fields["rft.atitle"] == text
    assert fields["rft.btitle"] == f"Proc. {spaced}"
    assert fields["rft.volume"] == fields["rft.issue"] == fields["rft.pub"] == spaced
    assert ("rft_id", f"info:doi/10.1/{text}") in pairs
    assert [v for k, v in pairs if k.startswith("rft.au")] == ["Lovelace", "Ada", "Lovelace, Ada", f"{spaced} Lab,"]
    # Zotero's reader reads it alike, but that it makes every "+" a space, written as it
    # may be ("%2B" too): nothing gives it a plus (see coins.coins).
    assert _zotero_read(context) == [(k, v.replace("+", " ")) for k, v in pairs]
