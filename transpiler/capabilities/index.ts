/**
 * The capability table (feature × target → native | emulated | dropped) and its lookup API. Other tools
 * (the generators, the report, the harness's compliance scenarios) use only these exports.
 */
export { COMMAND_ASPECTS, directiveFeatures, FEATURES, rawFeature, VARIANT_FIELDS } from "./features.js";
export { LINUX_HELPER_TARGETS, SUPERVISORS } from "./row.js";
export { CAPABILITY_TABLE, capabilityOf, capabilityRow } from "./table.js";
export type { Capability, CapabilityRow, CapabilityStatus, DropSeverity } from "./types.js";
