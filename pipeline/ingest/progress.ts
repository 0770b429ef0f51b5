// Progress of multi-page work (OCR) on standard error: a bar only when stderr is a terminal
// and the user did not ask for quiet; never on standard output.
import type { IngestOptions } from './types.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

export function startProgress(total: number, options: IngestOptions, label: string): Progress {
  if (options.onProgress) {
    let done = 0;
    options.onProgress({ done, total, label });
    return { tick: () => options.onProgress?.({ done: ++done, total, label }), stop: () => undefined };
  }
  if (options.quiet || total < 2 || !process.stderr.isTTY) return NONE;
  let bar: { increment(): void; stop(): void } | null = null;
  let pending = 0;
  let stopped = false;
  void import('cli-progress').then((mod) => {
    if (stopped) return;
    const { SingleBar, Presets } = (mod as unknown as { default: typeof import('cli-progress') }).default ?? mod;
    const b = new SingleBar({ stream: process.stderr, format: `${label} {bar} {value}/{total} pages`, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
    b.start(total, pending);
    bar = b;
  });
  return {
    tick: () => (bar ? bar.increment() : pending++),
    stop: () => {
      stopped = true;
      bar?.stop();
    },
  };
}
