#!/usr/bin/env bash
# Installs Debian packages and runs a hook script inside a rootfs directory (a chroot), the way every
# harness image is made: no daemon may start (policy-rc.d), /proc is mounted only while apt runs, and the
# result carries no apt lists or resolver configuration unless --keep-lists is given.
# Usage: chroot-build.sh [--keep-lists] ROOT HOOK-FILE-OR-EMPTY [PACKAGE...]
set -euo pipefail
keep=0
if [ "${1:-}" = --keep-lists ]; then keep=1; shift; fi
root=$1 hook=$2
shift 2
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
trap 'umount -l "$root/proc" 2>/dev/null || true' EXIT
if [ "$#" -gt 0 ]; then
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
fi
if [ -n "$hook" ]; then
  cp "$hook" "$root/tmp/psl-hook.sh"
  chroot "$root" /bin/sh -e /tmp/psl-hook.sh
  rm -f "$root/tmp/psl-hook.sh"
fi
umount "$root/proc"
trap - EXIT
rm -f "$root/usr/sbin/policy-rc.d"
chroot "$root" apt-get clean
if [ "$keep" = 0 ]; then rm -rf "$root"/var/lib/apt/lists/*; fi
: >"$root/etc/resolv.conf"
