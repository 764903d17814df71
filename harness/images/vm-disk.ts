/**
 * VM disks for qemu: one Debian kernel with a small initrd (built once in its own chroot and shared), and
 * per init an ext4 raw disk made from the base rootfs plus the recipe's `vm` packages and hook, with the
 * kernel's modules copied in. Keyed by content hash like the container images; tests boot the disk with
 * `snapshot=on`, so the cached disk is never modified.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { ImageRecipe } from "../../vm-images/index.js";
import { cacheDir, repoRoot } from "../paths.js";
import { runHostOk } from "../process/run-host.js";
import { chrootBuildScript, ensureBaseRootfs } from "./base-rootfs.js";
import { withBuildLock } from "./build-lock.js";
import { recipeFile } from "./container-image.js";
import { BUILDER_VERSION, contentHash, shortHash } from "./recipe-hash.js";

export interface VmKernel {
  readonly dir: string;
  readonly version: string;
  readonly vmlinuz: string;
  readonly initrd: string;
  /** `<dir>/modules/<version>`, copied into every disk. */
  readonly modules: string;
}

export interface VmDisk {
  readonly init: string;
  readonly key: string;
  readonly disk: string;
  readonly kernel: VmKernel;
  readonly cached: boolean;
  readonly durationMs: number;
}

const DISK_SIZE = "2G";

function kernelHook(): string {
  return join(repoRoot(), "harness", "images", "vm-kernel-hook.sh");
}

/**
 * Written into the kernel chroot before the kernel is installed: the initrd that the package's trigger
 * builds is then small and quick (MODULES=most takes minutes here); the hook builds the one we boot.
 */
const INITRAMFS_CONF = "MODULES=list\n";

function kernelKey(baseDirKey: string): string {
  return contentHash([
    BUILDER_VERSION,
    baseDirKey,
    "linux-image-amd64",
    INITRAMFS_CONF,
    readFileSync(kernelHook(), "utf8"),
  ]);
}

function readKernel(dir: string): VmKernel {
  const version = readFileSync(join(dir, "version"), "utf8").trim();
  return {
    dir,
    version,
    vmlinuz: join(dir, "vmlinuz"),
    initrd: join(dir, "initrd.img"),
    modules: join(dir, "modules", version),
  };
}

/** The shared guest kernel, built under a lock when missing. */
export async function ensureVmKernel(log: (line: string) => void = () => {}): Promise<VmKernel> {
  const base = await ensureBaseRootfs(log);
  const key = kernelKey(base.key);
  const dir = join(cacheDir(), `kernel-${shortHash(key)}`);
  if (existsSync(join(dir, "complete"))) return readKernel(dir);
  return withBuildLock(join(cacheDir(), "lock-kernel"), async () => {
    if (existsSync(join(dir, "complete"))) return readKernel(dir);
    log("vm kernel: installing linux-image-amd64");
    rmSync(dir, { recursive: true, force: true });
    const work = mkdtempSync(join(cacheDir(), "work-kernel-"));
    const root = join(work, "rootfs");
    try {
      await runHostOk(["cp", "-a", base.dir, root]);
      mkdirSync(join(root, "etc", "initramfs-tools", "conf.d"), { recursive: true });
      writeFileSync(join(root, "etc", "initramfs-tools", "conf.d", "psl.conf"), INITRAMFS_CONF);
      await runHostOk(["bash", chrootBuildScript(), root, kernelHook(), "linux-image-amd64"], {
        timeoutMs: 20 * 60_000,
      });
      const version = readdirSync(join(root, "lib", "modules"))[0];
      if (version === undefined) throw new Error("vm kernel: no /lib/modules after installing the kernel");
      mkdirSync(join(dir, "modules"), { recursive: true });
      cpSync(join(root, "boot", `vmlinuz-${version}`), join(dir, "vmlinuz"));
      cpSync(join(root, "boot", "psl-initrd.img"), join(dir, "initrd.img"));
      await runHostOk(["cp", "-a", join(root, "lib", "modules", version), join(dir, "modules", version)]);
      writeFileSync(join(dir, "version"), `${version}\n`);
      writeFileSync(join(dir, "complete"), `${key}\n`);
      return readKernel(dir);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

export function vmDiskKey(recipe: ImageRecipe, kernelDir: string): string {
  const vm = recipe.vm;
  if (vm === undefined) throw new Error(`vm-images/${recipe.init} has no vm recipe`);
  return contentHash([
    BUILDER_VERSION,
    kernelDir,
    readFileSync(chrootBuildScript(), "utf8"),
    ...[...vm.packages].sort(),
    readFileSync(recipeFile(recipe, vm.hook), "utf8"),
    DISK_SIZE,
  ]);
}

/** Returns the recipe's VM disk, building it under a per-init lock when missing. */
export async function ensureVmDisk(
  recipe: ImageRecipe,
  log: (line: string) => void = () => {},
): Promise<VmDisk> {
  const vm = recipe.vm;
  if (vm === undefined) throw new Error(`vm-images/${recipe.init} has no vm recipe`);
  const kernel = await ensureVmKernel(log);
  const key = vmDiskKey(recipe, kernel.dir);
  const dir = join(cacheDir(), `vm-${recipe.init}-${shortHash(key)}`);
  const disk = join(dir, "disk.raw");
  const done = join(dir, "complete");
  if (existsSync(done)) return { init: recipe.init, key, disk, kernel, cached: true, durationMs: 0 };
  return withBuildLock(join(cacheDir(), `lock-vm-${recipe.init}`), async () => {
    if (existsSync(done)) return { init: recipe.init, key, disk, kernel, cached: true, durationMs: 0 };
    const t0 = performance.now();
    const base = await ensureBaseRootfs(log);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const work = mkdtempSync(join(cacheDir(), `work-vm-${recipe.init}-`));
    const root = join(work, "rootfs");
    try {
      log(`vm ${recipe.init}: installing ${vm.packages.join(" ")}`);
      await runHostOk(["cp", "-a", base.dir, root]);
      mkdirSync(join(root, "lib", "modules"), { recursive: true });
      await runHostOk(["cp", "-a", kernel.modules, join(root, "lib", "modules", kernel.version)]);
      await runHostOk(["bash", chrootBuildScript(), root, recipeFile(recipe, vm.hook), ...vm.packages], {
        timeoutMs: 15 * 60_000,
      });
      await runHostOk(["chroot", root, "depmod", "-a", kernel.version]);
      log(`vm ${recipe.init}: mkfs.ext4 ${DISK_SIZE}`);
      await runHostOk(["truncate", "-s", DISK_SIZE, disk]);
      await runHostOk(["mkfs.ext4", "-q", "-F", "-L", "psl-root", "-d", root, disk], {
        timeoutMs: 10 * 60_000,
      });
      writeFileSync(done, `${key}\n`);
      return { init: recipe.init, key, disk, kernel, cached: false, durationMs: performance.now() - t0 };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
