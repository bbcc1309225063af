import { useState, type FormEvent } from 'react';
import { TextInput } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useAccessReason } from '../accessReason';
import { ReasonForm } from '../ReasonForm';
import { AccessTable } from './AccessTable';
import { getAccess, type AccessEntry } from './auditApi';
import { AuditPageTop } from './AuditParts';

type By = { reference: string } | { viewer: string };
const viewerOf = (by: By | null) => (by && 'viewer' in by ? by.viewer : '');

/** Who opened a case, or what one member of staff opened. */
export function AccessLogPage() {
  const [reference, setReference] = useState('');
  const [viewer, setViewer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [search, setSearch] = useState<By | null>(null);
  const [rows, setRows] = useState<AccessEntry[] | null>(null);
  const h1 = usePage('Access log', errors.length > 0);
  // Searching by case may itself count as opening it: the server can ask for a reason.
  const access = useAccessReason(search ? JSON.stringify(search) : '');

  const run = async (by: By) => {
    setSearch(by);
    setRows(null);
    try {
      const found = await access.guarded((headers) => getAccess(by, headers));
      if (found) setRows(found);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const submit = (field: 'access-reference' | 'access-viewer', value: string, message: string, by: By) => (event: FormEvent) => {
    event.preventDefault();
    const problems = value.trim() ? [] : [{ field, message }];
    setErrors(problems);
    if (!problems.length) run(by);
  };
  const caption = search && ('reference' in search ? `Views of case ${search.reference}` : `Records viewed by ${search.viewer}`);
  return (
    <>
      <AuditPageTop h1={h1} errors={errors}>
        Access log
      </AuditPageTop>
      <p className="govuk-body">Every opening of a case or a contact, with who opened it and the reason they gave.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <form
            noValidate
            role="search"
            aria-label="Access by case"
            onSubmit={submit('access-reference', reference, 'Enter a case reference', { reference: reference.trim() })}
          >
            <TextInput
              id="access-reference"
              label="Case reference"
              hint="For example, BL-2026-000123"
              spellCheck={false}
              autoComplete="off"
              width="govuk-input--width-20"
              value={reference}
              onChange={setReference}
              error={errors.find((e) => e.field === 'access-reference')?.message}
            />
            <button type="submit" className="govuk-button">
              Search by case
            </button>
          </form>
        </div>
        <div className="govuk-grid-column-one-half">
          <form
            noValidate
            role="search"
            aria-label="Access by member of staff"
            onSubmit={submit('access-viewer', viewer, 'Enter a staff username', { viewer: viewer.trim() })}
          >
            <TextInput
              id="access-viewer"
              label="Staff username"
              hint="For example, handler"
              spellCheck={false}
              autoComplete="off"
              width="govuk-input--width-20"
              value={viewer}
              onChange={setViewer}
              error={errors.find((e) => e.field === 'access-viewer')?.message}
            />
            <button type="submit" className="govuk-button">
              Search by member of staff
            </button>
          </form>
        </div>
      </div>
      {search && access.prompt && (
        <ReasonForm
          prefix="access-search"
          question="Why are you opening this case's access log?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={(reason) => (access.setReason(reason), run(search))}
        />
      )}
      {rows && (
        <section aria-labelledby="access-results-heading">
          <h2 className="govuk-heading-m" id="access-results-heading">
            Results
          </h2>
          {rows.length === 0 ? (
            <p className="govuk-body" data-testid="access-none">
              {search && 'reference' in search ? `No one has opened case ${search.reference}.` : `${viewerOf(search)} has not opened any records.`}
            </p>
          ) : (
            <AccessTable rows={rows} caption={caption ?? 'Access log'} testId="access-results" />
          )}
        </section>
      )}
    </>
  );
}
