"""What the last import read each BibTeX entry as (generator/ingest/bibcache.py): an entry
read alike is taken from it, anything else read again, and the records and messages are
those of a reading without it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cache
from generator.importer import import_paths
from generator.ingest import Record, bibcache
from generator.ingest.bibcache import EntryReadings

from .cached_readings import again, empty_project as _project, read

BIB = """@string{conf = {Conference on Things}}

@inproceedings{a, title = {Alpha Paper}, author = {Doe, Jane and Roe, Rick}, year = 2020, booktitle = conf}

@article{b, title = {Beta $\\beta$ Paper}, author = {Poe, Ed}, year = 2021, journal = {Journal of B},
  abstract = {An abstract~with a tie.}, annote = {My own note}}

@inproceedings{c, title = {Gamma Paper}, author = {Loe, Al}, crossref = {proc}}

@proceedings{proc, title = {Proceedings of Gamma}, year = 2022}

@misc{d, title = {Delta Paper}, url = {https://github.com/owner/delta}, booktitle = conf}
"""


def _read(text: str, path: str = "lab.bib", entries: EntryReadings | None = None) -> tuple[list[Record], list[str]]:
    return read(text, path, entries)


def _again(first: str, second: str, path: str = "lab.bib") -> tuple[EntryReadings, list[Record], list[str]]:
    return again(first, second, path)


def test_an_unchanged_file_is_read_from_the_cache() -> None:
    readings, records, _ = _again(BIB, BIB)
    # a, b, c, d and the crossref'd volume (no paper, kept as None)
    assert readings.hits == 5
    assert [record.key for record in records] == ["a", "b", "c", "d"]
    assert records[2].venue == "Proceedings of Gamma"


def test_an_entry_changed_by_one_byte_is_read_again() -> None:
    readings, records, _ = _again(BIB, BIB.replace("Alpha Paper", "Alpha Papers"))
    assert readings.hits == 4
    assert records[0].title == "Alpha Papers"


def test_a_changed_macro_rereads_every_entry() -> None:
    # (The key holds the file's @string definitions, not which of them an entry uses:
    # a macro's edit rereads all, a and d which use it too.)
    readings, records, _ = _again(BIB, BIB.replace("{Conference on Things}", "{Conference on Stuff}"))
    assert readings.hits == 0
    assert records[0].venue == "Conference on Stuff"
    assert records[3].venue == "Conference on Stuff"


def test_a_macro_defined_after_its_entry_is_in_its_key() -> None:
    # (BibTeX reads a @string before its use; bibtexparser resolves one defined later
    # too: the key must change with it wherever it is.)
    late = BIB.replace("@string{conf = {Conference on Things}}\n", "") + "\n@string{conf = {Late Conference}}\n"
    readings, records, _ = _again(late, late.replace("Late Conference", "Later Conference"))
    assert readings.hits == 0
    assert records[0].venue == _read(late.replace("Late Conference", "Later Conference"))[0][0].venue


def test_a_changed_crossref_parent_rereads_its_children() -> None:
    readings, records, _ = _again(BIB, BIB.replace("Proceedings of Gamma", "Proceedings of Delta"))
    assert readings.hits == 3  # a, b, d
    assert records[2].venue == "Proceedings of Delta"


def test_an_entry_moved_or_renamed_file_is_placed_where_it_is_now() -> None:
    moved = "@misc{new, title = {New Paper}}\n\n\n" + BIB
    readings, records, _ = _again(BIB, moved, path="other.bib")
    assert readings.hits == 5
    by_key = {record.key: record for record in records}
    assert by_key["a"].source.path == "other.bib"
    assert by_key["a"].source.line == 6  # line 3 before, three lines added above
    assert by_key["b"].notes_at is not None and by_key["b"].notes_at.line == 9


def test_an_entry_that_said_something_is_read_again_and_says_it_again() -> None:
    untitled = BIB + "\n@misc{e, author = {Nobody, N}}\n"
    readings, _, said = _again(untitled, untitled)
    assert readings.hits == 5  # not e, whose reading warned
    assert any("has no title" in line for line in said)


def test_another_reading_of_tex_is_not_served_the_default_one() -> None:
    from generator.latex import math_as_typed

    kept = EntryReadings("project")
    _read(BIB, "lab.bib", kept)
    readings = EntryReadings("project", kept.now)
    with math_as_typed():
        records, _ = _read(BIB, "lab.bib", readings)
        plain, _ = _read(BIB, "lab.bib")
    assert records == plain
    assert "$\\beta$" in records[1].title


def test_an_import_keeps_the_readings_in_the_cache_folder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    source = tmp_path / "lab.bib"
    source.write_text(BIB, encoding="utf-8")
    import_paths([source], project / "content", added=None)
    folder = cache.folder(project)
    assert (folder / bibcache.FILE_NAME).is_file()
    assert not list((project / "content").rglob("*.pickle"))
    readings = bibcache.load(folder, project)
    assert len(readings.last) == 5
    # Another project's folder holding it: no cache.
    assert bibcache.load(folder, tmp_path).last == {}


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    project = _project(tmp_path)
    source = tmp_path / "lab.bib"
    source.write_text(BIB, encoding="utf-8")
    import_paths([source], project / "content")
    stored = cache.folder(project) / bibcache.FILE_NAME
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01
    stored.write_bytes(bytes(data))
    assert bibcache.load(cache.folder(project), project).last == {}
    stored.write_bytes(b"not a pickle at all")
    assert bibcache.load(cache.folder(project), project).last == {}
    # The import reads everything again, finds the papers as they are, and keeps its
    # readings anew.
    files = {p.name: p.read_bytes() for p in (project / "content" / "papers").iterdir()}
    report = import_paths([source], project / "content")
    assert {p.name: p.read_bytes() for p in (project / "content" / "papers").iterdir()} == files
    assert not report.warnings
    assert len(bibcache.load(cache.folder(project), project).last) == 5


def test_a_cache_of_other_code_is_ignored(tmp_path: Path, monkeypatch) -> None:
    project = _project(tmp_path)
    source = tmp_path / "lab.bib"
    source.write_text(BIB, encoding="utf-8")
    import_paths([source], project / "content")
    assert bibcache.load(cache.folder(project), project).last != {}
    monkeypatch.setattr(cache, "fingerprint", lambda: "an upgraded reader")
    assert bibcache.load(cache.folder(project), project).last == {}


# Pieces of entries: macros used and defined, crossrefs, TeX, names, notes, links, and
# mistakes that warn (a missing title, an unknown type).
_TYPES = ["article", "inproceedings", "misc", "proceedings", "book", "artcle"]
_VALUES = [
    "{Plain Title}", "{A $\\beta$ Title}", "{Size~$n$}", "m1", "m2", "m1 # { and more}", "{\\'{e}t\\'{e}}",
    "{https://github.com/o/r}", "{10.1000/xyz}", "2020", "{}", '"Quoted"', "{Doe, Jane and Roe, R. and others}",
]
_FIELDS = ["title", "author", "booktitle", "journal", "url", "doi", "year", "abstract", "annote", "note", "crossref"]


@st.composite
def _bib(draw: st.DrawFn) -> str:
    parts = []
    for name in ("m1", "m2"):
        if draw(st.booleans()):
            parts.append(f"@string{{{name} = {draw(st.sampled_from(_VALUES[:3] + _VALUES[6:7]))}}}\n")
    keys = [f"k{n}" for n in range(draw(st.integers(1, 5)))]
    for key in keys:
        fields = []
        for name in draw(st.lists(st.sampled_from(_FIELDS), max_size=5, unique=True)):
            value = draw(st.sampled_from(keys)) if name == "crossref" else draw(st.sampled_from(_VALUES))
            fields.append(f"  {name} = {{{value}}}" if name == "crossref" else f"  {name} = {value}")
        blank = draw(st.sampled_from(["", "\n", "\n\n"]))
        parts.append(f"{blank}@{draw(st.sampled_from(_TYPES))}{{{key},\n" + ",\n".join(fields) + "\n}\n")
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bib(), _bib())
def test_the_cache_reads_as_no_cache(first: str, second: str) -> None:
    # `_again` asserts it: the second file read with the first's readings (and with its
    # own, unchanged) gives the records and the messages of a reading without them.
    _again(first, second)
    _again(second, second)
    _again(first + second.replace("@", "\n@", 1), second)


def test_an_entry_from_the_cache_takes_the_exporter_of_the_file_it_is_in_now() -> None:
    # (A record is made with its key's source, and kept with it: read from the cache in
    # a file another tool exported, or no tool, it is that file's.)
    jabref = "% This file was created with JabRef 2.10.\n% Encoding: UTF-8\n\n" + BIB
    readings, records, _ = _again(jabref, BIB)
    assert readings.hits == 5
    assert {record.key_source for record in records} == {"BibTeX"}
    readings, records, _ = _again(BIB, jabref)
    assert readings.hits == 5
    assert {record.key_source for record in records} == {"JabRef"}
