/**
 * The NixOS-module frontend with psl's own evaluator: every example module, packages by any name,
 * settings, provenance at the defining line, foreign options, and bad input. When nix-instantiate is
 * present, real Nix evaluates the same isolation and the JSON frontend must give the very same specs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeEvalHost } from "../../cli/nix-host.js";
import { type Diagnostic, formatDiagnostic, SourceRegistry } from "../../diagnostics/index.js";
import { Evaluator } from "../../eval/evaluator.js";
import { splitIsolationResult } from "../../nixos/isolation-result.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { repoRoot } from "../../test-support/corpus.js";
import { nixInstantiate, runNixEval } from "../../test-support/nix-instantiate.js";
import { readEvaluatedJson } from "../json/read-json.js";
import { fillFileTexts, ModuleFrontend, type ModuleSettings } from "./read-module.js";
import { parseSettings } from "./settings.js";

const nixDir = join(repoRoot, "transpiler/nixos/nix");
const frontend = new ModuleFrontend({
  evaluator: new Evaluator({ host: nodeEvalHost({}) }),
  nixDir,
  readText: (p) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
});

function translate(module: string, sets: string[] = [], strings: string[] = [], configs: string[] = []) {
  const parsed = parseSettings(sets, strings);
  expect(parsed.diagnostics).toEqual([]);
  const settings: ModuleSettings = {
    sets: parsed.settings,
    configs: configs.map((c) => ({ path: join(repoRoot, c), display: c })),
  };
  const sources = new SourceRegistry();
  const r = frontend.translate(join(repoRoot, module), module, settings, sources);
  const text = (d: Diagnostic) => formatDiagnostic(d, sources, { color: false });
  return {
    ...r,
    text: r.diagnostics.map(text),
    errors: r.diagnostics.filter((d) => d.severity === "error").map(text),
  };
}

const spec = (specs: ServiceSpec[], name: string) => {
  const s = specs.find((x) => x.name === name);
  expect(s, `spec ${name}`).toBeDefined();
  return s as ServiceSpec;
};

const EXAMPLES: [module: string, sets: string[], configs: string[], services: string[]][] = [
  ["examples/nix/ini-daemon.nix", [], ["examples/settings/inidaemon.nix"], ["inidaemon"]],
  [
    "examples/nix/multi-instance.nix",
    ["services.queue-worker.instances={ a = { }; b.enable = false; }"],
    [],
    ["queue-worker-a"],
  ],
  ["examples/nix/oneshot-migrate.nix", ["services.schema-migrate.enable=true"], [], ["schema-migrate"]],
  ["examples/nix/timer-backup.nix", ["services.nightly-backup.enable=true"], [], ["nightly-backup"]],
  ["examples/nix/hardened.nix", ["services.metrics-agent.enable=true"], [], ["metrics-agent"]],
  ["examples/nix/app-with-db.nix", ["services.notes-app.enable=true"], [], ["notes-app", "notes-db"]],
];

describe("NixOS modules through psl's evaluator", () => {
  for (const [module, sets, configs, services] of EXAMPLES) {
    it(`translates ${module}`, () => {
      const r = translate(module, sets, [], configs);
      expect(r.errors).toEqual([]);
      expect(r.specs.map((s) => s.name).sort()).toEqual(expect.arrayContaining(services));
      for (const s of r.specs) {
        const files = new Set(Object.values(s.provenance ?? {}).map((p) => p.file));
        expect(
          [...files].some((f) => f === module),
          `${s.name} points into ${module}`,
        ).toBe(true);
      }
    });
  }

  it("keeps the text the module generated: the ini file, job scripts, the startAt timer", () => {
    const ini = translate("examples/nix/ini-daemon.nix", [], [], ["examples/settings/inidaemon.nix"]);
    const cfg = spec(ini.specs, "inidaemon").configFiles?.[0];
    expect(cfg?.path).toBe("/etc/inidaemon/inidaemon.ini");
    expect(cfg?.text).toMatch(/\[server\]\nbind=0\.0\.0\.0\nport=7171/);
    const migrate = spec(
      translate("examples/nix/oneshot-migrate.nix", ["services.schema-migrate.enable=true"]).specs,
      "schema-migrate",
    );
    expect(migrate.process?.type).toBe("oneshot");
    expect(migrate.lifecycle?.startPre?.[0]?.script?.name).toBe("schema-migrate-pre-start");
    const backup = spec(
      translate("examples/nix/timer-backup.nix", ["services.nightly-backup.enable=true"]).specs,
      "nightly-backup",
    );
    expect(backup.timers?.[0]).toMatchObject({ name: "nightly-backup.timer", wantedBy: ["timers.target"] });
    expect(backup.provenance?.["/timers/0/onCalendar/0"]).toMatchObject({
      file: "examples/nix/timer-backup.nix",
      via: "startAt → timer",
    });
  });

  it("makes packages exist by any name, nested sets and `with pkgs;` included", () => {
    const r = translate("transpiler/frontends/module/fixtures/any-package.nix", [
      "services.fetcher.enable=true",
    ]);
    expect(r.errors).toEqual([]);
    const s = spec(r.specs, "fetcher");
    expect(s.process?.path?.slice(0, 2)).toEqual([
      expect.stringMatching(/-curl-/),
      expect.stringMatching(/-jq-/),
    ]);
    expect(s.process?.start?.[0]?.argv).toEqual([
      expect.stringMatching(/^\/nix\/store\/[0-9a-z]{32}-fetcher-tool-[^/]+\/bin\/fetcher$/),
      "--py",
      expect.stringMatching(/-python3Packages\.requests-/),
    ]);
    expect(s.identity?.user).toBe("nobody");
  });

  it("points each field at the line that defined it, the lowered ones at the option the author wrote", () => {
    const r = translate("transpiler/frontends/module/fixtures/any-package.nix", [
      "services.fetcher.enable=true",
    ]);
    const p = spec(r.specs, "fetcher").provenance ?? {};
    const at = (line: number) =>
      expect.objectContaining({ file: "transpiler/frontends/module/fixtures/any-package.nix", line });
    expect(p["/process/start/0"]).toEqual(at(9));
    expect(p["/identity/user"]).toEqual(at(10));
    expect(p["/process/path/0"]).toEqual(at(8));
  });

  it("lists the options psl does not carry over, at their lines, and takes --set-str", () => {
    const r = translate(
      "transpiler/frontends/module/fixtures/any-package.nix",
      ["services.fetcher.enable=true"],
      ['systemd.services.fetcher.description=a "quoted" ${x}'],
    );
    expect(r.text).toContain(
      "transpiler/frontends/module/fixtures/any-package.nix:12:5: info PSL3001: the module sets `networking.firewall.allowedTCPPorts`, a system aspect psl does not carry over",
    );
    expect(r.text.some((t) => t.includes("boot.kernel.sysctl"))).toBe(true);
    expect(spec(r.specs, "fetcher").description).toBe('a "quoted" ${x}');
  });

  it("reports bad modules with Nix's error and where it happened", () => {
    const bad = (m: string) => translate(`transpiler/frontends/module/fixtures/${m}.nix`);
    expect(bad("bad-type").errors).toEqual([
      expect.stringMatching(
        /^transpiler\/frontends\/module\/fixtures\/bad-type\.nix:4:5: error PSL3006: `systemd\.services\.bad\.wantedBy` does not evaluate: .*not of type/,
      ),
    ]);
    expect(bad("bad-assertion").errors).toEqual([
      expect.stringMatching(/PSL3002: a NixOS assertion failed: fetcher needs a password file/),
    ]);
    expect(bad("bad-missing-function").errors.join("\n")).toMatch(/toPlist/);
    expect(bad("bad-recursion").errors.join("\n")).toMatch(/infinite recursion/);
    expect(bad("bad-import").errors.join("\n")).toMatch(/does-not-exist\.nix/);
    expect(translate("examples/nix/nope.nix").errors.join("\n")).toMatch(/PSL4015/);
  });

  it("reads undeclared options as opaque placeholders and says which fields depend on them", () => {
    const r = translate("transpiler/frontends/module/fixtures/reads-undeclared.nix");
    expect(r.errors).toEqual([]);
    const s = spec(r.specs, "reader");
    expect(s.process?.start?.[0]?.argv).toEqual([
      expect.stringMatching(/-postgresql-[^/]+\/bin\/psql$/),
      "-p",
      "«unknown:services.postgresql.settings.port»",
      "-h",
      "nixos",
    ]);
    expect(r.text).toEqual([
      "transpiler/frontends/module/fixtures/reads-undeclared.nix:6:5: warning PSL3007: `services.postgresql.settings.port` is not declared in isolation; `reader/process/start/0/argv/2` holds an opaque placeholder for it",
      expect.stringMatching(
        /:6:5: warning PSL3008: `services\.postgresql\.package` is not set; psl assumed NixOS's default `\/nix\/store\/[0-9a-z]{32}-postgresql-[^`]+`, which `reader\/process\/start\/0\/argv\/0` holds$/,
      ),
      "transpiler/frontends/module/fixtures/reads-undeclared.nix:6:5: warning PSL3008: `networking.hostName` is not set; psl assumed NixOS's default `nixos`, which `reader/process/start/0/argv/4` holds",
      "transpiler/frontends/module/fixtures/reads-undeclared.nix:7:5: warning PSL3008: `system.stateVersion` is not set; psl assumed NixOS's default `26.11`, which `reader/process/environment/STATE` holds",
    ]);
  });

  it("rejects malformed settings", () => {
    expect(parseSettings(["services.x"], []).diagnostics[0]?.code).toBe("PSL3004");
    expect(parseSettings(["a..b=1"], []).diagnostics[0]?.code).toBe("PSL3004");
    expect(parseSettings(['services."my.app".enable=true'], []).settings[0]?.path).toEqual([
      "services",
      "my.app",
      "enable",
    ]);
  });
});

describe.runIf(nixInstantiate !== undefined)(
  "the module frontend agrees with real Nix through the JSON frontend",
  () => {
    const strip = (specs: ServiceSpec[]) =>
      JSON.parse(JSON.stringify(specs, (k, v) => (k === "provenance" ? undefined : v)));
    for (const [module, sets, configs] of EXAMPLES) {
      it(module, async () => {
        const settings = [
          ...sets.map((s) => {
            const eq = s.indexOf("=");
            return `{ ${s.slice(0, eq)} = ${s.slice(eq + 1)}; }`;
          }),
          ...configs.map((c) => join(repoRoot, c)),
        ];
        const packages = ["inidaemon", "queue-worker", "metrics-agent", "notes-app", "fetcher-tool"];
        const run = await runNixEval({
          file: join(nixDir, "eval-isolated.nix"),
          args: {
            module: join(repoRoot, module),
            settings: `[ ${settings.join(" ")} ]`,
            packageNames: `[ ${packages.map((p) => JSON.stringify(p)).join(" ")} ]`,
          },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        const result = splitIsolationResult(run.stdout);
        const viaNix = readEvaluatedJson({ path: "nix.json", text: result.bundle }, new SourceRegistry());
        const viaPsl = translate(module, sets, [], configs);
        expect(strip(viaPsl.specs)).toEqual(strip(viaNix.specs.map((s) => fillFileTexts(s, result))));
      }, 60_000);
    }
  },
);
