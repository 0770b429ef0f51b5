// `thidua restore [FILE]`: writes the text with Vietnamese diacritics restored (stripped, Latin-OCR
// garbled or legacy-encoded input); everything else — line breaks, spacing, punctuation,
// numbers, document symbols, capitalisation, every token in place — stays as it was.
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatBytes } from '../../ingest/index.js';
import { t } from '../../messages/index.js';
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
      if (size > DEFAULT_MAX_BYTES) throw new InputError(null, 'too-large', { code: 'input.input-too-large', params: { size: formatBytes(size), limit: formatBytes(DEFAULT_MAX_BYTES) } });
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputError(file, 'missing', { code: 'input.no-such-file' });
  }
  if (!info.isFile()) throw new InputError(file, 'unreadable', { code: 'input.not-regular-file' });
  if (info.size > DEFAULT_MAX_BYTES) throw new InputError(file, 'too-large', { code: 'input.file-too-large', params: { size: formatBytes(info.size), limit: formatBytes(DEFAULT_MAX_BYTES) } });
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(file, 'unreadable', { code: 'input.cannot-read', params: { reason: (error as NodeJS.ErrnoException).code ?? 'error' } }, { cause: error });
  }
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description(t('cli.restore.description'))
    .argument('[file]', t('cli.restore.arg-file'))
    .option('-o, --out <file>', t('cli.restore.opt-out'))
    .option('--report', t('cli.restore.opt-report'))
    .addHelpText('after', '\n' + t('cli.restore.help-after'))
    .action(async (file: string | undefined, opts: { out?: string; report?: boolean }) => {
      const bytes = await readInput(file);
      const path = file === undefined || file === '-' ? null : file;
      const kind = detectKind(bytes);
      if (kind === 'binary') throw new InputError(path, 'binary', { code: 'input.not-text' });
      if (kind !== 'text' && kind !== 'empty') throw new InputError(path, 'unsupported-format', { code: 'cli.restore.not-text', params: { format: kind.toUpperCase() } });
      const { text } = decodeText(bytes);
      const result = normaliseDiacritics(text, { restore: true });
      if (opts.report) {
        process.stderr.write(t('cli.restore.report-diacritics', { value: result.diacritics }) + '\n');
        for (const d of result.diagnostics) process.stderr.write(`${d.line ? t('cli.restore.report-line', { line: d.line }) : ''}${d.message}\n`);
      }
      if (opts.out) await writeFileAtomic(opts.out, result.text);
      else process.stdout.write(result.text);
    });
}
