"""The model's own small rules (generator/models.py)."""

from __future__ import annotations

import dataclasses
import pickle

from generator.models import Paper


def paper(*authors: str) -> Paper:
    return Paper(id="p", title="T", abstract="", authors=authors)


def test_a_last_author_others_is_shown_as_et_al():
    # BibTeX's "and others": the list is incomplete, and the page must not pass it off
    # as complete.
    assert paper("Thomas Wolf", "Lysandre Debut", "others").byline == "Thomas Wolf, Lysandre Debut et al."


def test_authors_are_otherwise_listed_as_written():
    assert paper("Ada Lovelace", "Alan Turing").byline == "Ada Lovelace, Alan Turing"
    assert paper().byline == ""
    # Only the last author, only lowercase "others" (BibTeX's keyword), and never alone.
    assert paper("others").byline == "others"
    assert paper("others", "Ada Lovelace").byline == "others, Ada Lovelace"
    assert paper("Ada Lovelace", "Others").byline == "Ada Lovelace, Others"


def test_a_long_author_list_is_cut_to_ten_names_in_the_short_byline():
    many = tuple(f"Name{i} Surname{i}" for i in range(1, 41))
    short = paper(*many).short_byline
    assert short == ", ".join(many[:10]) + " et al."
    # Twelve names are shown whole ("et al." for one or two names saves nothing).
    assert paper(*many[:12]).short_byline == paper(*many[:12]).byline == ", ".join(many[:12])
    # A list already incomplete counts its names only.
    assert paper(*many[:12], "others").short_byline == ", ".join(many[:12]) + " et al."
    assert paper(*many[:13], "others").short_byline == short
    assert paper(*many[:13], "others").names == many[:13]


def test_a_table_row_names_the_first_author_and_the_venue():
    assert paper().brief_byline == ""
    assert paper("Ada Lovelace").brief_byline == "Ada Lovelace"
    # (fix32: two names were "A and B" in a row, "A, B" on the paper's page: written as
    # the page writes them, the row's byline the page's cut short.)
    assert paper("Ada Lovelace", "Alan Turing").brief_byline == "Ada Lovelace, Alan Turing"
    assert paper("Ada Lovelace", "Alan Turing").brief_byline == paper("Ada Lovelace", "Alan Turing").byline
    assert paper("Ada Lovelace", "Alan Turing", "Grace Hopper").brief_byline == "Ada Lovelace et al."
    # An incomplete list ("and others") is "et al." however few are named; "others"
    # alone is a name (as the page's byline has it).
    assert paper("Ada Lovelace", "others").brief_byline == "Ada Lovelace et al."
    assert paper("others").brief_byline == "others"
    # Surname first as imported, first name first as shown (names.shown_name); an
    # organisation as written, a braced name without its braces; a suffix kept, without the comma
    # before it (which a list of names joined by commas reads as a separator).
    assert paper("García Márquez, Gabriel", "Ada Lovelace").brief_byline == "Gabriel García Márquez, Ada Lovelace"
    assert paper("Gemini Team, Google", "A B", "C D").brief_byline == "Gemini Team, Google et al."
    assert paper("{Google DeepMind}").brief_byline == "Google DeepMind"
    assert paper("{Google DeepMind}", "{Hugging Face}").byline == "Google DeepMind, Hugging Face"
    assert paper("King, Jr., Martin Luther").brief_byline == "Martin Luther King Jr."
    assert paper("  Ada   Lovelace ").brief_byline == "Ada Lovelace"


def test_a_paper_is_placed_by_its_venue_else_its_publisher():
    venue = Paper(id="p", title="T", abstract="", venue="  NeurIPS ", volume="33")
    assert venue.where == "NeurIPS"  # no volume or pages
    assert Paper(id="p", title="T", abstract="", publisher="MIT Press").where == "MIT Press"
    # A venue of spaces is none: the publisher places the paper.
    assert Paper(id="p", title="T", abstract="", venue="   ", publisher="MIT Press").where == "MIT Press"


def test_a_table_row_names_a_dblp_booktitle_without_its_conferences_days_and_place():
    # A second review: DBLP's booktitles, kept whole as the curator's venue, filled a
    # topic table's row with the conference's days and city. The row leaves them out;
    # the paper's page (``where``) names the venue whole.
    def brief(venue):
        return Paper(id="p", title="T", abstract="", venue=venue).brief_where

    neurips = (
        "Advances in Neural Information Processing Systems 30: Annual Conference on Neural"
        " Information Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA"
    )
    assert brief(neurips) == "Advances in Neural Information Processing Systems 30"
    assert Paper(id="p", title="T", abstract="", venue=neurips).where == neurips
    assert brief(
        "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016, Las Vegas, NV, USA, June 27-30, 2016"
    ) == "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2016"
    assert brief(
        "Proceedings of the 38th International Conference on Machine Learning, ICML 2021,"
        " 18-24 July 2021, Virtual Event"
    ) == "Proceedings of the 38th International Conference on Machine Learning, ICML 2021"
    assert brief(
        "Proceedings of the 2021 Conference on Empirical Methods in Natural Language Processing,"
        " EMNLP 2021, Virtual Event / Punta Cana, Dominican Republic, 7-11 November, 2021"
    ) == "Proceedings of the 2021 Conference on Empirical Methods in Natural Language Processing, EMNLP 2021"
    assert brief(
        "Computer Vision - ECCV 2016 - 14th European Conference, Amsterdam, The Netherlands,"
        " October 11-14, 2016, Proceedings, Part I"
    ) == "Computer Vision - ECCV 2016 - 14th European Conference"
    # Any other venue as written: no days ("May 2020" is a month), or no conference's.
    for venue in ("NeurIPS", "Journal of Machine Learning Research, May 2020", "Workshop: Models, Data"):
        assert brief(venue) == venue
    assert Paper(id="p", title="T", abstract="", publisher="MIT Press").brief_where == "MIT Press"


def test_a_table_rows_brief_venue_keeps_a_workshop_and_words_that_only_begin_like_a_month():
    # A review: "ICLR 2021: Workshop on Responsible AI, May 7, 2021" was named "ICLR 2021"
    # in a row, a workshop paper shown as the conference's; only the proceedings' title
    # before "Annual Conference on ..." stands for it. And a month is a month's name or
    # its abbreviation: "Marine 2" and "Decision 3" ("Mar...", "Dec...") are no days.
    def brief(venue):
        return Paper(id="p", title="T", abstract="", venue=venue).brief_where

    assert brief("ICLR 2021: Workshop on Responsible AI, May 7, 2021") == "ICLR 2021: Workshop on Responsible AI"
    for venue in ("Ocean Engineering Workshop, Marine 2", "Symposium on Control, Decision 3, Extended"):
        assert brief(venue) == venue
    assert brief("ICML Workshop, Sept. 3, 2020") == "ICML Workshop"
    assert brief("ICML Workshop, 3 Sep 2020") == "ICML Workshop"


def test_a_table_rows_brief_venue_of_a_scholar_preprint_leaves_its_id_to_the_arxiv_link():
    # A new curator's Scholar-only papers read "arXiv preprint arXiv:1810.04805" in every
    # table row; the paper's page gives the id as its arXiv link.
    def brief(venue):
        return Paper(id="p", title="T", abstract="", venue=venue).brief_where

    assert brief("arXiv preprint arXiv:1810.04805") == "arXiv preprint"
    assert brief("arXiv preprint arXiv:cs/0112017") == "arXiv preprint"
    # Words after the id, or a venue that only mentions arXiv, stay as written.
    for venue in ("arXiv preprint arXiv:1810.04805, 2018", "Findings of ACL (arXiv preprint)", "arXiv"):
        assert brief(venue) == venue


def test_a_paper_keeps_only_its_fields_off_their_defaults_and_reads_the_others():
    # (What a new process unpickles from the memo: 6 entries a paper at 10,000, not 26.)
    bare = Paper(id="p", title="T", abstract="", year=2020)
    assert set(bare.__dict__) == {"id", "title", "abstract", "year"}
    assert (bare.notes, bare.links, bare.added, bare.source) == ("", (), None, None)
    # The same paper with its defaults spelt out, and a copy by pickle and by replace:
    # equal, with the same hash, and as sparse.
    spelt = Paper(id="p", title="T", abstract="", year=2020, notes="", links=(), added=None)
    copied = pickle.loads(pickle.dumps(bare, protocol=pickle.HIGHEST_PROTOCOL))
    for other in (spelt, copied, dataclasses.replace(bare)):
        assert other == bare and hash(other) == hash(bare) and other.__dict__ == bare.__dict__
    # A field set off its default is kept, and one set back is left out again.
    noted = dataclasses.replace(bare, notes="Read it.")
    assert noted.__dict__["notes"] == "Read it." and noted != bare
    assert "notes" not in dataclasses.replace(noted, notes="").__dict__
    # Only the default object itself: a value equal to it but another one stays (0 is
    # not None, False == 0), and reads as itself.
    zero = Paper(id="p", title="T", abstract="", year=0)
    assert zero.__dict__["year"] == 0 and zero.year is not None and zero != bare
    assert "abstract" in zero.__dict__  # (no default: always kept)
