/** The recipe registry: one entry per init, in the order of `INITS`. */
import { recipe as busybox } from "./busybox/recipe.js";
import { recipe as daemontools } from "./daemontools/recipe.js";
import { recipe as openrc } from "./openrc/recipe.js";
import type { ImageRecipe, InitName } from "./recipe.js";
import { recipe as runit } from "./runit/recipe.js";
import { recipe as s6 } from "./s6/recipe.js";
import { recipe as supervisord } from "./supervisord/recipe.js";
import { recipe as systemd } from "./systemd/recipe.js";
import { recipe as sysvinit } from "./sysvinit/recipe.js";

export { type ImageRecipe, INITS, type InitName, type RunFlags, type VmRecipe } from "./recipe.js";

export const RECIPES: Readonly<Record<InitName, ImageRecipe>> = {
  systemd,
  sysvinit,
  openrc,
  runit,
  s6,
  supervisord,
  daemontools,
  busybox,
};
