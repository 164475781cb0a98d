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

  /* The log: {paper id: the day it was marked, "YYYY-MM-DD"}; null when this browser
     keeps nothing (storage off, or full). A log that does not read as one is empty. */
  function load() {
    var stored;
    try {
      stored = window.localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
    try {
      var log = JSON.parse(stored || "{}");
      return log && typeof log === "object" && !Array.isArray(log) ? log : {};
    } catch (error) {
      return {};
    }
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

  /* "1 December 2026" in the reader's language; "" for a day the log does not hold. */
  function shown(day) {
    var parts = DAY.exec(typeof day === "string" ? day : "");
    if (!parts) {
      return "";
    }
    return new Date(+parts[1], +parts[2] - 1, +parts[3]).toLocaleDateString(undefined, {
      year: "numeric", month: "long", day: "numeric"
    });
  }

  /* The id of the paper a link leads to on this site, or null. */
  function paperOf(link) {
    if (link.origin !== ROOT.origin || link.pathname.indexOf(ROOT.pathname) !== 0) {
      return null;
    }
    var found = PAPER.exec(link.pathname.slice(ROOT.pathname.length));
    return found ? decodeURIComponent(found[1]) : null;
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
        place.querySelectorAll("a[href]").forEach(function (link) {
          if (isRead(log, paperOf(link))) {
            link.classList.add("rl-read-link");
          }
        });
      }
    });
    /* "Unread only" means something once the reader has marked a paper read. */
    content.querySelectorAll(".rl-filter__unread").forEach(function (box) {
      box.parentNode.hidden = !any;
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

    function show(current) {
      box.checked = isRead(current, id);
      var day = box.checked ? shown(current[id]) : "";
      when.textContent = day ? " on " + day : "";
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
          box.checked = !box.checked; /* not kept: say so by undoing the tick */
          return;
        }
        show(current);
        mark(current);
      });
    }
    show(log);
    line.hidden = false;
  }

  function refresh() {
    var log = load();
    if (log === null) {
      return; /* storage off: the controls stay hidden */
    }
    document.querySelectorAll(".rl-read[data-paper]").forEach(function (line) {
      setUp(line, log);
    });
    mark(log);
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      refresh();
    }
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(refresh);
  } else {
    document.addEventListener("DOMContentLoaded", refresh);
  }
})();
