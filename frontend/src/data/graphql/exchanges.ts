import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import { success, write } from '../../graphql/operations';
import type { ActionStep } from './commands';
import type { ExchangeMessageFieldsFragment, TimelineEventFieldsFragment } from '../../graphql/generated/graphql';
import type { ExchangeMessage, MachineTranslation, TimelineEvent } from '../../requests/types';

/** What requests, alerts and notifications share: typed refusals, messages and the timeline. */
graphql(`
  fragment Refusal on Error {
    __typename
    message
    ... on ValidationFailed {
      problems {
        field
        message
      }
    }
  }
`);

graphql(`
  fragment ExchangeMessageFields on Message {
    id
    text
    language
    translation(language: $language) {
      language
      status
      text
      provider
      route
    }
    createdAt
    authorName
    authorAuthority {
      officialName
    }
  }
`);

graphql(`
  fragment TimelineEventFields on TimelineEvent {
    id
    action
    actionLabel(language: $language)
    toState
    at
    actorName
    actorAuthority {
      officialName
    }
    toAuthority {
      officialName
    }
    proposedReplyDate
  }
`);

/** The translation as the views show it: a failed one is as good as none to the reader. */
export function machineTranslation(translation: ExchangeMessageFieldsFragment['translation']): MachineTranslation | null {
  if (!translation) return null;
  if (translation.status === 'PENDING') return { status: 'PENDING' };
  if (translation.status !== 'DONE' || translation.text == null) return { status: 'UNAVAILABLE' };
  const engine = [translation.provider, translation.route].filter(Boolean).join(', ');
  return { status: 'DONE', text: translation.text, language: translation.language, engine };
}

export function exchangeMessage(message: ExchangeMessageFieldsFragment): ExchangeMessage {
  return {
    id: message.id,
    original: message.text,
    originalLanguage: message.language,
    translation: machineTranslation(message.translation),
    author: message.authorName ?? null,
    authority: message.authorAuthority?.officialName ?? null,
    at: message.createdAt,
  };
}

export function timelineEvent(event: TimelineEventFieldsFragment): TimelineEvent {
  return {
    id: event.id,
    action: event.action,
    label: event.actionLabel,
    toState: event.toState,
    at: event.at,
    actor: { name: event.actorName ?? null, authority: event.actorAuthority?.officialName ?? null },
    toAuthority: event.toAuthority?.officialName ?? null,
    proposedReplyDate: event.proposedReplyDate ?? null,
  };
}

const PerformActionMutation = graphql(`
  mutation PerformAction($input: PerformActionInput!) {
    performAction(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

/** Takes one step of the exchange's workflow on the version the reader saw. */
export async function performAction(client: Client, exchangeId: string, version: number, step: ActionStep): Promise<void> {
  success((await write(client, PerformActionMutation, { input: { ...step, exchangeId, version } })).performAction, 'ExchangeSuccess');
}
