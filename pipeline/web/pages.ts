// Page images of a PDF source for the plan page (the source shown beside the record): pdf.js
// renders one page at screen resolution into a PNG, under a pixel limit, offline.
import { documentOptions, loadPdfjs } from '../ingest/pdf.js';

/** Largest image rendered (pixels). */
const MAX_PIXELS = 8e6;

/** The PNG of page `n` (1-based) of a PDF, about `dpi` dots per inch; null when there is no such page. */
export async function renderPdfPage(bytes: Uint8Array, n: number, dpi = 110): Promise<Uint8Array | null> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument(documentOptions(bytes)).promise;
  try {
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages) return null;
    const page = await doc.getPage(n);
    let scale = dpi / 72;
    const base = page.getViewport({ scale: 1 });
    if (base.width * base.height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (base.width * base.height));
    const viewport = page.getViewport({ scale });
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    await doc.destroy();
  }
}
