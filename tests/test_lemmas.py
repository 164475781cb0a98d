"""A word's other forms in search (generator/lemmas.py): the base forms each paper's
entry holds, the map of inflections the index ships for the search box, and what a
reader finds with them, on small lists and on the shipped one.

Expected base forms and inflections are lemminflect's dictionary entries, read by hand
(getAllLemmas, getAllInflections) for each word below.
"""

from __future__ import annotations

from generator.lemmas import base_forms, by_form, entry_fields, inflections


def test_a_words_base_forms_are_its_dictionary_lemmas_other_than_itself():
    assert base_forms("merging") == ("merge",)
    assert base_forms("transformers") == ("transformer",)
    assert base_forms("better") == ("good", "well")  # an adjective's, an adverb's
    assert base_forms("learning") == ("learn",)  # (the noun "learning" is itself)
    assert base_forms("merge") == ()
    # No guess for a word lemminflect does not know (its rules would make "llm" of
    # "llms", but "ada" of "adas"), none for stop words, short words, digits, accents.
    assert base_forms("llms") == base_forms("has") == base_forms("is") == ()
    assert base_forms("gpt4") == base_forms("naïve") == ()


def test_an_entry_gets_the_base_forms_it_does_not_write_weighed_by_where_its_words_are():
    words = {
        "title": ["model", "merging"], "tags": ["pruning"], "title_variants": [],
        "text": ["we", "merge", "models", "pruned", "transformers", "llms"],
        "variants": ["merged"],
    }
    # "merge" goes with the title though the text writes it: the title is about it.
    # "models" -> "model" and "merged" -> "merge" are written already; "pruned" ->
    # "prune" is in title_lemmas.
    assert entry_fields(words) == {"title_lemmas": "merge prune", "lemmas": "transformer"}
    assert entry_fields({"title": ["model"], "text": ["abstract"]}) == {}


def test_the_map_lists_each_base_forms_other_forms_from_the_vocabulary_and_the_dictionary():
    vocabulary = ["pruning", "transformers", "merge", "merged", "data", "merged", "x1", "the"]
    assert inflections(vocabulary) == {
        # the vocabulary's own forms under their base forms...
        "datum": "data datums",
        # ...and the dictionary's other forms of the base forms (a query "merges" or
        # "pruned" finds the papers that wrote "merge" or "pruning")
        "merge": "merged merges merging",
        "prune": "pruned prunes pruning",
        "transformer": "transformers",
    }
    # The same vocabulary in any order and with repeats gives the same map.
    assert inflections(sorted(set(vocabulary), reverse=True)) == inflections(vocabulary)
    assert by_form({"good": "best better", "well": "better"}) == {
        "best": ("good",), "better": ("good", "well")}

