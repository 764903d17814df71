/**
 * The compliance suite, written once and instantiated per init (`defineComplianceSuite("runit")` in a
 * one-line test file per init, so vitest runs the inits in parallel). For each scenario it installs the
 * scenario's services with the init's generator, runs the check, and holds the outcome against the
 * capability table: native or emulated must pass (a failure fails the test and shows the logs); dropped
 * is reported, and run too with PSL_NIGHTLY=1 (`dropped`, or `dropped-but-passed` when the table is too
 * pessimistic). Scenarios about what the process is given (argv, environment, identity, directories)
 * also run on a systemd machine beside it, and the facts both probes recorded are compared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InitName, RECIPES } from "../../vm-images/index.js";
import { type Installation, installServices, uninstallServices } from "../install/install-services.js";
import { containerMachine, stopAll, subtest, vmMachine } from "../machines/driver.js";
import type { Machine } from "../machines/machine.js";
import { generatorFor, scenarioCapability } from "./generator-source.js";
import { installProbe } from "./probe-facts.js";
import { outcomeOf, type ScenarioResult, writeSuiteResults } from "./results.js";
import { type FactView, SCENARIOS, type Scenario } from "./scenarios.js";

export interface SuiteOptions {
  readonly kind: "container" | "vm";
  /** Run only these scenarios (default: all). */
  readonly scenarios?: readonly string[];
  /** Compare with a systemd machine (default: true for containers of other inits). */
  readonly differential?: boolean;
  /** Why the suite cannot run here (no engine, no qemu); undefined when it can. */
  readonly skipReason: string | undefined;
}

/** Runs one scenario on one machine; afterwards its services are uninstalled (stopped) either way. */
async function runScenario(m: Machine, s: Scenario): Promise<FactView> {
  const generator = generatorFor(m.init);
  let installation: Installation | undefined;
  try {
    return await subtest(
      `${s.name} on ${m.init}`,
      () =>
        s.run({
          machine: m,
          install: async (options) => {
            installation = await installServices(m, generator, s.specs, {
              label: s.name,
              noStart: options?.noStart ?? false,
            });
          },
        }),
      { machines: [m], units: s.specs.map((x) => x.name) },
    );
  } finally {
    if (installation && m.isUp) await uninstallServices(m, installation).catch(() => undefined);
  }
}

function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: Error }> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e : new Error(String(e)) }),
  );
}

/** PSL_NIGHTLY=1 also runs the scenarios the table calls dropped, to prove they are. */
export function nightly(): boolean {
  return Boolean(process.env.PSL_NIGHTLY);
}

export function defineComplianceSuite(init: InitName, options: SuiteOptions): void {
  const scenarios = SCENARIOS.filter(
    (s) => options.scenarios === undefined || options.scenarios.includes(s.name),
  );
  const differential = options.differential ?? (options.kind === "container" && init !== "systemd");
  const title = `compliance: ${init} (${options.kind})${options.skipReason ? ` — skipped: ${options.skipReason}` : ""}`;

  describe.runIf(options.skipReason === undefined)(title, () => {
    let m: Machine;
    let ref: Machine | undefined;
    const results: ScenarioResult[] = [];

    beforeAll(async () => {
      m =
        options.kind === "vm"
          ? vmMachine(init, `compliance-vm-${init}`)
          : containerMachine(init, `compliance-${init}`);
      ref = differential ? containerMachine("systemd", `compliance-${init}-ref-systemd`) : undefined;
      await Promise.all([m.start(), ref?.start()]);
      await Promise.all([installProbe(m), ref ? installProbe(ref) : undefined]);
    }, 600_000);

    afterAll(async () => {
      if (m) writeSuiteResults(m.logDir.replace(/\/[^/]+$/, ""), options.kind, init, results);
      await stopAll();
    }, 120_000);

    for (const s of scenarios) {
      const expected = scenarioCapability(s.features, init);
      const label = `${s.name} [${expected.status}]`;
      const runIt = expected.status !== "dropped" || nightly();
      it(label, async () => {
        if (!runIt) {
          // Reported, not run: the table says the init cannot do this. PSL_NIGHTLY=1 runs it to confirm.
          results.push({
            init,
            machine: options.kind,
            scenario: s.name,
            expected: expected.status,
            ...(expected.note ? { note: expected.note } : {}),
            outcome: "dropped",
            durationMs: 0,
            logs: "",
            differential: "n/a",
          });
          return;
        }
        const t0 = performance.now();
        const against = s.differential ? ref : undefined;
        const [mine, theirs] = await Promise.all([
          settle(runScenario(m, s)),
          against ? settle(runScenario(against, s)) : undefined,
        ]);
        const durationMs = performance.now() - t0;
        const outcome = outcomeOf(expected.status, mine.ok);
        let diff = "n/a";
        if (mine.ok && theirs?.ok) {
          diff =
            JSON.stringify(mine.value) === JSON.stringify(theirs.value)
              ? "same"
              : `differs: ${init} ${JSON.stringify(mine.value)} vs systemd ${JSON.stringify(theirs.value)}`;
        }
        results.push({
          init,
          machine: options.kind,
          scenario: s.name,
          expected: expected.status,
          ...(expected.note ? { note: expected.note } : {}),
          outcome,
          durationMs: Math.round(durationMs),
          logs: m.logDir,
          ...(mine.ok ? {} : { error: mine.error.message.slice(0, 4000) }),
          differential: diff,
        });
        if (outcome === "fail" && !mine.ok) throw mine.error;
        if (theirs && !theirs.ok)
          throw new Error(`the systemd reference failed ${s.name}: ${theirs.error.message}`);
        if (expected.status !== "dropped") expect(diff === "n/a" || diff === "same", diff).toBe(true);
      }, 240_000);
    }
  });
}

/** Whether a recipe has what the suite's machine kind needs. */
export function hasVm(init: InitName): boolean {
  return RECIPES[init].vm !== undefined;
}
