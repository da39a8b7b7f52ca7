(function () {
  "use strict";
  // A key means a letter only when the rep is not typing it into a field.
  function typing(element) {
    if (!element) return false;
    var tag = element.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable) return true;
    return tag === "INPUT" && !/^(button|submit|reset|checkbox|radio|hidden)$/i.test(element.type);
  }
  function visible(element) { return element.getClientRects().length > 0; }
  // The control a key presses: one in an open confirmation first, else the first shown.
  function target(key) {
    var all = document.querySelectorAll('[data-key~="' + key + '"]');
    var found = null;
    for (var i = 0; i < all.length; i++) {
      var element = all[i];
      if (element.disabled || !visible(element)) continue;
      if (element.closest(".confirm-step")) return element;
      if (!found) found = element;
    }
    return found;
  }
  function press(key) {
    var element = target(key);
    if (!element) return false;
    element.click();
    return true;
  }
  // The physical key as a letter or digit, for layouts that type another script (Hebrew, Thai).
  function physical(event) {
    var match = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(event.code || "");
    return match ? (match[1] || match[2] || match[3]).toLowerCase() : "";
  }
  var keys = document.getElementById("keys");
  if (keys) keys.hidden = false;

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing) return;
    var focused = document.activeElement;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && focused && focused.tagName === "TEXTAREA" && focused.form) {
      event.preventDefault();
      if (focused.form.requestSubmit) focused.form.requestSubmit(); else focused.form.submit();
      return;
    }
    if (typing(focused)) return;
    if (event.altKey && event.key === "ArrowLeft") {
      if (press("b")) event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "?") {
      if (keys) { keys.open = !keys.open; if (keys.open) keys.scrollIntoView({ block: "nearest" }); }
      event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      // Enter on a button, a link or a disclosure does what it does by itself.
      if (focused && focused !== document.body && focused.matches("a, button, summary, [tabindex]")) return;
      if (press("enter")) event.preventDefault();
      return;
    }
    var key = (event.key || "").toLowerCase();
    if (key.length === 1 && (target(key) || !physical(event))) {
      if (press(key)) event.preventDefault();
    } else if (press(physical(event))) {
      event.preventDefault();
    }
  });

  // Ending the deal: asked here first, then sent with confirmed=yes so the server ends it at once.
  var forms = document.querySelectorAll("form[data-confirm]");
  Array.prototype.forEach.call(forms, function (form) {
    var step = form.querySelector(".confirm-step");
    var first = form.querySelector(".first-step");
    var text = form.querySelector(".confirm-text");
    var cancel = form.querySelector(".cancel-step");
    if (!step || !first || !text || !cancel) return;
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.name === "confirmed") return;
      event.preventDefault();
      var select = form.querySelector("select");
      var outcome = select && select.selectedIndex >= 0 ? select.options[select.selectedIndex].value : "";
      var reason = form.querySelector("input[name=reason]");
      if (reason && reason.value.trim()) outcome += " · " + reason.value.trim();
      text.textContent = form.getAttribute("data-confirm").replace("{1}", function () { return outcome; });
      first.hidden = true;
      step.hidden = false;
      // Focus on the way that loses nothing, as the server's confirmation does.
      cancel.focus();
    });
    cancel.addEventListener("click", function () {
      step.hidden = true;
      first.hidden = false;
      var button = first.querySelector("button");
      if (button) button.focus();
    });
  });
})();
