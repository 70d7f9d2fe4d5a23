// The "Edit this profile" link on a public profile. The page is cached for everyone, so it always
// carries the link, hidden; the rp_edit cookie, set at sign-in, lists the profiles this browser's
// account may edit ("*" for an administrator). Only a hint: the editor checks access itself.
(() => {
    'use strict';
    const block = document.querySelector('.profile-edit[data-edit-slug]');
    const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('rp_edit='));
    if (!block || !cookie) {
        return;
    }
    const slugs = decodeURIComponent(cookie.slice('rp_edit='.length)).split('|');
    if (slugs.includes('*') || slugs.includes(block.dataset.editSlug)) {
        block.hidden = false;
    }
})();
