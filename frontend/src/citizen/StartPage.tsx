import { Link } from 'react-router-dom';
import { usePage } from '../lib/page';
import { EmergencyBox } from './Emergency';
import { PAGES } from './report/model';

export function StartPage() {
  const h1 = usePage('Contact the police when it is not an emergency');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl" ref={h1} tabIndex={-1}>
          Contact the police when it is not an emergency
        </h1>
        <EmergencyBox />
        <h2 className="govuk-heading-l">How would you like to contact us?</h2>

        <h3 className="govuk-heading-m">Report online</h3>
        <p className="govuk-body">Tell us about a crime or incident. It takes about 10 minutes. You can report without giving your name.</p>
        <Link to={PAGES.danger} role="button" draggable="false" className="govuk-button govuk-button--start">
          Report online
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

        <h3 className="govuk-heading-m">Call 101</h3>
        <p className="govuk-body">
          Call <strong>101</strong> for anything that is not an emergency. If you are deaf, hard of hearing or speech-impaired, use a textphone to
          call <strong>18001 101</strong>.
        </p>

        <h3 className="govuk-heading-m">Live chat</h3>
        <p className="govuk-body">Chat online with a call handler. You do not have to give your name.</p>
        <Link to="/chat" role="button" draggable="false" className="govuk-button govuk-button--secondary">
          Start a live chat
        </Link>

        <h3 className="govuk-heading-m">Ask us to call you back</h3>
        <p className="govuk-body">Choose a time and a call handler will phone you.</p>
        <Link to="/callback" role="button" draggable="false" className="govuk-button govuk-button--secondary">
          Ask us to call you back
        </Link>

        <h2 className="govuk-heading-l">Already reported something?</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/track">
            Track a report
          </Link>{' '}
          using your reference and tracking code.
        </p>
      </div>
    </div>
  );
}
