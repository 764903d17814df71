/**
 * The steps every generator shares, around the one step that differs per target (rendering a service's
 * native files): check names, skip templates, resolve store paths, plan, order, render each service, add
 * psl-run, job scripts and system files, then write install.sh and uninstall.sh. A target module supplies
 * a `TargetRenderer`; `defineGenerator` turns it into a `Generator`.
 */
import { type Diagnostic, diag } from "../diagnostics/index.js";
import { DEBIAN_PACKAGE_MAP } from "../nixos/package-map-debian.js";
import { PSL_RUN_SCRIPT } from "../runtime/psl-run.js";
import { checkServiceName } from "../spec/names.js";
import type { ServiceSpec } from "../spec/schema.js";
import { BOOT_STAGES, facilityOf } from "./facilities.js";
import { type InstallParts, renderInstall, renderUninstall } from "./install-script.js";
import { startLauncher } from "./launcher.js";
import { helperPath, type Layout, layoutOf } from "./layout.js";
import { localName, startOrder } from "./order.js";
import { defaultOutput } from "./output.js";
import { type PlanOverride, planService, type ServicePlan, securityDrops } from "./plan.js";
import { prepareSpec } from "./prepare.js";
import { systemParts } from "./system-parts.js";
import { timerServices } from "./timer-service.js";
import type {
  GeneratedFile,
  GenerateOptions,
  GenerateResult,
  Generator,
  ServiceNeeds,
  TargetName,
} from "./types.js";

/** What a target renderer sees for one service. */
export interface ServiceContext {
  readonly plan: ServicePlan;
  /** Every generated service's name, in start order. */
  readonly order: readonly string[];
  /** The position of this service in the start order (0-based). */
  readonly index: number;
  /** Every spec generated together (prepared for the target). */
  readonly specs: readonly ServiceSpec[];
  /** `web.service` → `web` when generated together, else undefined. */
  readonly local: (unit: string) => string | undefined;
  /** Reports a unit that is neither generated nor a facility of the target (once per unit). */
  readonly notCarried: (unit: string) => void;
  readonly diagnostics: Diagnostic[];
}

export interface RenderedService {
  readonly files: readonly GeneratedFile[];
  readonly enable: readonly string[];
  readonly start: readonly string[];
  /** Instead of `start` under `PSL_NO_START=1`: what keeps a newly enabled service from starting now. */
  readonly hold?: readonly string[];
  readonly stop: readonly string[];
  readonly disable: readonly string[];
}

export interface TargetRenderer {
  readonly target: TargetName;
  /** Whether psl-run is installed (every target but systemd). */
  readonly helper: boolean;
  renderService(ctx: ServiceContext): RenderedService;
  /** Files that depend on every service (busybox's inittab fragment, s6-rc's bundle). */
  renderAll?(
    plans: readonly ServicePlan[],
    order: readonly string[],
  ): { files: GeneratedFile[]; afterFiles: string[] };
  /** Departures from the table this target's format forces for one service (see plan.ts). */
  overrides?(spec: ServiceSpec): PlanOverride[];
  /** Activation once every file is in place (e.g. `systemctl daemon-reload`). */
  readonly activate?: readonly string[];
  /** uninstall.sh lines after the services are stopped, before files go (e.g. edit /etc/inittab). */
  readonly removal?: readonly string[];
}

function packageNotes(needs: readonly ServiceNeeds[], storeMode: "store" | "host"): string[] {
  const all = (pick: (n: ServiceNeeds) => readonly string[]) => [...new Set(needs.flatMap(pick))].sort();
  if (storeMode === "store") {
    const paths = all((n) => n.storePaths);
    return paths.length > 0 ? ["Store paths to realise on the target:", ...paths.map((p) => `  ${p}`)] : [];
  }
  const pkgs = all((n) => n.packages);
  return pkgs.length > 0 ? [`Packages the services use: ${pkgs.join(" ")}`] : [];
}

/** Makes a Generator from a target renderer. */
export function defineGenerator(renderer: TargetRenderer): Generator {
  const target = renderer.target;
  return {
    target,
    plan(spec: ServiceSpec, options: GenerateOptions): ServicePlan {
      const prepared = prepareSpec(spec, target, layoutOf(target), {
        storeMode: options.storeMode,
        packageMap: options.packageMap ?? DEBIAN_PACKAGE_MAP,
      });
      return planService(prepared.spec, target, renderer.overrides?.(prepared.spec) ?? []);
    },
    render(specs: readonly ServiceSpec[], options: GenerateOptions): GenerateResult {
      const layout: Layout = layoutOf(target);
      const diagnostics: Diagnostic[] = [];
      const accepted: ServiceSpec[] = [];
      const files: GeneratedFile[] = [];
      const needs: ServiceNeeds[] = [];
      for (const spec of specs) {
        const reason = checkServiceName(spec.name);
        if (reason) {
          diagnostics.push(diag("PSL6002", { name: spec.name, target, reason }, { target }));
          continue;
        }
        if (spec.name.endsWith("@") && target !== "systemd") {
          diagnostics.push(diag("PSL6007", { service: spec.name, target }, { target }));
          continue;
        }
        const prepared = prepareSpec(spec, target, layout, {
          storeMode: options.storeMode,
          packageMap: options.packageMap ?? DEBIAN_PACKAGE_MAP,
        });
        diagnostics.push(...prepared.diagnostics);
        files.push(...prepared.files);
        needs.push({ service: spec.name, storePaths: prepared.storePaths, packages: prepared.packages });
        accepted.push(prepared.spec);
      }
      const timerHosts = new Set<string>();
      if (target !== "systemd" && target !== "launchd") {
        for (const spec of [...accepted]) {
          const extra = timerServices(spec, target, diagnostics);
          if (extra.length > 0) timerHosts.add(spec.name);
          for (const t of extra) if (!accepted.some((x) => x.name === t.name)) accepted.push(t);
        }
      }
      const { order, cycles } = startOrder(accepted);
      if (cycles.length > 0) {
        diagnostics.push(
          diag(
            "PSL6014",
            { service: cycles[0] ?? "", count: cycles.length, units: cycles.join(", ") },
            { target },
          ),
        );
      }
      const names = new Set(order);
      const byName = new Map(accepted.map((s) => [s.name, s]));
      const plans: ServicePlan[] = [];
      const services: InstallParts["services"][number][] = [];
      order.forEach((name, index) => {
        const spec = byName.get(name) as ServiceSpec;
        const plan = planService(spec, target, renderer.overrides?.(spec) ?? []);
        plans.push(plan);
        const reported = new Set<string>();
        const ctx: ServiceContext = {
          plan,
          order,
          index,
          specs: accepted,
          local: (unit) => localName(unit, names),
          notCarried: (unit) => {
            if (
              reported.has(unit) ||
              BOOT_STAGES.has(unit) ||
              localName(unit, names) ||
              facilityOf(target, unit)
            )
              return;
            reported.add(unit);
            diagnostics.push(diag("PSL6008", { service: name, unit, target }, { target }));
          },
          diagnostics,
        };
        const r = renderer.renderService(ctx);
        files.push(...r.files);
        if (timerHosts.has(name) && !r.files.some((f) => f.path === `rootfs${plan.dir}/start`)) {
          files.push(startLauncher(plan, { exec: defaultOutput(plan) }));
        }
        services.push({
          name,
          enable: r.enable,
          start: r.start,
          hold: r.hold ?? [],
          stop: r.stop,
          disable: r.disable,
        });
        const drops = securityDrops(plan);
        if (drops.length > 0) {
          diagnostics.push(
            diag(
              "PSL6001",
              { service: name, target, features: drops.map((d) => d.feature).join(", ") },
              { target },
            ),
          );
        }
      });
      const sys = systemParts(accepted, target, layout, options.storeMode);
      diagnostics.push(...sys.diagnostics);
      files.push(...sys.files);
      const all = renderer.renderAll?.(plans, order) ?? { files: [], afterFiles: [] };
      files.push(...all.files);
      if (renderer.helper)
        files.push({ path: `rootfs${helperPath(target)}`, content: PSL_RUN_SCRIPT, mode: 0o755 });
      const rootfs = dedupe(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const parts: InstallParts = {
        target,
        layout,
        groups: sys.groups,
        users: sys.users,
        files: rootfs,
        owners: sys.owners,
        directories: sys.directories,
        afterFiles: [...sys.afterFiles, ...all.afterFiles],
        activate: renderer.activate ?? [],
        removal: renderer.removal ?? [],
        services,
        notes: packageNotes(needs, options.storeMode),
      };
      return {
        files: [
          ...rootfs,
          { path: "install.sh", content: renderInstall(parts), mode: 0o755 },
          { path: "uninstall.sh", content: renderUninstall(parts), mode: 0o755 },
        ],
        diagnostics,
        needs,
      };
    },
  };
}

function dedupe(files: readonly GeneratedFile[]): GeneratedFile[] {
  const byPath = new Map<string, GeneratedFile>();
  for (const f of files) byPath.set(f.path, f);
  return [...byPath.values()];
}
