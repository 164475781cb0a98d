"""A hand-kept Markdown list of papers (an "awesome list" README).

Read with markdown-it (CommonMark, with GitHub's tables), never with patterns over the
raw text: a title holding `*`, `[` or `|` is what the Markdown says it is; a bare
https:// address is a link, as GitHub shows it. Each list item
and each table row is read on its own (a nested item is an item of its own): it is a
paper when it links one (an arXiv, DOI, OpenReview, proceedings or PDF address) or, with
no such link, when it says a venue or year beside its title ("(CVPR 17) Title").

What an item gives, each from the Markdown's structure:

* the title: the paper link's text; else the first bold text; else the item's leading
  words (before its first link, without a "(Venue YY)" prefix, and in an item linking its
  paper without the venue and year after them, "Title. ICLR 2022."); else the text of the
  link it starts with, never the words after that link ("[Title](page) - reconstruction");
* the paper's arXiv id or DOI from that link, and every other address in the item as a
  link, its kind told by its host or, where the host says nothing, by the link's text
  ("[Code](https://lab.example/x)" is code, "[Project page](...)" a project page);
* venue and year as written ("NeurIPS 2023", "ICLR'24", "ArXiv, 2020", "(CVPR 17)", a
  table's Venue column; a venue known by name without its year, "- NeurIPS"; a year or a
  known venue and year ending the paper link's text, "[Title, 2023](...)"), the year of a
  heading that is only a year ("### 2024"); words before a year that name no venue give
  neither ("code released 2020", `_names_venue`), but a venue known by name among them is
  the paper's, with the year beside it only ("code released 2020 at NeurIPS",
  `_known_within`), a thesis or report said as a BibTeX import says it ("PhD thesis,
  Stanford University", `_work`), and how a paper was presented, or an
  award it won, is no part of its venue ("Oral at NeurIPS 2019", "Best Paper at CVPR");
* the paper's note: an award, or how the paper was presented, said beside its venue,
  before it or after its year, its known name or a workshop named after either ("CVPR
  2019 Best Paper", "NeurIPS 2019 Oral", "Oral at NeurIPS 2019", "NeurIPS 2023 Workshop
  Best Paper", "[NeurIPS 2019 Oral] Title"), as "Best Paper (CVPR 2019)", "Oral (NeurIPS 2019)";
* authors when the item names them: "Surname, I., & Surname, I." before the title,
  "*Given Surname, Given Surname*", "Surname et al." (before a year too, "Smith et al.
  2020"), a lab and a year ("OpenAI, 2023"), people's names before a year ("Vaswani and
  Shazeer, 2017": `_cited_people`; never the venue as well) or a surname alone before a
  year or a venue known by name ("Shannon, 1948", "Smith 2020", "Smith, NeurIPS 2020":
  `_one_name`; a journal of one word, "Neurocomputing, 2023", or in italics, "*Water*,
  2020", and a title's compound, "Self-Supervised, 2020", stay the venue) after it; a citation as Chicago
  and MLA write it, 'Lovelace, Ada, and Alan Turing. 2020. "Title." *Venue*.', gives
  its authors, title, venue and year (`_cited`);
* the enclosing headings as tags (not the document's title, a year heading, nor one that
  only says papers follow, "Papers").

Items that name no paper (badges, table-of-contents links to `#anchors`, a link to a
code base alone) are skipped, counted with why (`Problems.skip`: the import's report
says how many and where, errors.Skipped); one that links a paper but names no title,
or links several papers at once ("See: [MGDA](...), [PCGrad](...)"), is warned at its line
and skipped, as is the list's news that links a paper ("[2024/05] We released ...", an item
under "## News": see `_Reader._news`). A list that names no paper at all is an error. Links other than http(s) are never taken.
"""

from __future__ import annotations

from collections import Counter
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..digits import ascii_digits, has_other_digits
from ..errors import Location, Problems
from ..export_bibtex import names_journal
from ..lemmas import known_word as _dictionary_word
from ..links import (
    arxiv_id, arxiv_of_doi, doi_from_url, hugging_face_page, is_top_level_domain, make_link, mimics_code_host,
    normalize_arxiv, same_page,
)
from ..matchkeys import CONFERENCE_ACRONYMS, CONFERENCE_NAMES, PREPRINT, normalise_title
from ..models import Link, en_dashed_pages
from ..names import (
    ends_with_founders_publisher, founders_publishers, is_founders_publisher, is_given_name_word, is_organisation,
    is_surname_word,
)
from ..quoting import quoted, shell_quoted
from ..schema import FORBIDDEN_CHARS, forbidden_char
from ..yamlio import char_name
from . import ReadBefore, Record, first_version_year, thesis_kind

# Link texts that name what a link is rather than the paper ("[[Code](...)]"), lower case.
_CODE_LABELS = {
    "code", "codes", "github", "gitlab", "official code", "official", "repo", "repository",
    "source code", "implementation", "official implementation", "pytorch", "tensorflow", "jax",
    "unofficial code", "unofficial", "star", "stars",
}
_PROJECT_LABELS = {
    "project", "project page", "website", "homepage", "home page", "page", "webpage", "site",
    "demo", "blog", "blog post",
}
_PAPER_LABELS = {
    "paper", "pdf", "arxiv", "link", "url", "openreview", "doi", "abs", "abstract", "html",
    "published", "publication", "acl", "ieee", "acm", "springer", "proceedings", "full paper",
    "preprint", "here",
}
_OTHER_LABELS = {
    "video", "talk", "slides", "poster", "data", "dataset", "datasets", "benchmark", "model",
    "models", "weights", "checkpoint", "checkpoints", "huggingface", "hugging face", "hf",
    "bibtex", "bib", "citation", "supp", "supplementary", "leaderboard", "colab", "notebook",
}
_LABELS = _CODE_LABELS | _PROJECT_LABELS | _PAPER_LABELS | _OTHER_LABELS

# Table columns, by their header's words.
_COLUMNS = {
    "title": {"title", "paper", "papers", "name", "paper title", "paper name"},
    "venue": {"venue", "conference", "conf", "journal", "publication", "published", "published in", "where", "source"},
    "year": {"year", "date", "time"},
    "authors": {"author", "authors"},
    # (what a method or a model is called: the title where the Paper column holds only a
    # label, "| **LLMEval-Fair** (ACL 2026) | ... | [arXiv](...) |", see `_title`)
    "name": {"project", "model", "method", "project name", "model name", "method name"},
    # (a column the list heads as the official code's: its code links are, `_official`)
    "official": {"official code", "official implementation", "official repo", "official repository", "official"},
}

# "(CVPR 17) Title", "(ICLR) Title", "(Trends in Cognitive Science 20) Title".
# Also in square brackets, with its year: "[arXiv 2023] Title", "[NeurIPS 2023](...) Title"
# (a bracket without one is a label: "[Toolformer] Toolformer: ...", see _LABEL_PREFIX).
# (Read by `_plain_prefix` from what the brackets hold, not by one pattern: splitting a
# run of spaces among the venue and the spaces around an apostrophe took minutes at 1,000.)
_INSIDE_YEAR = re.compile(r"(?P<before>\D*+)(?P<year>\d{4}|\d{2})")
# A venue in brackets or parentheses before the title with how the paper was presented,
# or an award it won ("[NeurIPS 2019 Oral] Title", "(CVPR 2019, Best Paper) Title",
# "[Oral, NeurIPS 2019] Title"): read as a Venue column's words are (`_noted_prefix`).
_BRACKETED = re.compile(r"^\s*(?:\((?P<paren>[^()]*)\)|\[(?P<bracket>[^\[\]]*)\])\s*")
# A method's name in brackets before the title that starts with it: "[Toolformer]
# Toolformer: ..." (not "[CLS] Token Is All You Need", a title).
_LABEL_PREFIX = re.compile(r"(?i)^\s*\[([^\[\]]{1,40})\]\s*(?=\1\b)")
# A venue and a year as lists write them: "TPAMI, 2021", "NeurIPS 2023", "ICLR'24",
# "arXiv 2024.11", "EMNLP 2020: Systems Demonstrations"; or a year alone.
# (The venue ends with no space and the spaces after it give none back: a run of spaces
# read by the venue and both spaces in turn took seconds, "best", 2,000 spaces, "x".)
# A venue starts with a letter, or with the "3D" of 3D vision's ("3DV 2021").
# (Any letter, a capital when it is no ASCII letter (`_venue_and_year`), as a surname after
# a title starts, "Åström, 2021", "Øksendal, 2003": they were read as no one's.)
_VENUE_YEAR = re.compile(
    r"^(?P<venue>(?:[^\W\d_]|3D)(?:[^\d,]*[^\d,\s])?)?\s*+,?\s*+"
    r"(?:(?P<y4>(?:19|20)\d{2})|['’](?P<y2>\d{2}))(?:[./-]\d{1,2})?(?![\d])(?P<more>.*)$"
)
# A venue a list names without its year ("[Title](...) - NeurIPS", "[Title](...), ICML",
# "(TPAMI)"): only one known by name, since any words after a title would read as one
# ("- Google", "- a benchmark"). A conference's acronym, or a journal's, perhaps with its
# track, or the preprint server.
_KNOWN_VENUE = re.compile(
    rf"(?:Findings\s+of\s+(?:the\s+)?)?(?i:{CONFERENCE_ACRONYMS})"
    r"(?:\s+(?:Findings|Workshops?|Oral|Spotlight|Poster|Demo|Datasets\s+and\s+Benchmarks(?:\s+Track)?))?"
    r"|TPAMI|IEEE\s+TPAMI|T-PAMI|PAMI|TMLR|JMLR|TACL|IJCV|TIP|TNNLS|TKDE|TOG|TASLP|TVCG|PNAS|Nature|Science"
    r"|(?i:arXiv|CoRR)"
)
# The same, as words of a longer venue ("Findings of ACL", "IEEE TPAMI"): not inside a
# word ("Oracle").
_KNOWN_VENUE_IN = re.compile(rf"(?<![^\W_])(?:{_KNOWN_VENUE.pattern})(?![^\W_])")
# An award a list says the paper won, in any capitals ("Best Paper", "best student paper",
# "Outstanding Paper Award", "Best Paper Honorable Mention").
_AWARD = (
    r"(?:(?:best|outstanding)(?:\s+student)?\s+paper(?:\s+award)?"
    r"(?:\s+(?:honou?rable\s+mention|runner[\s-]up|finalist|nominee))?|honou?rable\s+mention(?:\s+award)?)"
)
# How a paper was presented, in any capitals ("Oral", "Spotlight", "poster", "Oral presentation").
_PRESENTATION = r"(?:oral|spotlight|poster|highlight)(?:\s+(?:paper|presentation|talk))?"
_NOTED = rf"(?:{_AWARD}|{_PRESENTATION})"
# How a paper was presented, or an award it won, said before the venue ("Oral at NeurIPS
# 2019", "Spotlight at ICLR", "Accepted to CVPR", "Best Paper Award at CVPR"): no part of
# it (matchkeys._VENUE_WORDS says the same of them after it).
_PRESENTED = re.compile(rf"(?i)^(?:{_NOTED}|accepted|presented)(?:\s+(?:at|to|in|by)\s+|\s*@\s*)")
# ... after the venue's year or a venue known by name ("CVPR 2019 Best Paper", "CVPR'19
# (best paper)", "NeurIPS, Outstanding Paper", "NeurIPS 2019 Oral", "ICML, oral"): no
# part of the venue, the paper's note. Words that only hold such words ("a survey of
# best paper awards") say none. ``apart``: set apart by a comma, a dash or parentheses.
# (Tried after a word, not at each place of a run of spaces, none given back: linear.)
_AWARD_AFTER = re.compile(
    rf"(?i)(?<!\s)\s*+(?P<apart>(?:[,–—-]\s*+)?(?:\(\s*+)?)(?<![^\W_])(?P<award>{_NOTED})\s*+\)?\s*+$"
)
# ... before it ("Best Paper Award at CVPR 2019", "Oral at NeurIPS"), which `_presented`
# leaves out.
_AWARD_BEFORE = re.compile(rf"(?i)\s*(?P<award>{_NOTED})(?:\s+(?:at|in|by)\s+|\s*@\s*)")
# ... or set apart by a comma before a known venue and year ("Oral, NeurIPS 2019"; in a
# Venue column with its year only: a Venue column's "Oral, NeurIPS" is read as it was).
_AWARD_APART = re.compile(rf"(?i)\s*(?P<award>{_NOTED})\s*,\s*")
# What Markdown reads as markup, written into a note as text (escaped).
_MARKDOWN_SIGN = re.compile(r"[\\`*_\[\]<>#|~!&]")
# Where an award after a venue may follow: its year, or a venue known by name.
_ENDS_VENUE = re.compile(
    rf"(?:(?<!\d)(?:19|20)\d{{2}}|['’]\d{{2}}|(?<![^\W_])(?:{_KNOWN_VENUE.pattern}))\s*$"
)
# ... or a workshop's name after them ("NeurIPS 2023 Workshop", "ICML 2023 Workshop on X").
_WORKSHOP = re.compile(r"(?i)(?<![^\W_])workshops?(?![^\W_])(?P<named>\s+(?:on|for)\s+\S)?")
# The lower-case words a venue's name holds ("Transactions on Pattern Analysis and ...").
_NAME_PARTICLES = frozenset("of in on and for the at to de des du la le van von für und".split())
# A place's or a paper's article or saint before its name, no given name's: "San Diego",
# "Santa Clara", "Los Angeles", "Las Vegas", "El Paso", "Der Spiegel", "Die Zeit".
_PLACE_ARTICLES = frozenset("san santa santo são los las el der die das".split())
# The first words of journals' and institutions' names in other languages, before "de",
# "di", "do": "Revista de Informática", "Revue de Statistique", "Banque de France",
# "Politecnico di Milano", no given names.
_VENUE_HEADS = frozenset("""
    revista revue rivista anais anales annales actas atti acta boletín boletim bulletin
    cahiers cuadernos estudios archivos arquivos banco banque banca politecnico instituto
    istituto institut universidad universidade università université école ecole escuela
    escola colegio sociedad sociedade società société zeitschrift jahrbuch procesamiento
""".split())
# A lab that writes its papers under its own name, before a year as a list cites it
# ("[GPT-4 Technical Report](...) - OpenAI, 2023"): the author, not the venue (which made
# the report a paper published in "OpenAI"). Not a company's research arm, "Google
# Research", "Microsoft Research": an institution, as "Carnegie Mellon University" is,
# where its authors work or it was published (names.is_organisation), no author.
_LAB = re.compile(
    r"OpenAI|Anthropic|Google(?:\s+(?:DeepMind|Brain))?|DeepMind|Meta(?:\s+AI)?"
    r"|Microsoft|NVIDIA|Mistral\s+AI|DeepSeek(?:-AI)?|EleutherAI|xAI|Cohere"
)
# A surname alone, as a citation names a paper's one author ("[A Mathematical Theory of
# Communication](...) - Shannon, 1948", "- Smith 2020"): one capitalised word, perhaps
# with its particle or a hyphen ("McCarthy", "LeCun", "O'Neil", "Jones-Smith"), but no
# acronym ("TPAMI", "NeurIPS") and no venue a list names in one word (`_one_name`).
_PARTICLE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|Le|La|Van|Von)(?=[^\W\d_])")
# Journals and the words a list writes of a work that are one capitalised word, as a
# surname is: before a year they are its venue, or no one's name ("Neurocomputing, 2023",
# "Survey, 2020"). (Known venues, _KNOWN_VENUE, Nature and Science among them, are venues
# anyway; a journal of one word not named here is read as its author's name.) Also the
# journals, publishers and places a list names in one word ("Distill, 2020", "Springer
# 2019", "Medium, 2021"), acronyms written as a word ("Jmlr 2019"), and the words a
# title ends with before a year ("[Title](...) Revisited, 2020"), each read as the venue
# before 836f9076: a curator fixes a venue, not an author's name made of one. The last
# lines: MDPI's journals of one word that name no one ("Water", "Forests"), as a list
# cites them ("- Water, 2020"), where nothing but the word tells a journal from a name
# (a word in italics is a venue anyway: `_italics`).
_ONE_WORD_VENUES = frozenset("""
    neurocomputing bioinformatics neuron cell sensors entropy electronics automatica
    biometrika econometrica cognition neuroimage patterns heliyon mathematics algorithms
    symmetry information sustainability energies molecules materials polymers nutrients
    cancers diagnostics healthcare computers axioms robotics biology genome genetics
    neurology radiology medicine sciences physics chemistry psychometrika bernoulli
    biometrics technometrics statistica synthese mind philosophy language cortex brain
    survey review tutorial book chapter blog thesis dissertation report preprint draft
    code accepted published submitted online workshop journal proceedings conference
    symposium findings transactions letters magazine press
    distill lancet elife plos frontiers springer elsevier wiley ieee acm
    jmlr tmlr tpami pnas tacl ijcv www
    medium substack twitter youtube openreview github website slides talk video poster
    podcast newsletter lecture lectures keynote notes note essay letter patent manuscript
    whitepaper technical abstract
    revisited explained reloaded unleashed redux simplified illustrated demystified
    reconsidered continued extended improved
    water forests atmosphere agriculture agronomy animals antibiotics antioxidants
    biomolecules biomedicines buildings catalysts cells coatings crystals drones foods
    galaxies gels genes geosciences informatics insects machines medicina membranes
    metabolites metals micromachines microorganisms minerals nanomaterials pathogens
    pharmaceuticals pharmaceutics photonics plants processes religions risks signals
    societies systems technologies toxins vaccines vehicles viruses batteries fluids
    hydrology languages publications forecasting
""".split())
# A year, or a venue and year, that a paper link's text ends with after its title, as a
# citation writes it: "[Llama 2: Open Foundation and Fine-Tuned Chat Models, 2023](...)",
# "[Title (ICLR 2024)](...)", "[Title. Findings of EMNLP 2023](...)".
# (Tried where a run of spaces starts, not at each of its places: linear in the text.)
_TITLE_TAIL = re.compile(
    r"(?:,|(?<=[^\s.]{2})\.)\s(?:\s*+(?=\S)|\s*(?=\s$))(?P<tail>[^,.()]*?[^,.()\s]|\s)\s*+$"
    r"|(?<!\s)\s*\((?P<paren>[^()]+)\)\s*$"
)
# A venue and year in parentheses after a title: "Title (CVPR 2016)".
# (Tried where a run of spaces starts, as _TITLE_TAIL's: linear.)
_LAST_PARENTHESIS = re.compile(r"(?<!\s)\s*\(([^()]*)\)\s*$")
# Who a citation names before its venue and year, in parentheses after a title:
# "(Kaplan et al., 2020)", "(Brown et al., NeurIPS 2020)"; no part of the venue.
_CITED_BY = re.compile(r"^\s*[^\W\d_][^\s,()]*\s+et\s+al\b\.?\s*,?\s*")
# APA's year after the names: "Kaplan, J., & McCandlish, S. (2020)."
_APA_YEAR = re.compile(r"\(\s*((?:19|20)\d{2})[a-z]?\s*\)\W*$")
# Where a sentence of an item's leading words ends (not an initial's or an ellipsis' dot).
_SENTENCE = re.compile(r"(?<=[^\s.][^\s.])\.\s")
# What a labelled link's text leaves behind in a title ("[[paper](...)]" less "paper").
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)")
# A heading that says only that papers follow ("Papers", "Paper List", "Awesome Papers"):
# on every paper of the list, it tags none.
_LISTS_HEADING = re.compile(
    r"(?i)^(?:(?:the|awesome|all|full|selected|main|recent|related)\s+)*"
    r"(?:papers?|paper\s+list|list\s+of\s+papers|reading\s+list|publications?|literature)$"
)
# A heading's section number ("2.1 Sparse Attention"), but a year ("2024 Highlights").
_SECTION_NUMBER = re.compile(r"(?!(?:19|20)\d\d\s)\d+(?:\.\d+)*\.?\s+(?=\S)")
_YEAR_HEADING = re.compile(r"^\W*((?:19|20)\d{2})\W*$")
# A list's news: a section ("🔥 News", "Latest Updates", "What's New", "Changelog"), an
# item that says so ("**News**: ..."), and a date before an item's words ("[2024/05]",
# "2024.01.10:", "(May 2024)").
_NEWS_HEADING = re.compile(
    r"(?i)^(?:(?:latest|recent)\s+)?(?:news|updates?|what['’]?s\s+new|change\s*log|announcements?)"
    r"(?:\s*(?:and|&)\s*(?:news|updates?|announcements?))?$"
)
_NEWS_WORD = re.compile(r"(?i)^[\[(]?(?:news|update|updates|announcement)[\])]?\s*[:：]")
# A month's name or its abbreviation ("May", "Sept.", "January"), and no other word that
# starts as one does: "Marcus", "Martin", "Novak" are names, "Marine Biology" a venue.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![^\W\d_])"
)
_DATE = (
    r"(?:(?:19|20)\d{2}\s*[./-]\s*\d{1,2}(?:\s*[./-]\s*\d{1,2})?"
    r"|\d{1,2}\s*[./-]\s*(?:\d{1,2}\s*[./-]\s*)?(?:19|20)\d{2}"
    rf"|{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}})"
)
_NEWS_DATE = re.compile(rf"(?i)^(?:[\[(]\s*{_DATE}\s*[\])]|{_DATE}\s*[:：])")
_ARXIV_VENUE = re.compile(r"^arxiv$", re.IGNORECASE)
_MONTHS = re.compile(rf"^{_MONTH}$", re.IGNORECASE)
# "Vandenhende, S., Georgoulis, S., & Van Gool, L." (APA): a surname, then initials.
# (A surname of 81 characters at most, so that a match that fails fails soon: unbounded,
# each name read looked to the text's last comma, and _apa took the square of its length.)
_APA_NAME = re.compile(r"\s*(?:&\s*|and\s+)?([^\W\d][^,&()]{0,80}?),\s*((?:[^\W\d_]{1,2}\.[\s-]*)+),?")
# (Its spaces before "et" tried where a run of them starts: linear.)
# "et al." ending words read as a venue: names'.
_NAMES_END = re.compile(r"(?<![^\W_])et\s+al\.?$")
_ET_AL_WORDS = re.compile(r"(?<![^\W_])et\s+al\b\.?")
_ET_AL = re.compile(r"^\s*([^\W\d][\w'’.\- ]*?)(?<!\s)\s+et\s+al\.?\s*$")
_NAME = re.compile(r"^[^\W\d_][^\d,;:()\[\]{}<>*_|]{0,58}$")
# Emoji, arrows and other pictures that set an item's parts apart ("👥 Vaswani et al. 📅
# 2017", "→ NeurIPS 2017"), as a dash does; no name's or venue's.
# GitHub's emoji shortcodes too, which it shows as emoji: ":sparkles:", ":fire:" (a word
# of them between spaces; "Re:Invent:" is none).
_SYMBOLS = (
    r"(?:[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\U0001F000-\U0001FAFF\ufe0f\u200d]+"
    r"|(?<!\S):[a-z0-9_+-]{1,40}:(?!\S))"
)
# Where a sentence or a part of an item ends, for finding its venue and year.
_PARTS = re.compile(rf"\.\s+|\.$|[()\[\]|;]|\s[-–—]\s|\s{{2,}}|{_SYMBOLS}")
_PARTS_AS_WRITTEN = re.compile(r"\.\s+|\.$|[()\[\]|;]|\s[-–—]\s|\s{2,}")  # (as earlier imports split)
# The same, for the names after a title: an initial's full stop ends no part ("A. Lovelace
# and A. Turing, 2020" was read as by "Turing" alone), nor a two-letter initial's, the
# digraph a romanised given name starts with (Czech and German "Ch.", "Th.", Hungarian
# "Sz.", "Gy.", "Zs.", "Cs.", Chinese "Zh.", "Sh."): "Ch. Li, 2017" was by "Li". None is
# a surname, as "He." and "Li." that end a sentence of names are; not Hungarian "Ly.",
# which is: Vietnamese "Lý" ("K. Ly. CVPR 2016." was by no one).
_DIGRAPHS = "Ch|Cs|Dz|Gy|Kh|Ny|Ph|Sh|Sz|Th|Ts|Ty|Zh|Zs"
_NAMES_PARTS = re.compile(
    rf"(?<!\b[A-Z])(?<!\b(?:{_DIGRAPHS}))\.\s+|\.$|[()\[\]|;]|\s[-–—]\s|\s{{2,}}|{_SYMBOLS}"
)
# Words of journals' names as ISO 4 abbreviates them ("Phys. Rev. Lett.", "Nat. Commun.",
# "Neural Netw.", "Int. J. Comput. Vis.", "Proc. Natl. Acad. Sci."), in lower case: none
# is a surname ("Shazeer." of "N. Shazeer. Nat. Commun." ends a name; ISO 4's "Bull.",
# "Lang.", "Ling.", "Eng.", "Mol." are left out, as "Hedley Bull", "Fritz Lang", "Xiao
# Ling" are names), and a run of them, with initials ("J." for Journal, "R." for Royal)
# or capitalised words among them ("IEEE Trans. Pattern Anal. Mach. Intell."), is a
# journal's name, never a person's. (Not "Tech." either: "Tech. Rep." is a report's,
# `_unabbreviated`.)
_JOURNAL_WORDS = frozenset("""
    phys rev lett nat commun netw int comput vis chem proc natl acad sci phil trans soc
    mach learn res intell anal recognit syst inf process stat math appl biol med
    technol struct theor exp adv opt astrophys electron signal robot autom softw graph
    assoc neurosci cogn psychol biomed sens rep artif geosci remote imaging biochem
    biophys genet ecol environ comp sociol econ oper linguist am ann eur jpn
""".split())
_ABBREVIATION = re.compile(r"(?<![^\W_])([A-Z][^\W\d_A-Z]+)\.")
_FORBIDDEN = re.compile(f"[{FORBIDDEN_CHARS}]")
_SPACES = re.compile(r"\s+")
# What a title starts or ends with that is no part of it: emoji and bullets, quotes,
# the item's punctuation. Not every sign that is no letter: a title may start with one
# ("∞-former", "$k$-NN", "#InsTag", "@Bench", "¿Qué?", "+1", "...And"), and end with an
# ellipsis.
_BULLETS = frozenset(" \t-–—*•·|:>→,;\ufe0f\u200d")
# (Tried only where a run of them starts, after another character or an ellipsis: tried
# at each place in a long run that something else ends, it took seconds.)
_TRAILING = re.compile(r"(?:(?<![\s,;:\-–—\[(.])|(?<=\.\.))(?:[\s,;:\-–—\[(]|(?<!\.)\.(?!\.))+$")
# More words than this beside a title read from bold or leading words, and a paper
# linked only by a label ("[arXiv](...)"): a news line or a comment, not a paper's entry.
_PROSE = 20
# One short lowercase word before a link, "(CVPR 2021) see [the demo](…)": a word leading
# to the link ("see", "via", "at"), no title.
_LEAD_WORD = re.compile(r"[a-z]{1,5}")
_TWO_DIGIT_PIVOT = 70  # "(ICML 17)" is 2017, "(NIPS 95)" 1995
# Whether a word (lower case) is one of the dictionary's (lemmas.known_word), remembered:
# a list names the same authors and venue words again and again, and a word the
# dictionary lacks (most surnames) costs lemminflect's model two runs.
known_word = lru_cache(maxsize=16_384)(_dictionary_word)
# The readers of an item's words that an item asks again and again of the same words
# (`_venue_and_year` some 9 times an item, 86,000 times for 18,700 texts in a 10,000-item
# list; `_one_name` 47,600 times for 1,200 words): their answers remembered for one
# parse, and forgotten after it, so that a reader replaced (a test's older reading)
# is asked anew. Pure functions of their words.
_REMEMBERED: list = []


def _per_parse(reader):
    remembered = lru_cache(maxsize=1 << 16)(reader)
    _REMEMBERED.append(remembered)
    return remembered


def in_code_blocks(text: str, lines: Iterable[int]) -> bool:
    """Whether each of ``lines`` (numbered from 0) is inside a code block of the Markdown
    ``text``, fenced or indented: a list's "how to cite us", a BibTeX entry, is no entry."""
    blocks = [
        token.map for token in _MARKDOWN.parse(text) if token.type in ("fence", "code_block") and token.map
    ]
    return all(any(start <= line < end for start, end in blocks) for line in lines)


# Line breaks as markdown-it reads them (CommonMark: CR LF, CR or LF).
_LINE_BREAK = re.compile(r"\r\n?|\n")


def parse_markdown_list(text: str, path: str, problems: Problems) -> list[Record]:
    tokens = _MARKDOWN.parse(text)
    reader = _Reader(path, problems, text)
    try:
        reader.read(tokens)
    finally:
        for remembered in _REMEMBERED:
            remembered.cache_clear()
    if not reader.records and not problems:
        # An error, as a .bib without entries is: an import of it would keep a copy of a
        # list that gave nothing in content/sources/ and exit 0.
        problems.error(
            Location(path, 1, 1),
            "found no paper in this Markdown list: a paper is a list item or table row that"
            " links it ('- [Title](https://arxiv.org/abs/...)') or gives its venue or year"
            " ('- (ICLR 2024) Title')",
        )
    return _surnames_as_written(reader.records, text)


def _surnames_as_written(records: list[Record], text: str) -> list[Record]:
    """``records`` with "Noh, Hong et al." read as the rest of the list writes its names:
    one name surname first ("Hong Noh", as `_surname_first` reads it alone) when some
    other item writes one so ("Goodfellow, Ian J. et al."), or none writes names given
    name first or surnames alone; else two surnames, "Noh" and "Hong": a list that writes
    "Ashish Vaswani et al." or "Vaswani, Shazeer, 2017" would write "Hong Noh et al." for
    one person. Each item's names are looked for on its first line, as the list wrote it.
    (Only when some item may say two ways: the items' units are not kept for it, which
    cost the garbage collector 0.15 s at 10,000 items.)"""
    if not any(_either_shaped(record.authors) for record in records):
        return records
    lines = text.split("\n")
    styles = [_names_written(lines[record.source.line - 1], record.authors) for record in records]
    written = Counter(styles)
    if not written["either"] or written["surname first"] or not (written["given first"] or written["surnames"]):
        return records
    return [
        replace(record, authors=(record.authors[0].split()[1], record.authors[0].split()[0], *record.authors[1:]))
        if style == "either" else record
        for record, style in zip(records, styles)
    ]


# GitHub's tables, and its bare addresses as links (only one written with its scheme,
# as escape.py reads a curator's notes): "... *NeurIPS*. https://arxiv.org/abs/..." links
# its paper on the list's page.
_MARKDOWN = MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(["table", "linkify"])
_MARKDOWN.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})


@dataclass
class _Span:
    """A piece of an item's text, with what the Markdown made of it."""

    text: str
    link: int = -1  # the index of the link it is the text of, or -1
    strong: bool = False
    em: bool = False
    line_end: bool = False  # a line break within the item (its text a space)


@dataclass
class _Anchor:
    """A link of an item: its address and its text."""

    url: str
    text: str = ""
    image: bool = False  # its text is an image (a badge)
    bare: bool = False  # a bare address GitHub links: its text is the address, no title
    official_beside: bool = False  # the words right beside it call it official (`_said_official`), or its column


@dataclass
class _Unit:
    """One list item or table row: its spans and links, each cell's for a table."""

    line: int
    col: int = 1  # where its marker ("-", "1.") or its row's first character stands
    spans: list[_Span] = field(default_factory=list)
    anchors: list[_Anchor] = field(default_factory=list)
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # column -> span range
    unknown_html: list[str] = field(default_factory=list)  # raw tags no HTML element names
    row: bool = False  # a table's row, not a list item
    nested: bool = False  # a list item with a list nested in it
    # (md3) the sentence of one author's name an earlier import read as the title ("J.
    # Pearl" of "- J. Pearl. Causality: .... Cambridge University Press, 2000. [pdf](…)")
    named_before: str = ""


class _Reader:
    def __init__(self, path: str, problems: Problems, text: str = "") -> None:
        self.path = path
        self.problems = problems
        # The list's lines, as markdown-it numbers them: where an item stands in its
        # line (a nested item's marker is not at column 1), for the places said of it.
        self.lines = _LINE_BREAK.split(text)
        self.records: list[Record] = []
        self.headings: list[tuple[int, str]] = []  # (level, text) of the enclosing headings
        self.first_heading = True
        # News under a news heading that links papers: (line, paper URL) by heading, said
        # once a section (a list's news section links a paper in most of its items).
        self.news: dict[str, list[tuple[Location, str]]] = {}
        # Preprints under a year's heading whose arXiv id gives another year: (line,
        # heading's year, arXiv id, its year), said once (see `read`).
        self.heading_years: list[tuple[Location, str, str, str]] = []

    # --- walking the blocks -------------------------------------------------

    def read(self, tokens: list[Token]) -> None:
        index = 0
        last_was_record = False
        header: list[str] = []  # the roles of the columns of the table being read
        body = False  # whether its body is being read
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                self._heading(int(token.tag[1:]), tokens[index + 1])
                last_was_record = False
            elif token.type == "list_item_open":
                last_was_record = self._item(tokens, index)
            elif token.type == "thead_open":
                header = self._header(tokens, index)
            elif token.type == "tbody_open":
                body = True
            elif token.type == "table_close":
                header, body = [], False
            elif token.type == "tr_open" and body:
                last_was_record = self._row(tokens, index, header)
            elif token.type == "inline" and token.level == 1 and last_was_record:
                # A paragraph of badges after an item, as some lists give each paper's
                # repository: "1. [Title](...)", then "[![stars](...)](github.com/o/r)".
                unit = _Unit(line=_line(token))
                _spans(token, unit)
                if unit.anchors and not _words(unit) and all(a.image for a in unit.anchors):
                    self._add_links(unit)
                last_was_record = False
            elif token.type == "html_block":
                self._html(token)
            elif token.type in ("paragraph_open", "paragraph_close"):
                pass
            elif token.level == 0 and token.type not in ("html_block",):
                last_was_record = last_was_record and token.type.endswith("_close")
            index += 1
        if self.heading_years:
            place, heading, arxiv, year = self.heading_years[0]
            more = len(self.heading_years) - 1
            self.problems.warning(
                place,
                f"this paper{f' and {more} more' if more else ''} under a year's heading"
                f" ({quoted(heading)}) take{'' if more else 's'} the year {'their' if more else 'its'}"
                f" arXiv id gives ({arxiv}: {year}), as a preprint's: the item names no"
                " venue; to give the year of a published version, write its venue and year"
                " in the item ('ICLR 2021')",
            )
        for why, items in self.news.items():
            place, url = items[0]
            if len(items) == 1 or not why.startswith("under"):
                for place, url in items:
                    self.problems.warning(
                        place,
                        f"this item reads as news ({why}), not as a paper's entry, and links a paper"
                        f" ({url}); not imported: to import the paper, list it in an item of its own"
                        " among the papers",
                    )
                continue
            self.problems.warning(
                place,
                f"this item and {len(items) - 1} more read as news ({why}), not as papers' entries,"
                f" and link papers ({url}, …); not imported: to import a paper, list it in an"
                " item of its own among the papers",
            )

    def _html(self, block: Token) -> None:
        """Say that the papers an HTML block links (a ``<table>`` of papers, as some lists
        write theirs) are not imported: they were dropped without a word."""
        urls = [url for url in dict.fromkeys(_HREF.findall(block.content)) if _usable(url)]
        papers = [url for url in urls if _names_paper(_Anchor(url))]
        if papers:
            self.problems.warning(
                Location(self.path, _line(block), 1),
                f"this HTML links {len(papers)} paper(s) ({papers[0]}{', …' if len(papers) > 1 else ''});"
                " not imported: a Markdown list is read from its items and tables, not from"
                " HTML; write them as Markdown to import them",
            )

    def _heading(self, level: int, inline: Token) -> None:
        # (without the section's number: "2.1 Sparse Attention"; a title keeps its
        # number, "1 Billion Word Benchmark")
        # (a year is no section number: "2024 Highlights" stays whole, in digits of
        # another width too, "２０２４ Highlights", which `ascii_digits` keeps as long)
        text = _clean(_plain(inline))
        if number := _SECTION_NUMBER.match(ascii_digits(text)):
            text = text[number.end() :]
        first, self.first_heading = self.first_heading, False
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        if first and level == 1:
            return  # the list's own name ("Awesome Multi-Task Learning"), no topic
        if has_other_digits(text) and (year := _year_heading(text)):
            # ("### ２０２４": read as an item's venue and year are, and said)
            self.problems.warning(
                Location(self.path, _line(inline), 1),
                f"this year heading is written in digits other than 0-9; read as {year}",
            )
        self.headings.append((level, text))

    def _column(self, line: int) -> int:
        """The column of the first character of ``line`` (1-based) that is neither
        indentation nor a block quote's '>': where an item's marker or a row stands."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text) - len(text.lstrip(" \t>")) + 1 if text.strip(" \t>") else 1

    def _link_place(self, unit: _Unit, url: str, where: Location) -> Location:
        """(rev133) Where ``url`` stands as a link's address ("](url") on the lines of
        ``unit``, so that a curator is sent to the link, not only its item (whose line is
        one of many links); ``where`` when it is not found there (a reference's link, an
        address markdown-it wrote otherwise). The item's lines end at a blank line or at
        the next item's or row's."""
        for line in range(unit.line, len(self.lines) + 1):
            text = self.lines[line - 1]
            if line > unit.line and (not text.strip() or _NEXT_UNIT.match(text)):
                break
            for written, start in ((f"]({url}", 2), (f"](<{url}>", 3)):
                if (at := text.find(written)) >= 0:
                    return Location(self.path, line, at + start + 1)
        return where

    def _item(self, tokens: list[Token], start: int) -> bool:
        """The record of the list item opening at ``start``: its own paragraphs, not
        those of the lists nested in it."""
        unit = _Unit(line=(line := _line(tokens[start])), col=self._column(line))
        level = tokens[start].level
        index = start + 1
        while index < len(tokens):
            token = tokens[index]
            if token.type == "list_item_close" and token.level == level:
                break
            if token.type in ("bullet_list_open", "ordered_list_open") and token.level == level + 1:
                unit.nested = True
                break  # (the nested list's items are read as items of their own)
            if token.type == "inline" and token.level == level + 2:
                if unit.spans:
                    unit.spans.append(_Span(" "))
                    _spans(token, unit)
                else:
                    _spans(token, unit)
                    _untick(unit)
            index += 1
        return self._record(unit)

    def _row(self, tokens: list[Token], start: int, header: list[str]) -> bool:
        unit = _Unit(line=(line := _line(tokens[start])), col=self._column(line), row=True)
        column = 0
        index = start + 1
        while index < len(tokens) and tokens[index].type != "tr_close":
            if tokens[index].type == "inline":
                first = len(unit.spans)
                if unit.spans:
                    unit.spans.append(_Span(" | "))
                    first += 1
                _spans(tokens[index], unit)
                role = header[column] if column < len(header) else ""
                if role and role not in unit.cells:
                    unit.cells[role] = (first, len(unit.spans))
                if role == "official":
                    for span in unit.spans[first:]:
                        if span.link >= 0:
                            unit.anchors[span.link].official_beside = True
                column += 1
            index += 1
        return self._record(unit)

    def _schemeless(self, unit: _Unit, where: Location) -> list[str]:
        """Read a link written without its scheme, or with it mistyped
        (`[paper](arxiv.org/abs/2111.06377)`, `https//…`), as the https address it is one
        slip from, and say so: taken for a relative link, it was dropped in silence, and
        the paper lost its arXiv id or its code link (a BibTeX `\\url` and a paper file's
        url are read, or told, so). A link with no site's name before its first slash
        (`docs/x.pdf`, `notes.md`) is a file of the list's repository, and stays none:
        those links are returned, each once, for `_record` to say of a paper it imports."""
        said: set[str] = set()  # (one warning for a link the item gives twice, all read)
        relative: list[str] = []
        for anchor in unit.anchors:
            if _usable(anchor.url):
                continue
            if not _site_first(anchor.url):
                name = _file_named_as_a_site(anchor.url)
                if not name and _relative(anchor.url) and anchor.url not in relative:
                    relative.append(anchor.url)
                if name and anchor.url not in said:
                    # (rev127) "bun.sh/docs" is a site as often as "notes.md/x" is a file:
                    # left out unsaid, a site's link written so was lost without a word.
                    said.add(anchor.url)
                    self.problems.warning(
                        where,
                        f"the link {quoted(anchor.url)} is read as a file of the list's repository, as GitHub"
                        f" opens it ({quoted(name)} a file's name), and not imported; if it is a site, write"
                        f" https://{anchor.url} in the list",
                    )
                continue
            from ..validate import url_fix  # (only here: validate is slow to import)

            # (url_fix reads no "www.utm.md" alone, a file's extension to it: "www." says a site)
            fixed = url_fix(anchor.url) or (f"https://{anchor.url}" if _BARE_WWW.match(anchor.url) else "")
            if fixed and _usable(fixed):
                if anchor.url not in said:
                    said.add(anchor.url)
                    self.problems.warning(
                        where,
                        f"the link {quoted(anchor.url)} has no 'https://': read as {fixed}; write it"
                        " so in the list, where GitHub opens it as a file of the list's repository",
                    )
                anchor.url = fixed
        return relative

    @staticmethod
    def _header(tokens: list[Token], start: int) -> list[str]:
        """The roles of a table's columns, from its header row (``start``: its thead)."""
        names = []
        index = start + 1
        while index < len(tokens) and tokens[index].type != "thead_close":
            if tokens[index].type == "inline":
                words = _clean(_plain(tokens[index])).lower()
                names.append(next((r for r, ws in _COLUMNS.items() if words in ws), ""))
            index += 1
        return names

    # --- reading one item -----------------------------------------------------

    def _record(self, unit: _Unit) -> bool:
        where = Location(self.path, unit.line, unit.col)
        relative = self._schemeless(unit, where)
        anchors = [(i, a) for i, a in enumerate(unit.anchors) if _usable(a.url)]
        papers = [(i, a) for i, a in anchors if _names_paper(a)]
        identities = {_identity(a.url) for _, a in papers}
        titled = {_clean(a.text) for _, a in papers if not _is_label(a.text) and not a.image}
        if len(identities) > 1 and len(titled) > 1:
            shown = ", ".join(a.url for _, a in papers[:3])
            self.problems.warning(
                where,
                f"this item links {len(identities)} papers ({shown}); not imported: give each"
                " paper an item of its own to import it",
            )
            return self._skip(unit, "links several papers", warned=True)
        # (A link whose text is a venue and year, "[[NeurIPS 2023](...)] Title", when the
        # item has words of its own to take the title from.)
        venue_links = _words(unit) >= 2
        title_link = next((
            i for i, a in papers if not _is_label(a.text) and not a.image and not (venue_links and _is_venue(a.text))
        ), None)
        if title_link is None and not papers and "title" not in unit.cells:
            title_link = self._titled_page(unit, anchors)
        # (md3) An item linking nothing that is a full reference, its authors' sentence,
        # its title's, then a publisher or a venue with its year, is a paper as one
        # linking it is ("- Christopher Bishop. Pattern Recognition and Machine Learning.
        # Springer, 2006." was skipped as "not a paper"): a reading list holds books.
        # (md5: or IEEE's or APA's, `_unlinked_reference`)
        reference = not anchors and title_link is None and not unit.cells and bool(
            _reference_names(leading := _unlead(_join(unit.spans))) or _unlinked_reference(leading)
        )
        title, title_span = self._title(unit, title_link, bool(papers) or reference)
        plain = _ascii_digits(unit)
        venue, year, earlier, award = self._venue_year(plain, title_span)
        if year and plain is not unit and self._venue_year(unit, title_span)[:2] != (venue, year):
            # ("ICLR ２０２１": read as a BibTeX import reads such a year, and said, as there)
            self.problems.warning(where, _other_digits(venue, year))
        if not papers and not year and earlier and earlier[1]:
            # An item that links no paper has no other year (no arXiv id): the year its
            # words give stays its own, though they name no venue ("PhD thesis, 2019"),
            # and so does the item, which without a year would be read as prose.
            year = earlier[1]
        read_before: list[ReadBefore] = []  # (what earlier versions read otherwise)
        if title_span[0] < len(unit.spans) and (
            unit.spans[title_span[0]].link >= 0 or unit.spans[title_span[0]].strong and title_link is None
        ) and (tail := _title_tail(title)):
            # A citation's year (and venue) at the end of the link's text, or of a bold
            # title ("**Show and tell: ... (2015)**, O. Vinyals et al."): the item's own
            # when it says none other.
            if (not year or year == tail[2]) and (not venue or not tail[1] or venue == tail[1]):
                read_before.append(ReadBefore(
                    ("title",), (title,), "its year read as part of it by an earlier import",
                ))
                was = _title_tail(title, as_written=True)
                if sum(map(has_other_digits, title)) > sum(map(has_other_digits, tail[0])):
                    # ("[Title, ２０２１](...)": as for the item's other words above)
                    self.problems.warning(where, _other_digits(tail[1], tail[2]))
                title, venue, year, award = tail[0], venue or tail[1], tail[2], award or tail[3]
                if was and was[1] and was[1] != venue:  # ("NeurIPS Oral" of "[Title (NeurIPS 2019 Oral)](...)")
                    read_before.append(ReadBefore(("venue",), (was[1],), _misread(was[1], venue, False)))
        if award and title_link is None and "title" not in unit.cells and not self._prefix(unit, as_written=True) and (
            bracketed := _BRACKETED.match(_unlead(_join(unit.spans)))
        ) and self._prefix(unit):
            # ("[NeurIPS 2019 Oral] Title": an earlier import read the brackets as the title's)
            read_before.append(ReadBefore(
                ("title",), (_clean(bracketed.group() + title),),
                "the venue before it in brackets, read as part of it by an earlier import",
            ))
        if unit.named_before and papers and not reference:
            read_before.append(ReadBefore(
                ("title",), (unit.named_before,), "its author's name, which an earlier import read as its title",
            ))
        if not papers and (talk := _TALK.search(_unlead(_join(
            # (rev108) a link's own text is no word of the item's: "[Slides](…)" or
            # "[Talk](…)" beside a paper's title is the paper's, and a linked title's
            # "(Tutorial)" its title ("- **Title**. Names. *CVPR 2016*. [Code](…) |
            # [Slides](…)" was skipped as slides)
            span if span.link < 0 else _Span("…") for span in unit.spans
        )))):
            # (md4) A talk, a tutorial, slides or a poster that links no paper: no paper
            # however real its title ("- Yann LeCun. The Power and Limits of Deep Learning.
            # Keynote talk, NeurIPS, 2018." was imported as a paper at NeurIPS).
            # Said at its line where it reads as a paper's entry otherwise (a title, a venue
            # or year); else in the notes of items skipped, as a list's other resources are
            # (a course's "Lecture videos, slides" would warn at each).
            said = talk.group("talk").strip()
            entry = bool(title and (venue or year) and _words(unit) < 40)
            if entry:
                self.problems.warning(
                    where,
                    f"this item says it is {quoted(said)}, not a paper, and links none; not imported:"
                    " to import a paper of it, link the paper (its arXiv, DOI or PDF) in the item",
                )
            return self._skip(unit, f"a talk, tutorial or slides ({said})", warned=entry)
        if not papers and not (title and (venue or year) and _words(unit) < 40):
            # no paper here: a code base, a dataset, a badge, a line of prose
            return self._skip(unit, _no_paper(unit))
        if not title:
            if papers:
                # (A paper is no paper without its title, as a BibTeX entry's; but an arXiv
                # id or a DOI is all `readinglist add` needs to ask arXiv or doi.org for it.)
                url = papers[0][1].url
                named = arxiv_id(url) or hugging_face_arxiv(url) or doi_from_url(url)
                add = f", or add the paper by its id: readinglist add {shell_quoted(named)}" if named else ""
                self.problems.warning(
                    where,
                    f"this item links a paper ({url}) but gives no title; not imported: write the"
                    f" title as the link's text or before the links{add}",
                )
                return self._skip(unit, "links a paper but gives no title", warned=True)
            return self._skip(unit, _no_paper(unit))
        news = self._news(unit, title)
        if news and not papers:
            return self._skip(unit, "the list's news")  # (which a venue or year read as a paper's entry)
        named = 0
        if title_span[0] < len(unit.spans) and unit.spans[title_span[0]].strong:
            # (a bold title's authors in italics are no prose: "**Title** \ *Simon Vandenhende,
            # Stamatios Georgoulis, … and Luc Van Gool* \ IEEE Transactions on …")
            named = len(_join(s for s in unit.spans if s.link < 0 and s.em and not s.strong).split())
        if title_link is None and papers and _words(unit) - named - len(title.split()) > _PROSE:
            self.problems.warning(
                where,
                f"this item reads as prose and links a paper ({papers[0][1].url}) only by a"
                f" label such as '{_clean(papers[0][1].text) or 'PDF'}'; not imported: to import"
                " the paper, give it an item whose title is the link's text",
            )
            return self._skip(unit, "prose that links a paper only by a label", warned=True)
        if news:
            self.news.setdefault(news, []).append((where, papers[0][1].url))
            return self._skip(unit, "the list's news")
        # (arXiv's own DOI, https://doi.org/10.48550/arXiv.…, names the preprint, as in BibTeX)
        # (and Hugging Face Papers' page of a paper, named by its arXiv id)
        arxiv = next((i for _, a in papers if (i := _arxiv_of(a.url))), "")
        if len(named := list(dict.fromkeys(i for _, a in papers if (i := _arxiv_of(a.url))))) > 1:
            # (rev127) The title's link and a labelled one name other arXiv papers ("[LoRA](
            # huggingface.co/papers/2106.09685) [[arXiv](arxiv.org/abs/2310.06825)]"): the
            # paper took the first id and kept the other as a link, in silence.
            self.problems.warning(
                where,
                f"this item's links name {len(named)} arXiv papers ({', '.join(named)}): imported as {named[0]},"
                " its first link's, the others kept as its links; correct the link to another paper, or give"
                " that paper an item of its own",
            )
        heading_year = next((y for _, h in reversed(self.headings) if (y := _year_heading(h))), "")
        given_year = year
        if not year and arxiv and not (venue and not PREPRINT.search(venue)):
            # A preprint is of the year its id says, as `add` and a BibTeX import take it:
            # a "## 2023" heading gave Kaplan et al.'s 2001.08361 the year 2023. Said
            # (see `read`), since the list says otherwise.
            year = first_version_year(arxiv)
            if heading_year and heading_year != year:
                self.heading_years.append((where, heading_year, arxiv, year))
        if not year:
            year = heading_year
        if not given_year and heading_year not in ("", year) and not any(
            arxiv_id(a.url) or arxiv_of_doi(doi_from_url(a.url)) for _, a in papers
        ):
            # (fix35) The id of Hugging Face Papers' page alone gave the year: an earlier
            # import read the paper as one of no id, of its heading's year.
            read_before.append(ReadBefore(
                ("year",), (heading_year,), "its heading's year, which an earlier import gave a paper linked by"
                " its Hugging Face Papers page alone, its arXiv id unread",
            ))
        # An award the list says the paper won ("CVPR 2019 Best Paper"), or how it was
        # presented ("NeurIPS 2019 Oral"): its note, with the venue and year it was won or
        # presented at, as no field of a paper holds it (and its venue would be cited as
        # "CVPR Best Paper"). A note is Markdown: the venue's signs as text.
        won_at = " ".join(filter(None, (_MARKDOWN_SIGN.sub(r"\\\g<0>", venue), year)))
        notes = f"{award} ({won_at})" if award else ""
        authors = self._authors(unit, title_span)
        if papers and (talks := [name for name in authors if _TALK.fullmatch(", " + name)]):
            # (rev108) how the paper was presented, after its names: "- [Title](arXiv) -
            # Jane Smith, Invited talk, NeurIPS, 2019" made "Invited talk" an author (the
            # talk's words as `_TALK` reads them after a comma)
            read_before.append(ReadBefore(
                ("authors",), (authors,), "how it was presented, which an earlier import read as one of its authors",
            ))
            authors = tuple(name for name in authors if name not in talks)
        if (proc := _PROC.match(venue)) and (cut := venue[proc.end() :].strip()):
            # (md5) "Proc." ended a part before: "- [Title](…) - Jane Smith, Proc. of the
            # IEEE, 2019" was by Jane Smith and "Proc", of the venue "of the IEEE"; '"Title,"
            # in Proc. KDD' of "KDD" (taken for the same conference, and kept, without this)
            read_before.append(ReadBefore(
                ("authors",), (authors + ("Proc",),),
                "the 'Proc.' of its venue's name, which an earlier import read as one of its authors",
            ))
            if not earlier or earlier[0] != cut:
                read_before.append(ReadBefore(
                    ("venue",), (cut,), "its venue's name without its 'Proc.', as an earlier import read it",
                ))
        if earlier and (changed := [
            (name, value) for name, value, now in zip(("venue", "year"), earlier, (venue, year)) if value != now
        ]) and changed[0][0] == "venue":
            read_before.append(ReadBefore(
                tuple(name for name, _ in changed), tuple(value for _, value in changed),
                ("its author's name" if len(authors) == 1 else "its authors' names")
                + ", which an earlier import read as its venue"
                if not venue and _among(earlier[0], authors) else _misread(earlier[0], venue, len(changed) == 2),
            ))
        doi = next((d for _, a in papers if (d := doi_from_url(a.url)) and not arxiv_of_doi(d)), "")
        _said_official(unit)
        links = _links([a for _, a in anchors], arxiv, doi, authors, unit, title_span)
        tags = tuple(dict.fromkeys(
            h for _, h in self.headings if h and not _year_heading(h) and not _LISTS_HEADING.match(h)
        ))
        # (the words after the title outside links, as `_words_after` reads them, each step
        # once an item: `cited` with a chapter's book and editors, for `_chapter_book`)
        plain_after = _join(s for s in unit.spans[title_span[1] :] if s.link < 0)
        cited = _without_details(_names_plainly(_unabbreviated(plain_after)))
        words_after = _without_venue_before_publisher(_without_editors(cited))
        # (only where a place was left out: `_PLACE` finds words it leaves, "Newport, Penguin, 2016")
        if words_after != _without_place(words_after) and (
            (with_place := self._authors(unit, title_span, with_place=True)) != authors and set(authors) < set(with_place)
        ):
            # (a publisher's city, "- Little, Brown, New York, 2019", "- Cambridge, MA: MIT
            # Press, 2016", which earlier imports read as one more author, "New York",
            # "Cambridge")
            read_before.append(ReadBefore(
                ("authors",), (with_place,),
                "the publisher's city, which an earlier import read as one of its authors",
            ))
        for city, publisher in _assumed_cities(words_after):
            # (imp38: "- Jane Smith, Springer, Lausanne, 2019": a city no table holds, which
            # only its place after the publisher tells from an author's name)
            # (rev94: a conference the reader knows is named so, "CVPR 2019, Kigali, 2019")
            what = "venue" if _known_venue(publisher) else "publisher"
            self.problems.warning(
                where,
                f"{quoted(city)} after the {what} {quoted(publisher)} is read as its city and left out"
                f" (a paper file keeps no place); if it names an author, write the authors before the {what}",
            )
        if venue and (_institution_named(venue) or _publisher_named(venue) or venue.casefold() in _WORD_PUBLISHERS):
            # (a publisher or an institution, which earlier imports read as one more
            # author: "- Morgan Kaufmann, 1988", "- Sutton and Barto, MIT Press, 2018",
            # "- Cal Newport, Basic Books, 2012", "- Cal Newport, Penguin, 2019")
            read_before.append(ReadBefore(
                ("authors",), (authors + (venue,),),
                "the publisher or institution it names, now its venue, which an earlier import read as one of its authors",
            ))
        if not venue and len(authors) == 1 and _LAB.fullmatch(authors[0]):
            read_before.append(ReadBefore(
                ("venue",), authors, "the lab that wrote it, now its author, which an earlier import read as its venue",
            ))
        venue_kind = publisher = ""
        book, book_editors = _chapter_book(cited)
        before_title = _unlead(_join(s for s in unit.spans[: title_span[0]] if s.link < 0))
        editors: tuple[str, ...] = ()
        if not book and (editors := _book_editors(before_title) or _book_editors(words_after)):
            # (imp38) An edited book as a whole: its editors are the people to credit, its
            # `editors` (bk2; imp38 made them its authors, as a paper file named no editors,
            # which a re-import takes back where the file holds them as it wrote them).
            read_before.append(ReadBefore(
                ("authors",), (editors,), "its editors, which an earlier import took as its authors", written=True,
            ))
            authors = ()
            if publisher := _edited_books_publisher(venue):
                # (bk1) and the publisher after them is its `publisher`, of no venue, as a
                # BibTeX import reads a @book's: as its venue the export cited the book as
                # a conference paper, `@inproceedings{…, booktitle = {MIT Press}}`.
                read_before.append(ReadBefore(
                    ("venue",), (venue,), "the edited book's publisher, now its publisher, which an earlier import read as its venue",
                ))
                venue = ""
            # (Said once, as the paper is made or changed: a chapter's editors read so are
            # told how to write them, and once written so it is no edited book.)
            self.problems.warning_about(
                where,
                f"this item reads as an edited book: its editors ({', '.join(editors)}) are imported as its"
                " `editors`, and it has no authors; if they edited the book a chapter is in,"
                " write 'In' and the book's title before them",
                (where,),
            )
        if book:
            # (imp38) A chapter's venue is the book it is in, of the kind "book", and the
            # publisher its publisher, as a BibTeX import reads an @incollection's booktitle
            # and publisher: "- Maria Garcia. In J. Smith and K. Lee (Eds.), Handbook of X
            # (pp. 1-20). Springer, 2019." was of the venue "Springer".
            if venue:
                read_before.append(ReadBefore(
                    ("venue",), (venue,), "the publisher of the book it is in, which an earlier import read as its venue",
                ))
            venue, venue_kind, publisher = book, "book", "" if PREPRINT.search(venue) else venue
            editors = book_editors  # (bk2: its book's editors, the paper file's `editors`)
        elif not editors and (before_publisher := _venue_before_publisher(_without_editors(cited))) and (
            venue in ("", before_publisher[1])
        ) and normalise_title(before_publisher[0]) != normalise_title(title):
            # (rev106: not the book's own title repeated, "- [Pattern Recognition](…) - S.
            # Theodoridis. Pattern Recognition, Academic Press, 2008.", though its words
            # say journal: it stays the book's, its publisher its venue, as "Deep Learning")
            # (md3) The proceedings, journal or book named before the publisher is the
            # venue, the publisher its publisher: "- L. Breiman. Title. In Proceedings of
            # ICML, Morgan Kaufmann, 1995." was of the venue "Morgan Kaufmann", cited as a @book.
            # (md4: or of none, APA's "In Proceedings of KDD (pp. 1-10). ACM.")
            if venue:
                read_before.append(ReadBefore(
                    ("venue",), (venue,), "its publisher, which an earlier import read as its venue",
                ))
            written_before = _without_editors(cited)
            if written_before[: before_publisher[3]].rstrip().endswith(","):
                # (md4) after a comma, an earlier import read the name, and the publisher
                # where it was no venue, as more authors ("Leo Breiman, Machine Learning,
                # Springer", "Jane Smith, In NeurIPS, Curran Associates"): taken back on a
                # re-import where the file holds them as it wrote them
                cut = written_before[before_publisher[3] : before_publisher[4] + len(before_publisher[1])]
                named = before_publisher[1] in authors  # (the publisher read as a name still)
                more = tuple(
                    part for name in cut.split(",") if (part := name.strip(" \t*_")) and (named or part != venue)
                )
                read_before.append(ReadBefore(
                    ("authors",), (tuple(name for name in authors if name != before_publisher[1]) + more,),
                    "the venue before its publisher, which an earlier import read as one of its authors",
                ))
            venue, publisher, venue_kind = before_publisher[:3]
            if publisher in authors:
                # (md4) a publisher no reader of names knows, after a proceedings' name cut
                # from between them: "- Jane Smith, John Doe, In NeurIPS, Curran Associates,
                # 2019" (which an earlier import read with "In NeurIPS" as two more authors)
                authors = tuple(name for name in authors if name != publisher)
            if not venue_kind and not (
                names_journal(venue) or _PROCEEDINGS_WORDS.search(venue) or _KNOWN_VENUE_IN.search(venue)
            ):
                # (md4: `_journal_after_names`) a name that says no kind, which a reference
                # puts there as a journal's or a series', and which names no one: said, as
                # it may be a book's title too
                self.problems.warning(
                    where,
                    f"{quoted(venue)} between the authors and the publisher {quoted(publisher)} is read as"
                    " the venue (a journal's or a book's name), not as an author, as its words name no one;"
                    " if it is an author's name, write the names before the title",
                )
        if not venue and not editors and not book and (proceedings := _apa_proceedings(cited)):
            venue = proceedings  # (md4: APA's "In Proceedings of X (pp. 1-10).", no publisher after)
        if venue and venue not in authors and any(
            span.em and span.link < 0 and span.text.strip(" \t*_,.") == venue for span in unit.spans[title_span[1] :]
        ) and (names_read := _name_list(venue)):
            # (rev108) a journal in italics after the names, "- [Title](…) - Leo Breiman,
            # *Machine Learning*, Springer, 1996": an earlier import read it as the only
            # author (`_authors`), which a re-import kept as a conflict
            read_before.append(ReadBefore(
                ("authors",), (names_read,), "its venue in italics, which an earlier import read as its author",
            ))
        # Pages only where they are pages of something, as a BibTeX import keeps them: of a
        # venue, not a preprint's ("- J. Platt, MIT Press, 1999, pp. 185-208"), or of an
        # edited book, its publisher's (a @book's).
        pages = _pages(plain_after) if (venue or publisher) and not PREPRINT.search(venue) else ""
        record = Record(
            title=title,
            abstract="",
            source=where,
            authors=authors,
            editors=editors,
            year=year,
            venue=venue,
            venue_kind=venue_kind,
            pages=pages,
            publisher=publisher,
            arxiv=arxiv,
            doi=doi,
            links=tuple(links),
            tags=tags,
            read_before=tuple(read_before),
            notes=notes,
        )
        if self._refused(record, where):
            return False
        if unit.unknown_html:
            said = ", ".join(dict.fromkeys(unit.unknown_html))
            self.problems.warning(
                where,
                f"{said} is read as an HTML tag, which GitHub does not show, so this paper"
                f" ({quoted(title)}) is imported without it; if it is a word, write it as"
                " &lt;word&gt; or in backticks in the list and import again",
            )
        for url in relative:
            # (imp42) A relative link ("[code](docs/x.md)", "./setup.md", "../x") is a file
            # of the list's repository, as GitHub opens it: no address a paper's page can
            # link, so not imported; left out unsaid, the curator never knew. Said only of
            # a paper imported: a list's own links ("[Contributing](CONTRIBUTING.md)") are
            # in items that are no paper.
            self.problems.warning(
                self._link_place(unit, url, where),
                f"the link {quoted(url)} is relative, a file of the list's repository as GitHub opens it,"
                f" and not imported with this paper ({quoted(title)}); to import it, write its https"
                " address in the list (https://github.com/OWNER/REPO/blob/BRANCH/PATH, as GitHub shows"
                " the file)",
            )
        self.records.append(record)
        return True

    def _skip(self, unit: _Unit, why: str, warned: bool = False) -> bool:
        """Count the item as one the import took no paper from (errors.Skipped), and say
        so to `read`: False. ``warned``: a warning at the item said it already."""
        self.problems.skip(Location(self.path, unit.line, unit.col), "table row" if unit.row else "list item", why, warned)
        return False

    def _news(self, unit: _Unit, title: str) -> str:
        """Why the item is the list's news rather than a paper's entry ("under the heading
        'News'"), or "" when it is not: an item of a news section, one that says it is
        news ("**News**: ..."), or one that starts with a date and then words before its
        title ("[2024/05] 🔥 We released our code ...", "(May 2024) We wrote about
        [X](...)"; a paper's entry dated so has its title right after the date,
        "[2023/05] [Title](...)")."""
        heading = next((h for _, h in self.headings if _NEWS_HEADING.match(h)), "")
        if heading:
            return f"under the heading {quoted(heading)}"
        leading = _unlead(_join(unit.spans))
        said = _NEWS_WORD.match(leading)
        if said:
            return f"it starts with {quoted(said.group().strip())}"
        dated = _NEWS_DATE.match(leading)
        # (a paper's entry may name its venue between: "[2023/05] (ICLR 2023) [Title](...)")
        if dated and not _clean(_without_prefix(leading[dated.end():])).startswith(title):
            # (words between the date and the title: "(May 2024) We wrote about [X](...)")
            return f"it starts with a date, {quoted(dated.group().strip())}"
        return ""

    def _title(self, unit: _Unit, title_link: int | None, links_paper: bool = False) -> tuple[str, tuple[int, int]]:
        """The title and the range of spans it was read from. ``links_paper``: the item links
        its paper, so that a venue and year after leading words are no part of the title
        ("Title. ICLR 2022. [pdf](...)", "Title, NeurIPS 2020 [pdf](...)"); an item
        linking none is a paper only by them, and a line of prose ends in a year too."""
        if "title" in unit.cells:
            first, end = unit.cells["title"]
            cell = unit.spans[first:end]
            linked = [s for s in cell if s.link >= 0 and not unit.anchors[s.link].image]
            if linked and not _is_label(unit.anchors[linked[0].link].text):
                return self._link_title(unit, linked[0].link)
            # (without a labelled link's text: "**X**: Title [[paper](...)]" is "X: Title")
            words = _join(s for s in cell if s.link < 0 or not _is_label(unit.anchors[s.link].text))
            if _clean(_EMPTY_BRACKETS.sub(" ", words)) or "name" not in unit.cells:
                return _clean(_EMPTY_BRACKETS.sub(" ", words)), (first, end)
            # (a Paper column of labels alone, "[arXiv](...)": the method's or model's name in
            # its own column, its bold words, else its words up to a venue in brackets, which
            # is read as the venue: "**LLMEval-Fair** (ACL 2026 Main)")
            first, end = unit.cells["name"]
            bold = [i for i in range(first, end) if unit.spans[i].strong and unit.spans[i].link < 0]
            if bold and bold == list(range(bold[0], bold[-1] + 1)):
                return _clean(_join(unit.spans[bold[0] : bold[-1] + 1])), (bold[0], bold[-1] + 1)
            words = _join(unit.spans[first:end])
            if not _LAST_PARENTHESIS.search(words.rstrip()):
                return _clean(words), (first, end)
            # (the title ends at the bracket, whose venue is read after it as after a bold
            # name: "Segment Anything (ICCV 2023)" gave no venue, the bracket in the title's span)
            cut = _split_cell_spans(unit, len(_join(unit.spans[:first])) + words.index("("))
            return _clean(words.split("(")[0]), (first, cut)
        if title_link is not None:
            return self._link_title(unit, title_link)
        spans = unit.spans
        for index, span in enumerate(spans):
            if span.strong and span.link < 0:
                end = index
                while end < len(spans) and spans[end].strong and spans[end].link < 0:
                    end += 1
                text = _join(spans[index:end])
                if not re.fullmatch(r"\s*\[.*\]\s*", text) and not _is_label(text):
                    return _clean(text), (index, end)
        if (italic := _italic_line(spans)) is not None:
            return italic
        # The leading words, up to the first link or the first sentence's end.
        end = next((i for i, s in enumerate(spans) if s.link >= 0), len(spans))
        if not unit.cells and (in_quotes := _quoted_title(unit, end, links_paper)):
            return in_quotes
        joined = _join(spans[:end])
        text = _unlead(joined)
        dated = _NEWS_DATE.match(text)
        if dated and text.startswith("[") and _title_after_date(text[dated.end() :]):
            # ("[2023/10] AutoAgents: A Framework for …. [[paper](…)]": a paper's entry dated,
            # as some lists date every one; not "[2024/05] We released our code …")
            text = text[dated.end() :].lstrip()
        elif not dated:  # (a date stays, telling news: see _news)
            text = _LABEL_PREFIX.sub("", _without_prefix(text))
        if not links_paper and not unit.cells and end < len(spans) and _LEAD_WORD.fullmatch(_clean(text)):
            # ("(CVPR 2021) see [the demo](…)": no title, nor is the link's text after it one)
            return "", (0, end)
        if not _clean(text) and end < len(spans) and not unit.cells and _titles(unit.anchors[spans[end].link]):
            # Nothing before a link whose text is a title, "[Title](page) - reconstruction,
            # 2021": the words after it are no title (a topic, here). Its text is the
            # title when the item links its paper; else its text alone tells no title from
            # a code base's or a site's name (see `_titled_page`): no paper.
            found = self._link_title(unit, spans[end].link)
            return (found[0] if links_paper else ""), found[1]
        if not _clean(text) and end < len(spans) and not unit.cells:
            # Nothing before a venue's link: "[[NeurIPS 2023](...)] Title. [[code](...)]".
            after = next((i for i in range(end, len(spans)) if spans[i].link < 0), len(spans))
            stop = next((i for i in range(after, len(spans)) if spans[i].link >= 0), len(spans))
            joined = _join(spans[:stop])
            words = _join(spans[after:stop])
            text = words.lstrip(" \t])}:-–—|")
            end = stop
        start = len(joined) - len(text)  # (what the prefix and bullets took)
        first, *rest = _first_sentence(text)
        # (a title after them: "(CVPR 2021) Paris, London, Tokyo. [[PDF](...)]" and
        # "Kalman Filters and Transformers. *ICML*, 2019." are titles of names, the links
        # or the venue alone after them)
        following = _clean(_first_sentence(rest[0])[0]) if rest else ""
        named = bool(links_paper and rest and not unit.cells and not _is_label(following) and not _venue_and_year(following))
        if named and not (_apa(first) or _references_names(first) or _dated_names(first)[0] or _cited_people(first)):
            # (md3: or one author's name, a full reference's, `_reference_names`)
            named = bool(_reference_names(text))
            unit.named_before = _clean(first) if named else ""
        if named:
            # APA's "Surname, I., & Surname, I. (2021). Title. Venue.", or a reference as a
            # paper's bibliography prints it, "Hugo Touvron, Louis Martin, and Thomas
            # Scialom. Llama 2: ..., 2023. URL https://...": the title is the sentence
            # after the names (which `_authors` reads before it).
            start += len(text) - len(rest[0])
            text = rest[0]
            first = _first_sentence(text)[0]
            begin = _split_spans(unit, start)
        else:
            begin = 0
        text = first
        # (not the comma before the link: "Title, NeurIPS 2023, [paper](…)")
        comma = text.rstrip(" \t,").rfind(",")
        if comma > 0 and text[:comma].count("(") > text[:comma].count(")"):
            comma = -1  # (inside parentheses: "Title (Kaplan et al., 2020)")
        # (An item linking none: only a venue known by name, with its year, as prose ends
        # with a year too: "Title (CVPR 2022) [[code](...)]".)
        venue_year = _venue_and_year if links_paper else _known_venue_and_year
        split = False
        if comma > 0 and venue_year(text[comma + 1 :].strip(" .,")):
            text, split = text[:comma], True
        elif (paren := _LAST_PARENTHESIS.search(text.rstrip(" \t[|,"))) and venue_year(
            _CITED_BY.sub("", paren.group(1))
        ):
            # "Title (CVPR 2016) [pdf](...)", "[[pdf](...)]" too, and "Title (CVPR 2016),
            # [pdf](...)" (the comma before the link, as above): read as its venue
            text, split = text[: paren.start()], True
        elif links_paper and paren and _parenthesised_names(paren.group(1)):
            # "*Title (Noh, Hong, Han et al.)* [[arxiv, 15.05]](...)": its authors (`_authors`)
            text, split = text[: paren.start()], True
        if (links_paper or split) and not unit.cells and (named := _names_at_end(text)) > 0:
            # (and the names before them: "*Title* - Vaswani et al., NeurIPS 2017 [[pdf](...)]")
            text, split = text[:named], True
            if (paren := _LAST_PARENTHESIS.search(text)) and venue_year(paren.group(1)):
                # ("Title (2015), J. Schmidhuber [[pdf](...)]": the year before the names)
                text = text[: paren.start()]
        if re.match(r"^\s*(?:paper|title)\s*:\s*$", text, re.IGNORECASE):
            text = ""
        if (links_paper or split) and text and not unit.cells and _join(unit.spans)[start + len(text) :].strip(" .,"):
            # (the words after the title are read for the venue and year)
            return _clean(text), (begin, _split_spans(unit, start + len(text)))
        return _clean(text), (begin, end + (begin > 0))

    def _titled_page(self, unit: _Unit, anchors: list[tuple[int, _Anchor]]) -> int | None:
        """The link that starts an item linking no paper and whose text is its title, when a
        venue known by name and a year follow it ("[Title](project page) (CVPR 2022)",
        "[Title](…), ICCV 2023") or come before it ("(CVPR 2022) [Title](…)"), else None:
        its text alone tells no title from a code base's or a site's name."""
        if not anchors:
            return None
        index, anchor = anchors[0]
        if _is_label(anchor.text) or anchor.image or anchor.bare:
            return None
        span = self._link_title(unit, index)[1]
        before = _join(unit.spans[: span[0]])
        if _clean(before):
            # Only a venue known by name and its year before it, "(CVPR 2021) [Title](…)",
            # as after it; other words before it are the title.
            prefix = self._prefix(unit)
            known = bool(prefix and prefix[2] and _KNOWN_VENUE.fullmatch(prefix[1]))
            return index if prefix and known and not _clean(_unlead(before)[prefix[0] :]) else None
        parts = [part for part in _after_title(unit, span) if part.strip(" |")]
        # (after other words too: "[Title](…) - unbounded scenes, CVPR 2022"; or in the
        # part after a sentence of names, "[DDPM](…) - Ho, Jain, Abbeel. NeurIPS 2020.")
        if not parts:
            return None
        if any(map(_known_venue_and_year, _tails(parts[0]))):
            return index
        named = _name_list(parts[0]) or (parts[0],)
        return index if len(parts) > 1 and all(map(_one_author, named)) and _known_venue_and_year(parts[1]) else None

    @staticmethod
    def _link_title(unit: _Unit, link: int) -> tuple[str, tuple[int, int]]:
        indexes = [i for i, s in enumerate(unit.spans) if s.link == link]
        return _clean(unit.anchors[link].text), (indexes[0], indexes[-1] + 1)

    def _venue_year(
        self, unit: _Unit, title_span: tuple[int, int]
    ) -> tuple[str, str, tuple[str, str] | None, str]:
        """The item's venue and year, the venue and year an earlier import read after
        its title, or in a table's Venue column, where it is another (words that name no
        venue, "code released 2020", how the paper was presented, "Oral at NeurIPS
        2019", or an award it won, "CVPR 2019 Best Paper"), else None, and the award or
        presentation said beside the venue ("Best Paper", "Oral"; "" for none, or for no
        venue)."""
        venue, year, award = self._venue_year_now(unit, title_span)
        earlier = None
        if "venue" in unit.cells:
            # (a table's Venue column, read whole: "Oral at NeurIPS")
            written = _clean(_join(unit.spans[slice(*unit.cells["venue"])]))
            earlier = (_venue((_venue_and_year(written, as_written=True) or (written, ""))[0], as_written=True), year)
        elif "year" not in unit.cells and (prefix := self._prefix(unit)):
            was = self._prefix(unit, as_written=True)
            if was and (prefix[3] or not venue and _dated_names(f"({was[1]} {was[2]})")[0]):
                # ("[Oral, NeurIPS 2019] Title": the venue "Oral, NeurIPS"; "(Shannon, 1948)
                # Title": its author's name, said here as no other place says it)
                earlier = (_venue(was[1], as_written=True), _full_year(was[2]))
        elif "year" not in unit.cells:
            earlier = next(filter(None, (
                _venue_and_year(tail, as_written=True)
                for part in _after_title(unit, title_span, as_written=True) for tail in _tails(part)
            )), None)
        if earlier and (
            not earlier[0] or _LAB.fullmatch(earlier[0])
            or earlier == (venue, year)
        ):
            earlier = None  # (read as now, or not what an earlier import took; a lab's: see `_record`)
        return venue, year, earlier, award if venue else ""

    def _venue_year_now(self, unit: _Unit, title_span: tuple[int, int]) -> tuple[str, str, str]:
        if "venue" in unit.cells or "year" in unit.cells:
            venue, year, award = "", "", ""
            if "venue" in unit.cells:
                text, award = _apart_award(_clean(_join(unit.spans[slice(*unit.cells["venue"])])), dated=True)
                if not award:
                    text, award = _without_award(text)
                venue, year = _venue_and_year(text) or (_presented(text), "")
            if "year" in unit.cells:
                text = _clean(_join(unit.spans[slice(*unit.cells["year"])]))
                year = (found[1] if (found := _venue_and_year(text)) else "") or year
            return _venue(venue), year, award
        prefix = self._prefix(unit)
        if prefix:
            _, named, year, award = prefix
            # (a month is no venue: "(May 2024)" dates the item; nor are names, "(Vaswani
            # et al., 2017) Title", "(Shannon, 1948) Title": see `_dated_names`)
            month = _MONTHS.match(named.split()[0])
            cited = _dated_names(f"({named} {year})")[0]
            return "" if month or cited else _venue(named), _full_year(year), award
        parts, award = _awarded(_after_title(unit, title_span))
        # (else a venue known by name among words that name none: "code released 2020 at NeurIPS")
        found = next(filter(None, map(_part_venue_year, parts)), None) or next(
            filter(None, map(_known_within, parts)), ("", "")
        )
        # (a word in italics is a venue, never a name, and so is a publisher's that its city
        # tells from one: "- Penguin, London, 2019")
        after = unit.spans[title_span[1] :]
        placed = _placed_publishers(_words_after(after))
        italics = [*_italics(after), *placed]
        written = [part for part in parts if part.strip(" ,|")]  # (without the empty ones between marks)
        if _LAB.fullmatch(found[0]) or (_one_author(found[0]) and found[0] not in italics) or (
            found[0] and not _KNOWN_VENUE.fullmatch(found[0]) and _among(found[0], self._authors(unit, title_span))
        ) or re.fullmatch(r"[A-Z]", found[0]):
            # (its author, or its authors' names: "- Vaswani and Shazeer, 2017" was
            # published in "Vaswani and Shazeer" too; see `_authors`; or an author's
            # initial, "- Lovelace, A. and Turing, A., 2020")
            found = ("", found[1])
        # (else a venue known by name, written without its year: "[Title](...) - NeurIPS",
        # also before other words, "- ICML, oral")
        # (or a thesis or report, "- PhD thesis, MIT")
        venue = found[0] or next((
            _work(tail) or _venue(tail)
            for part in parts
            for tail in _tails(part) + re.split(r",\s*", part)[:-1]
            for tail in [_presented(tail)]
            if _KNOWN_VENUE.fullmatch(tail) or _work(tail)
        ), "") or next((known[0] for part in parts if (known := _known_within(part))), "") or next((
            # (or a publisher's or an institution's before a year of its own: "- MIT Press
            # (2016)", "- Ian Goodfellow, MIT Press (2016)")
            tail for part, following in zip(parts, parts[1:])
            if found[1] and _venue_and_year(following) == ("", found[1])
            for tail in [_tails(part.strip(" ,"))[-1]]
            if _publisher_named_so(tail) or _one_word_venue(tail) or tail in placed
        ), "") or next((
            # (or after its year, the item's last words, as APA cites a book: "Bishop, C. M.
            # (2006). Springer.", "(2006). New York: Springer.", which gave no venue)
            publisher for dated, publisher in zip(written, written[1:])
            if found[1] and publisher is written[-1] and _venue_and_year(dated) == ("", found[1])
            and (_publisher_named_so(publisher) or _one_word_venue(publisher) or publisher in placed)
        ), "")
        before = _join(s for s in unit.spans[: title_span[0]] if s.link < 0)
        leading, said = _without_award(_clean(before))
        if not venue and (lead := _venue_and_year(leading)) and _KNOWN_VENUE.fullmatch(lead[0]):
            # A known venue and year before the title, as code: "`NeurIPS 2023` [Title](...)"
            # (not names: "Kaplan et al. 2020 [Title](...)"), perhaps how it was presented
            # ("`NeurIPS 2019 Oral`").
            return *lead, said
        if not found[1] and (year := _APA_YEAR.search(before)) and _apa(before):
            # APA's "Surname, I., & Surname, I. (2020). Title.": the year the item gives
            # (a heading's year was taken instead).
            return venue, year.group(1), award
        if not found[1] and (dated := _dated_names(before)[1]):
            return venue, dated, award  # (and as other citations write it: "Vaswani et al. (2017). Title")
        cited = _cited(before) if not found[0] else None
        if cited is None:
            return venue, found[1], award
        # A citation in Chicago's or MLA's style: the venue in italics after the title
        # ('"Title." In *Proceedings of X*'), the year before it (author-date) or after.
        return _emphasised_venue(unit.spans[title_span[1]:]), found[1] or cited[1], award

    @staticmethod
    def _prefix(unit: _Unit, as_written: bool = False) -> tuple[int, str, str, str] | None:
        """The item's "(Venue YY)" prefix (`_venue_prefix`; as earlier imports read it if
        ``as_written``), after a date ("[2023/05] (ICLR 2023) Title"), or None; where it
        ends is counted from the item's first word (`_unlead`), the date's too."""
        whole = _unlead(_join(unit.spans))
        dated = _NEWS_DATE.match(whole)
        if dated and (found := _venue_prefix(whole[dated.end() :], as_written)):
            return dated.end() + found[0], found[1], found[2], found[3]  # (a dated entry's venue)
        return _venue_prefix(whole, as_written)

    def _authors(self, unit: _Unit, title_span: tuple[int, int], with_place: bool = False) -> tuple[str, ...]:
        """The item's authors; ``with_place``: as importers before imp35's read them, a
        publisher's city after its name among them (`_without_place`)."""
        if "authors" in unit.cells:
            # (APA's names too, "Vaswani, A. et al.", "Shannon, C. E."; and one name alone,
            # "Smith-Miles", which the column says is a name)
            cell = _clean(_join(unit.spans[slice(*unit.cells["authors"])]))
            return _apa(cell if cell.endswith(".") else cell + ".") or _name_list(cell) or (
                (cell,) if _NAME.match(cell) and len(cell.split()) == 1 else ()
            )
        before = _join(s for s in unit.spans[: title_span[0]] if s.link < 0)
        if names := _names_before(_unlead(re.sub(r"^[^\w\[]*\[[^\]]*\]", "", before))):  # "✨ **[MTAN]** Liu, S."
            return names
        if before.rstrip().endswith(".") and (names := _reference_names(_unlead(_join(unit.spans)))) and (
            _clean(before).rstrip(" .") == _first_sentence(_unlead(_join(unit.spans)))[0].strip(" \t*_,")
        ):
            # (md3) one author's sentence as a full reference's: "- J. Pearl. Causality:
            # ... Cambridge University Press, 2000." (as `_title` reads the title after it)
            return names
        # Emphasised names after the title ("*Ada Lovelace, Alan Turing.*"), or "X et al.".
        after = unit.spans[title_span[1]:]
        index = 0
        while index < len(after):
            if after[index].em and after[index].link < 0:
                end = index
                while end < len(after) and after[end].em and after[end].link < 0:
                    end += 1
                emphasised = _join(after[index:end]).strip()
                if (names := _name_list(emphasised)) and not is_organisation(names[0]) and not (
                    names_journal(emphasised)
                    and (_field_words(list(names)) or not all(_person(name) for name in names))
                ):
                    # (not a publisher's, "*Morgan Kaufmann*, 1988": a journal's place; nor
                    # a journal's, "*Machine Learning*, Springer, 1996" (md4): no one's name;
                    # nor one whose words read as no person's, "*Annals of Statistics*"
                    # (rev108: it was the only author, the names before it lost))
                    return names
                if emphasised.endswith(".") and _one_name(name := emphasised[:-1].strip()):
                    # (one surname, its sentence's full stop in the italics as a list of
                    # names has it, "*Shannon.* 1948"; "*Water*, 2020" is a journal's)
                    return (name,)
                index = end
            index += 1
        written = _words_after(after)
        rest = written if with_place else _without_place(written)
        if names := _byline(rest):
            return names
        if (bracketed := _BRACKET_FIRST.match(rest)) and (names := _parenthesised_names(bracketed.group(1))):
            return names  # ("*Title (Noh, Hong, Han et al.)*", cut from the title by `_title`)
        italics = _italics(after) + ([] if with_place else [*_placed_publishers(written)])
        # ("et al." ends a sentence before a capital: "Vaswani et al. NeurIPS 2017.")
        rest = re.sub(r"\bet al\.(?!\s+[^\W\d_]*[A-Z])", "et al", rest)
        parts = [p for part in _split_parts(_NAMES_PARTS, rest) if (p := part.strip(" \t,:*_"))]
        for index, part in enumerate(parts):
            # A sentence of names alone before the venue and year: "**Title**. Smith and
            # Jones. ICML 2019." (people's, `_cited_people`, and not all words of the
            # dictionary: "Code and Data. ICML 2019" names no one).
            if index + 1 < len(parts) and (
                _venue_and_year(parts[index + 1]) or _published_in_year(parts, index + 1)
            ) and (names := _apa(part) or (
                (people := _cited_people(part)) and not _field_words([name for name in people if name != "others"])
                # (not a publisher only its place or name tells: "- Cal Newport, Penguin (2019)")
                and tuple(name for name in people if name not in italics)
            )):
                # (or APA's names, each initial after its surname: "Lovelace, A. and Turing,
                # A. (2020)", "Vaswani, A. et al. (2017)")
                return names
            if index + 1 < len(parts) and (
                # (or a publisher named for its founders, "Little, Brown, 2019", or one
                # before its year in brackets, "MIT Press (2016)": no name was read before them)
                next_found := _venue_and_year(parts[index + 1]) or _founders_and_year(parts[index + 1])
                or ((parts[index + 1], "") if _published_in_year(parts, index + 1, italics) else None)
            ) and (
                _one_author(part) and part not in italics and (not next_found[0] or not _one_name(part))
                or _surnamed_as_organisation(part) and _known_venue(parts[index + 1])
            ):
                # (one author's name before a year alone, "Shannon (1948)", "- Ashish
                # Vaswani (2017)"; before a venue too, unless a word alone: "K. Smith-Miles.
                # ICML 2019.", not "Transformers. ICML 2019.")
                return (part,)
            # (to the first comma that parts names: "Little, Brown and Company, 2019" is no
            # book by "Little", published by "Brown and Company")
            head = part[: commas[0].start()] if (commas := _commas(part)) else part
            if _LAB.fullmatch(head.strip()) and _venue_and_year(part):
                return (head.strip(),)  # ("- OpenAI, 2023")
            if (found := _venue_and_year(part)) and (
                (_one_author(found[0]) and found[0] not in italics) or _LAB.fullmatch(found[0])
            ):
                # ("- Shannon, 1948", "- Smith 2020", "- K. He, 2016", "- Andrej Karpathy,
                # 2015"; a lab without the comma, "- DeepMind 2022", which is no venue
                # either: `_venue`; not a word in italics, as a citation sets a journal and
                # never a name: "- *Water*, 2020")
                return (found[0],)
            if _surnamed_as_organisation(head.strip()) and _known_venue(part[len(head) :].strip(" ,")):
                return (head.strip(),)  # ("- Ofir Press, ICLR 2022": ICLR the venue, Press a surname)
            if _one_author(head.strip()) and (
                _known_venue(venue_words := part[len(head) :].strip(" ,"))
                or index + 1 < len(parts) and (
                    _publisher_named_so(venue_words) or len(head.split()) >= 2 and _one_word_venue(venue_words)
                )
                and (year_after := _venue_and_year(parts[index + 1])) is not None and not year_after[0]
                or ((published := _venue_and_year(venue_words) or _founders_and_year(venue_words)) and (
                    _institution(published[0]) or len(head.split()) >= 2 and (
                        published[0].casefold() in _ONE_WORD_VENUES or _journal_stops(venue_words)
                        or published[0] in italics  # ("- Jane Smith, Penguin, London, 2019")
                        # (md5: a journal or proceedings named so, "- Jane Smith, Proc. of
                        # the IEEE, 2019", "Proceedings of KDD"; or any venue after a name
                        # with its particles, no venue's words: "- Ulrike von Luxburg,
                        # Statistics and Computing, 2007" gave no authors)
                        or _says_its_kind(published[0])
                        or _particled_person(head.strip()) and not _one_author(published[0])
                        and not _cited_people(published[0])
                    )
                ))
            ):
                # (or a publisher's or an institution's: "- Ian Goodfellow, MIT Press, 2016";
                # after a name of two words or more, a journal's or publisher's of one word,
                # "- C. M. Bishop, Springer, 2006", or an abbreviated journal's, "- K. He,
                # Neural Netw. 2019", which were the venue of no one's paper; not after a
                # word alone, a title's as often: "- Transformers, Revisited, 2020")
                return (head.strip(),)  # (a name before the venue: "- Smith, NeurIPS 2020")
            # ("Smith et al. 2020": the year after the names, with no comma before it)
            if match := _ET_AL.match(re.sub(r"\s+(?:19|20)\d{2}\s*$", "", head)):
                name = match.group(1).strip()
                if _NAME.match(name) and len(name.split()) <= 4:
                    # (two names before it are two, "Smith and Jones et al. 2020")
                    return _name_list(f"{name} et al") or (name, "others")
            # APA's names, each initial after its surname: "Lovelace, A. and Turing, A.,
            # 2020", whose last initial read as the venue "A" (`_apa`), perhaps cut short
            # ("Vaswani, A. et al., 2017", "Vaswani, A. et al. 2017"): all of them, the
            # longest run of names first ("Vaswani, A., et al.", not "Vaswani, A.").
            # (only where a venue and year may follow, among the last 400 characters: each
            # end's names are read anew, and 1,000 "et al." took 12 s)
            near = max(0, len(part) - _NAMES_AT_MOST)
            ends = [m.start() for m in re.compile(r",").finditer(part, near)] + [
                m.end() for m in _ET_AL_WORDS.finditer(part, near)
            ]
            for end in sorted(ends, reverse=True):
                head = part[:end]
                if (head.endswith(".") or _NAMES_END.search(head, max(0, end - 16))) and _venue_and_year(
                    part[end:].lstrip(" ,")
                ) and (
                    names := _apa(head)
                ):
                    return names
            # Names before the venue: "Alan Turing, Grace Hopper, ICLR'24" (two names at
            # least: one name alone is told from a venue's words by nothing); before a
            # year alone, where they would be the venue (`_part_venue_year`), only
            # people's: "Vaswani and Shazeer, 2017", not "Computer Vision and Pattern
            # Recognition, 2020" (`_cited_people`). All the names: the longest run of them
            # first ("He, Zhang, Ren and Sun, 2016" was by He and Zhang, in "Ren and Sun").
            for comma in reversed(_commas(part)):
                head = part[: comma.start()]
                found = _venue_and_year(published := part[comma.end():]) or _founders_and_year(published)
                if not found and index + 1 < len(parts) and (_publisher_named_so(published) or _one_word_venue(published)) and (
                    (year_after := _venue_and_year(parts[index + 1])) is not None and not year_after[0]
                ):
                    # (a publisher's name, its year in a part of its own: "- Sutton and
                    # Barto, MIT Press (2018)", as "- Ian Goodfellow, MIT Press (2016)")
                    found = (published, year_after[1])
                if found and re.search(r",|\band\b|&", head):
                    # (not words of the dictionary: "Image Classification, Object Detection,
                    # ICLR 2020", "Theory, Practice, ICLR 2020" name no one, as before a year)
                    names = (_name_list if found[0] else _cited_people)(head)
                    if not names and _known_venue(found[0]) and is_founders_publisher(head):
                        # (a conference or a preprint server after them: no publisher's
                        # founders but two authors, "Little, Brown, ICML 2020", whose names
                        # were left out; not before a publisher or a city: "Taylor &
                        # Francis, CRC Press, 2019")
                        names = tuple(_CITED_SPLIT.split(_clean(head)))
                    if names and not _field_words([name for name in names if name != "others"]):
                        # (without a publisher named among them: "Free Press, Ofir Press, ICLR
                        # 2022" was by Free Press too; nor one its city told, "Stuart Russell
                        # and Peter Norvig, Pearson, London, 2020")
                        return tuple(
                            name for name in names if not _publisher_named(name) and name not in italics
                        ) or names
        # Names last, after the venue and year: "[Title](...) - NeurIPS 2017 - Ashish
        # Vaswani, Noam Shazeer", "- NeurIPS 2020 (Oral) - Vaswani, Shazeer", people's as
        # before a year (`_cited_people`: not "- ICLR 2021 - Vision, Language").
        # ... also after a comma: "[Title](...), *NeurIPS 2017*, Vaswani et al.".
        last = parts[-1] if parts else ""
        commas = re.compile(r",\s*").finditer(last, max(0, len(last) - _NAMES_AT_MOST))  # (linear: see _names_at_end)
        for before, named in [(parts[:-1], last)] + [
            (parts[:-1] + [last[: comma.start()]], last[comma.end() :]) for comma in commas
        ]:
            if before and any(map(_venue_and_year, before)) and (names := _cited_people(named) or (
                (named,) if _INITIALS.match(named) and _one_author(named) else ()
            )):
                # (or one name with its initials: "**Fast R-CNN** (2015), R. Girshick"; a
                # given name is a place's as often, "- CVPR 2019 - New Orleans")
                return names
        # ... or alone after the title: people's full names ("[Title](...) - Ashish Vaswani,
        # Noam Shazeer") or APA's ("- Vaswani, A. et al."), or any people's when the venue or year stands before the title
        # ("(ICLR 2023) Title, Brown and Green."); not "- Stanford, Berkeley", whose words
        # alone tell no names from places.
        if len(parts) == 1 and (
            names := _people(last) or _apa(last + ".") or (_cited_people(last) if self._prefix(unit) else ())
        ):
            return names
        if len(parts) == 1 and _particled_person(last):
            return (last,)  # (md5: a name with its particles alone, "- Ulrike von Luxburg")
        if len(parts) == 1 and self._prefix(unit) and " " in last and _one_author(last) and not _field_words([last]):
            # (one name of two words or more, the venue before the title: "(arXiv preprint
            # 2021) **Title**, Luke Melas-Kyriazi. [[Paper](…)]"; not "Image Restoration")
            return (last,)
        return ()

    def _add_links(self, unit: _Unit) -> None:
        """Add the badges' links to the record before them (see `read`)."""
        record = self.records[-1]
        anchors = [a for a in unit.anchors if _usable(a.url)]
        _said_official(unit)
        links = _links(anchors, record.arxiv, record.doi, record.authors, unit)
        known = {same_page(link.url) for link in record.links}
        new = tuple(link for link in links if same_page(link.url) not in known and link.kind == "code")
        if new:
            self.records[-1] = replace(record, links=record.links + new)

    def _refused(self, record: Record, where: Location) -> bool:
        """Whether a value holds a character no paper may (written as a character
        reference, which the Markdown turns into the character), told at the item."""
        values = [record.title, record.venue, *record.authors, *record.tags]
        values += [link.url for link in record.links]
        for value in values:
            if match := _FORBIDDEN.search(value):
                char = match.group()
                self.problems.error(
                    where,
                    f"{char_name(char)} is {forbidden_char(char)}, which a paper may not"
                    " contain; remove it (or the character reference that stands for it)"
                    " from the input",
                )
                return True
        return False


# --- the pieces ---------------------------------------------------------------------

# A raw tag's name, and the elements a list writes in HTML (a break, a badge, a
# superscript, an anchor): another name, "<unk>" or "<eos>", is a word that GitHub's HTML
# hides, not markup.
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"'<>\s]+)["']""", re.IGNORECASE)
_HTML_ELEMENTS = frozenset("""
    a abbr b bdi bdo big blockquote br center cite code dd del details dfn div dl dt em
    font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp
    small source span strike strong sub summary sup table tbody td tfoot th thead tr tt u
    ul var video wbr
""".split())



def _names_written(text: str, authors: tuple[str, ...]) -> str:
    """How an item's text writes the names read from it: "either" for one surname and one
    given name before "et al." ("Noh, Hong et al.", read "Hong Noh": two surnames as
    well), "surname first" ("Goodfellow, Ian J."), "given first" ("Ashish Vaswani"),
    "surnames" (two one-word names at least, "Vaswani, Shazeer"); "" for no names, or
    none of these."""
    people = [name for name in authors if name != "others"]
    full = [name.split() for name in people if " " in name]
    if _either_shaped(authors):
        given, surname = full[0]
        if _written(text, f"{surname}, {given} et al") or _written(text, f"{surname}, {given}, et al"):
            return "either"
    for words in full:
        if _written(text, " ".join(words)):
            return "given first"
        if _written(text, f"{words[-1]}, {words[0]}"):
            return "surname first"
    return "surnames" if not full and len(people) >= 2 else ""


def _either_shaped(authors: tuple[str, ...]) -> bool:
    """Whether authors are one name of two words and "others", as "Noh, Hong et al." is
    read (`_surname_first`), and "Hong Noh et al." too."""
    return len(authors) == 2 and authors[1] == "others" and len(authors[0].split()) == 2


def _written(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` whole, no part of a longer word at either end.
    (Found as a string, not by a pattern made of the names: each new name's pattern was
    compiled, 1.2 ms, more than the rest of its item's reading.)"""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if not (start and _in_word(text[start - 1])) and not (end < len(text) and _in_word(text[end])):
            return True
        start = text.find(words, start + 1)
    return False


def _in_word(char: str) -> bool:
    """Whether a character is a word's, as a name's are ("O'Neil", "Smith-Miles")."""
    return char.isalnum() or char in "_'’-"


def _no_paper(unit: _Unit) -> str:
    """Why an item that names no paper is none, as the import's report says it: a table
    of contents' link to a heading of the list, an item that links nothing over the
    items nested in it (a heading of theirs: "- Vision"), or anything else (a badge, a
    code base, a dataset, a line of prose), which neither links a paper nor gives a title
    a venue or year."""
    if unit.anchors and all(anchor.url.startswith("#") for anchor in unit.anchors):
        return "a link to a heading of the list (table of contents)"
    if unit.nested and not unit.anchors:
        # ("- Vision" over its papers' items: the list's own heading, not a lost paper)
        return "a heading of the items nested in it"
    return "not a paper (no paper link, nor a title with a venue or year)"


def _other_digits(venue: str, year: str) -> str:
    """What is said of an item whose venue and year, read as ``venue`` and ``year``, are
    written in digits other than 0-9."""
    read = f"{venue} {year}" if venue else year
    return f"this item's venue and year are written in digits other than 0-9; read as {read}"


def _ascii_digits(unit: _Unit) -> _Unit:
    """``unit`` with digits of another width or script written as 0-9 (`ascii_digits`,
    one character for one: the spans' places stay), for its venue and year to be read
    as they are from "ICLR 2021"; ``unit`` itself when it has none."""
    if not any(has_other_digits(span.text) for span in unit.spans):
        return unit
    return replace(unit, spans=[replace(span, text=ascii_digits(span.text)) for span in unit.spans])


# A GitHub task list's box at an item's start, "- [x] Title", shown as a box, not text
# (a reading list ticks the papers read): no part of the title.
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+")


def _untick(unit: _Unit) -> None:
    """Blank the task list's box at the start of an item's first paragraph (spaces, one
    for each character: the spans' places stay)."""
    first = unit.spans[0] if unit.spans else None
    if first is not None and first.link < 0 and (box := _TASK_BOX.match(first.text)):
        unit.spans[0] = replace(first, text=" " * box.end() + first.text[box.end() :])


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _spans(inline: Token, unit: _Unit) -> None:
    """Append an inline token's text to ``unit`` as spans, its links as anchors."""
    strong = em = 0
    link = -1
    for child in inline.children or []:
        kind = child.type
        if kind == "link_open":
            # (A bare address, linked by GitHub, or written in angle brackets, CommonMark's
            # autolink: its text is the address, no title.)
            bare = child.markup in ("linkify", "autolink")
            unit.anchors.append(_Anchor(str(child.attrs.get("href", "")), bare=bare))
            link = len(unit.anchors) - 1
        elif kind == "link_close":
            link = -1
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind in ("text", "code_inline"):
            unit.spans.append(_Span(child.content, link, strong > 0, em > 0))
            if link >= 0 and not unit.anchors[link].bare:
                unit.anchors[link].text += child.content
        elif kind in ("softbreak", "hardbreak"):
            unit.spans.append(_Span(" ", link, strong > 0, em > 0, line_end=True))
            if link >= 0:
                unit.anchors[link].text += " "
        elif kind == "image" and link >= 0:
            unit.anchors[link].image = True  # (a badge: its picture's words are not text)
        elif kind == "html_inline":
            # (Raw HTML, `<a name="x"></a>`, is neither text nor a link; nor is an image
            # alone. A tag no element has, "Learning <unk> Tokens", is a word GitHub hides
            # as well: it is told, not dropped unseen.)
            tag = _TAG.match(child.content)
            if tag and tag.group(1).lower() not in _HTML_ELEMENTS:
                unit.unknown_html.append(child.content)


def _italic_line(spans: list[_Span]) -> tuple[str, tuple[int, int]] | None:
    """(md2) The title of an item that starts with italics alone on their line, the
    authors on the next ("- *Deep Learning*", then "Ian Goodfellow, Yoshua Bengio, MIT
    Press, 2016"), and their spans, as a bold title is read; None for another item. Read
    as leading words, the line break was a space: the title ran on into the first
    author's name, or the item gave no record. Not a venue's or a label's italics."""
    lead = next((i for i, s in enumerate(spans) if s.text.strip()), len(spans))
    end = lead
    while end < len(spans) and spans[end].em and spans[end].link < 0 and not spans[end].line_end:
        end += 1
    after = next((i for i in range(end, len(spans)) if spans[i].text or spans[i].line_end), len(spans))
    if end == lead or after == len(spans) or not spans[after].line_end:
        return None
    text = _clean(_join(spans[lead:end]))
    if not text or _is_label(text) or _is_venue(text) or _known_venue(text):
        return None
    return text, (lead, end)


def _plain(inline: Token) -> str:
    unit = _Unit(line=0)
    _spans(inline, unit)
    return _join(unit.spans)


def _join(spans) -> str:
    return "".join(span.text for span in spans)


def _clean(text: str) -> str:
    """Text as a value: one space between words, no emoji or bullet before it, no
    punctuation of the item after it, no quotes around it."""
    text = _SPACES.sub(" ", text.replace("\xa0", " ")).strip()
    text = _TRAILING.sub("", _unlead(text))
    while text and (unicodedata.category(text[-1]) in ("So", "Sk") or text[-1] in "\ufe0f\u200d"):
        text = _TRAILING.sub("", text[:-1])  # an emoji after a heading ("Methods 🌟")
    if len(text) > 1 and text[0] in "\"“'‘" and text[-1] in "\"”'’":
        text = text[1:-1].strip()
    return text


def _unlead(text: str) -> str:
    """``text`` without the emoji, bullets and spaces before its first word (`_BULLETS`)."""
    start = 0
    while start < len(text) and (text[start] in _BULLETS or (
        # (emoji, a skin tone's modifier, a joiner; not "^" or "`", ASCII's modifiers)
        not text[start].isascii() and unicodedata.category(text[start]) in ("So", "Sk", "Cf")
    )):
        start += 1
    return text[start:]


def _words(unit: _Unit) -> int:
    """How many words the item has outside its links."""
    return len(_join(s for s in unit.spans if s.link < 0).split())


def _usable(url: str) -> bool:
    """An address a reader can open: http(s) with a host (no `#anchor`, relative path,
    `mailto:` or `javascript:`)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and " " not in url


# The start of a list's next item or table row, where `_Reader._link_place` stops.
_NEXT_UNIT = re.compile(r"[ \t>]*(?:[-*+]|\d+[.)])(?:[ \t]|$)|[ \t>]*\|")


def _relative(url: str) -> bool:
    """Whether ``url`` is a relative link, a path of the list's own repository
    ("docs/x.md", "./setup.md", "../x", "/x"): no scheme (not "mailto:" nor
    "javascript:"), and more than a place in the list's own page ("#section")."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and bool(parts.path)


# A site's name before the first slash, as an address written without its scheme starts
# ("arxiv.org/abs/…", "https//github.com/…", "//host/…"); a path of the list's own
# repository ("docs/x.pdf", "./x.pdf", "notes.md") has none. Written with no scheme at
# all, its last label is a top-level domain (`links.is_top_level_domain`): a folder with a dot
# ("docs.old/x.md", "v1.2/notes.md") is the repository's too.
_SITE_FIRST = re.compile(
    r"(?i)^(?P<scheme>[a-z]+(?::/*|//))?(?P<host>(?:[a-z0-9-]+\.)+(?P<last>[a-z]{2,63}))(?::\d+)?/|^(?P<slashes>//)"
)
# (fix35) The top-level domains that are the extensions of files a list's repository
# holds, its notes, scripts and archives (Moldova's .md, Paraguay's .py, Saint Helena's
# .sh, .zip, .mov, Palestine's .ps, .java): written with no scheme, "notes.md/x",
# "run.py/", "data.zip/a" name a file of the repository, as GitHub opens them. A site of
# those countries' is linked with its scheme, as a browser copies it, or with "www."
# ("www.utm.md/x" is still a site). Not the extensions that sites a list links are known
# by: .cc (nips.cc), .ai, .io, .rs (docs.rs), .so (notion.so), .ms (aka.ms), .pl, .pt,
# .it, .in, .ml (universities and labs), .org, .app, .dev.
_FILE_EXTENSIONS = frozenset({"md", "py", "sh", "zip", "mov", "ps", "java"})


# (rev133) A site's name alone, with "www." and no path ("[site](www.x.org)"): no file of
# a list's repository is named so, and `_SITE_FIRST` wants the slash after the name, so
# it was said a relative file, with a github.com address to write for it.
_BARE_WWW = re.compile(r"(?i)^www\.(?:[a-z0-9-]+\.)+(?P<last>[a-z]{2,63})(?::\d+)?(?:[?#]|$)")


def _site_first(url: str) -> bool:
    """Whether ``url`` starts with a site's name (`_SITE_FIRST`, `_BARE_WWW`), not a file's."""
    if (bare := _BARE_WWW.match(url)) is not None:
        return is_top_level_domain(bare.group("last"))
    found = _SITE_FIRST.match(url)
    if found is None:
        return False
    if found.group("scheme") or found.group("slashes"):
        return True
    return is_top_level_domain(found.group("last")) and not _named_as_a_file(found)


def _named_as_a_file(found: re.Match[str]) -> bool:
    """Whether the site's name `_SITE_FIRST` found, written with no scheme, is a file's
    (`_FILE_EXTENSIONS`)."""
    last = found.group("last").lower()
    return last in _FILE_EXTENSIONS and not found.group("host").lower().startswith("www.")


def _file_named_as_a_site(url: str) -> str:
    """The first segment of ``url`` where it is a file's name that is a site's too, read
    as the file's ("notes.md" of "notes.md/x", "bun.sh" of "bun.sh/docs"); else ""."""
    found = _SITE_FIRST.match(url)
    if found is None or found.group("scheme") or found.group("slashes") or not _named_as_a_file(found):
        return ""
    return found.group("host")


def _label(text: str) -> str:
    return _SPACES.sub(" ", text.strip(" \t[](){}:.|*_-").lower())


def _first_sentence(text: str) -> list[str]:
    """``text`` split after its first sentence (`_SENTENCE`), [text] when it is one: not
    at a full stop inside parentheses ("Title (LeCun et al. 2015)"), nor at "et al."
    before a year ("Title, LeCun et al. 2015")."""
    for stop in _SENTENCE.finditer(text):
        before = text[: stop.start()]
        if before.count("(") > before.count(")"):
            continue
        if re.search(r"\bet\s+al$", before) and re.match(r"\s*(?:19|20)\d{2}\b", text[stop.end() :]):
            continue  # (a citation's year after its names: "Title, LeCun et al. 2015")
        return [before, text[stop.end() :]]
    return [text]


def _is_venue(text: str) -> bool:
    """Whether a link's text is a venue and year ("NeurIPS 2023", "CVPR 2023 Highlight"),
    not a paper's title."""
    text = _clean(text)
    found = _venue_and_year(text) if len(text.split()) <= 4 else None
    if found and found[0] and (tail := _title_tail(text)) and not _KNOWN_VENUE.fullmatch(tail[0]):
        return False  # (a title and its year: "[Title, 2022](...)", not "[TPAMI, 2021](...)")
    return bool(found and found[0])


def _titles(anchor: _Anchor) -> bool:
    """Whether a link's text may be a paper's title: words, not a label ("[Code]"), a
    venue ("[NeurIPS 2023]"), a badge's image or a bare address."""
    return not (anchor.image or anchor.bare or _is_label(anchor.text) or _is_venue(anchor.text))


def _is_label(text: str) -> bool:
    label = _label(text)
    if label[-1:].isdigit() and (dated := _DATED_LABEL.fullmatch(label)):
        label = dated.group(1)  # ("[arxiv, 14.12]", "[pdf, 2015]": a label and the month it appeared)
        if dated.group(2) and _KNOWN_VENUE.fullmatch(label):
            return True  # ("[ICML, 17.07]", kuc2477/dl-papers: where it appeared, and the month)
    return not label or label in _LABELS or not re.search(r"[^\W\d_]", label)


# A label and a date after it, as some lists date their links: "[arxiv, 14.12]", "[pdf
# 2015.03]", "[arXiv, 2015]", "[arxiv. 16.06]"; a venue's name and a month too, "[ICML,
# 17.07]". (Only a label's: "[Title, 2015]" is a title and its year.)
_DATED_LABEL = re.compile(r"(.+?)[\s,.]+(?:((?:19|20)?\d{2}[./-]\d{1,2})|(?:19|20)\d{2})")


def _names_paper(anchor: _Anchor) -> bool:
    if arxiv_id(anchor.url) or doi_from_url(anchor.url):
        return True
    kind = make_link(anchor.url, "curator").kind
    if kind == "project" and _label(anchor.text) in _PAPER_PAGE_LABELS:
        # (a page its label says is the paper, on a host links.py knows none of: "[[pdf]](…)",
        # "[[html]](https://www.nature.com/…/abs/nature14539.html)"; lists label so the
        # papers they link, and "Deep learning (2015), Y. LeCun, …" was no paper at all)
        return True
    return kind in ("paper", "pdf") and _label(anchor.text) not in _CODE_LABELS | _PROJECT_LABELS


# The labels that say a link is the paper itself (not "link", "url", "here", which a
# list gives a project page as often).
_PAPER_PAGE_LABELS = {"paper", "pdf", "html", "full paper", "abs", "abstract", "published", "publication", "full text"}


def _arxiv_of(url: str) -> str:
    """The arXiv id a paper's link names: arXiv's own page's, arXiv's DOI's, or that of
    Hugging Face Papers' page of the paper (`hugging_face_arxiv`); else ""."""
    return arxiv_id(url) or arxiv_of_doi(doi_from_url(url)) or hugging_face_arxiv(url)


def hugging_face_arxiv(url: str) -> str:
    """The arXiv id of the paper whose Hugging Face Papers page ``url`` is
    ("https://huggingface.co/papers/2106.09685": the site names each page by the id of
    the arXiv paper it shows), else "". (fix35) A list linking it was read as linking
    a paper of no id: without a title the item was not told the `add` that imports it,
    with one the paper had no arXiv id, as a link to arxiv.org gives it.)"""
    page = hugging_face_page(url)
    return normalize_arxiv(page.removeprefix("papers/")) if page.startswith("papers/") else ""


def _identity(url: str) -> str:
    """What tells one paper's link from another's: its arXiv id, DOI or page."""
    if ident := _arxiv_of(url):
        return "arxiv:" + ident
    if doi := doi_from_url(url):
        return "doi:" + doi.lower()
    return same_page(url)


def _links(
    anchors: list[_Anchor], arxiv: str, doi: str, authors: tuple[str, ...] = (), unit: _Unit | None = None,
    title_span: tuple[int, int] = (0, 0),
) -> list[Link]:
    """The item's links, each once, but the arXiv abstract page and the DOI's page (the
    paper's badges link them); kinds from the host, or from the text where the host
    says nothing; a code link official where the list says so (`_official`)."""
    links: list[Link] = []
    for anchor in anchors:
        url = anchor.url
        if arxiv and arxiv_id(url) == arxiv and urlsplit(url).path.startswith("/abs/"):
            continue
        if arxiv and arxiv_of_doi(doi_from_url(url)) == arxiv:
            continue  # (arXiv's own DOI's page: the abstract's)
        if doi and doi_from_url(url).lower() == doi.lower():
            continue
        if any(same_page(link.url) == same_page(url) for link in links):
            continue
        label = _label(anchor.text)
        link = make_link(url, "curator")
        if link.kind == "project" and label in _CODE_LABELS and not mimics_code_host(url):
            link = Link(url, "code", "curator")  # code on a lab's own site: its badge names the address
        elif link.kind == "project" and label in _PAPER_PAGE_LABELS:
            link = Link(link.url, "pdf" if label == "pdf" else "paper", "curator")  # (`_names_paper`)
        if link.kind == "code" and _official(anchor, label, link.repo, authors, unit, title_span):
            link = Link(link.url, link.kind, link.found_in, link.note, True, link.host, link.repo)
        links.append(link)
    return links


# When a list's code link is the paper's official code, as a curator reads the list: the
# list says so plainly, in the link's text ("[Official code](...)", "[PyTorch
# (official)](...)") or right beside it ("Official code: [GitHub](...)", "[[code](...)]
# (official)"), or the repository's owner is one of the item's authors or its lab, as
# named in the item ("- Ofir Press, ICLR 2022 [[code](https://github.com/ofirpress/...)]",
# "- OpenAI, 2023 [[code](https://github.com/openai/...)]"). A "[code]" link alone is
# only code: a list links reimplementations as often. Words that say it is another's
# code win over "official": "unofficial", "non-official", "not official", "third-party"
# anywhere in its text; "(re)implementation by", "reimplementation", "reproduction",
# "port", "community" unless "official" comes first ("[Official PyTorch implementation,
# ported from JAX]" is the authors' own; "[PyTorch port of the official code]" is not).
_NOT_OFFICIAL = re.compile(
    r"(?i)(?<![^\W_])(?:un-?official|non-?official|not\s+(?:the\s+)?official|third[- ]party)(?![^\W_])"
)
_ANOTHERS_CODE = re.compile(
    r"(?i)(?<![^\W_])(?:re-?implement\w*|reproduc\w*|port(?:ed)?|community"
    r"|implementation\s+by(?!\s+(?:the\s+)?authors?\b))(?![^\W_])"
)
# ("[original code](…)", "[authors' code](…)", "[PyTorch (by the authors)](…)": the paper's
# authors' own, as "official")
_OFFICIAL_WORD = re.compile(
    r"(?i)(?<![^\W_])(?<!-)(?:official|original\s+(?:code|implementation|repo\w*)"
    r"|authors?['’]?\s+(?:code|implementation|repo\w*)|by\s+(?:the\s+)?authors?)(?![^\W_])"
)
# The words before a link that call it official: its label before it, "Official code:",
# "Official PyTorch -", "official implementation: [" (the last words before the link).
_OFFICIAL_BEFORE = re.compile(
    r"(?i)(?<![^\W_])(?<!-)official(?:\s+(?:(?:source\s+)?code|implementation|repo(?:sitory)?|pytorch"
    r"|tensorflow|jax|github|gitlab))?\s*[:：\-–—]?\s*[\[(（]*\s*$"
)
# ... and after it, in brackets: "[code](...) (official)", "[[code](...)] (Official)".
_OFFICIAL_AFTER = re.compile(r"(?i)^[\s\]]*[(（]\s*official\s*[)）]")
# A lab's repositories on GitHub under other owners than its name ("Google" publishes as
# google-research and google-deepmind; "Meta AI" as facebookresearch). Lower case.
_LAB_OWNERS = {
    "google": ("google", "google-research", "google-deepmind"),
    "google deepmind": ("google-deepmind", "deepmind"),
    "google brain": ("google-research", "google"),
    "deepmind": ("deepmind", "google-deepmind"),
    "meta": ("facebookresearch", "meta-llama"),
    "meta ai": ("facebookresearch", "meta-llama"),
    "microsoft": ("microsoft",),
    "nvidia": ("nvidia", "nvlabs"),
    "mistral ai": ("mistralai",),
    "deepseek": ("deepseek-ai",),
    "deepseek-ai": ("deepseek-ai",),
    "eleutherai": ("eleutherai",),
}


# A lab named among an item's words ("- Google, ICLR 2021"), whose repositories are its
# paper's official code (`_official`).
_LAB_NAMED = re.compile(rf"(?<![\w-])(?:{_LAB.pattern})(?![\w-])")


def _said_official(unit: _Unit) -> None:
    """Mark each of the unit's links the words right beside it call official
    (`_OFFICIAL_BEFORE`, `_OFFICIAL_AFTER`): the text since the link before it, or up to
    the link after it."""
    if not any("fficial" in span.text for span in unit.spans if span.link < 0):
        return  # (most items: the word is nowhere outside their links)
    between: list[str] = [""]  # the text before the first link, between links, after the last
    order: list[int] = []
    for span in unit.spans:
        if span.link < 0:
            between[-1] += span.text
        elif not order or order[-1] != span.link:
            order.append(span.link)
            between.append("")
    for place, link in enumerate(order):
        before, after = between[place], between[place + 1]
        if (
            _OFFICIAL_BEFORE.search(before)
            and not _NOT_OFFICIAL.search(near := before[-40:]) and not _ANOTHERS_CODE.search(near)
            or _OFFICIAL_AFTER.match(after)
        ):
            unit.anchors[link].official_beside = True


def _official(
    anchor: _Anchor, label: str, repo: str, authors: tuple[str, ...], unit: _Unit | None, title_span: tuple[int, int]
) -> bool:
    """Whether a code link is the paper's official code, as the list says (see
    _NOT_OFFICIAL): its text or the words beside it, or its repository's owner, one of
    the item's authors or a lab its words name (``unit``'s, but its title's: the spans
    ``title_span``)."""
    if _NOT_OFFICIAL.search(label):
        return False
    said = _OFFICIAL_WORD.search(label)
    if (others := _ANOTHERS_CODE.search(label)) and (not said or others.start() < said.start()):
        return False
    if said or anchor.official_beside:
        return True
    owner = repo.split("/")[0].casefold() if repo else ""
    if not owner:
        return False
    if any(owner in _owners(author) for author in authors):
        return True
    # (the labs only for a repository no author owns: the item's words looked through then;
    # not its title's, a lab named there is the paper's subject, "**Meta Pseudo Labels**",
    # "**Revisiting Google Landmarks**", as often as its authors')
    first, end = title_span
    words = "" if unit is None else _join(
        span for place, span in enumerate(unit.spans) if span.link < 0 and not first <= place < end
    )
    return any(owner in _owners(found.group()) for found in _LAB_NAMED.finditer(words))


def _owners(author: str) -> set[str]:
    """The repository owners that name ``author`` plainly: a lab's own accounts
    (`_LAB_OWNERS`, "openai" for OpenAI), or a person's full name run together,
    given name first or last ("ofirpress", "pressofir", "ofir-press"), or the initials
    and the surname, or the surname alone, when six letters or more ("opress" is not,
    "karpathy" is): a shorter one is another's account as often."""
    if author == "others":
        return set()
    folded = unicodedata.normalize("NFKD", author.casefold())
    words = ["".join(ch for ch in word if ch.isalnum() and ch.isascii()) for word in folded.split()]
    words = [word for word in words if word]
    if not words:
        return set()
    if _LAB.fullmatch(author) or is_organisation(author):
        return {"".join(words), "-".join(words), *_LAB_OWNERS.get(" ".join(words), ())}
    given, surname = words[:-1], words[-1]
    owners = {"".join(words), "-".join(words), "".join([surname, *given]), "_".join(words)}
    if not any(len(word) > 1 for word in given):
        owners = set()  # (initials alone, "K. He": "khe" is anyone's)
    return owners | {name for name in ("".join(w[0] for w in given) + surname, surname) if len(name) >= 6}


def _misread(earlier: str, venue: str, with_year: bool) -> str:
    """What an earlier import read as the venue ``earlier`` that is not the item's
    ``venue`` now, said in the import's report."""
    rest, said = _without_award(earlier)
    if not said:  # (set apart before it: "Oral, NeurIPS 2019" of a Venue column, "[Oral, NeurIPS 2019]")
        rest, said = _apart_award(earlier)
        rest = (_venue_and_year(rest) or (rest,))[0] if said else rest
    if said and rest == venue:
        won = re.search(rf"(?i){_AWARD}", said)
        what = "an award it won" if won else "how it was presented"
        if won and re.search(rf"(?i)(?<![^\W_]){_PRESENTATION}", said):
            what = "how it was presented and an award it won"
        return what + ", which an earlier import read as part of its venue"
    if _presented(earlier) == venue:
        return "how it was presented, which an earlier import read as part of its venue"
    if venue and earlier.startswith(venue + " ") and _MAIN_TRACK.fullmatch(earlier[len(venue) + 1 :]):
        return "the main conference, which an earlier import read as part of its venue"  # ("ACL Main")
    if _work(venue) and _work(earlier) == venue:
        return "the list's words for what it is, now as a BibTeX import says it"
    if _work(venue):
        return "a part of the words saying what it is, which an earlier import read as its venue"
    if _PROC.match(venue) and venue.endswith(" " + earlier):
        return "its venue's name without its 'Proc.', as an earlier import read it"  # (md5: `_PROC`)
    if (lead := _IN_VENUE.match(earlier)) and earlier[lead.end() :] == venue:
        return "the 'in' before its venue, which an earlier import read as part of it"  # (md5: `_venue`)
    if venue.endswith(" " + earlier) and any(
        word.endswith(".") and word[:-1].casefold() in _JOURNAL_WORDS for word in venue.split()
    ):
        # ("Vis" of "Int. J. Comput. Vis.", whose full stops ended parts: `_journal_stops`)
        return "the last word of its journal's abbreviated name, which an earlier import read as its venue"
    if venue.endswith(" " + earlier) and _PUBLISHER_INITIALS.match(venue):
        # ("Norton & Company" of "W. W. Norton & Company": `_publisher_initials`)
        return "its publisher's name without the founder's initials, which an earlier import read as its venue"
    words = "words beside its venue that name none" if venue and venue in earlier else "words that name no venue"
    return words + (", and their year," if with_year else ",") + " which an earlier import read as the paper's"


def _after_title(unit: _Unit, title_span: tuple[int, int], as_written: bool = False) -> list[str]:
    """The parts (`_PARTS`) of an item's words after its title, without the texts of
    labelled links ("[[Code](...)]") and who a citation names ("Kaplan et al.,"); the
    full stops of a thesis's or report's abbreviation end no part ("Ph.D. thesis", "Tech.
    Rep."), unless ``as_written``, as earlier imports read them."""
    rest = _join(s if s.link < 0 else _Span(" | ") for s in unit.spans[title_span[1]:])
    if not as_written:
        rest = _without_editors(_without_details(_names_plainly(_unabbreviated(rest))))
        rest = _without_place(_without_venue_before_publisher(rest))
    parts = _PARTS_AS_WRITTEN.split(rest) if as_written else _split_parts(_PARTS, rest)
    # (a dash after a sentence's full stop sets the next part apart too: "Vaswani et al. -
    # ICLR 2023" gave no venue, its part "- ICLR 2023")
    lead = " \t,:*_\"'“”" if as_written else " \t,:*_\"'“”-–—"
    return [_CITED_BY.sub("", part.strip(" \t,:*_\"'“”").lstrip(lead)) for part in parts]


def _split_parts(pattern: re.Pattern[str], text: str) -> list[str]:
    """``pattern.split(text)``, except at the full stops of a journal's abbreviated name
    (`_journal_stops`): "Phys. Rev. Lett. 2020" is one part, its venue and year; split,
    "Lett" was read as an author's name before a year alone."""
    stops = _journal_stops(text) | _name_semicolons(text) | _publisher_initials(text) | _proceedings_stops(text)
    if not stops:
        return pattern.split(text)
    parts, start = [], 0
    for match in pattern.finditer(text):
        if match.start() not in stops:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


# (md5) "Proc." before the proceedings' or a journal's name, as IEEE and ISO 4 abbreviate
# "Proceedings" ("Proc. of the IEEE", "Proc. KDD", "Proc. VLDB Endow."), as
# `_SENTENCE_END` reads it: its full stop ends no part. Split there, "Proc" was read as
# one more author's name, the venue "of the IEEE" or "KDD".
_PROC = re.compile(r"(?<![^\W_])Proc\.(?=[ \t]+[^\W\d_])")


def _proceedings_stops(text: str) -> set[int]:
    """Where the full stops of "Proc." before a word are in ``text`` (`_PROC`)."""
    return {found.end() - 1 for found in _PROC.finditer(text)} if "Proc." in text else set()


# A founder's initials in a publisher's name, before the surname and "& Company" or "and
# Sons" ("W. W. Norton & Company", "W. H. Freeman and Company", "John Wiley & Sons" has
# none): their full stops end no part ("W. W. Norton & Company" was "Norton & Company").
# Without such words they are a person's as often ("W. H. Freeman" alone stays a name).
_PUBLISHER_INITIALS = re.compile(
    r"(?<![^\W_])(?:[A-Z]\.[ \t]*)+(?=[A-Z][^\W\d_]+[ \t]*(?:&|and)[ \t]*(?:Company|Co\.|Sons)(?![^\W_]))"
)


def _publisher_initials(text: str) -> set[int]:
    """Where the full stops of a founder's initials in a publisher's name are in ``text``
    (`_PUBLISHER_INITIALS`)."""
    if "." not in text:
        return set()
    return {
        found.start() + index
        for found in _PUBLISHER_INITIALS.finditer(text)
        for index, char in enumerate(found.group()) if char == "."
    }


def _journal_stops(text: str) -> set[int]:
    """Where the full stops of journals' abbreviated names are in ``text``: in a run of
    `_JOURNAL_WORDS` with their full stops, with initials and capitalised words among
    them, up to a comma: two such words or more ("Int. J. Comput. Vis., 2019", "Phil.
    Trans. R. Soc. A, 2018"), or one that ends the run right before a year ("Neural Netw.
    2019", "Am. J. Phys., 2005"); not a name's initials ("K. He", "C. E. Shannon", "Ch.
    Li"), nor a surname's sentence ("Shazeer." of "N. Shazeer. Nat. Commun. 2021")."""
    # (most items hold no such word: asked first, at a regular expression's speed,
    # before the words are read one by one)
    if not any(m.group(1).casefold() in _JOURNAL_WORDS for m in _ABBREVIATION.finditer(text)):
        return set()
    stops: set[int] = set()
    dots: list[int] = []
    known = 0
    last = False  # (the run's last word is one of them)
    for token in re.finditer(r"\S+", text):
        word = token.group().rstrip(",;:")
        abbreviated = word.endswith(".") and word[:-1].casefold() in _JOURNAL_WORDS and word[0].isupper()
        if abbreviated or re.fullmatch(r"[A-Z]\.|[A-Z][^\W\d_]*", word):
            known += abbreviated
            last = abbreviated
            if word.endswith("."):
                dots.append(token.start() + len(word) - 1)
            if word == token.group():
                continue
        if known >= 2 or last and _YEAR_AFTER.match(text, dots[-1] + 1):
            stops.update(dots)
        dots, known, last = [], 0, False
    if known >= 2 or last and _YEAR_AFTER.match(text, dots[-1] + 1):
        stops.update(dots)
    return stops


# A run of names each written "Surname, Given", joined by semicolons as a reference
# manager copies them ("Goodfellow, Ian; Bengio, Yoshua"): two slots at least, each a
# surname (perhaps after its particles) and one to three given names or initials.
_SEMICOLON_SLOT = r"[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3},\s*[^\W\d_][\w'’-]*(?:\s+(?!et\s+al\b)(?:[^\W\d_]\.|[^\W\d_][\w'’-]*)){0,2}"
_COMMA_BEFORE_SEMICOLON = re.compile(r",[^,;]*;")  # (a slot's comma: "Goodfellow, Ian;")
_SEMICOLON_NAMES = re.compile(rf"(?<![\w'’-]){_SEMICOLON_SLOT}(?:\s*;\s*{_SEMICOLON_SLOT})+")


def _name_semicolons(text: str) -> set[int]:
    """Where the semicolons between names written "Surname, Given" are in ``text``
    ("Goodfellow, Ian; Bengio, Yoshua. NeurIPS 2014"): one list of names, no parts' ends
    (split there, "Goodfellow, Ian" was left out and "Bengio, Yoshua" read as two
    surnames). Only where every slot reads as one name (`_inverted`)."""
    if ";" not in text or not _COMMA_BEFORE_SEMICOLON.search(text):
        return set()  # (most items: asked first, at a regular expression's speed)
    stops: set[int] = set()
    for run in _SEMICOLON_NAMES.finditer(text):
        slots = run.group().split(";")
        if all(_inverted(*slot.split(",")) for slot in slots):
            stops.update(run.start() + m.start() for m in re.finditer(";", run.group()))
    return stops


# A year right after a journal's last abbreviated word ("Netw. 2019", "Phys., 2005").
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:19|20)\d{2}(?!\d)")


# A thesis's degree or a report abbreviated ("Ph.D.", "M.Sc.", "Tech. Rep."), not inside a word.
_WORK_ABBREVIATION = re.compile(r"(?i)(?<![^\W_])(?:ph\.\s?d\.|m\.\s?sc?\.|m\.\s?a\.|tech\.\s?rep(?:\.|ort\b))")
# What a thesis or report says it is ("PhD thesis", "MSc thesis", "Doctoral dissertation",
# "Technical report", "Tech Rep"), perhaps beside its university or institution.
_WORK = re.compile(
    r"(?i)(?:(?P<degree>ph\.?\s?d\.?|doctoral|master(?:['’]?s)?|m\.?\s?sc?\.?|m\.?\s?a\.?|bachelor(?:['’]?s)?)"
    r"\s*(?:thesis|dissertation)|(?P<thesis>thesis|dissertation)|(?P<report>tech(?:nical|\.)?\s*rep(?:ort|\.)?))"
    r"(?:\s*,\s*(?P<place>[^\W\d][^,]*))?"
)


# "by" before the names after a title ("[Title](...) by Vaswani et al., 2017"), and "et
# al." written otherwise ("et. al.", "et.al."), as lists write them.
_BY = re.compile(r"^(\W*)by\s+(?=[^\W\d_])", re.IGNORECASE)
_ET_AL_OTHERWISE = re.compile(r"(?<![^\W_])et\.\s*al(?![^\W_])")


# Cities a book's publisher is in, as a citation names one after the publisher ("Little,
# Brown, New York, 2019"; "MIT Press, Cambridge, MA, 2016"), and a state's or country's
# name that may follow one. A record keeps no place (nor does a BibTeX import: its
# `address` is not read), so the place is left out; read, it was an author, "New York".
_CITIES = (
    "New York", "London", "Boston", "Cambridge", "Oxford", "Chicago", "San Francisco", "Sebastopol",
    "Berlin", "Heidelberg", "Cham", "Dordrecht", "Amsterdam", "Paris", "Princeton", "New Haven",
    "Upper Saddle River", "Englewood Cliffs", "Hoboken", "Philadelphia", "Baltimore", "Los Angeles",
    "Berkeley", "Stanford", "Palo Alto", "Menlo Park", "Redwood City", "Boca Raton", "Thousand Oaks",
    "Indianapolis", "Washington", "Washington, DC", "Washington, D.C.", "Toronto", "Montreal",
    "Singapore", "Tokyo", "Beijing", "Shanghai", "New Delhi", "Sydney", "Melbourne", "Edinburgh",
    "Zurich", "Vienna", "Munich", "Leipzig", "Milan", "Rome", "Madrid", "Barcelona", "Basel", "Leiden",
)
_REGIONS = (
    "MA", "CA", "NY", "NJ", "IL", "CT", "PA", "MD", "FL", "UK", "USA", "U.S.A.", "US", "England",
    "Germany", "Switzerland", "Netherlands", "The Netherlands", "Canada", "Japan", "China", "Australia",
)


def _alternatives(words: Iterable[str]) -> str:
    # (the longest first: "Washington, DC" before "Washington")
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A city the table lacks, before the code of a state or country (one of `_REGIONS`',
# "Hillsdale, NJ", "Newbury Park, CA", "Chichester, UK"): words a name is not written
# before, as no table of cities holds them all. (Only a code, in capitals: "Smith,
# Germany" may be a person's affiliation; a name's initials have no two-letter code of
# `_REGIONS`, "MA" and "CA" aside, which `_places` asks of a known publisher before it.)
_UNKNOWN_CITY = r"(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
_CODES = _alternatives(r for r in _REGIONS if r.isupper() and "." not in r)
_KNOWN_CITY = re.compile(_alternatives(_CITIES))


# A known city, perhaps another after it and its state's or country's name, then a
# year: after a comma or a sentence's end, the year after a comma or in brackets ("New
# York, 2019", "Cambridge, MA (2016)"; Springer's two cities, "Berlin, Heidelberg, 2009",
# "Berlin Heidelberg, 2009").
# (the year after a place, after a comma or in brackets)
_YEAR_NEXT = r"[ \t]*(?:,[ \t]*\(?|\()[ \t]*(?:1[5-9]|20)\d\d\b"
# Or, only where `_places` finds a publisher it knows before them (imp38), a state's or
# country's code alone ("Penguin, NY, 2019", whose "NY" was the venue) or a city the table
# lacks without one ("Springer, Lausanne, 2019", by no one before), which `_places` says.
_PLACE = re.compile(
    rf"[,.][ \t]*(?P<city>{_alternatives(_CITIES)}|{_UNKNOWN_CITY}(?=,[ \t]*(?:{_CODES})\b)"
    rf"|(?P<code>{_CODES})(?={_YEAR_NEXT})|(?P<unknown>{_UNKNOWN_CITY})(?=(?:,[ \t]*(?:{_alternatives(_REGIONS)}))?{_YEAR_NEXT}))"
    rf"(?:(?:,[ \t]*|[ \t]+)(?P<also>{_alternatives(_CITIES)}))?"
    rf"(?:,[ \t]*(?P<region>{_alternatives(_REGIONS)}))?(?={_YEAR_NEXT})"
)
# A known city, perhaps its state's or country's name, and a colon before the publisher,
# as Chicago's and APA's citations write a book's ("New York: Little, Brown, 2019",
# "Cambridge, MA: MIT Press"): at the start of the words or of a part of them. No name
# is written so, whatever the city: the words after the colon are the publisher.
_PLACE_FIRST = re.compile(
    rf"(?:^|(?<=[,.;:(|\-–—]))(?P<lead>[ \t]*)(?P<city>{_alternatives(_CITIES)}|{_UNKNOWN_CITY}(?=,[ \t]*(?:{_CODES})[ \t]*:))"
    rf"(?:,[ \t]*(?P<region>{_alternatives(_REGIONS)}))?[ \t]*:[ \t]*(?=[^\W\d_])"
)
# A publisher's name after its city and colon: its founders' ("Little, Brown"), else the
# words up to a comma, a full stop or a bracket ("Penguin Press", "MIT Press").
_PUBLISHER_AFTER = re.compile(r"[^\W\d_][^,.;:()\[\]|]*?(?=\s*(?:[,.;:()\[\]|]|$))")


def _without_place(text: str) -> str:
    """``text`` (the words after a title) without the city a publisher's name is followed
    by ("Little, Brown, New York, 2019" as "Little, Brown, 2019") or comes after with a
    colon ("New York: Little, Brown, 2019") (`_places`)."""
    return _places(text)[0]


def _placed_publishers(text: str) -> frozenset[str]:
    """The publishers' names in ``text`` that only their city tells from a surname
    (`_places`): "Penguin" of "Penguin, London, 2019" and "London: Penguin, 2019", the
    venue as a word in italics is, no author."""
    return _places(text)[1]


def _assumed_cities(text: str) -> tuple[tuple[str, str], ...]:
    """The cities no table holds that `_places` left out of ``text`` as the city of the
    publisher before them, each with that publisher's name: ("Lausanne", "Springer") of
    "Springer, Lausanne, 2019". Nothing but its place tells such a word from a name, so
    the import says it."""
    return _places(text)[2]


@_per_parse
def _places(text: str) -> tuple[str, frozenset[str], tuple[tuple[str, str], ...]]:
    """``text`` without the places of publishers it names, and the publishers that only
    their place tells from a surname, and those of `_WORD_PUBLISHERS`, with a city or
    without, and the cities no table holds that were left out (`_assumed_cities`). A
    state's or country's code alone, or a city the table lacks (no month nor venue's
    word, `_one_name`), after a publisher the reader knows, goes too (imp38). A known city after the publisher (`_PLACE`): after
    one the reader knows (named for founders, an organisation's, a one-word venue such
    as Springer, or a publisher of words of the dictionary, `_word_publisher`: "Penguin",
    "Random House", not "Smith" nor "Child"), or one a name could never be: of two words
    or more ("New York", and another city after it, "New York, Heidelberg") or with its
    state's or country's name ("Cambridge, MA"). A city of one word after another word
    stays (a surname as often: "- Smith, Berlin, 2019" and "- Vaswani, London, 2019" name
    two people), and so do two ("- Smith, London, Paris, 2019"), and one before such a
    place ("- Smith, London, New York, 2019": Smith and London). A known city and
    a colon before the publisher (`_PLACE_FIRST`), whatever the publisher."""
    publishers: set[str] = set()
    assumed: list[tuple[str, str]] = []

    def place(found: re.Match[str]) -> str:
        before = _PARTS.split(text[: found.start()])[-1].strip(" \t*_\"'“”")  # (its part: "- Springer")
        last = before.rsplit(",", 1)[-1].strip(" \t*_")
        known = _KNOWN_CITY.fullmatch(found.group("city"))
        unknown = found.group("unknown")
        city = found.group("city")
        if not (known or unknown or found.group("code")) and found.group("region") and (
            _word_publisher(city) or _one_word_venue(city) or _institution(city)
        ):
            # (no city the table lacks before its code, but a publisher and its city's code:
            # "- Jane Smith, Penguin, NY, 2019", "Wiley, UK (2019)", whose code was the venue)
            if _word_publisher(city):
                publishers.add(city)
            return found.group()[: found.end("city") - found.start()]
        # (rev94: a month after a publisher the reader knows goes as its city would, a paper
        # file keeping no month: "Springer, June, 2019" was by no one, of no venue)
        month = bool(unknown and _MONTHS.match(unknown))
        if unknown and not month and not all(map(_one_name, unknown.split())):
            return found.group()  # (no city: "Springer, Neurocomputing, 2019")
        if unknown or found.group("code"):
            # (only after a publisher the reader knows: "- Jane Smith, Bob Lee, MA, 2019" and
            # "- Jane Smith, Sage, Lausanne, 2019" name people, as before)
            publisher = _word_publisher(last) or ends_with_founders_publisher(before) or _institution(last) or _one_word_venue(last)
            if not publisher:
                return found.group()
            if _word_publisher(last) and not ends_with_founders_publisher(before):
                publishers.add(last)
            if unknown and not month and unknown not in _CONFERENCE_CITIES:
                # (rev94: a conference's city a table holds, "ICML 2019, Vancouver, 2019",
                # is known, no assumption to say)
                assumed.append((unknown, _tails(before)[-1].strip(" \t*_")))
            return ""
        if _word_publisher(last) and not ends_with_founders_publisher(before) or known and _after_full_names(before, last):
            publishers.add(last)  # ("Penguin, London": a name as the reader reads one)
            return ""
        publisher = ends_with_founders_publisher(before) or is_organisation(last) or _one_word_venue(last)
        if not last or not (known or publisher):
            # (a city the table lacks, "Newbury Park, CA", only after a publisher the reader
            # knows: "- Jane Smith, Sage, Newbury Park, CA, 2019" names Sage as a person)
            return found.group()
        if publisher or " " in found.group("city") or "," in found.group("city"):
            return ""  # (a city no one is named, and another after it: "New York, Heidelberg")
        # A city of one word is a surname as often ("London", "Paris"): after a name, only
        # a place no one is named after it, another city's or a region's, goes ("- Smith,
        # London, New York, 2019" names Smith and London, as "- Smith, London, Paris, 2019"
        # three people).
        also = found.group("also") or ""
        if not also:
            return "" if found.group("region") else found.group()  # ("Cambridge, MA"; "Berlin")
        if " " in also or "," in also or found.group("region"):
            return found.group()[: found.end("city") - found.start()]
        return found.group()

    def place_first(found: re.Match[str]) -> str:
        after = text[found.end() :]
        if not after[:1].isupper():
            return found.group()  # (no publisher's name after it: "Paris: a city of light, 2019")
        founders = founders_publishers(after)
        if founders and founders[0][0] == 0:
            publishers.add(after[: founders[0][1]])
        elif named := _PUBLISHER_AFTER.match(after, initials.end() if (initials := _PUBLISHER_INITIALS.match(after)) else 0):
            publishers.add(after[: named.end()])  # (with a founder's initials: "W. W. Norton & Company")
        return found.group("lead")

    without = _PLACE_FIRST.sub(place_first, _PLACE.sub(place, text))
    if "," in without and _KNOWN_VENUE_IN.search(without):  # (most items: asked first, at a regular expression's speed)
        without = _VENUE_PLACE.sub(r"\g<venue>", without)
    # (one of `_WORD_PUBLISHERS` without a city too, which no one is named: "- Cal Newport,
    # Penguin, 2019" was by Cal Newport and Penguin)
    publishers.update(found.group("name") for found in _WORD_PUBLISHER.finditer(without))
    return without, frozenset(publishers), tuple(assumed)


def _after_full_names(before: str, last: str) -> bool:
    """Whether ``last``, one capitalised word before a publishing city, comes after the
    item's authors each named by a given name (or initials) and surname: a publisher, as a
    list names its authors alike ("- Max Tegmark, Knopf, New York, 2017", "- Stuart
    Russell and Peter Norvig, Pearson, London, 2020"), no surname alone among them; after a
    surname alone it stays a name ("- Smith, Berlin, 2019"), and so does a word of the
    dictionary, a surname as often ("- Jane Smith, Bird, Paris, 2019" names three people;
    a publisher of such a word is one of `_WORD_PUBLISHERS`, "Penguin")."""
    if " " in last or "," not in before or not _one_name(last) or known_word(last.casefold()):
        return False
    people = _name_list(before.rsplit(",", 1)[0].strip(" \t*_"))
    return bool(people) and all(
        len(person.split()) >= 2 and _one_author(person) and not _field_words([person]) for person in people
    )


def _word_publisher(name: str) -> bool:
    """Whether ``name``, before a publishing city, is a publisher's name of words of the
    dictionary: one of `_WORD_PUBLISHERS` ("Penguin", "Vintage"), or words before a
    publisher's word (`_PUBLISHER_WORDS`: "Penguin Books", "Random House"), each
    capitalised and neither a common surname ("Smith", "Brown": names.is_surname_word)
    nor a given name ("Mark") that the dictionary holds too. Any other one word stays a
    name: a surname of the dictionary's that no table of common ones holds ("Child",
    "Little", "Pearl") is told from a publisher by nothing, and the city after it may be
    a name too ("- Child, London, 2019"; "- Little, Sydney, 2019"); so does a surname it
    lacks ("Vaswani"), told from a publisher it lacks ("Routledge") by nothing, and words
    of the dictionary before a city without a publisher's word ("Deep Learning, London,
    2019"), a title's as often."""
    words = name.split()
    if len(words) == 1:
        return name.casefold() in _WORD_PUBLISHERS
    return (
        2 <= len(words) <= 3 and words[-1].casefold() in _PUBLISHER_WORDS
        and all(
            _capitalised(word) and known_word(word.casefold()) and not is_surname_word(word)
            and not is_given_name_word(word) for word in words
        )
    )


# The last words of publishers' names that no organisation's word says (names.is_organisation).
_PUBLISHER_WORDS = frozenset(("books", "house", "press"))
# Publishers named by one word of the dictionary that is no one's name, as a book's
# citation writes them, before their city or not ("- Penguin, London, 2019", "- Cal
# Newport, Penguin, 2019"): a list, as no rule tells them from the dictionary's surnames
# ("Child", "Little", "Pearl", "Chess").
_WORD_PUBLISHERS = frozenset(("penguin", "vintage", "bantam", "anchor", "pantheon"))
# One of them as a part of its own, between a comma, a full stop or a bracket and the next.
_WORD_PUBLISHER = re.compile(
    rf"(?:^|(?<=[,.;:(|\-–—]))[ \t]*(?P<name>(?-i:{_alternatives(word.capitalize() for word in sorted(_WORD_PUBLISHERS))}))"
    r"(?=[ \t]*(?:[,.;:()]|$))"
)


def _words_after(spans: list[_Span]) -> str:
    """The words of ``spans`` (those after an item's title) outside links, as the readers
    of names read them (`_names_plainly`, `_unabbreviated`)."""
    return _without_venue_before_publisher(
        _without_editors(_without_details(_names_plainly(_unabbreviated(_join(s for s in spans if s.link < 0)))))
    )


# A chapter's book and its editors, as APA, Chicago, MLA and Springer's styles cite them:
# "In J. Smith and K. Lee (Eds.), Handbook of X (pp. 1-20)", "In: Smith, J., Lee, K.
# (eds.) Handbook of X, pp. 1-20", "In Handbook of X, edited by John Smith and Kate Lee,
# 1-20", "Handbook of X (eds. J. Smith, K. Lee)". The editors are no authors (read, they
# were, or the chapter's own author was lost), and the book's title, after "In", no name
# nor venue: both are left out of the words read, up to the next full stop, comma or
# bracket after the book's title; the publisher after them is read as a venue, the pages
# as pages. (The book is then the chapter's venue, the publisher its publisher:
# `_chapter_book`, read in `_Reader._record`.)
# (md2) A book's title runs on past a comma before its volume or part, "Deep Learning,
# Volume 2", "Handbook of X, Vol. 3", "Part II": read, it was cut there ("Deep Learning"
# the venue, "Volume 2" an author, the chapter's own author lost).
_BOOK_VOLUME = r",[ \t]*(?:[Vv]olume|[Vv]ol\.|[Pp]art|[Bb]ook)[ \t]+(?:\d+|[IVXLC]+)(?![^\W_])"
_BOOK_TITLE = rf"(?:[^().,;]|{_BOOK_VOLUME})*"
_EDITORS_MARK = re.compile(r"(?<![^\W_])[Ee]ds?\.?\)|\([Ee]ds?\.\s|\([Ee]ditors?\)|(?<![^\W_])edited\s+by\s")
_EDITORS = re.compile(
    # (APA's and Springer's: "In[:] <editors> (Eds.)[,] <book>")
    # (or "In[:] <book>, <editors> (eds.), <publisher>", as reference lists write it too:
    # `_chapter` tells which from the words before the first comma)
    r"(?:^|(?<=[.,;]))[ \t]*[Ii]n:?[ \t]+(?P<in>[^()]{1,200}?)\((?:[Ee]ds?\.?|[Ee]ditors?)\)[ \t]*,?[ \t]*"
    rf"(?P<book>{_BOOK_TITLE})"
    # (Chicago's: "In <book>, edited by <editors>,"; MLA's: "<book>, edited by <editors>,")
    # (without "In", only a sentence of its own, as MLA's after the title: "- Maria Garcia,
    # edited by John Smith, ..." may be the book's own author, kept)
    r"|(?:(?<=[.,;])[ \t]*[Ii]n:?[ \t]+|(?<=[.;\"”])[ \t]*)"
    rf"(?P<edited>{_BOOK_TITLE}),[ \t]*edited[ \t]+by[ \t]+(?P<edby>"
    # (the editors: to the next comma, or three or more up to the last after ", and" or
    # ", &", "John Smith, Kate Lee, and Mia Chen", whose first alone was left out before)
    # (an initial's full stop its own, its spaces the class's: one way to read each
    # editor, as a list of many that ends in no ", and" is tried again and again)
    r"(?:[A-Z]\.|[^().,;])*(?:(?:,(?:[A-Z]\.|[^().,;&])+?)*,[ \t]*(?:and|&)[ \t]+(?:[A-Z]\.|[^().,;])*)?)"
    r"(?:,[ \t]*\d+[ \t]*[-–—][ \t]*\d+(?=[ \t]*[.,;]))?"  # (and Chicago's pages after them: ", 1-20.")
    # ("<book> (eds. J. Smith, K. Lee)", "(J. Smith and K. Lee, eds.)")
    r"|(?<=[.,;])[ \t]*(?:[Ii]n:?[ \t]+)?"
    rf"(?P<named>{_BOOK_TITLE})"
    r"\((?:[Ee]ds?\.[ \t](?P<eds>[^()]*)|(?P<named_eds>[^()]*),[ \t]*[Ee]ds?\.)\)"
)


def _without_editors(text: str) -> str:
    """``text`` (the words after a title) without a chapter's book and its editors
    (`_EDITORS`): "Jane Doe. In J. Smith and K. Lee (Eds.), Handbook of X (pp. 1-20).
    Springer, 2019." as "Jane Doe. (pp. 1-20). Springer, 2019."."""
    if not _EDITORS_MARK.search(text):
        return text  # (most items: asked first, at a regular expression's speed)
    # (the sentence or part they were is no empty one: "Jane Doe.. Springer" as "Jane Doe. Springer")
    return _EMPTY_PART.sub(r"\1", _EDITORS.sub(_proceedings_kept, text))


def _proceedings_kept(found: re.Match[str]) -> str:
    """What is left of a chapter's book and editors (`_EDITORS`): nothing, or the book's
    name where it is a venue known by name, a proceedings volume's, the paper's venue as
    read before: Springer's LNCS "In: Vedaldi, A., Bischof, H. (eds.) ECCV 2020." was of
    the venue ECCV, and left out, of "Springer"; "NeurIPS 2019 (eds. ...)" lost its year;
    or the publisher after the editors where the book is before them (`_chapter`)."""
    book, after = _chapter(found)
    return f" {after}" if after else f" {book}" if book and _known_venue(book) else ""


def _chapter(found: re.Match[str]) -> tuple[str, str]:
    """The book a chapter is in (`_EDITORS`), and the words after its editors that are no
    part of it ("" for none): "In: Handbook of X, J. Smith and K. Lee (eds.), Springer"
    names the book before its editors, "Springer" after them the publisher, where the
    words before the first comma are no editor's name, as APA's and Springer's are ("In J.
    Smith, K. Lee (Eds.), Handbook of X", "In: Smith, J., Lee, K. (eds.) Handbook of X")."""
    book = (found.group("book") or found.group("edited") or found.group("named") or "").strip()
    head = _BOOK_VOLUME_RE.split((found.group("in") or "").strip(), 1)[0].strip()
    if head != (found.group("in") or "").strip() and not (_INITIALS.match(head) or _one_author(head)):
        return head, book
    return book, ""


# An edited book's editors, as the words before or after its title start ("Jane Smith and
# John Doe (eds.)", "J. Smith, K. Lee (Eds.)", "Edited by Michael I. Jordan", as MIT
# Press's lists of a series write it): the names, an initial's full stop their own.
_EDITED_BOOK = re.compile(
    r"(?P<named>(?:[A-Z]\.|[^().;])+?)[ \t]*\((?:[Ee]ds?\.?|[Ee]ditors?)\)"
    r"|[Ee]dited[ \t]+by[ \t]+(?P<by>(?:[A-Z]\.|[^().;])+)"
)


def _book_editors(text: str) -> tuple[str, ...]:
    """The editors an edited book's words start with (`_EDITED_BOOK`; ``text``: the words
    before its title or after it, their lead left out), each a person's name, the longest
    run of them before a comma ("Edited by Michael I. Jordan, MIT Press": Jordan alone);
    () for none."""
    if "(" not in text and "dited" not in text:
        return ()  # (most items: asked first)
    found = _EDITED_BOOK.match(text.lstrip(" \t-–—:,*_"))
    if not found:
        return ()
    named = (found.group("named") or found.group("by")).strip(" \t,")
    cuts = [len(named)] + [m.start() for m in reversed(list(re.finditer(",", named)))]
    for cut in cuts if found.group("by") else cuts[:1]:
        names = _apa(named[:cut] + ".") or _name_list(named[:cut])
        if names and all(_person(name) or _one_author(name) for name in names) and not _field_words(list(names)):
            return names
    return ()


# Publishers a list names in one word that are `_ONE_WORD_VENUES` too (a journal's
# publisher as well: "Springer 2019" alone is read as a venue).
_ONE_WORD_PUBLISHERS = frozenset(("springer", "elsevier", "wiley"))


def _edited_books_publisher(venue: str) -> str:
    """``venue``, the words an edited book's item names after its editors, where they are
    a publisher's name (`_institution_named`, "MIT Press", "Cambridge University Press";
    `_publisher_named`, "Basic Books"; `_WORD_PUBLISHERS`, "Penguin";
    `_ONE_WORD_PUBLISHERS`, "Springer"); "" for anything else, which stays the venue
    (a conference's edited volume, "NeurIPS 2019", or a name no table holds)."""
    folded = venue.casefold()
    if venue and not PREPRINT.search(venue) and not _known_venue(venue) and (
        _institution_named(venue) or _publisher_named(venue) or folded in _WORD_PUBLISHERS
        or folded in _ONE_WORD_PUBLISHERS
    ):
        return venue
    return ""


def _chapter_book(text: str) -> tuple[str, tuple[str, ...]]:
    """The title of the book a chapter is in, as the words after a title cite it with its
    editors (`_EDITORS`, `_chapter`), and those editors (`_chapter_editors`); ("", ())
    for none, or a venue known by name (a proceedings volume's, which is the venue as it
    stands: `_proceedings_kept`)."""
    if not _EDITORS_MARK.search(text):
        return "", ()
    for found in _EDITORS.finditer(text):
        if found.group("edited") is not None and _AFTER_INITIAL.search(text, 0, found.start()) and not _IN.match(found.group()):
            # (rev94) No sentence of its own, but a name's last word after its initial:
            # "- Michael I. Jordan, edited by John Doe, MIT Press" was of the venue
            # "MIT Press", and imp38's reading gave it the venue "Jordan")
            continue
        book = _chapter(found)[0].strip(" \t*_\"'“”")
        if book and not _known_venue(book):
            return book, _chapter_editors(found)
    return "", ()


def _chapter_editors(found: re.Match[str]) -> tuple[str, ...]:
    """The editors of the book a chapter is in, as `_EDITORS` found them (bk2): before the
    book ("In J. Smith and K. Lee (Eds.), <book>"), after it ("In: <book>, J. Smith and K.
    Lee (eds.)", "<book>, edited by John Smith and Kate Lee", "<book> (eds. J. Smith, K.
    Lee)"), each a person's name as an edited book's are read (`_book_editors`); () where
    they do not read so."""
    if found.group("book") is not None:
        written = (found.group("in") or "").strip()
        head, *rest = _BOOK_VOLUME_RE.split(written, 1)
        if rest and _chapter(found)[0] == head.strip():
            written = rest[0]  # (the book before them: "In: <book>, <editors> (eds.)")
    else:
        written = found.group("edby") or found.group("eds") or found.group("named_eds") or ""
    # (APA's "J. Smith & K. Lee (Eds.)": an ampersand joins two editors as "and" does)
    written = re.sub(r"[ \t]*&[ \t]*", " and ", written.strip(" \t,"))
    names = _apa(written + ".") or _name_list(written) if written else ()
    if names and all(_person(name) or _one_author(name) for name in names) and not _field_words(list(names)):
        return names
    return ()


# (md3) A proceedings volume's, a journal's or a book's name before its publisher, as a
# reference cites a paper or a chapter with no editors: "In Proceedings of ICML, Morgan
# Kaufmann, 1995.", "Neural Computation, MIT Press, 1997.", "In Handbook of X,
# Springer, 2001." Read, the publisher alone was the venue and the name before it was
# lost (the export cited the paper as a @book of that publisher). The name starts a
# sentence of the words after the title, or a part after a dash; after "In" it is any
# words no name reads ("In Causality: Models, Reasoning, and Inference, ..." keeps its
# commas); without "In", only one that says it is a journal or proceedings ("Deep
# Learning, Springer, 2006" repeats a book's title as often, and stays the book's).
# (md4: or after a comma, "In" after it: "- Jane Smith, John Doe, In NeurIPS, Curran
# Associates, 2019" made "In NeurIPS" and the publisher two more authors)
_SENTENCE_START = re.compile(
    r"(?:^|(?<=[;|])|(?<=\.)(?<!(?<![^\W_])Proc\.)|(?<=\s[-–—])|(?<=,)(?=[ \t]*(?:In:?|Proc\.|Proceedings)[ \t])|(?:(?<=,[\"”])|(?<=^[\"”]))(?=[ \t]*[Ii]n:?[ \t]))[ \t\-–—:,*_|]*(?P<in>[Ii]n:?[ \t]+)?(?=[^\W\d_])"
)
_SENTENCE_END = re.compile(r"(?<!(?<![^\W_])Proc)\.(?:\s|$)|[;|\[\]]|\s[-–—]\s")
_PROCEEDINGS_WORDS = re.compile(
    r"(?i)(?<![^\W_])(?:proceedings|proc\.|conference|workshops?|symposium|congress|advances\s+in)(?![^\W_])"
)
# (md4) Societies and printers that publish proceedings and journals, named after the
# proceedings or journal as its publisher ("In: Proceedings of KDD, ACM, 2019",
# "Proceedings of the IEEE, IEEE, 2019", "In NeurIPS, Curran Associates, 2019"): read
# as a publisher only there, as alone "ACM" and "IEEE" label a paper's page and stay a
# venue. Read otherwise, the society was the venue, the proceedings lost, and the
# authors before them with it.
_SOCIETY_PUBLISHERS = frozenset((
    "acm", "acm press", "association for computing machinery", "ieee", "ieee computer society",
    "ieee press", "curran associates", "curran associates, inc.", "curran associates inc.",
    "curran associates inc", "usenix", "usenix association", "siam", "aaai press", "ios press",
    "the mit press", "mit press", "springer", "springer nature", "springer international publishing",
))
# (md4) A Springer volume's title, the field before a dash, its conference after it: "In
# Computer Vision – ECCV 2018, Springer, 2018" was cut at the dash (the name lost).
_VOLUME_DASH = re.compile(r"\s[-–—]\s")


def _society_publisher(publisher: str) -> str:
    """``publisher`` where it names a publisher after a proceedings' or a journal's name
    (`_edited_books_publisher`, or `_SOCIETY_PUBLISHERS`), else ""."""
    if _edited_books_publisher(publisher) or publisher.casefold().rstrip() in _SOCIETY_PUBLISHERS:
        return publisher
    return ""


@_per_parse
def _venue_before_publisher(text: str) -> tuple[str, str, str, int, int] | None:
    """The name before a publisher the reader knows in ``text`` (the words after a title),
    as `_SENTENCE_START`'s note says, with that publisher, its venue kind ("book" for a
    book a chapter is in; "" where the name says what it is, as a BibTeX import leaves
    it), and where the name starts and the publisher starts in ``text``; None for none."""
    if "," not in text:
        return None
    for start in _SENTENCE_START.finditer(text):
        begin = start.end()
        stop = _SENTENCE_END.search(text, begin)
        while start.group("in") and stop and _VOLUME_DASH.fullmatch(stop.group()) and _KNOWN_VENUE.match(
            text[stop.end() :].split(",", 1)[0].strip()
        ):
            stop = _SENTENCE_END.search(text, stop.end())  # ("In Computer Vision – ECCV 2018, Springer")
        sentence = text[begin : stop.start() if stop else len(text)]
        commas = [m.start() for m in re.finditer(",", sentence)]
        for index, comma in enumerate(commas if start.group("in") else commas[:1]):
            venue = sentence[:comma].strip(" \t*_\"'“”")
            rest = sentence[comma + 1 : commas[index + 1] if index + 1 < len(commas) else len(sentence)]
            publisher = rest.strip(" \t*_")
            if not _society_publisher(publisher) or not venue or _venue_and_year(publisher) is not None:
                continue
            proceedings = bool(_PROCEEDINGS_WORDS.search(venue) or _KNOWN_VENUE_IN.search(venue))
            journal = names_journal(venue)
            if not (start.group("in") or proceedings or journal) or _edited_books_publisher(venue) or _work(venue):
                continue
            if _one_author(venue) or _cited_people(venue) or _people(venue) or _apa(venue + "."):
                continue  # (names before a publisher: "- Christopher Bishop, Springer, 2006")
            kind = "" if proceedings or journal else "book"
            cut = start.start("in") if start.group("in") else begin  # ("In" goes with it)
            return venue, publisher, kind, cut, begin + comma + 1 + (len(rest) - len(rest.lstrip()))
        if not start.group("in") and (found := _journal_after_names(sentence, commas)):
            venue, publisher, at, publisher_at = found
            return venue, publisher, "", begin + at, begin + publisher_at
        if start.group("in") and not commas and stop and stop.group().startswith(".") and (
            proceedings := _proceedings_in(sentence)
        ):
            # (md4) APA's "In Proceedings of X (pp. 1-10). Publisher.": the publisher a
            # sentence of its own after the proceedings' (its pages left out before)
            after = _SENTENCE_END.search(text, stop.end())
            written = text[stop.end() : after.start() if after else len(text)]
            publisher = written.strip(" \t*_")
            if _society_publisher(publisher) and _venue_and_year(publisher) is None:
                return proceedings, publisher, "", start.start("in"), stop.end() + len(written) - len(written.lstrip())
    return None


def _proceedings_in(sentence: str) -> str:
    """``sentence`` (after "In", with no comma), stripped, where it names a proceedings
    volume or a journal ("Proceedings of KDD", "Proc. ICML", "NeurIPS"), else ""."""
    venue = sentence.strip(" \t*_\"'“”")
    if venue and (_PROCEEDINGS_WORDS.search(venue) or _KNOWN_VENUE_IN.search(venue) or names_journal(venue)) and not (
        _edited_books_publisher(venue) or _work(venue)
    ):
        return venue
    return ""


def _apa_proceedings(text: str) -> str:
    """(md4) The proceedings' or journal's name of APA's "In Proceedings of X (pp.
    1-10)." in ``text`` (the words after a title, its pages left out), cited with no
    publisher, which gave no venue; "" for none."""
    for start in _SENTENCE_START.finditer(text):
        if not start.group("in"):
            continue
        stop = _SENTENCE_END.search(text, start.end())
        sentence = text[start.end() : stop.start() if stop else len(text)]
        if "," not in sentence and (venue := _proceedings_in(sentence)):
            return venue
    return ""


def _journal_after_names(sentence: str, commas: list[int]) -> tuple[str, str, int, int] | None:
    """(md4) A journal's or proceedings' name between the authors and the publisher, each
    after a comma, as a reference without "In" cites a paper whose title is the item's
    link: "- [Bagging Predictors](…) - Leo Breiman, Machine Learning, Springer, 1996."
    made "Machine Learning" an author and the publisher the venue. The name, the
    publisher, and where each starts in ``sentence``; None where the words before it are
    not all people's names, or it is no journal's nor proceedings' name nor words of the
    dictionary (a name: "Leo Breiman, Grace Hopper, Springer, 1996" are two authors)."""
    for index in range(1, len(commas)):
        head = sentence[: commas[index - 1]].strip(" \t*_")
        names = _name_list(head)
        if not names or not all(_person(name) or _one_author(name) for name in names) or _field_words(list(names)):
            return None  # (the names end at the first comma that parts no name)
        written = sentence[commas[index - 1] + 1 : commas[index]]
        venue = written.strip(" \t*_\"'“”")
        if _IN.match(written):
            return None  # (a sentence of its own after "In": `_venue_before_publisher`)
        rest = sentence[commas[index] + 1 : commas[index + 1] if index + 1 < len(commas) else len(sentence)]
        publisher = rest.strip(" \t*_")
        if not venue or not _society_publisher(publisher) or _venue_and_year(publisher) is not None:
            continue
        if not (names_journal(venue) or _PROCEEDINGS_WORDS.search(venue) or _field_words([venue])) or (
            _edited_books_publisher(venue)
        ):
            # (words of the dictionary that say no kind, "Leo Breiman, Deep Learning,
            # Springer", are no one's name either: the venue, said in `_Reader._record`)
            continue
        at = commas[index - 1] + 1 + (len(written) - len(written.lstrip()))
        return venue, publisher, at, commas[index] + 1 + (len(rest) - len(rest.lstrip()))
    return None


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# (md4) What says an item is a talk, a tutorial, slides or a poster, as a sentence or a
# part of its own after the names or the title ("Keynote talk, NeurIPS, 2018", "-
# Invited talk at ICML 2019", "(slides)"), not words of a title ("A Tutorial on X") nor
# a series' ("Lecture Notes in Computer Science", a paper's venue).
_TALK = re.compile(
    r"(?i)(?:[.;|,(\[][\"”]?|\s[-–—])\s*(?P<talk>(?:(?:invited|keynote|plenary|contributed)\s+)?"
    r"(?:talks?|keynote(?:\s+(?:talk|speech|address|lecture))?|lecture(?:\s+(?:slides|videos?))?|"
    r"tutorial(?:\s+slides)?|slides|slide\s+deck))"
    r"(?=\s*(?:[,.;:)\]|]|$)|\s+(?:at|@)\s)"
)
# (md5: after a quoted title's closing quote too, IEEE's '"Title," Keynote talk, NeurIPS')
# (rev106) What a list's prose says of a person in a reference's shape ("- Yann LeCun.
# Keynote talk. NeurIPS, 2018.", "- Alice Smith. Editor-in-chief. JMLR, 2019.", "- Ivan
# Petrov. Book review. Nature, 2020."): a "title" of these words alone names no work.
# A title with one word besides is a work's ("A Tutorial on Support Vector Machines").
_NO_WORK_WORDS = frozenset("""
    a an the of in at on for and to co
    talk talks keynote keynotes invited plenary speaker speakers speech lecture lectures
    lecturer course courses class seminar tutorial tutorials slides video videos podcast
    interview interviews review reviews reviewer book biography bio obituary profile
    award awards prize best paper papers honorable honourable mention oral poster spotlight
    chair chairs area program programme general senior committee member members editor
    editors associate chief editorial board panel panelist organizer organiser organizers
    organisers guest professor fellow student phd thesis position deadline deadlines call
    news announcement update updates
    outstanding distinguished winner winners finalist finalists runner up test time
""".split())
# (a course's code for a title: "- Fei-Fei Li. CS231n. Stanford University, 2017.")
_COURSE_CODE = re.compile(r"(?i)(?:cs|cse|cmsc|comp|cos|csc|ece|ee|eecs|stat|stats|math)\s?-?\d{2,4}[a-z]?(?![^\W_])")
# (a university alone where a reference names its publisher is a course's or a talk's
# place, "- Andrew Ng. Machine Learning. Stanford University, 2012."; its press is one)
_SCHOOL_ALONE = re.compile(
    r"(?i)^(?!.*(?<![^\W_])press(?![^\W_])).*(?<![^\W_])(?:universit\w*|college|institute|school)(?![^\W_])"
)


def _names_no_work(title: str) -> bool:
    """Whether a full reference's title sentence (`_reference_names`) names no work: a
    role, a talk, an award, a review (`_NO_WORK_WORDS`) or a course's code."""
    words = re.findall(r"[^\W\d_]+", title.casefold())
    return bool(_COURSE_CODE.match(title)) or bool(words) and all(word in _NO_WORK_WORDS for word in words)


@_per_parse
def _reference_names(text: str) -> tuple[str, ...]:
    """The authors of an item written as a full reference, sentence by sentence (md3):
    their names, the title, then where it was published with its year, a publisher the
    reader knows or a venue whose name says it is one ("- Christopher Bishop. Pattern
    Recognition and Machine Learning. Springer, 2006.", "- A. Author. Title. In
    Proceedings of ICML, Morgan Kaufmann, 1995."); () for any other words. One name
    alone is read only so: a title of two capitalised words reads as one ("Kalman
    Filters. ICML 2019.", a title and its venue)."""
    first, *rest = _first_sentence(text)
    if not rest:
        return ()
    title, *after = _first_sentence(rest[0])
    if not after or not _clean(title) or _venue_and_year(_clean(title)) or not _A_YEAR.search(after[0]):
        return ()
    if _names_no_work(_clean(title)):
        return ()
    if not _says_published(_clean(after[0])):
        return ()
    first = first.strip(" \t*_,")
    return _apa(first + ".") or _references_names(first) or _cited_people(first) or (
        (first,) if _one_author(first) and _person(first) and not _field_words([first]) else ()
    )


def _says_published(published: str) -> bool:
    """Whether the words after a reference's title say where it was published (md3): a
    publisher the reader knows, or a venue whose name says it is one."""
    parts = [part.strip(" \t*_") for part in re.split(r"[,.;:()]", published)]
    return bool(_venue_before_publisher(published) or any(
        (_edited_books_publisher(part) and not _SCHOOL_ALONE.search(part)) or names_journal(part)
        or _PROCEEDINGS_WORDS.search(part)
        or _KNOWN_VENUE_IN.search(part) for part in parts if part
    ))


# (md5) A journal's volume, issue and pages as APA writes them after its name ("Machine
# Learning, 24(2), 123-140"), or its volume and pages ("24, 123-140").
_APA_JOURNAL = re.compile(r",[ \t]*\d+[ \t]*(?:\(\s*\d+(?:[-–]\d+)?\s*\))?[ \t]*,[ \t]*(?:pp?\.[ \t]*)?\d+[ \t]*[-–—][ \t]*\d+")
# (md5) IEEE's reference: the names, a comma, the title in quotes, where it was published.
_IEEE_REFERENCE = re.compile(r"(?P<names>[^\"“”]+?),[ \t]*[\"“](?P<title>[^\"“”]+)[\"”](?P<rest>.*)")


def _unlinked_reference(text: str) -> bool:
    """(md5) Whether an item that links nothing is a full reference in IEEE's or APA's
    shape, its authors and title told by the shape itself, and its last words saying where
    it was published with its year: 'J. Smith, "Title," in Proc. KDD, 2019, pp. 1-10.'
    (`_ieee_names`), "Smith, J., & Doe, J. (2019). Title. Machine Learning, 24(2),
    123-140." (`_apa`, the year in brackets after the names). Skipped before as "not a
    paper", as `_reference_names` reads only names, title and venue sentence by sentence."""
    if (ieee := _IEEE_REFERENCE.fullmatch(text.strip())) and _clean(ieee["title"]):
        # (rev112) Where it was published is the first words after the title, as IEEE
        # writes it ('in Proc. KDD', 'Machine Learning', 'Ph.D. dissertation, MIT'), not
        # any words before the year: 'Andrew Ng, "Machine Learning," Coursera course,
        # Stanford University, 2012', 'J. Smith, "Deep Learning," Interview, The New York
        # Times, 2019', '"Title," a talk at Proc. KDD' were imported as papers; nor is a
        # title of a role's or an award's words a work's, as in md3's shape.
        where = _clean(ieee["rest"]).lstrip(" ,.;:")
        first = re.split(r"[,;(]", where)[0].strip()
        return bool(
            _ieee_names(ieee["names"] + ', "') and _A_YEAR.search(where)
            and not _names_no_work(_clean(ieee["title"]))
            and (first[:1].isupper() or PREPRINT.match(first) or (
                (lead := _IN_VENUE.match(first)) is not None and first[lead.end()].isupper()
            ))
            and bool(
                _says_published(first) or _work(first) or _says_its_kind(first) or PREPRINT.match(first)
                or _journal_stops(first)  # ("IEEE Trans. Pattern Anal. Mach. Intell.")
            )
        )
    first, *rest = _first_sentence(text)
    if not rest or not _APA_YEAR.search(first + ".") or not _apa(first):
        return False
    title, *after = _first_sentence(rest[0])
    if not after or not _clean(title) or _names_no_work(_clean(title)):
        return False
    published = _clean(after[0])
    return bool(published) and (_says_published(published) or bool(_APA_JOURNAL.search(published)))


def _without_venue_before_publisher(text: str) -> str:
    """``text`` (the words after a title) without the name before a publisher that
    `_venue_before_publisher` reads, as `_without_editors` leaves out a chapter's book:
    the publisher after it is read as a book's is (its venue, the names before it the
    authors), and the name is made the venue in `_Reader._record`."""
    found = _venue_before_publisher(text)
    return text if found is None else text[: found[3]] + text[found[4] :]


# (the first comma that is no book's volume's: "Deep Learning, Volume 2, J. Smith (eds.)")
_BOOK_VOLUME_RE = re.compile(rf"(?!{_BOOK_VOLUME}),")
# (an initial's full stop just before, "Michael I.", and "In" leading a chapter's book)
_AFTER_INITIAL = re.compile(r"(?<![^\W_])[A-Z]\.$")
_IN = re.compile(r"[ \t]*[Ii]n:?[ \t]")


_EMPTY_PART = re.compile(r"([.,;])(?:[ \t]*[.,;])+")


# What a book's or a chapter's citation says besides its authors, title, venue and year,
# which no field of a list's record keeps: its edition ("2nd ed.", "3rd edition", "Second
# Edition"), ISBN ("ISBN 978-0-387-31073-2", "ISBN-10: 0387310738") and pages ("pp.
# 185-208", "p. 12", "pages 185-208", not "Pages 2020"; "p." in lower case only: "Abbeel,
# P. 2020" is an initial, read as a page it took the year); after a comma, a sentence's end
# or a bracket, before another or a year. Read, "pp" was a word of the venue ("MIT Press
# pp"), an edition parted the names from the venue ("- Sutton and Barto, MIT Press, 2nd
# edition, 2018" gave neither), and an ISBN after the year hid all three ("- Bishop,
# Springer, 2006, ISBN …").
_ORDINAL = (
    r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|revised|expanded|updated|international"
)
_DETAIL = re.compile(
    r"(?i)(?P<before>[,.;(])[ \t]*"
    rf"(?:(?:{_ORDINAL})[ \t]+(?:ed\.|edn\.?|edition)|ISBN(?:-1[03])?[ \t]*:?[ \t]*\d[\d-]{{8,16}}[\dX]"
    r"|(?-i:pp?)\.[ \t]*(?P<pp>\d+(?:[ \t]*[-–—]+[ \t]*\d+)?)|pages[ \t]+(?P<pages>\d+[ \t]*[-–—]+[ \t]*\d+))"
    r"[ \t]*(?P<after>[,;)\]|]|\.(?!\d)|$|(?=(?:1[5-9]|20)\d\d\b|\())[ \t]*"
)


# (md2) A month, and perhaps its day, set apart before a year, which no field of a list's
# record keeps either: "Springer, March 2019", "NeurIPS, Mar. 2019", "MIT Press (June
# 2019)", "September 12, 2019".
# Read, the month was a word of the part before the year: no year, the names before it
# no one's ("- Jane Smith, Springer, March 2019" was by no one, of no venue). Only after a
# comma, a sentence's end or a bracket: "Theresa May 2019" may be a name's; and not with
# a comma of its own, "Smith, May, 2019", where it may be a surname (after a publisher the
# reader knows, "Springer, June, 2019", `_places` leaves it out as a city).
# (A month's first letter looked at first: a text without one is passed over at twice the
# speed, 5,000 texts a 1,000-book list.)
_MONTH_BEFORE_YEAR = re.compile(
    rf"(?i)(?<=[,.;(])[ \t]*(?=[adfjmnos]){_MONTH}(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?)?[ \t]+(?=(?:19|20)\d\d(?!\d))"
)


def _without_details(text: str) -> str:
    """``text`` (the words after a title) without a book's edition, ISBN and pages
    (`_DETAIL`), their separator kept where words follow: "MIT Press, 2nd ed., 2018" as
    "MIT Press, 2018", "MIT Press (2nd ed., 2018)" as "MIT Press (2018)", "(2nd ed.)" as
    nothing; and without a month before a year (`_MONTH_BEFORE_YEAR`: "Springer, March
    2019" as "Springer, 2019")."""
    text = _MONTH_BEFORE_YEAR.sub(" ", text)
    if not _DETAIL_HINT.search(text):
        return text  # (most items: asked first, at a regular expression's speed)

    def detail(found: re.Match[str]) -> str:
        before, after = found.group("before"), found.group("after")
        more = " " if found.end() < len(text) else ""  # (words after it)
        if before == "(":
            return "" if after == ")" else "("  # ("(2nd ed.)"; "(2nd ed., 2018)" as "(2018)")
        if after in (")", "]", "|"):
            # ("(2018, 2nd ed.)" as "(2018)"; a link's place, "p. 185 [[pdf](…)]", stays apart)
            return (" " if after == "|" else "") + after + more
        if after in (",", ";"):
            return ("." if before == "." else after) + " "
        if after == ".":
            return "." + more  # ("NeurIPS 1999, p. 185." as "NeurIPS 1999.")
        if text.startswith("(", found.end()):
            return " "  # ("Prentice Hall, 3rd edition (2010)" as "Prentice Hall (2010)")
        return (before + more) if more else ""  # (before a year, "2nd ed. 2009"; or the end)

    return _DETAIL.sub(detail, text)


_DETAIL_HINT = re.compile(r"(?i)\b(?:ed\.|edn|edition|isbn|pp?\.|pages?)")


def _pages(text: str) -> str:
    """The pages the words after a title give (`_DETAIL`: "pp. 185-208", "p. 12", "pages
    101-118"), as a BibTeX import writes them (an en dash in a range), or "" where they
    give none, or more than one (no one of them the paper's)."""
    if not _DETAIL_HINT.search(text) or len(_PAGES_WORD.findall(text)) != 1:
        return ""  # (none, or several: "pp. 1-20, pp. 30-40" name no one place)
    found = next((p for d in _DETAIL.finditer(text) if (p := d.group("pp") or d.group("pages"))), "")
    return en_dashed_pages(_RANGE_DASH.sub("-", found)) if found else ""


# Where pages are said ("pp.", "p.", "pages" before a number), and a range's dash with
# the spaces beside it ("185 - 208" as "185-208", as BibTeX writes a range).
_PAGES_WORD = re.compile(r"(?<![^\W_])(?:(?-i:pp?)\.|(?i:pages))[ \t]*\d")
_RANGE_DASH = re.compile(r"[ \t]*[-–—]+[ \t]*")


def _names_plainly(text: str) -> str:
    """The words after a title with its names written as the readers of names read them:
    without "by" before them ("by Shannon, 1948" read as the venue "by Shannon"), "et.
    al." as "et al." ("Vaswani et. al., 2017" gave the venue "al")."""
    return _ET_AL_OTHERWISE.sub("et al", _BY.sub(r"\1", text))


def _unabbreviated(text: str) -> str:
    """``text`` with a thesis's degree or a report written without the full stops that
    would end a sentence ("Ph.D. thesis" as "PhD thesis", "Tech. Rep." as "TechRep")."""
    return _WORK_ABBREVIATION.sub(lambda m: re.sub(r"[.\s]", "", m.group()), text)


def _work(text: str) -> str:
    """What a thesis or report is, as a BibTeX import writes its venue ("PhD thesis",
    "PhD thesis, Stanford University", "Master's thesis", "Technical report"; see
    ingest/bibtex.py _KINDS, which the BibTeX export reads back), from the words that
    say so (`_WORK`, the whole text); "" for other words."""
    match = _WORK.fullmatch(text.strip())
    if not match:
        return ""
    kind = "Technical report" if match.group("report") else thesis_kind(match.group("degree") or match.group("thesis"))
    return f"{kind}, {match.group('place').strip()}" if match.group("place") else kind


def _tails(part: str) -> list[str]:
    """``part`` and what follows each comma in it, where a venue may start ("Ada
    Lovelace, Alan Turing, ICLR'24"), but a comma inside a publisher's name of two
    founders' ("Little, Brown, 2019": the venue "Little, Brown", not "Brown")."""
    return [part] + [part[m.end():] for m in _commas(part)]


def _commas(text: str) -> list[re.Match[str]]:
    """The commas of ``text`` (with the spaces after them) that may part names or a
    venue: not one inside a publisher's name of two founders' ("Little, Brown")."""
    inside = founders_publishers(text) if "," in text else []
    return [m for m in re.finditer(r",\s*", text) if not any(start < m.start() < end for start, end in inside)]


def _founders_and_year(text: str) -> tuple[str, str] | None:
    """(publisher, year) from a publisher's name of two founders' and a year alone
    ("Little, Brown, 2019", "Little, Brown (2019)"), which `_venue_and_year` does not
    read (no comma is inside a venue it reads); None for any other text."""
    publisher = founders_publishers(text)
    if not publisher or publisher[0][0] != 0:
        return None
    found = _venue_and_year(text[publisher[0][1] :].lstrip(" ,"))
    return (text[: publisher[0][1]], found[1]) if found and not found[0] else None


def _known_venue_and_year(text: str) -> bool:
    """Whether ``text`` is a venue known by name and a year ("CVPR 2022", "ICCV, 2023")."""
    found = _venue_and_year(text)
    return bool(found and found[0] and found[1] and _KNOWN_VENUE.fullmatch(found[0]))


def _known_venue(text: str) -> bool:
    """Whether ``text`` is a venue known by name, with its year or without ("NeurIPS 2020",
    "ICML")."""
    return bool(_KNOWN_VENUE.fullmatch(text)) or _known_venue_and_year(text)


@_per_parse
def _one_name(text: str) -> bool:
    """Whether words read as a venue are a surname alone (one capitalised word, `_PARTICLE`): "Shannon" of
    "Shannon, 1948" is the author's name; "Neurocomputing", "NeurIPS", "Oral", "PhD
    thesis", a title's compound, "Self-Supervised" (`_compound`), and a field's noun,
    "Segmentation" (`_field_noun`), are not names."""
    return bool(
        all(_capitalised(part) or (
            (particle := _PARTICLE.match(part)) and _capitalised(part[particle.end() :])
        ) for part in text.split("-"))
        and text.casefold() not in _ONE_WORD_VENUES
        and not _compound(text)
        and not _field_noun(text)
        and not _KNOWN_VENUE.fullmatch(text)
        and not _LAB.fullmatch(text)
        and not re.fullmatch(_NOTED, text, re.IGNORECASE)
        and not _MONTHS.match(text)
        and not _work(text)
        and not PREPRINT.search(text)
        and not is_organisation(text)  # (a publisher's: "Addison-Wesley", "McGraw-Hill")
    )


# The first parts of a title's compounds that no dictionary holds as words of their own
# ("Non-Local", "Pre-Trained", "Re-Identification", "Meta-Learning"), or that no surname
# starts with ("Self-Supervised", "Multi-Task"), in lower case. Not "co" nor "de", which
# do ("Co-Reyes", "De-Arteaga"): those make a compound only before a dictionary's word
# ("Co-Training", "De-Noising"), which no such surname's second part is.
_PREFIXES = frozenset(
    "non pre re un anti semi multi self cross inter intra sub super post meta hyper ultra"
    " over under bi tri uni mono poly auto".split()
)
_NAME_PREFIXES = frozenset(("co", "de"))


_NAMES_AT_MOST = 400


def _names_at_end(text: str) -> int:
    """Where the names that leading words end with start, set apart from the title by a
    dash or a comma ("Title - Vaswani et al", '"Title", Vaswani et al', "Title, Ashish
    Vaswani, Noam Shazeer"): people's as `_cited_people` reads them, or one author's
    with initials or a given name (`_one_author`; not a word alone, "Attention, Please");
    the first such place, for all the names; -1 for none. (Among the last 400 characters,
    more than any list of names a list writes: each place's names read anew, a long run
    of ", " took minutes.)"""
    for apart in re.compile(r"\s[-–—]\s|,\s").finditer(text, max(0, len(text) - _NAMES_AT_MOST)):
        if (head := text[: apart.start()]).count('"') % 2 or head.count("“") > head.count("”"):
            continue  # (inside a quoted title: '"Riemannian Optimization - A Primer", ...')
        tail = text[apart.end() :].strip(" \t.")
        # (surnames alone after a comma only with "et al.": a title's own list of places
        # or names reads as they do, "Learning in Paris, London and Berlin", "Paris,
        # London, Tokyo"; a dash sets them apart, "Title - Vaswani and Shazeer")
        cited = _cited_people(tail)
        if cited and apart.group().startswith(",") and "others" not in cited and not _people(tail):
            cited = ()
        if text[: apart.start()].strip() and (
            cited or _apa(tail + ".") or (" " in tail and _one_author(tail) and not _field_words([tail]))
        ):
            return apart.start()
    return -1


@_per_parse
def _one_author(text: str) -> bool:
    """Whether words read as a venue are one author's name: a surname alone (`_one_name`),
    after initials ("K. He", "C. E. Shannon", "J.-Y. Zhu"), or after a given name ("Andrej
    Karpathy", "Grace M. Hopper"): each word a surname's, perhaps an initial between them,
    no organisation's ("Stanford University"), and not all words of the dictionary
    ("Machine Learning", "Marine Biology": `_field_words`)."""
    if _one_name(text):
        return True
    if " " not in text:
        return False  # (a word alone, no surname's: "NeurIPS", "Neurocomputing")
    if text.rsplit(None, 1)[-1].casefold() in _JOURNAL_WORDS:
        return False  # (a journal's name, its last full stop cut: "Neural Netw., 2019")
    if _particled(text, capitals=False):
        return True
    if initials := _INITIALS.match(text):
        surname = text[initials.end() :]
        # (a publisher's word or a journal's is a surname after initials of one capital:
        # "W. H. Press", "J. Springer"; not "Ph.D. Thesis". A given name before it tells
        # no publisher from a person, "Mark Press, 2019", which stays the venue.)
        return _one_name(surname) or _particled(surname, capitals=True) or (
            _capitalised(surname) and surname.casefold() in _ONE_WORD_VENUES | _ORGANISATION_SURNAMES
            and not _work(surname)
            and bool(re.fullmatch(r"(?:[A-Z]\.[\s-]*)+", initials.group()))
        )
    words = text.split()
    middle = words[1:-1]
    particles = sum(word.casefold() in _PARTICLES for word in middle)
    return (
        2 <= len(words) <= 3 + particles
        and words[0].casefold() not in _NAME_PARTICLES  # (a title's: "The Gradient")
        # (a place's article: "San Francisco", "Los Alamos", "Der Spiegel", "El País";
        # a venue's first word: "Revista de Informática")
        and words[0].casefold() not in _PLACE_ARTICLES | _VENUE_HEADS
        and _one_name(words[0]) and _one_name(words[-1])
        # (a surname last is no word of the dictionary, or a common surname: "Grace
        # Hopper", not a method's or a venue's last word, "Hidden Markov Models", "Kalman
        # Filter", "New York Times", "Cleveland Clinic", which were the venue)
        and (is_surname_word(words[-1]) or not known_word(words[-1].casefold()))
        and all(_one_name(word) or _INITIALS.fullmatch(word) or word.casefold() in _PARTICLES for word in middle)
        and not is_organisation(text)
        and not _field_words([text])
    )


# Surnames that are an organisation's or a publisher's word as well (names.is_organisation:
# "Ofir Press", "W. H. Press"; "MIT Press", "OpenAI Blog", "O'Reilly Media" are no one's).
# Not "College": hardly anyone's surname, and a list names the lab's college before its
# venue ("- Imperial College, ICML 2021", "- Boston College, ...") as often as a lab.
_ORGANISATION_SURNAMES = frozenset(("press", "media", "blog"))


def _surnamed_as_organisation(text: str) -> bool:
    """Whether ``text`` is one person's name whose surname is an organisation's word
    (`_ORGANISATION_SURNAMES`) after a given name, perhaps with middle initials: "Ofir
    Press", "William H. Press", "Anna Media". Asked only where the words cannot be the
    venue, a venue known by name standing after them in the same citation ("- Ofir Press,
    ICLR 2022", "- Ofir Press (ICLR 2022)"): before a year alone, "Mark Press, 2019" is
    a publisher as often, and stays the venue. Not a name of capitals, "MIT Press",
    "CRC Press", nor one with a capital inside, "OpenAI Blog", nor an organisation's,
    "Academic Press", "Google Blog", "Revista Press" (`_VENUE_HEADS`). Nor a publisher's
    or a site's named by words of the dictionary, "Free Press", "New Press", "Beacon
    Press", "Penguin Press", "Oxford Press", "Open Media", which a list names beside a
    venue too ("- Free Press, NeurIPS 2020"): a given name is seldom a word of the
    dictionary ("Ofir", "William", "Noah"), and a publisher's first word seldom anything
    else, but for the given names that are words of it too ("Frank Press", "Mark Press",
    names.GIVEN_NAME_WORDS); a middle initial says a person's all the same ("Peace H.
    Press") (`_dictionary_named`)."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and words[-1].casefold() in _ORGANISATION_SURNAMES  # (first: most names end otherwise)
        and _capitalised(words[-1])
        and _capitalised(words[0])
        and words[0].casefold() not in _PLACE_ARTICLES | _VENUE_HEADS | _NAME_PARTICLES
        and not _LAB.fullmatch(words[0])
        and all(_INITIALS.fullmatch(word) or _capitalised(word) for word in words[1:-1])
        and not is_organisation(" ".join(words[:-1]))
        and not (words[-1] == "Press" and is_organisation(text))  # ("Yale Press", "Academic Press")
        and not _dictionary_named(words[:-1])
    )


def _publisher_named(name: str) -> bool:
    """Whether a name read among people's is a publisher's or a site's: a publisher's word
    (`_ORGANISATION_SURNAMES`, `_PUBLISHER_WORDS`) after words of the dictionary alone
    ("Free Press", "Open Media", "Basic Books", "Random House"; not "Ofir Press", "Frank
    Press": `_dictionary_named`)."""
    words = name.split()
    return len(words) >= 2 and words[-1].casefold() in _ORGANISATION_SURNAMES | _PUBLISHER_WORDS and _dictionary_named(
        words[:-1]
    )


def _dictionary_named(words: list[str]) -> bool:
    """Whether the words before a publisher's word ("Press", "Media") are a publisher's
    own, not a person's given names: all of them words of the dictionary ("Free", "New
    York", "Beacon"), and no initial among them ("Frank H."), nor a given name that is
    a word of the dictionary as well ("Frank", "Mark", "Grace": names.GIVEN_NAME_WORDS)."""
    return all(
        not _INITIALS.fullmatch(word) and known_word(word.casefold()) and not is_given_name_word(word)
        for word in words
    )


def _published_in_year(parts: list[str], index: int, venues: Iterable[str] = ()) -> bool:
    """Whether ``parts[index]`` is a publisher's or a journal's name and the part after it
    a year alone, in brackets as a book's citation writes it ("Springer (2009)", "MIT
    Press (2018)"): a venue and year as `_venue_and_year` reads one, after a sentence of
    names ("Hastie, Tibshirani, Friedman. Springer (2009)", which gave no authors).
    ``venues``: words known to be venues there (in italics; a publisher's that its city
    tells from a name, `_placed_publishers`)."""
    return index + 1 < len(parts) and (
        _publisher_named_so(parts[index]) or _one_word_venue(parts[index])
        or parts[index] in venues
    ) and (
        (year := _venue_and_year(parts[index + 1])) is not None and not year[0]
    )


def _one_word_venue(words: str) -> bool:
    """Whether words are one capitalised word a list writes as a venue, a journal's or what
    a work is (`_ONE_WORD_VENUES`: "Book", "Survey", "Neurocomputing"), as before a year
    ("- Goodfellow, Bengio and Courville, Book, 2016") so before its year in brackets
    ("..., Book (2016)", which gave neither venue nor authors)."""
    return _capitalised(words) and words.casefold() in _ONE_WORD_VENUES


def _institution_named(words: str) -> bool:
    """Whether words are an organisation's name (`_institution`), each word capitalised
    or in capitals ("MIT Press", "Carnegie Mellon University", "Little, Brown": a comma
    after a word is no part of it), as a venue is written."""
    return _institution(words) and all(
        _capitalised(word := written.rstrip(",")) or word.isupper() for written in words.split()
    )


def _publisher_named_so(words: str) -> bool:
    """Whether words are an organisation's name as a venue is written (`_institution_named`:
    "MIT Press", "Little, Brown"), or a publisher's named for its founders, "&" between
    them ("Simon & Schuster", "Taylor & Francis"), before its year in brackets as after a
    comma: "- Jane Smith, Simon & Schuster (2019)" was by no one."""
    return _institution_named(words) or is_founders_publisher(words)


def _institution(words: str) -> bool:
    """Whether words read as a venue are an organisation's name (names.is_organisation:
    "MIT Press", "Carnegie Mellon University"), whose "and" is no list of names' ("Jones
    and Lee")."""
    return is_organisation(re.sub(r"\band\b", " ", words))


def _says_its_kind(venue: str) -> bool:
    """(md5) Whether a venue's name says it is a journal's or proceedings' ("Proc. of the
    IEEE", "Proceedings of KDD", "Journal of X", "IEEE Transactions on X"): no one's name."""
    return bool(names_journal(venue) or _PROCEEDINGS_NAMED.search(venue))


# (md5) The words that make a name a proceedings' and no one's ("Proc. KDD" was an author).
_PROCEEDINGS_NAMED = re.compile(r"(?<![^\W_])(?:Proc\.|[Pp]roceedings(?![^\W_]))")


# (rev112) The first words of places' and events' names before a particle, no given
# names ("Museo del Prado", "Tour de France"), as `_VENUE_HEADS` are institutions'.
_PLACE_HEADS = frozenset("museo musée museu palazzo palacio fondazione fundación fundação casa tour".split())
# (rev112) Latin after a particle, a title's words and no surname's: "de novo", "de facto".
_LATIN_PARTICLED = frozenset(("de novo", "de facto", "de jure", "de visu", "de luxe", "de minimis"))


def _particled_person(text: str) -> bool:
    """(md5) Whether ``text`` is one person's name with a surname's particles in lower case
    between the given name (or initials) and the surname: "Ulrike von Luxburg", "Laurens
    van der Maaten", "Fernando de la Torre", "Luca di Stefano", "Ahmad bin Ali". The
    particles in lower case say a person's, as no venue's or title's words are written
    so; one in capitals, "Luc Van Gool", is a place's or a venue's as often ("Le Monde"),
    and "Politecnico di Milano", "Banque de France" are organisations (`_one_author`)."""
    words = text.split()
    if not 3 <= len(words) <= 6 or not any(word in _PARTICLES for word in words[1:-1]):
        return False
    given, *middle, surname = words
    particles = [word for word in middle if word in _PARTICLES]
    return (
        (_one_name(given) or bool(_INITIALS.fullmatch(given)))
        # (rev112: no institution's, museum's or event's name, "Museo del Prado", "Tour
        # de France", nor a title's Latin, "Stable de Novo", which were authors)
        and given.casefold() not in _VENUE_HEADS | _PLACE_HEADS
        and f"{particles[-1]} {surname}".casefold() not in _LATIN_PARTICLED
        and middle[-len(particles):] == particles  # (the particles right before the surname)
        and all(_one_name(word) or _INITIALS.fullmatch(word) for word in middle[: len(middle) - len(particles)])
        and _one_name(surname)
        and _one_author(text)
    )


def _particled(text: str, capitals: bool) -> bool:
    """Whether ``text`` is a surname after its particles (`_PARTICLES`): "de Freitas", "van
    der Maaten", "von Neumann"; in capitals ("Van der Maaten", "Le Cun") only if
    ``capitals``, after a given name or initials, as "Le Monde" and "De Gruyter" are no
    one's."""
    *particles, last = text.split() or [""]
    return bool(particles) and len(particles) <= 3 and _one_name(last) and all(
        (word.casefold() if capitals else word) in _PARTICLES for word in particles
    )


# A name's initials before its surname: "K. ", "C. E. ", "J.-Y. ", "Ch. ".
_INITIALS = re.compile(r"(?:[^\W\d_][^\W\d_A-Z]?\.(?:\s*-\s*|\s+|(?=[^\W\d_]\.)|$))+")


def _compound(word: str) -> bool:
    """Whether a capitalised word with a hyphen is a title's compound, no double surname:
    "Self-Supervised", "Zero-Shot", "Non-Local" (each part a word of the dictionary, or the
    first a prefix, `_PREFIXES`), not "Jones-Smith", "Lennard-Jones", "Sohl-Dickstein", nor
    a double surname of two dictionary words that are both common surnames, "Smith-Miles"
    (`is_surname_word`; "Long-Term" and "Hill-Climbing" are compounds still)."""
    parts = word.casefold().split("-")
    return len(parts) > 1 and not all(map(is_surname_word, parts)) and (
        parts[0] in _PREFIXES
        or all(map(known_word, parts))
        or (parts[0] in _NAME_PREFIXES and all(map(known_word, parts[1:])))
    )


# The endings of a field's or a discipline's nouns, "Segmentation", "Inference",
# "Topology", "Genetics": no surname of the dictionary's words ends so ("Manning",
# "Clement" and "Furness" do end in "-ing", "-ment" and "-ness": "-ing" is left out and a
# word of the dictionary of 8 letters at least is asked for). "-ology" needs no dictionary:
# no surname ends so, and a journal's may not be in it ("Hydrobiology").
_FIELD_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ogy|ics|ysis|ence|ance|ism)$")


def _field_noun(word: str) -> bool:
    """Whether a capitalised word is a field's noun, no one's surname: "Detection" of
    "Detection and Segmentation, 2020", "Hydrobiology" (`_FIELD_ENDING`)."""
    low = word.casefold()
    return (len(low) >= 7 and low.endswith("ology")) or (
        len(low) >= 8 and _FIELD_ENDING.search(low) is not None and known_word(low))


def _capitalised(word: str) -> bool:
    """Whether ``word`` is letters, the first a capital, the others not ("Smith")."""
    return len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


# The words after a venue's year that say its main conference or track ("ACL 2026 Main",
# "EMNLP 2024 main track"), as against its Findings or a workshop.
_MAIN_TRACK = re.compile(r"(?i)main(?:\s+(?:conference|track|paper|papers))?")


@_per_parse
def _venue_and_year(text: str, as_written: bool = False) -> tuple[str, str] | None:
    """("NeurIPS", "2023") from "NeurIPS 2023", "NeurIPS, 2023" or "NeurIPS'23"; ("",
    "2023") from "2023"; None when the text is not a venue and year. ``as_written``: with
    how the paper was presented ("Oral at NeurIPS"), as earlier imports read it."""
    match = _VENUE_YEAR.match(text.strip())
    if not match:
        return None
    first = (match.group("venue") or "A")[0]
    if not first.isascii() and not first.isupper():
        return None  # (a word of no capital, "été 2020", or of a script without them, "王 and 李, 2017")
    venue = (match.group("venue") or "").strip(" ,'’")
    more = match.group("more").strip(" :,")
    if more and not as_written and len(more) <= _NAMES_AT_MOST and (_NAMES_END.search(more) or _cited_people(more)):
        more = ""  # (names after the year: "NeurIPS 2017, Vaswani et al.", "..., Vaswani and Shazeer")
    if more and not as_written and venue and _MAIN_TRACK.fullmatch(more):
        more = ""  # (the main conference, no venue of its own: "ACL 2026 Main" is ACL, as "ACL 2024 (main conference)")
    if more and re.search(r"[^\W\d_]", more):
        if len(more.split()) > 6 or re.search(r"\d", more):
            return None
        venue = f"{venue} {more}".strip() if venue else ""
    venue = venue if as_written else _presented(venue)
    if not as_written and _NAMES_END.search(venue):
        venue = ""  # (names cut short, no venue: "Vaswani, A. et al., 2017" gave the venue "et al")
    if venue and (len(venue.split()) > 8 or _MONTHS.match(venue.split()[0]) or _not_venue(venue)):
        return None
    return _venue(venue, as_written), _full_year(match.group("y4") or match.group("y2"))


# The last of a list of names, after its comma: "and Alan Turing", "& Grace Hopper".
_AND_FIRST = re.compile(r"(?:and|&)\s", re.IGNORECASE)


@_per_parse
def _part_venue_year(part: str) -> tuple[str, str] | None:
    """The venue and year a part of the words after a title ends with (`_venue_and_year`,
    after names or words and a comma: "Ada Lovelace, Alan Turing, ICLR'24"), when the words
    before the year name a venue (`_names_venue`); None when they name none, the year
    theirs, not the paper's ("code released 2020", "code released 2020 at NeurIPS": see
    `_known_within` for the venue such words hold), or the part gives no year."""
    for tail in _tails(part):
        if _AND_FIRST.match(tail):
            continue  # (a list of names' last, no venue: "Lovelace, Ada, and Alan Turing, 2014")
        if found := _founders_and_year(tail):
            return found  # ("Little, Brown, 2019" was read as the venue "Brown")
        if found := _venue_and_year(tail):
            said = part[: len(part) - len(tail)].rstrip(" ,").rsplit(",", 1)[-1]
            if found[0] and (kind := _work(said)) and "," not in kind:
                return f"{kind}, {found[0]}", found[1]  # (its university: "PhD thesis, MIT, 2019")
            return found if _names_venue(found[0]) else None
    return None


def _names_venue(venue: str) -> bool:
    """Whether words read as a venue before a year name one: words that read as a name,
    such as a journal's ("Pattern Recognition Letters", "Neurocomputing"), beside a venue
    known by name (`_KNOWN_VENUE`, a conference's name in any capitals, a preprint server)
    or alone, not words of a sentence ("code released", "code released at NeurIPS", "Oral
    at some workshop": the presentation's words before a venue known by name are left out
    of it, see `_presented`). True for no words, a year alone."""
    if not venue or _work(venue):
        return True  # (a thesis or report: "PhD thesis")
    if _PRESENTED.match(venue):
        return False
    rest = PREPRINT.sub(" ", _KNOWN_VENUE_IN.sub(" ", venue))
    for words in _CONFERENCE_WORDS:
        rest = words.sub(" ", rest)
    # (a lower-case word of the dictionary: a sentence's; "npj Digital Medicine" is a
    # name, and so are the words a venue's name holds, "Advances in neural ...")
    return not any(
        word.islower() and len(word) > 2 and word not in _VENUE_PARTS and known_word(word)
        for word in re.findall(r"[^\W\d_]+", rest)
    )


# The conferences' names in words, in any capitals, each taken out in turn (compiled
# once: `re.sub` with each pattern's text looked 32 patterns up in re's cache for each
# of the 16,000 venues a 10,000-item list reads).
_CONFERENCE_WORDS = [re.compile(words, re.IGNORECASE) for _, words in CONFERENCE_NAMES.values()]
# The lower-case words a venue's name holds ("Transactions on Pattern Analysis and ...",
# "advances in neural ...", "NeurIPS workshop"), which are no sentence's.
_VENUE_PARTS = _NAME_PARTICLES | frozenset(
    "proceedings advances annual international conference workshop workshops findings symposium"
    " journal transactions track main long short papers demo demonstrations datasets benchmarks"
    " oral spotlight poster highlight preprint system student research industry".split()
)
# A venue known by name among other words, and the year that goes with it ("NeurIPS
# 2019", "ICML'19", "NeurIPS, 2019").
_KNOWN_VENUE_YEAR = re.compile(
    rf"(?<![^\W_])(?P<venue>{_KNOWN_VENUE.pattern})"
    r"(?:\s*+['’]\s*+(?P<y2>\d{2})|\s*+,?\s*+(?P<y4>(?:19|20)\d{2}))?(?![^\W_])"
)
# The words that lead to a venue ("at NeurIPS", "to appear in the ICML", "@ CVPR").
_TO_VENUE = re.compile(r"(?i)(?:(?<![^\W_])(?:at|in|to|by)(?:\s+the)?|@)\s*$")
# Words of another venue than a conference's own beside it ("a NeurIPS 2019 workshop",
# "our EMNLP findings").
_OTHER_VENUE = re.compile(r"(?i)(?<![^\W_])(?:workshops?|findings|symposium|tutorials?|demos?|demonstrations?|companion)(?![^\W_])")


def _known_within(part: str) -> tuple[str, str] | None:
    """The venue known by name that words naming none as a whole hold ("code released
    2020 at NeurIPS", "to appear at ICLR 2024"), with the year that goes with it ("at
    NeurIPS 2019") and no other: the words' own year is the code's, a talk's, not surely
    the paper's. Only where the words say it is a venue: with its year, after a word
    leading to one ("at", "in", "@"), or first ("NeurIPS, code released"); not in a
    sentence ("A benchmark for ACL parsing"). None when they name a venue as a whole
    (`_names_venue`: read otherwise), hold none or two ("rejected at ICLR 2020, later at
    ICML"), or words of another venue beside it ("a NeurIPS 2019 workshop")."""
    if _names_venue(_clean(re.sub(r"(?:19|20)\d{2}|['’]\d{2}\b", " ", part))):
        return None
    found = [
        m for m in _KNOWN_VENUE_YEAR.finditer(part)
        if m.group("y2") or m.group("y4") or not part[: m.start()].strip() or _TO_VENUE.search(part[: m.start()])
    ]
    if not found or len({_venue(m.group("venue")).casefold() for m in found}) > 1:
        return None
    if _OTHER_VENUE.search(_KNOWN_VENUE_YEAR.sub(" ", part)):
        return None
    dated = next((m for m in found if m.group("y2") or m.group("y4")), found[0])
    return _venue(dated.group("venue")), _full_year(dated.group("y4") or dated.group("y2") or "")


def _without_award(text: str) -> tuple[str, str]:
    """``text`` without an award, or how the paper was presented, said after its venue's
    year or a venue known by name ("CVPR 2019 Best Paper" is "CVPR 2019", "NeurIPS 2019
    Oral" "NeurIPS 2019"; `_ends_venue`), and what was said, as written ("Oral, Best
    Paper" of "CVPR 2019 Oral, Best Paper"; "" for none); one said before a venue known by
    name ("Best Paper Award at CVPR 2019", "Oral at NeurIPS") is found, and left for
    `_presented` to take out, as earlier imports did."""
    rest, said, apart = text, [], False
    for _ in range(3):  # (a list says two at most, "Oral, Best Paper"; more is no venue's)
        if not (after := _AWARD_AFTER.search(rest)) or not after.start():
            break
        rest, apart = rest[: after.start()], bool(after["apart"].strip())
        said.insert(0, _clean(after["award"]))
    # (an award, unlike how a paper was presented, ends no workshop's name: "ICML 2021
    # Workshop on X Best Paper", not "... Workshop on Scientific Poster")
    won = bool(said) and all(re.fullmatch(rf"(?i){_AWARD}", each) for each in said)
    if said and _ends_venue(rest, apart or won):
        return rest, ", ".join(said)
    before = _AWARD_BEFORE.match(text)
    if before and _KNOWN_VENUE_YEAR.match(text, before.end()):
        return text, _clean(before["award"])
    return text, ""


def _ends_venue(text: str, apart: bool) -> bool:
    """Whether an award after ``text`` follows a venue: its year or a venue known by name
    (`_ENDS_VENUE`), or a workshop's name after either ("NeurIPS 2023 Workshop Best
    Paper"; with a name of its own only when the award is set apart, ``apart``, "ICML
    2023 Workshop on X (Best Paper)", or is an award, "ICML 2023 Workshop on X Best
    Paper", as a workshop's name may end with a presentation's words, "ICML 2023 Workshop
    on Scientific Poster")."""
    if _ENDS_VENUE.search(text):
        return True
    workshop = ([None] + list(_WORKSHOP.finditer(text)))[-1]  # (the last: "ICML 2023 Workshop on Workshops")
    if not workshop or (text[workshop.end():].strip() and not (apart and workshop["named"])):
        return False
    return bool(_ENDS_VENUE.search(text, 0, workshop.start()))


def _awarded(parts: list[str]) -> tuple[list[str], str]:
    """The parts of an item's words after its title (`_after_title`) without the first
    award, or presentation, said beside a venue (`_without_award`; or a part of its own
    right after one, "CVPR 2019 (Best Paper)", "CVPR 2019 - Best Paper"; or set apart
    before a known venue and year, "Oral, NeurIPS 2019", or right before one as a part of
    its own, "Best Paper - CVPR 2019"), with those
    of their own right after it ("NeurIPS 2019 (Oral), Best Paper": dropped otherwise),
    and what was said ("" for none)."""
    kept: list[str] = []
    award = ahead = ""
    after_award = False  # (the last part with words said an award)
    for index, part in enumerate(parts):
        alone = _AWARD_AFTER.fullmatch(part)
        if alone and (after_award or not award and _ends_venue(next((p for p in reversed(kept) if p.strip()), ""), True)):
            award = ", ".join(filter(None, (award, _clean(alone["award"]))))
            after_award = True
            continue
        if not award and not ahead and alone and _KNOWN_VENUE_YEAR.match(
            next((p for p in parts[index + 1:] if p.strip()), "")
        ):
            ahead = _clean(alone["award"])  # (a part of its own before the venue's: "Best Paper - CVPR 2019")
            continue
        if not award and (apart_award := _apart_award(part))[1]:
            part, award = apart_award
            after_award = True
        elif not award:
            part, award = _without_award(part)
            after_award = bool(award)
        elif part.strip():
            after_award = False
        kept.append(part)
    return kept, ", ".join(filter(None, (ahead, award)))


def _apart_award(text: str, dated: bool = False) -> tuple[str, str]:
    """``text`` without an award, or how the paper was presented, set apart by a comma
    before a venue known by name ("Oral, NeurIPS 2019" is "NeurIPS 2019"; with its year
    only if ``dated``: a Venue column's "Oral, NeurIPS" is read as it was), with one said
    after the venue too ("Oral, NeurIPS 2019, Best Paper"), and what was said ("" for
    none: the text as it is)."""
    apart = _AWARD_APART.match(text)
    venue = _KNOWN_VENUE_YEAR.match(text, apart.end()) if apart else None
    if not venue or (dated and not (venue["y4"] or venue["y2"])):
        return text, ""
    rest, said = _without_award(text[apart.end():])
    return rest, ", ".join(filter(None, (_clean(apart["award"]), said)))


def _venue_prefix(text: str, as_written: bool = False) -> tuple[int, str, str, str] | None:
    """(where it ends, venue, year, award) of the venue in brackets or parentheses that
    ``text`` starts with: one beside how the paper was presented, or an award it won
    (`_noted_prefix`), else one as `_plain_prefix` reads it (the venue as written, "" for the
    award; `_plain_prefix` alone if ``as_written``, as earlier imports read it); None for none."""
    if not as_written and (noted := _noted_prefix(text)):
        return noted
    found = _plain_prefix(text)
    return (*found, "") if found else None


def _plain_prefix(text: str) -> tuple[int, str, str] | None:
    """(where it ends, venue as written, year) of the "(Venue YY)" or "[Venue YYYY]"
    prefix ``text`` starts with (`_INSIDE_YEAR`): words with a letter, then perhaps an
    apostrophe, and the year, last; in parentheses the words alone too; None otherwise."""
    match = _BRACKETED.match(text)
    if not match:
        return None
    inside = match["paren"] if match["paren"] is not None else match["bracket"]
    # (The "3D" a venue starts with, 3D vision's "3DV", is no year: as in _VENUE_YEAR.)
    lead = "3D" if inside.startswith("3D") else ""
    if dated := _INSIDE_YEAR.fullmatch(inside, len(lead)):
        venue, year = lead + dated["before"].rstrip(), dated["year"]
        if venue.endswith(("'", "’")):
            venue = venue[:-1].rstrip()  # ("ICLR'24", "ICLR ' 24")
    elif match["paren"] is not None and not re.search(r"\d", inside[len(lead) :]):
        venue, year = inside, ""
    else:
        return None
    return (match.end(), venue, year) if re.search("[A-Za-z]", venue) else None


def _without_prefix(text: str) -> str:
    """``text`` without the venue in brackets or parentheses it starts with (`_venue_prefix`)."""
    found = _venue_prefix(text)
    return text[found[0] :] if found else text


def _noted_prefix(text: str) -> tuple[int, str, str, str] | None:
    """(where it ends, venue, year, award) of a venue in brackets or parentheses that
    ``text`` starts with, beside how the paper was presented or an award it won, read as
    a Venue column's words are (`_apart_award`, `_without_award`): "[NeurIPS 2019 Oral]",
    "[Oral, NeurIPS 2019]", "(CVPR 2019 Best Paper)", "[ICML Spotlight]"; only a venue
    that names one (`_names_venue`) with its year, or one known by name without it. None
    when the brackets say anything else: a title's own words ("[CLS] Tokens ..."), or a
    venue alone (`_plain_prefix`)."""
    match = _BRACKETED.match(text)
    if not match:
        return None
    inside = _clean(match["paren"] if match["paren"] is not None else match["bracket"])
    rest, award = _apart_award(inside, dated=True)
    if not award:
        rest, award = _without_award(inside)
    if not award:
        return None
    venue, year = _venue_and_year(rest) or (_presented(rest), "")
    if not venue or not (year and _names_venue(venue) or not year and _KNOWN_VENUE.fullmatch(venue)):
        return None
    return match.end(), _venue(venue), year, award


def _presented(venue: str) -> str:
    """``venue`` without how the paper was presented before a venue known by name ("Oral
    at NeurIPS" is NeurIPS); as it is otherwise."""
    match = _PRESENTED.match(venue)
    if match and _KNOWN_VENUE.fullmatch(venue[match.end() :]):
        return venue[match.end() :]
    return venue


def _title_tail(title: str, as_written: bool = False) -> tuple[str, str, str, str] | None:
    """(title, venue, year, award) of a paper link's text that ends with a citation's
    year, or a known venue's and its year, after its title (`_TITLE_TAIL`), perhaps with
    an award or how it was presented after it ("[Title (NeurIPS 2019 Oral)](...)":
    `_without_award`; with it in the venue if ``as_written``, as earlier imports read it);
    None when it ends otherwise: a title's own number ("GPT-4", "Llama 2", "Microsoft COCO
    2017"), or words and a year that name no venue known ("Scaling Laws, Revisited 2023").
    Digits of another width or script are read as 0-9 ("２０２１", `ascii_digits`, one
    character for one), but not if ``as_written``; the title keeps its own as written."""
    match = _TITLE_TAIL.search(title if as_written else ascii_digits(title))
    tail = (match.group("tail") or match.group("paren")) if match else ""
    bare, award = _without_award(tail) if match and not as_written else (tail, "")
    found = _venue_and_year(bare, as_written) if match else None
    if not match or not found or (found[0] and not _KNOWN_VENUE.fullmatch(found[0])):
        return None
    if not found[0] and re.search(r"[^\W\d_]", tail):
        return None  # (words after a year, naming no venue, are the title's: "Language Models, 2020 and Beyond")
    head = _clean(title[: match.start()])
    return (head, *found, award if found[0] else "") if re.search(r"[^\W\d_]", head) else None


def _not_venue(text: str) -> bool:
    """Whether a link's label stands where a venue would ("Code 2023"); a venue may be
    named as a paper's label is ("arXiv", "ACL")."""
    label = _label(text)
    return label in _LABELS - _VENUE_LABELS or not re.search(r"[^\W\d_]", label)


_VENUE_LABELS = {"arxiv", "acl", "ieee", "acm", "springer", "proceedings", "openreview", "preprint"}


def _venue(text: str, as_written: bool = False) -> str:
    """A venue as read: "arXiv" in its capitals, a thesis or report in the words a BibTeX
    import writes (`_work`), unless ``as_written`` (as earlier imports read it)."""
    text = _clean(text)
    if not as_written and (lead := _IN_VENUE.match(text)) and text[lead.end()].isupper() and not _IN_LATIN.match(text) and (
        not lead.group().startswith("In") or ":" in lead.group() or _says_its_kind(text[lead.end() :]) or _KNOWN_VENUE.fullmatch(text[lead.end() :])
    ):
        # (md5) "In" before the proceedings or journal, as IEEE writes it after a quoted
        # title ('"Title," in Proc. KDD, 2019') and other styles after a sentence ("In
        # Proceedings of KDD, 2019"), is no word of the venue's, as before a publisher
        # (`_SENTENCE_START`); a venue's own "In" stays ("In Silico Biology", "In Vivo"),
        # and so does "in press" (no venue, but no name to keep either).
        text = text[lead.end() :]
    return "arXiv" if _ARXIV_VENUE.match(text) else (not as_written and _work(text)) or text


# (md5) "In" before a venue: "in", "In:", or "In" (`_venue`).
_IN_VENUE = re.compile(r"(?:in|In:?)[ \t]+(?=[^\W\d_])")
# (rev112) A venue's own Latin "in", in whatever case: "in Silico Pharmacology" (a
# journal) was "Silico Pharmacology", and a re-import rewrote so the venue an earlier
# import wrote right.
_IN_LATIN = re.compile(r"(?i)in[ \t]+(?:silico|vivo|vitro|situ|vacuo|utero)(?![^\W_])")


def _full_year(year: str) -> str:
    if len(year) == 2:
        return ("19" if int(year) >= _TWO_DIGIT_PIVOT else "20") + year
    return year


def _year_heading(text: str) -> str:
    """The year a heading that is only a year gives ("2024", "２０２４" read as in 0-9)."""
    match = _YEAR_HEADING.match(ascii_digits(text))
    return match.group(1) if match else ""


def _dated_names(text: str) -> tuple[tuple[str, ...], str]:
    """(names, year) of the words before a title that cite its authors and year as lists
    write them ("Vaswani et al. (2017).", "Vaswani and Shazeer, 2017.", "Shannon (1948).",
    "(Vaswani et al., 2017)"): names as `_cited_people`, `_apa` or `_one_author` read them,
    a surname alone only with its year set apart ("Shannon, 1948", not "Coling 2020");
    ((), "") for other words (a venue and year, "(CVPR 2020)")."""
    text = _unlead(text).strip().rstrip(" \t.:,;–—-")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    # (the year at the end: tried where "19" or "20" starts, linear)
    year = re.search(r"((?:19|20)\d{2})[a-z]?(\)?)$", text)
    if not year:
        return (), ""
    head = text[: year.start()].rstrip()
    if year.group(2):
        if not head.endswith("("):
            return (), ""
        head = head[:-1]
    apart = bool(year.group(2)) or head.endswith(",")
    head = head.strip(" \t,")
    alone = head and _one_author(head) and (apart or not _one_name(head))
    names = _apa(head) or _cited_people(head) or ((head,) if alone else ())
    return (names, year.group(1)) if names else ((), "")


def _names_before(before: str) -> tuple[str, ...]:
    """The names an item's words before its title give, as citations write them (APA's,
    with their year, as a bibliography prints them, Chicago's and MLA's, a sentence of
    names); () for none."""
    if not _A_LETTER.search(before):
        return ()  # (most items: only a bullet or a link before the title; each reader says so, slower)
    if names := _apa(before) or _dated_names(before)[0]:
        return names
    if not re.search(r"[\"“:]\s*$", before) and (names := _references_names(before.strip(" .,"))):
        # (not a quoted title's: 'Lovelace, Ada, and Alan Turing. "Title."'; nor a
        # label's, "Image Segmentation, Object Detection: [Title](...)")
        return names
    if cited := _cited(before):
        return cited[0]
    if names := _ieee_names(before):
        # (md4) IEEE's names, a comma before the quoted title: 'A. Author, B. Author,
        # "Title," in Proc. X' gave no authors (a quote ends a Chicago title's names only
        # after a full stop, above)
        return names
    if re.search(r"\.\s*$", before) and (names := _cited_people(before.strip(" ."))):
        return names  # (a sentence of names before the title: "Smith-Miles and Brown. **Title**.")
    if _APART_END.search(before) and (names := _cited_people(before.strip(" \t,-–—"))):
        return names  # (... set apart by a dash or a comma: "Krizhevsky et al. - **Title**", "Krizhevsky and Hinton, **Title**")
    return ()


def _ieee_names(before: str) -> tuple[str, ...]:
    """(md4) IEEE's names before a quoted title, a comma before its quote ('A. Author, B.
    Author, "'): people's or one author's, not words of the dictionary; () for others."""
    if _IEEE_QUOTE.search(before) and (names := _name_list(before.rstrip(" \t\"“").strip(" .,"))) and all(
        _person(name) or _one_author(name) for name in names
    ) and not _field_words(list(names)):
        return names
    return ()


_A_LETTER = re.compile(r"[^\W\d_]")
_IEEE_QUOTE = re.compile(r",\s*[\"“]\s*$")
# A dash or a comma that ends the words before a title (`_names_before`).
_APART_END = re.compile(r"(?:\s[-–—]|,)\s*$")
# Words in brackets right after a title (`_parenthesised_names`).
_BRACKET_FIRST = re.compile(r"[\s*_]*\(([^()]*)\)")


def _apa(text: str) -> tuple[str, ...]:
    """Names written "Surname, I., Surname, I., & Surname, I." (the whole text, but a
    trailing "(2012)."), perhaps cut short by "..." or "et al." ("Vaswani, A. et al.");
    () when the text is anything else."""
    text = re.sub(r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)\W*$", "", text).strip()  # (2020b: APA's second of a year)
    if not text:
        return ()
    names: list[str] = []
    position = 0
    others = False
    while position < len(text):
        match = _APA_NAME.match(text, position)
        if match:
            surname, initials = match.group(1).strip(), _SPACES.sub(" ", match.group(2)).strip()
            if not _NAME.match(surname) or len(surname.split()) > 3:
                return ()
            names.append(f"{initials} {surname}")
            position = match.end()
            continue
        rest = text[position:]
        if (dots := re.match(r"\s*,?\s*(?:\.\.\.|…|et\s+al\b\.?)\s*,?", rest)):
            others = True
            position += dots.end()
            continue
        if rest.strip(" .,&"):
            return ()
        break
    return tuple(names) + (("others",) if others and names else ())


# What stands between a citation's authors and its quoted title, as Chicago (author-date:
# 'Lovelace, Ada, and Alan Turing. 2020. "Title."') and MLA ('Lovelace, Ada, et al.
# "Title."') write it: the names, a full stop, perhaps the year and another.
_CITED_END = re.compile(r"""(?:\.\s*+\(?((?:19|20)\d{2})[a-z]?\)?)?\.\s*+["“]?\s*+$""")
# (A comma before the last name's "and" or "&", as the Oxford comma: "Lovelace, Ada, &
# Alan Turing" left an empty name between the comma and the "&", and so no authors.)
_CITED_SPLIT = re.compile(r",\s*(?:(?:and|&)\s+)?|\s+and\s+|\s*&\s*")


def _cited(text: str) -> tuple[tuple[str, ...], str] | None:
    """(names, year) from the words before a quoted title written as Chicago and MLA
    cite ("Lovelace, Ada, and Alan Turing. 2020. "): the first name surname first, the
    others given name first; None when the text is anything else."""
    text = _unlead(_SPACES.sub(" ", text)).strip()
    end = _CITED_END.search(text)
    if not end:
        return None
    names_text = text[: end.start()].strip()
    if re.search(r"(?:^|[\s.])[^\W\d_]$", names_text):
        names_text += "."  # (an initial's full stop: "Hopper, Grace M.")
    others = re.search(r",?\s+et\s+al$", names_text)
    if others:
        names_text = names_text[: others.start()]
    parts = [part.strip() for part in _CITED_SPLIT.split(names_text)]
    if not names_text[len(parts[0]) :].lstrip().startswith(","):
        return None  # (the first name surname first, then a comma: "Smith-Miles and Brown" are two surnames)
    if len(parts) < 2 or any(not _NAME.match(part) or _is_label(part) for part in parts):
        return None
    surname, given, rest = parts[0], parts[1], parts[2:]
    if len(surname.split()) > 3 or len(given.split()) > 3 or any(not 2 <= len(p.split()) <= 5 for p in rest):
        return None
    if _given_first(surname) and _given_first(given):
        # (names each given name first, "Ada Lovelace, Mike Lewis. [Title](...)", as most
        # lists write them, not "Lovelace, Ada": they were 'Mike Lewis Ada Lovelace'. A
        # surname of two words is written with its particle, "van der Maaten, Laurens";
        # "García Márquez, Gabriel José" reads as two people here, as it would to a reader.)
        return tuple(parts) + (("others",) if others else ()), end.group(1) or ""
    names = (f"{given} {surname}", *rest) + (("others",) if others else ())
    return names, end.group(1) or ""


def _parenthesised_names(text: str) -> tuple[str, ...]:
    """The names a title's last parenthesis holds, cut short by "et al." as some lists
    write them after a title: "(Noh, Hong, Han et al.)", "(Ada Lovelace, Alan Turing et
    al.)" (`_cited_people`); () for other words, and for surnames mixed with full names,
    "(Springenberg, Jost Tobias et al.)", where the comma may be a surname's and the names
    are not told apart: left in the title for the curator."""
    if not _NAMES_END.search(text.rstrip()):
        return ()
    names = _cited_people(text.strip())
    people = [name for name in names if name != "others"]
    if len({" " in name for name in people}) != 1:
        return ()
    return names


# The first words of a list's news after its date ("[2024/05] We released …", "[2024/03]
# Our survey is accepted …", "[2024/01] New: …"), in lower case.
_NEWS_LEADS = frozenset("""
    we our this new released release releasing added add adding update updated
    updates check paper papers code accepted congratulations congrats welcome join thanks happy
    excited glad announcing announcement launched launch news note introducing
""".split())
# An article first is a title's as often as news' ("[2023/11] A Survey on Large Language
# Model based Autonomous Agents", "[2024/05] The code is released"): read by its words'
# case then.
_ARTICLES = frozenset(("a", "an", "the"))
# What news says of a paper, wherever in its words: "... is now on arXiv", "... are accepted",
# "... Reaches 1,000 Stars".
_NEWS_SAYS = re.compile(
    r"(?i)\b(?:is|are|was|were|got|gets|has\s+been|have\s+been)\s+(?:now\s+)?"
    r"(?:accepted|released|available|out|online|published|on\s+arxiv)\b"
    r"|\b\d[\d,.]*\s*k?\+?\s+(?:stars|citations|downloads|users)\b"
)


def _title_after_date(text: str) -> bool:
    """Whether the words after an item's date in brackets start with a paper's title, as
    lists that date every entry write it ("AutoAgents: A Framework for Automatic Agent
    Generation. (Peking University) [[paper](…)]"): a capitalised first word that no
    news starts with (`_NEWS_LEADS`), and a name before a colon or words in title case."""
    first = _first_sentence(text.strip())[0]
    words = first.split()
    if len(words) < 3 or not words[0][:1].isupper() or words[0].rstrip(":").casefold() in _NEWS_LEADS:
        return False
    if _NEWS_SAYS.search(first):
        return False  # ("Survey of Large Language Models is now on arXiv")
    if (named := re.match(r"[^\s:]{2,40}:\s+(\S+)", first)) and words[0].casefold() not in _ARTICLES:
        # ("AutoAgents: …", "CGMI: …"; not "Hello World: Our New Benchmark Is Out")
        return named.group(1).casefold() not in _NEWS_LEADS
    long = [word for word in words if len(word) > 3 and word[:1].isalpha()]
    return bool(long) and sum(word[:1].isupper() for word in long) >= 0.75 * len(long)


def _given_first(name: str) -> bool:
    """Whether ``name`` reads as a name written given name first, "Ada Lovelace", "Noah A.
    Smith": two capitalised words or more, no particle, its last word no initial."""
    words = name.split()
    return len(words) >= 2 and words[0][0].isupper() and not _INITIALS.fullmatch(words[-1] + " ") and all(
        word[0].isupper() and word.casefold() not in _PARTICLES for word in words
    )


def _quoted_title(unit: _Unit, end: int, links_paper: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The title a citation puts in quotes after its authors, among the item's first
    ``end`` spans ('Lovelace, Ada. 2020. "Title." *Venue*.'), and the spans it was read
    from (split off the words around it); None when the item is no such citation."""
    text = _join(unit.spans[:end])
    for opening in re.finditer(r"[\"“]", text):
        if _cited(text[: opening.start()]) is None and not (links_paper and _ieee_names(text[: opening.end()])):
            # (md5: or IEEE's names, 'J. Smith, "Title," in Proc. KDD, 2019', where the
            # item links its paper or is such a reference (`_unlinked_reference`); rev112:
            # not any item, as a name, a comma and words in quotes with a year are also a
            # list's prose: 'Alice Smith, "Best Reviewer," NeurIPS, 2019', 'Fei-Fei Li,
            # "ImageNet," dataset, 2009' were imported as papers)
            continue
        closing = re.compile(r"[\"”]").search(text, opening.end())
        title = _clean(text[opening.end() : closing.start()]) if closing else ""
        if not title:
            return None
        first = _split_spans(unit, opening.end())
        return title, (first, _split_spans(unit, closing.start()))
    return None


def _split_spans(unit: _Unit, offset: int) -> int:
    """The index of the span that starts at the ``offset``-th character of the unit's
    text, splitting the span there in two."""
    position = 0
    for index, span in enumerate(unit.spans):
        if position == offset:
            return index
        if position < offset < position + len(span.text):
            cut = offset - position
            unit.spans[index : index + 1] = [replace(span, text=span.text[:cut]), replace(span, text=span.text[cut:])]
            return index + 1
        position += len(span.text)
    return len(unit.spans)


def _split_cell_spans(unit: _Unit, offset: int) -> int:
    """`_split_spans` in a table's row: its cells' span ranges moved past the new span."""
    count = len(unit.spans)
    cut = _split_spans(unit, offset)
    if len(unit.spans) > count:
        unit.cells = {role: (first + (first >= cut), end + (end >= cut)) for role, (first, end) in unit.cells.items()}
    return cut


def _italics(spans: list[_Span]) -> list[str]:
    """The words of each run of italics among ``spans``, outside links, as values
    (`_clean`): where a citation sets a journal's name, never an author's ("- *Water*,
    2020", MDPI's journal; "- Shannon, 1948" is a name)."""
    runs: list[str] = []
    previous = False
    for span in spans:
        italic = span.em and span.link < 0
        if italic and previous:
            runs[-1] += span.text
        elif italic:
            runs.append(span.text)
        previous = italic
    return [_clean(run) for run in runs]


def _among(words: str, authors: tuple[str, ...]) -> bool:
    """Whether words read as a venue are the names ``authors`` holds, each ("Vaswani and
    Shazeer", "Alan Turing" after "Ada Lovelace,"): the item names its authors there, not
    where the paper was published; or one's surname after the initials the venue's
    reader split off at their full stops ("Le Cun" of "Y. Le Cun, 1998"), or the last
    written as Vancouver writes it ("Shazeer N" of "Vaswani A, Shazeer N, 2017")."""
    said = _clean(words)
    return bool(authors) and (
        set(_name_list(words) or (said,)) <= set(authors)
        or any(_INITIALS.fullmatch(author[: -len(said)]) for author in authors if author.endswith(" " + said))
        or bool((vancouver := _VANCOUVER.fullmatch(said)) and _initials_first(vancouver) in authors)
    )


def _emphasised_venue(spans: list[_Span]) -> str:
    """The first italic words among ``spans``, outside links, without a leading "In": a
    citation's venue."""
    start = next((i for i, s in enumerate(spans) if s.em and s.link < 0 and s.text.strip()), None)
    if start is None:
        return ""
    end = start
    while end < len(spans) and spans[end].em and spans[end].link < 0:
        end += 1
    return _venue(re.sub(r"^\s*In\s+", "", _join(spans[start:end])))


# Lower-case words of a name ("Luc Van Gool", "Ludwig van Beethoven", "Oriol de la Cruz").
_PARTICLES = frozenset("van von der den de del della di da dos du la le ter bin al".split())


def _byline(text: str) -> tuple[str, ...]:
    """The names an item gives right after its title, and before its venue and year, as
    many lists write them: " - Xuezhi Wang, Jason Wei. (ICLR 2023)"; () when the words
    after the title are anything else. Two names at least, each of two words or more,
    capitalised, no organisation's, and a venue or year after them: a description after a dash ("- Vision
    Transformers, Diffusion Models") says neither."""
    text = text.replace("et al.", "et al;")
    parts = _byline_parts(_PARTS, text, re.Pattern.split)
    if parts and _CUT_AT_INITIAL.search(parts[0]) and (
        not (found := _venue_and_year(parts[1])) or _one_author(found[0])
    ):
        # (the names were cut at a middle initial's full stop, "Ada Lovelace, Noah A.
        # Smith, ICLR 2022" by "Noah A", and "Smith, 2022" is no venue: read with the
        # initials kept; not Vancouver's last initial before its venue, "He K, Sun J.
        # CVPR 2016")
        # (and a journal's abbreviated name kept whole, `_split_parts`: "K. He, Neural
        # Netw. 2019" is by no "Neural Netw")
        parts = _byline_parts(_NAMES_PARTS, text, _split_parts)
    return _people(parts[0]) if parts else ()


def _byline_parts(
    pattern: re.Pattern[str], text: str, split: Callable[[re.Pattern[str], str], list[str]]
) -> list[str]:
    """``text``'s parts as `_byline` reads them (split by ``split``), [] when no part
    after the first holds a venue or year."""
    parts = [part for part in (part.strip(" \t,:*_") for part in split(pattern, text)) if part]
    if len(parts) < 2 or not any(
        found for part in parts[1:]
        for tail in [part] + [part[m.end():] for m in re.finditer(r",\s*", part)]
        if (found := _venue_and_year(tail))
    ):
        return []
    return parts


# A given name and its middle initial, where `_PARTS` cut at its full stop ("Noah A").
_CUT_AT_INITIAL = re.compile(r"[^\W\d_]{2,}\s+[A-Z]$")


def _references_names(text: str) -> tuple[str, ...]:
    """`_people` as a bibliography prints them before a title, the last joined by "and"
    ("A, B, and C", "A and B") or cut short by "et al.": a sentence of two capitalised
    pairs of words is a title as often ("Vision Transformers, Diffusion Models")."""
    return _people(text) if re.search(r"\sand\s|\bet\s+al\b", text) else ()


@_per_parse
def _cited_people(text: str) -> tuple[str, ...]:
    """Names a citation writes before a year, read as people's (`_name_list`): two at
    least, or one and "et al.", each a surname alone (`_one_name`: "Vaswani and Shazeer")
    or a name of two words or more as `_people` reads it ("Ada Lovelace and Alan Turing"),
    no lab's; () when any is no one's name, or those of two words or more are all words
    of the dictionary, a venue's or a field's ("Computer Vision and Pattern
    Recognition"), or surnames alone that are all words of the dictionary and none a
    common surname ("Theory and Practice", not "Brown and Green": `_field_words`)."""
    names = _name_list(text)
    people = [name for name in names if name != "others"]
    full = [name for name in people if " " in name]
    if len(people) < 2 and len(people) == len(names) or not all(
        _person(name) if " " in name else _one_name(name) for name in people
    ):
        return ()
    if people[-1].casefold() in _COUNTRIES:
        return ()  # (a conference's place after its venue: "ACL 2019, Florence, Italy")
    return () if _field_words(full or people) else names


# Countries and states that conferences are held in, as a place after a venue ends
# ("NeurIPS 2018, Montréal, Canada", "NeurIPS 2017 - Long Beach, California"): no
# name's last word. Not those that are surnames too ("Jordan", "France", "Holland",
# "England", "Wales", "Georgia", "Israel").
_COUNTRIES = frozenset("""
    usa uk canada china japan korea italy spain germany austria switzerland
    australia singapore india brazil mexico portugal greece sweden norway denmark finland
    netherlands belgium ireland scotland hungary poland czechia turkey egypt ethiopia
    argentina chile colombia peru thailand vietnam malaysia indonesia taiwan uae qatar
    california hawaii louisiana nevada texas massachusetts washington utah colorado
    arizona oregon florida ontario quebec
""".split())


# (imp38) A conference's city and its state's or country's name (or both) after a venue
# known by name, perhaps with its year, as a paper's or a talk's citation writes them
# ("NeurIPS 2017, Long Beach, CA, USA", "NeurIPS, New Orleans, LA", "ACL 2019, Florence,
# Italy"): left out by `_places` (a record keeps no place), the venue kept. Read, they
# were the venue's words ("NeurIPS New Orleans, LA") or the venue ("CA", after "NeurIPS,
# Long Beach"), and the authors before them lost. Only with the state's or country's
# name: a city's words alone after a venue may be a name ("NeurIPS 2017, Jane Long").
_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM"
    " NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY BC QC ON AB"
).split()
_CONFERENCE_REGION = _alternatives(
    [*_STATES, "USA", "US", "UK", "UAE", "South Korea", "New Zealand", "Hong Kong", "Czech Republic", "France", "Israel"]
    + [country.capitalize() for country in _COUNTRIES if len(country) > 3]
)
# (rev94) Or, without its state's or country's name, a city a table holds, where
# conferences are held or publishers are ("NeurIPS 2017, Long Beach", as a talk's list
# writes it, was of the venue "NeurIPS Long Beach"): no name.
_CONFERENCE_CITIES = (
    *_CITIES, "Long Beach", "Vancouver", "New Orleans", "Montréal", "Lake Tahoe", "Honolulu", "Seoul",
    "Las Vegas", "Salt Lake City", "Seattle", "Venice", "Stockholm", "Lisbon", "Hong Kong", "Kyoto",
    "Brisbane", "Minneapolis", "San Diego",
)
_VENUE_PLACE = re.compile(
    rf"(?P<venue>(?<![^\W_])(?:{_KNOWN_VENUE.pattern})(?:[ \t]*(?:(?:19|20)\d\d|['’]\d\d))?)"
    r"[ \t]*,[ \t]*(?:(?-i:[A-Z][^\W\d_A-Z]+(?:[ \t-]+[A-Z][^\W\d_A-Z]+){0,2})"
    rf"(?:[ \t]*,[ \t]*(?-i:{_CONFERENCE_REGION})(?![^\W_])){{1,2}}|(?-i:{_alternatives(_CONFERENCE_CITIES)}))"
    r"(?=[ \t]*(?:[,.;:()\[\]|]|[-–—]|$))"
)


def _people(text: str) -> tuple[str, ...]:
    """Names written given name first, "Xuezhi Wang, Jason Wei, and Dale Schuurmans" (or
    "Xuezhi Wang et al."), that read as people's: two at least, or one and "et al.", each
    of two words or more, capitalised, no lab's ("Google Research, Meta AI"); () when
    the text is anything else."""
    names = _name_list(text)
    people = [name for name in names if name != "others"]
    if len(people) < 2 and len(people) == len(names) or not all(map(_person, people)):
        return ()
    return () if _field_words(people) else names


def _person(name: str) -> bool:
    """Whether a name reads as a person's: two words or more, capitalised but for a
    name's particles (`_PARTICLES`), no organisation's."""
    words = name.split()
    return len(words) >= 2 and not is_organisation(name) and all(w[0].isupper() or w in _PARTICLES for w in words)


def _field_words(names: list[str]) -> bool:
    """Whether names are all words of the dictionary: a field's ("Image Classification,
    Object Detection", "Theory and Practice"), no one's; names of which one at least ends
    with a common surname are people's ("Brown and Green", "He and Sun", "Grace Hopper":
    `is_surname_word`, as the words alone tell them from a venue's no better)."""
    return all(known_word(word.casefold()) for name in names for word in name.split()) and not any(
        is_surname_word(name.split()[-1]) for name in names if name.split()
    )


@_per_parse
def _name_list(text: str) -> tuple[str, ...]:
    """Names written "Ada Lovelace, Alan Turing and Grace Hopper" (or "... et al.");
    () when any part is no name."""
    text = _clean(text)
    if ends_with_founders_publisher(text):
        # (a publisher's two founders, no authors: "Simon & Schuster", "Little, Brown";
        # after the names, "Sutton and Barto, Taylor & Francis": the names are read alone)
        return ()
    if not text or ("," not in text and " and " not in text and "et al" not in text):
        if not (text and len(text.split()) in (2, 3) and _NAME.match(text)):
            return ()
    others = bool(re.search(r",?\s*\bet\s+al\.?$", text))
    text = re.sub(r",?\s*\bet\s+al\.?$", "", text)
    if inverted := _surname_first(text, others):
        return inverted
    parts = [p.strip() for p in _CITED_SPLIT.split(text)]
    if not parts or any(not _NAME.match(p) or not 1 <= len(p.split()) <= 5 for p in parts):
        return ()
    if _venue_and_year(text) or any(
        _is_label(p) or _KNOWN_VENUE.fullmatch(p) or _work(p) or _PROCEEDINGS_NAMED.search(p) for p in parts
    ):
        return ()  # (nor a venue: "*EMNLP Findings*", "PhD thesis, MIT", md5's "Proc. KDD")
    if len(parts) + others >= 2 and (vancouver := [_VANCOUVER.fullmatch(part) for part in parts]) and all(
        found and (_one_name(found["surname"]) or _particled(found["surname"], capitals=True))
        and not is_organisation(found.group())
        for found in vancouver
    ):
        # (each surname before its initials, as PubMed and Vancouver write them: "He K,
        # Zhang X, Ren S", "Vaswani A, et al."; shown given name first, "K. He", as APA's are)
        parts = [_initials_first(found) for found in vancouver if found]
    return tuple(parts) + (("others",) if others else ())


# Where one author's slot ends in a list that writes each name "Surname, Given": BibTeX's
# "and", a reference manager's ";", "&".
_SLOTS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def _surname_first(text: str, others: bool) -> tuple[str, ...]:
    """Names of which the first at least is written "Surname, Given", given name first
    ("Ian Goodfellow"), and "others" after them when ``others`` (the text was cut short
    by "et al."); () for other names. Two shapes say so by their commas alone:
    BibTeX's and a reference manager's, every slot "Surname, Given" ("Goodfellow, Ian and
    Bengio, Yoshua", "Goodfellow, Ian; Bengio, Yoshua"), and MLA's and Chicago's, the first
    name inverted and the others given name first ("Lovelace, Ada, and Alan Turing"), or
    the first alone before "et al." ("Goodfellow, Ian et al.", "Springenberg, Jost Tobias
    et al."): read as surnames each, "Goodfellow" and "Ian" were two authors. Two words
    alone, "Goodfellow, Ian", stay two surnames ("Vaswani, Shazeer" is as common), and so
    do two before "et al." whose second is no given name's shape ("Noh, Hong, Han et al.":
    three); "Noh, Hong et al." reads as one name: nothing but a list of given names tells
    it from "Goodfellow, Ian et al.", and MLA writes its first author so."""
    if "," not in text or not others and text.count(",") < 2 and not _SLOTS.search(text):
        return ()  # (most names: neither shape can be, its second name or slot missing)
    slots = [slot.strip(" ,") for slot in _SLOTS.split(text)]
    if len(slots) >= 2 and all(slot.count(",") == 1 for slot in slots):
        names = [_inverted(*slot.split(",")) for slot in slots]
        return (*names, *(("others",) if others else ())) if all(names) else ()
    parts = [part.strip() for part in _CITED_SPLIT.split(text)]
    if len(parts) < 2 or not text.strip()[len(parts[0]) :].lstrip().startswith(","):
        return ()  # (a comma after the surname: "Sutton and Barto, ..." are two surnames)
    if not (first := _inverted(parts[0], parts[1])):
        return ()
    rest = parts[2:]
    if not (rest or others) or not all(2 <= len(name.split()) <= 5 and _person(name) for name in rest):
        return ()
    return (first, *rest, *(("others",) if others else ()))


def _inverted(surname: str, given: str) -> str:
    """"Given Surname" from a name written "Surname, Given" ("Goodfellow", "Ian"; "van
    der Maaten", "Laurens"; "Springenberg", "Jost Tobias"; "Hopper", "Grace M."), or ""
    when the two are no such name: a surname of one word or after its particles, and a
    given name of one to three capitalised words or initials."""
    surname, given = surname.strip(), given.strip()
    words = given.split()
    if not (_one_name(surname) or _particled(surname, capitals=True)) or not 1 <= len(words) <= 3:
        return ""
    if not _one_name(words[0]) or not all(_one_name(word) or _INITIALS.fullmatch(word) for word in words[1:]):
        return ""  # (a given name first, then its middle names or initials: "Grace M.")
    if _VANCOUVER.fullmatch(f"{surname} {given}") or is_organisation(f"{given} {surname}"):
        return ""
    return f"{given} {surname}"


def _initials_first(vancouver: re.Match[str]) -> str:
    """A name Vancouver's style wrote (`_VANCOUVER`) as the importer writes it: "K. He"."""
    return ". ".join(vancouver["initials"]) + ". " + vancouver["surname"]


# A name as Vancouver's style writes it: the surname, then the initials in capitals
# without full stops ("He K", "Smith-Miles KA", "van der Maaten L").
_VANCOUVER = re.compile(r"(?P<surname>[^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*)*?)\s+(?P<initials>[A-Z]{1,3})")
