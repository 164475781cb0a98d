"""A word's other forms in search: "merge" finds "Model Merging", "transformers" a title
that says "Transformer", "pruned" a paper on "pruning".

Material appends ``*`` to each query word, so a word finds the longer words it begins
("merg" finds "merging") but not its other inflections. lunr's stemmer would, but a
stemmed index broke the tuned ranking and prefix search ("mergi" no longer found
"merging"), so the index keeps its words as written and gets, beside them:

- in each paper's entry, the base forms (lemmas) of its words that the entry does not
  already hold, in two fields that are searched and never shown: ``title_lemmas`` for
  the title's and topics' words, weighed below the title and the topics, and ``lemmas``
  for the rest, weighed below the abstract. A query word that is a base form ("merge",
  "prune") finds every paper that writes one of its forms.
- in the index's config, ``inflections``: each base form of the index's vocabulary with
  its other forms (``{"prune": "pruned prunes pruning"}``). The search box (search.
  refine_query, overrides/assets/readinglist.js) adds a query word's base forms as
  exact, lightly boosted terms: "pruned" also looks for "prune", and through it for
  every paper holding a form of it. Beside the vocabulary's own words, the map holds
  the forms lemminflect knows for the vocabulary's base forms: a reader types "pruned"
  where the papers wrote only "pruning". (The search box also counts a word as found in
  a result where a base form of it is, so that the result does not say "Missing:
  pruned"; readinglist.js, display only.)

Base forms and inflections come from lemminflect's dictionary (English; its data ships in
its wheel), and only for words it knows: a guessed base form of a name ("Adas", "LLMs")
would find wrong papers. Everything is sorted, so the index stays byte-identical.

Acronyms are no words lemminflect knows, and a reader types "llms" for papers that write
"LLM" as often as the other way round. A word an entry writes with two capitals or
more, the last just before a small "s" ("LLMs", "GNNs", "ViTs": `acronym_plurals`), is
that acronym's plural: its base form is the acronym ("llm"), in the entry's lemma
fields and in the map, as a dictionary word's would be. Only the case as written tells
such a plural: "this", "class" and "loss" get no base form, and neither does "LLMS" or
"Ms". An acronym written in the singular only ("VLM": `acronyms`) has its plural in the
map all the same, so that "vlms" finds it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping

from lunr.stop_word_filter import WORDS as STOP_WORDS

from .wordtables import DICTIONARY_TABLE, shipped_words

# The two fields' weights. "title_lemmas" weighs below the topics (4) and the title (10),
# so that a title writing the query's word outranks one writing another form of it;
# "lemmas" below the abstract (1), for the same reason.
FIELDS = {"title_lemmas": {"boost": 3.0}, "lemmas": {"boost": 0.5}}
# The fields whose words' base forms go in "title_lemmas" (the others': "lemmas").
TITLE_FIELDS = ("title", "tags", "title_variants")
# A base form added to a query is an exact term of this boost: below the typed word's
# prefix term (1, its exact bonus 3 on top), never ahead of it.
QUERY_BOOST = 1


# An adjective's or adverb's degree that is another word ("better" and "best" of "good"
# and "well", "worse" of "bad", "more" of "much", "further" of "far") is left out, both
# ways: "best" looked for "well", which most abstracts write ("as well as"), and the
# result showed it highlighted. A degree is taken only as its base with a suffix
# ("larger", "easier", "bigger"). (lemminflect's parts of speech, and Penn's tags of
# the degrees.)
_GRADED = frozenset({"ADJ", "ADV"})
_DEGREES = frozenset({"JJR", "JJS", "RBR", "RBS"})


def _suffixed(form: str, base: str) -> bool:
    """Whether ``form`` is ``base`` with a suffix, its last letter changed or doubled
    ("easy" "easier", "big" "bigger"), and not another word ("good" "better")."""
    return form.startswith(base[:-1])


def _word(word: str) -> bool:
    """Whether lemminflect is asked about ``word``: a plain English word, not a stop word
    (lunr drops those from the index and the query alike)."""
    return len(word) >= 3 and word.isascii() and word.isalpha() and word not in STOP_WORDS


@dataclass
class WordForms:
    """What lemminflect said of each word asked: its base forms (`base_forms`) and a base
    form's inflections (`_inflected`). A new process's build reads it back from the
    cache folder (mkdocs_hook.py, the fingerprint of cache.py covering lemminflect's
    version and this code), so that a rerun whose papers write no word it has not seen
    imports neither lemminflect nor, through it, numpy (0.3 s of a new process), and
    looks none up. ``grew``: a word was looked up since it was last stored."""

    bases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    inflected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grew: bool = False

    def keep_only(self, words: Collection[str]) -> None:
        """Forget the words not in ``words`` (an index's vocabulary) and their base
        forms' inflections: the file does not keep every word the list ever wrote."""
        self.bases = {word: found for word, found in self.bases.items() if word in words}
        needed = set(words).union(*self.bases.values())
        self.inflected = {base: found for base, found in self.inflected.items() if base in needed}


# This process's (under serve, every rebuild's; a memo of words, not of papers).
FORMS = WordForms()


def base_forms(word: str) -> tuple[str, ...]:
    """The base forms of a lower-case word other than itself, sorted: "merging" is
    ("merge",), "learning" ("learn",), "larger" ("large",), "better" () (see above);
    () for a word lemminflect does not know."""
    return _looked_up(FORMS.bases, word, _base_forms) if _word(word) else ()


def _looked_up(table: dict[str, tuple[str, ...]], word: str, look_up: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """``word``'s entry in ``table`` (of `FORMS`), asked of lemminflect (``look_up``) the
    first time."""
    found = table.get(word)
    if found is None:
        found = table[word] = look_up(word)
        FORMS.grew = True
    return found


def _base_forms(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas  # (a quarter second: only a build needs it)

    forms = {
        form.lower() for pos, forms in getAllLemmas(word).items() for form in forms
        if pos not in _GRADED or _suffixed(word, form.lower())
    }
    return tuple(sorted(form for form in forms if form != word and _word(form)))


def known_word(word: str) -> bool:
    """Whether lemminflect's dictionary has the lower-case ``word`` (in any form: "modal",
    "shaping", "flows"), or it is a regular form of a word the dictionary has that the
    dictionary lists in no form of its own ("sharded" and "sharding" of "shard", as
    lemminflect's rules for unknown words make them); a slip of the keys ("exprets") and
    most coinages ("finetuning") it has not."""
    # (a quarter second and more: asked rarely)
    from lemminflect import getAllLemmas, getAllLemmasOOV

    if getAllLemmas(word):
        return True
    return any(
        lemma != word and getAllLemmas(lemma)
        for pos in ("NOUN", "VERB")
        for lemma in getAllLemmasOOV(word, pos).get(pos, ())
    )


# The parts of speech of lemminflect's dictionary that name no subject: a verb's form
# ("refers", "grew"), an auxiliary ("did"), an adverb ("really", "truly").
_NO_SUBJECT = frozenset({"VERB", "AUX", "ADV"})
# A verb's participles (Penn's tags) name one all the same, as an adjective or a noun:
# "federated" or "supervised" learning, "spoken" language, model "merging", "pruning".
_PARTICIPLES = ("VBN", "VBG")
# The words `names_no_subject` is true of, as lemminflect's dictionary has them
# (`no_subject_words`), one a line: loading the dictionary's two tables costs 0.27 s of
# CPU, which `check` and a clean build paid for the hint of a paper in no topic alone
# (topicsfile.how_to_place), a few words looked up; the list is 84 KB, read in 2 ms. A
# test says when it is no longer the dictionary's; `python -m generator.lemmas` writes it.
# (Package data, found as commands/init.py finds example-list.txt: where the install put it.)
NO_SUBJECT_TABLE = resources.files("generator") / "data" / "no-subject-words.txt"


def names_no_subject(word: str) -> bool:
    """Whether the lower-case ``word`` is one lemminflect's dictionary knows only as a
    verb that is no participle, an auxiliary or an adverb: no noun nor adjective, so no
    word a topic is named by ("grew", "refers", "did", "really"), unlike "melt" (also a
    noun), "considered" (also an adjective) or "merging" and "supervised" (participles).
    A word the dictionary does not know ("GNN", "zero-shot") is not."""
    return word in _no_subject_table()


@functools.lru_cache(maxsize=1)
def _no_subject_table() -> frozenset[str]:
    return shipped_words(NO_SUBJECT_TABLE, "list of words that name no subject, which the hint for a paper in no topic reads")


def dictionary_words() -> list[str]:
    """Every word of small letters alone that lemminflect's getAllLemmas finds, sorted
    (wordtables.DICTIONARY_TABLE's)."""
    from lemminflect import Lemmatizer, getAllLemmas

    lemmatizer = Lemmatizer()
    known = lemmatizer._getLemmaDict().keys() | lemmatizer._getOverridesDict().keys()
    return sorted(word for word in known if _SMALL_LETTERS.fullmatch(word) and getAllLemmas(word))


_SMALL_LETTERS = re.compile(r"[a-z]+")


def no_subject_words() -> list[str]:
    """Every word `names_no_subject` is true of, sorted, as lemminflect's dictionary
    tells it (a second of CPU: 70,000 words looked up). Only a word the dictionary has,
    or has an override for, is one (any other has no lemma at all), and only in lower
    case: its look-up lower-cases the word it is given, so a key with a capital
    ("Drew") is never the one found."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    # (Its tables' keys: the library lists its words nowhere else.)
    known = lemmatizer._getLemmaDict().keys() | lemmatizer._getOverridesDict().keys()
    return sorted(word for word in known if word == word.lower() and _no_subject_in_dictionary(word))


def _no_subject_in_dictionary(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection

    found = getAllLemmas(word)
    if not found or not found.keys() <= _NO_SUBJECT:
        return False
    return not any(
        word in getInflection(lemma, tag) for lemma in found.get("VERB", ()) for tag in _PARTICIPLES
    )


def _inflected(base: str) -> tuple[str, ...]:
    return _looked_up(FORMS.inflected, base, _inflections_of) if _word(base) else ()


def _inflections_of(base: str) -> tuple[str, ...]:
    from lemminflect import getAllInflections

    forms = {
        form.lower() for tag, forms in getAllInflections(base).items() for form in forms
        if tag not in _DEGREES or _suffixed(form.lower(), base)
    }
    return tuple(sorted(form for form in forms if form != base and _word(form)))


# An acronym as written: two capitals or more, the last of them the word's last letter
# or just before a small "s" (its plural), a whole word: "LLM" and "LLMs", and in mixed
# case "ViTs", "MoEs", "PhDs", "LLaMAs" (what comes before it is checked apart: a
# lookbehind at every capital took three times as long).
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]s?\b")


def acronym_plurals(text: str) -> frozenset[str]:
    """The acronyms' plurals ``text`` writes ("LLMs", "GNNs"), lower-cased as the index's
    tokenizer makes them ("llms"); an acronym that is a stop word ("ITs") is left out."""
    return _acronyms(text)[0]


def acronyms(text: str) -> frozenset[str]:
    """The acronyms ``text`` writes in the singular ("LLM", "ViT"), lower-cased; those
    that are stop words ("IT", "OR") left out."""
    return _acronyms(text)[1]


@functools.lru_cache(maxsize=1 << 17)
def _acronyms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    # (Cached: every build reads every entry's text for them.)
    plurals: set[str] = set()
    singulars: set[str] = set()
    for m in _ACRONYM.finditer(text):
        start, word = m.start(), m.group(0)
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        plural = word.endswith("s")  # (a small "s": the pattern takes no other)
        if (word[:-1] if plural else word).lower() in STOP_WORDS:
            continue
        (plurals if plural else singulars).add(word.lower())
    return frozenset(plurals), frozenset(singulars)


def _bases(word: str, plurals: Collection[str]) -> tuple[str, ...]:
    # (An acronym's plural is no word lemminflect knows: its one base is the acronym.)
    return (word[:-1],) if word in plurals else base_forms(word)


def entry_fields(words: Mapping[str, Iterable[str]], plurals: Collection[str] = ()) -> dict[str, str]:
    """The lemma fields of a search entry whose fields hold ``words`` (field name: its
    words, lower-cased as the index's tokenizer makes them) and write the acronyms'
    plurals ``plurals`` (`acronym_plurals`). A base form goes in only
    where the entry lacks it: a title's goes in "title_lemmas" unless the title or topics
    write it, another's in "lemmas" unless some field writes it."""
    present = {word for field in words.values() for word in field}
    in_title = {word for name in TITLE_FIELDS for word in words.get(name, ())}
    title_bases = {base for word in in_title for base in _bases(word, plurals)} - in_title
    rest = {
        base for name, field in words.items() if name not in TITLE_FIELDS for word in field
        for base in _bases(word, plurals)
    } - present - title_bases
    fields = {"title_lemmas": " ".join(sorted(title_bases)), "lemmas": " ".join(sorted(rest))}
    return {name: text for name, text in fields.items() if text}


def inflections(
    vocabulary: Iterable[str], plurals: Iterable[str] = (), singulars: Iterable[str] = ()
) -> dict[str, str]:
    """The index's map of base forms to their other forms (see above), for the words
    of ``vocabulary``: each word's base forms, and each base form's inflections that
    lemminflect knows. A word of the vocabulary is listed under exactly its own base
    forms, those its entries hold (entry_fields): a query word is then never short of a
    base form in the papers that write it. ``plurals``: the acronyms' plurals the
    entries write (`acronym_plurals`), each listed under its acronym ("llm": "llms");
    ``singulars``: the acronyms they write in the singular (`acronyms`), each with its
    plural as a form, written or not: `vlms` then finds the papers that write "VLM"."""
    return dict(_inflections(frozenset(vocabulary), frozenset(plurals), frozenset(singulars)))


@functools.lru_cache(maxsize=2)
def _inflections(
    vocabulary: frozenset[str], plurals: frozenset[str], singulars: frozenset[str]
) -> dict[str, str]:
    # (Kept for the next build under serve, whose vocabulary is most often the same:
    # making the map again takes a quarter second at 10,000 papers.)
    words = {word for word in vocabulary if _word(word)}
    forms: dict[str, set[str]] = defaultdict(set)
    for word in words:
        for base in base_forms(word):
            forms[base].add(word)
    for base in words | set(forms):
        forms[base].update(form for form in _inflected(base) if form not in words)
    for plural in plurals & vocabulary:
        # (A word some entry writes as a plural acronym and another as a dictionary
        # word, "ADAs" and "adas", is both: the base forms add up.)
        forms[plural[:-1]].add(plural)
    for acronym in singulars & vocabulary:
        forms[acronym].add(acronym + "s")
    if FORMS.grew:
        FORMS.keep_only(words)
    return {base: " ".join(sorted(forms[base])) for base in sorted(forms) if forms[base]}


def by_form(inflections: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The map turned around, as the query side reads it: form -> its base forms."""
    bases: dict[str, list[str]] = defaultdict(list)
    for base, forms in inflections.items():
        for form in forms.split():
            bases[form].append(base)
    return {form: tuple(sorted(found)) for form, found in bases.items()}


def main() -> int:
    """``python -m generator.lemmas``: write `NO_SUBJECT_TABLE` and `DICTIONARY_TABLE`
    from lemminflect's dictionary (after lemminflect changed: a test says so)."""
    from .atomicfile import atomic_write

    # (Run in the source tree, where the package's data is a file of its own.)
    for table, words in ((NO_SUBJECT_TABLE, no_subject_words()), (DICTIONARY_TABLE, dictionary_words())):
        atomic_write(Path(str(table)), "".join(f"{word}\n" for word in words))
        print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
