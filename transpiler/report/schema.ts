/**
 * The portability report's canonical JSON form, as a TypeBox schema (the single source of its TypeScript
 * types and its JSON Schema, printed by `psl report --schema`). Markdown is rendered from this form only.
 *
 * Per input (a unit file, a JSON export, a `.ts` spec) and per service: every feature the service uses,
 * named by its directive where it has one, with the provenance of each value (file:line) and, per target,
 * its status (native | emulated | dropped), the severity of a drop and what psl does about it. A summary
 * per target counts them over all services. Values themselves are never printed (they may be secrets).
 */
import { type Static, Type } from "@sinclair/typebox";
import { TARGETS } from "../generators/types.js";

const Target = Type.Union(TARGETS.map((t) => Type.Literal(t)));

export const ReportCell = Type.Object(
  {
    status: Type.Union([Type.Literal("native"), Type.Literal("emulated"), Type.Literal("dropped")]),
    severity: Type.Optional(
      Type.Union([Type.Literal("benign"), Type.Literal("behaviour"), Type.Literal("security")]),
    ),
    how: Type.String({ description: "What psl does (emulated, native) or why it is lost (dropped)" }),
    instead: Type.Optional(Type.String({ description: "What psl does instead of a dropped feature" })),
    override: Type.Optional(
      Type.String({ description: "Why this service departs from the capability table" }),
    ),
  },
  { additionalProperties: false },
);
export type ReportCell = Static<typeof ReportCell>;

export const ReportPlace = Type.Object(
  {
    file: Type.String(),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    column: Type.Optional(Type.Integer({ minimum: 1 })),
    via: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ReportEntry = Type.Object(
  {
    feature: Type.String({ description: "Capability-table feature name (see capabilities/features.ts)" }),
    directive: Type.String({
      description: "The directive or option a person recognises, e.g. [Service] User=",
    }),
    provenance: Type.Array(ReportPlace),
    implied: Type.Optional(Type.Boolean({ description: "A systemd default the spec does not spell out" })),
    targets: Type.Record(Type.String(), ReportCell),
  },
  { additionalProperties: false },
);
export type ReportEntry = Static<typeof ReportEntry>;

export const Counts = Type.Object(
  {
    native: Type.Integer(),
    emulated: Type.Integer(),
    dropped: Type.Object(
      { benign: Type.Integer(), behaviour: Type.Integer(), security: Type.Integer() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Counts = Static<typeof Counts>;

export const ReportService = Type.Object(
  {
    name: Type.String(),
    summary: Type.Record(Type.String(), Counts),
    entries: Type.Array(ReportEntry),
  },
  { additionalProperties: false },
);
export type ReportService = Static<typeof ReportService>;

export const AspectPlace = Type.Object(
  { option: Type.String(), file: Type.String(), line: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const Assumption = Type.Object(
  {
    option: Type.String(),
    field: Type.String({
      description: "service name and JSON pointer of the field that holds the placeholder",
    }),
    file: Type.String(),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AspectPlace = Static<typeof AspectPlace>;
export type Assumption = Static<typeof Assumption>;

export const PortabilityReport = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    targets: Type.Array(Target),
    inputs: Type.Array(
      Type.Object(
        {
          source: Type.String(),
          services: Type.Array(ReportService),
          systemAspects: Type.Optional(
            Type.Array(AspectPlace, {
              description:
                "Options a NixOS module sets that psl does not carry over (firewall, sysctl, packages, …)",
            }),
          ),
          assumptions: Type.Optional(
            Type.Array(Assumption, {
              description:
                "Options of other modules the module reads, which psl stood in for with an opaque value",
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    summary: Type.Record(Type.String(), Counts),
  },
  {
    additionalProperties: false,
    $id: "https://psl.dev/schema/portability-report.json",
    title: "PortabilityReport",
  },
);
export type PortabilityReport = Static<typeof PortabilityReport>;

/** The report's JSON Schema as plain JSON. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    ...(JSON.parse(JSON.stringify(PortabilityReport)) as Record<string, unknown>),
  };
}
