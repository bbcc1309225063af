/** The 999 signposting every citizen entry point shows before anything else. */
export function EmergencyNumbers() {
  return (
    <>
      <p className="govuk-body">
        Call <strong>999</strong> if someone is in danger, has been hurt, or a crime is happening now.
      </p>
      <p className="govuk-body">
        If you are deaf, hard of hearing or speech-impaired, use a textphone to call <strong>18000</strong>, or call <strong>18001 999</strong> from
        the Relay UK app.
      </p>
    </>
  );
}

export function EmergencyBox() {
  return (
    <div className="govuk-inset-text app-emergency" aria-labelledby="emergency-heading" role="region">
      <h2 className="govuk-heading-m" id="emergency-heading">
        In an emergency, call 999
      </h2>
      <EmergencyNumbers />
    </div>
  );
}
