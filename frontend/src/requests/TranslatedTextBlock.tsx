import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { TranslatedText } from './types';

/**
 * Free text with its machine translation: the translation is labelled with its engine,
 * the original is one click away, and each carries its own `lang`.
 */
export function TranslatedTextBlock({ text }: { text: TranslatedText }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showOriginal, setShowOriginal] = useState(text.translation === null);
  const { translation } = text;

  return (
    <div className="translated-text">
      {showOriginal || !translation ? (
        <>
          <p className="translated-text__label">{t('request.original', { language: languageName(language, text.originalLanguage) })}</p>
          <p lang={text.originalLanguage}>{text.original}</p>
          {!translation && text.originalLanguage !== language && <p className="ecl-help-block">{t('request.translationUnavailable')}</p>}
        </>
      ) : (
        <>
          <p className="translated-text__label">
            {t('request.translation', { language: languageName(language, translation.language), engine: translation.engine })}
          </p>
          <p lang={translation.language}>{translation.text}</p>
        </>
      )}
      {translation && (
        <button type="button" className="ecl-button ecl-button--tertiary" aria-pressed={showOriginal} onClick={() => setShowOriginal(!showOriginal)}>
          {t('request.showOriginal')}
        </button>
      )}
    </div>
  );
}
