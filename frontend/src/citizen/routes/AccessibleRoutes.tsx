import { Trans } from 'react-i18next';
import { useT } from '../../i18n';
import { telHref, useContactRoutes } from './contactRoutes';

/** On every citizen page: the relay and BSL routes, and 999 / 18000 for emergencies (issue 16). */
export function AccessibleRoutes() {
  const t = useT();
  const routes = useContactRoutes();
  return (
    <div className="govuk-grid-row govuk-!-margin-top-6">
      <div className="govuk-grid-column-two-thirds">
        <details className="govuk-details" data-testid="accessible-routes">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('routes.summary')}</span>
          </summary>
          <div className="govuk-details__text">
            <h2 className="govuk-heading-s">{t('routes.relayHeading')}</h2>
            <p className="govuk-body">
              <Trans
                i18nKey="routes.relay"
                values={{ number: routes.relayUkNumber }}
                components={{ phone: <a className="govuk-link" href={telHref(routes.relayUkNumber)} /> }}
              />
            </p>
            {routes.bsl && (
              <>
                <h2 className="govuk-heading-s">{t('routes.bslHeading')}</h2>
                <p className="govuk-body">
                  <Trans
                    i18nKey="routes.bsl"
                    values={{ name: routes.bsl.name }}
                    components={{ anchor: <a className="govuk-link" href={routes.bsl.url} rel="noreferrer" /> }}
                  />
                </p>
              </>
            )}
            <h2 className="govuk-heading-s">{t('routes.emergencyHeading')}</h2>
            <p className="govuk-body">{t('routes.emergency')}</p>
          </div>
        </details>
      </div>
    </div>
  );
}
