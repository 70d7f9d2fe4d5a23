// Progressive enhancement for the editor (preview); every action also works without it.
"use strict";
