import { Link } from 'react-router-dom';
import { Trans } from 'react-i18next';
import { useT } from '../i18n';
import { usePage } from '../lib/page';
import { EmergencyBox } from './Emergency';
import { PAGES } from './report/model';

export function StartPage() {
  const t = useT();
  const h1 = usePage(t('start.title'));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl" ref={h1} tabIndex={-1}>
          {t('start.title')}
        </h1>
        <EmergencyBox />
        <h2 className="govuk-heading-l">{t('start.how')}</h2>

        <h3 className="govuk-heading-m">{t('start.reportHeading')}</h3>
        <p className="govuk-body">{t('start.reportText')}</p>
        <Link to={PAGES.danger} role="button" draggable="false" className="govuk-button govuk-button--start">
          {t('start.reportButton')}
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>

        <h3 className="govuk-heading-m">{t('start.callHeading')}</h3>
        <p className="govuk-body">
          <Trans i18nKey="start.callText" components={{ b: <strong /> }} />
        </p>

        <h3 className="govuk-heading-m">{t('start.chatHeading')}</h3>
        <p className="govuk-body">{t('start.chatText')}</p>
        <Link to="/chat" role="button" draggable="false" className="govuk-button govuk-button--secondary">
          {t('start.chatButton')}
        </Link>

        <h3 className="govuk-heading-m">{t('start.callbackHeading')}</h3>
        <p className="govuk-body">{t('start.callbackText')}</p>
        <Link to="/callback" role="button" draggable="false" className="govuk-button govuk-button--secondary">
          {t('start.callbackButton')}
        </Link>

        <h2 className="govuk-heading-l">{t('start.already')}</h2>
        <p className="govuk-body">
          <Trans i18nKey="start.track" components={{ anchor: <Link className="govuk-link" to="/track" /> }} />
        </p>
      </div>
    </div>
  );
}
