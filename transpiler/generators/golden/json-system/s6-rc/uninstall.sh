#!/bin/sh
# psl uninstall script for s6-rc. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first

# Files
rm -f /etc/s6-rc/source/backup-timer-log/consumer-for
rm -f /etc/s6-rc/source/backup-timer-log/run
rm -f /etc/s6-rc/source/backup-timer-log/type
rm -f /etc/s6-rc/source/backup-timer/finish
rm -f /etc/s6-rc/source/backup-timer/notification-fd
rm -f /etc/s6-rc/source/backup-timer/producer-for
rm -f /etc/s6-rc/source/backup-timer/run
rm -f /etc/s6-rc/source/backup-timer/type
rm -f /etc/s6-rc/source/backup/dependencies.d/webapp-db
rm -f /etc/s6-rc/source/backup/type
rm -f /etc/s6-rc/source/backup/up
rm -f /etc/s6-rc/source/migrate/dependencies.d/webapp-db
rm -f /etc/s6-rc/source/migrate/type
rm -f /etc/s6-rc/source/migrate/up
rm -f /etc/s6-rc/source/notes-log/consumer-for
rm -f /etc/s6-rc/source/notes-log/run
rm -f /etc/s6-rc/source/notes-log/type
rm -f /etc/s6-rc/source/notes/finish
rm -f /etc/s6-rc/source/notes/notification-fd
rm -f /etc/s6-rc/source/notes/producer-for
rm -f /etc/s6-rc/source/notes/run
rm -f /etc/s6-rc/source/notes/type
rm -f /etc/s6-rc/source/psl/contents.d/backup-timer
rm -f /etc/s6-rc/source/psl/contents.d/migrate
rm -f /etc/s6-rc/source/psl/contents.d/notes
rm -f /etc/s6-rc/source/psl/contents.d/webapp
rm -f /etc/s6-rc/source/psl/contents.d/webapp-db
rm -f /etc/s6-rc/source/psl/contents.d/webapp-worker
rm -f /etc/s6-rc/source/psl/type
rm -f /etc/s6-rc/source/webapp-db-log/consumer-for
rm -f /etc/s6-rc/source/webapp-db-log/run
rm -f /etc/s6-rc/source/webapp-db-log/type
rm -f /etc/s6-rc/source/webapp-db/down-signal
rm -f /etc/s6-rc/source/webapp-db/finish
rm -f /etc/s6-rc/source/webapp-db/notification-fd
rm -f /etc/s6-rc/source/webapp-db/producer-for
rm -f /etc/s6-rc/source/webapp-db/run
rm -f /etc/s6-rc/source/webapp-db/timeout-kill
rm -f /etc/s6-rc/source/webapp-db/type
rm -f /etc/s6-rc/source/webapp-log/consumer-for
rm -f /etc/s6-rc/source/webapp-log/run
rm -f /etc/s6-rc/source/webapp-log/type
rm -f /etc/s6-rc/source/webapp-worker-log/consumer-for
rm -f /etc/s6-rc/source/webapp-worker-log/run
rm -f /etc/s6-rc/source/webapp-worker-log/type
rm -f /etc/s6-rc/source/webapp-worker/dependencies.d/webapp
rm -f /etc/s6-rc/source/webapp-worker/dependencies.d/webapp-db
rm -f /etc/s6-rc/source/webapp-worker/finish
rm -f /etc/s6-rc/source/webapp-worker/notification-fd
rm -f /etc/s6-rc/source/webapp-worker/producer-for
rm -f /etc/s6-rc/source/webapp-worker/run
rm -f /etc/s6-rc/source/webapp-worker/type
rm -f /etc/s6-rc/source/webapp/dependencies.d/migrate
rm -f /etc/s6-rc/source/webapp/dependencies.d/webapp-db
rm -f /etc/s6-rc/source/webapp/finish
rm -f /etc/s6-rc/source/webapp/notification-fd
rm -f /etc/s6-rc/source/webapp/producer-for
rm -f /etc/s6-rc/source/webapp/run
rm -f /etc/s6-rc/source/webapp/timeout-finish
rm -f /etc/s6-rc/source/webapp/timeout-kill
rm -f /etc/s6-rc/source/webapp/type
rm -f /etc/webapp/webapp.ini
rm -f /usr/lib/psl/backup/backup-start
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/migrate/migrate-pre-start
rm -f /usr/lib/psl/migrate/migrate-start
rm -f /usr/lib/psl/migrate/start
rm -f /usr/lib/psl/psl-run
rm -f /usr/lib/psl/webapp-db/reload
rm -f /usr/lib/psl/webapp-worker/webapp-worker-start
rm -f /usr/lib/psl/webapp/reload
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
if [ -d /run/s6-rc ] && [ "${PSL_NO_START:-0}" != 1 ]; then s6-rc -l /run/s6-rc -u change psl; fi || :
