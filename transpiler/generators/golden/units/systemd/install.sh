#!/bin/sh
# psl install script for systemd. Generated: run as root from the directory that holds rootfs/.
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
psl_user postgres postgres /nonexistent /usr/sbin/nologin

# Files
psl_put rootfs/etc/systemd/system/backup.service /etc/systemd/system/backup.service 0644
psl_put rootfs/etc/systemd/system/backup.timer /etc/systemd/system/backup.timer 0644
psl_put rootfs/etc/systemd/system/migrate.service /etc/systemd/system/migrate.service 0644
psl_put rootfs/etc/systemd/system/notes.service /etc/systemd/system/notes.service 0644
psl_put rootfs/etc/systemd/system/webapp-db.service /etc/systemd/system/webapp-db.service 0644
psl_put rootfs/etc/systemd/system/webapp-worker.service /etc/systemd/system/webapp-worker.service 0644
psl_put rootfs/etc/systemd/system/webapp.service /etc/systemd/system/webapp.service 0644
printf '%s\n' /etc/systemd/system/backup.service /etc/systemd/system/backup.timer /etc/systemd/system/migrate.service /etc/systemd/system/notes.service /etc/systemd/system/webapp-db.service /etc/systemd/system/webapp-worker.service /etc/systemd/system/webapp.service >/usr/lib/psl/.installed/files

# Directories

# Activation
if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
systemctl enable notes.service
systemctl enable webapp-db.service
systemctl enable backup.timer
systemctl enable migrate.service
systemctl enable webapp.service
systemctl enable webapp-worker.service
if [ "${PSL_NO_START:-0}" != 1 ]; then
  if [ -d /run/systemd/system ]; then systemctl start notes.service; fi
  if [ -d /run/systemd/system ]; then systemctl start webapp-db.service; fi
  if [ -d /run/systemd/system ]; then systemctl start backup.timer; fi
  if [ -d /run/systemd/system ]; then systemctl start migrate.service; fi
  if [ -d /run/systemd/system ]; then systemctl start webapp.service; fi
  if [ -d /run/systemd/system ]; then systemctl start webapp-worker.service; fi
  :
fi
