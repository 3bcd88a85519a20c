import { describe, expect, it } from 'vitest';
import { broadcastStep, requestStep } from './commands';

describe('actions as workflow steps', () => {
  it('carry what each action needs', () => {
    expect(requestStep({ action: 'ACCEPT', proposedReplyDate: '2026-12-30' })).toEqual({ action: 'ACCEPT', replyDate: '2026-12-30' });
    expect(requestStep({ action: 'ACCEPT', proposedReplyDate: null })).toEqual({ action: 'ACCEPT', replyDate: null });
    expect(requestStep({ action: 'CLOSE', timeliness: 5, efforts: null })).toEqual({ action: 'CLOSE', timeliness: 5, efforts: null });
    expect(requestStep({ action: 'ANSWER', answers: [{ item: 'q', type: 'NUMBER', value: '6' }], message: ' Komentarz ' })).toEqual({
      action: 'ANSWER',
      form: [{ item: 'q', number: 6 }],
      message: 'Komentarz',
    });
    expect(broadcastStep({ action: 'ALLOCATE', authorityIds: ['a', 'b'] })).toEqual({ action: 'ALLOCATE', authorityIds: ['a', 'b'] });
  });

  it('leave out an empty optional message', () => {
    expect(requestStep({ action: 'WITHDRAW', message: '  ' })).toEqual({ action: 'WITHDRAW', message: null });
    expect(broadcastStep({ action: 'SUBMIT', message: '' })).toEqual({ action: 'SUBMIT', message: null });
  });

  it('leave modifying and attaching to their own mutations', () => {
    expect(requestStep({ action: 'MODIFY', subject: 's', requestedReplyDate: '2026-12-30' })).toBeNull();
  });
});
