/**
 * How `psl-run.ts` is made from `psl-run.sh`: the script's lines as a string array, so that generators
 * (which are pure and never read files) can ship it. `psl-run.test.ts` compares the two; `vitest -u`
 * rewrites `psl-run.ts` after an edit of the script.
 */

/** The TypeScript module that embeds `script`. */
export function embedScript(script: string): string {
  const lines = script.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const body = lines.map((l) => `  ${literal(l)},`).join("\n");
  return [
    "/**",
    " * psl's runtime helper, psl-run, as text: generated from `psl-run.sh` (edit that file, then run",
    " * `npx vitest run transpiler/runtime/psl-run.test.ts -u`). Every generated target installs it; see the script's header.",
    " */",
    "",
    "const LINES: readonly string[] = [",
    body,
    "];",
    "",
    "/** The script, with a final newline. */",
    'export const PSL_RUN_SCRIPT: string = `${LINES.join("\\n")}\\n`;',
    "",
  ].join("\n");
}

/** A string literal as Biome prints it: double quotes unless single quotes need fewer escapes. */
function literal(s: string): string {
  const json = JSON.stringify(s);
  const doubles = s.split('"').length - 1;
  const singles = s.split("'").length - 1;
  if (doubles <= singles) return json;
  const inner = json
    .slice(1, -1)
    .replace(/\\(.)/g, (m, c: string) => (c === '"' ? '"' : m))
    .replace(/'/g, "\\'");
  return `'${inner}'`;
}
