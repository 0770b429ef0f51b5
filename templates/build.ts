// Writes the built-in templates as .docx files (for review, and as a starting point for a
// province's own form): `node dist/templates/build.js [DIR]` (default: ./templates).
// The renderer does not read these files: it builds the same bytes from code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMau01 } from './mau01.js';
import { buildMau08 } from './mau08.js';

export const BUILT_IN_TEMPLATES = { mau01: buildMau01, mau08: buildMau08 } as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'templates';
  mkdirSync(dir, { recursive: true });
  for (const [name, build] of Object.entries(BUILT_IN_TEMPLATES)) {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, build());
    process.stdout.write(`${path}\n`);
  }
}
