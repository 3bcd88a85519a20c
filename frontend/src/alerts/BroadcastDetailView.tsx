import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { ActionBar } from '../requests/ActionBar';
import { PersonalDataSection } from '../requests/PersonalDataSection';
import { QuestionsAndAnswers } from '../requests/QuestionsAndAnswers';
import { AuthorityLabel } from '../requests/RequestOverview';
import { Timeline } from '../requests/Timeline';
import { TranslatedTextBlock } from '../requests/TranslatedTextBlock';
import { useAwaitedTranslations } from '../requests/useAwaitedTranslations';
import { useHeldWhileEditing } from '../requests/useHeldWhileEditing';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { useLiveReload } from '../work/useLiveReload';
import { offered, type AvailableAction } from '../workflow/labels';
import { AlertDeadlinesText } from './AlertDeadlinesText';
import { BroadcastActionPanel } from './BroadcastActionPanel';
import { Participants } from './Participants';
import { BROADCAST_ACTIONS, type BroadcastAction, type BroadcastCommand, type BroadcastDetail } from './types';

function Overview({ broadcast }: { broadcast: BroadcastDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, ReactNode][] = [
    [t('request.reference'), broadcast.reference],
    [t('compose.subject'), <span lang={broadcast.subjectLanguage}>{broadcast.subject}</span>],
    [t('request.state'), <span data-state={broadcast.state}>{broadcast.stateLabel}</span>],
    [t('request.procedure'), broadcast.procedure],
    [t('alerts.sender'), <AuthorityLabel authority={broadcast.sender} />],
    [t('alerts.recipients'), broadcast.countries.length ? broadcast.countries.map((code) => countryName(language, code)).join(', ') : t('alerts.allCountries')],
  ];
  return (
    <>
      <dl className="overview">
        {rows.map(([term, value]) => (
          <div key={term} className="overview__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {broadcast.deadlines && <AlertDeadlinesText deadlines={broadcast.deadlines} />}
    </>
  );
}

function BroadcastPage({ initial, reload }: { initial: BroadcastDetail; reload: () => void }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const announce = useAnnounce();
  const [chosen, setChosen] = useState<AvailableAction<BroadcastAction> | null>(null);
  const [broadcast, setBroadcast, release] = useHeldWhileEditing(initial, chosen !== null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useAwaitedTranslations(broadcast.messages, reload);

  function close() {
    setChosen(null);
    release();
  }

  async function perform(command: BroadcastCommand) {
    setPending(true);
    setError(null);
    try {
      setBroadcast(await sources.performOnBroadcast(broadcast.id, broadcast.version, command, language));
      announce(t('actions.done', { action: chosen?.label ?? command.action }));
      setChosen(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  const title = t(broadcast.kind === 'ALERT' ? 'alerts.alertTitle' : 'alerts.notificationTitle', { reference: broadcast.reference });
  return (
    <article>
      <PageHeading title={title}>{title}</PageHeading>
      <h2 className="ecl-u-type-heading-2">{t('request.availableActions')}</h2>
      <ActionBar actions={offered(broadcast.actions, BROADCAST_ACTIONS)} chosen={chosen?.action ?? null} pending={pending} onChoose={(item) => (item.action === chosen?.action ? close() : setChosen(item))} />
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
      {chosen && <BroadcastActionPanel key={chosen.action} chosen={chosen} pending={pending} onCommand={perform} onCancel={close} />}
      <h2 className="ecl-u-type-heading-2">{t('request.overview')}</h2>
      <Overview broadcast={broadcast} />
      {broadcast.limitedView && <p className="notice">{t('alerts.limitedView')}</p>}
      <h2 className="ecl-u-type-heading-2">{t('request.personalData')}</h2>
      <PersonalDataSection status={broadcast.personalDataStatus} entries={broadcast.personalData} />
      <h2 className="ecl-u-type-heading-2">{t('alerts.form')}</h2>
      <QuestionsAndAnswers questions={broadcast.form} emptyText={t('alerts.emptyForm')} />
      <h2 className="ecl-u-type-heading-2">{t('alerts.participants')}</h2>
      <Participants participants={broadcast.participants} />
      <h2 className="ecl-u-type-heading-2">{t('request.messages')}</h2>
      {broadcast.messages.length === 0 ? <p className="empty">{t('request.noMessages')}</p> : broadcast.messages.map((message) => <TranslatedTextBlock key={message.id} message={message} />)}
      <h2 className="ecl-u-type-heading-2">{t('request.timeline')}</h2>
      <Timeline kind={broadcast.kind} events={broadcast.timeline} />
    </article>
  );
}

export function BroadcastDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const broadcast = useResource(() => sources.broadcast(id, language), `${id}/${language}`);
  useLiveReload((event) => event.exchangeId === id, broadcast.reload);
  return (
    <ResourceView resource={broadcast} fallbackTitle={t('request.loadingTitle')}>
      {(data) => <BroadcastPage initial={data} reload={broadcast.reload} />}
    </ResourceView>
  );
}
