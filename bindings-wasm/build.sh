#!/usr/bin/env bash
# Builds the baogao npm package into bindings-wasm/pkg/ (web + Node.js entries, one .d.ts) and
# copies the web build into www/pkg/ for the page.
#   needs: the wasm32-unknown-unknown target, wasm-bindgen (the CLI, same version as the crate:
#   on PATH or in $WASM_BINDGEN), node_modules (npm ci) for wasm-opt.
# Prints the .wasm size, raw and gzipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

wb=${WASM_BINDGEN:-wasm-bindgen}
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "build.sh: $wasm_opt missing: run npm ci in bindings-wasm" >&2; exit 1; }

cargo build -p baogao-wasm --target wasm32-unknown-unknown --profile wasm
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
wasm="$target_dir/wasm32-unknown-unknown/wasm/baogao_wasm.wasm"
version=$(cargo pkgid -p baogao-wasm | sed 's/.*[@#]//')

pkg="$here/pkg"
rm -rf "$pkg"
mkdir -p "$pkg"
"$wb" --target web --out-dir "$pkg/web" --no-typescript "$wasm"
"$wb" --target nodejs --out-dir "$pkg/node" --no-typescript "$wasm"

# Rust's wasm32 target emits these post-MVP features; every current browser and Node >= 18 has
# them. -Oz: smallest code.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
          --enable-mutable-globals --enable-reference-types --enable-multivalue)
for dir in web node; do
  f="$pkg/$dir/baogao_wasm_bg.wasm"
  "$wasm_opt" -Oz "${features[@]}" --strip-debug --strip-producers "$f" -o "$f.opt"
  mv "$f.opt" "$f"
done

js="$here/js"
cp "$js/index.d.ts" "$js/wrap.mjs" "$pkg/"
# One set of declarations, named for each module system (TypeScript reads .d.mts as ESM).
cp "$js/index.d.ts" "$pkg/index.d.mts"
cp "$js/index.d.ts" "$pkg/index.d.cts"
# The CommonJS twin of wrap.mjs: same code, `export` turned into module.exports.
node -e '
  const fs = require("fs");
  const names = [];
  const src = fs.readFileSync(process.argv[1], "utf8").replace(
    /^export (class|function|const) (\w+)/gm, (m, k, n) => { names.push(n); return k + " " + n; });
  fs.writeFileSync(process.argv[2], "\"use strict\";\n" + src + "\nmodule.exports = { " + names.join(", ") + " };\n");
' "$js/wrap.mjs" "$pkg/wrap.cjs"
cp "$js/web-index.js" "$pkg/web/index.js"
cp "$js/node-index.cjs" "$pkg/node/index.cjs"
cp "$js/node-index.mjs" "$pkg/node/index.mjs"
echo '{ "type": "module" }' > "$pkg/web/package.json"
echo '{ "type": "commonjs" }' > "$pkg/node/package.json"
rm -f "$pkg"/*/.gitignore
sed "s/@VERSION@/$version/" "$js/package.json" > "$pkg/package.json"
cp "$js/README.md" "$pkg/README.md"

# The page serves the web build from www/pkg/.
www="$here/www/pkg"
rm -rf "$www"
mkdir -p "$www"
cp -r "$pkg/web" "$pkg/wrap.mjs" "$www/"

raw=$(wc -c < "$pkg/web/baogao_wasm_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/baogao_wasm_bg.wasm" | wc -c)
echo "baogao_wasm_bg.wasm: $raw bytes, gzipped (gzip -9) $gz bytes = $((gz / 1024)) KiB"
