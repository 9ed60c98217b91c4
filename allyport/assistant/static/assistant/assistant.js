/* The floating AWS Partner Assistant: the icon opens a panel whose body is the current
   conversation, loaded from the server (so it is the same on every page); the panel
   stays open across pages (sessionStorage) and Escape closes it, giving focus back to
   the icon. Without JavaScript the icon is a link to the full chat page. On every chat
   (panel or page), a sent question clears the box and keeps focus in it. */
(function () {
  "use strict";
  var OPEN_KEY = "allyport.assistant.open";
  var script = document.currentScript;

  function withHtmx(then) {
    if (window.htmx) { then(); return; }
    var url = script && script.dataset.htmx;
    if (!url) { document.addEventListener("htmx:load", then, { once: true }); return; }
    var existing = document.querySelector('script[src="' + url + '"]');
    var tag = existing || document.createElement("script");
    tag.addEventListener("load", then, { once: true });
    if (!existing) { tag.src = url; document.head.appendChild(tag); }
  }

  function questionBox(root) {
    return root.querySelector('.assistant-question input[name="question"]');
  }

  function scrollToEnd(root) {
    var body = root.closest(".assistant-panel-body");
    if (body) { body.scrollTop = body.scrollHeight; }
  }

  // After an answer arrives: clear and focus the question box, show the newest answer.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form.classList || !form.classList.contains("assistant-ask") || !event.detail.successful) { return; }
    var chat = form.closest(".assistant-chat");
    if (!chat) { return; }
    var prompts = chat.querySelector(".assistant-prompts");
    if (prompts && form.closest(".assistant-prompts")) { prompts.remove(); }
    var box = questionBox(chat);
    if (box && !chat.querySelector('[id^="assistant-error-"] .message')) { box.value = ""; }
    if (box) { box.focus(); }
    scrollToEnd(chat);
  });
  // A question refused (empty, too long) clears the error once a new one is sent.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (!form.classList || !form.classList.contains("assistant-ask")) { return; }
    var chat = form.closest(".assistant-chat");
    var error = chat && chat.querySelector('[id^="assistant-error-"]');
    if (error) { error.innerHTML = ""; }
  });

  // No answer (the server refused or is unreachable): say so where errors show, as the
  // FAQ advises ("try refreshing the page"), instead of leaving the box silent.
  function unavailable(event) {
    var form = event.detail.elt;
    if (!form.classList || !form.classList.contains("assistant-ask")) { return; }
    var chat = form.closest(".assistant-chat");
    var error = chat && chat.querySelector('[id^="assistant-error-"]');
    var question = chat && chat.querySelector(".assistant-question");
    if (!error || !question) { return; }
    var message = document.createElement("p");
    message.className = "message error";
    message.textContent = question.dataset.unavailable;
    error.replaceChildren(message);
  }
  document.addEventListener("htmx:responseError", unavailable);
  document.addEventListener("htmx:sendError", unavailable);

  function setUpLauncher() {
    var launcher = document.getElementById("assistant-launcher");
    var panel = document.getElementById("assistant-panel");
    if (!launcher || !panel) { return; }
    var body = document.getElementById("assistant-panel-body");
    var closeButton = document.getElementById("assistant-close");
    var loaded = false;

    function load(focus) {
      var url = script.dataset.panel + "?next=" + encodeURIComponent(location.pathname + location.search);
      withHtmx(function () {
        window.htmx.ajax("GET", url, { target: body, swap: "innerHTML" }).then(function () {
          loaded = true;
          scrollToEnd(body.firstElementChild || body);
          if (focus) {
            var box = questionBox(body);
            (box || body.querySelector("a, button") || closeButton).focus();
          }
        });
      });
    }

    function open(focus) {
      panel.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      sessionStorage.setItem(OPEN_KEY, "1");
      if (!loaded) { load(focus); } else if (focus) { (questionBox(body) || closeButton).focus(); }
    }

    function close() {
      panel.hidden = true;
      launcher.setAttribute("aria-expanded", "false");
      sessionStorage.removeItem(OPEN_KEY);
      launcher.focus();
    }

    launcher.addEventListener("click", function (event) {
      event.preventDefault();
      if (panel.hidden) { open(true); } else { close(); }
    });
    // role="button" on a link: Space opens it too, as it would a button.
    launcher.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); launcher.click(); }
    });
    closeButton.addEventListener("click", close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    if (sessionStorage.getItem(OPEN_KEY) === "1") { open(false); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpLauncher);
  } else {
    setUpLauncher();
  }
})();
