/**
 * The JSON Schema of a ServiceSpec. TypeBox schemas are JSON Schema already; this strips TypeBox's private
 * markers so the document is plain JSON. `docs/service-spec.schema.json` is this output, kept in sync by a
 * test (never edited by hand).
 */
import { ServiceSpec } from "./schema.js";

/** A plain-JSON copy of the schema. */
export function serviceSpecJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(ServiceSpec)) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", ...plain };
}
