// Progressive enhancement for the editor (lists); every action also works without it.
"use strict";
