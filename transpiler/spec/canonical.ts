/**
 * Canonical form of a spec: no `undefined`, no empty lists or objects, object keys in schema order.
 * Frontends and the `.ts` loader both end here, so two specs for the same service are deeply equal and
 * print the same way.
 */
import type { TSchema } from "@sinclair/typebox";
import { ServiceSpec } from "./schema.js";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, TSchema>;
  patternProperties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
}

function canonicalValue(value: unknown, schema: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) {
    const items = schema?.items as SchemaNode | undefined;
    return value.map((v) => canonicalValue(v, items));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  const props = schema?.properties;
  const keys = props
    ? [...Object.keys(props).filter((k) => k in value), ...Object.keys(value).filter((k) => !(k in props))]
    : Object.keys(value);
  const recordItem = schema?.patternProperties ? Object.values(schema.patternProperties)[0] : undefined;
  for (const k of keys) {
    const child = canonicalValue(value[k], (props?.[k] ?? recordItem) as SchemaNode | undefined);
    if (child === undefined) continue;
    if (Array.isArray(child) && child.length === 0 && !isRequiredArray(schema, k)) continue;
    if (isPlainObject(child) && Object.keys(child).length === 0) continue;
    out[k] = child;
  }
  return out;
}

function isRequiredArray(schema: SchemaNode | undefined, key: string): boolean {
  const required = (schema as { required?: string[] } | undefined)?.required;
  return required?.includes(key) ?? false;
}

/** The canonical form of a spec (a new object; the input is not changed). */
export function canonicalizeSpec(spec: ServiceSpec): ServiceSpec {
  return canonicalValue(spec, ServiceSpec as SchemaNode) as ServiceSpec;
}

/** Canonicalises a loose object that is meant to be a spec, before validation. */
export function canonicalizeLoose(value: unknown): unknown {
  return canonicalValue(value, ServiceSpec as SchemaNode);
}
