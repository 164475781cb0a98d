"""importedfile's messages: what became of an id, said as the curator wrote it."""

from __future__ import annotations

from generator.importedfile import Fate, renamed_unlisted


def test_a_reference_with_a_backslash_is_said_with_one_backslash():
    # (repr() said 'old\\\\id': copied back, that is another id than the one written.)
    assert Fate(renamed_to="new-id").says("old\\id") == "no paper 'old\\id': it was renamed to 'new-id'; write 'new-id'"
    assert Fate().says("a\\b").startswith("no paper 'a\\b': it was deleted")


def test_an_escape_character_in_a_reference_is_escaped_not_printed():
    said = Fate(candidates=("one", "two")).says("x\x1b[31my")
    assert said == "no paper 'x\\x1b[31my': it was renamed; now one of 'one', 'two': write the one meant"
    assert "\x1b" not in said


def test_a_topic_and_a_git_told_rename_quote_both_ids_as_written():
    assert Fate(renamed_to="b\\c", what="topic").became("a\\b") == (
        "no topic 'a\\b': it was renamed to or merged into 'b\\c'"
    )
    said = Fate(renamed_to="new", by_git="abc1234").says("o\\ld")
    assert said.startswith("no paper 'o\\ld': it was renamed to 'new' (git's copy of o\\ld.yml at abc1234")
    assert said.endswith(", and add 'formerly: [o\\ld]' to paper 'new' so the old address papers/o\\ld/ leads"
                         " there and readers' marks follow")


def test_the_unlisted_warning_quotes_each_old_id_once():
    assert renamed_unlisted("new", ["a\\b", "c"], True, "imported.json").startswith(
        "paper 'new' had the ids 'a\\b' and 'c' (imported.json); add them"
    )
