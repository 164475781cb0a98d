"""Wrapped lines joined into one: a hyphen at a line's end a compound's or a hyphenation's."""

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.wraps import joined


@pytest.mark.parametrize("first, second, expected", [
    # A word hyphenated at the break (its halves are no English words, or the word
    # closed up is one): closed up.
    ("a new repre-", "sentation of", "a new representation of"),
    ("Repre-", "sentation learning", "Representation learning"),
    ("their perfor-", "mance drops", "their performance drops"),
    ("a better under-", "standing of", "a better understanding of"),
    ("the trans-", "former layer", "the transformer layer"),
    ("in (repre-", "sentation) space", "in (representation) space"),
    ("we use pre-", "training.", "we use pretraining."),
    # A compound's hyphen (both halves words, the word closed up none): kept.
    ("with self-", "attention and", "with self-attention and"),
    ("by fine-", "tuning the model", "by fine-tuning the model"),
    ("reaches state-of-the-", "art results", "reaches state-of-the-art results"),
    ("for zero-", "shot transfer", "for zero-shot transfer"),
    ("in-", "context learning", "in-context learning"),
    ("a text-to-", "image model", "a text-to-image model"),
    # Not lower-case letters alone: a name, an acronym, a number, as written.
    ("from English-to-", "French and back", "from English-to-French and back"),
    ("a BERT-", "based model", "a BERT-based model"),
    ("Chinchilla-", "optimal models", "Chinchilla-optimal models"),
    ("beats GPT-", "4 at", "beats GPT-4 at"),
    ("on non-", "English text", "on non-English text"),
    ("at https://github.com/o/my-", "repo now", "at https://github.com/o/my-repo now"),
    # Words the dictionary has in another form, by their stem ("reflect", "interpret"),
    # numbers, and words of no inflection.
    ("via self-", "reflection and", "via self-reflection and"),
    ("to be human-", "interpretable text", "to be human-interpretable text"),
    ("a three-", "stage method", "a three-stage method"),
    ("De-", "spite this, we", "Despite this, we"),
    ("learn-", "able weights", "learnable weights"),  # ("able": a suffix too)
    # A letter alone (no hyphenation leaves one), or a compound's second hyphen (a
    # typesetter breaks a hyphenated word at its hyphens only): a compound.
    ("its top-", "k precision", "its top-k precision"),
    ("for k-", "shot examples", "for k-shot examples"),
    ("LM-training-as-", "lossless compression", "LM-training-as-lossless compression"),
    # A compound's own "and" is no suspended hyphen's.
    ("a vision-", "and-language model", "a vision-and-language model"),
    # Math as typed; a suspended hyphen and a dash keep their space.
    ("where $f = repre-", "sentation(x)$ holds", "where $f = repre-sentation(x)$ holds"),
    ("first-", "and second-order", "first- and second-order"),
    ("a model -", "the first", "a model - the first"),
])
def test_a_hyphen_at_a_lines_end_is_a_compounds_or_a_hyphenations(first, second, expected):
    assert joined([first, second]) == expected


def test_the_records_own_spelling_decides_first():
    # "pre-" "training" closes up when nothing says otherwise; the title's spelling wins.
    assert joined(["we use pre-", "training."], "Pre-training Matters") == "we use pre-training."
    # Both halves are words, but the record writes the word closed up.
    assert joined(["on multi-", "modal data"], "Multimodal Models") == "on multimodal data"
    assert joined(["a new data-", "set and"], "") == "a new data-set and"
    assert joined(["a new data-", "set and"], "the dataset is") == "a new dataset and"
    # Another form of the word says so too ("pretrained" for "pre-" "training").
    assert joined(["we use pre-", "training."], "Pretrained models") == "we use pretraining."
    assert joined(["we use pre-", "training."], "Pre-trained models") == "we use pre-training."
    # (the lines themselves count too: the abstract's other sentence)
    assert joined(["the dataset. A new data-", "set and"]) == "the dataset. A new dataset and"


def test_without_hyphenation_each_hyphen_stays_as_an_earlier_import_read_it():
    assert joined(["a new repre-", "sentation"], hyphenation=False) == "a new repre-sentation"


# A realistic abstract whose every hyphen is a compound's: wrapped at its hyphens (as
# textwrap, a PDF's text and exporters break lines), it reads back exactly.
COMPOUNDS = (
    "We present a state-of-the-art English-to-French model with self-attention, trained on"
    " large-scale data and tuned by fine-tuning for zero-shot and few-shot transfer. In-context"
    " learning of GPT-4 and BERT-based baselines is compared on real-world, task-specific,"
    " long-term and open-source benchmarks, with a text-to-image and a vision-language model;"
    " our well-known end-to-end approach is model-based and human-like."
)


def test_a_text_of_compounds_wrapped_at_any_width_reads_back_as_written():
    broken = 0
    for width in range(12, 90):
        lines = textwrap.wrap(COMPOUNDS, width, break_on_hyphens=True)
        broken += sum(line.endswith("-") for line in lines)
        assert joined(lines) == COMPOUNDS, width
    assert broken > 100  # (the wraps did break at the hyphens)


@pytest.mark.parametrize("at", [n + 1 for n, char in enumerate(COMPOUNDS) if char == "-"])
def test_a_text_of_compounds_broken_at_each_of_its_hyphens_reads_back_as_written(at):
    assert joined([COMPOUNDS[:at], COMPOUNDS[at:]]) == COMPOUNDS


# Words hyphenated where TeX's US English patterns allow (as pyphen's en_US gives them,
# checked once by hand), each broken at every such point: each reads back closed up.
TYPESET = [
    "lan-guage", "ap-proach", "tech-niques", "sig-nif-i-cantly", "com-pu-ta-tional",
    "ar-chi-tec-ture", "per-for-mance", "ef-fi-cient", "Al-though", "ex-per-i-ments",
    "at-ten-tion", "rep-re-sen-ta-tion", "un-der-stand-ing", "gen-er-al-iza-tion",
    "op-ti-miza-tion", "pre-dic-tions", "bench-marks", "ca-pa-bil-i-ties",
]


@pytest.mark.parametrize("hyphenated", TYPESET)
def test_a_word_typeset_with_hyphens_reads_back_closed_up(hyphenated):
    word = hyphenated.replace("-", "")
    for at in [n - k for k, n in enumerate(m.start() for m in re.finditer("-", hyphenated))]:
        assert joined([f"We study the {word[:at]}-", f"{word[at:]} of models."]) == (
            f"We study the {word} of models."
        ), word[:at]


def test_words_a_pdf_hyphenated_read_back_closed_up():
    # The same abstract's words, as hyphenated at syllables by a typesetter.
    lines = [
        "Neural networks learn a repre-", "sentation whose perfor-", "mance depends on their gen-",
        "eralization and on a better under-", "standing of the optimi-", "zation; the trans-",
        "former is com-", "pared with self-", "attention variants.",
    ]
    assert joined(lines) == (
        "Neural networks learn a representation whose performance depends on their generalization"
        " and on a better understanding of the optimization; the transformer is compared with"
        " self-attention variants."
    )


_WORD = st.text("abcdefghijklmnopqrstuvwxyzABC-$ (0", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=8), st.text("abc- ", max_size=20))
def test_only_a_hyphen_at_a_lines_end_ever_goes(lines, context):
    out = joined(lines, context)
    # Nothing but spaces between lines and hyphens at the breaks: every other
    # character stays, in order.
    assert out.replace(" ", "").replace("-", "") == "".join(lines).replace(" ", "").replace("-", "")
    breaks = sum(line.rstrip().endswith("-") for line in lines[:-1])
    assert "".join(lines).count("-") - breaks <= out.count("-") <= "".join(lines).count("-")
    # A line that ends in no hyphen is joined with a space, as before.
    if not any(line.rstrip().endswith("-") for line in lines[:-1]):
        assert out == " ".join(lines)
    # Without hyphenation, no character goes at all.
    assert joined(lines, context, hyphenation=False).replace(" ", "") == "".join(lines).replace(" ", "")


@given(st.text(st.sampled_from(list("ab- \t\r$\\{}")), max_size=30), st.text(max_size=30))
def test_a_value_on_one_line_is_itself(line, context):
    # (No break to read: joined returns the line before looking at math or hyphens.)
    assert joined([line], context) == joined([line], context, hyphenation=False) == line
