#!/usr/bin/env bash
# Builds FerretDB v1.24.2 from its module source when it is not installed yet and prints the binary's path.
# A plain `go install` yields a binary that panics at start-up (its build/version/version.txt is not in the
# module zip), so the source is copied, the version file written, and the CLI built (docs/database.md).
set -euo pipefail

version=v1.24.2
cache="${PRONGSAI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/prongsai}"
bin="${FERRETDB_BIN:-$cache/ferretdb-$version-postgresql}"

if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || { echo "install-ferretdb: Go is needed to build FerretDB (apt-get install golang, or a Go >= 1.24)" >&2; exit 1; }

mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "install-ferretdb: building FerretDB $version (first time only, takes a few minutes)" >&2
src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$version" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$src" ] || { echo "install-ferretdb: go mod download gave no source directory" >&2; exit 1; }

cp -R "$src" "$work/src"
chmod -R u+w "$work/src"
echo "$version" > "$work/src/build/version/version.txt"
(cd "$work/src" && GOFLAGS= go build -trimpath -buildvcs=false -o "$work/ferretdb" ./cmd/ferretdb) >&2
"$work/ferretdb" --version >&2
mv "$work/ferretdb" "$bin"
echo "$bin"
