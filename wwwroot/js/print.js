// Printing a profile shows what it folds away (older news, project write-ups): before the print
// dialog takes its snapshot every closed "show more" opens, and afterwards it closes again, so the
// page on screen stays as the visitor left it. The Cite blocks stay shut: print hides them.
(() => {
    'use strict';
    let opened = [];
    window.addEventListener('beforeprint', () => {
        opened = [...document.querySelectorAll('main details.more:not([open])')];
        opened.forEach((details) => { details.open = true; });
    });
    window.addEventListener('afterprint', () => {
        opened.forEach((details) => { details.open = false; });
        opened = [];
    });
})();
