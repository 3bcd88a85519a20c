import type { TFunction } from 'i18next';
import type { ExchangeKind } from '../reference/types';

/**
 * Names of workflow states, actions and timeline events, as the API spells them, in the reader's language.
 * A procedure's own wording (`states.ALERT.BROADCAST`) comes first, the general one (`workflowActions.CLOSE`)
 * next; a name the catalogue does not know yet is shown as the API gives it.
 */
export function stateLabel(t: TFunction, kind: ExchangeKind, state: string): string {
  return t(`states.${kind}.${state}`, { defaultValue: state });
}

export function actionLabel(t: TFunction, kind: ExchangeKind, action: string): string {
  return t([`workflowActions.${kind}.${action}`, `workflowActions.${action}`], { defaultValue: action });
}

export function eventLabel(t: TFunction, kind: ExchangeKind, action: string): string {
  return t([`events.${kind}.${action}`, `events.${action}`], { defaultValue: action });
}
