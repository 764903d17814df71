#!/bin/sh
# psl install script for s6. Generated: run as root from the directory that holds rootfs/.
# Packages the services use: bash coreutils findutils grep gzip passwd postgresql-15 sed systemd tar
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
psl_group www-data 33
psl_group postgres 71
psl_user webapp webapp /var/lib/webapp /usr/sbin/nologin
psl_user notes notes /nonexistent /usr/sbin/nologin
psl_user postgres postgres /var/lib/postgresql /bin/bash 71
psl_member webapp www-data

# Files
psl_put rootfs/etc/s6/sv/backup-timer/finish /etc/s6/sv/backup-timer/finish 0755
psl_put rootfs/etc/s6/sv/backup-timer/log/run /etc/s6/sv/backup-timer/log/run 0755
psl_put rootfs/etc/s6/sv/backup-timer/notification-fd /etc/s6/sv/backup-timer/notification-fd 0644
psl_put rootfs/etc/s6/sv/backup-timer/run /etc/s6/sv/backup-timer/run 0755
psl_put rootfs/etc/s6/sv/backup/down /etc/s6/sv/backup/down 0644
psl_put rootfs/etc/s6/sv/backup/finish /etc/s6/sv/backup/finish 0755
psl_put rootfs/etc/s6/sv/backup/log/run /etc/s6/sv/backup/log/run 0755
psl_put rootfs/etc/s6/sv/backup/notification-fd /etc/s6/sv/backup/notification-fd 0644
psl_put rootfs/etc/s6/sv/backup/run /etc/s6/sv/backup/run 0755
psl_put rootfs/etc/s6/sv/migrate/finish /etc/s6/sv/migrate/finish 0755
psl_put rootfs/etc/s6/sv/migrate/log/run /etc/s6/sv/migrate/log/run 0755
psl_put rootfs/etc/s6/sv/migrate/notification-fd /etc/s6/sv/migrate/notification-fd 0644
psl_put rootfs/etc/s6/sv/migrate/run /etc/s6/sv/migrate/run 0755
psl_put rootfs/etc/s6/sv/notes/finish /etc/s6/sv/notes/finish 0755
psl_put rootfs/etc/s6/sv/notes/log/run /etc/s6/sv/notes/log/run 0755
psl_put rootfs/etc/s6/sv/notes/notification-fd /etc/s6/sv/notes/notification-fd 0644
psl_put rootfs/etc/s6/sv/notes/run /etc/s6/sv/notes/run 0755
psl_put rootfs/etc/s6/sv/webapp-db/down-signal /etc/s6/sv/webapp-db/down-signal 0644
psl_put rootfs/etc/s6/sv/webapp-db/finish /etc/s6/sv/webapp-db/finish 0755
psl_put rootfs/etc/s6/sv/webapp-db/log/run /etc/s6/sv/webapp-db/log/run 0755
psl_put rootfs/etc/s6/sv/webapp-db/notification-fd /etc/s6/sv/webapp-db/notification-fd 0644
psl_put rootfs/etc/s6/sv/webapp-db/run /etc/s6/sv/webapp-db/run 0755
psl_put rootfs/etc/s6/sv/webapp-db/timeout-kill /etc/s6/sv/webapp-db/timeout-kill 0644
psl_put rootfs/etc/s6/sv/webapp-worker/finish /etc/s6/sv/webapp-worker/finish 0755
psl_put rootfs/etc/s6/sv/webapp-worker/log/run /etc/s6/sv/webapp-worker/log/run 0755
psl_put rootfs/etc/s6/sv/webapp-worker/notification-fd /etc/s6/sv/webapp-worker/notification-fd 0644
psl_put rootfs/etc/s6/sv/webapp-worker/run /etc/s6/sv/webapp-worker/run 0755
psl_put rootfs/etc/s6/sv/webapp/finish /etc/s6/sv/webapp/finish 0755
psl_put rootfs/etc/s6/sv/webapp/log/run /etc/s6/sv/webapp/log/run 0755
psl_put rootfs/etc/s6/sv/webapp/notification-fd /etc/s6/sv/webapp/notification-fd 0644
psl_put rootfs/etc/s6/sv/webapp/run /etc/s6/sv/webapp/run 0755
psl_put rootfs/etc/s6/sv/webapp/timeout-finish /etc/s6/sv/webapp/timeout-finish 0644
psl_put rootfs/etc/s6/sv/webapp/timeout-kill /etc/s6/sv/webapp/timeout-kill 0644
psl_put rootfs/etc/webapp/webapp.ini /etc/webapp/webapp.ini 0644
psl_put rootfs/usr/lib/psl/backup/backup-start /usr/lib/psl/backup/backup-start 0755
psl_put rootfs/usr/lib/psl/backup/start /usr/lib/psl/backup/start 0755
psl_put rootfs/usr/lib/psl/migrate/migrate-pre-start /usr/lib/psl/migrate/migrate-pre-start 0755
psl_put rootfs/usr/lib/psl/migrate/migrate-start /usr/lib/psl/migrate/migrate-start 0755
psl_put rootfs/usr/lib/psl/psl-run /usr/lib/psl/psl-run 0755
psl_put rootfs/usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-db/reload 0755
psl_put rootfs/usr/lib/psl/webapp-worker/webapp-worker-start /usr/lib/psl/webapp-worker/webapp-worker-start 0755
psl_put rootfs/usr/lib/psl/webapp/reload /usr/lib/psl/webapp/reload 0755
psl_put rootfs/usr/lib/psl/webapp/webapp-pre-start /usr/lib/psl/webapp/webapp-pre-start 0755
psl_put rootfs/usr/lib/psl/webapp/webapp-reload /usr/lib/psl/webapp/webapp-reload 0755
psl_put rootfs/usr/lib/psl/webapp/webapp-start /usr/lib/psl/webapp/webapp-start 0755
printf '%s\n' /etc/s6/sv/backup-timer/finish /etc/s6/sv/backup-timer/log/run /etc/s6/sv/backup-timer/notification-fd /etc/s6/sv/backup-timer/run /etc/s6/sv/backup/down /etc/s6/sv/backup/finish /etc/s6/sv/backup/log/run /etc/s6/sv/backup/notification-fd /etc/s6/sv/backup/run /etc/s6/sv/migrate/finish /etc/s6/sv/migrate/log/run /etc/s6/sv/migrate/notification-fd /etc/s6/sv/migrate/run /etc/s6/sv/notes/finish /etc/s6/sv/notes/log/run /etc/s6/sv/notes/notification-fd /etc/s6/sv/notes/run /etc/s6/sv/webapp-db/down-signal /etc/s6/sv/webapp-db/finish /etc/s6/sv/webapp-db/log/run /etc/s6/sv/webapp-db/notification-fd /etc/s6/sv/webapp-db/run /etc/s6/sv/webapp-db/timeout-kill /etc/s6/sv/webapp-worker/finish /etc/s6/sv/webapp-worker/log/run /etc/s6/sv/webapp-worker/notification-fd /etc/s6/sv/webapp-worker/run /etc/s6/sv/webapp/finish /etc/s6/sv/webapp/log/run /etc/s6/sv/webapp/notification-fd /etc/s6/sv/webapp/run /etc/s6/sv/webapp/timeout-finish /etc/s6/sv/webapp/timeout-kill /etc/webapp/webapp.ini /usr/lib/psl/backup/backup-start /usr/lib/psl/backup/start /usr/lib/psl/migrate/migrate-pre-start /usr/lib/psl/migrate/migrate-start /usr/lib/psl/psl-run /usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-worker/webapp-worker-start /usr/lib/psl/webapp/reload /usr/lib/psl/webapp/webapp-pre-start /usr/lib/psl/webapp/webapp-reload /usr/lib/psl/webapp/webapp-start >/usr/lib/psl/.installed/files

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
mkdir -p /run/webapp
chown webapp:webapp /run/webapp
chmod 0755 /run/webapp
mkdir -p /var/lib/webapp-db
chown postgres:postgres /var/lib/webapp-db
chmod 0700 /var/lib/webapp-db
mkdir -p /run/postgresql
chown postgres:postgres /run/postgresql
chmod 0755 /run/postgresql

mkdir -p /var/backups
chmod 0750 /var/backups
chown webapp:webapp /var/backups

# Activation
if [ -e /etc/s6/scan/notes ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/notes; else s6-svlink /etc/s6/scan /etc/s6/sv/notes; fi
if [ -e /etc/s6/scan/webapp-db ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/webapp-db; else s6-svlink /etc/s6/scan /etc/s6/sv/webapp-db; fi
[ -e /etc/s6/scan/backup ] || s6-svlink /etc/s6/scan /etc/s6/sv/backup
if [ -e /etc/s6/scan/migrate ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/migrate; else s6-svlink /etc/s6/scan /etc/s6/sv/migrate; fi
if [ -e /etc/s6/scan/webapp ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/webapp; else s6-svlink /etc/s6/scan /etc/s6/sv/webapp; fi
if [ -e /etc/s6/scan/webapp-worker ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/webapp-worker; else s6-svlink /etc/s6/scan /etc/s6/sv/webapp-worker; fi
if [ -e /etc/s6/scan/backup-timer ]; then :; elif [ "${PSL_NO_START:-0}" = 1 ]; then s6-svlink -d /etc/s6/scan /etc/s6/sv/backup-timer; else s6-svlink /etc/s6/scan /etc/s6/sv/backup-timer; fi
if [ "${PSL_NO_START:-0}" != 1 ]; then
  s6-svc -u /etc/s6/scan/notes || :
  s6-svwait -u -t 10000 /etc/s6/scan/notes || :
  s6-svc -u /etc/s6/scan/webapp-db || :
  s6-svwait -u -t 10000 /etc/s6/scan/webapp-db || :
  s6-svc -u /etc/s6/scan/migrate || :
  s6-svwait -u -t 10000 /etc/s6/scan/migrate || :
  s6-svc -u /etc/s6/scan/webapp || :
  s6-svwait -u -t 10000 /etc/s6/scan/webapp || :
  s6-svc -u /etc/s6/scan/webapp-worker || :
  s6-svwait -u -t 10000 /etc/s6/scan/webapp-worker || :
  s6-svc -u /etc/s6/scan/backup-timer || :
  s6-svwait -u -t 10000 /etc/s6/scan/backup-timer || :
  :
fi
