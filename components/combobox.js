/* The ARIA combobox pattern for search suggestions (WAI-ARIA APG, list
 * autocomplete). The server renders the options; this script gives the
 * keyboard behaviour without a round trip: Down/Up move through the options,
 * Enter opens the chosen one, Escape closes the list, and the input keeps
 * focus throughout (aria-activedescendant).
 *
 * Chinese, Japanese and Korean are typed through an input method, which
 * composes text before committing it: keys pressed while composing belong to
 * the input method (choosing or cancelling a candidate), and the suggestions
 * follow committed text only. */
(function () {
  "use strict";

  function parts(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    return { list: list, options: list ? Array.prototype.slice.call(list.querySelectorAll("[role=option]")) : [] };
  }

  function setOpen(input, open) {
    var p = parts(input);
    var show = open && p.options.length > 0;
    input.setAttribute("aria-expanded", String(show));
    if (p.list) p.list.hidden = !show;
    if (!show) setActive(input, -1);
  }

  function setActive(input, index) {
    var p = parts(input);
    p.options.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === index)); });
    if (index >= 0 && p.options[index]) {
      input.setAttribute("aria-activedescendant", p.options[index].id);
      p.options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function activeIndex(input) {
    var id = input.getAttribute("aria-activedescendant");
    return parts(input).options.findIndex(function (option) { return option.id === id; });
  }

  function choose(option) {
    var link = option && option.querySelector("a");
    if (link) link.click();
  }

  function isCombobox(el) { return !!(el && el.matches && el.matches("input[role=combobox]")); }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!isCombobox(input) || event.isComposing || event.keyCode === 229) return;
    var p = parts(input);
    var index = activeIndex(input);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!p.options.length) return;
      event.preventDefault();
      setOpen(input, true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActive(input, (index + step + p.options.length + (index < 0 && step < 0 ? 1 : 0)) % p.options.length);
    } else if (event.key === "Enter" && index >= 0 && input.getAttribute("aria-expanded") === "true") {
      event.preventDefault();
      choose(p.options[index]);
    } else if (event.key === "Escape") {
      if (input.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        setOpen(input, false);
      } else {
        input.value = "";
      }
    }
  });

  document.addEventListener("input", function (event) {
    if (isCombobox(event.target)) setActive(event.target, -1);
  });

  // While composing, the text is not the person's yet: the page (and its request for
  // suggestions) hears of it only once committed. Window capture runs before React's listeners.
  window.addEventListener("input", function (event) {
    if (event.isComposing && isCombobox(event.target)) event.stopImmediatePropagation();
  }, true);
  window.addEventListener("compositionend", function (event) {
    if (isCombobox(event.target)) event.target.dispatchEvent(new Event("input", { bubbles: true }));
  }, true);

  // Options arrive from the server after typing: open the list when they do.
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      var list = record.target.closest && record.target.closest("[role=listbox]");
      if (!list) return;
      var input = document.querySelector("input[aria-controls='" + list.id + "']");
      if (input && document.activeElement === input) setOpen(input, true);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!isCombobox(input)) return;
    // Let a click on an option land before the list closes.
    setTimeout(function () { if (document.activeElement !== input) setOpen(input, false); }, 200);
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest("[role=option]");
    if (option) { event.preventDefault(); choose(option); }
  });
})();
