"""`readinglist links` as a curator meets it: what it says of every link under `links:`,
and how soon it says the machine is offline."""

from __future__ import annotations

import json


from tests.test_linkcheck import run_links, server, write_paper  # noqa: F401 - a fixture

__all__ = ["server"]


def test_a_link_no_browser_opens_is_reported_at_its_place_not_silently_left_out(server, tmp_path, capsys):
    # "github.com/a/b" (scheme left out) and "htps://..." (a slip) were skipped without a
    # word: "1 links checked: 0 dead", exit 0, for a list with two links no reader can follow.
    base, _ = server
    write_paper(tmp_path, "a", {"code": ["github.com/a/b", f"{base}/ok"], "project": ["htps://a.github.io/x"]})
    summary, report = tmp_path / "summary.md", tmp_path / "dead.json"
    assert run_links(tmp_path, "--summary", str(summary), "--json", str(report)) == 1
    out, err = capsys.readouterr()
    # (write_paper: line 4 "links:", 5 "  code:", 6 and 7 its items, 8 "  project:", 9 its item;
    # the url after "    - url: " starts at column 12.)
    assert out.splitlines() == [
        "content/papers/a.yml:6:12: not a link a browser opens: github.com/a/b; it must be an"
        " absolute http(s) URL: write https://github.com/a/b",
        "content/papers/a.yml:9:12: not a link a browser opens: htps://a.github.io/x; it must be an"
        " http(s) URL, not a 'htps:' URL: write https://a.github.io/x",
    ]
    assert err == "1 links checked (0 from the cache): 2 dead, 0 warning(s).\n"
    dead = json.loads(report.read_text(encoding="utf-8"))["dead"]
    assert [(d["line"], d["url"]) for d in dead] == [(6, "github.com/a/b"), (9, "htps://a.github.io/x")]
    assert "not a link a browser opens: github.com/a/b" in summary.read_text(encoding="utf-8")


def test_a_mail_address_under_links_is_reported_too(tmp_path, capsys):
    write_paper(tmp_path, "a", {"project": ["mailto:someone@example.org"]})
    assert run_links(tmp_path) == 1
    out, _ = capsys.readouterr()
    assert out.startswith("content/papers/a.yml:6:12: not a link a browser opens: mailto:someone@example.org; it must be")
