"""Authors' names: which are organisations', and how a name is shown.

A name is kept as the curator (or the importer) wrote it. Most are "First Last"; a name
whose surname has two words is written surname first, as BibTeX writes it ("García
Márquez, Gabriel"), since BibTeX would read "Gabriel García Márquez" as the surname
"Márquez": the citation keeps it whole, and pages show it "Gabriel García Márquez". A name in Chinese, Japanese or Korean script is written as those
languages write it, surname first without a space ("赵鑫"): sources that split it write
"赵, 鑫" (surname, comma, given name), as they write every name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from generator.quoting import quoted
from .wordtables import in_dictionary

# BibTeX splits every name into first and last names, so "Google DeepMind" would be cited
# as "DeepMind, G."; a name in braces is one unit. The YAML does not mark organisations:
# a name is taken for one when it holds a word no person's name holds (an organisation's
# kind, a few labs' own names, "AI" in capitals) or a character none holds (@, &, a
# digit), or the word "and", which would split it into two authors. Bracing a person by
# mistake costs little (the name is printed whole, not abbreviated); a company read as
# a person is cited wrongly. A publisher's words too ("O'Reilly Media", "Packt
# Publishing", "DeepMind Blog", "Springer-Verlag"; a corpus, "Penn Treebank"), and
# "Press" after an acronym of three capitals or more ("MIT Press", "CRC Press", "IEEE
# Press"), "Academic" or a university's name, its press's ("Yale Press", "Oxford Press"): after a given name or initials it is a surname ("Ofir Press",
# "W. H. Press", and "WH Press", as a BibTeX "Press, WH" gives it: two capitals are a
# person's initials; three, "WHT Press", are read as a publisher's). Publishers named after
# their founders, whose names read as a person's, are named: "Morgan Kaufmann",
# "Prentice Hall", "Addison-Wesley", "McGraw-Hill" (a word alone, "Springer", "Wiley",
# is a surname as often: "Jane Springer").
_ORGANISATION = re.compile(
    r"(?i:\b(?:and|teams?|labs?|laborator(?:y|ies)|group|consortium|collaboration"
    r"|institute|universit\w*|universidad|college|academy|inc|ltd|llc|gmbh|corporation"
    r"|corp|company|foundation|society|association|committee|council|cent(?:er|re)"
    r"|department|initiative|workshop|project|research|organi[sz]ation|alliance"
    r"|contributors|developers|publish(?:ing|ers?)|publications|media|blog|verlag|treebank)\b)"
    r"|\b(?:AI|DeepMind|Google|Microsoft|NVIDIA)\b|[@&0-9]"
    r"|\b(?:[A-Z]{3,}|Academic|Yale|Harvard|Princeton|Stanford|Cambridge|Oxford|Columbia|Chicago|Cornell)\s+Press\b"
    r"|\b(?:Morgan\s+Kaufmann|Prentice[\s-]Hall|Addison[\s-]Wesley|McGraw[\s-]Hill)\b"
)
_LETTER = re.compile(r"[^\W\d_]")
# Publishers named for two founders, joined by "&", "and" or a comma, as a citation joins
# two authors' names: "Simon & Schuster, 2019" and "Little, Brown, 2019" were by "Simon"
# and "Schuster", "Little" and "Brown". Named: nothing else tells them from two surnames.
_FOUNDERS = re.compile(
    r"(?:Simon\s*(?:&|and)\s*Schuster|Little,?\s+Brown(?:\s+(?:&|and)\s+Company)?"
    r"|Taylor\s*(?:&|and)\s*Francis|Chapman\s*(?:&|and)\s*Hall(?:/CRC)?"
    r"|Farrar,\s*Straus(?:,?\s*(?:&|and)\s*Giroux)?|John\s+Wiley\s*(?:&|and)\s*Sons)"
)
# BibTeX's "Jr" part, in "Last, Jr., First".
_SUFFIX_PART = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")


# A company's legal form, written after its name and a comma: "Meta, Inc.", "Acme, Ltd".
# A reference manager writes such an author as it is named, in the one field of an
# organisation's name (Zotero's RIS "AU  - Meta, Inc."), and BibTeX's reading, "Last,
# First", made it "Inc. Meta". Not forms that read as a person's initials ("AG", "S.A.",
# "N.V.": "Smith, S.A." is Smith's).
_LEGAL_FORM = re.compile(r"(?:Inc|Ltd|Corp|Co|Pty\.? Ltd|S\.p\.A)\.?|LLC|LLP|GmbH|plc|PLC|Limited|Corporation")


_COMPANY = re.compile(rf"[^,{{}}\\]*[^\W\d_][^,{{}}\\]*,\s*(?:{_LEGAL_FORM.pattern})")


def is_company_written(name: str) -> bool:
    """Whether ``name``, as a source wrote it, is a company's name with its legal form
    after a comma ("Meta, Inc.", "Acme Robotics, GmbH": _LEGAL_FORM), one author, not
    "Last, First": no braces (a BibTeX name braced is as its writer braced it)."""
    return bool(_COMPANY.fullmatch(name.strip()))


def is_suffix(word: str) -> bool:
    """Whether ``word`` is a name's "Jr" part: Jr, Jr., Sr, Sr., II, III, IV."""
    return bool(_SUFFIX_PART.fullmatch(word))


def in_east_asian_script(text: str) -> bool:
    """Whether every letter of ``text`` is a Chinese character, kana or Hangul: a name so
    written has its surname first and no space in it ("赵鑫", "山田太郎", "김민수")."""
    letters = [ch for ch in text if not ch.isspace()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith(_EAST_ASIAN) for ch in letters)


_EAST_ASIAN = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA", "HANGUL")


def source_name(name: str) -> str:
    """A name as its source meant it, before it is split into its parts: IEEE Xplore's
    initials of a hyphenated given name, "T. -Y. Lin" (for Tsung-Yi), as "T.-Y. Lin";
    a name in Chinese, Japanese or Korean script as its language writes it
    (east_asian_written)."""
    return east_asian_written(_SPACED_HYPHEN.sub(".-", name))


# IEEE Xplore's "T. -Y.": a space between an initial's full stop and the hyphen after it.
_SPACED_HYPHEN = re.compile(r"(?<=\b[^\W\d_])\. +-(?=[^\W\d_]\.)")


def east_asian_written(name: str) -> str:
    """A name a source wrote "Surname, Given" in Chinese, Japanese or Korean script ("赵,
    鑫", as Zotero exports every name) as those languages write it, "赵鑫" (read as
    "Given Surname", it was "鑫 赵"); any other name as it is. A name written with a space
    and no comma ("山田 太郎") is kept in the order written."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 2 and in_east_asian_script("".join(parts)):
        return "".join(parts)
    return name


# A publisher's or a site's word that is a surname as well, after a person's initials
# ("J. Media", "A. B. Blog", as "W. H. Press"): no organisation is named with initials.
# After a given name it stays an organisation's ("O'Reilly Media" reads as "John
# Media"): the importer asks where the name stands in its citation
# (markdownlist._surnamed_as_organisation).
_INITIALS_SURNAME = re.compile(r"(?:[A-Z][a-z]?\.(?:\s*-\s*|\s*))+(?:Media|Blog)")


def is_organisation(name: str) -> bool:
    """Whether an author's name reads as an organisation's (see _ORGANISATION)."""
    return (
        bool(_ORGANISATION.search(name)) and not _INITIALS_SURNAME.fullmatch(name)
    ) or is_founders_publisher(name)


def is_founders_publisher(text: str) -> bool:
    """Whether ``text`` is a publisher's name made of two founders' ("Simon & Schuster",
    "Little, Brown", "Taylor & Francis": `_FOUNDERS`), which reads as two people's."""
    return bool(_FOUNDERS.fullmatch(text.strip()))


def ends_with_founders_publisher(text: str) -> bool:
    """Whether ``text`` is such a publisher's name, or ends with one after a comma, as a
    list of names before it does ("Sutton and Barto, Taylor & Francis")."""
    return bool(_FOUNDERS_LAST.search(text))


_FOUNDERS_LAST = re.compile(rf"(?:^|,\s*){_FOUNDERS.pattern}\s*$")


def founders_publishers(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names such a publisher (`_FOUNDERS`), each as its start and end,
    at a word's start and ending where the name does (at a mark, a year or the text's
    end): a comma inside one ("Little, Brown") joins no two names, but one before more
    words of a name is a comma between two ("Emily Little, Brown University")."""
    return [found.span() for found in _FOUNDERS_AT_WORD.finditer(text)]


_FOUNDERS_AT_WORD = re.compile(rf"(?<![^\W_]){_FOUNDERS.pattern}(?=\s*(?:[,.;:()[\]]|\d|$))")


def braced_name(name: str) -> str | None:
    """A name a curator braced as in BibTeX ("{Google DeepMind}": one unit), without its
    braces; None for any other name."""
    if len(name) > 2 and name[0] == "{" and name[-1] == "}" and balanced(name[1:-1]):
        return name[1:-1]
    return None


# A pair of braces inside a name braced whole that groups plain text ("{Allen {AI}}", its
# "{AI}" kept in capitals by BibTeX), no TeX command's argument: neither one holding a
# command ("{\\"o}") nor one after a command ("\\c{c}", "\\textsc{AI}", '\\"{o}'), which
# the first alternative matches to leave as written (its braces taken off, "\\cc" is a
# command TeX has not).
_INNER_GROUP = re.compile(r"(\\(?:[A-Za-z]+\s*|[^A-Za-z\s])\{[^{}]*\})|\{([^{}\\]*)\}")


def _ungrouped(match: re.Match[str]) -> str:
    """A command's argument as written; a group of plain text without its braces."""
    return match.group(1) if match.group(1) is not None else match.group(2)


def shown_braced(name: str) -> str | None:
    """A name braced whole as a reader sees it: without its braces, and without the
    braces inside it that group plain text ("{Allen {AI}}" is "Allen AI"; they say how
    BibTeX takes it, as the outer ones do, and were shown on the page and in the
    feeds); None for any other name (`braced_name`). Braces of TeX stay, as written."""
    braced = braced_name(name)
    if braced is None:
        return None
    while (plain := _INNER_GROUP.sub(_ungrouped, braced)) != braced:
        braced = plain
    return braced


def balanced(text: str) -> bool:
    """Whether every brace closes one opened before it, counted as BibTeX counts them
    (a backslash does not escape a brace)."""
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def shown_name(name: str) -> str:
    """A name as a reader sees it: "García Márquez, Gabriel" is "Gabriel García Márquez",
    "King, Jr., Martin Luther" and "Martin Luther King, Jr." are "Martin Luther King Jr.",
    "赵, 鑫" is "赵鑫" (in_east_asian_script); a name braced whole, "{Hugging Face}",
    without its braces (they say how the citations take it, one unit, and are no part of
    the name: `braced_name`); any other name (an organisation's, one partly braced) on
    one line, as written. A suffix is shown without the comma before it (as Chicago's
    style writes it): names are shown joined by commas, and "John Smith, Jr., Ada
    Lovelace" read as three people. (BibTeX needs the comma, "Smith, Jr., John":
    export_bibtex writes each name its own way.)"""
    name = " ".join(name.split())
    if name.startswith("{"):
        braced = shown_braced(name)
        return name if braced is None else " ".join(braced.split()) or name
    if "," not in name or is_organisation(name):
        return name
    parts = [part.strip() for part in name.split(",")]
    if not all(_LETTER.search(part) for part in parts):
        return name  # (each part a name's: ":,:" is no "Last, First")
    if len(parts) == 2 and in_east_asian_script("".join(parts)):
        return "".join(parts)
    if len(parts) == 2:  # "Last, First", or "First Last, Jr." (or "King, Jr." alone)
        return f"{parts[0]} {parts[1]}" if _SUFFIX_PART.fullmatch(parts[1]) else f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and _SUFFIX_PART.fullmatch(parts[1]):
        return f"{parts[2]} {parts[0]} {parts[1]}"
    return name


# Marks bibliographies put beside an author's name for equal contribution or the
# corresponding author: al-folio shows `*∗†‡§¶‖^` after a surname as a superscript
# ("Wilcox*, Albert"), PRISM `#`; others write them before it ("*Pang, Ce") or in TeX
# ($^\dagger$, \textsuperscript{*}, which the importer's plain text leaves "*"). They were kept in the name:
# "Albert Wilcox*" on every page, and not the same author as "Albert Wilcox".
_MARK_CHARS = "*∗†‡§¶‖^#"
# An affiliation's number is such a mark too: "Smith$^{1,2}$", "J.^{1}", "Smith¹"
# (\textsuperscript{1} is read as ^{1} first, see bibtex._authors).
_TEX_MARK = re.compile(
    r"\$\^?\{?(?:\\(?:dagger|ddagger|dag|ddag|ast|star|S|P)|[*∗#†‡§¶])\}?\$"
    r"|\$\^\s*(?:\{[^{}$]*\}|\\[A-Za-z]+|[^{}$\s])\s*\$"
    r"|\^(?:\{[^{}]*\}|\\[A-Za-z]+|[0-9*∗†‡§¶#]+(?:,[0-9]+)*)"
    r"|[¹²³⁰⁴⁵⁶⁷⁸⁹]+"
)
# A name without a character any mark needs: `_MARK_CHARS`, and `_TEX_MARK`'s "$", "^"
# and superscript digits (its every alternative starts with one).
_NO_MARK = re.compile(f"[^{re.escape(_MARK_CHARS)}$^¹²³⁰⁴⁵⁶⁷⁸⁹]*")


def without_marks(name: str) -> tuple[str, str]:
    """``name`` without the marks beside its words (`_MARK_CHARS`, `_TEX_MARK`), and
    those marks (each followed by a space)."""
    if _NO_MARK.fullmatch(name):
        # (Most names: no character either kind of mark needs. Its words as
        # `_marks_read` keeps them, a lone comma's left out; 3.5 µs a name that way,
        # 20,000 names a .bib of 10,000 entries.)
        return " ".join(word for word in name.split() if word != ","), ""
    return _marks_read(name)


def _marks_read(name: str) -> tuple[str, str]:
    """`without_marks` of any name, each word looked at."""
    marks = [found.group() for found in _TEX_MARK.finditer(name)]
    words = []
    for word in _TEX_MARK.sub("", name).split():
        core, comma = (word[:-1], ",") if word.endswith(",") else (word, "")
        kept = core.strip(_MARK_CHARS)
        if kept != core:
            marks += [mark for mark in re.split(r"[\w.'-]+", core) if mark]
        if kept:
            words.append(kept + comma)
    return " ".join(words), "".join(mark + " " for mark in marks)


def author_key(name: str) -> str:
    """What two names of one author list are compared by (`named_twice`): the name as
    read, whatever its case."""
    return unicodedata.normalize("NFC", name).casefold()


def named_twice(names: Sequence[str], people: str = "author") -> str:
    """What is said of an author list (as read: "Doe, Jane" and "Jane Doe" are one)
    that names one author more than once ("Doe, Jane and Roe, Bob and Doe, Jane": pasted
    twice, or another author meant), with where each stands: "names the same author more
    than once ('Jane Doe' as authors 1 and 3); ..."; "" when it names each once. Names
    are compared whatever their case ("J. Doe" may be another person). The list is kept
    as written: which one is the slip, or who was meant, is the curator's to say.
    ``people``: what the list names, "author" or "editor" (an editor list's repeat is
    no author's)."""
    places: dict[str, list[int]] = {}
    for number, name in enumerate(names, 1):
        places.setdefault(author_key(name), []).append(number)
    repeated = [(names[at[0] - 1], at) for at in places.values() if len(at) > 1]
    if not repeated:
        return ""
    said = "; ".join(
        f"{quoted(name)} as {people}s {', '.join(map(str, at[:-1]))} and {at[-1]}" for name, at in repeated
    )
    return (
        f"names the same {people} more than once ({said}); kept as written: delete the one"
        f" too many, or write the {people} meant"
    )


# Common surnames that are words of the dictionary too: English ones of a trade, a
# colour, a place or a bird ("Smith", "Brown", "Miles", "Hill", "Finch"), and Chinese
# ones so romanised ("He", "Sun", "Song"). Told by nothing but the word from a title's or
# a venue's words ("Smith-Miles, 2019" and "Zero-Shot, 2019", "Brown and Green, 2020"
# and "Theory and Practice, 2020"), each is a name as a reader knows it. Not the words a
# title's compound is often made of alone ("case" of "Best-Case", "term" of
# "Long-Term", "box", "law"), and no given name.
SURNAME_WORDS = frozenset("""
    archer bacon baker banks bell berry bird bishop black bond booth bowman brewer brown
    buck bull burns bush butcher cannon carpenter carver chase church clay cook cotton
    crane crow dean ding dove drake duke dyer fan farmer finch fish ford fox frost fuller
    gale gates glass gold graves gray green grey hale hall hardy hart hawk hay he heath
    hill hood hopper horn hunt hunter jay keen king knight lake lamb lane lee long lord
    marsh martin mason meadows miles miller mills moon moss noble page painter pan
    parsons peacock pike pond pope potter price ray reed reeves rice rich rivers rose
    rush sage salmon sands savage sawyer sexton shepherd shields silver singer smith
    snow song spears steel sterling stone stones street summers sun swan tan tang tanner
    temple thatcher thorn turner wade walker wall ward waters weaver wells west white
    winter wolf wood woods wright young
""".split())


# Given names that are words of the dictionary too (lemminflect's, as
# markdownlist.known_word asks it), in lower case: "Frank Press" and "Mark Press" are
# people as "Ofir Press" is, though every word of "Free Press" is the dictionary's as
# theirs are. Not the words a publisher's or a site's name starts with as often ("Rich
# Media", "Cash", "Rock", "Major").
GIVEN_NAME_WORDS = frozenset("""
    amber angel art august basil bill bob brook bud buck carol chase cliff clay dale dawn
    dean don drew earl faith frank gene glen grace grant guy harry hazel heath heather
    holly hope hunter iris ivy jack jade jay jimmy joy ken kit lance lane laurel lee lily
    mark martin mason matt may mike miles morgan nick pat patty peg penny peter ray reed rex rick rob
    robin rod rose ruby rusty sally sandy sue terry tom victor violet wade ward warren
    will wren
""".split())


# Surnames of Chinese and Korean names so romanised (the commonest Chinese
# ones in pinyin, Hong Kong's Cantonese spellings, the commonest Korean ones) that
# lemminflect's dictionary holds as words too, beside those SURNAME_WORDS has ("He",
# "Sun", "Song", "Lee"): "Young Park", "Wen Wen", "Kin Man Lam" and "Wing Kin Sung", real
# authors, were warned of as organisations' (read_as_organisation). Not the function
# words among them ("To", "So", "Do", "Ye"), which end a phrase as often as a name.
# Asked of a name's last word by read_as_organisation alone: the Markdown list's reader
# tells a title's words from names by SURNAME_WORDS, where "Man", "Law" or "Son" would
# read a title's words as a name.
ROMANISED_SURNAME_WORDS = frozenset("""
    fang gong lam law man pang park ran shin sin son sung tam tong wan wen woo yip yuan
""".split())


def is_given_name_word(word: str) -> bool:
    """Whether ``word``, a word of the dictionary too, is a common given name
    (GIVEN_NAME_WORDS): "Frank", "Mark", "Grace"; not "Free", "New", "Open"."""
    return word.casefold() in GIVEN_NAME_WORDS


def is_surname_word(word: str) -> bool:
    """Whether ``word``, a word of the dictionary too, is a common surname (SURNAME_WORDS):
    "Smith", "Brown", "He"; not "Theory", "Practice", "Term"."""
    return word.casefold() in SURNAME_WORDS


# Words of a name the dictionary is asked about: capitalised letters of the Latin alphabet
# alone (a name in another script, with a hyphen, an apostrophe or an initial is a
# person's as far as this can tell).
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")


def read_as_organisation(name: str) -> bool:
    """Whether ``name``, which no word of an organisation's marks (`is_organisation`) and
    which the citations would split into a person's given names and surname, reads as an
    organisation's all the same: two to four capitalised words, every one a word of the
    dictionary ("Hugging Face", "Common Crawl"), the first no given name that is a word
    too ("Grace Hopper": GIVEN_NAME_WORDS), the last no common surname ("Tom Brown":
    SURNAME_WORDS; "Young Park", "Wen Wen": ROMANISED_SURNAME_WORDS). Few people's names
    are made so (most have a word no dictionary holds, "Jane", "Sutskever"), and one that
    is can be written surname first, "Hopper, Grace", which is a person's for sure: a
    name with a comma, a brace, or another character than letters is no such name."""
    words = name.split()
    # (the first word's look-up first: most names' given name is no word of the
    # dictionary, "Jane", and the citations ask this of every name they write)
    if not 2 <= len(words) <= 4 or not _dictionary_word(words[0].casefold()):
        return False
    if not all(_CAPITALISED_WORD.fullmatch(word) for word in words):
        return False
    last = words[-1].casefold()
    if is_given_name_word(words[0]) or last in SURNAME_WORDS or last in ROMANISED_SURNAME_WORDS:
        return False
    # (the rest of the dictionary before the organisation's pattern, which costs more)
    return all(_dictionary_word(word.casefold()) for word in words[1:]) and not is_organisation(name)


def cited_whole(name: str) -> bool:
    """Whether the citations (BibTeX, COinS) take ``name`` whole, as an organisation's:
    a word or character of it says so (`is_organisation`), or it reads as one all the
    same (`read_as_organisation`: "Hugging Face", which BibTeX cited "Face, Hugging").
    The second is a guess, which `check` warns of: braces say it is an organisation's,
    "{Hugging Face}"; a person's is written surname first, "Park, Young". Until then it
    is cited whole, since a person cited whole is printed whole, and an organisation
    cited as a person is cited wrongly (see _ORGANISATION)."""
    return is_organisation(name) or read_as_organisation(name)


def _dictionary_word(word: str) -> bool:
    """Whether lemminflect's dictionary lists the lower-case ``word`` in some form
    ("hugging", "face"), as the table of its words shipped with readinglist says
    (wordtables.in_dictionary: lemminflect itself costs 0.3 s to load, which `check` and
    a rerun need not pay). Not lemmas.known_word's forms its rules make of a word it does
    not list: asked of every name's words, the rules cost 90 us a name no dictionary
    holds, most names (4.6 s for 49,767 made-up names, against 0.1 s)."""
    return in_dictionary(word)
