"""How a conflict shows two values: each as its side writes it."""

from generator.conflicts import names_difference
from generator.matchkeys import one_person

FILES = ["Edward J Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Yuanzhi Li", "Shean Wang",
         "Lu Wang", "Weizhu Chen"]


def test_a_long_author_list_shows_the_names_that_differ_each_side_in_its_own_spelling():
    # The source spells two people otherwise ("Edward J. Hu", "Y. Li": no conflict by
    # themselves) and names another at the sixth place: the conflict points at that
    # place, and the source's names around it are the source's, not the file's.
    source = ["Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Y. Li", "Shean Wong",
              "Lu Wang", "Weizhu Chen"]
    assert names_difference(FILES, source, one_person) == (
        "…Zeyuan Allen-Zhu; Yuanzhi Li; «Shean Wang»; Lu Wang; Weizhu Chen",
        "…Zeyuan Allen-Zhu; Y. Li; «Shean Wong»; Lu Wang; Weizhu Chen",
    )


def test_a_long_author_list_with_a_name_more_shows_where_it_comes():
    # The names after it are one person's in both, at places one apart: the file's list
    # shows its names around the place where the source's has a name more, with no empty
    # «» between them (it read as a name lost); the source's «» shows the name more.
    source = [*FILES[:2], "Ana García", *FILES[2:]]
    assert names_difference(FILES, source, one_person) == (
        "Edward J Hu; Yelong Shen; Phillip Wallis; Zeyuan Allen-Zhu…",
        "Edward J Hu; Yelong Shen; «Ana García»; Phillip Wallis; Zeyuan Allen-Zhu…",
    )
    # Further in, the names around the place, "…" either side.
    source = [*FILES[:4], "Ana García", *FILES[4:]]
    assert names_difference(FILES, source, one_person)[0] == (
        "…Phillip Wallis; Zeyuan Allen-Zhu; Yuanzhi Li; Shean Wang…"
    )


def test_short_author_lists_are_shown_whole_as_each_side_writes_them():
    assert names_difference(["J. Doe", "Bob Roe"], ["Jane Doe", "Robert Roe"], one_person) == (
        "J. Doe; Bob Roe", "Jane Doe; Robert Roe",
    )


def test_a_list_cut_short_is_shown_as_it_ends_without_an_empty_mark():
    # (curator: "zotero.ris:95:1 says 'Ashish Vaswani; Noam Shazeer; «»'": the «» at
    # the end read as a name lost, or a bug; the source's list simply ends there)
    source = FILES[:2]
    assert names_difference(FILES, source, one_person) == (
        "Edward J Hu; Yelong Shen; «Phillip Wallis; Zeyuan Allen-Zhu; Yuanzhi Li; Shean Wang; L…»",
        "Edward J Hu; Yelong Shen",
    )
    assert names_difference(source, FILES, one_person)[0] == "Edward J Hu; Yelong Shen"
    # A long list that ends early: its last names, after "…".
    longer = [f"Author Number{n}" for n in range(12)]
    assert names_difference([*longer, "Ann Extra", "Bob Extra"], longer, one_person)[1] == (
        "…Author Number10; Author Number11"
    )


def test_a_list_cut_short_at_its_start_is_shown_as_it_begins_without_an_empty_mark():
    # (reviewer: the source's list without the file's first two names said
    # '«»; Phillip Wallis; Zeyuan Allen-Zhu…': the «» read as a name lost)
    source = FILES[2:]
    assert names_difference(FILES, source, one_person) == (
        "«Edward J Hu; Yelong Shen»; Phillip Wallis; Zeyuan Allen-Zhu…",
        "Phillip Wallis; Zeyuan Allen-Zhu…",
    )
    # Short enough, it is shown whole.
    assert names_difference(FILES, FILES[6:], one_person)[1] == "Lu Wang; Weizhu Chen"
