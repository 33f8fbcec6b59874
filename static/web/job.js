// While a job runs, ask the API for it every so often and move the progress bar; when it
// ends, draw the page again, with its outcome and any bad records.
(function () {
  "use strict";
  var card = document.querySelector("[data-job-url]");
  if (!card) return;
  var url = card.getAttribute("data-job-url");
  var field = function (name) { return card.querySelector('[data-job-field="' + name + '"]'); };
  var labels = { queued: "Queued", running: "Running", done: "Done", failed: "Failed" };

  function show(job) {
    var bar = field("progress");
    if (job.total !== null) { bar.max = Math.max(job.total, 1); field("total").textContent = job.total; }
    bar.value = job.done;
    field("done").textContent = job.done;
    field("state").textContent = labels[job.state] || job.state;
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
