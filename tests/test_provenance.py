"""provenance.digest: the same digest as the JSON text it has always hashed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from hypothesis import given, strategies as st

from generator import provenance
from generator.matchkeys import _family_names, _spellings, surname_marks


def _as_before(value: object) -> str:
    """The digest as provenance wrote it before its list fast path: json.dumps, compact."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Text(str):
    """A str subclass: not the fast path's, whatever json makes of it."""


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=12,
)


@given(st.lists(_TEXT, max_size=6))
def test_a_list_of_strings_digests_as_its_json(value: list[str]) -> None:
    assert provenance.digest(value) == _as_before(value)


@given(_VALUES)
def test_any_value_digests_as_its_json(value: object) -> None:
    assert provenance.digest(value) == _as_before(value)


def test_known_digests_stay() -> None:
    # Digests an existing imported.json holds must read the same: computed by hand
    # from the JSON text (sha256 of '["Ada","Bob"]' and of '[]', first 16 hex digits).
    assert provenance.digest(["Ada", "Bob"]) == hashlib.sha256(b'["Ada","Bob"]').hexdigest()[:16]
    assert provenance.digest([]) == hashlib.sha256(b"[]").hexdigest()[:16]
    assert provenance.digest(["M\u00fcller", 'a"b\n']) == hashlib.sha256(
        '["M\u00fcller","a\\"b\\n"]'.encode("utf-8")
    ).hexdigest()[:16]
    # A list holding a str subclass or a number takes json's own way, to the same text.
    assert provenance.digest([_Text("x"), 1]) == hashlib.sha256(b'["x",1]').hexdigest()[:16]


@given(st.lists(st.sampled_from(["M\u00fcller, Ada", "Ada M\u00fcller", "others", "Smith, J.", "\u00d8rsted"]) | _TEXT, max_size=4))
def test_surname_marks_as_before(authors: list[str]) -> None:
    expected = frozenset(
        _as_before({"surname": spelling})
        for name in _family_names(authors) for spelling in _spellings(name) if spelling
    )
    assert surname_marks(authors) == expected
    assert surname_marks(authors) == expected  # (again: from the cache)


_VIEWS = st.builds(
    provenance.Seen,
    st.dictionaries(st.sampled_from(["title", "authors", "key", "left out"]), st.frozensets(_TEXT, max_size=3), max_size=4),
    st.frozensets(_TEXT, max_size=3),
    st.booleans(),
    st.sampled_from(["", "other-id"]),
    st.booleans(),
)


def _entry_as_before(seen: provenance.Seen) -> str:
    """An entry as dumps wrote it before its memo: the whole object encoded each time."""
    entry: dict[str, object] = {"deleted": True} if seen.deleted else {}
    entry |= {"fields": {name: sorted(seen.fields[name]) for name in sorted(seen.fields)}, "links": sorted(seen.links)}
    if seen.renamed_to:
        entry["renamed_to"] = seen.renamed_to
    if seen.pending:
        entry["pending"] = True
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


@given(st.dictionaries(_TEXT, _VIEWS, max_size=4), st.booleans(), st.booleans())
def test_dumps_with_its_memo_writes_the_same(views: dict[str, provenance.Seen], pending: bool, deleted: bool) -> None:
    # An import's two writes: the new papers pending, then the same views settled (or
    # found deleted), through one memo; each as the whole encoder writes it.
    memo: provenance.Encoded = {}
    first = {paper_id: replace(seen, pending=pending) for paper_id, seen in views.items()}
    then = {paper_id: replace(seen, pending=False, deleted=deleted) for paper_id, seen in views.items()}
    for written in (first, then, first):
        text = provenance.dumps(written, memo)
        assert text == provenance.dumps(written)
        papers = json.loads(text)["papers"]
        assert {paper_id: json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for paper_id, entry in papers.items()} == {
            paper_id: _entry_as_before(seen) for paper_id, seen in written.items()
        }


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=295, max_size=305) | _TEXT)
def test_a_string_digests_as_its_json_short_or_long_and_again(value: str) -> None:
    # (Short strings' digests are kept: the second call is the kept one.)
    assert provenance.digest(value) == provenance.digest(value) == _as_before(value)


class _Named(str):
    """A str subclass, as a library may hand one (a parser's string type)."""


@given(st.text(st.sampled_from(list("ab\"\\\n\r\t\x00\x1f\x7f\x85\u2028\u2029\ufeffé\U0001f99c")), max_size=8))
def test_a_strings_digest_whatever_its_type_and_the_order_asked(value: str) -> None:
    # A str subclass takes the encoder's way, never the kept digests: an equal str kept
    # first or after gives it no other digest, nor it the str.
    named = _Named(value)
    assert provenance.digest(value) == provenance.digest(named) == provenance.digest(value) == _as_before(value)
    assert provenance.digest(_Named(value + "x")) == provenance.digest(value + "x") == _as_before(value + "x")


@given(st.text(st.sampled_from(list("ab\ud800\udfff")), min_size=1, max_size=8).filter(lambda t: any("\ud800" <= c <= "\udfff" for c in t)))
def test_a_lone_surrogates_digest_fails_as_the_encoder_does(value: str) -> None:
    # (No UTF-8 for it: the digest fails as json's text does, each time, none kept.)
    for _ in range(2):
        try:
            provenance.digest(value)
        except UnicodeEncodeError:
            pass
        else:
            raise AssertionError("a lone surrogate digested")
    try:
        _as_before(value)
    except UnicodeEncodeError:
        return
    raise AssertionError("json's text of a lone surrogate hashed")


def test_the_kept_digests_stay_bounded() -> None:
    # (8,192 strings of at most 300 characters: a few MB however many an import digests.)
    for n in range(10_000):
        provenance.digest(f"title {n}")
    info = provenance._short_digest.cache_info()
    assert info.currsize <= 8192 == info.maxsize
    # An abstract (over 300 characters) is digested without the cache.
    asked = info.hits + info.misses
    assert provenance.digest("t" * 301) == _as_before("t" * 301)
    after = provenance._short_digest.cache_info()
    assert after.hits + after.misses == asked
