#!/usr/bin/env node
// Entry point of the `thidua` command: runs the compiled CLI (npm ci / npm run build makes dist/).
import { main } from '../dist/pipeline/cli/index.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`thidua: internal error: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 70;
  },
);
