"""Whether the `{% if %}` tests of a generated page's template hold for one page, for
`check` (pageanchors.template_anchors: which of its headings and ids the page has).

Each test is evaluated by Jinja, as the template evaluates it, against the page's
context as the build makes it (pagecontext.py), and nothing is rendered: `check` had
its own copy of three tests' logic, and took every other heading as always there
(a paper's "Reading order", a topic's "Related topics", the home page's "Recently
added"), which the build then refused. A test is tried first with the page's paper or
topic alone, which most read (a paper's notes). A test of whether one of the names of
`GROWING` is there is tried next on the page as a site of a few of the list's papers
makes it (the page's own, those the reading orders name, and one likely member of each
topic: `likely_members`): there, it is there on the whole list's page too. Only a test
that reads more, or one still unanswered, has the whole context made, with the list's
topic assignments (some 2 s of CPU at 10,000 papers on a loaded machine, once per
`check`: BENCHMARKS.md, the fifty-eighth session). What `check` does not make (the
related papers: its test is undecided) leaves a test undecided, and its part is taken
as there.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Callable, Mapping

import jinja2

from .models import Content, Paper, Site, TopicAssignment
from .pages import EXPORT_LINKS

if TYPE_CHECKING:
    from .pagecontext import Index
    from .topics import Matcher

Decide = Callable[[str], "bool | None"]

# Per template, the names of its page's context that are there (not empty) on the page
# a site of some of the list's papers makes (the page's own paper among them, with the
# topics each has on the whole list) only if they are there on the whole list's page:
# each is there when some paper or topic is (a paper of the topic; one of them in a
# topic the page does not link already; a paper its reading order names; a sub-topic;
# another paper in a topic of the page's paper; a dated paper), and more papers take
# none away. A test of one of them alone (`name`, `not name`) is so decided from a few
# papers' site when it is there (tests/test_handlinks_anchors.py tries every page of a
# varied list on the site of each set of its papers).
GROWING: Mapping[str, frozenset[str]] = {
    "paper.md.j2": frozenset({"neighbours"}),
    "topic.md.j2": frozenset({"papers", "related_topics", "start_here", "subtopics"}),
    "home.md.j2": frozenset({"cards", "recent", "exports", "contribute"}),
    "all_papers.md.j2": frozenset({"rows"}),
}


class PageTests:
    """The tests of the generated pages of ``content`` (``intro``: the home page's
    introduction, content/pages/index.md; ``contributing``: whether the list has a
    content/pages/contributing.md, which the home page links)."""

    def __init__(self, content: Content, intro: str, contributing: bool) -> None:
        self._content = content
        self._intro = intro
        self._contributing = contributing
        self._compiled: dict[str, Callable[..., object] | None] = {}
        # (For `_few`: each paper's topics, by its id, and the topics' rules.)
        self._assigned: dict[str, tuple[TopicAssignment, ...]] = {}
        self._matcher: Matcher | None = None

    def decider(self, template: str, subject: object | None) -> Decide:
        """test -> whether it holds on the page of ``template`` for ``subject`` (its
        paper or topic; None for the home and All papers pages), None if not known."""
        # (A paper page's BibTeX is its paper's alone, as the build passes it to
        # pagecontext.paper_page: a link to its "#cite" made the whole context.)
        own: dict[str, object] = (
            {"paper": subject, "bibtex": _citation(subject)} if template == "paper.md.j2"
            else {"topic": subject} if template == "topic.md.j2"
            else {"intro": self._intro} if template == "home.md.j2"
            else {}
        )
        whole = functools.cache(lambda: self._context(template, subject))
        few = functools.cache(lambda: self._few(template, subject))

        def decide(test: str) -> bool | None:
            expression = self._expression(test)
            if expression is None:
                return None
            # (The page's own names alone only for a test that reads no other: one
            # that asks whether a name is there, `neighbours is defined`, or gives it a
            # `default`, raises nothing where the name is missing, and was answered so.)
            contexts = (lambda: own, whole) if _names(test) <= own.keys() else (whole,)
            growing = test.removeprefix("not ").strip()
            # (Once the whole list's site is made, for a test the few papers' site left
            # open, a page's whole context costs less than a site of its own paper and
            # the few.)
            if growing in GROWING.get(template, ()) and "_site" not in vars(self) and few().get(growing):
                # (There on a few papers' site, so on the whole list's: the test, which
                # reads only whether it is, is answered as there.)
                return bool(expression(**few()))
            for context in contexts:
                try:
                    return bool(expression(**context()))
                except jinja2.UndefinedError:  # (it reads what this context lacks)
                    continue
            return None

        return decide

    def _expression(self, test: str) -> Callable[..., object] | None:
        """``test`` compiled; None when it is no expression (pageanchors._loop_test: a
        loop with a filter), left undecided."""
        if test not in self._compiled:
            try:
                # (An undefined name stays undefined, and raises when the test reads it.)
                self._compiled[test] = _environment().compile_expression(test, undefined_to_none=False)
            except jinja2.TemplateSyntaxError:
                self._compiled[test] = None
        return self._compiled[test]

    @functools.cached_property
    def _site(self) -> tuple[Site, object]:
        """The site as the build models it, but for the related papers, and its index."""
        from .pagecontext import make_index
        from .topics import assign_topics

        content = self._content
        site = Site(content.papers, content.topics, assign_topics(content.papers, content.topics), {})
        return site, make_index(site)

    def _context(self, template: str, subject: object | None) -> Mapping[str, object]:
        """The page's context as pagecontext makes it for the build."""
        return self._context_on(*self._site, template, subject)

    @functools.cached_property
    def _likely(self) -> tuple[Paper, ...]:
        """The papers a site of a few is made of, besides the page's own, in the list's
        order: those a reading order names, and a paper likely in each topic."""
        from .topicsfile import likely_members

        content = self._content
        named = {pid for topic in content.topics for pid in topic.reading_order}
        chosen = named | {p.id for p in likely_members(content, {t.id for t in content.topics})}
        return tuple(p for p in content.papers if p.id in chosen)

    @functools.cached_property
    def _few_site(self) -> tuple[Site, Index]:
        """The site of `_likely`'s papers alone, and its index: the few papers' site of
        every page but a paper's not among them (made once: made for each linked page,
        with a walk of the whole list to find its papers, 1,000 paper pages cost about
        twice the whole context at 10,000 papers: BENCHMARKS.md, the fifty-eighth
        session, h_rev86)."""
        from .pagecontext import make_index

        site = self._few_of(self._likely)
        return site, make_index(site)

    def _few_of(self, papers: tuple[Paper, ...]) -> Site:
        """The site of ``papers``, with the topics each has on the whole list."""
        from .topics import assign_paper, compile_topics

        for paper in papers:
            if paper.id not in self._assigned:
                if self._matcher is None:
                    self._matcher = compile_topics(self._content.topics)
                self._assigned[paper.id] = assign_paper(paper, self._matcher)
        return Site(papers, self._content.topics, {p.id: self._assigned[p.id] for p in papers}, {})

    def _few(self, template: str, subject: object | None) -> Mapping[str, object]:
        """The page's context as pagecontext makes it on a site of a few of the list's
        papers, with their topics (see `GROWING`): the page's own paper and `_likely`'s."""
        from .pagecontext import make_index

        if not isinstance(subject, Paper) or subject.id in self._few_site[1].papers:
            return self._context_on(*self._few_site, template, subject)
        site = self._few_of((*self._likely, subject))
        return self._context_on(site, make_index(site), template, subject)

    def _context_on(self, site: Site, index: object, template: str, subject: object | None) -> Mapping[str, object]:
        """The page's context as pagecontext makes it for ``site``, whose index is ``index``."""
        from . import pagecontext

        if template == "paper.md.j2":
            context = dict(pagecontext.paper_page(site, index, subject, _citation(subject)).context)  # type: ignore[arg-type]
            del context["related"]  # (not made here: see the module's docstring)
            return context
        if template == "topic.md.j2":
            return pagecontext.topic_page(index, subject).context  # type: ignore[arg-type]
        if template == "home.md.j2":
            # (The build writes every export of EXPORT_LINKS, always: exports.export_files.)
            exports = {dest: None for _, dest in EXPORT_LINKS}
            contribute = "contributing" if self._contributing else None
            return pagecontext.home_page(site, index, self._intro, exports, contribute).context  # type: ignore[arg-type]
        if template == "all_papers.md.j2":
            return pagecontext.all_papers_page(site, index).context  # type: ignore[arg-type]
        return {}


def _citation(paper: object) -> str:
    """The BibTeX a paper's page shows (its ``bibtex``), as the build makes it
    (build.Memo.bibtex_entries)."""
    from .export_bibtex import entry_texts

    return entry_texts(paper)[1]  # type: ignore[arg-type]


@functools.cache
def _names(test: str) -> frozenset[str]:
    """The names of the context ``test`` (an expression Jinja compiles) reads."""
    from jinja2 import meta

    return frozenset(meta.find_undeclared_variables(_environment().parse(f"{{{{ ({test}) }}}}")))


@functools.cache
def _environment() -> jinja2.Environment:
    """The renderer's environment: its filters, and its strict undefined."""
    from .render import Renderer

    return Renderer().env
