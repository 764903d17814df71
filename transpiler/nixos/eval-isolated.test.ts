/**
 * One NixOS module evaluated in isolation (`nix/eval-isolated.nix`) by real Nix with psl's bundled lib: each
 * module of `examples/nix/` gives the export bundle, which the JSON frontend turns into ServiceSpecs without
 * error diagnostics, with the fields NixOS would produce (job scripts, PATH, startAt timers, the ini file,
 * one unit per instance). Bad input gives Nix's own error, naming the option, file and line where Nix knows
 * them. Skipped visibly when nix-instantiate is not installed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../diagnostics/index.js";
import { EXPORT_EXPRESSION } from "../frontends/json/export-expr.js";
import { readEvaluatedJson } from "../frontends/json/read-json.js";
import type { ServiceSpec } from "../spec/schema.js";
import { repoRoot } from "../test-support/corpus.js";
import {
  describeRun,
  nixErrorMessage,
  nixInstantiate,
  nixpkgsPath,
  runNixEval,
} from "../test-support/nix-instantiate.js";
import { splitIsolationResult } from "./isolation-result.js";

const entry = join(repoRoot, "transpiler/nixos/nix/eval-isolated.nix");
const example = (name: string) => join(repoRoot, "examples/nix", `${name}.nix`);
const badInput = (name: string) => join(repoRoot, "transpiler/nixos/fixtures/bad-input", `${name}.nix`);
const STORE = "/nix/store/[0-9a-df-np-sv-z]{32}-";

interface Isolated {
  readonly specs: ServiceSpec[];
  readonly result: ReturnType<typeof splitIsolationResult>;
  readonly bundle: Record<string, unknown>;
}

function evalIsolated(
  module: string,
  settings = "[ ]",
  packages: string[] = [],
  extra: Record<string, string> = {},
) {
  return runNixEval({
    file: entry,
    args: {
      module,
      settings,
      packageNames: `[ ${packages.map((p) => JSON.stringify(p)).join(" ")} ]`,
      ...extra,
    },
  });
}

async function isolate(module: string, settings = "[ ]", packages: string[] = []): Promise<Isolated> {
  const run = await evalIsolated(module, settings, packages);
  if (run.exitCode !== 0) throw new Error(describeRun(run));
  const result = splitIsolationResult(run.stdout);
  const sources = new SourceRegistry();
  const read = readEvaluatedJson({ path: "isolated.json", text: result.bundle }, sources);
  expect(read.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  expect(read.diagnostics).toEqual([]);
  return { specs: read.specs, result, bundle: JSON.parse(result.bundle) as Record<string, unknown> };
}

const byName = (specs: ServiceSpec[], name: string): ServiceSpec => {
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no spec ${name} among ${specs.map((s) => s.name).join(", ")}`);
  return spec;
};

/** The store paths of NixOS's default path, in order, as the stub pkgs names them. */
const defaultPath = ["coreutils-9.5", "findutils-4.10.0", "gnugrep-3.11", "gnused-4.9", "systemd-257.5"];
const pathNames = (spec: ServiceSpec) =>
  (spec.process?.path ?? []).map((p) => p.replace(new RegExp(`^${STORE}`), ""));

describe.runIf(nixInstantiate !== undefined)("a NixOS module evaluated in isolation", () => {
  it("ini-daemon: ExecStart, the ini file from pkgs.formats.ini in /etc, users, foreign firewall ports", async () => {
    const { specs, result } = await isolate(
      example("ini-daemon"),
      `[ ${join(repoRoot, "examples/settings/inidaemon.nix")} ]`,
      ["inidaemon"],
    );
    expect(specs.map((s) => s.name)).toEqual(["inidaemon"]);
    const spec = byName(specs, "inidaemon");
    expect(spec.process?.start?.[0]?.argv).toEqual([
      expect.stringMatching(new RegExp(`^${STORE}inidaemon-1\\.0/bin/inidaemon$`)),
      "--config",
      "/etc/inidaemon/inidaemon.ini",
    ]);
    expect(spec.lifecycle?.reload?.[0]?.argv.slice(1)).toEqual(["-HUP", "$MAINPID"]);
    expect(spec.identity).toEqual({ user: "inidaemon", group: "inidaemon" });
    expect(spec.restart).toEqual({ policy: "on-failure", delaySec: 5 });
    const config = spec.configFiles?.find((f) => f.path === "/etc/inidaemon/inidaemon.ini");
    expect(config?.source).toMatch(new RegExp(`^${STORE}inidaemon\\.ini$`));
    expect(result.files[config?.source ?? ""]).toBe(
      "[log]\nlevel=info\n\n[server]\nbind=0.0.0.0\nport=7171\n",
    );
    expect(spec.nixos?.restartTriggers).toMatch(new RegExp(`^${STORE}X-Restart-Triggers-inidaemon$`));
    expect(spec.accounts?.users?.[0]).toMatchObject({
      name: "inidaemon",
      group: "inidaemon",
      isSystemUser: true,
    });
    expect(spec.accounts?.groups).toEqual([{ name: "inidaemon" }]);
    expect(pathNames(spec)).toEqual(defaultPath);
    expect(result.foreign).toEqual(["networking.firewall.allowedTCPPorts"]);
    expect(result.assertions).toEqual([]);
  });

  it("ini-daemon disabled: no units, no foreign options", async () => {
    const { specs, result, bundle } = await isolate(example("ini-daemon"), "[ ]", ["inidaemon"]);
    expect(specs).toEqual([]);
    expect(result.foreign).toEqual([]);
    expect(bundle).toMatchObject({ systemd: { services: {} }, users: { users: {}, groups: {} } });
  });

  it("multi-instance: one unit per enabled instance of an attrsOf submodule", async () => {
    const settings = `[ { services.queue-worker.instances = {
      emails.concurrency = 4; thumbs.extraArgs = [ "--fast" ]; off.enable = false; }; } ]`;
    const { specs } = await isolate(example("multi-instance"), settings, ["queue-worker"]);
    expect(specs.map((s) => s.name)).toEqual(["queue-worker-emails", "queue-worker-thumbs"]);
    const thumbs = byName(specs, "queue-worker-thumbs");
    expect(thumbs.process?.start?.[0]?.argv.slice(1)).toEqual(["--concurrency", "1", "--fast"]);
    expect(thumbs.process?.environment).toEqual({ WORKER_QUEUE: "thumbs" });
    expect(byName(specs, "queue-worker-emails").process?.start?.[0]?.argv.slice(1)).toEqual([
      "--concurrency",
      "4",
    ]);
    expect(thumbs.identity).toEqual({ dynamicUser: true });
    expect(thumbs.dependencies).toMatchObject({
      wants: ["network-online.target"],
      after: ["network-online.target"],
    });
  });

  it("oneshot-migrate: preStart and script become job scripts starting with `set -e`", async () => {
    const { specs, bundle } = await isolate(
      example("oneshot-migrate"),
      "[ { services.schema-migrate.enable = true; } ]",
    );
    const spec = byName(specs, "schema-migrate");
    expect(spec.process?.type).toBe("oneshot");
    expect(spec.process?.remainAfterExit).toBe(true);
    const start = spec.process?.start?.[0];
    expect(start?.argv).toEqual([
      expect.stringMatching(
        new RegExp(`^${STORE}unit-script-schema-migrate-start/bin/schema-migrate-start$`),
      ),
    ]);
    expect(start?.script).toEqual({
      name: "schema-migrate-start",
      text: "sqlite3 /var/lib/schema/db.sqlite 'PRAGMA user_version = 3;'\n",
    });
    expect(spec.lifecycle?.startPre?.[0]?.script?.name).toBe("schema-migrate-pre-start");
    expect(spec.lifecycle?.startPre?.[0]?.script?.text).toContain("mkdir -p /var/lib/schema\n");
    expect(pathNames(spec)).toEqual(["sqlite-1.0", ...defaultPath]);
    // NixOS's raw shape: ExecStart is "<script> " (scriptArgs empty), ExecStartPre a list.
    const unit = (bundle.systemd as { services: Record<string, { serviceConfig: Record<string, unknown> }> })
      .services["schema-migrate"];
    expect(unit?.serviceConfig.ExecStart).toMatch(/\/bin\/schema-migrate-start $/);
    expect(unit?.serviceConfig.ExecStartPre).toEqual([
      expect.stringMatching(/\/bin\/schema-migrate-pre-start$/),
    ]);
  });

  it("timer-backup: startAt gives a timer; path puts the module's packages before the default path", async () => {
    const { specs, bundle } = await isolate(
      example("timer-backup"),
      "[ { services.nightly-backup.enable = true; } ]",
    );
    const spec = byName(specs, "nightly-backup");
    expect(spec.timers).toEqual([
      { name: "nightly-backup.timer", onCalendar: ["*-*-* 02:30:00"], wantedBy: ["timers.target"] },
    ]);
    expect(pathNames(spec)).toEqual(["gnutar-1.0", "gzip-1.0", ...defaultPath]);
    expect(spec.process?.start?.[0]?.script?.text).toBe(
      'out=/var/backups/backup-$(date +%F).tar.gz\ntar czf "$out" /var/lib\n',
    );
    expect(spec.tmpfiles).toEqual([
      { type: "d", path: "/var/backups", mode: "0700", user: "root", group: "root" },
    ]);
    const env = (bundle.systemd as { services: Record<string, { environment: { PATH: string } }> }).services[
      "nightly-backup"
    ]?.environment.PATH;
    const dirs = env?.split(":").map((d) => d.replace(new RegExp(`^${STORE}`), ""));
    expect(dirs?.slice(0, 3)).toEqual(["gnutar-1.0/bin", "gzip-1.0/bin", "coreutils-9.5/bin"]);
    expect(dirs?.slice(7, 10)).toEqual(["gnutar-1.0/sbin", "gzip-1.0/sbin", "coreutils-9.5/sbin"]);
  });

  it("hardened: DynamicUser, StateDirectory and sandboxing carry over", async () => {
    const { specs } = await isolate(example("hardened"), "[ { services.metrics-agent.enable = true; } ]", [
      "metrics-agent",
    ]);
    const spec = byName(specs, "metrics-agent");
    expect(spec.identity).toEqual({ dynamicUser: true });
    expect(spec.directories?.state).toEqual({ paths: ["metrics-agent"], mode: "0750" });
    expect(spec.sandboxing).toMatchObject({
      protectSystem: "strict",
      noNewPrivileges: true,
      privateTmp: true,
      restrictAddressFamilies: ["AF_INET", "AF_INET6", "AF_UNIX"],
      systemCallFilter: ["@system-service", "~@privileged"],
    });
    expect(spec.process?.umask).toBe("0077");
  });

  it("app-with-db: two services that depend on each other", async () => {
    const { specs } = await isolate(example("app-with-db"), "[ { services.notes-app.enable = true; } ]");
    expect(specs.map((s) => s.name).sort()).toEqual(["notes-app", "notes-db"]);
    expect(byName(specs, "notes-app").dependencies).toEqual({
      requires: ["notes-db.service"],
      after: ["network.target", "notes-db.service"],
      wantedBy: ["multi-user.target"],
    });
    expect(byName(specs, "notes-db").dependencies).toEqual({
      partOf: ["notes-app.service"],
      before: ["notes-app.service"],
    });
  });

  it("supplies NixOS's defaults of commonly read options and lists what it does not carry over", async () => {
    const fixture = join(repoRoot, "transpiler/nixos/fixtures/isolation/reads-defaults.nix");
    const { specs, result, bundle } = await isolate(fixture);
    expect(byName(specs, "reader").process?.environment).toEqual({
      HOST: "reader-host",
      HOSTS: "127.0.0.1 localhost\n::1 localhost\n127.0.0.2 reader-host\n",
      NGINX_UID: "60",
      PG: expect.stringMatching(new RegExp(`^${STORE}postgresql-16\\.8$`)),
      STATE_VERSION: expect.stringMatching(/^\d\d\.\d\d$/),
    });
    expect(bundle).toMatchObject({ environment: { etc: {} } });
    expect(result.foreign).toEqual([
      'boot.kernel.sysctl."net.core.somaxconn"',
      "systemd.user.services.reader-agent.script",
      "networking.hostName",
      "systemd.targets.reader-ready",
      "systemd.packages",
    ]);
  });

  it("leaves out a default the module declares itself", async () => {
    const fixture = join(repoRoot, "transpiler/nixos/fixtures/isolation/declares-nginx.nix");
    const { specs } = await isolate(fixture, "[ { services.nginx.enable = true; } ]");
    expect(byName(specs, "nginx").identity).toEqual({ user: "www" });
  });

  it("gives the same bundle as `psl export-expr` applied to the same configuration", async () => {
    const dir = mkdtempSync(join(tmpdir(), "psl-export-"));
    const exportFile = join(dir, "export.nix");
    writeFileSync(exportFile, EXPORT_EXPRESSION);
    for (const [name, settings, pkgs] of [
      ["ini-daemon", `[ ${join(repoRoot, "examples/settings/inidaemon.nix")} ]`, ["inidaemon"]],
      ["timer-backup", "[ { services.nightly-backup.enable = true; } ]", []],
      ["app-with-db", "[ { services.notes-app.enable = true; } ]", []],
    ] as const) {
      const ours = await evalIsolated(example(name), settings, [...pkgs]);
      const theirs = await evalIsolated(example(name), settings, [...pkgs], {
        export: `import ${exportFile}`,
      });
      expect(theirs.exitCode, describeRun(theirs)).toBe(0);
      expect(splitIsolationResult(ours.stdout).bundle).toBe(splitIsolationResult(theirs.stdout).bundle);
    }
  });
});

const EXAMPLES: readonly (readonly [string, string, readonly string[]])[] = [
  ["ini-daemon", `[ ${join(repoRoot, "examples/settings/inidaemon.nix")} ]`, ["inidaemon"]],
  ["multi-instance", "[ { services.queue-worker.instances.a = { }; } ]", ["queue-worker"]],
  ["oneshot-migrate", "[ { services.schema-migrate.enable = true; } ]", []],
  ["timer-backup", "[ { services.nightly-backup.enable = true; } ]", []],
  ["hardened", "[ { services.metrics-agent.enable = true; } ]", ["metrics-agent"]],
  ["app-with-db", "[ { services.notes-app.enable = true; } ]", []],
];

describe.runIf(nixInstantiate !== undefined && nixpkgsPath !== undefined)(
  "with nixpkgs' lib (PSL_NIXPKGS)",
  () => {
    for (const [name, settings, pkgs] of EXAMPLES) {
      it(`${name}: the same output as with psl's bundled lib`, async () => {
        const bundled = await evalIsolated(example(name), settings, [...pkgs]);
        const real = await evalIsolated(example(name), settings, [...pkgs], {
          lib: `import ${join(nixpkgsPath ?? "", "lib")}`,
        });
        expect(real.exitCode, describeRun(real)).toBe(0);
        expect(real.stdout).toBe(bundled.stdout);
      });
    }
  },
);

describe.runIf(nixInstantiate !== undefined)("bad input to an isolated evaluation", () => {
  const fails = async (name: string) => {
    const run = await runNixEval({ file: entry, args: { module: badInput(name) }, showTrace: true });
    expect(run.exitCode).not.toBe(0);
    return { message: nixErrorMessage(run), trace: run.stderr };
  };

  it("a type error names the option, the type and the defining file", async () => {
    const { message } = await fails("type-error");
    expect(message).toContain(
      "A definition for option `services.bad.port' is not of type `16 bit unsigned integer;",
    );
    expect(message).toContain(`- In \`${badInput("type-error")}': "eighty"`);
  });

  it("NixOS's own serviceConfig check rejects an unknown Type=", async () => {
    const { message, trace } = await fails("unit-type-error");
    expect(message).toContain(
      "`systemd.services.bad.serviceConfig' is not of type `attribute set of (systemd option)'",
    );
    expect(trace).toContain("trace: Systemd Service field `Type' cannot have value `forked'.");
  });

  it("a failing `assert` names the file and line", async () => {
    const { message, trace } = await fails("assert-fails");
    expect(message).toContain("assertion '(__lessThan port 65536)' failed");
    expect(trace).toContain(`${badInput("assert-fails")}:6:1`);
  });

  it("failed NixOS assertions are data, not an error", async () => {
    const run = await evalIsolated(badInput("assertion-option"));
    expect(run.exitCode, describeRun(run)).toBe(0);
    const { assertions } = splitIsolationResult(run.stdout);
    expect(assertions[0]).toBe("services.bad needs a real host name");
    expect(assertions[1]).toBe(
      "Exactly one of users.users.bad.isSystemUser and users.users.bad.isNormalUser must be set.\n",
    );
    expect(assertions[2]).toMatch(/^users\.users\.bad\.group is unset\./);
  });

  it("a lib function the bundled lib lacks is an error naming it (and the module's file)", async () => {
    const { message, trace } = await fails("missing-lib");
    expect(message).toBe(
      "psl's bundled lib has no `lib.generators.toDhall'; use --nixpkgs PATH to evaluate with nixpkgs' own lib",
    );
    expect(trace).toContain(`while evaluating definitions from \`${badInput("missing-lib")}'`);
  });

  it.runIf(nixpkgsPath !== undefined)("… which nixpkgs' lib has", async () => {
    const run = await runNixEval({
      file: entry,
      args: { module: badInput("missing-lib"), lib: `import ${join(nixpkgsPath ?? "", "lib")}` },
    });
    expect(run.exitCode, describeRun(run)).toBe(0);
  });

  it("infinite recursion names the option and the module's file", async () => {
    const { message, trace } = await fails("infinite-recursion");
    expect(message).toBe("infinite recursion encountered");
    expect(trace).toContain("while evaluating the option `services.bad.port'");
    expect(trace).toContain(`while evaluating definitions from \`${badInput("infinite-recursion")}'`);
  });

  it("an import of a missing file names the file", async () => {
    const { message } = await fails("missing-file");
    expect(message).toBe(
      `getting status of '${join(repoRoot, "transpiler/nixos/fixtures/bad-input/does-not-exist.nix")}': No such file or directory`,
    );
  });
});
