import { useTranslation } from 'react-i18next';
import { countryName, formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { RequestDetail } from './types';

export function RequestOverview({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, string][] = [
    [t('request.reference'), request.reference],
    [t('request.state'), t(`states.${request.state}`)],
    [t('request.procedure'), request.procedure],
    [t('request.legalArea'), request.legalArea],
    [t('request.from'), `${request.requester.authority} (${countryName(language, request.requester.country)})`],
    [t('request.to'), `${request.responder.authority} (${countryName(language, request.responder.country)})`],
  ];
  if (request.requestedReplyDate) rows.push([t('request.requestedDate'), formatDate(language, request.requestedReplyDate)]);
  if (request.agreedReplyDate) rows.push([t('request.agreedDate'), formatDate(language, request.agreedReplyDate)]);
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
