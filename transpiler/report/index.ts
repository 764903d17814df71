/** The portability report: built from the generators' plans, canonical JSON with a schema, Markdown. */
export { buildReport, type ReportInput, securityLosses } from "./build-report.js";
export { directiveLabel } from "./directive-label.js";
export { renderReportMarkdown } from "./render-markdown.js";
export { type PortabilityReport, reportJsonSchema } from "./schema.js";
