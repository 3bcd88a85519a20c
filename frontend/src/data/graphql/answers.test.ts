import { describe, expect, it } from 'vitest';
import { answerInput, answerInputs } from './answers';

describe('answers as the API takes them', () => {
  it('set the one value field of the item type', () => {
    expect(answerInput({ item: 'q', type: 'YES_NO_DONT_KNOW', value: 'DONT_KNOW' })).toEqual({ item: 'q', yesNo: 'DONT_KNOW' });
    expect(answerInput({ item: 'q', type: 'SINGLE_CHOICE', value: 'q.opt.a' })).toEqual({ item: 'q', choice: 'q.opt.a' });
    expect(answerInput({ item: 'q', type: 'MULTIPLE_CHOICE', value: ['a', 'b'] })).toEqual({ item: 'q', choices: ['a', 'b'] });
    expect(answerInput({ item: 'q', type: 'DATE', value: '2026-01-31' })).toEqual({ item: 'q', date: '2026-01-31' });
    expect(answerInput({ item: 'q', type: 'TEXT', value: ' Ja, seit 2019. ' })).toEqual({ item: 'q', text: 'Ja, seit 2019.' });
    expect(answerInput({ item: 'q', type: 'ATTACHMENT', value: 'QXR0YWNobWVudDox' })).toEqual({ item: 'q', attachmentId: 'QXR0YWNobWVudDox' });
  });

  it('read numbers written with a decimal comma', () => {
    expect(answerInput({ item: 'q', type: 'NUMBER', value: '3,5' })).toEqual({ item: 'q', number: 3.5 });
    expect(answerInput({ item: 'q', type: 'NUMBER', value: 'drei' })).toBeNull();
  });

  it('leave out what was not answered', () => {
    expect(answerInputs([
      { item: 'a', type: 'TEXT', value: '  ' },
      { item: 'b', type: 'MULTIPLE_CHOICE', value: [] },
      { item: 'c', type: 'YES_NO_DONT_KNOW', value: '' },
      { item: 'd', type: 'YES_NO_DONT_KNOW', value: 'YES' },
    ])).toEqual([{ item: 'd', yesNo: 'YES' }]);
  });
});
