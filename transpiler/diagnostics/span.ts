/**
 * Source spans. Inside psl every location is a UTF-16 offset pair into a named file's text;
 * line and column exist only at the edge, where a {@link LineMap} formats them.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the text of `file`. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A span of its own, copied from anything that has the three fields (a Nix syntax node is its own span):
 * what outlives a tree, such as a diagnostic, keeps a copy, not the node.
 */
export function copySpan(s: Span): Span {
  return { file: s.file, start: s.start, end: s.end };
}

/** A 1-based line and column, as shown to people. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets of one text to 1-based line/column pairs (binary search over line starts). */
export class LineMap {
  private readonly lineStarts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** The position of `offset`; offsets past the end clamp to the last line. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** The offset where 1-based `line` starts, or the text length for lines past the end. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.lineStarts[this.lineStarts.length - 1] ?? 0;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Texts by file name, so that spans can be turned into positions at the edge. */
export class SourceRegistry {
  private readonly texts = new Map<string, string>();
  private readonly maps = new Map<string, LineMap>();

  add(file: string, text: string): void {
    this.texts.set(file, text);
    this.maps.delete(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** Every file and its text. */
  files(): IterableIterator<[string, string]> {
    return this.texts.entries();
  }

  /** The position of a span's start, or undefined when the file's text is unknown. */
  position(span: Span): Position | undefined {
    const text = this.texts.get(span.file);
    if (text === undefined) return undefined;
    let map = this.maps.get(span.file);
    if (!map) {
      map = new LineMap(text);
      this.maps.set(span.file, map);
    }
    return map.position(span.start);
  }
}
