import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useLanguage } from '../i18n/useLanguage';
import { useRouter } from '../router/Router';
import { pathOf } from '../router/routes';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { useLiveReload } from '../work/useLiveReload';
import { offered, type AvailableAction } from '../workflow/labels';
import { ActionBar } from './ActionBar';
import { ActionPanel } from './actions/ActionPanel';
import { Attachments } from './Attachments';
import { PersonalDataSection } from './PersonalDataSection';
import { QuestionsAndAnswers } from './QuestionsAndAnswers';
import { RequestOverview } from './RequestOverview';
import { Timeline } from './Timeline';
import { TranslatedTextBlock } from './TranslatedTextBlock';
import { useAwaitedTranslations } from './useAwaitedTranslations';
import { useHeldWhileEditing } from './useHeldWhileEditing';
import { REQUEST_ACTIONS, type RequestAction, type RequestCommand, type RequestDetail } from './types';

function RequestPage({ initial, reload }: { initial: RequestDetail; reload: () => void }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const announce = useAnnounce();
  const { navigate } = useRouter();
  const [chosen, setChosen] = useState<AvailableAction<RequestAction> | null>(null);
  const [request, setRequest, release] = useHeldWhileEditing(initial, chosen !== null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useAwaitedTranslations(request.messages, reload);

  function close() {
    setChosen(null);
    release();
  }

  async function perform(command: RequestCommand) {
    setPending(true);
    setError(null);
    try {
      const next = await sources.performOnRequest(request.id, request.version, command, language);
      announce(t('actions.done', { action: chosen?.label ?? command.action }));
      setChosen(null);
      if (next) setRequest(next);
      else navigate(pathOf({ name: 'work' }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  const title = t('request.title', { reference: request.reference });
  const personalData = request.personalData?.map((entry) => ({ ...entry, label: t(`personalData.${entry.field}`, { defaultValue: entry.field }) })) ?? null;
  return (
    <article>
      <PageHeading title={title}>{title}</PageHeading>
      <h2 className="ecl-u-type-heading-2">{t('request.availableActions')}</h2>
      <ActionBar actions={offered(request.actions, REQUEST_ACTIONS)} chosen={chosen?.action ?? null} pending={pending} onChoose={(item) => (item.action === chosen?.action ? close() : setChosen(item))} />
      {error !== null && (
        <ErrorNotice
          error={error}
          onReload={() => {
            setError(null);
            close();
            reload();
          }}
        />
      )}
      {chosen && <ActionPanel key={chosen.action} chosen={chosen} request={request} pending={pending} onCommand={perform} onCancel={close} />}
      <h2 className="ecl-u-type-heading-2">{t('request.overview')}</h2>
      <RequestOverview request={request} />
      <h2 className="ecl-u-type-heading-2">{t('request.personalData')}</h2>
      <PersonalDataSection status={request.personalDataStatus} entries={personalData} />
      <h2 className="ecl-u-type-heading-2">{t('request.questionsAndAnswers')}</h2>
      <QuestionsAndAnswers questions={request.questions} emptyText={t('request.noQuestions')} />
      <h2 className="ecl-u-type-heading-2">{t('request.messages')}</h2>
      {request.messages.length === 0 ? <p className="empty">{t('request.noMessages')}</p> : request.messages.map((message) => <TranslatedTextBlock key={message.id} message={message} />)}
      {request.attachments && (
        <>
          <h2 className="ecl-u-type-heading-2">{t('request.attachments')}</h2>
          <Attachments files={request.attachments} />
        </>
      )}
      <h2 className="ecl-u-type-heading-2">{t('request.timeline')}</h2>
      <Timeline kind="REQUEST" events={request.timeline} />
    </article>
  );
}

export function RequestDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const request = useResource(() => sources.request(id, language), `${id}/${language}`);
  useLiveReload((event) => event.exchangeId === id, request.reload);
  return (
    <ResourceView resource={request} fallbackTitle={t('request.loadingTitle')}>
      {(data) => <RequestPage initial={data} reload={request.reload} />}
    </ResourceView>
  );
}
