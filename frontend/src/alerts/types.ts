export type BroadcastKind = 'ALERT' | 'NOTIFICATION';
export type BroadcastStatus = 'awaitingValidation' | 'toAllocate' | 'received' | 'sent' | 'acknowledged';

export interface BroadcastSummary {
  id: string;
  kind: BroadcastKind;
  subject: string;
  sender: { authority: string; country: string };
  status: BroadcastStatus;
  recipientCountries: string[] | 'ALL';
  deadline: { kind: 'sendWithin' | 'closeWithin'; date: string } | null;
}
