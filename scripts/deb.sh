#!/usr/bin/env bash
# make deb: a Debian package of cardbatch, built with dpkg-deb from the tree scripts/stage.sh installs
# under /usr. It depends on the Debian packages of the C libraries the binary links (the Swift runtime
# is linked statically), installs the systemd units without enabling them, and creates the system user
# `cardbatch` and /srv/cardbatch/{inbox,out} for the service. Written to out/cardbatch_VERSION_ARCH.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build/deb
rm -rf "$work" && mkdir -p "$work/root/DEBIAN" out
./scripts/stage.sh "$work/root" /usr
version=$(.build-static/release/cardbatch --version)
arch=$(dpkg --print-architecture)
gzip -9n "$work"/root/usr/share/man/man1/*.1
size=$(du -sk "$work/root/usr" | cut -f1)
cat > "$work/root/DEBIAN/control" <<CONTROL
Package: cardbatch
Version: $version
Architecture: $arch
Maintainer: cardbatch maintainers <cardbatch@localhost>
Installed-Size: $size
Depends: libc6, libstdc++6, libgcc-s1, libzip4, zlib1g, libxml2, libturbojpeg0, libjpeg62-turbo, libexif12, libqpdf29, libpng16-16, libsqlite3-0, libpq5, libssl3, libdlib19.1, libblas3, liblapack3, adduser
Section: utils
Priority: optional
Description: batch checker for Social Security Card bundles of foreign employees
 Reads the ZIP bundles employers hand in (roster, photos, authorization letter), checks every
 employee against the issuance rules, and writes accepted records and one rejection report per
 rejected employee. Includes the nightly inbox watcher and its systemd units (not enabled).
CONTROL
cat > "$work/root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  if ! getent passwd cardbatch > /dev/null; then
    adduser --system --group --home /srv/cardbatch --no-create-home --quiet cardbatch
  fi
  install -d -o cardbatch -g cardbatch -m 0700 /srv/cardbatch /srv/cardbatch/inbox /srv/cardbatch/out
  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
fi
POSTINST
chmod 0755 "$work/root/DEBIAN/postinst"
deb="out/cardbatch_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$work/root" "$deb" > /dev/null
echo "$deb"
