"""The year a BibTeX or RIS value gives, and what to tell the curator of one written
otherwise than as the year alone.

A value holding one four-digit year among words (a date "2019-05-01", RIS's "2017///",
"Dec. 2019") gives it without a word. Said, at the value, are: letters after the
year, as exporters tell apart two works of one author and year ("2020a", "2020ab",
"2020 a", "2020a-b": the year is read, the letters left out); a year said to be
approximate ("circa 2019", "c. 2019", "ca. 2019" or "ca 2019" but not "CA 2019" nor "CA. 2019",
California's perhaps, "approx. 2019" or "approx 2019",
biblatex's EDTF date "2019~" or uncertain "2019?": read as 2019, which the paper's
page shows as its year, known); digits of another width
or script ("２０２１": read as 2021, which check takes); and two years ("2020-2021",
"2019/2020", a season "2020-21"), of which none is taken, as which one the paper was
published in is the curator's to say.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..digits import ascii_digits, has_other_digits
from ..quoting import quoted

FOUR_DIGITS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
# A year and the next one's last two digits, as a season or an academic year is written
# ("2020-21", "2019/20"); in a date, "2011-12" is December (see `read_year`), as it is
# in a year field with a day after it ("2011-12-05").
_SEASON = re.compile(r"(?<![0-9])([0-9]{4})\s*(?:-{1,3}|[–—/])\s*([0-9]{2})(?![0-9])")
# A day after "2011-12": the value is a date ("2011-12-05"), its "12" December.
_DAY_AFTER = re.compile(r"\s*[-/]\s*[0-9]{1,2}(?![0-9])")
# A year with letters after it: "2020a", "2020ab" (after "2020z"), "2020 a", "2020a-b".
_LETTERED = re.compile(r"[0-9]{4}\s?([A-Za-z]{1,2}(?:\s?[-–,/]\s?[A-Za-z]{1,2})*)")
# What says a year is approximate: "circa", "ca.", "c.", "approx." or "approximately"
# before it (a TeX tie, "circa~2019", between too), "ca" and "approx" without their dots
# as well, but not "CA" in capitals, with its dot or without ("CA 2019", "CA. 2019"),
# which may be California's ("Stanford, CA."): as for "ca", the dot tells nothing, the
# capitals do; "C." is circa's, as "Ca" and "Circa" are; or EDTF's "~" after
# the date (biblatex's circa date, "2019~", or with a space, "2019-05 ~"; "?", uncertain,
# "2019-05?"; "%", approximate and uncertain). (The space is no part of the mark.)
_APPROXIMATE = re.compile(
    r"(?<![^\W\d_])(circa|c\.|approx\.?|approximately|(?-i:[Cc]a)(?:\.|(?=[\s~])))(?=[\s~]*[0-9]{4})"
    r"|(?<=[0-9])[ \t]*([~%?])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadYear:
    """What a year's value reads as: ``year``, four digits 0-9 ("" for none); the
    ``letters`` after it, left out; the word or mark that says it is ``approximate``
    ("circa"), as written; whether it is written in ``other_digits`` than 0-9;
    the ``years`` it names when it names more than one (and ``year`` is then "")."""

    year: str = ""
    letters: str = ""
    other_digits: bool = False
    approximate: str = ""
    years: tuple[str, ...] = ()

    def to_say(self) -> bool:
        """Whether the curator is told of the value (`said`)."""
        return bool(self.letters or self.other_digits or self.years or self.approximate)


def read_year(value: str, dated: bool = False) -> ReadYear:
    """The year ``value`` gives. ``dated``: a date's field (biblatex's ``date``, RIS's
    "year/month/day/other"), where two digits after the year are its month ("2011-12"),
    and the letters are looked for before its first "/"."""
    if len(value) == 4 and value.isascii() and value.isdigit():
        return ReadYear(value)  # (the year alone, as most entries write it: what `_read` finds)
    return _read(value, dated)


def _read(value: str, dated: bool) -> ReadYear:
    """`read_year` of any value, each pattern looked for."""
    plain = _plain(value)
    years = FOUR_DIGITS.findall(plain)
    for season in _SEASON.finditer(plain):
        first, then = season.groups()
        month = int(then) <= 12 and (dated or _DAY_AFTER.match(plain, season.end()))
        if int(then) == (int(first) + 1) % 100 and not month:
            years.append(str(int(first) + 1))
    other_digits = has_other_digits(value)
    named = tuple(dict.fromkeys(years))
    if len(named) != 1:
        return ReadYear(other_digits=other_digits, years=named if len(named) > 1 else ())
    lettered = _LETTERED.fullmatch(plain.split("/", 1)[0].strip() if dated else plain)
    approximate = _APPROXIMATE.search(plain)
    mark = (approximate.group(1) or approximate.group(2)) if approximate else ""
    return ReadYear(named[0], lettered.group(1) if lettered else "", other_digits, mark)


def _plain(value: str) -> str:
    return ascii_digits(unicodedata.normalize("NFKC", value)).strip()


def without_approximate(value: str) -> str:
    """``value``, a date `read_year` reads as approximate, as written without the word or
    mark that says so (and the space or tie after a word), where that is a date as
    biblatex's ``date`` takes one: "2019-05~" is "2019-05", its month kept, "circa 2019"
    "2019"; "" for another ("May 2019~")."""
    plain = _plain(value)
    found = _APPROXIMATE.search(plain)
    if found is None:
        return ""
    after = plain[found.end():]
    kept = (plain[: found.start()] + (after.lstrip(" \t~") if found.group(1) else after)).strip()
    return kept if _ISO_DATE.fullmatch(kept) else ""


# A year, a month or a day, as ISO 8601 writes it (and biblatex's date field reads it).
_ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


# How BibTeX reads a value written without braces or quotes.
_BARE = (
    "is written without braces or quotes, which BibTeX takes only for a number or a @string's"
    " name (it reads no year here)"
)


def said(name: str, written: str, read: ReadYear, fixes: dict[str, str], bare: bool = False, of: str = "") -> str:
    """What is said of ``written``, the value of field or tag ``name`` (quoted as a
    message shows it) read as ``read`` (`ReadYear.to_say`); ``fixes``: each year it may
    be -> the line to write for it, quoted;
    ``bare``: a BibTeX value without braces or quotes that is no number; ``of``: what
    gets no year of a value naming two ("entry", "record")."""
    what = [_BARE] if bare else []
    if read.other_digits:
        what.append("is written in digits other than 0-9")
    if read.years:
        what.append(f"names two years, {read.years[0]} and {read.years[1]}" if len(read.years) == 2 else (
            f"names {len(read.years)} years, {', '.join(read.years[:-1])} and {read.years[-1]}"
        ))
        told = " or ".join(fixes[year] for year in read.years)
        return (
            f"{name} {written} {', and '.join(what)}: the paper gets no year from this {of};"
            f" write the one it was published in, as {told}"
        )
    letters = "a letter" if sum(char.isalpha() for char in read.letters) == 1 else "letters"
    if read.letters:
        what.append(
            f"has {letters} after the year, as some exporters write to tell apart two works of one author and year"
        )
    if read.approximate:
        what.append(f"says the year is approximate ({quoted(read.approximate)})")
    left_out = f", the {letters.split()[-1]} left out" if read.letters else ""
    write = (
        f"the year the paper was published in, as {fixes[read.year]}" if read.approximate
        else f"{fixes[read.year]}{' to say so' if read.letters else ''}"
    )
    return f"{name} {written} {', and '.join(what)}: read as {read.year}{left_out}; write {write}"
