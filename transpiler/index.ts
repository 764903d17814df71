/**
 * psl's public API: what spec files import (`defineService` and the spec types) and what programs embedding
 * psl call (the frontends, emit-ts, validation). Everything here is pure; the CLI adds the file system.
 */
export * from "./diagnostics/index.js";
export { emitSpecSource } from "./emit-ts/emit-spec.js";
export { type LoadHost, type LoadResult, loadSpecFile } from "./emit-ts/load-spec.js";
export { readEvaluatedJson } from "./frontends/json/read-json.js";
export { readUnitFiles } from "./frontends/unit-file/read-units.js";
export * from "./spec/index.js";
