#!/bin/sh
# psl uninstall script for supervisord. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop backup-timer; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop webapp-worker; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop webapp; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop migrate; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop backup; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop webapp-db; fi || :
if supervisorctl pid >/dev/null 2>&1; then supervisorctl stop notes; fi || :

# Files
rm -f /etc/supervisor/conf.d/backup-timer.conf
rm -f /etc/supervisor/conf.d/backup.conf
rm -f /etc/supervisor/conf.d/migrate.conf
rm -f /etc/supervisor/conf.d/notes.conf
rm -f /etc/supervisor/conf.d/webapp-db.conf
rm -f /etc/supervisor/conf.d/webapp-worker.conf
rm -f /etc/supervisor/conf.d/webapp.conf
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/migrate/start
rm -f /usr/lib/psl/psl-run
rm -f /usr/lib/psl/webapp-db/reload
rm -f /usr/lib/psl/webapp-worker/start
rm -f /usr/lib/psl/webapp/reload
rm -f /usr/lib/psl/webapp/start
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
if supervisorctl pid >/dev/null 2>&1 && [ "${PSL_NO_START:-0}" != 1 ]; then supervisorctl reread >/dev/null && supervisorctl update; fi || :
