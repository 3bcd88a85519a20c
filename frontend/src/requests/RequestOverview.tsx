import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { AuthorityName } from '../reference/types';
import { Deadline } from '../work/Deadline';
import type { RequestDetail } from './types';

export function AuthorityLabel({ authority }: { authority: AuthorityName }) {
  const language = useLanguage();
  return (
    <>
      <span lang={authority.language}>{authority.name}</span> ({countryName(language, authority.country)})
    </>
  );
}

export function RequestOverview({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, ReactNode][] = [
    [t('request.reference'), request.reference],
    [t('compose.subject'), <span lang={request.subjectLanguage}>{request.subject}</span>],
    [t('request.state'), <span data-state={request.state}>{request.stateLabel}</span>],
    [t('request.procedure'), request.procedure],
    [t('request.legalArea'), request.legalArea],
    [t('request.from'), <AuthorityLabel authority={request.requester} />],
  ];
  if (request.responder) rows.push([t('request.to'), <AuthorityLabel authority={request.responder} />]);
  if (request.requestedReplyDate) rows.push([t('request.requestedDate'), formatDate(language, request.requestedReplyDate)]);
  if (request.proposedReplyDate) rows.push([t('request.proposedDate'), formatDate(language, request.proposedReplyDate)]);
  if (request.agreedReplyDate) rows.push([t('request.agreedDate'), formatDate(language, request.agreedReplyDate)]);
  if (request.deadline) rows.push([t('work.deadline'), <Deadline date={request.deadline} />]);
  return (
    <dl className="overview">
      {rows.map(([term, value]) => (
        <div key={term} className="overview__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
