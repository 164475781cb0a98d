"""A venue an older import read from an address (howpublished = {\\url{example.com/x}}),
imported again now that the address is read as a link."""

import datetime as dt

import pytest

from generator.importer import import_paths
from generator.links import find_url_spans

# (Each test's first import is an earlier importer's, its functions patched.)
pytestmark = pytest.mark.usefixtures("no_bibtex_entry_cache")

DAY = dt.date(2026, 1, 2)
# What older imports read as the venue "example.com/x" (`_first` imports it as they read
# it: today the bare address is a link too).
OLD = "@misc{a,\n  title = {Alpha Paper},\n  howpublished = {example.com/x},\n  year = {2020}\n}\n"
NEW = "@misc{a,\n  title = {Alpha Paper},\n  howpublished = {\\url{example.com/x}},\n  year = {2020}\n}\n"
BLOG = (
    "@misc{a,\n  title = {Alpha Paper},\n"
    "  howpublished = {Lab Blog, \\url{example.com/x}},\n  year = {2020}\n}\n"
)
PAPER = "content/papers/alpha-paper.yml"


def _import(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_paths([path], tmp_path / "content", added=DAY)


def _older_addresses(text):
    """The addresses older imports read: only one with its scheme (or www., or a code
    host's), not a \\url's argument without one nor a bare host and path."""
    return {text[start:end]: text[start:end] for start, end in find_url_spans(text)}


def _first(tmp_path, monkeypatch):
    with monkeypatch.context() as older:
        older.setattr("generator.ingest.bibtex._addresses", _older_addresses)
        assert _import(tmp_path, "old.bib", OLD).added == ["alpha-paper"]
    paper = tmp_path / PAPER
    assert "venue: example.com/x\n" in paper.read_text()
    return paper


def test_the_importers_own_address_venue_goes_and_the_report_says_so(tmp_path, monkeypatch):
    paper = _first(tmp_path, monkeypatch)
    before = paper.read_text()
    report = _import(tmp_path, "new.bib", NEW)
    assert report.updated == ["alpha-paper"] and report.conflicts == []
    assert [str(change) for change in report.address_venues] == [
        "venue: alpha-paper no venue now (was 'example.com/x', an address an earlier import"
        " read as the venue; it is a link)"
    ]
    after = paper.read_text()
    # only the venue line goes, and the link comes
    assert after.replace(
        "  project:\n    - url: https://example.com/x\n      found_in: bibtex\n", "  project: []\n"
    ) == before.replace("venue: example.com/x\n", "")
    # and a third import changes nothing
    again = _import(tmp_path, "new.bib", NEW)
    assert (again.unchanged, again.address_venues) == (["alpha-paper"], [])
    assert paper.read_text() == after


def test_the_words_beside_the_address_replace_it(tmp_path, monkeypatch):
    paper = _first(tmp_path, monkeypatch)
    report = _import(tmp_path, "blog.bib", BLOG)
    assert [str(change) for change in report.address_venues] == [
        "venue: alpha-paper now Lab Blog (was 'example.com/x', an address an earlier import"
        " read as the venue; it is a link)"
    ]
    assert report.conflicts == []
    assert "venue: Lab Blog\n" in paper.read_text()


def test_a_venue_the_curator_wrote_or_commented_stays(tmp_path, monkeypatch):
    paper = _first(tmp_path, monkeypatch)
    text = paper.read_text()
    for edited in (
        text.replace("venue: example.com/x\n", "venue: example.com/x/\n"),  # edited
        text.replace("venue: example.com/x\n", "venue: example.com/x  # our lab's\n"),
        text.replace("venue: example.com/x\n", "venue: example.com/x\n# the venue is right\n"),
    ):
        paper.write_text(edited)
        report = _import(tmp_path, "new.bib", NEW)
        assert report.address_venues == []
        kept = paper.read_text()
        assert kept.split("links:")[0] == edited.split("links:")[0]


def test_a_venue_another_source_gave_stays(tmp_path):
    # The record holds every venue a source offered for the paper; the file's is
    # dropped only when it holds an address this source gives as a link.
    _import(tmp_path, "conf.bib", OLD.replace("howpublished = {example.com/x}", "booktitle = {ICML}"))
    paper = tmp_path / PAPER
    report = _import(tmp_path, "new.bib", NEW)
    assert report.address_venues == []
    assert "venue: ICML\n" in paper.read_text()


def test_a_venue_that_was_a_host_alone_goes_too(tmp_path):
    # A curator's review: older imports read howpublished = {\url{openreview.net}} as the
    # venue "openreview.net"; a venue from a whole address went on re-import, this stayed.
    old = OLD.replace("example.com/x", "openreview.net")
    new = NEW.replace("example.com/x", "openreview.net")
    assert _import(tmp_path, "old.bib", old).added == ["alpha-paper"]
    paper = tmp_path / PAPER
    assert "venue: openreview.net\n" in paper.read_text()
    report = _import(tmp_path, "new.bib", new)
    assert [str(change) for change in report.address_venues] == [
        "venue: alpha-paper no venue now (was 'openreview.net', an address an earlier import"
        " read as the venue; it is a link)"
    ]
    assert "venue:" not in paper.read_text()


def test_a_venue_naming_a_host_among_its_words_stays(tmp_path):
    # Only a venue that is the host, not one that names it: "Published on distill.pub".
    old = OLD.replace("example.com/x", "Published on distill.pub")
    new = NEW.replace("example.com/x", "distill.pub")
    _import(tmp_path, "old.bib", old)
    report = _import(tmp_path, "new.bib", new)
    assert report.address_venues == []
    assert "venue: Published on distill.pub\n" in (tmp_path / PAPER).read_text()


SCHOLAR = (
    "@misc{a,\n  title = {Alpha Paper},\n  journal = {URL https://arxiv. org/abs/2307.09288},\n"
    "  year = {2023}\n}\n"
)


def test_google_scholars_address_as_the_venue_goes_once_read_as_the_arxiv_id(tmp_path, monkeypatch):
    # Older imports read Scholar's "journal = {URL https://arxiv. org/abs/2307.09288}" as
    # the venue; read again, it gives the arXiv id, and that venue goes.
    with monkeypatch.context() as older:
        older.setattr("generator.ingest.bibtex._scholar_address", lambda written: "")
        assert _import(tmp_path, "scholar.bib", SCHOLAR).added == ["alpha-paper"]
    paper = tmp_path / PAPER
    assert "venue: URL https://arxiv. org/abs/2307.09288\n" in paper.read_text()
    report = _import(tmp_path, "scholar.bib", SCHOLAR)
    assert [str(change) for change in report.address_venues] == [
        "venue: alpha-paper no venue now (was 'URL https://arxiv. org/abs/2307.09288', an address an"
        " earlier import read as the venue; it is a link)"
    ]
    text = paper.read_text()
    assert "venue:" not in text and 'arxiv: "2307.09288"\n' in text


def test_a_bare_host_and_path_is_read_as_an_address_today(tmp_path, monkeypatch):
    # A curator's review: howpublished = {openai.com/blog/chatgpt}, an address without its
    # scheme or \\url, was the venue; and the venue an older import read so goes when the
    # same file is imported again.
    text = OLD.replace("example.com/x", "openai.com/blog/chatgpt")
    (tmp_path / "new").mkdir()
    assert _import(tmp_path / "new", "new.bib", text).added == ["alpha-paper"]
    written = (tmp_path / "new" / PAPER).read_text()
    assert "venue:" not in written and "- url: https://openai.com/blog/chatgpt\n" in written
    paper = _first(tmp_path, monkeypatch)
    report = _import(tmp_path, "old.bib", OLD)
    assert [str(change) for change in report.address_venues] == [
        "venue: alpha-paper no venue now (was 'example.com/x', an address an earlier import"
        " read as the venue; it is a link)"
    ]
    assert "venue:" not in paper.read_text()
