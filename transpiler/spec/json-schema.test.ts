import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serviceSpecJsonSchema } from "./json-schema.js";

describe("the published JSON Schema", () => {
  it("is exactly what the TypeBox source generates (regenerate with `./bin/psl.js schema > docs/service-spec.schema.json`)", () => {
    const file = join(import.meta.dirname, "../../docs/service-spec.schema.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(serviceSpecJsonSchema());
  });

  it("is closed: unknown fields are not allowed anywhere in a spec object", () => {
    const s = serviceSpecJsonSchema() as {
      additionalProperties?: boolean;
      properties: Record<string, { additionalProperties?: boolean }>;
    };
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.process?.additionalProperties).toBe(false);
  });
});
