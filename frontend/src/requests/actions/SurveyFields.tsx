import { useTranslation } from 'react-i18next';

const SCALE = ['veryDissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'verySatisfied'] as const;

/** The optional closure survey: timeliness and efforts, each on the 5-point scale from 1 (very dissatisfied) to 5. */
export function SurveyFields() {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="ecl-u-type-heading-4">{t('survey.title')}</h4>
      <p className="ecl-help-block">{t('survey.intro')}</p>
      {(['timeliness', 'efforts'] as const).map((question) => (
        <fieldset key={question} className="ecl-form-group field survey">
          <legend className="ecl-form-label">{t(`survey.${question}`)}</legend>
          {SCALE.map((label, index) => (
            <div key={label} className="ecl-radio">
              <input id={`survey-${question}-${index + 1}`} type="radio" name={question} value={index + 1} className="ecl-radio__input" />
              <label htmlFor={`survey-${question}-${index + 1}`} className="ecl-radio__label">
                <span className="ecl-radio__box" aria-hidden="true" />
                <span className="ecl-radio__text">{t(`survey.${label}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}
