/**
 * Apple's XML property lists, as launchd reads them: a value model (string, integer, boolean, array, dict)
 * printed with XML escaping. XML 1.0 cannot hold most control characters; `plistString` says so and the
 * generator takes another route for such values.
 */

export type PlistValue =
  | string
  | number
  | boolean
  | readonly PlistValue[]
  | { readonly [key: string]: PlistValue };

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Whether `s` can be written in an XML plist. */
export function plistString(s: string): boolean {
  return !XML_INVALID.test(s);
}

function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function print(v: PlistValue, indent: string): string[] {
  if (typeof v === "string") return [`${indent}<string>${escapeXml(v)}</string>`];
  if (typeof v === "number") return [`${indent}<integer>${Math.trunc(v)}</integer>`];
  if (typeof v === "boolean") return [`${indent}<${v}/>`];
  if (Array.isArray(v))
    return [`${indent}<array>`, ...v.flatMap((x) => print(x, `${indent}\t`)), `${indent}</array>`];
  const entries = Object.entries(v as Record<string, PlistValue>);
  return [
    `${indent}<dict>`,
    ...entries.flatMap(([k, x]) => [`${indent}\t<key>${escapeXml(k)}</key>`, ...print(x, `${indent}\t`)]),
    `${indent}</dict>`,
  ];
}

/** A whole plist document with `comment` (no `--` inside) at the top. */
export function printPlist(root: { readonly [key: string]: PlistValue }, comment: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    `<!-- ${comment.replaceAll("--", "- -")} -->`,
    '<plist version="1.0">',
    ...print(root, ""),
    "</plist>",
    "",
  ].join("\n");
}
