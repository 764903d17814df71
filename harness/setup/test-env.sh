#!/usr/bin/env bash
# Prepares this machine for the whole test suite: installs what the tests need from Debian's packages
# (when running as root with apt) and starts what must run. Safe to run again; prints what it did.
# Used by `npm run test:all` (and so by .ci/run). Developers without root get a notice and the tests
# that need a missing tool are skipped visibly.
set -euo pipefail

log() { printf 'test-env: %s\n' "$*" >&2; }

PACKAGES=()
need() { command -v "$1" >/dev/null 2>&1 || PACKAGES+=("$2"); }

need nix-instantiate nix-bin

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${PACKAGES[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  else
    log "missing ${PACKAGES[*]} and not root with apt: tests that need them will be skipped"
  fi
fi
log "ready"
