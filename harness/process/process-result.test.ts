/** One message builder for failed commands, and sh quoting that survives any bytes. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { describeFailure } from "./process-result.js";
import { shellJoin, shellQuote } from "./shell-quote.js";

describe("describeFailure", () => {
  it("names the command, the exit code and the duration, then the output", () => {
    const text = describeFailure({
      command: "systemctl start foo",
      exitCode: 3,
      stdout: "",
      stderr: "Job failed\n",
      durationMs: 2100,
      timedOut: false,
    });
    expect(text).toBe("`systemctl start foo` failed with exit code 3 after 2.1 s\nstderr:\nJob failed");
  });

  it("says when a timeout ended the command", () => {
    const r = { command: "sleep 9", exitCode: 124, stdout: "", stderr: "", durationMs: 1000, timedOut: true };
    expect(describeFailure(r)).toBe("`sleep 9` timed out after 1.0 s");
  });
});

describe("shellQuote", () => {
  it("round-trips awkward words through sh", () => {
    const words = ["plain", "", "a b", "it's", "$HOME", "`id`", "new\nline", "ünï", "*", "\\", "-n"];
    const out = execFileSync("sh", ["-c", `for w in ${shellJoin(words)}; do printf '%s\\0' "$w"; done`]);
    expect(out.toString("utf8").split("\0").slice(0, -1)).toEqual(words);
  });

  it("leaves safe words alone", () => {
    expect(shellQuote("/usr/bin/python3")).toBe("/usr/bin/python3");
  });
});
