import type { AnyVariables, Client, CombinedError } from '@urql/core';
import type { TypedDocumentString } from './generated/graphql';
import { DataError, type ErrorKind, type FieldProblem } from '../data/errors';

/** What every typed refusal of the API carries (the members of a result union besides its success). */
interface Refusal {
  __typename: 'NotFound' | 'NotAllowed' | 'InvalidTransition' | 'StaleVersion' | 'ValidationFailed';
  message: string;
  problems?: FieldProblem[];
}

const REFUSAL_KINDS: Record<Refusal['__typename'], ErrorKind> = {
  NotFound: 'notFound',
  NotAllowed: 'notAllowed',
  InvalidTransition: 'notAllowed',
  StaleVersion: 'staleVersion',
  ValidationFailed: 'validationFailed',
};

function transportError(error: CombinedError): DataError {
  const status: unknown = error.response?.status;
  if (status === 401 || status === 403) return new DataError('sessionExpired', error.message);
  if (error.networkError) return new DataError('network', error.networkError.message);
  return new DataError('unexpected', error.message);
}

/** A typed document of the app, as the text urql sends (the types stay with the document). */
export type Document<Data, Variables> = TypedDocumentString<Data, Variables>;

/** Runs a query; its data, or a `DataError` when the server could not be reached or failed. */
export async function read<Data, Variables extends AnyVariables>(client: Client, query: Document<Data, Variables>, variables: Variables): Promise<Data> {
  const result = await client.query<Data, Variables>(query.toString(), variables).toPromise();
  if (result.error) throw transportError(result.error);
  if (!result.data) throw new DataError('unexpected', 'no data');
  return result.data;
}

/** Runs a mutation; its data, or a `DataError` when the server could not be reached or failed. */
export async function write<Data, Variables extends AnyVariables>(client: Client, mutation: Document<Data, Variables>, variables: Variables): Promise<Data> {
  const result = await client.mutation<Data, Variables>(mutation.toString(), variables).toPromise();
  if (result.error) throw transportError(result.error);
  if (!result.data) throw new DataError('unexpected', 'no data');
  return result.data;
}

/** Follows a subscription: `onData` for every message; returns the way to stop. */
export function follow<Data, Variables extends AnyVariables>(client: Client, subscription: Document<Data, Variables>, variables: Variables, onData: (data: Data) => void): () => void {
  const { unsubscribe } = client.subscription<Data, Variables>(subscription.toString(), variables).subscribe((result) => {
    if (result.data) onData(result.data);
  });
  return unsubscribe;
}

/**
 * The success member of a result union (`ExchangeSuccess | NotFound | StaleVersion | ...`);
 * any other member becomes a `DataError` of its kind.
 */
export function success<Result extends { __typename?: string }, Name extends string>(
  result: Result,
  typename: Name,
): Extract<Result, { __typename?: Name }> {
  if (result.__typename === typename) return result as Extract<Result, { __typename?: Name }>;
  const refusal = result as unknown as Refusal;
  const kind = REFUSAL_KINDS[refusal.__typename] ?? 'unexpected';
  throw new DataError(kind, refusal.message, refusal.problems ?? []);
}

/** Throws `notFound` when a read by identifier found nothing (or nothing the reader may see). */
export function found<Value>(value: Value | null | undefined): Value {
  if (value === null || value === undefined) throw new DataError('notFound');
  return value;
}
