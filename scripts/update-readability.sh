#!/usr/bin/env bash
# Copies Readability.js and its licence from node_modules into extension/vendor/.
# The version is pinned in package.json (devDependencies, "@mozilla/readability"); to update,
# change the pin there, run `npm install`, then this script, then `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/@mozilla/readability
if [ ! -f "$src/Readability.js" ]; then
    echo "node_modules has no @mozilla/readability; run: npm install" >&2
    exit 1
fi
version=$(node -p "require('./$src/package.json').version")
pinned=$(node -p "require('./package.json').devDependencies['@mozilla/readability']")
if [ "$version" != "$pinned" ]; then
    echo "node_modules has @mozilla/readability $version but package.json pins $pinned; run: npm install" >&2
    exit 1
fi
cp "$src/Readability.js" extension/vendor/Readability.js
cp "$src/LICENSE.md" extension/vendor/LICENSE-Readability.md
sed -i "s/^Version: .*/Version: $version/" extension/vendor/README.md
echo "extension/vendor: @mozilla/readability $version"
