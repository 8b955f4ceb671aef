/* Upload fields (components/uploads.py): each chosen file is checked here
 * (type, size, count), posted to /_portal/uploads, and listed with a preview
 * and a remove button. The hidden input holds [{id, name, size, type}]. */
(function () {
  "use strict";
  var TYPES = { "application/pdf": /\.pdf$/i, "image/jpeg": /\.jpe?g$/i, "image/png": /\.png$/i };
  var previews = {};  // upload id -> object URL of the local image (not kept across reloads)

  function say(box, key, name) { return (box.getAttribute(key) || "").replace("%(name)s", name); }

  function valueOf(box) {
    var hidden = box.querySelector("[data-upload-value]");
    try { return JSON.parse(hidden.value || "[]") || []; } catch (e) { return []; }
  }

  function setValue(box, files) {
    var hidden = box.querySelector("[data-upload-value]");
    hidden.value = JSON.stringify(files);
    hidden.dispatchEvent(new Event("input", { bubbles: true }));
    render(box, files);
  }

  function showError(box, text) {
    var el = box.querySelector(".field-error[role=alert]");
    el.textContent = text || "";
    el.hidden = !text;
    box.classList.toggle("field--error", !!text);
  }

  // The size in the page's language, as CLDR writes it ("1,3 Mo" in French, "1.3 MB" in English).
  function sizeText(bytes) {
    var mega = bytes >= 1048576;
    var unit = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      style: "unit", unit: mega ? "megabyte" : "kilobyte", maximumFractionDigits: mega ? 1 : 0,
    });
    return unit.format(mega ? bytes / 1048576 : Math.max(1, Math.round(bytes / 1024)));
  }

  function render(box, files) {
    var list = box.querySelector(".upload-list");
    list.textContent = "";
    files.forEach(function (file, index) {
      var li = document.createElement("li");
      li.className = "upload-item";
      if (previews[file.id]) {
        var img = document.createElement("img");
        img.src = previews[file.id];
        img.alt = "";
        img.className = "upload-item__preview";
        li.appendChild(img);
      }
      var name = document.createElement("span");
      name.className = "upload-item__name";
      name.textContent = file.name + " (" + sizeText(file.size) + ")";
      li.appendChild(name);
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button button--secondary";
      remove.textContent = say(box, "data-label-remove", file.name);
      remove.addEventListener("click", function () {
        var rest = valueOf(box).filter(function (_f, i) { return i !== index; });
        setValue(box, rest);
        announce(say(box, "data-say-removed", file.name));
        box.querySelector("input[type=file]").focus();
      });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  function announce(text) {
    var region = document.getElementById("a11y-status");
    if (region) { region.textContent = ""; setTimeout(function () { region.textContent = text; }, 50); }
  }

  function upload(box, file) {
    var data = new FormData();
    data.append("file", file, file.name);
    data.append("locale", document.documentElement.lang);
    announce(say(box, "data-say-uploading", file.name));
    return fetch("/_portal/uploads", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .catch(function () { return { ok: false, body: { error: "unavailable" } }; });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    var box = input.closest && input.closest("[data-upload]");
    if (!box) return;
    if (input.matches("[data-upload-value]")) { render(box, valueOf(box)); return; }
    if (input.type !== "file") return;
    var limit = Number(box.getAttribute("data-limit")) || 1;
    var maxBytes = Number(box.getAttribute("data-max-bytes"));
    var chosen = Array.prototype.slice.call(input.files || []);
    input.value = "";
    showError(box, "");
    if (valueOf(box).length + chosen.length > limit) { showError(box, box.getAttribute("data-error-too-many")); return; }
    chosen.reduce(function (previous, file) {
      return previous.then(function () {
        var allowed = TYPES[file.type] && TYPES[file.type].test(file.name);
        if (!file.size) { showError(box, box.getAttribute("data-error-file_empty")); return; }
        if (!allowed) { showError(box, box.getAttribute("data-error-file_type_not_allowed")); return; }
        if (file.size > maxBytes) { showError(box, box.getAttribute("data-error-file_too_large")); return; }
        return upload(box, file).then(function (result) {
          if (!result.ok) { showError(box, box.getAttribute("data-error-" + result.body.error) || box.getAttribute("data-error-unavailable")); return; }
          var entry = { id: result.body.id, name: result.body.filename, size: result.body.size, type: result.body.content_type };
          if (/^image\//.test(file.type)) previews[entry.id] = URL.createObjectURL(file);
          setValue(box, valueOf(box).concat([entry]));
          announce(say(box, "data-say-uploaded", file.name));
        });
      });
    }, Promise.resolve());
  });
})();
