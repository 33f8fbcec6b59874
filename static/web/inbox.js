// Keyboard triage of the inbox: j / k move between items, a attaches the current one to its top
// suggestion, d dismisses it, c opens the new-claim form prefilled from it, o opens the article.
// Each key presses the page's own button or link, so a key does exactly what a click would.
(function () {
  "use strict";
  var list = document.querySelector("[data-inbox]");
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("[data-item]"));
  var current = -1;

  function select(index) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, n) { item.classList.toggle("inbox-item--current", n === current); });
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }

  function within(selector) {
    return current < 0 ? null : items[current].querySelector(selector);
  }

  function submit(form) {
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
  }

  var keys = {
    j: function () { select(current + 1); },
    k: function () { select(current - 1); },
    a: function () { submit(within("form[data-attach-top]")); },
    d: function () { submit(within("form[data-dismiss]")); },
    c: function () { var link = within("[data-new-claim]"); if (link) window.location.assign(link.href); },
    o: function () { var link = within("[data-open]"); if (link) window.open(link.href, "_blank", "noopener"); },
  };

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    if (current < 0 && event.key !== "j" && event.key !== "k") select(0);
    action();
  });
  items.forEach(function (item, n) { item.addEventListener("click", function () { select(n); }); });
})();
