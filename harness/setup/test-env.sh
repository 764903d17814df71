#!/usr/bin/env bash
# Prepares this machine for the whole test suite: installs what the tests need from Debian's packages
# (when running as root with apt), starts the Docker engine when it is not running, builds the harness
# images (cached by recipe hash), and arranges for what it started to be torn down when the test run that
# called it ends. Safe to run again; prints what it did.
# Used by `npm run test:all` (and so by .ci/run). Developers without root get a notice and the tests
# that need a missing tool are skipped visibly.
#
# Other parts of psl add their tools with one line each: `need <command> <debian-package>`.
# Environment: PSL_NO_DOCKER=1 skips the engine and the images; PSL_NO_IMAGES=1 skips only the images;
# PSL_NIGHTLY=1 also builds the VM disks of every init that has one (the default builds systemd's and
# sysvinit's, which the default suite boots).
set -euo pipefail

log() { printf 'test-env: %s\n' "$*" >&2; }
cd "$(dirname "$0")/../.."

PACKAGES=()
need() { command -v "$1" >/dev/null 2>&1 || PACKAGES+=("$2"); }

need nix-instantiate nix-bin
# The harness: the Docker engine, debootstrap for the images, qemu and e2fsprogs for the VM disks.
need dockerd docker.io
need debootstrap debootstrap
need qemu-system-x86_64 qemu-system-x86
need qemu-img qemu-utils
need mkfs.ext4 e2fsprogs
need flock util-linux
# Generators: the targets' own checkers (issue 6).
need shellcheck shellcheck
need xmllint libxml2-utils
need supervisord supervisor
need systemd-analyze systemd

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${PACKAGES[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "${PACKAGES[@]}" >/dev/null
  else
    log "missing ${PACKAGES[*]} and not root with apt: tests that need them will be skipped"
  fi
fi

# --- Docker engine -------------------------------------------------------------------------------------
# The engine is started here only when it is not already answering; what we start we stop when the
# test run ends (a watcher waits for the process that called us). Leftover harness containers and qemu
# processes from an interrupted run are reaped now, before anything new starts.
STATE_DIR=${PSL_STATE_DIR:-/run/psl-test-env}
docker_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_dockerd() {
  mkdir -p "$STATE_DIR"
  log "starting dockerd (--bridge=none --iptables=false)"
  setsid dockerd --bridge=none --iptables=false --ip-masq=false \
    >"$STATE_DIR/dockerd.log" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/dockerd.pid"
  for _ in $(seq 1 120); do
    if docker_up; then
      # setsid may fork, so take the pid dockerd itself recorded.
      [ -s /var/run/docker.pid ] && cp /var/run/docker.pid "$STATE_DIR/dockerd.pid"
      return 0
    fi
    sleep 0.5
  done
  log "dockerd did not answer within 60 s; last lines of its log:"
  tail -n 20 "$STATE_DIR/dockerd.log" >&2 || true
  return 1
}

# Harness containers whose owner process (label org.psl.owner-pid) is gone, and qemu processes whose
# owner (owner.pid in their /tmp/psl-vm-* directory) is gone: what an interrupted run left behind.
# Machines of a run that is still going (another developer's, in this same tree) are left alone.
reap_leftovers() {
  local id owner n=0 dir pid
  while read -r id owner; do
    [ -n "$id" ] || continue
    if [ -z "$owner" ] || ! kill -0 "$owner" 2>/dev/null; then
      docker rm -f -v "$id" >/dev/null 2>&1 || true
      n=$((n + 1))
    fi
  done < <(docker ps -a --filter label=org.psl.harness=1 --format '{{.ID}} {{.Label "org.psl.owner-pid"}}' 2>/dev/null || true)
  for dir in /tmp/psl-vm-*; do
    [ -d "$dir" ] || continue
    owner=$(cat "$dir/owner.pid" 2>/dev/null || true)
    if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then continue; fi
    pid=$(cat "$dir/qemu.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'psl-vm'; then
      kill -9 "$pid" 2>/dev/null || true
      n=$((n + 1))
    fi
    rm -rf "$dir"
  done
  [ "$n" = 0 ] || log "reaped $n machine(s) left behind by an interrupted run"
}

# Waits (detached) for the process that ran this script (the `npm run test:all` shell) to end, then reaps
# what the test run left (its owner is gone by then) and stops the engine if this script started it.
arrange_teardown() {
  local caller=$1 started=$2
  (
    trap '' HUP INT
    while kill -0 "$caller" 2>/dev/null; do sleep 2; done
    sleep 1
    reap_leftovers
    if [ "$started" = 1 ] && [ -f "$STATE_DIR/dockerd.pid" ]; then
      pid=$(cat "$STATE_DIR/dockerd.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      rm -f "$STATE_DIR/dockerd.pid"
    fi
  ) >>"$STATE_DIR/teardown.log" 2>&1 </dev/null &
  disown
}

if [ -n "${PSL_NO_DOCKER:-}" ]; then
  log "PSL_NO_DOCKER set: container and VM tests will be skipped"
elif ! command -v dockerd >/dev/null 2>&1; then
  log "no dockerd: container tests will be skipped"
else
  started=0
  if ! docker_up; then
    if [ "$(id -u)" = 0 ]; then
      start_dockerd
      started=1
    else
      log "the Docker engine is not running and we are not root: container tests will be skipped"
    fi
  fi
  if docker_up; then
    reap_leftovers
    arrange_teardown "$PPID" "$started"
    if [ -z "${PSL_NO_IMAGES:-}" ]; then
      log "building harness images (cached by recipe hash)"
      npx tsc -p tsconfig.build.json
      vm_inits="systemd,sysvinit"
      [ -n "${PSL_NIGHTLY:-}" ] && vm_inits="all"
      node dist/harness/cli/build-images.js --containers all --vms "$vm_inits"
    fi
  fi
fi
log "ready"
