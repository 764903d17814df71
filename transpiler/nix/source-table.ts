/**
 * Positions of Nix syntax nodes, as Nix keeps them: one number per node. Every text the parser reads gets
 * its own range of positions, `[base, base + length]`, from one table for the whole process; a node
 * stores its position, and its file and offset in that file are looked up here when someone asks (an
 * error, `unsafeGetAttrPos`, a report), which is rare next to how many nodes a large file has.
 *
 * Positions are plain numbers: they stay small integers (V8's fast case) until a process has parsed about
 * 2 GB of text, and stay correct after that.
 */
class SourceTable {
  private readonly bases: number[] = [];
  private readonly files: string[] = [];
  private next = 0;
  /** The range the last lookup found (lookups come in runs from one file). */
  private last = 0;

  /** Gives a text of `length` UTF-16 units in `file` its range of positions; returns the first. */
  add(file: string, length: number): number {
    const base = this.next;
    this.bases.push(base);
    this.files.push(file);
    this.next = base + length + 1;
    return base;
  }

  /** The file that position `pos` is in. */
  fileAt(pos: number): string {
    return this.files[this.rangeOf(pos)] ?? "";
  }

  /** The offset in its file of position `pos`. */
  offsetAt(pos: number): number {
    return pos - (this.bases[this.rangeOf(pos)] ?? 0);
  }

  private rangeOf(pos: number): number {
    const bases = this.bases;
    const last = this.last;
    if ((bases[last] ?? 0) <= pos && (last + 1 >= bases.length || (bases[last + 1] ?? 0) > pos)) return last;
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bases[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }
}

/** The table of every text parsed in this process. */
export const nixSources = new SourceTable();
