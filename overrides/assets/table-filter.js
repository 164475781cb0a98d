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
  /* What a count line's words get to be said again the same (tell). */
  var UNSPOKEN = "\u00a0";
  var UNSPOKEN_END = /\u00a0$/;
  /* Rows a "Show 1,000 more" adds: a step that takes well under a second at 10,000
     (each row a box the browser skips off the screen, blockRows), where "Show all"
     takes about two on 2 loaded cores. */
  var STEP = 1000;
  /* (generator/pagecontext.py splits the table's body past the first LIMIT rows above WHOLE
     rows: ALL_PAPERS_FIRST and ALL_PAPERS_WHOLE are these.)
     Above this many rows, an emptied filter shows the first LIMIT rows too: putting the
     whole body back cost 1.4 to 1.8 s at 10,000 rows (measured in Chromium). */
  var WHOLE = 2000;

  /* A count as the page's language writes it ("10,000" in English): "Show all 10000"
     stood beside "Show 1,000 more". Every count of the table's buttons and count line. */
  var numbers = null;
  function counted(n) {
    if (!numbers) {
      try {
        numbers = new Intl.NumberFormat(document.documentElement.lang || "en");
      } catch (error) {
        numbers = new Intl.NumberFormat("en"); /* (a lang attribute no browser knows) */
      }
    }
    return numbers.format(n);
  }

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


  /* Sorting a list of papers (All papers, a topic's table) by a column: the headers
     Title, Year and Code become buttons here (without JavaScript the headers stay words
     and the page's order stands). A click sorts (a title A to Z, the year newest first,
     code first with the most stars first, or by title where no badge has a count), a
     second click on the same column reverses.
     The page's own order is the one its note names (newest first, or by title), shown
     as that column's sort, and kept out of the address; another is kept in it
     (?sort=year, ?sort=-title) with the filter's, so a sorted view can be linked and
     Back to the page finds it (instant navigation renders the page anew).

     Stable: rows of equal keys keep the page's order (the index breaks ties). The keys
     are read from the rows as the generator wrote them (the title's link, the Year
     cell, the code badge and its whole star count), once, on the first sort: loading
     the page costs nothing more. The count is the badge's data-stars, as
     content/repositories.yml has it (the badge shows "1.2k" for 1,201 and 1,249);
     equal counts go by title, A to Z, either way. Papers without a year come last
     either way.

     The page's note of its order ("newest first", an element .rl-order naming the
     table) says the order shown, and its own words again for the page's order. */
  var SORTS = {
    title: { first: "", up: "A to Z", down: "Z to A", note: "by title, " },
    year: { first: "-", up: "oldest first", down: "newest first", note: "" },
    code: {
      first: "-", up: "without code first, fewest stars first", down: "with code first, most stars first", note: "",
      /* Where no badge of the table has a star count (no content/repositories.yml, as in
         the shipped list), the order is code or not, then the title: "most stars first"
         promised an order that was not the one shown. */
      uncounted: { up: "without code first, then by title", down: "with code first, then by title" }
    }
  };

  /* The table's sortable columns, by the headers the templates write. */
  function sortColumns(table) {
    var head = table.tHead && table.tHead.rows[0];
    var columns = {};
    if (!head || !head.cells.length) {
      return columns;
    }
    columns.title = 0;
    Array.prototype.forEach.call(head.cells, function (th, i) {
      if (th.classList.contains("rl-year-column")) {
        columns.year = i;
      } else if (i > 0 && th.textContent.trim() === "Code") {
        columns.code = i;
      }
    });
    return columns;
  }

  var collator = null;

  function sortKey(name, row, column) {
    var cell = row.cells[column];
    if (!cell) {
      return null;
    }
    if (name === "title") {
      var link = cell.querySelector("a");
      return (link || cell).textContent.trim();
    }
    if (name === "year") {
      var year = parseInt(cell.textContent, 10);
      return isNaN(year) ? null : year;
    }
    /* (A badge without data-stars has no count: GitHub was not asked, or had no such
       repository. It comes after those with a count, 0 too, before papers without
       code: counted 0 and not counted were one key, and went by title together.) */
    var badge = cell.querySelector(".rl-badge--code");
    var stars = badge ? parseInt(badge.dataset.stars, 10) : NaN;
    return badge ? (isNaN(stars) ? 1 : 2 + stars) : 0;
  }

  /* Sorting of `table` whose rows, in the page's order, are `items` ({row: <tr>}).
     `changed` is called after a click. Returns null where the table has no header. */
  function sortable(table, items, changed) {
    var columns = sortColumns(table);
    if (columns.title === undefined || table.readinglistSort) {
      return null;
    }
    /* The page's own order, as its note says: newest first where there is a Year. */
    var initial = columns.year !== undefined ? "-year" : "title";
    var state = initial;
    var cache = {};
    var keys = {};
    var head = table.tHead.rows[0];
    /* The note's words for the page's order, put back when the sort is. (Not a live
       region: the whole sentence it is in would be said at every click; `said` is.) */
    var note = table.id ? document.querySelector('.rl-order[data-table="' + table.id + '"]') : null;
    var noted = note ? note.textContent : "";
    var said = document.createElement("span");
    said.className = "rl-visually-hidden";
    said.setAttribute("aria-live", "polite");
    table.parentNode.insertBefore(said, table);
    table.tHead.classList.add("rl-sorts");
    var counted = table.querySelector(".rl-badge--code[data-stars]") !== null;

    /* The words for a column's order, one way or the other. */
    function sortWords(key, down) {
      var words = key === "code" && !counted ? SORTS.code.uncounted : SORTS[key];
      return down ? words.down : words.up;
    }

    /* (Own keys only: "?sort=constructor" or "__proto__" named Object's own members,
       was taken for a sort, and wrote "NaN" in the note.) */
    function parse(value) {
      var name = String(value || "").replace(/^-/, "");
      var own = Object.prototype.hasOwnProperty;
      return own.call(SORTS, name) && own.call(columns, name) ? value : null;
    }

    function ordered() {
      if (state === initial) {
        return items;
      }
      if (!cache[state]) {
        var name = state.replace(/^-/, "");
        var down = state.charAt(0) === "-";
        if (!keys[name]) {
          keys[name] = items.map(function (r) { return sortKey(name, r.row, columns[name]); });
          if (name === "title") {
            keys.title = titleRanks(keys.title);
          }
        }
        var k = keys[name];
        /* Code's ties (equal star counts, or none) by title, A to Z both ways; a year's,
           the page's order. */
        var then = null;
        if (name === "code") {
          if (!keys.title) {
            keys.title = titleRanks(items.map(function (r) { return sortKey("title", r.row, columns.title); }));
          }
          then = keys.title;
        }
        var index = items.map(function (_, i) { return i; });
        index.sort(function (a, b) {
          var x = k[a], y = k[b];
          if (x === null || y === null) {
            return x === y ? a - b : (x === null ? 1 : -1); /* missing last */
          }
          return (down ? y - x : x - y) || (then ? then[a] - then[b] : 0) || a - b;
        });
        cache[state] = index.map(function (i) { return items[i]; });
      }
      return cache[state];
    }

    /* Each title's place among them, compared once as words (Intl.Collator: case and
       accents aside, "Paper 9" before "Paper 10"): both ways then sort numbers. A
       title sort of 10,000 rows cost 130 to 570 ms in collator comparisons, each way. */
    function titleRanks(titles) {
      if (!collator) {
        collator = new Intl.Collator(document.documentElement.lang || "en", { numeric: true, sensitivity: "base" });
      }
      var index = titles.map(function (_, i) { return i; });
      index.sort(function (a, b) { return collator.compare(titles[a], titles[b]) || a - b; });
      var ranks = new Array(titles.length);
      index.forEach(function (i, n) {
        var prev = index[n - 1];
        ranks[i] = n && collator.compare(titles[prev], titles[i]) === 0 ? ranks[prev] : n;
      });
      return ranks;
    }

    function mark() {
      var name = state.replace(/^-/, "");
      var down = state.charAt(0) === "-";
      Object.keys(SORTS).forEach(function (key) {
        var th = columns[key] === undefined ? null : head.cells[columns[key]];
        if (!th) {
          return;
        }
        var how = th.querySelector(".rl-sort__how");
        if (key === name) {
          th.setAttribute("aria-sort", down ? "descending" : "ascending");
          /* (Its own words, in brackets: Chromium names the button "Title , A to Z"
             with a comma, the hidden span being apart from the header's word.) */
          how.textContent = "(" + sortWords(key, down) + ")";
        } else {
          th.removeAttribute("aria-sort");
          how.textContent = "";
        }
      });
      if (note) {
        note.textContent = state === initial ? noted : noteWords(noted, SORTS[name].note + sortWords(name, down));
      }
    }

    Object.keys(SORTS).forEach(function (key) {
      var th = columns[key] === undefined ? null : head.cells[columns[key]];
      if (!th) {
        return;
      }
      var label = th.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rl-sort";
      button.dataset.sort = key;
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      var how = document.createElement("span");
      how.className = "rl-sort__how rl-visually-hidden";
      /* (Its arrow is the stylesheet's, by the header's aria-sort: not text of the
         header, whose name a screen reader says with every cell of the column.) */
      var arrow = document.createElement("span");
      arrow.className = "rl-sort__arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(how);
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var name = state.replace(/^-/, "");
        state = name === key ? (state.charAt(0) === "-" ? key : "-" + key) : SORTS[key].first + key;
        mark();
        var down = state.charAt(0) === "-";
        said.textContent = "Sorted by " + label + ", " + sortWords(key, down) + ".";
        changed();
      });
    });

    var api = {
      rows: ordered,
      /* What the address keeps: nothing for the page's own order. */
      param: function () { return state === initial ? "" : state; },
      set: function (value) {
        state = parse(value) || initial;
        mark();
      },
      state: function () { return state; }
    };
    table.readinglistSort = api;
    mark();
    return api;
  }

  /* `words` as the note `like` is written: a sentence of its own ("Newest first.", a
     topic's) or words within one ("12 papers, newest first", All papers). */
  function noteWords(like, words) {
    var capital = /^\p{Lu}/u.test(like);
    return (capital ? words.charAt(0).toUpperCase() + words.slice(1) : words) + (/\.\s*$/.test(like) ? "." : "");
  }

  /* The page's address with `params` changed as `update` says (replaced, not pushed:
     Back leaves the page, as it does after the filter is typed in). */
  function keepInAddress(page, update) {
    if (location.pathname !== page) {
      return;
    }
    var params = new URLSearchParams(location.search);
    update(params);
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

  function keepSort(params, sort) {
    if (sort && sort.param()) { params.set("sort", sort.param()); } else { params.delete("sort"); }
  }

  /* A body's rows put in `list`'s order, moved, not copied (a table of the whole list
     short enough to be shown whole, or a short topic's without a filter). */
  function arrange(body, list) {
    var rows = body.rows;
    var same = rows.length === list.length && list.every(function (r, i) { return rows[i] === r.row; });
    if (!same) {
      var moved = document.createDocumentFragment();
      list.forEach(function (r) { moved.appendChild(r.row); });
      body.appendChild(moved);
    }
  }

  /* A table of papers without a filter (a topic's short table): sorting alone. */
  function setUpSort(table) {
    if (table.readinglistSort || !table.tBodies.length || table.tBodies.length > 1) {
      return;
    }
    var body = table.tBodies[0];
    var items = Array.prototype.map.call(body.rows, function (row) { return { row: row }; });
    var page = location.pathname;
    var sort = sortable(table, items, function () {
      arrange(body, sort.rows());
      keepInAddress(page, function (params) { keepSort(params, sort); });
    });
    if (sort) {
      sort.set(new URLSearchParams(location.search).get("sort"));
      arrange(body, sort.rows());
    }
  }

  /* A list of more rows than are shown at first: its rows drawn as boxes of their own,
     not a table's (readinglist.css, data-rl-rows), so that only those on the screen
     are laid out. "Show all" of 10,000 rows as a table's took 12 to 48 s on 2 loaded
     cores, and a sort after it as long (BENCHMARKS.md, "The fifty-fourth session").
     The attribute names the columns, whose widths the stylesheet sets; the roles keep
     it a table of rows and cells for a screen reader in a browser that drops a table's
     meaning from one drawn otherwise (set on the page's rows, and so on their copies). */
  function blockRows(table, all) {
    var head = table.tHead && table.tHead.rows[0];
    var names = head ? Array.prototype.map.call(head.cells, function (th, i) {
      var word = th.textContent.trim();
      return i === 0 ? "title" : th.classList.contains("rl-year-column") ? "year" :
        word === "Topics" ? "topics" : word === "Code" ? "code" : "other";
    }) : [];
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.children, function (part) {
      if (part.tagName === "THEAD" || part.tagName === "TBODY") {
        part.setAttribute("role", "rowgroup");
      }
    });
    /* (Not the headers' role: Material draws its tablesort's icon beside a header of
       role="columnheader", under the sort's own arrow.) */
    if (head) {
      head.setAttribute("role", "row");
    }
    all.forEach(function (row) {
      row.setAttribute("role", "row");
      for (var i = 0; i < row.cells.length; i++) {
        row.cells[i].setAttribute("role", "cell");
      }
    });
    table.setAttribute("data-rl-rows", names.join(" "));
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
    var blocks = large || all.length > LIMIT;
    if (blocks) {
      blockRows(table, all);
    }
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
    /* A sort after "Show all" shows every row in the new order; before it, the first
       LIMIT of all the rows sorted (not the first LIMIT shown, sorted), as the count
       line says. The rows shown are moved, not copied again, and only those on the
       screen are laid out (blockRows): at once, and the count line, whose words stay,
       is not said again (it said "Sorting all 10000 papers…" first while a table's
       10,000 rows took 18 to 41 s to lay out again, then the count again). */
    var sort = sortable(table, rows, function () {
      apply(shownAll() ? true : last.limit);
    });
    function sorted() {
      return sort ? sort.rows() : rows;
    }

    function note(message) {
      var row = document.createElement("tr");
      row.className = "rl-filter__note-row";
      var cell = document.createElement("td");
      cell.colSpan = columns;
      cell.className = "rl-filter__note";
      if (blocks) {
        row.setAttribute("role", "row");
        cell.setAttribute("role", "cell");
      }
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

    /* Every one of more than LIMIT rows is shown ("Show all" was pressed). */
    function shownAll() {
      return !!last.matches && last.limit >= last.matches.length && last.matches.length > LIMIT;
    }

    /* The count line, a polite live region, read when its text changes. A sort does
       not change its words and is not said twice (its own line says it). A filter
       that finds as many rows as the one before ("2 of 10 papers match" for "merge",
       then for "merging") is said too: its words are written again with a no-break
       space after them, which no screen reader speaks (readinglist.js's said()); else
       the text stayed as it was and the reader heard nothing of what they had typed. */
    var asked = false; /* (a redraw for the controls, not for a sort: apply) */
    function tell(words) {
      if (count.textContent.replace(UNSPOKEN_END, "") !== words) {
        count.textContent = words;
      } else if (asked) {
        count.textContent = count.textContent === words ? words + UNSPOKEN : words;
      }
    }

    var copies = new Map(); /* each row shown: its copy in the body shown */

    function show(matches, limit) {
      last = { matches: matches, limit: limit };
      var body = document.createElement("tbody");
      if (blocks) {
        body.setAttribute("role", "rowgroup");
      }
      var before = copies;
      copies = new Map();
      matches.slice(0, limit).forEach(function (r) {
        var copy = before.get(r.row) || r.row.cloneNode(true);
        copies.set(r.row, copy);
        body.appendChild(copy);
      });
      if (!matches.length) {
        body.appendChild(note(nothing()));
      } else if (matches.length > limit) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "md-button";
        more.textContent = "Show all " + counted(matches.length);
        more.addEventListener("click", function () {
          if (more.dataset.busy) {
            return;
          }
          /* Thousands of rows take seconds to lay out: the button says so first. */
          more.dataset.busy = "1";
          more.textContent = "Showing all " + counted(matches.length) + "\u2026";
          requestAnimationFrame(function () {
            setTimeout(function () {
              if (!table.isConnected) {
                return;
              }
              /* (The rows shown now: a sort may have come in between.) */
              show(last.matches, last.matches.length);
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
        var buttons = document.createDocumentFragment();
        if (matches.length - limit > STEP) {
          var step = document.createElement("button");
          step.type = "button";
          step.className = "md-button";
          step.textContent = "Show " + counted(STEP) + " more";
          step.addEventListener("click", function () {
            if (!table.isConnected) {
              return;
            }
            var from = last.limit;
            show(last.matches, from + STEP);
            remember();
            /* (As after "Show all": the keyboard goes on at the first row added.) */
            var added = table.tBodies[0].rows[from];
            var link = added && added.querySelector("a");
            if (link) {
              link.focus();
            }
          });
          buttons.appendChild(step);
          buttons.appendChild(document.createTextNode(" "));
        }
        buttons.appendChild(more);
        body.appendChild(note(buttons));
      }
      table.replaceChild(body, table.tBodies[0]);
      var everything = matches === rows || matches === sorted();
      /* The whole list's first rows, in the page's order: printed, the rest (hidden) is
         printed after them (not after sorted rows: some would be printed twice). An
         attribute, not a class: the phone's rows across the screen are for a table
         of papers without a class (readinglist.css), and a long list on a phone was
         shown in columns once this was set. */
      table.toggleAttribute("data-rl-first-rows", matches === rows && matches.length > limit);
      if (everything) {
        tell(matches.length > limit
          ? "The first " + counted(limit) + " of " + counted(rows.length) + " papers are shown"
          : "All " + counted(rows.length) + " papers are shown"); /* (said aloud) */
      } else {
        tell(counted(matches.length) + " of " + counted(rows.length) + " papers match" +
          (matches.length > limit ? "; the first " + counted(limit) + " are shown" : ""));
      }
      if (printed) {
        /* The page changed while printed (print media, devtools' or a PDF's): what is
           printed follows it. Not on screen: a browser that never said afterprint left
           the copies, and every key typed in the filter copied every match again (0.75
           to 1.3 s at 10,000 rows); the next beforeprint makes them anew. */
        forPrint(false);
        if (printMedia && printMedia.matches) {
          forPrint(true);
        }
      }
    }

    /* Printed (window.print, the browser's Print): every row the filter and the sort
       let through, in the order shown, not only the rows shown (the first LIMIT, or as
       many as "Show 1,000 more" showed: a topic of more than WHOLE papers printed its
       first 200, a sorted All papers the same). A body of copies of them, made as the
       page is printed and taken away after, which paper alone shows (readinglist.css,
       data-rl-printing): the screen's rows and their speed are left as they are. The
       count line says on paper what the paper holds. */
    var printed = null;
    function forPrint(printing) {
      if (!printing) {
        if (printed) {
          printed.remove();
          printed = null;
          table.removeAttribute("data-rl-printing");
          count.removeAttribute("data-rl-printed");
        }
        return;
      }
      var list = last.matches;
      if (printed || !table.isConnected || !list || last.limit >= list.length) {
        return; /* (every row is shown already: the whole body, or after "Show all") */
      }
      printed = document.createElement("tbody");
      printed.className = "rl-print";
      printed.hidden = true; /* (on screen, whatever the screen's rules of bodies say) */
      if (blocks) {
        printed.setAttribute("role", "rowgroup");
      }
      list.forEach(function (r) {
        printed.appendChild((copies.get(r.row) || r.row).cloneNode(true));
      });
      table.appendChild(printed);
      table.setAttribute("data-rl-printing", "");
      count.setAttribute("data-rl-printed", list === rows || list === sorted()
        ? "All " + counted(rows.length) + " papers"
        : counted(list.length) + " of " + counted(rows.length) + " papers match");
    }
    filter.readinglistPrint = forPrint;

    /* The filter is kept in the page's address (?filter=...&code=1; not "q", which
       opens Material's search): Back from a paper finds it again (instant navigation
       renders the page anew), and a filtered list can be linked to. */
    function remember() {
      /* Instant navigation puts the next page's address in the bar before it takes
         this page away: a key's timer that runs in between must not give a paper's
         address this filter (seen under load: ".../paper/?filter=translatex"). */
      keepInAddress(page, function (params) {
        var query = text.value.trim();
        if (query) { params.set("filter", query); } else { params.delete("filter"); }
        if (code.checked) { params.set("code", "1"); } else { params.delete("code"); }
        if (unread && unread.checked) { params.set("unread", "1"); } else { params.delete("unread"); }
        keepSort(params, sort);
        /* "Show all" too: Back from a paper in row 5,000 finds it shown. */
        if (shownAll()) {
          params.set("all", "1");
        } else {
          params.delete("all");
        }
        /* And as many as "Show 1,000 more" showed: Back from a paper in row 900 found
           the first 200 only, the row gone and the place in the list lost. */
        if (!shownAll() && last.matches && last.limit > LIMIT && last.limit < last.matches.length) {
          params.set("shown", String(last.limit));
        } else {
          params.delete("shown");
        }
      });
    }

    /* The controls as last applied: Back to the page (pageshow), or Enter pressed again,
       with nothing changed redraws nothing, and what was shown ("Show all") stays. */
    var applied = null;
    var filtered = null; /* (and the filter's controls alone) */

    /* `shown`: true for every matching row (a sort after "Show all"), or how many rows
       (a sort after "Show 1,000 more"), not the first LIMIT. (An event, when it is a
       control's listener, is neither.) */
    function apply(shown) {
      clearTimeout(timer);
      if (!filter.isConnected) {
        return; /* a key's timer, run after instant navigation left the page */
      }
      var now = JSON.stringify([normal(text.value), code.checked, unreadOnly(), sort ? sort.state() : ""]);
      if (now !== applied) {
        /* (The filter's controls changed, not the sort alone, nor the page just
           opened: their count is said, even as many as before: tell.) */
        var wanted = JSON.stringify([normal(text.value), code.checked, unreadOnly()]);
        asked = applied !== null && wanted !== filtered;
        applied = now;
        filtered = wanted;
        redraw(shown === true ? Infinity : typeof shown === "number" ? shown : LIMIT);
        asked = false;
      }
      remember();
    }

    function redraw(limit) {
      function shown(list) {
        show(list, Math.max(LIMIT, Math.min(limit, list.length)));
      }
      var wanted = normal(text.value).split(" ").filter(Boolean);
      var onlyUnread = unreadOnly();
      if (!wanted.length && !code.checked && !onlyUnread) {
        if (large) {
          shown(sorted()); /* with a button for the rest */
          return;
        }
        if (rows.length > WHOLE) {
          shown(sorted());
          return;
        }
        /* (The whole body's own rows, in the order chosen.) */
        arrange(whole, sorted());
        if (table.tBodies[0] === whole) {
          /* A list of more rows than a long one shows at first (a topic of 201 to 2,000
             papers) says that all are shown, as a long list says how many it shows: its
             count line was empty until the filter was used. (Not a short list's, the
             shipped 180 papers': no count is missed where no list is cut.) */
          if (blocks) {
            tell("All " + counted(rows.length) + " papers are shown");
          }
          return;
        }
        table.replaceChild(whole, table.tBodies[0]);
        last = { matches: null, limit: LIMIT };
        forPrint(false); /* (every row is in the whole body: printed as it is) */
        copies = new Map(); /* (read marks reach only the rows in the page) */
        tell("All " + counted(rows.length) + " papers are shown"); /* (said aloud) */
        return;
      }
      shown(matching());
    }

    function matching() {
      var wanted = normal(text.value).split(" ").filter(Boolean);
      var onlyUnread = unreadOnly();
      return sorted().filter(function (r) {
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
        show(matches, shownAll() ? matches.length : last.limit);
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
    if (sort) { sort.set(given.get("sort")); }
    filter.hidden = false;
    filter.readinglistApply = apply;
    apply();
    var more = parseInt(given.get("shown"), 10);
    if (given.get("all") === "1" && last.matches && last.matches.length > last.limit) {
      show(last.matches, last.matches.length);
      remember();
    } else if (more > LIMIT && last.matches && last.matches.length > last.limit) {
      show(last.matches, Math.min(more, last.matches.length));
      remember();
    }
    if (printMedia && printMedia.matches) {
      forPrint(true); /* (opened to be printed, a PDF made of the page) */
    }
  }

  function setUpAll() {
    try {
      document.querySelectorAll(".rl-filter").forEach(setUp);
      /* Then the tables of papers without a filter (a short topic's): sorting alone. */
      document.querySelectorAll("table[data-rl-papers]").forEach(setUpSort);
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

  /* Printing and done: each filter's table prints every row it lets through (setUp's
     forPrint). beforeprint comes before the browser lays the page out for paper; the
     print media's change is for a browser that says only that (and for a page shown as
     printed, devtools' or Playwright's print media). Either once: a second is nothing. */
  function printing(on) {
    document.querySelectorAll(".rl-filter").forEach(function (filter) {
      if (filter.readinglistPrint) {
        filter.readinglistPrint(on);
      }
    });
  }
  window.addEventListener("beforeprint", function () { printing(true); });
  window.addEventListener("afterprint", function () { printing(false); });
  var printMedia = window.matchMedia ? window.matchMedia("print") : null;
  if (printMedia && printMedia.addEventListener) {
    printMedia.addEventListener("change", function (event) { printing(event.matches); });
  }

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
