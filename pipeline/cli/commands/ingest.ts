// `thidua ingest FILES|DIRS…`: extracts each plan and stores it in the library.
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { collectFiles, ingestFiles, type FileOutcome, type IngestSummary } from '../../library/ingest.js';
import { createExtractPool, defaultJobs } from '../../library/extract-pool.js';
import { InputError, UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description(t('cli.ingest.description'))
    .argument('<paths...>', t('cli.ingest.arg-paths'))
    .option('-q, --quiet', t('cli.ingest.opt-quiet'))
    .option('--json', t('cli.ingest.opt-json'))
    .option('-j, --jobs <n>', t('cli.ingest.opt-jobs'));
  addLibraryOptions(cmd)
    .addHelpText('after', '\n' + t('cli.ingest.exit-status'))
    .action(async (paths: string[], opts: LibraryCliOptions & { quiet?: boolean; json?: boolean; jobs?: string }) => {
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0 || jobs > 64)) throw new UsageError({ code: 'cli.err-jobs', params: { value: opts.jobs } });
      const { files, failures } = await collectFiles(paths);
      if (files.length === 0 && failures.length === 0) throw new InputError(paths.join(' '), 'missing', { code: 'input.no-files' });
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
        throw new InputError(summary.failed[0].path, 'invalid', { code: 'cli.ingest.failed-count', params: { failed: summary.failed.length, total } });
      }
    });
}

export function formatSummary(s: IngestSummary): string {
  const total = s.stored + s.updated + s.unchanged + s.failed.length;
  const lines = [
    t('cli.ingest.summary', { total, seconds: s.seconds.toFixed(1), stored: s.stored, updated: s.updated, unchanged: s.unchanged, failed: s.failed.length }),
  ];
  for (const f of s.failed) lines.push(t('cli.ingest.summary-failed', { path: f.path, reason: f.reason }));
  return lines.join('\n') + '\n';
}
