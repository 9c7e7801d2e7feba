/** An error the user caused (bad input, bad file, refused URL): printed as one line, exit code 2. */
export class InputError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'InputError';
    this.exitCode = exitCode;
  }
}
