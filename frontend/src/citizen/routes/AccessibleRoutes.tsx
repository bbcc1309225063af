import { telHref, useContactRoutes } from './contactRoutes';

const COPY = {
  summary: 'Contact us using British Sign Language (BSL) or Relay UK',
  relayHeading: 'Relay UK',
  relay: 'If you are deaf, hard of hearing or speech-impaired, call us on',
  relayHow: 'using the Relay UK app or a textphone.',
  bslHeading: 'British Sign Language (BSL)',
  bsl: 'Contact us in BSL through our video relay service,',
  emergencyHeading: 'In an emergency',
  emergency:
    'Call 999. If you cannot speak or hear on the phone, use a textphone to call 18000, call 18001 999 from the Relay UK app, or text 999 if you have registered with emergencySMS.',
};

/** On every citizen page: the relay and BSL routes, and 999 / 18000 for emergencies (issue 16). */
export function AccessibleRoutes() {
  const routes = useContactRoutes();
  return (
    <div className="govuk-grid-row govuk-!-margin-top-6">
      <div className="govuk-grid-column-two-thirds">
        <details className="govuk-details" data-testid="accessible-routes">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{COPY.summary}</span>
          </summary>
          <div className="govuk-details__text">
            <h2 className="govuk-heading-s">{COPY.relayHeading}</h2>
            <p className="govuk-body">
              {COPY.relay}{' '}
              <a className="govuk-link" href={telHref(routes.relayUkNumber)}>
                {routes.relayUkNumber}
              </a>{' '}
              {COPY.relayHow}
            </p>
            {routes.bsl && (
              <>
                <h2 className="govuk-heading-s">{COPY.bslHeading}</h2>
                <p className="govuk-body">
                  {COPY.bsl}{' '}
                  <a className="govuk-link" href={routes.bsl.url} rel="noreferrer">
                    {routes.bsl.name}
                  </a>
                  .
                </p>
              </>
            )}
            <h2 className="govuk-heading-s">{COPY.emergencyHeading}</h2>
            <p className="govuk-body">{COPY.emergency}</p>
          </div>
        </details>
      </div>
    </div>
  );
}
