import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import { found, read, success, write } from '../../graphql/operations';
import type { RequestCommand, RequestDetail, RequestDraft } from '../../requests/types';
import { answerInputs } from './answers';
import { addMessage, exchangeMessage, timelineEvent } from './exchanges';
import { catalogueItem } from './reference';
import { authorityName } from './work';

const RequestQuery = graphql(`
  query Request($id: ID!, $language: String!) {
    exchange(id: $id) {
      id
      reference
      version
      state
      subject
      subjectLanguage
      requestedReplyDate
      proposedReplyDate
      agreedReplyDate
      allowedActions
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

const SendRequestMutation = graphql(`
  mutation SendRequest($input: SendRequestInput!) {
    sendRequest(input: $input) {
      __typename
      ...Refusal
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

const AcceptRequestMutation = graphql(`
  mutation AcceptRequest($input: AcceptRequestInput!) {
    acceptRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const ForwardRequestMutation = graphql(`
  mutation ForwardRequest($input: ForwardRequestInput!) {
    forwardRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const AnswerRequestMutation = graphql(`
  mutation AnswerRequest($input: AnswerRequestInput!) {
    answerRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const RequestFurtherInformationMutation = graphql(`
  mutation RequestFurtherInformation($input: MessageActionInput!) {
    requestFurtherInformation(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const ReferRequestMutation = graphql(`
  mutation ReferRequest($input: MessageActionInput!) {
    referRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const ReturnReferralMutation = graphql(`
  mutation ReturnReferral($input: OptionalMessageActionInput!) {
    returnReferral(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const CloseReferralMutation = graphql(`
  mutation CloseReferral($input: OptionalMessageActionInput!) {
    closeReferral(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const CloseRequestMutation = graphql(`
  mutation CloseRequest($input: CloseRequestInput!) {
    closeRequest(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const WithdrawRequestMutation = graphql(`
  mutation WithdrawRequest($input: OptionalMessageActionInput!) {
    withdrawRequest(input: $input) {
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

/** An optional message as the API takes it: absent rather than empty. */
function optional(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export async function request(client: Client, id: string, language: string): Promise<RequestDetail> {
  const exchange = found((await read(client, RequestQuery, { id, language })).exchange);
  const answers = new Map(exchange.answers.map((answer) => [answer.item, answer.display]));
  return {
    id: exchange.id,
    reference: exchange.reference,
    version: exchange.version,
    state: exchange.state,
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
    allowedActions: exchange.allowedActions,
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
  if (send) {
    const sent = await write(client, SendRequestMutation, { input: { exchangeId: exchange.id, version: exchange.version, requestedReplyDate: draft.requestedReplyDate } });
    success(sent.sendRequest, 'ExchangeSuccess');
  }
  return exchange.id;
}

/** Sends the command; false when the request went to another authority and is no longer the reader's. */
async function perform(client: Client, exchangeId: string, version: number, command: RequestCommand): Promise<boolean> {
  const step = { exchangeId, version };
  switch (command.action) {
    case 'SEND':
      success((await write(client, SendRequestMutation, { input: { ...step, requestedReplyDate: command.requestedReplyDate } })).sendRequest, 'ExchangeSuccess');
      return true;
    case 'MODIFY':
      success((await write(client, ModifyRequestMutation, { input: { ...step, subject: command.subject, requestedReplyDate: command.requestedReplyDate } })).modifyRequest, 'ExchangeSuccess');
      return true;
    case 'ACCEPT':
      success((await write(client, AcceptRequestMutation, { input: { ...step, proposedReplyDate: command.proposedReplyDate } })).acceptRequest, 'ExchangeSuccess');
      return true;
    case 'FORWARD':
      success((await write(client, ForwardRequestMutation, { input: { ...step, toAuthorityId: command.toAuthorityId, message: optional(command.message) } })).forwardRequest, 'ForwardSuccess');
      return false;
    case 'ANSWER':
      success((await write(client, AnswerRequestMutation, { input: { ...step, answers: answerInputs(command.answers), message: optional(command.message) } })).answerRequest, 'ExchangeSuccess');
      return true;
    case 'REQUEST_FURTHER_INFORMATION':
      success((await write(client, RequestFurtherInformationMutation, { input: { ...step, message: command.message } })).requestFurtherInformation, 'ExchangeSuccess');
      return true;
    case 'REFER':
      success((await write(client, ReferRequestMutation, { input: { ...step, message: command.message } })).referRequest, 'ExchangeSuccess');
      return true;
    case 'RETURN_FROM_REFERRAL':
      success((await write(client, ReturnReferralMutation, { input: { ...step, message: optional(command.message) } })).returnReferral, 'ExchangeSuccess');
      return true;
    case 'CLOSE_REFERRAL':
      success((await write(client, CloseReferralMutation, { input: { ...step, message: optional(command.message) } })).closeReferral, 'ExchangeSuccess');
      return true;
    case 'CLOSE':
      success((await write(client, CloseRequestMutation, { input: { ...step, timeliness: command.timeliness, efforts: command.efforts } })).closeRequest, 'ExchangeSuccess');
      return true;
    case 'WITHDRAW':
      success((await write(client, WithdrawRequestMutation, { input: { ...step, message: optional(command.message) } })).withdrawRequest, 'ExchangeSuccess');
      return true;
    case 'ADD_MESSAGE':
      await addMessage(client, exchangeId, command.text);
      return true;
    case 'ADD_ATTACHMENT':
      success((await write(client, AddAttachmentMutation, { input: { exchangeId, file: command.file } })).addAttachment, 'AttachmentSuccess');
      return true;
  }
}

export async function performOnRequest(client: Client, id: string, version: number, command: RequestCommand, language: string): Promise<RequestDetail | null> {
  return (await perform(client, id, version, command)) ? request(client, id, language) : null;
}
