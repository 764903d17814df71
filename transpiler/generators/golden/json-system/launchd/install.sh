#!/bin/sh
# psl install script for launchd. Generated: run as root from the directory that holds rootfs/.
# Packages the services use: bash coreutils findutils grep gzip passwd postgresql-15 sed systemd tar
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run me as root" >&2
  exit 1
fi
PSL_CREATED=/usr/local/libexec/psl/.installed/created-accounts
mkdir -p /usr/local/libexec/psl/.installed
touch "$PSL_CREATED"

psl_put() { # SOURCE DEST MODE: installs one file atomically, root-owned
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.psl-new"
  chmod "$3" "$2.psl-new"
  chown 0:0 "$2.psl-new" 2>/dev/null || :
  mv -f "$2.psl-new" "$2"
}
psl_free_id() { # KIND (Users|Groups) KEY
  dscl . -list "/$1" "$2" | awk '$2 >= 300 && $2 < 500 { u[$2] = 1 } END { for (i = 300; i < 500; i++) if (!(i in u)) { print i; exit } }'
}
psl_group() { # NAME [GID]
  dscl . -read "/Groups/$1" >/dev/null 2>&1 && return 0
  gid=${2:-$(psl_free_id Groups PrimaryGroupID)}
  dscl . -create "/Groups/$1" PrimaryGroupID "$gid"
  echo "group $1" >>"$PSL_CREATED"
}
psl_user() { # NAME GROUP HOME SHELL [UID]
  dscl . -read "/Users/$1" >/dev/null 2>&1 && return 0
  dscl . -read "/Groups/$2" >/dev/null 2>&1 || psl_group "$2"
  uid=${5:-$(psl_free_id Users UniqueID)}
  gid=$(dscl . -read "/Groups/$2" PrimaryGroupID | awk '{ print $2 }')
  dscl . -create "/Users/$1" UniqueID "$uid"
  dscl . -create "/Users/$1" PrimaryGroupID "$gid"
  dscl . -create "/Users/$1" NFSHomeDirectory "$3"
  dscl . -create "/Users/$1" UserShell "$4"
  echo "user $1" >>"$PSL_CREATED"
}
psl_member() { dseditgroup -o edit -a "$1" -t user "$2"; }
psl_delete_account() { if [ "$1" = user ]; then dscl . -delete "/Users/$2"; else dscl . -delete "/Groups/$2"; fi; }

# Groups and users
psl_group webapp
psl_group www-data 33
psl_group postgres 71
psl_user webapp webapp /var/lib/webapp /usr/sbin/nologin
psl_user notes notes /nonexistent /usr/bin/false
psl_user postgres postgres /var/lib/postgresql /bin/bash 71
psl_member webapp www-data

# Files
psl_put rootfs/Library/LaunchDaemons/psl.backup.plist /Library/LaunchDaemons/psl.backup.plist 0644
psl_put rootfs/Library/LaunchDaemons/psl.migrate.plist /Library/LaunchDaemons/psl.migrate.plist 0644
psl_put rootfs/Library/LaunchDaemons/psl.notes.plist /Library/LaunchDaemons/psl.notes.plist 0644
psl_put rootfs/Library/LaunchDaemons/psl.webapp-db.plist /Library/LaunchDaemons/psl.webapp-db.plist 0644
psl_put rootfs/Library/LaunchDaemons/psl.webapp-worker.plist /Library/LaunchDaemons/psl.webapp-worker.plist 0644
psl_put rootfs/Library/LaunchDaemons/psl.webapp.plist /Library/LaunchDaemons/psl.webapp.plist 0644
psl_put rootfs/etc/webapp/webapp.ini /etc/webapp/webapp.ini 0644
psl_put rootfs/usr/local/libexec/psl/backup/backup-start /usr/local/libexec/psl/backup/backup-start 0755
psl_put rootfs/usr/local/libexec/psl/migrate/migrate-pre-start /usr/local/libexec/psl/migrate/migrate-pre-start 0755
psl_put rootfs/usr/local/libexec/psl/migrate/migrate-start /usr/local/libexec/psl/migrate/migrate-start 0755
psl_put rootfs/usr/local/libexec/psl/migrate/start /usr/local/libexec/psl/migrate/start 0755
psl_put rootfs/usr/local/libexec/psl/psl-run /usr/local/libexec/psl/psl-run 0755
psl_put rootfs/usr/local/libexec/psl/webapp-db/reload /usr/local/libexec/psl/webapp-db/reload 0755
psl_put rootfs/usr/local/libexec/psl/webapp-worker/webapp-worker-start /usr/local/libexec/psl/webapp-worker/webapp-worker-start 0755
psl_put rootfs/usr/local/libexec/psl/webapp/reload /usr/local/libexec/psl/webapp/reload 0755
psl_put rootfs/usr/local/libexec/psl/webapp/start /usr/local/libexec/psl/webapp/start 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-pre-start /usr/local/libexec/psl/webapp/webapp-pre-start 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-reload /usr/local/libexec/psl/webapp/webapp-reload 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-start /usr/local/libexec/psl/webapp/webapp-start 0755
printf '%s\n' /Library/LaunchDaemons/psl.backup.plist /Library/LaunchDaemons/psl.migrate.plist /Library/LaunchDaemons/psl.notes.plist /Library/LaunchDaemons/psl.webapp-db.plist /Library/LaunchDaemons/psl.webapp-worker.plist /Library/LaunchDaemons/psl.webapp.plist /etc/webapp/webapp.ini /usr/local/libexec/psl/backup/backup-start /usr/local/libexec/psl/migrate/migrate-pre-start /usr/local/libexec/psl/migrate/migrate-start /usr/local/libexec/psl/migrate/start /usr/local/libexec/psl/psl-run /usr/local/libexec/psl/webapp-db/reload /usr/local/libexec/psl/webapp-worker/webapp-worker-start /usr/local/libexec/psl/webapp/reload /usr/local/libexec/psl/webapp/start /usr/local/libexec/psl/webapp/webapp-pre-start /usr/local/libexec/psl/webapp/webapp-reload /usr/local/libexec/psl/webapp/webapp-start >/usr/local/libexec/psl/.installed/files

# Directories
mkdir -p /var/lib/notes
chown notes:"$(id -gn notes)" /var/lib/notes
chmod 0755 /var/lib/notes
mkdir -p /var/cache/notes
chown notes:"$(id -gn notes)" /var/cache/notes
chmod 0755 /var/cache/notes
mkdir -p /var/log/notes
chown notes:"$(id -gn notes)" /var/log/notes
chmod 0755 /var/log/notes
mkdir -p /var/lib/webapp
chown webapp:webapp /var/lib/webapp
chmod 0750 /var/lib/webapp
mkdir -p /var/run/webapp
chown webapp:webapp /var/run/webapp
chmod 0755 /var/run/webapp
mkdir -p /var/lib/webapp-db
chown postgres:postgres /var/lib/webapp-db
chmod 0700 /var/lib/webapp-db
mkdir -p /var/run/postgresql
chown postgres:postgres /var/run/postgresql
chmod 0755 /var/run/postgresql

mkdir -p /var/backups
chmod 0750 /var/backups
chown webapp:webapp /var/backups

# Activation
if [ "${PSL_NO_START:-0}" != 1 ]; then
  launchctl bootstrap system /Library/LaunchDaemons/psl.notes.plist 2>/dev/null || :
  launchctl bootstrap system /Library/LaunchDaemons/psl.webapp-db.plist 2>/dev/null || :
  launchctl bootstrap system /Library/LaunchDaemons/psl.backup.plist 2>/dev/null || :
  launchctl bootstrap system /Library/LaunchDaemons/psl.migrate.plist 2>/dev/null || :
  launchctl bootstrap system /Library/LaunchDaemons/psl.webapp.plist 2>/dev/null || :
  launchctl bootstrap system /Library/LaunchDaemons/psl.webapp-worker.plist 2>/dev/null || :
  :
fi
