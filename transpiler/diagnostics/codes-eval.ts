import type { CodeInfo } from "./code-info.js";

/**
 * The Nix evaluator (2000–2999). An evaluation error carries one of these codes, Nix's wording in its
 * message, and a trace of frames (file:line of each) in its notes.
 */
export const EVAL_CODES = {
  PSL2001: { severity: "error", message: "{message}" },
  PSL2002: { severity: "error", message: "evaluation aborted with the following error message: '{message}'" },
  PSL2003: { severity: "error", message: "assertion '{expr}' failed" },
  PSL2004: { severity: "error", message: "infinite recursion encountered" },
  PSL2005: { severity: "error", message: "{message}" },
  PSL2006: { severity: "error", message: "attribute '{name}' missing" },
  PSL2007: { severity: "error", message: "undefined variable '{name}'" },
  PSL2008: { severity: "error", message: "function '{fn}' called without required argument '{name}'" },
  PSL2009: { severity: "error", message: "function '{fn}' called with unexpected argument '{name}'" },
  PSL2010: { severity: "error", message: "division by zero" },
  PSL2011: { severity: "error", message: "integer overflow in {operation}" },
  PSL2012: { severity: "error", message: "stack overflow; max-call-depth exceeded" },
  PSL2013: { severity: "error", message: "{message}" },
  PSL2014: { severity: "error", message: "dynamic attribute '{name}' already defined at {where}" },
  PSL2015: { severity: "warning", message: "{message}" },
  PSL2016: { severity: "info", message: "trace: {message}" },
  PSL2017: { severity: "error", message: "{message}" },
  PSL2018: { severity: "error", message: "builtins.{name} is not supported by psl: {reason}" },
  PSL2019: { severity: "warning", message: "{message}" },
  PSL2020: { severity: "error", message: "evaluation stopped after {limit} ms (the time limit)" },
} as const satisfies Record<string, CodeInfo>;
