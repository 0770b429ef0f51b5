// The award forms as PDF for the pages (where LibreOffice is installed): the DOCX the forms
// module wrote, converted by `soffice --headless --convert-to pdf` in a temporary folder with
// its own LibreOffice profile, under a time limit. Nothing is fetched from the network.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Longest a conversion may take. */
const TIMEOUT_MS = 120_000;

let found: string | null | undefined;

/** The soffice executable on PATH, or null (looked up once). */
export function sofficePath(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      found = candidate;
      break;
    } catch {
      /* not here */
    }
  }
  return found;
}

export class PdfUnavailable extends Error {
  constructor(readonly reason: 'no-soffice' | 'failed', detail = '') {
    super(detail || reason);
    this.name = 'PdfUnavailable';
  }
}

// One conversion at a time: LibreOffice is heavy and the machine small.
let queue: Promise<unknown> = Promise.resolve();

/** Each DOCX converted to PDF, in order (one LibreOffice run for all). */
export function docxToPdf(docs: Uint8Array[]): Promise<Uint8Array[]> {
  const run = queue.then(() => convert(docs));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(docs: Uint8Array[]): Promise<Uint8Array[]> {
  const soffice = sofficePath();
  if (!soffice) throw new PdfUnavailable('no-soffice');
  const dir = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    const inputs = await Promise.all(
      docs.map(async (bytes, i) => {
        const path = join(dir, `${String(i + 1).padStart(4, '0')}.docx`);
        await writeFile(path, bytes, { mode: 0o600 });
        return path;
      }),
    );
    const outDir = join(dir, 'pdf');
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...inputs],
        { timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 },
        (error) => (error ? reject(new PdfUnavailable('failed', error.message.split('\n')[0])) : resolve()),
      );
    });
    return await Promise.all(
      inputs.map(async (_, i) => {
        try {
          return new Uint8Array(await readFile(join(outDir, `${String(i + 1).padStart(4, '0')}.pdf`)));
        } catch {
          throw new PdfUnavailable('failed', 'LibreOffice wrote no PDF');
        }
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
