import type { AnswerEntry } from '../catalogue/types';
import type { AuthorityName, ExchangeKind } from '../reference/types';
import type { AvailableAction } from '../workflow/labels';
import type { ExchangeMessage, PersonalDataStatus, QuestionAndAnswer, TimelineEvent } from '../requests/types';

/** The lists of the alerts page, each one of the API's boxes restricted to alerts and notifications. */
export const BROADCAST_LISTS = ['incoming', 'toAcknowledge', 'toValidate', 'sent', 'drafts'] as const;
export type BroadcastList = (typeof BROADCAST_LISTS)[number];

export type BroadcastKind = Extract<ExchangeKind, 'ALERT' | 'NOTIFICATION'>;

/** The legal deadlines of an alert: sent within 3 days of the decision, closed within 3 days of its end. */
export interface AlertDeadlines {
  sendBy: string | null;
  sentLateDays: number | null;
  closeBy: string | null;
  closeOverdueDays: number | null;
}

export interface BroadcastSummary {
  id: string;
  reference: string;
  kind: BroadcastKind;
  subject: string;
  subjectLanguage: string;
  procedure: string;
  state: string;
  stateLabel: string;
  sender: AuthorityName;
  /** The selected countries; empty when it goes to all. */
  countries: string[];
  deadlines: AlertDeadlines | null;
  updatedAt: string;
}

export interface BroadcastParticipant {
  country: string;
  role: string;
  authority: AuthorityName | null;
  acknowledgedAt: string | null;
}

export interface BroadcastDetail extends BroadcastSummary {
  version: number;
  /** Exactly the actions the reader may take now, as the API names and labels them. */
  actions: AvailableAction[];
  /** A receiving coordinator sees only what the law allows until it allocates the alert. */
  limitedView: boolean;
  personalDataStatus: PersonalDataStatus;
  personalData: { field: string; label: string; value: string }[] | null;
  form: QuestionAndAnswer[];
  participants: BroadcastParticipant[];
  messages: ExchangeMessage[];
  timeline: TimelineEvent[];
}

/** An action on an alert or notification with what it needs; `action` is the API's name of it. */
export type BroadcastCommand =
  | { action: 'SUBMIT' | 'VALIDATE' | 'RETURN_TO_SENDER' | 'SEND' | 'CLOSE' | 'WITHDRAW'; message: string }
  | { action: 'ALLOCATE' | 'DISSEMINATE'; authorityIds: string[] }
  | { action: 'ACKNOWLEDGE' }
  | { action: 'ADD_MESSAGE'; text: string };

export type BroadcastAction = BroadcastCommand['action'];

/** The actions this app offers on an alert or notification. */
export const BROADCAST_ACTIONS: readonly BroadcastAction[] = [
  'SUBMIT', 'VALIDATE', 'RETURN_TO_SENDER', 'SEND', 'ALLOCATE', 'DISSEMINATE', 'ACKNOWLEDGE', 'ADD_MESSAGE', 'CLOSE', 'WITHDRAW',
];

export interface BroadcastDraft {
  procedure: string;
  subject: string;
  form: AnswerEntry[];
  countries: string[];
}
