#!/usr/bin/env node
// Entry point of the `thidua` command: runs the compiled CLI (npm ci / npm run build makes dist/).
// main() never throws: user errors exit 1 or 2, a fault of thidua 70, each with one line.
import { main } from '../dist/pipeline/cli/index.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`thidua: internal error: ${process.env.THIDUA_DEBUG && error && error.stack ? error.stack : error}`);
    process.exitCode = 70;
  },
);
