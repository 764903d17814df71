#!/bin/sh
# psl uninstall script for freebsd-rc. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then pw userdel "$2"; else pw groupdel "$2"; fi; }

# Stop and disable, dependents first
service backup-timer onestop || :
sysrc -x backup_timer_enable || :
service webapp-worker onestop || :
sysrc -x webapp_worker_enable || :
service webapp onestop || :
sysrc -x webapp_enable || :
service migrate onestop || :
sysrc -x migrate_enable || :
service backup onestop || :
sysrc -x backup_enable || :
service webapp-db onestop || :
sysrc -x webapp_db_enable || :
service notes onestop || :
sysrc -x notes_enable || :

# Files
rm -f /usr/local/etc/rc.d/backup
rm -f /usr/local/etc/rc.d/backup-timer
rm -f /usr/local/etc/rc.d/migrate
rm -f /usr/local/etc/rc.d/notes
rm -f /usr/local/etc/rc.d/webapp
rm -f /usr/local/etc/rc.d/webapp-db
rm -f /usr/local/etc/rc.d/webapp-worker
rm -f /usr/local/libexec/psl/backup/start
rm -f /usr/local/libexec/psl/psl-run
rmdir /var/run/postgresql 2>/dev/null || :
rmdir /var/run/webapp 2>/dev/null || :
if [ "${PSL_PURGE:-0}" = 1 ]; then
  rm -rf /var/db/notes
  rm -rf /var/cache/notes
  rm -rf /var/log/notes
  rm -rf /var/db/webapp-db
  rm -rf /var/db/webapp
  if [ -f /usr/local/libexec/psl/.installed/created-accounts ]; then
    # users before groups
    sort -r /usr/local/libexec/psl/.installed/created-accounts | while read -r kind name; do
      psl_delete_account "$kind" "$name" || :
    done
  fi
  rm -rf /usr/local/libexec/psl/.installed
fi
