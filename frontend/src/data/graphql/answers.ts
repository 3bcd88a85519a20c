import type { AnswerEntry } from '../../catalogue/types';
import type { AnswerInput, YesNoDontKnow } from '../../graphql/generated/graphql';

const YES_NO: readonly string[] = ['YES', 'NO', 'DONT_KNOW'] satisfies YesNoDontKnow[];

function isYesNo(value: string): value is YesNoDontKnow {
  return YES_NO.includes(value);
}

/** An answer as the API takes it: exactly one value field, chosen by the item's type; null when left empty. */
export function answerInput(entry: AnswerEntry): AnswerInput | null {
  const { item, type, value } = entry;
  if (Array.isArray(value)) return value.length > 0 && type === 'MULTIPLE_CHOICE' ? { item, choices: value } : null;
  const text = value.trim();
  if (text === '') return null;
  switch (type) {
    case 'YES_NO_DONT_KNOW':
      return isYesNo(text) ? { item, yesNo: text } : null;
    case 'SINGLE_CHOICE':
      return { item, choice: text };
    case 'MULTIPLE_CHOICE':
      return { item, choices: [text] };
    case 'DATE':
      return { item, date: text };
    case 'NUMBER': {
      const number = Number(text.replace(',', '.'));
      return Number.isFinite(number) ? { item, number } : null;
    }
    case 'TEXT':
      return { item, text };
    case 'ATTACHMENT':
      return { item, attachmentId: text };
  }
}

export function answerInputs(entries: AnswerEntry[]): AnswerInput[] {
  return entries.map(answerInput).filter((input): input is AnswerInput => input !== null);
}
