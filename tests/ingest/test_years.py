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
