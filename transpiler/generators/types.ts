/**
 * The contract every target generator fulfils. A generator is pure: ServiceSpecs in, files and diagnostics
 * out. The harness installs the output on a real machine; `psl generate` writes it to disk.
 *
 * Output layout for one target (paths relative to `<out>/<target>/`):
 * - `rootfs/…`   files at their absolute paths on the target (`rootfs/etc/init.d/web` → `/etc/init.d/web`);
 * - `install.sh` POSIX sh, run as root on the target from the directory that holds `rootfs/`: copies the
 *   tree into `/`, creates users, groups and directories (owner, mode), writes configuration files,
 *   enables the services and starts them (unless `PSL_NO_START=1`); idempotent;
 * - `uninstall.sh` the reverse: stops and disables the services and removes what install.sh created
 *   (never users' data directories unless `PSL_PURGE=1`).
 */
import type { Diagnostic } from "../diagnostics/index.js";
import type { PackageMap } from "../nixos/package-map.js";
import type { ServiceSpec } from "../spec/schema.js";
import type { ServicePlan } from "./plan.js";

export const TARGETS = [
  "systemd",
  "sysvinit",
  "openrc",
  "runit",
  "s6",
  "s6-rc",
  "supervisord",
  "daemontools",
  "dinit",
  "launchd",
  "freebsd-rc",
  "busybox",
] as const;
export type TargetName = (typeof TARGETS)[number];

export interface GeneratedFile {
  /** Relative to the target's output directory, e.g. `rootfs/etc/init.d/web` or `install.sh`. */
  readonly path: string;
  readonly content: string;
  /** File mode; never world-writable. */
  readonly mode: number;
}

export interface GenerateOptions {
  /** `store` keeps /nix/store paths (the target has Nix); `host` maps packages to the distribution's. */
  readonly storeMode: "store" | "host";
  /** Host mode: Nix package → distribution package (default: the shipped Debian map). */
  readonly packageMap?: PackageMap;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Per generated service: what the target needs that psl does not install. */
  readonly needs?: readonly ServiceNeeds[];
}

export interface ServiceNeeds {
  readonly service: string;
  /** Store mode: store paths to realise on the target. */
  readonly storePaths: readonly string[];
  /** Host mode: distribution packages the service uses. */
  readonly packages: readonly string[];
}

export interface Generator {
  readonly target: TargetName;
  render(specs: readonly ServiceSpec[], options: GenerateOptions): GenerateResult;
  /** What the target does with each feature of `spec` (what the report prints). */
  plan?(spec: ServiceSpec, options: GenerateOptions): ServicePlan;
}
