/**
 * Capability rows for how a service runs: its type, commands, exec-line prefixes, lifecycle hooks, the
 * process environment and identity. "psl-run" is psl's runtime helper (see `runtime/psl-run.ts`); a cell
 * that names it means the generator puts psl-run in front of the command for that target.
 */
import { row, rows } from "./row.js";
import { type CapabilityRow, dropped, emulated, native } from "./types.js";

const SIMPLE_LIKE = emulated("started like Type=simple");
const FOREGROUND = native("the target runs the process in the foreground and supervises it");

export const PROCESS_ROWS: readonly CapabilityRow[] = [
  row("process.type=simple", {
    sysvinit: native("start-stop-daemon --background; psl-run writes the pid file"),
    busybox: native(
      "an inittab `once` line runs it under psl-run supervise; `<libexec>/<name>/control` starts, stops and reports it",
    ),
    rest: FOREGROUND,
  }),
  row("process.type=exec", { rest: SIMPLE_LIKE }),
  row("process.type=idle", { rest: SIMPLE_LIKE }),
  row("process.type=dbus", {
    rest: dropped("behaviour", "no D-Bus name tracking: the service is ready as soon as it runs"),
  }),
  ...rows(["process.type=notify", "process.type=notify-reload"], {
    rest: dropped(
      "behaviour",
      "sd_notify is not spoken: readiness is not awaited and NOTIFY_SOCKET is not set",
      "started like Type=exec",
    ),
  }),
  row("process.type=forking", {
    sysvinit: native("start-stop-daemon without --background, tracking PIDFile="),
    openrc: native("start-stop-daemon with pidfile= (no supervisor)"),
    dinit: native("type = bgprocess with pid-file"),
    "freebsd-rc": native("rc.subr runs the command and tracks pidfile="),
    rest: emulated("psl-run follows the daemon through PIDFile= and polls it every second (needs PIDFile=)"),
  }),
  row("process.type=oneshot", {
    sysvinit: emulated("`start` runs the commands and records completion in /run/psl"),
    openrc: emulated(
      "start() runs the commands, then marks the service stopped (mark_service_stopped) once OpenRC recorded the start",
    ),
    "s6-rc": native("a oneshot with `up` (and `down` for ExecStop=)"),
    dinit: native("type = scripted"),
    launchd: native("RunAtLoad without KeepAlive"),
    "freebsd-rc": native("start_cmd runs the commands"),
    busybox: native("an inittab `wait` line at boot; `control start` runs it again"),
    supervisord: emulated("autorestart=false, startsecs=0"),
    daemontools: emulated(
      "`run` runs the commands, then has supervise take the service down (svc -d) and waits for that",
    ),
    supervisors: emulated("`run` runs the commands, then `finish` keeps the service down"),
  }),
  row("process.start", { rest: native("the command line in the target's own quoting") }),
  row("process.pidFile", {
    sysvinit: native(),
    openrc: native(),
    dinit: native(),
    "freebsd-rc": native(),
    rest: emulated("psl-run reads it to follow a forking daemon"),
  }),
  row("process.remainAfterExit", {
    openrc: native(),
    "s6-rc": native("a oneshot stays up"),
    dinit: native("a scripted service stays started"),
    sysvinit: emulated("`status` reports the recorded completion"),
    "freebsd-rc": emulated("`status` reports the recorded completion"),
    launchd: dropped("benign", "launchd keeps no state for a finished job"),
    busybox: emulated("`control status` reports the completion psl-run recorded"),
    rest: emulated("after the commands, psl-run idles so the service shows as up"),
  }),
  row("process.guessMainPid", { rest: dropped("benign", "only systemd guesses main PIDs") }),
  row("process.workingDirectory", {
    openrc: native("supervise-daemon --chdir"),
    supervisord: native("directory="),
    dinit: native("working-dir ="),
    launchd: native("WorkingDirectory"),
    rest: emulated("psl-run --chdir (also `~` and the `-` prefix)"),
  }),
  row("process.environment", {
    supervisord: native("environment= (the supervisor's own environment is inherited too)"),
    launchd: native("EnvironmentVariables"),
    rest: emulated("psl-run starts from systemd's clean environment and sets these"),
  }),
  row("process.environmentFiles", {
    rest: emulated("psl-run reads the file at each start with systemd's syntax; it is never copied"),
  }),
  row("process.passEnvironment", { rest: emulated("psl-run passes these from the manager's environment") }),
  row("process.unsetEnvironment", { rest: emulated("psl-run removes these") }),
  row("process.path", {
    supervisord: native("environment=PATH=…"),
    launchd: native("EnvironmentVariables PATH"),
    rest: emulated("psl-run sets PATH (after store paths are mapped)"),
  }),
  row("process.umask", {
    openrc: native("supervise-daemon --umask"),
    supervisord: native("umask="),
    launchd: native("Umask"),
    rest: emulated("psl-run --umask"),
  }),
  row("process.nice", {
    dinit: native("nice ="),
    launchd: native("Nice"),
    rest: emulated("psl-run --nice (absolute, like systemd)"),
  }),
  row("process.oomScoreAdjust", {
    dinit: native("oom-score-adj ="),
    linux: emulated("psl-run writes /proc/self/oom_score_adj"),
    rest: dropped("behaviour", "the OOM score is Linux-only"),
  }),
  row("process.successExitStatus", {
    supervisord: native("exitcodes="),
    launchd: dropped("behaviour", "KeepAlive knows only exit status 0 as success"),
    dinit: dropped("behaviour", "dinit treats only exit status 0 as success"),
    rest: emulated("psl-run's restart decision treats these as success"),
  }),
  row("process.runtimeMaxSec", { rest: dropped("behaviour", "the process is not stopped after this long") }),
];

export const COMMAND_ROWS: readonly CapabilityRow[] = [
  row("commands.ignoreFailure", {
    rest: emulated("the step's failure is ignored (psl-run --ignore-failure)"),
  }),
  row("commands.privileged", {
    rest: emulated("psl-run runs this command as root, without the user switch"),
  }),
  row("commands.expandEnvironment", { rest: native("the arguments are passed literally") }),
  row("commands.argv0", { rest: dropped("benign", "the program sees its path as argv[0]") }),
  row("commands.viaShell", {
    rest: dropped("behaviour", "the command runs directly, not through the user's login shell"),
  }),
  row("commands.script", {
    systemd: emulated("the script is written to /usr/lib/psl/<service>/ and run with bash"),
    rest: emulated("the script is written next to the service's files and run with bash"),
  }),
  row("commands.environmentExpansion", {
    rest: emulated("psl-run expands $VAR, ${VAR} and $$ with systemd's rules, after the environment is set"),
  }),
];

const RUN_SCRIPT_FIRST = emulated("the run script runs them before it execs the main process");
const LAUNCHER_FIRST = emulated("a launcher script psl writes runs them before the main process");

export const LIFECYCLE_ROWS: readonly CapabilityRow[] = [
  row("lifecycle.condition", {
    rest: emulated("run before the start; exit 1–254 skips the start like systemd"),
  }),
  row("lifecycle.startPre", {
    openrc: native("start_pre()"),
    "freebsd-rc": native("start_precmd"),
    sysvinit: emulated("`start` runs them before start-stop-daemon"),
    supervisors: RUN_SCRIPT_FIRST,
    "s6-rc": RUN_SCRIPT_FIRST,
    rest: LAUNCHER_FIRST,
  }),
  row("lifecycle.startPost", {
    openrc: native("start_post()"),
    "freebsd-rc": native("start_postcmd"),
    sysvinit: emulated("`start` runs them after start-stop-daemon"),
    rest: emulated("started in the background just before the main process is exec'd"),
  }),
  row("lifecycle.reload", {
    sysvinit: native("the `reload` action"),
    openrc: native("reload() in extra_started_commands"),
    "freebsd-rc": native("extra_commands=reload"),
    runit: emulated("control/h runs them on `sv reload`"),
    busybox: emulated("`control reload` runs psl's reload script with $MAINPID from psl-run's record"),
    rest: emulated("psl installs a reload script that runs them with $MAINPID from the target's status"),
  }),
  row("lifecycle.stop", {
    sysvinit: native("`stop` runs them before start-stop-daemon --stop"),
    openrc: native("stop_pre()"),
    "freebsd-rc": native("stop_precmd"),
    runit: emulated(
      "control/t runs them before runsv signals the process (on `sv down`, and on `sv restart` too)",
    ),
    dinit: emulated("stop-command; dinit then does not signal the process itself"),
    busybox: emulated(
      "psl-run supervise runs them with $MAINPID before it sends KillSignal= (and after a clean exit of the process, without $MAINPID); not for a oneshot",
    ),
    daemontools: emulated(
      "the process runs under psl-run supervise, which runs them with $MAINPID when svc -d asks it to stop, before KillSignal= (and after a clean exit, without $MAINPID); not for a oneshot",
    ),
    supervisord: emulated(
      "the program is psl-run supervise, which runs them with $MAINPID when supervisord asks it to stop, before KillSignal= (and after a clean exit, without $MAINPID)",
    ),
    s6: emulated(
      "the process runs under psl-run supervise, which runs them with $MAINPID when s6-svc -d asks it to stop, before KillSignal= (and after a clean exit, without $MAINPID)",
    ),
    "s6-rc": emulated(
      "a longrun's process runs under psl-run supervise, which runs them with $MAINPID before KillSignal= (and after a clean exit, without $MAINPID); a oneshot's `down` runs them",
    ),
    launchd: dropped("behaviour", "launchd only signals the job: the process only gets SIGTERM"),
    rest: dropped("behaviour", "the target has no stop hook: the process only gets the stop signal"),
  }),
  row("lifecycle.stopPost", {
    openrc: native("stop_post()"),
    "freebsd-rc": native("stop_postcmd"),
    sysvinit: emulated("`stop` runs them after the process is gone"),
    supervisors: emulated("`finish` runs them after every exit, as systemd does"),
    "s6-rc": emulated("`finish` runs them after every exit, as systemd does"),
    busybox: emulated(
      "psl-run supervise runs them after every exit of the process, with $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS; not for a oneshot",
    ),
    daemontools: emulated(
      "daemontools 0.76 runs no `finish`: the process runs under psl-run supervise, which runs them after every exit, with $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS; not for a oneshot",
    ),
    supervisord: emulated(
      "the program is psl-run supervise, which runs them after every exit of the process, with $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS",
    ),
    rest: dropped("behaviour", "the target has no hook after the process exits"),
  }),
];

export const IDENTITY_ROWS: readonly CapabilityRow[] = [
  row("identity.user", {
    openrc: native("supervise-daemon --user"),
    supervisord: native("user="),
    dinit: native("run-as ="),
    launchd: native("UserName"),
    "freebsd-rc": native("daemon(8) -u"),
    rest: emulated("psl-run switches user with setpriv; it refuses to run as root when the switch fails"),
  }),
  row("identity.group", {
    openrc: native("supervise-daemon --user user:group"),
    launchd: native("GroupName"),
    "freebsd-rc": dropped("behaviour", "daemon(8) -u uses the user's login group"),
    rest: emulated("psl-run switches group with setpriv"),
  }),
  row("identity.supplementaryGroups", {
    launchd: emulated("install.sh makes the user a member of these groups; InitGroups picks them up"),
    "freebsd-rc": emulated("install.sh makes the user a member of these groups; daemon(8) picks them up"),
    rest: emulated("psl-run sets them with setpriv --groups, with the user's own groups"),
  }),
  row("identity.dynamicUser", {
    rest: dropped(
      "security",
      "no transient user, and none of the protections DynamicUser= implies (ProtectSystem=strict, ProtectHome=read-only, PrivateTmp=, RemoveIPC=, NoNewPrivileges=, RestrictSUIDSGID=)",
      "install.sh creates a static system user named after the service (or User=)",
    ),
  }),
  row("identity.pamName", { rest: dropped("behaviour", "no PAM session is opened") }),
];
