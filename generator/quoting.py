"""Curator text quoted in a message, as the curator wrote it.

Messages quoted names, titles and paths with repr(), which doubles every backslash:
a title "$\\alpha$-nets" was said as '$\\\\alpha$-nets', which is not what the file
holds, and copied back, is another title. Here a backslash is itself. What cannot be
seen, or would act on a terminal (a line break, an escape character), is never printed
as it is: a line break, tab or carriage return as its Unicode picture ("␤", "␉", "␍"),
never as "\\n" or "\\t", which TeX text holds ("\\nabla", "\\tau"); any other
character Python does not print (a control character, a no-break space, a
zero-width one) as repr() escapes it ("\\x1b", "\\xa0", "\\u200b"). Quoted in ' ',
else in " " when the text holds a ', else in “ ” (repr() escaped a quote with a
backslash there).
"""

from __future__ import annotations

import shlex

_PICTURES = {"\n": "␤", "\t": "␉", "\r": "␍"}


def quoted(value: object) -> str:
    """``value`` in quotes as written (see above); anything but a string as repr() says it."""
    if not isinstance(value, str):
        return repr(value)
    text = shown(value)
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return f"“{text}”"


def shown(text: str) -> str:
    """``text`` unquoted, what cannot be seen or would act on a terminal escaped as
    `quoted` escapes it: a file's name at the start of a message (``path:line:col:``),
    where a line break in it split the message and an escape character acted on the
    terminal."""
    return text if text.isprintable() else "".join(map(_shown, text))


def _shown(char: str) -> str:
    if char.isprintable():
        return char
    return _PICTURES.get(char) or repr(char)[1:-1]


def shell_quoted(text: str) -> str:
    """``text`` (a file's name) as one word of a shell command a message gives to copy
    ("mv NAME NEW"): as shlex quotes it, but a name holding what `shown` escapes in
    bash's $'...', by its escapes, which give back the name's very bytes (a byte not
    UTF-8, kept by Python as a lone surrogate, as that byte): quoted by shlex, the
    escape character itself was printed, and acted on the terminal."""
    if text.isprintable():
        return shlex.quote(text)
    return "$'" + "".join(map(_ansi_c, text)) + "'"


def _ansi_c(char: str) -> str:
    if char in "\\'":
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # (os.fsdecode's stand-in for the byte code - 0xDC00)
        return f"\\x{code - 0xDC00:02x}"
    # (\x is a byte, not a character, past ASCII: "\xa0" is no UTF-8 no-break space.)
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
