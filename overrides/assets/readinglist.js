/* The search box's query refinement (why: see generator/search.py, whose refine_query
   is this same rule, used by `readinglist search` and the ranking tests).

   Material posts each query to its search worker; this wraps the page's Worker so the
   search worker receives the refined query, while the box still shows what the reader
   typed. It must load before Material's bundle, which creates the worker. */
(function () {
  "use strict";

  /* lunr's English stop words (lunr.stopWordFilter); tests compare them with lunr.py's. */
  var STOP_WORDS = new Set((
    "a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got " +
    "had has have he her hers him his how however i if in into is it its just least let " +
    "like likely may me might most must my neither no nor not of off often on only or " +
    "other our own rather said say says she should since so some than that the their them " +
    "then there these they this tis to too twas us wants was we were what when where which " +
    "while who whom why will with would yet you your"
  ).split(" "));
  var QUERY_SYNTAX = /^[+\-]|^(?:title|text|tags):|["~]|\^(?=[0-9])|^\*|\*$/;
  /* A word of that syntax that only names a field ("title:the", "+title:the"): the words
     it looks for (search.py's _FIELD_WORD). */
  var FIELD_WORD = /^\+?(?:title|text|tags):([^*~^:"]+)$/;
  var EXACT_BONUS = 3;
  /* What the index writes before an author's name that is a stop word ("_he":
     search.py's NAME_MARK). */
  var NAME_MARK = "_";
  /* The class of the span that holds a result's authors (search.py's AUTHORS_CLASS). */
  var AUTHORS_CLASS = "rl-authors";
  /* "author:" typed as a field, none of the index's; and a word in lunr's syntax that
     may look for such a name (search.py's _AUTHOR_FIELD, _TYPED_NAME). */
  var AUTHOR_FIELD = /^([+-]?)authors?:(?=[^:])/i;
  var TYPED_NAME = /^([+-]?)(text:)?([a-z]+)(\*?)$/i;
  /* A page's link as one word of the index, and a typed URL or host and path
     (search.py's LINK_MARK, _LINK_WORD, _LINK_HOST, link_form). */
  var LINK_MARK = "__";
  /* (Between a link's parts, its "/", "?", "#" or "&": search.py's LINK_STEP, _LINK_PARTS.) */
  var LINK_STEP = "__";
  var LINK_PARTS = /[/?#&]+/;
  var LINK_WORD = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^/]|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\//i;
  var LINK_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/]*\/?/i;
  var LINK_START = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?/;
  var LINK_END = /(?:\.git)?[/?#]*$/;
  var LINK_PART = /[a-z0-9]+/g;
  /* A typed part of a link's path, and how many links it is looked for in at most
     (search.py's _LINK_PATH, LINK_MOST). */
  var LINK_PATH = /[^/]\/+[^/]/;
  /* (And words of letters alone joined by "/", "encoder/decoder": search.py's _slashed_words.) */
  var SLASHED_WORDS = /^\p{L}+(?:\/\p{L}+)+$/u;
  var LINK_MOST = 20;
  /* Where a typed URL may be cut to name a shorter link (search.py's _LINK_CUT). */
  var LINK_CUT = /[/?#&]/;
  var TITLE_BONUS = 20;
  var FUZZY_TITLE = 4;
  var LEMMA_BOOST = 1;
  /* Other spellings the index holds (search.py's variants): a hyphenated word joined,
     a word without its accents. */
  var HYPHENATED = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)+/gu;
  var ASCII = /^[\x00-\x7F]*$/;
  var LETTER = /^\p{L}$/u;

  /* Latin letters that NFKD leaves whole, as search.py's LETTERS writes them. */
  var LETTERS = {
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "Þ": "Th", "þ": "th", "ı": "i"
  };
  var LETTER_KEYS = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

  function fold(word) {
    return word.normalize("NFKD").replace(/\p{M}/gu, "").replace(LETTER_KEYS, function (c) {
      return LETTERS[c];
    });
  }
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;

  var IDENTIFIER = /(?:^|[^0-9.])([0-9]{4}\.[0-9]{4,5})(?:[vV][0-9]+)?(?![0-9])|(10\.[0-9]{4,9}\/[!-~\u00a1-\uffff]+)/;
  /* An old arXiv id in a typed word, and arXiv's own DOI of an id, new or old
     (search.py's _OLD_ARXIV, _ARXIV_DOI, ARXIV_DOI_PREFIX). */
  var OLD_ARXIV = /(?:^|[^a-z.-])([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?\/([0-9]{7})(?:v[0-9]+)?(?![0-9])/i;
  var CLASSED_ARCHIVE = /^(?:cs|math|physics|nlin|q-bio|cond-mat|stat)\./i;
  var ARXIV_DOI = /^10\.48550\/arxiv\.(?:([0-9]{4}\.[0-9]{4,5})|([a-z]+(?:-[a-z]+)?)(?:\.[a-z-]+)?\/([0-9]{7}))(?:v[0-9]+)?$/i;
  var ARXIV_DOI_PREFIX = "10.48550/arxiv.";

  /* The index's map of base forms to their other forms (search.py's lemmas.by_form),
     turned around: form -> its base forms. A Map, so that a typed "constructor" is no
     key of every object. */
  function byForm(inflections) {
    var bases = new Map();
    Object.keys(inflections || {}).forEach(function (base) {
      inflections[base].split(" ").forEach(function (form) {
        if (form) {
          bases.set(form, (bases.get(form) || []).concat([base]));
        }
      });
    });
    bases.forEach(function (found) {
      found.sort();
    });
    return bases;
  }

  /* A typed word that no word of the index begins with is looked for as lunr's fuzzy
     term "W~1" (search.py's FUZZY_LONG, FUZZY_SHORTEST and near say why and how). */
  var FUZZY_LONG = 10;
  var FUZZY_SHORTEST = 3;
  var LETTERS_ONLY = /^\p{L}+$/u;

  function fuzzyDistance(word) {
    return word.length >= FUZZY_LONG ? 2 : 1;
  }

  /* Whether lunr's fuzzy term typed~edits finds word (search.py's near). */
  function near(typed, word, edits) {
    if (edits === 0 || !typed || !word) {
      return typed === word || Math.max(typed.length, word.length) <= edits;
    }
    if (typed[0] === word[0] && near(typed.slice(1), word.slice(1), edits)) {
      return true;
    }
    return near(typed, word.slice(1), edits - 1)
      || near(typed.slice(1), word, edits - 1)
      || near(typed.slice(1), word.slice(1), edits - 1)
      || (typed.length > 1 && word[0] === typed[1]
        && near(typed[0] + typed.slice(2), word.slice(1), edits - 1));
  }

  /* The index's words (its config's "vocabulary", search.py's Vocabulary), sorted as
     JavaScript compares strings. */
  function Vocabulary(text) {
    this.words = text ? text.split(" ") : [];
  }

  /* Whether a word of the index begins with prefix (lunr's "prefix*"), or (whole) is
     that word. */
  Vocabulary.prototype.begins = function (prefix, whole) {
    var low = this.first(prefix);
    return low < this.words.length && (whole ? this.words[low] === prefix : this.words[low].startsWith(prefix));
  };

  /* Where the first word not before prefix is, by bisection. */
  Vocabulary.prototype.first = function (prefix) {
    var low = 0;
    var high = this.words.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (this.words[middle] < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  };

  /* The words of the index that begin with prefix, in its order (search.py's starting). */
  Vocabulary.prototype.starting = function (prefix) {
    var low = this.first(prefix);
    var end = low;
    while (end < this.words.length && this.words[end].startsWith(prefix)) {
      end += 1;
    }
    return this.words.slice(low, end);
  };

  /* The index's links by the part of their path after the host, an owner's name; no
     DOI's word. Made once, at the first path typed without its host (search.py's
     Vocabulary.owners, owned). */
  Vocabulary.prototype.owners = function () {
    if (!this.byOwner) {
      this.byOwner = new Map();
      this.starting(LINK_MARK).forEach(function (link) {
        var owner = link.slice(LINK_MARK.length).split(LINK_STEP)[1];
        if (owner && link.indexOf(DOI_MARK) !== 0) {
          if (!this.byOwner.has(owner)) {
            this.byOwner.set(owner, []);
          }
          this.byOwner.get(owner).push(link);
        }
      }, this);
    }
    return this.byOwner;
  };

  /* The words typed~edits finds. */
  Vocabulary.prototype.near = function (typed, edits) {
    return this.words.filter(function (word) {
      return Math.abs(word.length - typed.length) <= edits && near(typed, word, edits);
    });
  };

  /* The word with each hyphenated word in it whose halves hold a slip of the keys
     written as the one hyphenated word of the index it may be ("mutli-task" as
     "multi-task"), where the halves' near words make exactly one joined word the index
     has; else as typed (search.py's corrected_compound says why). */
  var CORRECTION_MOST = 1000;

  function correctedCompound(word, vocabulary, baseForms) {
    if (!vocabulary) {
      return word;
    }
    return word.replace(HYPHENATED, function (compound) {
      if (vocabulary.begins(compound.replace(/-/g, "").toLowerCase())) {
        return compound;
      }
      var halves = compound.split("-");
      var options = halves.map(function (half) {
        var low = half.toLowerCase();
        var slip = LETTERS_ONLY.test(half) && half.length >= FUZZY_SHORTEST && !STOP_WORDS.has(low)
          && !((baseForms && baseForms.get(low)) || []).length && !vocabulary.begins(low);
        return slip ? vocabulary.near(low, fuzzyDistance(low)) : [half];
      });
      if (options.every(function (option, i) { return option.length === 1 && option[0] === halves[i]; })) {
        return compound;
      }
      /* (search.py's CORRECTION_MOST: short halves each near dozens of words made millions.) */
      if (options.reduce(function (count, option) { return count * option.length; }, 1) > CORRECTION_MOST) {
        return compound;
      }
      var made = [[]];
      options.forEach(function (option) {
        var next = [];
        made.forEach(function (before) {
          option.forEach(function (choice) {
            next.push(before.concat([choice]));
          });
        });
        made = next;
      });
      made = made.filter(function (choice) {
        return vocabulary.begins(choice.join("").toLowerCase(), true);
      });
      return made.length === 1 ? made[0].join("-") : compound;
    });
  }

  /* Each hyphenated word of corrected (correctedCompound's of typed) not as typed,
     lower-cased, and the typed word it stands for, put in into (search.py's
     _corrections, Refined.typed: said missing as typed). */
  function corrections(typed, corrected, into) {
    var before = typed.match(HYPHENATED) || [];
    var after = corrected.match(HYPHENATED) || [];
    if (before.length === after.length) {
      /* (Of two slips of one word, the first typed.) */
      before.forEach(function (old, i) {
        if (old.toLowerCase() !== after[i].toLowerCase() && !into.has(after[i].toLowerCase())) {
          into.set(after[i].toLowerCase(), old.toLowerCase());
        }
      });
    }
  }

  /* The hyphenated words of a typed word ranked whole (search.py's _compounds): each
     as typed, lower-cased, then joined, then joined without accents; only those whose
     joined form begins a word of the index (none without a vocabulary). */
  function compoundWords(word, vocabulary) {
    var found = [];
    (word.match(HYPHENATED) || []).forEach(function (compound) {
      var joined = compound.replace(/-/g, "").toLowerCase();
      if (vocabulary && vocabulary.begins(joined)) {
        var spaced = spacedForms(compound).filter(function (form) {
          return vocabulary.begins(form);
        });
        var terms = [compound.toLowerCase(), joined, fold(joined).toLowerCase()].concat(spaced);
        found.push(terms.filter(function (term, i) {
          return terms.indexOf(term) === i;
        }));
      }
    });
    return found;
  }

  /* Whether a word to rank by is a hyphenated word ranked whole (search.py's is_compound). */
  function isCompound(word) {
    return word[0].indexOf("-") >= 0 && word[1].indexOf(LINK_MARK) !== 0;
  }

  /* A URL as the index holds a page's link (search.py's link_form). */
  function linkForm(url) {
    var bare = url.trim().toLowerCase().replace(LINK_START, "").replace(LINK_END, "");
    return LINK_MARK + bare.split(LINK_PARTS).map(function (part) {
      return (part.match(LINK_PART) || []).join("_");
    }).filter(Boolean).join(LINK_STEP);
  }

  /* A DOI as the index holds it (search.py's DOI_MARK, DOI_MARKS, doi_form): lower-cased,
     its ASCII letters and digits as they are, each other character written with "_"
     ("." "_d", "/" "_s", "-" "_h", "_" "_u", any other "_x", its code point in hex and
     "_"), without what ends a DOI pasted from a sentence (DOI_END, an unopened bracket);
     read composed (NFC) first, "e" and U+0301 as "\u00e9". */
  var DOI_MARK = "__doi_";
  var DOI_MARKS = { ".": "d", "/": "s", "-": "h", "_": "u" };
  var DOI_PLAIN = /^[a-z0-9]$/;
  var DOI_END = /[.,;:!?'"/]+$/;
  var DOI_CLOSERS = { ")": "(", "]": "[", "}": "{", ">": "<" };
  function doiForm(doi) {
    return DOI_MARK + Array.from(doiTrimmed(doi.toLowerCase().normalize("NFC")), function (c) {
      if (DOI_PLAIN.test(c)) {
        return c;
      }
      return Object.prototype.hasOwnProperty.call(DOI_MARKS, c)
        ? "_" + DOI_MARKS[c] : "_x" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }
  /* A form written with a symbol the separator splits at ("C++", "R^2", "A/B") as the
     index holds it (search.py's written_term): WRITTEN_MARK and the form lower-cased,
     each character but an ASCII letter or digit "_x", its code point in hex, and "_". */
  var WRITTEN_MARK = "_w_";
  function writtenTerm(word) {
    return WRITTEN_MARK + Array.from(word.toLowerCase().normalize("NFC"), function (c) {
      return DOI_PLAIN.test(c) ? c : "_x" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  /* The form a page writes that a typed word is, with a sentence's punctuation round
     it or not ("C++,", "(C++)": the form as typed tried first, "TD(λ)"), else "":
     search.py's written_form. */
  /* (Not a double quote: Material's phrase, each of its words required: search.py.) */
  var WRITTEN_OPEN = /^[(\[{<'`]+/;
  var WRITTEN_CLOSE = ".,;:!?)]}>'`";
  function writtenForm(word, vocabulary) {
    if (!vocabulary) {
      return "";
    }
    var starts = [word, word.replace(WRITTEN_OPEN, "")];
    for (var i = 0; i < starts.length; i++) {
      for (var form = starts[i]; form; form = form.slice(0, -1)) {
        if (vocabulary.begins(writtenTerm(form), true)) {
          return form;
        }
        if (WRITTEN_CLOSE.indexOf(form[form.length - 1]) < 0) {
          break;
        }
      }
    }
    return "";
  }

  /* The term of a typed word that a page writes so, where the index has it; else "". */
  function writtenIn(word, vocabulary) {
    var form = writtenForm(word, vocabulary);
    return form ? writtenTerm(form) : "";
  }
  function doiTrimmed(doi) {
    function count(text, c) {
      return text.split(c).length - 1;
    }
    for (;;) {
      var trimmed = doi.replace(DOI_END, "");
      var last = trimmed.slice(-1);
      if (Object.prototype.hasOwnProperty.call(DOI_CLOSERS, last)
          && count(trimmed, last) > count(trimmed, DOI_CLOSERS[last])) {
        trimmed = trimmed.slice(0, -1);
      }
      if (trimmed === doi) {
        return doi;
      }
      doi = trimmed;
    }
  }

  /* The DOI a typed word is or holds, else "": of a doi.org address, without its query
     or fragment and with its escaped characters, as doi.org reads it (search.py's
     _DOI_ADDRESS, _ASCII_ESCAPE, typed_doi). */
  var DOI_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:dx\.)?doi\.org\/([^?#]*)/i;
  var ASCII_ESCAPE = /%([0-7][0-9a-f])/gi;
  /* (A publisher's address: its query and fragment, and a last ".pdf", are no part of
     its DOI, as search.py's linked_doi reads a paper's link: _ADDRESS_REST, _PDF_END.) */
  var ADDRESS_REST = /[?#].*$/;
  /* (What opens a DOI or an address in a sentence: search.py's _DOI_OPEN.) */
  var DOI_OPEN = /^[(\[{<'"]+/;
  var PDF_END = /(?:\.pdf)?\/*$/i;
  /* (Nor what it writes after the DOI: a view, "/full"; bioRxiv's version, "v2.full";
     under ".../article/doi/", the article's number and title: search.py's address_doi,
     _VIEW_END, _PREPRINT_END, _ARTICLE_DOI, _ARTICLE_END.) */
  var VIEW_END = /\/(?:full|fulltext|abstract|abs|summary|pdf|epdf|pdfdirect|epub|meta|html|references|figures|citedby)\/*$/i;
  var PREPRINT_END = /^(10\.1101\/[0-9.]*[0-9])(?:v[0-9]+(?:\.[a-z][a-z+-]*)*|(?:\.[a-z][a-z+-]*)+)$/i;
  var ARTICLE_DOI = /\/article\/doi\/10\./i;
  var ARTICLE_END = /\/[0-9]+(?:\/[^\/]*)?$/;
  function addressDoi(doi, address) {
    var trimmed = doi.replace(PDF_END, "").replace(VIEW_END, "").replace(PREPRINT_END, "$1");
    if (ARTICLE_DOI.test(address)) {
      trimmed = trimmed.replace(ARTICLE_END, "");
    }
    return trimmed.search(DOI_TYPED) === 0 ? trimmed : doi;
  }
  /* (A run of escapes as the UTF-8 it spells, "%C3%A9" an "é"; one that spells none with
     its escaped ASCII alone: search.py's _ESCAPES, _unescaped.) */
  var ESCAPES = /(?:%[0-9a-f]{2})+/gi;
  function unescaped(text) {
    return text.replace(ESCAPES, function (run) {
      try {
        return decodeURIComponent(run);
      } catch (error) {
        return run.replace(ASCII_ESCAPE, function (escaped, code) {
          return String.fromCharCode(parseInt(code, 16));
        });
      }
    });
  }
  function typedDoi(word) {
    word = word.replace(DOI_OPEN, "");
    var address = DOI_ADDRESS.exec(word);
    if (address) {
      word = unescaped(address[1]);
    } else if (LINK_WORD.test(word)) {
      word = unescaped(word.replace(ADDRESS_REST, ""));
      var held = IDENTIFIER.exec(word);
      return held && held[2] ? doiTrimmed(addressDoi(held[2], word)) : "";
    }
    var identifier = IDENTIFIER.exec(word);
    return identifier && identifier[2] ? doiTrimmed(identifier[2]) : "";
  }

  /* The old arXiv id a typed word is or holds ("cs/0112017"), else "": not in another
     site's address (search.py's _old_arxiv). */
  function oldArxiv(word) {
    var old = OLD_ARXIV.exec(word);
    if (!old) {
      return "";
    }
    /* (where its archive begins: after the character before it, if any; a host and
       path is an address unless its host is an archive and its subject class,
       "cs.CL/0112017", not "zenodo.org/1234567": search.py's _CLASSED_ARCHIVE) */
    var start = old.index + (/^[a-z]/i.test(old[0]) ? 0 : 1);
    if (LINK_WORD.test(word) && word.match(LINK_HOST)[0].toLowerCase().indexOf("arxiv") < 0 &&
        (start > 0 || !CLASSED_ARCHIVE.test(word))) {
      return "";
    }
    return old[1].toLowerCase() + "/" + old[2];
  }

  /* The word of the index that finds the paper of an arXiv id: a new id as it is, an
     old one ("cs/0112017") as arXiv's own DOI of it, one word, not "cs" and "0112017"
     (search.py's arxiv_term). */
  function arxivTerm(ident) {
    return ident.indexOf("/") >= 0 ? doiForm(ARXIV_DOI_PREFIX + ident) : ident;
  }

  /* The word of the index that finds a page writing an old arXiv id in its text, after
     the id's paper (search.py's MENTION_END, mention_term). */
  var MENTION_END = "_m";
  function mentionTerm(ident) {
    return arxivTerm(ident) + MENTION_END;
  }

  /* The term of the arXiv id whose own DOI a DOI is, if it is one: it finds the paper
     that gives the id alone (search.py's _arxiv_doi_terms). */
  function arxivDoiTerms(doi) {
    var ident = ARXIV_DOI.exec(doi);
    if (!ident) {
      return [];
    }
    return [arxivTerm(ident[1] || ident[2].toLowerCase() + "/" + ident[3])];
  }

  /* The arXiv id, new or old, a typed word is or holds, else "" (search.py's
     _typed_arxiv): what refine looks for, and what a word marked "-" leaves out the
     paper of. (A DOI only past a doi.org address's "?" or "#" is none.) */
  function typedArxiv(word) {
    var identifier = IDENTIFIER.exec(word);
    return identifier && identifier[1] ? identifier[1] : oldArxiv(word);
  }

  /* Whether a typed word is the label of the identifier typed after it ("DOI:" before
     a DOI, "arXiv" before an arXiv id), no word to look for (search.py's _ID_LABEL,
     _labels). */
  var ID_LABEL = /^(?:doi|arxiv):?$/i;
  var SSH_ADDRESS = /^git@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}):\/*/i;
  function labels(word, after) {
    if (!ID_LABEL.test(word) || !after) {
      return false;
    }
    return Boolean(typedDoi(after) || typedArxiv(after));
  }

  /* Whether the index's link is the link form or begins with it whole, at one of its
     parts' end: "github.com/sled" is no start of "github.com/sled-group/x" (search.py's
     link_begins). */
  function linkBegins(link, form) {
    return link === form || link.startsWith(form + LINK_STEP);
  }

  /* Whether the index's link holds a typed link's body (its form without the mark)
     from a word's start, and if whole, to a part's end; else each LINK_STEP read as any
     "_", as in a part of a path typed (search.py's _holds). */
  function linkHolds(link, body, whole) {
    if (!whole) {
      return link.split(LINK_STEP).join("_").indexOf("_" + body.split(LINK_STEP).join("_")) >= 0;
    }
    for (var at = link.indexOf(body); at > 0; at = link.indexOf(body, at + 1)) {
      var end = at + body.length;
      if (link[at - 1] === "_" && (end === link.length || link.startsWith(LINK_STEP, end))) {
        return true;
      }
    }
    return false;
  }

  /* The authors' names that are stop words, as the index holds them ("_he"), that a
     word typed in lunr's syntax looks for: "he*" each beginning with "he", "text:he"
     (and "author:he") the name "He"; "title:he" and "tags:he" none; "+he*" the names
     of "he*", asked unmarked, a page required to have one of them or a word beginning
     "he" (search.py's typed_names and _refine). */
  function typedNames(word, vocabulary) {
    var typed = TYPED_NAME.exec(word);
    if (!vocabulary || !typed || !(typed[2] || typed[4])) {
      return [];
    }
    var start = typed[3].toLowerCase();
    return Array.from(STOP_WORDS).sort().filter(function (stop) {
      return stop.length > 1 && (typed[4] ? stop.startsWith(start) : stop === start)
        && vocabulary.begins(NAME_MARK + stop, true);
    }).map(function (stop) {
      return NAME_MARK + stop;
    });
  }

  /* Whether a word typed in lunr's syntax is a stop word looked for in the text, whole
     ("text:he"; not "he*", "title:he"): no term is asked for it, as Material's "*"
     made it every word beginning "he" (search.py's _text_stop_word). */
  function textStopWord(word) {
    var typed = TYPED_NAME.exec(word);
    return Boolean(typed && typed[2] && !typed[4] && STOP_WORDS.has(typed[3].toLowerCase()));
  }

  /* The index's links a typed word names, and whether it is a URL or a host and path
     (the one word to rank by it gives): a link's start, the longest link a longer URL
     begins with, or each link that holds it from a part's start, at most LINK_MOST
     (held: how many hold it, past that); for a URL that names none (unlinked, as
     shown), the links that share its owner (shared: its longest start cut at a "/" of
     its own, not the host alone), at most LINK_MOST (search.py's links_of). */
  function linksOf(word, vocabulary) {
    /* (length: how much of the typed word is the link, where it goes on past one: the
       rest, ".../tree/main", is no words of the link's) */
    var none = { whole: false, links: [], unlinked: "", shared: "", held: 0, length: word.length, start: false };
    var url = LINK_WORD.test(word);
    if (!url && !LINK_PATH.test(word)) {
      return none;
    }
    var form = linkForm(word);
    if (form === LINK_MARK) {
      return none;
    }
    if (url && (vocabulary.begins(form, true) || vocabulary.begins(form + LINK_STEP))) {
      return Object.assign({}, none, { whole: true, links: [form] });
    }
    var cuts = url ? linkCuts(word) : [];
    var shorter = cuts.find(function (cut) {
      return vocabulary.begins(cut[1], true);
    });
    if (shorter) {
      return Object.assign({}, none, { whole: true, links: [shorter[1]], length: shorter[0] });
    }
    var body = form.slice(LINK_MARK.length);
    var held = vocabulary.starting(LINK_MARK).filter(function (link) {
      return linkHolds(link, body, url);
    });
    if (!url && !held.length) {
      return owned(word, vocabulary);
    }
    if (held.length) {
      return Object.assign({}, none, {
        whole: url, links: held.slice(0, LINK_MOST), held: held.length > LINK_MOST ? held.length : 0
      });
    }
    for (var n = 0; n < cuts.length; n++) {
      var cut = cuts[n][1];
      var shown = shownLink(word.slice(0, cuts[n][0]));
      var shared = vocabulary.starting(cut).filter(function (link) {
        return linkBegins(link, cut);
      });
      var owner = shown.indexOf("/") >= 0;
      if (shared.length || !owner) {
        if (shared.length && owner && shared.length <= LINK_MOST) {
          return Object.assign({}, none, {
            whole: true, links: shared, unlinked: shownLink(word), shared: shown
          });
        }
        if (shared.length && owner) {
          /* (An owner of more links than LINK_MOST: its start finds them all, one
             term; past LINK_MOST its papers were left out: search.py's start.) */
          return Object.assign({}, none, {
            whole: true, links: [cut], unlinked: shownLink(word), shared: shown, start: true
          });
        }
        break;
      }
    }
    return Object.assign({}, none, { unlinked: shownLink(word) });
  }

  /* The links a part of a path typed without its host and held by no link names: those
     whose path begins with its longest start cut at a "/" of its own (or "?", "#",
     "&"), its first part at least, as whole parts ("facebookresearch/sam": the links of
     .../facebookresearch/...), each host's such start one term; none where no link's
     path begins so ("encodr/decoder": words) (search.py's _owned). */
  function owned(word, vocabulary) {
    var none = { whole: false, links: [], unlinked: "", shared: "", held: 0, length: word.length, start: false };
    var cut = new RegExp(LINK_CUT.source, "g");
    var ends = [];
    for (var found; (found = cut.exec(word));) {
      ends.unshift(found.index);
    }
    for (var n = 0; n < ends.length; n++) {
      var typed = linkForm(word.slice(0, ends[n])).slice(LINK_MARK.length).split(LINK_STEP);
      if (typed.length === 1 && !typed[0]) {
        continue;
      }
      var starts = [];
      (vocabulary.owners().get(typed[0]) || []).forEach(function (link) {
        var parts = link.slice(LINK_MARK.length).split(LINK_STEP);
        var start = LINK_MARK + parts.slice(0, 1 + typed.length).join(LINK_STEP);
        if (starts.indexOf(start) < 0 && typed.every(function (part, i) {
          return parts[1 + i] === part;
        })) {
          starts.push(start);
        }
      });
      if (starts.length) {
        return Object.assign({}, none, {
          whole: true, links: starts, unlinked: shownLink(word), shared: shownLink(word.slice(0, ends[n])), start: true
        });
      }
    }
    return none;
  }

  /* Whether a typed word that names these links (linksOf) is words as a sentence
     writes them, not a path pasted: words of letters alone joined by "/" that no link
     holds, even where some links' paths begin with the first ("input/output" and a
     repository of github.com/input), if it is two words (search.py's _typed_words). */
  function typedWords(word, named) {
    return SLASHED_WORDS.test(word)
      && (!named.links.length || (Boolean(named.unlinked) && word.split("/").length === 2));
  }

  /* A typed URL as a note says it (search.py's _shown_link): without its scheme,
     "www.", a last ".git" or "/", and its query or fragment, which no link is told by. */
  var SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?/i;
  var SHOWN_END = /(?:\.git)?\/*(?:[?#][\s\S]*)?$/i;
  function shownLink(word) {
    return word.replace(SCHEME, "").replace(SHOWN_END, "");
  }

  /* The starts of a typed URL, longest first, each [its length, as a link]: cut at each
     "/", "?", "#" or "&" of its own, not inside a part of its path
     ("github.com/lab/repo-v2" is not "github.com/lab/repo"), each of two parts at
     least (search.py's _cuts). */
  function linkCuts(word) {
    var full = linkForm(word);
    var ends = [];
    var cut = new RegExp(LINK_CUT.source, "g");
    for (var found; (found = cut.exec(word));) {
      ends.unshift(found.index);
    }
    var seen = new Set();
    var cuts = [];
    ends.forEach(function (end) {
      var form = linkForm(word.slice(0, end));
      if (form !== full && form.slice(LINK_MARK.length).indexOf("_") >= 0 && !seen.has(form)) {
        seen.add(form);
        cuts.push([end, form]);
      }
    });
    return cuts;
  }

  /* What the box says of a URL no paper links, of the query's answer, and under "No
     page found"; and of a part of a path more than LINK_MOST links hold (search.py's
     unlinked_note, unlinked_tip, held_note, in the same words). */
  function unlinkedNote(named) {
    return "No paper links " + named.unlinked
      + (named.shared ? "; it finds the papers that link " + named.shared : "");
  }
  /* (or a DOI no paper has: search.py's _DOI_TYPED) */
  var DOI_TYPED = /10\.[0-9]{4,9}\/.+/;
  function unlinkedTip(url) {
    if (url.search(DOI_TYPED) === 0) {
      return "No paper has the DOI " + url + ": search for its title, or browse ";
    }
    return "No paper links " + url + ": search for its name without the address, or browse ";
  }
  function heldNote(part, held) {
    return part + " is part of " + thousands(held) + " links: the papers of the first " + LINK_MOST
      + ", by address, are found by it; type more of it to find the others";
  }

  /* The query's terms for the links a typed word names: a link's start (or each of
     an owner's starts, start) an exact term and a prefix one that ends with a part of
     its path (linkBegins), a whole link exact (search.py's link_terms). */
  function linkTerms(word, links, start) {
    if (start) {
      return [].concat.apply([], links.map(function (link) {
        return [link + LINK_STEP, link + "^" + EXACT_BONUS];
      }));
    }
    var form = linkForm(word);
    if (links.length === 1 && links[0] === form) {
      return [form + LINK_STEP, form + "^" + EXACT_BONUS];
    }
    return links.map(function (link) {
      return link + "^" + EXACT_BONUS;
    });
  }

  /* A hyphenated word as the index has it where a page writes it with spaces
     ("_in_context"), and so without accents: search.py's spaced_forms. */
  function spacedForms(compound) {
    var spaced = "_" + compound.toLowerCase().replace(/-/g, "_");
    var forms = [spaced, fold(spaced).toLowerCase()];
    return forms.filter(function (form, i) {
      return forms.indexOf(form) === i;
    });
  }

  /* The terms by which a page finds such a word where it writes it with spaces
     (search.py's spaced_terms). */
  function spacedTerms(word) {
    if (!isCompound(word)) {
      return [];
    }
    var rest = word.slice(1);
    return spacedForms(word[0]).filter(function (form) {
      return rest.indexOf(form) >= 0;
    });
  }

  /* Whether terms (a result's, or found for a page) find the word only written with
     spaces (search.py's by_spaced). */
  function bySpaced(has, word) {
    var spaced = spacedTerms(word);
    return spaced.some(has) && !word.some(function (term) {
      return spaced.indexOf(term) < 0 && has(term);
    });
  }

  /* Whether terms find an old arXiv id only where a page's text writes it: after the
     id's paper (search.py's by_mention). */
  function byMention(has, word) {
    return word.some(function (term) {
      return isMention(term) && has(term);
    }) && !word.some(function (term) {
      return !isMention(term) && has(term);
    });
  }

  function isMention(term) {
    return term.endsWith(MENTION_END) && term.indexOf(DOI_MARK) === 0;
  }

  /* Whether a word to rank by is (a piece of) a form such as "C++" (its last term the
     index's word for it), and whether a page finds it only by its pieces ("C"): after
     the pages that write it (search.py's is_written, by_pieces). */
  function isWritten(word) {
    return word[word.length - 1].indexOf(WRITTEN_MARK) === 0;
  }

  function byPieces(has, word) {
    return isWritten(word) && !has(word[word.length - 1]) && word.slice(0, -1).some(has);
  }

  /* A query with its quotes paired as refineParts reads them (search.py's phrases and
     read_phrases say why): quotes pair from the left, a last one that closes nothing is
     dropped, a phrase is handed on quoted round its words alone (Material then pairs
     those quotes, and only those: each word looked for as itself), a phrase of no words
     is none, and a "-" before a phrase of one word marks it "-" ('-"alpha" codes' was
     "- +alpha codes" to Material). A phrase of two words or more (phraseWords) is also
     one a page must hold, its words next to each other (the worker's withPhrases); one
     marked "-" is handed on as nothing, and leaves out the pages that hold it. A quote
     after a backslash is TeX's ('G\"odel'), dropped. A field before a phrase scopes it
     ('title:"task vectors"', '-title:"task vectors"': its field's name and a colon first
     in the phrase; a word alone is handed on in the field, "+title:task"). */
  function readPhrases(query, separator) {
    query = query.replace(/(?<=\\)"/g, "");
    var quotes = [];
    query.replace(/"/g, function (quote, at) {
      quotes.push(at);
      return quote;
    });
    if (quotes.length % 2) {
      var stray = quotes.pop();
      query = query.slice(0, stray) + query.slice(stray + 1);
    }
    var text = "";
    var at = 0;
    var wanted = new Map();
    var unwanted = new Map();
    for (var i = 0; i < quotes.length; i += 2) {
      var before = query.slice(at, quotes[i]);
      /* ("author:" and "authors:" as "text:", as before a word: search.py's _PHRASE_FIELD.) */
      var scope = /(?:^|(?<=\s))([+-]?)(title|text|tags|[Aa][Uu][Tt][Hh][Oo][Rr][Ss]?):$/.exec(before);
      var mark = scope || /(?:^|(?<=\s))([+-])$/.exec(before);
      var field = scope ? (/^author/i.test(scope[2]) ? "text" : scope[2]) + ":" : "";
      var words = query.slice(quotes[i] + 1, quotes[i + 1]).split(/\s+/).filter(Boolean);
      /* (A phrase with lunr's wildcard or fuzzy mark in it is its words each required
         as typed, not a phrase: search.py's read_phrases.) */
      var wild = words.some(function (word) { return /[*~]/.test(word); });
      var phrase = wild ? [] : phraseWords(words.join(" "), separator);
      var said;
      var scoped = field ? [field].concat(phrase) : phrase;
      if (mark && mark[1] === "-" && phrase.length > 1) {
        said = "";
        unwanted.set(scoped.join(" "), scoped);
      } else if (mark && mark[1] === "-") {
        said = words.map(function (word) { return "+-".indexOf(word[0]) >= 0 ? word : "-" + field + word; }).join(" ");
      } else if (field && (phrase.length < 2 || wild)) {
        said = words.filter(function (word) {
          return !phraseWords(word, separator).every(function (part) { return STOP_WORDS.has(part); });
        }).map(function (word) { return "+" + field + word; }).join(" ");
      } else if (phrase.length > 1 || (wild && words.length > 1)) {
        /* (Each word quoted alone, its stop words left out: search.py's read_phrases.) */
        said = [].concat.apply([], words.map(function (word) { return handedPieces(word, separator); }))
          .map(function (word) { return '"' + word + '"'; }).join(" ");
        if (phrase.length) {
          wanted.set(scoped.join(" "), scoped);
        }
      } else {
        said = words.length ? '"' + words.join(" ") + '"' : "";
      }
      text += (mark ? before.slice(0, mark.index) : before) + " " + said + " ";
      at = quotes[i + 1] + 1;
    }
    return { text: text + query.slice(at), phrases: Array.from(wanted.values()),
      unphrases: Array.from(unwanted.values()) };
  }

  /* A phrase's word as handed on to Material (search.py's _handed_pieces): itself, or,
     where the index's escaping alone splits it ("Q&A", the index's "Q&amp;A"), its
     pieces; without it, or a piece, made of stop words. (Not "&#42;" for a "*": lunr's
     wildcard, typed.) */
  function handedPieces(word, separator) {
    var escaped = word.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    var pieces = [word];
    if (separator.test(escaped) && !separator.test(word)) {
      pieces = [];
      escaped.split(/<[^>]*>/).forEach(function (section) {
        section.split(separator).forEach(function (piece) {
          if (piece) {
            pieces.push(piece.toLowerCase());
          }
        });
      });
    }
    return pieces.filter(function (piece) {
      return !phraseWords(piece, separator).every(function (part) { return STOP_WORDS.has(part); });
    });
  }

  function escapeLikeIndex(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\*/g, "&#42;");
  }

  /* A phrase's words as a page's text is read by (search.py's phrase_words): escaped
     as the index is, split where lunr splits (markup skipped), lower-cased, each
     without its accents. The worker reads a page's texts alike (withPhrases). */
  function phraseWords(text, separator) {
    var escaped = escapeLikeIndex(text);
    var words = [];
    escaped.split(/<[^>]*>/).forEach(function (section) {
      section.split(separator).forEach(function (word) {
        if (word) {
          words.push(fold(word.toLowerCase()));
        }
      });
    });
    return words;
  }

  /* The refined query's terms, and the words a result is ranked by (search.py's
     _refine: refine is refine_query, refineWords query_words); the words the
     query's fuzzy terms find; its words in lunr's syntax, as typed; and its leading
     wildcards (typedLeading). */
  function refineParts(query, separator, baseForms, vocabulary) {
    var out = [];
    var words = new Map();
    var fuzzy = new Set();
    var typed = new Map();
    var syntax = [];
    var leading = [];
    var marked = 0;
    var excluding = false;
    /* (the typed words lunr does not search, its stop words: each as first typed, "I" not "i") */
    var common = new Map();
    /* (whether a typed word looks for a word that is no such word: then the query's
       common words are not what it found nothing for) */
    var other = false;
    /* (the words to rank by that words marked "+" give: a page must find each) */
    var needed = new Map();
    /* (the typed stop words that are authors' names: search.py's name_forms) */
    var names = new Map();
    /* (what the reader is told of the URLs typed, and those that name no link:
       search.py's Refined.notes, Refined.unlinked) */
    var notes = [];
    var unlinked = [];
    /* (each hyphenated word corrected and what was typed: search.py's Refined.typed;
       and the hyphenated words typed, one typed as a slip too said as typed right) */
    var corrected = new Map();
    var right = new Set();
    baseForms = baseForms || new Map();
    var read = readPhrases(query, separator);
    query = read.text;
    query.split(/\s+/).forEach(function (word, at, typedAll) {
      if (!word || labels(word, typedAll[at + 1])) {
        return;
      }
      excluding = excluding || word[0] === "-";
      /* A word marked "+" (required) or "-" (prohibited), and otherwise plain
         (search.py's _presence): "+merging" was the exact word alone, "-multi-task"
         read by lunr as "-multi task*". A word marked "+" is refined as unmarked, and
         a page must find each word to rank by that it gives, by any of its terms
         (rankByWords): lunr's "+" on its pieces left out the pages that write
         "multitask" for "+multi-task", "prune" for "+pruned". */
      /* ("author:" is no field of the index: the authors are in the text; read so before
         the mark, search.py's _AUTHOR_FIELD.) */
      word = word.replace(AUTHOR_FIELD, "$1text:");
      var presence = markOf(word, vocabulary);
      if (presence) {
        marked += 1;
        word = word.slice(1);
      }
      /* (A repository's SSH address is its URL: search.py's _SSH_ADDRESS.) */
      word = word.replace(SSH_ADDRESS, "$1/");
      if (presence === "-") {
        prohibitedTerms(word, separator, vocabulary).forEach(function (term) {
          out.push("-" + term);
        });
        other = true;
        return;
      }
      if (!word) {
        return;
      }
      /* A word a page writes with a symbol the separator splits at ("C++", "R^2"),
         typed as written: the index's term for it, "R^2" no lunr boost (search.py). */
      /* (And as copied from a sentence, "C++,": the form alone.) */
      var writtenAs = writtenForm(word, vocabulary);
      var asWritten = writtenAs ? writtenTerm(writtenAs) : "";
      word = writtenAs || word;
      if (QUERY_SYNTAX.test(word) && !asWritten) {
        /* An author's name that is a stop word, typed so ("he*", "text:he"), is looked
           for as the entries hold it, marked as typed; "text:he" for a name is the name
           alone, not Material's "he*" (search.py's typed_names and _refine). */
        var namesTyped = typedNames(word, vocabulary);
        var nameMark = word[0] === "+" || word[0] === "-" ? word[0] : "";
        /* (A fuzzy term of one piece near no word of the index finds nothing, as the
           word alone, exact (boosted: Material adds no "*"), does: lunr builds it
           spelling by spelling, "x" 300 times "~2" in 6 s, and 1,000 never, the tab out
           of memory, as a link's "?q=" may ask. It is asked so.) */
        var fuzzyTerm = ANY_FUZZY.exec(word);
        var nothing = vocabulary && fuzzyTerm && fuzzyTerm[1].split(separator).length === 1
          && !vocabulary.near(fuzzyTerm[1].toLowerCase(),
            Math.min(fuzzyTerm[2] ? Number(fuzzyTerm[2]) : 1, MOST_EDITS)).length;
        if (nameMark === "+" && word[word.length - 1] === "*" && namesTyped.length) {
          /* A word's start required ("+he*") where authors' names begin so: each term
             asked unmarked, a page required to have one (search.py's _refine). */
          out.push(word.slice(1));
          namesTyped.forEach(function (name) {
            out.push(name + "^" + EXACT_BONUS);
          });
          var starts = [word.slice(1).toLowerCase(), TYPED_NAME.exec(word)[3].toLowerCase()].concat(namesTyped);
          needed.set(starts.join(" "), starts);
          syntax.push(word.slice(1));
          other = true;
          return;
        }
        if (!textStopWord(word)) {
          out.push(nothing ? word.replace(/~[0-9]*/, "").replace(/^[^^]*$/, "$&^1") : word);
        }
        syntax.push(word);
        typedFuzzy(word, separator, vocabulary).forEach(function (piece) {
          typed.set(piece.typed, piece.found);
          piece.found.forEach(function (found) {
            fuzzy.add(found);
          });
        });
        leading = leading.concat(typedLeading(word, separator));
        namesTyped.forEach(function (name) {
          out.push(nameMark === "-" ? "-" + name : nameMark + name + "^" + EXACT_BONUS);
        });
        /* "title:the" is looked for as typed, and no page has "the" to find, as for "the". */
        var field = FIELD_WORD.exec(word);
        var named = field ? field[1].split(separator).filter(Boolean) : [];
        if (named.length && !namesTyped.length
            && named.every(function (piece) { return STOP_WORDS.has(piece.toLowerCase()); })) {
          named.forEach(function (piece) {
            if (!common.has(piece.toLowerCase())) {
              common.set(piece.toLowerCase(), piece);
            }
          });
        } else {
          other = true;
        }
        return;
      }
      word = word.replace(/\*/g, "");  /* inside a word, as in "MCTS*:", it is text */
      /* A pasted arXiv id or DOI is looked for as the id alone (search.py). */
      var doiTyped = typedDoi(word);
      if (doiTyped) {
        /* A DOI is looked for whole (search.py's doi_form): the one word to rank by it
           gives, said missing as typed; a publisher's address that holds one is also
           the link it is (search.py's _refine). */
        var form = doiForm(doiTyped);
        var byLink = !vocabulary || DOI_ADDRESS.test(word) ? { whole: false, links: [] } : linksOf(word, vocabulary);
        var linkedBy = byLink.whole && !byLink.unlinked ? byLink.links : [];
        /* (arXiv's own DOI is the paper's arXiv id too, an old id's the word the index
           holds for it: search.py's _arxiv_doi_terms) */
        var ids = arxivDoiTerms(doiTyped).filter(function (term) { return term !== form; });
        out.push(form + "^" + EXACT_BONUS);
        ids.forEach(function (id) { out.push(id + "^" + EXACT_BONUS); });
        out.push.apply(out, linkedBy.length ? linkTerms(word, linkedBy) : []);
        var doi = [word.toLowerCase(), form].concat(ids, linkedBy);
        words.set(doi.join(" "), doi);
        if (presence === "+") {
          needed.set(doi.join(" "), doi);
        }
        if (vocabulary && !linkedBy.length && ![form].concat(ids).some(function (term) {
          return vocabulary.begins(term, true);
        })) {
          unlinked.push(doiTyped);  /* (under "No page found": no paper has it) */
        }
        other = true;
        return;
      }
      /* An old arXiv id is one word, found by the word the index holds for it, said
         missing as the id, as a new one is (search.py's arxiv_term). */
      var arxiv = typedArxiv(word);
      if (arxiv.indexOf("/") >= 0) {
        /* (And the pages that write it, after its paper: search.py's mention_term.) */
        var term = arxivTerm(arxiv);
        var mention = mentionTerm(arxiv);
        out.push(term + "^" + EXACT_BONUS, mention + "^1");
        var byId = [arxiv, term, mention];
        words.set(byId.join(" "), byId);
        if (presence === "+") {
          needed.set(byId.join(" "), byId);
        }
        other = true;
        return;
      }
      if (arxiv) {
        word = arxiv;
      }
      /* A URL or a host and path that names a page's link finds that page first: the
         one word to rank by it gives, its host's words no terms; a part of a path
         finds the pages whose link holds it too, each of its words found by those links
         (held) (search.py's links_of and _refine). */
      /* (A URL's or a path's words are pasted, not typed: none is a slip of the keys
         looked for by its near spellings; but words of letters alone joined by "/"
         that no link holds, "encodr/decoder", are typed words, search.py's pasted and
         _slashed_words.) */
      var named = !arxiv && vocabulary ? linksOf(word, vocabulary) : { whole: false, links: [] };
      var pasted = LINK_WORD.test(word) || (LINK_PATH.test(word) && (named.links.length > 0 || !SLASHED_WORDS.test(word)));
      out.push.apply(out, named.links.length ? linkTerms(word, named.links, named.start) : []);
      var link = named.whole && !typedWords(word, named) ? named.links[0] : "";
      var held = named.whole ? [] : named.links;
      if (named.held) {
        notes.push(heldNote(word, named.held));
      }
      if (named.unlinked) {
        /* A URL no paper links is not its words: the reader is told so, and it finds
           the papers that link its owner, if any; marked "+" and naming none, it
           leaves every page out (search.py's _refine). */
        notes.push(unlinkedNote(named));
        other = true;
        if (!named.links.length) {
          unlinked.push(named.unlinked);
          if (presence === "+") {
            var lost = [word.toLowerCase(), linkForm(word)];
            needed.set(lost.join(" "), lost);
          }
          return;
        }
      }
      if (link) {
        var linked = [word.toLowerCase()].concat(named.links);
        words.set(linked.join(" "), linked);
        if (presence === "+") {
          needed.set(linked.join(" "), linked);
        }
        word = word.slice(0, named.length).replace(LINK_HOST, "").replace(LINK_END, "");
        other = true;
        if (named.unlinked) {
          return;
        }
      }
      if (!pasted) {
        var written = word;
        word = correctedCompound(word, vocabulary, baseForms);
        corrections(written, word, corrected);
        (written.match(HYPHENATED) || []).forEach(function (compound) {
          right.add(compound.toLowerCase());
        });
      }
      /* (A backslash is lunr's escape, which its query parser drops: "\alpha" of a TeX
         title pasted is "alpha", no word of its own: search.py's _refine.) */
      var pieces = word.replace(/\\/g, "").split(separator).filter(Boolean);
      var joined = (word.match(HYPHENATED) || []).map(function (j) {
        return j.replace(/-/g, "");
      });
      var folded = [];
      pieces.concat(joined).forEach(function (p) {
        var f = fold(p);
        if (!ASCII.test(p) && f !== p) {
          /* Folding may make separators: NFKD writes "¯" as a space and a mark. */
          folded = folded.concat(f.split(separator).filter(Boolean));
        }
      });
      /* A lone letter split off a word ("Don't", "k-means") would become the prefix
         search "t*", which matches nearly every paper and highlights every "t". It is
         left out; in a word of lone letters only ("I/O", "U.S.") each is looked for as
         an exact word (a boosted term gets no "*"). */
      var lone = pieces.length > 1 ? pieces.map(function (p) { return LETTER.test(p); }) : [];
      var allLone = lone.length > 0 && lone.every(Boolean);
      /* ("the-the" is looked for as "thethe" too, which finds nothing either; "the's"
         as "the" alone, its "s" left out below: neither looks for another word.) */
      var notCommon = function (piece) { return !STOP_WORDS.has(piece.toLowerCase()); };
      other = other || pieces.some(function (piece, i) {
        return (!lone[i] || allLone) && notCommon(piece);
      }) || (joined.length > 0 && pieces.some(notCommon));
      /* (A word's other spellings find each of its pieces.) */
      var spellings = joined.concat(folded).map(function (p) {
        return p.toLowerCase();
      }).filter(function (p) {
        return !STOP_WORDS.has(p);
      });
      var addWord = function (terms) {
        terms = terms.filter(function (term, i) {
          return terms.indexOf(term) === i;
        });
        words.set(terms.join(" "), terms);
        if (presence === "+") {
          needed.set(terms.join(" "), terms);
        }
      };
      /* A hyphenated word the index has joined is one word to rank by, found where a
         page writes it whole (search.py's _compounds); its halves (and their spellings
         without accents) are exact words, no word's start: "GPT-4"'s "4*" found "405B". */
      var compounds = compoundWords(word, vocabulary).map(function (compound) {
        return compound.concat(held);
      });
      var halves = new Set();
      var exact = new Set();
      compounds.forEach(function (compound) {
        compound[0].split("-").forEach(function (half) {
          halves.add(half);
          exact.add(half);
          fold(half).toLowerCase().split(separator).forEach(function (part) {
            exact.add(part);
          });
        });
        if (!link) {
          addWord(compound);
        }
      });
      /* A written form's pieces are exact words ("C++" is no "computer"), each word to
         rank by they give ending with its term; a form of one piece said missing as
         typed, "c++" (search.py's _refine, by_pieces). */
      var formBy = asWritten ? [asWritten] : [];
      /* (So is a form whose other pieces are lone letters or stop words, left out:
         "R^2" was said missing as "2", "TD(λ)" as "td".) */
      var typedAs = asWritten && pieces.filter(function (piece, i) {
        return (!lone[i] || allLone) && notCommon(piece);
      }).length === 1 ? [word.toLowerCase()] : [];
      if (asWritten) {
        pieces.forEach(function (piece) {
          exact.add(piece.toLowerCase());
        });
        out.push(asWritten + "^" + EXACT_BONUS);
        other = true;
      }
      pieces.concat(joined, folded).forEach(function (piece, n) {
        if (lone.length && LETTER.test(piece)) {
          if (allLone && !STOP_WORDS.has(piece.toLowerCase())) {
            out.push(piece + "^" + EXACT_BONUS);
            addWord(typedAs.concat([piece.toLowerCase()], formBy));
          }
          return;
        }
        if (n < pieces.length && STOP_WORDS.has(piece.toLowerCase())) {
          /* A stop word that is an author's name in the list ("He"): looked for as the
             entries hold it, exact; a word to rank by only where the query has no other
             (search.py's name_forms and _refine). */
          var name = NAME_MARK + piece.toLowerCase();
          if (piece.length > 1 && vocabulary && vocabulary.begins(name, true)) {
            out.push(name + "^" + EXACT_BONUS);
            names.set(name, [piece.toLowerCase(), name]);
            if (presence === "+") {
              addWord([piece.toLowerCase(), name]);
            }
            other = true;
          } else if (!common.has(piece.toLowerCase())) {
            common.set(piece.toLowerCase(), piece);
          }
        }
        if (piece && !STOP_WORDS.has(piece.toLowerCase())) {
          var bases = baseForms.get(piece.toLowerCase()) || [];
          var low = piece.toLowerCase();
          var edits = fuzzyDistance(low);
          var found = n < pieces.length && vocabulary && !bases.length && !pasted
              && LETTERS_ONLY.test(piece) && piece.length >= FUZZY_SHORTEST
              && ![low].concat(spellings).some(function (p) { return vocabulary.begins(p); })
            ? vocabulary.near(low, edits) : [];
          if (found.length) {
            /* Found by nothing as typed: a fuzzy term, ranked by the words it finds.
               (Not one near no word, which finds nothing, and which lunr takes the
               longer to build the longer the word: 5 s for 300 letters, and 1,000 were
               never answered, the tab out of memory.) */
            out.push(piece + "~" + edits, "title:" + piece + "~" + edits + "^" + FUZZY_TITLE);
            addWord([low].concat(found, held));
            found.forEach(function (word) {
              fuzzy.add(word);
            });
            return;
          }
          /* Material appends the "*" to the first (it leaves a boosted term alone). */
          if (exact.has(low)) {
            out.push(piece + "^" + EXACT_BONUS);
          } else {
            out.push(piece, piece + "^" + EXACT_BONUS);
          }
          /* The exact word's bonus in the title, for a word the index has (search.py's
             TITLE_BONUS: a longer word a prefix finds in a title, "LLMsuite" for "llms",
             outweighed the exact word there). */
          if (vocabulary && vocabulary.begins(low, true)) {
            out.push("title:" + piece + "^" + TITLE_BONUS);
          }
          /* Its base forms (generator/lemmas.py): exact terms, below the typed word. */
          bases.forEach(function (base) {
            out.push(base + "^" + LEMMA_BOOST);
          });
          if (n < pieces.length && !halves.has(low) && !link) {
            addWord(typedAs.concat([piece.toLowerCase()], bases, spellings, held, formBy));
          }
        }
      });
      /* (A hyphenated word is looked for written with spaces too, where the index has
         it so: search.py's with_spaced.) */
      compounds.forEach(function (compound) {
        spacedTerms(compound).forEach(function (term) {
          out.push(term);
        });
      });
    });
    if (!words.size) {
      names.forEach(function (terms) {
        words.set(terms.join(" "), terms);
      });
    }
    /* Words marked "-" and nothing else to search for (search.py's excluding_only):
       lunr lists every page without them, each scored NaN. The worker is asked
       nothing ("", which it answers with no result), and the reader told to add a word. */
    excluding = (excluding || read.unphrases.length > 0) && out.every(function (term) {
      return term[0] === "-";
    });
    var required = Array.from(needed.values());
    /* A word marked "+" that no page has, by any of its terms (no word of the index
       begins with one), leaves every page out: the worker is asked nothing ("", as
       above), where lunr listed every page with the other words, each left out after
       (search.py's Refined.nothing). */
    var nothing = Boolean(vocabulary) && required.some(function (terms) {
      return !terms.some(function (term) { return vocabulary.begins(term); });
    });
    /* A query of such words alone ("the", "+the", "title:the", "the-the") has nothing to
       search for: said so where it finds nothing, not that every word marked "+" is on no
       page (search.py's Refined.common). */
    return {
      query: excluding || nothing ? "" : out.join(" "), words: Array.from(words.values()), fuzzy: fuzzy,
      syntax: syntax, typedFuzzy: typed, leading: leading, marked: marked + read.unphrases.length,
      excluding: excluding, phrases: read.phrases, unphrases: read.unphrases,
      required: required, common: other ? [] : Array.from(common.values()),
      notes: notes.filter(function (note, i) { return notes.indexOf(note) === i; }),
      unlinked: unlinked.filter(function (url, i) { return unlinked.indexOf(url) === i; }),
      corrected: new Map(Array.from(corrected).filter(function (item) { return !right.has(item[0]); }))
    };
  }

  /* "+" or "-" where a typed word is marked so and otherwise plain; else "". */
  function markOf(word, vocabulary) {
    /* (or a form a page writes, "-R^2": search.py's _presence) */
    if ((word[0] === "+" || word[0] === "-") && writtenIn(word.slice(1), vocabulary)) {
      return word[0];
    }
    return (word[0] === "+" || word[0] === "-") && !QUERY_SYNTAX.test(word.slice(1)) ? word[0] : "";
  }

  /* The terms a word marked "-" leaves out the pages of (search.py's
     _prohibited_terms): the word, exact; a hyphenated one by its joined form and as
     written with spaces; other
     words by their pieces, no stop word (but an author's name: search.py's name_forms)
     nor lone letter beside a longer piece. */
  /* The links a URL marked "-" leaves out the pages of: those it names, none if it
     names none; not its pieces, "-github" "-com" (search.py's _prohibited_links). */
  function prohibitedLinks(word, vocabulary) {
    var named = linksOf(word, vocabulary);
    if (!named.whole || named.unlinked) {
      return [];
    }
    var form = linkForm(word);
    if (named.links.length === 1 && named.links[0] === form) {
      return vocabulary.starting(form).filter(function (link) {
        return linkBegins(link, form);
      });
    }
    return named.links.slice();
  }

  function prohibitedTerms(word, separator, vocabulary) {
    /* (a DOI whole: search.py's doi_form) */
    var doiTyped = typedDoi(word);
    if (doiTyped) {
      /* (and arXiv's own DOI the paper that gives the id alone) */
      var form = doiForm(doiTyped);
      return [form].concat(arxivDoiTerms(doiTyped).filter(function (term) { return term !== form; }));
    }
    /* (An arXiv id its paper, not the pages of its label or address's words; an old
       one by the word the index holds for it, not its number alone, which another
       archive's id has: search.py's _prohibited_terms.) */
    var arxiv = typedArxiv(word);
    if (arxiv) {
      return [arxivTerm(arxiv)];
    }
    /* (A form a page writes, "C++", the pages that write it, not every "C".) */
    var asWritten = writtenIn(word, vocabulary);
    if (asWritten) {
      return [asWritten];
    }
    if (vocabulary && LINK_WORD.test(word)) {
      return prohibitedLinks(word, vocabulary);
    }
    /* (A path that names no link, but its owner's, leaves out none of theirs, nor
       pages by its words: search.py's _prohibited_terms.) */
    var named = vocabulary && LINK_PATH.test(word) ? linksOf(word, vocabulary) : { links: [] };
    if (named.unlinked && !typedWords(word, named)) {
      return [];
    }
    var compounds = word.match(HYPHENATED) || [];
    if (compounds.length) {
      /* (and the pages that write it with spaces: search.py's with_spaced) */
      var forms = [];
      compounds.forEach(function (compound) {
        [compound.replace(/-/g, "").toLowerCase()].concat(spacedForms(compound)).forEach(function (form) {
          if (forms.indexOf(form) < 0) {
            forms.push(form);
          }
        });
      });
      return forms;
    }
    var pieces = word.replace(/\*/g, "").split(separator).filter(Boolean);
    var allLone = pieces.every(function (piece) { return LETTER.test(piece); });
    var terms = [];
    pieces.forEach(function (piece) {
      var low = piece.toLowerCase();
      /* (a stop word that is an author's name in the index: search.py's name_forms) */
      var term = STOP_WORDS.has(low) && vocabulary && vocabulary.begins(NAME_MARK + low, true) ? NAME_MARK + low : low;
      if ((!STOP_WORDS.has(low) || term !== low) && (allLone || !LETTER.test(piece)) && terms.indexOf(term) < 0) {
        terms.push(term);
      }
    });
    return terms;
  }

  /* lunr builds every spelling within a fuzzy term's edit distance: a hand-typed
     "forgetting~9" was never answered, and the worker, which answers in order, answered
     no query after it. A distance is cut to MOST_EDITS, as `readinglist search` cuts it
     (search.py's MAX_EDIT_DISTANCE), in what the worker is asked. */
  var MOST_EDITS = 2;
  function fewerEdits(query) {
    return query.replace(/~([0-9]+)/g, function (all, edits) {
      return "~" + Math.min(Number(edits), MOST_EDITS);
    });
  }

  /* A fuzzy term typed in lunr's syntax ("forgeting~1", "+title:forgeting~"; not one
     prohibited, "-x~1"): each of its pieces (split at the separator, as Material splits
     a term), lower-cased as lunr has it, and the index's words it finds (lunr's own
     rule, near: one "~" alone is "~1" to Material, a distance past MOST_EDITS is cut).
     Material's terms know only the words that begin with the typed one: "forgeting~1"
     found "forgetting", and its result's link said no word to mark (markFuzzy, as for
     a fuzzy term of the refinement). */
  var ANY_FUZZY = /^[+-]?(?:(?:title|text|tags):)?([^*~^:]+)(?:\^[0-9]*)?~([0-9]*)(?:\^[0-9]*)?$/;
  var TYPED_FUZZY = /^\+?(?:(?:title|text|tags):)?([^*~^:]+)(?:\^[0-9]*)?~([0-9]*)(?:\^[0-9]*)?$/;
  function typedFuzzy(word, separator, vocabulary) {
    var parts = TYPED_FUZZY.exec(word);
    if (!parts || !vocabulary) {
      return [];
    }
    var edits = Math.min(parts[2] ? Number(parts[2]) : 1, MOST_EDITS);
    return parts[1].split(separator).filter(Boolean).map(function (piece) {
      var low = piece.toLowerCase();
      return { typed: low, found: vocabulary.near(low, edits) };
    });
  }

  function refine(query, separator, baseForms, vocabulary) {
    return refineParts(query, separator, baseForms, vocabulary).query;
  }

  function refineWords(query, separator, baseForms, vocabulary) {
    return refineParts(query, separator, baseForms, vocabulary).words;
  }

  /* A result's words that the query's fuzzy terms find ("instruction" for
     "instrucion~1") are put in its terms as found, so that the typed word counts as
     found there (rankByWords, foldSpellings): Material's terms only know the words that
     begin with the typed word, and say it is missing (search.py's replica reads lunr's
     match data too). The words lunr matched in the result are its "found", which the
     worker gives (readinglist-search.js): not the words of the fields the result shows,
     which Material cuts to the blocks of its first two matches ("forgetting" in a
     fourth paragraph was said missing, and not marked on the page the result opens).
     In place. */
  function markFuzzy(items, fuzzy) {
    items.forEach(function (item) {
      if (!item.terms) {
        return;
      }
      (item.found || []).forEach(function (word) {
        if (fuzzy.has(word)) {
          item.terms[word] = true;
        }
      });
    });
  }

  /* A word typed with a star ("forget*") is "forget**" to Material, whose term for it,
     "forget*", begins no word: every result said "Missing: forget*", and its link said
     no word to mark. A result with a word found that begins with the word typed (as
     markFuzzy reads them) has that term found, as the word typed ("forget"). In
     place, after markLeading. */
  function markStarred(items) {
    items.forEach(function (item) {
      var starred = item.terms ? Object.keys(item.terms).filter(function (term) {
        return item.terms[term] === false && /[^*]\*+$/.test(term);
      }) : [];
      if (!starred.length) {
        return;
      }
      var found = new Set();
      (item.found || []).forEach(function (word) {
        starred.forEach(function (term) {
          if (word.startsWith(term.replace(/\*+$/, ""))) {
            found.add(term);
          }
        });
      });
      found.forEach(function (term) {
        delete item.terms[term];
        item.terms[term.replace(/\*+$/, "")] = true;
      });
    });
  }

  /* A word typed with a star before it ("*merging"; lunr's leading wildcard, which
     Material gives a star after it too, unless it has a "+" or a boost: the words with
     "merging" in them) as lunr matches it, each of its pieces split at the separator
     as Material splits a term (not one prohibited, "-*x"; nor a fuzzy term): each
     piece that begins with a star, as the expression its words match (lower-cased,
     each star any letters), and Material's term for it (its stars before and after
     taken off, one each), which said "Missing: merging" where "AdaMerging" alone was
     found, and which begins no word "AdaMerging" is. */
  var TYPED_LEADING = /^(\+?)(?:(?:title|text|tags):)?(\*[^~^:]*)(\^[0-9]*)?$/;
  function typedLeading(word, separator) {
    var parts = TYPED_LEADING.exec(word);
    if (!parts) {
      return [];
    }
    var star = parts[1] || parts[3] !== undefined ? "" : "*";
    return parts[2].split(separator).filter(function (piece) {
      return /^\*+[^*]/.test(piece);
    }).map(function (piece) {
      var term = piece.toLowerCase() + star;
      return {
        term: term.replace(/^\*/, "").replace(/\*$/, ""),
        matches: new RegExp("^" + term.split("*").map(function (part) {
          return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        }).join(".*") + "$", "u")
      };
    });
  }

  /* In each result that a leading wildcard typed (typedLeading) found, the words it
     matched (the result's found) are put in its terms as found, and Material's term
     for it taken out: the result's link says them (wholeLink: each as a whole word, in
     leading, in place). In place, before markStarred. */
  function markLeading(items, typed, leading) {
    items.forEach(function (item) {
      if (!item.terms) {
        return;
      }
      typed.forEach(function (one) {
        var words = (item.found || []).filter(function (word) {
          return one.matches.test(word);
        });
        if (words.length) {
          delete item.terms[one.term];
        }
        words.forEach(function (word) {
          item.terms[word] = true;
          leading.add(word);
        });
      });
    });
  }

  /* A result found by a fuzzy term typed in lunr's syntax (typedFuzzy: each typed
     piece and the words it finds) said the typed word was missing ("Missing:
     forgeting") where it found one of those words: Material's terms know only the
     words that begin with it. In place, after markFuzzy. */
  function typedFound(items, typed) {
    items.forEach(function (item) {
      if (!item.terms) {
        return;
      }
      typed.forEach(function (found, piece) {
        if (item.terms[piece] === false && found.some(function (word) {
          return item.terms[word] === true;
        })) {
          item.terms[piece] = true;
        }
      });
    });
  }

  /* A page's title's words as the query's are read (search.py's title_words): the
     worker's highlight marks taken out, split at the separator, lower-cased, without
     stop words and lone letters. */
  function titleWords(title, separator) {
    var words = new Set();
    title.replace(/<[^>]*>/g, "").toLowerCase().split(separator).forEach(function (word) {
      if (word && !STOP_WORDS.has(word) && !LETTER.test(word)) {
        words.add(word);
      }
    });
    return words;
  }

  /* A page's title's words, and the terms of the forms such as "C++" it writes, among
     its title_variants (search.py's _titled): a title "R 2" is no "R^2". */
  function titledWords(page, separator) {
    var words = titleWords(String(page.title || ""), separator);
    String(page.title_variants || "").toLowerCase().split(separator).forEach(function (word) {
      if (word.indexOf(WRITTEN_MARK) === 0) {
        words.add(word);
      }
    });
    return words;
  }

  /* The worker's result groups (one a page), those that find more of the query's words
     first, in the worker's order otherwise (search.py's rank_by_words says why): a word
     is found where one of its terms is, in any of the page's entries. Before all, with
     the index's separator, a page whose title's words are the query's, neither more nor
     fewer: a title pasted whole finds its page before a topic's boosted page; a page's
     other names (its entry's "names": a topic's id's words, "curriculum learning", and
     its former ids' words) count as its title, after the pages whose title is the
     query. A group that does not find each of the words "required" (those of words
     marked "+": refineParts) is left out. Among the groups that find as many words, a
     title that writes a word of the query whole (or in another form: baseForms; or
     among its entry's title_variants) comes before a title that has it only as the
     start of a longer word (longerInTitle). In place; the number of groups that find
     every word. */
  function rankByWords(groups, words, separator, required, baseForms) {
    var typed = new Set();
    words.forEach(function (terms) {
      /* (A form such as "C++" by its term too: search.py's rank_by_words.) */
      var written = isWritten(terms) && !isCompound(terms);
      if ((isCompound(terms) || written) && separator) {
        titleWords(terms[0], separator).forEach(function (word) {
          typed.add(word);
        });
      } else if (!LETTER.test(terms[0])) {
        typed.add(terms[0]);
      }
      if (written) {
        typed.add(terms[terms.length - 1]);
      }
    });
    /* (No object of each group's terms: 10,000 groups took 25 ms instead of 18.) */
    var counts = new Map();
    /* (How many hyphenated words a group finds only written with spaces, and old arXiv
       ids only where its text writes them: search.py's apart.) */
    var apart = new Map();
    /* (The words that hold such an id's term: a query without one asks no page.) */
    var mentions = new Set();
    words.forEach(function (terms) {
      if (terms.some(isMention)) {
        mentions.add(terms);
      }
    });
    var lacking = new Set();
    groups.forEach(function (group) {
      var n = 0;
      var spacedOnly = 0;
      var has = function (term) {
        return group.some(function (item) {
          return item.terms && item.terms[term] === true;
        });
      };
      words.forEach(function (terms) {
        if (terms.some(has)) {
          n += 1;
          if (bySpaced(has, terms) || (mentions.has(terms) && byMention(has, terms)) || byPieces(has, terms)) {
            spacedOnly += 1;
          }
        }
      });
      counts.set(group, n);
      apart.set(group, spacedOnly);
      if ((required || []).some(function (terms) { return !terms.some(has); })) {
        lacking.add(group);
      }
    });
    /* (Only a page that finds every word can be one: the title of each result was
       read and split for nothing.) */
    /* (0: its title is the query; 1: another of its names is; 2: neither) */
    var exact = new Map();
    if (separator && typed.size) {
      var isQuery = function (name, page) {
        var have = page ? titledWords(page, separator) : titleWords(String(name || ""), separator);
        return have.size === typed.size && Array.from(typed).every(function (word) {
          return have.has(word);
        });
      };
      groups.forEach(function (group) {
        if (counts.get(group) !== words.length) {
          return;
        }
        var page = group.find(function (item) { return !item.parent; }) || group[0];
        if (isQuery(page.title, page)) {
          exact.set(group, 0);
        } else if (Array.isArray(page.names) && page.names.some(function (name) { return isQuery(name); })) {
          exact.set(group, 1);
        }
      });
    }
    var compound = words.some(isCompound);
    if (compound || lacking.size) {
      /* (A page found by a hyphenated word's halves alone: "ROUGE" for "ROUGE-L"; or
         without a word marked "+". One that finds no word to rank by but each word
         marked "+" is kept, as search.py keeps it: "Kaiming +he*", whose "+he*" is
         required and no word to rank by, lists the pages by He without "Kaiming".) */
      var kept = groups.filter(function (group) {
        return (!compound || counts.get(group) > 0) && !lacking.has(group);
      });
      groups.length = 0;
      Array.prototype.push.apply(groups, kept);
    }
    var rank = function (group) {
      return exact.has(group) ? exact.get(group) : 2;
    };
    var order = function (a, b) {
      return (rank(a) - rank(b)) || (counts.get(b) - counts.get(a)) || (apart.get(a) - apart.get(b));
    };
    groups.sort(order);  /* stable (ES2019) */
    if (separator) {
      wholeWordsFirst(groups, order, words, separator, baseForms || new Map());
    }
    var every = 0;
    counts.forEach(function (n) {
      if (n === words.length) {
        every += 1;
      }
    });
    return every;
  }

  /* How many of the query's words a page's title holds either way, and how many of
     them only as the start of a longer word ("Transferability" for "transfer"), and
     not whole nor in another form nor among its entry's title_variants: [found,
     longer]; null when it has none of them either way (search.py's longer_in_title). */
  function longerInTitle(page, words, separator, baseForms) {
    var written = titleWords(String(page.title || ""), separator);
    titleWords(String(page.title_variants || ""), separator).forEach(function (word) {
      written.add(word);
    });
    var whole = new Set(written);
    written.forEach(function (word) {
      (baseForms.get(word) || []).forEach(function (base) {
        whole.add(base);
      });
    });
    var found = 0;
    var longer = 0;
    words.forEach(function (terms) {
      if (terms.some(function (term) { return whole.has(term); })) {
        found += 1;
      } else if (!isCompound(terms) && Array.from(written).some(function (word) {
        return word.length > terms[0].length && word.startsWith(terms[0]);
      })) {
        found += 1;
        longer += 1;
      }
    });
    return found ? [found, longer] : null;
  }

  /* The groups of one rank (``order``) whose page's title has some of the query's
     words, each in the place of one, those whose titles hold more of the words first,
     and of as many, those with fewer of them only as a longer word's start, in their
     order otherwise; the others stay where they are, but for a query of more than one
     word, where they take part as titles that hold none of the words (search.py's
     _whole_words_first). In place. */
  function wholeWordsFirst(groups, order, words, separator, baseForms) {
    /* (A title whose text holds none of the words' terms, none of the forms whose base
       is one, and no typed word has none of them either way: longerInTitle, which
       splits the title, is asked of the others only: over 10,000 results made up, half
       of whose titles hold the word, rankByWords took 40 ms more than without the
       rule when every title was split, 9 ms more so.) */
    var needles = new Set();
    words.forEach(function (terms) {
      terms.forEach(function (term) {
        needles.add(term);
      });
    });
    baseForms.forEach(function (bases, form) {
      if (bases.some(function (base) { return needles.has(base); })) {
        needles.add(form);
      }
    });
    needles = Array.from(needles);
    var start = 0;
    while (start < groups.length) {
      var end = start;
      while (end < groups.length && order(groups[start], groups[end]) === 0) {
        end += 1;
      }
      var places = [];
      var titled = [];
      var longer = new Map();
      for (var at = start; at < end; at += 1) {
        var group = groups[at];
        var page = group.find(function (item) { return !item.parent; }) || group[0];
        var text = (String(page.title || "") + " " + String(page.title_variants || ""))
          .replace(/<[^>]*>/g, "").toLowerCase();
        var n = needles.some(function (needle) { return text.indexOf(needle) >= 0; })
          ? longerInTitle(page, words, separator, baseForms) : null;
        if (n === null && words.length > 1) {
          n = [0, 0];
        }
        if (n !== null) {
          places.push(at);
          titled.push(group);
          longer.set(group, n);
        }
      }
      titled.sort(function (a, b) {
        var x = longer.get(a);
        var y = longer.get(b);
        return (y[0] - x[0]) || (x[1] - y[1]);  /* stable */
      });
      places.forEach(function (place, i) {
        groups[place] = titled[i];
      });
      start = end;
    }
  }

  /* The worker's result groups, best score first, and groups of one score by their
     page's address (search.py's by_score): lunr.js and lunr.py list pages of equal score
     in orders of their own. In place. */
  function byScore(groups) {
    var best = new Map();
    var address = new Map();
    groups.forEach(function (group) {
      best.set(group, Math.max.apply(null, group.map(function (item) {
        return item.score;
      })));
      address.set(group, String(group[0].location).split("#")[0]);
    });
    groups.sort(function (a, b) {
      var x = address.get(a);
      var y = address.get(b);
      return (best.get(b) - best.get(a)) || (x < y ? -1 : x > y ? 1 : 0);
    });
  }

  /* The line above the results, in one wording for every query: how many pages were
     found and, for several words, first how many have every word, then how many more
     have only some (search.py's count_line, which says why: "180 pages found, 9 with
     every word" led with a number nearly every page reached by one common word).
     Material counted the pages that find any one of the words ("201 matching
     documents" for a title pasted whole). */
  function countLine(pages, every, words) {
    if (pages === 0) {
      return "No page found";
    }
    if (words < 2) {
      return pagesOf(pages) + " found";
    }
    var everyWord = words === 2 ? "both words" : "every word";
    var some = words === 2 ? "one of" : "some of";
    if (every === 0) {
      return pagesOf(pages) + " with " + some + " the words, none with " + (words === 2 ? "both" : everyWord);
    }
    if (every === pages) {
      return pagesOf(pages) + " with " + everyWord;
    }
    return pagesOf(every) + " with " + everyWord + ", " + thousands(pages - every) + " more with " + some + " them";
  }

  /* The line between the results with every word and the more after them with only
     some (search.py's more_line). */
  function moreLine(more, words) {
    return thousands(more) + " more " + (more === 1 ? "page" : "pages") + " with " + (words === 2 ? "one" : "some") + " of the words";
  }

  function pagesOf(n) {
    return n === 1 ? "1 page" : thousands(n) + " pages";
  }

  /* A count with its thousands grouped, as search.py's "{:,}" (a 10,000-paper list found
     "2294 pages"); not toLocaleString, whose grouping is the browser's language's. */
  function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  /* The result's count line, as countLine says it, in place of Material's own (after
     every answer; an English site only: the line is English); and what the results
     list shows of it (pages, every, words: moreDivider). */
  var SEARCH_COUNT = {
    line: "", pages: 0, every: 0, words: 0, marked: 0, excluding: false, common: [], notes: [], unlinked: [],
    typed: "", recorded: null,
    unanswered: 0
  };
  var WATCHED_COUNTS = new WeakSet();
  /* Material's count and its "No matching documents" (not its "Type to start
     searching" or "Initializing search"; nor this line itself, written by the
     observer). */
  var MATERIAL_COUNT = /^\s*(?:[0-9][0-9.k]* matching documents?|No matching documents)\s*$/;
  /* A screen reader is told the count once a query is answered and the reader has
     stopped typing for this long: Material's line is no live region, so the count was
     never said, and one that said each line written would say Material's count, then
     ours, at every key pressed. (A polite status, as search boxes that announce their
     count wait so: GOV.UK's accessible-autocomplete 1.4 s.) */
  var ANNOUNCE_AFTER = 1000;
  /* The status's text that says ``line`` after ``before``: the line, or where it is the
     line said before ("9 pages found" for "merging", then for "merge"), the line and a
     no-break space, which no screen reader speaks. A live region is read when its text
     changes: written again the same, it was not, and the reader heard nothing of the
     query they had typed (GOV.UK's accessible-autocomplete changes its status alike). */
  var UNSPOKEN = "\u00a0";
  function said(line, before) {
    return before === line ? line + UNSPOKEN : line;
  }
  function searchCount() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || typeof MutationObserver !== "function" || WATCHED_COUNTS.has(meta)
        || !/^en\b/.test(document.documentElement.lang || "")) {
      return;
    }
    WATCHED_COUNTS.add(meta);
    /* (Beside the results' box, not in Material's result component: Material reads
       that one's first and last child as its line and list.) */
    var output = meta.closest(".md-search__output");
    var status = document.createElement("div");
    status.className = "rl-visually-hidden rl-search-status";
    status.setAttribute("role", "status");  /* polite, read whole */
    if (output) {
      output.appendChild(status);
    }
    var waiting = null;
    new MutationObserver(function () {
      if (SEARCH_COUNT.line && MATERIAL_COUNT.test(meta.textContent)) {
        meta.textContent = SEARCH_COUNT.line;
        if (SEARCH_COUNT.line === countLine(0, 0, 0)) {
          meta.appendChild(nothingFound());
        } else {
          /* (What is said of the URLs typed: no paper links one, or a part of a path
             was looked for in only some of the links that hold it; each on a line.) */
          SEARCH_COUNT.notes.forEach(function (note) {
            var shown = document.createElement("span");
            shown.className = "rl-search-tip rl-search-note";
            shown.textContent = note;
            meta.appendChild(shown);
          });
        }
        clearTimeout(waiting);
        /* (A screen reader is told them with the count.) */
        var line = [SEARCH_COUNT.line].concat(SEARCH_COUNT.notes).join(". ");
        waiting = setTimeout(function () {
          /* (Not while a later query waits for its answer, which is said in its turn:
             typed on during a slow answer, the count of "m" was said for "model merging".) */
          /* (Nor once the search is closed: the reader has left it, and a count said
             then would read as news of the page.) */
          var open = document.getElementById("__search");
          if (!SEARCH_COUNT.unanswered && !(open && !open.checked)) {
            status.textContent = said(line, status.textContent);
          }
        }, ANNOUNCE_AFTER);
      } else if (!SEARCH_COUNT.line) {
        /* (The query emptied: no count to say, and none said late.) */
        clearTimeout(waiting);
      }
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  /* Where the results with every word of a query end, a line in the list says how many
     more follow with only some of them (moreLine): the every-word pages come first
     (rankByWords), but nothing told where they stopped, and a result with "Missing:"
     under it was the only sign. In the list, as an item (the list's role is "list"
     while the search is open); Material empties the list for each answer and draws
     its results 10, then 4 at a time: this is asked again each time. */
  var MORE_DIVIDER = "rl-search-more";
  function moreDivider(list) {
    var count = SEARCH_COUNT;
    var items = list.querySelectorAll(":scope > li.md-search-result__item");
    var at = count.words >= 2 && count.every > 0 && count.every < count.pages ? items[count.every] : null;
    var text = at ? moreLine(count.pages - count.every, count.words) : "";
    var shown = list.querySelector(":scope > li." + MORE_DIVIDER);
    if (shown && (shown.nextElementSibling !== at || shown.textContent !== text)) {
      shown.remove();
      shown = null;
    }
    if (at && !shown) {
      var divider = document.createElement("li");
      divider.className = MORE_DIVIDER;
      divider.textContent = text;
      list.insertBefore(divider, at);
    }
  }

  /* Under "No page found", what to try next: it said nothing more, and a reader was
     left with an empty box. Every word of the query found nothing (a page with any one
     is listed), each looked for by its start and, misspelt, one edit off: a shorter
     word or another spelling may find it, and All papers lists every title. The arrow
     keys reach the link from the box, as they reach a result (Material moves them
     through the results' links). */
  /* (A query with words marked "+" or "-" finds nothing because of what they ask
     ("+merging -task": every page with "merging" has "task"), not of a spelling;
     search.py's MARKED_TIP, in the same words.) */
  var MARKED_TIP = "A page must have every word marked \u201c+\u201d and none marked "
    + "\u201c-\u201d, and none does: try without the marks, or browse ";
  /* (A query whose words are all marked "-" ("-task") has nothing to find: search.py's
     EXCLUDING_TIP, in the same words.) */
  var EXCLUDING_TIP = "Words marked \u201c-\u201d only leave pages out: add a word to search for, or browse ";
  /* (A query of words too common to search alone ("the", "+the"): search.py's
     common_tip, in the same words.) */
  function commonTip(words) {
    var quoted = words.map(function (word) { return "\u201c" + word + "\u201d"; });
    var named = quoted.length === 1 ? quoted[0]
      : quoted.slice(0, -1).join(", ") + " and " + quoted[quoted.length - 1];
    return named + (quoted.length === 1 ? " is" : " are") + " too common to search: add a word to search for, or browse ";
  }
  /* (A query of arXiv ids, years or a name that found nothing: that the list records no
     such field, or that no paper has it, not a spelling to try; search.py's
     unrecorded_tip, in the same words, and its _YEAR_TYPED, _ARXIV_TYPED, _NAME_TYPED.) */
  var YEAR_TYPED = /^(?:1[89]|20)[0-9]{2}$/;
  var ARXIV_TYPED = /^(?:[aA][rR][xX][iI][vV]:)?([0-9]{4}\.[0-9]{4,5})(?:v[0-9]+)?$/;
  var NAME_LETTERS = "[a-z\u00df-\u00f6\u00f8-\u00ff]+";
  var NAME_CAPITAL = "[A-Z\u00c0-\u00d6\u00d8-\u00de]";
  var NAME_TYPED = new RegExp("^" + NAME_CAPITAL + NAME_LETTERS + "(?:-" + NAME_CAPITAL + "?" + NAME_LETTERS + ")*$");
  function unrecordedTip(query, fields) {
    var typed = String(query || "").split(/\s+/).filter(Boolean);
    if (!typed.length) {
      return "";
    }
    var ids = typed.map(function (word) { var m = ARXIV_TYPED.exec(word); return m ? m[1] : null; });
    var told = Array.isArray(fields);
    if (ids.every(Boolean)) {
      return told && fields.indexOf("arxiv") < 0
        ? "This list records no arXiv ids, and no page writes " + ids[0] + ": browse "
        : "No paper in this list has the arXiv id " + ids[0] + ", and no page writes it: browse ";
    }
    if (typed.every(function (word) { return YEAR_TYPED.test(word); })) {
      return told && fields.indexOf("years") < 0
        ? "This list records no years, and no page writes " + typed[0] + ": browse "
        : "No paper in this list is of " + typed[0] + ", and no page writes it: browse ";
    }
    if (typed.length <= 3 && typed.every(function (word) { return NAME_TYPED.test(word); })) {
      var name = "\u201c" + typed.join(" ") + "\u201d";
      var editors = told && fields.indexOf("editors") >= 0;  /* (the editors a page names) */
      return told && fields.indexOf("authors") < 0 && !editors
        ? "This list records no authors, and no page writes " + name + ": browse "
        /* (not "no paper has an editor named": a proceedings' editors no page names) */
        : editors ? "No page in this list names an author or editor " + name + ", or writes it: "
        + "try another spelling, or browse "
        : "No paper in this list has an author named " + name + ", and no page writes it: "
        + "try another spelling, or browse ";
    }
    return "";
  }
  function nothingFound() {
    var tip = document.createElement("span");
    tip.className = "rl-search-tip";
    tip.appendChild(document.createTextNode(SEARCH_COUNT.excluding ? EXCLUDING_TIP
      : SEARCH_COUNT.common.length ? commonTip(SEARCH_COUNT.common)
      : SEARCH_COUNT.unlinked.length ? unlinkedTip(SEARCH_COUNT.unlinked[0]) : SEARCH_COUNT.marked ? MARKED_TIP
      : unrecordedTip(SEARCH_COUNT.typed, SEARCH_COUNT.recorded)
      || "The start of a word finds it (\u201cdistil\u201d finds \u201cdistillation\u201d): "
      + "try a shorter word or another spelling, or browse "));
    var scope = window.__md_scope;  /* the site's root, Material's */
    if (scope instanceof URL) {
      var all = document.createElement("a");
      all.href = new URL("papers/", scope).href;
      all.textContent = "all papers";
      tip.appendChild(all);
    } else {
      tip.appendChild(document.createTextNode("all papers"));
    }
    tip.appendChild(document.createTextNode("."));
    return tip;
  }

  /* "Skip to content" goes to the page's title. Material points it at the first
     heading of the table of contents, which on a paper page is the abstract (past the
     code badges and topics), and leaves pages without such a heading without one. Set
     again after every instant navigation (document$, once Material's bundle ran). */
  var SKIP_LINKS = new WeakSet();

  function skipToTitle() {
    var title = document.querySelector(".md-content h1");
    var holder = document.querySelector("[data-md-component=skip]");
    if (!title || !holder) {
      return;
    }
    title.id = title.id || "rl-page-title";
    var link = holder.querySelector("a.md-skip");
    if (!link) {
      link = document.createElement("a");
      link.className = "md-skip";
      link.textContent = "Skip to content";
      holder.appendChild(link);
    }
    link.setAttribute("href", "#" + title.id);
    /* The title moves focus itself: an id given by a script after the page loaded is no
       target the browser jumps to the first time, so the next Tab went back to the top. */
    title.setAttribute("tabindex", "-1");
    /* Noted in a WeakSet, not an attribute: a copy of the link (cloneNode) keeps its
       attributes but not its listeners, and would pass for one that has it. */
    if (!SKIP_LINKS.has(link)) {
      SKIP_LINKS.add(link);
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) {
          /* Instant navigation (a published site) also handles the click, after this:
             it moved the keyboard back to the top of the page. */
          event.preventDefault();
          event.stopPropagation();
          target.focus();
        }
      });
    }
  }
  /* A topic card's words, raised above its title's link (readinglist.css) so that a
     reader can select them, open the topic as the rest of the card does: a click on
     them is handed to the link, unless it ended a drag that selected text (a click
     follows a drag that starts and ends on one element). The link stays the card's one
     link, with the title its name: this is the mouse's way, a keyboard's is the link.
     (On the document: the cards of every page instant navigation brings.)
     A middle click (an auxclick: no click is fired for it) is handed on as a click of
     button 1 that does not bubble: the link then opens in a new tab as its own middle
     click does (an auxclick made by a script opens nothing, and a bubbling click would
     be Material's instant navigation's, in this tab). A plain click of the mouse waits
     TOPIC_CARD_WAIT ms before it opens the topic, and a press of a button in that time
     takes it back: the first click of a double-click, which selects a word, opened the
     topic under the reader. 250 ms covers a brisk double-click's pause between its
     clicks; a slower one opens the topic, as every double-click did before. A tap (a
     phone selects a word with a long press), a click with Ctrl, Cmd, Shift or Alt (a
     new tab, a window, a download: no word is selected so) and a click no pointer made
     (detail 0) open at once, as does the title, a link of its own. */
  var TOPIC_CARD_WAIT = 250;
  function topicCards() {
    var pending = null;
    function putAway() {
      if (pending !== null) {
        clearTimeout(pending);
        pending = null;
      }
    }
    /* The link of the card whose words the event is on, or null. */
    function cardLink(event) {
      var target = event.target instanceof Element ? event.target : null;
      var card = target ? target.closest(".rl-topic-cards li") : null;
      if (!card || event.defaultPrevented || target.closest("a")) {
        return null;
      }
      return card.querySelector("a.rl-topic-card__title");
    }
    /* Whether text of the card is selected: a selection begun in it, or one begun
       elsewhere that a Shift-click on its words extended into it (its focus there),
       which opened the topic in a new window. */
    function selectedIn(link) {
      var selection = window.getSelection();
      var card = link.closest("li");
      return Boolean(selection && !selection.isCollapsed && (card.contains(selection.anchorNode)
        || card.contains(selection.focusNode) || selection.containsNode(card, true)));
    }
    function handOn(link, event, bubbles) {
      link.dispatchEvent(new MouseEvent("click", {
        bubbles: bubbles, cancelable: true, view: window, button: event.button,
        ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey
      }));
    }
    document.addEventListener("mousedown", putAway);
    /* Gone elsewhere in the wait, by Back or Forward: instant navigation's, in this
       document, still fetching the page when the wait ended; or a whole page's, a
       page the back-forward cache keeps with its timers and brings back with them
       (Forward), which then opened the topic. The reader's later step wins. */
    window.addEventListener("popstate", putAway);
    window.addEventListener("pagehide", putAway);
    document.addEventListener("click", function (event) {
      var link = event.button === 0 ? cardLink(event) : null;
      if (!link || event.detail > 1 || selectedIn(link)) {
        return;
      }
      var atOnce = event.detail === 0 || event.pointerType === "touch" || event.ctrlKey
        || event.metaKey || event.shiftKey || event.altKey;
      if (atOnce) {
        handOn(link, event, true);
        return;
      }
      putAway();
      pending = setTimeout(function () {
        pending = null;
        if (link.isConnected && !selectedIn(link)) {
          handOn(link, event, true);
        }
      }, TOPIC_CARD_WAIT);
    });
    document.addEventListener("auxclick", function (event) {
      var link = event.button === 1 ? cardLink(event) : null;
      if (link && !selectedIn(link)) {
        handOn(link, event, false);
      }
    });
  }
  /* The header's menu and search buttons, shown on a phone (and on a desktop zoomed to
     200% or more). Material's are <label>s of hidden checkboxes: not reachable with Tab,
     not operable with a key, and said as an unnamed image. The header holds a <button>
     beside each (overrides/partials/header.html), hidden until this script makes it
     work; the label, which works without scripts, is then hidden instead. The menu says
     whether it is open. The search box Material opens is a dialog with no name: it gets
     one. (The header stays across instant navigation: once.) */
  function headerButtons() {
    document.querySelectorAll(".md-header button[data-rl-toggle]").forEach(function (button) {
      var name = button.getAttribute("data-rl-toggle");
      var toggle = document.getElementById(name);
      var label = document.querySelector(".md-header label.md-header__button[for='" + name + "']");
      if (!toggle || !label || !button.hidden) {
        return;
      }
      /* A click on the label: what Material does for it happens (the search box takes
         the keyboard in the same click, which a phone needs to show its keyboard). */
      button.addEventListener("click", function () {
        label.click();
      });
      button.hidden = false;
      label.hidden = true;
      if (name === "__drawer") {
        var said = function () {
          button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
        };
        said();
        /* (Material 9.8.2 opens and closes the drawer by clicking the box, which fires
           "change"; the page's clicks and keys are read too, in case a version of it
           sets the box without an event.) */
        toggle.addEventListener("change", said);
        document.addEventListener("click", said);
        document.addEventListener("keyup", said);
        /* Escape closes the open menu and the keyboard goes back to its button, as a
           reader expects of a menu (Material closes only its search so). */
        document.addEventListener("keydown", function (event) {
          if (event.key === "Escape" && toggle.checked && button.offsetParent !== null) {
            label.click();
            button.focus();
          }
        });
        /* Tab past its last link closes it too: the keyboard went on into the page under
           the drawer's shade, the drawer still open over the left of it (a reader's
           review: the "I have read this paper" box had the keyboard, unseen). The
           header's controls, before the drawer's links, leave it open. */
        var drawer = document.querySelector(".md-sidebar--primary");
        var header = document.querySelector(".md-header");
        document.addEventListener("focusin", function (event) {
          var target = event.target;
          if (toggle.checked && button.offsetParent !== null && drawer && header
              && target instanceof Node && !drawer.contains(target) && !header.contains(target)) {
            label.click();
            said();
          }
        });
      }
      /* Where the Search button shows, the closed search's box is off the screen, yet it
         was the Tab after the button: reaching it, Material opened an empty search over
         the page, which the next Tab shut. It is no Tab stop while closed there (a
         script's focus, the button's or "/"'s, still reaches it; hidden instead, the
         button's focus, which comes before the box opens, did not). */
      if (name === "__search") {
        var box = document.querySelector(".md-search__input");
        var narrow = window.matchMedia("(max-width: 59.984375em)");
        var stop = function () {
          if (box) {
            box.tabIndex = narrow.matches && !toggle.checked ? -1 : 0;
          }
        };
        stop();
        toggle.addEventListener("change", stop);
        if (narrow.addEventListener) {
          narrow.addEventListener("change", stop);
        }
        document.addEventListener("click", stop);
        document.addEventListener("keyup", stop);
      }
    });
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Search");
    }
  }

  /* The scheme toggle is Material's pair of radio buttons (partials/palette.html), one
     a scheme, each named for the switch to the other, the current one's label shown.
     Material checks neither until the reader picks one: Tab then reached the first,
     said as "Switch to dark mode" on a page already dark (a first visit, the system's
     scheme dark), and Enter made it light. The current scheme's button is checked, so
     the keyboard reaches the one that says what it does: the one whose label Material
     shows, now and after every switch. (The header stays across instant navigation:
     once.) */
  function schemeToggle() {
    var form = document.querySelector("form[data-md-component=palette]");
    if (!form) {
      return;
    }
    var check = function () {
      form.querySelectorAll("input.md-option").forEach(function (input) {
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL" && !label.hidden) {
          input.checked = true;  /* (a property: no attribute changes, no "change") */
        }
      });
    };
    check();
    new MutationObserver(check).observe(form, { subtree: true, attributeFilter: ["hidden"] });
    /* Space, the key a radio button answers, switches as Enter does: on the checked
       button it did nothing (a checked radio button stays checked). Its shown label is
       for the other scheme's button. */
    form.addEventListener("keydown", function (event) {
      var input = event.target;
      var label = input instanceof HTMLInputElement ? input.nextElementSibling : null;
      if (event.key === " " && input.checked && input.classList.contains("md-option")
          && label && label.tagName === "LABEL" && !label.hidden) {
        event.preventDefault();
        label.click();
        var next = document.getElementById(label.htmlFor);
        if (next) {
          next.focus();
        }
      }
    });
  }

  /* A table wider than its column scrolls sideways in the box Material wraps it in
     (.md-typeset__scrollwrap): a curator's ten-column table of results in a paper's
     notes or a topic's description. Chromium and Firefox scroll such a box from the
     keyboard; Safari only scrolls one that takes the keyboard itself (axe-core's
     "scrollable-region-focusable"). So a box that overflows is a Tab stop, a region
     named by the table's caption, its own name, or the heading it stands under, and
     shows a focus ring (readinglist.css); a box that fits is none of that, nor an
     extra Tab stop. Checked again whenever the box or its table changes size (the
     screen turned, the window narrowed, the filter's rows).

     On a phone the stylesheet breaks a table's words where they must, so that it fits
     the screen. A Markdown table (a curator's, a hand-written page's) keeps them whole
     where it can (the class rl-words-whole): where it fits so, and where it scrolls
     anyway, broken or not (rl-scrolls: its code too); a reader's review found "2101.000"
     over "10" in the curation reference and "Llama-2-70B-...-exten" over "ded" in a
     table that scrolled. Each way is measured, so the answer never depends on the last
     one. (A Markdown table a curator or a hand-written page writes breaks no word either
     way: the stylesheet keeps them whole there, and it scrolls where it does not fit
     so. The measure decides for the curation reference's tables of fields.) Not a list of papers the templates write (each names itself, aria-label): it
     fits (rows across the screen below 720px, columns with whole words above; a box
     of one that does not, a name longer than any seen, scrolls as any other does), and
     it may hold thousands of rows, each measure a layout of them all. The curation
     reference's tables of fields are measured as Markdown tables: below 720px they are
     blocks of lines, which fit. */
  var SCROLL_BOXES = new WeakMap();  /* box -> whether the script made it a region */

  function tableName(box, table) {
    var caption = table.querySelector("caption");
    var name = caption ? caption.textContent : table.getAttribute("aria-label");
    if (name && name.trim()) {
      return name.trim().replace(/\s+/g, " ");
    }
    /* The heading before it, in the page's order: its words without the permalink.
       Where it has more than one table, each its number ("Table 2: Curator's notes"):
       two regions of one name are one place twice to a screen reader's list of them. */
    var headings = document.querySelectorAll(".md-content h1, .md-content h2, "
      + ".md-content h3, .md-content h4, .md-content h5, .md-content h6");
    var under = function (element) {
      return Array.prototype.filter.call(headings, function (heading) {
        return heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;
      }).pop();
    };
    var heading = under(box);
    if (heading) {
      var words = heading.cloneNode(true);
      words.querySelectorAll(".headerlink").forEach(function (link) {
        link.remove();
      });
      var text = words.textContent.trim().replace(/\s+/g, " ");
      var tables = Array.prototype.filter.call(
        document.querySelectorAll(".md-typeset .md-typeset__scrollwrap"),
        function (other) {
          return under(other) === heading;
        });
      if (text) {
        return "Table" + (tables.length > 1 ? " " + (tables.indexOf(box) + 1) : "") + ": " + text;
      }
    }
    return "Table";
  }

  function overflows(box) {
    return box.scrollWidth > box.clientWidth + 1;
  }

  function checkScrollBox(box) {
    var table = box.querySelector("table");
    if (!table || !box.isConnected) {
      return;
    }
    var scrolls;
    if (table.hasAttribute("aria-label")) {
      scrolls = overflows(box);
    } else {
      box.classList.remove("rl-scrolls");
      box.classList.add("rl-words-whole");
      scrolls = overflows(box);
      if (scrolls) {
        box.classList.remove("rl-words-whole");
        scrolls = overflows(box);
        box.classList.toggle("rl-words-whole", scrolls);
        box.classList.toggle("rl-scrolls", scrolls);
      }
    }
    var before = SCROLL_BOXES.get(box);
    if (scrolls) {
      if (!before.made) {
        before.made = true;
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
      }
      box.setAttribute("aria-label", tableName(box, table));
    } else if (before.made) {
      before.made = false;
      ["tabindex", "role", "aria-label"].forEach(function (name) {
        box.removeAttribute(name);
      });
    }
  }

  var scrollResize = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    /* In the next frame: a change made in the observer's own call is a loop the
       browser reports as an error. */
    var boxes = new Set(entries.map(function (entry) {
      return entry.target.closest(".md-typeset__scrollwrap");
    }));
    requestAnimationFrame(function () {
      boxes.forEach(function (box) {
        if (box) {
          checkScrollBox(box);
        }
      });
    });
  }) : null;

  /* A word of a Markdown table's cells with a hyphen in it, of 16 characters at most
     ("ROUGE-L"), is in a span kept on one line as the page is written
     (generator/tablewords.py). A longer one in code, an id such as
     "allenai/natural-instructions", breaks only after its slashes where the table
     keeps its words whole (keepIdsWhole); a longer one in prose still breaks after its
     hyphens rather than widen its column by its whole length. */
  var SHORT_WORD_MAX = 16;

  /* A long id in code (no space in it) with a hyphen: each part up to and with a slash
     in a span (.rl-id-part), a line break allowed after each slash. A line may end
     after a hyphen, so in a table that scrolls on a phone anyway a repository's name
     read a piece a line, "owner/some-" over "very-" over "long-"...: where the table
     keeps its words whole (rl-words-whole, checkScrollBox) the stylesheet keeps each
     part on one line, as the lists of papers keep a repository's (render.breakable).
     Where breaking at its hyphens is what makes the table fit (a desktop), it still
     breaks there. Its text is as written. */
  var ID = /^[^\s]*-[^\s]*$/;

  function keepIdsWhole(table) {
    table.querySelectorAll("td code").forEach(function (code) {
      var text = code.firstChild;
      if (code.childNodes.length !== 1 || text.nodeType !== Node.TEXT_NODE
          || text.data.length <= SHORT_WORD_MAX || !ID.test(text.data)) {
        return;
      }
      var parts = document.createDocumentFragment();
      text.data.split(/(?<=\/)/).forEach(function (part, n) {
        if (n) {
          parts.append(document.createElement("wbr"));
        }
        var whole = document.createElement("span");
        whole.className = "rl-id-part";
        whole.textContent = part;
        parts.append(whole);
      });
      code.replaceChildren(parts);
    });
  }

  function scrollingTables() {
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap").forEach(function (box) {
      var table = box.querySelector("table");
      if (!table || SCROLL_BOXES.has(box)) {
        return;
      }
      SCROLL_BOXES.set(box, { made: false });
      if (!table.hasAttribute("aria-label")) {
        keepIdsWhole(table);
      }
      checkScrollBox(box);
      if (scrollResize) {
        scrollResize.observe(box);
        scrollResize.observe(table);
      }
    });
  }

  /* Material puts a code block's copy button in a <nav>: each block was a navigation
     landmark without a name, a place in a screen reader's list of the page's landmarks
     that leads to one button, and a page with two blocks (a curator's code in notes,
     the Cite block) had two alike (axe-core's landmark-unique). The button stays. */
  function codeButtons() {
    document.querySelectorAll(".md-typeset pre > nav.md-code__nav").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  /* Material's copy button says "Copied to clipboard" in a box it shows for two seconds
     (its dialog, outside the page's content: it stays across instant navigation), a box
     with no role: a screen reader said nothing, and a reader who copied the Cite block
     from the keyboard could not tell that it worked. As a status, its words are said
     when they change, without taking the keyboard from the button. */
  function copiedSaid() {
    var dialog = document.querySelector(".md-dialog[data-md-component=dialog]");
    if (dialog && !dialog.hasAttribute("role")) {
      dialog.setAttribute("role", "status");
    }
  }

  /* Material puts each search result's tags in a <nav> too: a search for "merging" made
     six unnamed navigation landmarks alike (landmark-unique), each a list of words, no
     navigation. */
  function unnamedTags(list) {
    list.querySelectorAll("nav.md-tags:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  /* A topic page's entry has its name as its tags (search.py's topic_entry: so that its
     name finds it first), which Material draws under its title as a tag: the result
     said the topic's name twice. A topic's tag list that is its own title alone goes;
     a paper's stays, titled as its one topic too (a survey named for its field): it
     says which topic the paper is in. */
  var TOPIC_PAGE = /\/topics\/[^/]+\/$/;
  function ownNameTags(list) {
    function words(el) {
      return el.textContent.replace(/\s+/g, " ").trim();
    }
    list.querySelectorAll(".md-search-result__article > nav.md-tags").forEach(function (nav) {
      var tags = nav.querySelectorAll(".md-tag");
      var title = nav.parentElement.querySelector("h1");
      var link = nav.closest("a.md-search-result__link");
      if (tags.length === 1 && title && link && TOPIC_PAGE.test(new URL(link.href).pathname)
          && words(tags[0]) === words(title)) {
        nav.remove();
      }
    });
  }

  /* A result shows three lines of a paragraph (readinglist.css), and Material shows the
     paragraphs that hold a word the query found: where the first such word lies past
     those lines (a word of an abstract's last sentence: "adapterhub" in AdapterFusion's),
     the result showed no word it was found by. That paragraph then starts, after an
     ellipsis, at the sentence holding the word, or some words before it in a long
     sentence. */
  var SHOWN_FROM = 80;  /* at most this many characters before the word */
  var FOUND_SHOWN = new WeakSet();
  function showFrom(p) {
    var mark = p.querySelector("mark");
    if (!mark || FOUND_SHOWN.has(p)) {
      return;
    }
    var box = p.getBoundingClientRect();
    if (box.height === 0 || mark.getBoundingClientRect().bottom <= box.bottom + 0.5) {
      return;
    }
    FOUND_SHOWN.add(p);
    var before = document.createRange();
    before.setStart(p, 0);
    before.setEndBefore(mark);
    var text = before.toString();
    var cut = 0;
    var sentence = /[.!?]\s+/g;
    for (var found; (found = sentence.exec(text));) {
      cut = found.index + found[0].length;
    }
    if (text.length - cut > SHOWN_FROM) {
      var space = text.indexOf(" ", text.length - SHOWN_FROM);
      cut = space < 0 ? text.length : space + 1;
    }
    if (cut === 0) {
      return;
    }
    /* The text node and offset at that character. */
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (var node, seen = 0; (node = walker.nextNode());) {
      if (seen + node.data.length >= cut) {
        before.setEnd(node, cut - seen);
        before.deleteContents();
        p.insertBefore(document.createTextNode("\u2026 "), p.firstChild);
        return;
      }
      seen += node.data.length;
    }
  }

  /* Results are drawn anew on every query, so they are watched (the list each page of
     instant navigation shows, once). */
  var WATCHED_RESULTS = new WeakSet();
  function searchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || typeof MutationObserver !== "function" || WATCHED_RESULTS.has(list)) {
      return;
    }
    WATCHED_RESULTS.add(list);
    function drawn() {
      moreDivider(list);
      ownNameTags(list);
      unnamedTags(list);
      list.querySelectorAll(".md-search-result__article").forEach(markResult);
      list.querySelectorAll(".md-search-result__article > p").forEach(showFrom);
    }
    new MutationObserver(drawn).observe(list, { childList: true, subtree: true });
    drawn();  /* (results drawn before it watched) */
  }

  /* Material names a section's list in the navigation by its arrow, a label with no
     text where the section has an index page (Topics, a topic with sub-topics): each
     such list was a navigation landmark without a name, and two of them (a sub-topic's
     page) were alike to a screen reader; and the arrow, a tab stop beside the
     section's link, was read as nothing at all. The arrow is named by the title its
     list shows, and so the list is. The list stays named by the arrow: Material
     finds it so when the arrow is pressed (naming it by its title instead threw
     "Missing element" at each press, and left the list's aria-expanded as the page
     came). (Its open state: navigationArrows.) */
  function navigationNames() {
    document.querySelectorAll(".md-nav--primary nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > label.md-nav__title");
      if (label && !label.textContent.trim() && !label.hasAttribute("aria-label")
          && title && title.textContent.trim()) {
        label.setAttribute("aria-label", title.textContent.trim());
      }
    });
    navigationArrows();
  }

  /* The arrow's open or closed state, which a screen reader says of the control it is
     on: Material keeps it on the list (the nav's aria-expanded), not on the arrow, a
     label, which may be no button (axe-core's aria-allowed-role, aria-allowed-attr). So
     the arrow's content goes into a button of its own (role="button", named as the
     arrow is, aria-expanded as its section's box is checked), the tab stop in the
     label's place: pressed, Enter or Space, it clicks the label, which toggles the box
     and lets Material set the list's state as before. Kept in step by the box's change
     (a click on the arrow, on the list's title band on a phone). */
  function navigationArrows() {
    document.querySelectorAll(".md-nav--primary label.md-nav__link[for][tabindex='0']").forEach(function (label) {
      var box = document.getElementById(label.htmlFor);
      if (!box || label.querySelector(":scope > .rl-nav-arrow")) {
        return;
      }
      var arrow = document.createElement("span");
      arrow.className = "rl-nav-arrow";
      arrow.setAttribute("role", "button");
      arrow.tabIndex = 0;
      if (label.hasAttribute("aria-label")) {
        arrow.setAttribute("aria-label", label.getAttribute("aria-label"));
      }
      while (label.firstChild) {
        arrow.appendChild(label.firstChild);
      }
      label.appendChild(arrow);
      label.tabIndex = -1;
      var said = function () {
        arrow.setAttribute("aria-expanded", box.checked ? "true" : "false");
      };
      said();
      box.addEventListener("change", said);
      arrow.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
    });
  }

  /* Does work on each page Material shows (its document$: the page loaded, then each
     page of instant navigation). Opened from disk (file://), document$ ends before it
     gives any page: Material leaves instant navigation out there, and the empty stream
     it puts in its place, feeding document$, ends it. The page loaded was left without
     any of this (its search marks, its skip link, the read marks, the All papers
     filter): work is done for it once then, once the page is read (DOMContentLoaded,
     when a served page is given). read-marks.js and table-filter.js, which run after
     Material's bundle, use it too (window.readinglistEachPage). */
  function eachPage(work) {
    var shown = false;
    window.document$.subscribe({
      next: function () {
        shown = true;
        work();
      },
      complete: function () {
        if (shown) {
          return;
        }
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", work);
        } else {
          work();
        }
      }
    });
  }
  window.readinglistEachPage = eachPage;

  document.addEventListener("DOMContentLoaded", function () {
    headerButtons();
    copiedSaid();
    topicCards();
    schemeToggle();
    if (window.document$ && typeof window.document$.subscribe === "function") {
      [searchResults, wholePage, searchCount, skipToTitle, scrollingTables, codeButtons,
        navigationNames].forEach(eachPage);
    } else {
      searchResults();
      wholePage();
      searchCount();
      skipToTitle();
      scrollingTables();
      codeButtons();
      navigationNames();
    }
  });

  /* A result lists the query's words it lacks ("Missing: pruned"), from the terms the
     worker says it found. A paper found by a word's base form only (it writes
     "pruning" for the query "pruned") was said to lack the word, and a result found by
     another word to lack the base form the reader never typed ("Missing: pruned
     prune"). So a word counts as found where one of its base forms is, and a base form
     the refinement added is not listed where it is missing. (Only what the result
     shows: the worker has ranked the results already, as search.py's replica does.) */
  function foldTerms(terms, baseForms) {
    var added = [];
    Object.keys(terms).forEach(function (term) {
      (baseForms.get(term) || []).forEach(function (base) {
        if (base !== term && Object.prototype.hasOwnProperty.call(terms, base)) {
          added.push(base);
          terms[term] = terms[term] || terms[base];
        }
      });
    });
    added.forEach(function (base) {
      if (!terms[base]) {
        delete terms[base];
      }
    });
  }

  /* The refinement also looks for a typed word's other spellings (search.py's
     variants): "promptbased" for "Prompt-based", "tulu" for "Tülu". A result without
     one said so ("Missing: promptbased", even under the topic titled "Prompt-based
     continual learning"), a word the reader never typed; and one found by it (it writes
     "multitask" for "multi-task") said "Missing: task". So a typed word counts as found
     where one of its other terms is (``words``: refineWords's, each typed word first),
     and a term the refinement added is not listed where it is missing. */
  function foldSpellings(terms, words, corrected) {
    var shown = function (word) {
      return saidAs(word, corrected);
    };
    var typed = new Set();
    words.forEach(function (word) {
      /* (A hyphenated word ranked whole: its halves are what was typed and looked for.) */
      (isCompound(word) ? word[0].split("-") : [word[0]]).forEach(function (half) {
        typed.add(half);
      });
    });
    /* (The words typed on their own, not as a hyphenated word's halves.) */
    var own = new Set(words.filter(function (word) {
      return !isCompound(word);
    }).map(function (word) {
      return word[0];
    }));
    var has = function (term) {
      return terms[term] === true;
    };
    words.forEach(function (word) {
      var found = word.some(has);
      (isCompound(word) ? word[0].split("-") : [word[0]]).forEach(function (half) {
        if (terms[half] === false && found) {
          terms[half] = true;
        }
      });
      /* A result without a hyphenated word ranked whole lacks the word typed
         ("Missing: gpt-4"), not a half of it ("Missing: gpt"). */
      if (isCompound(word) && !found) {
        word[0].split("-").forEach(function (half) {
          if (!own.has(half)) {
            delete terms[half];
          }
        });
        terms[shown(word)] = false;
      }
      /* A form such as "C++" or "R^2" not found is said missing as typed, its first
         term (search.py's words_missing), which is no term of the worker's: its
         pieces' ("c", "2") are no words typed, taken out below, and the result said it
         lacked nothing where the terminal said "c++". */
      if (isWritten(word) && !isCompound(word) && !found) {
        terms[shown(word)] = false;
      }
    });
    Object.keys(terms).forEach(function (term) {
      if (terms[term] === false && !typed.has(term) && words.some(function (word) {
        return word.indexOf(term) > 0;
      })) {
        delete terms[term];
      }
    });
    /* An author's name as the index holds it ("_he": search.py's name_forms) is no word
       the reader typed: a page without it (found by "Kaiming" of "Kaiming He") said
       "Missing: _he". It is a word to rank by only where the query has no other, and
       then every page found has it: search.py's result lists it in none. */
    Object.keys(terms).forEach(function (term) {
      if (terms[term] === false && isNameForm(term)) {
        delete terms[term];
      }
    });
    /* A URL found by the page's link (its second term, search.py's links_of): the words
       of its path, each a term of its own, are the link's, not missing ("Missing:
       slides pdf" under the paper whose slides' link was pasted; search.py's result
       counts the URL found, as one word). */
    /* A result not found by the URL lacks the URL, as search.py's result says: not
       its path's words ("Missing: robust agents" under a page found by "view" of
       "sites.google.com/view/robust-agents", where the terminal said the URL). */
    /* (A URL or a DOI typed, not a word of a part of a path typed, which its links
       found too, "sled" of "view/sled": a word, with "/", it has not. A page that
       wrote "sled" said "Missing: sled", where search.py's result said it had it.) */
    words.forEach(function (word) {
      if (word.length > 1 && word[1].indexOf(LINK_MARK) === 0 && word[0].indexOf("/") >= 0) {
        var linked = word.slice(1).some(has);
        Object.keys(terms).forEach(function (term) {
          if (terms[term] === false && !typed.has(term)
              && (word[0].indexOf(term) >= 0 || word[0].replace(/-/g, "").indexOf(term) >= 0)) {
            delete terms[term];
          }
        });
        if (!linked) {
          terms[word[0]] = false;
        }
      }
    });
    /* A result lacks only words it is ranked by, each as typed (search.py's
       words_missing): not a word typed in lunr's syntax ("he*", "merg*", "vectors~1",
       "title:merging"), which ranks no page: "he* merging" said "Missing: he*" under
       pages the line above counted among those with every word, and the terminal
       said they lacked nothing. */
    var ranked = new Set(words.map(shown));
    Object.keys(terms).forEach(function (term) {
      if (terms[term] === false && !ranked.has(term)) {
        delete terms[term];
      }
    });
  }

  /* A word to rank by as a result says it is missing: its first term, or what a
     hyphenated word corrected was typed as (search.py's words_missing). */
  function saidAs(word, corrected) {
    return corrected && corrected.get(word[0]) || word[0];
  }

  /* A result's terms (foldSpellings'), their keys in the query's order, as search.py's
     words_missing says them: Material lists its "Missing:" words in the order of the
     keys. A hyphenated word not found, put back by foldSpellings, came after the words
     typed after it ("Missing: $o $ alpha-divergences" for a TeX title pasted, where
     the terminal said "alpha-divergences $o $"); and an object lists its keys that
     read as integers first, whatever order they were put in ("colours dualities
     1999" said "Missing: 1999 dualities"). So Material is handed a Proxy of the terms
     whose keys come in that order: the words to rank by as said, then the others as
     they were. */
  function inQueryOrder(terms, words, corrected) {
    var order = words.map(function (word) {
      return saidAs(word, corrected);
    });
    var place = function (key) {
      var at = order.indexOf(key);
      return at < 0 ? order.length : at;
    };
    return new Proxy(terms, {
      ownKeys: function (target) {
        return Reflect.ownKeys(target).sort(function (a, b) {  /* (stable) */
          return place(a) - place(b);
        });
      }
    });
  }

  /* A page's result lacks only the words none of its entries finds, as search.py's
     result says (and as the page is ranked and counted: rankByWords): the topic
     "Multi-task learning", counted for "model merging survey" as the one page with
     every word, said "Missing: merging" under its title, the word being in its section
     "Sub-topics" alone. (A section's own result still says what it lacks.) In place. */
  function pageFinds(group) {
    var page = group.find(function (item) { return !item.parent; }) || group[0];
    if (!page || !page.terms) {
      return;
    }
    group.forEach(function (item) {
      Object.keys(item !== page && item.terms || {}).forEach(function (term) {
        if (item.terms[term] === true && page.terms[term] === false) {
          page.terms[term] = true;
        }
      });
    });
  }

  /* A hyphenated word looked for whole (refineParts) is found by its joined form, in a
     field no result shows, and by its halves as exact words. Material marks the words
     of a result's title, text and tags that its query's terms matched: "GPT" and "4"
     apart, and a "4" anywhere ("Table 4"; "405B" too, when the halves were words'
     starts), but no "GPT-4o", found by "gpt4*". So in each result drawn, a half's marks
     are taken out (not where the half is a word of the query too), and each
     hyphenated word whose joined form begins with a typed one's ("GPT-4", "GPT-4o" for
     "GPT-4": the words that found the page) is marked whole. (Material shows the
     blocks of text its terms matched: a half's, an exact word, where the page writes
     the word hyphenated.) A page found by such a word written with spaces ("chain of
     thought": with_spaced) showed no mark for it, its halves' taken out: the words so
     written are marked as one (spacedPhrases), a half elsewhere still not. In the
     results drawn, not in the worker's answer: on an answer's 10,000 results it took a
     quarter of a second. SEARCH_MARKS: the last answer's words (refineWords), its
     refined query and words in lunr's syntax, the words its fuzzy terms find (fuzzy;
     typedFuzzy: those of the fuzzy terms typed in lunr's syntax, by typed piece), the
     words its leading wildcards matched (leading: markLeading), and the index's
     separator. The link of
     every result, of any query, is made to mark on the page it opens what the result
     marks (wholeLink). */
  var SEARCH_MARKS = {
    words: null, query: null, syntax: [], fuzzy: new Set(), typedFuzzy: new Map(), leading: new Set(),
    separator: null, typed: ""
  };
  var MARKED = new WeakSet();

  /* Whether a term is an author's name as the index holds it: NAME_MARK and a stop
     word ("_he"; not a hyphenated word written with spaces, "_in_context"). */
  function isNameForm(term) {
    return term.indexOf(NAME_MARK) === 0 && STOP_WORDS.has(term.slice(NAME_MARK.length));
  }

  /* The authors' names that are stop words each result found (its terms, from the
     worker: "_he" true), by its location, for markNames. */
  function namesFound(item) {
    var names = Object.keys(item.terms).filter(function (term) {
      return item.terms[term] === true && isNameForm(term);
    }).map(function (term) {
      return term.slice(NAME_MARK.length);
    });
    if (names.length && SEARCH_MARKS.names) {
      SEARCH_MARKS.names.set(item.location, new Set(names));
    }
  }

  /* An author's name that is a stop word ("He" for Kaiming He) finds a paper by the
     form the index holds it in ("_he": search.py's name_forms), in a field no result
     shows: Material marked nothing, and a result found by "He" showed no reason. The
     names the result found are marked in its byline (the paragraph under its title:
     "Authors · Venue · Year", search.py's paper_entry), in the span that holds its
     authors (AUTHORS_CLASS; not a venue, where a paper has no authors), each a whole
     word read without accents ("Đỗ" for "Do"), as Material marks a word. (Where
     Material shows no byline, the reader sees the name nowhere.) */
  function markNames(article, link) {
    var names = linkedTo(SEARCH_MARKS.names, link);
    var bylines = names ? article.querySelectorAll(":scope > p > ." + AUTHORS_CLASS) : [];
    var nodes = [];
    bylines.forEach(function (byline) {
      var walker = document.createTreeWalker(byline, NodeFilter.SHOW_TEXT);
      for (var node; (node = walker.nextNode());) {
        nodes.push(node);
      }
    });
    nodes.forEach(function (node) {
      var text = node.data;
      if (node.parentElement.closest("mark")) {
        return;
      }
      var found = [];
      text.replace(/[\p{L}\p{N}]+/gu, function (word, at) {
        if (names.has(fold(word).toLowerCase()) || names.has(word.toLowerCase())) {
          found.push([at, at + word.length]);
        }
        return word;
      });
      markRanges(node, found, function () {});
    });
  }

  /* A result found by an editor's name (a chapter's book's, a book's own, whom its page
     names) showed nothing that named them: its byline names its authors. The editors
     whose names found it (a word of the name, with or without accents, begins with a
     term the result found), by its location, from its entry's EDITORS_KEY, for
     showEditors; search.py's editors_found and editors_said (editorsPieces), in the
     same words, as the terminal prints them. */
  var EDITORS_KEY = "editors";
  function editorsFound(item) {
    if (!Array.isArray(item[EDITORS_KEY]) || !SEARCH_MARKS.editors) {
      return;
    }
    var found = Object.keys(item.terms).filter(function (term) {
      return item.terms[term] === true;
    }).map(function (term) {
      return term.indexOf(NAME_MARK) === 0 ? term.slice(NAME_MARK.length) : term;
    }).filter(Boolean);
    var names = item[EDITORS_KEY].filter(function (name) {
      var words = String(name).toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
      return words.some(function (word) {
        var folded = fold(word);
        return found.some(function (term) { return word.indexOf(term) === 0 || folded.indexOf(term) === 0; });
      });
    });
    if (names.length) {
      SEARCH_MARKS.editors.set(item.location, {names: names, terms: found});
    }
  }
  /* What the result says of them (search.py's editors_said), in pieces, each [text,
     whether it is a name]. */
  function editorsPieces(names) {
    var pieces = [["ed. ", false]];
    names.forEach(function (name, n) {
      if (n) {
        pieces.push([n === names.length - 1 ? " and " : ", ", false]);
      }
      pieces.push([String(name), true]);
    });
    return pieces;
  }
  /* Said as text (a name is data, never markup) after the result's byline, as a
     citation reads (its authors, then "ed. ..."): after the paragraph that holds its
     authors (AUTHORS_CLASS), else, a book with no author, under its title, the editors
     in the authors' place. The words of the names that found it (as editorsFound: a
     word that begins with a term, with or without accents) marked whole, as Material
     marks the byline's names; not "ed." nor "and". */
  function showEditors(article, link) {
    var found = linkedTo(SEARCH_MARKS.editors, link);
    var title = article.querySelector(":scope > h1, :scope > h2");
    if (!found || !title) {
      return;
    }
    var authors = article.querySelector(":scope > p > ." + AUTHORS_CLASS);
    var said = document.createElement("p");
    said.className = "rl-result-editors";
    (authors ? authors.parentElement : title).after(said);
    editorsPieces(found.names).forEach(function (piece) {
      var node = said.appendChild(document.createTextNode(piece[0]));
      if (!piece[1]) {
        return;
      }
      var ranges = [];
      piece[0].replace(/[\p{L}\p{N}]+/gu, function (word, at) {
        var lower = word.toLowerCase();
        var folded = fold(lower);
        if (found.terms.some(function (term) { return lower.indexOf(term) === 0 || folded.indexOf(term) === 0; })) {
          ranges.push([at, at + word.length]);
        }
        return word;
      });
      markRanges(node, ranges, function () {});
    });
  }

  /* What found (a Map by result's location) holds for the result whose link is link,
     else null. */
  function linkedTo(found, link) {
    var path = new URL(link.href, location.href).pathname;
    var held = null;
    (found || new Map()).forEach(function (value, at) {
      if (at && path.endsWith("/" + at)) {
        held = value;
      }
    });
    return held;
  }

  /* The pieces of a result's title written in TeX, each with the words it is read as
     or written with (search.py's tex_pieces: its entry's TEX_KEY), by its location,
     for markTex. */
  var TEX_KEY = "tex";
  function texFound(item) {
    if (Array.isArray(item[TEX_KEY]) && SEARCH_MARKS.tex) {
      SEARCH_MARKS.tex.set(item.location, item[TEX_KEY]);
    }
  }

  /* A title written with TeX ("Learning \alpha-divergences of G\"odel codes in
     $O(n)$") shows as written, and a result found by what it reads as ("alpha", "α",
     "Gödel", "O(n)") marked nothing in it: those words are in a field no result shows,
     and the title's own ("\alpha", "$o") none of the query's; the title pasted left
     "\alpha" unmarked, lunr's term being "alpha". Each piece of it written in TeX that
     texRanges finds is marked in the title, whole, as Material marks a word its terms
     matched; a mark of Material's, or of markWhole's, that it overlaps is made one with
     it ("\alpha" and "alpha-divergences", "$O" and "$" of "$O(n)$"). The pieces marked,
     as written, once each, for the link to the page (TEX_WHOLE). */
  function markTex(article, link, words, query) {
    var pieces = linkedTo(SEARCH_MARKS.tex, link);
    var title = article.querySelector(":scope > h1, :scope > h2");
    if (!pieces || !textAndMarks(title)) {
      return [];
    }
    var text = title.textContent;
    var ranges = texRanges(text, pieces, words, query);
    markMerged(title, ranges, function () {});
    return ranges.map(function (range) {
      return text.slice(range[0], range[1]);
    }).filter(function (piece, i, all) {
      return all.indexOf(piece) === i;
    });
  }

  /* Whether element is there and holds only text and marks (Material's title of a
     result, a page's title). */
  function textAndMarks(element) {
    return Boolean(element) && Array.from(element.children).every(function (child) {
      return child.nodeName === "MARK";
    });
  }

  /* [start, end] of each piece of pieces (a title's TEX_KEY: each as written, then its
     words) in text to mark for a query of words (to rank by) typed as query: where one
     of its words is a term of one of words, whole, not a start (a piece of "godel" is
     no "go"); where it is only a half of a hyphenated word's ("alpha" of
     "alpha-divergences"), where text's run round it (between white space) holds each
     other half too: "n-gram"'s "n" is none of "codes in $O(n)$"'s "$O(n)$", whose
     words are those it is written with ("n"); and where the query writes it as
     written, a word of it or a half of a hyphenated one, lower-cased ('G\"odel' of the
     title pasted, which lunr reads as its syntax: no word to rank by). */
  function texRanges(text, pieces, words, query) {
    var terms = new Set();
    var halves = new Map();
    words.forEach(function (word) {
      word.forEach(function (term) {
        terms.add(term);
      });
      if (isCompound(word)) {
        var split = word[0].split("-");
        split.forEach(function (half, i) {
          halves.set(half, (halves.get(half) || []).concat([split.filter(function (other, j) {
            return j !== i;
          })]));
        });
      }
    });
    var typed = (query || "").toLowerCase().split(/\s+/).filter(function (word) {
      return word && word[0] !== "-";  /* (a page that writes it is left out) */
    }).map(function (word) {
      return word.replace(/^\+/, "");
    });
    var ranges = [];
    pieces.forEach(function (piece) {
      var written = String(piece[0]);
      var read = piece.slice(1);
      var own = read.some(function (term) {
        return terms.has(term);
      }) || typedIn(written.toLowerCase(), typed);
      var half = own ? [] : read.filter(function (term) {
        return halves.has(term);
      });
      for (var at = text.indexOf(written); written && at >= 0; at = text.indexOf(written, at + written.length)) {
        if (own || halvesRound(text, at, at + written.length, half, halves)) {
          ranges.push([at, at + written.length]);
        }
      }
    });
    return ranges;
  }

  /* Whether one of typed (words, lower-cased) is written (lower-cased), or holds it
     between hyphens or its ends. */
  function typedIn(written, typed) {
    return typed.some(function (word) {
      for (var at = word.indexOf(written); at >= 0; at = word.indexOf(written, at + 1)) {
        var end = at + written.length;
        if ((at === 0 || word[at - 1] === "-") && (end === word.length || word[end] === "-")) {
          return true;
        }
      }
      return false;
    });
  }

  /* Whether the run of text (between white space) round [start, end], that range
     left out, holds each other half of a hyphenated word one of half is a half of
     (halves: each half's others, by half), lower-cased. */
  function halvesRound(text, start, end, half, halves) {
    if (!half.length) {
      return false;
    }
    var from = start;
    var to = end;
    while (from > 0 && !/\s/.test(text[from - 1])) {
      from -= 1;
    }
    while (to < text.length && !/\s/.test(text[to])) {
      to += 1;
    }
    var round = (text.slice(from, start) + " " + text.slice(end, to)).toLowerCase();
    return half.some(function (term) {
      return halves.get(term).some(function (others) {
        return others.every(function (other) {
          return round.indexOf(other) >= 0;
        });
      });
    });
  }

  /* Each of ranges ([start, end]) of element's text (text and marks alone) marked,
     made one with each mark of it a range overlaps; a new mark dressed by dress. */
  function markMerged(element, ranges, dress) {
    if (!ranges.length) {
      return;
    }
    var at = 0;
    ranges = ranges.slice();
    element.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        ranges.push([at, at + node.textContent.length]);
      }
      at += node.textContent.length;
    });
    var merged = [];
    ranges.sort(function (a, b) {
      return a[0] - b[0];
    }).forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] < last[1]) {
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.push(range.slice());
      }
    });
    element.textContent = element.textContent;
    markRanges(element.firstChild, merged, dress);
  }

  /* A text node with each of ranges ([start, end], in order) of its text put in a
     <mark>, which dress is given to set its attributes. */
  function markRanges(node, ranges, dress) {
    if (!ranges.length) {
      return;
    }
    var text = node.data;
    var pieces = document.createDocumentFragment();
    var at = 0;
    ranges.forEach(function (range) {
      pieces.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = pieces.appendChild(document.createElement("mark"));
      dress(mark);
      mark.textContent = text.slice(range[0], range[1]);
      at = range[1];
    });
    pieces.appendChild(document.createTextNode(text.slice(at)));
    node.replaceWith(pieces);
  }

  function markResult(article) {
    var words = SEARCH_MARKS.words;
    if (!words || MARKED.has(article)) {
      return;
    }
    MARKED.add(article);
    var link = article.closest("a.md-search-result__link");
    if (link) {
      wholeLink(link, words, SEARCH_MARKS);
      markNames(article, link);
      showEditors(article, link);
    }
    /* (Material's marks of a result are whole words) */
    if (words.some(isCompound)) {
      markWhole(Array.from(article.children).filter(function (child) {
        /* The title, the text's blocks and the tags: not the "Missing:" line. */
        return !child.matches(".md-search-result__terms, .md-search-result__icon");
      }), words, false);
    }
    if (link) {
      var url = new URL(link.href);
      markTex(article, link, words, SEARCH_MARKS.typed).slice(0, WHOLE_MOST).forEach(function (piece) {
        url.searchParams.append(TEX_WHOLE, piece);
      });
      link.href = url.href;
    }
  }

  /* Marks, in each of parts (elements), each hyphenated word of words whole and where
     written with spaces. In a result, Material's marks of their halves are taken out
     (not where a half is a word of the query too); on a page (onPage) Material marks
     no half (wholeLink), and only the text shown is marked, as Material marks a page
     (not a <script>'s). A mark of Material's in a word so marked is taken out too: a
     half typed again as a word of its own ("chain-of-thought chain") left "Chain"
     marked and "-of-Thought" not, the word split between its mark and the text. On a
     page, plain (wholeWords) are its other words, each marked where a word of the
     text, split at the index's separator, is it or begins with it (start): as lunr
     finds the words of a result that Material marks, whole (a stop word is no word of
     the index), and not in a hyphenated word marked whole. */
  function markWhole(parts, words, onPage, plain, separator) {
    plain = plain || [];
    var cut = plain.length ? new RegExp(separator.source, "g") : null;  /* (as Material's split) */
    var joined = [];
    var halves = new Set();
    words.filter(isCompound).forEach(function (word) {
      joined = joined.concat(word.slice(1));
      word[0].split("-").forEach(function (half) {
        halves.add(half);
        halves.add(fold(half).toLowerCase());
      });
    });
    words.forEach(function (word) {
      if (!isCompound(word)) {
        halves.delete(word[0]);
      }
    });
    var spaced = spacedWords(words.filter(isCompound));
    var begins = function (compound) {
      var key = compound.replace(/-/g, "").toLowerCase();
      var folded = fold(key).toLowerCase();
      return joined.some(function (start) {
        return key.startsWith(start) || folded.startsWith(start);
      });
    };
    /* [start, end] of each word of text to mark whole, in order; before and after: the
       text its words run on into (wordRun). */
    var wholeIn = function (text, before, after) {
      var found = [];
      text.replace(HYPHENATED, function (compound, start) {
        if (begins(compound)) {
          found.push([start, start + compound.length]);
        }
        return compound;
      });
      /* (A run of words has no hyphenated word: they never overlap.) */
      found = found.concat(spacedPhrases(text, spaced));
      return found.concat(plainWords(text, plain, cut, before, after).filter(function (range) {
        return !found.some(function (other) {
          return range[0] < other[1] && range[1] > other[0];
        });
      })).sort(function (a, b) {
        return a[0] - b[0];
      });
    };
    parts.forEach(function (part) {
      unmarkInWhole(part.querySelectorAll("mark"), function (found) {
        return !onPage && halves.has(found.textContent.toLowerCase());
      }, wholeIn);
      var walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      var nodes = [];
      for (var node; (node = walker.nextNode());) {
        if (!node.parentElement.closest("mark") && (!onPage || node.parentElement.offsetHeight)) {
          nodes.push(node);
        }
      }
      /* (Each node's words found before any is marked: wordRun reads the elements'
         style, which a mark put in makes the browser work out again; each element's
         once, in inline.) */
      var inline = new Map();
      nodes.map(function (node) {
        var text = node.data;
        return plain.length
          ? wholeIn(text, wordRun(part, node, cut, false, inline), wordRun(part, node, cut, true, inline))
          : wholeIn(text);
      }).forEach(function (found, n) {
        markRanges(nodes[n], found, function (mark) {
          mark.setAttribute("data-md-highlight", "");  /* (as Material's on a page) */
          mark.className = WHOLE_MARK;
        });
      });
    });
  }

  /* [start, end] of each word of text (split at cut, the separator, as Material's
     tokenizer splits a field's text) that one of plain finds, in order. A word begun
     in before or ended in after (the text beside text's node, wordRun) is read whole,
     and its part in text marked. */
  function plainWords(text, plain, cut, before, after) {
    var found = [];
    if (!plain.length) {
      return found;
    }
    before = before || "";
    var whole = before + text + (after || "");
    var at = 0;
    cut.lastIndex = 0;
    var word = function (end) {
      var low = whole.slice(at, end).toLowerCase();
      var start = Math.max(at - before.length, 0);
      var stop = Math.min(end - before.length, text.length);
      if (start < stop && !STOP_WORDS.has(low) && plain.some(function (one) {
        return one.start ? low.startsWith(one.term) : low === one.term;
      })) {
        found.push([start, stop]);
      }
    };
    for (var match; (match = cut.exec(whole));) {
      word(match.index);
      at = match.index + match[0].length;
      if (!match[0].length) {
        cut.lastIndex += 1;
      }
    }
    word(whole.length);
    return found;
  }

  /* The text a word at the start (or, after, the end) of node runs on into: that of the
     text nodes before (after) it in part up to the separator, across inline elements
     only. The page breaks a word the index has whole into text nodes: a badge's
     "modelzoo_<wbr>continual", notes' "Ada**Merging**"; "continual" alone was marked
     inside it. No further than a <br>, a block's edge, or the longest a value reads.
     A block is left without the walk seeing it (the text after "<p>tasks</p>" is the
     next node after "tasks", the text before it the node before "vectors"), so a text
     node in another block than node's ends the run too: "<p>tasks</p>vectors" read
     "tasksvectors", no word "tasks" or "vectors" begins. */
  function wordRun(part, node, cut, after, inline) {
    var split = new RegExp(cut.source, "g");
    var walker = document.createTreeWalker(part, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    walker.currentNode = node;
    var run = "";
    var block = blockOf(node, part, inline);
    for (var next; (next = after ? walker.nextNode() : walker.previousNode()) && run.length <= WHOLE_LONGEST;) {
      if (next.nodeType !== Node.TEXT_NODE) {
        /* (A <wbr> breaks no word, shown or not: a compact badge hides it.) */
        if (next.nodeName !== "WBR" && (next.nodeName === "BR" || !isInline(next, inline))) {
          break;
        }
        continue;
      }
      if (blockOf(next, part, inline) !== block) {
        break;
      }
      var text = next.data;
      var first = null;
      var last = null;
      split.lastIndex = 0;
      for (var match; (match = split.exec(text));) {
        first = first || match;
        last = match;
        if (after || !match[0].length) {
          break;
        }
      }
      if (!first) {
        run = after ? run + text : text + run;
        continue;
      }
      return after ? run + text.slice(0, first.index) : text.slice(last.index + last[0].length) + run;
    }
    return run;
  }

  /* Whether an element is laid out inline; known, each element's answer in known. */
  function isInline(element, known) {
    var answer = known.get(element);
    if (answer === undefined) {
      answer = /^inline/.test(getComputedStyle(element).display);
      known.set(element, answer);
    }
    return answer;
  }

  /* The block a text node is in: its nearest ancestor that is not inline, or part. */
  function blockOf(node, part, known) {
    var element = node.parentElement;
    while (element && element !== part && isInline(element, known)) {
      element = element.parentElement;
    }
    return element || part;
  }

  /* A mark, its text left in its place, joined to the text around it. */
  function unmark(found) {
    var parent = found.parentNode;
    found.replaceWith(found.textContent);
    parent.normalize();
  }

  /* Each of the marks found that is a half (half(mark)), or lies in a word wholeIn marks
     whole, read in the text of the marks and text beside it (Material's marks of "Chain"
     and "Thought" in "Chain-of-Thought"), taken out. Marks side by side are read as one
     run, once (Material's ?h=x marks each letter of a word of 10,000 x's, and reading
     every mark's whole run, for each mark, hung the page), and the elements they leave
     are joined once. */
  function unmarkInWhole(found, half, wholeIn) {
    var beside = function (node) {
      return node && (node.nodeType === Node.TEXT_NODE || node.nodeName === "MARK");
    };
    var read = new Set();
    var out = [];
    Array.prototype.forEach.call(found, function (mark) {
      if (read.has(mark)) {
        return;
      }
      var first = mark;
      while (beside(first.previousSibling)) {
        first = first.previousSibling;
      }
      var text = "";
      var marks = [];
      for (var node = first; beside(node); node = node.nextSibling) {
        if (node.nodeName === "MARK") {
          read.add(node);
          marks.push({ mark: node, start: text.length, end: text.length + node.textContent.length });
        }
        text += node.textContent;
      }
      /* (wholeIn's ranges are in order of their starts, as the marks are: one pass.) */
      var ranges = wholeIn(text);
      var at = 0;
      marks.forEach(function (one) {
        while (at < ranges.length && ranges[at][1] <= one.start) {
          at += 1;
        }
        if (half(one.mark) || (at < ranges.length && ranges[at][0] < one.end)) {
          out.push(one.mark);
        }
      });
    });
    var parents = new Set();
    out.forEach(function (mark) {
      parents.add(mark.parentNode);
      mark.replaceWith(mark.textContent);
    });
    parents.forEach(function (parent) {
      parent.normalize();
    });
  }

  /* The page a result opens marks what the result did. Material's ?h= (search.highlight)
     is the result's terms found, each marked anywhere on the page, even inside another
     word: "Forget" in "Forgets", "task" in "tasks", "merge" in "merged", "Merging" in
     "AdaMerging", where the result list (lunr's matches) marks whole words only, and
     none of those; "chain-of-thought" marked every lone "chain" and "thought",
     "rethinking"'s "think" (a half's base form) and "GPT-4" each "4" ("405B"). So a
     result's link has no h: each hyphenated word goes in an "hw" of its own, as typed
     (lower-cased), with another hw of it written with spaces where a page writes it so
     ("chain of thought"): what the reader typed and may see, not the index's hidden
     terms ("chainofthought", "_chain_of_thought"), which the opened page makes again
     (wholeWords); and each other term of h in one too, with a "*" where the query
     looks for it as a word's start ("task*": a word typed; "vector", a base form, is
     looked for as itself), not a half of a hyphenated word marked whole. The opened
     page marks them as the result list does (wholePage). */
  var WHOLE = "hw";
  /* (And each piece of a TeX title the result marked, as written, in a "hx": the
     page's title marks it so, the page's words not being split at its "\", nor at
     its "$" (wholePage's markTexTitle).) */
  var TEX_WHOLE = "hx";
  var WHOLE_MARK = "rl-whole";
  function wholeLink(link, words, asked) {
    var url = new URL(link.href);
    /* (The terms of the words typed on their own, not a hyphenated word's halves nor
       their base forms; and of the words typed in lunr's syntax, "+forgetting".) */
    var own = new Set();
    words.forEach(function (word) {
      if (!isCompound(word)) {
        word.forEach(function (term) {
          /* (Not the form the index holds an author's name or a link in, "_he",
             "__github_com_x" (search.py's name_forms, link_form): no reader wrote it, no
             page shows it, and the address bar showed it; but a word typed so.) */
          if (term === word[0] || term.indexOf(NAME_MARK) !== 0) {
            own.add(term);
          }
        });
      }
    });
    asked.syntax.forEach(function (word) {
      if (word[0] !== "-") {
        wordStarts(word, asked.separator, true).forEach(function (term) {
          /* (Not a fuzzy term's own: it is one of the words it found, if any is.) */
          if (!asked.typedFuzzy.has(term)) {
            own.add(term);
          }
        });
      }
    });
    /* (The words a fuzzy term found, typed in lunr's syntax too, and those a leading
       wildcard matched: each as itself; not an author's name as the index holds it,
       "_he", which "he~1" and "*he" find, nor a form written with a symbol,
       "_w_generator_x2f_schema", which "*he" finds: search.py's written_term.) */
    [asked.fuzzy, asked.leading].forEach(function (found) {
      found.forEach(function (term) {
        if (!isNameForm(term) && term.indexOf(WRITTEN_MARK) !== 0) {
          own.add(term);
        }
      });
    });
    var starts = wordStarts(asked.query, asked.separator, false);
    /* (A term of Material's is a query's term, its wildcards taken off but one: a typed
       "forget*" is "forget**" to Material, and its term "forget*", which begins no
       word and is not in h; lunr found the words that begin with "forget".) */
    var plain = (url.searchParams.get("h") || "").split(" ").map(function (term) {
      return term.replace(/\*+$/, "");
    }).filter(function (term, i, terms) {
      return own.has(term) && terms.indexOf(term) === i;
    });
    url.searchParams.delete("h");
    url.searchParams.delete(WHOLE);
    url.searchParams.delete(TEX_WHOLE);
    var values = [];
    words.filter(isCompound).forEach(function (word) {
      values.push(word[0]);
      if (spacedTerms(word).length) {
        values.push(word[0].split("-").join(" "));
      }
    });
    plain.forEach(function (term) {
      values.push(starts.has(term) ? term + "*" : term);
    });
    /* (Those the page reads: "*ing" matched hundreds of words in a page.) */
    values.slice(0, WHOLE_MOST).forEach(function (value) {
      url.searchParams.append(WHOLE, value);
    });
    link.href = url.href;
  }

  /* The terms of a refined query that Material looks for as a word's start (or, every,
     all of them): it gives every term a "*" but one with a "+" or "-", a boost or an
     edit distance ("task^3", "vector^1", "instrucion~1": lunr finds those as the word
     itself, or one so near; a required word's "+task*" has its own), nor the words of
     a phrase in quotes, each of which it
     gives a "+" ('"task vectors"' is "+task +vectors": "tasks" was marked), split at
     the separator as its query's terms are. Lower-cased, as lunr has them. */
  function wordStarts(query, separator, every) {
    var starts = new Set();
    (query || "").split(/"([^"]+)"/).forEach(function (part, n) {
      part.split(/\s+/).forEach(function (term) {
        var start = n % 2 === 0 && (/^\+[^*~^]*\*$/.test(term) || !/^[+\-*]|[~^][0-9]*$/.test(term));
        term = term.replace(/^[+-]?(?:title|text|tags):|^[+-]/, "").replace(/[~^][0-9]*$|\*+$/g, "");
        if (term && (start || every)) {
          term.split(separator).forEach(function (piece) {
            if (piece) {
              starts.add(piece.toLowerCase());
            }
          });
        }
      });
    });
    return starts;
  }

  /* An address made before hw (a bookmark, a link shared) has Material's h alone: its
     terms, which Material marked anywhere ("Forget" inside "Forgets", "merg" inside
     "AdaMerging"), are read as hw values, each a word's start (Material's query looks
     for a typed word so; the link cannot say which of its terms were base forms), and
     h is taken out, hw or not (an address of ours with both is a hand-made one), so
     that Material marks none itself. Its bundle reads h from the address (its
     location$, set from location.href as it starts, and from the link an instant
     navigation follows): the page's own address is rewritten before the bundle runs
     (this script, in the head, runs first), and a link's as it is clicked, before the
     bundle's own listener reads it. In place; whether it had h. */
  function oldLink(url) {
    if (!url.searchParams.has("h")) {
      return false;
    }
    var terms = url.searchParams.get("h").split(/\s+/);
    url.searchParams.delete("h");
    if (!url.searchParams.has(WHOLE)) {
      terms.forEach(function (term) {
        term = term.replace(/\*+$/, "");
        if (term) {
          url.searchParams.append(WHOLE, term + "*");
        }
      });
    }
    return true;
  }

  function oldLinks() {
    var here = new URL(location.href);
    if (oldLink(here)) {
      history.replaceState(history.state, "", here.href);
    }
    /* (In the capture phase: before Material's listener, on the document's body.) */
    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link) {
        return;
      }
      var url = new URL(link.href, location.href);
      if (url.origin === location.origin && oldLink(url)) {
        link.href = url.href;
      }
    }, true);
  }

  /* Opened from disk (file://), a link to a page names its folder ("papers/", ".."),
     as MkDocs writes every link (use_directory_urls), and the browser showed a listing
     of that folder's files instead of its page: such a link is given the folder's
     index.html as it is followed (clicked, or opened in a tab with the middle button),
     and its own address back once followed (the browser reads it as the event ends), so
     that what reads the links (read-marks.js, which knows a paper by "papers/<id>/")
     sees them as written: a paper opened in a tab and ticked read there was otherwise
     not marked in the list it was opened from. A served site's links are left alone:
     the server gives a folder's index.html. */
  function diskLinks() {
    if (location.protocol !== "file:") {
      return;
    }
    function toPage(event) {
      var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link) {
        return;
      }
      /* (As written: the home page is "..", "../..", which the resolved address
         writes without its last slash.) */
      var path = (link.getAttribute("href") || "").split(/[?#]/)[0];
      var url = new URL(link.href, location.href);
      if (url.protocol === "file:" && path && /(?:^|\/)(?:\.\.?)?$/.test(path)) {
        var written = link.getAttribute("href");
        url.pathname = url.pathname.replace(/\/?$/, "/index.html");
        link.href = url.href;
        setTimeout(function () {
          if (link.getAttribute("href") === url.href) {
            link.setAttribute("href", written);
          }
        }, 0);
      }
    }
    document.addEventListener("click", toPage, true);
    document.addEventListener("auxclick", toPage, true);
  }

  /* The words an opened page's hw values ask it to mark (wholeLink): words, each
     hyphenated word as refineWords has it (the word, its joined forms and, where a
     value writes it with spaces, its spaced forms), and plain, each other word (term,
     and start: whether a word beginning with it is marked, its value's "*"). The
     address is the reader's to edit: a value is only ever compared with the page's
     text, one that is none of these is left out (one the separator splits, wholePage),
     no longer than WHOLE_LONGEST, and only the first WHOLE_MOST are read (a query's
     words and their base forms; a title pasted whole has some twenty). */
  var WHOLE_MOST = 32;
  var WHOLE_LONGEST = 100;
  var WHOLE_WORD = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)+$/u;
  var WHOLE_SPACED = /^[\p{L}\p{N}_]+(?: [\p{L}\p{N}_]+)+$/u;
  var WHOLE_PLAIN = /^([^\s*]+)(\*?)$/u;
  function wholeWords(values) {
    var words = new Map();
    var plain = new Map();
    values.slice(0, WHOLE_MOST).forEach(function (value) {
      value = value.toLowerCase();
      var apart = WHOLE_SPACED.test(value);
      var one = WHOLE_PLAIN.exec(value);
      if (!apart && !WHOLE_WORD.test(value)) {
        if (one && value.length <= WHOLE_LONGEST) {
          plain.set(value, { term: one[1], start: one[2] === "*" });
        }
        return;
      }
      var compound = apart ? value.split(" ").join("-") : value;
      var joined = compound.replace(/-/g, "");
      var terms = (words.get(compound) || [compound]).concat(
        apart ? spacedForms(compound) : [joined, fold(joined).toLowerCase()]);
      words.set(compound, terms.filter(function (term, i) {
        return terms.indexOf(term) === i;
      }));
    });
    return { words: Array.from(words.values()), plain: Array.from(plain.values()) };
  }

  /* On a page opened so, its words marked, once the index's separator is known (the
     search worker's setup: at once after an instant navigation, after this on a page
     loaded anew). Material marks an h's words itself, once its index is loaded; no
     address it reads has one (oldLinks), but should a version of it find one
     elsewhere, its marks come before these on an instant navigation (markWhole takes
     its marks out of a word marked whole), after them on a page loaded anew, where it
     marked "prompt" again inside "Prompt-based"'s mark for "prompt-based prompt": a
     mark it puts in one of these is taken out as it comes. */
  var INDEX_SETUP = [];
  /* An index that never comes (one that failed to load, or was blocked) left the
     page unmarked: after INDEX_WAIT ms without it the page is marked with
     the separator the index would have given (INDEX_SEPARATOR), so its marks are the
     same. */
  var INDEX_WAIT = 1500;
  /* (From disk, Material loads no index before its search is opened, and none the
     build writes after: it is not waited for.) */
  var indexLate = location.protocol === "file:";
  function wholePage() {
    var content = document.querySelector("[data-md-component=content]");
    var found = wholeWords(new URLSearchParams(location.search).getAll(WHOLE));
    var tex = new URLSearchParams(location.search).getAll(TEX_WHOLE).slice(0, WHOLE_MOST);
    if (!content || (!found.words.length && !found.plain.length && !tex.length) || MARKED.has(content)) {
      return;
    }
    var separator = SEARCH_MARKS.separator || (indexLate ? new RegExp(INDEX_SEPARATOR) : null);
    if (!separator) {
      if (!INDEX_SETUP.length) {
        setTimeout(function () {
          indexLate = true;
          INDEX_SETUP.splice(0).forEach(function (waiting) {
            waiting();
          });
        }, INDEX_WAIT);
      }
      INDEX_SETUP.push(wholePage);
      return;
    }
    MARKED.add(content);
    var plain = found.plain.filter(function (word) {
      return !new RegExp(separator.source).test(word.term);
    });
    markWhole([content], found.words, true, plain, separator);
    markTexTitle(content, tex);
    if (typeof MutationObserver === "function") {
      new MutationObserver(function () {
        content.querySelectorAll("mark." + WHOLE_MARK + " mark").forEach(unmark);
      }).observe(content, { childList: true, subtree: true });
    }
  }

  /* On a page opened from a result of a TeX title, each piece the result marked in it
     (its link's TEX_WHOLE), as written, marked in the page's title (text and marks
     alone, as the paper's page writes it) where it writes it, made one with a mark it
     overlaps ("alpha-divergences" of "\alpha-divergences"), as in the result. */
  function markTexTitle(content, tex) {
    var title = content.querySelector("h1");
    if (!tex.length || !textAndMarks(title)) {
      return;
    }
    var text = title.textContent;
    var ranges = [];
    tex.forEach(function (piece) {
      for (var at = text.indexOf(piece); piece && at >= 0; at = text.indexOf(piece, at + piece.length)) {
        ranges.push([at, at + piece.length]);
      }
    });
    markMerged(title, ranges, function (mark) {
      mark.setAttribute("data-md-highlight", "");  /* (as Material's on a page) */
      mark.className = WHOLE_MARK;
    });
  }

  /* A run of words apart only by white space (the index's: search.py's SPACE), neither
     end joined by a hyphen to another word: where search.py's with_spaced finds a
     hyphenated word written with spaces (its _SPACED_RUN), in a field's text between
     its markup, as a result's text node is (Material's marks of the halves taken out). */
  var SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
  /* The index's separator (search.py's SEPARATOR, which the index's setup gives the
     worker), for a page whose index never comes (wholePage). */
  var INDEX_SEPARATOR = "[" + SPACE + "\\-,:;!?=\\[\\]()\"'`/|{}<>+~^]+|\\.(?![0-9])|&(?:lt|gt|amp|quot|#34|#39|#42|#96|#126|#x27);";
  var RUN_WORD = "[\\p{L}\\p{N}_]+(?![\\p{L}\\p{N}_-])";
  var SPACED_RUN = new RegExp("(?<![\\p{L}\\p{N}_-])" + RUN_WORD + "(?:[" + SPACE + "]+" + RUN_WORD + ")+", "gu");
  var WORD_IN_RUN = /[\p{L}\p{N}_]+/gu;

  /* The hyphenated words of the query that a page finds written with spaces, each as
     the number of its halves and its terms that find it so (spacedTerms). */
  function spacedWords(words) {
    return words.map(function (word) {
      return { halves: word[0].split("-").length, terms: spacedTerms(word) };
    }).filter(function (word) {
      return word.terms.length > 0;
    });
  }

  /* Where text writes one of those words with spaces, as the index found it ("chain of
     thought": its halves next to each other in a run of words, lower-cased, or so
     without accents): [start, end] of each, in order, none overlapping. */
  function spacedPhrases(text, spaced) {
    var found = [];
    if (!spaced.length) {
      return found;
    }
    text.replace(SPACED_RUN, function (run, at) {
      var words = [];
      run.replace(WORD_IN_RUN, function (word, start) {
        words.push({ word: word, start: at + start, end: at + start + word.length });
        return word;
      });
      for (var i = 0; i < words.length;) {
        /* (The longest where two begin at one word.) */
        var size = 0;
        spaced.forEach(function (word) {
          var halves = words.slice(i, i + word.halves);
          if (word.halves > size && halves.length === word.halves && spacedForms(halves.map(function (half) {
            return half.word;
          }).join("-")).some(function (form) {
            return word.terms.indexOf(form) >= 0;
          })) {
            size = word.halves;
          }
        });
        if (size) {
          found.push([words[i].start, words[i + size - 1].end]);
          i += size;
        } else {
          i += 1;
        }
      }
      return run;
    });
    return found;
  }

  /* For tests/browser: the refinement as the browser runs it, compared with Python's. */
  window.readinglistRefine = refine;
  window.readinglistReadPhrases = readPhrases;
  window.readinglistRefineWords = refineWords;
  window.readinglistRankByWords = rankByWords;
  window.readinglistCountLine = countLine;
  window.readinglistMoreLine = moreLine;
  window.readinglistByForm = byForm;
  window.readinglistFoldTerms = foldTerms;
  window.readinglistFoldSpellings = foldSpellings;
  window.readinglistSpacedPhrases = function (text, words) {
    return spacedPhrases(text, spacedWords(words));
  };
  window.readinglistVocabulary = function (text) {
    return new Vocabulary(text);
  };

  /* Material reads the search box when a key goes up (components/search/query: its
     "keyup", not "input"): text that reaches the box without a key, as a paste from
     the menu, a dropped selection, a character picker or a keyboard's own insertion
     of a character (a combining accent, U+0301), was never asked, and the box listed
     the answer to what it held before: "10.1234/CAFE" for "10.1234/CAFE\u0301" ("No
     paper has the DOI 10.1234/CAFE"), where the terminal found the paper. Every
     change of the box is read as a key going up: Material asks the worker for a
     value once (its distinctUntilChanged), so a key's own keyup after this asks
     nothing more. (Not while a composition is under way: a keyboard's keys are read
     there, as before. Not bubbling: the page's other keyup listeners hear keys.) A
     composition's end is such a change too: its text comes in "input" events of a
     composition alone, and one ended without a key (a candidate clicked, a
     handwriting or voice keyboard) was never asked. */
  function askedAsTyped(event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.classList.contains("md-search__input") && !event.isComposing) {
      box.dispatchEvent(new KeyboardEvent("keyup"));
    }
  }
  document.addEventListener("input", askedAsTyped);
  document.addEventListener("compositionend", askedAsTyped);

  /* (Here, once every value it reads is set.) */
  oldLinks();
  diskLinks();

  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") {
    return;
  }

  /* Material's search worker, which is made the one beside it that also says the
     words each result matched (workers/readinglist-search.js, which loads it). */
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js/;
  function withMatches(url) {
    var material = new URL(String(url), location.href);
    var worker = new URL("readinglist-search.js", material);
    worker.searchParams.set("worker", material.pathname.slice(material.pathname.lastIndexOf("/") + 1));
    return worker.href;
  }

  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      var isSearch = SEARCH_WORKER.test(String(url));
      super(isSearch ? withMatches(url) : url, options);
      this.isSearch = isSearch;
      this.separator = null;  /* the index's own, from the setup message */
      this.baseForms = null;  /* and its words' other forms */
      this.vocabulary = null;  /* and its words */
      this.recorded = null;  /* and which of a paper's fields the list records */
      /* The words of each query posted and not yet answered: the worker answers every
         query, in order (an invalid one with no results). */
      this.pending = [];
      if (this.isSearch) {
        /* Registered before Material's own listener, so it sees the folded terms and
           the groups in their new order (the event's data is one object for every
           listener). */
        this.addEventListener("message", function (ev) {
          var isResult = ev.data && ev.data.type === RESULT;
          var items = isResult && ev.data.data && ev.data.data.items;
          var refined = isResult ? this.pending.shift() : null;
          SEARCH_COUNT.unanswered = this.pending.length;
          var words = refined && refined.words;
          if (items && refined && refined.fuzzy.size) {
            items.forEach(function (group) {
              markFuzzy(group, refined.fuzzy);
              typedFound(group, refined.typedFuzzy);
            });
          }
          var leading = new Set();
          if (items && refined && refined.syntax.length) {
            items.forEach(function (group) {
              markLeading(group, refined.leading, leading);
              markStarred(group);
            });
          }
          if (isResult) {
            SEARCH_COUNT.marked = refined ? refined.marked : 0;
            SEARCH_COUNT.excluding = Boolean(refined && refined.excluding);
            SEARCH_COUNT.common = refined ? refined.common : [];
            SEARCH_COUNT.notes = refined ? refined.notes : [];
            SEARCH_COUNT.unlinked = refined ? refined.unlinked : [];
            SEARCH_COUNT.typed = refined ? refined.typed : "";
            SEARCH_COUNT.recorded = this.recorded;
            SEARCH_MARKS.words = words || null;
            SEARCH_MARKS.query = refined ? refined.query : null;
            SEARCH_MARKS.typed = refined ? refined.typed : "";
            SEARCH_MARKS.syntax = refined ? refined.syntax : [];
            SEARCH_MARKS.fuzzy = refined ? refined.fuzzy : new Set();
            SEARCH_MARKS.typedFuzzy = refined ? refined.typedFuzzy : new Map();
            SEARCH_MARKS.leading = leading;
            SEARCH_MARKS.names = new Map();
            SEARCH_MARKS.tex = new Map();
            SEARCH_MARKS.editors = new Map();
          }
          if (items && words) {
            /* (ranked first: it leaves out the pages a hyphenated word's halves found) */
            byScore(items);
            var every = rankByWords(items, words, this.separator, refined.required, this.baseForms);
            SEARCH_COUNT.line = countLine(items.length, every, words.length);
            SEARCH_COUNT.pages = items.length;
            SEARCH_COUNT.every = every;
            SEARCH_COUNT.words = words.length;
          } else if (items) {
            /* (a query not refined: how many were found is all that is known) */
            SEARCH_COUNT.line = countLine(items.length, items.length, 0);
            SEARCH_COUNT.pages = SEARCH_COUNT.every = items.length;
            SEARCH_COUNT.words = 0;
          } else if (isResult) {
            SEARCH_COUNT.line = "";
            SEARCH_COUNT.pages = SEARCH_COUNT.every = SEARCH_COUNT.words = 0;
          }
          if (items && this.baseForms) {
            items.forEach(function (group) {
              group.forEach(function (item) {
                if (item.terms) {
                  namesFound(item);
                  editorsFound(item);
                  texFound(item);
                  foldTerms(item.terms, this.baseForms);
                  if (words) {
                    foldSpellings(item.terms, words, refined.corrected);
                  }
                }
              }, this);
              pageFinds(group);
              group.forEach(function (item) {
                if (item.terms && words) {
                  item.terms = inQueryOrder(item.terms, words, refined.corrected);
                }
              });
            }, this);
          }
        }.bind(this));
      }
    }

    postMessage(message, transfer) {
      if (this.isSearch && message) {
        if (message.type === SETUP && message.data && message.data.config) {
          /* Marks for benchmarks/search_latency.py: when the index reached the worker,
             when the worker was ready and when it first answered. */
          performance.mark("readinglist:search-setup");
          this.addEventListener("message", function (ev) {
            var name = ev.data && ev.data.type === 1 ? "ready" : "result";
            if (!performance.getEntriesByName("readinglist:search-" + name).length) {
              performance.mark("readinglist:search-" + name);
            }
          });
          this.separator = new RegExp(message.data.config.separator);
          SEARCH_MARKS.separator = this.separator;
          /* (Out of Material's call: the pages waiting for it are marked.) */
          INDEX_SETUP.splice(0).forEach(function (waiting) {
            setTimeout(waiting);
          });
          this.baseForms = byForm(message.data.config.inflections);
          this.vocabulary = typeof message.data.config.vocabulary === "string"
            ? new Vocabulary(message.data.config.vocabulary) : null;
          this.recorded = Array.isArray(message.data.config.recorded) ? message.data.config.recorded : null;
        } else if (message.type === QUERY) {
          /* (Every query is answered: one not refined is answered in the worker's order.) */
          var refined = typeof message.data === "string" && this.separator
            ? refineParts(message.data, this.separator, this.baseForms, this.vocabulary) : null;
          if (refined) {
            refined.typed = message.data;  /* (as typed: unrecordedTip) */
          }
          this.pending.push(refined);
          SEARCH_COUNT.unanswered = this.pending.length;
          var asked = refined ? refined.query : message.data;
          if (typeof asked === "string" && fewerEdits(asked) !== message.data) {
            message = Object.assign({}, message, { data: fewerEdits(asked) });
          }
          /* The words a page must find (words marked "+"), for the worker to leave out
             the results of the pages that find none of a word's terms before Material
             shapes them (readinglist-search.js): lunr has no clause for "any of these
             terms", so it lists every page with the other words ("+transfer
             learning": 9,890 of 10,000 made-up papers, 4,141 with "transfer"), and
             rankByWords still leaves out each page without one. Not with words in
             lunr's syntax: typedFound may count a page's word for a fuzzy word that
             none of the word's own terms begins. */
          if (refined && refined.required.length && !refined.syntax.length) {
            message = Object.assign({}, message, { required: refined.required });
          }
          /* The phrases a page must hold, and those it must not: the worker leaves out
             the other pages' results (withPhrases; search.py's Refined.keeps), its
             pages' words folded by this script's LETTERS, the one table of them in
             the browser's search. */
          if (refined && (refined.phrases.length || refined.unphrases.length)) {
            message = Object.assign({}, message, {
              phrases: refined.phrases, unphrases: refined.unphrases, letters: LETTERS });
          }
        }
      }
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
    }
  };
})();
