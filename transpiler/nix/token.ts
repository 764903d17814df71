/**
 * Token kinds of the Nix lexer. Punctuation tokens use their own character code (below 128), so the
 * lexer can return `'{'` as 123 without a table; every other kind is numbered from 128 up. Each kind has
 * the name bison's messages use ("unexpected 'then'", "expecting identifier"), so syntax errors read like
 * Nix's own.
 */

export const T = {
  EOF: 0,
  ID: 128,
  STR: 129,
  /** A piece of an indented string that takes part in indentation stripping. */
  IND_STR: 130,
  /** A piece of an indented string that came from an escape or a lone quote: it ends leading whitespace. */
  IND_STR_LIT: 131,
  INT: 132,
  FLOAT: 133,
  PATH: 134,
  HPATH: 135,
  SPATH: 136,
  PATH_END: 137,
  URI: 138,
  IF: 139,
  THEN: 140,
  ELSE: 141,
  ASSERT: 142,
  WITH: 143,
  LET: 144,
  IN: 145,
  REC: 146,
  INHERIT: 147,
  OR_KW: 148,
  ELLIPSIS: 149,
  EQ: 150,
  NEQ: 151,
  LEQ: 152,
  GEQ: 153,
  AND: 154,
  OR: 155,
  IMPL: 156,
  UPDATE: 157,
  CONCAT: 158,
  PIPE_FROM: 159,
  PIPE_INTO: 160,
  DOLLAR_CURLY: 161,
  IND_STRING_OPEN: 162,
  IND_STRING_CLOSE: 163,
  /** A character no rule accepts (bison's "invalid token"). */
  INVALID: 164,
} as const;

export type TokenKind = number;

/** Keywords: an identifier with one of these spellings is the keyword (flex lists them first). */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map([
  ["if", T.IF],
  ["then", T.THEN],
  ["else", T.ELSE],
  ["assert", T.ASSERT],
  ["with", T.WITH],
  ["let", T.LET],
  ["in", T.IN],
  ["rec", T.REC],
  ["inherit", T.INHERIT],
  ["or", T.OR_KW],
]);

const NAMES: Readonly<Record<number, string>> = {
  [T.EOF]: "end of file",
  [T.ID]: "identifier",
  [T.STR]: "string",
  [T.IND_STR]: "indented string",
  [T.IND_STR_LIT]: "indented string",
  [T.INT]: "integer",
  [T.FLOAT]: "floating-point literal",
  [T.PATH]: "path",
  [T.HPATH]: "'~/…' path",
  [T.SPATH]: "'<…>' path",
  [T.PATH_END]: "end of path",
  [T.URI]: "URI",
  [T.IF]: "'if'",
  [T.THEN]: "'then'",
  [T.ELSE]: "'else'",
  [T.ASSERT]: "'assert'",
  [T.WITH]: "'with'",
  [T.LET]: "'let'",
  [T.IN]: "'in'",
  [T.REC]: "'rec'",
  [T.INHERIT]: "'inherit'",
  [T.OR_KW]: "'or'",
  [T.ELLIPSIS]: "'...'",
  [T.EQ]: "'=='",
  [T.NEQ]: "'!='",
  [T.LEQ]: "'<='",
  [T.GEQ]: "'>='",
  [T.AND]: "'&&'",
  [T.OR]: "'||'",
  [T.IMPL]: "'->'",
  [T.UPDATE]: "'//'",
  [T.CONCAT]: "'++'",
  [T.PIPE_FROM]: "'<|'",
  [T.PIPE_INTO]: "'|>'",
  [T.DOLLAR_CURLY]: "'${'",
  [T.IND_STRING_OPEN]: "start of an indented string",
  [T.IND_STRING_CLOSE]: "end of an indented string",
  [T.INVALID]: "invalid token",
};

/** The name of a token kind in a syntax error message. */
export function tokenName(kind: TokenKind): string {
  const name = NAMES[kind];
  if (name !== undefined) return name;
  return `'${String.fromCharCode(kind)}'`;
}

/** Punctuation token kinds, spelled as their character code. */
export const P = {
  LBRACE: 123,
  RBRACE: 125,
  LPAREN: 40,
  RPAREN: 41,
  LBRACKET: 91,
  RBRACKET: 93,
  SEMI: 59,
  COLON: 58,
  COMMA: 44,
  DOT: 46,
  AT: 64,
  QUESTION: 63,
  ASSIGN: 61,
  BANG: 33,
  PLUS: 43,
  MINUS: 45,
  STAR: 42,
  SLASH: 47,
  LT: 60,
  GT: 62,
  QUOTE: 34,
} as const;
