#!/usr/bin/python3
# psl's compliance probe: a service that records what it was given and what happened to it, so the
# harness can compare inits. It runs on the targets (which have python3 but no Node), as any user.
#
# Usage: probe.py --psl-name NAME [--psl-listen PORT] [--psl-exit-after SEC] [--psl-exit-code N]
#                 [--psl-ignore-term] [--psl-notify] [--psl-ready-delay SEC] [any other arguments]
# Facts go to /psl-shared/NAME/: start-<pid>.json (argv and environment as hex bytes, uid, gid, groups,
# cwd, umask, limits, pid, ppid, time, and whether the process $MAINPID names is alive) and events.jsonl (one JSON object per line: start, ready, signal,
# reload, exit). SIGHUP counts as a reload; SIGTERM, SIGINT and SIGQUIT end the probe (exit 0) unless
# --psl-ignore-term is given, in which case they are only recorded.
import json
import grp
import os
import pwd
import resource
import signal
import socket
import sys
import time

SHARED = os.environ.get("PSL_PROBE_DIR", "/psl-shared")
argv_bytes = [os.fsencode(a) for a in sys.argv]


def option(name, default=None):
    args = sys.argv[1:]
    for i, a in enumerate(args):
        if a == name and i + 1 < len(args):
            return args[i + 1]
    return default


name = option("--psl-name", "probe")
directory = os.path.join(SHARED, name)
old = os.umask(0)
try:
    os.makedirs(directory, mode=0o1777, exist_ok=True)
finally:
    os.umask(old)
umask = old


def event(kind, **fields):
    fields.update({"event": kind, "pid": os.getpid(), "time": time.time()})
    line = json.dumps(fields) + "\n"
    fd = os.open(os.path.join(directory, "events.jsonl"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def name_of(lookup, number):
    try:
        return lookup(number)[0]
    except KeyError:
        return str(number)


def mainpid_alive():
    """Whether $MAINPID names a live process (None without $MAINPID): what an ExecStop= command sees."""
    pid = os.environ.get("MAINPID", "")
    if not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def limit(which):
    soft, hard = resource.getrlimit(which)
    return [soft, hard]


facts = {
    "pid": os.getpid(),
    "ppid": os.getppid(),
    "time": time.time(),
    "argv": [a.hex() for a in argv_bytes],
    "env": {k.hex(): v.hex() for k, v in os.environb.items()},
    "uid": os.getuid(),
    "euid": os.geteuid(),
    "gid": os.getgid(),
    "egid": os.getegid(),
    "groups": sorted(os.getgroups()),
    "user": name_of(pwd.getpwuid, os.getuid()),
    "group": name_of(grp.getgrgid, os.getgid()),
    "groupNames": sorted(name_of(grp.getgrgid, g) for g in set(os.getgroups())),
    "cwd": os.getcwd(),
    "umask": "%04o" % umask,
    "mainpidAlive": mainpid_alive(),
    "limits": {"nofile": limit(resource.RLIMIT_NOFILE), "nproc": limit(resource.RLIMIT_NPROC),
               "core": limit(resource.RLIMIT_CORE)},
}
path = os.path.join(directory, "start-%d.json" % os.getpid())
with open(path + ".tmp", "w") as f:
    json.dump(facts, f)
os.rename(path + ".tmp", path)
os.chmod(path, 0o644)
event("start")

ignore_term = "--psl-ignore-term" in sys.argv


def on_signal(signum, _frame):
    sig = signal.Signals(signum).name
    if signum == signal.SIGHUP:
        event("reload", signal=sig)
        return
    event("signal", signal=sig)
    if not ignore_term:
        event("exit", code=0)
        os._exit(0)


for s in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
    signal.signal(s, on_signal)

time.sleep(float(option("--psl-ready-delay", "0")))
listener = None
port = option("--psl-listen")
if port is not None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", int(port)))
    listener.listen(16)
if "--psl-notify" in sys.argv and os.environ.get("NOTIFY_SOCKET"):
    addr = os.environ["NOTIFY_SOCKET"]
    if addr.startswith("@"):
        addr = "\0" + addr[1:]
    n = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    n.connect(addr)
    n.sendall(b"READY=1")
    n.close()
event("ready")

exit_after = option("--psl-exit-after")
deadline = None if exit_after is None else time.time() + float(exit_after)
while deadline is None or time.time() < deadline:
    if listener is not None:
        listener.settimeout(0.5 if deadline is None else max(0.01, min(0.5, deadline - time.time())))
        try:
            conn, _ = listener.accept()
            conn.close()
        except (socket.timeout, InterruptedError):
            pass
    else:
        time.sleep(0.5 if deadline is None else max(0.0, min(0.5, deadline - time.time())))
code = int(option("--psl-exit-code", "0"))
event("exit", code=code)
sys.exit(code)
