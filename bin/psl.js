#!/usr/bin/env node
// The psl executable: runs the compiled CLI (`npm run build` produces dist/).
import { main } from "../dist/transpiler/cli/main.js";

await main();
