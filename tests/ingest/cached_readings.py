"""Reading a file with what reading another kept (generator/ingest/bibcache.py), for the
tests of the BibTeX entries' and the RIS records' caches: checked against reading it
without."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problems
from generator.ingest import Record, bibcache, parse_text
from generator.ingest.bibcache import EntryReadings


def read(text: str, path: str, entries: EntryReadings | None = None) -> tuple[list[Record], list[str]]:
    """The records of ``text`` and what reading it said; ``entries`` the cache of its
    format (told by the path's extension)."""
    problems = Problems()
    if path.endswith(".ris"):
        records = parse_text(text, path, problems, None, None, entries)
    else:
        records = parse_text(text, path, problems, None, entries)
    return records, [str(problem) + " " + problem.message for problem in problems.sorted()]


def again(first: str, second: str, path: str) -> tuple[EntryReadings, list[Record], list[str]]:
    """``second`` read (from ``path``) with what reading ``first`` kept; checked against
    reading it without."""
    name = bibcache.RIS_FILE_NAME if path.endswith(".ris") else bibcache.FILE_NAME
    kept = EntryReadings("project", name=name)
    read(first, "lab" + path[path.rindex("."):], kept)
    readings = EntryReadings("project", kept.now, name=name)
    records, said = read(second, path, readings)
    assert (records, said) == read(second, path)
    return readings, records, said


def empty_project(tmp_path: Path) -> Path:
    """A project with no paper and no topic, in ``tmp_path``."""
    project = tmp_path / "project"
    (project / "content" / "papers").mkdir(parents=True)
    (project / "content" / "topics.yml").write_text("topics: []\n")
    return project
