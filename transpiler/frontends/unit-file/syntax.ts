/**
 * systemd's configuration-file syntax (systemd.syntax(7)), read exactly as systemd's own parser reads it:
 * lines are joined when they end in an odd number of backslashes (the backslash becomes a space, the next
 * line is appended with its leading whitespace, comment lines inside a continuation are skipped); each
 * logical line is stripped; `#`/`;` start comments; `[Name]` opens a section; `Key=Value` is split at the
 * first `=` with whitespace around both sides removed. Values are kept raw: quoting, escapes and specifiers
 * belong to each directive and are handled by the directive codecs.
 *
 * Invariant: `parseUnitText(printUnitText(u)).sections` equals `u.sections` for every printable model
 * (values without newlines, without surrounding whitespace, not ending in an odd run of backslashes).
 */
import { type Diagnostic, diag, type Span } from "../../diagnostics/index.js";

export interface UnitEntry {
  readonly key: string;
  readonly value: string;
  /** The whole logical line, continuation lines included. */
  readonly span: Span;
  /** Set by frontends that synthesise entries (JSON): where in the input the value lives and how it got here. */
  readonly origin?: { readonly pointer?: string; readonly via?: string };
}

export interface UnitSection {
  readonly name: string;
  readonly span: Span;
  readonly entries: readonly UnitEntry[];
}

export interface UnitText {
  readonly file: string;
  readonly sections: readonly UnitSection[];
}

const WS = " \t\n\r";
const isWs = (c: string | undefined) => c !== undefined && WS.includes(c);

function strip(s: string): { text: string; lead: number } {
  let a = 0;
  let b = s.length;
  while (a < b && isWs(s[a])) a++;
  while (b > a && isWs(s[b - 1])) b--;
  return { text: s.slice(a, b), lead: a };
}

/** True when the text ends in an unescaped backslash (systemd's continuation rule). */
function endsEscaped(s: string): boolean {
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) escaped = false;
    else if (s[i] === "\\") escaped = true;
  }
  return escaped;
}

interface LogicalLine {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits text into systemd's logical lines (continuations joined, in-continuation comments dropped). */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let pos = 0;
  let pending: { text: string; start: number } | undefined;
  const body = text.startsWith("\uFEFF") ? 1 : 0;
  pos = body;
  while (pos <= text.length) {
    if (pos === text.length && pending === undefined) break;
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl).replace(/\r$/, "");
    const lineStart = pos;
    pos = nl + 1;
    if (pending) {
      const first = raw.replace(/^[ \t\r]+/, "")[0];
      if (first === "#" || first === ";") {
        if (pos > text.length) {
          out.push({ text: pending.text, start: pending.start, end: text.length });
          pending = undefined;
        }
        continue;
      }
      const joined = pending.text + raw;
      if (endsEscaped(joined) && pos <= text.length) {
        pending = { text: `${joined.slice(0, -1)} `, start: pending.start };
        continue;
      }
      out.push({
        text: endsEscaped(joined) ? `${joined.slice(0, -1)} ` : joined,
        start: pending.start,
        end: nl,
      });
      pending = undefined;
      continue;
    }
    if (endsEscaped(raw)) {
      if (pos > text.length) {
        out.push({ text: `${raw.slice(0, -1)} `, start: lineStart, end: nl });
      } else {
        pending = { text: `${raw.slice(0, -1)} `, start: lineStart };
      }
      continue;
    }
    out.push({ text: raw, start: lineStart, end: nl });
  }
  if (pending) out.push({ text: pending.text, start: pending.start, end: text.length });
  return out;
}

interface MutableSection {
  name: string;
  span: Span;
  entries: UnitEntry[];
}

/** Parses unit-file text into sections and raw entries; syntax problems become diagnostics. */
export function parseUnitText(file: string, text: string): { unit: UnitText; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sections: MutableSection[] = [];
  let current: MutableSection | undefined;
  for (const line of logicalLines(text)) {
    const { text: l } = strip(line.text);
    const span: Span = { file, start: line.start, end: line.end };
    if (l.length === 0 || l[0] === "#" || l[0] === ";") continue;
    if (l.startsWith(".include ")) {
      diagnostics.push(
        diag(
          "PSL4004",
          { detail: "`.include` is no longer supported by systemd; line ignored" },
          { span, severity: "warning" },
        ),
      );
      continue;
    }
    if (l[0] === "[") {
      if (l[l.length - 1] !== "]" || l.length < 3) {
        diagnostics.push(diag("PSL4004", { detail: `invalid section header \`${l}\`` }, { span }));
        current = undefined;
        continue;
      }
      current = { name: l.slice(1, -1), span, entries: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      diagnostics.push(diag("PSL4005", { line: l }, { span }));
      continue;
    }
    const eq = l.indexOf("=");
    if (eq < 0) {
      diagnostics.push(
        diag("PSL4004", { detail: `missing \`=\` in \`${l}\`; line ignored` }, { span, severity: "warning" }),
      );
      continue;
    }
    const key = strip(l.slice(0, eq)).text;
    if (key.length === 0) {
      diagnostics.push(diag("PSL4004", { detail: "missing key name before `=`" }, { span }));
      continue;
    }
    current.entries.push({ key, value: strip(l.slice(eq + 1)).text, span });
  }
  return { unit: { file, sections }, diagnostics };
}

/** Why a value cannot be written on one unit-file line, or undefined when it can. */
export function unprintableValue(value: string): string | undefined {
  if (value.includes("\n")) return "it contains a newline";
  if (value !== strip(value).text) return "it starts or ends with whitespace";
  if (endsEscaped(value)) return "it ends in a backslash that would continue the line";
  return undefined;
}

/** Prints sections as unit-file text. Throws on unprintable values: generators must quote first. */
export function printUnitText(
  sections: readonly { name: string; entries: readonly { key: string; value: string }[] }[],
): string {
  const parts: string[] = [];
  for (const s of sections) {
    if (parts.length > 0) parts.push("");
    parts.push(`[${s.name}]`);
    for (const e of s.entries) {
      const why = unprintableValue(e.value);
      if (why) throw new Error(`cannot print ${e.key}=: ${why}`);
      parts.push(`${e.key}=${e.value}`);
    }
  }
  return `${parts.join("\n")}\n`;
}
