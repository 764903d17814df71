/** Safety rules every generator keeps: unsafe names are refused, nothing is world-writable, secrets stay by reference. */
import { describe, expect, it } from "vitest";
import type { ServiceSpec } from "../spec/schema.js";
import { GENERATORS } from "./index.js";
import { exampleCases } from "./testing/examples.js";
import { TARGETS } from "./types.js";

const base: ServiceSpec = { name: "ok", process: { start: [{ argv: ["/bin/true"] }] } };

describe.each(TARGETS.map((t) => [t]))("%s", (target) => {
  const g = GENERATORS[target];

  it("refuses service names that would escape their directory", () => {
    for (const name of ["../evil", "a/b", ".hidden", "-x"]) {
      const r = g.render([{ ...base, name }], { storeMode: "host" });
      expect(r.diagnostics.some((d) => d.code === "PSL6002")).toBe(true);
      expect(r.files.some((f) => f.path.includes(name))).toBe(false);
    }
  });

  it("refuses unsafe user and group names", () => {
    const r = g.render([{ ...base, identity: { user: "root;rm", group: "../g" } }], { storeMode: "host" });
    expect(r.diagnostics.filter((d) => d.code === "PSL6003").length).toBeGreaterThan(0);
    const install = r.files.find((f) => f.path === "install.sh")?.content ?? "";
    expect(install).not.toContain("psl_user 'root;rm'");
  });

  it("writes no world-writable file, even when a spec asks for one", () => {
    const spec: ServiceSpec = { ...base, configFiles: [{ path: "/etc/ok.conf", text: "x", mode: "0666" }] };
    for (const c of [...exampleCases(), { name: "mode", specs: [spec] }]) {
      for (const f of g.render(c.specs, { storeMode: "host" }).files) expect(f.mode & 0o002).toBe(0);
    }
  });

  it("never copies an environment file or a credential into the output", () => {
    const spec: ServiceSpec = {
      ...base,
      process: { start: [{ argv: ["/bin/true"] }], environmentFiles: [{ path: "/etc/secret.env" }] },
      sandboxing: { loadCredential: [{ id: "token", path: "/etc/secret-token" }] },
    };
    const files = g.render([spec], { storeMode: "host" }).files;
    expect(
      files.some((f) => f.path.endsWith("/etc/secret.env") || f.path.endsWith("/etc/secret-token")),
    ).toBe(false);
    expect(files.some((f) => f.content.includes("/etc/secret.env"))).toBe(true);
  });
});
