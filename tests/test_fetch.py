"""fetch.py's words for an answer no program could read (the rest of fetch is tested
through `stars` and `add`, against servers on loopback)."""

from __future__ import annotations

import http.client

import pytest

from generator.fetch import garbled


@pytest.mark.parametrize(("exc", "said"), [
    (http.client.IncompleteRead(b"abc", 96), "a garbled answer (cut short after 3 bytes, 96 more expected)"),
    (http.client.IncompleteRead(b"x" * 2048), "a garbled answer (cut short after 2,048 bytes)"),
    (http.client.BadStatusLine("SSH-2.0-OpenSSH_9.6\r\n"), "a garbled answer (not HTTP: its first line is 'SSH-2.0-OpenSSH_9.6')"),
    (http.client.BadStatusLine(""), "a garbled answer (not HTTP: an empty first line)"),
    (http.client.LineTooLong("header line"), "a garbled answer (got more than 65536 bytes when reading header line)"),
    (http.client.HTTPException(), "a garbled answer (HTTPException)"),
    (ValueError("a deflate answer cut short\nand more"), "a garbled answer (a deflate answer cut short)"),
])
def test_a_garbled_answer_says_what_was_wrong_with_it(exc, said):
    assert garbled(exc) == said


def test_the_address_asked_is_named_when_given():
    assert garbled(ValueError("x"), "https://export.arxiv.org/api/query") == (
        "a garbled answer from https://export.arxiv.org/api/query (x)"
    )
