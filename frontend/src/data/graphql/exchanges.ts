import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import { success, write } from '../../graphql/operations';
import type { ActionStep } from './commands';
import type { ExchangeMessageFieldsFragment, TimelineEventFieldsFragment } from '../../graphql/generated/graphql';
import type { ExchangeMessage, TimelineEvent } from '../../requests/types';

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

export function exchangeMessage(message: ExchangeMessageFieldsFragment): ExchangeMessage {
  return {
    id: message.id,
    original: message.text,
    originalLanguage: message.language,
    translation: null,
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
