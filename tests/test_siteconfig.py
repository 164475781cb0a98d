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
