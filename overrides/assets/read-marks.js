/* The reader's own log of the papers they have read: "I have read this paper" on a
   paper's page. Every link to a read paper's page then has a check mark (in the tables,
   the start-here lists, related papers, reading orders), and a topic's start-here list
   says how many of its papers were read.

   The log is kept in this browser's localStorage and goes nowhere else: no account, no
   request, nothing in the site. Without JavaScript or storage, nothing of it is shown.

   One origin may serve several sites (GitHub Pages serves every project site of an
   owner at <owner>.github.io): the log is kept under the site's root path, which is
   where this script lies, less "assets/". It must load before table-filter.js, which
   copies the All papers table's rows: they are marked first. Material's instant
   navigation swaps pages without reloading: the marks are made on each page it shows
   (document$), and again when another tab changes the log. */
(function () {
  "use strict";

  var ROOT = new URL("..", document.currentScript.src);
  var KEY = "readinglist:read:" + ROOT.pathname;
  var PAPER = /^papers\/([^/]+)\/$/;
  var DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  var own = Object.prototype.hasOwnProperty;
  /* A renamed paper's old ids -> its id now, from the papers' `formerly:`; the site
     loads the map (assets/readinglist-formerly.js) only when it has one. */
  var FORMERLY = window.readinglistFormerly || {};

  /* The day "YYYY-MM-DD" stands for, or null when it is none (a month 13, a 30 February,
     a day to come: tomorrow is let by, for a mark made where the day had begun). */
  function dayOf(text) {
    var parts = DAY.exec(typeof text === "string" ? text : "");
    if (!parts) {
      return null;
    }
    var day = new Date(2000, 0, 1);
    day.setFullYear(+parts[1], +parts[2] - 1, +parts[3]); /* (years 0-99 as written) */
    var latest = new Date();
    latest.setDate(latest.getDate() + 1);
    return day.getMonth() === +parts[2] - 1 && day.getDate() === +parts[3] && day <= latest
      ? day : null;
  }

  /* The log: {paper id: the day it was marked, "YYYY-MM-DD"}; null when this browser
     keeps nothing (storage turned off). Only such entries count: what else the key
     holds (another script's, a hand's) is no record of reading, and is dropped when the
     log is next written. */
  function load() {
    var stored;
    try {
      stored = window.localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
    var log = {};
    var given;
    try {
      given = JSON.parse(stored || "{}");
    } catch (error) {
      return log;
    }
    if (given && typeof given === "object" && !Array.isArray(given)) {
      var moved = [];
      Object.keys(given).forEach(function (id) {
        if (!dayOf(given[id])) {
          return;
        }
        if (own.call(FORMERLY, id)) {
          moved.push(id);
        } else {
          log[id] = given[id];
        }
      });
      /* A paper read under an id it had before a rename is read under its id now, on
         the first day it was marked under any of them; a mark made since, under the
         new id, keeps its own day. The old ids go from the log when it is next written. */
      var fromOld = {};
      moved.forEach(function (id) {
        var now = FORMERLY[id];
        if (!own.call(log, now) || (own.call(fromOld, now) && given[id] < log[now])) {
          log[now] = given[id];
          fromOld[now] = true;
        }
      });
    }
    return log;
  }

  function save(log) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(log));
      return true;
    } catch (error) {
      return false;
    }
  }

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  /* "December 1, 2026": the long date in the page's language, as the pages write the
     days papers were added (render.py's day filter, CLDR's long date). */
  function shown(text) {
    var day = dayOf(text);
    if (!day) {
      return "";
    }
    /* The Gregorian calendar in Latin digits, as render.py's day filter writes (Babel):
       the browser's own for the language ("fa" and "th" count years otherwise, "bn" in
       its own digits) gave "۸ آذر ۱۴۰۵" in the log for the home page's "29 نوامبر 2026". */
    var options = { year: "numeric", month: "long", day: "numeric",
                    calendar: "gregory", numberingSystem: "latn" };
    try {
      return day.toLocaleDateString(document.documentElement.lang || undefined, options);
    } catch (error) {
      return day.toLocaleDateString(undefined, options); /* a language the browser lacks */
    }
  }

  /* A day "YYYY-MM-DD" as shown, in a <time> of its own (the day as written in its
     datetime) that the style keeps on one line (.rl-day): "on December" at one
     line's end and "7, 2026" at the next's read as two things. */
  function dayText(text) {
    var time = document.createElement("time");
    time.className = "rl-day";
    time.dateTime = text;
    time.textContent = shown(text) || text;
    return time;
  }

  /* The id of the paper a link leads to on this site, or null; null too for a link to
     the page it is on (a heading's "¶" on a paper's own page). */
  function paperOf(link) {
    if (link.origin !== ROOT.origin || link.pathname.indexOf(ROOT.pathname) !== 0 ||
        link.pathname === location.pathname) {
      return null;
    }
    var found = PAPER.exec(link.pathname.slice(ROOT.pathname.length));
    if (!found) {
      return null;
    }
    try {
      return decodeURIComponent(found[1]);
    } catch (error) {
      return null; /* a "%" that encodes nothing: no paper's address */
    }
  }

  function isRead(log, id) {
    return id !== null && own.call(log, id);
  }

  function mark(log) {
    var content = document.querySelector(".md-content");
    if (!content) {
      return;
    }
    var any = Object.keys(log).length > 0;
    /* The page, and the All papers table's whole body while the filter shows copies of
       some of its rows (table-filter.js): the copies are made from it. */
    var places = [content];
    content.querySelectorAll("table").forEach(function (table) {
      if (table.readinglistWhole && !table.readinglistWhole.isConnected) {
        places.push(table.readinglistWhole);
      }
    });
    places.forEach(function (place) {
      place.querySelectorAll("a.rl-read-link").forEach(function (link) {
        link.classList.remove("rl-read-link");
      });
      if (any) {
        /* (Not the log's own list: every paper there is read.) */
        place.querySelectorAll("a[href]:not(.rl-log__list a)").forEach(function (link) {
          if (isRead(log, paperOf(link))) {
            link.classList.add("rl-read-link");
          }
        });
      }
    });
    /* "Unread only" means something once the reader has marked a paper of the list
       read (not only papers since removed); hidden, it is unticked (the filter then
       forgets it: table-filter.js hears the change). */
    content.querySelectorAll(".rl-filter__unread").forEach(function (box) {
      var read = any && papersOf(log, listed()).length > 0;
      box.parentNode.hidden = !read;
      if (!read && box.checked) {
        box.checked = false;
        box.dispatchEvent(new Event("change"));
      }
    });
    /* Under a start-here list: how many of its papers were read, once the reader keeps
       a log at all (a first visit is not told "0 of 5"). */
    content.querySelectorAll(".rl-read-progress").forEach(function (line) {
      var list = line.previousElementSibling;
      var ids = list ? Array.prototype.map.call(list.querySelectorAll("li > a"), paperOf) : [];
      var read = ids.filter(function (id) { return isRead(log, id); }).length;
      line.textContent = any ? "You have read " + read + " of these " + ids.length + "." : "";
      line.hidden = !any;
    });
    document.dispatchEvent(new Event("readinglist:read"));
  }

  function setUp(line, log) {
    var id = line.dataset.paper;
    var box = line.querySelector(".rl-read__box");
    var when = line.querySelector(".rl-read__when");
    var note = line.querySelector(".rl-read__note");

    function show(current) {
      box.checked = isRead(current, id);
      var day = box.checked && shown(current[id]) ? current[id] : "";
      when.replaceChildren();
      if (day) {
        when.append(" on ", dayText(day));
      }
    }

    if (!line.dataset.ready) {
      line.dataset.ready = "1";
      box.addEventListener("change", function () {
        var current = load() || {};
        if (box.checked) {
          current[id] = today();
        } else {
          delete current[id];
        }
        if (!save(current)) {
          box.checked = !box.checked; /* not kept: the tick is undone, and said why */
          when.textContent = " \u2014 this browser could not keep it (its storage is full or turned off)";
          note.hidden = true;
          return;
        }
        note.hidden = false;
        show(current);
        mark(current);
      });
    }
    show(log);
    line.hidden = false;
  }

  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var FORMAT = "readinglist reading log";
  var MAX_FILE = 20 * 1024 * 1024;

  /* The All papers page's "Your reading log": the log saved as a file, and a saved file
     loaded into this browser's log (added to it: nothing here is lost). */
  /* The ids of this list's papers, from the All papers table (the rows past the first
     of a long list included, and the whole body while the filter shows copies), each
     with its title's link there; null on a page without it. */
  function listed() {
    var table = document.getElementById("rl-all-papers");
    if (!table) {
      return null;
    }
    var ids = Object.create(null);
    var places = [table];
    if (table.readinglistWhole && !table.readinglistWhole.isConnected) {
      places.push(table.readinglistWhole);
    }
    places.forEach(function (place) {
      place.querySelectorAll("a[href]").forEach(function (link) {
        var id = paperOf(link);
        if (id !== null && !ids[id]) {
          ids[id] = link;
        }
      });
    });
    return ids;
  }

  function papersOf(log, ids) {
    return Object.keys(log).filter(function (id) { return !ids || own.call(ids, id); });
  }

  function counted(n) {
    return n + (n === 1 ? " paper" : " papers");
  }

  /* Which papers, newest read first (then by title), each a link to its page: the
     count alone told a reader nothing of what they had read. The first LISTED only:
     the rest are a count (the "Unread only" filter shows what is left). */
  var LISTED = 100;
  function listRead(block, log, mine, ids) {
    var list = block.querySelector(".rl-log__list");
    if (!list) {
      list = document.createElement("ol");
      list.className = "rl-log__list";
      block.querySelector(".rl-log__said").before(list);
    }
    var papers = ids ? mine.map(function (id) {
      return { id: id, day: String(log[id]), title: ids[id].textContent, href: ids[id].href };
    }) : [];
    papers.sort(function (a, b) {
      return a.day < b.day ? 1 : a.day > b.day ? -1 : a.title.localeCompare(b.title);
    });
    list.replaceChildren();
    papers.slice(0, LISTED).forEach(function (paper) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = paper.href;
      link.textContent = paper.title; /* (text: a title is never markup) */
      var when = document.createElement("span");
      when.className = "rl-log__day";
      when.append(" \u2014 ", dayText(paper.day));
      item.append(link, when);
      list.append(item);
    });
    if (papers.length > LISTED) {
      var more = document.createElement("li");
      more.className = "rl-log__more";
      more.textContent = "and " + counted(papers.length - LISTED) + " more";
      list.append(more);
    }
    list.hidden = papers.length === 0;
  }

  function setUpLog(block, log) {
    var count = block.querySelector(".rl-log__count");
    var saveButton = block.querySelector(".rl-log__save");
    var loadButton = block.querySelector(".rl-log__load");
    var file = block.querySelector(".rl-log__file");
    var said = block.querySelector(".rl-log__said");
    /* (Counted: the papers of this list; the log may hold others, a paper since removed.) */
    var ids = listed();
    var mine = papersOf(log, ids);
    var n = mine.length;
    count.textContent = n ? ": " + counted(n) + " read" : ": nothing read yet";
    /* Nothing of this list read: a quiet line, not a bar across the page between the
       filter and the table (readinglist.css), still there to load a saved log. */
    block.classList.toggle("rl-log--empty", n === 0);
    listRead(block, log, mine, ids);
    saveButton.disabled = Object.keys(log).length === 0;
    block.hidden = false;
    if (block.dataset.ready) {
      return;
    }
    block.dataset.ready = "1";
    if (location.hash === "#" + block.id) {
      block.open = true; /* come from a paper's "save it" (once: closed, it stays closed) */
    }

    saveButton.addEventListener("click", function () {
      var current = load() || {};
      var ids = Object.keys(current).sort();
      var read = {};
      ids.forEach(function (id) { read[id] = current[id]; });
      var text = JSON.stringify({ format: FORMAT, site: ROOT.href, saved: today(), read: read }, null, 1);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text + "\n"], { type: "application/json" }));
      link.download = "reading-log-" + today() + ".json";
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
      said.textContent = "Saved " + ids.length + (ids.length === 1 ? " paper" : " papers") +
        " as " + link.download + ".";
    });

    loadButton.addEventListener("click", function () {
      file.click();
    });

    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      file.value = ""; /* the same file chosen again is read again */
      if (!chosen) {
        return;
      }
      if (chosen.size > MAX_FILE) {
        /* (A log of 10,000 papers is under 1 MB: this is some other file.) */
        said.textContent = chosen.name + " is too large to be a saved reading log: nothing was loaded.";
        return;
      }
      said.textContent = "Reading " + chosen.name + "\u2026";
      chosen.text().then(function (text) {
        said.textContent = merge(text, chosen.name);
      }, function () {
        said.textContent = "This browser could not read " + chosen.name + ".";
      });
    });
  }

  /* Adds the papers a saved log holds to this browser's log; what to tell the reader. */
  function merge(text, name) {
    var given;
    try {
      given = JSON.parse(text);
    } catch (error) {
      given = null;
    }
    var read = given && typeof given === "object" && !Array.isArray(given) ? given.read : null;
    if (!read || typeof read !== "object" || Array.isArray(read) || given.format !== FORMAT) {
      return name + " is no reading log saved from a reading list: nothing was loaded.";
    }
    var current = load();
    if (current === null) {
      return "This browser keeps no reading log (its storage is turned off): nothing was loaded.";
    }
    var ids = listed();
    var before = Object.create(null);
    Object.keys(current).forEach(function (id) { before[id] = true; });
    var touched = Object.create(null);
    var elsewhere = 0;
    var left = 0;
    Object.keys(read).forEach(function (id) {
      if (!ID.test(id) || !dayOf(read[id])) {
        left += 1;
        return;
      }
      var now = own.call(FORMERLY, id) ? FORMERLY[id] : id;
      if (ids && !own.call(ids, now)) {
        elsewhere += 1; /* no paper of this list (another list's, or one removed) */
        return;
      }
      touched[now] = true;
      if (!own.call(current, now) || read[id] < current[now]) {
        current[now] = read[id]; /* read before: the first day counts */
      }
    });
    if (!save(current)) {
      return "This browser could not keep it (its storage is full or turned off): nothing was loaded.";
    }
    refresh();
    var added = Object.keys(touched).filter(function (id) { return before[id] !== true; }).length;
    var had = Object.keys(touched).length - added;
    var told = "Loaded " + name + ": " + counted(added) + " added";
    if (had) {
      told += ", " + had + " already in your log";
    }
    if (elsewhere) {
      told += "; " + elsewhere + (elsewhere === 1 ? " is no paper" : " are no papers") + " of this list";
      if (typeof given.site === "string" && given.site && given.site !== ROOT.href) {
        told += " (the file was saved from " + given.site + ")";
      }
    }
    if (left) {
      told += "; " + left + (left === 1 ? " entry" : " entries") + " without a valid paper id and day left out";
    }
    return told + ".";
  }

  function refresh() {
    var log = load();
    if (log === null) {
      return; /* storage off: the controls stay hidden */
    }
    document.querySelectorAll(".rl-read[data-paper]").forEach(function (line) {
      setUp(line, log);
    });
    document.querySelectorAll(".rl-log").forEach(function (block) {
      setUpLog(block, log);
    });
    mark(log);
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      refresh();
    }
  });

  /* On each page Material shows, and from disk on the page loaded (readinglist.js,
     in the head, says how); without either, the page loaded. */
  if (window.readinglistEachPage && typeof document$ !== "undefined") {
    window.readinglistEachPage(refresh);
  } else {
    document.addEventListener("DOMContentLoaded", refresh);
  }
})();
