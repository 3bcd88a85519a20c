import type { Client } from '@urql/core';
import type { BroadcastCommand, BroadcastDetail, BroadcastDraft, BroadcastKind, BroadcastList, BroadcastSummary } from '../../alerts/types';
import type { AnswerEntry, CatalogueItem } from '../../catalogue/types';
import { graphql } from '../../graphql/generated';
import type { BroadcastSummaryFieldsFragment, Box, ExchangeKind } from '../../graphql/generated/graphql';
import { found, read, success, write } from '../../graphql/operations';
import { answerInputs } from './answers';
import { broadcastStep } from './commands';
import { exchangeMessage, performAction, timelineEvent } from './exchanges';
import { questionCatalogue } from './reference';
import { authorityName, LIST_SIZE } from './work';

graphql(`
  fragment BroadcastSummaryFields on Exchange {
    id
    reference
    kind
    state
    stateLabel(language: $language)
    subject
    subjectLanguage
    updatedAt
    countries
    procedure {
      code
      name(language: $language)
    }
    requestingAuthority {
      ...AuthorityNameFields
    }
    alertDeadlines {
      sendBy
      sentLateDays
      closeBy
      closeOverdueDays
    }
  }
`);

const BroadcastsQuery = graphql(`
  query Broadcasts($input: ExchangesInput!, $language: String!) {
    exchanges(input: $input) {
      edges {
        node {
          ...BroadcastSummaryFields
        }
      }
    }
  }
`);

const BroadcastQuery = graphql(`
  query Broadcast($id: ID!, $language: String!) {
    exchange(id: $id) {
      ...BroadcastSummaryFields
      version
      actions(language: $language) {
        action
        label
      }
      limitedView
      personalDataStatus
      personalData {
        field
        value
      }
      answers {
        item
        display(language: $language)
      }
      participants {
        country
        role
        acknowledgedAt
        authority {
          ...AuthorityNameFields
        }
      }
      messages {
        ...ExchangeMessageFields
      }
      timeline {
        ...TimelineEventFields
      }
    }
  }
`);

const CreateBroadcastMutation = graphql(`
  mutation CreateBroadcast($input: CreateBroadcastInput!) {
    createBroadcast(input: $input) {
      __typename
      ...Refusal
      ... on ExchangeSuccess {
        exchange {
          id
        }
      }
    }
  }
`);

const BOXES: Record<BroadcastList, Box> = {
  incoming: 'INCOMING',
  toAcknowledge: 'TO_ACKNOWLEDGE',
  toValidate: 'TO_VALIDATE',
  sent: 'SENT',
  drafts: 'DRAFTS',
};

const BROADCAST_KINDS: ExchangeKind[] = ['ALERT', 'NOTIFICATION'];

function broadcastKind(kind: ExchangeKind): BroadcastKind {
  return kind === 'NOTIFICATION' ? 'NOTIFICATION' : 'ALERT';
}

function summary(node: BroadcastSummaryFieldsFragment): BroadcastSummary {
  return {
    id: node.id,
    reference: node.reference,
    kind: broadcastKind(node.kind),
    subject: node.subject,
    subjectLanguage: node.subjectLanguage,
    procedure: node.procedure.name,
    state: node.state,
    stateLabel: node.stateLabel,
    sender: authorityName(node.requestingAuthority),
    countries: node.countries,
    deadlines: node.alertDeadlines
      ? {
          sendBy: node.alertDeadlines.sendBy ?? null,
          sentLateDays: node.alertDeadlines.sentLateDays ?? null,
          closeBy: node.alertDeadlines.closeBy ?? null,
          closeOverdueDays: node.alertDeadlines.closeOverdueDays ?? null,
        }
      : null,
    updatedAt: node.updatedAt,
  };
}

/**
 * An alert's decision date and the end of its restriction are fields of its form (`….decision_date`,
 * `….end_date`); the API also takes them apart, to compute the alert's legal deadlines.
 */
export function alertDates(form: AnswerEntry[]): { decisionDate: string | null; periodEnd: string | null } {
  const date = (suffix: string) => {
    const value = form.find((entry) => entry.type === 'DATE' && entry.item.endsWith(suffix))?.value;
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { decisionDate: date('.decision_date'), periodEnd: date('.end_date') };
}

export async function broadcasts(client: Client, list: BroadcastList, language: string): Promise<BroadcastSummary[]> {
  const data = await read(client, BroadcastsQuery, { input: { box: BOXES[list], kinds: BROADCAST_KINDS, first: LIST_SIZE }, language });
  return data.exchanges.edges.map(({ node }) => summary(node));
}

export async function broadcast(client: Client, id: string, language: string): Promise<BroadcastDetail> {
  const exchange = found((await read(client, BroadcastQuery, { id, language })).exchange);
  const sections = await questionCatalogue(client, exchange.procedure.code, language);
  const items = new Map<string, CatalogueItem>(sections.flatMap((section) => section.items.map((item) => [item.id, item])));
  const label = (field: string) => items.get(field)?.text ?? field;
  return {
    ...summary(exchange),
    version: exchange.version,
    actions: exchange.actions.map(({ action, label }) => ({ action, label })),
    limitedView: exchange.limitedView,
    personalDataStatus: exchange.personalDataStatus,
    personalData: exchange.personalData?.map((entry) => ({ ...entry, label: label(entry.field) })) ?? null,
    form: exchange.answers.flatMap((answer) => {
      const item = items.get(answer.item);
      return item ? [{ item, answer: answer.display }] : [];
    }),
    participants: (exchange.participants ?? []).map((participant) => ({
      country: participant.country,
      role: participant.role,
      authority: participant.authority ? authorityName(participant.authority) : null,
      acknowledgedAt: participant.acknowledgedAt ?? null,
    })),
    messages: exchange.messages.map(exchangeMessage),
    timeline: exchange.timeline.map(timelineEvent),
  };
}

export async function createBroadcast(client: Client, draft: BroadcastDraft): Promise<string> {
  const data = await write(client, CreateBroadcastMutation, {
    input: { procedure: draft.procedure, subject: draft.subject, form: answerInputs(draft.form), countries: draft.countries, ...alertDates(draft.form) },
  });
  return success(data.createBroadcast, 'ExchangeSuccess').exchange.id;
}

export async function performOnBroadcast(client: Client, id: string, version: number, command: BroadcastCommand, language: string): Promise<BroadcastDetail> {
  await performAction(client, id, version, broadcastStep(command));
  return broadcast(client, id, language);
}
