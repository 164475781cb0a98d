"""A Markdown list's authors written surname first, publishers beside a venue, and
names before a publisher's bracketed year (`import --format markdown`).

Every expected value was read off the item by hand; the names are the papers' own
(Goodfellow et al.'s GAN, Hastie, Tibshirani and Friedman's book, Press et al.'s ALiBi).
"""

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.errors import Problems
from generator.export_bibtex import bibtex_entry
from generator.ingest import markdownlist, parse_text
from generator.models import Paper

GAN = "[Generative Adversarial Nets](https://arxiv.org/abs/1406.2661)"


def _read(item, fmt="markdown"):
    problems = Problems()
    records = parse_text("# A List\n\n" + item + "\n", "list.md", problems, fmt)
    assert not problems, problems.format()
    (record,) = records
    return record


# "Surname, Given" in one author's slot is one author, given name first; "et al." is
# the list cut short, "others", as BibTeX's "and others" gives it.
SURNAME_FIRST = [
    (f"- {GAN} (Goodfellow, Ian et al.)", ("Ian Goodfellow", "others"), ""),
    (f"- {GAN} (Goodfellow, Ian et al.) NeurIPS 2014", ("Ian Goodfellow", "others"), "NeurIPS"),
    (f"- {GAN} - Goodfellow, Ian et al., NeurIPS 2014", ("Ian Goodfellow", "others"), "NeurIPS"),
    # (MLA's comma before "et al.")
    (f"- {GAN} - Goodfellow, Ian, et al. NeurIPS 2014", ("Ian Goodfellow", "others"), "NeurIPS"),
    (f"- {GAN} - Goodfellow, Ian J. et al., NeurIPS 2014", ("Ian J. Goodfellow", "others"), "NeurIPS"),
    (f"- {GAN} (van der Maaten, Laurens et al.)", ("Laurens van der Maaten", "others"), ""),
    # (BibTeX's author field pasted: every slot "Surname, Given", joined by "and")
    (f"- {GAN} (Goodfellow, Ian and Bengio, Yoshua)", ("Ian Goodfellow", "Yoshua Bengio"), ""),
    (f"- {GAN} - Goodfellow, Ian and Bengio, Yoshua, NeurIPS 2014", ("Ian Goodfellow", "Yoshua Bengio"), "NeurIPS"),
    (f"- {GAN} - Goodfellow, Ian & Bengio, Yoshua, NeurIPS 2014", ("Ian Goodfellow", "Yoshua Bengio"), "NeurIPS"),
    # (Chicago's and MLA's: the first name inverted, the others given name first)
    (f"- {GAN} (Lovelace, Ada, and Alan Turing)", ("Ada Lovelace", "Alan Turing"), ""),
    # (the year after the names: "and Alan Turing" was the venue)
    (f"- {GAN} (Lovelace, Ada, and Alan Turing, 2014)", ("Ada Lovelace", "Alan Turing"), ""),
    (f"- {GAN} - Lovelace, Ada, and Alan Turing, 2014", ("Ada Lovelace", "Alan Turing"), ""),
    # (fix19) "&" after the comma, as "and": the comma and "&" left an empty name between
    # them, and the item no authors.
    (f"- {GAN} - Lovelace, Ada, & Alan Turing, 2014", ("Ada Lovelace", "Alan Turing"), ""),
    (f"- {GAN} (Lovelace, Ada, & Alan Turing, 2014)", ("Ada Lovelace", "Alan Turing"), ""),
    (f"- {GAN} - Ada Lovelace, Charles Babbage, & Alan Turing, 2014", ("Ada Lovelace", "Charles Babbage", "Alan Turing"), ""),
    (f"- {GAN} - Lovelace, Ada, & Alan Turing, NeurIPS 2014", ("Ada Lovelace", "Alan Turing"), "NeurIPS"),
    ("- Lovelace, Ada, & Alan Turing, 2014. [Generative Adversarial Nets](https://arxiv.org/abs/1406.2661)",
     ("Ada Lovelace", "Alan Turing"), ""),
    # (a reference manager's: "Surname, Given" slots joined by ";", which ended a part
    # and left the first name out: "Bengio" and "Yoshua" were the authors)
    (f"- {GAN} Goodfellow, Ian; Bengio, Yoshua. NeurIPS 2014", ("Ian Goodfellow", "Yoshua Bengio"), "NeurIPS"),
    (f"- {GAN} - Goodfellow, Ian; Bengio, Yoshua, NeurIPS 2014", ("Ian Goodfellow", "Yoshua Bengio"), "NeurIPS"),
    (f"- {GAN} (Goodfellow, Ian; Bengio, Yoshua)", ("Ian Goodfellow", "Yoshua Bengio"), ""),
    (
        f"- {GAN} - Goodfellow, Ian J.; Bengio, Yoshua; Courville, Aaron. NeurIPS 2014",
        ("Ian J. Goodfellow", "Yoshua Bengio", "Aaron Courville"), "NeurIPS",
    ),
    (f"- {GAN} - Goodfellow, Ian; Bengio, Yoshua et al. NeurIPS 2014", ("Ian Goodfellow", "Yoshua Bengio", "others"), "NeurIPS"),
    # Guards: surnames alone stay surnames, and Vancouver's initials stay initials.
    (f"- {GAN} - Sutton and Barto, Alan Turing, NeurIPS 2014", ("Sutton", "Barto", "Alan Turing"), "NeurIPS"),
    (f"- {GAN} (Noh, Hong, Han et al.)", ("Noh", "Hong", "Han", "others"), ""),
    (f"- {GAN} - Vaswani, Shazeer, 2017", ("Vaswani", "Shazeer"), ""),
    (f"- {GAN} - Goodfellow, Bengio and Courville, NeurIPS 2014", ("Goodfellow", "Bengio", "Courville"), "NeurIPS"),
    (f"- {GAN} - He K, Zhang X, et al. 2016", ("K. He", "X. Zhang", "others"), ""),
    (f"- {GAN} - Goodfellow et al., NeurIPS 2014", ("Goodfellow", "others"), "NeurIPS"),
    # (";" between words that are no "Surname, Given" still ends a part)
    (f"- {GAN} - Vision, Language; Audio, Speech. NeurIPS 2014", (), "NeurIPS"),
]


@pytest.mark.parametrize("item, authors, venue", SURNAME_FIRST)
def test_a_surname_then_a_given_name_is_one_author(item, authors, venue):
    record = _read(item)
    assert (record.authors, record.venue) == (authors, venue)


def test_et_al_is_recorded_as_bibtex_records_and_others():
    bib = _read("@article{k, title={Generative Adversarial Nets}, author={Goodfellow, Ian and others}, year={2014}}", "bibtex")
    assert bib.authors == _read(f"- {GAN} (Goodfellow, Ian et al.)").authors == ("Ian Goodfellow", "others")


_WORD = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_uppercase),
    st.text(alphabet="aeiou" + "bdgklmnprstvz", min_size=3, max_size=10),
)


def _plain_name(word):
    """A made-up word the list's reader takes for a name's (not a venue's, a label's, a
    month's or the dictionary's), as a real surname or given name is."""
    from generator.ingest.markdownlist import _one_name, known_word

    return _one_name(word) and not known_word(word.casefold())


@settings(max_examples=150, deadline=None)
@given(_WORD, _WORD, _WORD, _WORD, st.sampled_from([" (", " - ", ", "]))
def test_any_surname_first_names_are_read_given_name_first(surname, given_name, surname2, given2, apart):
    # The form, not the words, makes the names: any made-up name in either shape.
    assume(all(map(_plain_name, (surname, given_name, surname2, given2))))
    close = ")" if apart == " (" else ", NeurIPS 2014"
    cut = _read(f"- {GAN}{apart}{surname}, {given_name} et al.{close}")
    assert cut.authors == (f"{given_name} {surname}", "others")
    both = _read(f"- {GAN}{apart}{surname}, {given_name} and {surname2}, {given2}{close}")
    assert both.authors == (f"{given_name} {surname}", f"{given2} {surname2}")


# A publisher named beside a venue is no author: its words are the dictionary's ("Free",
# "New", "Beacon"), a given name seldom is ("Ofir", "William"), and an initial says a
# person's. Before a year alone a publisher is the venue, as it was.
PUBLISHERS = [
    ("Free Press, NeurIPS 2020", (), "NeurIPS"),
    ("Free Press (NeurIPS 2020)", (), "NeurIPS"),
    ("New Press, ICML 2019", (), "ICML"),
    ("Beacon Press, ICML 2019", (), "ICML"),
    ("Penguin Press, ICLR 2020", (), "ICLR"),
    ("Oxford Press, ICLR 2020", (), "ICLR"),
    ("Open Media, NeurIPS 2020", (), "NeurIPS"),
    ("Free Press, 2006", (), "Free Press"),
    # Guards: a person whose surname is a publisher's word.
    ("Ofir Press, ICLR 2022", ("Ofir Press",), "ICLR"),
    ("Ofir Press (ICLR 2022)", ("Ofir Press",), "ICLR"),
    ("William H. Press, ICLR 2022", ("William H. Press",), "ICLR"),
    ("Frank H. Press, ICLR 2022", ("Frank H. Press",), "ICLR"),
    ("Anna Media, NeurIPS 2020", ("Anna Media",), "NeurIPS"),
    # (given names that are words of the dictionary too: Frank Press, the geophysicist,
    # was no author; names.GIVEN_NAME_WORDS)
    ("Frank Press, ICLR 2022", ("Frank Press",), "ICLR"),
    ("Mark Press (ICLR 2022)", ("Mark Press",), "ICLR"),
    ("Peter Press, ICLR 2022", ("Peter Press",), "ICLR"),
    ("Grace Media, NeurIPS 2020", ("Grace Media",), "NeurIPS"),
    ("Frank Press, 2019", (), "Frank Press"),
    # (a university's press, the university's name no given name's)
    ("Yale Press, ICLR 2022", (), "ICLR"),
    ("Yale Press, 2019", (), "Yale Press"),
    ("MIT Press, ICLR 2022", (), "ICLR"),
    # (a publisher among people's names: no author of them)
    ("Free Press, Ofir Press, ICLR 2022", ("Ofir Press",), "ICLR"),
    ("Ofir Press, Free Press, ICLR 2022", ("Ofir Press",), "ICLR"),
    ("Frank Press, Ofir Press, ICLR 2022", ("Frank Press", "Ofir Press"), "ICLR"),
    ("Ofir Press, Noah A. Smith, ICLR 2022", ("Ofir Press", "Noah A. Smith"), "ICLR"),
]


@pytest.mark.parametrize("after, authors, venue", PUBLISHERS)
def test_a_publisher_beside_a_venue_is_no_author(after, authors, venue):
    record = _read(f"- [Train Short, Test Long](https://arxiv.org/abs/2108.12409) - {after}")
    assert (record.authors, record.venue) == (authors, venue)


# Surnames, then a publisher and its year in brackets, as a book is cited.
BOOKS = [
    ("Hastie, Tibshirani, Friedman. Springer (2009)", ("Hastie", "Tibshirani", "Friedman"), "Springer", "2009"),
    ("Hastie, Tibshirani and Friedman. Springer (2009)", ("Hastie", "Tibshirani", "Friedman"), "Springer", "2009"),
    ("Hastie, Tibshirani, Friedman. Wiley (2009)", ("Hastie", "Tibshirani", "Friedman"), "Wiley", "2009"),
    ("Sutton and Barto. MIT Press (2018)", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Goodfellow, Bengio, Courville. MIT Press (2016)", ("Goodfellow", "Bengio", "Courville"), "MIT Press", "2016"),
    # Guards: a field's words name no one; one word alone is a title's as often.
    ("Image Classification, Object Detection. Springer (2009)", (), "Springer", "2009"),
    ("Theory and Practice. MIT Press (2018)", (), "MIT Press", "2018"),
    ("Bishop. Springer (2006)", (), "Springer", "2006"),
]


@pytest.mark.parametrize("after, authors, venue, year", BOOKS)
def test_surnames_before_a_publisher_and_its_bracketed_year_are_the_authors(after, authors, venue, year):
    record = _read(f"- [The Elements of Statistical Learning](https://hastie.su.domains/ElemStatLearn/printings/ESLII_print12_toc.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, year)


def _read_list(*items):
    problems = Problems()
    text = "# A List\n\n" + "".join(
        f"- [Paper {n}](https://arxiv.org/abs/2108.1240{n}) {item}\n" for n, item in enumerate(items)
    )
    records = parse_text(text, "list.md", problems, "markdown")
    assert not problems, problems.format()
    return [record.authors for record in records]


# "Noh, Hong et al." is one name surname first or two surnames: nothing but the words
# tells, and the rest of the list writes its names one way. Alone, or beside names
# written surname first, one name; beside names given name first or surnames alone, two
# surnames (that list would have written "Hong Noh et al." for one person).
NOH_HONG = [
    ((), ("Hong Noh", "others")),
    (("- Goodfellow, Ian J. et al., NeurIPS 2014",), ("Hong Noh", "others")),
    (("- Goodfellow, Ian and Bengio, Yoshua, NeurIPS 2014",), ("Hong Noh", "others")),
    (("- Ashish Vaswani et al., NeurIPS 2017",), ("Noh", "Hong", "others")),
    (("- Vaswani, Shazeer, 2017",), ("Noh", "Hong", "others")),
    (("- Ashish Vaswani, Noam Shazeer, NeurIPS 2017",), ("Noh", "Hong", "others")),
    # (a surname-first name anywhere says the list's way: one name)
    (("- Vaswani, Shazeer, 2017", "- Goodfellow, Ian J. et al., NeurIPS 2014"), ("Hong Noh", "others")),
    # (names that say no way: a surname alone before "et al.")
    (("- Vaswani et al., NeurIPS 2017",), ("Hong Noh", "others")),
]


@pytest.mark.parametrize("others, authors", NOH_HONG)
def test_a_surname_and_one_given_name_before_et_al_are_read_as_the_list_writes_names(others, authors):
    read = _read_list("(Noh, Hong et al.)", *others)
    assert read[0] == authors
    # (the other items' names are read as they were)
    assert read[1:] == (_read_list(*others) if others else [])


# Publishers named for two founders, joined as two authors' names are: no authors
# (names.is_founders_publisher), the names before them read alone.
FOUNDERS = [
    ("Simon & Schuster, 2019", (), "Simon & Schuster"),
    ("Taylor & Francis, 2019", (), "Taylor & Francis"),
    ("Chapman & Hall, 2019", (), "Chapman & Hall"),
    ("Sutton and Barto, Taylor & Francis, 2019", ("Sutton", "Barto"), "Taylor & Francis"),
    # (fix19) Its comma parts no two names: the publisher is the venue, whole, with a
    # year in parentheses too, and the names before it are read alone.
    ("Little, Brown, 2019", (), "Little, Brown"),
    ("Little, Brown (2019)", (), "Little, Brown"),
    ("Little, Brown and Company, 2019", (), "Little, Brown and Company"),
    ("Newport, Little, Brown, 2019", ("Newport",), "Little, Brown"),
    ("Cal Newport, Little, Brown (2019)", ("Cal Newport",), "Little, Brown"),
    ("Jane Smith, Cal Newport, Little, Brown, 2019", ("Jane Smith", "Cal Newport"), "Little, Brown"),
    ("Farrar, Straus and Giroux, 2019", (), "Farrar, Straus and Giroux"),
    # Guards: two surnames so joined stay two authors.
    ("Smith & Jones, 2019", ("Smith", "Jones"), ""),
    ("Brown & Little, 2019", ("Brown", "Little"), ""),
    # (rev71) "Little, Brown" followed by more of a name is no publisher: the comma
    # between them parts a name from a university's (fix19's reading lost the venue).
    ("Emily Little, Brown University, 2019", (), "Brown University"),
    # (rev71) Before a conference they are authors, whose names were left out; before a
    # publisher still a publisher.
    ("Little, Brown, ICML 2019", ("Little", "Brown"), "ICML"),
    ("Simon & Schuster, NeurIPS 2019", ("Simon", "Schuster"), "NeurIPS"),
    ("Taylor & Francis, CRC Press, 2019", (), "CRC Press"),
    # (imp36) After a sentence of one name, as after a comma: the name was left out.
    ("Cal Newport. Little, Brown, 2019", ("Cal Newport",), "Little, Brown"),
    ("Cal Newport. Little, Brown (2019)", ("Cal Newport",), "Little, Brown"),
    ("Cal Newport. Simon & Schuster (2019)", ("Cal Newport",), "Simon & Schuster"),
    ("Jane Smith, Simon & Schuster (2019)", ("Jane Smith",), "Simon & Schuster"),
    # (imp36) Words of the dictionary before "Books" or "House" are a publisher's, as
    # before "Press": no author ("Basic Books" and "Random House" were).
    ("Cal Newport, Basic Books, 2019", ("Cal Newport",), "Basic Books"),
    ("Cal Newport, Random House, 2019", ("Cal Newport",), "Random House"),
    ("Sutton and Barto, Taylor & Francis (2019)", ("Sutton", "Barto"), "Taylor & Francis"),
]


@pytest.mark.parametrize("after, authors, venue", FOUNDERS)
def test_a_publisher_named_for_two_founders_is_no_two_authors(after, authors, venue):
    record = _read(f"- [The Elements of Statistical Learning](https://hastie.su.domains/ElemStatLearn/printings/ESLII_print12_toc.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2019")


# (imp35) A publisher's city after its name, as a book's citation writes it: no author's
# name, and the publisher the venue as without it (a record keeps no place).
PLACES = [
    ("Little, Brown, New York, 2019", (), "Little, Brown", "2019"),
    ("Little, Brown, New York (2019)", (), "Little, Brown", "2019"),
    ("Little, Brown, Boston, 2019", (), "Little, Brown", "2019"),
    ("Little, Brown. New York, 2019", (), "Little, Brown", "2019"),
    ("Little, Brown and Company, New York, 2019", (), "Little, Brown and Company", "2019"),
    ("Cal Newport, Little, Brown, New York, 2019", ("Cal Newport",), "Little, Brown", "2019"),
    ("Simon & Schuster, New York, 2019", (), "Simon & Schuster", "2019"),
    ("Farrar, Straus and Giroux, New York, 2019", (), "Farrar, Straus and Giroux", "2019"),
    ("Ian Goodfellow, MIT Press, Cambridge, MA, 2016", ("Ian Goodfellow",), "MIT Press", "2016"),
    ("Sutton and Barto, MIT Press, Cambridge (2018)", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("C. M. Bishop, Springer, Berlin, 2006", ("C. M. Bishop",), "Springer", "2006"),
    # (a city no one is named, after a name alone: the place left out too)
    ("Jane Smith, New York, 2019", ("Jane Smith",), "", "2019"),
    # Guards: a city's name alone after a surname is a surname as often (Isaiah Berlin,
    # Jack London): two authors, as before.
    ("Smith, Berlin, 2019", ("Smith", "Berlin"), "", "2019"),
    ("Vaswani, London, 2019", ("Vaswani", "London"), "", "2019"),
    # (imp36) A publisher of one word of the dictionary, no common surname, before a city
    # of one word: the city tells it from a name ("Penguin, London, 2019" was by Penguin and
    # London); so do words of the dictionary before a publisher's word ("Penguin Books").
    ("Penguin, London, 2019", (), "Penguin", "2019"),
    ("Vintage, London (2019)", (), "Vintage", "2019"),
    ("Jane Smith, Penguin, London, 2019", ("Jane Smith",), "Penguin", "2019"),
    ("Penguin Books, London, 2019", (), "Penguin Books", "2019"),
    ("Jane Smith, Random House, New York, 2019", ("Jane Smith",), "Random House", "2019"),
    # (Springer's two cities, "Berlin, Heidelberg" and "Berlin Heidelberg": no venue was read)
    ("Springer, Berlin, Heidelberg, 2009", (), "Springer", "2009"),
    ("Springer, Berlin Heidelberg, 2009", (), "Springer", "2009"),
    ("C. M. Bishop, Springer, Berlin, Heidelberg (2006)", ("C. M. Bishop",), "Springer", "2006"),
    # (the city first, a colon before the publisher, as Chicago and APA write it: "New York:
    # Little, Brown" gave no venue, "Cambridge, MA: MIT Press" the author "Cambridge" and
    # the venue "MA: MIT Press"; the words after the colon are the publisher, whatever they are)
    ("New York: Little, Brown, 2019", (), "Little, Brown", "2019"),
    ("Cambridge, MA: MIT Press, 2016", (), "MIT Press", "2016"),
    ("Ian Goodfellow, Yoshua Bengio. Cambridge, MA: MIT Press, 2016", ("Ian Goodfellow", "Yoshua Bengio"), "MIT Press", "2016"),
    ("London: Penguin, 2019", (), "Penguin", "2019"),
    ("London: Routledge (2019)", (), "Routledge", "2019"),
    ("New York, NY: Springer, 2009", (), "Springer", "2009"),
    # Guards: a common surname of the dictionary before a city's name alone is a name
    # ("Bishop"), and so is a word the dictionary lacks ("Routledge" as "Vaswani"); words of
    # the dictionary without a publisher's word are a title's as often, and name no one.
    ("Bishop, London, 2019", ("Bishop", "London"), "", "2019"),
    ("Routledge, London, 2019", ("Routledge", "London"), "", "2019"),
    ("Deep Learning, London, 2019", (), "", "2019"),
    # (a city and colon before words that start in lower case name no publisher: as before)
    ("Jane Smith. Paris: a city of light, 2019", ("Jane Smith",), "", ""),
    # (imp36) One word before the city after authors each named in full, as a list names
    # its authors alike: a publisher, no author ("Knopf" was one, and "London" too).
    ("Max Tegmark, Knopf, New York, 2017", ("Max Tegmark",), "Knopf", "2017"),
    ("Stuart Russell and Peter Norvig, Pearson, London, 2020", ("Stuart Russell", "Peter Norvig"), "Pearson", "2020"),
    ("Aurélien Géron, O'Reilly, Sebastopol, CA, 2019", ("Aurélien Géron",), "O'Reilly", "2019"),
    # Guards: after a surname alone (and "et al."), or a title's words, no such list.
    ("Goodfellow et al., Knopf, New York, 2017", ("Goodfellow", "others"), "", "2017"),
    ("Deep Learning, Knopf, New York, 2017", (), "", "2017"),
]


# (the property tests': the names before the publisher, and its city, perhaps its state's
# or country's name, and year, written after a comma or in brackets)
_NAMES = st.lists(st.sampled_from(["Cal Newport", "Ian Goodfellow", "Jane Smith", "Trevor Hastie"]), max_size=2, unique=True)
_PLACE_AND_YEAR = (
    st.sampled_from(markdownlist._CITIES),
    st.sampled_from(("",) + markdownlist._REGIONS),
    st.sampled_from(["{}, {}", "{} ({})"]),
    st.integers(1900, 2029),
)


@pytest.mark.parametrize("after, authors, venue, year", PLACES)
def test_a_publishers_city_is_no_author_and_leaves_the_publisher_the_venue(after, authors, venue, year):
    record = _read(f"- [The Elements of Statistical Learning](https://hastie.su.domains/ElemStatLearn/printings/ESLII_print12_toc.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, year)


@settings(max_examples=200, deadline=None)
@given(
    _NAMES,
    st.sampled_from(["Little, Brown", "MIT Press", "Simon & Schuster", "Springer", "Farrar, Straus and Giroux"]),
    *_PLACE_AND_YEAR,
)
def test_any_known_publishers_city_before_the_year_is_read_as_no_author(names, publisher, city, region, dated, year):
    # Every city of the table, with or without a state's or country's name, after a
    # publisher the reader knows, and names before it or none: read as the item without
    # the place, no word of the place among the authors nor in the venue.
    place = f"{city}, {region}" if region else city
    item = "- [The Elements of Statistical Learning](https://example.com/esl.pdf) - {}"
    record = _read(item.format(dated.format(", ".join([*names, publisher, place]), year)))
    without = _read(item.format(dated.format(", ".join([*names, publisher]), year)))
    assert (record.authors, record.venue, record.year) == (without.authors, without.venue, without.year)
    assert record.year == str(year) and set(record.authors) <= set(names)
    assert city not in record.venue and not (region and region in record.venue.split())


@settings(max_examples=200, deadline=None)
@given(
    _NAMES,
    st.sampled_from(["Little, Brown", "MIT Press", "Simon & Schuster", "Springer", "Penguin", "Routledge", "Verso"]),
    *_PLACE_AND_YEAR,
)
def test_any_known_city_before_a_colon_leaves_the_publisher_after_it_the_venue(names, publisher, city, region, dated, year):
    # (imp36) "City[, Region]: Publisher, Year", as Chicago and APA cite a book, after the
    # authors' sentence or none: the publisher is the venue, whatever it is ("Routledge",
    # "Verso" too, which no table holds), the authors the names alone, no word of the
    # place in either.
    place = f"{city}, {region}" if region else city
    cited = dated.format(f"{place}: {publisher}", year)
    item = "- [The Elements of Statistical Learning](https://example.com/esl.pdf) - {}"
    record = _read(item.format(f"{', '.join(names)}. {cited}" if names else cited))
    assert (record.authors, record.venue, record.year) == (tuple(names), publisher, str(year))


# (imp36) A book's edition, ISBN and pages, which a list's record keeps none of, are no
# part of its names, venue or year: an edition between them parted the names from the
# venue, "pp" was a word of the venue, an ISBN after the year hid all three.
DETAILS = [
    ("Sutton and Barto, MIT Press, 2nd edition, 2018", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Sutton & Barto, 2nd ed., MIT Press, 2018", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Richard S. Sutton and Andrew G. Barto. MIT Press, 2nd ed., 2018",
     ("Richard S. Sutton", "Andrew G. Barto"), "MIT Press", "2018"),
    ("Sutton and Barto, MIT Press (2nd ed., 2018)", ("Sutton", "Barto"), "MIT Press", "2018"),
    ("Russell and Norvig, Prentice Hall, 3rd edition (2010)", ("Russell", "Norvig"), "Prentice Hall", "2010"),
    ("Hastie et al., Springer, Second Edition, 2009", ("Hastie", "others"), "Springer", "2009"),
    ("Hastie et al., Springer, 2nd ed. 2009", ("Hastie", "others"), "Springer", "2009"),
    ("C. M. Bishop, Springer, 2006, ISBN 0387310738", ("C. M. Bishop",), "Springer", "2006"),
    ("Bishop, Springer, 2006, ISBN 978-0-387-31073-2", (), "Springer", "2006"),
    # (after the year's sentence it was read so before too: a sentence of its own)
    ("Christopher Bishop, Springer, 2006. ISBN-13: 978-0387310732", ("Christopher Bishop",), "Springer", "2006"),
    ("J. Platt, MIT Press, 1999, pp. 185-208", ("J. Platt",), "MIT Press", "1999"),
    ("J. Platt, NeurIPS 1999, pp. 185–208", ("J. Platt",), "NeurIPS", "1999"),
    ("J. Platt, NeurIPS 1999, p. 185.", ("J. Platt",), "NeurIPS", "1999"),
    ("J. Platt, NeurIPS 1999, pages 185-208", ("J. Platt",), "NeurIPS", "1999"),
    # Guard: "Pages" before a year is no page: the year stays (read as before, "Pages"
    # no venue known by name).
    ("J. Platt, Pages 2020", (), "", "2020"),
]


@pytest.mark.parametrize("after, authors, venue, year", DETAILS)
def test_a_books_edition_isbn_and_pages_are_no_names_venue_or_year(after, authors, venue, year):
    record = _read(f"- [The Elements of Statistical Learning](https://hastie.su.domains/ElemStatLearn/printings/ESLII_print12_toc.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, year)


# (imp36) A book's publisher after its year, as APA cites one ("Author (2006). Publisher."),
# the item's last words: the venue, where none was read; the city and colon before it left
# out. Only the last words, and only a publisher the reader knows as one.
AFTER_THE_YEAR = [
    ("Bishop, C. M. (2006). Springer.", ("C. M. Bishop",), "Springer"),
    ("Bishop, C. M. (2006). New York: Springer.", ("C. M. Bishop",), "Springer"),
    ("Bishop, C. M. (2006). MIT Press.", ("C. M. Bishop",), "MIT Press"),
    ("Goodfellow, I., Bengio, Y., & Courville, A. (2016). Cambridge, MA: MIT Press.",
     ("I. Goodfellow", "Y. Bengio", "A. Courville"), "MIT Press"),
    ("Cal Newport (2016). London: Penguin.", ("Cal Newport",), "Penguin"),
    ("Ian Goodfellow et al. (2016), MIT Press", ("Ian Goodfellow", "others"), "MIT Press"),
    # Guards: a name after the year is no publisher, nor is a publisher before more words.
    ("Smith (2016). Jones.", ("Smith",), ""),
    ("Bishop, C. M. (2006). MIT Press. Chapter one", ("C. M. Bishop",), ""),
    # (nor words in lower case after a city and colon: "a history" was the venue)
    ("Jane Smith (2016). London: a history.", ("Jane Smith",), ""),
]


@pytest.mark.parametrize("after, authors, venue", AFTER_THE_YEAR)
def test_a_books_publisher_after_its_year_is_the_venue(after, authors, venue):
    record = _read(f"- [The Elements of Statistical Learning](https://hastie.su.domains/ElemStatLearn/printings/ESLII_print12_toc.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2016" if "2016" in after else "2006")


# (rev83) Authors whose surnames are words of the dictionary ("Child", "Little", "Pearl",
# "Bird") or whose names are a city's ("London", "Paris"; "Sydney", "Milan" as given
# names) keep them: a city's name after a name tells no publisher from a surname, nor do two
# cities' names from two people. Each reading is the one before imp36 (read by hand: the
# names as written, nothing taken out).
NAMED_AS_PLACES = [
    ("Child, London, 2019", ("Child", "London"), "", "2019"),
    ("Little, London, 2019", ("Little", "London"), "", "2019"),
    ("Pearl, Paris, 2019", ("Pearl", "Paris"), "", "2019"),
    ("Chess, Berlin, 2020", ("Chess", "Berlin"), "", "2020"),
    ("Strong, Milan, 2019", ("Strong", "Milan"), "", "2019"),
    ("Little, Sydney, 2019", ("Little", "Sydney"), "", "2019"),
    # (a city no one is named after one surname: the place goes, the name stays)
    ("Pearl, Los Angeles, 1988", ("Pearl",), "", "1988"),
    ("Child, New York, 2019", ("Child",), "", "2019"),
    # (two cities' names, each a surname as often: no publisher's two cities)
    ("Smith, London, Paris, 2019", ("Smith", "London", "Paris"), "", "2019"),
    ("Bird, London, Paris, 2019", ("Bird", "London", "Paris"), "", "2019"),
    # (one city of one word, then one no one is named: the first a name as before imp36)
    ("Smith, London, New York, 2019", ("Smith", "London"), "", "2019"),
    ("Jane Smith, London, New York, 2019", ("Jane Smith", "London"), "", "2019"),
    # (a surname of the dictionary's after names in full, then a city's name: two more
    # people as often; a publisher whose name is no word of the dictionary is one still,
    # "- Max Tegmark, Knopf, New York, 2017")
    ("Jane Smith, Bird, Paris, 2019", ("Jane Smith", "Bird", "Paris"), "", "2019"),
    ("Ian Goodfellow, Yoshua Bengio, Little, London, 2016",
     ("Ian Goodfellow", "Yoshua Bengio", "Little", "London"), "", "2016"),
    # The narrowed rules still read a publisher: one of the dictionary's words that names
    # no one, or two cities one of which is no one's name.
    ("Penguin, London, 2019", (), "Penguin", "2019"),
    ("Springer, New York, Heidelberg, 2009", (), "Springer", "2009"),
]


@pytest.mark.parametrize("after, authors, venue, year", NAMED_AS_PLACES)
def test_authors_named_as_words_or_cities_are_not_taken_for_a_publisher_and_its_city(after, authors, venue, year):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, year)


# (rev83) "P." after a surname and its comma is an initial, no page: "Abbeel, P. 2020"
# read as the page 2020 lost the year, and with it every author of "Ho, J., Jain, A.,
# Abbeel, P. 2020". Pages are "p." and "pp." in lower case.
@pytest.mark.parametrize("after, surnames, venue, year", [
    # (one surname and initial alone before the year names no one, as before imp36: the
    # year is what went)
    ("Abbeel, P. 2020", (), "", "2020"),
    ("Ho, J., Jain, A., Abbeel, P. 2020", ("Ho", "Jain", "Abbeel"), "", "2020"),
    ("Ho, J., Jain, A., Abbeel, P. 2020. NeurIPS", ("Ho", "Jain", "Abbeel"), "NeurIPS", "2020"),
    ("Levine, S., Finn, C., Darrell, T., Abbeel, P. 2016. JMLR", ("Levine", "Finn", "Darrell", "Abbeel"), "JMLR", "2016"),
])
def test_an_initial_p_is_no_page(after, surnames, venue, year):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.venue, record.year) == (venue, year)
    assert all(any(surname in author for author in record.authors) for surname in surnames), record.authors


# (imp37) A book's or a chapter's pages, after a venue: the record's pages, as a BibTeX
# import keeps them (an en dash in a range); read, they were left out. Guards: no venue,
# a preprint's, or two ranges (neither the paper's): no pages.
PAGES = [
    ("J. Platt, MIT Press, 1999, pp. 185-208", ("J. Platt",), "MIT Press", "185–208"),
    ("J. Platt, NeurIPS 1999, pp. 185–208", ("J. Platt",), "NeurIPS", "185–208"),
    ("J. Platt, NeurIPS 1999, p. 185.", ("J. Platt",), "NeurIPS", "185"),
    ("J. Platt, NeurIPS 1999, pages 101-118", ("J. Platt",), "NeurIPS", "101–118"),
    ("J. Platt, MIT Press (pp. 185-208), 1999", ("J. Platt",), "MIT Press", "185–208"),
    ("Platt, J. (1999). MIT Press, pp. 185 - 208.", ("J. Platt",), "MIT Press", "185–208"),
    # Guards
    ("J. Platt, 1999, pp. 185-208", ("J. Platt",), "", ""),
    ("J. Platt, arXiv 1999, pp. 185-208", ("J. Platt",), "arXiv", ""),
]


@pytest.mark.parametrize("after, authors, venue, pages", PAGES)
def test_pages_after_a_venue_are_the_records_pages(after, authors, venue, pages):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, record.pages) == (authors, venue, "1999", pages)


def test_two_ranges_of_pages_give_none():
    # (neither is the paper's place: which is, nothing says)
    record = _read("- [Some Paper Title](https://example.org/paper.pdf) - J. Platt, MIT Press, 1999, pp. 185-208, pp. 300-310")
    assert record.pages == ""


# (imp37) A city no table holds before a state's or country's code, and a colon before
# the publisher, as APA cites a book ("Hillsdale, NJ: Erlbaum"): no name is written so, and
# the publisher after it is the venue ("- Jane Smith. Hillsdale, NJ: Erlbaum, 2019" was by
# no one, of the venue "NJ: Erlbaum"). After a publisher the reader knows, such a city and
# code go too ("- Jane Smith, IEEE Press, Piscataway, NJ, 2019" was by Jane Smith, IEEE
# Press and Piscataway, of the venue "NJ"); after one it does not, the item is read as
# before (a name, "Sage", is told from a publisher by nothing).
UNKNOWN_CITIES = [
    ("Jane Smith. Hillsdale, NJ: Erlbaum, 2019", ("Jane Smith",), "Erlbaum"),
    ("Jane Smith. Mahwah, NJ: Lawrence Erlbaum Associates, 2019", ("Jane Smith",), "Lawrence Erlbaum Associates"),
    ("Jane Smith. Chichester, UK: Wiley, 2019", ("Jane Smith",), "Wiley"),
    ("Smith, J. (2019). Newbury Park, CA: Sage.", ("J. Smith",), "Sage"),
    ("Smith, J. (2019). Hillsdale, NJ: Erlbaum.", ("J. Smith",), "Erlbaum"),
    ("Jane Smith, IEEE Press, Piscataway, NJ, 2019", ("Jane Smith",), "IEEE Press"),
    ("Jane Smith, Wiley, Chichester, UK, 2019", ("Jane Smith",), "Wiley"),
    ("Jane Smith, Springer, New Brunswick, NJ (2019)", ("Jane Smith",), "Springer"),
    # Guards: after a name or a word no table knows as a publisher's, as before.
    ("Jane Smith, Sage, Newbury Park, CA, 2019", ("Jane Smith", "Sage", "Newbury Park"), "CA"),
    ("Jane Smith, Bob Lee, MA, 2019", ("Jane Smith", "Bob Lee"), "MA"),
]


@pytest.mark.parametrize("after, authors, venue", UNKNOWN_CITIES)
def test_a_city_no_table_holds_before_a_states_code_is_no_author(after, authors, venue):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2019")


# (imp37) A publisher of one word that names no one (markdownlist._WORD_PUBLISHERS,
# "Penguin") without its city, as with it: the venue, no author ("- Cal Newport, Penguin,
# 2019" was by Cal Newport and Penguin).
@pytest.mark.parametrize("after, authors, venue", [
    ("Cal Newport, Penguin, 2019", ("Cal Newport",), "Penguin"),
    ("Cal Newport, Penguin (2019)", ("Cal Newport",), "Penguin"),
    ("Cal Newport. Penguin, 2019.", ("Cal Newport",), "Penguin"),
    ("Cal Newport, Vintage, 2019", ("Cal Newport",), "Vintage"),
    ("Penguin, 2019", (), "Penguin"),
    ("Newport, C. (2019). Penguin.", ("C. Newport",), "Penguin"),
    ("Smith, Anchor, 2019", ("Smith",), "Anchor"),
    # (with its city and the year in brackets it was the venue and an author too)
    ("Jane Smith, Vintage, London (2019)", ("Jane Smith",), "Vintage"),
])
def test_a_one_word_publisher_without_its_city_is_the_venue(after, authors, venue):
    record = _read(f"- [Deep Work](https://example.org/deep-work.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2019")


# (imp37) A founder's initials in a publisher's name before "& Company" or "and Company"
# are its own: "W. W. Norton & Company" was "Norton & Company", its initials' full stops
# ending sentences. Guard: without such words, initials and a surname are a person's.
@pytest.mark.parametrize("after, authors, venue", [
    ("Jane Smith, W. W. Norton & Company, 2019", ("Jane Smith",), "W. W. Norton & Company"),
    ("W. W. Norton & Company, 2019", (), "W. W. Norton & Company"),
    ("Jane Smith, W. W. Norton & Company, New York, 2019", ("Jane Smith",), "W. W. Norton & Company"),
    ("Jane Smith. New York: W. W. Norton & Company, 2019", ("Jane Smith",), "W. W. Norton & Company"),
    ("Smith, J. (2019). New York, NY: W. W. Norton & Company.", ("J. Smith",), "W. W. Norton & Company"),
    ("Jane Smith, W. H. Freeman and Company, 2019", ("Jane Smith",), "W. H. Freeman and Company"),
    ("J. Smith, W. H. Freeman, 2019", ("J. Smith", "W. H. Freeman"), ""),
])
def test_a_founders_initials_in_a_publishers_name_are_the_publishers(after, authors, venue):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2019")


# (imp37) A chapter's book and its editors, as APA, Chicago, MLA and Springer's styles cite
# them: the editors are no authors and the chapter's own author stays ("- Maria Garcia. In
# J. Smith and K. Lee (Eds.), Handbook of Learning (pp. 1-20). Springer, 2019." was by no
# one; "(eds. J. Smith, K. Lee)" gave the authors J. Smith and K. Lee). (imp38) The book
# the chapter is in is its venue, of the kind "book", and the publisher its publisher, as a
# BibTeX import reads an @incollection's booktitle and publisher (the publisher was the
# venue, the book left out); "pp." its pages.
CHAPTERS = [
    ("Maria Garcia. In J. Smith and K. Lee (Eds.), Handbook of Learning (pp. 1-20). Springer, 2019.",
     ("Maria Garcia",), "Springer", "1–20"),
    ("Maria Garcia. In: Smith, J., Lee, K. (eds.) Handbook of Learning, pp. 1-20. Springer, 2019",
     ("Maria Garcia",), "Springer", "1–20"),
    ("Maria Garcia and Bob Stone. In: Smith, J., Lee, K. (eds.) Handbook of Learning, pp. 1-20. Springer, 2019",
     ("Maria Garcia", "Bob Stone"), "Springer", "1–20"),
    ("Maria Garcia. In Handbook of Learning, edited by John Smith and Kate Lee, 1-20. New York: Springer, 2019.",
     ("Maria Garcia",), "Springer", ""),
    ("Maria Garcia, Handbook of Learning (eds. J. Smith, K. Lee), Springer, 2019", ("Maria Garcia",), "Springer", ""),
    ("Maria Garcia, Handbook of Learning (J. Smith and K. Lee, eds.), Springer, 2019, pp. 5-9",
     ("Maria Garcia",), "Springer", "5–9"),
    ("Maria Garcia, In: J. Smith (ed.), Handbook of Learning, Springer, 2019", ("Maria Garcia",), "Springer", ""),
    ("Garcia, M. (2019). In J. Smith & K. Lee (Eds.), Handbook of Learning (pp. 1-20). Springer.",
     ("M. Garcia",), "Springer", "1–20"),
    # (MLA's, the book after the author's sentence: "Handbook of Learning", "edited by John
    # Smith" and "Kate Lee" were the authors)
    ("Maria Garcia. Handbook of Learning, edited by John Smith and Kate Lee, Springer, 2019, pp. 1-20.",
     ("Maria Garcia",), "Springer", "1–20"),
    # (the book after its editors, "<book>, <editors> (eds.), <publisher>", as a reference
    # list writes it: Lourenço et al.'s "In: Handbook of Metaheuristics, F. Glover and G. A.
    # Kochenberger (eds.), Springer." was of no venue)
    ("Maria Garcia. In: Handbook of Learning, J. Smith and K. Lee (eds.), Springer, 2019.",
     ("Maria Garcia",), "Springer", ""),
]


# (imp38) Chapters as real reference lists cite them (a code base's reference to
# Lourenço, Martin and Stützle's chapter; Stewart's in "Matrix Pencils", from a numerical
# library's notes): the book before its editors is the venue, the publisher after them the
# publisher. Both were of no venue.
@pytest.mark.parametrize("after, authors, year, venue, publisher", [
    ("Lourenço, H. R., Martin, O. C. and Stützle, T. (2003). In: Handbook of Metaheuristics, F. Glover"
     " and G. A. Kochenberger (eds.), Springer.",
     ("H. R. Lourenço", "O. C. Martin", "T. Stützle"), "2003", "Handbook of Metaheuristics", "Springer"),
    ("G. W. Stewart, in Matrix Pencils, B. Kagstrom and A. Ruhe (eds.), Springer-Verlag, New York, 1983, 207-220.",
     ("G. W. Stewart",), "1983", "Matrix Pencils", "Springer-Verlag"),
])
def test_real_chapters_are_in_their_books(after, authors, year, venue, publisher):
    record = _read(f"- [Iterated Local Search](https://example.org/ils.pdf) - {after}")
    assert (record.authors, record.year, record.venue, record.venue_kind, record.publisher) == (
        authors, year, venue, "book", publisher
    )


@pytest.mark.parametrize("after, authors, publisher, pages", CHAPTERS)
def test_a_chapters_editors_are_no_authors_and_its_book_is_its_venue(after, authors, publisher, pages):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.year, record.pages) == (authors, "2019", pages)
    assert (record.venue, record.venue_kind, record.publisher) == ("Handbook of Learning", "book", publisher)


# (md2) A book whose title has a comma before its volume or part is the venue whole, in
# each shape above: "Handbook of Learning, Volume 2" was cut at the comma (the venue
# "Handbook of Learning", and in APA's shape "Volume 2" left among the words as a name, the
# chapter's author lost; in Chicago's, "In <book>, edited by", no book read at all).
@pytest.mark.parametrize("volume", ["Volume 2", "Vol. 3", "Part II"])
@pytest.mark.parametrize("after, authors, publisher, pages", CHAPTERS)
def test_a_books_volume_after_a_comma_is_its_titles(after, authors, publisher, pages, volume):
    book = f"Handbook of Learning, {volume}"
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after.replace('Handbook of Learning', book)}")
    assert (record.authors, record.year, record.pages) == (authors, "2019", pages)
    assert (record.venue, record.venue_kind, record.publisher) == (book, "book", publisher)


# Guard: a comma before anything else still ends the book, "In J. Smith (Ed.), Handbook
# of Learning, Springer" (as read at the session's start, by hand: the publisher after it).
def test_a_comma_before_no_volume_ends_the_book():
    record = _read("- [Some Paper Title](https://example.org/paper.pdf) - Maria Garcia. In J. Smith (Ed.), Handbook of Learning, Springer, 2019.")
    assert (record.authors, record.venue, record.venue_kind, record.publisher) == (
        ("Maria Garcia",), "Handbook of Learning", "book", "Springer"
    )


def test_edited_by_after_a_name_alone_leaves_the_name():
    # (imp37) Without "In" or a sentence of its own, "edited by" may follow the book's own
    # author: the name is never left out with the editors.
    record = _read("- [Some Paper Title](https://example.org/paper.pdf) - Maria Garcia, edited by John Smith, Springer, 2019")
    assert record.authors[0] == "Maria Garcia"


# (rev94) An initial's full stop starts no sentence: "Jordan, edited by John Doe" after
# "Michael I." is no book a chapter is in. Read before imp38 the venue was the publisher;
# imp38 gave it the venue "Jordan", of the kind book.
@pytest.mark.parametrize("after", [
    "Michael I. Jordan, edited by John Doe, MIT Press, 1999",
    "M. Jordan, edited by John Doe, MIT Press, 1999",
])
def test_a_name_after_its_initial_is_no_chapters_book(after):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.venue, record.venue_kind, record.publisher, record.year) == ("MIT Press", "", "", "1999")


# (rev88) A proceedings volume's name after its editors is the paper's venue, not a book
# to leave out: Springer's LNCS reference, "In: Vedaldi, A., Bischof, H. (eds.) ECCV
# 2020. LNCS, ...", was of the venue ECCV before imp37's chapters, then of "Springer";
# "NeurIPS 2019 (eds. ...)" lost its venue, its year and the author before it.
PROCEEDINGS_AFTER_EDITORS = [
    ("Nicolas Carion and Francisco Massa. In: Vedaldi, A., Bischof, H. (eds.) ECCV 2020. LNCS, vol. 12346,"
     " pp. 213-229. Springer, Cham (2020)", ("Nicolas Carion", "Francisco Massa"), "ECCV", "2020", "213–229"),
    ("Maria Garcia, NeurIPS 2019 (eds. J. Smith, K. Lee), pp. 1-9", ("Maria Garcia",), "NeurIPS", "2019", "1–9"),
    # Guard: a handbook's title is the venue (imp38: its publisher was).
    ("Maria Garcia. In: Smith, J., Lee, K. (eds.) Handbook of Learning, pp. 1-20. Springer, 2019",
     ("Maria Garcia",), "Handbook of Learning", "2019", "1–20"),
]


@pytest.mark.parametrize("after, authors, venue, year, pages", PROCEEDINGS_AFTER_EDITORS)
def test_a_proceedings_name_after_its_editors_is_the_venue(after, authors, venue, year, pages):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, record.pages) == (authors, venue, year, pages)


# (rev88) Three editors or more, as Chicago and MLA list them ("edited by John Smith, Kate
# Lee, and Mia Chen"): all of them are left out, as two are. Only the first was, and the
# others left behind made the item by no one: the chapter's author was lost.
@pytest.mark.parametrize("after, pages", [
    ("Maria Garcia. In Handbook of Learning, edited by John Smith, Kate Lee, and Mia Chen, 1-20."
     " New York: Springer, 2019.", ""),
    ("Maria Garcia. In Handbook of Learning, edited by J. Smith, K. Lee, and M. Chen, 1-20. Springer, 2019.", ""),
    ("Maria Garcia. Handbook of Learning, edited by John Smith, Kate Lee, and Mia Chen, Springer, 2019, pp. 1-20.",
     "1–20"),
    ("Maria Garcia. Handbook of Learning, edited by John Smith, Kate Lee, & Mia Chen, Springer, 2019.", ""),
])
def test_three_editors_are_all_left_out(after, pages):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, record.pages) == (("Maria Garcia",), "Handbook of Learning", "2019", pages)
    assert record.publisher == "Springer"


def _read_said(item):
    """The record of one item, and what the import's report says of it."""
    problems = Problems()
    (record,) = parse_text("# A List\n\n" + item + "\n", "list.md", problems, "markdown")
    return record, [str(p) for p in problems.items]


# (imp38) A publisher's city or state that no table holds, after a publisher the reader
# knows: "- Jane Smith, Springer, Lausanne, 2019" was by no one, of no venue; "- Jane
# Smith, Penguin, NY, 2019" of the venue "NY". The place is left out as a known city is;
# a city the table lacks is said in the report (a word after a publisher is a city as it
# reads, but nothing else tells it from a name).
@pytest.mark.parametrize("after, authors, venue", [
    ("Jane Smith, Springer, Lausanne, 2019", ("Jane Smith",), "Springer"),
    ("Jane Smith, Springer, Lausanne (2019)", ("Jane Smith",), "Springer"),
    ("Jane Smith, MIT Press, Lausanne, 2019", ("Jane Smith",), "MIT Press"),
    ("Jane Smith, Penguin, Lausanne, 2019", ("Jane Smith",), "Penguin"),
    ("Jane Smith, Little, Brown, Lausanne, 2019", ("Jane Smith",), "Little, Brown"),
    # (and its country's name after it)
    ("Jane Smith, Springer, Lausanne, Switzerland, 2019", ("Jane Smith",), "Springer"),
])
def test_a_city_no_table_holds_after_a_known_publisher_is_left_out_and_said(after, authors, venue):
    record, said = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, "2019")
    assert said == [
        f"list.md:3:1: warning: 'Lausanne' after the publisher {venue!r} is read as its city and"
        " left out (a paper file keeps no place); if it names an author, write the authors"
        " before the publisher"
    ]


# (rev94) After a conference the reader knows, its city is left out as after a publisher
# (imp38), and said only where no table holds it, naming the venue as one: "'Vancouver'
# after the publisher 'ICML 2019'" was said, a city the table of conference cities holds,
# and a conference called a publisher.
@pytest.mark.parametrize("after, venue, said", [
    ("Jane Smith, ICML 2019, Vancouver, 2019", "ICML", []),
    ("Jane Smith, CVPR 2019, Kigali, 2019", "CVPR", [
        "list.md:3:1: warning: 'Kigali' after the venue 'CVPR 2019' is read as its city and left out"
        " (a paper file keeps no place); if it names an author, write the authors before the venue"
    ]),
])
def test_a_conferences_city_after_it_is_said_as_a_venues(after, venue, said):
    record, told = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, told) == (("Jane Smith",), venue, "2019", said)


@pytest.mark.parametrize("after, authors, venue", [
    ("Jane Smith, Penguin, NY, 2019", ("Jane Smith",), "Penguin"),
    ("Jane Smith, Springer, NY, 2019", ("Jane Smith",), "Springer"),
    ("Jane Smith, Wiley, UK (2019)", ("Jane Smith",), "Wiley"),
    ("Ian Goodfellow, MIT Press, MA, 2016", ("Ian Goodfellow",), "MIT Press"),
    # Guards: a code after names, not after a publisher, stays as before; a known city is
    # left out without a word, as before.
    ("Jane Smith, Bob Lee, MA, 2019", ("Jane Smith", "Bob Lee"), "MA"),
    ("Jane Smith, Springer, Cham, 2019", ("Jane Smith",), "Springer"),
])
def test_a_states_code_alone_after_a_known_publisher_is_no_venue(after, authors, venue):
    record, said = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year[:2]) == (authors, venue, "20")
    assert said == []


# (rev94) A month between a known publisher and the year is left out as its city is (a
# paper file keeps no month), without a word: "- Jane Smith, Springer, June, 2019" was by
# no one, of no venue (one of the three imp38 left).
@pytest.mark.parametrize("after, venue", [
    ("Jane Smith, Springer, June, 2019", "Springer"),
    ("Jane Smith, MIT Press, September, 2019", "MIT Press"),
])
def test_a_month_after_a_known_publisher_is_left_out(after, venue):
    record, said = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, said) == (("Jane Smith",), venue, "2019", [])


# (md2) A month without a comma before the year, after a publisher or a venue, is left out
# too (a paper file keeps no month), and so is its day: each was by no one and of no year
# ("- Jane Smith, Springer, March 2019"; "NeurIPS, December 2019" of the venue NeurIPS, no
# year), read by hand.
@pytest.mark.parametrize("after, venue", [
    ("Jane Smith, Springer, March 2019", "Springer"),
    ("Jane Smith, Springer, Mar 2019", "Springer"),
    ("Jane Smith, Springer, Mar. 2019", "Springer"),
    ("Jane Smith, MIT Press, September 12, 2019", "MIT Press"),
    ("Jane Smith, NeurIPS, December 2019", "NeurIPS"),
    ("Jane Smith, NeurIPS, Dec. 2019", "NeurIPS"),
    ("Jane Smith, MIT Press (June 2019)", "MIT Press"),
])
def test_a_month_before_the_year_without_a_comma_is_left_out(after, venue):
    record, said = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, said) == (("Jane Smith",), venue, "2019", [])


# Guard: a month's word not set apart before the year is read as before (here a venue's
# last word, by hand at the session's start: no author, the venue "Theresa May").
def test_a_month_word_within_a_part_is_not_left_out():
    record, _ = _read_said("- [Some Paper Title](https://example.org/paper.pdf) - Jane Smith, Theresa May 2019")
    assert (record.authors, record.venue, record.year) == ((), "Theresa May", "2019")


# Guards: after a name, or words no table knows as a publisher's, a word before the year
# is a name as before ("Lausanne" an author); a venue's word is no city. (Each as read
# before imp38, by hand: nothing left out, nothing said.)
@pytest.mark.parametrize("after, authors, venue", [
    ("Jane Smith, Sage, Lausanne, 2019", ("Jane Smith", "Sage", "Lausanne"), ""),
    ("Jane Smith, Lausanne, 2019", ("Jane Smith", "Lausanne"), ""),
    ("Jane Smith, Springer, Neurocomputing, 2019", (), "Neurocomputing"),
])
def test_a_word_after_no_known_publisher_is_no_city(after, authors, venue):
    record, said = _read_said(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year, said) == (authors, venue, "2019", [])


# (imp38) A conference's city and its state's or country's name after the venue known by
# name, as a paper's or a talk's citation gives them: no venue's words nor authors ("-
# Jane Smith, NeurIPS, New Orleans, LA" was by no one; "NeurIPS 2017, New Orleans, LA" the
# venue "NeurIPS New Orleans, LA"; "NeurIPS, Long Beach, CA, 2017" the venue "CA").
@pytest.mark.parametrize("after, authors, venue, year", [
    ("Jane Smith, NeurIPS, New Orleans, LA", ("Jane Smith",), "NeurIPS", ""),
    ("Jane Smith, NeurIPS 2017, New Orleans, LA", ("Jane Smith",), "NeurIPS", "2017"),
    ("Jane Smith, NeurIPS, Long Beach, CA, 2017", ("Jane Smith",), "NeurIPS", "2017"),
    ("Jane Smith, ICML 2019, Long Beach, CA, USA", ("Jane Smith",), "ICML", "2019"),
    ("Jane Smith and Bob Lee, NeurIPS 2018, Montréal, Canada", ("Jane Smith", "Bob Lee"), "NeurIPS", "2018"),
    ("K. He, X. Zhang, S. Ren, J. Sun. CVPR 2016, Las Vegas, NV, USA, pp. 770-778",
     ("K. He", "X. Zhang", "S. Ren", "J. Sun"), "CVPR", "2016"),
    ("Jane Smith, ACL 2019, Florence, Italy.", ("Jane Smith",), "ACL", "2019"),
    # Guards: a city without its state's or country's name after a venue is a name as
    # often, and names after the venue stay names (each as read before imp38, by hand).
    ("NeurIPS 2017, Ashish Vaswani, Noam Shazeer", ("Ashish Vaswani", "Noam Shazeer"), "NeurIPS", "2017"),
    # (rev94) A city a table holds is left out alone too: "NeurIPS 2017, Long Beach" was
    # the venue "NeurIPS Long Beach" and the item by no one (imp38 kept it so).
    ("Jane Smith, NeurIPS 2017, Long Beach", ("Jane Smith",), "NeurIPS", "2017"),
    ("Jane Smith, CVPR 2019, Long Beach, pp. 1-9", ("Jane Smith",), "CVPR", "2019"),
    # Guards: words no table holds as a city stay (as read before, by hand).
    ("NeurIPS 2017, Jane Long", (), "NeurIPS Jane Long", "2017"),
    ("NeurIPS 2017, Vancouver Smith", (), "NeurIPS Vancouver Smith", "2017"),
])
def test_a_conferences_city_and_state_are_no_venue_nor_names(after, authors, venue, year):
    record = _read(f"- [Some Paper Title](https://example.org/paper.pdf) - {after}")
    assert (record.authors, record.venue, record.year) == (authors, venue, year)


# (imp38) An edited book as a whole, its editors named before it or after it ("(eds.)",
# "Edited by", as MIT Press's series lists write it): the editors are the people to
# credit: its `editors` (bk2; imp38 made them its authors, as a paper file named no
# editors), and the import says so. Read, it was by no one ("- J. Smith, K. Lee (Eds.), Springer, 2019", "- Edited by
# Michael I. Jordan, 1999"), or by its editors without a word ("- Jane Smith and John Doe
# (eds.), ...").
EDITED_BOOKS = [
    ("- [Handbook of Learning](https://example.org/h.pdf) - J. Smith, K. Lee (Eds.), Springer, 2019",
     ("J. Smith", "K. Lee"), "Springer", "2019"),
    ("- [Handbook of Learning](https://example.org/h.pdf) - Jane Smith and John Doe (eds.), MIT Press, 2019",
     ("Jane Smith", "John Doe"), "MIT Press", "2019"),
    ("- Jane Smith and John Doe (eds.), [Handbook of Learning](https://example.org/h.pdf), MIT Press, 2019",
     ("Jane Smith", "John Doe"), "MIT Press", "2019"),
    ("- [Learning in Graphical Models](https://example.org/h.pdf) - Edited by Michael I. Jordan, MIT Press, 1999",
     ("Michael I. Jordan",), "MIT Press", "1999"),
    ("- [Learning in Graphical Models](https://example.org/h.pdf) - Michael I. Jordan (ed.), MIT Press, 1999",
     ("Michael I. Jordan",), "MIT Press", "1999"),
    ("- [Handbook of Metaheuristics](https://example.org/h.pdf) - F. Glover and G. A. Kochenberger (eds.), Springer, 2003",
     ("F. Glover", "G. A. Kochenberger"), "Springer", "2003"),
]


@pytest.mark.parametrize("item, editors, publisher, year", EDITED_BOOKS)
def test_an_edited_books_editors_are_its_editors_and_said(item, editors, publisher, year):
    # (bk1) The words after an edited book's editors name its publisher, not a venue: it
    # is the `publisher` of a paper of no venue, as a BibTeX import reads a @book's, so
    # that the export cites a book (it was the venue, cited as a conference paper,
    # `@inproceedings{..., booktitle = {MIT Press}}`).
    record, said = _read_said(item)
    assert (record.authors, record.editors, record.venue, record.venue_kind, record.publisher, record.year) == (
        (), editors, "", "", publisher, year
    )
    assert said == [
        f"list.md:3:1: warning: this item reads as an edited book: its editors ({', '.join(editors)}) are"
        " imported as its `editors`, and it has no authors; if they edited the book a chapter"
        " is in, write 'In' and the book's title before them"
    ]


@pytest.mark.parametrize("item, editors, publisher, year", EDITED_BOOKS)
def test_an_edited_book_is_exported_as_a_book_by_its_publisher(item, editors, publisher, year):
    # (bk1) What the paper file holds (the record's fields of the same names) is cited as
    # a @book with its publisher, not an @inproceedings of the publisher.
    record, _ = _read_said(item)
    paper = Paper(
        id="h", title=record.title, abstract="", authors=record.authors, editors=record.editors,
        year=int(record.year), venue=record.venue, venue_kind=record.venue_kind, publisher=record.publisher,
    )
    entry = bibtex_entry(paper)
    assert entry.entry_type == "book"
    assert entry.fields_dict["editor"].value == " and ".join(editors) and "author" not in entry.fields_dict
    assert entry.fields_dict["publisher"].value == publisher
    assert "booktitle" not in entry.fields_dict


def test_an_edited_books_pages_stay_with_its_publisher():
    # (bk1) Pages after an edited book's publisher are kept, as they were beside it as
    # its venue (and as a BibTeX @book keeps its pages): a book of no venue lost them.
    record, _ = _read_said(
        "- [Handbook of Learning](https://example.org/h.pdf) - J. Smith, K. Lee (Eds.), MIT Press, 2019, pp. 1-20"
    )
    assert (record.venue, record.publisher, record.pages) == ("", "MIT Press", "1–20")


@pytest.mark.parametrize("item, venue", [
    # Guard: an edited volume of a conference or a preprint server names no publisher.
    ("- [Proceedings of X](https://example.org/h.pdf) - J. Smith, K. Lee (Eds.), NeurIPS 2019", "NeurIPS"),
    ("- [Handbook of Learning](https://example.org/h.pdf) - J. Smith, K. Lee (Eds.), arXiv, 2019", "arXiv"),
])
def test_an_edited_books_venue_that_names_no_publisher_stays_its_venue(item, venue):
    record, _ = _read_said(item)
    assert (record.venue, record.publisher) == (venue, "")


def test_a_chapters_editors_are_not_the_authors_of_an_edited_book():
    # Guard: after "In", the editors are the book's, and the chapter's author stays.
    record, said = _read_said(
        "- [Some Paper Title](https://example.org/paper.pdf) - Maria Garcia. In J. Smith and K. Lee (Eds.),"
        " Handbook of Learning (pp. 1-20). Springer, 2019."
    )
    assert (record.authors, said) == (("Maria Garcia",), [])


# (bk2) A book that is not edited, its publisher the only place the item names: the
# importer records the publisher as its venue (tests above), and the export cites it as
# a book of that publisher, as a BibTeX @book: it was cited as a conference paper,
# `@inproceedings{…, booktitle = {Springer}}`.
BOOKS = [
    ("- [Pattern Recognition and Machine Learning](https://example.org/prml.pdf) - Christopher Bishop,"
     " Springer, 2006", ("Christopher Bishop",), "Springer"),
    ("- [Deep Learning](https://example.org/dl.pdf) - Ian Goodfellow, Yoshua Bengio, Aaron Courville,"
     " MIT Press, 2016", ("Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"), "MIT Press"),
    ("- [Deep Work](https://example.org/dw.pdf) - Cal Newport, Grand Central Publishing, 2016",
     ("Cal Newport",), "Grand Central Publishing"),
    ("- [Some Book](https://example.org/sb.pdf) - Jane Smith, Simon & Schuster, 2019", ("Jane Smith",), "Simon & Schuster"),
]


@pytest.mark.parametrize("item, authors, publisher", BOOKS)
def test_a_book_by_its_authors_is_exported_as_a_book_of_its_publisher(item, authors, publisher):
    record = _read(item)
    assert (record.authors, record.venue, record.venue_kind, record.publisher) == (authors, publisher, "", "")
    paper = Paper(
        id="b", title=record.title, abstract="", authors=record.authors, year=int(record.year),
        venue=record.venue, venue_kind=record.venue_kind, publisher=record.publisher,
    )
    entry = bibtex_entry(paper)
    assert entry.entry_type == "book"
    assert entry.fields_dict["publisher"].value == publisher.replace("&", "\\&")
    assert "booktitle" not in entry.fields_dict


@pytest.mark.parametrize("item, entry_type, field", [
    # Guard: a university (a thesis's), a journal or a conference is cited as before.
    ("- [A Thesis](https://example.org/t.pdf) - Jane Smith, Stanford University, 2019", "inproceedings", "booktitle"),
    ("- [A Paper](https://example.org/p.pdf) - Jane Smith, Nature, 2019", "article", "journal"),
    ("- [A Paper](https://example.org/p.pdf) - Jane Smith, NeurIPS 2019", "inproceedings", "booktitle"),
    ("- [A Paper](https://example.org/p.pdf) - Jane Smith, Proceedings of the MIT Press Workshop, 2019",
     "inproceedings", "booktitle"),
    # (rev103) nor a conference paper the list names by its society's press alone (the
    # reader keeps the press, not the proceedings before it, as the venue)
    ("- [A Paper](https://example.org/p.pdf) - Jane Smith. Proc. KDD, ACM Press, 2018", "inproceedings", "booktitle"),
    ("- [A Paper](https://example.org/p.pdf) - Jane Smith. In AAAI, AAAI Press, 2018", "inproceedings", "booktitle"),
])
def test_a_venue_that_is_no_publisher_is_cited_as_before(item, entry_type, field):
    record = _read(item)
    entry = bibtex_entry(Paper(id="p", title=record.title, abstract="", authors=record.authors, venue=record.venue))
    assert (entry.entry_type, entry.fields_dict[field].value) == (entry_type, record.venue)


# (bk2) A chapter's book's editors, read apart from its authors since imp38, are its
# `editors` (they were left out: its page and citation named none), one tuple for each
# of CHAPTERS' shapes, in its order.
CHAPTERS_EDITORS = [
    ("J. Smith", "K. Lee"), ("J. Smith", "K. Lee"), ("J. Smith", "K. Lee"), ("John Smith", "Kate Lee"),
    ("J. Smith", "K. Lee"), ("J. Smith", "K. Lee"), ("J. Smith",), ("J. Smith", "K. Lee"),
    ("John Smith", "Kate Lee"), ("J. Smith", "K. Lee"),
]


@pytest.mark.parametrize("chapter, editors", list(zip(CHAPTERS, CHAPTERS_EDITORS, strict=True)))
def test_a_chapters_books_editors_are_its_editors(chapter, editors):
    after, authors, publisher, _ = chapter
    record = _read(f"- [Some Chapter](https://example.org/ch.pdf) - {after}")
    assert (record.authors, record.editors, record.venue, record.publisher) == (
        authors, editors, "Handbook of Learning", publisher,
    )


@pytest.mark.parametrize("after, editors", [
    ("Lourenço, H. R., Martin, O. C. and Stützle, T. (2003). In: Handbook of Metaheuristics, F. Glover and"
     " G. A. Kochenberger (eds.), Springer.", ("F. Glover", "G. A. Kochenberger")),
    ("Maria Garcia. In Handbook of Learning, edited by John Smith, Kate Lee, and Mia Chen, 1-20. Springer, 2019.",
     ("John Smith", "Kate Lee", "Mia Chen")),
    # (a conference's volume known by name stays the venue, its editors left out as before)
    ("Maria Garcia. In: Vedaldi, A., Bischof, H. (eds.) ECCV 2020. LNCS, vol. 12346. Springer, 2020", ()),
])
def test_more_chapters_editors(after, editors):
    assert _read(f"- [Some Chapter](https://example.org/ch.pdf) - {after}").editors == editors
