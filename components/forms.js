/* Forms: checked in the browser before they go to the server, in the page's
 * language, and never losing what was typed.
 *
 * - <form data-check> is checked on submit with the Constraint Validation API
 *   (required, maxlength, pattern, type) plus data-rule="resident-id" (the
 *   GB 11643 check digit). Messages come from the field's data-error-*
 *   attributes (compiled from the catalogue). Errors appear next to each
 *   field and in a summary at the top that links to the fields; focus moves
 *   to the summary. The server checks everything again.
 * - <form data-keep="key"> saves every field to sessionStorage as it is
 *   typed (not passwords, nor [data-personal] ID and phone numbers, which
 *   stay on the server) and restores it after a reload or a new login in the same tab
 *   (by the same person: components/session.js). An element with
 *   data-forget-kept="prefix" (a confirmation) forgets the copies whose key
 *   starts with the prefix. */
(function () {
  "use strict";

  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK = "10X98765432";

  function residentIdValid(value) {
    var id = value.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) return false;
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
    return ID_CHECK[sum % 11] === id[17];
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !el.disabled && ["INPUT", "SELECT", "TEXTAREA"].indexOf(el.tagName) >= 0
        && (el.type !== "hidden" || el.hasAttribute("data-keep-field"));
    });
  }

  function problem(field) {
    var v = field.validity;
    var value = (field.value || "").trim();
    if (v.valueMissing || (field.required && field.type !== "checkbox" && field.type !== "radio" && field.type !== "file" && !value)) return "required";
    var limit = Number(field.getAttribute("data-max-length"));
    if (v.tooLong || (limit > 0 && field.value.length > limit)) return "too-long";
    if (v.typeMismatch || v.patternMismatch) return "format";
    if (field.getAttribute("data-rule") === "resident-id" && value && !residentIdValid(value)) return "format";
    return null;
  }

  function message(field, kind) {
    return field.getAttribute("data-error-" + kind) || field.getAttribute("data-error-format") || field.getAttribute("data-error-required") || "";
  }

  function errorElement(field) {
    return document.getElementById(field.id + "-error");
  }

  function show(field, text) {
    var el = errorElement(field);
    if (el) {
      el.textContent = text;
      el.hidden = !text;
    }
    var box = field.closest(".field, fieldset");
    if (box) box.classList.toggle("field--error", !!text);
    if (text) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
  }

  function summarise(form, errors) {
    var summary = form.querySelector("[data-error-summary]");
    if (!summary) return;
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + item.field.id;
      a.textContent = item.text;
      a.addEventListener("click", function (event) {
        event.preventDefault();
        item.field.focus();
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    summary.hidden = errors.length === 0;
    if (errors.length) summary.focus();
  }

  function check(form) {
    var errors = [];
    var seenGroups = {};
    fieldsOf(form).forEach(function (field) {
      if ((field.type === "radio" || field.type === "checkbox") && field.name in seenGroups) return;
      var kind = problem(field);
      if (field.type === "radio") {
        seenGroups[field.name] = true;
        var group = form.querySelectorAll("input[type=radio][name='" + field.name + "']");
        var anyChecked = Array.prototype.some.call(group, function (r) { return r.checked; });
        kind = field.required && !anyChecked ? "required" : null;
      }
      var text = kind ? message(field, kind) : "";
      show(field, text);
      if (text) errors.push({ field: field, text: text });
    });
    summarise(form, errors);
    return errors.length === 0;
  }

  // Capture phase: runs before React's submit handler, and stops it when the form has errors.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-check")) return;
    if (!check(form)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Clear a field's error once it is fixed.
  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.hasAttribute("data-check") || !field.getAttribute("aria-invalid")) return;
    if (!problem(field)) show(field, "");
  });

  // ---- keeping what was typed ----
  function storeKey(form) { return "portal.form." + form.getAttribute("data-keep"); }

  function save(form) {
    var data = {};
    fieldsOf(form).forEach(function (field) {
      if (field.type === "file" || field.type === "password" || field.hasAttribute("data-personal")) return;
      if (field.type === "checkbox") data[field.name] = field.checked;
      else if (field.type === "radio") { if (field.checked) data[field.name] = field.value; }
      else data[field.name] = field.value;
    });
    try { sessionStorage.setItem(storeKey(form), JSON.stringify(data)); } catch (e) { /* storage full or blocked */ }
  }

  function restore(form) {
    if (form.__restored) return;
    form.__restored = true;
    var data;
    try { data = JSON.parse(sessionStorage.getItem(storeKey(form)) || "null"); } catch (e) { data = null; }
    if (!data) return;
    fieldsOf(form).forEach(function (field) {
      if (!(field.name in data) || field.type === "file" || field.type === "password") return;
      if (field.type === "checkbox") field.checked = !!data[field.name];
      else if (field.type === "radio") field.checked = data[field.name] === field.value;
      else if (field.type === "hidden") { field.value = data[field.name]; field.dispatchEvent(new Event("change", { bubbles: true })); }
      else if (!field.value) field.value = data[field.name];
    });
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-keep")) save(form);
  });
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-keep")) save(form);
  });

  function forgetSent() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-forget-kept]"), function (element) {
      var prefix = "portal.form." + element.getAttribute("data-forget-kept");
      try {
        Object.keys(sessionStorage).filter(function (key) { return key.indexOf(prefix) === 0; }).forEach(function (key) { sessionStorage.removeItem(key); });
      } catch (e) { /* storage blocked: nothing was kept */ }
    });
  }

  function restoreAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-keep]"), restore);
    forgetSent();
  }
  new MutationObserver(restoreAll).observe(document.documentElement, { childList: true, subtree: true });
  restoreAll();
})();
