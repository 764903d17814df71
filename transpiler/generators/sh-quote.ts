/**
 * POSIX sh quoting for everything psl writes into shell files: a word reads back exactly, whatever it
 * holds (quotes, `$`, backticks, newlines, non-ASCII, leading dashes). Words made only of safe characters
 * stay bare for readability; everything else is single-quoted, with `'` written as `'\''`.
 */

const SAFE = /^[A-Za-z0-9_/.,:@%+=-]+$/;

/** One word, quoted for sh. */
export function shQuote(word: string): string {
  if (word !== "" && SAFE.test(word)) return word;
  return singleQuote(word);
}

/** Always single-quoted (for words that must not look like assignments or options). */
export function singleQuote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** A command line: the words quoted and joined; the first word is never taken for an assignment. */
export function shJoin(words: readonly string[]): string {
  return words.map((w, i) => (i === 0 && w.includes("=") ? singleQuote(w) : shQuote(w))).join(" ");
}

/** `NAME=value` as an sh assignment (NAME must be a valid identifier). */
export function shAssign(name: string, value: string): string {
  return `${name}=${shQuote(value)}`;
}
