/** The reasons a read or a change can fail, each explained to the reader by `errors.<kind>` in the catalogue. */
export type ErrorKind =
  | 'staleVersion'
  | 'notAllowed'
  | 'validationFailed'
  | 'signInFailed'
  | 'network'
  | 'sessionExpired'
  | 'notFound'
  | 'unexpected';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A read or a change that failed; nothing was changed. `problems` name the fields a validation refused. */
export class DataError extends Error {
  readonly kind: ErrorKind;
  readonly problems: FieldProblem[];

  constructor(kind: ErrorKind, message: string = kind, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'DataError';
    this.kind = kind;
    this.problems = problems;
  }
}

export function errorKind(error: unknown): ErrorKind {
  return error instanceof DataError ? error.kind : 'unexpected';
}
