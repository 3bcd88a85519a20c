import type { AuthorityName, ExchangeKind } from '../reference/types';

/** The tracking lists of the my-work page, each one of the API's boxes. */
export const WORK_LISTS = ['toAccept', 'toAnswer', 'overdue', 'nearDeadline', 'toReview', 'referred', 'drafts', 'sent'] as const;
export type WorkList = (typeof WORK_LISTS)[number];

export interface WorkItem {
  id: string;
  reference: string;
  kind: ExchangeKind;
  subject: string;
  subjectLanguage: string;
  /** The other authority: the responder for my requests, the requester for requests to me; none for a draft without one. */
  counterpart: AuthorityName | null;
  procedure: string;
  state: string;
  /** The state in the reader's language, as the procedure labels it. */
  stateLabel: string;
  deadline: string | null;
  updatedAt: string;
}

/** A step taken on an exchange the reader may see, as it happens. */
export interface ExchangeEvent {
  exchangeId: string;
  reference: string;
  kind: ExchangeKind;
  action: string;
  toState: string;
}
