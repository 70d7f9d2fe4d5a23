// What the editor's scripts share: one polite live region for announcements, and one send per press of a form. Loaded before them.
"use strict";
window.ResearcherEditor = (() => {
  let region = null;

  /** Says a short message to screen-reader users (the result of a move, a fill, a swap). */
  function announce(message) {
    if (!region) {
      region = document.createElement("div");
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.id = "editor-announcer";
      document.body.append(region);
    }
    // Clearing first makes a repeated message ("Moved up.") be read again.
    region.textContent = "";
    window.setTimeout(() => { region.textContent = message; }, 50);
  }

  // A second press of a form's button while the page it posted is still loading (a double click,
  // or an impatient one on a slow connection) would post it again: the browser drops the first
  // page, but the server has saved it, so "Add" made two items. A form that htmx posts (the lists'
  // actions) is left to htmx. After a few seconds the form may be sent again (a download leaves
  // the page as it is, and may be asked for again).
  const resubmitAfterMs = 4000;
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.hasAttribute("data-hx-post") || form.hasAttribute("hx-post")) return;
    const now = Date.now();
    const sent = Number(form.dataset.sentAt || 0);
    if (now - sent < resubmitAfterMs) {
      event.preventDefault();
      return;
    }
    form.dataset.sentAt = String(now);
  });
  // A page brought back with the browser's Back button may be sent again at once.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const form of document.querySelectorAll("form[data-sent-at]")) delete form.dataset.sentAt;
  });

  return { announce };
})();
