import type { Client } from '@urql/core';
import type { BroadcastCommand, BroadcastDetail, BroadcastDraft, BroadcastKind, BroadcastList, BroadcastSummary } from '../../alerts/types';
import type { AnswerEntry, CatalogueItem } from '../../catalogue/types';
import { graphql } from '../../graphql/generated';
import type { BroadcastSummaryFieldsFragment, Box, ExchangeKind } from '../../graphql/generated/graphql';
import { found, read, success, write } from '../../graphql/operations';
import { answerInputs } from './answers';
import { addMessage, exchangeMessage, timelineEvent } from './exchanges';
import { questionCatalogue } from './reference';
import { authorityName, LIST_SIZE } from './work';

graphql(`
  fragment BroadcastSummaryFields on Exchange {
    id
    reference
    kind
    state
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
      allowedActions
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

const SubmitAlertMutation = graphql(`
  mutation SubmitAlert($input: BroadcastStepInput!) {
    submitAlert(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const ValidateAlertMutation = graphql(`
  mutation ValidateAlert($input: BroadcastStepInput!) {
    validateAlert(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const ReturnAlertMutation = graphql(`
  mutation ReturnAlert($input: BroadcastStepInput!) {
    returnAlert(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const SendNotificationMutation = graphql(`
  mutation SendNotification($input: BroadcastStepInput!) {
    sendNotification(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const CloseBroadcastMutation = graphql(`
  mutation CloseBroadcast($input: BroadcastStepInput!) {
    closeBroadcast(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const WithdrawBroadcastMutation = graphql(`
  mutation WithdrawBroadcast($input: BroadcastStepInput!) {
    withdrawBroadcast(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const HandOnBroadcastMutation = graphql(`
  mutation HandOnBroadcast($input: HandOnInput!) {
    handOnBroadcast(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const AcknowledgeBroadcastMutation = graphql(`
  mutation AcknowledgeBroadcast($input: AcknowledgeInput!) {
    acknowledgeBroadcast(input: $input) {
      __typename
      ...Refusal
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
    allowedActions: exchange.allowedActions,
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

async function perform(client: Client, exchangeId: string, version: number, command: BroadcastCommand): Promise<void> {
  switch (command.action) {
    case 'ALLOCATE':
    case 'DISSEMINATE':
      success((await write(client, HandOnBroadcastMutation, { input: { exchangeId, authorityIds: command.authorityIds } })).handOnBroadcast, 'HandOnSuccess');
      return;
    case 'ACKNOWLEDGE':
      success((await write(client, AcknowledgeBroadcastMutation, { input: { exchangeId } })).acknowledgeBroadcast, 'ExchangeSuccess');
      return;
    case 'ADD_MESSAGE':
      await addMessage(client, exchangeId, command.text);
      return;
  }
  const input = { exchangeId, version, message: command.message.trim() || null };
  const mutations = {
    SUBMIT: async () => (await write(client, SubmitAlertMutation, { input })).submitAlert,
    VALIDATE: async () => (await write(client, ValidateAlertMutation, { input })).validateAlert,
    RETURN_TO_SENDER: async () => (await write(client, ReturnAlertMutation, { input })).returnAlert,
    SEND: async () => (await write(client, SendNotificationMutation, { input })).sendNotification,
    CLOSE: async () => (await write(client, CloseBroadcastMutation, { input })).closeBroadcast,
    WITHDRAW: async () => (await write(client, WithdrawBroadcastMutation, { input })).withdrawBroadcast,
  };
  success(await mutations[command.action](), 'ExchangeSuccess');
}

export async function performOnBroadcast(client: Client, id: string, version: number, command: BroadcastCommand, language: string): Promise<BroadcastDetail> {
  await perform(client, id, version, command);
  return broadcast(client, id, language);
}
