// `thidua queue add|status|retry --db URL`: the ingest queue on a PostgreSQL server, run by
// `thidua worker` processes on any number of machines (pipeline/queue).
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { collectFiles } from '../../library/ingest.js';
import { t } from '../../messages/index.js';
import { IngestQueue, type AddOutcome } from '../../queue/queue.js';

interface DbOptions {
  db?: string;
  json?: boolean;
}

/** The --db option every queue command takes (env THIDUA_DB). */
export function addDbOption(cmd: Command): Command {
  return cmd.addOption(new Option('--db <url>', t('queue.opt-db')).env('THIDUA_DB'));
}

/** The server URL, or a usage error: the queue needs a server. */
export function requireDb(opts: DbOptions): string {
  if (!opts.db) throw new UsageError(t('queue.db-required'));
  if (!/^postgres(ql)?:\/\//.test(opts.db)) throw new UsageError(t('queue.db-not-url', { value: opts.db }));
  return opts.db;
}

async function withQueue<T>(opts: DbOptions, fn: (q: IngestQueue) => Promise<T>): Promise<T> {
  const queue = await IngestQueue.open(requireDb(opts));
  try {
    return await fn(queue);
  } finally {
    await queue.close().catch(() => {});
  }
}

export function registerQueue(program: Command): void {
  const queue = program.command('queue').description(t('queue.cmd-queue'));

  addDbOption(queue.command('add').description(t('queue.cmd-add')).argument('<paths...>').option('--json', t('queue.opt-json'))).action(async (paths: string[], opts: DbOptions) => {
    const url = requireDb(opts);
    const { files, failures } = await collectFiles(paths);
    if (files.length === 0 && failures.length === 0) throw new InputError(paths.join(' '), 'missing', t('queue.no-files'));
    const print = (o: AddOutcome) => {
      if (opts.json) process.stdout.write(JSON.stringify(o) + '\n');
    };
    const earlier: AddOutcome[] = failures.map((f) => ({ path: f.path, status: 'failed', reason: f.reason }));
    earlier.forEach(print);
    const outcomes = [...earlier, ...(await withQueue({ db: url }, (q) => q.add(files, print)))];
    const count = (s: AddOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    const summary = { total: outcomes.length, queued: count('queued'), already: count('already-queued'), failed: count('failed') };
    if (opts.json) process.stdout.write(JSON.stringify({ summary }) + '\n');
    else {
      const lines = [t('queue.add-summary', summary)];
      for (const o of outcomes) if (o.status === 'failed') lines.push(t('queue.add-failed-line', { path: o.path, reason: o.reason }));
      process.stdout.write(lines.join('\n') + '\n');
    }
    if (summary.failed > 0) {
      const first = outcomes.find((o) => o.status === 'failed')!;
      throw new InputError(first.path, 'invalid', t('queue.add-some-failed', summary));
    }
  });

  addDbOption(queue.command('status').description(t('queue.cmd-status')).option('--json', t('queue.opt-json'))).action(async (opts: DbOptions) => {
    const status = await withQueue(opts, (q) => q.status());
    if (opts.json) process.stdout.write(JSON.stringify(status, null, 2) + '\n');
    else {
      const lines = [t('queue.status-line', { pending: status.pending, active: status.active, done: status.done, failed: status.failed })];
      for (const f of status.failures) lines.push(t('queue.status-failure', f));
      process.stdout.write(lines.join('\n') + '\n');
    }
  });

  addDbOption(queue.command('retry').description(t('queue.cmd-retry')).option('--json', t('queue.opt-json'))).action(async (opts: DbOptions) => {
    const count = await withQueue(opts, (q) => q.retryFailed());
    process.stdout.write(opts.json ? JSON.stringify({ retried: count }) + '\n' : t('queue.retried', { count }) + '\n');
  });
}
