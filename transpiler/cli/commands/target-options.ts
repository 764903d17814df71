/**
 * The options `psl generate` and `psl report` share: `--target t1,t2|all`, `--store-mode host|store` and
 * `--package-map FILE` (a JSON package map merged over the shipped Debian map).
 */
import { type Diagnostic, diag } from "../../diagnostics/index.js";
import { isTarget } from "../../generators/index.js";
import { type GenerateOptions, TARGETS, type TargetName } from "../../generators/types.js";
import { mergePackageMaps, parsePackageMap } from "../../nixos/package-map.js";
import { DEBIAN_PACKAGE_MAP } from "../../nixos/package-map-debian.js";
import type { OptionTable, ParsedArgs } from "../args.js";
import { describeError } from "../inputs.js";
import type { CliIO } from "../io.js";

export const TARGET_OPTIONS: OptionTable = {
  target: { kind: "list", short: "t", value: "T1,T2|all", help: `targets: ${TARGETS.join(", ")}, or all` },
  "store-mode": {
    kind: "string",
    value: "host|store",
    help: "host: map Nix packages to Debian's (default); store: keep /nix/store paths",
  },
  "package-map": {
    kind: "string",
    value: "FILE",
    help: "a JSON package map merged over the shipped Debian map",
  },
};

export function parseTargets(args: ParsedArgs, diagnostics: Diagnostic[]): TargetName[] {
  const raw = (args.lists.get("target") ?? ["all"]).flatMap((t) => t.split(",")).map((t) => t.trim());
  const out: TargetName[] = [];
  for (const t of raw) {
    if (t === "all") out.push(...TARGETS);
    else if (isTarget(t)) out.push(t);
    else if (t !== "") diagnostics.push(diag("PSL6012", { target: t, targets: TARGETS.join(", ") }));
  }
  return [...new Set(out)];
}

export function parseGenerateOptions(
  args: ParsedArgs,
  io: CliIO,
  diagnostics: Diagnostic[],
): GenerateOptions {
  const mode = args.strings.get("store-mode") ?? "host";
  if (mode !== "host" && mode !== "store") {
    diagnostics.push(
      diag("PSL7008", { value: mode, option: "--store-mode", reason: "expected host or store" }),
    );
  }
  const file = args.strings.get("package-map");
  let packageMap = DEBIAN_PACKAGE_MAP;
  if (file) {
    try {
      const parsed = parsePackageMap(JSON.parse(io.fs.readFile(file)) as unknown);
      if (typeof parsed === "string") diagnostics.push(diag("PSL6013", { file, reason: parsed }));
      else packageMap = mergePackageMaps(DEBIAN_PACKAGE_MAP, parsed);
    } catch (e) {
      diagnostics.push(diag("PSL6013", { file, reason: describeError(e) }));
    }
  }
  return { storeMode: mode === "store" ? "store" : "host", packageMap };
}
