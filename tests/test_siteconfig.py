"""mkdocs.yml's mistakes as `check`, `build` and `serve` report them (siteconfig.py)."""

from __future__ import annotations

from generator.siteconfig import config_problems


def test_a_config_that_is_not_utf8_is_reported_at_its_first_bad_byte(tmp_path):
    # Saved by a Windows editor: "é" as one byte, on the second line, after "site_name: Caf".
    (tmp_path / "mkdocs.yml").write_bytes(b"# my list\nsite_name: Caf\xe9 list\n")
    assert [str(p) for p in config_problems(tmp_path).errors] == [
        "mkdocs.yml:2:15: the file is not UTF-8 (invalid byte 0xe9); it reads as"
        " Windows-1252 or Latin-1: save it as UTF-8"
    ]


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
