/**
 * Builds the Docker image of one init recipe from the cached base rootfs: copy the base, install the
 * recipe's packages and run its hook in a chroot, then `tar | docker import` with the recipe's CMD and
 * labels, and a one-line build that adds STOPSIGNAL (which `docker import --change` does not accept).
 * The tag is `psl/<init>:<key12>` and the label `org.psl.recipe=<key>`; a present tag is never rebuilt.
 * Nothing is pulled from a registry.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ImageRecipe } from "../../vm-images/index.js";
import { cacheDir, repoRoot } from "../paths.js";
import { runHost, runHostOk } from "../process/run-host.js";
import { shellQuote } from "../process/shell-quote.js";
import { baseKey, chrootBuildScript, ensureBaseRootfs } from "./base-rootfs.js";
import { withBuildLock } from "./build-lock.js";
import { BUILDER_VERSION, contentHash, shortHash } from "./recipe-hash.js";

export const IMAGE_LABELS = {
  harness: "org.psl.harness",
  recipe: "org.psl.recipe",
  init: "org.psl.init",
} as const;

export interface BuiltImage {
  readonly init: string;
  readonly tag: string;
  readonly key: string;
  readonly cached: boolean;
  readonly durationMs: number;
}

export function recipeFile(recipe: ImageRecipe, name: string): string {
  return join(repoRoot(), "vm-images", recipe.init, name);
}

/** The content key of a recipe's container image. */
export function imageKey(recipe: ImageRecipe): string {
  return contentHash([
    BUILDER_VERSION,
    baseKey(),
    readFileSync(chrootBuildScript(), "utf8"),
    recipe.init,
    ...[...recipe.packages].sort(),
    readFileSync(recipeFile(recipe, recipe.hook), "utf8"),
    JSON.stringify(recipe.command),
    recipe.stopSignal,
  ]);
}

/** The repository part of image tags: `psl`, or `$PSL_IMAGE_NAMESPACE` (the benchmark builds cold under its own). */
export function imageNamespace(): string {
  return process.env.PSL_IMAGE_NAMESPACE ?? "psl";
}

export function imageTag(recipe: ImageRecipe): string {
  return `${imageNamespace()}/${recipe.init}:${shortHash(imageKey(recipe))}`;
}

export async function imageExists(tag: string): Promise<boolean> {
  return (await runHost(["docker", "image", "inspect", "--format", "{{.Id}}", tag])).exitCode === 0;
}

/** Returns the recipe's image, building it (under a per-init lock) when it is missing. */
export async function ensureContainerImage(
  recipe: ImageRecipe,
  log: (line: string) => void = () => {},
): Promise<BuiltImage> {
  const key = imageKey(recipe);
  const tag = `${imageNamespace()}/${recipe.init}:${shortHash(key)}`;
  if (await imageExists(tag)) return { init: recipe.init, tag, key, cached: true, durationMs: 0 };
  mkdirSync(cacheDir(), { recursive: true });
  return withBuildLock(join(cacheDir(), `lock-image-${recipe.init}`), async () => {
    if (await imageExists(tag)) return { init: recipe.init, tag, key, cached: true, durationMs: 0 };
    const t0 = performance.now();
    const base = await ensureBaseRootfs(log);
    const work = mkdtempSync(join(cacheDir(), `work-${recipe.init}-`));
    const root = join(work, "rootfs");
    try {
      log(`${recipe.init}: installing ${recipe.packages.join(" ")}`);
      await runHostOk(["cp", "-a", base.dir, root]);
      await runHostOk(
        ["bash", chrootBuildScript(), root, recipeFile(recipe, recipe.hook), ...recipe.packages],
        { timeoutMs: 15 * 60_000 },
      );
      const manifest = await runHostOk(["chroot", root, "dpkg-query", "-W"]);
      mkdirSync(join(cacheDir(), "manifests"), { recursive: true });
      writeFileSync(join(cacheDir(), "manifests", `${recipe.init}-${shortHash(key)}.txt`), manifest.stdout);
      log(`${recipe.init}: importing ${tag}`);
      const labels = [
        `${IMAGE_LABELS.harness}=1`,
        `${IMAGE_LABELS.recipe}=${key}`,
        `${IMAGE_LABELS.init}=${recipe.init}`,
      ];
      const changes = [`CMD ${JSON.stringify(recipe.command)}`, ...labels.map((l) => `LABEL ${l}`)];
      const importCmd = [
        `tar -C ${shellQuote(root)} --numeric-owner -cf - .`,
        `docker import ${changes.map((c) => `--change ${shellQuote(c)}`).join(" ")} - ${shellQuote(`${tag}-import`)}`,
      ].join(" | ");
      await runHostOk(["bash", "-o", "pipefail", "-c", importCmd], { timeoutMs: 10 * 60_000 });
      const dockerfile = `FROM ${tag}-import\nSTOPSIGNAL ${recipe.stopSignal}\n`;
      await runHostOk(["docker", "build", "-q", "-t", tag, "-"], {
        input: dockerfile,
        env: { DOCKER_BUILDKIT: "0" },
        timeoutMs: 5 * 60_000,
      });
      await runHost(["docker", "image", "rm", `${tag}-import`]);
      return { init: recipe.init, tag, key, cached: false, durationMs: performance.now() - t0 };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
