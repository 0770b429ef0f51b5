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
  /** Milliseconds for the whole file (reading, OCR, analysis). */
  timeoutMs: number;
  /**
   * Milliseconds one step may run without progress: reading the file up to its first page,
   * one page (read, decoded or OCR'd), the analysis of the text. Enforced by the guarded
   * extraction (pipeline/guard.ts), which runs the readers in a worker thread and terminates
   * it at the deadline, since a decoder caught in a loop cannot be interrupted otherwise.
   */
  stepTimeoutMs: number;
  /** Megabytes of JavaScript heap the guarded extraction's worker may use. */
  maxHeapMb: number;
}

/** A positive whole number of milliseconds from the environment, else the default. */
function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxPages: 500,
  maxPixels: 100e6,
  maxDecompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 5000,
  // THIDUA_TIMEOUT_MS and THIDUA_STEP_TIMEOUT_MS override the time limits (a slow machine, a test).
  timeoutMs: fromEnv('THIDUA_TIMEOUT_MS', 30 * 60 * 1000),
  stepTimeoutMs: fromEnv('THIDUA_STEP_TIMEOUT_MS', 60 * 1000),
  maxHeapMb: 3072,
};
