import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, CatalogueSection } from '../catalogue/types';
import type { RequestDraft } from '../requests/types';

export type ChosenQuestions = RequestDraft['questions'];

/** A question's text with the values the requester gave for its parameters (`{profession}` → "Arzt"). */
export function withParameters(text: string, parameters: { name: string; value: string }[]): string {
  return parameters.reduce((filled, { name, value }) => (value ? filled.replaceAll(`{${name}}`, value) : filled), text);
}

function ParameterFields({ item, chosen, onChange }: { item: CatalogueItem; chosen: ChosenQuestions[number]; onChange: (value: ChosenQuestions[number]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="question-picker__parameters">
      {item.parameters.map((name) => {
        const value = chosen.parameters.find((parameter) => parameter.name === name)?.value ?? '';
        return (
          <div key={name} className="field">
            <label className="ecl-form-label" htmlFor={`${id}-${name}`}>
              {t('compose.parameter', { name: t(`parameters.${name}`, { defaultValue: name }) })}
            </label>
            <input
              id={`${id}-${name}`}
              className="ecl-text-input"
              value={value}
              required
              onChange={(event) =>
                onChange({ ...chosen, parameters: [...chosen.parameters.filter((parameter) => parameter.name !== name), { name, value: event.target.value }] })
              }
            />
          </div>
        );
      })}
    </div>
  );
}

/** The procedure's questions by section, in the reader's language: ticking one asks it, with its parameters. */
export function QuestionPicker({ sections, chosen, onChange }: { sections: CatalogueSection[]; chosen: ChosenQuestions; onChange: (chosen: ChosenQuestions) => void }) {
  const id = useId();
  const { t } = useTranslation();
  const replace = (next: ChosenQuestions[number]) => onChange(chosen.map((question) => (question.item === next.item ? next : question)));
  return (
    <div className="question-picker">
      <p className="ecl-help-block">{t('compose.questionsHint')}</p>
      {sections.map((section) => (
        <fieldset key={section.id} className="ecl-form-group question-picker__section">
          <legend className="ecl-form-label">{section.title}</legend>
          <ul className="question-picker__items">
            {section.items.map((item) => {
              const current = chosen.find((question) => question.item === item.id);
              const inputId = `${id}-${item.id}`;
              return (
                <li key={item.id} className="ecl-checkbox">
                  <input
                    id={inputId}
                    type="checkbox"
                    className="ecl-checkbox__input"
                    checked={current !== undefined}
                    onChange={(event) =>
                      onChange(event.target.checked ? [...chosen, { item: item.id, parameters: [] }] : chosen.filter((question) => question.item !== item.id))
                    }
                  />
                  <label htmlFor={inputId} className="ecl-checkbox__label">
                    <span className="ecl-checkbox__box" aria-hidden="true" />
                    <span className="ecl-checkbox__text" lang={item.language}>
                      {withParameters(item.text, current?.parameters ?? [])}
                    </span>
                  </label>
                  {current && item.parameters.length > 0 && <ParameterFields item={item} chosen={current} onChange={replace} />}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
