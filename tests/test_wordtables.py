"""The word tables readinglist ships: lemminflect's answers, read without loading it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lemminflect import Lemmatizer, getAllLemmas

from generator.lemmas import dictionary_words
from generator.wordtables import DICTIONARY_TABLE, in_dictionary

ROOT = Path(__file__).resolve().parents[1]


def test_the_table_of_the_dictionarys_words_is_lemminflects_answer():
    # After lemminflect changed: python -m generator.lemmas
    shipped = DICTIONARY_TABLE.read_text(encoding="utf-8").split("\n")
    assert shipped[-1] == ""  # (each word on a line of its own, the last too)
    assert shipped[:-1] == dictionary_words()
    # By hand: words of organisations' names and a few forms; names no dictionary holds,
    # a capital, a word with a space or an apostrophe (never a word of such a name).
    assert {"hugging", "face", "common", "crawl", "together", "computer", "park", "young"} <= set(shipped)
    assert not {"sutskever", "jane", "ilya", "vaswani", "Hugging", "under go", "o'clock"} & set(shipped)


def test_in_dictionary_answers_as_lemminflect_for_its_words_and_forms_made_of_them():
    # Every 40th word of its table of forms, and the same with a suffix (some forms it
    # lists, most not), of small letters alone as a name's words are asked.
    listed = sorted(word for word in Lemmatizer()._getLemmaDict() if word.isascii() and word.isalpha())[::40]
    asked = [word.lower() for word in listed] + [
        word.lower() + suffix for word in listed for suffix in ("s", "ed", "ing", "ly", "x")]
    assert sum(map(in_dictionary, asked)) > len(listed) // 2
    assert [word for word in asked if in_dictionary(word) != bool(getAllLemmas(word))] == []


def test_checking_a_paper_with_authors_loads_none_of_lemminflect(tmp_path):
    # (review of cite2: names.read_as_organisation asked lemminflect of every author's
    # words, and `check` of a list with authors, and a build in a new process after an
    # edit of one paper's notes, paid 0.3 s of CPU to load it and numpy, which they had
    # not needed: `check` of the example's 180 papers 0.41-0.43 s, then 0.73-0.74 s.)
    from tests.test_build import FIXTURE, make_project

    root = make_project(tmp_path, FIXTURE)
    (root / "content" / "papers" / "org.yml").write_text(
        "id: org\ntitle: Open Models\nabstract: A.\nauthors:\n  - Hugging Face\n  - Ilya Sutskever\n",
        encoding="utf-8",
    )
    # (the warning said, from the table)
    assert checked_in_a_new_process(root, "'Hugging Face' may be an organisation's") == "True False False\n"


def checked_in_a_new_process(root: Path, *said: str) -> str:
    """`readinglist check` of the project in ``root``, in a process of its own: whether
    it said each of ``said``, then whether it loaded lemminflect and numpy, one line."""
    code = (
        "import sys, contextlib, io; from generator.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):\n"
        f"    main(['--root', {str(root)!r}, 'check'])\n"
        f"print(*[words in out.getvalue() for words in {list(said)!r}], 'lemminflect' in sys.modules,"
        " 'numpy' in sys.modules)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
