// `npm run preview`: renders the example dossier (gold plan 001, docs/forms/examples/) as mẫu 01,
// mẫu 08 and a draft, converts the DOCX to PDF with LibreOffice (headless) and the PDF pages to
// PNG with pdftoppm, into out/preview/. `npm run preview -- --docs` also refreshes the pictures
// in docs/forms/ shown in the README. Needs: soffice (libreoffice-writer-nogui), pdftoppm
// (poppler-utils), fonts-liberation (metric-compatible Times New Roman substitute).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../pipeline/cli/index.js';

const root = process.cwd();
const out = join(root, 'out', 'preview');
const examples = join(root, 'docs', 'forms', 'examples');
const plan = join(root, 'corpus', 'gold', '001_bc94cfae2ebd58ab.json');
const inputs = ['--plan', plan, '--nominees', join(examples, 'nominees.csv'), '--from', join(examples, 'body.json'), '--date', '2023-10-10', '-q'];

function tool(name: string, args: string[]): void {
  try {
    execFileSync(name, args, { stdio: 'pipe', timeout: 180_000 });
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT') {
      process.stderr.write(`preview: ${name} is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation)\n`);
      process.exit(1);
    }
    process.stderr.write(`preview: ${name} failed: ${e.stderr?.toString() ?? String(error)}\n`);
    process.exit(1);
  }
}

async function run(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const steps: string[][] = [
    ['render', 'mau01', ...inputs, '--out', join(out, 'mau01.docx')],
    ['render', 'mau08', ...inputs, '--out', join(out, 'mau08')],
    // A draft: one collective below the satisfaction threshold, one individual over the quota,
    // dated after the plan's deadline — it carries DỰ THẢO and a problems page.
    [
      'render', 'mau01', '--plan', plan, '--nominees', join(examples, 'nominees-draft.csv'), '--from', join(examples, 'body.json'),
      '--date', '2023-10-20', '-q', '--draft', '--out', join(out, 'draft-mau01.docx'),
    ],
  ];
  for (const args of steps) {
    const code = await main(['node', 'thidua', ...args]);
    if (code !== 0) throw new Error(`thidua ${args.join(' ')} exited with ${code}`);
  }
  const reports = readdirSync(join(out, 'mau08')).sort();
  const docs = [
    join(out, 'mau01.docx'),
    join(out, 'draft-mau01.docx'),
    join(out, 'mau08', reports[0]!), // a collective
    join(out, 'mau08', reports[reports.length - 1]!), // an individual
  ];
  const pdfDir = join(out, 'pdf');
  tool('soffice', [`-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs]);
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
  if (pdfs.length !== docs.length) throw new Error(`LibreOffice converted ${pdfs.length} of ${docs.length} documents`);
  const names: Record<string, string> = {};
  pdfs.forEach((pdf) => {
    const base = pdf.startsWith('mau01') ? 'mau01' : pdf.startsWith('draft') ? 'draft-mau01' : pdf.startsWith('01 -') ? 'mau08-collective' : 'mau08-individual';
    names[pdf] = base;
    tool('pdftoppm', ['-r', '70', '-png', join(pdfDir, pdf), join(out, base)]);
  });
  const pngs = readdirSync(out).filter((f) => f.endsWith('.png')).sort();
  process.stdout.write(`${pngs.map((p) => join(out, p)).join('\n')}\n`);
  if (process.argv.includes('--docs')) {
    const target = join(root, 'docs', 'forms');
    for (const png of pngs) copyFileSync(join(out, png), join(target, png));
    process.stdout.write(`copied ${pngs.length} pictures to ${target}\n`);
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`preview: ${(error as Error).message}\n`);
  process.exit(1);
});
