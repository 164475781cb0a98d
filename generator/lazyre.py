"""Regular expressions compiled at their first use, not when their module is imported.

A new process pays for every module-level `re.compile` of every module it imports, used
or not: a rerun after one paper's edit (`readinglist build` from the cache) imports
`latex`, `validate`, `export_bibtex` and the others whole and reaches few of their
patterns, as it checks and exports one paper. `compile` returns a stand-in that compiles
its pattern the first time any of a pattern's attributes is asked for, and then keeps the
compiled pattern's methods and attributes as its own, so that a hot loop calls the
compiled pattern's own `search` with no Python call in between.

A stand-in is not an `re.Pattern`: `re.sub(stand_in, ...)` and `isinstance` do not take
it (re.sub raises TypeError). Use it only for a pattern whose module calls its methods.
It is typed so, as a `Pattern` (a Protocol of the methods and attributes it offers): a
type checker refuses it where an `re.Pattern` is needed, `re.sub(stand_in, ...)` or a
parameter so annotated; a function that only calls its methods (charclass.CharClass)
takes a `Pattern`, which a compiled `re.Pattern[str]` is too.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator, Mapping, Protocol

# Everything an re.Pattern offers a caller.
_ATTRIBUTES = (
    "findall", "finditer", "flags", "fullmatch", "groupindex", "groups", "match", "pattern",
    "scanner", "search", "split", "sub", "subn",
)


class Pattern(Protocol):
    """What a stand-in offers, as `re.Pattern[str]` offers it: its methods and
    attributes (`_ATTRIBUTES`), and no more. A compiled `re.Pattern[str]` is one too."""

    @property
    def pattern(self) -> str: ...
    @property
    def flags(self) -> int: ...
    @property
    def groups(self) -> int: ...
    @property
    def groupindex(self) -> Mapping[str, int]: ...

    def search(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
    def match(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
    def fullmatch(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
    def finditer(self, string: str, pos: int = 0, endpos: int = ...) -> Iterator[re.Match[str]]: ...
    def findall(self, string: str, pos: int = 0, endpos: int = ...) -> list[Any]: ...
    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]: ...
    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str: ...
    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]: ...
    def scanner(self, string: str, pos: int = 0, endpos: int = ...) -> Any: ...


class LazyPattern:
    """`re.compile(pattern, flags)` on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        # Called only for an attribute the instance lacks: once the pattern is compiled,
        # each of its attributes is found in the instance's dict without this call.
        if name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        return self.__dict__[name]

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source[0]!r}, {self._source[1]!r})"


def compile(pattern: str, flags: int = 0) -> Pattern:  # noqa: A001 (as re.compile)
    """A pattern compiled when it is first used; typed as what it offers (`Pattern`),
    not as the `re.Pattern` it is not."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value] (its methods come by __getattr__)
