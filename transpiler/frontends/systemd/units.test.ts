import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandSpecifiers, unescapeUnitName } from "./specifiers.js";
import {
  formatTimespan,
  normalizeSignal,
  parseBoolean,
  parseExitStatus,
  parseSize,
  parseTimespan,
} from "./units.js";

describe("systemd value syntaxes", () => {
  it("parses time spans the way systemd does", () => {
    expect(parseTimespan("5min 20s")).toBe(320);
    expect(parseTimespan("1.5h")).toBe(5400);
    expect(parseTimespan("300")).toBe(300);
    expect(parseTimespan("250ms")).toBe(0.25);
    expect(parseTimespan("2d3h")).toBe(2 * 86400 + 3 * 3600);
    expect(parseTimespan("infinity")).toBe("infinity");
    expect(parseTimespan("5 parsecs")).toBeUndefined();
  });

  it("prints time spans that parse back to the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 999 }), (s, ms) => {
        const v = s + ms / 1000;
        expect(parseTimespan(formatTimespan(v))).toBeCloseTo(v, 6);
      }),
    );
  });

  it("reads booleans, sizes, signals and exit statuses", () => {
    expect(["yes", "on", "1", "true"].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(parseBoolean("maybe")).toBeUndefined();
    expect(parseSize("64K")).toBe(65536);
    expect(normalizeSignal("TERM")).toBe("SIGTERM");
    expect(normalizeSignal("9")).toBe("SIGKILL");
    expect(normalizeSignal("SIGRTMIN+3")).toBe("SIGRTMIN+3");
    expect(normalizeSignal("SIGNOPE")).toBeUndefined();
    expect(parseExitStatus("1 2 SIGKILL HUP")).toEqual({ codes: [1, 2], signals: ["SIGKILL", "SIGHUP"] });
    expect(parseExitStatus("TEMPFAIL")).toMatch(/neither/);
  });

  it("resolves specifiers for system units and reports what it cannot", () => {
    const x = (s: string, unitName = "foo-bar@a-b\\x2dc.service") => expandSpecifiers(s, { unitName });
    expect(x("%n|%N|%p|%P|%i|%I|%j|%f").value).toBe(
      "foo-bar@a-b\\x2dc.service|foo-bar@a-b\\x2dc|foo-bar|foo/bar|a-b\\x2dc|a/b-c|bar|/a/b-c",
    );
    expect(x("%t %S %C %L %E %T %V %h %u %%").value).toBe(
      "/run /var/lib /var/cache /var/log /etc /tmp /var/tmp /root root %",
    );
    expect(x("%H").problems).toEqual([{ kind: "host", specifier: "H" }]);
    expect(x("%i", "tpl@.service").problems).toEqual([{ kind: "instance", specifier: "i" }]);
    expect(x("%Q").problems).toEqual([{ kind: "unknown", specifier: "Q" }]);
    expect(unescapeUnitName("dev-disk-by\\x2dlabel")).toBe("dev/disk/by-label");
  });
});
