/** What the request views render. */
export const REQUEST_STATES = ['DRAFT', 'SENT', 'ACCEPTED', 'ANSWERED', 'REFERRED', 'CLOSED', 'WITHDRAWN'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = [
  'send', 'accept', 'proposeDate', 'forward', 'answer', 'askFurtherInformation',
  'referToCoordinator', 'returnToResponder', 'closeWithSurvey', 'close', 'withdraw', 'addMessage', 'modify',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export type TimelineEventKind =
  | 'CREATED' | 'SENT' | 'MODIFIED' | 'ACCEPTED' | 'DATE_PROPOSED' | 'FORWARDED' | 'ANSWERED'
  | 'FURTHER_INFORMATION_REQUESTED' | 'REFERRED' | 'RETURNED' | 'MESSAGE_ADDED' | 'ATTACHMENT_ADDED'
  | 'CLOSED' | 'WITHDRAWN' | 'PERSONAL_DATA_BLOCKED';

export interface Party {
  authority: string;
  country: string;
}

export interface TimelineEvent {
  id: string;
  kind: TimelineEventKind;
  at: string;
  actor: { name: string; authority: string };
}

/** Free text as written, and its machine translation into the reader's language when there is one. */
export interface TranslatedText {
  original: string;
  originalLanguage: string;
  translation: { text: string; language: string; engine: string } | null;
}

export interface QuestionAndAnswer {
  id: string;
  question: string;
  answer: string | null;
}

export interface RequestDetail {
  id: string;
  reference: string;
  version: number;
  state: RequestState;
  procedure: string;
  legalArea: string;
  requester: Party;
  responder: Party;
  requestedReplyDate: string | null;
  agreedReplyDate: string | null;
  personalDataVisible: boolean;
  questions: QuestionAndAnswer[];
  messages: (TranslatedText & { id: string; author: string; at: string })[];
  timeline: TimelineEvent[];
  allowedActions: RequestAction[];
}
