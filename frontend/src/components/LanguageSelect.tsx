import type { MouseEvent } from 'react';
import { chooseLanguage, useLanguage, useT, type Language } from '../i18n';

// Each language by its own name, the same on every page (in both translation files).
const NAMES: Record<Language, string> = { en: 'language.english', cy: 'language.welsh' };
const CHANGE_TO: Record<Language, string> = { en: 'language.toEnglish', cy: 'language.toWelsh' };

/**
 * The language switch of GOV.UK services (HMRC's language select): both names, each in its own
 * language, the current one not a link. The links work without script too (?lang=), and carry
 * the words a screen reader says in the language it switches to.
 */
export function LanguageSelect() {
  const t = useT();
  const current = useLanguage();
  const choose = (language: Language) => (event: MouseEvent) => {
    event.preventDefault();
    chooseLanguage(language);
  };
  return (
    <nav className="app-language-select" aria-label={t('language.nav')} data-testid="language-select">
      <ul className="govuk-list app-language-select__list">
        {(['en', 'cy'] as Language[]).map((language) => (
          <li key={language} className="app-language-select__item">
            {language === current ? (
              <span aria-current="true" lang={language}>
                {t(NAMES[language])}
              </span>
            ) : (
              <a className="govuk-link" href={`?lang=${language}`} hrefLang={language} lang={language} rel="alternate" onClick={choose(language)}>
                <span className="govuk-visually-hidden">{t(CHANGE_TO[language])}</span>
                <span aria-hidden="true">{t(NAMES[language])}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
