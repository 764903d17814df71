/**
 * Every generated file of every example passes its target's own checker, where Debian has one:
 * shellcheck for every shell file, `systemd-analyze verify` for units (in a scratch root with stub
 * programs), supervisord's own configuration parser, xmllint and Python's plistlib for launchd plists.
 * Each check is skipped, visibly, when its tool is missing; harness/setup/test-env.sh installs them.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATORS } from "./index.js";
import { exampleCases } from "./testing/examples.js";
import type { GeneratedFile, TargetName } from "./types.js";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const SYSTEM_PYTHON = "/usr/bin/python3";
const hasSupervisor =
  existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ["-c", "import supervisor.options"]).status === 0;
const cases = exampleCases();

function writeTree(files: readonly GeneratedFile[]): string {
  const root = mkdtempSync(join(tmpdir(), "psl-validate-"));
  for (const f of files) {
    const p = join(root, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content, { mode: f.mode });
  }
  return root;
}

const render = (target: TargetName, c: (typeof cases)[number]) =>
  GENERATORS[target].render(c.specs, { storeMode: "host" }).files;

/** Shell files: by shebang, and the scripts of service directories. */
export function shellFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((f) =>
    /^#!(\/bin\/sh|\/sbin\/openrc-run|\/bin\/bash|\/usr\/bin\/env bash)\b/.test(f.content),
  );
}

describe.runIf(has("shellcheck"))("shellcheck", () => {
  for (const c of cases) {
    it.each(Object.keys(GENERATORS).map((t) => [t as TargetName]))(
      `${c.name}: every shell file of %s`,
      (t) => {
        const files = shellFiles(render(t, c));
        expect(files.length).toBeGreaterThan(0);
        const root = writeTree(files);
        const r = spawnSync("shellcheck", ["-S", "warning", ...files.map((f) => join(root, f.path))], {
          encoding: "utf8",
        });
        expect(r.stdout).toBe("");
        expect(r.status).toBe(0);
      },
    );
  }
});

describe.runIf(has("systemd-analyze") && existsSync("/usr/lib/systemd/system"))(
  "systemd-analyze verify",
  () => {
    for (const c of cases) {
      it(`${c.name}: every unit`, () => {
        const files = render("systemd", c);
        const root = writeTree(files.map((f) => ({ ...f, path: f.path.replace(/^rootfs\//, "root/") })));
        const sysroot = join(root, "root");
        mkdirSync(join(sysroot, "usr/lib/systemd"), { recursive: true });
        cpSync("/usr/lib/systemd/system", join(sysroot, "usr/lib/systemd/system"), { recursive: true });
        const units = files.filter((f) =>
          /^rootfs\/etc\/systemd\/system\/[^/]+\.(service|socket|timer)$/.test(f.path),
        );
        for (const u of units) {
          for (const m of u.content.matchAll(/^Exec[A-Za-z]*=[-@:+!|]*(\/\S+)/gm)) {
            const stub = join(sysroot, m[1] ?? "");
            if (existsSync(stub)) continue;
            mkdirSync(dirname(stub), { recursive: true });
            writeFileSync(stub, "#!/bin/sh\n");
            chmodSync(stub, 0o755);
          }
        }
        const r = spawnSync(
          "systemd-analyze",
          [
            "verify",
            "--man=no",
            `--root=${sysroot}`,
            ...units.map((u) => join(sysroot, u.path.slice("rootfs/".length))),
          ],
          { encoding: "utf8" },
        );
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
      });
    }
  },
);

const SUPERVISOR_PARSE = `
import sys, json, shlex
import supervisor.datatypes as dt
import supervisor.options as so
for m in (dt, so):
    if hasattr(m, "name_to_uid"): m.name_to_uid = lambda name: 0
    if hasattr(m, "gid_for_uid"): m.gid_for_uid = lambda uid: 0
o = so.ServerOptions()
o.configfile = sys.argv[1]
o.process_config(do_usage=False)
out = {}
for g in o.process_group_configs:
    for p in g.process_configs:
        out[p.name] = {"argv": shlex.split(p.command), "env": p.environment or {}, "directory": p.directory}
print(json.dumps(out))
`;

/** supervisord's own reading of the generated programs (user names are not resolved). */
export function parseSupervisord(
  files: readonly GeneratedFile[],
): Record<string, { argv: string[]; env: Record<string, string> }> {
  const root = writeTree(files);
  const conf = join(root, "supervisord.conf");
  writeFileSync(
    conf,
    `[supervisord]\nlogfile=${root}/sv.log\npidfile=${root}/sv.pid\n[include]\nfiles=${root}/rootfs/etc/supervisor/conf.d/*.conf\n`,
  );
  const r = spawnSync(SYSTEM_PYTHON, ["-c", SUPERVISOR_PARSE, conf], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, { argv: string[]; env: Record<string, string> }>;
}

describe.runIf(hasSupervisor)("supervisord parses its configuration", () => {
  for (const c of cases) {
    it(`${c.name}: every program`, () => {
      const files = render("supervisord", c);
      const programs = parseSupervisord(files);
      expect(Object.keys(programs).length).toBe(files.filter((f) => f.path.endsWith(".conf")).length);
    });
  }
});

describe.runIf(has("xmllint"))("xmllint and plistlib read the launchd plists", () => {
  for (const c of cases) {
    it(`${c.name}: every plist`, () => {
      const plists = render("launchd", c).filter((f) => f.path.endsWith(".plist"));
      const root = writeTree(plists);
      const paths = plists.map((f) => join(root, f.path));
      const r = spawnSync("xmllint", ["--noout", ...paths], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const py = spawnSync(
        "python3",
        ["-c", "import plistlib,sys\nfor p in sys.argv[1:]:\n    plistlib.load(open(p,'rb'))", ...paths],
        { encoding: "utf8" },
      );
      expect(py.stderr).toBe("");
    });
  }
});
