"""A paper named by its title where its id belongs (`related:`, `not_related:`,
`not_same_as:`, a reading order): `check` suggests the id of the one paper of that title,
written whole or as a slug (a new paper's id is its title's slug, cut short; an older id
may be another)."""

from __future__ import annotations

from tests.test_check_beside import with_pages
from tests.test_curation import NO_SUCH_PAPER, _Project
from tests.test_curation_cross_file import TOPICS, messages, paper, project

TITLE = "A Paper About Other Things"
SUGGESTED = f" (did you mean 'b-paper', the paper titled {TITLE!r}?)"


def test_a_related_paper_named_by_its_title_or_its_slug_is_told_its_id(tmp_path):
    # (curator: related: [a-paper-about-other-things], the address they guessed, was
    # "unknown paper" with no suggestion, though one paper has that title)
    c = paper("c", extra=f"related: [a-paper-about-other-things, \"{TITLE}\", \"{TITLE.upper()}\"]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), b_paper=f"id: b-paper\ntitle: {TITLE}\n", c=c)
    related = [m for m in messages(root) if "unknown paper" in m]
    # (Each a name of one paper: the first told its id, the others that it is named, as
    # each written so would name it twice.)
    again = ", which this list names already (at line 3, column 11); remove it"
    assert related == [
        "content/papers/c.yml:3:11: unknown paper 'a-paper-about-other-things'" + SUGGESTED,
        f"content/papers/c.yml:3:39: unknown paper {TITLE!r}" + SUGGESTED + again,
        f"content/papers/c.yml:3:69: unknown paper {TITLE.upper()!r}" + SUGGESTED + again,
    ]


def test_a_title_two_papers_have_suggests_neither(tmp_path):
    c = paper("c", extra=f"not_related: [\"{TITLE}\"]\n")
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), b_paper=f"id: b-paper\ntitle: {TITLE}\n",
        b_paper_2=f"id: b-paper-2\ntitle: {TITLE}\n", c=c,
    )
    assert f"content/papers/c.yml:3:15: unknown paper {TITLE!r}; remove it here, or write a paper's id: its" \
        " file's name in content/papers/ without .yml (once the site is built, readinglist search WORDS lists papers as" \
        " papers/<id>/)" in messages(root)


def test_a_rerun_suggests_by_the_titles_as_edited(tmp_path, monkeypatch):
    # (a rerun checks only the edited files: its suggestion must be a full load's,
    # which _Project.check asserts, by the titles as they are now)
    root = project(tmp_path / "p", TOPICS, a=paper("a"), b=paper("b"), c=paper("c"))
    work = _Project(root, monkeypatch, None)
    work.check("nothing to say")
    # (the paper retitled checked after the one naming it: "c" after "a")
    work.edit("a.yml", "title: A in-context", "related: [first-paper]\ntitle: A in-context")
    work.edit("c.yml", "title: C in-context multi-task", "title: First Paper")
    work.check("c retitled, a naming it by its new title")
    assert [p.message for p in work.fresh_problems.items if "unknown paper" in p.message] == [
        "unknown paper 'first-paper' (did you mean 'c', the paper titled 'First Paper'?)",
    ]


OTHER = "Paper About Other Things"


def test_an_id_joined_to_its_papers_title_slug_either_way_round_is_told_the_id(tmp_path):
    # (curator: related: [b-paper-about-other-things], paper b's id and its title's slug
    # joined, as some lists write a paper's address, was "unknown paper" with no
    # suggestion, though it names b twice over)
    c = paper("c", extra="related: [b-paper-about-other-things, paper-about-other-things-b, B-Paper-About-Other-Things]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=f"id: b\ntitle: {OTHER}\n", c=c)
    meant = f" (did you mean 'b', the paper titled {OTHER!r}?)"
    again = ", which this list names already (at line 3, column 11); remove it"
    assert [m for m in messages(root) if "unknown paper" in m] == [
        "content/papers/c.yml:3:11: unknown paper 'b-paper-about-other-things'" + meant,
        "content/papers/c.yml:3:39: unknown paper 'paper-about-other-things-b'" + meant + again,
        "content/papers/c.yml:3:67: unknown paper 'B-Paper-About-Other-Things'" + meant + again,
    ]


def test_an_id_and_title_slug_that_fit_two_papers_suggest_neither(tmp_path):
    # 'a-b-things': a's id and the slug of its title "B Things", or a-b's id and the
    # slug of its title "Things"; 'b-things': b's id and its title's slug, or the whole
    # slug of x's title "B Things" (a's too, so no title suggests it alone: here b's)
    c = paper("c", extra="related: [a-b-things, b-things]\n")
    root = project(
        tmp_path, TOPICS, a="id: a\ntitle: B Things\n", b="id: b\ntitle: Things\n", c=c,
        **{"a-b": "id: a-b\ntitle: Things\n", "x": "id: x\ntitle: B Things\n"},
    )
    assert [m for m in messages(root) if "unknown paper" in m] == [
        "content/papers/c.yml:3:11: unknown paper 'a-b-things'" + NO_SUCH_PAPER,
        "content/papers/c.yml:3:23: unknown paper 'b-things'" + NO_SUCH_PAPER,
    ]


def test_a_hand_pages_link_to_a_paper_by_its_title_is_told_the_papers_page(tmp_path):
    # (curator: a link to papers/attention-is-all-you-need/, the paper's id being
    # vaswani2017, had no suggestion, where a YAML id would have been told it)
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"),
        vaswani2017="id: vaswani2017\ntitle: Attention Is All You Need\n",
    )
    with_pages(
        root,
        about="# About\n\nSee [it](papers/attention-is-all-you-need/) and"
        " [this](papers/vaswani2017-attention-is-all-you-need.md).\n",
    )
    meant = " (did you mean 'papers/vaswani2017.md', the paper titled 'Attention Is All You Need'?)"
    assert [m for m in messages(root) if "about.md" in m] == [
        "content/pages/about.md:3:10: link 'papers/attention-is-all-you-need/' leads to no page:"
        " no paper 'attention-is-all-you-need'" + meant,
        "content/pages/about.md:3:56: link 'papers/vaswani2017-attention-is-all-you-need.md' leads"
        " to no page: no paper 'vaswani2017-attention-is-all-you-need'" + meant,
    ]


def test_an_id_joined_to_its_long_titles_slug_cut_as_an_id_is_told_the_id(tmp_path):
    # (a slug written as `readinglist import` makes an id of a title: cut at a word
    # before 80 characters, here after 'alike')
    long = "Two Long Titles That Begin Alike Are Two Titles And This One Goes On For Ninety Characters"
    cut = "two-long-titles-that-begin-alike-are-two-titles-and-this-one-goes-on-for-ninety"
    assert len(cut) <= 80 < len(cut + "-characters")
    c = paper("c", extra=f"related: [b-{cut}]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=f"id: b\ntitle: {long}\n", c=c)
    assert [m for m in messages(root) if "unknown paper" in m] == [
        f"content/papers/c.yml:3:11: unknown paper 'b-{cut}' (did you mean 'b', the paper titled {long!r}?)",
    ]


def test_a_paper_named_by_a_title_with_punctuation_is_told_its_id(tmp_path):
    # (user: related: ["LoRA: Low-Rank Adaptation of Large Language Models"], a title
    # with a colon as most have, was told only "'related' must be an id of lowercase
    # a-z, 0-9 and single hyphens", no suggestion, though README says a title is
    # suggested for whatever its punctuation)
    title = "LoRA: Low-Rank Adaptation of Large Language Models"
    c = paper("c", extra=f"related: [\"{title}\", \"Nothing: Of That Title\"]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), lora=f"id: lora\ntitle: \"{title}\"\n", c=c)
    said = [m for m in messages(root) if m.startswith("content/papers/c.yml:3:")]
    assert said == [
        f"content/papers/c.yml:3:11: unknown paper {title!r} (did you mean 'lora', the paper titled {title!r}?)",
        "content/papers/c.yml:3:65: unknown paper 'Nothing: Of That Title'; remove it here, or write a paper's"
        " id: its file's name in content/papers/ without .yml (once the site is built, readinglist search WORDS lists papers as"
        " papers/<id>/)",
    ]


def test_a_paper_named_by_its_arxiv_id_or_doi_as_pasted_is_told_its_id(tmp_path):
    # (curator: related: [https://arxiv.org/abs/2106.09685], the address they had open,
    # was "'related' must be an id of lowercase a-z, 0-9 and single hyphens", with no
    # word of the paper of the list that has that arXiv id)
    b = f"id: b-paper\ntitle: {TITLE}\narxiv: \"2106.09685\"\n"
    d = "id: d\ntitle: D\ndoi: 10.1145/3442188.3445922\n"
    pasted = [
        "https://arxiv.org/abs/2106.09685v2", "arXiv:2106.09685", "\"2106.09685\"",
        "https://doi.org/10.1145/3442188.3445922", "10.1145/3442188.3445922",
    ]
    c = paper("c", extra=f"related: [{', '.join(pasted)}]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), b_paper=b, d=d, c=c)
    said = [m for m in messages(root) if "c.yml" in m]
    meant_b, meant_d = SUGGESTED, " (did you mean 'd', the paper titled 'D'?)"
    again_b, again_d = (f", which this list names already (at line 3, column {c}); remove it" for c in (11, 79))
    assert said == [
        "content/papers/c.yml:3:11: unknown paper 'https://arxiv.org/abs/2106.09685v2'" + meant_b,
        "content/papers/c.yml:3:47: unknown paper 'arXiv:2106.09685'" + meant_b + again_b,
        "content/papers/c.yml:3:65: unknown paper '2106.09685'" + meant_b + again_b,
        "content/papers/c.yml:3:79: unknown paper 'https://doi.org/10.1145/3442188.3445922'" + meant_d,
        "content/papers/c.yml:3:120: unknown paper '10.1145/3442188.3445922'" + meant_d + again_d,
    ]


def test_an_arxiv_id_no_paper_has_is_an_unknown_paper(tmp_path):
    c = paper("c", extra="not_related: [arXiv:2101.00001]\n")
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=c)
    assert "content/papers/c.yml:3:15: unknown paper 'arXiv:2101.00001'; remove it here, or write a" \
        " paper's id: its file's name in content/papers/ without .yml (once the site is built, readinglist search WORDS" \
        " lists papers as papers/<id>/)" in messages(root)


def test_a_title_the_paper_shares_with_one_other_names_that_other(tmp_path):
    # (curator: in one of two versions of a paper, a conference and a journal one, of
    # one title, 'not_same_as: ["<the title>"]' was "unknown paper ...; write a paper's
    # id" with no suggestion: two papers have that title, but one is the paper itself,
    # which its own list cannot name; the other is meant.)
    two = f"id: b-paper-2\ntitle: {TITLE}\nnot_same_as: [\"{TITLE}\"]\nrelated: [a-paper-about-other-things]\n"
    root = project(
        tmp_path, TOPICS, a=paper("a"), b=paper("b"), b_paper=f"id: b-paper\ntitle: {TITLE}\n", b_paper_2=two,
    )
    said = [m for m in messages(root) if "unknown paper" in m and "b_paper_2" in m]
    assert said == [
        f"content/papers/b_paper_2.yml:3:15: unknown paper {TITLE!r}" + SUGGESTED,
        "content/papers/b_paper_2.yml:4:11: unknown paper 'a-paper-about-other-things'" + SUGGESTED,
    ]


def test_a_typo_of_the_papers_own_id_in_its_list_is_not_told_that_id(tmp_path):
    # (user: 'related: [my-own-papr]' in my-own-paper.yml was told "did you mean
    # 'my-own-paper'?", which check then refuses: a paper cannot be related to itself,
    # as its own title there is not suggested either, aa0f77a)
    own = "id: my-own-paper\ntitle: Mine\nrelated: [my-own-papr]\nnot_same_as: [my-own-pape]\n"
    root = project(tmp_path, TOPICS, a=paper("a"), b=paper("b"), c=paper("c"), **{"my-own-paper": own})
    said = [m for m in messages(root) if m.startswith("content/papers/my-own-paper.yml:") and "unknown" in m]
    assert said == [
        "content/papers/my-own-paper.yml:3:11: unknown paper 'my-own-papr'" + NO_SUCH_PAPER,
        "content/papers/my-own-paper.yml:4:15: unknown paper 'my-own-pape'" + NO_SUCH_PAPER,
    ]
