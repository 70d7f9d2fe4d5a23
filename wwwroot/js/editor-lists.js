// Progressive enhancement for the editor's ordered lists; every action also works without it.
// The list's forms carry data-hx-post: htmx posts them, follows the server's redirect and swaps in the
// #list-region of the page it lands on. This script adds the rest: drag handles (SortableJS) with
// arrow keys, focus and an announcement after each swap, and recovery when a change fails.
"use strict";
(() => {
  const regionSelector = "#list-region";
  const listSelector = "ol[data-move-to]";
  const helpId = "reorder-help";

  /** The request in flight from the list: what it acted on, where focus goes after the swap. */
  let pending = null;
  /** Set just before this script posts a move itself (drag or arrow keys). */
  let nextMove = null;

  const region = () => document.querySelector(regionSelector);
  const title = (item) => item.dataset.title || item.textContent.trim();

  /** The buttons that stand for one action, whatever their label is now (Hide becomes Show). */
  const buttons = {
    handle: ".drag-handle",
    "move-up": "form.move-up button, button[value='MoveUp']",
    "move-down": "form.move-down button, button[value='MoveDown']",
    visibility: "form.toggle-visibility button, button[value='Hide'], button[value='Show']",
    highlight: "button[value='Highlight'], button[value='Unhighlight']",
  };

  function actionOf(form, submitter) {
    const value = submitter ? submitter.value : "";
    if (form.classList.contains("move-up") || value === "MoveUp") return "move-up";
    if (form.classList.contains("move-down") || value === "MoveDown") return "move-down";
    if (form.classList.contains("toggle-visibility") || value === "Hide" || value === "Show") return "visibility";
    if (value === "Highlight" || value === "Unhighlight") return "highlight";
    return "other";
  }

  function addHandles(root) {
    const list = root && root.querySelector(listSelector);
    if (!list || list.querySelector(".drag-handle") || Number(list.dataset.total) < 2 || typeof Sortable === "undefined") return;
    if (!document.getElementById(helpId)) {
      const help = document.createElement("p");
      help.id = helpId;
      help.className = "visually-hidden";
      help.textContent = "Drag the handle to move the item, or press Arrow Up or Arrow Down on it. Each move is saved at once.";
      root.append(help);
    }
    for (const item of list.querySelectorAll(":scope > li[data-id]")) {
      const handle = document.createElement("button");
      handle.type = "button";
      handle.className = "drag-handle";
      handle.setAttribute("aria-describedby", helpId);
      handle.setAttribute("aria-keyshortcuts", "ArrowUp ArrowDown");
      const grip = document.createElement("span");
      grip.setAttribute("aria-hidden", "true");
      grip.textContent = "⠿";
      const name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = `Reorder: ${title(item)}`;
      handle.append(grip, name);
      item.prepend(handle);
    }
    Sortable.create(list, {
      handle: ".drag-handle",
      animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 150,
      // Pointer events rather than the browser's drag and drop: the same on touch screens and mice.
      forceFallback: true,
      ghostClass: "is-drop-place",
      chosenClass: "is-dragged",
      onEnd: (event) => {
        if (event.oldIndex !== event.newIndex) {
          moveTo(event.item, list.start + event.newIndex, "handle");
        }
      },
    });
  }

  function moveTo(item, position, focus) {
    const list = item.closest(listSelector);
    const token = region().querySelector("input[name='__RequestVerificationToken']");
    nextMove = { id: item.dataset.id, focus };
    htmx.ajax("POST", list.dataset.moveTo, {
      source: item,
      target: regionSelector,
      select: regionSelector,
      swap: "outerHTML",
      values: {
        [list.dataset.idField]: item.dataset.id,
        position: String(position),
        __RequestVerificationToken: token ? token.value : "",
      },
    });
  }

  document.addEventListener("keydown", (event) => {
    const handle = event.target.closest?.(".drag-handle");
    if (!handle || (event.key !== "ArrowUp" && event.key !== "ArrowDown") || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (pending) return;
    const item = handle.closest("li");
    const list = item.closest(listSelector);
    const position = list.start + [...list.children].indexOf(item) + (event.key === "ArrowUp" ? -1 : 1);
    if (position < 1 || position > Number(list.dataset.total)) {
      window.ResearcherEditor.announce(`“${title(item)}” is already ${position < 1 ? "first" : "last"}.`);
      return;
    }
    moveTo(item, position, "handle");
  });

  document.addEventListener("htmx:beforeRequest", (event) => {
    const source = event.detail.elt;
    if (!source.closest?.(regionSelector)) return;
    const current = region().querySelector("li.is-current");
    const state = { xhr: event.detail.xhr, current: current ? current.dataset.id : null };
    if (source.matches("li[data-id]") && nextMove) {
      pending = { ...state, ...nextMove, move: true };
    } else if (source.matches("form")) {
      const item = source.closest("li[data-id]");
      const action = actionOf(source, event.detail.requestConfig?.triggeringEvent?.submitter);
      pending = { ...state, id: item ? item.dataset.id : null, focus: action, move: action === "move-up" || action === "move-down" };
    }
    nextMove = null;
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    if (!pending || event.detail.xhr !== pending.xhr || !event.detail.shouldSwap) return;
    // Signed out meanwhile, or any page without the list: go there rather than swap in nothing.
    if (!event.detail.serverResponse.includes('id="list-region"')) {
      event.detail.shouldSwap = false;
      pending = null;
      window.location.assign(event.detail.xhr.responseURL || window.location.href);
    }
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    addHandles(region());
    if (!pending || event.detail.xhr !== pending.xhr) return;
    const done = pending;
    pending = null;
    followPage(done.xhr);
    settle(done);
  });

  /** Moving an item across a page boundary lands on another page of the list: the address says which. */
  function followPage(xhr) {
    if (!xhr.responseURL) return;
    const page = new URL(xhr.responseURL).searchParams.get("p");
    const here = new URL(window.location.href);
    if (page === here.searchParams.get("p")) return;
    if (page) here.searchParams.set("p", page); else here.searchParams.delete("p");
    here.hash = "";
    window.history.replaceState(window.history.state, "", here);
  }

  /** Focus on the same button of the acted-on item, else the item, else the message; then say what happened. */
  function settle(done) {
    const root = region();
    if (!root) return;
    if (done.current) {
      const current = root.querySelector(`li[data-id="${CSS.escape(done.current)}"]`);
      if (current) current.classList.add("is-current");
    }
    const status = root.querySelector("#status");
    const item = done.id ? root.querySelector(`li[data-id="${CSS.escape(done.id)}"]`) : null;
    if (!item && done.id && done.id === done.current && done.xhr.responseURL) {
      // The item open in the form below is gone: load the page the server led to, as without JavaScript.
      window.location.assign(done.xhr.responseURL);
      return;
    }
    if (!item) {
      if (status) status.focus();
      if (status) window.ResearcherEditor.announce(status.textContent.trim());
      return;
    }
    const button = buttons[done.focus] ? item.querySelector(buttons[done.focus]) : null;
    const target = button && !button.disabled
      ? button
      : item.querySelector(`${buttons["move-up"]}:not(:disabled), ${buttons["move-down"]}:not(:disabled)`) || item;
    target.focus();
    if (done.move) {
      const list = item.closest("ol");
      const position = list.start + [...list.children].indexOf(item);
      window.ResearcherEditor.announce(`Moved “${title(item)}” to position ${position} of ${list.dataset.total}.`);
    } else if (status) {
      window.ResearcherEditor.announce(status.textContent.trim());
    }
  }

  const problems = {
    400: "The change was not saved because the page had expired. The list below is as saved now; try again.",
    404: "The change was not saved: that item is no longer in this list (it may have been deleted in another window). The list below is as saved now.",
    409: "The change was not saved because someone changed the list at the same time. The list below is as saved now; try again.",
  };

  document.addEventListener("htmx:responseError", (event) => {
    if (!pending || event.detail.xhr !== pending.xhr) return;
    const status = event.detail.xhr.status;
    recover(problems[status] || `The change was not saved (the server answered ${status}). The list below is as saved now.`);
  });

  for (const name of ["htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(name, (event) => {
      if (!pending || event.detail.xhr !== pending.xhr) return;
      recover("The change could not be sent: check the connection. The list below is as saved now.");
    });
  }

  /** After a failed change, shows the list as the server has it (a dragged item goes back) and says why. */
  function recover(message) {
    pending = null;
    htmx.ajax("GET", window.location.href, { target: regionSelector, select: regionSelector, swap: "outerHTML" })
      .then(() => showProblem(message), () => showProblem(`${message} Reload the page to be sure.`));
  }

  function showProblem(message) {
    const root = region();
    if (!root) return;
    let status = root.querySelector("#status");
    if (!status) {
      status = document.createElement("p");
      status.id = "status";
      status.className = "status-message";
      status.setAttribute("role", "status");
      status.tabIndex = -1;
      root.prepend(status);
    }
    status.classList.add("is-problem");
    status.textContent = message;
    status.focus();
    window.ResearcherEditor.announce(message);
  }

  addHandles(region());
})();
