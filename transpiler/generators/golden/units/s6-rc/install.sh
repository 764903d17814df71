#!/bin/sh
# psl install script for s6-rc. Generated: run as root from the directory that holds rootfs/.
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
psl_put rootfs/etc/s6-rc/source/backup-timer-log/consumer-for /etc/s6-rc/source/backup-timer-log/consumer-for 0644
psl_put rootfs/etc/s6-rc/source/backup-timer-log/run /etc/s6-rc/source/backup-timer-log/run 0755
psl_put rootfs/etc/s6-rc/source/backup-timer-log/type /etc/s6-rc/source/backup-timer-log/type 0644
psl_put rootfs/etc/s6-rc/source/backup-timer/finish /etc/s6-rc/source/backup-timer/finish 0755
psl_put rootfs/etc/s6-rc/source/backup-timer/notification-fd /etc/s6-rc/source/backup-timer/notification-fd 0644
psl_put rootfs/etc/s6-rc/source/backup-timer/producer-for /etc/s6-rc/source/backup-timer/producer-for 0644
psl_put rootfs/etc/s6-rc/source/backup-timer/run /etc/s6-rc/source/backup-timer/run 0755
psl_put rootfs/etc/s6-rc/source/backup-timer/type /etc/s6-rc/source/backup-timer/type 0644
psl_put rootfs/etc/s6-rc/source/backup/dependencies.d/webapp-db /etc/s6-rc/source/backup/dependencies.d/webapp-db 0644
psl_put rootfs/etc/s6-rc/source/backup/type /etc/s6-rc/source/backup/type 0644
psl_put rootfs/etc/s6-rc/source/backup/up /etc/s6-rc/source/backup/up 0644
psl_put rootfs/etc/s6-rc/source/migrate/dependencies.d/webapp-db /etc/s6-rc/source/migrate/dependencies.d/webapp-db 0644
psl_put rootfs/etc/s6-rc/source/migrate/type /etc/s6-rc/source/migrate/type 0644
psl_put rootfs/etc/s6-rc/source/migrate/up /etc/s6-rc/source/migrate/up 0644
psl_put rootfs/etc/s6-rc/source/notes-log/consumer-for /etc/s6-rc/source/notes-log/consumer-for 0644
psl_put rootfs/etc/s6-rc/source/notes-log/run /etc/s6-rc/source/notes-log/run 0755
psl_put rootfs/etc/s6-rc/source/notes-log/type /etc/s6-rc/source/notes-log/type 0644
psl_put rootfs/etc/s6-rc/source/notes/finish /etc/s6-rc/source/notes/finish 0755
psl_put rootfs/etc/s6-rc/source/notes/notification-fd /etc/s6-rc/source/notes/notification-fd 0644
psl_put rootfs/etc/s6-rc/source/notes/producer-for /etc/s6-rc/source/notes/producer-for 0644
psl_put rootfs/etc/s6-rc/source/notes/run /etc/s6-rc/source/notes/run 0755
psl_put rootfs/etc/s6-rc/source/notes/type /etc/s6-rc/source/notes/type 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/backup-timer /etc/s6-rc/source/psl/contents.d/backup-timer 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/migrate /etc/s6-rc/source/psl/contents.d/migrate 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/notes /etc/s6-rc/source/psl/contents.d/notes 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/webapp /etc/s6-rc/source/psl/contents.d/webapp 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/webapp-db /etc/s6-rc/source/psl/contents.d/webapp-db 0644
psl_put rootfs/etc/s6-rc/source/psl/contents.d/webapp-worker /etc/s6-rc/source/psl/contents.d/webapp-worker 0644
psl_put rootfs/etc/s6-rc/source/psl/type /etc/s6-rc/source/psl/type 0644
psl_put rootfs/etc/s6-rc/source/webapp-db-log/consumer-for /etc/s6-rc/source/webapp-db-log/consumer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp-db-log/run /etc/s6-rc/source/webapp-db-log/run 0755
psl_put rootfs/etc/s6-rc/source/webapp-db-log/type /etc/s6-rc/source/webapp-db-log/type 0644
psl_put rootfs/etc/s6-rc/source/webapp-db/down-signal /etc/s6-rc/source/webapp-db/down-signal 0644
psl_put rootfs/etc/s6-rc/source/webapp-db/finish /etc/s6-rc/source/webapp-db/finish 0755
psl_put rootfs/etc/s6-rc/source/webapp-db/notification-fd /etc/s6-rc/source/webapp-db/notification-fd 0644
psl_put rootfs/etc/s6-rc/source/webapp-db/producer-for /etc/s6-rc/source/webapp-db/producer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp-db/run /etc/s6-rc/source/webapp-db/run 0755
psl_put rootfs/etc/s6-rc/source/webapp-db/timeout-kill /etc/s6-rc/source/webapp-db/timeout-kill 0644
psl_put rootfs/etc/s6-rc/source/webapp-db/type /etc/s6-rc/source/webapp-db/type 0644
psl_put rootfs/etc/s6-rc/source/webapp-log/consumer-for /etc/s6-rc/source/webapp-log/consumer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp-log/run /etc/s6-rc/source/webapp-log/run 0755
psl_put rootfs/etc/s6-rc/source/webapp-log/type /etc/s6-rc/source/webapp-log/type 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker-log/consumer-for /etc/s6-rc/source/webapp-worker-log/consumer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker-log/run /etc/s6-rc/source/webapp-worker-log/run 0755
psl_put rootfs/etc/s6-rc/source/webapp-worker-log/type /etc/s6-rc/source/webapp-worker-log/type 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker/dependencies.d/webapp /etc/s6-rc/source/webapp-worker/dependencies.d/webapp 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker/dependencies.d/webapp-db /etc/s6-rc/source/webapp-worker/dependencies.d/webapp-db 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker/finish /etc/s6-rc/source/webapp-worker/finish 0755
psl_put rootfs/etc/s6-rc/source/webapp-worker/notification-fd /etc/s6-rc/source/webapp-worker/notification-fd 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker/producer-for /etc/s6-rc/source/webapp-worker/producer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp-worker/run /etc/s6-rc/source/webapp-worker/run 0755
psl_put rootfs/etc/s6-rc/source/webapp-worker/type /etc/s6-rc/source/webapp-worker/type 0644
psl_put rootfs/etc/s6-rc/source/webapp/dependencies.d/migrate /etc/s6-rc/source/webapp/dependencies.d/migrate 0644
psl_put rootfs/etc/s6-rc/source/webapp/dependencies.d/webapp-db /etc/s6-rc/source/webapp/dependencies.d/webapp-db 0644
psl_put rootfs/etc/s6-rc/source/webapp/finish /etc/s6-rc/source/webapp/finish 0755
psl_put rootfs/etc/s6-rc/source/webapp/notification-fd /etc/s6-rc/source/webapp/notification-fd 0644
psl_put rootfs/etc/s6-rc/source/webapp/producer-for /etc/s6-rc/source/webapp/producer-for 0644
psl_put rootfs/etc/s6-rc/source/webapp/run /etc/s6-rc/source/webapp/run 0755
psl_put rootfs/etc/s6-rc/source/webapp/timeout-finish /etc/s6-rc/source/webapp/timeout-finish 0644
psl_put rootfs/etc/s6-rc/source/webapp/timeout-kill /etc/s6-rc/source/webapp/timeout-kill 0644
psl_put rootfs/etc/s6-rc/source/webapp/type /etc/s6-rc/source/webapp/type 0644
psl_put rootfs/usr/lib/psl/backup/start /usr/lib/psl/backup/start 0755
psl_put rootfs/usr/lib/psl/migrate/start /usr/lib/psl/migrate/start 0755
psl_put rootfs/usr/lib/psl/psl-run /usr/lib/psl/psl-run 0755
psl_put rootfs/usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-db/reload 0755
psl_put rootfs/usr/lib/psl/webapp/reload /usr/lib/psl/webapp/reload 0755
printf '%s\n' /etc/s6-rc/source/backup-timer-log/consumer-for /etc/s6-rc/source/backup-timer-log/run /etc/s6-rc/source/backup-timer-log/type /etc/s6-rc/source/backup-timer/finish /etc/s6-rc/source/backup-timer/notification-fd /etc/s6-rc/source/backup-timer/producer-for /etc/s6-rc/source/backup-timer/run /etc/s6-rc/source/backup-timer/type /etc/s6-rc/source/backup/dependencies.d/webapp-db /etc/s6-rc/source/backup/type /etc/s6-rc/source/backup/up /etc/s6-rc/source/migrate/dependencies.d/webapp-db /etc/s6-rc/source/migrate/type /etc/s6-rc/source/migrate/up /etc/s6-rc/source/notes-log/consumer-for /etc/s6-rc/source/notes-log/run /etc/s6-rc/source/notes-log/type /etc/s6-rc/source/notes/finish /etc/s6-rc/source/notes/notification-fd /etc/s6-rc/source/notes/producer-for /etc/s6-rc/source/notes/run /etc/s6-rc/source/notes/type /etc/s6-rc/source/psl/contents.d/backup-timer /etc/s6-rc/source/psl/contents.d/migrate /etc/s6-rc/source/psl/contents.d/notes /etc/s6-rc/source/psl/contents.d/webapp /etc/s6-rc/source/psl/contents.d/webapp-db /etc/s6-rc/source/psl/contents.d/webapp-worker /etc/s6-rc/source/psl/type /etc/s6-rc/source/webapp-db-log/consumer-for /etc/s6-rc/source/webapp-db-log/run /etc/s6-rc/source/webapp-db-log/type /etc/s6-rc/source/webapp-db/down-signal /etc/s6-rc/source/webapp-db/finish /etc/s6-rc/source/webapp-db/notification-fd /etc/s6-rc/source/webapp-db/producer-for /etc/s6-rc/source/webapp-db/run /etc/s6-rc/source/webapp-db/timeout-kill /etc/s6-rc/source/webapp-db/type /etc/s6-rc/source/webapp-log/consumer-for /etc/s6-rc/source/webapp-log/run /etc/s6-rc/source/webapp-log/type /etc/s6-rc/source/webapp-worker-log/consumer-for /etc/s6-rc/source/webapp-worker-log/run /etc/s6-rc/source/webapp-worker-log/type /etc/s6-rc/source/webapp-worker/dependencies.d/webapp /etc/s6-rc/source/webapp-worker/dependencies.d/webapp-db /etc/s6-rc/source/webapp-worker/finish /etc/s6-rc/source/webapp-worker/notification-fd /etc/s6-rc/source/webapp-worker/producer-for /etc/s6-rc/source/webapp-worker/run /etc/s6-rc/source/webapp-worker/type /etc/s6-rc/source/webapp/dependencies.d/migrate /etc/s6-rc/source/webapp/dependencies.d/webapp-db /etc/s6-rc/source/webapp/finish /etc/s6-rc/source/webapp/notification-fd /etc/s6-rc/source/webapp/producer-for /etc/s6-rc/source/webapp/run /etc/s6-rc/source/webapp/timeout-finish /etc/s6-rc/source/webapp/timeout-kill /etc/s6-rc/source/webapp/type /usr/lib/psl/backup/start /usr/lib/psl/migrate/start /usr/lib/psl/psl-run /usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp/reload >/usr/lib/psl/.installed/files

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

# Compile the s6-rc database; switch to it when s6-rc is live
db="/etc/s6-rc/compiled-psl-$(date +%s)"
s6-rc-compile "$db" /etc/s6-rc/source
if [ -d /run/s6-rc ]; then s6-rc-update -l /run/s6-rc "$db"; fi
ln -sfn "$db" /etc/s6-rc/compiled

# Activation
if [ -d /run/s6-rc ] && [ "${PSL_NO_START:-0}" != 1 ]; then s6-rc -l /run/s6-rc -u change psl; fi
if [ "${PSL_NO_START:-0}" != 1 ]; then
  :
fi
