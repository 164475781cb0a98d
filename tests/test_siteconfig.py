"""mkdocs.yml's mistakes as `check`, `build` and `serve` report them (siteconfig.py)."""

from __future__ import annotations

import json

import pytest

from generator.siteconfig import config_problems


def test_a_config_that_is_not_utf8_is_reported_at_its_first_bad_byte(tmp_path):
    # Saved by a Windows editor: "é" as one byte, on the second line, after "site_name: Caf".
    (tmp_path / "mkdocs.yml").write_bytes(b"# my list\nsite_name: Caf\xe9 list\n")
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:2:15: the file is not UTF-8 (invalid byte 0xe9); it reads as"
        " Windows-1252 or Latin-1: save it as UTF-8"
    ]


def test_a_setting_the_theme_writes_unescaped_that_holds_markup_is_an_error(tmp_path):
    # (safe10: Material writes site_name into every page's header, <title> and
    # aria-label="...", and site_description and site_author into <meta content="...">,
    # as they are: '<script>' in the name ran on every page, a '"' ended the attribute.)
    (tmp_path / "mkdocs.yml").write_text(
        'site_name: "<script>alert(1)</script> Lab"\nsite_description: The "Foo" Lab\n'
        "site_author: Smith & Jones > Doe\ncopyright: <a href='https://x.org'>Lab</a>\n",
        encoding="utf-8",
    )
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:1:12: 'site_name' holds '<', which every page's HTML would read as the start"
        " of a tag (the theme writes it as it is); write it without",
        "mkdocs.yml:2:19: 'site_description' holds '\"', which ends an attribute of every page's"
        " HTML that it is written into (the theme writes it as it is); write typographic quotes"
        " (\u201c \u201d) instead",
    ]
    # ('&' and '>' are text there; 'copyright' is Material's to hold HTML, on purpose.)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: R&D > papers\nsite_description: The \u201cFoo\u201d Lab\n", encoding="utf-8"
    )
    assert config_problems(tmp_path).errors == []


def test_a_utf16_config_is_said_to_be_one(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes("site_name: x\n".encode("utf-16"))
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:1:1: the file is UTF-16 (its first bytes say so); save it as UTF-8"
    ]


def test_each_setting_with_a_syntax_error_is_said_at_once(tmp_path):
    # A colon in the site's name, and a list never closed in the navigation: MkDocs stops
    # on the first, and once `check` said it alone too.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Papers: a list\nsite_url: https://example.org/\nnav: [Home\ntheme:\n  name: material\n",
        encoding="utf-8",
    )
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:1:18: YAML syntax error: a colon followed by a space inside an unquoted"
        " value; put the value in double quotes",
        "mkdocs.yml:3:6: YAML syntax error: a list opened here with '[' is not closed: close it"
        " with ']' (if the value is text, not a list, put the whole value in double quotes)",
    ]


def test_build_tells_every_warning_check_tells_as_readme_says(tmp_path, capsys, monkeypatch):
    """README: "`readinglist build` runs the same check as `readinglist check`". A lab
    that only ever ran `make site` was never told that its site still had the example's
    name and home page: `check` alone said so. The build says every warning `check`
    says, the reminders of the example and of MkDocs' repo_url among them."""
    from generator.cli import main
    from generator.siteconfig import EXAMPLE_NAME

    from tests.test_build import FIXTURE, REPO, make_project

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "`readinglist build` runs the same check as `readinglist check` first" in readme
    project = make_project(tmp_path, FIXTURE)
    # The example's name, whatever the repository's mkdocs.yml says (a lab's own list
    # runs these tests on its own mkdocs.yml, whose site_name is its own).
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("site_name:"))
    lines[at] = f"site_name: {json.dumps(EXAMPLE_NAME)}\n"
    # (hunt6) And MkDocs' own repo_url, which a lab that knows MkDocs sets.
    lines.insert(at + 1, "repo_url: https://github.com/lab/list\n")
    config.write_text("".join(lines), encoding="utf-8")
    (project / "content" / "pages" / "index.md").write_text(f"# {EXAMPLE_NAME}\n\nPapers on many tasks.\n")
    monkeypatch.setenv("SITE_URL", "https://lab.github.io/reading-list/")
    assert main(["--root", str(project), "check"]) == 0
    checked = sorted(line for line in capsys.readouterr().out.splitlines() if ": warning: " in line)
    assert f"mkdocs.yml:{at + 1}:12: warning: 'site_name' is still the shipped example's" in "\n".join(checked)
    assert "content/pages/index.md:1:1: warning: the home page is still the shipped example's" in "\n".join(checked)
    assert f"mkdocs.yml:{at + 2}:11: warning: 'repo_url' has the theme show" in "\n".join(checked)
    assert main(["--root", str(project), "build", "-q"]) == 0
    built = sorted(line for line in capsys.readouterr().err.splitlines() if ": warning: " in line)
    assert built == checked


def test_a_setting_read_from_the_environment_is_refused_markup_as_one_written(tmp_path, monkeypatch):
    # MkDocs reads '!ENV NAME' as the variable's value (the shipped file's site_url is
    # so); check read the variable's name, so a CI job's LAB_NAME of '<script>...' ran on
    # every page of the site it built.
    (tmp_path / "mkdocs.yml").write_text("site_name: !ENV LAB_NAME\n", encoding="utf-8")
    monkeypatch.setenv("LAB_NAME", "<script>alert(1)</script> Lab")
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:1:12: 'site_name' holds '<', which every page's HTML would read as the start"
        " of a tag (the theme writes it as it is); write it without",
    ]
    monkeypatch.setenv("LAB_NAME", "R&D > papers")
    assert config_problems(tmp_path).errors == []


def _no_theme_folder(named: str) -> str:
    return (
        f"mkdocs.yml:4:15: the theme folder {named} is no folder beside mkdocs.yml, and MkDocs"
        " builds no site without it; create it, or name the theme's folder (the shipped list's is 'overrides')"
    )


def test_a_theme_folder_that_is_not_there_is_an_error_at_custom_dir(tmp_path, monkeypatch):
    # (fix19) MkDocs refuses the whole configuration for it ("Config value 'theme': The
    # path set in custom_dir (...) does not exist."), before the hook runs; `check` said
    # nothing of it.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Lab\ntheme:\n  name: material\n  custom_dir: site-theme/\n", encoding="utf-8"
    )
    assert [str(p) for p in config_problems(tmp_path).errors] == [_no_theme_folder("'site-theme/' (theme: custom_dir:)")]
    (tmp_path / "site-theme").mkdir()
    assert config_problems(tmp_path).errors == []
    # A file of that name is no folder either (MkDocs: os.path.isdir).
    (tmp_path / "site-theme").rmdir()
    (tmp_path / "site-theme").write_text("", encoding="utf-8")
    assert [p.location.line for p in config_problems(tmp_path).errors] == [4]


def test_a_theme_folder_read_from_the_environment_is_checked_as_mkdocs_reads_it(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Lab\ntheme:\n  name: material\n  custom_dir: !ENV [LAB_THEME, overrides]\n", encoding="utf-8"
    )
    (tmp_path / "overrides").mkdir()
    monkeypatch.delenv("LAB_THEME", raising=False)
    assert config_problems(tmp_path).errors == []  # (the default: there)
    monkeypatch.setenv("LAB_THEME", "lab-theme")
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        _no_theme_folder("'lab-theme' (theme: custom_dir: as the environment sets it)")
    ]
    (tmp_path / "lab-theme").mkdir()
    assert config_problems(tmp_path).errors == []


def test_no_theme_folder_named_is_no_mistake(tmp_path):
    for text in ("site_name: Lab\ntheme: material\n", "site_name: Lab\ntheme:\n  name: material\n", "site_name: Lab\n"):
        (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
        assert config_problems(tmp_path).errors == []


def _mkdocs_accepts(root) -> bool:
    import logging

    from mkdocs.config import load_config

    (root / "docs").mkdir(exist_ok=True)
    logging.disable(logging.CRITICAL)
    try:
        load_config(str(root / "mkdocs.yml"))
    except BaseException:  # (its Abort, or the TypeError of a value it did not expect)
        return False
    finally:
        logging.disable(logging.NOTSET)
    return True


@pytest.mark.parametrize("written, said", [
    ("!ENV RV71_THEME", "is read from the environment, which sets none of the variables named"),
    ("", "is empty, no folder's name"),
    ("5", "is a number, no folder's name"),
    ("[overrides]", "is a list, no folder's name"),
    ("' '", "the theme folder ' ' (theme: custom_dir:) is no folder beside mkdocs.yml"),
])
def test_a_theme_folder_that_is_no_name_is_an_error_at_custom_dir(tmp_path, monkeypatch, written, said):
    # (rev71) check passed these; MkDocs then stopped with a TypeError's traceback
    # (os.path.isabs(None): `custom_dir:` empty, or an `!ENV` of an unset variable with
    # no default), or refused " " in its own words, where `check` said nothing.
    monkeypatch.delenv("RV71_THEME", raising=False)
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Lab\ntheme:\n  name: material\n  custom_dir: {written}\n", encoding="utf-8"
    )
    errors = config_problems(tmp_path).errors
    assert [(p.location.line, said in p.message) for p in errors] == [(4, True)]
    assert not _mkdocs_accepts(tmp_path)


@pytest.mark.parametrize("written", [
    "''", ".", "overrides/", "link", "thème", "!relative $config_dir/overrides", "!ENV [RV71_THEME, overrides]", "ABSOLUTE",
])
def test_a_theme_folder_mkdocs_accepts_is_no_mistake_from_any_folder(tmp_path, monkeypatch, written):
    # (rev71) Read from the project's folder, as MkDocs reads it from mkdocs.yml's,
    # whatever the working folder: a symlink to a folder, a non-ASCII name, an absolute
    # path, MkDocs' `!relative` tag (not read here: MkDocs' own) are folders.
    monkeypatch.delenv("RV71_THEME", raising=False)
    (tmp_path / "overrides").mkdir()
    (tmp_path / "thème").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "overrides")
    written = written.replace("ABSOLUTE", str(tmp_path / "overrides"))
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Lab\ntheme:\n  name: material\n  custom_dir: {written}\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "overrides")
    assert config_problems(tmp_path).errors == []
    assert _mkdocs_accepts(tmp_path)


def test_mkdocs_own_repo_url_is_warned_of_with_the_setting_that_names_the_repository(tmp_path, monkeypatch):
    # (hunt6) A curator who knows MkDocs names the repository with `repo_url:`, as MkDocs
    # and Material document it; `check` said nothing, and the site then had every reader's
    # browser ask GitHub's API for the repository's stars (Material's header widget), and
    # no edit button: those come from `extra.repository` (REPO_URL) alone.
    from generator.siteconfig import repository_setting

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Lab\nrepo_url: https://github.com/lab/list\nedit_uri: edit/main/content/\n",
        encoding="utf-8",
    )
    said = [str(p) for p in repository_setting(tmp_path).warnings]
    assert len(said) == 1 and said[0].startswith("mkdocs.yml:2:11: warning: 'repo_url' has the theme show")
    assert "delete it (and 'repo_name', 'edit_uri')" in said[0]
    assert "the list's repository is 'extra: repository:', which CI sets from REPO_URL" in said[0]
    # A warning: the site builds all the same (check's status stays 0 for it).
    assert config_problems(tmp_path).errors == []
    # Read from the environment, it is warned of whatever the variable holds here: CI may set it.
    monkeypatch.delenv("LAB_REPOSITORY", raising=False)
    config.write_text('site_name: Lab\nrepo_url: !ENV [LAB_REPOSITORY, ""]\n', encoding="utf-8")
    assert [str(p.location) for p in repository_setting(tmp_path).warnings] == ["mkdocs.yml:2:11"]
    # Left empty, MkDocs names no repository, and nothing is said; nor without the key.
    for written in ("repo_url:\n", 'repo_url: ""\n', "extra:\n  repository: https://github.com/lab/list\n"):
        config.write_text("site_name: Lab\n" + written, encoding="utf-8")
        assert repository_setting(tmp_path).items == [], written
