// Limits against hostile or runaway inputs. Each can be overridden through IngestOptions.limits.

export interface IngestLimits {
  /** Pages read from one PDF or multi-page image. */
  maxPages: number;
  /** Pixels of one page image (embedded scan, decoded photo, TIFF page). */
  maxPixels: number;
  /** Bytes a DOCX may decompress to, all parts together (zip bombs). */
  maxDecompressedBytes: number;
  /** Entries in a DOCX zip. */
  maxZipEntries: number;
  /** Milliseconds for the whole file's OCR. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxPages: 500,
  maxPixels: 100e6,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 5000,
  timeoutMs: 30 * 60 * 1000,
};
