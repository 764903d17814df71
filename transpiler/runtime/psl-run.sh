#!/bin/sh
# psl-run: the runtime helper psl ships with every generated target (installed as
# /usr/lib/psl/psl-run on Linux, /usr/local/libexec/psl/psl-run on FreeBSD and macOS).
#
# It gives a command what systemd would give it and the target's own init cannot: systemd's clean
# environment (Environment=, EnvironmentFile= in systemd's syntax, PassEnvironment=, UnsetEnvironment=),
# $VAR / ${VAR} / $$ expansion in arguments, the user switch with supplementary groups, umask, limits,
# nice, OOM score, scheduling, no_new_privs and capabilities, state/runtime directories, credentials,
# conditions, a restart policy engine, a timer loop and a follower for forking daemons.
#
# Requires POSIX sh and awk; on Linux also util-linux (setpriv, prlimit, chrt, ionice, taskset) for the
# options that need them. An option that cannot be honoured is an error: psl-run never runs a command
# with less than it was asked for (in particular never as root when a user switch fails).
#
# Usage:
#   psl-run [exec] [OPTION...] -- PROGRAM [ARG...]     run PROGRAM (exec'd, keeping the pid)
#   psl-run check CONDITION...                         exit 0 met, 1 a condition failed, 2 an assert failed
#   psl-run supervise POLICY... [OPTION...] -- PROGRAM  run and restart PROGRAM by systemd's rules
#   psl-run decide POLICY... --exit-code N | --exit-signal N   exit 0 to restart, 1 to stay down
#   psl-run control ACTION --name NAME --start PROGRAM  start/stop/status for inits without a manager
#   psl-run timer TIMER... -- PROGRAM                  run PROGRAM when the timer is due, forever
#   psl-run follow --pidfile FILE [OPTION...] -- PROGRAM   run a forking daemon and wait while it lives
#   psl-run pause                                      do nothing until stopped
# The full option list is in the usage() function below.
set -u
set -f # no pathname expansion, except where a glob is meant (ConditionPathExistsGlob=)

PSL_NAME=psl-run
PSL_ENV_NAMES=
PSL_DIRS=
PSL_USER=
PSL_GROUP=
PSL_GROUPS=
PSL_CHDIR=/
PSL_CHDIR_OPTIONAL=
PSL_PRELUDE=
PSL_EXPAND=
PSL_IGNORE_FAILURE=
PSL_STDIN=null
PSL_STDOUT=inherit
PSL_STDERR=inherit
PSL_SETPRIV_ARGS=
PSL_WRAPPERS=
PSL_CRED_DIR=
PSL_CREDS=
PSL_CLEAN_ENV=yes
# Set by need_tool through eval.
_o_chrt='' _o_ionice='' _o_taskset='' _x_awk='' _x_env='' _x_nice='' _x_sp='' _x_envbin='' _x_sh=''

die() { printf '%s[%s]: %s\n' "psl-run" "$PSL_NAME" "$*" >&2; exit 1; }
note() { printf '%s[%s]: %s\n' "psl-run" "$PSL_NAME" "$*" >&2; }

# q STRING: STRING single-quoted for eval.
q() {
  _q_in=$1
  _q_out=
  while :; do
    case $_q_in in
      *\'*)
        _q_out="$_q_out${_q_in%%\'*}'\\''"
        _q_in=${_q_in#*\'}
        ;;
      *) break ;;
    esac
  done
  printf "'%s%s'" "$_q_out" "$_q_in"
}

valid_name() {
  case $1 in
    '' | [0-9]* | *[!A-Za-z0-9_]*) return 1 ;;
  esac
  return 0
}

# qall ARG...: every argument single-quoted, space-separated, for `eval "set -- $(qall "$@")"`.
qall() {
  for _qa in "$@"; do
    printf ' '
    q "$_qa"
  done
}

# setenv NAME VALUE: sets NAME in the service environment (kept apart from psl-run's own variables).
setenv() {
  valid_name "$1" || { note "ignoring invalid environment variable name '$1'"; return 0; }
  eval "__pslenv_$1=\$2"
  case " $PSL_ENV_NAMES " in
    *" $1 "*) ;;
    *) PSL_ENV_NAMES="$PSL_ENV_NAMES $1" ;;
  esac
}

unsetenv() {
  _u_names=
  for _u_n in $PSL_ENV_NAMES; do
    [ "$_u_n" = "$1" ] || _u_names="$_u_names $_u_n"
  done
  PSL_ENV_NAMES=$_u_names
}

getenv() { eval "printf '%s' \"\${__pslenv_$1-}\""; }
hasenv() { case " $PSL_ENV_NAMES " in *" $1 "*) return 0 ;; esac; return 1; }

# The environment as `env -i` arguments, quoted for eval.
env_words() {
  _e_out=
  for _e_n in $PSL_ENV_NAMES; do
    eval "_e_v=\${__pslenv_$_e_n}"
    # shellcheck disable=SC2154 # set by the eval above
    _e_out="$_e_out $(q "$_e_n=$_e_v")"
  done
  printf '%s' "$_e_out"
}

# systemd's EnvironmentFile= syntax (src/basic/env-file.c), as awk: prints `setenv 'K' 'V'` lines.
ENV_FILE_AWK='
function sq(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
function push() {
  if (key != "") { sub(/[ \t\r\n]+$/, "", key); printf "setenv %s %s\n", sq(key), sq(val) }
  key = ""; val = ""; ws = -1
}
BEGIN {
  data = ""
  while ((getline line < FILE) > 0) data = data line "\n"
  st = "prekey"; key = ""; val = ""; ws = -1
  n = length(data)
  for (i = 1; i <= n; i++) {
    c = substr(data, i, 1)
    if (st == "prekey") {
      if (c == "#" || c == ";") st = "comment"
      else if (c !~ /[ \t\n\r]/) { st = "key"; key = c }
    } else if (st == "key") {
      if (c == "\n" || c == "\r") { st = "prekey"; key = "" }
      else if (c == "=") { st = "prevalue"; ws = -1 }
      else key = key c
    } else if (st == "prevalue") {
      if (c == "\n" || c == "\r") { st = "prekey"; push() }
      else if (c == "\047") st = "squote"
      else if (c == "\"") st = "dquote"
      else if (c == "\\") st = "vescape"
      else if (c !~ /[ \t]/) { st = "value"; val = val c }
    } else if (st == "value") {
      if (c == "\n" || c == "\r") {
        if (ws >= 0) val = substr(val, 1, ws)
        st = "prekey"; push()
      } else if (c == "\\") { st = "vescape"; ws = -1 }
      else {
        if (c !~ /[ \t]/) ws = -1
        else if (ws < 0) ws = length(val)
        val = val c
      }
    } else if (st == "vescape") {
      st = "value"
      if (c != "\n" && c != "\r") val = val c
    } else if (st == "squote") {
      if (c == "\047") st = "prevalue"
      else val = val c
    } else if (st == "dquote") {
      if (c == "\"") st = "prevalue"
      else if (c == "\\") st = "dqescape"
      else val = val c
    } else if (st == "dqescape") {
      st = "dquote"
      if (c == "\"" || c == "\\" || c == "`" || c == "$") val = val c
      else if (c != "\n") val = val "\\" c
    } else if (st == "comment") {
      if (c == "\\") st = "cescape"
      else if (c == "\n" || c == "\r") st = "prekey"
    } else if (st == "cescape") {
      if (c == "\n" || c == "\r") st = "prekey"
      else st = "comment"
    }
  }
  if (st == "value" && ws >= 0) val = substr(val, 1, ws)
  if (st != "prekey" && st != "key" && st != "comment" && st != "cescape") push()
}'

load_env_file() {
  [ -r "$1" ] || return 1
  _l_out=$(awk -v FILE="$1" "$ENV_FILE_AWK") || return 1
  eval "$_l_out"
}

# systemd's argument expansion (replace_env_argv): a word that is exactly $NAME becomes the value split
# at whitespace (quotes respected, zero words when unset); elsewhere ${NAME} is replaced by the value and
# $$ by $. Reads the service environment from ENVIRON, the words from ARGV; prints them quoted for eval.
# shellcheck disable=SC2034 # used inside an eval
EXPAND_AWK='
function sq(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
function split_words(s,   i, n, c, w, inw, quote) {
  n = length(s); w = ""; inw = 0; quote = ""
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (quote != "") {
      if (c == quote) quote = ""
      else if (c == "\\" && quote == "\"" && i < n) { i++; w = w substr(s, i, 1) }
      else w = w c
    } else if (c ~ /[ \t\n\r]/) {
      if (inw) { out = out " " sq(w); w = ""; inw = 0 }
    } else {
      inw = 1
      if (c == "\047" || c == "\"") quote = c
      else if (c == "\\" && i < n) { i++; w = w substr(s, i, 1) }
      else w = w c
    }
  }
  if (inw) out = out " " sq(w)
}
function expand(s,   r, i, n, c, d, j, name) {
  r = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (c != "$") { r = r c; continue }
    d = substr(s, i + 1, 1)
    if (d == "$") { r = r "$"; i++ }
    else if (d == "{") {
      j = index(substr(s, i + 2), "}")
      if (j == 0) { r = r substr(s, i); break }
      name = substr(s, i + 2, j - 1)
      if (name in ENVIRON) r = r ENVIRON[name]
      i = i + 1 + j
    } else r = r c
  }
  return r
}
BEGIN {
  out = ""
  for (a = 1; a < ARGC; a++) {
    w = ARGV[a]
    if (substr(w, 1, 1) == "$" && substr(w, 2, 1) != "{" && substr(w, 2, 1) != "$") {
      name = substr(w, 2)
      if (name in ENVIRON) split_words(ENVIRON[name])
    } else out = out " " sq(expand(w))
  }
  printf "%s", out
  exit 0
}'

usage() {
  cat >&2 <<'EOF'
psl-run [exec] [OPTION...] -- PROGRAM [ARG...]
  --name NAME                 the service's name (messages, /run/psl/NAME)
  --setenv NAME=VALUE         set a variable (Environment=)
  --env-file PATH             read a file in systemd's syntax (EnvironmentFile=); --env-file-optional PATH
  --pass-env NAME             pass NAME from psl-run's own environment (PassEnvironment=)
  --unset-env NAME[=VALUE]    remove NAME, or only when it has VALUE (UnsetEnvironment=)
  --keep-env                  start from psl-run's environment instead of systemd's clean one
  --user USER --group GROUP --groups G1,G2   switch identity (setpriv)
  --user-env                  set USER, LOGNAME, HOME and SHELL of the user
  --umask MODE  --nice N  --oom-score-adjust N  --limit NAME=SOFT[:HARD]
  --cpu-scheduling POLICY[:PRIORITY]  --io-scheduling CLASS[:PRIORITY]  --cpu-affinity LIST
  --no-new-privs  --bounding-set CAPS  --ambient-caps CAPS  --securebits BITS
  --chdir DIR  --chdir-optional DIR  --chdir-home
  --dir KIND:PATH[:MODE]      create a state|runtime|cache|logs|configuration directory, owned by the user
  --credentials-dir DIR  --credential ID[:PATH]
  --mainpid PID  --mainpid-file FILE
  --stdin null|inherit|file:PATH  --stdout/--stderr inherit|null|file:PATH|append:PATH|truncate:PATH
  --expand                    expand $VAR, ${VAR} and $$ in the arguments (systemd's rules)
  --ignore-failure            exit 0 whatever PROGRAM exits with (the `-` prefix)
  --ready-fd N                write a newline to fd N just before PROGRAM runs (s6/dinit readiness)
check: --condition|--assert [|][!]CHECK=VALUE
supervise/decide: --policy P --delay SEC --success "CODES SIGNALS" --prevent ... --force ...
                  --burst N --interval SEC --state DIR
supervise: --stop-signal SIG --stop-timeout SEC|infinity --final exit|mirror|hold --on-final SH-COMMAND
           --on-stop PROGRAM (ExecStop=, with $MAINPID)  --on-exit PROGRAM (ExecStopPost=, after every exit)
control start|stop|restart|reload|status --name NAME --start PROGRAM [--reload PROGRAM] [--oneshot]
                  [--remain] [--state DIR] [--stop-timeout SEC]
timer: --calendar "MIN HOUR DOM MON DOW" --boot-delay SEC --every SEC --after-finish SEC --random-delay SEC
EOF
  exit 2
}

# ---- conditions ------------------------------------------------------------------------------------

check_one() {
  _c_check=${1%%=*}
  _c_value=${1#*=}
  case $_c_check in
    PathExists) [ -e "$_c_value" ] || [ -L "$_c_value" ] ;;
    PathExistsGlob)
      set +f
      # shellcheck disable=SC2086 # the glob is meant
      set -- $_c_value
      set -f
      for _c_p in "$@"; do [ -e "$_c_p" ] && return 0; done
      return 1
      ;;
    PathIsDirectory) [ -d "$_c_value" ] ;;
    PathIsSymbolicLink) [ -L "$_c_value" ] ;;
    PathIsMountPoint) mountpoint -q "$_c_value" 2>/dev/null ;;
    DirectoryNotEmpty) [ -d "$_c_value" ] && [ -n "$(ls -A "$_c_value" 2>/dev/null)" ] ;;
    FileIsExecutable) [ -f "$_c_value" ] && [ -x "$_c_value" ] ;;
    FileNotEmpty) [ -f "$_c_value" ] && [ -s "$_c_value" ] ;;
    User)
      case $_c_value in
        @system) [ "$(id -u)" -lt 1000 ] ;;
        *[!0-9]*) [ "$(id -un)" = "$_c_value" ] ;;
        *) [ "$(id -u)" = "$_c_value" ] ;;
      esac
      ;;
    Group)
      for _c_g in $(id -G) $(id -Gn); do [ "$_c_g" = "$_c_value" ] && return 0; done
      return 1
      ;;
    Host)
      [ "$(uname -n)" = "$_c_value" ] && return 0
      [ -r /etc/machine-id ] && [ "$(cat /etc/machine-id)" = "$_c_value" ]
      ;;
    KernelCommandLine)
      [ -r /proc/cmdline ] || return 1
      # shellcheck disable=SC2013 # words, not lines
      for _c_w in $(cat /proc/cmdline); do
        case $_c_value in
          *=*) [ "$_c_w" = "$_c_value" ] && return 0 ;;
          *) [ "$_c_w" = "$_c_value" ] || [ "${_c_w%%=*}" = "$_c_value" ] && return 0 ;;
        esac
      done
      return 1
      ;;
    Environment)
      case $_c_value in
        *=*) eval "[ \"\${${_c_value%%=*}-}\" = \"\${_c_value#*=}\" ] && [ -n \"\${${_c_value%%=*}+x}\" ]" ;;
        *) valid_name "$_c_value" && eval "[ -n \"\${$_c_value+x}\" ]" ;;
      esac
      ;;
    *) die "condition $_c_check is not supported" ;;
  esac
}

# Evaluates conditions like systemd: all plain ones must hold; of the `|` ones, at least one.
cmd_check() {
  _k_fail=0
  _k_trig_seen=0
  _k_trig_ok=0
  _k_assert_fail=0
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || usage
    _k_kind=$1
    _k_spec=$2
    shift 2
    _k_trig=0
    _k_neg=0
    case $_k_spec in '|'*) _k_trig=1 _k_spec=${_k_spec#|} ;; esac
    case $_k_spec in '!'*) _k_neg=1 _k_spec=${_k_spec#!} ;; esac
    if check_one "$_k_spec"; then _k_res=0; else _k_res=1; fi
    [ "$_k_neg" = 1 ] && _k_res=$((1 - _k_res))
    if [ "$_k_trig" = 1 ]; then
      _k_trig_seen=1
      [ "$_k_res" = 0 ] && _k_trig_ok=1
    elif [ "$_k_res" != 0 ]; then
      if [ "$_k_kind" = --assert ]; then _k_assert_fail=1; else _k_fail=1; fi
      note "${_k_kind#--} $_k_spec is not met"
    fi
  done
  [ "$_k_assert_fail" = 1 ] && exit 2
  if [ "$_k_trig_seen" = 1 ] && [ "$_k_trig_ok" = 0 ]; then
    note "none of the triggering conditions is met"
    _k_fail=1
  fi
  exit "$_k_fail"
}

# ---- exec --------------------------------------------------------------------------------------------

# need_tool VAR PROGRAM WHY: VAR := the path of PROGRAM, or fail (never run with less than asked for).
need_tool() {
  _nt=$(command -v "$2" 2>/dev/null) || die "$2 is needed for $3 but is not installed"
  eval "$1=\$_nt"
}

add_wrapper() { PSL_WRAPPERS="$PSL_WRAPPERS $*"; }

set_limit() {
  _lim_name=${1%%=*}
  _lim_val=${1#*=}
  _lim_soft=${_lim_val%%:*}
  _lim_hard=${_lim_val#*:}
  [ "$_lim_soft" = infinity ] && _lim_soft=unlimited
  [ "$_lim_hard" = infinity ] && _lim_hard=unlimited
  if command -v prlimit >/dev/null 2>&1; then
    prlimit --pid $$ "--$_lim_name=$_lim_soft:$_lim_hard" || die "cannot set limit $_lim_name"
    return
  fi
  case $_lim_name in
    cpu) _lim_flag=t ;; fsize) _lim_flag=f ;; data) _lim_flag=d ;; stack) _lim_flag=s ;;
    core) _lim_flag=c ;; rss) _lim_flag=m ;; nofile) _lim_flag=n ;; as) _lim_flag=v ;;
    nproc) _lim_flag=u ;; memlock) _lim_flag=l ;;
    *) die "limit $_lim_name needs prlimit (util-linux)" ;;
  esac
  # shellcheck disable=SC3045 # dash, busybox sh and FreeBSD sh all have -H and -S
  if ! ulimit -H "-$_lim_flag" "$_lim_hard" || ! ulimit -S "-$_lim_flag" "$_lim_soft"; then
    die "cannot set limit $_lim_name"
  fi
}

set_nice() {
  _n_want=$1
  _n_now=0
  if [ -r "/proc/$$/stat" ]; then
    # shellcheck disable=SC2046 # the fields of /proc/PID/stat, split on purpose
    set -- $(sed 's/^.*) //' "/proc/$$/stat")
    _n_now=${17:-0}
  fi
  PSL_NICE_INC=$((_n_want - _n_now))
}

# owner_spec: USER:GROUP for files the service owns (the group defaults to the user's primary group).
owner_spec() {
  _os_group=$PSL_GROUP
  [ -n "$_os_group" ] || [ -z "$PSL_USER" ] || _os_group=$(id -g "$PSL_USER")
  printf '%s:%s' "${PSL_USER:-root}" "${_os_group:-root}"
}

make_dir() {
  _d_kind=${1%%:*}
  _d_rest=${1#*:}
  _d_path=${_d_rest%%:*}
  _d_mode=0755
  case $_d_rest in *:*) _d_mode=${_d_rest#*:} ;; esac
  mkdir -p "$_d_path" || die "cannot create $_d_path"
  if [ "$(id -u)" = 0 ]; then
    chmod "$_d_mode" "$_d_path" || die "cannot set mode $_d_mode on $_d_path"
    if [ -n "$PSL_USER$PSL_GROUP" ]; then
      chown "$(owner_spec)" "$_d_path" || die "cannot give $_d_path to the service"
    fi
  fi
  case $_d_kind in
    state) _d_var=STATE_DIRECTORY ;; runtime) _d_var=RUNTIME_DIRECTORY ;; cache) _d_var=CACHE_DIRECTORY ;;
    logs) _d_var=LOGS_DIRECTORY ;; configuration) _d_var=CONFIGURATION_DIRECTORY ;;
    *) die "unknown directory kind $_d_kind" ;;
  esac
  if hasenv "$_d_var"; then setenv "$_d_var" "$(getenv "$_d_var"):$_d_path"; else setenv "$_d_var" "$_d_path"; fi
}

load_credentials() { # CREDENTIAL...
  [ $# -gt 0 ] || return 0
  [ -n "$PSL_CRED_DIR" ] || PSL_CRED_DIR=/run/credentials/$PSL_NAME
  if ! mkdir -p "$PSL_CRED_DIR" || ! chmod 0700 "$PSL_CRED_DIR"; then die "cannot create $PSL_CRED_DIR"; fi
  for _cr in "$@"; do
    _cr_id=${_cr%%:*}
    _cr_src=
    case $_cr in *:*) _cr_src=${_cr#*:} ;; esac
    if [ -z "$_cr_src" ]; then
      for _cr_store in /etc/credstore /run/credstore /usr/lib/credstore; do
        [ -r "$_cr_store/$_cr_id" ] && { _cr_src=$_cr_store/$_cr_id; break; }
      done
    fi
    if [ -z "$_cr_src" ] || [ ! -r "$_cr_src" ]; then die "credential $_cr_id: no readable source"; fi
    _cr_tmp=$PSL_CRED_DIR/$_cr_id.tmp
    if ! (umask 077 && cp "$_cr_src" "$_cr_tmp") || ! chmod 0400 "$_cr_tmp" ||
      ! mv -f "$_cr_tmp" "$PSL_CRED_DIR/$_cr_id"; then
      die "credential $_cr_id: cannot copy"
    fi
  done
  if [ -n "$PSL_USER" ]; then
    chown -R "$(owner_spec)" "$PSL_CRED_DIR" || die "cannot give credentials to $PSL_USER"
    chmod 0500 "$PSL_CRED_DIR"
  fi
  setenv CREDENTIALS_DIRECTORY "$PSL_CRED_DIR"
}

redirect() { # FD SPEC
  case $2 in
    inherit) ;;
    null) eval "exec $1>/dev/null" ;;
    file:* | truncate:*) _r_path=${2#*:}; eval "exec $1>\"\$_r_path\"" || die "cannot open ${2#*:}" ;;
    append:*) _r_path=${2#*:}; eval "exec $1>>\"\$_r_path\"" || die "cannot open ${2#*:}" ;;
    *) die "unsupported output $2" ;;
  esac
}

user_field() { # USER FIELD(6=home 7=shell)
  awk -F: -v u="$1" -v f="$2" '$1 == u { print $f; exit }' /etc/passwd
}

cmd_exec() {
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      --name) PSL_NAME=$2; shift ;;
      --setenv)
        case $2 in *=*) ;; *) die "--setenv needs NAME=VALUE" ;; esac
        PSL_PRELUDE="$PSL_PRELUDE setenv $(q "${2%%=*}") $(q "${2#*=}");"; shift ;;
      --env-file) PSL_PRELUDE="$PSL_PRELUDE load_env_file $(q "$2") || die $(q "cannot read $2");"; shift ;;
      --env-file-optional) PSL_PRELUDE="$PSL_PRELUDE load_env_file $(q "$2") || :;"; shift ;;
      --pass-env)
        valid_name "$2" || die "invalid name $2"
        eval "_p_set=\${$2+x}"
        # shellcheck disable=SC2154 # set by the eval above
        [ -n "$_p_set" ] && eval "_p_val=\$$2" && PSL_PRELUDE="$PSL_PRELUDE setenv $(q "$2") $(q "$_p_val");"
        shift ;;
      --unset-env) PSL_UNSET="${PSL_UNSET-} $(q "$2")"; shift ;;
      --keep-env) PSL_CLEAN_ENV= ;;
      --user) PSL_USER=$2; shift ;;
      --group) PSL_GROUP=$2; shift ;;
      --groups) PSL_GROUPS=$2; shift ;;
      --umask) PSL_UMASK=$2; shift ;;
      --nice) PSL_NICE=$2; shift ;;
      --oom-score-adjust) PSL_OOM=$2; shift ;;
      --limit) PSL_LIMITS="${PSL_LIMITS-} $(q "$2")"; shift ;;
      --cpu-scheduling)
        need_tool _o_chrt chrt CPUSchedulingPolicy=
        _o_prio=0
        case $2 in *:*) _o_prio=${2#*:} ;; esac
        add_wrapper "$(q "$_o_chrt")" "$(q "--${2%%:*}")" "$(q "$_o_prio")"; shift ;;
      --io-scheduling)
        need_tool _o_ionice ionice IOSchedulingClass=
        case ${2%%:*} in realtime | 1) _io_c=1 ;; best-effort | 2) _io_c=2 ;; idle | 3) _io_c=3 ;; *) _io_c=0 ;; esac
        add_wrapper "$(q "$_o_ionice")" -c "$_io_c"
        case $2 in *:*) add_wrapper -n "$(q "${2#*:}")" ;; esac
        shift ;;
      --cpu-affinity)
        need_tool _o_taskset taskset CPUAffinity=
        add_wrapper "$(q "$_o_taskset")" -c "$(q "$2")"; shift ;;
      --no-new-privs) PSL_SETPRIV_ARGS="$PSL_SETPRIV_ARGS --no-new-privs" ;;
      --bounding-set) PSL_SETPRIV_ARGS="$PSL_SETPRIV_ARGS $(q "--bounding-set=$2")"; shift ;;
      --ambient-caps) PSL_SETPRIV_ARGS="$PSL_SETPRIV_ARGS $(q "--inh-caps=$2") $(q "--ambient-caps=$2")"; shift ;;
      --securebits) PSL_SETPRIV_ARGS="$PSL_SETPRIV_ARGS $(q "--securebits=$2")"; shift ;;
      --chdir) PSL_CHDIR=$2; shift ;;
      --chdir-optional) PSL_CHDIR=$2; PSL_CHDIR_OPTIONAL=yes; shift ;;
      --chdir-home) PSL_CHDIR='~' ;;
      --dir) PSL_DIRS="$PSL_DIRS $(q "$2")"; shift ;;
      --credentials-dir) PSL_CRED_DIR=$2; shift ;;
      --credential) PSL_CREDS="$PSL_CREDS $(q "$2")"; shift ;;
      --mainpid) PSL_PRELUDE="$PSL_PRELUDE setenv MAINPID $(q "$2");"; shift ;;
      --mainpid-file)
        [ -r "$2" ] && PSL_PRELUDE="$PSL_PRELUDE setenv MAINPID $(q "$(cat "$2")");"; shift ;;
      --stdin) PSL_STDIN=$2; shift ;;
      --stdout) PSL_STDOUT=$2; shift ;;
      --stderr) PSL_STDERR=$2; shift ;;
      --expand) PSL_EXPAND=yes ;;
      --ignore-failure) PSL_IGNORE_FAILURE=yes ;;
      --ready-fd) PSL_READY_FD=$2; shift ;;
      *) note "unknown option $1"; usage ;;
    esac
    shift
  done
  [ $# -gt 0 ] || usage

  # Standard streams first, so that every message below lands where the service's output goes.
  case $PSL_STDIN in
    null) exec </dev/null ;;
    inherit) ;;
    file:*) exec <"${PSL_STDIN#file:}" || die "cannot open ${PSL_STDIN#file:}" ;;
    *) die "unsupported input $PSL_STDIN" ;;
  esac
  redirect 1 "$PSL_STDOUT"
  redirect 2 "$PSL_STDERR"

  # The environment, in systemd's order: its defaults, the user's, then Environment=/EnvironmentFile=.
  [ -n "$PSL_CLEAN_ENV" ] || for _k_n in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p'); do
    eval "setenv \"\$_k_n\" \"\${$_k_n-}\""
  done
  hasenv PATH || setenv PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  if [ -n "$PSL_USER" ]; then
    id -u "$PSL_USER" >/dev/null 2>&1 || die "user $PSL_USER does not exist"
    setenv USER "$PSL_USER"
    setenv LOGNAME "$PSL_USER"
    setenv HOME "$(user_field "$PSL_USER" 6)"
    setenv SHELL "$(user_field "$PSL_USER" 7)"
  fi
  # Directories and credentials need root; they are made before the switch.
  _x_dirs=$PSL_DIRS
  if [ -n "$_x_dirs" ]; then
    _x_save=$(qall "$@")
    eval "set -- $_x_dirs"
    for _x_d in "$@"; do make_dir "$_x_d"; done
    eval "set -- $_x_save"
  fi
  eval "load_credentials $PSL_CREDS"
  eval "$PSL_PRELUDE"
  if [ -n "${PSL_UNSET-}" ]; then
    _x_save=$(qall "$@")
    eval "set -- $PSL_UNSET"
    for _x_u in "$@"; do
      case $_x_u in
        *=*) [ "$(getenv "${_x_u%%=*}")" = "${_x_u#*=}" ] && hasenv "${_x_u%%=*}" && unsetenv "${_x_u%%=*}" ;;
        *) unsetenv "$_x_u" ;;
      esac
    done
    eval "set -- $_x_save"
  fi

  if [ -n "$PSL_EXPAND" ]; then
    need_tool _x_awk awk "argument expansion"
    need_tool _x_env env "argument expansion"
    _x_words=$(eval "$(q "$_x_env") -i $(env_words) $(q "$_x_awk") \"\$EXPAND_AWK\" \"\$@\"") ||
      die "cannot expand arguments"
    eval "set -- $_x_words"
    [ $# -gt 0 ] || die "the command is empty after expansion"
  fi

  # Process attributes, as root, before the switch.
  [ -z "${PSL_UMASK-}" ] || umask "$PSL_UMASK" || die "invalid umask $PSL_UMASK"
  if [ -n "${PSL_LIMITS-}" ]; then
    _x_save=$(qall "$@")
    eval "set -- $PSL_LIMITS"
    for _x_l in "$@"; do set_limit "$_x_l"; done
    eval "set -- $_x_save"
  fi
  if [ -n "${PSL_OOM-}" ]; then
    printf '%s\n' "$PSL_OOM" >/proc/self/oom_score_adj 2>/dev/null || die "cannot set the OOM score adjustment"
  fi
  if [ -n "${PSL_NICE-}" ]; then
    set_nice "$PSL_NICE"
    need_tool _x_nice nice Nice=
    [ "$PSL_NICE_INC" = 0 ] || add_wrapper "$(q "$_x_nice")" -n "$PSL_NICE_INC"
  fi
  if [ "$PSL_CHDIR" = '~' ]; then
    PSL_CHDIR=$(getenv HOME)
    [ -n "$PSL_CHDIR" ] || PSL_CHDIR=$(user_field "${PSL_USER:-root}" 6)
  fi
  if ! cd "$PSL_CHDIR" 2>/dev/null; then
    [ -n "$PSL_CHDIR_OPTIONAL" ] || die "cannot change to $PSL_CHDIR"
    cd / || die "cannot change to /"
  fi
  trap '' PIPE # systemd's IgnoreSIGPIPE=yes

  # The identity switch.
  if [ -n "$PSL_USER$PSL_GROUP$PSL_GROUPS$PSL_SETPRIV_ARGS" ]; then
    need_tool _x_sp setpriv "User=, Group=, NoNewPrivileges= and capabilities"
    _x_args=
    if [ -n "$PSL_USER" ]; then
      _x_args="--reuid=$(q "$PSL_USER")"
      _x_gid=${PSL_GROUP:-$(id -g "$PSL_USER")}
      _x_list=$(id -G "$PSL_USER" | tr ' ' ',')
      _x_list="$_x_list,$_x_gid${PSL_GROUPS:+,$PSL_GROUPS}"
      _x_args="$_x_args --regid=$(q "$_x_gid") --groups=$(q "$_x_list")"
    elif [ -n "$PSL_GROUP$PSL_GROUPS" ]; then
      _x_args="--regid=$(q "${PSL_GROUP:-0}") --groups=$(q "${PSL_GROUP:-0}${PSL_GROUPS:+,$PSL_GROUPS}")"
    fi
    add_wrapper "$(q "$_x_sp")" "$_x_args" "$PSL_SETPRIV_ARGS" --
  fi

  _x_envw=$(env_words)
  need_tool _x_envbin env "a clean environment"
  # `env` would take a program whose path holds `=` for an assignment: run it through sh then.
  case $1 in *=*) need_tool _x_sh sh "running $1"; set -- "$_x_sh" -c 'exec "$@"' sh "$@" ;; esac
  if [ -n "$PSL_IGNORE_FAILURE" ]; then
    eval "$(q "$_x_envbin") -i $_x_envw $PSL_WRAPPERS \"\$@\"" || note "exit status $? ignored"
    exit 0
  fi
  # Readiness as Type=exec has it: the program is about to run (s6 notification-fd, dinit pipefd).
  if [ -n "${PSL_READY_FD-}" ]; then
    case $PSL_READY_FD in *[!0-9]*) die "invalid --ready-fd $PSL_READY_FD" ;; esac
    eval "printf '\\n' >&$PSL_READY_FD; exec $PSL_READY_FD>&-" 2>/dev/null || note "cannot signal readiness"
  fi
  eval "exec $(q "$_x_envbin") -i $_x_envw $PSL_WRAPPERS \"\$@\""
}

# ---- restart policy ----------------------------------------------------------------------------------

PSL_POLICY=no
PSL_DELAY=0.1
PSL_SUCCESS=
PSL_PREVENT=
PSL_FORCE=
PSL_BURST=5
PSL_INTERVAL=10
PSL_STATE=

in_set() { # VALUE "SET"
  for _s in $2; do [ "$_s" = "$1" ] && return 0; done
  return 1
}

# restart_wanted CODE SIGNAL: 0 when systemd would restart after this exit (CODE empty when signalled).
restart_wanted() {
  _w_code=$1
  _w_sig=$2
  _w_key=${_w_code:-$_w_sig}
  # _w_clean: whether systemd counts this exit as a success (also read by the caller).
  _w_clean=no
  if [ -n "$_w_code" ]; then
    { [ "$_w_code" = 0 ] || in_set "$_w_code" "$PSL_SUCCESS"; } && _w_clean=yes
  else
    { in_set "$_w_sig" "SIGHUP SIGINT SIGTERM SIGPIPE" || in_set "$_w_sig" "$PSL_SUCCESS"; } && _w_clean=yes
  fi
  if [ -n "$_w_code" ]; then
    in_set "$_w_code" "$PSL_PREVENT" && return 1
    in_set "$_w_code" "$PSL_FORCE" && return 0
  else
    in_set "$_w_sig" "$PSL_PREVENT" && return 1
    in_set "$_w_sig" "$PSL_FORCE" && return 0
  fi
  : "$_w_key"
  case $PSL_POLICY in
    always) return 0 ;;
    no | on-watchdog) return 1 ;;
    on-success) [ "$_w_clean" = yes ] ;;
    on-failure) [ "$_w_clean" = no ] ;;
    on-abnormal | on-abort) [ -z "$_w_code" ] && [ "$_w_clean" = no ] ;;
    *) die "unknown restart policy $PSL_POLICY" ;;
  esac
}

# start_allowed: records a start in the history and applies the start limit (burst in interval).
start_allowed() {
  [ "$PSL_BURST" = 0 ] && return 0
  [ -n "$PSL_STATE" ] || PSL_STATE=/run/psl/$PSL_NAME
  mkdir -p "$PSL_STATE" 2>/dev/null || return 0
  _a_now=$(date +%s)
  _a_hist=$PSL_STATE/starts
  _a_keep=$(awk -v now="$_a_now" -v iv="$PSL_INTERVAL" 'now - $1 < iv' "$_a_hist" 2>/dev/null)
  _a_count=$(printf '%s\n' "$_a_keep" | grep -c . || :)
  if [ "$_a_count" -ge "$PSL_BURST" ]; then
    note "start limit hit ($PSL_BURST starts in ${PSL_INTERVAL}s): not restarting"
    return 1
  fi
  { [ -n "$_a_keep" ] && printf '%s\n' "$_a_keep"; printf '%s\n' "$_a_now"; } >"$_a_hist.tmp" &&
    mv -f "$_a_hist.tmp" "$_a_hist"
  return 0
}

signame() { # NUMBER
  case $1 in
    1) echo SIGHUP ;; 2) echo SIGINT ;; 3) echo SIGQUIT ;; 4) echo SIGILL ;; 5) echo SIGTRAP ;;
    6) echo SIGABRT ;; 7) echo SIGBUS ;; 8) echo SIGFPE ;; 9) echo SIGKILL ;; 10) echo SIGUSR1 ;;
    11) echo SIGSEGV ;; 12) echo SIGUSR2 ;; 13) echo SIGPIPE ;; 14) echo SIGALRM ;; 15) echo SIGTERM ;;
    *) echo "SIG$1" ;;
  esac
}

policy_option() { # returns 0 when it consumed $1 (and maybe $2)
  case $1 in
    --policy) PSL_POLICY=$2 ;; --delay) PSL_DELAY=$2 ;; --success) PSL_SUCCESS=$2 ;;
    --prevent) PSL_PREVENT=$2 ;; --force) PSL_FORCE=$2 ;; --burst) PSL_BURST=$2 ;;
    --interval) PSL_INTERVAL=$2 ;; --state) PSL_STATE=$2 ;;
    *) return 1 ;;
  esac
}

cmd_decide() {
  _dc_code=
  _dc_sig=
  while [ $# -gt 0 ]; do
    case $1 in
      --name) PSL_NAME=$2 ;;
      --exit-code) _dc_code=$2 ;;
      --exit-signal) _dc_sig=$(signame "$2") ;;
      *) policy_option "$1" "${2-}" || usage ;;
    esac
    [ $# -ge 2 ] || usage
    shift 2
  done
  restart_wanted "$_dc_code" "$_dc_sig" || exit 1
  start_allowed || exit 1
  exit 0
}

# ---- supervise ---------------------------------------------------------------------------------------
# `psl-run supervise` runs PROGRAM as its child and applies the restart policy after each exit. It keeps
# its own pid in $PSL_STATE/pid and the child's in $PSL_STATE/mainpid ($MAINPID for ExecReload=). A stop
# request (SIGTERM or SIGINT from whatever started it) becomes systemd's stop: the --on-stop program
# (ExecStop=, with $MAINPID), then the stop signal to the child, SIGCONT, and SIGKILL when the child
# outlives the stop timeout. After every exit of the child it runs the --on-exit program (ExecStopPost=,
# with $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS) before the restart decision; after a clean exit
# nobody asked for, the --on-stop program runs first, without $MAINPID (systemd runs ExecStop= then too,
# but not after a failure). Each of the two is killed when it outlives the stop timeout. After a final
# exit (the policy says no restart) it runs the --on-final command and then exits with the child's status,
# or with `--final mirror` ends as the child did (killed by the same signal, for a supervisor that tells
# the two apart), or with `--final hold` idles until it is stopped (for supervisors that would restart
# it); $PSL_STATE/result then holds systemd's Result=.

PSL_STOP_SIGNAL=TERM
PSL_STOP_TIMEOUT=90
PSL_FINAL="exit"
PSL_ON_FINAL=
PSL_ON_STOP=
PSL_ON_EXIT=
_sv_child=
_sv_stop=
_sv_killer=
_sv_sleep=
_sv_hooking=
_sv_stopped=

supervise_option() { # returns 0 when it consumed $1 and $2
  case $1 in
    --stop-signal) PSL_STOP_SIGNAL=${2#SIG} ;;
    --stop-timeout) PSL_STOP_TIMEOUT=$2 ;;
    --final) case $2 in exit | mirror | hold) PSL_FINAL=$2 ;; *) die "invalid --final $2" ;; esac ;;
    --on-final) PSL_ON_FINAL=$2 ;;
    --on-stop) PSL_ON_STOP=$2 ;;
    --on-exit) PSL_ON_EXIT=$2 ;;
    *) return 1 ;;
  esac
}

sv_exit() { # STATUS
  rm -f "$PSL_STATE/pid" "$PSL_STATE/mainpid"
  [ -n "$_sv_sleep" ] && kill "$_sv_sleep" 2>/dev/null
  exit "$1"
}

# sv_hook PROGRAM [NAME=VALUE...]: runs PROGRAM with these variables added and waits for it, killing it
# when it outlives the stop timeout. A stop request meanwhile is only recorded (sv_stop acts on it after).
sv_hook() {
  _h_prog=$1
  shift
  _sv_hooking=yes
  (
    for _h_a in "$@"; do export "${_h_a%%=*}=${_h_a#*=}"; done
    exec "$_h_prog"
  ) </dev/null &
  _h_pid=$!
  _h_killer=
  if [ "$PSL_STOP_TIMEOUT" != infinity ]; then
    (
      _hk=
      trap '[ -n "$_hk" ] && kill "$_hk" 2>/dev/null; exit 0' TERM
      sleep "$PSL_STOP_TIMEOUT" &
      _hk=$!
      wait "$_hk" && kill -s KILL "$_h_pid"
    ) >/dev/null 2>&1 &
    _h_killer=$!
  fi
  while :; do
    wait "$_h_pid"
    _h_status=$?
    kill -0 "$_h_pid" 2>/dev/null || break
  done
  [ -n "$_h_killer" ] && kill "$_h_killer" 2>/dev/null
  case $_h_status in
    0) ;;
    137) note "$_h_prog was killed (stop timeout)" ;;
    *) note "$_h_prog failed ($_h_status)" ;;
  esac
  _sv_hooking=
}

# The stop request: the --on-stop program, the stop signal to the child, then SIGKILL after the timeout.
sv_stop() {
  _sv_stop=yes
  [ -n "$_sv_hooking" ] && return 0
  [ -n "$_sv_child" ] || sv_exit 0
  if [ -n "$PSL_ON_STOP" ] && [ -z "$_sv_stopped" ]; then
    _sv_stopped=yes
    sv_hook "$PSL_ON_STOP" "MAINPID=$_sv_child"
    [ -n "$_sv_child" ] || return 0
  fi
  kill -s "$PSL_STOP_SIGNAL" "$_sv_child" 2>/dev/null
  kill -s CONT "$_sv_child" 2>/dev/null
  if [ "$PSL_STOP_TIMEOUT" != infinity ] && [ -z "$_sv_killer" ]; then
    (
      # Set before the trap: a stop request may come before the sleep has started (set -u).
      _k=
      trap '[ -n "$_k" ] && kill "$_k" 2>/dev/null; exit 0' TERM
      sleep "$PSL_STOP_TIMEOUT" &
      _k=$!
      wait "$_k" && kill -s KILL "$_sv_child" 2>/dev/null
    ) &
    _sv_killer=$!
  fi
}

# Sleeps SEC, waking for a stop request.
sv_sleep() {
  sleep "$1" &
  _sv_sleep=$!
  wait "$_sv_sleep" || :
  _sv_sleep=
}

sv_final() { # STATUS RESULT
  : >"$PSL_STATE/final"
  printf '%s\n' "$2" >"$PSL_STATE/result"
  rm -f "$PSL_STATE/mainpid"
  if [ -n "$PSL_ON_FINAL" ]; then "$_x_sh" -c "$PSL_ON_FINAL" || note "--on-final failed"; fi
  if [ "$PSL_FINAL" = hold ]; then
    while :; do
      sv_sleep 3600
      [ -n "$_sv_stop" ] && sv_exit 0
    done
  fi
  if [ "$PSL_FINAL" = mirror ] && [ "$1" -gt 128 ]; then
    rm -f "$PSL_STATE/pid"
    trap - TERM INT HUP
    kill -s "$(signame $(($1 - 128)) | sed 's/^SIG//')" "$$" 2>/dev/null || kill "-$(($1 - 128))" "$$"
  fi
  sv_exit "$1"
}

cmd_supervise() {
  _sv_exec=
  while [ $# -gt 0 ]; do
    if policy_option "$1" "${2-}" || supervise_option "$1" "${2-}"; then shift 2; continue; fi
    [ "$1" = --name ] && PSL_NAME=$2
    [ "$1" = -- ] && break
    _sv_exec="$_sv_exec $(q "$1")"
    shift
  done
  _x_sh=$(command -v sh) || die "no sh"
  trap sv_stop TERM INT
  trap '[ -n "$_sv_child" ] && kill -s HUP "$_sv_child" 2>/dev/null' HUP
  [ -n "$PSL_STATE" ] || PSL_STATE=/run/psl/$PSL_NAME
  mkdir -p "$PSL_STATE" || die "cannot create $PSL_STATE"
  rm -f "$PSL_STATE/final" "$PSL_STATE/result"
  printf '%s\n' "$$" >"$PSL_STATE/pid"
  start_allowed || :
  # sh starts background jobs with SIGINT and SIGQUIT ignored, and a program would inherit that (a
  # KillSignal=SIGINT would be lost): GNU env resets them; without it, say so.
  _sv_reset=
  if env --default-signal=INT,QUIT true 2>/dev/null; then _sv_reset='env --default-signal=INT,QUIT'; else
    note "no env --default-signal: the service starts with SIGINT and SIGQUIT ignored"; fi
  while :; do
    eval "$_sv_reset \"\$0\" exec $_sv_exec \"\$@\" &"
    _sv_child=$!
    printf '%s\n' "$_sv_child" >"$PSL_STATE/mainpid"
    while :; do
      wait "$_sv_child"
      _sv_status=$?
      kill -0 "$_sv_child" 2>/dev/null || break
    done
    _sv_child=
    rm -f "$PSL_STATE/mainpid"
    if [ -n "$_sv_killer" ]; then
      kill "$_sv_killer" 2>/dev/null
      _sv_killer=
    fi
    if [ "$_sv_status" -gt 128 ]; then
      _sv_code=
      _sv_sig=$(signame $((_sv_status - 128)))
      _sv_how="EXIT_CODE=killed EXIT_STATUS=${_sv_sig#SIG}"
    else
      _sv_code=$_sv_status
      _sv_sig=
      _sv_how="EXIT_CODE=exited EXIT_STATUS=$_sv_status"
    fi
    if restart_wanted "$_sv_code" "$_sv_sig"; then _sv_again=yes; else _sv_again=; fi
    _sv_result=exit-code
    [ -n "$_sv_sig" ] && _sv_result=signal
    [ "$_w_clean" = yes ] && _sv_result=success
    # Stopped on request: killed by the stop signal is a clean end, as in systemd.
    [ -n "$_sv_stop" ] && [ "$_sv_sig" = "SIG$PSL_STOP_SIGNAL" ] && _sv_result=success
    # ExecStop= also runs after a clean exit of its own (without $MAINPID), not after a failure.
    if [ -n "$PSL_ON_STOP" ] && [ -z "$_sv_stopped" ] && [ "$_sv_result" = success ]; then
      sv_hook "$PSL_ON_STOP"
    fi
    # shellcheck disable=SC2086 # _sv_how holds two NAME=VALUE words
    [ -n "$PSL_ON_EXIT" ] && sv_hook "$PSL_ON_EXIT" "SERVICE_RESULT=$_sv_result" $_sv_how
    _sv_stopped=
    [ -n "$_sv_stop" ] && sv_exit 0
    [ -n "$_sv_again" ] || sv_final "$_sv_status" "$_sv_result"
    sv_sleep "$PSL_DELAY"
    [ -n "$_sv_stop" ] && sv_exit 0
    start_allowed || sv_final "$_sv_status" start-limit-hit
  done
}

# ---- control (targets without a service manager: busybox init) ------------------------------------
# `psl-run control ACTION` starts, stops and reports one service whose long-running PROGRAM is
# `psl-run supervise …` (which records its pid) and whose oneshot PROGRAM runs the commands and returns.
# status answers with LSB codes: 0 running (or a oneshot with RemainAfterExit= that ran), 1 failed, 3 not
# running.

ctl_running() {
  _c_pid=$(cat "$PSL_STATE/pid" 2>/dev/null) && [ -n "$_c_pid" ] && kill -0 "$_c_pid" 2>/dev/null
}

ctl_start() {
  if [ -n "$_c_oneshot" ]; then
    [ -n "$_c_remain" ] && [ -e "$PSL_STATE/done" ] && return 0
    rm -f "$PSL_STATE/result"
    "$_c_start" </dev/null || { echo exit-code >"$PSL_STATE/result"; return 1; }
    [ -n "$_c_remain" ] && : >"$PSL_STATE/done"
    return 0
  fi
  ctl_running && return 0
  rm -f "$PSL_STATE/pid"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$_c_start" </dev/null >/dev/null 2>&1 &
  else
    "$_c_start" </dev/null >/dev/null 2>&1 &
  fi
  _c_i=0
  until ctl_running; do
    _c_i=$((_c_i + 1))
    [ "$_c_i" -gt 100 ] && { note "did not start"; return 1; }
    sleep 0.1
  done
}

ctl_stop() {
  rm -f "$PSL_STATE/done" "$PSL_STATE/result"
  ctl_running || return 0
  kill -s TERM "$_c_pid" 2>/dev/null
  _c_i=0
  while kill -0 "$_c_pid" 2>/dev/null; do
    _c_i=$((_c_i + 1))
    [ "$_c_i" -gt "$_c_wait" ] && { note "did not stop"; return 1; }
    sleep 0.1
  done
}

cmd_control() {
  _c_action=${1-}
  [ $# -gt 0 ] && shift
  _c_start=
  _c_reload=
  _c_oneshot=
  _c_remain=
  _c_wait=1000
  while [ $# -gt 0 ]; do
    case $1 in
      --oneshot) _c_oneshot=yes; shift; continue ;;
      --remain) _c_remain=yes; shift; continue ;;
      --name) PSL_NAME=$2 ;;
      --state) PSL_STATE=$2 ;;
      --start) _c_start=$2 ;;
      --reload) _c_reload=$2 ;;
      # ExecStop= and then the process each get the stop timeout.
      --stop-timeout) [ "$2" = infinity ] || _c_wait=$(((${2%.*} * 2 + 10) * 10)) ;;
      *) usage ;;
    esac
    [ $# -ge 2 ] || usage
    shift 2
  done
  [ -n "$_c_start" ] || usage
  [ -n "$PSL_STATE" ] || PSL_STATE=/run/psl/$PSL_NAME
  mkdir -p "$PSL_STATE" || die "cannot create $PSL_STATE"
  case $_c_action in
    start) ctl_start ;;
    stop) ctl_stop ;;
    restart) ctl_stop && ctl_start ;;
    reload)
      [ -n "$_c_reload" ] || { note "reload is not supported"; exit 3; }
      ctl_running || { note "not running"; exit 7; }
      exec "$_c_reload"
      ;;
    status)
      if ctl_running || { [ -n "$_c_remain" ] && [ -e "$PSL_STATE/done" ]; }; then
        echo "$PSL_NAME is running"
        exit 0
      fi
      case $(cat "$PSL_STATE/result" 2>/dev/null) in
        '' | success) echo "$PSL_NAME is not running"; exit 3 ;;
        *) echo "$PSL_NAME has failed"; exit 1 ;;
      esac
      ;;
    *) usage ;;
  esac
}

# ---- timer -----------------------------------------------------------------------------------------

field_matches() { # VALUE FIELD (cron syntax: * a a-b a,b */n a-b/n)
  _f_v=$1
  _f_old_ifs=$IFS
  IFS=,
  for _f_part in $2; do
    IFS=$_f_old_ifs
    _f_step=1
    case $_f_part in */*) _f_step=${_f_part#*/} _f_part=${_f_part%/*} ;; esac
    case $_f_part in
      '*') _f_lo=0 _f_hi=99 ;;
      *-*) _f_lo=${_f_part%-*} _f_hi=${_f_part#*-} ;;
      *) _f_lo=$_f_part _f_hi=$_f_part ;;
    esac
    if [ "$_f_v" -ge "$_f_lo" ] && [ "$_f_v" -le "$_f_hi" ] && [ $(((_f_v - _f_lo) % _f_step)) = 0 ]; then
      IFS=$_f_old_ifs
      return 0
    fi
  done
  IFS=$_f_old_ifs
  return 1
}

calendar_due() { # "MIN HOUR DOM MON DOW"
  # shellcheck disable=SC2046,SC2086 # fields, split on purpose (pathname expansion is off)
  set -- $1 $(date '+%M %H %d %m %w')
  field_matches "${6#0}" "$1" && field_matches "${7#0}" "$2" && field_matches "${8#0}" "$3" &&
    field_matches "${9#0}" "$4" && field_matches "${10}" "$5"
}

cmd_timer() {
  _t_cal=
  _t_boot=
  _t_every=
  _t_after=
  _t_rand=0
  while [ $# -gt 0 ]; do
    case $1 in
      --) shift; break ;;
      --name) PSL_NAME=$2 ;;
      --calendar) _t_cal="$_t_cal $(q "$2")" ;;
      --boot-delay) _t_boot=$2 ;;
      --every) _t_every=$2 ;;
      --after-finish) _t_after=$2 ;;
      --random-delay) _t_rand=$2 ;;
      *) usage ;;
    esac
    [ $# -ge 2 ] || usage
    shift 2
  done
  [ $# -gt 0 ] || usage
  _t_sl=
  trap '[ -n "$_t_sl" ] && kill "$_t_sl" 2>/dev/null; exit 0' TERM INT
  _t_next=
  [ -n "$_t_boot" ] && _t_next=$(($(date +%s) + ${_t_boot%.*}))
  while :; do
    _t_now=$(date +%s)
    _t_due=
    [ -n "$_t_next" ] && [ "$_t_now" -ge "$_t_next" ] && _t_due=yes
    if [ -z "$_t_due" ] && [ -n "$_t_cal" ]; then
      eval "set -- $_t_cal -- \"\$@\""
      while [ "$1" != -- ]; do
        calendar_due "$1" && _t_due=yes
        shift
      done
      shift
    fi
    if [ -n "$_t_due" ]; then
      if [ "$_t_rand" != 0 ]; then
        sleep "$(awk -v m="${_t_rand%.*}" 'BEGIN { srand(); print int(rand() * (m + 1)) }')"
      fi
      _t_start=$(date +%s)
      "$@" || note "the timer's job exited with status $?"
      _t_next=
      [ -n "$_t_every" ] && _t_next=$((_t_start + ${_t_every%.*}))
      [ -n "$_t_after" ] && _t_next=$(($(date +%s) + ${_t_after%.*}))
    fi
    # Wake at the next minute boundary (calendar) or at the next due time, whichever is first.
    _t_sleep=$((60 - $(date +%S | sed 's/^0//')))
    if [ -n "$_t_next" ]; then
      _t_left=$((_t_next - $(date +%s)))
      [ "$_t_left" -lt "$_t_sleep" ] && _t_sleep=$_t_left
    fi
    [ "$_t_sleep" -lt 1 ] && _t_sleep=1
    sleep "$_t_sleep" &
    _t_sl=$!
    wait "$_t_sl" || :
    _t_sl=
  done
}

# ---- forking daemons and placeholders ----------------------------------------------------------------

cmd_follow() {
  _fo_pidfile=
  _fo_exec=
  while [ $# -gt 0 ]; do
    case $1 in
      --pidfile) _fo_pidfile=$2; shift 2; continue ;;
      --name) PSL_NAME=$2 ;;
      --) break ;;
    esac
    _fo_exec="$_fo_exec $(q "$1")"
    shift
  done
  [ -n "$_fo_pidfile" ] || die "follow needs --pidfile"
  rm -f "$_fo_pidfile"
  eval "\"\$0\" exec $_fo_exec \"\$@\"" || exit $?
  _fo_i=0
  while [ ! -s "$_fo_pidfile" ]; do
    _fo_i=$((_fo_i + 1))
    [ "$_fo_i" -gt 90 ] && die "the daemon wrote no pid to $_fo_pidfile"
    sleep 1
  done
  _fo_pid=$(cat "$_fo_pidfile")
  trap 'kill -TERM "$_fo_pid" 2>/dev/null' TERM INT
  trap 'kill -HUP "$_fo_pid" 2>/dev/null' HUP
  while kill -0 "$_fo_pid" 2>/dev/null; do
    sleep 1 &
    wait $! || :
  done
  exit 0
}

# The sleep is killed on the way out: left behind, it would hold the service's log pipe open (s6-log, svlogd
# and multilog only end at its EOF, and s6-svunlink waits for them).
cmd_pause() {
  _p_sleep=
  trap '[ -n "$_p_sleep" ] && kill "$_p_sleep" 2>/dev/null; exit 0' TERM INT HUP
  while :; do
    sleep 3600 &
    _p_sleep=$!
    wait "$_p_sleep" || :
  done
}

case ${1-} in
  exec) shift; cmd_exec "$@" ;;
  check) shift; cmd_check "$@" ;;
  supervise) shift; cmd_supervise "$@" ;;
  control) shift; cmd_control "$@" ;;
  decide) shift; cmd_decide "$@" ;;
  timer) shift; cmd_timer "$@" ;;
  follow) shift; cmd_follow "$@" ;;
  pause) cmd_pause ;;
  -h | --help | '') usage ;;
  *) cmd_exec "$@" ;;
esac
