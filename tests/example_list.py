"""Which content/ the tests of the shipped example list may run on.

The repository ships a 180-paper example list, and some tests check that list itself
(its 180 papers, its topics' quality, pages of named papers). A lab that replaces it with
its own list keeps the rest of the suite; those tests no longer apply and are skipped,
with the reason said. Which list content/ holds is told by
``generator/data/example-list.txt``, the example's paper and topic ids (package data:
`readinglist init` tells the example by it too, in a copy without tests/):

* content/ holds exactly those ids: the example; its tests run;
* the example's seed listing is gone from content/sources/: a list of one's own; skipped;
* the seed listing is there but the ids differ: an error, never a silent skip (the example
  was changed without this file, or a list of one's own kept the seed listing).

``python -m tests.example_list`` rewrites the file from content/ after a change to the
example.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "generator" / "data" / "example-list.txt"
SEED = ROOT / "content" / "sources" / "000_19bd02ae25786342.txt"
OWN_LIST = (
    "content/ is a list of your own, not the shipped example (its seed listing"
    " content/sources/000_19bd02ae25786342.txt is gone): tests of the example do not apply"
)


def current_ids() -> list[str]:
    """``paper ID`` and ``topic ID`` lines for what content/ holds now."""
    papers = sorted(path.stem for path in (ROOT / "content" / "papers").glob("*.yml"))
    topics_file = ROOT / "content" / "topics.yml"
    try:
        data = yaml.safe_load(topics_file.read_text(encoding="utf-8")) or {}
        topics = sorted(str(t["id"]) for t in data.get("topics") or ())
    except (OSError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        topics = ["(topics.yml unreadable)"]
    return [f"paper {pid}" for pid in papers] + [f"topic {tid}" for tid in topics]


def verdict() -> tuple[bool, str]:
    """(run the example's tests?, why not): raises on a mismatch the seed says is wrong."""
    recorded = MANIFEST.read_text(encoding="utf-8").splitlines()
    now = current_ids()
    if now == recorded:
        return True, ""
    if not SEED.exists():
        return False, OWN_LIST
    gone = sorted(set(recorded) - set(now))
    new = sorted(set(now) - set(recorded))
    raise RuntimeError(
        "content/ holds the example's seed listing but not the example's papers and topics"
        f" as generator/data/example-list.txt records them (missing: {gone[:5]}, not recorded:"
        f" {new[:5]}). If you changed the example, run `python -m tests.example_list`; if"
        " the list is now your own, remove content/sources/000_19bd02ae25786342.txt."
    )


if __name__ == "__main__":
    MANIFEST.write_text("\n".join(current_ids()) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}")
