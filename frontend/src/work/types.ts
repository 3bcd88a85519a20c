import type { RequestState } from '../requests/types';

export const WORK_LISTS = ['toAccept', 'toAnswer', 'overdue', 'nearDeadline', 'drafts'] as const;
export type WorkList = (typeof WORK_LISTS)[number];

export interface WorkItem {
  id: string;
  reference: string;
  subject: string;
  counterpart: { authority: string; country: string };
  procedure: string;
  state: RequestState;
  deadline: string | null;
  updatedAt: string;
}
