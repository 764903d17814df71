/**
 * Nix strings are byte strings: `stringLength "é"` is 2 and `substring` cuts bytes. psl keeps every Nix
 * string value as a JavaScript "byte string", one char per byte (codes 0–255, the UTF-8 encoding of the
 * text), so lengths, substrings, sorting and regular expressions see bytes exactly as Nix does. Source text
 * and output stay ordinary JavaScript strings; these helpers convert at those edges.
 */

import { Buffer } from "node:buffer";

const NON_ASCII = /[\u0080-\uffff]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The byte string (UTF-8) of ordinary text. ASCII text is returned as is. */
export function textToBytes(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return bytesOfArray(encoder.encode(text));
}

/** Ordinary text from a byte string, decoding UTF-8 (invalid sequences become U+FFFD). */
export function bytesToText(bytes: string): string {
  if (!NON_ASCII.test(bytes)) return bytes;
  return decoder.decode(arrayOfBytes(bytes));
}

/** The byte string of raw bytes (Latin-1 maps each byte to the char of the same code). */
export function bytesOfArray(a: Uint8Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("latin1");
}

/** The raw bytes of a byte string. */
export function arrayOfBytes(bytes: string): Uint8Array {
  const a = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) a[i] = bytes.charCodeAt(i) & 0xff;
  return a;
}

/** Whether a byte string is valid UTF-8. */
export function isValidUtf8(bytes: string): boolean {
  if (!NON_ASCII.test(bytes)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(arrayOfBytes(bytes));
    return true;
  } catch {
    return false;
  }
}

/**
 * Text for a message that may hold byte strings (values) or text (file names): strings with chars above
 * 0xff are already text; otherwise valid UTF-8 is decoded and anything else is kept as is.
 */
export function messageText(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  if (/[\u0100-\uffff]/.test(s)) return s;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(arrayOfBytes(s));
  } catch {
    return s;
  }
}
