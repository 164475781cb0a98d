"""search.with_spaced against a plain reading of what it promises, on random entries:
the list's hyphenated words (those some entry writes) that an entry writes with spaces,
halves next to each other apart only by white space, neither end joined by a hyphen to
another word, in a field's text between its markup. with_spaced finds them with set
operations and str.find; the reference reads every run of words a word at a time."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from generator.search import SPACE, SpacedMemo, _escape, fold, spaced_forms, with_spaced

_MARKUP = re.compile(r"<[^>]*>")
_SPACES = re.compile(f"[{SPACE}]+")


def _sections(text: str) -> list[str]:
    return [html.unescape(section) for section in _MARKUP.split(text)]


def _hyphenated(texts: list[str]) -> set[str]:
    return {
        word.lower() for text in texts for section in _sections(text)
        for word in re.findall(r"\b\w+(?:-\w+)+", section)
    }


def _runs(section: str) -> list[list[str]]:
    # Words apart only by white space, lower-cased as a run; a word a hyphen joins to
    # the run's first or last is not in it.
    runs = []
    for match in re.finditer(rf"\b\w+(?:[{SPACE}]+\w+)+", section):
        words = _SPACES.split(match.group().lower())
        if section[match.start() - 1:match.start()] == "-":
            words = words[1:]
        if section[match.end():match.end() + 1] == "-":
            words = words[:-1]
        runs.append(words)
    return runs


def _unaccented(word: str) -> str:
    return "".join(fold(word).lower().split())


def _reference(docs: list[dict]) -> list[dict]:
    shown = [[doc["title"], doc["text"], *doc["tags"]] for doc in docs]
    # (Each half compared without accents: "naive in" is "naïve-in" written with spaces,
    # and indexed as it is written.)
    compounds = sorted({tuple(map(_unaccented, word.split("-"))) for texts in shown for word in _hyphenated(texts)})
    out = []
    for doc, texts in zip(docs, shown):
        forms: dict[str, None] = {}
        for run in (run for text in texts for section in _sections(text) for run in _runs(section)):
            for at in range(len(run)):
                for parts in compounds:
                    written = run[at:at + len(parts)]
                    if tuple(map(_unaccented, written)) == parts:
                        forms.update(dict.fromkeys(spaced_forms("-".join(written))))
        variants = " ".join(filter(None, (doc.get("variants", ""), _escape(" ".join(forms)))))
        out.append({**doc, "variants": variants} if forms else doc)
    return out


# Words (one that lower-cases to two letters, "İ"; a final sigma), each followed by what
# can stand between two: white space most often (U+FEFF is white space to the index, not
# to str.split), a hyphen next, markup, entities (a hyphen's, a no-break space's, "<"'s),
# stray "<" and "&", punctuation.
_WORDS = ["in", "In", "context", "multi", "task", "a", "chain", "of", "thought", "İn", "ΑΣ", "x_1", "naïve", "naive", "NAÏVE", "Naive"]
_BETWEEN = [
    " ", " ", " ", " ", " ", " ", " ", " ", "  ", "\n", "\xa0", "\ufeff", "\u2003", "-", "-", "-", "--", " - ",
    ".", ", ", "(", ")", "'", "<b>", "</i>", '<a href="in-context">', "&amp;", "&#45;", "&nbsp;", "&lt;",
    "<", ">", "&", "\x1c", "\u200b",
]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_BETWEEN)), max_size=12).map(
    lambda pairs: "".join(word + between for word, between in pairs)
)
_DOC = st.builds(
    lambda title, text, tags, variants: {"title": title, "text": text, "tags": tags, **variants},
    _TEXT, _TEXT, st.lists(_TEXT, max_size=2), st.sampled_from([{}, {"variants": "multitask"}]),
)


@given(st.lists(_DOC, min_size=1, max_size=4))
def test_with_spaced_finds_what_a_word_by_word_reading_finds(docs):
    assert with_spaced(docs) == _reference(docs)


@given(st.lists(_DOC, min_size=1, max_size=3), st.lists(_DOC, min_size=1, max_size=3))
def test_with_spaced_kept_between_builds_finds_what_a_fresh_one_finds(before, after):
    memo = SpacedMemo()
    with_spaced(before, memo)
    assert with_spaced(after, memo) == _reference(after)
