"""lazyre: a pattern compiled at its first use answers as `re.compile`'s does."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import lazyre

_CASES = [
    (r"(?P<word>\w+)-(\d)", 0, "ab-1 cd-2 e-x F-3"),
    (r"^b", re.MULTILINE | re.IGNORECASE, "a\nB\nb"),
    (r"\s+", 0, " one  two\tthree "),
]


@pytest.mark.parametrize(("pattern", "flags", "text"), _CASES)
def test_every_method_and_attribute_answers_as_the_compiled_pattern(pattern, flags, text):
    compiled = re.compile(pattern, flags)
    lazy = lazyre.compile(pattern, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.sub("<\\g<0>>", text) == compiled.sub("<\\g<0>>", text)
    assert lazy.subn(lambda m: m.group(0).upper(), text, count=1) == compiled.subn(
        lambda m: m.group(0).upper(), text, count=1
    )
    for method in ("search", "match", "fullmatch"):
        for start in range(len(text) + 1):
            got, want = getattr(lazy, method)(text, start), getattr(compiled, method)(text, start)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex
    )


def test_compiled_once_at_first_use_and_not_before(monkeypatch):
    calls = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: calls.append(args) or real(*args))
    lazy = lazyre.compile(r"a+", re.IGNORECASE)
    assert calls == []
    assert lazy.search("xAa").span() == (1, 3)
    assert lazy.sub("-", "aXa") == "-X-"
    assert calls == [(r"a+", re.IGNORECASE)]


def test_an_attribute_no_pattern_has_is_an_error_and_compiles_nothing(monkeypatch):
    lazy = lazyre.compile("(")  # (an invalid pattern: compiling it would raise re.error)
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018
    with pytest.raises(re.error):
        lazy.search("(")


def test_a_new_process_importing_the_generator_leaves_a_rerun_s_unused_patterns_uncompiled():
    # The point of lazyre: importing generator.build compiles none of the patterns of the
    # modules converted (latex.py's LaTeX accents, validate.py's dates), which a rerun
    # after one paper's edit seldom reaches.
    code = (
        "import generator.build, generator.latex as l, generator.validate as v\n"
        "print(all('search' not in vars(p) for p in (l._ACCENT, l._ESCAPE, v._WORDED_DATES[0][0])))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_every_pattern_the_generator_makes_lazily_compiles():
    # A pattern compiled at its first use fails at that use, not at import: a typo in one
    # that only a rare record reaches would pass every test that does not reach it. So
    # every stand-in the generator's modules make is compiled here, found as objects of a
    # new process (gc), not by name: one in a dict or a tuple counts too.
    root = Path(__file__).resolve().parents[1]
    sources = [p for p in sorted((root / "generator").rglob("*.py")) if p.name != "lazyre.py"]
    made = {p: p.read_text(encoding="utf-8").count("lazyre.compile(") for p in sources}
    modules = [
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for p, count in made.items() if count
    ]
    code = (
        "import gc, importlib, re, sys\n"
        "from generator import lazyre\n"
        "for name in sys.argv[1:]: importlib.import_module(name)\n"
        "gc.unfreeze()\n"  # (generator.build's import freezes what it made: gcpause.py)
        "found = [o for o in gc.get_objects() if type(o) is lazyre.LazyPattern]\n"
        "for o in found:\n"
        "    try: re.compile(*o._source)\n"
        "    except re.error as error: print('bad', repr(o), error)\n"
        "print(len(found))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *modules], capture_output=True, text=True, check=True, cwd=root
    ).stdout.splitlines()
    assert out[:-1] == []
    # Each call site made one at least (a comprehension's, one a key): none was missed.
    assert int(out[-1]) >= sum(made.values()) > 100


def test_a_stand_in_where_an_re_pattern_is_needed_fails_loudly():
    # (fix19) It was typed as an re.Pattern, so nothing but a run told that re's own
    # functions refuse it: they do, at once, and not by a wrong answer.
    lazy = lazyre.compile(r"a+")
    for call in (lambda: re.sub(lazy, "-", "baab"), lambda: re.search(lazy, "baab"), lambda: re.compile(lazy)):
        with pytest.raises(TypeError, match="first argument must be string or compiled pattern"):
            call()
    assert not isinstance(lazy, re.Pattern)
    assert lazy.sub("-", "baab") == "b-b"  # (its own methods are what it is for)


def test_a_stand_in_is_typed_as_what_it_offers_not_as_an_re_pattern():
    # (fix19) `compile` said it returned an re.Pattern[str]: a type checker took
    # `re.sub(stand_in, ...)`. Its type is the Protocol of exactly the attributes it
    # offers, every one of which a compiled pattern has too (so a function that only
    # calls them, charclass.CharClass, takes either).
    import inspect
    import typing

    from generator import charclass

    assert typing.get_type_hints(lazyre.compile)["return"] is lazyre.Pattern
    members = {
        name for name, _ in inspect.getmembers(lazyre.Pattern)
        if not name.startswith("_")
    }
    assert members == set(lazyre._ATTRIBUTES)
    compiled = re.compile(r"a+")
    assert all(hasattr(compiled, name) for name in members)
    assert charclass.CharClass.__init__.__annotations__["pattern"] == "Pattern"  # (lazyre's)
    for pattern in (lazyre.compile(r"[\x00-\x08]"), re.compile(r"[\x00-\x08]")):
        found = charclass.CharClass(pattern)
        assert (found.found_in("a\x01"), found.found_in("abc"), found.found_in("é\x02")) == (True, False, True)
