import { useTranslation } from 'react-i18next';
import type { QuestionAndAnswer } from './types';

/** Each question in the reader's language, with its answer (also in the reader's language), or that none was given. */
export function QuestionsAndAnswers({ questions, emptyText }: { questions: QuestionAndAnswer[]; emptyText: string }) {
  const { t } = useTranslation();
  if (questions.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <dl className="questions">
      {questions.map(({ item, answer }) => (
        <div key={item.id} className="questions__item">
          <dt lang={item.language}>{item.text}</dt>
          <dd>{answer ?? t('request.noAnswerYet')}</dd>
        </div>
      ))}
    </dl>
  );
}
