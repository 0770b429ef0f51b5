// User-facing errors. An InputError is a problem with what the user gave (a file that is
// missing, empty, binary, damaged, not a plan …): the CLI prints one line naming the file and
// the problem and exits 1, never a stack trace. A UsageError is a malformed command line (exit 2).
// Their text comes from the message catalogue (pipeline/messages): an error is built from a
// catalogue code and its parameters ({ code, params }), so that it can be shown in Vietnamese
// or English; a plain string is still taken as the message itself.
import { t, type Lang, type Params } from './messages/index.js';

export type InputProblem =
  | 'missing'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'unsupported-format'
  | 'truncated'
  | 'encrypted'
  | 'no-text'
  | 'not-a-plan'
  | 'invalid'
  | 'timeout'
  | 'violation'
  /** pdf.js could not read the PDF (broken objects, streams, fonts …). */
  | 'damaged-pdf'
  /** The image decoder (PNG, JPEG, WebP, TIFF) failed on the file. */
  | 'damaged-image'
  /** The DOCX's zip or XML is damaged. */
  | 'damaged-docx'
  /** The OCR engine failed on a page. */
  | 'ocr-failed'
  /** Reading the file needed more memory than a reader is allowed. */
  | 'out-of-memory';

/** A catalogue message: its code and parameters. */
export interface Message {
  code: string;
  params?: Params;
}

export class InputError extends Error {
  readonly path: string | null;
  readonly problem: InputProblem;
  /** The catalogue code of the message (null for a message given as plain text). */
  readonly code: string | null;
  readonly params: Params;
  constructor(path: string | null, problem: InputProblem, message: string | Message, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : t(message.code, message.params ?? {}), options);
    this.name = 'InputError';
    this.path = path;
    this.problem = problem;
    this.code = typeof message === 'string' ? null : message.code;
    this.params = typeof message === 'string' ? {} : (message.params ?? {});
  }
  /** The message in a given language (the one of construction for a plain-text message). */
  text(lang?: Lang): string {
    return this.code === null ? this.message : t(this.code, this.params, lang);
  }
  /** One line: `FILE: message (problem)`. */
  toLine(lang?: Lang): string {
    const where = this.path ?? t('input.stdin', {}, lang);
    return `${where}: ${this.text(lang)} (${this.problem})`;
  }
  /** What crosses a thread boundary (worker → main thread). */
  toJSON(): { path: string | null; problem: InputProblem; code: string | null; params: Params; message: string } {
    return { path: this.path, problem: this.problem, code: this.code, params: this.params, message: this.message };
  }
  static fromJSON(data: { path: string | null; problem: string; code?: string | null; params?: Params; message: string }): InputError {
    return new InputError(data.path, data.problem as InputProblem, data.code ? { code: data.code, params: data.params ?? {} } : data.message);
  }
}

export class UsageError extends Error {
  readonly code: string | null;
  readonly params: Params;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : t(message.code, message.params ?? {}));
    this.name = 'UsageError';
    this.code = typeof message === 'string' ? null : message.code;
    this.params = typeof message === 'string' ? {} : (message.params ?? {});
  }
  text(lang?: Lang): string {
    return this.code === null ? this.message : t(this.code, this.params, lang);
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
