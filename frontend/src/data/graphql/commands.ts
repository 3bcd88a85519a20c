import type { BroadcastCommand } from '../../alerts/types';
import type { PerformActionInput } from '../../graphql/generated/graphql';
import type { RequestCommand } from '../../requests/types';
import { answerInputs } from './answers';

/** A step as `performAction` takes it, without the exchange and version it applies to. */
export type ActionStep = Omit<PerformActionInput, 'exchangeId' | 'version'>;

/** An optional message as the API takes it: absent rather than empty. */
function optional(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

/** A request command as a workflow step; null for the two that have their own mutation (modify, attach a file). */
export function requestStep(command: RequestCommand): ActionStep | null {
  const { action } = command;
  switch (command.action) {
    case 'SEND':
      return { action, replyDate: command.requestedReplyDate };
    case 'ACCEPT':
      return { action, replyDate: command.proposedReplyDate };
    case 'FORWARD':
      return { action, toAuthorityId: command.toAuthorityId, message: optional(command.message) };
    case 'ANSWER':
      return { action, form: answerInputs(command.answers), message: optional(command.message) };
    case 'REQUEST_FURTHER_INFORMATION':
    case 'REFER':
    case 'RETURN_FROM_REFERRAL':
    case 'CLOSE_REFERRAL':
    case 'WITHDRAW':
      return { action, message: optional(command.message) };
    case 'CLOSE':
      return { action, timeliness: command.timeliness, efforts: command.efforts };
    case 'ADD_MESSAGE':
      return { action, message: command.text.trim() };
    case 'MODIFY':
    case 'ADD_ATTACHMENT':
      return null;
  }
}

/** An alert or notification command as a workflow step. */
export function broadcastStep(command: BroadcastCommand): ActionStep {
  const { action } = command;
  switch (command.action) {
    case 'ALLOCATE':
    case 'DISSEMINATE':
      return { action, authorityIds: command.authorityIds };
    case 'ACKNOWLEDGE':
      return { action };
    case 'ADD_MESSAGE':
      return { action, message: command.text.trim() };
    default:
      return { action, message: optional(command.message) };
  }
}
