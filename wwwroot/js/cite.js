// "Cite" blocks on publications and paper pages. A block that links to its BibTeX instead of
// carrying it (the profile and its publication list) loads the entry into itself when it is first
// opened; without JavaScript the link opens the entry as text. Then, where the clipboard can be
// written (browsers only offer one on https and localhost), the block shows its Copy button; without
// it the BibTeX stays selectable text.
(() => {
    'use strict';
    const clearAfterMs = 5000;
    const canCopy = window.isSecureContext && !!navigator.clipboard;

    const timers = new WeakMap();

    // Emptied first and filled a moment later, so that the same message twice is announced twice;
    // a passing message ("Copied") goes after a while, one that asks for something stays.
    const say = (status, message, passing = true) => {
        status.textContent = '';
        window.clearTimeout(timers.get(status));
        window.setTimeout(() => { status.textContent = message; }, 50);
        if (passing) {
            timers.set(status, window.setTimeout(() => { status.textContent = ''; }, clearAfterMs));
        }
    };

    const enableCopy = (block) => {
        const button = block.querySelector('.cite-copy');
        const code = block.querySelector('.cite-bibtex code');
        const status = block.querySelector('.cite-status');
        if (!canCopy || !button || !code || !status) {
            return;
        }
        button.hidden = false;
        button.addEventListener('click', async () => {
            try {
                await navigator.clipboard.writeText(code.textContent);
                say(status, 'Copied');
            } catch {
                say(status, 'Could not copy: select the text and copy it');
            }
        });
    };

    // The elements of a block that carries its entry: the entry, then the Copy button and the status.
    const element = (name, attributes, ...children) => {
        const node = document.createElement(name);
        for (const [key, value] of Object.entries(attributes)) {
            node.setAttribute(key, value);
        }
        node.append(...children);
        return node;
    };

    const loadOnOpen = (block, link) => {
        const source = link.closest('.cite-source');
        const titleText = block.querySelector('summary .visually-hidden')?.textContent ?? '';
        // In the page before anything is said in it, so that screen readers follow it; it goes below
        // the entry with the Copy button once the entry is there.
        const status = element('span', { class: 'cite-status', role: 'status', 'aria-live': 'polite' });
        let loading = false;
        block.addEventListener('toggle', async () => {
            if (!block.open || loading || !source.isConnected) {
                return;
            }
            loading = true;
            source.append(status);
            try {
                const response = await fetch(link.href, { headers: { Accept: 'text/plain' } });
                if (!response.ok) {
                    throw new Error(`${response.status}`);
                }
                const text = await response.text();
                const copy = element('button', { type: 'button', class: 'cite-copy', hidden: '' },
                    'Copy', element('span', { class: 'visually-hidden' }, ` BibTeX for${titleText}`));
                // tabindex: the block scrolls sideways, and keyboard users must be able to scroll it too.
                const entry = element('pre', { class: 'cite-bibtex', tabindex: '0' }, element('code', {}, text));
                const linkHadFocus = document.activeElement === link;
                // A message from an earlier attempt does not follow the entry.
                status.textContent = '';
                source.replaceWith(entry, element('p', { class: 'cite-actions' }, copy, status));
                if (linkHadFocus) {
                    entry.focus();
                }
                enableCopy(block);
            } catch {
                // The link stays: following it is the way to the entry when loading it here failed.
                say(status, 'Could not load the BibTeX here: follow the link to open it', false);
            } finally {
                loading = false;
            }
        });
    };

    for (const block of document.querySelectorAll('.cite')) {
        const link = block.querySelector('.cite-source a');
        if (link) {
            loadOnOpen(block, link);
        } else {
            enableCopy(block);
        }
    }
})();
