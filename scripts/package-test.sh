#!/usr/bin/env bash
# make package-test: builds the package, unpacks it into a scratch root with `dpkg -x`, and runs the
# installed binary from there: --version, rules, the man page, completions, units and shared files;
# then enables the units in that root as docs/operator.md does.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(./scripts/deb.sh | tail -n 1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
failures=0
check() {
  if eval "$2"; then echo "  ok: $1"; else echo "  FAILED: $1"; failures=$((failures + 1)); fi
}
bin="$root/usr/bin/cardbatch"
check "the package names its library dependencies" "dpkg-deb -f '$deb' Depends | grep -q 'libzip4.*libdlib19.1'"
check "cardbatch --version prints the version" "[ \"\$('$bin' --version)\" = \"\$(dpkg-deb -f '$deb' Version)\" ]"
check "cardbatch rules lists every rule" "'$bin' rules | grep -q 'photo.file-size'"
check "cardbatch explain runs" "'$bin' explain photo.format | grep -q 'JPEG'"
check "the binary needs no Swift runtime" "! ldd '$bin' | grep -q 'libswiftCore'"
check "man pages, one per command" "[ -f '$root/usr/share/man/man1/cardbatch.1.gz' ] && [ -f '$root/usr/share/man/man1/cardbatch.process.1.gz' ]"
check "completions for bash, zsh and fish" "[ -s '$root/usr/share/bash-completion/completions/cardbatch' ] && [ -s '$root/usr/share/zsh/site-functions/_cardbatch' ] && [ -s '$root/usr/share/fish/vendor_completions.d/cardbatch.fish' ]"
check "units point at /usr/bin and are not enabled" "grep -q 'ExecStart=/usr/bin/cardbatch' '$root/usr/lib/systemd/system/cardbatch-watch.service' && [ ! -e '$root/etc/systemd/system/multi-user.target.wants' ]"
check "the guides with their pictures" "[ -f '$root/usr/share/doc/cardbatch/docs/employer.zh.md' ] && [ -f '$root/usr/share/doc/cardbatch/docs/images/photo-good.jpg' ]"
check "schemas and the CSV template" "[ -f '$root/usr/share/cardbatch/schemas/roster.xsd' ] && [ -f '$root/usr/share/cardbatch/roster-template.csv' ]"
check "the service user is created on configure" "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./postinst | grep -q 'adduser --system --group'"
# The installed watcher, run from the scratch root, takes a sample bundle through one pass.
srv="$root/srv/cardbatch"
mkdir -p "$srv/inbox" "$srv/out"
cp samples/clean-csv.zip "$srv/inbox/"
check "the installed watcher processes a bundle" "'$bin' watch --once --settle 0 --min-age 0 --date 2026-11-25 --inbox '$srv/inbox' --out '$srv/out' 2> '$root/watch.log' && [ -f '$srv/inbox/archive/clean-csv.zip' ] && [ -f '$srv/out/clean-csv/accepted/records.csv' ] && [ -f '$srv/out/summary-2026-11-25.html' ]"

# docs/operator.md's enable step, offline in the scratch root (no running systemd is needed to enable).
if command -v systemctl > /dev/null; then
  check "the units enable as docs/operator.md says" "systemctl --root='$root' enable cardbatch-watch-once.timer cardbatch-watch.service > /dev/null 2>&1 && [ -L '$root/etc/systemd/system/timers.target.wants/cardbatch-watch-once.timer' ] && [ -L '$root/etc/systemd/system/multi-user.target.wants/cardbatch-watch.service' ]"
fi
if [ "$failures" -gt 0 ]; then echo "package test: $failures check(s) failed"; exit 1; fi
echo "package test: $deb installs into a scratch root and runs"
