#!/usr/bin/env bash
# Builds the bot's image as pid1-bot:local without any registry:
#   1. pid1-node-base:20 (unless it exists): Debian 12 minbase (pid1-case/debian-min:bookworm,
#      made with debootstrap when missing) plus the host's /usr/bin/node (v20), npm and
#      /usr/bin/tini-static as /usr/bin/tini. PID1_REBUILD_BASE=1 rebuilds it.
#   2. A build context in a temporary folder: dist/ from `npm run build`, prompts/, manifest.yml
#      and node_modules installed by `npm ci --omit=dev --offline` from the host's npm cache.
#   3. `docker build` of the repository's Dockerfile with NODE_IMAGE=pid1-node-base:20.
# Exits 1 with a message when the Node base cannot be made (no Node 20, no tini-static, no
# Debian root filesystem).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base_tag=${PID1_NODE_BASE:-pid1-node-base:20}
debian_tag=pid1-case/debian-min:bookworm
image_tag=${PID1_BOT_IMAGE:-pid1-bot:local}

has_image() { docker image inspect "$1" >/dev/null 2>&1; }
fail() { echo "build-bot-image: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build_debian_min() {
  command -v debootstrap >/dev/null 2>&1 \
    || fail "$debian_tag is missing and debootstrap is not installed: install debootstrap or build the image with ../shared/cases/build-images."
  [ "$(id -u)" = 0 ] || fail "$debian_tag is missing and debootstrap needs root."
  echo "debootstrap bookworm minbase (a few minutes)"
  debootstrap --variant=minbase bookworm "$work/min" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed."; }
  tar -C "$work/min" -c . | docker import -c 'CMD ["bash"]' - "$debian_tag" >/dev/null
  rm -rf "$work/min"
}

build_node_base() {
  local node_bin=/usr/bin/node npm_dir=/usr/lib/node_modules/npm tini_bin=/usr/bin/tini-static
  [ -x "$node_bin" ] || fail "$node_bin is missing: install Node.js 20."
  local major
  major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
  [ "$major" = 20 ] || fail "$node_bin is Node $major, but the base must be Node 20."
  [ -f "$npm_dir/bin/npm-cli.js" ] || fail "$npm_dir is missing: install npm."
  [ -x "$tini_bin" ] || fail "$tini_bin is missing: install Debian's tini package."
  has_image "$debian_tag" || build_debian_min

  local context="$work/base"
  mkdir -p "$context"
  cp "$node_bin" "$context/node"
  cp -a "$npm_dir" "$context/npm"
  cp "$tini_bin" "$context/tini"
  local layered_tag="$base_tag-layered"
  DOCKER_BUILDKIT=0 docker build --build-arg "DEBIAN_IMAGE=$debian_tag" \
    -f "$repo/scripts/node-base.Dockerfile" -t "$layered_tag" "$context" >"$work/base.log" 2>&1 \
    || { tail -30 "$work/base.log" >&2; fail "docker build of $base_tag failed."; }
  # Flatten into one layer: the docs, locales and apt lists deleted in the Dockerfile would
  # otherwise still take space in the Debian layer below. The container is created, never run.
  local container
  container=$(docker create "$layered_tag")
  docker export "$container" | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["node"]' - "$base_tag" >/dev/null
  docker rm "$container" >/dev/null
  docker image rm "$layered_tag" >/dev/null
  echo "built $base_tag"
  rm -rf "$context"
}

if [ "${PID1_REBUILD_BASE:-0}" = 1 ] || ! has_image "$base_tag"; then
  build_node_base
fi

cd "$repo"
npm run build --silent

context="$work/app"
mkdir -p "$context/dist"
cp package.json package-lock.json manifest.yml "$context/"
cp -a dist/src "$context/dist/src"
cp -a prompts "$context/prompts"
# --ignore-scripts: no production dependency needs its install script. ssh2's optional native
# crypto binding is skipped, and ssh2 falls back to pure JavaScript for ssh:// engine addresses.
(cd "$context" && npm ci --omit=dev --offline --ignore-scripts --no-audit --no-fund --loglevel=error) \
  || fail "npm ci --omit=dev --offline failed: the host's npm cache lacks a package; run npm ci once with network."

previous_id=$(docker image inspect -f '{{.Id}}' "$image_tag" 2>/dev/null || true)
DOCKER_BUILDKIT=0 docker build --build-arg "NODE_IMAGE=$base_tag" \
  -f "$repo/Dockerfile" -t "$image_tag" "$context" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; fail "docker build of $image_tag failed."; }
current_id=$(docker image inspect -f '{{.Id}}' "$image_tag")
# The previous build lost its tag; remove it unless a container still uses it.
if [ -n "$previous_id" ] && [ "$previous_id" != "$current_id" ]; then
  docker image rm "$previous_id" >/dev/null 2>&1 || true
fi
# The legacy builder keeps the first stage as an untagged image.
for stage in $(docker images -q -f dangling=true -f label=pid1.build-stage=app); do
  docker image rm "$stage" >/dev/null 2>&1 || true
done
echo "built $image_tag ($(docker image inspect -f '{{.Size}}' "$image_tag") bytes)"
