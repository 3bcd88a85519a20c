import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { ActionBar } from './ActionBar';
import { RequestOverview } from './RequestOverview';
import { Timeline } from './Timeline';
import { TranslatedTextBlock } from './TranslatedTextBlock';
import type { RequestAction, RequestDetail } from './types';

function RequestPage({ initial }: { initial: RequestDetail }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const announce = useAnnounce();
  const [request, setRequest] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setRequest(initial), [initial]);

  async function perform(action: RequestAction) {
    setPending(true);
    setError(null);
    try {
      setRequest(await sources.perform(request.id, request.version, action));
      announce(t('actions.done', { action: t(`actions.${action}`) }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  const title = t('request.title', { reference: request.reference });
  return (
    <article>
      <PageHeading title={title}>{title}</PageHeading>
      {error !== null && <ErrorNotice error={error} />}
      <h2 className="ecl-u-type-heading-2">{t('request.availableActions')}</h2>
      <ActionBar actions={request.allowedActions} pending={pending} onAction={perform} />
      <h2 className="ecl-u-type-heading-2">{t('request.overview')}</h2>
      <RequestOverview request={request} />
      {!request.personalDataVisible && <p className="notice">{t('request.personalDataHidden')}</p>}
      <h2 className="ecl-u-type-heading-2">{t('request.questionsAndAnswers')}</h2>
      <dl className="questions">
        {request.questions.map((item) => (
          <div key={item.id} className="questions__item">
            <dt>{item.question}</dt>
            <dd>{item.answer ?? t('request.noAnswerYet')}</dd>
          </div>
        ))}
      </dl>
      <h2 className="ecl-u-type-heading-2">{t('request.messages')}</h2>
      {request.messages.map((message) => (
        <TranslatedTextBlock key={message.id} text={message} />
      ))}
      <h2 className="ecl-u-type-heading-2">{t('request.timeline')}</h2>
      <Timeline events={request.timeline} />
    </article>
  );
}

export function RequestDetailView({ id }: { id: string }) {
  const sources = useDataSources();
  const request = useResource(() => sources.request(id), id);
  const { t } = useTranslation();
  return (
    <ResourceView
      resource={request}
      fallbackTitle={t('request.title', { reference: id })}
    >
      {(data) => <RequestPage initial={data} />}
    </ResourceView>
  );
}
