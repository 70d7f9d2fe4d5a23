#!/usr/bin/env bash
# Copies the pinned browser libraries (package.json, package-lock.json) into wwwroot/lib/, each with
# its licence. The copies are committed: building or running the site never needs npm or a CDN.
# Run it after changing a version in package.json:  bash src/ResearcherProfiles.Web/ClientLibraries/vendor.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
lib="$(cd "$here/../../.." && pwd)/wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$work/"
if [[ -f "$here/package-lock.json" ]]; then
  cp "$here/package-lock.json" "$work/"
  npm ci --prefix "$work" --no-audit --no-fund --ignore-scripts >/dev/null
else
  npm install --prefix "$work" --no-audit --no-fund --ignore-scripts >/dev/null
  cp "$work/package-lock.json" "$here/"
fi

copy() {
  local package=$1 file=$2 target=$3
  mkdir -p "$lib/$target"
  cp "$work/node_modules/$package/$file" "$lib/$target/"
  cp "$work/node_modules/$package/LICENSE" "$lib/$target/LICENSE"
  node -e 'const p = require(process.argv[1]); console.log(`${p.name} ${p.version}`)' \
    "$work/node_modules/$package/package.json" >"$lib/$target/VERSION"
}

copy htmx.org dist/htmx.min.js htmx
copy sortablejs Sortable.min.js sortablejs
echo "vendored into $lib:"
cat "$lib"/*/VERSION
