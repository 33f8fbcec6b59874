// While a job runs, ask the API for it every so often and move the progress bar (and a capture's
// steps); when it ends, draw the page again, with its outcome and any bad records.
(function () {
  "use strict";
  var card = document.querySelector("[data-job-url]");
  if (!card) return;
  var url = card.getAttribute("data-job-url");
  var field = function (name) { return card.querySelector('[data-job-field="' + name + '"]'); };
  // The states in the page's language, as the page wrote them (data-word-queued …).
  var label = function (state) { return card.getAttribute("data-word-" + state) || state; };
  var steps = card.querySelector("[data-steps]");

  function showSteps(job) {
    if (!steps) return;
    Array.prototype.forEach.call(steps.querySelectorAll("[data-step-index]"), function (item) {
      var index = Number(item.getAttribute("data-step-index"));
      var state = index < job.done ? "done" : (index === job.done && job.state === "running" ? "current" : null);
      if (!state) return;
      item.className = "capture-step capture-step--" + state;
      item.querySelector("[data-step-words]").textContent = steps.getAttribute("data-word-" + state);
    });
  }

  function show(job) {
    var bar = field("progress");
    if (bar) {
      if (job.total !== null) { bar.max = Math.max(job.total, 1); field("total").textContent = job.total; }
      bar.value = job.done;
      field("done").textContent = job.done;
    }
    var state = field("state");
    if (state) state.textContent = label(job.state);
    showSteps(job);
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (job) {
        show(job);
        if (job.state === "done" || job.state === "failed") { window.location.reload(); return; }
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
