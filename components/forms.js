/* Forms: checked in the browser before they go to the server, in the page's
 * language, and never losing what was typed.
 *
 * - <form data-check> is checked on submit. Each text field carries its rule
 *   as data-* attributes compiled from frontend/validation.py, the same rule
 *   the server applies: Unicode normalisation (data-normalise), separators
 *   dropped (data-drop), upper case (data-upper), then required, control
 *   characters, length in code points (data-max-length), the whole value
 *   against data-pattern, and a last check (data-check). The form carries the
 *   character classes all rules share (data-space, data-invisible,
 *   data-control). Messages come from the field's data-error-* attributes
 *   (compiled from the catalogue). Errors appear next to each field and in a
 *   summary at the top that links to the fields; focus moves to the summary.
 *   The server checks everything again. Errors change only on submit:
 *   clearing one as its field loses focus would move the form under a
 *   pointer between pressing and releasing a button, and lose the click.
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

  function whole(pattern) { return new RegExp("^(?:" + pattern + ")$"); }

  // The national number of a Chinese phone number (with or without +86, 0086, 86); null for another country.
  function chineseNational(number) {
    if (number.indexOf("+86") === 0) return number.slice(3);
    if (number.indexOf("0086") === 0) return number.slice(4);
    if (number.charAt(0) === "+" || number.indexOf("00") === 0) return null;
    return number.length === 13 && number.indexOf("86") === 0 ? number.slice(2) : number;
  }

  // GB 11643: a real date of birth and the check digit. Which county codes exist only the server knows.
  function residentIdValid(id) {
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
    if (ID_CHECK[sum % 11] !== id[17]) return false;
    var year = Number(id.slice(6, 10)), month = Number(id.slice(10, 12)), day = Number(id.slice(12, 14));
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }

  // What the browser can know after the pattern; a foreign phone number's plan and an address's
  // deliverable syntax are for the server (phonenumbers, email-validator), which says so in the page.
  var CHECKS = {
    "mobile-cn": function (value, field) {
      var national = chineseNational(value);
      return national !== null && whole(field.getAttribute("data-national")).test(national);
    },
    "phone": function () { return true; },
    "email": function () { return true; },
    "resident-id": residentIdValid,
  };

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !el.disabled && ["INPUT", "SELECT", "TEXTAREA"].indexOf(el.tagName) >= 0
        && (el.type !== "hidden" || el.hasAttribute("data-keep-field"));
    });
  }

  function shared(field, name) { return (field.form && field.form.getAttribute("data-" + name)) || ""; }

  /* The value as the server will check it (frontend/validation.py, FieldRule.normalise). */
  function normalised(field) {
    var value = field.value || "";
    value = value.normalize(field.getAttribute("data-normalise"));
    var drop = field.getAttribute("data-drop");
    if (drop) value = value.replace(new RegExp(drop, "g"), "");
    if (field.hasAttribute("data-upper")) value = value.toUpperCase();
    if (!field.hasAttribute("data-keep-spaces")) {
      var space = "[" + shared(field, "space") + "]+";
      value = value.replace(new RegExp("^" + space + "|" + space + "$", "g"), "");
    }
    return value;
  }

  /* The field's problem, or null: the same checks in the same order as frontend/validation.py's check(). */
  function problem(field) {
    if (!field.hasAttribute("data-normalise")) {  // choices, files and kept hidden values
      var missing = field.validity.valueMissing || (field.required && field.type === "hidden" && !field.value.trim());
      return missing ? "required" : null;
    }
    var value = normalised(field);
    if (!value.replace(new RegExp(shared(field, "invisible"), "g"), "")) return field.required ? "required" : null;
    if (new RegExp(shared(field, "control")).test(value)) return "invalid-characters";
    var limit = Number(field.getAttribute("data-max-length"));
    if (limit > 0 && Array.from(value).length > limit) return "too-long";  // code points, as Python's len()
    var pattern = field.getAttribute("data-pattern");
    if (pattern && !whole(pattern).test(value)) return "format";
    var check = CHECKS[field.getAttribute("data-check")];
    if (check && !check(value, field)) return "format";
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

  // A field checked as a submit would check it (the field-agreement tests hold it to the server's rule).
  window.portalForms = { problem: problem };
})();
