import { Trans } from 'react-i18next';
import { useT } from '../i18n';

const BOLD = { b: <strong /> };

/** The 999 signposting every citizen entry point shows before anything else. */
export function EmergencyNumbers() {
  return (
    <>
      <p className="govuk-body">
        <Trans i18nKey="emergency.call999" components={BOLD} />
      </p>
      <p className="govuk-body">
        <Trans i18nKey="emergency.textphone" components={BOLD} />
      </p>
    </>
  );
}

export function EmergencyBox() {
  const t = useT();
  return (
    <div className="govuk-inset-text app-emergency" aria-labelledby="emergency-heading" role="region">
      <h2 className="govuk-heading-m" id="emergency-heading">
        {t('emergency.heading')}
      </h2>
      <EmergencyNumbers />
    </div>
  );
}
