/* oversight HTML reports: the finder (search box and filters) and the expanding of details.
   Included inline by the entry templates; it makes no request of any kind and needs no network.
   Without it the report is complete: every item shows, every <details> opens by hand.
   The items of a finder are the elements with data-finder-tags inside the parts it names (the
   first part's are counted); an item shows when it carries every selected tag and its text holds
   every word typed. A group (data-finder-group) shows while one of its items does. Printing
   always gives everything.
   This file is a template without escaping: never put two braces or a brace and a percent
   sign next to each other. */
(function () {
  "use strict";

  // Lower case, one kind of apostrophe, single spaces: "Ім’я" matches "ім'я".
  function normal(text) {
    return text.toLowerCase().replace(/[\u2019\u02bc\u0060\u00b4]/g, "'").replace(/\s+/g, " ");
  }

  function setUp(form) {
    var scopes = form.getAttribute("data-finder").split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    var items = [], groups = [];
    scopes.forEach(function (scope) {
      items = items.concat(Array.prototype.slice.call(scope.querySelectorAll("[data-finder-tags]")));
      groups = groups.concat(Array.prototype.slice.call(scope.querySelectorAll("[data-finder-group]")));
    });
    if (!items.length) return;
    // The count is of the first part's items: the others show the same things again.
    var counted = scopes[0].querySelectorAll("[data-finder-tags]").length;
    var search = form.querySelector("[data-finder-search]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("[data-finder-filter]"));
    var count = form.querySelector("[data-finder-count]");
    var none = form.querySelector("[data-finder-none]");
    var texts = null;
    var pending = 0;

    function apply() {
      pending = 0;
      if (!texts) texts = items.map(function (item) { return normal(item.textContent); });
      var words = normal(search.value).trim().split(" ").filter(Boolean);
      var wanted = selects.map(function (s) { return s.value; }).filter(Boolean);
      var shown = 0;
      items.forEach(function (item, k) {
        var tags = item.getAttribute("data-finder-tags").split(" ");
        var keep = wanted.every(function (t) { return tags.indexOf(t) >= 0; }) &&
          words.every(function (w) { return texts[k].indexOf(w) >= 0; });
        item.classList.toggle("finder-out", !keep);
        if (keep && k < counted) shown += 1;
      });
      groups.forEach(function (group) {
        group.classList.toggle("finder-out", !group.querySelector("[data-finder-tags]:not(.finder-out)"));
      });
      var active = words.length > 0 || wanted.length > 0;
      scopes.forEach(function (scope) { scope.classList.toggle("finder-active", active); });
      count.textContent = count.getAttribute("data-text")
        .replace("{shown}", String(shown)).replace("{total}", String(counted));
      none.hidden = shown > 0;
    }

    function later() {
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(apply, 120);
    }

    search.addEventListener("input", later);
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-finder-open]"), function (button) {
      var open = button.getAttribute("data-finder-open") === "true";
      button.addEventListener("click", function () {
        scopes.forEach(function (scope) {
          Array.prototype.forEach.call(scope.querySelectorAll("details"), function (d) { d.open = open; });
        });
      });
    });
    form.hidden = false;
    apply();

    // A link to an item that the filters hide clears them; a link into closed details opens them.
    function reveal(target) {
      if (!target) return;
      if (target.closest(".finder-out")) { form.reset(); apply(); }
      var own = target.querySelector(":scope > details");
      if (own) own.open = true;
      for (var d = target.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
    }
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      if (link) reveal(document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))));
    });
    window.addEventListener("hashchange", function () {
      reveal(document.getElementById(decodeURIComponent(location.hash.slice(1))));
    });
    if (location.hash) reveal(document.getElementById(decodeURIComponent(location.hash.slice(1))));
  }

  // Print every detail, whatever the reader closed, and restore the view afterwards.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });

  Array.prototype.forEach.call(document.querySelectorAll("form[data-finder]"), setUp);
})();
