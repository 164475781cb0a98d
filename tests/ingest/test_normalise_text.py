"""ingest.normalise_text: every line end a newline, no byte-order mark, whatever the
source wrote."""

from generator.ingest import normalise_text


def test_every_line_end_is_a_newline_and_the_byte_order_mark_goes():
    assert normalise_text("\ufeffa\r\nb\rc\nd\r") == "a\nb\nc\nd\n"
    assert normalise_text("a\r\r\nb") == "a\n\nb"
    assert normalise_text(b"\xef\xbb\xbfa\r\nb") == "a\nb"


def test_a_text_without_a_carriage_return_is_given_back_as_it_is():
    # (Not scanned twice for line ends it does not have: a 10,000-entry .bib, 15 ms.)
    text = "@misc{k,\n  title = {T},\n}\n"
    assert normalise_text(text) is text
