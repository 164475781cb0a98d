"""LaTeX remnants in scraped text become plain text; each rule from the seed is pinned."""

from hypothesis import given, strategies as st

from generator.latex import clean_latex


def test_percent_and_escaped_specials():
    assert clean_latex(r"an average of 12\% absolute") == "an average of 12% absolute"
    assert clean_latex(r"R\&D on snake\_case \#1") == "R&D on snake_case #1"


def test_textit_and_emph_become_single_star_emphasis():
    text = r"we propose \textit{Thought Propagation (TP)}, which"
    assert clean_latex(text) == "we propose *Thought Propagation (TP)*, which"
    assert clean_latex(r"the \emph{models}") == "the *models*"


def test_textbf_becomes_double_star_and_spaces_move_outside():
    assert clean_latex(r"a \textbf{ bold } claim") == "a  **bold**  claim"


def test_emphasis_can_be_dropped_for_titles():
    assert clean_latex(r"A Study of \textit{Open} Models", emphasis=False) == "A Study of Open Models"


def test_accents_through_pylatexenc():
    assert clean_latex(r'we introduce T\"ULU 3, a family') == "we introduce TÜLU 3, a family"
    assert clean_latex(r'M{\"u}ller and \c{c}a and \ss') == "Müller and ça and ß"


def test_tex_quotes_become_curly_quotes():
    text = 'relationship of the form ``A is to B as C is to D", combining'
    assert clean_latex(text) == "relationship of the form \u201cA is to B as C is to D\u201d, combining"
    assert clean_latex("``quoted''") == "\u201cquoted\u201d"


def test_abbreviation_macros():
    assert clean_latex(r"parameters (\eg adapters)") == "parameters (e.g. adapters)"
    assert clean_latex(r"\ie{} this, Smith \etal\ said") == "i.e. this, Smith et al. said"
    assert clean_latex(r"pages 1\textendash{}9") == "pages 1\u20139"


def test_url_wrapper_is_unwrapped_and_url_untouched():
    text = r"soon on \url{https://github.com/YookiTong/Learn-from-Mistakes-CotErrorSet}."
    assert clean_latex(text) == "soon on https://github.com/YookiTong/Learn-from-Mistakes-CotErrorSet."
    assert clean_latex("see https://example.org/~user/a{b}c now") == "see https://example.org/~user/a{b}c now"


def test_tie_between_words_is_a_space_but_approximately_stays():
    assert clean_latex("(e.g.~RoBERTa) and Models~(LLMs).") == "(e.g. RoBERTa) and Models (LLMs)."
    assert clean_latex("baseline by ~3% and ~18%") == "baseline by ~3% and ~18%"


def test_grouping_braces_are_dropped():
    text = "tasks: {lexical analysis} (Chinese word segmentation), {{Deep}} nets"
    assert clean_latex(text) == "tasks: lexical analysis (Chinese word segmentation), Deep nets"


def test_unknown_commands_are_kept_literally():
    assert clean_latex(r"a \weird{arg} here") == r"a \weird{arg} here"


def test_math_with_macros_converted_and_prices_kept():
    assert clean_latex(r"an $\alpha$-test costs $5 or $6") == "an α-test costs $5 or $6"


def test_literal_stars_and_symbols_are_not_mangled():
    text = "ReST-MCTS* predicts P(y|x) with <4% error and R^2 above 0.9; ReST^EM"
    assert clean_latex(text) == text


_plain = st.text(
    alphabet=st.characters(blacklist_characters="\\{}~`$", blacklist_categories=("Cs",)),
    max_size=200,
)


@given(_plain)
def test_plain_text_without_latex_is_unchanged(text):
    assert clean_latex(text) == text


_latexy = st.lists(
    st.sampled_from(
        list("\\{}~`$'\"%*abcU .:/-") + ["https://x.org/", r"\textit{", r"\url{", r'\"', "``", r"\eg"]
    ),
    max_size=30,
).map("".join)


@given(_latexy)
def test_cleaning_is_idempotent(text):
    once = clean_latex(text)
    assert clean_latex(once) == once
