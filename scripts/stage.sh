#!/usr/bin/env bash
# Installs cardbatch under ROOT/PREFIX (`make install`, and the tree `make deb` packs):
#   bin/cardbatch                       release build, Swift runtime linked statically
#   share/man/man1/cardbatch*.1         from the argument parser (swift-argument-parser's generate-manual)
#   share/bash-completion, zsh, fish    completion scripts from `cardbatch --generate-completion-script`
#   lib/systemd/system/cardbatch-watch* the units, pointing at this prefix, installed but not enabled
#   share/cardbatch/                    the roster and records schemas and the CSV template
#   share/doc/cardbatch/                README.md and docs/
# usage: scripts/stage.sh ROOT PREFIX   (ROOT "" installs into the running system)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-}
prefix=${2:-/usr/local}
dest="$root$prefix"

# A build folder of its own: SwiftPM does not relink a binary when only --static-swift-stdlib changes.
swift build -c release --static-swift-stdlib --build-path .build-static --product cardbatch
swift package plugin generate-manual --multi-page > /dev/null
bin=.build-static/release/cardbatch

install -D -m 0755 "$bin" "$dest/bin/cardbatch"
for page in .build/plugins/GenerateManual/outputs/cardbatch/*.1; do
  install -D -m 0644 "$page" "$dest/share/man/man1/$(basename "$page")"
done
install -d "$dest/share/bash-completion/completions" "$dest/share/zsh/site-functions" "$dest/share/fish/vendor_completions.d"
"$bin" --generate-completion-script bash > "$dest/share/bash-completion/completions/cardbatch"
"$bin" --generate-completion-script zsh > "$dest/share/zsh/site-functions/_cardbatch"
"$bin" --generate-completion-script fish > "$dest/share/fish/vendor_completions.d/cardbatch.fish"

# /usr/lib/systemd/system for a system package, PREFIX/lib/systemd/system otherwise (both are searched).
units="$dest/lib/systemd/system"
install -d "$units"
for unit in deploy/systemd/*; do
  sed -e "s|/usr/local/bin/cardbatch|$prefix/bin/cardbatch|g" -e "s|/usr/local/share/doc/cardbatch|$prefix/share/doc/cardbatch|g" \
    "$unit" > "$units/$(basename "$unit")"
  chmod 0644 "$units/$(basename "$unit")"
done

install -d "$dest/share/cardbatch/schemas" "$dest/share/doc/cardbatch/docs"
install -m 0644 samples/schemas/*.xsd "$dest/share/cardbatch/schemas/"
install -m 0644 samples/roster-template.csv "$dest/share/cardbatch/"
install -m 0644 README.md "$dest/share/doc/cardbatch/"
install -m 0644 docs/*.md "$dest/share/doc/cardbatch/docs/"
install -d "$dest/share/doc/cardbatch/docs/images"
install -m 0644 docs/images/* "$dest/share/doc/cardbatch/docs/images/"
echo "installed cardbatch $("$bin" --version) into $dest"
