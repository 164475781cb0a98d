"""The import report's lines (generator/importreport.py): curator text as written."""

from __future__ import annotations

from generator.importreport import Reauthored, Recased


def test_a_retitled_record_s_title_and_key_are_said_as_written():
    # (curator importing BibTeX: the report said '$\\\\alpha$-nets' and the citation key
    # 'lab\\\\2020' of what the file writes '$\\alpha$-nets', 'lab\\2020')
    line = str(Recased("alpha-nets", "$\\alpha$-nets, again", "$\\alpha$-nets", key="lab\\2020"))
    assert line == (
        "title: alpha-nets now '$\\alpha$-nets, again' (was '$\\alpha$-nets': its source record"
        " 'lab\\2020' was retitled; the id stays alpha-nets: 'readinglist rename' renames it)"
    )


def test_an_author_s_name_is_said_as_written():
    line = str(Reauthored("p", ("J. M\\\"uller", "A. Smith"), ("J. Muller", "A. Smith"), "lab2020"))
    assert line == "authors: p now 'J. M\\\"uller' for 'J. Muller' (its source record 'lab2020' was corrected)"
