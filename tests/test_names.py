"""Authors' names (generator/names.py): a surname of two words kept whole for BibTeX,
shown first name first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import Problems
from generator.export_atom import atom_feed
from generator.export_bibtex import citation
from generator.importer import import_paths
from generator.ingest import parse_text
from generator.models import Paper
from generator.names import _dictionary_word, _marks_read, braced_name, read_as_organisation, shown_name, without_marks


def test_a_name_written_surname_first_is_shown_first_name_first():
    assert shown_name("García Márquez, Gabriel") == "Gabriel García Márquez"
    assert shown_name("Lovelace, Ada") == "Ada Lovelace"
    assert shown_name("King, Jr., Martin Luther") == "Martin Luther King Jr."
    # As written: an organisation, a name partly braced, a name of three parts that is
    # no "Last, Jr., First", an empty part.
    for name in ("University of California, Berkeley", "Google, Inc.", "{Smith}, and Sons",
                 "a, b, c", "Lovelace,", ", Ada", ":,:", "Smith, 3"):
        assert shown_name(name) == name, name


@pytest.mark.parametrize("name", ["Hugging Face", "Common Crawl", "Open Assistant", "Together Computer",
                                  "Big Science"])
def test_a_name_of_dictionary_words_reads_as_an_organisations(name):
    # (the citations split it as a person's, "Face, Hugging")
    assert read_as_organisation(name)


@pytest.mark.parametrize("name", [
    "Jane Smith", "Ilya Sutskever", "Rich Sutton", "Long Chen", "Andrew Ng", "Yang Song",
    "Grace Hopper", "Bill Gates", "Tom Brown", "Mark Chen",  # (a given name or a surname that is a word)
    "Park, Young", "{Hugging Face}", "Hugging Face Inc.", "Meta AI", "Face", "Hugging-Face Hub",
    "hugging face", "HUGGING FACE", "J. Face", "Hugging Face Open Source Team Lab",
])
def test_a_persons_name_or_a_marked_one_does_not(name):
    assert not read_as_organisation(name)


# (review of cite2, h_rev92) Real authors of ML and NLP papers, as the papers write them,
# every word of whose names is a word of the dictionary: of 2,196 names read (the author
# lists of BLOOM, Phi-3, Llama 2, Pythia, OLMo 2, Qwen2.5, Falcon, SmolLM2, DeepSeek-V3,
# part of Gemini's, and 434 chosen for words such as "Dawn", "Rose", "Long", "Young"),
# only 17 are, and the given names and surnames that are words too leave all but three
# alone. Those three, "Wen Wen", "Kin Man Lam" and "Wing Kin Sung", and "Young Park"
# (cite2's own example) end with a surname so romanised that the dictionary holds too
# (names.ROMANISED_SURNAME_WORDS): they were warned of, and would be cited whole.
@pytest.mark.parametrize("name", [
    "Dawn Song", "Will Knight", "Mark Lee", "Grace Hopper", "Ping Tan", "Ran He", "Tong He", "Wen Sun",
    "Bill Dally", "Grant Van Horn", "Rod Brooks", "Wee Sun Lee", "Gully Burns", "Jasmine Lee",
    "Wen Wen", "Kin Man Lam", "Wing Kin Sung", "Young Park",
    # (review of cite3, h_rev102: of 11,488 names from the AUTHORS and credits files on
    # the machine, 13 people were read as organisations, and so cited whole; four were
    # "Martin X", one "Rex Dieter": given names the dictionary holds as words)
    "Martin Pool", "Martin Porter", "Martin Guy", "Rex Dieter",
])
def test_real_authors_named_by_words_of_the_dictionary_are_left_alone(name):
    assert all(_dictionary_word(word.lower()) for word in name.split())  # (so the lists decide)
    assert not read_as_organisation(name)


def test_the_romanised_surnames_are_words_of_the_dictionary_no_other_table_has():
    # (each one there for a name all of whose words the dictionary holds: a surname it
    # does not hold, "Zhang", leaves the name a person's already)
    from generator.names import GIVEN_NAME_WORDS, ROMANISED_SURNAME_WORDS, SURNAME_WORDS

    assert all(_dictionary_word(word) for word in ROMANISED_SURNAME_WORDS)
    assert not ROMANISED_SURNAME_WORDS & (SURNAME_WORDS | GIVEN_NAME_WORDS)
    assert not read_as_organisation("Zhang Wei") and not _dictionary_word("zhang")


def test_a_name_braced_whole_is_shown_without_its_braces():
    # (review: "{Hugging Face}", braced so that the citations take it whole, was shown
    # "{Hugging Face}" on the page, in the feeds and in papers.json's authors_shown)
    assert shown_name("{Hugging Face}") == "Hugging Face"
    assert shown_name("{Smith, and Sons}") == "Smith, and Sons"
    assert shown_name("  {Google   DeepMind} ") == "Google DeepMind"
    assert shown_name("{ Google DeepMind }") == "Google DeepMind"
    # Braces that do not hold the whole name, or nothing, are shown as written: the
    # TeX check says them ("{Lee} Sedol" holds TeX, write "Lee Sedol").
    for name in ("{Lee} Sedol", "{a}b}", "{}", "{ }", "{a} {b}"):
        assert shown_name(name) == name, name


def test_a_name_braced_whole_is_shown_without_the_braces_that_group_inside_it():
    # (bk3: "{Allen {AI}}", its "AI" kept in capitals by BibTeX, was shown "Allen {AI}" on
    # the page, in the feeds and in the COinS.) Braces of TeX inside it stay, as written.
    import datetime as dt

    from generator.coins import coins

    assert shown_name("{Allen {AI}}") == "Allen AI"
    assert shown_name("{The {BigScience} {W}orkshop}") == "The BigScience Workshop"
    assert shown_name("{a {b {c}}}") == "a b c"
    assert shown_name('{Sch{\\"o}lkopf AG}') == 'Sch{\\"o}lkopf AG'
    paper = Paper(id="p", title="T", abstract="", venue="J", venue_kind="journal", added=dt.date(2026, 1, 1),
                  authors=("{Allen {AI}}", "Ada Lovelace", "{Allen {AI}}"))
    assert paper.byline == "Allen AI, Ada Lovelace, Allen AI"
    feed = atom_feed([paper], title="L", feed_path="feed.xml", site_url="", source_date_epoch=0)
    assert feed.count("<name>Allen AI</name>") == 2 and "{" not in feed
    context = coins(paper)
    assert "rft.aucorp=Allen%20AI&" in context and "rft.au=Allen%20AI%2C" in context and "%7B" not in context
    # The citation's BibTeX braces it whole, as the page shows it (it printed "Allen {AI}",
    # its inner braces written as characters, \\textbraceleft).
    assert "  author = {{Allen AI} and Ada Lovelace and {Allen AI}},\n" in citation(paper)


def test_a_tex_commands_braced_argument_inside_a_name_braced_whole_keeps_its_braces():
    # (rev105: shown_braced took off the braces of "\\c{c}" and "\\textsc{AI}", which hold
    # no backslash, as grouping braces: "{Fran\\c{c}ois Group}" was shown "Fran\\ccois
    # Group", and cited so, a command TeX has not; "\\textsc{AI}" became "\\textscAI".) As
    # written, as before a41b591c; a group of plain text beside them still goes.
    assert shown_name("{Fran\\c{c}ois Group}") == "Fran\\c{c}ois Group"
    assert shown_name("{\\textsc{AI} Lab}") == "\\textsc{AI} Lab"
    assert shown_name('{\\v{S}koda {Auto}}') == "\\v{S}koda Auto"
    assert shown_name('{Sch\\"{o}lkopf {AG}}') == 'Sch\\"{o}lkopf AG'
    assert shown_name("{Fran\\c {c}ois}") == "Fran\\c {c}ois"  # (TeX allows a space before it)


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=","), max_size=30))
def test_a_name_without_a_comma_is_shown_as_written_on_one_line(name):
    spaced = " ".join(name.split())
    braced = braced_name(spaced)
    assert shown_name(name) == (spaced if braced is None or not braced.strip() else braced.strip())


def _authors(field: str) -> tuple[str, ...]:
    problems = Problems()
    (record,) = parse_text("@article{a, title={T}, journal={J}, author={" + field + "}}\n", "x.bib", problems)
    # (These lists write one name in several ways, side by side, to compare how each is
    # read: the warning that an author is named twice is what they should get, no more.)
    others = [p for p in problems.items if "names the same author more than once" not in p.message]
    assert not others, problems.format()
    return record.authors


def test_a_two_word_surname_is_imported_surname_first_and_cited_whole():
    authors = _authors(r"Garc\'{i}a M\'{a}rquez, Gabriel and {Garc\'ia M\'arquez}, Gabriel and"
                       r" Gabriel Garc\'ia M\'arquez and de la Fuente Hern\'andez, Ana and Lovelace, Ada")
    # (Written first name first, BibTeX itself reads the surname "Márquez": nothing to keep.
    # With a "von" part BibTeX finds the whole surname after it, as before.)
    assert authors == ("García Márquez, Gabriel", "García Márquez, Gabriel", "Gabriel García Márquez",
                       "Ana de la Fuente Hernández", "Ada Lovelace")
    paper = Paper(id="p", title="T", abstract="", venue="J", authors=authors[:1] + authors[3:])
    assert paper.byline == "Gabriel García Márquez, Ana de la Fuente Hernández, Ada Lovelace"
    assert "  author = {García Márquez, Gabriel and Ana de la Fuente Hernández and Ada Lovelace},\n" in citation(paper)
    # And BibTeX reads it back so: the surname of two words stays one.
    again = _authors(citation(paper).split("author = {", 1)[1].split("},\n", 1)[0])
    assert again == authors[:1] + authors[3:]


def test_a_suffix_is_shown_without_the_comma_that_reads_as_a_separator():
    # (curator: the byline "John Smith, Jr., Ludwig van Beethoven" read as three people.)
    import datetime as dt

    assert [shown_name(name) for name in ("John Smith, Jr.", "Smith, Jr., John", "Smith, Jr, John")] == [
        "John Smith Jr.", "John Smith Jr.", "John Smith Jr",
    ]
    assert shown_name("King, III") == "King III" and shown_name("Henry Ford, II") == "Henry Ford II"
    paper = Paper(id="p", title="T", abstract="", venue="J", added=dt.date(2026, 1, 1),
                  authors=("John Smith, Jr.", "Ludwig van Beethoven", "Ford, II, Henry", "Ada Lovelace"))
    assert paper.byline == "John Smith Jr., Ludwig van Beethoven, Henry Ford II, Ada Lovelace"
    assert paper.brief_byline == "John Smith Jr. et al."
    assert paper.filter_names == "John Smith Jr.; Ludwig van Beethoven; Henry Ford II; Ada Lovelace; J"
    feed = atom_feed([paper], title="L", feed_path="feed.xml", site_url="", source_date_epoch=0)
    assert "<name>John Smith Jr.</name>" in feed and "<name>Henry Ford II</name>" in feed
    # BibTeX reads a suffix only after a comma: its citation keeps it there.
    assert "author = {Smith, Jr., John and Ludwig van Beethoven and Ford, II, Henry and Ada Lovelace}" in citation(paper)


def test_the_feed_names_authors_first_name_first():
    import datetime as dt

    paper = Paper(id="p", title="T", abstract="", authors=("García Márquez, Gabriel",), added=dt.date(2026, 1, 1))
    feed = atom_feed([paper], title="L", feed_path="feed.xml", site_url="", source_date_epoch=0)
    assert "<name>Gabriel García Márquez</name>" in feed


def test_an_earlier_import_of_the_name_first_name_first_is_no_conflict(tmp_path):
    content = tmp_path / "content"
    (content / "papers").mkdir(parents=True)
    path = content / "papers" / "one-paper.yml"
    path.write_text("id: one-paper\ntitle: One Paper\nauthors: [Gabriel García Márquez]\n", encoding="utf-8")
    source = tmp_path / "a.bib"
    source.write_text(r"@article{a, title={One Paper}, author={Garc\'ia M\'arquez, Gabriel}}" "\n", encoding="utf-8")
    report = import_paths([source], content)
    assert report.conflicts == []
    assert "authors: [Gabriel García Márquez]\n" in path.read_text(encoding="utf-8")


def test_an_organisation_and_a_jr_stay_as_before():
    # "Gemini Team, Google" is an organisation, braced whole by the export: not reordered
    # (an earlier import wrote "Google Gemini Team", and a re-import must not conflict).
    # Google Scholar's "Steele Jr, Guy L": the Jr is no part of the surname.
    authors = _authors(r"Gemini Team, Google and Steele Jr, Guy L and Garc\'ia M\'arquez Jr, Gabriel")
    assert authors == ("Google Gemini Team", "Guy L Steele Jr", "García Márquez, Jr, Gabriel")
    paper = Paper(id="p", title="T", abstract="", venue="J", authors=authors)
    assert paper.byline == "Google Gemini Team, Guy L Steele Jr, Gabriel García Márquez Jr"
    assert ("  author = {{Google Gemini Team} and Steele, Jr, Guy L and García Márquez, Jr, Gabriel},\n"
            in citation(paper))


def test_a_chinese_japanese_or_korean_name_written_surname_first_is_kept_as_its_language_writes_it():
    # Zotero keeps such a name as surname and given name and exports "赵, 鑫"; read as
    # "Given Surname" it was "鑫 赵", the given name first, on the page and in citations.
    assert _authors("赵, 鑫 and 欧阳, 修 and 山田, 太郎 and 김, 민수") == ("赵鑫", "欧阳修", "山田太郎", "김민수")
    problems = Problems()
    (record,) = parse_text("TY  - JOUR\r\nTI  - 大规模语言模型综述\r\nAU  - 赵, 鑫\r\nAU  - 李, 军毅\r\nER  - \r\n",
                           "x.ris", problems)
    assert record.authors == ("赵鑫", "李军毅")
    # Written with a space and no comma, the order is the writer's; a name in two
    # scripts, or in another, is read as before.
    assert _authors("山田 太郎 and Zhao, 鑫 and Zhao, Xin") == ("山田 太郎", "鑫 Zhao", "Xin Zhao")
    # So is such a name written by hand in a paper file, surname first.
    assert shown_name("赵, 鑫") == "赵鑫"
    assert Paper(id="p", title="T", abstract="", authors=("赵, 鑫", "周昆")).byline == "赵鑫, 周昆"
    assert "  author = {赵鑫 and 周昆},\n" in citation(Paper(id="p", title="T", abstract="", venue="J",
                                                          authors=("赵鑫", "周昆")))


def test_ieee_xplores_initials_of_a_hyphenated_given_name_are_joined():
    # IEEE Xplore's RIS and BibTeX write Tsung-Yi Lin "T. -Y. Lin"; the page showed the
    # dash apart from the initials.
    problems = Problems()
    (record,) = parse_text("TY  - CONF\nTI  - Focal Loss\nAU  - T. -Y. Lin\nAU  - C. -C. J. Kuo\nER  - \n",
                           "ieee.ris", problems)
    assert record.authors == ("T.-Y. Lin", "C.-C. J. Kuo")
    assert _authors("T. -Y. Lin and Lin, T. -Y. and J.-P. Sartre and A. - B. C") == (
        "T.-Y. Lin", "T.-Y. Lin", "J.-P. Sartre", "A. - B. C"
    )



@given(st.text(st.sampled_from(list("ab ,.-'{}\\$^*∗†‡§¶‖#¹²⁰9_é\t\u00a0\u2003")) | st.characters(), max_size=24))
def test_a_name_without_marks_reads_as_each_word_looked_at(name: str) -> None:
    # without_marks' quick way for a name with no mark's character: as the word by word
    # reading gives it (a lone comma left out, any kind of space a break).
    assert without_marks(name) == _marks_read(name)


@given(st.lists(st.sampled_from([
    "Doe", "ı", "İ", "e\u0301", "n\u0303", "\u0307", ",", " , ", ",,", " ", "\t", "\r", "\n", "\u2028", "\u2029",
    "\x85", "\x1c", "\x1f", "\u00a0", "\u200b", "\u3000", "\ufeff", "{", "}", "\\'e", "$", "^", "*", "¹", "⁴", "₁",
    "✝", "†", "O'Neil", "-", ".",
]), max_size=8).map("".join))
def test_a_name_with_marks_or_separators_reads_as_each_word_looked_at(name: str) -> None:
    # Names with combining marks, a dotless or dotted i, Python's other whitespace (which
    # str.split breaks at both ways), commas alone or doubled, and marks' characters.
    assert without_marks(name) == _marks_read(name)


def test_a_publishers_name_is_an_organisations_and_a_surname_like_it_a_persons():
    from generator.names import is_organisation

    # (publishers, a corpus, a blog, as awesome lists cite them: read as people before)
    for name in ("MIT Press", "CRC Press", "Academic Press", "Morgan Kaufmann", "Prentice Hall",
                 "Addison-Wesley", "McGraw-Hill", "Springer-Verlag", "O'Reilly Media", "Packt Publishing",
                 "Now Publishers", "Penn Treebank", "DeepMind Blog"):
        assert is_organisation(name), name
    # (people whose surname is a publisher's word or name: Ofir Press, William H. Press)
    for name in ("Ofir Press", "W. H. Press", "Mark Press", "Jane Springer", "Fritz Lang", "Morgan Freeman"):
        assert not is_organisation(name), name
    # (two capitals before "Press" are initials written without full stops, as a BibTeX
    # "Press, WH" is imported: a person, shown and matched as one; an acronym of three
    # capitals or more is a publisher's)
    for name in ("WH Press", "DJ Press", "Press, WH"):
        assert not is_organisation(name), name
    assert shown_name("Press, WH") == "WH Press"
    assert is_organisation("IEEE Press") and is_organisation("SIAM Press")
    # (a university's press by its university's name; a person's given name is none)
    for name in ("Yale Press", "Oxford Press", "Cambridge Press"):
        assert is_organisation(name), name
    # (publishers named for two founders, as two authors are joined)
    for name in ("Simon & Schuster", "Little, Brown", "Taylor and Francis", "John Wiley & Sons"):
        assert is_organisation(name), name
    assert not is_organisation("Brown, Little")
    # ("Media" and "Blog" after initials are a surname, as "Press" is: no organisation
    # is named with initials; after a given name they stay an organisation's word)
    for name in ("J. Media", "A. B. Blog", "J.-Y. Media"):
        assert not is_organisation(name), name
    for name in ("O'Reilly Media", "John Media", "DeepMind Blog", "J. Media Group"):
        assert is_organisation(name), name


def test_the_given_names_listed_are_words_of_the_dictionary_and_no_publishers_first_words():
    from generator.lemmas import known_word
    from generator.names import GIVEN_NAME_WORDS, is_given_name_word

    # (the list says a given name only where the dictionary would read it as a word:
    # the others, "Ofir", "William", are told by the dictionary already)
    assert sorted(word for word in GIVEN_NAME_WORDS if not known_word(word)) == []
    assert is_given_name_word("Frank") and is_given_name_word("MARK")
    for word in ("Free", "New", "Open", "Beacon", "Penguin", "Oxford", "Random", "Basic", "Rich"):
        assert not is_given_name_word(word), word
