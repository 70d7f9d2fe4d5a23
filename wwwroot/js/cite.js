// "Cite" blocks on publications and paper pages: shows the Copy button, which needs JavaScript and a clipboard
// (browsers only offer one on https and localhost). Without it the BibTeX stays selectable text.
(() => {
    'use strict';
    if (!window.isSecureContext || !navigator.clipboard) {
        return;
    }
    const clearAfterMs = 5000;
    for (const block of document.querySelectorAll('.cite')) {
        const button = block.querySelector('.cite-copy');
        const code = block.querySelector('.cite-bibtex code');
        const status = block.querySelector('.cite-status');
        if (!button || !code || !status) {
            continue;
        }
        let timer = 0;
        button.hidden = false;
        button.addEventListener('click', async () => {
            // Emptied first, so that a second click is announced again.
            status.textContent = '';
            window.clearTimeout(timer);
            let message;
            try {
                await navigator.clipboard.writeText(code.textContent);
                message = 'Copied';
            } catch {
                message = 'Could not copy: select the text and copy it';
            }
            window.setTimeout(() => { status.textContent = message; }, 50);
            timer = window.setTimeout(() => { status.textContent = ''; }, clearAfterMs);
        });
    }
})();
