// The citizen's language, English or Welsh (docs/welsh.md): every word a citizen reads is in
// en.json and cy.json, one section per page or feature. Staff pages are English only.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import cy from './cy.json';

export type Language = 'en' | 'cy';
export const LANGUAGES: Language[] = ['en', 'cy'];

/** Remembers the choice across pages and visits; the server hears it as Accept-Language on every call. */
export const LANGUAGE_COOKIE = 'bluelamp-lang';

const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'cy';

function cookie(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${LANGUAGE_COOKIE}=`))
    ?.slice(LANGUAGE_COOKIE.length + 1);
}

/**
 * The citizen's choice: ?lang= in the address (links in Welsh emails carry it), else the one made
 * before on this browser, else Welsh for a browser set to Welsh, else English.
 */
export function chosenLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(asked)) return asked;
  const kept = cookie();
  if (isLanguage(kept)) return kept;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('cy')) ? 'cy' : 'en';
}

function keep(language: Language) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}

/** Staff pages are in English whatever the citizen's choice on this browser. */
export const isStaffPath = (pathname: string) => pathname === '/staff' || pathname.startsWith('/staff/');

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, cy: { translation: cy } },
  lng: isStaffPath(window.location.pathname) ? 'en' : chosenLanguage(),
  fallbackLng: false,
  supportedLngs: LANGUAGES,
  initAsync: false,
  returnNull: false,
  // React escapes what it renders: escaping here too would show &amp; for &.
  interpolation: { escapeValue: false },
});

// The page says what language it is in, for screen readers, spelling and hyphenation.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** The language text is shown in now: the choice on citizen pages, English on staff pages. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/** Shows the pages in this language now and on every later visit. */
export function chooseLanguage(language: Language) {
  keep(language);
  void i18n.changeLanguage(language);
}

/** Shows this area's language without changing the citizen's choice (English for staff pages). */
export function showIn(language: Language) {
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

export const t = i18n.t.bind(i18n);
/** Words in the language of the page; the component shows again when the language changes. */
export const useT = () => useTranslation().t;
/** The language of the page, for components that show differently in each (dates, the switch). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : 'en';
}
export { i18n };
