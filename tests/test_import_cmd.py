"""`readinglist import` as a curator runs it: what it prints, and how it ends on a problem."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
HEAD = "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
SUMMARY = (
    "1 record(s): 1 added, 0 updated, 0 unchanged; of which 0 duplicate(s) merged; 0 conflict(s), "
    "0 link(s) found\n"
)


@pytest.fixture(autouse=True)
def project(tmp_path):
    """tmp_path is a project folder (import refuses any other), with no content/ yet."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")


def test_inside_a_project_folder_the_message_names_the_project(tmp_path, capsys):
    # A shell left in content/papers/ after editing a file: "run the import in the
    # project folder" did not say that the project is two folders up.
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    assert main(["--root", str(papers), "import", str(bib)]) == 1
    assert list(papers.iterdir()) == []
    assert capsys.readouterr().err.endswith(
        f" (this folder is inside the project {tmp_path}, which --root should name)\n"
    )


def test_outside_a_project_folder_nothing_is_created_and_the_message_says_where_to_run(tmp_path):
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    bib = elsewhere / "lab.bib"
    bib.write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import", str(bib)],
        cwd=elsewhere, capture_output=True, text=True,
    )
    assert done.returncode == 1
    assert sorted(p.name for p in elsewhere.iterdir()) == ["lab.bib"]
    assert done.stderr == (
        f"readinglist import: {elsewhere} is no readinglist project (it has no mkdocs.yml and"
        " no content/ folder): run readinglist import in the project folder or name it with --root"
        " PATH (to start a list in this folder, create content/ in it first)\n"
    )
    # A folder with content/ alone is a list started by hand: imported into.
    (elsewhere / "content").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "import", "-q", str(bib)],
        cwd=elsewhere, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "content" / "papers" / "a-paper.yml").is_file()


def test_quiet_prints_only_the_summary_line(tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.")
    assert main(["--root", str(tmp_path), "import", "-q", str(listing)]) == 0
    assert capsys.readouterr() == (SUMMARY, "")
    # The copy is still kept, only not announced.
    assert (tmp_path / "content" / "sources" / "list.txt").read_bytes() == listing.read_bytes()


def test_a_list_of_papers_on_hugging_face_in_an_abstract_is_imported_as_a_project_page(tmp_path):
    # "huggingface.co/papers/trending" (or papers/date/..., a bare papers) is one of the
    # site's lists of papers, no paper's page: it was filed under "paper:" links. Only an
    # arXiv id after papers/ names a paper there.
    listing = tmp_path / "list.txt"
    listing.write_text(
        HEAD + "SubscribeFirst Paper\nWe rank the papers of"
        " https://huggingface.co/papers/trending and https://hf.co/papers/date/2024-01-01,"
        " as https://huggingface.co/papers/2401.12345 does.\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", str(listing)]) == 0
    written = (tmp_path / "content" / "papers" / "first-paper.yml").read_text()
    links = yaml.safe_load(written)["links"]
    assert [link["url"] for link in links["project"]] == [
        "https://huggingface.co/papers/trending", "https://hf.co/papers/date/2024-01-01"]
    assert [link["url"] for link in links["paper"]] == ["https://huggingface.co/papers/2401.12345"]


def test_quiet_still_prints_warnings(tmp_path, capsys):
    bib = tmp_path / "lab.bib"
    bib.write_text("@misc{x,\n  title = {First Paper},\n  year = {forthcoming},\n}\n")
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    assert capsys.readouterr() == (
        SUMMARY,
        f"{bib}:3:11: warning: year 'forthcoming' is not understood (expected a year such as "
        "2019); the paper gets no year from this entry\n"
        # (and the notes, as papers added without a year: test_papers_added_without_a_year...)
        "note: 1 paper this import added has no year (first-paper): write 'year:' in its file,"
        " or give its record a year and import it again; readinglist gaps --field year lists"
        " every paper without one\n",
    )


def test_without_quiet_the_kept_copy_and_the_new_paper_are_announced(tmp_path, capsys):
    listing = tmp_path / "list.txt"
    listing.write_text(HEAD + "SubscribeFirst Paper\nFirst abstract.")
    assert main(["--root", str(tmp_path), "import", str(listing)]) == 0
    kept = tmp_path / "content" / "sources" / "list.txt"
    assert capsys.readouterr().out == (
        f"kept a copy of {listing} as {kept}\nadded first-paper\n" + SUMMARY
    )


def test_a_broken_bibtex_file_is_reported_once_at_its_line_and_nothing_imported(tmp_path):
    # A new process: pytest's own log capture would hide what bibtexparser logs.
    bib = tmp_path / "broken.bib"
    bib.write_text(
        "@misc{ok, title = {Fine}}\n\n@misc{bad,\n  title = \"oops,\n  year = 2020\n}\n"
        "@article{next, title = {Other}}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "import", str(bib)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{bib}:4:3: the value of 'title' opens a double quote it does not close (so the"
        " entry cannot be read); close it with '\"'\n"
        "1 error; nothing was imported.\n"
    )
    assert not (tmp_path / "content").exists()


def test_a_bibtex_entry_without_a_title_is_skipped_with_a_warning_as_a_ris_record_is(tmp_path, capsys):
    # (It was an error that stopped the whole import: one broken entry of a lab's 300
    # kept the other 299 out, where RIS's record without a title was skipped.) No title,
    # an empty one and one of braces and spaces alike: each said at its head by its key,
    # nothing written for it, the rest imported, exit status 0 as for RIS.
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@misc{first, title = {First Paper}, year = 2020}\n"
        "@article{untitled, author = {Doe, Jane}, year = 2021}\n"
        "@misc{empty, title = {}, year = 2021}\n"
        "@misc{braces, title = { {} { } }, year = 2021}\n"
        "@misc{third, title = {Third Paper}, year = 2022}\n"
    )
    ris = tmp_path / "lab.ris"
    ris.write_text("TY  - JOUR\nAU  - Doe, Jane\nER  - \nTY  - JOUR\nTI  - A Ris Paper\nPY  - 2020\nER  - \n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib), str(ris)]) == 0
    skipped = "has no title; skipped, nothing imported from it: give it one (title = {...}) to import it, or delete the entry"
    assert capsys.readouterr().err.splitlines() == [
        f"{bib}:2:1: warning: BibTeX entry 'untitled' {skipped}",
        f"{bib}:3:1: warning: BibTeX entry 'empty' {skipped}",
        f"{bib}:4:1: warning: BibTeX entry 'braces' {skipped}",
        f"{ris}:1:1: warning: RIS record (JOUR) has no title (TI or T1); skipped, nothing imported"
        " from it: give it one (a line 'TI  - ...') to import it, or delete the record",
    ]  # (and not again in a note each kind: fix19)
    papers = tmp_path / "content" / "papers"
    assert sorted(p.name for p in papers.iterdir()) == ["a-ris-paper.yml", "first-paper.yml", "third-paper.yml"]
    assert "Doe" not in "".join(p.read_text() for p in papers.iterdir())


def test_an_input_from_a_pipe_is_kept_as_it_was_read(tmp_path):
    # `cat lab.bib | readinglist import /dev/stdin`: the copy kept for provenance was
    # read a second time, after the import had drained the pipe, and kept empty.
    bib = b"@article{a, title = {Piped Paper}, year = {2020}}\n"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "import", "/dev/stdin"],
        input=bib, capture_output=True, check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "content" / "papers" / "piped-paper.yml").exists()
    kept = tmp_path / "content" / "sources" / "stdin"
    assert kept.read_bytes() == bib


def _import_stdin(tmp_path, data: bytes, *paths: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "import", *(paths or ("-",))],
        input=data, capture_output=True, check=False, cwd=ROOT,
    )


def test_dash_reads_a_pasted_entry_from_standard_input(tmp_path):
    # (a curator pasting BibTeX from a paper's page: the import wanted a file saved first)
    bib = b"@article{a, title = {Pasted Paper}, year = {2020}}\n"
    done = _import_stdin(tmp_path, bib)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "content" / "papers" / "pasted-paper.yml").exists()
    assert (tmp_path / "content" / "sources" / "stdin.bib").read_bytes() == bib
    assert b"kept a copy of <stdin> as " in done.stdout
    # A second paste is kept beside the first, under a name of its own.
    other = b"@misc{b, title = {Another Pasted Paper}}\n"
    assert _import_stdin(tmp_path, other).returncode == 0
    kept = sorted(p.name for p in (tmp_path / "content" / "sources").glob("stdin*"))
    assert len(kept) == 2 and "stdin.bib" in kept
    assert [name for name in kept if name != "stdin.bib"][0].startswith("stdin-")


def test_dash_reads_pasted_ris_and_keeps_it_as_ris(tmp_path):
    # (a paper's page offers "Export citation: RIS" as often as BibTeX)
    ris = b"TY  - CONF\r\nTI  - Pasted Paper\r\nAU  - Doe, Jane\r\nPY  - 2020\r\nER  - \r\n"
    done = _import_stdin(tmp_path, ris)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "content" / "papers" / "pasted-paper.yml").exists()
    assert (tmp_path / "content" / "sources" / "stdin.ris").read_bytes() == ris


def test_a_pasted_markdown_list_that_ends_with_its_citation_is_imported_as_a_list(tmp_path):
    # (it was the one BibTeX entry of its "Citation" section, its papers left out)
    listed = (
        b"# Awesome X\n\n- [Paper A](https://arxiv.org/abs/2101.00001) - NeurIPS 2021\n"
        b"- [Paper B](https://arxiv.org/abs/2101.00002) - ICML 2021\n\n"
        b"## Citation\n\n```bibtex\n@misc{us2024, title={Awesome X}, year={2024}}\n```\n"
    )
    done = _import_stdin(tmp_path, listed)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "content" / "papers").iterdir()) == ["paper-a.yml", "paper-b.yml"]
    assert (tmp_path / "content" / "sources" / "stdin.md").read_bytes() == listed


def test_a_mistake_in_standard_input_is_said_at_its_line_and_dash_is_read_once(tmp_path):
    done = _import_stdin(tmp_path, b"@article{bad,\n  title={Broken\n")
    assert done.returncode == 1
    assert done.stderr.decode().startswith("<stdin>:2:3: the value of 'title' opens a brace")
    assert not (tmp_path / "content" / "papers").exists() or not any(
        (tmp_path / "content" / "papers").iterdir()
    )
    twice = _import_stdin(tmp_path, b"", "-", "-")
    assert twice.returncode == 1
    assert twice.stderr == b"readinglist import: - (standard input) can be read only once\n"


def test_a_reimport_names_each_field_a_curator_edited_and_kept(tmp_path, capsys):
    # (curator review: the edit was kept, but nothing said so, so it looked lost or ignored)
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@article{a, title = {Deep Residual Learning}, author = {He, Kaiming},"
        " year = {2016}, journal = {CVPR}, abstract = {A residual framework.}}\n"
        "@article{b, title = {Another Paper}, year = {2019}}\n"
    )
    args = ["--root", str(tmp_path), "import", "--no-keep-source", str(bib)]
    assert main(args) == 0
    capsys.readouterr()
    path = tmp_path / "content" / "papers" / "deep-residual-learning.yml"
    text = path.read_text()
    edited = (
        text.replace("title: Deep Residual Learning", "title: ResNet")
        .replace("year: 2016", "year: 2015")
        .replace("venue: CVPR\n", "")  # a deletion: kept too, as README says, but no edit to name
    )
    path.write_text(edited)
    assert main(args) == 0
    out, err = capsys.readouterr()
    lines = edited.splitlines()
    title, year = lines.index("title: ResNet") + 1, lines.index("year: 2015") + 1
    # Warnings, as the other warnings and the conflicts: at their place, on stderr.
    assert out == (
        "2 record(s): 0 added, 0 updated, 2 unchanged; of which 0 duplicate(s) merged; 0 conflict(s),"
        " 0 link(s) found\n"
    )
    assert err == (
        f"{path}:{title}:8: warning: kept your title (the source"
        " has 'Deep Residual Learning')\n"
        f"{path}:{year}:7: warning: kept your year (the source has"
        " '2016')\n"
    )
    assert path.read_text() == edited
    assert main([*args, "-q"]) == 0  # (-q: the summary line, warnings and conflicts only)
    assert capsys.readouterr() == (out, err)


def test_a_value_another_source_gave_is_no_edit_to_name(tmp_path, capsys):
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@article{a, title = {One Title}, doi = {10.1234/x}, year = {2020}}\n")
    second.write_text("@article{b, title = {Another Title}, doi = {10.1234/x}, year = {2020}}\n")
    for source in (first, second, first, second):
        assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(source)]) == 0
    out, err = capsys.readouterr()
    # the second source's title is a conflict once; then neither is said again
    assert "kept your" not in out + err
    assert err.count("conflict in title") == 1


def test_many_kept_edits_are_listed_up_to_ten_and_counted(capsys):
    from generator.conflicts import Kept
    from generator.errors import Location
    from generator.importreport import ImportReport
    from generator.commands.import_cmd import print_report

    report = ImportReport(records=12, unchanged=[f"p{n}" for n in range(12)])
    report.kept = [Kept(Location(f"content/papers/p{n:02}.yml", 2, 8), "title", "Mine", "Theirs") for n in range(12)]
    print_report(report, quiet=False, again="readinglist import lab.bib")
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[:10] == [
        f"content/papers/p{n:02}.yml:2:8: warning: kept your title (the source has 'Theirs')" for n in range(10)
    ]
    assert lines[10:] == ["... and 2 more of your edits kept likewise"]
    assert out.splitlines() == [report.summary()]


def test_many_titles_recapitalised_at_their_source_are_listed_up_to_ten_and_counted(capsys):
    # (A curator who recapitalises a whole Zotero library and exports it again.)
    from generator.conflicts import Recapitalised
    from generator.errors import Location
    from generator.importreport import ImportReport
    from generator.commands.import_cmd import print_report

    report = ImportReport(records=12, unchanged=[f"p{n}" for n in range(12)])
    report.recapitalised = [
        Recapitalised(f"p{n}", Location(f"content/papers/p{n:02}.yml", 2, 8), "A Title", Location("z.bib", n + 1, 1))
        for n in range(12)
    ]
    print_report(report, quiet=False, again="readinglist import z.bib")
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"content/papers/p{n:02}.yml:2:8: note: title: z.bib:{n + 1}:1 writes it 'A Title' (only capitals"
        " differ); kept as the file has it" for n in range(10)
    ] + ["... and 2 more titles whose source writes them only in other capitals, kept likewise"]
    assert out.splitlines() == [report.summary()]


def test_a_file_named_dash_is_read_as_a_file_when_written_dot_slash_dash(tmp_path):
    # `./-` is how a file named "-" is told from standard input (as cat and tar take it):
    # the import read standard input for it, and said "<stdin>: the file is empty".
    (tmp_path / "content").mkdir()
    named = tmp_path / "-"
    named.write_bytes(b"@article{a, title = {Paper In A Dash File}, year = {2020}}\n")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "import", "./-"],
        input=b"", capture_output=True, check=False, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "content" / "papers" / "paper-in-a-dash-file.yml").exists()
    # The command to run again (after a deletion) names the file, not standard input.
    from generator.commands.import_cmd import STDIN, _shown

    assert _shown([Path("-"), STDIN, Path("-x.bib")]) == "./- - ./-x.bib"


def test_a_kept_arxiv_answer_warns_of_a_withdrawn_paper_at_its_entry_as_add_did(tmp_path, capsys):
    # Before, `add` warned of a withdrawn paper and the import of the very answer it kept
    # said nothing: imported on another machine, the withdrawal went unnoticed.
    data = ROOT / "tests" / "data" / "add"
    feed = tmp_path / "arxiv-2101.00001-and-1-more.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        + (data / "withdrawn-drugs-entry.xml").read_text()  # not withdrawn: it studies withdrawals
        + (data / "withdrawn-entry.xml").read_text()
        + "</feed>\n"
    )
    line = next(n for n, text in enumerate(feed.read_text().splitlines(), 1) if "2101.00001v2</id>" in text)
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(feed)]) == 0
    warnings = [text for text in capsys.readouterr().err.splitlines() if "withdrawn" in text]
    assert warnings == [
        f'{feed}:{line}:1: warning: arXiv says the paper was withdrawn ("This paper has been withdrawn by the'
        ' author due to a crucial error in the evaluation script"); taken as arXiv has it: remove it if the'
        " list should not show it (its text is in the version before, https://arxiv.org/abs/2101.00001v1)",
    ]


def test_a_duplicate_in_the_input_is_counted_once_in_the_summary(tmp_path, capsys):
    # A Zotero export with the same paper twice: the second record names the paper the
    # first added, and is the duplicate merged; it was counted as both, side by side,
    # so that the counts added up to more records than the file has.
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@article{lecun1998, title = {Gradient-Based Learning Applied to Document Recognition},"
        " journal = {Proceedings of the IEEE}, year = {1998}, doi = {10.1109/5.726791}}\n"
        "@article{he2016, title = {Deep Residual Learning}, year = {2016}}\n"
        "@article{lecun1998a, title = {Gradient-Based Learning Applied to Document Recognition},"
        " journal = {Proc. IEEE}, year = {1998}, doi = {10.1109/5.726791}}\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    out, err = capsys.readouterr()
    # 2 added + 1 naming a paper another names = the 3 records; the duplicate is one of
    # them, and the conflict (a field) no record.
    assert out == (
        "3 record(s): 2 added, 0 updated, 0 unchanged, 1 naming a paper another record names;"
        " of which 1 duplicate(s) merged; 1 conflict(s), 0 link(s) found\n"
    )
    assert f"{bib}:3:1 says 'Proc. IEEE'" in err


SCHOLAR = (
    "@article{vaswani2017attention, title={Attention is all you need}, author={Vaswani, Ashish},"
    " journal={Advances in neural information processing systems}, year={2017}}\n"
    "@inproceedings{devlin2019bert, title={Bert: Pre-training of deep bidirectional transformers"
    " for language understanding}, author={Devlin, Jacob}, year={2019}}\n"
    "@article{radford2019language, title={Language models are unsupervised multitask learners},"
    " author={Radford, Alec}, year={2019}}\n"
    # (sentence case with its capitals: no sign of Scholar's lowering)
    "@article{smith2020gnn, title={Learning with GNNs on CIFAR-10 images}, author={Smith, Jo}, year={2020}}\n"
)
DBLP = (
    "@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17, title={Attention is All you Need},"
    " author={Ashish Vaswani}, year={2017}}\n"
)


def _lowered_notice(err: str) -> list[str]:
    return [line for line in err.splitlines() if "in lower case" in line]


def test_titles_google_scholar_lowered_are_counted_in_one_notice(tmp_path, capsys):
    # (Curator: Scholar's "Attention is all you need" stayed so, and nothing said it;
    # README did.) One line, quiet or not, naming what to do; not for a title whose
    # capitals are there, nor for one another source of the same import gave capitals.
    scholar, dblp = tmp_path / "scholar.bib", tmp_path / "dblp.bib"
    scholar.write_text(SCHOLAR)
    dblp.write_text(DBLP)
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(scholar), str(dblp)]) == 0
    out, err = capsys.readouterr()
    assert "Attention is All you Need" in (
        tmp_path / "content" / "papers" / "attention-is-all-you-need.yml"
    ).read_text()
    # (Scholar lowers venues too: Vaswani's, which DBLP's record does not give, is counted.)
    assert _lowered_notice(err) == [
        "note: 2 titles and 1 venue this import wrote are in lower case but for their first"
        " letters, as Google Scholar exports them ('Bert: Pre-training of deep bidirectional"
        " transformers for language understanding'; 'Language models are unsupervised multitask"
        " learners'; 'Advances in neural information processing systems'):"
        " write their capitals in the papers' files, which no import rewrites; a source that"
        " has them (DBLP's, arXiv's or the publisher's BibTeX) gives them only in the same"
        " import as this one (e.g. readinglist import scholar.bib dblp.bib), and later only a"
        " title's acronym's ('Bert' as 'BERT')"
    ]
    assert out.count("\n") == 1  # (the summary line alone)
    one = tmp_path / "one"
    one.mkdir()
    (one / "mkdocs.yml").write_text("site_name: Lab\n")
    scholar.write_text(SCHOLAR.split("@inproceedings")[0])  # (Vaswani alone)
    assert main(["--root", str(one), "import", "--no-keep-source", str(scholar)]) == 0
    assert [line.split(" ('")[0] for line in _lowered_notice(capsys.readouterr().err)] == [
        "note: 1 title and 1 venue this import wrote are in lower case but for their first"
        " letters, as Google Scholar exports them"
    ]
    # A venue alone, of a title with its capitals; the same venue of two papers once.
    two = tmp_path / "two"
    two.mkdir()
    (two / "mkdocs.yml").write_text("site_name: Lab\n")
    venue = "booktitle={Proceedings of the IEEE conference on computer vision and pattern recognition}"
    cvpr = tmp_path / "cvpr.bib"
    cvpr.write_text(
        f"@inproceedings{{he2016deep, title={{Deep Residual Learning for Image Recognition}}, {venue}, year={{2016}}}}\n"
        f"@inproceedings{{redmon2016you, title={{You Only Look Once: Unified, Real-Time Detection}}, {venue}, year={{2016}}}}\n"
    )
    assert main(["--root", str(two), "import", "--no-keep-source", str(cvpr)]) == 0
    assert _lowered_notice(capsys.readouterr().err) == [
        "note: 1 venue this import wrote is in lower case but for its first letters, as Google"
        " Scholar exports them ('Proceedings of the IEEE conference on computer vision and"
        " pattern recognition'): write its capitals in the papers' files, which no import"
        " rewrites; a source that has them (DBLP's, arXiv's or the publisher's BibTeX) gives"
        " them only in the same import as this one (e.g. readinglist import scholar.bib"
        " dblp.bib), and later only a title's acronym's ('Bert' as 'BERT')"
    ]
    # A review: Scholar keeps a place's or a people's name in a venue it lowers (BERT's
    # "... North American chapter of the association ..."), which went uncounted; a venue
    # whose lower-case words (but "of", "the"...) outnumber its capitalised ones, and are
    # two at least, is so lowered: a venue's own name has its words in capitals. One
    # written so, its acronym apart ("Proceedings of the IEEE", "Journal of the ACM", a
    # journal's own names), was counted, and is not.
    three = tmp_path / "three"
    three.mkdir()
    (three / "mkdocs.yml").write_text("site_name: Lab\n")
    naacl = (
        "Proceedings of the 2019 conference of the North American chapter of the association for"
        " computational linguistics: human language technologies, volume 1 (long and short papers)"
    )
    venues = tmp_path / "venues.bib"
    venues.write_text(
        f"@inproceedings{{devlin2019bert, title={{BERT: Pre-training}}, booktitle={{{naacl}}}, year={{2019}}}}\n"
        "@inproceedings{carion2020end, title={End-to-End Object Detection with Transformers},"
        " booktitle={European conference on computer vision}, year={2020}}\n"
        "@article{lecun1998gradient, title={Gradient-Based Learning}, journal={Proceedings of the IEEE}, year={1998}}\n"
        "@article{valiant1984theory, title={A Theory of the Learnable}, journal={Journal of the ACM}, year={1984}}\n"
        "@inproceedings{kipf2017semi, title={Semi-Supervised Classification}, booktitle={International"
        " Conference on Learning Representations}, year={2017}}\n"
        "@article{smith2020lab, title={A Lab Report}, journal={Annual Report of the Machine learning Group}, year={2020}}\n"
    )
    assert main(["--root", str(three), "import", "-q", "--no-keep-source", str(venues)]) == 0
    notice = _lowered_notice(capsys.readouterr().err)
    assert [line.split(" ('")[0] for line in notice] == [
        "note: 2 venues this import wrote are in lower case but for their first letters, as Google"
        " Scholar exports them"
    ]
    assert f"({naacl!r}; …)" in notice[0]
    # A journal's own sentence case, exported by Zotero or the publisher (another key than
    # Scholar's): how the paper is spelt, nothing to tell.
    journal = tmp_path / "nature.bib"
    journal.write_text(
        "@article{Silver_2016, title={Mastering the game of chess with deep neural networks and"
        " tree search}, author={Silver, David}, journal={Nature}, year={2016}}\n"
        "@article{doi:10.1038/nature14539, title={Deep learning in the wild and elsewhere},"
        " author={LeCun, Yann}, journal={Nature}, year={2015}}\n"
    )
    assert main(["--root", str(one), "import", "-q", "--no-keep-source", str(journal)]) == 0
    assert _lowered_notice(capsys.readouterr().err) == []
    # Imported again, unchanged: nothing written, nothing to tell.
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(scholar)]) == 0
    assert _lowered_notice(capsys.readouterr().err) == []


@pytest.mark.parametrize("title, counted", [
    # Scholar lowers a name's capitals in a title too, as its export of AlphaGo Zero writes
    # it (journal "nature", publisher "Nature Publishing Group UK London"; "Playing atari
    # with deep reinforcement learning" so too): counted. A title under Scholar's key that
    # keeps the name's capital, Nature's own sentence case, was written by someone else
    # (a hand, or another tool's key of Scholar's form), and its capitals are there.
    ("Mastering the game of go without human knowledge", True),
    ("Mastering the game of Go without human knowledge", False),
])
def test_a_title_that_keeps_a_names_capital_is_not_what_scholar_lowered(tmp_path, capsys, title, counted):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "scholar.bib"
    bib.write_text(
        f"@article{{silver2017mastering, title={{{title}}}, author={{Silver, David and others}},"
        " journal={nature}, volume={550}, year={2017}, publisher={Nature Publishing Group UK London}}\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    notice = _lowered_notice(capsys.readouterr().err)
    assert [line.split(" ('")[0] for line in notice] == (
        ["note: 1 title this import wrote is in lower case but for its first letters, as Google Scholar exports them"]
        if counted else []
    )


@pytest.mark.parametrize("entry, counted", [
    # A review: a title of fewer than three words Scholar lowered went uncounted: one of
    # two is counted, of a conference's paper ("Segment Anything", "Mask R-CNN") or a
    # book's, not of a journal's, whose sentence case is how it is spelt (Nature's "Deep
    # learning"), nor under another tool's key, nor of one word (nothing shows lowered).
    ("@inproceedings{kirillov2023segment, title={Segment anything}, booktitle={Proceedings of the"
     " IEEE/CVF International Conference on Computer Vision}, year={2023}}", True),
    ("@inproceedings{he2017mask, title={Mask r-cnn}, booktitle={Proceedings of the IEEE"
     " international conference on computer vision}, year={2017}}", True),
    ("@book{goodfellow2016deep, title={Deep learning}, publisher={MIT press}, year={2016}}", True),
    ("@article{lecun2015deep, title={Deep learning}, journal={nature}, volume={521}, year={2015}}", False),
    ("@inproceedings{Kirillov_2023, title={Segment anything}, booktitle={ICCV}, year={2023}}", False),
    ("@inproceedings{vaswani2017transformers, title={Transformers}, booktitle={ICCV}, year={2017}}", False),
])
def test_a_scholar_title_of_two_words_is_counted_unless_a_journals(tmp_path, capsys, entry, counted):
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    bib = tmp_path / "scholar.bib"
    bib.write_text(entry + "\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    notice = _lowered_notice(capsys.readouterr().err)
    assert [line.split(" ('")[0].startswith("note: 1 title") for line in notice] == ([True] if counted else [])


def test_a_venue_scholar_lowered_is_counted_when_its_record_joins_a_paper_another_tools_made(tmp_path, capsys):
    # (The lowered title or venue is looked for only in papers a record of Scholar's key
    # was merged into, perf65: here the second record of the paper, matched by its DOI
    # to the paper DBLP's record made in the same import, fills the venue DBLP's lacks.)
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    dblp, scholar = tmp_path / "dblp.bib", tmp_path / "scholar.bib"
    dblp.write_text(
        "@misc{DBLP:journals/corr/RonnebergerFB15, title={U-Net: Convolutional Networks for Biomedical"
        " Image Segmentation}, author={Olaf Ronneberger}, year={2015}, doi={10.1007/978-3-319-24574-4_28}}\n"
    )
    scholar.write_text(
        "@inproceedings{ronneberger2015u, title={U-net: convolutional networks for biomedical image"
        " segmentation}, author={Ronneberger, Olaf}, booktitle={International conference on medical image"
        " computing and computer-assisted intervention}, year={2015}, doi={10.1007/978-3-319-24574-4_28}}\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(dblp), str(scholar)]) == 0
    text = (tmp_path / "content" / "papers" / "u-net-convolutional-networks-for-biomedical-image-segmentation.yml").read_text()
    assert "venue: International conference on medical image computing and computer-assisted intervention" in text
    assert _lowered_notice(capsys.readouterr().err) == [
        "note: 1 venue this import wrote is in lower case but for its first letters, as Google"
        " Scholar exports them ('International conference on medical image computing and"
        " computer-assisted intervention'): write its capitals in the paper's file, which no import"
        " rewrites; a source that has them (DBLP's, arXiv's or the publisher's BibTeX) gives"
        " them only in the same import as this one (e.g. readinglist import scholar.bib"
        " dblp.bib), and later only a title's acronym's ('Bert' as 'BERT')"
    ]


def _first_and_second_paper(tmp_path: Path) -> Path:
    """A BibTeX file of two papers, the first one a test's paper file names."""
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@misc{a,\n  title = {First Paper},\n  year = {2020},\n}\n"
        "@misc{b,\n  title = {Second Paper},\n  year = {2021},\n}\n"
    )
    return bib


def _first_paper_file(tmp_path: Path, data: bytes) -> Path:
    """content/papers/first-paper.yml holding ``data``: the paper of
    _first_and_second_paper's first record."""
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (papers / "first-paper.yml").write_bytes(data)
    return papers / "first-paper.yml"


def _import_stops_at(mine: Path, capsys, said: str) -> Path:
    """Imports _first_and_second_paper into the project of paper file ``mine``, asserting
    that the import says ``said`` (a line and column, and the message) at ``mine`` alone
    and writes nothing; the BibTeX file imported."""
    root = mine.parent.parent.parent
    before = mine.read_bytes()
    bib = _first_and_second_paper(root)
    assert main(["--root", str(root), "import", "-q", str(bib)]) == 1
    assert capsys.readouterr() == ("", f"{mine}:{said}\n1 error; nothing was imported.\n")
    assert mine.read_bytes() == before
    assert sorted(p.name for p in mine.parent.iterdir()) == [mine.name]
    return bib


def test_a_read_only_paper_file_is_said_and_left_and_the_rest_imported(tmp_path, capsys):
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    mine = papers / "first-paper.yml"
    mine.write_text("id: first-paper\ntitle: First Paper\nabstract: First abstract.\n")
    mine.chmod(0o444)
    before = mine.read_bytes()
    bib = _first_and_second_paper(tmp_path)
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    out, err = capsys.readouterr()
    assert err == (
        f"{mine}:1:1: warning: this file is read-only, so the import left it alone: it did not"
        " write year (make the file writable, chmod u+w, and run the import again to do so)\n"
    )
    assert out.startswith("2 record(s): 1 added, 0 updated, 0 unchanged, 1 left alone (its file is read-only);")
    assert mine.read_bytes() == before
    assert "year: 2021\n" in (papers / "second-paper.yml").read_text()


def test_a_paper_file_with_a_tab_the_editor_cannot_read_stops_the_import_at_its_place(tmp_path, capsys):
    # `check` passes it (YAML reads the tab as a space); the reader that keeps its
    # comments, which edits the file in place, does not. It was a traceback.
    mine = _first_paper_file(tmp_path, b"id: first-paper\r\ntitle: First Paper\r\ntags: []\t# x\r\n")
    before = mine.read_bytes()
    assert main(["--root", str(tmp_path), "check"]) == 0
    capsys.readouterr()
    bib = _import_stops_at(
        mine, capsys, "3:9: the import cannot edit this file in place: the reader that keeps its"
        " comments stops here, at a tab (write a space for it); nothing was written",
    )
    # With a space for the tab, the same import goes through.
    mine.write_bytes(before.replace(b"\t", b" "))
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    assert mine.read_bytes().startswith(b"id: first-paper\r\ntitle: First Paper\r\nyear: 2020\r\n")


def test_a_quote_left_open_in_a_paper_file_is_said_at_it_not_at_the_quoted_value_it_ran_to(tmp_path, capsys):
    # A title's quote opened while editing ran on to the quote of the pages an import
    # wrote: the import, which reads the file once, said only "4:9: text after the closing
    # quote ...; write it as \\\"", a fix for the pages' line, which was right.
    mine = _first_paper_file(tmp_path, b'id: first-paper\ntitle: "First Paper\nyear: 2020\npages: "1-9"\ntags: ["x"]\n')
    _import_stops_at(
        mine, capsys, "2:8: YAML syntax error: this quote is never closed: the value runs on over"
        " the lines below it, up to the quote at line 4, column 8; close it at the value's end",
    )


def test_paper_files_holding_no_fields_are_each_told_as_check_tells_them(tmp_path, capsys):
    # (a curator's hour: an empty file was told "a paper file must be a mapping of
    # fields", where check says it is empty, and after another file's error nothing at
    # all: the import named 2 of 3 broken files, the third only on the next run)
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    (papers / "a-list.yml").write_text("- id: a-list\n")
    (papers / "b-text.yml").write_text("just a title\n")
    (papers / "c-empty.yml").write_text("# only a comment\n")
    bib = _first_and_second_paper(tmp_path)
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 1
    said = capsys.readouterr().err
    assert main(["--root", str(tmp_path), "check"]) == 1
    checked = capsys.readouterr().out
    expected = [
        f"{papers}/a-list.yml:1:1: a paper file must be a mapping of field: value, not a list",
        f"{papers}/b-text.yml:1:1: a paper file must be a mapping of field: value, not a string",
        f"{papers}/c-empty.yml:1:1: the file is empty; a paper needs an id and a title",
    ]
    assert said == "\n".join(expected) + "\n3 errors; nothing was imported.\n"
    # (check names them from the project folder: the same lines)
    assert [line for line in checked.splitlines() if ".yml:1:1: " in line] == [
        line.replace(f"{tmp_path}/", "") for line in expected
    ]
    assert sorted(p.name for p in papers.iterdir()) == ["a-list.yml", "b-text.yml", "c-empty.yml"]


def _code_link_bib(root: Path) -> Path:
    bib = root / "code.bib"
    bib.write_text("@misc{a,\n  title = {First Paper},\n  note = {Code: https://github.com/o/first}\n}\n")
    return bib


def test_links_left_empty_in_a_paper_file_take_the_links_an_import_adds(tmp_path, capsys):
    # 'links:' with nothing under it, which check passes: the import refused the file,
    # "rewriting it would change what is already in it (please report this)".
    mine = _first_paper_file(tmp_path, b"id: first-paper\ntitle: First Paper\nlinks:\ntags: [mine]  # kept\n")
    assert main(["--root", str(tmp_path), "import", "-q", str(_code_link_bib(tmp_path))]) == 0
    text = mine.read_text()
    assert text.startswith("id: first-paper\ntitle: First Paper\nlinks:\n  code:\n    - url: https://github.com/o/first\n")
    assert text.endswith("tags: [mine]  # kept\n")
    # An import that adds no link leaves it empty, and fills what it fills.
    other = _first_paper_file(tmp_path / "other", b"id: first-paper\ntitle: First Paper\nlinks:\n")
    (tmp_path / "other" / "mkdocs.yml").write_text("site_name: Lab\n")
    assert main(["--root", str(tmp_path / "other"), "import", "-q", str(_first_and_second_paper(tmp_path))]) == 0
    assert other.read_text() == "id: first-paper\ntitle: First Paper\nyear: 2020\nlinks:\n"


@pytest.mark.parametrize(("written", "said"), [
    (b"links:\n  code: https://github.com/o/old\n", "4:9: the import cannot add the paper's code links here: 'links.code'"
     " is no list of links"),
    (b"links: https://github.com/o/old\n", "3:8: the import cannot add the paper's code links here: 'links' is no"
     " mapping of kinds of links"),
])
def test_links_written_as_check_refuses_stop_the_import_that_adds_one_at_their_place(tmp_path, capsys, written, said):
    # (The safety net caught it, as "refusing to edit this file: rewriting it would change
    # what is already in it (please report this)", at no line: written over, the
    # curator's address would have been lost.)
    mine = _first_paper_file(tmp_path, b"id: first-paper\ntitle: First Paper\n" + written)
    before = mine.read_bytes()
    assert main(["--root", str(tmp_path), "import", "-q", str(_code_link_bib(tmp_path))]) == 1
    assert capsys.readouterr() == ("", (
        f"{mine}:{said} (readinglist check says how to write it); write it so, then import"
        " again; nothing was written\n1 error; nothing was imported.\n"
    ))
    assert mine.read_bytes() == before


def test_a_kind_of_link_written_as_a_mapping_is_left_as_it_is_when_an_import_adds_another(tmp_path, capsys):
    # ('project: {url: ...}' without its dash, which check refuses: an import adding a code
    # link stopped with "TypeError: unhashable type: 'slice'" checking the file kept it.)
    mine = _first_paper_file(
        tmp_path, b"id: first-paper\ntitle: First Paper\nlinks:\n  project: {url: https://o.github.io/}\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", str(_code_link_bib(tmp_path))]) == 0
    assert mine.read_text() == (
        "id: first-paper\ntitle: First Paper\nlinks:\n  project: {url: https://o.github.io/}\n"
        "  code:\n    - url: https://github.com/o/first\n      found_in: bibtex\n      official: true\n"
    )


def test_an_abstract_written_as_a_list_is_a_conflict_not_a_traceback(tmp_path, capsys):
    # 'abstract: [TODO]', a placeholder YAML reads as a list (check refuses it): any
    # import stopped with "TypeError: unhashable type: 'list'" while indexing the papers.
    mine = _first_paper_file(tmp_path, b"id: first-paper\ntitle: First Paper\nabstract: [TODO]\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("@misc{a,\n  title = {First Paper},\n  abstract = {The first abstract.},\n}\n")
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    assert capsys.readouterr().err == (
        f"{mine}:3:11: warning: conflict in abstract: the file's 'TODO' is kept; {bib}:1:1 says"
        f" 'The first abstract.', not written\n{conflicts_note('1 conflict')}\n"
    )
    assert mine.read_text() == "id: first-paper\ntitle: First Paper\nabstract: [TODO]\n"


def test_a_title_in_capitals_throughout_is_noted_once_when_written(tmp_path, capsys):
    # (curator: IEEE Xplore's and Scopus' "MASTERING THE GAME OF GO WITH DEEP NEURAL
    # NETWORKS AND TREE SEARCH" came in as such without a word, and was on the site so)
    source = tmp_path / "ieee.ris"
    source.write_text(
        "TY  - JOUR\nTI  - MASTERING THE GAME OF GO WITH DEEP NEURAL NETWORKS AND TREE SEARCH\nAU  - Silver, David\n"
        "PY  - 2016\nER  - \n"
        "TY  - JOUR\nTI  - GPT-4 Technical Report\nAU  - OpenAI\nPY  - 2023\nER  - \n"
        "TY  - JOUR\nTI  - BERT\nAU  - Devlin, Jacob\nPY  - 2019\nER  - \n"
        "TY  - JOUR\nTI  - A STUDY OF LLM AGENTS\nAU  - Doe, Jane\nPY  - 2024\nER  - \n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(source)]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "capitals throughout" in line] == [
        "note: 2 titles this import wrote are in capitals throughout, as some exports write"
        " them ('MASTERING THE GAME OF GO WITH DEEP NEURAL NETWORKS AND TREE SEARCH'; 'A STUDY"
        " OF LLM AGENTS'): write their capitals in the papers' files, which no import"
        " rewrites (which words are names or acronyms, only a source knows)"
    ]
    # Imported again, nothing written: nothing said.
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(source)]) == 0
    assert "capitals throughout" not in capsys.readouterr().err


def test_warnings_and_conflicts_are_printed_in_the_order_of_their_places(tmp_path, capsys):
    # (curator review: the 'left out' warnings were printed before every conflict, so a
    # curator read the venue's line before the year's, above it, and went back up)
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text(
        "@inproceedings{a, title={One Paper}, author={Smith, John}, booktitle={ICML},"
        " year={2020}, abstract={We do a thing.}}\n"
    )
    second.write_text(
        "@article{b, title={One Paper}, author={Smith, John}, journal={JMLR}, volume={21},"
        " pages={1--30}, year={2021}, abstract={We do another thing.}}\n"
    )
    args = ["--root", str(tmp_path), "import", "--no-keep-source"]
    assert main([*args, str(first)]) == 0
    capsys.readouterr()
    assert main([*args, str(second)]) == 0
    out, err = capsys.readouterr()
    path = tmp_path / "content" / "papers" / "one-paper.yml"
    lines = path.read_text().splitlines()
    year, venue, abstract = (lines.index(line) + 1 for line in ("year: 2020", "venue: ICML", "abstract: We do a thing."))
    assert year < venue < abstract
    assert err == (
        f"{path}:{year}:7: warning: conflict in year: the file's '2020' is kept; {second}:1:1 says '2021', not written\n"
        # (At one place, as before: the warning, then the conflict.)
        f"{path}:{venue}:8: warning: volume 21, pages 1–30 from {second}:1:1 left out: they are of the venue"
        " 'JMLR', and the paper's is 'ICML'; copy them if they are its\n"
        f"{path}:{venue}:8: warning: conflict in venue: the file's 'ICML' is kept; {second}:1:1 says 'JMLR', not written\n"
        f"{path}:{abstract}:11: warning: conflict in abstract: the file's 'We do a thing.' is kept;"
        f" {second}:1:1 says 'We do another thing.', not written\n{conflicts_note('3 conflicts')}\n"
    )
    assert out.splitlines()[-1].startswith("1 record(s): 0 added, 0 updated, 1 unchanged;")


def test_a_file_not_there_is_told_where_it_was_looked_for(tmp_path, monkeypatch, capsys):
    # (curator walkthrough: `readinglist --root ~/lab-list import lab.bib` run from the
    # home folder, lab.bib in the project, was told "cannot read the file: [Errno 2] No
    # such file or directory: 'lab.bib'", which says neither where it looked nor that a
    # file is named from the folder one is in, not from --root)
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "lab.bib").write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    (tmp_path / "old").mkdir()
    monkeypatch.chdir(home)
    assert main(["--root", str(tmp_path), "import", "lab.bib", "gone.ris", "../old"]) == 1
    assert capsys.readouterr().err == (  # (in the order of their names, as every problem)
        "../old: this is a folder, which import does not read, and it has no file of a kind import"
        " reads (.bib, .ris, .md, .txt, .xml): name the files to import\n"
        f"gone.ris: no such file in {home}, the folder you are in (a file to import is named"
        " from there, not from --root)\n"
        f"lab.bib: no such file in {home}, the folder you are in (a file to import is named"
        f" from there, not from --root): the project folder has one, {tmp_path / 'lab.bib'}\n"
        "3 errors; nothing was imported.\n"
    )
    assert not (tmp_path / "content").exists()
    # Run in the project folder, --root is not in it.
    monkeypatch.chdir(tmp_path)
    assert main(["import", "gone.ris"]) == 1
    assert capsys.readouterr().err == (
        f"gone.ris: no such file in {tmp_path}, the folder you are in\n1 error; nothing was imported.\n"
    )


def test_a_folder_given_to_import_is_told_the_files_in_it_import_reads(tmp_path, monkeypatch, capsys):
    # (review: `readinglist import FOLDER` was told "name the files in it to import
    # (readinglist import FOLDER/*.bib)" whatever the folder holds: of a folder of RIS
    # files, a command that imports nothing.) It is told how many files of each kind
    # import reads the folder has, and the command for them; a hidden file (which `*`
    # leaves out), a sub-folder and a PDF are not counted.
    monkeypatch.chdir(tmp_path)
    lab = tmp_path / "my lab"
    (lab / "sub.bib").mkdir(parents=True)
    for name in ("a.ris", "b.ris", "c.bib", "paper.pdf", ".hidden.bib", "notes.MD"):
        (lab / name).write_text("x\n")
    assert main(["import", "my lab"]) == 1
    assert capsys.readouterr().err == (
        "my lab: this is a folder, which import does not read: it has 1 .bib file, 2 .ris files"
        " and 1 .MD file; to import them: readinglist import 'my lab'/*.bib 'my lab'/*.ris 'my lab'/*.MD\n"
        "1 error; nothing was imported.\n"
    )


def test_papers_added_without_a_year_are_counted_in_one_notice(tmp_path, capsys):
    # (Curator's first import: a '@misc' of a repository and an '@article' whose export
    # lost its year were written without one, and nothing said so; the topic tables put
    # them last and their citations had no year, found only by `readinglist gaps`.)
    # A year read from the arXiv id counts; a paper updated is no paper this import added.
    bib = tmp_path / "lab.bib"
    bib.write_text(
        "@misc{nanogpt, title = {nanoGPT}, author = {Karpathy, Andrej},"
        " howpublished = {\\url{https://github.com/karpathy/nanoGPT}}}\n"
        "@article{overview, title = {Deep Learning in Neural Networks: An Overview},"
        " author = {Schmidhuber, J{\\\"u}rgen}, journal = {Neural Networks}}\n"
        "@article{bert, title = {BERT}, eprint = {1810.04805}, archivePrefix = {arXiv}}\n"
        "@article{dated, title = {A Dated Paper}, year = {2020}}\n"
    )
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "note: 2 papers this import added have no year"
        " (nanogpt, deep-learning-in-neural-networks-an-overview): write 'year:' in their"
        " files, or give their records a year and import them again;"
        " readinglist gaps --field year lists every paper without one"
    ]
    # One alone is said so; an import that adds none without a year says nothing.
    bib.write_text("@misc{alone, title = {Alone Here}}\n@misc{dated2, title = {Dated Too}, year = {2021}}\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "note: 1 paper this import added has no year (alone-here):"
        " write 'year:' in its file, or give its record a year and import it again;"
        " readinglist gaps --field year lists every paper without one"
    ]
    bib.write_text("@misc{alone, title = {Alone Here}, year = {2019}}\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]) == 0
    assert capsys.readouterr().err == ""


def conflicts_note(conflicts: str) -> str:
    """The line after an import's conflicts ("1 conflict", "3 conflicts")."""
    return (
        f"note: {conflicts} above, the file's value kept: no later import of the same value"
        " says it again; where the source is right, write its value in the paper's file"
    )


def test_conflicts_are_followed_by_a_note_that_no_later_import_says_them_again(tmp_path, capsys):
    # (new lab's walkthrough: pages mended in Zotero and exported again were a conflict,
    # said once, "..., not written", and the summary counted "1 conflict(s)"; nothing said
    # what to do, nor that the next import of the file would say nothing of it)
    bib = tmp_path / "lab.bib"
    record = "@inproceedings{smithSparse2023, title = {Sparse Adapters}, booktitle = {ACL}, year = {2023}, pages = {%s}}\n"
    bib.write_text(record % "1201--1215")
    args = ["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(bib)]
    assert main(args) == 0
    assert capsys.readouterr().err == ""
    bib.write_text(record % "1201--1216")
    assert main(args) == 0
    path = tmp_path / "content" / "papers" / "sparse-adapters.yml"
    line = path.read_text().splitlines().index('pages: "1201–1215"') + 1
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{line}:8: warning: conflict in pages: the file's '1201–1215' is kept; {bib}:1:1 says"
        " '1201–1216', not written (the record gives other pages in the same venue and year: another"
        " publication there, or its pages mended, which the import cannot tell apart)",
        conflicts_note("1 conflict"),
    ]
    assert main(args) == 0
    assert capsys.readouterr().err == ""
    assert "pages: \"1201–1215\"" in path.read_text()


def test_a_paper_without_a_year_is_noted_from_ris_but_not_from_a_markdown_list(tmp_path, capsys):
    # An RIS record without PY is such a paper (its ID or none); a Markdown list's item
    # (as a listing's paper) seldom gives a year, and is not noted.
    ris = tmp_path / "lab.ris"
    ris.write_text("TY  - JOUR\nTI  - A Paper From Zotero\nER  - \n")
    listing = tmp_path / "awesome.md"
    listing.write_text("# Awesome\n\n- [A Listed Paper](https://arxiv.org/abs/2301.00001v1)\n"
                       "- [Another Listed Paper](https://openreview.net/forum?id=abc)\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(listing), str(ris)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "note: 1 paper this import added has no year (a-paper-from-zotero): write 'year:' in"
        " its file, or give its record a year and import it again; readinglist gaps --field"
        " year lists every paper without one"
    ]
    assert "year:" not in (tmp_path / "content" / "papers" / "another-listed-paper.yml").read_text()


def test_the_cyclic_collector_is_off_while_importing_and_back_on_after(tmp_path, monkeypatch):
    # (gcpause.off: a 10,000-entry import spent 1.4 s of 9.5 in the collector.) Both
    # the import and the kept copy of its input run with it off; it is on again after,
    # even when the import stops on an error.
    import gc

    from generator.commands import import_cmd

    seen: list[tuple[str, bool]] = []
    real_import, real_keep = import_cmd.import_paths, import_cmd.keep_source

    def import_paths(*args, **kwargs):
        seen.append(("import", gc.isenabled()))
        return real_import(*args, **kwargs)

    def keep_source(*args, **kwargs):
        seen.append(("keep", gc.isenabled()))
        return real_keep(*args, **kwargs)

    monkeypatch.setattr(import_cmd, "import_paths", import_paths)
    monkeypatch.setattr(import_cmd, "keep_source", keep_source)
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    assert gc.isenabled()
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 0
    assert seen == [("import", False), ("keep", False)]
    assert gc.isenabled()
    bib.write_text("@article{a, title = {A Paper}, year = {2020}, year = {2021}}\n")
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == 1
    assert gc.isenabled()


@pytest.mark.parametrize(("raised", "code"), [(KeyboardInterrupt, 130), (OSError, 1)])
def test_the_cyclic_collector_is_back_on_when_the_import_is_stopped(tmp_path, monkeypatch, raised, code):
    # (The test above ends on a curator's error, which the command returns as 1: this
    # is Ctrl-C, or a full disk, raised through gcpause.off to the CLI's handlers.)
    import gc

    from generator.commands import import_cmd

    states: list[bool] = []

    def import_paths(*args, **kwargs):
        states.append(gc.isenabled())
        raise raised()

    monkeypatch.setattr(import_cmd, "import_paths", import_paths)
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{a, title = {A Paper}, year = {2020}}\n")
    assert gc.isenabled()
    assert main(["--root", str(tmp_path), "import", "-q", str(bib)]) == code
    assert states == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("curator", ["kept", "deleted"])
def test_a_link_an_older_import_wrote_with_its_glued_ending_is_not_added_again_without_it(tmp_path, capsys, curator):
    # An import before links.glued_ending wrote a list's "(https://openreview.net/forum?id=abc?)"
    # with its '?', in the paper file and in its record; importing the list again offered
    # "forum?id=abc" as a link never found, and wrote it beside the one the curator kept,
    # or back after the curator deleted it.
    listing = tmp_path / "awesome.md"
    listing.write_text("# Awesome\n\n- [A Listed Paper](https://openreview.net/forum?id=abc)\n")
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(listing)]) == 0
    mine = tmp_path / "content" / "papers" / "a-listed-paper.yml"
    record = tmp_path / "content" / "sources" / "imported.json"
    for path in (mine, record):  # (as the older import wrote them)
        assert path.read_text().count("forum?id=abc") == 1
        path.write_text(path.read_text().replace("forum?id=abc", "forum?id=abc?"))
    listing.write_text(listing.read_text().replace("forum?id=abc", "forum?id=abc?"))
    if curator == "deleted":
        mine.write_text(mine.read_text().replace(
            "  paper:\n    - url: https://openreview.net/forum?id=abc?\n      found_in: curator\n", "  paper: []\n"
        ))
        assert "forum" not in mine.read_text()
    before = mine.read_bytes()
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "import", "-q", "--no-keep-source", str(listing)]) == 0
    assert mine.read_bytes() == before
    assert capsys.readouterr().out.startswith("1 record(s): 0 added, 0 updated, 1 unchanged;")


def test_a_first_import_of_a_bib_file_imports_no_other_formats_reader(tmp_path):
    # Telling a file's format (ingest/formats.py) needs neither the RIS nor the Markdown
    # list reader, and an empty papers folder has no file for paperdrafts to tell: each
    # was imported for every .bib (some 0.1 s of a process's CPU).
    project = tmp_path / "project"
    (project / "content" / "papers").mkdir(parents=True)
    (project / "content" / "topics.yml").write_text("topics: []\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{k, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017}}\n")
    code = (
        "import sys; from generator.cli import main;"
        f" status = main(['--root', {str(project)!r}, 'import', '-q', {str(bib)!r}]);"
        " print(status, sorted(m for m in sys.modules if m in"
        " ('generator.ingest.ris', 'generator.ingest.markdownlist', 'generator.paperdrafts', 'rispy', 'markdown_it')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr
    assert (project / "content" / "papers" / "attention-is-all-you-need.yml").exists()


def test_one_import_of_four_formats_in_a_new_process_reads_each_with_its_reader(tmp_path):
    # (rev57's review of c57a3cd8) Telling formats imports no reader: each reader is
    # imported when a file of its format is read. A new process (pytest's has every
    # reader imported already) given a .ris, a Markdown list kept as .txt, a Hugging Face
    # listing and a .bib whose abstract holds an RIS-looking line reads all four, each
    # as its own format, in one call.
    project = tmp_path / "project"
    (project / "content" / "papers").mkdir(parents=True)
    (project / "content" / "topics.yml").write_text("topics: []\n")
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - JOUR\nTI  - Deep Residual Learning for Image Recognition\nAU  - He, Kaiming\n"
                   "PY  - 2016\nER  - \n")
    listing = tmp_path / "awesome.txt"
    listing.write_text("# Papers\n\n- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)\n")
    hf = tmp_path / "hf.txt"
    hf.write_text("Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
                  "SubscribeSegment Anything\nWe introduce a new task, model and dataset for segmentation.\n")
    bib = tmp_path / "lab.bib"
    bib.write_text("@article{k, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = {2017},\n"
                   "  abstract = {Not RIS:\nTY  - JOUR\nthough it reads so.}}\n")
    code = (
        "from generator.cli import main;"
        f" print(main(['--root', {str(project)!r}, 'import', '-q', '--no-keep-source',"
        f" {str(ris)!r}, {str(listing)!r}, {str(hf)!r}, {str(bib)!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "0", result.stderr
    papers = project / "content" / "papers"
    assert sorted(path.name for path in papers.iterdir()) == [
        "attention-is-all-you-need.yml", "deep-residual-learning-for-image-recognition.yml",
        "language-models-are-few-shot-learners.yml", "segment-anything.yml",
    ]
    read = {path.stem: yaml.safe_load(path.read_text()) for path in papers.iterdir()}
    assert read["deep-residual-learning-for-image-recognition"]["year"] == 2016  # (RIS's PY)
    assert read["language-models-are-few-shot-learners"]["arxiv"] == "2005.14165"  # (the list's link)
    assert read["segment-anything"]["abstract"] == "We introduce a new task, model and dataset for segmentation."
    assert read["attention-is-all-you-need"]["abstract"] == "Not RIS: TY - JOUR though it reads so."
