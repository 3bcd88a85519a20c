import { useTranslation } from 'react-i18next';
import { AnswerInput } from '../../catalogue/AnswerInput';
import type { AnswerEntry } from '../../catalogue/types';
import type { RequestDetail } from '../types';

/** One input per question asked, typed by the question's answer type; unanswered questions stay unanswered. */
export function AnswerFields({ request, answers, onChange }: { request: RequestDetail; answers: AnswerEntry[]; onChange: (answers: AnswerEntry[]) => void }) {
  const { t } = useTranslation();
  if (request.questions.length === 0) return <p className="ecl-help-block">{t('request.noQuestions')}</p>;
  return (
    <>
      {request.questions.map(({ item }) => {
        const entry = answers.find((answer) => answer.item === item.id);
        if (!entry) return null;
        return (
          <AnswerInput
            key={item.id}
            item={item}
            entry={entry}
            attachments={request.attachments ?? []}
            onChange={(next) => onChange(answers.map((answer) => (answer.item === next.item ? next : answer)))}
          />
        );
      })}
    </>
  );
}
