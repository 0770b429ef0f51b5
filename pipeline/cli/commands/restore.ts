// `thidua restore [FILE]`: writes the text with Vietnamese diacritics restored (stripped, Latin-OCR
// garbled or legacy-encoded input); everything else — line breaks, spacing, punctuation,
// numbers, document symbols, capitalisation, every token in place — stays as it was.
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { detectKind } from '../../ingest/detect.js';
import { decodeText } from '../../ingest/text.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/types.js';
import { normaliseDiacritics } from '../../diacritics/index.js';
import { writeFileAtomic } from '../io.js';

async function readInput(file: string | undefined): Promise<Uint8Array> {
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > DEFAULT_MAX_BYTES) throw new InputError(null, 'too-large', `standard input is larger than ${DEFAULT_MAX_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputError(file, 'missing', 'no such file');
  }
  if (!info.isFile()) throw new InputError(file, 'unreadable', 'not a regular file');
  if (info.size > DEFAULT_MAX_BYTES) throw new InputError(file, 'too-large', `the file is larger than ${DEFAULT_MAX_BYTES} bytes`);
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(file, 'unreadable', (error as Error).message, { cause: error });
  }
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore the Vietnamese diacritics of a stripped, OCR-garbled or TCVN3/VNI-encoded text (standard input when no file)')
    .argument('[file]', 'a text file; standard input when absent or "-"')
    .option('-o, --out <file>', 'write the restored text to this file instead of standard output')
    .option('--report', 'print what was detected and repaired on standard error')
    .addHelpText('after', '\nText that already has diacritics passes through unchanged.\nExit status: 0 on success; 1 for a bad input; 2 for a usage error.')
    .action(async (file: string | undefined, opts: { out?: string; report?: boolean }) => {
      const bytes = await readInput(file);
      const path = file === undefined || file === '-' ? null : file;
      const kind = detectKind(bytes);
      if (kind === 'binary') throw new InputError(path, 'binary', 'the input is binary, not text');
      if (kind !== 'text' && kind !== 'empty') throw new InputError(path, 'unsupported-format', `restore reads text; this is ${kind.toUpperCase()} (use thidua extract)`);
      const { text } = decodeText(bytes);
      const result = normaliseDiacritics(text, { restore: true });
      if (opts.report) {
        process.stderr.write(`diacritics: ${result.diacritics}\n`);
        for (const d of result.diagnostics) process.stderr.write(`${d.line ? `line ${d.line}: ` : ''}${d.message}\n`);
      }
      if (opts.out) await writeFileAtomic(opts.out, result.text);
      else process.stdout.write(result.text);
    });
}
