// Progressive enhancement for the editor (authors); every action also works without it.
// Author rows, link rows and the layout's section rows are added, removed and moved in place (drag, Move up/down, or the arrow
// keys on a row's handle), renumbered so the form posts contiguous Input.Authors[i] / Input.Links[i] / Input.Sections[i];
// "Fill the author rows" asks the page itself to read the pasted list, so there is one parser.
"use strict";
(() => {
  const announce = (text) => {
    if (window.ResearcherEditor) {
      window.ResearcherEditor.announce(text);
    }
  };

  const PREFIX = {
    author: { name: "Input.Authors", id: "Input_Authors_", noun: "author" },
    link: { name: "Input.Links", id: "Input_Links_", noun: "link" },
    section: { name: "Input.Sections", id: "Input_Sections_", noun: "section" },
  };

  /** Blank rows to clone for "Add", taken before any row could be removed. */
  const blanks = new Map();

  // A fill that could not be done in place is sent as the form would be without the script.
  let bypass = false;

  function rowsOf(fieldset) {
    return Array.from(fieldset.querySelector("[data-rows]").children).filter((row) => row.matches("[data-row]"));
  }

  function firstField(row) {
    return row.querySelector("input:not([type=hidden]), select, textarea");
  }

  function rowText(kind, row) {
    if (row.dataset.rowText) {
      return row.dataset.rowText;
    }
    const field = kind === "author"
      ? row.querySelector("input[name$='.Name']")
      : row.querySelector("input[name$='.Label']") || row.querySelector("input[name$='.Url']");
    return field && field.value.trim() ? field.value.trim() : null;
  }

  /** Rewrites indexes, ids, numbers in labels and button values after rows were added, removed or moved. */
  function renumber(fieldset) {
    const kind = fieldset.dataset.rowList;
    const prefix = PREFIX[kind];
    const rows = rowsOf(fieldset);
    const nameIndex = new RegExp(prefix.name.replace(".", "\\.") + "\\[\\d+\\]", "g");
    const idIndex = new RegExp(prefix.id + "\\d+__", "g");
    rows.forEach((row, i) => {
      row.id = `${kind}-${i + 1}`;
      row.querySelectorAll("[data-row-number]").forEach((span) => { span.textContent = String(i + 1); });
      row.querySelectorAll("*").forEach((element) => {
        for (const attribute of ["id", "for", "name", "aria-describedby", "data-valmsg-for"]) {
          const value = element.getAttribute(attribute);
          if (value) {
            element.setAttribute(attribute, value.replace(nameIndex, `${prefix.name}[${i}]`).replace(idIndex, `${prefix.id}${i}__`));
          }
        }
      });
      row.querySelectorAll("button[data-command]").forEach((button) => {
        const command = button.dataset.command;
        button.value = `${kind}-${command}-${i}`;
        if (command === "up" || command === "down") {
          button.id = `${kind}-${i + 1}-${command}`;
          button.disabled = command === "up" ? i === 0 : i === rows.length - 1;
        }
      });
    });
  }

  function blankCopy(row) {
    const copy = row.cloneNode(true);
    copy.querySelectorAll("input").forEach((input) => {
      if (input.type === "checkbox") {
        input.checked = false;
        input.removeAttribute("checked");
      } else {
        input.value = "";
        input.removeAttribute("value");
      }
      input.removeAttribute("aria-invalid");
      input.classList.remove("input-validation-error");
    });
    copy.querySelectorAll("select").forEach((select) => {
      Array.from(select.options).forEach((option) => { option.removeAttribute("selected"); });
      select.selectedIndex = 0;
      select.removeAttribute("aria-invalid");
      select.classList.remove("input-validation-error");
    });
    copy.querySelectorAll("[autofocus]").forEach((element) => { element.removeAttribute("autofocus"); });
    copy.querySelectorAll(".field-error").forEach((error) => { error.textContent = ""; });
    return copy;
  }

  function add(fieldset) {
    const kind = fieldset.dataset.rowList;
    const rows = rowsOf(fieldset);
    const max = Number(fieldset.dataset.rowMax || "0");
    if (max > 0 && rows.length >= max) {
      announce(`There are already ${max} ${PREFIX[kind].noun} rows, the most a form takes.`);
      return;
    }
    const row = blankCopy(blanks.get(fieldset));
    fieldset.querySelector("[data-rows]").append(row);
    addHandle(fieldset, row);
    renumber(fieldset);
    firstField(row).focus();
    announce(`Added ${PREFIX[kind].noun} ${rows.length + 1}. It is saved when you save the form.`);
  }

  function remove(fieldset, row) {
    const kind = fieldset.dataset.rowList;
    const index = rowsOf(fieldset).indexOf(row);
    const text = rowText(kind, row);
    row.remove();
    renumber(fieldset);
    const rows = rowsOf(fieldset);
    const next = rows[Math.min(index, rows.length - 1)];
    (next ? firstField(next) : fieldset.querySelector("button[data-command=add]")).focus();
    const noun = PREFIX[kind].noun;
    announce(`Removed ${noun} ${index + 1}${text ? ` (${text})` : ""}. ${rows.length} ${noun} rows left; saving the form makes it final.`);
  }

  function move(fieldset, row, delta, focusAfter) {
    const kind = fieldset.dataset.rowList;
    const rows = rowsOf(fieldset);
    const index = rows.indexOf(row);
    const target = index + delta;
    if (target < 0 || target >= rows.length) {
      return;
    }
    const list = fieldset.querySelector("[data-rows]");
    if (delta < 0) {
      list.insertBefore(row, rows[target]);
    } else {
      list.insertBefore(rows[target], row);
    }
    renumber(fieldset);
    if (focusAfter) {
      const same = row.querySelector(`button[data-command=${delta < 0 ? "up" : "down"}]`);
      (focusAfter === "handle" ? row.querySelector(".row-handle") : (same && !same.disabled ? same : firstField(row))).focus();
    }
    const text = rowText(kind, row) || `${PREFIX[kind].noun}`;
    announce(`Moved ${text} to position ${target + 1} of ${rows.length}.`);
  }

  function addHandle(fieldset, row) {
    const actions = row.querySelector(".row-actions");
    if (!actions || actions.querySelector(".row-handle")) {
      return;
    }
    const handle = document.createElement("button");
    handle.type = "button";
    handle.className = "button button-small row-handle";
    handle.title = "Drag to reorder, or press the up and down arrow keys";
    const icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = "⇅ ";
    const which = document.createElement("span");
    which.className = "visually-hidden";
    const number = document.createElement("span");
    number.dataset.rowNumber = "";
    number.textContent = String(rowsOf(fieldset).indexOf(row) + 1);
    which.append(` ${PREFIX[fieldset.dataset.rowList].noun} `, number);
    handle.append(icon, "Reorder", which);
    actions.prepend(handle);
    handle.addEventListener("keydown", (event) => {
      if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault();
        move(fieldset, row, event.key === "ArrowUp" ? -1 : 1, "handle");
      }
    });
  }

  async function fill(fieldset, button) {
    const form = button.form;
    const data = new FormData(form);
    data.set("Command", button.value);
    button.disabled = true;
    announce("Filling the author rows…");
    let fresh = null;
    try {
      const response = await fetch(button.formAction || form.action, { method: "POST", body: data, credentials: "same-origin" });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        fresh = page.querySelector("[data-row-list=author]");
      }
    } catch {
      fresh = null;
    }
    if (!fresh) {
      button.disabled = false;
      bypass = true;
      button.click();
      return;
    }
    fresh.querySelectorAll("[autofocus]").forEach((element) => { element.removeAttribute("autofocus"); });
    fieldset.replaceWith(fresh);
    setUp(fresh);
    const status = fresh.querySelector("#author-fill-status");
    const error = fresh.querySelector("#author-paste-error");
    if (status) {
      const first = rowsOf(fresh)[0];
      (first ? firstField(first) : status).focus();
      announce(status.textContent.trim());
    } else {
      fresh.querySelector("#author-paste").focus();
      announce(error && error.textContent.trim() ? error.textContent.trim() : "The author rows were not changed.");
    }
  }

  function setUp(fieldset) {
    const rows = rowsOf(fieldset);
    if (rows.length > 0 && !blanks.has(fieldset)) {
      blanks.set(fieldset, blankCopy(rows[0]));
    }
    rows.forEach((row) => addHandle(fieldset, row));
    if (window.Sortable) {
      window.Sortable.create(fieldset.querySelector("[data-rows]"), {
        handle: ".row-handle",
        draggable: "[data-row]",
        animation: 150,
        // Pointer events rather than the browser's own drag and drop: the same on touch screens and mice.
        forceFallback: true,
        fallbackTolerance: 3,
        onEnd: (event) => {
          if (event.oldIndex === event.newIndex) {
            return;
          }
          renumber(fieldset);
          const text = rowText(fieldset.dataset.rowList, event.item) || PREFIX[fieldset.dataset.rowList].noun;
          announce(`Moved ${text} to position ${event.newIndex + 1} of ${rowsOf(fieldset).length}.`);
        },
      });
    }
    fieldset.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-command]");
      if (!button || bypass) {
        bypass = false;
        return;
      }
      const command = button.dataset.command;
      const row = button.closest("[data-row]");
      if (command === "fill") {
        event.preventDefault();
        fill(fieldset, button);
      } else if (command === "add" && blanks.has(fieldset)) {
        event.preventDefault();
        add(fieldset);
      } else if (row && command === "remove") {
        event.preventDefault();
        remove(fieldset, row);
      } else if (row && (command === "up" || command === "down")) {
        event.preventDefault();
        move(fieldset, row, command === "up" ? -1 : 1, "button");
      }
    });
  }

  document.querySelectorAll("[data-row-list]").forEach(setUp);
})();
