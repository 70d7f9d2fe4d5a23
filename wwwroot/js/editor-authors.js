// Progressive enhancement for the editor (authors); every action also works without it.
"use strict";
