import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { ExchangeMessage } from './types';

/**
 * A message with its machine translation: the translation is labelled with its engine, the original is one
 * click away, and each carries its own `lang`. A translation on its way, or not to be had, is said so.
 */
export function TranslatedTextBlock({ message }: { message: ExchangeMessage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { translation } = message;
  const translated = translation?.status === 'DONE' ? translation : null;
  const [showOriginal, setShowOriginal] = useState(false);
  const author = [message.author, message.authority].filter(Boolean).join(', ');

  return (
    <article className="translated-text">
      <p className="translated-text__meta">
        {author && <span lang={message.originalLanguage}>{author}</span>} · <time dateTime={message.at}>{formatDateTime(language, message.at)}</time>
      </p>
      {showOriginal || !translated ? (
        <>
          <p className="translated-text__label">{t('request.original', { language: languageName(language, message.originalLanguage) })}</p>
          <p className="translated-text__body" lang={message.originalLanguage}>
            {message.original}
          </p>
          {translation?.status === 'PENDING' && <p className="ecl-help-block">{t('request.translationPending')}</p>}
          {translation?.status === 'UNAVAILABLE' && <p className="ecl-help-block">{t('request.translationUnavailable')}</p>}
        </>
      ) : (
        <>
          <p className="translated-text__label">{t('request.translation', { language: languageName(language, translated.language), engine: translated.engine })}</p>
          <p className="translated-text__body" lang={translated.language}>
            {translated.text}
          </p>
        </>
      )}
      {translated && (
        <button type="button" className="ecl-button ecl-button--tertiary" aria-pressed={showOriginal} onClick={() => setShowOriginal(!showOriginal)}>
          {t('request.showOriginal')}
        </button>
      )}
    </article>
  );
}
