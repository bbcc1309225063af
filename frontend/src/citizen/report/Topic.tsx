import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios } from '../../components/fields';
import { usePage } from '../../lib/page';
import { countSignpost, telHref, useContactRoutes, type SignpostReason } from '../routes/contactRoutes';
import { PAGES } from './model';
import { useStep } from './useStep';

/** The page's words together, for the Welsh pass. */
const COPY = {
  question: 'What is it about?',
  hint: 'Some things are dealt with faster by another service. We will tell you where to go.',
  required: 'Select what it is about',
  options: {
    POLICE: { label: 'A crime or incident', hint: 'For example, theft, damage, anti-social behaviour or a hate incident' },
    FRAUD: { label: 'Fraud, a scam or cyber crime', hint: 'For example, you lost money to a fake seller, or your account was hacked' },
    LOST_PROPERTY: { label: 'Something I have lost or found' },
    NOISE: { label: 'Noise or a nuisance neighbour', hint: 'For example, loud music, barking dogs or parties' },
    OTHER: { label: 'Something else' },
  },
  back: 'Back',
  continueHere: 'This is not right for me: report it to us',
  ifDanger: 'If anyone is in danger now, call 999.',
  fraud: {
    title: 'Report fraud to Action Fraud',
    body: 'Action Fraud is the national reporting centre for fraud and cyber crime. Reports go to the police team that deals with them, so report there rather than to us.',
    link: 'Report fraud online at Action Fraud',
    url: 'https://www.actionfraud.police.uk',
    phone: '0300 123 2040',
    phoneIntro: 'You can also call Action Fraud on',
    bank: 'If money has just left your account, call your bank first on the number on the back of your card.',
  },
  lostProperty: {
    title: 'Report lost or found property',
    body: 'We deal with lost and found property through',
    link: (name: string) => `Report it on ${name}`,
    stolen: 'If you think it was stolen, it is a crime: report it to us instead.',
  },
  noise: {
    title: 'Report noise to your local council',
    body: 'Your local council deals with noise and nuisance from neighbours, homes and businesses.',
    link: 'Find your local council on GOV.UK',
    url: 'https://www.gov.uk/find-local-council',
    police: 'Report it to us if the noise comes with threats, violence, harassment or damage.',
  },
};

const REASONS: Record<string, SignpostReason> = { FRAUD: 'FRAUD', LOST_PROPERTY: 'LOST_PROPERTY', NOISE: 'NOISE' };

/** The first question of a report: what belongs elsewhere is pointed there before any case is opened. */
export function TopicPage() {
  const routes = useContactRoutes();
  const navigate = useNavigate();
  const s = useStep(COPY.question, (r) => (r.topic ? [] : [{ field: 'topic', message: COPY.required }]), PAGES.what);
  const options = (Object.keys(COPY.options) as (keyof typeof COPY.options)[])
    .filter((value) => value !== 'LOST_PROPERTY' || routes.lostProperty)
    .map((value) => ({ value, ...COPY.options[value] }));
  return (
    <>
      <Link to={PAGES.danger} className="govuk-back-link">
        {COPY.back}
      </Link>
      <ErrorSummary errors={s.errors} />
      <form
        noValidate
        onSubmit={(e) => {
          const reason = REASONS[s.data.topic];
          if (!reason) return s.onSubmit(e);
          e.preventDefault();
          void countSignpost(reason);
          navigate(`${PAGES.elsewhere}?about=${reason.toLowerCase().replace('_', '-')}`);
        }}
      >
        <Radios
          name="topic"
          legend={COPY.question}
          legendIsHeading
          h1Ref={s.h1}
          hint={COPY.hint}
          options={options}
          value={s.data.topic}
          onChange={(v) => s.update({ topic: v })}
          error={s.err('topic')}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

/** Where the citizen's matter belongs; a way back into the report if we got it wrong. */
export function ElsewherePage() {
  const [params] = useSearchParams();
  const routes = useContactRoutes();
  const about = params.get('about');
  const copy = about === 'fraud' ? COPY.fraud : about === 'lost-property' ? COPY.lostProperty : COPY.noise;
  const h1 = usePage(copy.title);
  const lost = routes.lostProperty;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={PAGES.topic} className="govuk-back-link">
          {COPY.back}
        </Link>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          {copy.title}
        </h1>
        {about === 'fraud' && (
          <>
            <p className="govuk-body">{COPY.fraud.body}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={COPY.fraud.url} rel="noreferrer" data-testid="signpost-link">
                {COPY.fraud.link}
              </a>
            </p>
            <p className="govuk-body">
              {COPY.fraud.phoneIntro}{' '}
              <a className="govuk-link" href={telHref(COPY.fraud.phone)}>
                {COPY.fraud.phone}
              </a>
              .
            </p>
            <div className="govuk-inset-text">{COPY.fraud.bank}</div>
          </>
        )}
        {about === 'lost-property' && (
          <>
            <p className="govuk-body">
              {COPY.lostProperty.body} {lost?.name ?? ''}.
            </p>
            {lost && (
              <p className="govuk-body">
                <a className="govuk-link" href={lost.url} rel="noreferrer" data-testid="signpost-link">
                  {COPY.lostProperty.link(lost.name)}
                </a>
              </p>
            )}
            <div className="govuk-inset-text">{COPY.lostProperty.stolen}</div>
          </>
        )}
        {about !== 'fraud' && about !== 'lost-property' && (
          <>
            <p className="govuk-body">{COPY.noise.body}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={COPY.noise.url} rel="noreferrer" data-testid="signpost-link">
                {COPY.noise.link}
              </a>
            </p>
            <div className="govuk-inset-text">{COPY.noise.police}</div>
          </>
        )}
        <p className="govuk-body">{COPY.ifDanger}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={PAGES.what}>
            {COPY.continueHere}
          </Link>
        </p>
      </div>
    </div>
  );
}
