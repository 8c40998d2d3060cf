#!/usr/bin/env bash
# Makes sure a Docker engine responds. On Debian as root it installs docker.io and starts dockerd
# in the background when needed; elsewhere it says what to do and exits 1.
set -euo pipefail

engine_up() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_up; then
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "No Docker engine is reachable. Start one (for example 'sudo systemctl start docker'), or set DOCKER_HOST, then run this again." >&2
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "installing docker.io from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if ! engine_up; then
  echo "starting dockerd in the background (log: /var/log/pid1-dockerd.log)" >&2
  nohup dockerd >/var/log/pid1-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    engine_up && break
    sleep 1
  done
fi

if ! engine_up; then
  echo "dockerd did not come up within 60 s; see /var/log/pid1-dockerd.log" >&2
  exit 1
fi
