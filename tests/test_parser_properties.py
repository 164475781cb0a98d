"""Properties of the parsers that read text someone pasted or typed: whatever the text,
they answer (records, a tree, problems) rather than crash, and every place they report
lies inside the text, so an editor can jump to it.

Texts are drawn both from all of Unicode and from the characters each format gives a
meaning to, so that the drawn texts are often nearly valid, where parsers break.
"""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import example, given, settings, strategies as st

from generator.errors import Location, Problems
from generator.ingest import normalise_text
from generator.ingest.bibtex import parse_bibtex
from generator.ingest.hflisting import parse_listing
from generator.ingest.ris import parse_ris
from generator.latex import _SIMPLE_MATH_WORDS, simple_math
from generator.matchkeys import normalise_title
from generator.search import (
    SEPARATOR,
    SPACE,
    STOP_WORDS,
    MaterialSearch,
    fold,
    phrases,
    read_phrases,
    refine_query,
    tokenize,
)
from generator import yamlio
from generator.yamlio import parse, to_python

PATH = "in.txt"


def _texts(special: str, max_size: int = 300) -> st.SearchStrategy[str]:
    """Any text, or text mostly made of ``special`` characters plus a few letters."""
    alphabet = st.sampled_from(list(special + "ab1 \n\té\u2028\x00\ufeff"))
    return st.one_of(st.text(max_size=max_size), st.text(alphabet, max_size=max_size))


def _inside(text: str, location: Location) -> bool:
    """The location names a line of ``text`` and a column within it or just after its end."""
    if location.path != PATH:
        return False
    lines = text.split("\n")
    if location.line == 0:  # "the whole file": allowed, but then with no column either
        return location.col == 0
    if not 1 <= location.line <= len(lines):
        return False
    return 1 <= location.col <= len(lines[location.line - 1]) + 1


def _all_inside(text: str, problems: Problems) -> list[str]:
    return [str(p) for p in problems.items if not _inside(text, p.location)]


# --- YAML ------------------------------------------------------------------------------------

YAML_SPECIAL = ":-?[]{},#&*!|>'\"%@` \n"


@settings(max_examples=400)
@given(_texts(YAML_SPECIAL))
@example("a: [\n")
@example("key: 'open\n")
@example("- a\nb: c\n")
@example("a: b\na: c\n")
@example("a: &x [*x]\n")
@example("\ufeffa: [")
@example("- a\nb")
def test_yaml_any_text_gives_problems_inside_the_text_never_an_exception(raw):
    text = normalise_text(raw)  # as every caller hands it over
    problems = Problems()
    parse(text, PATH, problems)
    assert _all_inside(text, problems) == []


def _read(text: str) -> tuple[object, list[str]]:
    problems = Problems()
    return to_python(parse(text, PATH, problems)), [str(p) for p in problems.items]


@settings(max_examples=400)
@given(_texts(YAML_SPECIAL + "&&!!"))
@example("a: Q&A, R &D and more & more! x!y\n")
@example("a: &x [1]\nb: *x\n")
@example("- &a x\n-\t&b y\n")
@example("[x,&y z]\n")
@example("{\"d\":&e f}\n")
@example("{\"a\":!t x}\n")
@example("[x,!t y]\n")
@example("! x\n")
def test_the_quick_look_for_anchors_and_tags_misses_none(raw):
    # Only a text it says may hold one is checked node by node for anchors, aliases and
    # tags; checking every text so gives the same tree and the same problems.
    text = normalise_text(raw)
    read = _read(text)
    with mock.patch.object(yamlio, "_may_hold_properties", lambda text: True):
        assert _read(text) == read


# A curator's slip in one line of an otherwise good file is named on that very line (the
# parser often stops only on a later one), and a value YAML would read otherwise than
# typed is never taken silently.

_KEYS = st.lists(st.from_regex(r"[a-z][a-z_]{0,9}", fullmatch=True), min_size=2, max_size=6, unique=True)
_WORDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ]{0,20}[A-Za-z0-9]", fullmatch=True).filter(
    lambda v: "  " not in v
)


def _file(keys: list[str], values: list[str], slipped: int, line: str) -> str:
    lines = [f"{k}: {v}" for k, v in zip(keys, values)]
    lines[slipped] = line
    return "\n".join(lines) + "\n"


def _errors(text: str) -> list[str]:
    problems = Problems()
    parse(text, PATH, problems)
    return [str(p) for p in problems.sorted()]


@settings(max_examples=200)
@given(_KEYS, st.data())
@example(["id", "title"], None)
def test_a_key_without_a_space_after_its_colon_is_named_on_its_line(keys, data):
    if data is None:  # (the example: the first key, "id:broken", then "title: T")
        values, slipped, end = ["broken", "T"], 0, "\n"
    else:
        values = data.draw(st.lists(_WORDS, min_size=len(keys), max_size=len(keys)))
        slipped = data.draw(st.integers(0, len(keys) - 1))
        end = data.draw(st.sampled_from(["\n", ""]))
    key, value = keys[slipped], values[slipped]
    text = _file(keys, values, slipped, f"{key}:{value}").removesuffix("\n") + end
    assert _errors(text) == [
        f"{PATH}:{slipped + 1}:{len(key) + 1}: YAML syntax error: a key needs a space after its"
        f" colon: '{key}: {value}'"
    ]


@settings(max_examples=200)
@given(_KEYS, st.data(), st.sampled_from("&*!"))
@example(["id", "title"], None, "&")
def test_a_value_starting_with_yaml_syntax_is_never_taken_silently(keys, data, sign):
    if data is None:  # (the review's "title: &Co Some paper")
        values, slipped, word = ["broken", "Some paper"], 1, "Co"
    else:
        values = data.draw(st.lists(_WORDS, min_size=len(keys), max_size=len(keys)))
        slipped = data.draw(st.integers(0, len(keys) - 1))
        word = data.draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.*-]{0,8}", fullmatch=True))
    key, value = keys[slipped], f"{sign}{word} {values[slipped]}"
    errors = _errors(_file(keys, values, slipped, f"{key}: {value}"))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{PATH}:{slipped + 1}:{len(key) + 3}: ")
    if (
        sign == "&" and re.fullmatch(r"[0-9][0-9.]*|true|false", values[slipped], re.IGNORECASE)
        # (An anchor's name of other characters, "&0.", is a syntax error to libyaml: the
        # value is then told to be quoted, as any value the parser stops at.)
        and re.fullmatch(r"[A-Za-z0-9_-]+", word)
    ):
        # A number after the anchor was typed as that number ("stars: &s 1"): the anchor goes.
        assert errors[0].endswith(f"'&{word}' is a YAML anchor; a curation file may not hold"
                                  " anchors (nor the aliases that repeat them): remove it")
    else:
        assert errors[0].endswith(f"put the whole value in double quotes: {key}: \"{value}\"")


def test_an_anchor_name_libyaml_refuses_is_told_to_be_quoted_though_a_number_follows():
    # "&0." is no anchor to libyaml ("." is no character of a name): the parser stops
    # there, and the value is told to be quoted (hypothesis found it).
    errors = _errors(_file(["a", "b"], ["00", "00"], 0, "a: &0. 00"))
    assert len(errors) == 1
    assert errors[0].endswith('put the whole value in double quotes: a: "&0. 00"')


@settings(max_examples=200)
@given(_KEYS, st.data())
def test_a_list_never_closed_is_named_at_its_bracket(keys, data):
    values = data.draw(st.lists(_WORDS, min_size=len(keys), max_size=len(keys)))
    slipped = data.draw(st.integers(0, len(keys) - 1))
    items = data.draw(st.lists(_WORDS, min_size=1, max_size=4))
    key = keys[slipped]
    text = _file(keys, values, slipped, f"{key}: [{', '.join(items)}")
    assert _errors(text) == [
        f"{PATH}:{slipped + 1}:{len(key) + 3}: YAML syntax error: a list opened here with '['"
        " is not closed: close it with ']' (if the value is text, not a list, put the whole"
        " value in double quotes)"
    ]


# --- BibTeX ----------------------------------------------------------------------------------

BIBTEX_SPECIAL = "@{}=,\"#%\\ \n" + "articlemiscttleauthorandyear"


@settings(max_examples=300)
@given(_texts(BIBTEX_SPECIAL))
@example("@article{a, title={T}, year={2020}")
@example("@article{a, title={T} author={X}}\n@misc{b,")
@example("@string{x = \"y\"}\n@article{a, title=x # {z}}")
def test_bibtex_any_text_gives_records_with_titles_and_places_inside_the_text(text):
    problems = Problems()
    records = parse_bibtex(text, PATH, problems)
    assert _all_inside(text, problems) == []
    for record in records:
        assert record.title.strip() == record.title != ""
        assert _inside(text, record.source), record.source


@given(
    st.sampled_from(_SIMPLE_MATH_WORDS),
    st.text(alphabet="abcXY :,", max_size=20),
    st.integers(0, 10**5),
)
def test_bibtex_title_simple_math_is_its_character_a_price_stays_and_both_match_as_typed(word, rest, price):
    # "{$\beta$-VAE}" is "β-VAE", as the paper shows it; "$100" is no math. The title
    # matches the one typed (an earlier import's, a file's).
    typed = f"${chr(92)}{word}$-X{rest} for ${price}"
    [record] = parse_bibtex(f"@article{{a, title={{{{{typed}}}}}}}", PATH, Problems())
    read = simple_math(f"${chr(92)}{word}$")
    assert read is not None
    assert record.title == " ".join(f"{read}-X{rest} for ${price}".split())
    assert normalise_title(record.title) == normalise_title(typed)


@given(
    st.lists(st.sampled_from(["title={T}", "year=2020", "author={A B}", "note={x, y}"]), max_size=3),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,8}", fullmatch=True),
    st.sampled_from(["{A paper}", '"X"', "{a, b}", "2020"]),
    st.text(alphabet=" ", max_size=3),
)
def test_bibtex_a_field_without_its_equals_sign_on_one_line_is_said_at_its_name(before, name, value, indent):
    # Wherever on the entry's one line the field is, after the key or another field.
    head = f"{indent}@misc{{k, " + "".join(f"{field}, " for field in before)
    text = f"{head}{name} {value}}}\n"
    problems = Problems()
    assert parse_bibtex(text, PATH, problems) == []
    assert [
        (p.location.line, p.location.col) for p in problems.errors if "has no '='" in p.message
    ] == [(1, len(head) + 1)], problems.format()
    assert f"field '{name}' has no '=' before its value" in problems.format()


# --- RIS ------------------------------------------------------------------------------------

RIS_SPECIAL = "TYERAUTIPYDOURKWN1L1SPEP  -\n/:.,;<>&#" + "0123456789"
# Lines as exporters write them, any value after the tag: nearly valid records.
_RIS_TAGS = ["TY", "ER", "TI", "T1", "AU", "A1", "PY", "Y1", "DA", "T2", "JO", "BT", "C3", "DO",
             "UR", "L1", "KW", "N1", "AB", "SP", "EP", "VL", "IS", "PB", "M3", "VO", "", "T"]
_RIS_LINE = st.tuples(
    st.sampled_from(_RIS_TAGS), st.sampled_from(["  - ", " - ", "  -", "- ", ""]),
    st.one_of(st.text(max_size=30), st.sampled_from([
        "JOUR", "CONF", "THES", "RPRT", "BOOK", "CHAP", "2017///", "arXiv:2106.09685 [cs]",
        "https://arxiv.org/abs/2106.09685", "10.1109/CVPR.2016.90", "file:///x.pdf", "Doe, Jane, Jr.",
        "et al.", "Smith*, Al", "<i>x</i> &amp; &#0;", "http://localhost/x", "ftp://x/y",
    ])),
).map("".join)
_RIS_TEXTS = st.one_of(
    _texts(RIS_SPECIAL), st.lists(_RIS_LINE, max_size=25).map("\n".join)
)


@settings(max_examples=400)
@given(_RIS_TEXTS)
@example("TY  - JOUR\nTI  - A\n")
@example("TY  - JOUR\ncontinued before any tag\nER  - \n")
@example("TY  - JOUR\nTY  - CONF\nTI  - B\nER  - ")
@example("TY  - JOUR\nAU  - ,\nAU  - {\\\nTI  - T\nER  -")
def test_ris_any_text_gives_records_with_titles_and_places_inside_the_text(text):
    text = normalise_text(text)
    problems = Problems()
    records = parse_ris(text, PATH, problems)
    assert _all_inside(text, problems) == []
    for record in records:
        assert record.title.strip() == record.title != ""
        assert _inside(text, record.source), record.source
        assert text.split("\n")[record.source.line - 1].startswith("TY")


# Ways of writing three people (and the ones a reader must not take for one of them).
_PEOPLE = {"Doe, Jane": 1, "Jane Doe": 1, "DOE, JANE": 1, "Roe, Bob": 2, "Bob Roe": 2, "J. Doe": 3}


@given(st.lists(st.tuples(st.sampled_from(["AU", "A1"]), st.sampled_from(sorted(_PEOPLE))), max_size=6))
def test_ris_an_author_named_again_is_kept_and_said_at_the_line_that_names_them_again(lines):
    text = "TY  - JOUR\nTI  - T\n" + "".join(f"{tag}  - {name}\n" for tag, name in lines) + "ER  - \n"
    problems = Problems()
    [record] = parse_ris(text, PATH, problems)
    assert len(record.authors) == len(lines)  # (none dropped)
    met: set[int] = set()
    again = None
    for number, (_, name) in enumerate(lines, 3):
        if again is None and _PEOPLE[name] in met:
            again = number
        met.add(_PEOPLE[name])
    said = [p.location.line for p in problems.items if "names the same author more than once" in p.message]
    assert said == ([again] if again else []), problems.format()


# --- The Hugging Face listing ----------------------------------------------------------------

HEADER = "Get trending papers in your email inbox!\n"
_LINE = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=300)
@given(_texts("Subscribe.\n ", max_size=200).map(lambda t: HEADER + "Subscribe" + t))
def test_listing_any_text_gives_records_and_problems_inside_the_text(text):
    problems = Problems()
    records = parse_listing(text, PATH, problems)
    assert _all_inside(text, problems) == []
    for record in records:
        assert _inside(text, record.source), record.source


@settings(max_examples=200)
@given(st.lists(st.tuples(_LINE, _LINE), min_size=1, max_size=6))
def test_listing_of_titles_and_sentence_abstracts_reads_back_in_order(pairs):
    # Letters only around the sentence end, so LaTeX cleaning has nothing to change.
    plain = [
        (re.sub(r"[^\w ]|_|\d", "x", t), re.sub(r"[^\w ]|_|\d", "x", a) + ".") for t, a in pairs
    ]
    lines = [HEADER.strip(), "Subscribe" + plain[0][0]]
    for n, (title, abstract) in enumerate(plain):
        if n:
            lines.append(title)
        lines.append(abstract)
    text = "\n".join(lines) + "\n"
    problems = Problems()
    records = parse_listing(text, PATH, problems)
    assert not problems.errors, problems.format()
    assert [(r.title, r.abstract) for r in records] == [(t.strip(), a.strip()) for t, a in plain]
    # Each record points at its title's line (the first one shares the Subscribe line).
    assert [r.source.line for r in records] == [2 + 2 * n for n in range(len(plain))]


# --- Search: the tokenizer and the query refinement ------------------------------------------

_SEPARATOR = re.compile(SEPARATOR)
QUERY_SPECIAL = " -+*:^~\"()'.,title&;<>/"


@settings(max_examples=400)
@given(_texts(QUERY_SPECIAL + "<p></p>amp", max_size=120))
def test_tokens_are_lowercase_nonempty_and_hold_no_separator(text):
    for token in tokenize(text, _SEPARATOR):
        assert token and token == token.lower()
        assert _SEPARATOR.search(token) is None, token


@given(st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), max_size=8))
def test_words_between_separators_are_the_tokens(words):
    assert tokenize(" - ".join(w.upper() for w in words), _SEPARATOR) == words


@settings(max_examples=400)
@given(_texts(QUERY_SPECIAL, max_size=120))
@example("the of")
@example('"chain of" title: ReST-MCTS*: LLM')
@example("Learning lerning~1 tasks")  # a typed "~1" is lunr syntax, passed on
@example("0\\0")  # (a backslash inside a word: dropped, "00", as lunr reads it)
@example("-\\:")
def test_a_refined_query_is_the_typed_syntax_plus_pairs_of_plain_words(query):
    # (Its quotes read first, as refine_query reads them: paired from the left, a stray
    # one dropped, a phrase marked "-" its words each marked "-": search.phrases.)
    query = phrases(query)
    # Split at the browser's white space (JavaScript's \s), as Material does.
    typed = [w for w in re.split(f"[{SPACE}]+", query) if w]
    refined = [w for w in re.split(f"[{SPACE}]+", refine_query(query)) if w]
    n = 0
    # (a backslash is lunr's escape, which a typed word's pieces drop as lunr's query
    # parser drops it: "0\\0" is the word "00", srch22; one left alone, "-\\", stays)
    forms = tuple(
        form
        for plain in (query.replace("*", ""), query.replace("*", "").replace("\\", ""))
        for form in (plain, plain.replace("-", ""), fold(plain), fold(plain.replace("-", "")))
    )
    while n < len(refined):
        word = refined[n]
        if refined[n + 1 : n + 2] == [f"{word}^3"]:
            # a plain piece of a typed word, then the same piece with the exact-word bonus
            # (an asterisk inside a word is text, and dropped: "MCTS*:" -> MCTS), or the
            # other spellings the index holds: a hyphenated word joined, accents dropped
            assert any(word in form for form in forms) and _SEPARATOR.search(word) is None
            assert word.lower() not in STOP_WORDS
            n += 2
        elif word not in typed and re.fullmatch(r"[^\W\d_]\^3", word):
            # a lone letter of a typed word made only of lone letters ("I/O"), as an
            # exact word
            assert word[-3] in query + fold(query) and word[-3].lower() not in STOP_WORDS
            n += 1
        elif word.startswith("-") and word not in typed:
            # a word marked "-", by the terms of the pages it leaves out: a piece, a
            # hyphenated word joined or written with spaces ("_in_context"), lower-cased
            term = word[1:]
            assert term and term == term.lower() and _SEPARATOR.search(term) is None, refined
            assert any(term.replace("_", "") in form.lower().replace("-", "") for form in forms), refined
            n += 1
        else:  # lunr syntax typed by the reader, passed on untouched
            assert word in typed, refined
            n += 1


@settings(max_examples=400)
@given(_texts(QUERY_SPECIAL + '\\""', max_size=120))
@example('0"0')
@example('-"a\\ b" x"')
def test_reading_a_querys_phrases_changes_only_its_quotes_spaces_and_marks(query):
    # (rev117: the property above reads the query through `phrases` first; this is what
    # that reading may change: quotes dropped or paired, white space, the "+" or "-"
    # before a phrase moved onto its words, and nothing at all where no quote is typed.)
    # Since phrase search (srch29) a phrase's words may leave the text for read_phrases'
    # phrases: a phrase marked "-" ('-"a b"', which leaves out the pages holding it) and
    # a phrase's stop words ('"x of"', which lunr would drop and the phrase keeps). So
    # the text read keeps the query's other characters in order, with none added, and
    # all of them where no quote is typed.
    read = phrases(query)
    assert read.count('"') % 2 == 0
    kept = re.sub(f'[{SPACE}"+-]', "", read)
    rest = iter(re.sub(f'[{SPACE}"+-]', "", query))
    assert all(char in rest for char in kept)  # the typed characters with some taken out
    if '"' not in query:
        assert read == query


def test_a_phrase_marked_minus_is_taken_out_of_the_text_and_left_out_as_a_phrase():
    # '-"a\ b" x"': the pair of quotes holds the words "a\" and "b", marked "-"; the
    # last quote is a stray one, dropped. The text keeps "x" alone.
    text, wanted, unwanted = read_phrases('-"a\\ b" x"')
    assert text.split() == ["x"]
    assert wanted == () and unwanted == (("a\\", "b"),)


def test_a_phrases_stop_word_stays_in_the_phrase_and_leaves_the_text():
    # lunr drops "of" as a stop word, so the text hands on "x" alone; the phrase keeps
    # both words, which a page must hold next to each other.
    text, wanted, unwanted = read_phrases('"x of"')
    assert text.split() == ['"x"']
    assert wanted == (("x", "of"),) and unwanted == ()


SEARCH = MaterialSearch(
    {
        "config": {
            "lang": ["en"],
            "separator": SEPARATOR,
            "pipeline": ["stopWordFilter"],
            "fields": {"title": {"boost": 10}, "text": {"boost": 1}, "tags": {"boost": 5}},
        },
        "docs": [
            {"location": "a/", "title": "Task vectors", "text": "<p>Merging models by task arithmetic.</p>"},
            {"location": "b/", "title": "In-context learning", "text": "<p>GPT-3.5 learns (ICL).</p>"},
        ],
    }
)


@settings(max_examples=300)
@given(_texts(QUERY_SPECIAL, max_size=80))
@example("task")
@example("title:")
@example("+ -")
def test_any_typed_query_gets_an_answer_from_the_search(query):
    # (A query of only prohibited terms scores NaN, as in Material's worker: 0 / 0 of
    # the query's terms found; so no assertion on the scores here.)
    locations = [hit.location for hit in SEARCH.search(query)]
    assert set(locations) <= {"a/", "b/"} and len(set(locations)) == len(locations)


def test_a_title_word_finds_its_page_first():
    assert [hit.location for hit in SEARCH.search("task")][:1] == ["a/"]
    assert [hit.location for hit in SEARCH.search("In-context")][:1] == ["b/"]
