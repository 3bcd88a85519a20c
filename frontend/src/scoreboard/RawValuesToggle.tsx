import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../router/Router';

/** Whether readings are shown unrounded (`?raw=1`), so that the choice is part of a shared link. */
export function useRawValues(): [boolean, (raw: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const setRaw = (raw: boolean) => {
    const next = new URLSearchParams(params);
    if (raw) next.set('raw', '1');
    else next.delete('raw');
    setParams(next);
  };
  return [params.get('raw') === '1', setRaw];
}

export function RawValuesToggle() {
  const { t } = useTranslation();
  const [raw, setRaw] = useRawValues();
  return (
    <div className="ecl-checkbox raw-toggle">
      <input id="raw-values" type="checkbox" className="ecl-checkbox__input" checked={raw} onChange={(event) => setRaw(event.target.checked)} />
      <label htmlFor="raw-values" className="ecl-checkbox__label">
        <span className="ecl-checkbox__box" aria-hidden="true" />
        <span className="ecl-checkbox__text">{t('scoreboard.rawValues')}</span>
      </label>
    </div>
  );
}
