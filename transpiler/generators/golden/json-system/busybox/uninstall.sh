#!/bin/sh
# psl uninstall script for busybox. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
/usr/lib/psl/backup-timer/control stop || :
/usr/lib/psl/webapp-worker/control stop || :
/usr/lib/psl/webapp/control stop || :
/usr/lib/psl/migrate/control stop || :
/usr/lib/psl/backup/control stop || :
/usr/lib/psl/webapp-db/control stop || :
/usr/lib/psl/notes/control stop || :
if [ -f /etc/inittab ]; then sed -i '/^# psl:begin$/,/^# psl:end$/d' /etc/inittab; fi

# Files
rm -f /etc/webapp/webapp.ini
rm -f /usr/lib/psl/backup-timer/control
rm -f /usr/lib/psl/backup-timer/start
rm -f /usr/lib/psl/backup-timer/supervise
rm -f /usr/lib/psl/backup/backup-start
rm -f /usr/lib/psl/backup/control
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/inittab
rm -f /usr/lib/psl/migrate/control
rm -f /usr/lib/psl/migrate/migrate-pre-start
rm -f /usr/lib/psl/migrate/migrate-start
rm -f /usr/lib/psl/migrate/start
rm -f /usr/lib/psl/notes/control
rm -f /usr/lib/psl/notes/start
rm -f /usr/lib/psl/notes/supervise
rm -f /usr/lib/psl/psl-run
rm -f /usr/lib/psl/webapp-db/control
rm -f /usr/lib/psl/webapp-db/reload
rm -f /usr/lib/psl/webapp-db/start
rm -f /usr/lib/psl/webapp-db/supervise
rm -f /usr/lib/psl/webapp-worker/control
rm -f /usr/lib/psl/webapp-worker/start
rm -f /usr/lib/psl/webapp-worker/supervise
rm -f /usr/lib/psl/webapp-worker/webapp-worker-start
rm -f /usr/lib/psl/webapp/control
rm -f /usr/lib/psl/webapp/reload
rm -f /usr/lib/psl/webapp/start
rm -f /usr/lib/psl/webapp/supervise
rm -f /usr/lib/psl/webapp/webapp-pre-start
rm -f /usr/lib/psl/webapp/webapp-reload
rm -f /usr/lib/psl/webapp/webapp-start
rmdir /run/webapp 2>/dev/null || :
rmdir /run/postgresql 2>/dev/null || :
if [ "${PSL_PURGE:-0}" = 1 ]; then
  rm -rf /var/lib/notes
  rm -rf /var/cache/notes
  rm -rf /var/log/notes
  rm -rf /var/lib/webapp
  rm -rf /var/lib/webapp-db
  if [ -f /usr/lib/psl/.installed/created-accounts ]; then
    # users before groups
    sort -r /usr/lib/psl/.installed/created-accounts | while read -r kind name; do
      psl_delete_account "$kind" "$name" || :
    done
  fi
  rm -rf /usr/lib/psl/.installed
fi
kill -HUP 1 2>/dev/null || : || :
