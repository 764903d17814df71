/**
 * What `transpiler/nixos/nix/eval-isolated.nix` returns, split into the export bundle (the shape of
 * `psl export-expr`, read by the JSON frontend's `readEvaluatedJson`) and the isolation's own results:
 * failed assertions, warnings, the options set that psl does not carry over, and the texts of generated files.
 * Pure: the caller runs the evaluator (real Nix or psl's own) and passes its JSON output.
 */

/** The isolation's results next to the bundle. */
export interface IsolationResult {
  /** The export bundle as JSON text: `{ systemd, users, environment }`. */
  readonly bundle: string;
  /** Messages of the assertions that failed (NixOS would refuse to build). */
  readonly assertions: readonly string[];
  readonly warnings: readonly string[];
  /** Options the module set that psl does not translate, as dotted paths (`networking.firewall.allowedTCPPorts`). */
  readonly foreign: readonly string[];
  /** Store path → text, for files written from text that the units and /etc refer to. */
  readonly files: Readonly<Record<string, string>>;
}

const EXTRA_KEYS = ["assertions", "warnings", "foreign", "files"] as const;

function stringList(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw new TypeError(`isolation result: \`${key}\` is not a list of strings`);
  return value as string[];
}

function stringRecord(value: unknown, key: string): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new TypeError(`isolation result: \`${key}\` is not an attribute set`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") throw new TypeError(`isolation result: \`${key}.${k}\` is not a string`);
    out[k] = v;
  }
  return out;
}

/**
 * Splits the JSON text eval-isolated.nix printed. Throws a TypeError when the text is not such a result
 * (a broken invariant: the evaluator printed something else).
 */
export function splitIsolationResult(text: string): IsolationResult {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new TypeError("isolation result: not an attribute set");
  const all = parsed as Record<string, unknown>;
  const bundle: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (!(EXTRA_KEYS as readonly string[]).includes(k)) bundle[k] = v;
  return {
    bundle: `${JSON.stringify(bundle, null, 2)}\n`,
    assertions: stringList(all.assertions ?? [], "assertions"),
    warnings: stringList(all.warnings ?? [], "warnings"),
    foreign: stringList(all.foreign ?? [], "foreign"),
    files: stringRecord(all.files ?? {}, "files"),
  };
}
