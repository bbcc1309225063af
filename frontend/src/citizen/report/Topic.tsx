import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios } from '../../components/fields';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n';
import { usePage } from '../../lib/page';
import { countSignpost, telHref, useContactRoutes, type SignpostReason } from '../routes/contactRoutes';
import { PAGES } from './model';
import { useStep } from './useStep';

/** The national services' addresses: the same in either language. */
const ACTION_FRAUD = { url: 'https://www.actionfraud.police.uk', phone: '0300 123 2040' };
const FIND_COUNCIL = 'https://www.gov.uk/find-local-council';

const TOPICS = ['POLICE', 'FRAUD', 'LOST_PROPERTY', 'NOISE', 'OTHER'] as const;
const HINTED = new Set<string>(['POLICE', 'FRAUD', 'NOISE']);

const REASONS: Record<string, SignpostReason> = { FRAUD: 'FRAUD', LOST_PROPERTY: 'LOST_PROPERTY', NOISE: 'NOISE' };

/** The first question of a report: what belongs elsewhere is pointed there before any case is opened. */
export function TopicPage() {
  const t = useT();
  const routes = useContactRoutes();
  const navigate = useNavigate();
  const s = useStep(t('topic.question'), (r) => (r.topic ? [] : [{ field: 'topic', message: t('topic.required') }]), PAGES.what);
  const options = TOPICS.filter((value) => value !== 'LOST_PROPERTY' || routes.lostProperty).map((value) => ({
    value,
    label: t(`topic.${value}`),
    hint: HINTED.has(value) ? t(`topic.${value}_hint`) : undefined,
  }));
  return (
    <>
      <Link to={PAGES.danger} className="govuk-back-link">
        {t('common.back')}
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
          legend={t('topic.question')}
          legendIsHeading
          h1Ref={s.h1}
          hint={t('topic.hint')}
          options={options}
          value={s.data.topic}
          onChange={(v) => s.update({ topic: v })}
          error={s.err('topic')}
        />
        <Button>{t('common.continue')}</Button>
      </form>
    </>
  );
}

/** Where the citizen's matter belongs; a way back into the report if we got it wrong. */
export function ElsewherePage() {
  const t = useT();
  const [params] = useSearchParams();
  const routes = useContactRoutes();
  const about = params.get('about');
  const title = t(about === 'fraud' ? 'elsewhere.fraudTitle' : about === 'lost-property' ? 'elsewhere.lostTitle' : 'elsewhere.noiseTitle');
  const h1 = usePage(title);
  const lost = routes.lostProperty;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={PAGES.topic} className="govuk-back-link">
          {t('common.back')}
        </Link>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          {title}
        </h1>
        {about === 'fraud' && (
          <>
            <p className="govuk-body">{t('elsewhere.fraudBody')}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={ACTION_FRAUD.url} rel="noreferrer" data-testid="signpost-link">
                {t('elsewhere.fraudLink')}
              </a>
            </p>
            <p className="govuk-body">
              <Trans
                i18nKey="elsewhere.fraudPhone"
                values={{ number: ACTION_FRAUD.phone }}
                components={{ phone: <a className="govuk-link" href={telHref(ACTION_FRAUD.phone)} /> }}
              />
            </p>
            <div className="govuk-inset-text">{t('elsewhere.fraudBank')}</div>
          </>
        )}
        {about === 'lost-property' && (
          <>
            {lost && (
              <>
                <p className="govuk-body">{t('elsewhere.lostBody', { name: lost.name })}</p>
                <p className="govuk-body">
                  <a className="govuk-link" href={lost.url} rel="noreferrer" data-testid="signpost-link">
                    {t('elsewhere.lostLink', { name: lost.name })}
                  </a>
                </p>
              </>
            )}
            <div className="govuk-inset-text">{t('elsewhere.lostStolen')}</div>
          </>
        )}
        {about !== 'fraud' && about !== 'lost-property' && (
          <>
            <p className="govuk-body">{t('elsewhere.noiseBody')}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={FIND_COUNCIL} rel="noreferrer" data-testid="signpost-link">
                {t('elsewhere.noiseLink')}
              </a>
            </p>
            <div className="govuk-inset-text">{t('elsewhere.noisePolice')}</div>
          </>
        )}
        <p className="govuk-body">{t('elsewhere.ifDanger')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={PAGES.what}>
            {t('elsewhere.continueHere')}
          </Link>
        </p>
      </div>
    </div>
  );
}
