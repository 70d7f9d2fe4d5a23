"use strict";
// Results as you type, for the search box of the directory and the search page. Without this file
// the box is a plain GET form to /search. After a short pause in typing, the results region of
// /search (?handler=results) replaces the page's results region; focus stays in the box, the count
// is announced, and the address becomes that of the search, so reloading or sharing it shows the same.
(function () {
    var form = document.querySelector("form[data-search-form]");
    var region = document.querySelector("[data-search-results]");
    if (!form || !region || !window.fetch || !window.URLSearchParams) {
        return;
    }
    var input = form.querySelector("input[name=q]");
    var status = form.querySelector("[data-search-status]");
    var replaced = document.querySelector("[data-search-replaces]");
    var startUrl = window.location.href;
    var timer = 0;
    var latest = 0;

    function showDirectory() {
        region.hidden = true;
        region.textContent = "";
        if (replaced) {
            replaced.hidden = false;
        }
        history.replaceState(null, "", startUrl);
        status.textContent = "";
    }

    function search() {
        var query = input.value.trim();
        if (replaced && query === "") {
            showDirectory();
            return;
        }
        var params = new URLSearchParams(new FormData(form));
        var pageUrl = form.action + "?" + params.toString();
        params.set("handler", "results");
        var request = ++latest;
        fetch(form.action + "?" + params.toString(), { headers: { "Accept": "text/html" }, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            })
            .then(function (html) {
                if (request !== latest) {
                    return;
                }
                region.innerHTML = html;
                region.hidden = false;
                if (replaced) {
                    replaced.hidden = true;
                }
                history.replaceState(null, "", pageUrl);
                var count = region.querySelector("[data-search-count]");
                status.textContent = count ? count.textContent.replace(/\s+/g, " ").trim() : "";
            })
            .catch(function () {
                // The form still works: pressing Enter or the button loads the search page.
                if (request === latest) {
                    status.textContent = "Results could not be loaded as you type; press Search.";
                }
            });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(search, 250);
    });
})();
