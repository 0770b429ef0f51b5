// `thidua serve`: the officer's workbench in a browser, on the same library as the CLI.
// Loopback only unless a token guards it: a LAN address without --token is refused.
import { spawn } from 'node:child_process';
import { isIP } from 'node:net';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { defaultDataDir } from '../../library/cli.js';
import { t } from '../../messages/index.js';

interface ServeOptions {
  port: string;
  host: string;
  library?: string;
  data?: string;
  db?: string;
  open?: boolean;
  token?: string;
  jobs?: string;
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h.startsWith('::ffff:127.');
  return false;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the address is printed anyway.
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(t('cli.serve.description'))
    .option('-p, --port <port>', t('cli.serve.opt-port'), '8080')
    .option('--host <host>', t('cli.serve.opt-host'), '127.0.0.1')
    .option('--library <dir>', t('cli.serve.opt-library'))
    .addOption(new Option('--data <dir>', t('cli.serve.opt-data')).env('THIDUA_DATA').hideHelp())
    .addOption(new Option('--db <url>', t('cli.serve.opt-db')).env('THIDUA_DB'))
    .addOption(new Option('--token <token>', t('cli.serve.opt-token')).env('THIDUA_TOKEN'))
    .option('--open', t('cli.serve.opt-open'))
    .option('-j, --jobs <n>', t('cli.serve.opt-jobs'))
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port < 1 || port > 65535) throw new UsageError(t('serve.bad-port', { value: opts.port }));
      if (!isLoopback(opts.host) && !opts.token) throw new UsageError(t('serve.token-needed', { host: opts.host }));
      if (opts.db && !/^postgres(ql)?:\/\//.test(opts.db)) throw new UsageError(`--db takes a postgres:// URL, not "${opts.db}"`);
      const jobs = opts.jobs === undefined ? 1 : Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 0 || jobs > 16) throw new UsageError(`--jobs takes a whole number from 0 to 16, not "${opts.jobs}"`);
      const data = opts.library ?? opts.data ?? defaultDataDir();
      const { buildServer } = await import('../../web/server.js');
      const app = await buildServer({
        location: opts.db ? { db: opts.db } : { data },
        workDir: opts.db ? opts.library : data,
        token: opts.token ?? null,
        jobs,
      });
      try {
        await app.listen({ port, host: opts.host });
      } catch (error) {
        await app.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(t('serve.in-use', { port }));
        throw new InputError(opts.host, 'unreadable', (error as Error).message);
      }
      const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      const url = `http://${shown}:${port}/`;
      process.stderr.write(t('serve.listening', { url, library: opts.db ? opts.db.replace(/:[^:@/]*@/, ':***@') : data }) + '\n');
      if (opts.token && !isLoopback(opts.host)) process.stderr.write(t('serve.token-url', { url: `${url}?token=…` }) + '\n');
      if (opts.open) openBrowser(url);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void app.close().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
