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

_PICTURES = {"\n": "␤", "\t": "␉", "\r": "␍"}


def quoted(value: object) -> str:
    """``value`` in quotes as written (see above); anything but a string as repr() says it."""
    if not isinstance(value, str):
        return repr(value)
    text = value if value.isprintable() else "".join(map(_shown, value))
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return f"“{text}”"


def _shown(char: str) -> str:
    if char.isprintable():
        return char
    return _PICTURES.get(char) or repr(char)[1:-1]
