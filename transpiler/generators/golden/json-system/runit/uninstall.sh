#!/bin/sh
# psl uninstall script for runit. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
sv -w 10 down /etc/service/backup-timer || :
rm -f /etc/service/backup-timer || :
sv -w 10 down /etc/service/webapp-worker || :
rm -f /etc/service/webapp-worker || :
sv -w 10 down /etc/service/webapp || :
rm -f /etc/service/webapp || :
sv -w 10 down /etc/service/migrate || :
rm -f /etc/service/migrate || :
sv -w 10 down /etc/service/backup || :
rm -f /etc/service/backup || :
sv -w 10 down /etc/service/webapp-db || :
rm -f /etc/service/webapp-db || :
sv -w 10 down /etc/service/notes || :
rm -f /etc/service/notes || :

# Files
rm -f /etc/sv/backup-timer/finish
rm -f /etc/sv/backup-timer/log/run
rm -f /etc/sv/backup-timer/run
rm -f /etc/sv/backup/down
rm -f /etc/sv/backup/finish
rm -f /etc/sv/backup/log/run
rm -f /etc/sv/backup/run
rm -f /etc/sv/migrate/finish
rm -f /etc/sv/migrate/log/run
rm -f /etc/sv/migrate/run
rm -f /etc/sv/notes/finish
rm -f /etc/sv/notes/log/run
rm -f /etc/sv/notes/run
rm -f /etc/sv/webapp-db/control/h
rm -f /etc/sv/webapp-db/control/t
rm -f /etc/sv/webapp-db/finish
rm -f /etc/sv/webapp-db/log/run
rm -f /etc/sv/webapp-db/run
rm -f /etc/sv/webapp-worker/finish
rm -f /etc/sv/webapp-worker/log/run
rm -f /etc/sv/webapp-worker/run
rm -f /etc/sv/webapp/control/h
rm -f /etc/sv/webapp/control/t
rm -f /etc/sv/webapp/finish
rm -f /etc/sv/webapp/log/run
rm -f /etc/sv/webapp/run
rm -f /etc/webapp/webapp.ini
rm -f /usr/lib/psl/backup/backup-start
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/migrate/migrate-pre-start
rm -f /usr/lib/psl/migrate/migrate-start
rm -f /usr/lib/psl/psl-run
rm -f /usr/lib/psl/webapp-worker/webapp-worker-start
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
