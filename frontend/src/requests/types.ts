import type { AnswerEntry, CatalogueItem } from '../catalogue/types';
import type { AuthorityName } from '../reference/types';
import type { AvailableAction } from '../workflow/labels';

/** Whether the reader sees the exchange's personal data, and if not, why. */
export type PersonalDataStatus = 'VISIBLE' | 'HIDDEN_UNTIL_ACCEPTED' | 'LIMITED_VIEW' | 'BLOCKED' | 'NOT_ENTITLED';

/** A machine translation into the reader's language: made (by an engine, perhaps through a pivot), on its way, or not to be had. */
export type MachineTranslation =
  | { status: 'DONE'; text: string; language: string; engine: string }
  | { status: 'PENDING' }
  | { status: 'UNAVAILABLE' };

/** Free text as written, and its machine translation; none when it is already in the reader's language. */
export interface TranslatedText {
  original: string;
  originalLanguage: string;
  translation: MachineTranslation | null;
}

export interface ExchangeMessage extends TranslatedText {
  id: string;
  author: string | null;
  authority: string | null;
  at: string;
}

export interface TimelineEvent {
  id: string;
  action: string;
  /** The procedure's label of the action, in the reader's language. */
  label: string;
  toState: string;
  at: string;
  actor: { name: string | null; authority: string | null };
  toAuthority: string | null;
  proposedReplyDate: string | null;
}

/** A chosen question in the reader's language, with its parameters filled in, and its answer if given. */
export interface QuestionAndAnswer {
  item: CatalogueItem;
  answer: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  size: number;
  url: string;
}

export interface RequestDetail {
  id: string;
  reference: string;
  version: number;
  state: string;
  stateLabel: string;
  subject: string;
  subjectLanguage: string;
  procedure: string;
  legalArea: string;
  requester: AuthorityName;
  responder: AuthorityName | null;
  requestedReplyDate: string | null;
  proposedReplyDate: string | null;
  agreedReplyDate: string | null;
  deadline: string | null;
  personalDataStatus: PersonalDataStatus;
  personalData: { field: string; value: string }[] | null;
  questions: QuestionAndAnswer[];
  messages: ExchangeMessage[];
  attachments: Attachment[] | null;
  timeline: TimelineEvent[];
  /** Exactly the actions the reader may take now, as the API names and labels them. */
  actions: AvailableAction[];
  survey: { timeliness: number | null; efforts: number | null } | null;
}

/** An action on a request with what it needs; `action` is the API's name of it. */
export type RequestCommand =
  | { action: 'SEND'; requestedReplyDate: string }
  | { action: 'MODIFY'; subject: string; requestedReplyDate: string }
  | { action: 'ACCEPT'; proposedReplyDate: string | null }
  | { action: 'FORWARD'; toAuthorityId: string; message: string }
  | { action: 'ANSWER'; answers: AnswerEntry[]; message: string }
  | { action: 'REQUEST_FURTHER_INFORMATION'; message: string }
  | { action: 'REFER'; message: string }
  | { action: 'RETURN_FROM_REFERRAL'; message: string }
  | { action: 'CLOSE_REFERRAL'; message: string }
  | { action: 'CLOSE'; timeliness: number | null; efforts: number | null }
  | { action: 'WITHDRAW'; message: string }
  | { action: 'ADD_MESSAGE'; text: string }
  | { action: 'ADD_ATTACHMENT'; file: File };

export type RequestAction = RequestCommand['action'];

/** The actions this app offers on a request, in the order the API lists them. */
export const REQUEST_ACTIONS: readonly RequestAction[] = [
  'SEND', 'MODIFY', 'ACCEPT', 'FORWARD', 'ANSWER', 'REQUEST_FURTHER_INFORMATION', 'REFER', 'RETURN_FROM_REFERRAL',
  'CLOSE_REFERRAL', 'CLOSE', 'WITHDRAW', 'ADD_MESSAGE', 'ADD_ATTACHMENT',
];

/** What a new request is made of, before it is saved as a draft (and sent, if asked). */
export interface RequestDraft {
  procedure: string;
  subject: string;
  respondingAuthorityId: string;
  requestedReplyDate: string;
  questions: { item: string; parameters: { name: string; value: string }[] }[];
  personalData: { field: string; value: string }[];
}
