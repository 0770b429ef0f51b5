// `thidua worker --db URL [--concurrency N]`: runs jobs of the ingest queue (pipeline/queue),
// storing each plan in the shared library. Run one on each machine; stop with Ctrl-C (the
// running jobs finish) or kill it (its jobs are retried elsewhere when their lease expires).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { DEFAULT_LEASE_SECONDS } from '../../queue/queue.js';
import { defaultConcurrency, runWorker, type JobOutcome } from '../../queue/worker.js';
import { addDbOption, requireDb } from './queue.js';

export function registerWorker(program: Command): void {
  const cmd = program
    .command('worker')
    .description(t('queue.cmd-worker'))
    .option('-c, --concurrency <n>', t('queue.opt-concurrency', { cores: defaultConcurrency() }))
    .option('--lease <seconds>', t('queue.opt-lease', { lease: DEFAULT_LEASE_SECONDS }))
    .option('--until-empty', t('queue.opt-until-empty'))
    .option('--json', t('queue.opt-json'))
    .option('-q, --quiet', t('queue.opt-quiet'));
  addDbOption(cmd).action(async (opts: { db?: string; concurrency?: string; lease?: string; untilEmpty?: boolean; json?: boolean; quiet?: boolean }) => {
    const url = requireDb(opts);
    const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError(t('queue.concurrency-invalid', { value: opts.concurrency }));
    const lease = opts.lease === undefined ? undefined : Number(opts.lease);
    if (lease !== undefined && (!Number.isFinite(lease) || lease < 3 || lease > 86400)) throw new UsageError(t('queue.lease-invalid', { value: opts.lease }));
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const summary = await runWorker(url, {
        concurrency,
        leaseSeconds: lease,
        untilEmpty: opts.untilEmpty,
        signal: stop.signal,
        onStart: opts.json ? (job) => process.stdout.write(JSON.stringify({ event: 'start', ...job }) + '\n') : undefined,
        onJob: (o: JobOutcome) => {
          if (opts.json) process.stdout.write(JSON.stringify(o) + '\n');
          else if (!opts.quiet) process.stdout.write(o.reason ? `${o.status}: ${o.reason}\n` : t('queue.worker-job', { status: o.status, path: o.path, detail: o.id ? ` (#${o.id})` : '' }) + '\n');
        },
      });
      if (opts.json) process.stdout.write(JSON.stringify({ summary }) + '\n');
      else process.stdout.write(t('queue.worker-summary', { ...summary, seconds: summary.seconds.toFixed(1) }) + '\n');
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
