/* The all-papers table's filter: words of a title, an author (any of them), the venue, the
   summary, a topic, the year or the code's repository, "with code only", and "unread only" (the papers the
   reader has not marked read, read-marks.js: shown once they have marked one).

   The table is the whole list (10,000 rows for a large one), so the site's search is
   not the only way to narrow it. The controls are in the page hidden and shown here, so
   that without JavaScript no control does nothing. (No <form>: there is nothing to send,
   and no generated page holds one, which the escaping tests check.) Material's instant
   navigation swaps pages without reloading: set-up runs on each page it shows
   (document$), once per filter.

   Speed: hiding rows of a 10,000-row table made the browser lay it out again, 0.7 to
   1.7 s a keystroke. A filtered table is a table body of its own, of copies of the
   first LIMIT matching rows (more on request); the whole body comes back when the
   filter is emptied, unless it is a large one (WHOLE). */
(function () {
  "use strict";

  /* Ran: the page's head leaves a long table's rest hidden only if so (main.html). */
  window.readinglistFilter = true;

  var DELAY = 250; /* ms after the last key, so that a word is typed before it filters */
  var LIMIT = 200; /* matching rows shown before "Show all" */
  /* (generator/pagecontext.py splits the table's body past the first LIMIT rows above WHOLE
     rows: ALL_PAPERS_FIRST and ALL_PAPERS_WHOLE are these.)
     Above this many rows, an emptied filter shows the first LIMIT rows too: putting the
     whole body back cost 1.4 to 1.8 s at 10,000 rows (measured in Chromium). */
  var WHOLE = 2000;

  /* Lowercase, without accents ("modele" finds "modèle"), hyphens left out
     ("multi-task" is "multitask"), other punctuation a space: a word typed is found at
     the start of a word of the row. A word with "++" or "#" after its letters ("C++17",
     "C#-style") is read both with them and without, so that "c++" and "c#" are not the
     letter "c" (which finds them too, as "17" finds "C++17"); a "+" between words
     ("RL+LLM") parts them. */
  var KEPT = /^[\p{L}\p{N}]+(\+\+|#)[\p{L}\p{N}]*$/u;

  /* Latin letters that NFKD leaves whole, as search.py's LETTERS writes them:
     "lukasz" finds "Łukasz", "sklodowska" "Skłodowska". */
  var LETTERS = {
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "Þ": "Th", "þ": "th", "ı": "i"
  };
  var LETTER_KEYS = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

  function normal(text) {
    var words = text.normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(LETTER_KEYS, function (c) { return LETTERS[c]; }).toLowerCase()
      .replace(/[-\u2010\u2011]/g, "").replace(/[^\p{L}\p{N}+#]+/gu, " ").split(" ");
    return " " + words.map(function (word) {
      var parted = word.replace(/[+#]+/g, " ");
      return KEPT.test(word) ? word + " " + parted : parted;
    }).join(" ").replace(/ +/g, " ").trim();
  }

  /* A row's hyphenated words, each also in its parts: "curie" finds "Skłodowska-Curie"
     and "task" "multi-task" (the row has both "multitask" and "multi task"). Only the
     row's: a hyphen typed still joins, so "multi-task" finds "multitask" too. */
  var HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;

  /* A word that changes case inside, in its parts too: "gpt" finds "GraspGPT", "coder"
     "MFTCoder", "seek" "DeepSeek" (a reader types a name's part as they see it). Not
     before a plural's "s": "LLMs" is no "ms". */
  var LOWER_UPPER = /(\p{Ll})(\p{Lu})/gu;
  var UPPER_WORD = /(\p{Lu})(\p{Lu}\p{Ll}{2,})/gu;
  var CASED = /[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}{2,})[\p{L}\p{N}]*/gu;

  function parts(text) {
    var cased = (text.match(CASED) || []).map(function (word) {
      return word.replace(LOWER_UPPER, "$1 $2").replace(UPPER_WORD, "$1 $2");
    });
    return " " + (text.match(HYPHENATED) || []).join(" ").replace(/[-\u2010\u2011]/g, " ") +
      " " + cased.join(" ");
  }

  /* Scripts written without spaces: a word of them is found anywhere in the row. */
  var UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

  function found(row, word) {
    return row.indexOf(UNSPACED.test(word) ? word : " " + word) !== -1;
  }

  function setUp(filter) {
    if (filter.dataset.ready) {
      return;
    }
    filter.dataset.ready = "1";
    var table = document.getElementById(filter.dataset.table);
    if (!table || !table.tBodies.length) {
      return;
    }
    var text = filter.querySelector(".rl-filter__text");
    var code = filter.querySelector(".rl-filter__code");
    /* "Unread only" counts while it is shown (read-marks.js shows it). A page may have
       none: the filter works without it. */
    var unread = filter.querySelector(".rl-filter__unread");
    function unreadOnly() {
      return !!unread && unread.checked && !unread.parentNode.hidden;
    }
    var count = filter.querySelector(".rl-filter__count");
    var whole = table.tBodies[0];
    /* read-marks.js marks read papers' links in this body too while it is not shown. */
    table.readinglistWhole = whole;
    /* A long list's rows past the first come in a body of their own, hidden while
       scripts run (generator/pagecontext.py, ALL_PAPERS_FIRST): such a list is shown LIMIT
       rows at a time, its whole body never. */
    var large = table.tBodies.length > 1;
    /* Hidden here too: the head's class may not have been set (a policy that forbids
       inline scripts), and the filter's matches would stand above every other row. */
    Array.prototype.slice.call(table.tBodies, 1).forEach(function (body) {
      body.hidden = true;
    });
    var columns = table.tHead ? table.tHead.rows[0].cells.length : 1;
    var all = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      all.push.apply(all, body.rows);
    });
    var rows = all.map(function (row) {
      /* Every cell; of the code badge, the repository's name alone ("THUDM/CogAgent":
         its text and the name after its slash, a span of its own so that it breaks
         whole), not its stars, marks or note; for the line under the title, every author's name and
         the whole venue (data-filter), not the line itself: it names the first author
         only, cuts a long venue, and its "and" and "et al." would match. The row's
         data-filter also names the paper's other repositories, whose badges the row
         does not show (generator/pagecontext.py, filter_text). */
      var said = Array.prototype.map.call(row.cells, function (cell) {
        /* Not the words of a cell without code ("No code linked"): "code" or "no"
           found every paper without it. */
        if (cell.querySelector(".rl-code-none")) {
          return "";
        }
        var badge = cell.querySelector(".rl-badge");
        if (badge) {
          return Array.prototype.filter.call(badge.childNodes, function (node) {
            return node.nodeType === Node.TEXT_NODE ||
              (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("rl-badge__tail"));
          }).map(function (node) { return node.textContent; }).join("");
        }
        var line = cell.querySelector(".rl-row-byline");
        return line ? cell.textContent.replace(line.textContent, " ") : cell.textContent;
      }).join(" ") + " " + (row.dataset.filter || "");
      return { row: row, text: normal(said) + normal(parts(said)) + " ", code: !!row.querySelector(".rl-badge--code") };
    });
    var timer = 0;
    var page = location.pathname; /* the table's own address (see remember) */

    function note(message) {
      var row = document.createElement("tr");
      row.className = "rl-filter__note-row";
      var cell = document.createElement("td");
      cell.colSpan = columns;
      cell.className = "rl-filter__note";
      row.appendChild(cell);
      if (typeof message === "string") {
        cell.textContent = message;
      } else {
        cell.appendChild(message);
      }
      return row;
    }

    /* Nothing found. The filter reads what the rows show, not the abstracts: "RLHF"
       found no paper where the site's search found eight. The words typed are offered
       to that search (Material's box, opened as its own "?q=" opens it), where the
       page has one. */
    function nothing() {
      var said = document.createDocumentFragment();
      said.appendChild(document.createTextNode("No paper matches the filter."));
      var query = text.value.trim();
      var box = document.querySelector("[data-md-component=search-query]");
      if (!query || !box) {
        return said;
      }
      var search = document.createElement("button");
      search.type = "button";
      search.className = "md-button";
      search.textContent = "Search abstracts and notes for \u201c" + query + "\u201d";
      search.addEventListener("click", function () {
        box.value = query;
        box.focus(); /* opens the search */
        box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      });
      said.appendChild(document.createTextNode(" "));
      said.appendChild(search);
      return said;
    }

    var last = { matches: null, limit: LIMIT }; /* what show() shows */

    function show(matches, limit) {
      last = { matches: matches, limit: limit };
      var body = document.createElement("tbody");
      matches.slice(0, limit).forEach(function (r) {
        body.appendChild(r.row.cloneNode(true));
      });
      if (!matches.length) {
        body.appendChild(note(nothing()));
      } else if (matches.length > limit) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "md-button";
        more.textContent = "Show all " + matches.length;
        more.addEventListener("click", function () {
          if (more.dataset.busy) {
            return;
          }
          /* Thousands of rows take seconds to lay out: the button says so first. */
          more.dataset.busy = "1";
          more.textContent = "Showing all " + matches.length + "\u2026";
          requestAnimationFrame(function () {
            setTimeout(function () {
              if (!table.isConnected) {
                return;
              }
              show(matches, matches.length);
              remember();
              /* The button went with the body it was in: the keyboard goes on where
                 the new rows start, not at the top of the page. */
              var next = table.tBodies[0].rows[limit];
              var link = next && next.querySelector("a");
              if (link) {
                link.focus();
              }
            }, 0);
          });
        });
        body.appendChild(note(more));
      }
      table.replaceChild(body, table.tBodies[0]);
      /* The whole list's first rows: printed, the rest (hidden) is printed after them. */
      table.classList.toggle("rl-first-rows", matches === rows && matches.length > limit);
      if (matches === rows) {
        count.textContent = matches.length > limit
          ? "The first " + limit + " of " + rows.length + " papers are shown"
          : "All " + rows.length + " papers are shown"; /* (said aloud) */
      } else {
        count.textContent = matches.length + " of " + rows.length + " papers match" +
          (matches.length > limit ? "; the first " + limit + " are shown" : "");
      }
    }

    /* The filter is kept in the page's address (?filter=...&code=1; not "q", which
       opens Material's search): Back from a paper finds it again (instant navigation
       renders the page anew), and a filtered list can be linked to. */
    function remember() {
      /* Instant navigation puts the next page's address in the bar before it takes
         this page away: a key's timer that runs in between must not give a paper's
         address this filter (seen under load: ".../paper/?filter=translatex"). */
      if (location.pathname !== page) {
        return;
      }
      var params = new URLSearchParams(location.search);
      var query = text.value.trim();
      if (query) { params.set("filter", query); } else { params.delete("filter"); }
      if (code.checked) { params.set("code", "1"); } else { params.delete("code"); }
      if (unread && unread.checked) { params.set("unread", "1"); } else { params.delete("unread"); }
      /* "Show all" too: Back from a paper in row 5,000 finds it shown. */
      if (last.matches && last.limit >= last.matches.length && last.matches.length > LIMIT) {
        params.set("all", "1");
      } else {
        params.delete("all");
      }
      var search = params.toString();
      var address = location.pathname + (search ? "?" + search : "") + location.hash;
      if (address !== location.pathname + location.search + location.hash) {
        try {
          history.replaceState(history.state, "", address);
        } catch (error) {
          /* (a page with no address of its own, such as about:blank: nothing to keep) */
        }
      }
    }

    /* The controls as last applied: Back to the page (pageshow), or Enter pressed again,
       with nothing changed redraws nothing, and what was shown ("Show all") stays. */
    var applied = null;

    function apply() {
      clearTimeout(timer);
      if (!filter.isConnected) {
        return; /* a key's timer, run after instant navigation left the page */
      }
      var now = JSON.stringify([normal(text.value), code.checked, unreadOnly()]);
      if (now !== applied) {
        applied = now;
        redraw();
      }
      remember();
    }

    function redraw() {
      var wanted = normal(text.value).split(" ").filter(Boolean);
      var onlyUnread = unreadOnly();
      if (!wanted.length && !code.checked && !onlyUnread) {
        if (large) {
          show(rows, LIMIT); /* with a button for the rest */
          return;
        }
        if (table.tBodies[0] === whole) {
          return;
        }
        if (rows.length > WHOLE) {
          show(rows, LIMIT);
          return;
        }
        table.replaceChild(whole, table.tBodies[0]);
        last = { matches: null, limit: LIMIT };
        count.textContent = "All " + rows.length + " papers are shown"; /* (said aloud) */
        return;
      }
      show(matching(), LIMIT);
    }

    function matching() {
      var wanted = normal(text.value).split(" ").filter(Boolean);
      var onlyUnread = unreadOnly();
      return rows.filter(function (r) {
        return (!code.checked || r.code) && (!onlyUnread || !r.row.querySelector("a.rl-read-link")) &&
          wanted.every(function (w) { return found(r.text, w); });
      });
    }

    /* The reader's log changed (in another tab): what "unread" means did too. Only a
       change to the rows shown redraws them, as many as were shown ("Show all" stays). */
    filter.readinglistOnRead = function () {
      if (!filter.isConnected || !unreadOnly()) {
        return;
      }
      var matches = matching();
      var same = last.matches && matches.length === last.matches.length &&
        matches.every(function (r, i) { return r === last.matches[i]; });
      if (!same) {
        show(matches, last.limit > LIMIT ? matches.length : LIMIT);
      }
    };

    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, DELAY);
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        apply(); /* at once */
      }
    });
    code.addEventListener("change", apply);
    if (unread) {
      unread.addEventListener("change", apply);
    }
    var given = new URLSearchParams(location.search);
    if (given.has("filter")) { text.value = given.get("filter"); }
    if (given.get("code") === "1") { code.checked = true; }
    /* (Not while it is hidden: the reader has marked nothing read, read-marks.js.) */
    if (unread && !unread.parentNode.hidden && given.get("unread") === "1") { unread.checked = true; }
    filter.hidden = false;
    filter.readinglistApply = apply;
    apply();
    if (given.get("all") === "1" && last.matches && last.matches.length > last.limit) {
      show(last.matches, last.matches.length);
      remember();
    }
  }

  function setUpAll() {
    try {
      document.querySelectorAll(".rl-filter").forEach(setUp);
    } catch (error) {
      /* Whatever failed, a long list's rest must not stay hidden with no control. */
      document.documentElement.classList.remove("rl-js");
      document.querySelectorAll("tbody.rl-rest").forEach(function (body) {
        body.hidden = false;
      });
      throw error;
    }
  }

  /* Back to this page: the browser puts the controls' state back only now, after the
     page's own scripts ran, without a change event. */
  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".rl-filter").forEach(function (filter) {
      if (filter.readinglistApply) {
        filter.readinglistApply();
      }
    });
  });

  /* read-marks.js says so when the reader's log changed. (One listener for the page's
     life: one per filter would keep every filter instant navigation left.) */
  document.addEventListener("readinglist:read", function () {
    document.querySelectorAll(".rl-filter").forEach(function (filter) {
      if (filter.readinglistOnRead) {
        filter.readinglistOnRead();
      }
    });
  });

  /* On each page Material shows, and from disk on the page loaded (readinglist.js,
     in the head, says how); without either, the page loaded. */
  if (window.readinglistEachPage && typeof document$ !== "undefined") {
    window.readinglistEachPage(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();
