"""Acronyms the list defines (generator/acronyms.py): which parentheses define one, which
texts spell a long form out, and what a list's glossary keeps."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.acronyms import (
    SMALL_WORDS,
    STOP_WORDS,
    Definition,
    Glossary,
    Memo,
    find_definitions,
    long_form_key,
    spelt_out,
)


def defined(text: str) -> list[tuple[str, str]]:
    return [(d.acronym, " ".join(d.long_form)) for d in find_definitions(text)]


# --- Which parentheses define an acronym ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shipped list's own forms.
        ("Large language models (LLMs) can perform feats.", [("llm", "large language models")]),
        ("A paper on deep reinforcement learning (RL) agents.", [("rl", "reinforcement learning")]),
        ("whether sparsely activated Mixture-of-Experts (MoE) are", [("moe", "mixture-of-experts")]),
        ("compare it against Chain of Thought (CoT) and", [("cot", "chain of thought")]),
        ("prompts such as Chain-of-Thought (CoT), a", [("cot", "chain-of-thought")]),
        ("Reinforcement Learning from Human Feedback (RLHF) has", [("rlhf", "reinforcement learning from human feedback")]),
        ("results of previous state-of-the-art (SOTA) methods", [("sota", "state-of-the-art")]),
        ("Methods for learning from demonstration (LfD) teach", [("lfd", "learning from demonstration")]),
        ("the Task Planning and Tool Usage (TPTU) abilities", [("tptu", "task planning and tool usage")]),
        # A compound's first initial alone, and a word in capitals whole.
        ("using pre-trained language models (PLMs) here", [("plm", "pre-trained language models")]),
        ("the quadratically complex multi-head self-attention (MSA)", [("msa", "multi-head self-attention")]),
        ("in RL from human feedback (RLHF).", [("rlhf", "rl from human feedback")]),
        # The fewest words; a clause break or another parenthesis ends the search.
        ("a lightweight (i.e., <1B) language model (LM) that", [("lm", "language model")]),
        ("Relative Convergence Scores (RCS), Absolute Convergence Scores (ACS)",
         [("rcs", "relative convergence scores"), ("acs", "absolute convergence scores")]),
        # Not "and Reasoning Corpus": a long form starts on a small word only if it must.
        ("using the Abstraction and Reasoning Corpus (ARC) as", [("arc", "abstraction and reasoning corpus")]),
        ("in context learning (ICL) works", [("icl", "in context learning")]),
        ("Large Language Models' (LLM) outputs", [("llm", "large language models")]),
    ],
)
def test_a_definition_is_found_with_its_long_form(text, expected):
    assert defined(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "as shown before (see Section 3) the",
        "Results for Strong Baselines (ours) and",
        "Results for Other Baselines (Ours) and",
        "large models (e.g. GPT-4) can",
        "Large Language Models (2023) show",
        "a user study with Nine Participants (N=16)",
        "improves GPT-Neo (125M)'s performance",
        "our model Continual-T0 (CT0) learns",
        "Language Augmented TaskGrasp (LA-TaskGrasp) data",
        # Capitals the words before do not spell.
        "a collection of 32 tasks for Biomedical NLP across (BX)",
        "a Long Term Memory network (LTM) for",  # the last word must give the last letter
        "we introduce the Deep Task-specific Bottom Representation Network (DTRN)",
        "as well as Reinforced Self-Training (ReST)",  # "e" is no small word's initial
        "Recent work such as Reasoning via Planning (RAP) and",
        "a method called Instruction tuning (IT) where",  # "it" is a word lunr never searches
        "a single letter Xylophone (X) here",
        "the BLOOM (BLOOM) model",  # an acronym that is its own long form
        "help improve the average performance gain (ARG).",
    ],
)
def test_a_parenthesis_that_is_no_definition_defines_nothing(text):
    assert defined(text) == []


# Content words start with letters no small word starts with, so that the long form the
# test writes is the only one that spells its acronym.
_SMALL_INITIALS = {word[0] for word in SMALL_WORDS}
_CONTENT = st.text(alphabet=sorted(set("abcdefghijklmnopqrstuvwxyz") - _SMALL_INITIALS), min_size=2, max_size=9)
_SMALL = st.sampled_from(sorted(SMALL_WORDS))


@st.composite
def _long_forms(draw):
    """A long form of content words with small words between, and an acronym of it: each
    content word's capital initial, each small word's small initial or nothing."""
    words, acronym = [], ""
    count = draw(st.integers(2, 5))
    for n in range(count):
        word = draw(_CONTENT)
        words.append(word.capitalize() if draw(st.booleans()) else word)
        acronym += word[0].upper()
        if n < count - 1 and draw(st.booleans()):
            small = draw(_SMALL)
            words.append(small)
            if draw(st.booleans()):
                acronym += small[0]
    return words, acronym


@given(_long_forms(), st.booleans(), st.sampled_from(["", "We study ", "Recently, many papers on "]))
def test_every_long_form_defines_its_acronym(long_form, plural, before):
    words, acronym = long_form
    if acronym.lower() in STOP_WORDS:
        return  # ("ME"): lunr never searches for it, so it is no acronym to find
    text = f"{before}{' '.join(words)} ({acronym}{'s' if plural else ''}) work."
    assert find_definitions(text) == [
        Definition(acronym.lower(), tuple(w.lower() for w in words), plural)
    ]


@given(
    st.lists(st.text(alphabet="abcdefghijklm", min_size=1, max_size=8), min_size=1, max_size=10),
    st.text(alphabet="NOPQRSTUVWXYZ", min_size=1, max_size=3),
    st.text(alphabet="ABCDEFGHIJKLM", max_size=4),
)
def test_capitals_the_words_before_do_not_begin_with_define_nothing(words, missing, others):
    # Every word starts with a-m; the acronym holds a capital from N-Z.
    acronym = others[:2] + missing + others[2:]
    assert find_definitions(f"{' '.join(words)} ({acronym}) and more") == []


@given(st.text(alphabet=st.characters(blacklist_characters="()"), max_size=40))
def test_no_parenthesis_without_two_capitals_and_letters_only_defines(inner):
    if re.fullmatch(r"[A-Za-z]*", inner) and sum(c.isupper() for c in inner) >= 2:
        return
    assert find_definitions(f"Large Language Models Nested ({inner}) here") == []


# --- Which texts spell a long form out --------------------------------------------------------


GLOSSARY = Glossary.of([
    ("Large language models (LLMs) are studied.", "We use reinforcement learning (RL)."),
    ("", "Reinforcement Learning from Human Feedback (RLHF) aligns; Mixture-of-Experts (MoE) route."),
    ("", "Transfer learning (TL) moves. Chain-of-Thought (CoT) prompting."),
])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LARGE LANGUAGE MODEL", ["llm"]),
        ("large-language models", ["llms"]),  # hyphens and spaces alike, and the plural
        ("a sparse mixture of experts", ["moe"]),  # "(MoE)" is singular: no "moes"
        ("Mixture of Expert layers", ["moe"]),
        ("chain of thoughts", ["cot"]),
        ("a multitask transfer-learning setup", ["tl"]),
        ("transferlearning", ["tl"]),  # a compound written joined, as "multitask"
        # A long form holds the acronyms of those it starts with.
        ("reinforcement learning from human feedback", ["rl", "rlhf"]),
        ("deep reinforcement learnings", ["rl"]),
        # A long form is whole words, and not a hyphenated compound's later part.
        ("nonreinforcement learning", []),
        ("reinforcement learningful", []),
        ("model-free-reinforcement learning", []),
        ("large language modeling", []),
        ("Large language model-based agents", ["llm"]),
        ("nothing here", []),
    ],
)
def test_a_text_that_writes_a_long_form_gets_its_acronym(text, expected):
    assert GLOSSARY.words_in(text) == expected


def test_an_empty_glossary_finds_nothing():
    assert Glossary.of([("No definitions here (at all).", "")]).words_in("large language models") == []


_WORDS = st.sampled_from(["deep", "model", "models", "learning", "task", "of", "from", "data", "policy", "policies"])


@given(
    st.lists(st.lists(_WORDS, min_size=1, max_size=4), min_size=1, max_size=6),
    st.lists(st.one_of(_WORDS, st.sampled_from([" ", "-", ", ", "multi-"])), max_size=30),
)
def test_the_one_pattern_finds_what_each_long_form_alone_finds(forms, text_words):
    """The trie of every long form finds, at each word, the long forms a search of each
    long form on its own finds there (the prefix table stands for the shorter ones)."""
    table = {}
    for n, words in enumerate(forms):
        key = long_form_key(" ".join(words))
        table.setdefault(key, (f"a{n}", tuple(words), False))
    glossary = Glossary.from_long_forms(table)
    text = " ".join(text_words)
    expected = {
        word for key in table for word in Glossary.from_long_forms({key: table[key]}).words_in(text)
    }
    assert set(glossary.words_in(text)) == expected


# --- What a list's glossary keeps ------------------------------------------------------------


def test_an_acronym_with_two_meanings_stands_for_the_one_more_papers_define():
    papers = [
        ("", "In-context learning (ICL) is studied."),
        ("", "We study in-context learning (ICL)."),
        ("The Ideal Continual Learner (ICL)", "An agent."),
    ]
    glossary = Glossary.of(papers)
    assert glossary.pairs() == [("icl", "incontextlearning")]
    assert glossary.words_in("an ideal continual learner") == []


def test_an_acronym_two_meanings_define_as_often_stands_for_neither():
    # As in the shipped list: "task learning (TL)" and "Transfer Learning (TL)".
    glossary = Glossary.of([
        ("", "task recognition (TR) and task learning (TL)."),
        ("", "Transfer Learning (TL) moves knowledge."),
    ])
    assert glossary.pairs() == [("tr", "taskrecognition")]
    assert glossary.words_in("transfer learning and task learning") == []


def test_a_long_form_with_two_acronyms_stands_for_the_one_more_papers_define():
    # "pretrained models" and "pre-trained models" are one long form: one paper's
    # "(PMs)" took it from five papers' "(PTMs)", as "pm" comes first in the alphabet,
    # and `PTMs` no longer found the papers that spell it out.
    papers = [("", "Pre-trained models (PTMs) are studied.")] * 5 + [("", "Pretrained models (PMs) matter.")]
    for order in (papers, papers[::-1]):
        glossary = Glossary.of(order)
        assert glossary.pairs() == [("ptm", "pretrainedmodel")]
        assert glossary.words_in("pretrained models") == ["ptms"]


def test_long_forms_that_say_the_same_are_one_meaning():
    glossary = Glossary.of([
        ("", "applied to recommendation system (RS) models"),
        ("", "success in Recommender System (RS) design"),
        ("", "task learning (TL) is a thing."),
        ("", "Multi-Task Reinforcement Learning (MTRL) and reinforcement learning (RL)"),
        ("", "parallel single-task RL and asymmetric multi-task RL (MTRL)."),
    ])
    assert glossary.pairs() == [
        ("mtrl", "multitaskreinforcementlearning"), ("mtrl", "multitaskrl"),
        ("rl", "reinforcementlearning"),
        ("rs", "recommendationsystem"), ("rs", "recommendersystem"),
        ("tl", "tasklearning"),
    ]
    assert Glossary.of([("", "recommender system (RS)")]).words_in("recommendation systems") == []


def test_the_glossary_does_not_depend_on_the_order_of_papers():
    papers = [
        ("", "multi task learning (MTL) here"),
        ("", "Multi-Task Learning (MTL) there"),
        ("", "task learning (TL) and Transfer Learning (TL) and Transfer learning (TL)"),
    ]
    forward, backward = Glossary.of(papers), Glossary.of(papers[::-1])
    assert forward.pairs() == backward.pairs()
    assert forward.pattern.pattern == backward.pattern.pattern
    # (Either spelling makes one pattern, which finds the joined one too.)
    assert forward.words_in("multitask learning, multi task learning") == ["mtl"]


def test_a_paper_gets_only_the_acronyms_it_does_not_write():
    title, abstract = spelt_out(
        GLOSSARY, "Large Language Models and RL", "We use reinforcement learning, an LLM, and Chain-of-Thought."
    )
    # The title writes "RL"; its "Large Language Models" is "llms" for the title even
    # though the abstract writes "LLM"; the abstract's "cot" is the abstract's alone.
    assert (title, abstract) == (("llms",), ("cot",))


def test_a_word_is_written_only_as_a_word_of_its_own():
    # ("rl" is in "world", "llm" in "LLMs": neither is the word.)
    assert GLOSSARY.written(["rl", "llm"], "A world of LLMs") == set()
    assert GLOSSARY.written(["rl", "llm", "llms"], "RL-based LLM agents (LLMs)") == {"rl", "llm", "llms"}


_EDITS = st.sampled_from([
    ("a", "Large language models (LLMs)", "Abstract."),
    ("a", "Plain title", "Nothing defined."),
    ("b", "Scaling large language models", "We study chain of thought."),
    ("b", "Scaling", "Chain-of-Thought (CoT) prompting."),
    ("c", "Chain of thought, again", "Transfer learning (TL)."),
    ("c", "Task learning (TL)", "Large language models."),
    ("d", "Language models (LMs) everywhere", "Multi-task learning (MTL)."),
])


@given(st.lists(st.lists(_EDITS, max_size=5), min_size=1, max_size=6))
def test_words_kept_between_builds_are_those_a_fresh_pass_makes(builds):
    # Under serve each rebuild reuses the last one's definitions and words (Memo); a
    # paper edited, added or removed, or a definition another paper adds, must show.
    memo = Memo()
    for papers in builds:
        papers = list({pid: (pid, title, abstract) for pid, title, abstract in papers}.values())
        glossary = Glossary.of((title, abstract) for _, title, abstract in papers)
        assert memo.words(papers) == {pid: spelt_out(glossary, title, abstract) for pid, title, abstract in papers}
