import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { arrayOfBytes, bytesOfArray } from "../nix/bytes.js";
import { readTextFile } from "./read-text.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "psl-read-text-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe("readTextFile", () => {
  it("reads ASCII, UTF-8, a byte-order mark and invalid UTF-8 exactly as readFileSync(p, 'utf8')", () => {
    const cases: (Uint8Array | string)[] = [
      "{ a = 1; }\n",
      "",
      'x: "é ${x} ✓ 𝄞"\n',
      "\ufeff{ }",
      new Uint8Array([0x7b, 0x20, 0xff, 0xc3, 0x28, 0x20, 0x7d]),
      `${"a".repeat(100_000)}ü`,
    ];
    cases.forEach((c, i) => {
      const p = write(`case${i}.nix`, c);
      expect(readTextFile(p)).toBe(fs.readFileSync(p, "utf8"));
    });
  });

  it("throws for a missing file, as readFileSync does", () => {
    expect(() => readTextFile(path.join(dir, "missing.nix"))).toThrow(/ENOENT/);
  });
});

describe("bytesOfArray", () => {
  it("maps every byte to the char of the same code, and back", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = bytesOfArray(all);
    expect(s.length).toBe(256);
    for (let i = 0; i < 256; i++) expect(s.charCodeAt(i)).toBe(i);
    expect([...arrayOfBytes(s)]).toEqual([...all]);
  });

  it("respects a view's offset and length", () => {
    const buf = new Uint8Array([1, 2, 0x80, 0x9f, 0xe9, 5]);
    expect(bytesOfArray(buf.subarray(2, 5))).toBe("\u0080\u009f\u00e9");
  });
});
