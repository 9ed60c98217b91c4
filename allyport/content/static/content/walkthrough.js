/* Partner walkthroughs: shows one step of a tour at a time over the page it names.
   The page is opened with ?tour=<id>&step=<n>; the steps come from the server as data
   (page, CSS selector, title, text) and the member's place is saved there.
   Keys: Enter or Right arrow = next, Left arrow = back, Escape = leave the tour. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base");
  var params = new URLSearchParams(window.location.search);
  var tourId = params.get("tour");
  if (!tourId) { return; }
  var index = parseInt(params.get("step") || "0", 10) || 0;
  var tour = null, box = null, target = null, busy = false;

  function csrf() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function save(step, completed) {
    var body = new URLSearchParams({ step: String(step), completed: completed ? "1" : "0" });
    return fetch(base + encodeURIComponent(tourId) + "/progress/", {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRFToken": csrf() }
    });
  }

  function clearTarget() {
    if (target) {
      target.classList.remove("wt-highlight");
      target.removeAttribute("aria-describedby");
      target = null;
    }
  }

  function close() {
    clearTarget();
    if (box) { box.remove(); box = null; }
    document.removeEventListener("keydown", onKey);
    // Focus goes back to where tours start (the home page's icon), not to the page's top.
    var launcher = document.getElementById("walkthroughs-launcher");
    if (launcher) { launcher.focus(); }
  }

  function go(step) {
    // One move at a time: a key pressed while the last move is saved is ignored.
    if (busy || step < 0 || step >= tour.steps.length) { return; }
    busy = true;
    var page = tour.steps[step].page;
    save(step, false).then(function () {
      if (page !== window.location.pathname) {
        window.location.assign(page + "?tour=" + encodeURIComponent(tourId) + "&step=" + step);
      } else { busy = false; index = step; show(); }
    }, function () { busy = false; });
  }

  function finish() {
    if (busy) { return; }
    busy = true;
    save(tour.steps.length - 1, true).then(function () {
      close();
      var done = document.createElement("p");
      done.className = "message success wt-done";
      done.setAttribute("role", "status");
      done.textContent = box_text.finished;
      document.querySelector("main").prepend(done);
    });
  }

  var box_text = {};

  function button(label, handler, cls) {
    var b = document.createElement("button");
    b.type = "button"; b.textContent = label; b.className = cls || "";
    b.addEventListener("click", handler);
    return b;
  }

  function show() {
    clearTarget();
    var step = tour.steps[index];
    target = document.querySelector(step.selector);
    if (!box) {
      box = document.createElement("div");
      box.className = "wt-box";
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-modal", "false");
      box.setAttribute("aria-labelledby", "wt-title");
      box.setAttribute("aria-describedby", "wt-text");
      box.tabIndex = -1;
      document.body.appendChild(box);
      document.addEventListener("keydown", onKey);
    }
    box.innerHTML = "";
    var count = document.createElement("p");
    count.className = "hint"; count.id = "wt-count";
    count.textContent = tour.title + " · " + (index + 1) + " / " + tour.steps.length;
    var title = document.createElement("h2");
    title.id = "wt-title"; title.textContent = step.title;
    var text = document.createElement("p");
    text.id = "wt-text"; text.textContent = step.text;
    var actions = document.createElement("div");
    actions.className = "actions";
    if (index > 0) { actions.appendChild(button(box_text.back, function () { go(index - 1); }, "secondary")); }
    var last = index === tour.steps.length - 1;
    actions.appendChild(button(last ? box_text.finish : box_text.next, function () {
      if (last) { finish(); } else { go(index + 1); }
    }));
    actions.appendChild(button(box_text.exit, close, "link"));
    box.append(count, title, text, actions);
    if (target) {
      target.classList.add("wt-highlight");
      target.setAttribute("aria-describedby", "wt-text");
      target.scrollIntoView({ block: "center" });
    }
    box.focus();
  }

  function onKey(event) {
    if (!box) { return; }
    if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "ArrowRight" || (event.key === "Enter" && event.target === box)) {
      event.preventDefault();
      if (index === tour.steps.length - 1) { finish(); } else { go(index + 1); }
    } else if (event.key === "ArrowLeft") { event.preventDefault(); go(index - 1); }
  }

  box_text = {
    next: script.getAttribute("data-next"), back: script.getAttribute("data-back"),
    finish: script.getAttribute("data-finish"), exit: script.getAttribute("data-exit"),
    finished: script.getAttribute("data-finished")
  };
  fetch(base + encodeURIComponent(tourId) + "/", { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data || !data.steps.length) { return; }
      tour = data;
      index = Math.min(Math.max(index, 0), tour.steps.length - 1);
      show();
    });
})();
