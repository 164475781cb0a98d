"""`readinglist links` as a curator meets it: what it says of every link under `links:`,
and how soon it says the machine is offline."""

from __future__ import annotations

import json
import socket

from generator import linkcheck
from generator.linkcheck import Answer, FetchError, Outcome

from tests.test_linkcheck import fake_fetch, run_links, server, write_paper  # noqa: F401 - a fixture

__all__ = ["server"]

# What is said of write_paper's first link "github.com/a/b" (its line 6).
NO_SCHEME = (
    "content/papers/a.yml:6:12: not a link a browser opens: github.com/a/b; it must be an"
    " absolute http(s) URL: write https://github.com/a/b"
)


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
        NO_SCHEME,
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


def test_offline_each_host_is_asked_once_so_offline_is_said_at_once(tmp_path, capsys, monkeypatch):
    # Offline, each of 40 GitHub links was asked twice (HEAD, then GET), a --delay apart:
    # 80 name lookups and 79 s before "this machine seems to be offline".
    looked_up: list[str] = []

    def no_dns(host, *args, **kwargs):
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    write_paper(tmp_path, "a", {"code": [f"https://github.com/lab/repo{i}" for i in range(40)]})
    write_paper(tmp_path, "b", {"project": ["https://lab.example.org/", "https://lab.example.org/b"]})
    assert run_links(tmp_path, "--delay", "1") == 2
    assert sorted(looked_up) == ["github.com", "lab.example.org"]
    assert "none of the 42 links checked answered at all" in capsys.readouterr().err


def test_a_host_whose_name_is_not_found_fails_alike_for_its_other_links_and_redirects():
    gone = FetchError("host name not found (DNS)", no_host=True)
    fetch, calls = fake_fetch(
        {
            **{("HEAD", f"https://gone.example/{i}"): gone for i in range(3)},
            ("*", "https://ok.example/to-gone"): Answer(301, "https://gone.example/new"),
        }
    )
    urls = [f"https://gone.example/{i}" for i in range(3)] + ["https://ok.example/to-gone"]
    results = linkcheck.check_all(urls, fetch, concurrency=1, delay=0, checked="t")
    assert calls == [("HEAD", "https://gone.example/0"), ("HEAD", "https://ok.example/to-gone")]
    assert {url: (r.outcome, r.detail) for url, r in results.items()} == {
        **{f"https://gone.example/{i}": (Outcome.DEAD, "host name not found (DNS)") for i in range(3)},
        "https://ok.example/to-gone": (
            Outcome.DEAD, "host name not found (DNS) (after redirect to https://gone.example/new)"
        ),
    }


def test_offline_the_links_judged_from_the_file_alone_are_still_reported_first(tmp_path, capsys, monkeypatch):
    # Offline, "github.com/a/b" (no scheme) went unsaid: the run stopped at "offline"
    # though that link needs no network to be known dead.
    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    write_paper(tmp_path, "a", {"code": ["github.com/a/b", *(f"https://h{i}.example.org/" for i in range(5))]})
    summary, report = tmp_path / "summary.md", tmp_path / "dead.json"
    assert run_links(tmp_path, "--summary", str(summary), "--json", str(report)) == 2
    out, err = capsys.readouterr()
    assert out.splitlines() == [NO_SCHEME]
    assert err == (
        "readinglist links: none of the 5 links checked answered at all (no connection or no DNS): this"
        " machine seems to be offline; no link it asked was judged, run it again online\n"
    )
    written = summary.read_text(encoding="utf-8")
    assert "not a link a browser opens: github.com/a/b" in written and "seems to be offline" in written
    assert not report.exists()  # as README says: offline, no --json file


def test_too_few_links_to_say_offline_are_said_to_have_had_no_answer_at_all(tmp_path, capsys, monkeypatch):
    # A list just started, checked on a machine off the network: its four links (fewer
    # than the five that make a run say "offline") were each told "dead link", exit 1,
    # and nothing said that not one server had answered: a curator could remove them all.
    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    write_paper(tmp_path, "a", {"code": [f"https://h{i}.example.org/" for i in range(4)]})
    assert run_links(tmp_path) == 1  # (as README says: fewer than five are judged)
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4 and all("dead link" in line for line in out.splitlines())
    assert err.splitlines() == [
        "4 links checked (0 from the cache): 4 dead, 0 warning(s).",
        "warning: not one server answered the 4 link(s) asked (no connection or no DNS): if this"
        " machine is offline, they may not be dead; run it again online before removing any",
    ]


def test_too_few_links_to_say_offline_warn_in_the_summary_and_the_json_report_too(tmp_path, capsys, monkeypatch):
    # The warning above went to the terminal only: a CI job's summary said "4 dead" and
    # the --json report listed four dead links, with nothing to tell a script or a reader
    # that not one server had answered.
    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    write_paper(tmp_path, "a", {"code": [f"https://h{i}.example.org/" for i in range(4)]})
    summary, report = tmp_path / "summary.md", tmp_path / "dead.json"
    assert run_links(tmp_path, "--summary", str(summary), "--json", str(report)) == 1
    capsys.readouterr()
    lines = summary.read_text(encoding="utf-8").splitlines()
    # After the counts, before the table: the reader sees it before the four rows.
    assert lines[2:5] == [
        "4 distinct links in 4 places: 0 ok, 4 dead, 0 moved, 0 rate-limited, 0 failing, 0 refused to scripts.",
        "",
        "**Warning:** not one server answered the 4 link(s) asked (no connection or no DNS): if this"
        " machine is offline, they may not be dead; run it again online before removing any.",
    ]
    assert lines[6] == "| Where | Problem |"
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["no_server_answered"] is True
    # The fields a script already read are as before: four dead links, none unchecked.
    assert (written["version"], written["links"], written["unchecked"]) == (1, 4, 0)
    assert [d["url"] for d in written["dead"]] == [f"https://h{i}.example.org/" for i in range(4)]


def test_a_run_where_one_server_answered_says_nothing_of_being_offline(server, tmp_path, capsys, monkeypatch):
    base, _ = server
    real = socket.getaddrinfo

    def no_dns_but_local(host, *args, **kwargs):
        if host.endswith(".example.org"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_dns_but_local)
    write_paper(tmp_path, "a", {"code": ["https://gone.example.org/", f"{base}/ok"]})
    summary, report = tmp_path / "summary.md", tmp_path / "dead.json"
    assert run_links(tmp_path, "--summary", str(summary), "--json", str(report)) == 1
    _, err = capsys.readouterr()
    assert err == "2 links checked (0 from the cache): 1 dead, 0 warning(s).\n"
    assert "Warning" not in summary.read_text(encoding="utf-8")
    assert json.loads(report.read_text(encoding="utf-8"))["no_server_answered"] is False
