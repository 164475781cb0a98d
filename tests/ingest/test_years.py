"""years.read_year: the year alone read at once, as every pattern reads it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.ingest.years import ReadYear, _read, read_year


@given(st.text(st.sampled_from(list("0123456789２٣a -~?/")), min_size=3, max_size=6) | st.from_regex(r"[0-9]{4}", fullmatch=True), st.booleans())
def test_the_year_alone_reads_as_each_pattern_reads_it(value: str, dated: bool) -> None:
    assert read_year(value, dated) == _read(value, dated)


def test_what_the_year_alone_reads_as() -> None:
    assert read_year("2019") == ReadYear("2019") and not read_year("2019").to_say()
    # Not the year alone: other digits ("２０１９"), letters, a season; said.
    assert read_year("２０１９") == ReadYear("2019", other_digits=True)
    assert read_year("2019a") == ReadYear("2019", letters="a")
    assert read_year("2020-21") == ReadYear(years=("2020", "2021"))


# Four characters, each a digit of some kind or a character a pasted year carries: the
# quick path's length, so that each of them meets it (a BOM, a zero-width or narrow
# no-break space, a line or paragraph separator, NEL, a lone "\r", full-width and
# Arabic-Indic digits, a superscript two, "٫").
_NEAR_DIGITS = list("0129２０١٣²\ufeff\u200b\u202f\u2028\u2029\x85\r\n \t٫.")


@given(st.text(st.sampled_from(_NEAR_DIGITS), min_size=4, max_size=4) | st.text(max_size=6), st.booleans())
def test_four_characters_read_as_each_pattern_reads_them(value: str, dated: bool) -> None:
    assert read_year(value, dated) == _read(value, dated)
    assert read_year(value.lstrip(), dated) == _read(value.lstrip(), dated)


def test_four_digits_of_another_kind_are_no_quick_year() -> None:
    # (str.isdigit holds for each of these: the quick path asks isascii too.)
    assert read_year("２０１９") == ReadYear("2019", other_digits=True)
    assert read_year("٢٠١٩") == ReadYear("2019", other_digits=True)
    assert read_year("\ufeff2019").year == "2019" and read_year("2019\u200b").year == "2019"
    assert read_year("²⁰¹⁹").year == "2019"  # (NFKC reads superscript digits as digits)
