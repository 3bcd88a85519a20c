import { NetworkError } from '../data/sources';

/** The typed errors the API answers with, and the catalogue key that explains each to the reader. */
export type ErrorKind = 'staleVersion' | 'notAllowed' | 'validationFailed' | 'network' | 'sessionExpired' | 'notFound' | 'unexpected';

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof Error && isErrorKind(error.name)) return error.name;
  return 'unexpected';
}

function isErrorKind(name: string): name is ErrorKind {
  return ['staleVersion', 'notAllowed', 'validationFailed', 'network', 'sessionExpired', 'notFound'].includes(name);
}

export function errorMessageKey(kind: ErrorKind): `errors.${ErrorKind}` {
  return `errors.${kind}`;
}
