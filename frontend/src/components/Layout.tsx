import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { ExitThisPage, SkipLink } from 'govuk-frontend';
import { AccessibleRoutes } from '../citizen/routes/AccessibleRoutes';
import { chooseLanguage, chosenLanguage, isStaffPath, LANGUAGES, showIn, useLanguage, useT, type Language } from '../i18n';
import { LanguageSelect } from './LanguageSelect';

/** GOV.UK Frontend scripts attach to server-rendered markup; here they attach after React renders it. */
function useGovuk<T extends Element>(Component: new (el: Element, config?: never) => unknown, config?: object) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!ref.current) return;
    try {
      new Component(ref.current, config as never);
    } catch {
      // Already initialised (React runs effects twice in development).
    }
    // The config is read once: a new one comes with a new element (the quick exit is keyed by language).
  }, [Component]);
  return ref;
}

/**
 * Citizen pages are in the citizen's language (a ?lang= link chooses it), staff pages in English;
 * followed on every page change, since one browser may show both.
 */
function useAreaLanguage() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (isStaffPath(pathname)) return showIn('en');
    const asked = new URLSearchParams(search).get('lang');
    if (LANGUAGES.includes(asked as Language)) chooseLanguage(asked as Language);
    else showIn(chosenLanguage());
  }, [pathname, search]);
}

export function Layout() {
  const t = useT();
  useAreaLanguage();
  const skip = useGovuk<HTMLAnchorElement>(SkipLink);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link" ref={skip}>
        {t('layout.skip')}
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {t('common.service')}
            </Link>
            <span className="app-header__service">{t('layout.serviceName')}</span>
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">{t('layout.supportLinks')}</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/track">
                    {t('layout.trackReport')}
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/figures">
                    {t('layout.figures')}
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/staff/sign-in">
                    {t('layout.staffSignIn')}
                  </Link>
                </li>
              </ul>
              <p className="govuk-body-s govuk-!-margin-bottom-0">{t('layout.footer')}</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

/** Citizen pages carry the language switch and the quick exit: a victim may need to hide the page at once. */
export function CitizenLayout() {
  const language = useLanguage();
  return (
    <>
      <LanguageSelect />
      <QuickExit key={language} />
      <Outlet />
      <AccessibleRoutes />
    </>
  );
}

/** Keyed by language: GOV.UK Frontend reads its words once, when it attaches. */
function QuickExit() {
  const t = useT();
  const exit = useGovuk<HTMLDivElement>(ExitThisPage, {
    i18n: {
      activated: t('layout.exitActivated'),
      timedOut: t('layout.exitTimedOut'),
      pressTwoMoreTimes: t('layout.exitPressTwoMoreTimes'),
      pressOneMoreTime: t('layout.exitPressOneMoreTime'),
    },
  });
  return (
    <div className="govuk-exit-this-page" data-module="govuk-exit-this-page" ref={exit}>
      <a
        href="https://www.bbc.co.uk/weather"
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
        data-module="govuk-button"
        rel="nofollow noreferrer"
      >
        <span className="govuk-visually-hidden">{t('layout.exitHidden')}</span> {t('layout.exit')}
      </a>
    </div>
  );
}
