import type { TFunction } from 'i18next';
import type { ExchangeKind } from '../reference/types';

/** An action the reader may take now, as the API names and labels it in the reader's language. */
export interface AvailableAction<Action extends string = string> {
  action: Action;
  label: string;
}

/** The actions this app has a form for, among those available. */
export function offered<Action extends string>(actions: AvailableAction[], known: readonly Action[]): AvailableAction<Action>[] {
  return actions.filter((item): item is AvailableAction<Action> => (known as readonly string[]).includes(item.action));
}

/**
 * A timeline event's name: the app's wording of what happened (`events.REQUEST.SEND`: "Request sent", or the
 * general `events.ADD_MESSAGE`), else the procedure's own label of the action, as the API gives it.
 */
export function eventLabel(t: TFunction, kind: ExchangeKind, action: string, apiLabel: string): string {
  return t([`events.${kind}.${action}`, `events.${action}`], { defaultValue: apiLabel });
}
