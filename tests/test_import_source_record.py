"""A source record imported again after a curator corrected its title in the reference
manager (Zotero, exported to BibTeX or RIS every week): the same citation key, authors
and year, a title alike enough to be a correction. It is the paper an earlier import took
it for, not a second paper: its title is the record's where the file still has the
importer's, a conflict where the curator edited it; the id (the file name) stays.
"""

import datetime as dt
import json

from generator.importer import import_paths
from generator.provenance import key_digest

DAY = dt.date(2026, 1, 2)
LATER = dt.date(2026, 1, 9)

ENTRY = """\
@article{%(key)s,
  title   = {%(title)s},
  author  = {%(authors)s},
  journal = {Revista de Pruebas},
  year    = {%(year)s},
  volume  = {3},
  pages   = {10--20},%(more)s
}
"""


def _bib(tmp_path, name, title, key="garcia2020", authors="Garc{\\'i}a, Ana and L{\\'o}pez, Luis",
         year="2020", more=""):
    path = tmp_path / name
    path.write_text(ENTRY % {"key": key, "title": title, "authors": authors, "year": year, "more": more})
    return path


def _papers(content):
    return sorted(p.name for p in (content / "papers").glob("*.yml"))


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _first_import(tmp_path):
    content = tmp_path / "content"
    report = import_paths([_bib(tmp_path, "week1.bib", "Un estudio")], content, added=DAY)
    assert report.added == ["un-estudio"]
    return content, content / "papers" / "un-estudio.yml"


def test_the_import_records_each_source_records_citation_key(tmp_path):
    content, _ = _first_import(tmp_path)
    views = json.loads((content / "sources" / "imported.json").read_text())
    # (In any capitals, as BibTeX compares keys.)
    assert views["papers"]["un-estudio"]["fields"]["key"] == [key_digest("Garcia2020")]

