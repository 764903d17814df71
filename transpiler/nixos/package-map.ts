/**
 * Host-package mode: Nix store paths become the paths of a distribution's packages. A package map says, per
 * Nix package name (`parseDrvName` of the store path's name: `coreutils-9.5` → `coreutils`), which
 * distribution package provides it, under which prefix (`/usr`: `…/bin/ls` → `/usr/bin/ls`), and where
 * single programs live when they are elsewhere (`postgres` → `/usr/lib/postgresql/15/bin/postgres`).
 * psl ships a Debian map (`package-map-debian.ts`); users extend or override it with a JSON file of the
 * same shape (`psl generate --package-map FILE`). Store paths of unmapped packages are kept and reported.
 */
import { storePathName } from "./store-paths.js";

export interface PackageMapEntry {
  /** The distribution package that provides it (what install instructions name). */
  readonly package: string;
  /** What `/nix/store/<hash>-<name>` becomes; default `/usr`. */
  readonly prefix?: string;
  /** Programs that do not live in `<prefix>/bin`: program name → absolute path. */
  readonly bins?: Readonly<Record<string, string>>;
}

export type PackageMap = Readonly<Record<string, PackageMapEntry>>;

const STORE_PATH = /\/nix\/store\/[0-9a-df-np-sv-z]{32}-[^/\s"'`;:]+/g;

/** Nix's `builtins.parseDrvName`: the name is everything before the first `-` followed by a digit. */
export function packageName(storeName: string): string {
  const m = /-[0-9]/.exec(storeName);
  return m ? storeName.slice(0, m.index) : storeName;
}

export interface MappedText {
  readonly text: string;
  /** Store paths left in place because their package has no mapping. */
  readonly unmapped: readonly { readonly package: string; readonly path: string }[];
  /** Distribution packages the text now needs. */
  readonly packages: readonly string[];
}

/** Rewrites every store path in `text` through `map`. */
export function mapStorePaths(text: string, map: PackageMap): MappedText {
  const unmapped: { package: string; path: string }[] = [];
  const packages = new Set<string>();
  const out = text.replace(/\/nix\/store\/[0-9a-df-np-sv-z]{32}-[^/\s"'`;:]+(\/[^\s"'`;:]*)?/g, (whole) => {
    const storePath = (whole.match(STORE_PATH) ?? [whole])[0] ?? whole;
    const rest = whole.slice(storePath.length);
    const pkg = packageName(storePathName(storePath));
    const entry = map[pkg];
    if (!entry) {
      if (!unmapped.some((u) => u.path === storePath)) unmapped.push({ package: pkg, path: storePath });
      return whole;
    }
    packages.add(entry.package);
    const bin = /^\/s?bin\/([^/]+)$/.exec(rest)?.[1];
    if (bin && entry.bins?.[bin]) return entry.bins[bin];
    return `${entry.prefix ?? "/usr"}${rest}`;
  });
  return { text: out, unmapped, packages: [...packages].sort() };
}

/** The store paths `text` mentions (for store mode: what must be realised on the target). */
export function storePathsIn(text: string): string[] {
  return [...new Set(text.match(STORE_PATH) ?? [])];
}

/** Merges maps; later entries win. */
export function mergePackageMaps(...maps: readonly PackageMap[]): PackageMap {
  return Object.assign({}, ...maps) as PackageMap;
}

/** Validates a user-supplied map (parsed JSON); returns the map or a reason. */
export function parsePackageMap(value: unknown): PackageMap | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected an object";
  const out: Record<string, PackageMapEntry> = {};
  for (const [name, e] of Object.entries(value)) {
    if (typeof e !== "object" || e === null) return `${name}: expected an object`;
    const { package: pkg, prefix, bins } = e as Record<string, unknown>;
    if (typeof pkg !== "string") return `${name}.package: expected a string`;
    if (prefix !== undefined && (typeof prefix !== "string" || !prefix.startsWith("/")))
      return `${name}.prefix: expected an absolute path`;
    if (bins !== undefined) {
      if (typeof bins !== "object" || bins === null) return `${name}.bins: expected an object`;
      for (const [b, p] of Object.entries(bins))
        if (typeof p !== "string" || !p.startsWith("/"))
          return `${name}.bins.${b}: expected an absolute path`;
    }
    out[name] = {
      package: pkg,
      ...(typeof prefix === "string" ? { prefix } : {}),
      ...(bins ? { bins: bins as Record<string, string> } : {}),
    };
  }
  return out;
}
