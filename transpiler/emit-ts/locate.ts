/**
 * Finds where a JSON pointer into a spec is written in a `.ts` spec file: the object literal passed to
 * `defineService` (or exported directly) is walked property by property. Returns an offset, or the
 * deepest enclosing node's offset when the exact member is not written literally.
 */
import type { ts as TS } from "ts-morph";
import { typescript } from "./typescript.js";

function unescapeSegment(s: string): string {
  return s.replaceAll("~1", "/").replaceAll("~0", "~");
}

function exportedLiteral(file: TS.SourceFile): TS.Expression | undefined {
  const ts = typescript();
  for (const st of file.statements) {
    if (ts.isExportAssignment(st)) {
      let e: TS.Expression = st.expression;
      if (ts.isCallExpression(e) && e.arguments[0]) e = e.arguments[0];
      while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e))
        e = e.expression;
      return e;
    }
  }
  return undefined;
}

function propertyName(name: TS.PropertyName): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** The offset in `text` where the value at `pointer` is written, or the nearest enclosing one. */
export function locatePointer(text: string, pointer: string): number | undefined {
  const ts = typescript();
  const file = ts.createSourceFile("spec.ts", text, ts.ScriptTarget.ES2022, true);
  let node: TS.Node | undefined = exportedLiteral(file);
  if (!node) return undefined;
  let best = node.getStart(file);
  for (const raw of pointer.split("/").slice(1)) {
    const seg = unescapeSegment(raw);
    let next: TS.Node | undefined;
    if (node && ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (
          (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
          propertyName(p.name) === seg
        ) {
          next = ts.isPropertyAssignment(p) ? p.initializer : p;
          best = p.getStart(file);
        }
      }
    } else if (node && ts.isArrayLiteralExpression(node) && /^\d+$/.test(seg)) {
      next = node.elements[Number(seg)];
      if (next) best = next.getStart(file);
    }
    if (!next) break;
    node = next;
  }
  return best;
}
