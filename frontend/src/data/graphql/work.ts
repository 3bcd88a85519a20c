import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import type { Box, ExchangeKind } from '../../graphql/generated/graphql';
import { follow, read } from '../../graphql/operations';
import type { ExchangeEvent, WorkItem, WorkList } from '../../work/types';

graphql(`
  fragment AuthorityNameFields on Authority {
    id
    officialName
    officialLanguage
    countryCode
  }
`);

const ExchangesQuery = graphql(`
  query Exchanges($input: ExchangesInput!, $language: String!) {
    exchanges(input: $input) {
      edges {
        node {
          id
          reference
          kind
          state
          stateLabel(language: $language)
          subject
          subjectLanguage
          updatedAt
          myParties
          deadline {
            date
          }
          procedure {
            name(language: $language)
          }
          requestingAuthority {
            ...AuthorityNameFields
          }
          respondingAuthority {
            ...AuthorityNameFields
          }
        }
      }
    }
  }
`);

const ExchangeEventsSubscription = graphql(`
  subscription ExchangeEvents {
    exchangeEvents(input: {}) {
      action
      toState
      exchange {
        id
        reference
        kind
      }
    }
  }
`);

const BOXES: Record<WorkList, Box> = {
  toAccept: 'TO_ACCEPT',
  toAnswer: 'TO_ANSWER',
  overdue: 'OVERDUE',
  nearDeadline: 'NEAR_DEADLINE',
  toReview: 'TO_REVIEW',
  referred: 'REFERRED',
  drafts: 'DRAFTS',
  sent: 'SENT',
};

const REQUESTS: ExchangeKind[] = ['REQUEST'];
export const LIST_SIZE = 50;

export function authorityName(authority: { id: string; officialName: string; officialLanguage: string; countryCode: string }) {
  return { id: authority.id, name: authority.officialName, language: authority.officialLanguage, country: authority.countryCode };
}

export async function workList(client: Client, list: WorkList, language: string): Promise<WorkItem[]> {
  const data = await read(client, ExchangesQuery, { input: { box: BOXES[list], kinds: REQUESTS, first: LIST_SIZE }, language });
  return data.exchanges.edges.map(({ node }) => {
    const mine = node.myParties.includes('REQUESTER');
    const counterpart = mine ? node.respondingAuthority : node.requestingAuthority;
    return {
      id: node.id,
      reference: node.reference,
      kind: node.kind,
      subject: node.subject,
      subjectLanguage: node.subjectLanguage,
      counterpart: counterpart ? authorityName(counterpart) : null,
      procedure: node.procedure.name,
      state: node.state,
      stateLabel: node.stateLabel,
      deadline: node.deadline?.date ?? null,
      updatedAt: node.updatedAt,
    };
  });
}

export function watchExchanges(client: Client, listener: (event: ExchangeEvent) => void): () => void {
  return follow(client, ExchangeEventsSubscription, {}, ({ exchangeEvents: event }) =>
    listener({ exchangeId: event.exchange.id, reference: event.exchange.reference, kind: event.exchange.kind, action: event.action, toState: event.toState }),
  );
}
