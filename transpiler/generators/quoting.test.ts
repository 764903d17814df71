/**
 * Property tests: adversarial strings (quotes, `$`, backticks, `%`, newlines, tabs, backslashes, `;`, `#`,
 * non-ASCII, leading dashes) in argv, environment values, the working directory and the description come
 * out exactly, for every target, read back with the target's own rules: the unit-file frontend for
 * systemd; the real sh for every shell file (run with stub tools that record what psl-run receives);
 * supervisord's own parser; Python's plistlib; dinit's tokenizer as dinit-service(5) and load-service.h
 * define it. When a format cannot hold a value, the generator must say so (PSL6005) or route the value
 * through a shell file instead — never write something else.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../diagnostics/index.js";
import { readUnitFiles } from "../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../spec/schema.js";
import { parseDinitCommand } from "./dinit/quote.js";
import { GENERATORS } from "./index.js";
import type { GeneratedFile, TargetName } from "./types.js";

const hasSh = spawnSync("sh", ["-c", "exit 0"]).status === 0;
const SYSTEM_PYTHON = "/usr/bin/python3";
const hasSupervisor =
  existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ["-c", "import supervisor.options"]).status === 0;
const PYTHON = existsSync(SYSTEM_PYTHON) ? SYSTEM_PYTHON : "python3";
const hasPython = spawnSync(PYTHON, ["-c", "import plistlib"]).status === 0;

const PIECES = [
  "a",
  "Z",
  "0",
  " ",
  "  ",
  "\t",
  "\n",
  "'",
  '"',
  "`",
  "$",
  "${X}",
  "$$",
  "$(id)",
  "%",
  "%n",
  "%%",
  "\\",
  "\\n",
  ";",
  " ;",
  " #",
  "#",
  "*",
  "~",
  "=",
  "-",
  "--x",
  "é",
  "日本",
  "🙂",
  "{",
  "}",
  "&",
  "|",
  "<",
  ">",
  "!",
  ",",
  ":",
];
const word = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((a) => a.join(""));
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,5}$/);
const program = fc.constantFrom(
  "/usr/bin/prog",
  "/opt/with space/bin",
  '/opt/it\'s/"q"',
  "/opt/ünï/-x",
  "/opt/$d/%p",
);

const specArb = fc
  .record({
    program,
    args: fc.array(word, { maxLength: 5 }),
    env: fc.dictionary(envName, word, { maxKeys: 3 }),
    description: word.filter((d) => d.trim() !== ""),
    wd: word.map((w) => `/srv/${w}`),
  })
  .map(
    (r): ServiceSpec => ({
      name: "svc",
      description: r.description,
      process: {
        type: "simple",
        start: [{ argv: [r.program, ...r.args], expandEnvironment: false }],
        workingDirectory: { path: r.wd },
        ...(Object.keys(r.env).length > 0 ? { environment: r.env } : {}),
      },
      restart: { policy: "always" },
      dependencies: { wantedBy: ["multi-user.target"] },
    }),
  );

interface Seen {
  argv: string[];
  env: Record<string, string>;
  chdir?: string;
}

function writeTree(files: readonly GeneratedFile[]): string {
  const root = mkdtempSync(join(tmpdir(), "psl-quote-"));
  for (const f of files) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content, { mode: f.mode });
  }
  return root;
}

/** What psl-run was asked to do, from its argv. */
function decodeHelper(args: readonly string[]): Seen {
  const sep = args.indexOf("--");
  const opts = args.slice(0, sep);
  const env: Record<string, string> = {};
  let chdir: string | undefined;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i];
    const v = opts[i + 1] ?? "";
    if (o === "--setenv") {
      env[v.slice(0, v.indexOf("="))] = v.slice(v.indexOf("=") + 1);
      i++;
    } else if (o === "--chdir") {
      chdir = v;
      i++;
    }
  }
  return { argv: args.slice(sep + 1), env, ...(chdir !== undefined ? { chdir } : {}) };
}

const STUB = `#!/bin/sh
printf '%s\\0' "$@" >"$PSL_DUMP"
`;
/** start-stop-daemon and supervise-daemon stand-ins: run what follows the program, like the real ones. */
const SSD = `#!/bin/sh
while [ "$1" != --startas ]; do shift; done
prog=$2; shift 2; [ "$1" = -- ] && shift
exec "$prog" "$@"
`;
const SUPERVISE = `#!/bin/sh
for a in "$@"; do last=$a; [ "$a" = -- ] && break; prev=$a; done
while [ "$1" != -- ]; do shift; done; shift
exec "$prev" "$@"
`;
const DAEMON = `#!/bin/sh
while [ "$1" != -- ]; do shift; done; shift
exec "$@"
`;

/** Runs a generated shell file with psl-run (and the init's own tools) replaced by recorders. */
function runShell(
  files: readonly GeneratedFile[],
  entry: string,
  how: "exec" | "sysv" | "openrc" | "rcd",
): Seen {
  const root = writeTree(files);
  const bin = join(root, "stub-bin");
  mkdirSync(bin);
  const put = (name: string, text: string) => writeFileSync(join(bin, name), text, { mode: 0o755 });
  put("psl-run", STUB);
  put("start-stop-daemon", SSD);
  put("supervise-daemon", SUPERVISE);
  put("daemon", DAEMON);
  put("ebegin", "#!/bin/sh\n");
  put("eend", "#!/bin/sh\n");
  const dump = join(root, "dump");
  let script = files.find((f) => f.path === entry)?.content ?? "";
  script = script
    .replaceAll("/usr/local/libexec/psl/psl-run", join(bin, "psl-run"))
    .replaceAll("/usr/lib/psl/psl-run", join(bin, "psl-run"))
    .replaceAll("/usr/sbin/daemon", join(bin, "daemon"))
    .replaceAll(". /etc/rc.subr", "load_rc_config() { :; }; run_rc_command() { :; }")
    .replaceAll("/run/psl", join(root, "run"))
    .replaceAll("/var/run/", `${join(root, "run")}/`);
  const file = join(root, "entry.sh");
  writeFileSync(file, script, { mode: 0o755 });
  const args =
    how === "sysv"
      ? [file, "start"]
      : how === "openrc"
        ? ["-c", '. "$1"; start', "sh", file]
        : how === "rcd"
          ? ["-c", '. "$1"; svc_start', "sh", file]
          : [file];
  const r = spawnSync("sh", args, {
    cwd: root,
    env: { PATH: `${bin}:/usr/bin:/bin`, PSL_DUMP: dump, RC_SVCNAME: "svc" },
  });
  const out = spawnSync("cat", [dump], { encoding: "buffer" });
  if (out.status !== 0) throw new Error(`${entry} did not reach psl-run: ${r.stderr.toString()}`);
  return decodeHelper(out.stdout.toString("utf8").split("\0").slice(0, -1));
}

function expectCarried(spec: ServiceSpec, seen: Seen, nativeEnv?: Record<string, string>) {
  expect(seen.argv).toEqual(spec.process?.start?.[0]?.argv);
  expect({ ...seen.env, ...(nativeEnv ?? {}) }).toEqual(spec.process?.environment ?? {});
}

const render = (t: TargetName, spec: ServiceSpec) => GENERATORS[t].render([spec], { storeMode: "store" });
const RUNS = { numRuns: 30 };

describe("systemd: the unit-file frontend reads back what was written", () => {
  it("argv, environment, working directory and description round-trip, or PSL6005 says why not", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render("systemd", spec);
        const unit = r.files.find((f) => f.path.endsWith("/svc.service"));
        const back = readUnitFiles(
          { units: [{ path: "svc.service", name: "svc.service", text: unit?.content ?? "" }], dropins: [] },
          new SourceRegistry(),
        ).specs[0];
        const problems = r.diagnostics.filter((d) => d.code === "PSL6005");
        expect(back?.process?.start).toEqual(spec.process?.start);
        expect(back?.process?.environment).toEqual(spec.process?.environment);
        if (problems.length === 0) {
          expect(back?.description).toBe(spec.description);
          expect(back?.process?.workingDirectory).toEqual(spec.process?.workingDirectory);
        } else {
          const bad = (s: string | undefined) =>
            s !== undefined && (s.includes("\n") || s !== s.trim() || /\\$/.test(s));
          expect(bad(spec.description) || bad(spec.process?.workingDirectory?.path)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe.runIf(hasSh)("shell targets: the real sh reads back what was written", () => {
  const entries: [TargetName, string, "exec" | "sysv" | "openrc" | "rcd"][] = [
    ["runit", "rootfs/etc/sv/svc/run", "exec"],
    ["s6", "rootfs/etc/s6/sv/svc/run", "exec"],
    ["s6-rc", "rootfs/etc/s6-rc/source/svc/run", "exec"],
    ["daemontools", "rootfs/etc/sv/svc/run", "exec"],
    ["busybox", "rootfs/usr/lib/psl/svc/start", "exec"],
    ["sysvinit", "rootfs/etc/init.d/svc", "sysv"],
    ["openrc", "rootfs/etc/init.d/svc", "openrc"],
    ["freebsd-rc", "rootfs/usr/local/etc/rc.d/svc", "rcd"],
  ];
  it.each(entries)("%s", (target, entry, how) => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render(target, spec);
        const seen = runShell(r.files, entry, how);
        expectCarried(spec, seen);
        const wd = spec.process?.workingDirectory?.path;
        if (seen.chdir !== undefined) expect(seen.chdir).toBe(wd);
      }),
      { numRuns: 15 },
    );
  });
});

describe.runIf(hasSupervisor)("supervisord: its own parser reads back what was written", () => {
  it("argv and environment", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render("supervisord", spec);
        const root = writeTree(r.files);
        const conf = join(root, "supervisord.conf");
        writeFileSync(conf, `[supervisord]\n[include]\nfiles=${root}/rootfs/etc/supervisor/conf.d/*.conf\n`);
        const py = spawnSync(
          SYSTEM_PYTHON,
          [
            "-c",
            "import sys,json,shlex\nimport supervisor.options as so\no=so.ServerOptions()\no.configfile=sys.argv[1]\no.process_config(do_usage=False)\np=o.process_group_configs[0].process_configs[0]\nprint(json.dumps({'argv':shlex.split(p.command),'env':p.environment or {}}))",
            conf,
          ],
          { encoding: "utf8" },
        );
        expect(py.stderr).toBe("");
        const parsed = JSON.parse(py.stdout) as { argv: string[]; env: Record<string, string> };
        const seen =
          parsed.argv.length === 1
            ? runShell(r.files, `rootfs${parsed.argv[0]}`, "exec")
            : decodeHelper(parsed.argv.slice(1));
        expectCarried(spec, seen, parsed.env);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe.runIf(hasPython)("launchd: plistlib reads back what was written", () => {
  it("ProgramArguments and EnvironmentVariables", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render("launchd", spec);
        const root = writeTree(r.files);
        const py = spawnSync(
          PYTHON,
          [
            "-c",
            "import plistlib,sys,json\nd=plistlib.load(open(sys.argv[1],'rb'))\nprint(json.dumps({'argv':d['ProgramArguments'],'env':d.get('EnvironmentVariables',{}),'wd':d.get('WorkingDirectory'),'desc':None}))",
            join(root, "rootfs/Library/LaunchDaemons/psl.svc.plist"),
          ],
          { encoding: "utf8" },
        );
        expect(py.stderr).toBe("");
        const parsed = JSON.parse(py.stdout) as { argv: string[]; env: Record<string, string>; wd?: string };
        const viaHelper = parsed.argv[0]?.endsWith("/psl-run");
        const seen = viaHelper
          ? decodeHelper(parsed.argv.slice(1))
          : parsed.argv.length === 1 && parsed.argv[0]?.endsWith("/start")
            ? runShell(r.files, `rootfs${parsed.argv[0]}`, "exec")
            : { argv: parsed.argv, env: {} };
        expectCarried(spec, seen, parsed.env);
        if (parsed.wd !== undefined) expect(parsed.wd).toBe(spec.process?.workingDirectory?.path);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe("dinit: dinit's tokenizer reads back what was written", () => {
  it("command", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const r = render("dinit", spec);
        const text = r.files.find((f) => f.path === "rootfs/etc/dinit.d/svc")?.content ?? "";
        const line = text.split("\n").find((l) => l.startsWith("command = ")) ?? "";
        const argv = parseDinitCommand(line.slice("command = ".length));
        const seen =
          argv.length === 1 && hasSh
            ? runShell(r.files, `rootfs${argv[0]}`, "exec")
            : decodeHelper(argv.slice(1));
        expectCarried(spec, seen);
      }),
      RUNS,
    );
  });
});

describe.runIf(hasSh)("descriptions that shell-based targets hold as variables", () => {
  const cases: [TargetName, string, string][] = [
    ["openrc", "rootfs/etc/init.d/svc", "description"],
    ["freebsd-rc", "rootfs/usr/local/etc/rc.d/svc", "desc"],
  ];
  it.each(cases)("%s", (target, entry, variable) => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const files = render(target, spec).files;
        const root = writeTree(files);
        const script = (files.find((f) => f.path === entry)?.content ?? "").replaceAll(
          ". /etc/rc.subr",
          "load_rc_config() { :; }; run_rc_command() { :; }",
        );
        writeFileSync(join(root, "entry.sh"), script);
        const r = spawnSync("sh", ["-c", `. ./entry.sh; printf '%s' "$${variable}"`], {
          cwd: root,
          encoding: "utf8",
        });
        expect(r.stdout).toBe(spec.description);
      }),
      { numRuns: 20 },
    );
  });
});
