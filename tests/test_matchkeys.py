"""matchkeys.two_works: when one title names two works (property tests); same_conference:
when two venues name one conference."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from generator.matchkeys import SimilarTitles, abbreviates, by_acronym, conference_of, same_conference, two_works

_NAME = st.from_regex(r"[A-Z][a-zà-ö]{2,9}", fullmatch=True)
_PERSON = st.tuples(_NAME, _NAME)  # (first, last)
_PEOPLE = st.lists(_PERSON, min_size=1, max_size=8)
_YEAR = st.integers(1990, 2030).map(str)


@st.composite
def _retyped(draw, people):
    """The same people as another source writes them: reordered, "Last, First", initials,
    cut short by "others" (at least the first kept)."""
    shown = []
    for first, last in people:
        form = draw(st.sampled_from(["first last", "last, first", "initial last"]))
        shown.append({"first last": f"{first} {last}", "last, first": f"{last}, {first}",
                      "initial last": f"{first[0]}. {last}"}[form])
    if draw(st.booleans()) and len(shown) > 1:
        shown = shown[: draw(st.integers(1, len(shown) - 1))] + ["others"]
    return draw(st.permutations(shown))


@given(_PEOPLE.flatmap(lambda p: st.tuples(st.just(p), _retyped(p))), _YEAR, _YEAR)
def test_one_works_people_as_any_source_writes_them_are_never_two_works(pair, year, other_year):
    people, retyped = pair
    written = [f"{first} {last}" for first, last in people]
    assert not two_works(written, year, retyped, other_year)


@given(st.lists(_NAME, max_size=6), _YEAR, st.lists(_NAME, max_size=6), _YEAR)
def test_two_works_is_symmetric_and_needs_both_years_to_differ(people, year, others, other_year):
    assert two_works(people, year, others, other_year) == two_works(others, other_year, people, year)
    if year == other_year:
        assert not two_works(people, year, others, other_year)
    assert not two_works(people, "", others, other_year) and not two_works([], year, others, other_year)


def test_the_book_and_the_review_are_two_works_and_one_shared_author_does_not_join_them():
    book = ["Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"]
    review = ["LeCun, Yann", "Bengio, Yoshua", "Hinton, Geoffrey"]
    assert two_works(book, "2016", review, "2015")
    assert not two_works(book, "2016", review, "2016")  # (the same year: a conflict instead)
    assert not two_works(["OpenAI"], "2023", ["Josh Achiam", "Steven Adler"], "2023")


def test_one_papers_people_spelt_apart_or_as_an_organisation_are_never_two_works():
    # (review: each split one paper into two files, as a preprint's year differs)
    assert not two_works(["Jörg Müller", "Anna Schmidt"], "2019", ["Mueller, Joerg", "Schmidt, A."], "2020")
    assert not two_works(["Jörg Müller"], "2019", ["Hans Weber"], "2020")  # (one person: too little)
    assert not two_works(["Qwen Team"], "2024", ["Jinze Bai", "Shuai Bai", "Yunfei Chu"], "2023")
    assert not two_works(["张三", "李四"], "2019", ["San Zhang", "Si Li"], "2020")


def test_people_whose_surname_is_a_publishers_word_tell_two_works_as_others_do():
    # ("WH Press", as a BibTeX "Press, WH" is imported, read as a publisher decided
    # nothing: one paper's authors then said nothing of a second work's)
    recipes = ["WH Press", "SA Teukolsky", "WT Vetterling"]
    assert two_works(recipes, "2007", ["Ofir Press", "Noah A. Smith", "Mike Lewis"], "2022")
    assert not two_works(recipes, "2007", ["Press, W. H.", "Teukolsky, S. A."], "1992")


def test_short_names_are_not_folded_together():
    # (second review: with inner vowels dropped, Li, Liu, Lu and Lee were one person)
    assert two_works(["Xin Li", "Bo Liu", "Yu Ye"], "2020", ["Lei Lu", "Ming Lee", "Tao Yi"], "2021")
    assert not two_works(["Jürgen Schmidhuber", "Sepp Hochreiter"], "1997", ["Juergen Schmidhuber", "S. Hochreiter"], "1996")


def test_lists_as_long_as_each_other_are_judged_both_ways():
    # (hypothesis, in CI: the one "shorter" list of two as long depended on their order)
    same = ["Aaa"] * 5
    mixed = ["Aaa", "Aaa", "Baa", "Baa", "Baa"]
    assert not two_works(same, "1990", mixed, "1991") and not two_works(mixed, "1991", same, "1990")


@pytest.mark.parametrize("venue, conference", [
    # As Google Scholar, DBLP, the ACL Anthology, IEEE, Scopus, OpenReview and PMLR write them.
    ("NeurIPS", ("neurips", "")),
    ("NIPS '95", ("neurips", "1995")),
    ("NeurIPS'22", ("neurips", "2022")),
    ("Advances in neural information processing systems", ("neurips", "")),
    ("Advances in Neural Information Processing Systems 30: Annual Conference on Neural Information"
     " Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA", ("neurips", "2017")),
    ("Thirty-seventh Conference on Neural Information Processing Systems", ("neurips", "")),
    ("Proceedings of the 31st International Conference on Neural Information Processing Systems",
     ("neurips", "")),
    ("Proceedings of the 2019 Conference of the North American Chapter of the Association for"
     " Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)",
     ("naacl", "2019")),
    ("Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
     ("acl", "")),
    ("IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016, Las Vegas, NV, USA,"
     " June 27-30, 2016", ("cvpr", "2016")),
    ("Proceedings of the IEEE Computer Society Conference on Computer Vision and Pattern Recognition",
     ("cvpr", "")),
    ("Proceedings of the IEEE/CVF International Conference on Computer Vision", ("iccv", "")),
    ("Proceedings of the 38th International Conference on Machine Learning, ICML 2021, 18-24 July"
     " 2021, Virtual Event", ("icml", "2021")),
    ("The Eleventh International Conference on Learning Representations", ("iclr", "")),
    # (Scopus, and Mendeley from it: a spurious venue conflict with the other exports.)
    ("NAACL HLT 2019 - 2019 Conference of the North American Chapter of the Association for"
     " Computational Linguistics: Human Language Technologies - Proceedings of the Conference",
     ("naacl", "2019")),
    ("3rd International Conference on Learning Representations, ICLR 2015 - Conference Track"
     " Proceedings", ("iclr", "2015")),
    ("Proceedings of the 25th ACM SIGKDD International Conference on Knowledge Discovery & Data"
     " Mining", ("kdd", "")),
    # How the paper was presented, as a Markdown list says it beside the conference: its
    # oral, spotlight, poster or highlight is in the conference's own proceedings.
    ("NeurIPS Oral", ("neurips", "")),
    ("NeurIPS 2019 Spotlight", ("neurips", "2019")),
    ("ICLR 2023 Poster", ("iclr", "2023")),
    ("CVPR 2023 Highlight", ("cvpr", "2023")),
    # So is an award the list says it won: the paper is in the proceedings.
    ("CVPR 2019 Best Paper", ("cvpr", "2019")),
    ("CVPR Best Paper Award", ("cvpr", "")),
    ("CVPR 2019 Best Student Paper", ("cvpr", "2019")),
    ("ICCV 2019 Honorable Mention", ("iccv", "2019")),
    ("ICCV 2019 Best Paper Honourable Mention", ("iccv", "2019")),
    ("NeurIPS 2019 Outstanding Paper", ("neurips", "2019")),
    ("ICLR 2021 Outstanding Paper Award", ("iclr", "2021")),
    ("NeurIPS 2020 Spotlight", ("neurips", "2020")),
    # Not the conference's own proceedings, or no conference of the list.
    ("NeurIPS 2023 Workshop on Foundation Models", None),
    ("NeurIPS 2023 Workshop Poster", None),
    ("NeurIPS 2023 Workshop Best Paper", None),
    ("ICLR 2024 Workshop Track", None),
    ("Tiny Papers Track at ICLR 2023", None),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops", None),
    ("Findings of the Association for Computational Linguistics: EMNLP 2021", None),
    ("Asian Conference on Machine Learning", None),
    ("Pacific-Asia Conference on Knowledge Discovery and Data Mining", None),
    ("ACL-IJCNLP 2021", None),
    ("Journal of Machine Learning Research", None),
    ("arXiv preprint arXiv:1706.03762", None),
])
def test_a_venue_names_its_conference_by_acronym_or_name(venue, conference):
    assert conference_of(venue) == conference


@pytest.mark.parametrize("venue, conference", [
    # Graphics, vision and robotics conferences, by acronym and by the name their
    # proceedings give (a curator's audit: a list's "(SIGGRAPH 2022)" was no venue at all).
    ("SIGGRAPH 2022", ("siggraph", "2022")),
    ("ACM SIGGRAPH 2022 Conference Proceedings", ("siggraph", "2022")),
    ("Special Interest Group on Computer Graphics and Interactive Techniques Conference", ("siggraph", "")),
    # SIGGRAPH Asia is a conference of its own, not SIGGRAPH's.
    ("SIGGRAPH Asia 2022 Conference Papers", ("siggraph asia", "2022")),
    ("siggraph asia", ("siggraph asia", "")),
    ("Eurographics 2020", ("eurographics", "2020")),
    ("Annual Conference of the European Association for Computer Graphics", ("eurographics", "")),
    ("3DV 2021", ("3dv", "2021")),
    ("2021 International Conference on 3D Vision (3DV)", ("3dv", "2021")),
    ("RSS 2022", ("rss", "2022")),
    ("Robotics: Science and Systems", ("rss", "")),
    ("ACCV 2020", ("accv", "2020")),
    ("Proceedings of the Asian Conference on Computer Vision", ("accv", "")),
    ("Eurographics 2020 Short Papers", ("eurographics", "2020")),
    ("Eurographics Symposium on Rendering", None),  # (EGSR: another venue)
])
def test_graphics_vision_and_robotics_conferences_are_named_too(venue, conference):
    assert conference_of(venue) == conference


@pytest.mark.parametrize("venue, conference", [
    # RSS numbers its proceedings in roman numerals, one a year since RSS I in 2005: the
    # numeral names the year. It named no conference at all ("xvii": a word of no
    # proceedings), so an RSS paper's "RSS 2021" and its import's venue were two.
    ("Robotics: Science and Systems XVII", ("rss", "2021")),
    ("Robotics: Science and Systems I", ("rss", "2005")),
    ("Robotics: Science and Systems XIV, Carnegie Mellon University, Pittsburgh, Pennsylvania, USA,"
     " June 26-30, 2018", ("rss", "2018")),
    ("Robotics: Science and Systems XVII, 2022", ("rss", "")),  # (two years: which is not said)
    # A word of the proceedings that starts as a numeral does is none.
    ("Robotics: Science and Systems, IEEE", ("rss", "")),
    ("RSS Vol 2021", ("rss", "2021")),
    # Not a numeral, or a conference whose first year the table does not know.
    ("Robotics: Science and Systems Civil", None),
    ("CoRL IV", None),
])
def test_a_conferences_edition_in_roman_numerals_names_its_year(venue, conference):
    assert conference_of(venue) == conference


@given(st.text(alphabet="XLVICIEo, ", max_size=30))
def test_an_edition_found_is_a_numeral_of_one_or_more(text):
    from generator.matchkeys import _EDITION
    from generator.models import roman_value

    assert all(roman_value(edition) > 0 for edition in _EDITION.findall(text))


def test_rss_by_its_edition_is_rss_of_that_year():
    assert same_conference("RSS 2021", "2021", "Robotics: Science and Systems XVII", "2021")
    assert same_conference("RSS 2021", "", "Robotics: Science and Systems XVII", "")
    assert not same_conference("RSS 2022", "", "Robotics: Science and Systems XVII", "")


def test_siggraph_and_siggraph_asia_are_two_venues():
    assert same_conference("SIGGRAPH", "2022", "ACM SIGGRAPH 2022 Conference Proceedings", "2022")
    assert not same_conference("SIGGRAPH 2022", "", "SIGGRAPH Asia 2022", "")


def test_one_conference_is_one_venue_only_in_one_year():
    assert same_conference("NeurIPS", "2017", "Advances in Neural Information Processing Systems", "2017")
    assert same_conference("NeurIPS", "", "Advances in Neural Information Processing Systems", "2017")
    assert same_conference("NeurIPS 2017", "2018", "NIPS", "2017")  # (the year it names is its own)
    assert not same_conference("NeurIPS", "2017", "Advances in Neural Information Processing Systems", "2018")
    assert not same_conference("NeurIPS 2017", "", "NeurIPS'18", "")
    assert not same_conference("ACL", "2020", "NAACL", "2020")
    assert not same_conference("ECCV", "2020", "International Conference on Computer Vision", "2020")


# --- normalise_title: an ASCII title's words found without the regular expression ------


def test_an_ascii_title_keeps_letters_digits_and_underscores_as_words_and_splits_at_everything_else():
    from generator.matchkeys import normalise_title

    assert normalise_title("Q_learning-2: A Re-Act's   (Survey)!\tv2") == "q_learning 2 a re act s survey v2"
    # Every ASCII character between two letters: a word character joins them, any other splits.
    for code in range(128):
        char = chr(code)
        joined = char.isalnum() or char == "_"
        expected = f"x{char.casefold()}y" if joined else "x y"
        assert normalise_title(f"x{char}y") == expected, hex(code)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_titles_words_are_those_of_the_word_pattern(title):
    import re

    from generator.matchkeys import normalise_title, plain_for_matching

    text = plain_for_matching(title).casefold()
    if text.isascii():
        assert normalise_title(title) == (" ".join(re.findall(r"\w+", text)) or " ".join(text.split()))


@pytest.mark.parametrize(
    "venue, acronym",
    [
        ("NIPS", True), ("NeurIPS 2020", True), ("ICML'21", True), ("icml", True), ("NAACL-HLT 2019", True),
        ("38th ICML", True),
        # Its name, or more than the acronym and a number: how it was presented, a workshop.
        ("Advances in Neural Information Processing Systems", False), ("NeurIPS 2020 Oral", False),
        ("ICML Workshop on AutoML", False), ("Proceedings of ICML", False), ("Nature", False), ("", False),
    ],
)
def test_a_venue_by_its_acronym_alone(venue, acronym):
    assert by_acronym(venue) is acronym


def test_an_acronym_abbreviates_the_conference_of_its_year_by_any_name():
    full = "Advances in Neural Information Processing Systems 33"
    assert abbreviates("NIPS", full, ("2020", "2020"))
    assert abbreviates("NeurIPS 2020", full, ("2020", "2020"))
    assert abbreviates("NIPS", "NeurIPS")
    assert not abbreviates("NeurIPS 2019", full, ("2020", "2020"))  # another year
    assert not abbreviates("ICML", full)  # another conference
    assert not abbreviates(full, "NIPS")  # the name is no abbreviation of the acronym


def test_similar_titles_keep_the_order_given_across_their_first_look_up():
    # `add` only notes a title until the first look-up indexes it: a title given before
    # that look-up is still the first given, ahead of the one the look-up adds
    # (`then_add`) and of one given again after it. (Each misspelling below is one
    # character of 55 changed: 1 - 2/110 alike, 98.18%, a tie between "A" and "B".)
    stem = "graph neural networks for molecular property predictio"
    titles: SimilarTitles[str] = SimilarTitles()
    titles.add(stem + "m", "A")
    assert titles.similar(stem + "h", then_add="B") == ("A", pytest.approx(100 * (1 - 2 / 110)))
    titles.add(stem + "m", "C")  # (a title given again keeps what it named first)
    assert titles.similar(stem + "x") == ("A", pytest.approx(100 * (1 - 2 / 110)))
    assert titles.similar(stem + "m") == ("A", 100.0)
    assert titles.similar(stem + "h") == ("B", 100.0)
    # A title given after the first look-up is found by the next (one letter more of 51).
    titles.add("attention is all you need", "D")
    assert "attention is all you need" in titles
    assert titles.similar("attention is all you needs") == ("D", pytest.approx(100 * (1 - 1 / 51)))
