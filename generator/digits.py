"""Digits of another width or script as the digits 0-9 they read as.

A year typed on a Japanese keyboard is '２０２１' (full-width digits), on an Arabic one
'٢٠٢١': Python reads either as 2021 (``int()``, ``\\d`` in a pattern), a page or an
export would show it as typed, and check refuses it. The import reads it as 2021 and
check tells what to write (see validate.year_fix, ingest/years.py).
"""

from __future__ import annotations

import unicodedata


def ascii_digits(text: str) -> str:
    """``text`` with each decimal digit of another width or script ("２", "٢") written
    as the digit 0-9 it stands for; every other character as it is."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char for char in text
    )


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a decimal digit other than 0-9."""
    return not text.isascii() and ascii_digits(text) != text
