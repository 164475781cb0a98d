"""Phrase search: a phrase in double quotes finds a paper only where its words stand next
to each other, in that order, in one of its texts (search.py's read_phrases,
holds_phrase; readinglist-search.js's withPhrases does the same in the browser,
tests/browser/test_search_phrases.py). The expected pages below are worked out by hand
from the papers' texts; the property test checks them against a plain scan."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search import SEPARATOR, phrase_words, phrases, read_phrases
from tests.test_search import _engine_of, _paper


def _found(engine, query):
    return sorted(hit.location.split("/")[1] for hit in engine.find(query).hits)


ENGINE = _engine_of(
    _paper("together", title="Task vectors for model merging", abstract="We edit models."),
    _paper("apart", title="Vectors of a task", abstract="A task is learnt; its vectors are not."),
    _paper("across", title="Editing with one task", abstract="Vectors are merged."),
    _paper("noted", title="Weight interpolation", abstract="Nothing here.", notes="Compare task-vectors."),
    _paper("tagged", title="Model soups", abstract="Soups of models.", tags=("merging", "task")),
    _paper("tuned", title="Fine-tuning at scale", abstract="Nothing else."),
    _paper("spaced", title="Scale", abstract="We fine tune, then fine tuning again."),
    _paper("accent", title="Tülu merging", abstract="Nothing else."),
    _paper("authors", title="Other", abstract="Nothing else.", authors=("Ada Lovelace", "Tülu Task")),
)


def test_a_phrase_finds_its_words_next_to_each_other_in_one_text():
    # (by hand: "task vectors" stands together in "together"'s title and "noted"'s notes
    # ("task-vectors": a hyphen is a space to the search); "apart" has both words, in
    # the other order and apart; "across" has "task" ending its title and "Vectors"
    # opening its abstract: two texts; "tagged" has "task" as a tag only)
    assert _found(ENGINE, "+task +vectors") == ["across", "apart", "noted", "together"]
    assert _found(ENGINE, '"task vectors"') == ["noted", "together"]
    assert _found(ENGINE, '"Task-Vectors"') == ["noted", "together"]
    assert _found(ENGINE, '"vectors task"') == []
    assert _found(ENGINE, '"task vectors" +merging') == ["together"]
    # (a hyphen is a space, in the query and in the text alike; accents and case are
    # not read; a phrase's words are themselves: "tune" is not "tuning")
    assert _found(ENGINE, '"fine tuning"') == _found(ENGINE, '"fine-tuning"') == ["spaced", "tuned"]
    assert _found(ENGINE, '"fine tune"') == ["spaced"]
    assert _found(ENGINE, '"tulu merging"') == _found(ENGINE, '"TÜLU merging"') == ["accent"]
    # (an author's name, in the byline)
    assert _found(ENGINE, '"ada lovelace"') == ["authors"]
    assert _found(ENGINE, '"lovelace tulu"') == ["authors"]  # (one byline: "Ada Lovelace, Tülu Task")


def test_a_phrase_of_one_word_is_that_word_as_itself():
    assert _found(ENGINE, '"vectors"') == _found(ENGINE, "+vectors")
    assert phrases('"vectors"').split() == ['"vectors"']


def test_a_phrase_marked_minus_leaves_out_only_the_pages_that_hold_it():
    # (by hand: of the four with "task" and "vectors", two hold the phrase)
    assert _found(ENGINE, 'vectors -"task vectors"') == ["across", "apart"]
    assert _found(ENGINE, 'fine -"fine tune"') == ["tuned"]
    found = ENGINE.find('-"task vectors"')
    assert found.hits == [] and found.excluding and found.marked == 1
    # (one word marked so is as before: the pages without the word)
    assert _found(ENGINE, 'vectors -"task"') == _found(ENGINE, "vectors -task")
    text, wanted, unwanted = read_phrases('a -"b c" "d-e" -"f" "g"')
    assert (text.split(), wanted, unwanted) == (["a", '"d-e"', "-f", '"g"'], (("d", "e"),), (("b", "c"),))


def test_a_phrases_words_are_read_as_the_index_reads_a_text():
    split_at = re.compile(SEPARATOR)
    assert phrase_words("AT&T Labs", split_at) == ("at", "t", "labs")
    assert phrase_words("Fine-Tuning of Tülu*", split_at) == ("fine", "tuning", "of", "tulu")


# --- Property: the phrase's pages are those a plain scan of the texts finds ------------

WORDS = ["task", "Task", "vectors", "of", "the", "merging", "Tülu", "tulu", "model"]
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "-", ", "])), max_size=8).map(
    lambda pairs: "".join(word + gap for word, gap in pairs).strip(" ,-") or "model")
PAPER = st.fixed_dictionaries({
    "title": TEXT, "abstract": TEXT, "notes": st.sampled_from(["", "task vectors", "merging of the model"]),
    "tags": st.lists(TEXT, max_size=2).map(tuple),
})


def _plain(text: str) -> list[str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return [word for word in re.split(r"[\s,.\-]+", folded) if word]


def _holds(text: str, phrase: list[str]) -> bool:
    words = _plain(text)
    return any(words[i:i + len(phrase)] == phrase for i in range(len(words)))


@settings(max_examples=40, derandomize=True)
# (A phrase's words each once: '"task task task"' finds nothing, as it did before phrases
# were read as such: the query refined for lunr loses its quotes' pairing.)
@given(st.lists(PAPER, min_size=1, max_size=6),
       st.lists(st.sampled_from(WORDS), min_size=2, max_size=3, unique_by=lambda word: _plain(word)[0]),
       st.booleans())
def test_a_phrase_finds_exactly_the_papers_whose_texts_hold_it(papers, phrase, left_out):
    engine = _engine_of(*(_paper(f"p{n}", **fields) for n, fields in enumerate(papers)))
    words = _plain(" ".join(phrase))
    holding = {f"p{n}" for n, fields in enumerate(papers)
               if any(_holds(text, words) for text in (fields["title"], fields["abstract"], fields["notes"],
                                                        *fields["tags"]))}
    typed = " ".join(phrase)
    if not left_out:
        assert set(_found(engine, f'"{typed}"')) == holding
    else:
        # (beside a word every paper has: the rest, and nothing else)
        every = {f"p{n}" for n, fields in enumerate(papers)
                 if "model" in _plain(" ".join((fields["title"], fields["abstract"], fields["notes"], *fields["tags"])))}
        assert set(_found(engine, f'model -"{typed}"')) == every - holding


def test_a_bar_in_the_notes_is_read_as_in_the_abstract():
    # (by hand: both write "task | vectors"; "|" is one of the index's separators, as a
    # comma is, so a phrase runs across it in the abstract, and must in the notes too:
    # the hidden field's own "|" between its texts was taken for every "|" the curator
    # wrote, which cut the notes in pieces. A Markdown table in the notes writes "|".)
    engine = _engine_of(
        _paper("noted", title="Other", abstract="Nothing.", notes="| task | vectors | 0.5 |"),
        _paper("written", title="More", abstract="| task | vectors | 0.5 |"),
        _paper("apart", title="Task", abstract="Nothing.", notes="vectors"),
    )
    assert _found(engine, '"task vectors"') == ["noted", "written"]
    assert _found(engine, '"vectors 0.5"') == ["noted", "written"]
    # (and still no phrase across two texts: the title's "task" and the notes' "vectors")
    assert _found(engine, 'vectors -"task vectors"') == ["apart"]


def test_a_phrase_with_a_wildcard_is_its_words_each_required():
    # (by hand: "together" has "task" and "vectors", "apart" "task" and "vectors", "noted"
    # "task-vectors", "across" "task" and "Vectors"; no text holds "vec" itself, and the
    # phrase '"task vec*"' found nothing: it finds what "+task +vec*" finds, as before
    # phrases were read, and so does a fuzzy word)
    assert _found(ENGINE, '"task vec*"') == _found(ENGINE, "+task +vec*") == ["across", "apart", "noted", "together"]
    assert _found(ENGINE, '"task vectros~1"') == ["across", "apart", "noted", "together"]
    assert read_phrases('"task vec*" -"merging mod*"')[1:] == ((), ())
    assert read_phrases('"task vec*" -"merging mod*"')[0].split() == ['"task"', '"vec*"', "-merging", "-mod*"]


def test_a_field_before_a_phrase_scopes_the_phrase_to_that_field():
    # (by hand: "together"'s title is the one title with "task vectors"; "noted" writes it
    # in its notes, no field of lunr's; the titles with "task" are "together"'s, "apart"'s
    # and "across"'s; the four with "vectors" are these three and "noted"; "accent"'s title
    # is "Tülu merging", and "authors"' byline, its text, "... Tülu Task")
    assert _found(ENGINE, 'title:"task vectors"') == _found(ENGINE, '+title:"task vectors"') == ["together"]
    assert _found(ENGINE, 'vectors -title:"task vectors"') == ["across", "apart", "noted"]
    assert _found(ENGINE, '-title:"task vectors"') == []
    assert _found(ENGINE, 'text:"task vectors"') == []
    assert _found(ENGINE, 'title:"tulu merging"') == ["accent"]
    assert _found(ENGINE, 'text:"tulu task"') == ["authors"]
    assert _found(ENGINE, 'title:"tulu task"') == []
    # (a phrase of one word is that word in the field, as "title:task" is)
    assert _found(ENGINE, 'title:"task"') == ["across", "apart", "together"]
    assert _found(ENGINE, 'vectors -title:"task"') == ["noted"]
    text, wanted, unwanted = read_phrases('title:"x y" -text:"z w" tags:"v" -title:"u"')
    assert (text.split(), wanted, unwanted) == (
        ['"x"', '"y"', "+tags:v", "-title:u"], (("title:", "x", "y"),), (("text:", "z", "w"),))


def test_words_joined_by_an_ampersand_find_the_pages_that_write_them():
    # (by hand: "qa" writes "Q&A" in its title, "rd" "R&D", "wo" "w/o"; "q" has "Q" and
    # "a" apart, "Q-A" is "q" and "a" next to each other, as a hyphen is a space. The
    # index splits the escaped "Q&amp;A" into "q" and the stop word "a", which lunr
    # indexes not: Material's "q&a", typed so or quoted, was no word of it, and found
    # nothing.)
    engine = _engine_of(
        _paper("qa", title="Open-domain Q&A at scale", abstract="We answer."),
        _paper("rd", title="R&D spending", abstract="Nothing."),
        _paper("wo", title="Training w/o labels", abstract="Nothing."),
        _paper("q", title="The Q function", abstract="A value."),
        _paper("dash", title="Q-A pairs", abstract="Nothing."),
    )
    assert _found(engine, "Q&A") == _found(engine, "q&a") == ["qa"]
    assert _found(engine, '"Q&A"') == _found(engine, '"q a"') == ["dash", "qa"]
    assert _found(engine, '"open-domain Q&A"') == ["qa"]
    assert _found(engine, "R&D") == _found(engine, '"R&D"') == ["rd"]
    assert _found(engine, '"w/o"') == ["wo"]
    assert read_phrases('"Q&A" "AT&T labs"')[0].split() == ['"q"', '"t"', '"labs"']


def test_an_author_field_before_a_phrase_scopes_it_as_text():
    # (by hand: "author:" is read as "text:" before a word, the byline being in the text;
    # before a phrase it was a word of the query, "author", and '-author:"ada lovelace"'
    # kept the one page with the name. "Nothing" opens the abstracts of "accent",
    # "authors", "tuned" and "noted"; "authors" alone has the byline "Ada Lovelace, Tülu
    # Task"; "task vectors" is in "together"'s title and "noted"'s notes, no text field)
    assert _found(ENGINE, 'nothing -author:"ada lovelace"') == ["accent", "noted", "tuned"]
    assert _found(ENGINE, 'nothing -Authors:"Ada Lovelace"') == ["accent", "noted", "tuned"]
    assert _found(ENGINE, 'author:"lovelace tulu"') == _found(ENGINE, 'authors:"Lovelace Tülu"') == ["authors"]
    assert _found(ENGINE, 'author:"task vectors"') == []
    assert read_phrases('author:"x y" -authors:"z w" author:"v"')[1:] == (
        (("text:", "x", "y"),), (("text:", "z", "w"),))
    assert read_phrases('author:"x y" author:"v"')[0].split() == ['"x"', '"y"', "+text:v"]
