"""What follows an id that names no paper or topic, wherever one is named: a paper's
`related:`, `not_related:`, `topics:` and `exclude_topics:`, a topic's reading order and
`parent:`, a hand-written page's link (and `rename`'s argument). One builder, so that
each place ends with the same next step."""

from __future__ import annotations

from .schema import TOPICS_FILE

# Where a paper's id is found.
FIND_PAPER_ID = (
    "its file's name in content/papers/ without .yml (readinglist search WORDS lists papers"
    " as papers/<id>/)"
)
# After "unknown paper 'x'" when no id is close enough to suggest (nor a record says
# what became of it).
UNKNOWN_PAPER_REMEDY = f"; remove it here, or write a paper's id: {FIND_PAPER_ID}"
# After "unknown topic 'x'" and its suggestion, if any: a topic deleted from topics.yml
# leaves no record (a renamed one has `formerly:`), so this cannot tell a deleted topic
# from a typo and says what to do for either.
UNKNOWN_TOPIC_REMEDY = f"; remove it here, write the topic meant, or define it in {TOPICS_FILE}"


def after_unknown(what: str, suggestion: str) -> str:
    """What follows "unknown paper 'x'" or "unknown topic 'x'" (``what``), given the
    suggestion of an id close to it (" (did you mean ...?)", "" for none). For a paper
    the suggestion alone says what to write, else where a paper's id is found; for a
    topic the remedy follows the suggestion too: the topic named may be one still to
    define."""
    if what == "topic":
        return suggestion + UNKNOWN_TOPIC_REMEDY
    return suggestion or UNKNOWN_PAPER_REMEDY
