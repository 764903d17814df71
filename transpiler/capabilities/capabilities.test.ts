import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KNOWN_DIRECTIVES } from "../frontends/systemd/known-directives.js";
import { TARGETS } from "../generators/types.js";
import { NIXOS_SERVICE_OPTIONS } from "../nixos/service-options.js";
import { CAPABILITY_TABLE, capabilityOf, capabilityRow, directiveFeatures, FEATURES } from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = join(here, "../../../shared/data");
const hasShared = existsSync(join(SHARED, "systemd-directives.tsv"));

function tsvColumn(file: string, column: number): string[][] {
  return readFileSync(join(SHARED, file), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t"))
    .map((cols) => cols.slice(0, column + 1));
}

function expectClassified(feature: string): void {
  for (const t of TARGETS) {
    const cap = capabilityOf(feature, t);
    expect(cap, `${feature} on ${t}`).toBeDefined();
  }
  expect(capabilityRow(feature), `${feature} has a row`).toBeDefined();
}

describe("capability table", () => {
  it("has exactly one row per catalogue feature, and no stray rows", () => {
    const seen = new Set<string>();
    for (const r of CAPABILITY_TABLE) {
      expect(seen.has(r.feature), `duplicate row ${r.feature}`).toBe(false);
      seen.add(r.feature);
    }
    const catalogue = new Set(FEATURES);
    expect([...seen].filter((f) => !catalogue.has(f))).toEqual([]);
    expect(FEATURES.filter((f) => !seen.has(f))).toEqual([]);
  });

  it("classifies every feature for every target, with a reason for every drop", () => {
    for (const f of FEATURES) {
      for (const t of TARGETS) {
        const c = capabilityOf(f, t);
        expect(c).toBeDefined();
        if (c?.status === "emulated") expect(c.how.length).toBeGreaterThan(0);
        if (c?.status === "dropped") expect(c.why.length).toBeGreaterThan(0);
      }
    }
  });

  it("carries everything natively on systemd except what psl writes for NixOS itself", () => {
    const notNative = FEATURES.filter((f) => capabilityOf(f, "systemd")?.status !== "native");
    expect(notNative.sort()).toEqual(["accounts.groups", "accounts.users", "commands.script", "configFiles"]);
  });

  it("classifies every directive systemd v256 knows (in-repo list)", () => {
    for (const [section, keys] of Object.entries(KNOWN_DIRECTIVES)) {
      for (const key of keys) for (const f of directiveFeatures(section, key)) expectClassified(f);
    }
  });

  it.runIf(hasShared)("classifies every directive of shared/data/systemd-directives*.tsv", () => {
    const rows = [
      ...tsvColumn("systemd-directives.tsv", 1),
      ...tsvColumn("systemd-directives-parser-only.tsv", 1),
    ];
    expect(rows.length).toBeGreaterThan(600);
    for (const [directive, section] of rows) {
      const key = (directive ?? "").replace(/=$/, "");
      const sec = (section ?? "").replace(/^\[|\]$/g, "");
      for (const f of directiveFeatures(sec, key)) expectClassified(f);
    }
  });

  it("classifies every NixOS service option (vendored table)", () => {
    expect(Object.keys(NIXOS_SERVICE_OPTIONS)).toHaveLength(48);
    for (const features of Object.values(NIXOS_SERVICE_OPTIONS)) {
      if (features === "directives") continue;
      for (const f of features) expectClassified(f);
    }
  });

  it.runIf(hasShared)("vendors exactly the options of shared/data/nixos-service-options.tsv", () => {
    const names = tsvColumn("nixos-service-options.tsv", 0).map((r) => r[0]);
    expect(names.sort()).toEqual(Object.keys(NIXOS_SERVICE_OPTIONS).sort());
  });

  it("drops sandboxing as a security loss outside systemd, but emulates NoNewPrivileges on Linux", () => {
    expect(capabilityOf("sandboxing.protectSystem", "runit")).toMatchObject({
      status: "dropped",
      severity: "security",
    });
    expect(capabilityOf("sandboxing.noNewPrivileges", "runit")?.status).toBe("emulated");
    expect(capabilityOf("sandboxing.noNewPrivileges", "launchd")).toMatchObject({ severity: "security" });
    expect(capabilityOf("identity.dynamicUser", "s6")).toMatchObject({ severity: "security" });
  });

  it("treats unknown verbatim directives as carried by systemd only", () => {
    expect(capabilityOf("systemd.Service.NoSuchThing", "systemd")?.status).toBe("native");
    expect(capabilityOf("systemd.Service.NoSuchThing", "openrc")).toMatchObject({ severity: "behaviour" });
    expect(capabilityOf("systemd.Service.X-Custom", "openrc")).toMatchObject({ severity: "benign" });
    expect(capabilityOf("no.such.feature", "openrc")).toBeUndefined();
  });
});
