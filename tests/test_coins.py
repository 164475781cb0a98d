"""A paper's COinS span: what a reference manager's connector saves from its page."""

import re
from urllib.parse import unquote

import bibtexparser
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import example, given
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
        ("rft.au", "LeCun, Yann"),  # ("others", BibTeX's et al., is no author)
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

    assert [letters(v) for k, v in pairs if k == "rft.au"] == [letters(a) for a in authors if a != "others"]



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


def _zotero_creator(value: str) -> tuple[str, str]:
    """(surname, given names) of one rft.au as Zotero's COinS reader saves it:
    parseContextObject calls Zotero.Utilities.cleanAuthor(value, "author", useComma)
    with useComma when the value holds a comma; cleanAuthor trims spaces and ".,/[]:"
    at the ends, then with useComma takes the parts before and after the first comma
    (and drops any after the second), else splits at the last space. (Its spelling
    out of a capital initial, "J" as "J.", is left out: no name below has one.)"""
    use_comma = "," in value
    value = re.sub(r"[\s,/\[\]:.]+$", "", re.sub(r"^[\s.,/\[\]:]+", "", value))
    if use_comma:
        parts = re.split(", ?", re.sub(r"\.([^ ])", r". \1", value, count=1))
        return parts[0], parts[1] if len(parts) > 1 else ""
    first, _, last = value.rpartition(" ")
    return last, first


def _zotero_authors(paper: Paper) -> list[tuple[str, str]]:
    return [_zotero_creator(v) for k, v in _read(coins(paper)) if k == "rft.au"]


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

    from generator.export_bibtex import braced_name, is_one_unit, person_name

    if is_one_unit(name) or braced_name(name) is not None:
        return
    parts = parse_single_name_into_parts(person_name(name), strict=False)
    surname, given_names = " ".join(parts.von + parts.last), " ".join(parts.first + parts.jr)
    [written] = [v for k, v in _read(coins(_paper(authors=(name,)))) if k == "rft.au"]
    assert written == (f"{surname}, {given_names}" if surname and given_names else surname or given_names)
