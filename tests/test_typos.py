"""typos.closest_all: every choice as close as the closest, not one picked among them."""

from __future__ import annotations

from generator.typos import closest, closest_all


def test_the_ids_a_word_begins_are_all_offered_shortest_first():
    # (`closest` offered the shortest alone: "eliciting" begins both ids equally.)
    ids = [
        "eliciting-and-understanding-cross-task-skills",
        "eliciting-human-preferences",
        "elicit-x",
    ]
    assert closest_all("eliciting", ids) == ["eliciting-human-preferences", "eliciting-and-understanding-cross-task-skills"]
    assert closest("eliciting", ids) == "eliciting-human-preferences"  # (check's one: as before)


def test_of_slips_only_the_fewest_are_offered_each_of_them():
    ids = ["graph-neta", "graph-nets", "graph-nxyz", "graph-netsxy"]
    # One slip from two ids: both, in the order given; three from the others: neither.
    assert closest_all("graph-net", ids) == ["graph-neta", "graph-nets"]
    # One slip from 'graph-survey' beats two from 'graph-surveys': the closer alone.
    assert closest_all("graph-survy", ["graph-surveys", "graph-survey"]) == ["graph-survey"]


def test_a_tiny_word_is_offered_every_id_it_is_two_letters_swapped_of():
    assert closest_all("ulr", ["lur", "url", "xyz"]) == ["lur", "url"]
    assert closest_all("zzz", ["url"]) == []
