"""The fixture list (tests/data/site_fixture) as the browser tests build it, with the
wide tables the shipped list has none of: a curator's ten-column table of results in a
paper's notes (PAPER) and a wide one in a topic's description (TOPIC), with a six-column
one after each that fits a 390px phone only with its words broken; and a hand-written
page's table (ABOUT) that fits a phone only so too.
conftest.tables_url builds it once a session and serves it."""

from __future__ import annotations

PAPER = "papers/merging-by-arithmetic/"
TOPIC = "topics/model-merging/"

# Ten columns: wider than the page on any screen. "CodeLlamaInstruct" is one word, and
# the code one a line may end after its "-" or "/".
RESULTS = """
  Results as the paper reports them:

  | Model | Checkpoint | MMLU | GSM8K | HumanEval | ARC-Challenge | HellaSwag | TruthfulQA | Winogrande | Average |
  |---|---|---|---|---|---|---|---|---|---|
  | CodeLlamaInstruct | `meta-llama/Llama-2-13b-hf` | 63.9 | 56.8 | 29.9 | 64.6 | 85.9 | 52.8 | 80.5 | 62.1 |

  The benchmarks:

  | Benchmark | Tasks | Metric | Split | Source | Licence |
  |---|---|---|---|---|---|
  | NaturalInstructions | 1616 | ROUGE-L | test | `allenai/natural-instructions` | Apache-2.0 |
  | SuperNI | 1616 | ROUGE-L | test | `owner/some-very-long-repository-name-with-hyphens` | MIT |

  A table that fits:

  | Setting | Value |
  |---|---|
  | Learning rate | 2e-5 |
"""

DESCRIPTION = """
      | Benchmark | Tasks | Metric | Split | Source | Licence | Languages | Size | Year | Notes |
      |---|---|---|---|---|---|---|---|---|---|
      | NaturalInstructions | 1616 | ROUGE-L | test | allenai | Apache-2.0 | 55 | 5M | 2022 | instructions |

      Six of them, which fit a 390px phone only with their words broken anywhere:

      | Benchmark | Tasks | Metric | Split | Source | Licence |
      |---|---|---|---|---|---|
      | NaturalInstructions | 1616 | ROUGE-L | test | `allenai/natural-instructions` | Apache-2.0 |
"""


ABOUT = "about/"

# Six columns, short words with hyphens among them: wider than a 390px phone with its
# words whole, narrow enough for a desktop's column.
ABOUT_TABLE = """
## What the fixture's papers report

| Method | Base model | Retrieval | Metric | Score | Source |
|---|---|---|---|---|---|
| In-context retrieval | GPT-4 | k-NN | ROUGE-L | 41.2 | `allenai/natural-instructions` |
"""


def add_wide_tables(content) -> None:
    about = content / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + ABOUT_TABLE, encoding="utf-8")
    paper = content / "papers" / "merging-by-arithmetic.yml"
    paper.write_text(paper.read_text(encoding="utf-8") + "notes: |" + RESULTS, encoding="utf-8")
    # A repository's name as long as the shipped list's longest, which the lists of
    # papers show in their Code column.
    paper = content / "papers" / "task-vectors.yml"
    text = paper.read_text(encoding="utf-8")
    assert "github.com/example/task-vectors\n" in text
    paper.write_text(text.replace("github.com/example/task-vectors\n",
                                  "github.com/imagination-research/large_language_models_open_suite\n"),
                     encoding="utf-8")
    topics = content / "topics.yml"
    text = topics.read_text(encoding="utf-8")
    before = "      Combining the weights of *fine-tuned* models.\n"
    assert before in text
    topics.write_text(text.replace(before, before + DESCRIPTION), encoding="utf-8")
