#!/usr/bin/env bash
# Installs what psyreg needs that Swift does not bring: libyaml (and pkg-config to find it).
set -euo pipefail
if pkg-config --exists yaml-0.1 2>/dev/null; then exit 0; fi
echo "installing libyaml-dev and pkg-config" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libyaml-dev pkg-config
