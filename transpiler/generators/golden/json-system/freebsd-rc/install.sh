#!/bin/sh
# psl install script for freebsd-rc. Generated: run as root from the directory that holds rootfs/.
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
psl_group() { # NAME [GID]
  pw groupshow "$1" >/dev/null 2>&1 && return 0
  pw groupadd "$1" ${2:+-g "$2"}
  echo "group $1" >>"$PSL_CREATED"
}
psl_user() { # NAME GROUP HOME SHELL [UID]
  pw usershow "$1" >/dev/null 2>&1 && return 0
  pw groupshow "$2" >/dev/null 2>&1 || psl_group "$2"
  pw useradd "$1" -g "$2" -d "$3" -s "$4" ${5:+-u "$5"}
  echo "user $1" >>"$PSL_CREATED"
}
psl_member() { pw groupmod "$2" -m "$1"; }
psl_delete_account() { if [ "$1" = user ]; then pw userdel "$2"; else pw groupdel "$2"; fi; }

# Groups and users
psl_group webapp
psl_group www-data 33
psl_group postgres 71
psl_user webapp webapp /var/lib/webapp /usr/sbin/nologin
psl_user notes notes /nonexistent /usr/sbin/nologin
psl_user postgres postgres /var/lib/postgresql /bin/bash 71
psl_member webapp www-data

# Files
psl_put rootfs/etc/webapp/webapp.ini /etc/webapp/webapp.ini 0644
psl_put rootfs/usr/local/etc/rc.d/backup /usr/local/etc/rc.d/backup 0755
psl_put rootfs/usr/local/etc/rc.d/backup-timer /usr/local/etc/rc.d/backup-timer 0755
psl_put rootfs/usr/local/etc/rc.d/migrate /usr/local/etc/rc.d/migrate 0755
psl_put rootfs/usr/local/etc/rc.d/notes /usr/local/etc/rc.d/notes 0755
psl_put rootfs/usr/local/etc/rc.d/webapp /usr/local/etc/rc.d/webapp 0755
psl_put rootfs/usr/local/etc/rc.d/webapp-db /usr/local/etc/rc.d/webapp-db 0755
psl_put rootfs/usr/local/etc/rc.d/webapp-worker /usr/local/etc/rc.d/webapp-worker 0755
psl_put rootfs/usr/local/libexec/psl/backup/backup-start /usr/local/libexec/psl/backup/backup-start 0755
psl_put rootfs/usr/local/libexec/psl/backup/start /usr/local/libexec/psl/backup/start 0755
psl_put rootfs/usr/local/libexec/psl/migrate/migrate-pre-start /usr/local/libexec/psl/migrate/migrate-pre-start 0755
psl_put rootfs/usr/local/libexec/psl/migrate/migrate-start /usr/local/libexec/psl/migrate/migrate-start 0755
psl_put rootfs/usr/local/libexec/psl/psl-run /usr/local/libexec/psl/psl-run 0755
psl_put rootfs/usr/local/libexec/psl/webapp-worker/webapp-worker-start /usr/local/libexec/psl/webapp-worker/webapp-worker-start 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-pre-start /usr/local/libexec/psl/webapp/webapp-pre-start 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-reload /usr/local/libexec/psl/webapp/webapp-reload 0755
psl_put rootfs/usr/local/libexec/psl/webapp/webapp-start /usr/local/libexec/psl/webapp/webapp-start 0755
printf '%s\n' /etc/webapp/webapp.ini /usr/local/etc/rc.d/backup /usr/local/etc/rc.d/backup-timer /usr/local/etc/rc.d/migrate /usr/local/etc/rc.d/notes /usr/local/etc/rc.d/webapp /usr/local/etc/rc.d/webapp-db /usr/local/etc/rc.d/webapp-worker /usr/local/libexec/psl/backup/backup-start /usr/local/libexec/psl/backup/start /usr/local/libexec/psl/migrate/migrate-pre-start /usr/local/libexec/psl/migrate/migrate-start /usr/local/libexec/psl/psl-run /usr/local/libexec/psl/webapp-worker/webapp-worker-start /usr/local/libexec/psl/webapp/webapp-pre-start /usr/local/libexec/psl/webapp/webapp-reload /usr/local/libexec/psl/webapp/webapp-start >/usr/local/libexec/psl/.installed/files

# Directories
mkdir -p /var/db/notes
chown notes:"$(id -gn notes)" /var/db/notes
chmod 0755 /var/db/notes
mkdir -p /var/cache/notes
chown notes:"$(id -gn notes)" /var/cache/notes
chmod 0755 /var/cache/notes
mkdir -p /var/log/notes
chown notes:"$(id -gn notes)" /var/log/notes
chmod 0755 /var/log/notes
mkdir -p /var/db/webapp
chown webapp:webapp /var/db/webapp
chmod 0750 /var/db/webapp
mkdir -p /var/run/webapp
chown webapp:webapp /var/run/webapp
chmod 0755 /var/run/webapp
mkdir -p /var/db/webapp-db
chown postgres:postgres /var/db/webapp-db
chmod 0700 /var/db/webapp-db
mkdir -p /var/run/postgresql
chown postgres:postgres /var/run/postgresql
chmod 0755 /var/run/postgresql

mkdir -p /var/backups
chmod 0750 /var/backups
chown webapp:webapp /var/backups

# Activation
sysrc notes_enable=YES
sysrc webapp_db_enable=YES
sysrc migrate_enable=YES
sysrc webapp_enable=YES
sysrc webapp_worker_enable=YES
sysrc backup_timer_enable=YES
if [ "${PSL_NO_START:-0}" != 1 ]; then
  service notes start
  service webapp-db start
  service migrate start
  service webapp start
  service webapp-worker start
  service backup-timer start
  :
fi
