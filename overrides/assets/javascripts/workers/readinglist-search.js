/* Material's search worker (the file named by this script's ?worker=, which
   readinglist.js gives as it starts this in Material's place), whose every result also
   says the words of the index that lunr matched in it: "found", a list of them. Material
   hands the page only which of the query's terms begin one of them (its "terms"), and
   its text cut to the blocks of the first two matches: a word that a wildcard
   ("*merging", "forget*") or a fuzzy term ("forgeting~1") matched was read by the
   page in what the result shows, and one further down the page, or one a leading
   wildcard matched ("AdaMerging"), was said missing and not marked on the page the
   result opens (readinglist.js: markFuzzy, markStarred, markLeading). lunr's match
   data (its metadata, keyed by the words matched) says which words each result
   matched. In Material's folder of workers: what its worker loads, by addresses
   relative to its own (its languages' stemmers), is found as it is. */
(function () {
  "use strict";

  var SETUP = 0;  /* Material's messages: the index, */
  var QUERY = 2;  /* a query, */
  var RESULT = 3;  /* and its answer */

  /* (Only Material's worker, beside this one: the address is a query anyone may write.) */
  var worker = new URL(self.location.href).searchParams.get("worker") || "";
  if (!/^search\.[\w.-]+\.js$/.test(worker)) {
    throw new Error("not Material's search worker: " + worker);
  }

  /* Whether the query asked has a wildcard or a fuzzy term: the page reads the words
     found for those only, and with them an answer of 9,315 results (a list of 10,000
     papers) took about 330 ms instead of 280. (Registered before Material's listener,
     which asks lunr at once.) */
  var wanted = false;
  /* The words a page must find, each as the terms any of which finds it (the page's
     readinglist.js gives them with the query: its words marked "+"). */
  var required = [];
  /* The phrases a page must hold and those it must not, each as its words (the page's
     readPhrases gives them with the query), and the index's entries by page, and its
     separator, to read a page's texts by (withPhrases). */
  var phrases = [];
  var unphrases = [];
  var entries = new Map();
  var separator = null;
  self.addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === SETUP && ev.data.data && Array.isArray(ev.data.data.docs)) {
      separator = new RegExp(ev.data.data.config.separator);
      entries = new Map();
      ev.data.data.docs.forEach(function (doc) {
        var page = String(doc.location).split("#")[0];
        entries.set(page, (entries.get(page) || []).concat([doc]));
      });
    }
    if (ev.data && ev.data.type === QUERY) {
      wanted = typeof ev.data.data === "string" && /[*~]/.test(ev.data.data);
      required = Array.isArray(ev.data.required) ? ev.data.required : [];
      phrases = Array.isArray(ev.data.phrases) ? ev.data.phrases : [];
      unphrases = Array.isArray(ev.data.unphrases) ? ev.data.unphrases : [];
      setLetters(ev.data.letters);
    }
  });
  importScripts(worker);

  /* Each result of the last search, by its entry's address (lunr's ref, Material's
     location): the words it matched. */
  var found = new Map();
  var search = self.lunr.Index.prototype.search;
  self.lunr.Index.prototype.search = function (queryString) {
    /* A query of prohibited terms alone ("-task") finds nothing: lunr lists every page
       without them, and Material scores each NaN (it divides by the terms found, none).
       (The page asks "" for such a query it refined; this is for one it did not. An
       invalid query is left to lunr, which throws as before.) */
    var query = new self.lunr.Query(this.fields);
    try {
      new self.lunr.QueryParser(String(queryString), query).parse();
    } catch (error) {
      query = null;
    }
    if (query && query.clauses.length && query.isNegated()) {
      found = new Map();
      return [];
    }
    var results = withPhrases(withRequired(search.apply(this, arguments), required), phrases, unphrases);
    found = new Map(wanted ? results.map(function (result) {
      return [result.ref, Object.keys(result.matchData.metadata)];
    }) : []);
    return results;
  };

  /* lunr's results, without those of a page (its entries: the address before "#")
     that finds none of the terms of one of the required words, a term found where a
     word lunr matched in one of its entries begins with it (as Material's terms say).
     The page's readinglist.js leaves each such page out (rankByWords); here it is left
     out before Material shapes and sends it: 9,890 results for "+transfer learning"
     over 10,000 made-up papers, of which 4,141 are kept. A page kept keeps all its
     entries, in lunr's order. */
  function withRequired(results, words) {
    if (!words.length) {
      return results;
    }
    var matched = new Map();
    results.forEach(function (result) {
      var page = String(result.ref).split("#")[0];
      matched.set(page, (matched.get(page) || []).concat(Object.keys(result.matchData.metadata)));
    });
    var kept = new Set();
    matched.forEach(function (tokens, page) {
      if (words.every(function (terms) {
        return tokens.some(function (token) {
          return terms.some(function (term) { return token.startsWith(term); });
        });
      })) {
        kept.add(page);
      }
    });
    return results.filter(function (result) {
      return kept.has(String(result.ref).split("#")[0]);
    });
  }

  /* lunr's results, without those of a page that does not hold each of the phrases
     (its words next to each other, in order, in one of its texts) or holds one marked
     "-" (search.py's MaterialSearch._phrase_filter and Refined.keeps: the same texts,
     read by the same words). lunr found the pages with each of a phrase's words; this
     keeps those where they stand together. */
  var BLOCK = /<(?:\/?(?:p|li|ul|ol|div|h[1-6]|tr|td|th|pre|blockquote|table|dd|dt)|br)\b[^>]*>/i;
  function withPhrases(results, wanted, unwanted) {
    if (!separator || (!wanted.length && !unwanted.length)) {
      return results;
    }
    var kept = new Map();
    return results.filter(function (result) {
      var page = String(result.ref).split("#")[0];
      if (!kept.has(page)) {
        var texts = [];
        (entries.get(page) || []).forEach(function (doc) {
          phraseTexts(doc).forEach(function (text) {
            texts.push([text[0], textWords(text[1])]);
          });
        });
        kept.set(page, wanted.every(function (phrase) { return holdsPhrase(texts, phrase); })
          && !unwanted.some(function (phrase) { return holdsPhrase(texts, phrase); }));
      }
      return kept.get(page);
    });
  }

  /* search.py's phrase_texts: the title, each block of the text, each tag, each free
     text of the hidden field (after its single forms, each after a "|"), each after its
     field's name and a colon ("" for the hidden field's), which a phrase scoped to a
     field ('title:"task vectors"') is looked for in alone. */
  function phraseTexts(doc) {
    var tags = doc.tags || [];
    function of(field) {
      return function (text) { return [field, text]; };
    }
    return [["title:", String(doc.title || "")]].concat(
      String(doc.text || "").split(new RegExp(BLOCK.source, "gi")).map(of("text:")),
      (typeof tags === "string" ? [tags] : tags).map(of("tags:")),
      String(doc.variants || "").split("|").slice(1).map(of("")));
  }

  /* search.py's phrase_words_of: markup skipped, split at the separator, lower-cased,
     each without its accents (readinglist.js's fold). The Latin letters NFKD leaves
     whole (an L with a stroke, a sharp s) are folded by readinglist.js's table, which
     the page sends with a query's phrases: one table in the browser's search, not a
     copy here to keep alike. (Not importScripts of a shared file: readinglist.js is
     loaded and tested alone, in the page's head and in pages tests set up by hand,
     and would need that file too.) */
  var LETTERS = {};
  var LETTER_KEYS = null;
  function setLetters(letters) {
    if (letters && typeof letters === "object") {
      LETTERS = Object.assign(Object.create(null), letters);
      var keys = Object.keys(LETTERS).filter(function (c) { return /^.$/u.test(c); });
      LETTER_KEYS = keys.length ? new RegExp("[" + keys.join("").replace(/[\\\]^-]/g, "\\$&") + "]", "gu") : null;
    }
  }
  function fold(word) {
    word = word.normalize("NFKD").replace(/\p{M}/gu, "");
    return LETTER_KEYS ? word.replace(LETTER_KEYS, function (c) { return LETTERS[c]; }) : word;
  }
  var ASCII = /^[\x00-\x7F]*$/;
  function textWords(text) {
    var words = [];
    String(text).split(/<[^>]*>/).forEach(function (section) {
      section.split(separator).forEach(function (word) {
        if (word) {
          /* (A word of ASCII has no accent: normalizing each word of 5,000 abstracts
             was most of the time a phrase of two common words took.) */
          word = word.toLowerCase();
          words.push(ASCII.test(word) ? word : fold(word));
        }
      });
    });
    return words;
  }

  /* (A phrase scoped to a field, its field's name first, in that field's texts alone.) */
  function holdsPhrase(texts, phrase) {
    var field = phrase.length && /:$/.test(phrase[0]) ? phrase[0] : null;
    phrase = field === null ? phrase : phrase.slice(1);
    return texts.some(function (text) {
      if (field !== null && text[0] !== field) {
        return false;
      }
      var words = text[1];
      for (var i = 0; i + phrase.length <= words.length; i++) {
        if (words[i] === phrase[0] && phrase.every(function (word, j) { return words[i + j] === word; })) {
          return true;
        }
      }
      return false;
    });
  }

  /* Material's worker answers with the global postMessage, looked up as it answers. */
  var post = self.postMessage;
  self.postMessage = function (message) {
    var items = message && message.type === RESULT && message.data && message.data.items;
    if (Array.isArray(items) && found.size) {
      items.forEach(function (group) {
        group.forEach(function (item) {
          var words = found.get(item.location);
          if (words) {
            item.found = words;
          }
        });
      });
      found = new Map();
    }
    return post.apply(self, arguments);
  };
})();
