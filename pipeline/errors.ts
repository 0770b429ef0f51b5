// User-facing errors. An InputError is a problem with what the user gave (a file that is
// missing, empty, binary, not a plan …): the CLI prints one line naming the file and the
// problem and exits 1, never a stack trace. A UsageError is a malformed command line (exit 2).

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
  | 'violation';

export class InputError extends Error {
  readonly path: string | null;
  readonly problem: InputProblem;
  constructor(path: string | null, problem: InputProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.path = path;
    this.problem = problem;
  }
  /** One line: `FILE: message (problem)`. */
  toLine(): string {
    const where = this.path ?? '<stdin>';
    return `${where}: ${this.message} (${this.problem})`;
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
