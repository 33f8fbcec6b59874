// Republication graph: hovering or focusing an appearance lights up what it drew on
// (its ancestors) and who repeated it (its descendants); the rest of the chain fades.
// The drawing is complete without this script; it only adds the highlighting.
(function () {
  "use strict";

  function walk(start, next) {
    var seen = new Set([start]);
    var queue = [start];
    while (queue.length) {
      var id = queue.shift();
      (next.get(id) || []).forEach(function (other) {
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      });
    }
    return seen;
  }

  function setUp(svg) {
    var nodes = new Map();
    svg.querySelectorAll(".node").forEach(function (node) {
      nodes.set(node.dataset.id, node);
    });
    var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
    var cites = new Map(); // citing -> [cited]
    var citedBy = new Map(); // cited -> [citing]
    edges.forEach(function (edge) {
      var citing = edge.dataset.citing;
      var cited = edge.dataset.cited;
      if (!cites.has(citing)) cites.set(citing, []);
      if (!citedBy.has(cited)) citedBy.set(cited, []);
      cites.get(citing).push(cited);
      citedBy.get(cited).push(citing);
    });

    function clear() {
      svg.classList.remove("is-tracing");
      svg.querySelectorAll(".is-lit, .is-focus").forEach(function (el) {
        el.classList.remove("is-lit", "is-focus");
      });
    }

    function trace(id) {
      clear();
      var ancestors = walk(id, cites);
      var descendants = walk(id, citedBy);
      var lit = new Set([].concat(Array.from(ancestors), Array.from(descendants)));
      lit.forEach(function (other) {
        var node = nodes.get(other);
        if (node) node.classList.add("is-lit");
      });
      edges.forEach(function (edge) {
        var citing = edge.dataset.citing;
        var cited = edge.dataset.cited;
        var up = ancestors.has(citing) && ancestors.has(cited);
        var down = descendants.has(citing) && descendants.has(cited);
        if (up || down) edge.classList.add("is-lit");
      });
      nodes.get(id).classList.add("is-focus");
      svg.classList.add("is-tracing");
    }

    // The box's whole description (its outlet's name in full, however long) in the line under the drawing.
    var caption = svg.closest(".chain") && svg.closest(".chain").querySelector("[data-graph-caption]");
    var resting = caption ? caption.textContent : "";
    function describe(node) {
      if (caption) caption.textContent = node ? node.getAttribute("data-describe") : resting;
    }

    nodes.forEach(function (node, id) {
      var link = node.parentNode;
      link.addEventListener("mouseenter", function () { trace(id); describe(node); });
      link.addEventListener("focus", function () { trace(id); describe(node); });
      link.addEventListener("mouseleave", function () { clear(); describe(null); });
      link.addEventListener("blur", function () { clear(); describe(null); });
    });
  }

  document.querySelectorAll("svg.chain-graph").forEach(setUp);
})();
