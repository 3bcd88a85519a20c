import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import { found, read, success, write } from '../../graphql/operations';
import type { RequestCommand, RequestDetail, RequestDraft } from '../../requests/types';
import { requestStep } from './commands';
import { exchangeMessage, performAction, timelineEvent } from './exchanges';
import { catalogueItem } from './reference';
import { authorityName } from './work';

const RequestQuery = graphql(`
  query Request($id: ID!, $language: String!) {
    exchange(id: $id) {
      id
      reference
      version
      state
      stateLabel(language: $language)
      subject
      subjectLanguage
      requestedReplyDate
      proposedReplyDate
      agreedReplyDate
      actions(language: $language) {
        action
        label
      }
      personalDataStatus
      personalData {
        field
        value
      }
      deadline {
        date
      }
      procedure {
        name(language: $language)
      }
      legalArea {
        name(language: $language)
      }
      requestingAuthority {
        ...AuthorityNameFields
      }
      respondingAuthority {
        ...AuthorityNameFields
      }
      questions {
        item
        question(language: $language) {
          ...CatalogueItemFields
        }
      }
      answers {
        item
        display(language: $language)
      }
      messages {
        ...ExchangeMessageFields
      }
      attachments {
        id
        filename
        size
        downloadUrl
      }
      timeline {
        ...TimelineEventFields
      }
      survey {
        timeliness
        efforts
      }
    }
  }
`);

const CreateRequestMutation = graphql(`
  mutation CreateRequest($input: CreateRequestInput!) {
    createRequest(input: $input) {
      __typename
      ...Refusal
      ... on ExchangeSuccess {
        exchange {
          id
          version
        }
      }
    }
  }
`);

const ModifyRequestMutation = graphql(`
  mutation ModifyRequest($input: ModifyRequestInput!) {
    modifyRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const AddAttachmentMutation = graphql(`
  mutation AddAttachment($input: AddAttachmentInput!) {
    addAttachment(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

export async function request(client: Client, id: string, language: string): Promise<RequestDetail> {
  const exchange = found((await read(client, RequestQuery, { id, language })).exchange);
  const answers = new Map(exchange.answers.map((answer) => [answer.item, answer.display]));
  return {
    id: exchange.id,
    reference: exchange.reference,
    version: exchange.version,
    state: exchange.state,
    stateLabel: exchange.stateLabel,
    subject: exchange.subject,
    subjectLanguage: exchange.subjectLanguage,
    procedure: exchange.procedure.name,
    legalArea: exchange.legalArea.name,
    requester: authorityName(exchange.requestingAuthority),
    responder: exchange.respondingAuthority ? authorityName(exchange.respondingAuthority) : null,
    requestedReplyDate: exchange.requestedReplyDate ?? null,
    proposedReplyDate: exchange.proposedReplyDate ?? null,
    agreedReplyDate: exchange.agreedReplyDate ?? null,
    deadline: exchange.deadline?.date ?? null,
    personalDataStatus: exchange.personalDataStatus,
    personalData: exchange.personalData ?? null,
    questions: exchange.questions.map((question) => ({ item: catalogueItem(question.question), answer: answers.get(question.item) ?? null })),
    messages: exchange.messages.map(exchangeMessage),
    attachments: exchange.attachments?.map((file) => ({ id: file.id, filename: file.filename, size: file.size, url: file.downloadUrl })) ?? null,
    timeline: exchange.timeline.map(timelineEvent),
    actions: exchange.actions.map(({ action, label }) => ({ action, label })),
    survey: exchange.survey ? { timeliness: exchange.survey.timeliness ?? null, efforts: exchange.survey.efforts ?? null } : null,
  };
}

export async function createRequest(client: Client, draft: RequestDraft, send: boolean): Promise<string> {
  const created = await write(client, CreateRequestMutation, {
    input: {
      procedure: draft.procedure,
      subject: draft.subject,
      respondingAuthorityId: draft.respondingAuthorityId || null,
      requestedReplyDate: draft.requestedReplyDate || null,
      questions: draft.questions,
      personalData: draft.personalData.filter((entry) => entry.value.trim() !== ''),
    },
  });
  const { exchange } = success(created.createRequest, 'ExchangeSuccess');
  if (send) await performAction(client, exchange.id, exchange.version, { action: 'SEND', replyDate: draft.requestedReplyDate });
  return exchange.id;
}

/** Sends the command; false when the request went to another authority and is no longer the reader's. */
async function perform(client: Client, exchangeId: string, version: number, command: RequestCommand): Promise<boolean> {
  const step = requestStep(command);
  if (step) await performAction(client, exchangeId, version, step);
  else if (command.action === 'MODIFY') {
    const input = { exchangeId, version, subject: command.subject, requestedReplyDate: command.requestedReplyDate || null };
    success((await write(client, ModifyRequestMutation, { input })).modifyRequest, 'ExchangeSuccess');
  } else if (command.action === 'ADD_ATTACHMENT') {
    success((await write(client, AddAttachmentMutation, { input: { exchangeId, file: command.file } })).addAttachment, 'AttachmentSuccess');
  }
  return command.action !== 'FORWARD';
}

export async function performOnRequest(client: Client, id: string, version: number, command: RequestCommand, language: string): Promise<RequestDetail | null> {
  return (await perform(client, id, version, command)) ? request(client, id, language) : null;
}
