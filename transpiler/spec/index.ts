export { canonicalizeSpec } from "./canonical.js";
export { defineService } from "./define-service.js";
export * from "./names.js";
export * from "./schema.js";
export { type Validated, type ValidateOptions, validateSpec } from "./validate.js";
