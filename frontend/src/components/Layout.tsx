import { useEffect, useRef } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { ExitThisPage, SkipLink } from 'govuk-frontend';
import { AccessibleRoutes } from '../citizen/routes/AccessibleRoutes';

/** GOV.UK Frontend scripts attach to server-rendered markup; here they attach after React renders it. */
function useGovuk<T extends Element>(Component: new (el: Element) => unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!ref.current) return;
    try {
      new Component(ref.current);
    } catch {
      // Already initialised (React runs effects twice in development).
    }
  }, [Component]);
  return ref;
}

export function Layout() {
  const skip = useGovuk<HTMLAnchorElement>(SkipLink);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link" ref={skip}>
        Skip to main content
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Blue Lamp
            </Link>
            <span className="app-header__service">Non-emergency contact</span>
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
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/track">
                    Track a report
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/figures">
                    How quickly we answer
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/staff/sign-in">
                    Staff sign in
                  </Link>
                </li>
              </ul>
              <p className="govuk-body-s govuk-!-margin-bottom-0">Blue Lamp is open-source software. In an emergency, call 999.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

/** Citizen pages carry the quick exit: a victim may need to hide the page at once. */
export function CitizenLayout() {
  const exit = useGovuk<HTMLDivElement>(ExitThisPage);
  return (
    <>
      <div className="govuk-exit-this-page" data-module="govuk-exit-this-page" ref={exit}>
        <a
          href="https://www.bbc.co.uk/weather"
          role="button"
          draggable="false"
          className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
          data-module="govuk-button"
          rel="nofollow noreferrer"
        >
          <span className="govuk-visually-hidden">Emergency</span> Leave this site
        </a>
      </div>
      <Outlet />
      <AccessibleRoutes />
    </>
  );
}
