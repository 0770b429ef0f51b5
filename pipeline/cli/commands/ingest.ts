// `thidua ingest FILES|DIRS…`: extracts each plan and stores it in the library.
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { collectFiles, ingestFiles, type FileOutcome, type IngestSummary } from '../../library/ingest.js';
import { createExtractPool, defaultJobs } from '../../library/extract-pool.js';
import { InputError, UsageError } from '../../errors.js';

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('extract plans from files and directories and store them in the library (idempotent by content hash)')
    .argument('<paths...>', 'plan documents (text, markdown, PDF, image, DOCX), record JSON files, or directories of them')
    .option('-q, --quiet', 'no progress bar')
    .option('--json', 'print one JSON line per file as soon as it is stored, then a summary line')
    .option('-j, --jobs <n>', 'extraction worker threads, working ahead of the stores (default: cores - 1, at least 1, at most 4; 0: none)');
  addLibraryOptions(cmd)
    .addHelpText('after', '\nExit status: 0 when every file was stored or already present; 1 when some failed (the summary names them and why).')
    .action(async (paths: string[], opts: LibraryCliOptions & { quiet?: boolean; json?: boolean; jobs?: string }) => {
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0 || jobs > 64)) throw new UsageError(`--jobs takes a whole number from 0 to 64, not "${opts.jobs}"`);
      const { files, failures } = await collectFiles(paths);
      if (files.length === 0 && failures.length === 0) throw new InputError(paths.join(' '), 'missing', 'no plan files found');
      // Extraction workers start before the library opens, so that they load meanwhile.
      const pool = files.length > 1 && (jobs ?? defaultJobs()) >= 1 ? createExtractPool(jobs ?? defaultJobs()) : null;
      const summary = await withLibrary(opts, async (lib) => {
        const bar = !opts.quiet && !opts.json && process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }) : null;
        bar?.start(files.length + failures.length, 0, { file: '' });
        try {
          return await ingestFiles(
            lib,
            files,
            {
              jobs,
              pool,
              onFile: (o: FileOutcome) => {
                if (opts.json) process.stdout.write(JSON.stringify(o) + '\n');
                bar?.increment({ file: o.path.length > 40 ? '…' + o.path.slice(-39) : o.path });
              },
            },
            failures,
          );
        } finally {
          bar?.stop();
        }
      }).finally(() => pool?.close());
      if (opts.json) process.stdout.write(JSON.stringify({ summary }) + '\n');
      else process.stdout.write(formatSummary(summary));
      if (summary.failed.length > 0) {
        const total = summary.stored + summary.updated + summary.unchanged + summary.failed.length;
        // Exit 1, after the summary, naming the first failed file.
        throw new InputError(summary.failed[0].path, 'invalid', `${summary.failed.length} of ${total} files could not be ingested (see the summary)`);
      }
    });
}

export function formatSummary(s: IngestSummary): string {
  const total = s.stored + s.updated + s.unchanged + s.failed.length;
  const lines = [
    `${total} file${total === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s: ${s.stored} stored, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed.length} failed`,
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.path}: ${f.reason}`);
  return lines.join('\n') + '\n';
}
