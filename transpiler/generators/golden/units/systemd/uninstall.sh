#!/bin/sh
# psl uninstall script for systemd. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
if [ -d /run/systemd/system ]; then systemctl stop webapp-worker.service; fi || :
systemctl disable webapp-worker.service || :
if [ -d /run/systemd/system ]; then systemctl stop webapp.service; fi || :
systemctl disable webapp.service || :
if [ -d /run/systemd/system ]; then systemctl stop migrate.service; fi || :
systemctl disable migrate.service || :
if [ -d /run/systemd/system ]; then systemctl stop backup.timer; fi || :
if [ -d /run/systemd/system ]; then systemctl stop backup.service; fi || :
systemctl disable backup.timer || :
if [ -d /run/systemd/system ]; then systemctl stop webapp-db.service; fi || :
systemctl disable webapp-db.service || :
if [ -d /run/systemd/system ]; then systemctl stop notes.service; fi || :
systemctl disable notes.service || :

# Files
rm -f /etc/systemd/system/backup.service
rm -f /etc/systemd/system/backup.timer
rm -f /etc/systemd/system/migrate.service
rm -f /etc/systemd/system/notes.service
rm -f /etc/systemd/system/webapp-db.service
rm -f /etc/systemd/system/webapp-worker.service
rm -f /etc/systemd/system/webapp.service
if [ "${PSL_PURGE:-0}" = 1 ]; then
  if [ -f /usr/lib/psl/.installed/created-accounts ]; then
    # users before groups
    sort -r /usr/lib/psl/.installed/created-accounts | while read -r kind name; do
      psl_delete_account "$kind" "$name" || :
    done
  fi
  rm -rf /usr/lib/psl/.installed
fi
if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi || :
