import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../requests/types';
import type { AnswerEntry, CatalogueItem } from './types';

const YES_NO = ['YES', 'NO', 'DONT_KNOW'] as const;

interface AnswerInputProps {
  item: CatalogueItem;
  entry: AnswerEntry;
  onChange: (entry: AnswerEntry) => void;
  /** Files of the exchange an attachment answer can point to. */
  attachments?: Attachment[];
}

function Choices({ item, entry, onChange, options, multiple }: AnswerInputProps & { options: { id: string; label: string }[]; multiple: boolean }) {
  const id = useId();
  const chosen = Array.isArray(entry.value) ? entry.value : [entry.value];
  const kind = multiple ? 'ecl-checkbox' : 'ecl-radio';
  return (
    <fieldset className="ecl-form-group field answer-input">
      <legend className="ecl-form-label" lang={item.language}>
        {item.text}
      </legend>
      {item.help && (
        <p className="ecl-help-block" lang={item.language}>
          {item.help}
        </p>
      )}
      {options.map((option) => (
        <div key={option.id} className={kind}>
          <input
            id={`${id}-${option.id}`}
            type={multiple ? 'checkbox' : 'radio'}
            name={item.id}
            className={`${kind}__input`}
            checked={chosen.includes(option.id)}
            onChange={(event) =>
              onChange({
                ...entry,
                value: multiple ? (event.target.checked ? [...chosen, option.id] : chosen.filter((value) => value !== option.id)) : option.id,
              })
            }
          />
          <label htmlFor={`${id}-${option.id}`} className={`${kind}__label`}>
            <span className={`${kind}__box`} aria-hidden="true" />
            <span className={`${kind}__text`}>{option.label}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The input an item's type asks for: yes/no, one option, several, a date, a number, text or one of the exchange's files. */
export function AnswerInput(props: AnswerInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const { item, entry, onChange, attachments = [] } = props;
  if (item.type === 'YES_NO_DONT_KNOW') return <Choices {...props} multiple={false} options={YES_NO.map((value) => ({ id: value, label: t(`answers.${value}`) }))} />;
  if (item.type === 'SINGLE_CHOICE' || item.type === 'MULTIPLE_CHOICE') return <Choices {...props} multiple={item.type === 'MULTIPLE_CHOICE'} options={item.options} />;
  const value = typeof entry.value === 'string' ? entry.value : '';
  const set = (next: string) => onChange({ ...entry, value: next });
  const hintId = item.help ? `${id}-hint` : undefined;
  return (
    <div className="ecl-form-group field answer-input">
      <label className="ecl-form-label" htmlFor={id} lang={item.language}>
        {item.text}
      </label>
      {item.help && (
        <p className="ecl-help-block" id={hintId} lang={item.language}>
          {item.help}
        </p>
      )}
      {item.type === 'TEXT' && <textarea id={id} name={item.id} className="ecl-text-area ecl-text-area--l" rows={3} value={value} aria-describedby={hintId} onChange={(event) => set(event.target.value)} />}
      {item.type === 'DATE' && <input id={id} name={item.id} type="date" className="ecl-text-input" value={value} aria-describedby={hintId} onChange={(event) => set(event.target.value)} />}
      {item.type === 'NUMBER' && <input id={id} name={item.id} inputMode="decimal" className="ecl-text-input" value={value} aria-describedby={hintId} onChange={(event) => set(event.target.value)} />}
      {item.type === 'ATTACHMENT' && (
        <div className="ecl-select__container ecl-select__container--l">
          <select id={id} name={item.id} className="ecl-select" value={value} aria-describedby={hintId} onChange={(event) => set(event.target.value)}>
            <option value="">{attachments.length ? t('answers.chooseFile') : t('answers.noFiles')}</option>
            {attachments.map((file) => (
              <option key={file.id} value={file.id}>
                {file.filename}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
