"""Whether a text holds a character of a class: a regular expression's answer, found
faster in a text of ASCII alone.

`check` asks it of every paper file's text (a character YAML refuses) and of every text
value in it (an invisible control character): 30 MB at 10,000 papers, where `re` reads
a character in 8 nanoseconds. Nearly every such text is ASCII (Python knows without
reading it), and then the class's ASCII characters are deleted from its bytes, in C at
a quarter of the time: the text holds one when bytes went. Other texts are searched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lazyre import Pattern


class CharClass:
    """``pattern`` (one character of a class, as ``[\\x00-\\x08]``) and a faster
    `found_in`; the pattern's own methods find where."""

    __slots__ = ("pattern", "_ascii")

    def __init__(self, pattern: Pattern):  # (a compiled re.Pattern, or lazyre's stand-in)
        self.pattern = pattern
        self._ascii = bytes(code for code in range(128) if pattern.fullmatch(chr(code)))

    def found_in(self, text: str) -> bool:
        """Whether ``text`` holds a character ``pattern`` matches."""
        if text.isascii():
            data = text.encode("ascii")
            return len(data.translate(None, self._ascii)) != len(data)
        return self.pattern.search(text) is not None
