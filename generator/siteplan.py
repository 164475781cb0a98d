"""The page plan: every output file of the docs folder, with the navigation.

`plan_site` turns the model (`models.Site`) into `Page`s, `File`s and `Kept`s at the
destinations pages.py decides, building the context of each page whose signature
changed (pagecontext.py, pagesignatures.py). No I/O and no rendering happen here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .errors import Problems
from .escape import theme_text
from .models import Site, Topic
from .pagecontext import Index, all_papers_page, home_page, make_index, paper_page, rest_dated, topic_depths, topic_page, topics_page
from .pages import (
    ALL_PAPERS, HOME, PAPERS_JSON, REFERENCE_DEST, TOPICS, File, HandPage, Kept, Page, dest_of, page_clash, paper_dest,
    relative, topic_exports, topic_url,
)
from .pagesignatures import (
    Layout, all_papers_signature, dirty_pages, paper_signature, topic_signature, topic_unchanged,
)


@dataclass(frozen=True)
class Plan:
    outputs: tuple[Page | File | Kept, ...]
    nav: list = field(default_factory=list)  # MkDocs `nav`, paths relative to docs
    # dest -> everything that page's text is made from, for the next run's ``previous``.
    signatures: Mapping[str, tuple] = field(default_factory=dict)
    layout: Layout | None = None  # for the next run's ``layout``


def plan_site(
    site: Site,
    *,
    hand_pages: Sequence[HandPage] = (),
    bibtex: Mapping[str, str],
    papers_json: str | bytes | None,
    reference: str | None = None,
    extra_files: Mapping[str, str | bytes | None] | None = None,
    problems: Problems | None = None,
    previous: Mapping[str, tuple] | None = None,
    layout: Layout | None = None,
    index: Index | None = None,
    planned: Mapping[str, tuple] | None = None,
) -> Plan:
    """Every output of the docs folder, with the navigation.

    ``hand_pages`` come from `content/pages/`; the one named ``index`` is the home
    page's introduction, the others become pages of their own. ``extra_files`` are
    exports (dest -> text, or None for a file that is current on disk: planned as
    `Kept`) laid out by their own module. A hand-written page whose URL
    another page already has is reported to ``problems`` and left out.

    ``previous`` holds the signatures of pages (see `paper_signature`) that an earlier
    run wrote with the same templates and that are still on disk as written; a paper,
    topic or all-papers page whose signature is unchanged is planned as `Kept`, without
    building its context. ``layout`` is the earlier run's `Plan.layout`: with it, only
    the signatures of pages that may have changed are computed (see `dirty_pages`),
    which reads in ``planned`` (the earlier run's signatures, of pages gone or touched
    since too) what the papers of pages not in ``previous`` were.
    ``index`` is `make_index(site)`, when the caller made it already.
    """
    previous = previous or {}
    signatures: dict[str, tuple] = {}
    problems = problems if problems is not None else Problems()
    extra = dict(extra_files or {})
    extra[PAPERS_JSON] = papers_json
    index = index if index is not None else make_index(site)

    own = [hp for hp in sorted(hand_pages, key=lambda hp: hp.name) if hp.name != "index"]
    intro = next((hp.text for hp in hand_pages if hp.name == "index"), "")
    contribute = "contributing/" if any(hp.name == "contributing" for hp in own) else None

    def unchanged(dest: str, signature: tuple) -> bool:
        signatures[dest] = signature
        return previous.get(dest) == signature

    outputs: list[Page | File | Kept] = [
        home_page(site, index, intro, extra, contribute),
        topics_page(index, site.topics),
    ]
    dirty = dirty_pages(site, index, bibtex, previous, layout, planned)
    dest = dest_of(ALL_PAPERS)
    if dirty is not None and not dirty.listing and dest in previous:
        signatures[dest] = previous[dest]
        outputs.append(Kept(dest))
    elif unchanged(dest, all_papers_signature(index)):
        outputs.append(Kept(dest))
    else:
        outputs.append(all_papers_page(site, index))
    for topic in site.topics:
        url = topic_url(topic.id)
        exports = tuple(
            (label, relative(url, dest))
            for label, dest in topic_exports(topic.id)
            if dest in extra
        )
        dest = dest_of(url)
        if dirty is not None and topic_unchanged(index, topic, exports, previous.get(dest), dirty):
            signatures[dest] = previous[dest]
            outputs.append(Kept(dest))
            continue
        if unchanged(dest, topic_signature(index, topic, exports)):
            outputs.append(Kept(dest))
            continue
        page = topic_page(index, topic)
        outputs.append(
            Page(page.dest, page.url, page.template, {**page.context, "exports": exports})
        )
    # (By id, the index's keys: sorting the strings themselves costs a third of sorting
    # the papers by a key.)
    for pid in sorted(index.papers):
        dest = paper_dest(pid)
        if dirty is not None and pid not in dirty.papers:
            signatures[dest] = previous[dest]  # dirty_pages: its page is in previous
            outputs.append(Kept(dest))
            continue
        paper = index.papers[pid]
        text = bibtex.get(pid, "")
        if unchanged(dest, paper_signature(site, index, paper, text)):
            outputs.append(Kept(dest))
        else:
            outputs.append(paper_page(site, index, paper, text))
    if reference is not None:
        outputs.append(File(REFERENCE_DEST, reference))

    taken = [o.dest for o in outputs] + list(extra)
    kept_hand: list[HandPage] = []
    for hp in own:
        dest = f"{hp.name}.md"
        clash = page_clash(hp.name, taken)
        if clash:
            problems.error(hp.source, clash)
            continue
        taken.append(dest)
        kept_hand.append(hp)
        outputs.append(File(dest, hp.text))
    outputs.extend(
        File(dest, text) if text is not None else Kept(dest) for dest, text in sorted(extra.items())
    )

    topic_pages = topic_nav(site.topics)
    nav: list = [
        {"Home": dest_of(HOME)},
        # Without topics, a plain page: a section holding only its index page shows an
        # arrow that opens onto nothing.
        {"Topics": [dest_of(TOPICS), *topic_pages] if topic_pages else dest_of(TOPICS)},
        {"All papers": dest_of(ALL_PAPERS)},
    ]
    nav += [f"{hp.name}.md" for hp in kept_hand]
    if reference is not None:
        nav.append(REFERENCE_DEST)
    layout = Layout(
        frozenset(index.papers), index.sequences, index.topic_shown, index.taxonomy, site.related,
        index.starts, {topic_id: rest_dated(index, topic_id) for topic_id in index.sequences},
    )
    return Plan(tuple(outputs), nav, signatures, layout)


# The levels of topics the navigation nests: a topic, its sub-topics, theirs; a topic
# deeper still is listed at the third level, after its ancestor there (in tree order).
# `check` sets no limit to a chain of parents, and each level is a step of MkDocs' and
# Material's recursion and an indent of the sidebar.
NAV_TOPIC_LEVELS = 3


def topic_nav(topics: Sequence[Topic]) -> list:
    """The Topics section's entries after its index page: each topic's page, a topic
    with sub-topics as a section of its own whose first page (its index, with Material's
    navigation.indexes) is the topic's, its sub-topics after it."""
    entries: list = []
    levels: list[list] = [entries]  # levels[n]: where the topics of level n go
    last: list[Topic] = []  # last[n]: the topic last put at level n
    for topic, depth in topic_depths(topics):
        level = min(depth, NAV_TOPIC_LEVELS - 1)
        del levels[level + 1:], last[level:]
        if level == len(levels):  # the first sub-topic of the topic last put a level up
            section = [levels[-1][-1]]
            levels[-1][-1] = {theme_text(last[-1].title): section}
            levels.append(section)
        levels[level].append(dest_of(topic_url(topic.id)))
        last.append(topic)
    return entries
