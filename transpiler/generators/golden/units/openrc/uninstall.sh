#!/bin/sh
# psl uninstall script for openrc. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "uninstall.sh: run me as root" >&2
  exit 1
fi
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Stop and disable, dependents first
rc-service backup-timer stop || :
rc-update del backup-timer default || :
rc-service webapp-worker stop || :
rc-update del webapp-worker default || :
rc-service webapp stop || :
rc-update del webapp default || :
rc-service migrate stop || :
rc-update del migrate default || :
rc-service backup stop || :
rc-update del backup default || :
rc-service webapp-db stop || :
rc-update del webapp-db default || :
rc-service notes stop || :
rc-update del notes default || :

# Files
rm -f /etc/init.d/backup
rm -f /etc/init.d/backup-timer
rm -f /etc/init.d/migrate
rm -f /etc/init.d/notes
rm -f /etc/init.d/webapp
rm -f /etc/init.d/webapp-db
rm -f /etc/init.d/webapp-worker
rm -f /usr/lib/psl/backup/start
rm -f /usr/lib/psl/psl-run
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
