/**
 * Names that become file names on targets. A service, user or group name is checked here once, so that
 * no generator can be handed `../x` or `/etc/passwd` as a name.
 */

/** Characters systemd allows in unit names, minus `\` (escaped names are not accepted by psl). */
const UNIT_NAME = /^[A-Za-z0-9:_.@-]+$/;
const MAX_UNIT_NAME = 255;

/** Why `name` cannot be a service name, or undefined when it can. `name` has no `.service` suffix. */
export function checkServiceName(name: string): string | undefined {
  if (name.length === 0) return "it is empty";
  if (name.length > MAX_UNIT_NAME - ".service".length) return "it is longer than systemd allows";
  if (name.includes("/")) return "it contains `/`";
  if (name === "." || name === ".." || name.startsWith(".")) return "it starts with `.`";
  if (name.startsWith("-")) return "it starts with `-`";
  if (!UNIT_NAME.test(name)) return "only ASCII letters, digits and `:_.@-` are allowed";
  const at = name.indexOf("@");
  if (at === 0) return "nothing precedes `@`";
  if (at >= 0 && name.indexOf("@", at + 1) >= 0) return "it contains more than one `@`";
  return undefined;
}

/** A unit name with suffix (`network.target`), as used in dependency lists. */
export function checkUnitName(name: string): string | undefined {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "it has no unit type suffix such as `.service`";
  return checkServiceName(name.slice(0, dot));
}

const ACCOUNT_NAME = /^[a-z_][a-z0-9_-]*[$]?$/i;

/** Why `name` cannot be a user or group name (POSIX portable set), or undefined. */
export function checkAccountName(name: string): string | undefined {
  if (name.length === 0) return "it is empty";
  if (name.length > 32) return "it is longer than 32 characters";
  if (!ACCOUNT_NAME.test(name)) return "only letters, digits, `_` and `-` are allowed, not first `-`";
  return undefined;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` is a valid environment variable name (systemd's rule). */
export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/** True when a relative path stays inside its base directory (no `..`, not absolute, not empty). */
export function isContainedRelativePath(path: string): boolean {
  if (path.length === 0 || path.startsWith("/")) return false;
  return path.split("/").every((seg) => seg !== ".." && seg !== "");
}

/** The template part of `x@i` → `x@`, or undefined when the name is not an instance or template. */
export function templateOf(name: string): { template: string; instance: string } | undefined {
  const at = name.indexOf("@");
  if (at < 0) return undefined;
  return { template: name.slice(0, at + 1), instance: name.slice(at + 1) };
}
