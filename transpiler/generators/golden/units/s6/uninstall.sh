#!/bin/sh
# psl uninstall script for s6. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
s6-svc -wD -T 10000 -d /etc/s6/scan/backup-timer || :
s6-svunlink /etc/s6/scan backup-timer || :
s6-svc -wD -T 10000 -d /etc/s6/scan/webapp-worker || :
s6-svunlink /etc/s6/scan webapp-worker || :
s6-svc -wD -T 10000 -d /etc/s6/scan/webapp || :
s6-svunlink /etc/s6/scan webapp || :
s6-svc -wD -T 10000 -d /etc/s6/scan/migrate || :
s6-svunlink /etc/s6/scan migrate || :
s6-svc -wD -T 10000 -d /etc/s6/scan/backup || :
s6-svunlink /etc/s6/scan backup || :
s6-svc -wD -T 10000 -d /etc/s6/scan/webapp-db || :
s6-svunlink /etc/s6/scan webapp-db || :
s6-svc -wD -T 10000 -d /etc/s6/scan/notes || :
s6-svunlink /etc/s6/scan notes || :

# Files
rm -f /etc/s6/sv/backup-timer/finish
rm -f /etc/s6/sv/backup-timer/log/run
rm -f /etc/s6/sv/backup-timer/notification-fd
rm -f /etc/s6/sv/backup-timer/run
rm -f /etc/s6/sv/backup/down
rm -f /etc/s6/sv/backup/finish
rm -f /etc/s6/sv/backup/log/run
rm -f /etc/s6/sv/backup/notification-fd
rm -f /etc/s6/sv/backup/run
rm -f /etc/s6/sv/migrate/finish
rm -f /etc/s6/sv/migrate/log/run
rm -f /etc/s6/sv/migrate/notification-fd
rm -f /etc/s6/sv/migrate/run
rm -f /etc/s6/sv/notes/finish
rm -f /etc/s6/sv/notes/log/run
rm -f /etc/s6/sv/notes/notification-fd
rm -f /etc/s6/sv/notes/run
rm -f /etc/s6/sv/webapp-db/down-signal
rm -f /etc/s6/sv/webapp-db/finish
rm -f /etc/s6/sv/webapp-db/log/run
rm -f /etc/s6/sv/webapp-db/notification-fd
rm -f /etc/s6/sv/webapp-db/run
rm -f /etc/s6/sv/webapp-db/timeout-kill
rm -f /etc/s6/sv/webapp-worker/finish
rm -f /etc/s6/sv/webapp-worker/log/run
rm -f /etc/s6/sv/webapp-worker/notification-fd
rm -f /etc/s6/sv/webapp-worker/run
rm -f /etc/s6/sv/webapp/finish
rm -f /etc/s6/sv/webapp/log/run
rm -f /etc/s6/sv/webapp/notification-fd
rm -f /etc/s6/sv/webapp/run
rm -f /etc/s6/sv/webapp/timeout-finish
rm -f /etc/s6/sv/webapp/timeout-kill
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/psl-run
rm -f /usr/lib/psl/webapp-db/reload
rm -f /usr/lib/psl/webapp/reload
rmdir /run/postgresql 2>/dev/null || :
rmdir /run/webapp 2>/dev/null || :
if [ "${PSL_PURGE:-0}" = 1 ]; then
  rm -rf /var/lib/notes
  rm -rf /var/cache/notes
  rm -rf /var/log/notes
  rm -rf /var/lib/webapp-db
  rm -rf /var/lib/webapp
  if [ -f /usr/lib/psl/.installed/created-accounts ]; then
    # users before groups
    sort -r /usr/lib/psl/.installed/created-accounts | while read -r kind name; do
      psl_delete_account "$kind" "$name" || :
    done
  fi
  rm -rf /usr/lib/psl/.installed
fi
