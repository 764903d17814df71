/**
 * The shape of an image recipe: everything needed to build and boot one init system, as data. A recipe
 * lives in `vm-images/<init>/recipe.ts` (the folder name equals the init's name) beside its hook scripts;
 * the harness's builder turns it into a Docker image (and, when `vm` is present, a qemu disk) and keys the
 * result by a content hash of the recipe, so any change here rebuilds exactly what it affects.
 */

/** The init systems the harness boots. Each is also a generator target (`transpiler/generators/types.ts`). */
export const INITS = [
  "systemd",
  "sysvinit",
  "openrc",
  "runit",
  "s6",
  "supervisord",
  "daemontools",
  "busybox",
] as const;
export type InitName = (typeof INITS)[number];

/** How a container of this image must be run (beyond being detached). */
export interface RunFlags {
  /** Mount points that get a fresh tmpfs, with mount options (`rw,exec`). */
  readonly tmpfs: Readonly<Record<string, string>>;
  readonly capAdd: readonly string[];
  /** Host paths bind-mounted read-write at the same path. */
  readonly bindHostPaths: readonly string[];
  /** Share the host's cgroup namespace (systemd on a cgroup v1 host needs it). */
  readonly cgroupnsHost: boolean;
  readonly env: Readonly<Record<string, string>>;
}

/** The VM variant: extra packages and a hook for a bootable disk (kernel, udev, the qemu guest agent). */
export interface VmRecipe {
  readonly packages: readonly string[];
  /** File name of the VM hook script beside the recipe, run with `sh -e` in the chroot. */
  readonly hook: string;
  /** Kernel command-line additions, e.g. `init=/lib/sysvinit/init`. */
  readonly kernelArgs: readonly string[];
  /** How the guest marks "booted": written to the serial console, matched by the harness. */
  readonly readyMarker: string;
  /** Shell command that powers the guest off without waiting for it (run through the guest agent). */
  readonly poweroff: string;
}

export interface ImageRecipe {
  readonly init: InitName;
  readonly description: string;
  /** Debian bookworm packages on top of the common base (python3, curl, procps). */
  readonly packages: readonly string[];
  /** File name of the hook script beside the recipe, run with `sh -e` in the chroot after the packages. */
  readonly hook: string;
  /** PID 1 (the image's CMD). */
  readonly command: readonly string[];
  /** The signal that stops PID 1 cleanly (the image's STOPSIGNAL). */
  readonly stopSignal: string;
  /** A shell command that exits 0 once the init has finished booting. */
  readonly readyCheck: string;
  readonly run: RunFlags;
  readonly vm?: VmRecipe;
}

/** Run flags for inits that need nothing but a private /run. */
export const PLAIN_RUN: RunFlags = {
  tmpfs: { "/run": "rw,exec,mode=755" },
  capAdd: [],
  bindHostPaths: [],
  cgroupnsHost: false,
  env: {},
};
