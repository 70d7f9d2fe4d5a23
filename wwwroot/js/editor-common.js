// What the editor's scripts share: one polite live region for announcements. Loaded before them.
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

  return { announce };
})();
