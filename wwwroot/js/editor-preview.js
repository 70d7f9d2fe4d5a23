// Progressive enhancement for the editor: a live preview beside every Markdown field, and a
// question before leaving a page whose form holds unsaved changes. Without JavaScript the
// Preview button and the note by the section tabs do the same work.
"use strict";
(() => {
  const renderDelay = 300;
  const announceDelay = 1500;

  /** The field's label without "(required)": "About". */
  function labelOf(field) {
    const label = field.labels && field.labels[0];
    const text = label && label.firstChild ? label.firstChild.textContent.trim() : "";
    return text || "text";
  }

  /** Puts a preview panel beside (or, on a narrow screen, below) a Markdown field and keeps it current. */
  function livePreview(field) {
    const form = field.form;
    const token = form && form.querySelector("input[name='__RequestVerificationToken']");
    const wrapper = field.closest(".field");
    if (!token || !wrapper || !field.id) {
      return;
    }
    const pair = document.createElement("div");
    pair.className = "markdown-pair";
    const panel = document.createElement("div");
    // Named by its heading only, not as a labelled region: a field's label must stay the field's alone.
    panel.className = "live-preview";
    // The panel's heading sits one level above the text's own headings, as the section or item
    // heading does on the public page, so the page's outline stays in order.
    const level = Math.min(6, Math.max(2, Number(field.dataset.markdownHeading || 3) - 1));
    const heading = document.createElement(`h${level}`);
    heading.className = "live-preview-label";
    heading.textContent = `Preview: ${labelOf(field)}`;
    const body = document.createElement("div");
    body.className = "prose live-preview-body";
    body.id = `${field.id}-live-preview`;
    const note = document.createElement("p");
    note.className = "note live-preview-note";
    note.textContent = "As the public page will show it; updated as you type, not saved.";
    panel.append(heading, body, note);
    wrapper.before(pair);
    pair.append(wrapper, panel);

    let timer = 0;
    let announceTimer = 0;
    let sequence = 0;
    let controller = null;
    let lastText = null;

    async function render(announceWhenDone) {
      const text = field.value;
      // Whatever was asked before is out of date now, even when the text is back to what is shown.
      if (controller) {
        controller.abort();
        controller = null;
      }
      const mine = ++sequence;
      if (text === lastText) {
        return;
      }
      if (text.trim() === "") {
        // Nothing to render: no request needed.
        lastText = text;
        panel.classList.remove("live-preview-failed");
        body.innerHTML = "";
        const empty = document.createElement("p");
        empty.className = "note";
        empty.textContent = "Nothing to show yet.";
        body.append(empty);
        return;
      }
      controller = new AbortController();
      const data = new URLSearchParams();
      data.set("__RequestVerificationToken", token.value);
      data.set("field", field.dataset.markdownPreview);
      data.set("text", text);
      try {
        const response = await fetch(field.dataset.previewUrl, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          signal: controller.signal,
        });
        if (mine !== sequence) {
          return;
        }
        if (!response.ok) {
          throw new Error(`status ${response.status}`);
        }
        // The server renders with the public page's renderer and its safety rules; nothing is rendered here.
        body.innerHTML = await response.text();
        lastText = text;
        panel.classList.remove("live-preview-failed");
        if (announceWhenDone) {
          window.clearTimeout(announceTimer);
          announceTimer = window.setTimeout(() => window.ResearcherEditor.announce("Preview updated."), announceDelay);
        }
      } catch (error) {
        if (error.name === "AbortError" || mine !== sequence) {
          return;
        }
        lastText = null;
        panel.classList.add("live-preview-failed");
        body.textContent = "The preview could not be updated just now. What you typed is still in the field, and saving works as before.";
      }
    }

    field.addEventListener("input", () => {
      window.clearTimeout(timer);
      window.clearTimeout(announceTimer);
      timer = window.setTimeout(() => render(true), renderDelay);
    });
    render(false);
  }

  /** What a form holds, as text, to tell later whether anything changed. */
  function snapshot(form) {
    const parts = [];
    for (const [name, value] of new FormData(form)) {
      if (name !== "__RequestVerificationToken") {
        parts.push(`${name}=${typeof value === "string" ? value : value.name}`);
      }
    }
    return parts.join("\n");
  }

  function hasFields(form) {
    return Array.from(form.elements).some((element) =>
      !["hidden", "submit", "button", "reset"].includes(element.type) && element.tagName !== "FIELDSET");
  }

  /** Asks before leaving a page whose form was changed and not submitted. */
  function guardUnsavedChanges() {
    const forms = Array.from(document.querySelectorAll("form[method='post']")).filter(hasFields);
    if (forms.length === 0) {
      return;
    }
    const opened = new Map(forms.map((form) => [form, snapshot(form)]));
    const submitted = new WeakSet();
    // Bubbling reaches the document after a form's own handlers: a submit they took over (in place) is no departure.
    document.addEventListener("submit", (event) => {
      if (!event.defaultPrevented) {
        submitted.add(event.target);
      }
    });
    window.addEventListener("beforeunload", (event) => {
      const unsaved = forms.some((form) => form.isConnected && !submitted.has(form) &&
        (form.dataset.unsaved === "true" || snapshot(form) !== opened.get(form)));
      if (unsaved) {
        event.preventDefault();
        // Older browsers show the question only when returnValue is set.
        event.returnValue = "";
      }
    });
  }

  function start() {
    document.querySelectorAll("textarea[data-markdown-preview], input[data-markdown-preview]").forEach(livePreview);
    guardUnsavedChanges();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
