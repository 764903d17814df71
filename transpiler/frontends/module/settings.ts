/**
 * The user's settings for a module under translation, as written on the command line:
 * `--set services.web.port=8080` (the value is a Nix expression), `--set-str services.web.name=web` (a
 * string), `--config file.nix` (an ordinary NixOS module). Option paths are dotted; a segment with dots
 * is quoted: `services."my.app".enable=true`.
 */
import { type Diagnostic, diag } from "../../diagnostics/index.js";
import { textToBytes } from "../../nix/bytes.js";
import { printLiteralString } from "../../nix/literals.js";
import type { ModuleSetting } from "./read-module.js";

/** Splits `a."b.c".d` into ["a", "b.c", "d"]; undefined when malformed. */
export function splitOptionPath(text: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let seg = "";
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return undefined;
      seg = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const m = /^[A-Za-z0-9_'-]+/.exec(text.slice(i));
      if (!m) return undefined;
      seg = m[0];
      i += seg.length;
    }
    out.push(seg);
    if (i === text.length) break;
    if (text[i] !== ".") return undefined;
    i++;
    if (i === text.length) return undefined;
  }
  return out.length > 0 ? out : undefined;
}

/** Parses `--set` / `--set-str` arguments. */
export function parseSettings(
  sets: readonly string[],
  strings: readonly string[],
): { settings: ModuleSetting[]; diagnostics: Diagnostic[] } {
  const settings: ModuleSetting[] = [];
  const diagnostics: Diagnostic[] = [];
  const one = (raw: string, flag: "--set" | "--set-str") => {
    const eq = raw.indexOf("=");
    const path = eq > 0 ? splitOptionPath(raw.slice(0, eq)) : undefined;
    if (eq <= 0 || !path) {
      diagnostics.push(diag("PSL3004", { setting: `${flag} ${raw}`, reason: "expected OPTION.PATH=VALUE" }));
      return;
    }
    const value = raw.slice(eq + 1);
    const expr = flag === "--set" ? value : printLiteralString(textToBytes(value));
    if (flag === "--set" && value.trim() === "") {
      diagnostics.push(
        diag("PSL3004", {
          setting: `${flag} ${raw}`,
          reason: "the value is empty; use --set-str for an empty string",
        }),
      );
      return;
    }
    settings.push({ path, expr, label: `${flag} ${raw}` });
  };
  for (const s of sets) one(s, "--set");
  for (const s of strings) one(s, "--set-str");
  return { settings, diagnostics };
}
