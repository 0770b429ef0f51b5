// `--pdf`: the rendered DOCX converted to PDF for printing and signing, by LibreOffice headless
// (Debian: libreoffice-writer-nogui). LibreOffice is found on the PATH (soffice, libreoffice)
// or named by THIDUA_SOFFICE; each run uses a profile of its own in a temporary directory, so
// an open LibreOffice window of the user does not block it.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Time allowed for one conversion run: a minute plus two seconds per document. */
export const PDF_TIMEOUT_MS = 60_000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice program, or null when it is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.THIDUA_SOFFICE !== undefined) return env.THIDUA_SOFFICE && executable(env.THIDUA_SOFFICE) ? env.THIDUA_SOFFICE : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name);
      if (dir && executable(path)) return path;
    }
  }
  return null;
}

export class PdfError extends Error {}

/**
 * Converts DOCX files to PDF into `outDir` (same base names). Throws PdfError with LibreOffice's
 * last words when it fails, times out or leaves a document unconverted.
 */
export async function convertToPdf(soffice: string, files: string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'thidua-lo-'));
  try {
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new PdfError(`timeout after ${Math.round((PDF_TIMEOUT_MS + 2000 * files.length) / 1000)} s`));
      }, PDF_TIMEOUT_MS + 2000 * files.length);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new PdfError(error.message));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(text);
        else reject(new PdfError(text.trim().split('\n').slice(-2).join(' ') || `exit ${code}`));
      });
    });
    const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.docx$/i, '.pdf')));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length) throw new PdfError(`${missing.length} of ${files.length} not converted ${output.trim().split('\n').slice(-1)[0] ?? ''}`.trim());
    return pdfs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
