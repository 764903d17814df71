#!/bin/sh
# psl install script for daemontools. Generated: run as root from the directory that holds rootfs/.
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
psl_put rootfs/etc/sv/backup-timer/log/run /etc/sv/backup-timer/log/run 0755
psl_put rootfs/etc/sv/backup-timer/run /etc/sv/backup-timer/run 0755
psl_put rootfs/etc/sv/backup/down /etc/sv/backup/down 0644
psl_put rootfs/etc/sv/backup/log/run /etc/sv/backup/log/run 0755
psl_put rootfs/etc/sv/backup/run /etc/sv/backup/run 0755
psl_put rootfs/etc/sv/migrate/log/run /etc/sv/migrate/log/run 0755
psl_put rootfs/etc/sv/migrate/run /etc/sv/migrate/run 0755
psl_put rootfs/etc/sv/notes/log/run /etc/sv/notes/log/run 0755
psl_put rootfs/etc/sv/notes/run /etc/sv/notes/run 0755
psl_put rootfs/etc/sv/webapp-db/log/run /etc/sv/webapp-db/log/run 0755
psl_put rootfs/etc/sv/webapp-db/run /etc/sv/webapp-db/run 0755
psl_put rootfs/etc/sv/webapp-worker/log/run /etc/sv/webapp-worker/log/run 0755
psl_put rootfs/etc/sv/webapp-worker/run /etc/sv/webapp-worker/run 0755
psl_put rootfs/etc/sv/webapp/log/run /etc/sv/webapp/log/run 0755
psl_put rootfs/etc/sv/webapp/run /etc/sv/webapp/run 0755
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
printf '%s\n' /etc/sv/backup-timer/log/run /etc/sv/backup-timer/run /etc/sv/backup/down /etc/sv/backup/log/run /etc/sv/backup/run /etc/sv/migrate/log/run /etc/sv/migrate/run /etc/sv/notes/log/run /etc/sv/notes/run /etc/sv/webapp-db/log/run /etc/sv/webapp-db/run /etc/sv/webapp-worker/log/run /etc/sv/webapp-worker/run /etc/sv/webapp/log/run /etc/sv/webapp/run /etc/webapp/webapp.ini /usr/lib/psl/backup/backup-start /usr/lib/psl/backup/start /usr/lib/psl/migrate/migrate-pre-start /usr/lib/psl/migrate/migrate-start /usr/lib/psl/psl-run /usr/lib/psl/webapp-db/reload /usr/lib/psl/webapp-worker/webapp-worker-start /usr/lib/psl/webapp/reload /usr/lib/psl/webapp/webapp-pre-start /usr/lib/psl/webapp/webapp-reload /usr/lib/psl/webapp/webapp-start >/usr/lib/psl/.installed/files

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
[ -e /etc/service/notes ] || psl_fresh="${psl_fresh-}"' notes'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/notes ]; then : >/etc/sv/notes/down; fi
ln -sfn /etc/sv/notes /etc/service/notes
[ -e /etc/service/webapp-db ] || psl_fresh="${psl_fresh-}"' webapp-db'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/webapp-db ]; then : >/etc/sv/webapp-db/down; fi
ln -sfn /etc/sv/webapp-db /etc/service/webapp-db
[ -e /etc/service/backup ] || psl_fresh="${psl_fresh-}"' backup'
ln -sfn /etc/sv/backup /etc/service/backup
[ -e /etc/service/migrate ] || psl_fresh="${psl_fresh-}"' migrate'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/migrate ]; then : >/etc/sv/migrate/down; fi
ln -sfn /etc/sv/migrate /etc/service/migrate
[ -e /etc/service/webapp ] || psl_fresh="${psl_fresh-}"' webapp'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/webapp ]; then : >/etc/sv/webapp/down; fi
ln -sfn /etc/sv/webapp /etc/service/webapp
[ -e /etc/service/webapp-worker ] || psl_fresh="${psl_fresh-}"' webapp-worker'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/webapp-worker ]; then : >/etc/sv/webapp-worker/down; fi
ln -sfn /etc/sv/webapp-worker /etc/service/webapp-worker
[ -e /etc/service/backup-timer ] || psl_fresh="${psl_fresh-}"' backup-timer'
if [ "${PSL_NO_START:-0}" = 1 ] && [ ! -e /etc/service/backup-timer ]; then : >/etc/sv/backup-timer/down; fi
ln -sfn /etc/sv/backup-timer /etc/service/backup-timer
if [ "${PSL_NO_START:-0}" != 1 ]; then
  i=0; until svok /etc/service/notes 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' notes '*) : ;; *) svc -u /etc/service/notes || : ;; esac
  i=0; until svok /etc/service/webapp-db 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' webapp-db '*) : ;; *) svc -u /etc/service/webapp-db || : ;; esac
  i=0; until svok /etc/service/migrate 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' migrate '*) : ;; *) svc -u /etc/service/migrate || : ;; esac
  i=0; until svok /etc/service/webapp 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' webapp '*) : ;; *) svc -u /etc/service/webapp || : ;; esac
  i=0; until svok /etc/service/webapp-worker 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' webapp-worker '*) : ;; *) svc -u /etc/service/webapp-worker || : ;; esac
  i=0; until svok /etc/service/backup-timer 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done
  case " ${psl_fresh-} " in *' backup-timer '*) : ;; *) svc -u /etc/service/backup-timer || : ;; esac
  :
else
  case " ${psl_fresh-} " in *' notes '*) i=0; until svok /etc/service/notes 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/notes/down ;; esac
  case " ${psl_fresh-} " in *' webapp-db '*) i=0; until svok /etc/service/webapp-db 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/webapp-db/down ;; esac
  case " ${psl_fresh-} " in *' migrate '*) i=0; until svok /etc/service/migrate 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/migrate/down ;; esac
  case " ${psl_fresh-} " in *' webapp '*) i=0; until svok /etc/service/webapp 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/webapp/down ;; esac
  case " ${psl_fresh-} " in *' webapp-worker '*) i=0; until svok /etc/service/webapp-worker 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/webapp-worker/down ;; esac
  case " ${psl_fresh-} " in *' backup-timer '*) i=0; until svok /etc/service/backup-timer 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done; rm -f /etc/sv/backup-timer/down ;; esac
fi
