"""The pages' counts (render.counted, in Python) as Chromium's Intl.NumberFormat writes
them for the page's language, as table-filter.js writes the table's counts beside them
("**10.000** papers" above "All 10.000 papers" on a German site, not "10000")."""

from __future__ import annotations

import pytest

from generator.render import counted

NUMBERS = [0, 7, 999, 1000, 1234, 10000, 100000, 1234567, 10000000]

# Material's languages that Chromium has number data for (it writes a language it has
# none for as English, where other browsers follow CLDR, as Babel does: "be", "hy", "sq"
# and a few more are left out), en, de, fr and hi first: every way of grouping (a comma,
# a full stop, a narrow or a plain no-break space, lakhs, four digits ungrouped) and of
# digits (Persian's, Bengali's).
LANGUAGES = [
    "en", "de", "fr", "hi", "es", "it", "pl", "bg", "hu", "pt-BR", "pt", "ru", "uk", "cs",
    "sv", "nb", "fi", "nl", "da", "ro", "tr", "el", "he", "ar", "fa", "bn", "ja", "ko",
    "zh", "zh-Hant", "zh-TW", "th", "vi", "id", "ta", "te", "kn", "ur", "sh", "sr", "hr",
]


@pytest.fixture(scope="module")
def written(browser) -> dict[str, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    try:
        return page.evaluate(
            """([languages, numbers]) => Object.fromEntries(languages.map(language =>
                [language, numbers.map(n => new Intl.NumberFormat(language).format(n))]))""",
            [LANGUAGES, NUMBERS],
        )
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_on_the_page_is_the_one_the_browser_writes_for_its_language(written, language):
    assert [counted(n, language) for n in NUMBERS] == written[language]


def test_the_languages_differ_where_a_reader_would_misread_a_count(written):
    # (So that the test above compares something: a German "10.000" is not an English
    # "10,000", a French count has a narrow no-break space, Hindi groups by lakhs.)
    at = NUMBERS.index(100000)
    assert [written[language][at] for language in ("en", "de", "fr", "hi")] == [
        "100,000", "100.000", "100\u202f000", "1,00,000",
    ]
