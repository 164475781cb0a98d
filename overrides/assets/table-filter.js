/* The all-papers table's filter: words of a title or a topic, and "with code only".

   The table is the whole list (10,000 rows for a large one), so the site's search is
   not the only way to narrow it. The controls are in the page hidden and shown here, so
   that without JavaScript no control does nothing. (No <form>: there is nothing to send,
   and no generated page holds one, which the escaping tests check.) Material's instant navigation swaps pages
   without reloading: set-up runs on each page it shows (document$), once per form. */
(function () {
  "use strict";

  var DELAY = 120; /* ms after the last key: a 10,000-row table is not refiltered per key */

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUp(form) {
    if (form.dataset.ready) {
      return;
    }
    form.dataset.ready = "1";
    var table = document.getElementById(form.dataset.table);
    if (!table) {
      return;
    }
    var text = form.querySelector(".rl-filter__text");
    var code = form.querySelector(".rl-filter__code");
    var count = form.querySelector(".rl-filter__count");
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      var cells = row.cells;
      /* Title and topics (first and third cells; the year's column may be absent). */
      var said = Array.prototype.map.call(cells, function (cell) {
        return cell.querySelector(".rl-badge") ? "" : cell.textContent;
      }).join(" ");
      return { row: row, text: said.toLowerCase(), code: !!row.querySelector(".rl-badge--code") };
    });
    var timer = 0;

    function apply() {
      var wanted = words(text.value);
      var codeOnly = code.checked;
      var shown = 0;
      rows.forEach(function (r) {
        var show = (!codeOnly || r.code) && wanted.every(function (w) {
          return r.text.indexOf(w) !== -1;
        });
        r.row.hidden = !show;
        shown += show ? 1 : 0;
      });
      count.textContent = wanted.length || codeOnly
        ? shown + " of " + rows.length + " papers shown"
        : "";
    }

    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, DELAY);
    });
    code.addEventListener("change", apply);
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { /* at once, without waiting for the delay */
        clearTimeout(timer);
        apply();
      }
    });
    form.hidden = false;
  }

  function setUpAll() {
    document.querySelectorAll(".rl-filter").forEach(setUp);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();
