"""What counts as a term of a paper for related papers, and how a shared term is shown.

Terms are counted by scikit-learn's CountVectorizer with `analyse` as its analyzer
(scikit-learn's English stop words and more):
a word starts with a letter, a hyphenated compound is one term and its spellings are one
term ("multi-task" = "multitask"), addresses, sentences saying where the code or the
project page is, words of how abstracts argue, of academic prose in general and of
machine-learning prose ("trained", "datasets", "neural", "machine learning"), and
enumerating numerals are no terms. Showing a term: as the page's own paper writes it,
hyphens (`spelling`) and capitals ("ICL", "CoT": `Spellings.shown`), and never next to
another form of its word: its plural, its initialism or a compound of it ("rules",
"rule-based": `distinct`), nor a term of its stem ("scaling", "scale": related.py drops
those before, by `stems`, as they need no spelling), nor after an acronym a word of its
long form ("NLP", "processing").
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from pathlib import Path

from . import lazyre
from .acronyms import find_definitions
from .topics import _STEMMER

# A word starts with a letter and has at least two characters; bare numbers ("2023",
# "10") say nothing about what two papers share. A hyphenated compound is one term
# ("pre-training", "self-supervised", "in-context"): split, its halves ("pre", "self")
# would make papers related by a prefix.
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+(?:-[^\W_]+)*\b"
_TOKEN = lazyre.compile(TOKEN_PATTERN)
# TOKEN_PATTERN for a text of ASCII alone (nearly every title and abstract): there a
# word character is [A-Za-z0-9_] in either mode, and ASCII classes are told without
# Unicode's tables (10,000 titles and abstracts: 0.57-0.60 s -> 0.37-0.44 s of CPU).
_ASCII_TOKEN = lazyre.compile(r"(?a)\b[a-zA-Z][a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*\b")
# Addresses in abstracts (code, project pages) are no words of the paper: "github",
# "io" or "com" shared by two papers says nothing about their subject.
_ADDRESS = lazyre.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|net|ai|edu|dev|html?)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Spellings of one compound are one term: "multi-task" and "multitask", "pre-training"
# and "pretraining" (a hyphen between two letters goes before tokenising). A page shows
# each shared term as its own paper spells it (``spelling``).
# (Written to start with the hyphen: a pattern that starts with a literal is scanned
# for it, over ten times faster than one that starts with a lookbehind.)
_JOIN = lazyre.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")
_COMPOUND = lazyre.compile(r"(?u)\b[^\W\d_][^\W_]*(?:-[^\W_]+)+\b")


def count_vectorizer():
    # Imported here: scikit-learn takes most of a second to import (0.4-0.7 s with
    # scipy.stats put off: sklearn_text.py), and a rerun whose titles and abstracts did
    # not change needs it not at all. Scratch counts with it; both scratch and updates
    # weigh with its TfidfTransformer, so they give the same bits.
    from .sklearn_text import text_module

    # (`analyse` as the analyzer: scikit-learn counts the terms it gives, and an update
    # tokenises an edited paper with the very same function, without scikit-learn.)
    return text_module().CountVectorizer(analyzer=analyse)


def analyse(document: str) -> list[str]:
    """A document's terms, in order: addresses and the like out (`_without_addresses`,
    which lowercases), `tokens`, then no stop word (`no_terms`: scikit-learn's English
    list, read without importing scikit-learn, and the words of prose). The analyzer
    `count_vectorizer` counts with, and the one an update tokenises edited papers with
    (related.py): a title edit that moves no vector then imports no scikit-learn, a
    seventh of a second of a rerun's CPU in a new process. These are the steps
    scikit-learn's own analyzer takes given this preprocessor, tokenizer and stop words
    (tests/test_related_terms.py: the same terms for any text)."""
    stop = no_terms()
    return [word for word in tokens(_without_addresses(document)) if word not in stop]


def tokens(text: str) -> list[str]:
    """The terms of a preprocessed text, as TOKEN_PATTERN finds them."""
    return (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)


# Words of how abstracts argue, not of what they are about: two papers that both
# "propose" a "novel" "approach" and "conduct extensive experiments" share no subject,
# and shown as shared terms these read as noise. From "perform" on: such words a
# reader found given as the reason two papers are related ("shed, light", "fall,
# short", "times, needs"); being rare, each weighed more than a subject word shared.
# (Subject words that look generic, such as "attention", "transfer" or "exploration",
# are kept: in this field they name methods.) "substantial" goes as "substantially"
# went, and "years" ("in recent years", its only use in the list) as "recent": the
# second audit (see _GENERAL) found them given for unrelated papers.
_RHETORIC = frozenset("""
    propose proposed proposes proposing paper papers work works study studies approach
    approaches method methods novel existing recent recently various significant
    significantly substantially furthermore moreover additionally importantly notably
    respectively specifically particularly effectively efficiently extensive extensively
    experiment experiments experimental result results demonstrate demonstrates
    demonstrated demonstrating show shows showed shown showing achieve achieves achieved
    achieving outperform outperforms outperformed outperforming conduct conducted
    attracted issue issues number problem problems improvement improvements improve
    improves improved improving address addresses addressed addressing introduce
    introduces introduced introducing present presents presented presenting based using
    use used uses leverage leverages leveraged leveraging stateoftheart superior
    effective effectiveness enhance enhances enhanced enhancing offer offers offered
    previous prior widely commonly current currently
    perform performs performed performing performance solve solves solved require
    required requires requiring observe observed observes observation able ranging occur
    occurs occurring produce produces produced relative relatively important potential
    potentially fall falls fact follow follows following handle handles enable enables
    enabling combine combines combining field gain gains gained short summarize directions
    fewer reduce reduces reduced reducing provide provides provided providing evidence
    promise promising rely relies relying wide finding findings does good make makes making
    need needs needed lead leads leading variety known poorly way ways argue argues focus
    focused focuses future affect affects infeasible beneficial benefit benefits increasing
    increasingly consistent consistently aforementioned having despite growing earlier
    technique techniques multiple scenarios presence application applications research
    success successful successfully diverse jointly conventional comprehensive generic
    critical times hard preliminary unlock unlocks informative shed light key crucial
    challenging remain remains remaining lack lacks largely simply impressive tend tends
    especially typically usually new set sets real better best large larger high higher low
    lower strong stronger paradigm ability abilities capability capabilities allow allows
    allowing aim aims explore explores explored exploring investigate investigates
    investigated investigating analyze analyzes analysis analyses insight insights compared
    compare compares comparing constructed advancing encouraging continuously emerged
    extraordinary maximally identifying evaluating selecting searching community past
    given additional like terms finally practical advancements applicable types
    ones varying simple simpler simply directly sequentially build building advanced
    strongly simultaneously researchers remarkable remarkably powerful perspective rest
    notion ideal extremely examine examines empirically empirical discuss discusses
    dedicate cover covers costly conclude choose capturing capture captures capable
    boosting automatically aspects accessible foster fosters indepth tackle tackles
    suggest suggests reveal reveals regarding particular previously quickly publicly
    released sheer second overall significance rich
    available
    necessitate necessitates necessitating outcome outcomes assume assumes assumed assuming
    challenge challenges final choice choices maintain maintains maintaining framework
    frameworks share shares shared sharing
    substantial years
""".split())

# Words of academic prose in general, not of how abstracts argue in this field: they fit
# an abstract of any field and name no object, method or setting (verbs of reporting,
# adverbs of manner, hedges, Latin abbreviations). scikit-learn's list is one of function
# words ("eg", "ie" and "etc" among them, not "et al"), and has a few verbs in one form
# only ("give" and "call", not "gives" and "called"). Larger general lists were weighed
# instead of this one: they add function words, not these (none has "obtain",
# "illustrate" or "carefully"), and some drop words this field names things with
# (SMART's "value", "self", "example"); deriving inflections of scikit-learn's words
# would drop "calls" and "calling" (tool use) and "mining" (of "mine"). So each form is
# written out here. The list is one reading of all 565 terms the shipped list showed
# (the reader review's eleven among them) and of those shown once these went, and then
# once the words of machine-learning prose (_ML_PROSE) went too, not one complaint at a
# time; a word a field here uses as a subject stays a term ("role":
# semantic role labelling; "progress": learning progress; "exploit": in reinforcement
# learning; "support"). From "patterns" on: a second audit judged every shown pair of
# papers that share no topic (215) and 100 that share one, and read each term shown
# for the unrelated ones in every abstract of the list that has it. These are prose in
# each: "patterns" found, "on average", "the basics", "for privacy reasons",
# "implementations", "levels" of difficulty, "numerical" experiments, "verify",
# "measure" progress. Terms of those pairs that name a subject somewhere stay:
# "semantic" parsing, "predict" (performance, the subject of two papers), "process"
# reward, task "vector", "LMs", "complex" tasks (made of subtasks, which papers
# decompose), and "optimized" and "generated", forms of subject words ("optimize" of
# learning to optimize, text generation). ("release" is prose too, as "released" is,
# but dropping it only put another unrelated paper in one's place on a page and took a
# sound one from another.)
_GENERAL = frozenset("""
    hope hopes hoped hoping hopefully possible possibly impossible gives giving gave
    called mainly illustrate illustrates illustrated illustrating apply applies applied
    applying obtain obtains obtained obtaining include includes included including
    careful carefully complete completes completed completing completely help helps
    helped helping followed easily accurately numerous involve involves involved involving
    exhibit exhibits exhibited exhibiting facilitate facilitates facilitated facilitating
    related resulting extra purpose purposes idea ideas report reports reported reporting
    validate validates validated evaluate evaluates evaluated designed motivate motivates
    motivated motivating inspire inspires inspired derive derives derived deriving extend
    extends extended extending emerge emerges emerging define defines defined defining
    broad broader broadly complicated fundamental fundamentally efficacy methodology
    internally explicitly identify identifies identified newer limitation limitations
    et al vs viz cf
    methodologies captured similar certain case cases create creates created creating
    inherent inherently manner counterparts surpass surpasses surpassed surpassing
    consequently basic indicate indicates indicated proven prove proves avoid avoids
    avoided effect effects appropriate comparable distinct magnitude total interact
    interacts public
    patterns average basics reasons implementations levels numerical verify measure
""".split())
# Words of machine-learning prose, not of a subject in it: any paper of the field says
# that it trains a (deep) neural network on datasets in some settings, measures accuracy
# against baselines with metrics and scores, learns with some strategy, and is of AI or
# ML, theoretical or not. Each fits an abstract whatever it is about, and they were
# among the shared terms shown for 54 of the 115 pairs of unrelated papers an audit of
# the shipped list's 609 related pairs found ("trained, datasets", "networks, deep",
# "neural, accuracy", "learner, theoretical"). Sizes and counts go as _RHETORIC's "large", "high", "short"
# and "multiple" went ("small" language models as "large" ones are). A word this field
# also names a subject with stays ("benchmark", "evaluation", "architecture",
# "classification", "efficiency", "input", "output", "errors", "prediction", "memory",
# "optimization", "order", "time", "metric" of metric learning, "theory" of mind or of
# games), as do compounds that name a setting ("single-task",
# "long-horizon": one term each; "large-scale" and "real-world" are a size and prose).
# ("training", "data" and "learning" are in too many papers to count already: see
# related._max_df.) The second audit's (see _GENERAL): "billions" of parameters (a
# count), model and task "families" (a kind, as "types"), the "task-solving" LLM or
# capability.
_ML_PROSE = frozenset("""
    train trains trained learned learns dataset datasets neural deep network networks
    accuracy metrics score scores baseline baselines setting settings standard
    competitive strategy strategies scheme schemes pipeline pipelines ai ml artificial
    intelligence realworld theoretical theoretically phenomenon
    phenomena specific general limited single small smaller smallest long longer
    largescale system systems
    billions families tasksolving
""".split())
# Roman numerals, the marks of "(i) ..., (ii) ... and (iii) ..." ("i", "v" and "x" are
# too short to be terms at all): as shared terms they said two papers both enumerate.
_NUMERALS = frozenset("ii iii iv vi vii viii ix".split())
_PROSE = _RHETORIC | _GENERAL | _ML_PROSE | _NUMERALS
# Words of prose a third audit (a reader's, of the pages) found shown as what two papers
# share ("fusion, task-specific, adaptively", "MTL, negative, alleviate", "survey, NLP,
# systematically"), or in their place once those went ("ICL, demonstrations, stems" of
# "stems from", "MTL, negative, suffer", "minimal"), each read in the abstracts that have
# it. Unlike the words above they stay terms and count toward how alike two papers are:
# taken out of the vocabulary, they (all but the last three) put 21 other links in place
# of 21 of the shipped list's 716, the links lost as often sound ones as noise ("reward,
# process, LLM" of two process-reward papers), those gained as often noise ("English,
# corpus, human" of two papers in no common topic). Only `distinct` passes them over, and
# the next shared term shows in their place: no link changes. A fourth audit (a fresh
# reader's, of the pages) found more, each read in the two abstracts of the pair that
# showed it: "progress" (of "rapid progress in the field"), "gap" ("close this gap"),
# "role" ("plays a fundamental role"), "design" ("we design"), "enhancement",
# "exploit" ("exploit the representations") and "higher-quality" (rationales, traces).
_NOT_SHOWN = frozenset("""
    systematically adaptively alleviate alleviates alleviated alleviating employ employs
    employed employing develop develops developed developing development integrate
    integrates integrated integrating extract extracts extracted extracting relevant
    subsequent subsequently initial initially massive classic classical common changes
    supporting stems suffer suffers suffered suffering minimal
    progress gap gaps role roles design designs designed designing enhancement
    enhancements exploit exploits exploited exploiting higherquality
""".split())


@functools.cache
def no_terms() -> frozenset[str]:
    """The words `count_vectorizer` drops (scikit-learn's English stop words and the
    words of prose above), for what else needs them: the words of a paper in no topic
    offered as keywords (topics.own_keywords). scikit-learn's list is read from the
    module that holds it alone and imports nothing, run on its own: importing
    scikit-learn for it took most of a second of a `check` that needs nothing else of
    it. (Imported already, or moved, it is taken from there.)"""
    text = sys.modules.get("sklearn.feature_extraction.text")
    if text is None:
        found = importlib.util.find_spec("sklearn")  # (finds the package, not running it)
        path = Path(found.origin or "") if found is not None else None
        path = path.parent / "feature_extraction" / "_stop_words.py" if path is not None else None
        spec = (
            importlib.util.spec_from_file_location("_sklearn_stop_words", path)
            if path is not None and path.is_file() else None
        )
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.ENGLISH_STOP_WORDS) | _PROSE
        from .sklearn_text import text_module

        text = text_module()
    return frozenset(text.ENGLISH_STOP_WORDS) | _PROSE


# What every address _ADDRESS finds holds, under its own flags: most abstracts have
# none, and these looks cost half of looking for an address (0.22 s against 0.48 s
# for 10,000 abstracts).
_TOP_LEVEL = lazyre.compile(r"\.(?:com|org|io|net|ai|edu|dev|html?)\b", re.IGNORECASE)


# A sentence that says where the code is ("The code is available at ...", "Source code
# and models will be released", "We release our code"): the data review found "code"
# and "source" given as what two unrelated papers share. Only a short sentence that
# starts by naming the code or its release and says where or that it is released; a
# sentence about code as a subject ("Code generation models ...") says nothing of that.
# (Not the point in "3.5" or "e.g.,"; the point itself goes, as tokenising drops it.)
_SENTENCE_END = lazyre.compile(r"[.!?]\s+")
# (Not code as a subject: "Code generation models are available at ...".)
_CODE_TOPICS = (
    r"\s+(?:generation|llms?|models?|language|completion|search|review|summari\w*|editing"
    r"|repair|understanding|intelligence|reasoning|tasks?|benchmarks?|datasets?|snippets?)"
)
_CODE = r"(?:(?:source|models?|data)\s+(?:and\s+)?)?codes?(?![\w-])(?!" + _CODE_TOPICS + ")"
_CODE_AS_SUBJECT = lazyre.compile(r"codes?" + _CODE_TOPICS)
_CODE_AS_OBJECT = r"(?:(?:the|our|all)\s+)?" + _CODE
_CODE_FIRST = lazyre.compile(r"\s*" + _CODE_AS_OBJECT)
_WE_RELEASE_VERB = r"\s*we\s+(?:will\s+|are\s+|also\s+)?(?:release|open-sourc|make|publish)\w*\s+"
# "We release our code", "we will make the code publicly available", "we open-source
# the code and data", "we are open-sourcing the OpenAGI project's code": the code as the
# object (after at most two words that say whose or which), then nothing but where or
# when ("We make code more readable", "We publish code changes" are about code).
_WE_RELEASE = lazyre.compile(
    _WE_RELEASE_VERB
    + r"(?:(?:the|our|all|its|their)\s+)?(?:[^\W\d_][\w-]*(?:['\u2019]s)?\s+){0,2}?"
    + _CODE
    + r"(?=\s*(?:$|[,;:]|and\b|at\b|on\b|in\b|to\b|via\b|publicly\b|soon\b|upon\b|for\b"
    r"|here\b|online\b|available\b|open\b))"
)
# Where or that it is out: "available at", "released on", "open-sourced.", "can be found
# here", "available upon request" ("available for surface codes" says something else).
_RELEASED = lazyre.compile(
    r"\b(?:available|release[sd]?|open[- ]?sourced?|can\s+be\s+found|hosted|accessible)"
    r"(?:\s+(?:at|on|from|in|here|via|through|under|soon|online|publicly)\b"
    r"|\s+(?:upon|on)\s+request|\s+for\s+(?:download|research|academic|non-commercial)"
    r"|\s*[:.;]|\s*$)"
)
_AVAILABILITY_WORDS = 16
# A sentence that is only a label for the address after it ("Project page: URL.",
# "Code and data: URL"): the metadata review found "page" and "project" given as what
# two papers share. (The address is gone by now: see _without_addresses.)
_LABEL_ONLY = lazyre.compile(
    r"\s*(?:(?:our|the)\s+)?(?:(?:project|source|official)\s+)?"
    r"(?:code|codes|page|website|web\s*page|homepage|demo|videos?|data(?:sets?)?|models?"
    r"|implementation|repository|repo|github)"
    r"(?:\s+(?:and|&)\s+(?:code|data(?:sets?)?|models?|videos?|demo|checkpoints|weights))*"
    r"(?:\s*:|\s+(?:is|are)\s+(?:available|released)(?:\s+(?:at|on|here))?)\s*[.:]?\s*$"
)
# A short sentence that points the reader at the address after it, by releasing
# something or naming the place: "Project page of this work can be found at: URL", "See
# our project page at: URL", "Check the website at URL", "(Our implementation is
# available in URL", "We will open-source the T1 models and the data used to train them
# at URL". It ends on the word that led to the address; a sentence of the paper's
# subject does not end on "at" or a colon (which a split at ". " leaves only where the
# address was: see _without_addresses). One with code as its subject stays ("We release
# code generation benchmarks at URL").
_POINTS_FROM = lazyre.compile(
    r"\s*\(?\s*(?:"
    + _WE_RELEASE_VERB
    + r"|(?:(?:please\s+)?(?:see|check(?:\s+out)?|visit|find)\s+)?(?:(?:the|our|this|more|further)\s+)?"
    r"(?:(?:(?:project|official|supplementary)\s+)?(?:page|website|web\s*page|homepage|site"
    r"|repository|repo|implementation|codebase|toolbox|toolkit|demos?|videos?|materials?"
    r"|details|information|resources|checkpoints|weights|models?|data(?:sets?)?)\b|" + _CODE + "))"
)
_POINTS_AT = lazyre.compile(r"(?:\b(?:at|in|on|from|via|here)\s*:?|:)\s*$")
# What the release sentence opened by _WE_RELEASE may list before its address
# ("We are open-sourcing the OpenAGI project's code, dataset, benchmarks, evaluation
# methods, and demo to foster community involvement in AGI advancement: URL"): between
# the code and the address, what else is released and why, none of it the subject.
_POINTING_WORDS = 32
# What is left of "Check the website at URL for the code and the datasets": released
# things and nothing else.
_ARTIFACT = (
    r"(?:(?:the|our|all)\s+)?(?:(?:source|pre-?trained)\s+)?"
    r"(?:codes?|data(?:sets?)?|models?|weights|checkpoints|videos?|demos?)"
)
_ARTIFACTS_ONLY = lazyre.compile(
    r"\s*(?:(?:for|with)\s+)?" + _ARTIFACT + r"(?:\s*(?:,|&|and|,\s*and)\s*" + _ARTIFACT
    + r")*\s*[.:]?\s*$"
)
# The code named among what a release sentence too long to drop lists ("we release the
# complete recipe -- including datasets ..., the training code and infrastructure, and
# ... a detailed report"): that phrase alone goes, the rest is what the paper made.
_CODE_RELEASED = lazyre.compile(
    r"(?:(?:the|our|its|their|all)\s+)?(?:(?:training|evaluation|inference|full)\s+)?" + _CODE
    + r"(?:\s+(?:and|&)\s+infrastructure)?"
    # (one of a list, or where it is: "We make code more readable" is about code)
    + r"(?=\s*(?:$|[,;:.)]|and\b|&|at\b|on\b|in\b|via\b|publicly\b|soon\b|here\b|online\b"
    r"|available\b|open\b))"
)
# (Written to start with "we": a pattern that starts with a literal is scanned for it.)
_SAYS_RELEASE = lazyre.compile(r"we(?<![\w-]we)" + _WE_RELEASE_VERB.removeprefix(r"\s*we"))
# Each of the patterns above needs "code", "availab", "releas", an address (" . " by
# now) or a label's colon: text without any is left as it is, unsplit (see
# _without_availability).


_LABEL_COLON = lazyre.compile(r":\s*\.")


def _without_availability(text: str) -> str:
    # (A label's colon is followed by its address, which is " . " by now.)
    if not ("code" in text or "availab" in text or "releas" in text or " . " in text
            or ":" in text and _LABEL_COLON.search(text)):
        return text
    parts = _SENTENCE_END.split(text)
    # (The anchored patterns first: most sentences fail them at their first word. The
    # other two only where they may apply: on a short part, and on one that ends where
    # an address was, in the space before its " . ". Inline: a call for each sentence
    # cost more than its patterns.)
    kept = [
        _without_released_code(part) if "code" in part else part
        for part in parts
        if not (
            (_WE_RELEASE.match(part) or _CODE_FIRST.match(part) and _RELEASED.search(part)
             or _LABEL_ONLY.match(part) or len(part) < 120 and _ARTIFACTS_ONLY.match(part)
             or part[-1:] == " " and _POINTS_FROM.match(part) and _points_at(part)
             and not ("code" in part and _CODE_AS_SUBJECT.search(part)))
            and _short_enough(part)
        )
    ]
    return text if kept == parts else " ".join(kept)


def _short_enough(part: str) -> bool:
    words = len(part.split())
    return words <= _AVAILABILITY_WORDS or (
        words <= _POINTING_WORDS and _WE_RELEASE.match(part) is not None and _points_at(part)
    )


def _points_at(part: str) -> bool:
    return _POINTS_AT.search(part, max(0, len(part) - 24)) is not None


def _without_released_code(part: str) -> str:
    release = _SAYS_RELEASE.search(part)
    if release is None:
        return part
    start = release.end()
    return part[:start] + _CODE_RELEASED.sub(" ", part[start:])


# "Machine learning" written out is "ML", the field every paper of such a list is in
# (_ML_PROSE): its "machine" names no subject, and the third audit of the shipped list
# found it given as what unrelated papers share ("vector, machine", "MTL, survey,
# machine", "learner, machine, function"). A machine of another kind stays a term:
# "machine translation", "machine reading", "learning machine".
_MACHINE_LEARNING = lazyre.compile(r"\bmachine(?:\s+|-)learning\b")


# What str.isspace() and a pattern's \s take for a space among ASCII characters.
_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _addresses_out(text: str, lowered: str) -> str:
    """``_ADDRESS.sub(" . ", text)``: each address a " . " (an address ended its
    sentence: see _without_availability). An address holds no space, so only the
    space-separated parts of an ASCII text that hold "://", "www." or a top-level domain
    go through the pattern, whose word starts cost 72 microseconds a text over a whole
    abstract (2,302 of the 10,000-paper list's)."""
    if not text.isascii():  # (other spaces, and lowered may be longer)
        return _ADDRESS.sub(" . ", text)
    places = [found.start() for found in _TOP_LEVEL.finditer(text)]
    for hint in ("://", "www."):
        at = lowered.find(hint)
        while at >= 0:
            places.append(at)
            at = lowered.find(hint, at + 1)
    parts = []
    done = 0
    for at in sorted(places):
        if at < done:
            continue  # (in the part just done)
        start = max([text.rfind(space, done, at) for space in _ASCII_SPACES]) + 1
        ends = [end for end in [text.find(space, at) for space in _ASCII_SPACES] if end >= 0]
        end = min(ends) if ends else len(text)
        parts += [text[done:start], _ADDRESS.sub(" . ", text[max(start, done):end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def _without_addresses(text: str) -> str:
    # What CountVectorizer's own preprocessing does (lowercase), after the addresses go,
    # availability sentences go, "machine learning" is "ml", and compounds are written
    # as one word.
    lowered = text.lower()
    # ("www." in the lowered text: a pattern ignoring case scans without its literal, a sixth
    # of this function's time at 10,000 papers; only "W" lowers to "w".)
    if "://" in text or "www." in lowered or _TOP_LEVEL.search(text):
        text = _addresses_out(text, lowered)
        lowered = text.lower()
    text = _without_availability(lowered)
    if "machine" in text:
        text = _MACHINE_LEARNING.sub("ml", text)
    return _JOIN.sub("", text)


# word -> its English Snowball stem: stemming is the costly part, and related papers ask
# for the same terms again at every update. (Topics' own cache is not this: its
# overrides keep "transferability" apart from "transfer", which shown side by side are
# one word twice.) Bounded by the words of the list, as topics' is.
_STEMS: dict[str, str] = {}


def stems(words: list[str]) -> list[str]:
    """Each word's English Snowball stem; a word is stemmed once per process."""
    cached = _STEMS
    missing = sorted({word for word in words if word not in cached})
    if missing:
        cached.update(zip(missing, _STEMMER.stemWords(missing)))
    return [cached[word] for word in words]


def _stem(word: str) -> str:
    return _STEMS.get(word) or stems([word])[0]


def plural_of(word: str, other: str) -> bool:
    """Whether one of the two words is the other's English plural ("task" and "tasks",
    "bias" and "biases", "policy" and "policies", "analysis" and "analyses"): enough to
    see that two shared terms are one word, not a stemmer (which would also make
    "learn" of "learning")."""
    # ("analysis" and "analyses" are as long: the singular is the one ending in "is".)
    if len(word) < len(other) or (len(word) == len(other) and word.endswith("is")):
        short, long = word, other
    else:
        short, long = other, word
    grows = len(long) - len(short)
    # (Most pairs differ in length by more, or before the last two letters of the
    # shorter, which the rules below change at most: a related list asks this for every
    # pair of its shared terms, 150,000 times at 10,000 papers.)
    if grows > 2 or not long.startswith(short[:-2]):
        return False
    return (
        long in (short + "s", short + "es")
        or (short.endswith("y") and long == short[:-1] + "ies")
        or (short.endswith("is") and long == short[:-2] + "es")
    )


def abbreviates(short: str, long: str, text: str) -> bool:
    """Whether ``text`` (a paper's, lowercased) introduces ``short`` as the initialism of
    the hyphenated ``long``: "in-context learning (icl)", "chain-of-thought (cot)",
    "multi-task learning (mtl)". Shown side by side, the two are one term said twice.
    (Initials alone are not enough: "ssm" starts as "self-supervised" does.)"""
    if "-" not in long or not short.isalpha():
        return False
    initials = "".join(part[:1] for part in long.split("-"))
    if not short.startswith(initials) or len(short) > len(initials) + 1:
        return False
    # The compound, at most two more words ("learning"), then the initialism in parentheses.
    pattern = rf"{re.escape(long)}(?:\s+[\w-]+){{0,2}}\s*\({re.escape(short)}s?\)"
    return re.search(pattern, text) is not None


class Spellings:
    """A paper's terms as it writes them: itself if its text holds it, else its
    hyphenated spelling there ("incontext" -> "in-context"). Its hyphenated words are
    read only then, once: reading every paper's would add a twentieth to the related
    papers of a large list. For showing (``shown``), also in the capitals the paper
    gives them ("ICL", "CoT", "DeepSeek-R1")."""

    def __init__(self, text: str):
        self.written = text  # the title, a newline, the abstract (related._document)
        self.text = text.lower()
        self._hyphenated: list[str] | None = None
        self._known: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self._aligned: str | None = None
        self._long_forms: dict[str, frozenset[str]] | None = None
        # term -> long_form(term): a paper's pairs ask for the same terms again.
        self._long_form_of: dict[str, frozenset[str]] = {}

    def __call__(self, term: str) -> str:
        known = self._known.get(term)
        if known is None:
            if term in self.text:
                known = term
            else:
                if self._hyphenated is None:
                    self._hyphenated = [c for c in self.text.split() if "-" in c]
                known = spelling(term, self._hyphenated)
            self._known[term] = known
        return known

    def long_form(self, term: str) -> frozenset[str]:
        """The words, as terms ("multitask"), of the long form the paper defines the
        acronym ``term`` as: "natural", "language" and "processing" for "nlp" (or "nlps")
        where it writes "Natural Language Processing (NLP)" (acronyms.py's definitions);
        none for a term it defines no acronym as."""
        found = self._long_form_of.get(term)
        if found is None:
            found = self._long_form_of[term] = self._read_long_form(term)
        return found

    def _read_long_form(self, term: str) -> frozenset[str]:
        forms = self._long_forms
        if forms is None:
            # A definition is written "(NLP)" or "(NLPs)": a term whose "(nlp" the text
            # lacks is defined by none, and most papers are then read for none at all
            # (asked for every pair of shared terms, reading them was a tenth of the
            # related papers of a large list).
            if "(" + (term[:-1] if term[-1:] == "s" else term) not in self.text:
                return frozenset()
            forms = self._long_forms = {}
            for definition in find_definitions(self.written):
                words = frozenset(_JOIN.sub("", word) for word in definition.long_form)
                forms[definition.acronym] = forms.get(definition.acronym, frozenset()) | words
            if not forms:
                return frozenset()
        found = forms.get(term)
        if found is None and term[-1:] == "s":
            found = forms.get(term[:-1])
        return found or frozenset()

    def shown(self, term: str) -> str:
        """``self(term)`` in the capitals the paper gives it where they are its own
        choice ("ICL", "CoT", "DeepSeek-R1", "Atari"), else in lower case."""
        shown = self._shown.get(term)
        if shown is None:
            spelled = self(term)
            if self._aligned is None:
                # (A character of the lowercased text for each written one: "İ" lowercases
                # to two.)
                self._aligned = (
                    self.text if len(self.text) == len(self.written)
                    else "".join(c.lower()[:1] for c in self.written)
                )
            shown = self._shown[term] = _as_written(spelled, self.written, self._aligned)
        return shown


_OPENERS = "([{\"'\u201c\u2018 \t"


def _as_written(spelled: str, written: str, lowered: str) -> str:
    # The first form whose capitals are the paper's own choice (see _capitals: "ICL",
    # "CoT"); else a name it capitalises wherever it is free not to ("Atari"); else the
    # lower case. (Most places a term is found are in lower case: one find and one
    # comparison each, and a place in a longer word, "rl" in "world", is no matter
    # there; most capitalised terms are settled at their first capitals.)
    size = len(spelled)
    length = len(lowered)
    title_end = -2  # (not looked for yet)
    shouted = False
    name = None
    lower: list[int] = []
    start = lowered.find(spelled)
    while start >= 0:
        if written.startswith(spelled, start):
            lower.append(start)
            start = lowered.find(spelled, start + 1)
            continue
        end = start + size
        word_end = _word_end(lowered, start, end, length)
        if word_end:
            if title_end == -2:
                title_end = written.find("\n")  # (the title is the first line)
                shouted = title_end > 0 and written[:title_end].isupper()
            form = written[start:end]
            kind = _capitals(form, written, start, word_end, title_end, shouted)
            if kind == _OWN:
                return form
            if kind == _NAME and name is None:
                name = form
        start = lowered.find(spelled, end)
    # (A word the paper also writes in lower case is no name: "Task-aware layEr-wise
    # Distillation", "task-aware filters".)
    if name is None or any(_word_end(lowered, at, at + size, length) for at in lower):
        return spelled
    return name


def _word_end(lowered: str, start: int, end: int, length: int) -> int:
    """Where the word that the term at ``start:end`` is, or whose plural it starts, ends
    ("LLMs" for the term "llm": a topic's keyword in the singular matches the plural on
    its stem, and the reason shown for it read "llm" of a paper that writes only "LLMs");
    0 where the term is part of a longer word ("rl" in "world")."""
    if _whole(lowered, start, end, length):
        return end
    if lowered.startswith("s", end) and _whole(lowered, start, end + 1, length):
        return end + 1
    if (lowered.startswith("es", end) and lowered[start:end].endswith(("s", "x", "z", "ch", "sh"))
            and _whole(lowered, start, end + 2, length)):
        return end + 2
    return 0


def _whole(lowered: str, start: int, end: int, length: int) -> bool:
    before = lowered[start - 1] if start else " "
    after = lowered[end] if end < length else " "
    return not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_")


_RULE, _NAME, _OWN = 0, 1, 2


def _capitals(form: str, written: str, start: int, end: int, title_end: int, shouted: bool) -> int:
    # Capitals inside a word ("ICL", "CoT", "DeepSeek-R1", "task-ID") or before a digit
    # ("R1") are the paper's anywhere, but for a title or a name set in capitals
    # throughout ("NATURAL INSTRUCTIONS"). A first capital alone is the rule's in the
    # title (title case), at a sentence's start, and in a name of several capitalised
    # words ("Memory Networks", "Reinforcement Learning (RL)"); inside a sentence of the
    # abstract, standing alone, it may be a name ("Atari games", "Llama 3.1").
    if _own_capitals(form):
        if start < title_end and shouted:
            return _RULE
        if len(form) > 3 and form.isupper():
            before = _word_before(written, start, title_end)[0]
            after = _word_after(written, end)
            if len(before) > 3 and before.isupper() or len(after) > 3 and after.isupper():
                return _RULE
        return _OWN
    if start < title_end or _opens_sentence(written, start, title_end) or form[:1].islower():
        return _RULE
    after = _word_after(written, end)
    if after[:1].isupper() or after == "(":
        return _RULE
    before, begin = _word_before(written, start, title_end)
    if before[:1].isupper() and (
            before.lower() not in _LEADING or not _opens_sentence(written, begin, title_end)):
        return _RULE
    return _NAME


def _own_capitals(form: str) -> bool:
    for part in form.split("-"):
        rest = part[1:]
        if rest != rest.lower():
            # (A word that starts in lower case has them after its first letter and at
            # its end, "mAP", "vLLM", "mT5": "layEr-wise Distillation (TED)" and "pAtch
            # tokeN Embeddings" pick the letters of an initialism.)
            if part[:1].isupper() or rest[:1].isupper() and not part[-1:].islower():
                return True
        elif rest[:1].isdigit() and part[:1].isupper():
            return True
    return False


# Words that start a sentence before a name ("In Atari games"), not a name's first word
# ("Memory Networks are").
_LEADING = frozenset(
    "a an the in on at of for to from with by we our this these those its their as and or"
    " but when while unlike like".split()
)


def _opens_sentence(written: str, start: int, title_end: int) -> bool:
    before = start - 1
    while before > title_end and written[before] in _OPENERS:
        before -= 1
    # (")" ends the mark of an item: "(2) Diversity in students")
    return before <= title_end or written[before] in ".!?:)"


def _word_before(written: str, start: int, title_end: int) -> tuple[str, int]:
    # The word right before ``start`` (a space between), and where it begins; "" where
    # a mark or the title's end stands between ("Atari, Go", "(Memory").
    if written[start - 1:start] != " " or start - 1 <= title_end:
        return "", start
    begin = max(written.rfind(" ", 0, start - 1), title_end) + 1
    word = written[begin:start - 1].lstrip(_OPENERS)
    return (word, start - 1 - len(word)) if word[-1:].isalnum() and word[:1].isalnum() else ("", start)


def _word_after(written: str, end: int) -> str:
    # The word right after ``end`` (a space between), "(" for a parenthesis, or "".
    if written[end:end + 1] != " ":
        return ""
    stop = written.find(" ", end + 1)
    word = written[end + 1:stop if stop >= 0 else len(written)]
    return "(" if word[:1] == "(" else word if word[:1].isalnum() else ""


def distinct(words: list[str | None], count: int, spelled: Spellings | None = None) -> list[str]:
    """The first ``count`` words, skipping a word of prose not shown (``_NOT_SHOWN``),
    a word that is the plural or singular of one already taken, a hyphenated compound with a part of its stem or a part of one
    ("rule-based" and "rules", "zero-shot" and "shot", as the paper's ``spelled``
    hyphenates them, if given), or (given ``spelled``) its initialism or what it
    abbreviates (heaviest first, so the form that weighs more is shown), or a word of
    the long form of an acronym taken ("processing" after "NLP" where the paper writes
    "natural language processing (NLP)"; not the other way round: the acronym says
    more than one of its words, "DPO" than "direct")."""
    taken: list[str] = []
    # The stems of the parts of the compounds taken: few shared terms are compounds, so
    # most words are stemmed for none of this.
    parts: set[str] = set()
    # (The paper's spellings read directly: most are known from the page's other pairs,
    # and a call for each word cost more.)
    known = spelled._known if spelled is not None else {}
    long_forms = spelled._long_form_of if spelled is not None else {}
    # (Loops, not any() over generators, and the two tests' first looks made here: most
    # pairs differ in length by more than a plural does and start differently. Under half
    # the time, which pays for part of looking up each shown term's capitals.)
    for word in words:
        if word is None:  # (the end of a related pair's terms: related._row_results)
            break
        if word in _NOT_SHOWN:
            continue
        written = known.get(word) or (spelled(word) if spelled is not None else word)
        own = _part_stems(written) if "-" in written else None
        for kept in taken:
            if (-3 < len(word) - len(kept) < 3 and plural_of(word, kept)
                    or spelled is not None and word[:1] == kept[:1]
                    and _one_initialism_of_other(word, kept, spelled)
                    or spelled is not None and len(kept) < 13 and word in (
                        long_forms[kept] if kept in long_forms else spelled.long_form(kept))
                    or own is not None and (_STEMS.get(kept) or _stem(kept)) in own):
                break
        else:
            if parts and (_STEMS.get(word) or _stem(word)) in parts:
                continue
            taken.append(word)
            if own is not None:
                parts |= own
            if len(taken) == count:
                break
    return taken


# compound as written -> the stems of its parts: the same compounds come back in many
# pairs. Bounded by the compounds of the list.
_PARTS: dict[str, frozenset[str]] = {}


def _part_stems(compound: str) -> frozenset[str]:
    found = _PARTS.get(compound)
    if found is None:
        found = _PARTS[compound] = frozenset(stems(compound.split("-")))
    return found


def _one_initialism_of_other(a: str, b: str, spelled: Spellings) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    # (An initialism is short and starts as its compound does: most pairs need no
    # spelling looked up.)
    if len(short) > 6 or short[:1] != long[:1]:
        return False
    return abbreviates(spelled(short), spelled(long), spelled.text)


def spelling(term: str, hyphenated: list[str]) -> str:
    """How a paper writes ``term``, given its lowercased words that hold a hyphen: the
    first hyphenated spelling of it, else the term itself."""
    # (A term keeps a hyphen next to a digit: "gpt-4omini" of "gpt-4o-mini".)
    bare = term.replace("-", "")
    for chunk in hyphenated:
        # Word by word (an address or a compound never spans a space), and only the
        # words that may hold the term go through the patterns.
        if bare in chunk.replace("-", ""):
            for word in _COMPOUND.findall(_ADDRESS.sub(" ", chunk)):
                if _JOIN.sub("", word) == term:
                    return word
    return term
