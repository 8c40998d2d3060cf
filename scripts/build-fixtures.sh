#!/usr/bin/env bash
# Builds the test and sample images without any registry:
#   pid1-fixture/base   a root filesystem of Debian's busybox-static with tini-static at /sbin/tini
#   busybox:1.37        the same files under the probe's default tag, unless that image exists
#   pid1-fixture/NAME   one image per folder of test/fixtures/images, built on the base
# Needs a running Docker engine; installs busybox-static and tini from Debian's packages as root.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

has_image() { docker image inspect "$1" >/dev/null 2>&1; }

if [ ! -x /usr/bin/busybox ] || ! /usr/bin/busybox --list >/dev/null 2>&1 || [ ! -x /usr/bin/tini-static ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Needs /usr/bin/busybox (static) and /usr/bin/tini-static: install Debian's busybox-static and tini." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static tini >/dev/null
fi

if ! has_image pid1-fixture/base:latest; then
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root}
  chmod 1777 "$root/tmp"
  cp /usr/bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  cp /usr/bin/tini-static "$root/sbin/tini"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import -c 'CMD ["sh"]' - pid1-fixture/base:latest >/dev/null
  echo "built pid1-fixture/base"
fi

if ! has_image busybox:1.37; then
  docker tag pid1-fixture/base:latest busybox:1.37
  echo "tagged pid1-fixture/base as busybox:1.37 (the probe image)"
fi

for dir in "$repo"/test/fixtures/images/*/; do
  name=$(basename "$dir")
  DOCKER_BUILDKIT=0 docker build -q -t "pid1-fixture/$name" "$dir" >/dev/null 2>&1 \
    || { echo "building pid1-fixture/$name failed:" >&2; DOCKER_BUILDKIT=0 docker build -t "pid1-fixture/$name" "$dir" >&2; exit 1; }
done
echo "built $(ls -d "$repo"/test/fixtures/images/*/ | wc -l) fixture images"
