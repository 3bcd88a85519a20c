import { useTranslation } from 'react-i18next';
import { countryName, formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { Link } from '../router/Link';
import { pathOf } from '../router/routes';
import { Deadline } from './Deadline';
import type { WorkItem } from './types';

const COLUMNS = ['subject', 'counterpart', 'procedure', 'state', 'deadline', 'updated'] as const;

export function WorkTable({ items, caption }: { items: WorkItem[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) return <p className="empty">{t('work.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="ecl-table ecl-table--zebra">
        <caption className="visually-hidden">{caption}</caption>
        <thead className="ecl-table__head">
          <tr className="ecl-table__row">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="ecl-table__header">
                {t(`work.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="ecl-table__body">
          {items.map((item) => (
            <tr key={item.id} className="ecl-table__row">
              <td className="ecl-table__cell">
                <Link className="ecl-link" href={pathOf({ name: 'request', id: item.id })}>
                  {item.reference}
                </Link>{' '}
                · <span lang={item.subjectLanguage}>{item.subject}</span>
              </td>
              <td className="ecl-table__cell">
                {item.counterpart ? (
                  <>
                    <span lang={item.counterpart.language}>{item.counterpart.name}</span> ({countryName(language, item.counterpart.country)})
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td className="ecl-table__cell">{item.procedure}</td>
              <td className="ecl-table__cell">{item.stateLabel}</td>
              <td className="ecl-table__cell">
                <Deadline date={item.deadline} />
              </td>
              <td className="ecl-table__cell">{formatDateTime(language, item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
