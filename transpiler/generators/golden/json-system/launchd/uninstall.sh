#!/bin/sh
# psl uninstall script for launchd. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then dscl . -delete "/Users/$2"; else dscl . -delete "/Groups/$2"; fi; }

# Stop and disable, dependents first
launchctl bootout system/psl.webapp-worker || :
launchctl bootout system/psl.webapp || :
launchctl bootout system/psl.migrate || :
launchctl bootout system/psl.backup || :
launchctl bootout system/psl.webapp-db || :
launchctl bootout system/psl.notes || :

# Files
rm -f /Library/LaunchDaemons/psl.backup.plist
rm -f /Library/LaunchDaemons/psl.migrate.plist
rm -f /Library/LaunchDaemons/psl.notes.plist
rm -f /Library/LaunchDaemons/psl.webapp-db.plist
rm -f /Library/LaunchDaemons/psl.webapp-worker.plist
rm -f /Library/LaunchDaemons/psl.webapp.plist
rm -f /etc/webapp/webapp.ini
rm -f /usr/local/libexec/psl/backup/backup-start
rm -f /usr/local/libexec/psl/migrate/migrate-pre-start
rm -f /usr/local/libexec/psl/migrate/migrate-start
rm -f /usr/local/libexec/psl/migrate/start
rm -f /usr/local/libexec/psl/psl-run
rm -f /usr/local/libexec/psl/webapp-db/reload
rm -f /usr/local/libexec/psl/webapp-worker/webapp-worker-start
rm -f /usr/local/libexec/psl/webapp/reload
rm -f /usr/local/libexec/psl/webapp/start
rm -f /usr/local/libexec/psl/webapp/webapp-pre-start
rm -f /usr/local/libexec/psl/webapp/webapp-reload
rm -f /usr/local/libexec/psl/webapp/webapp-start
rmdir /var/run/webapp 2>/dev/null || :
rmdir /var/run/postgresql 2>/dev/null || :
if [ "${PSL_PURGE:-0}" = 1 ]; then
  rm -rf /var/lib/notes
  rm -rf /var/cache/notes
  rm -rf /var/log/notes
  rm -rf /var/lib/webapp
  rm -rf /var/lib/webapp-db
  if [ -f /usr/local/libexec/psl/.installed/created-accounts ]; then
    # users before groups
    sort -r /usr/local/libexec/psl/.installed/created-accounts | while read -r kind name; do
      psl_delete_account "$kind" "$name" || :
    done
  fi
  rm -rf /usr/local/libexec/psl/.installed
fi
