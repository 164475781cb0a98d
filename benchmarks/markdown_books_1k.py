"""A 1,000-item Markdown list of books, seeded, for timing `readinglist import` of the
items a book's citation writes (publishers, their cities, pages, APA's year first).

    python benchmarks/markdown_books_1k.py > books.md

Four shapes in turn: names, publisher, perhaps a city, year ("- [Book 1](…) - Jane
Smith, Penguin, London, 2019"); names, a city and colon, publisher, year; names,
publisher, year and pages; APA's "Smith, J. (2019). City: Publisher.". Publishers and
cities the reader knows and some it does not ("Sage", "Hillsdale, NJ"). Timed as the
fifty-third session timed markdown_list_10k.py's list: the CPU time
(`time.process_time`) of `parse_markdown_list` over the text, trees alternated.
"""

from __future__ import annotations

import random

PUBLISHERS = ["Penguin", "MIT Press", "Springer", "W. W. Norton & Company", "Wiley", "Little, Brown", "Sage", "Erlbaum"]
CITIES = ["New York", "London", "Hillsdale, NJ", "Chichester, UK", "Cambridge, MA", "Newbury Park, CA", ""]
NAMES = ["Cal Newport", "Jane Smith", "Ian Goodfellow", "Trevor Hastie", "Maria Garcia"]


def main() -> str:
    r = random.Random(37)
    out = ["# Books", ""]
    for i in range(1000):
        n, p, c, y = r.choice(NAMES), r.choice(PUBLISHERS), r.choice(CITIES), r.randint(1950, 2024)
        t = f"[Book {i}](https://example.org/b{i}.pdf)"
        out.append([
            f"- {t} - {n}, {p}, {c + ', ' if c else ''}{y}",
            f"- {t} - {n}. {c + ': ' if c else ''}{p}, {y}",
            f"- {t} - {n}, {p}, {y}, pp. {i}-{i + 20}",
            f"- {t} - Smith, J. ({y}). {c + ': ' if c else ''}{p}.",
        ][i % 4])
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(main(), end="")
