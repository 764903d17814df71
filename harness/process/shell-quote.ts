/** POSIX sh quoting: one word, byte for byte, for any string (single quotes; `'` becomes `'\''`). */
export function shellQuote(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** A command line of quoted words. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}
