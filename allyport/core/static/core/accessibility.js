// Keyboard for the disclosure menus (<details class="menu">) and dialogs
// (<details class="dialog">). The browser already opens and closes a <summary>
// with Enter and Space; this adds what a menu button is expected to do:
// Escape closes and returns focus to the button, Down/Up arrows move through
// the items (Home/End to the ends), opening one menu closes the others, and a
// click elsewhere closes them.
(function () {
  "use strict";
  var ITEMS = "a[href], a[tabindex], button:not([disabled])";

  function items(menu) {
    return Array.prototype.slice.call(menu.querySelectorAll("ul " + ITEMS));
  }

  function closeMenu(details, returnFocus) {
    details.open = false;
    if (returnFocus) details.querySelector("summary").focus();
  }

  function openMenus(except) {
    return Array.prototype.filter.call(
      document.querySelectorAll("details.menu[open]"),
      function (d) { return d !== except; }
    );
  }

  document.addEventListener("keydown", function (event) {
    var details = event.target.closest && event.target.closest("details[open]");
    if (event.key === "Escape" && details) {
      event.preventDefault();
      closeMenu(details, true);
      return;
    }
    var menu = event.target.closest && event.target.closest("details.menu");
    if (!menu) return;
    var list = items(menu);
    if (!list.length) return;
    var onSummary = event.target.tagName === "SUMMARY";
    var index = list.indexOf(event.target);
    var next = null;
    if (event.key === "ArrowDown") {
      next = onSummary ? list[0] : list[(index + 1) % list.length];
    } else if (event.key === "ArrowUp") {
      next = onSummary ? list[list.length - 1] : list[(index - 1 + list.length) % list.length];
    } else if ((event.key === "Home" || event.key === "End") && !onSummary) {
      next = event.key === "Home" ? list[0] : list[list.length - 1];
    }
    if (next) {
      event.preventDefault();
      menu.open = true;
      next.focus();
    }
  });

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.matches && details.matches("details.menu") && details.open) {
      openMenus(details).forEach(function (d) { d.open = false; });
    }
  }, true);

  document.addEventListener("click", function (event) {
    openMenus(event.target.closest && event.target.closest("details.menu"))
      .forEach(function (d) { d.open = false; });
  });

  // Leaving a menu with Tab closes it, so an open list never hides the page.
  document.addEventListener("focusout", function (event) {
    var menu = event.target.closest && event.target.closest("details.menu[open]");
    if (menu && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
  });

  // The unbuilt items are focusable so their description can be read; they do nothing.
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches && event.target.matches("a[aria-disabled='true']")) {
      event.preventDefault();
    }
  });
})();

// A form that comes back with errors: focus moves to its summary (role=alert), so
// the errors are read out and the links in it lead to each field.
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary && !document.activeElement.closest("form .field")) summary.focus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusSummary);
  else focusSummary();
})();
