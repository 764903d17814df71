#!/bin/sh
# psl install script for supervisord. Generated: run as root from the directory that holds rootfs/.
set -eu
cd "$(dirname "$0")"
if [ "$(id -u)" != 0 ]; then
  echo "install.sh: run me as root" >&2
  exit 1
fi
PSL_CREATED=/usr/lib/psl/.installed/created-accounts
mkdir -p /usr/lib/psl/.installed
touch "$PSL_CREATED"

psl_put() { # SOURCE DEST MODE: installs one file atomically, root-owned
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.psl-new"
  chmod "$3" "$2.psl-new"
  chown 0:0 "$2.psl-new" 2>/dev/null || :
  mv -f "$2.psl-new" "$2"
}
psl_group() { # NAME [GID]
  grep -q "^$1:" /etc/group && return 0
  if command -v groupadd >/dev/null 2>&1; then
    groupadd --system ${2:+--gid "$2"} "$1"
  else
    addgroup -S ${2:+-g "$2"} "$1"
  fi
  echo "group $1" >>"$PSL_CREATED"
}
psl_user() { # NAME GROUP HOME SHELL [UID]
  grep -q "^$1:" /etc/passwd && return 0
  grep -q "^$2:" /etc/group || psl_group "$2"
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --gid "$2" --home-dir "$3" --no-create-home --shell "$4" ${5:+--uid "$5"} "$1"
  else
    adduser -S -D -H -G "$2" -h "$3" -s "$4" ${5:+-u "$5"} "$1"
  fi
  echo "user $1" >>"$PSL_CREATED"
}
psl_member() { # USER GROUP
  id -Gn "$1" | tr " " "\n" | grep -qx "$2" && return 0
  if command -v usermod >/dev/null 2>&1; then usermod -a -G "$2" "$1"; else addgroup "$1" "$2"; fi
}
psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }

# Groups and users
psl_group webapp
psl_group postgres
psl_group www-data
psl_user webapp webapp /nonexistent /usr/sbin/nologin
psl_user notes notes /nonexistent /usr/sbin/nologin
psl_user postgres postgres /nonexistent /usr/sbin/nologin

# Files
psl_put rootfs/etc/supervisor/conf.d/backup-timer.conf /etc/supervisor/conf.d/backup-timer.conf 0644
psl_put rootfs/etc/supervisor/conf.d/backup.conf /etc/supervisor/conf.d/backup.conf 0644
psl_put rootfs/etc/supervisor/conf.d/migrate.conf /etc/supervisor/conf.d/migrate.conf 0644
psl_put rootfs/etc/supervisor/conf.d/notes.conf /etc/supervisor/conf.d/notes.conf 0644
psl_put rootfs/etc/supervisor/conf.d/webapp-db.conf /etc/supervisor/conf.d/webapp-db.conf 0644
psl_put rootfs/etc/supervisor/conf.d/webapp-worker.conf /etc/supervisor/conf.d/webapp-worker.conf 0644
psl_put rootfs/etc/supervisor/conf.d/webapp.conf /etc/supervisor/conf.d/webapp.conf 0644
psl_put rootfs/usr/lib/psl/backup/start /usr/lib/psl/backup/start 0755
psl_put rootfs/usr/lib/psl/migrate/start /usr/lib/psl/migrate/start 0755
psl_put rootfs/usr/lib/psl/psl-run /usr/lib/psl/psl-run 0755
psl_put rootfs/usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-db/reload 0755
psl_put rootfs/usr/lib/psl/webapp-worker/start /usr/lib/psl/webapp-worker/start 0755
psl_put rootfs/usr/lib/psl/webapp/reload /usr/lib/psl/webapp/reload 0755
psl_put rootfs/usr/lib/psl/webapp/start /usr/lib/psl/webapp/start 0755
printf '%s\n' /etc/supervisor/conf.d/backup-timer.conf /etc/supervisor/conf.d/backup.conf /etc/supervisor/conf.d/migrate.conf /etc/supervisor/conf.d/notes.conf /etc/supervisor/conf.d/webapp-db.conf /etc/supervisor/conf.d/webapp-worker.conf /etc/supervisor/conf.d/webapp.conf /usr/lib/psl/backup/start /usr/lib/psl/migrate/start /usr/lib/psl/psl-run /usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-worker/start /usr/lib/psl/webapp/reload /usr/lib/psl/webapp/start >/usr/lib/psl/.installed/files

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
mkdir -p /var/lib/webapp-db
chown postgres:postgres /var/lib/webapp-db
chmod 0700 /var/lib/webapp-db
mkdir -p /run/postgresql
chown postgres:postgres /run/postgresql
chmod 0755 /run/postgresql
mkdir -p /var/lib/webapp
chown webapp:webapp /var/lib/webapp
chmod 0750 /var/lib/webapp
mkdir -p /run/webapp
chown webapp:webapp /run/webapp
chmod 0755 /run/webapp

# Activation
if supervisorctl pid >/dev/null 2>&1 && [ "${PSL_NO_START:-0}" != 1 ]; then supervisorctl reread >/dev/null && supervisorctl update; fi
if [ "${PSL_NO_START:-0}" != 1 ]; then
  :
fi
