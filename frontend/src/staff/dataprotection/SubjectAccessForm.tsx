import { useEffect, useRef, useState, type Ref } from 'react';
import { SummaryList, WarningText } from '../../components/SummaryList';
import type { FieldError } from '../../lib/http';
import { reasonError } from '../accessReason';
import { Section, Submit, useForm } from '../WorkspaceForms';
import { getSubjectAccess, getSubjectAccessPage } from './dataProtectionApi';
import { PERSON_MISSING, PersonField, ReasonField } from './SubjectFields';
import { exportFileName, exportSummary, personOf, personText, plural, serverProblems, type ExportSummary } from './dataProtectionLogic';

interface Ctx {
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
}

interface Result {
  who: string;
  summary: ExportSummary;
  url: string;
  fileName: string;
  bytes: number;
  pageUrl: string;
  pageBytes: number;
  scrubPending?: string;
}

/** Everything held about a person, as a JSON file the officer saves and sends on. */
export function SubjectAccessForm({ ctx }: { ctx: Ctx }) {
  const f = useForm(ctx, 'sar', { person: '', reason: '' });
  const [result, setResult] = useState<Result | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The file lives in memory under an object URL until the next export or leaving the page.
  useEffect(() => () => void (result && (URL.revokeObjectURL(result.url), URL.revokeObjectURL(result.pageUrl))), [result?.url]);
  useEffect(() => heading.current?.focus(), [result?.url]);
  const v = f.values;
  const reasonProblem = reasonError(v.reason);

  const fetchExport = async () => {
    const person = personOf(v.person);
    try {
      const [data, page] = await Promise.all([getSubjectAccess(person, v.reason), getSubjectAccessPage(person, v.reason)]);
      // No inline script and no data: URL: Blobs the browser saves through the links' download attribute.
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const readable = new Blob([String(page)], { type: 'text/html' });
      setResult({
        who: personText(person),
        summary: exportSummary(data),
        url: URL.createObjectURL(blob),
        fileName: exportFileName(person),
        bytes: blob.size,
        pageUrl: URL.createObjectURL(readable),
        pageBytes: readable.size,
        scrubPending: data.scrubPending ?? undefined,
      });
    } catch (e) {
      ctx.setErrors(serverProblems(e, 'sar'));
    }
  };

  return (
    <Section id="sar-heading" title="Subject access request">
      <p className="govuk-body">
        Export everything held about a person: every contact and case linked to the one you name, their events decrypted, every record naming them,
        and who viewed their records and why. The export is recorded in the access log.
      </p>
      <form
        noValidate
        onSubmit={f.submit(
          [
            [!v.person.trim(), 'person', PERSON_MISSING],
            [!!reasonProblem, 'reason', reasonProblem ?? ''],
          ],
          fetchExport,
        )}
      >
        <PersonField {...f.field('person')} />
        <ReasonField
          {...f.field('reason')}
          label="Why are you exporting this person's data?"
          hint="For example, the subject access request's reference. Your reason is recorded with your name and the time; do not put the person's details here."
        />
        <Submit>Export their data</Submit>
      </form>
      {result && <ExportResult result={result} heading={heading} />}
    </Section>
  );
}

function ExportResult({ result, heading }: { result: Result; heading: Ref<HTMLHeadingElement> }) {
  const s = result.summary;
  const rows: [string, string][] = [
    ['Contacts and cases', s.contactsAndCases.join(', ') || 'None'],
    ['Events', plural(s.events, 'event')],
    ['Other records', `${plural(s.rows, 'row')} in ${plural(s.tables, 'table')}`],
    ['Personal data erased', s.erased ? 'Yes: the export shows [erased] in its place' : 'No'],
  ];
  return (
    <div data-testid="sar-result">
      <h3 className="govuk-heading-s" ref={heading} tabIndex={-1}>
        Export for {result.who}
      </h3>
      {result.scrubPending && <WarningText testId="sar-scrub-pending">{result.scrubPending}</WarningText>}
      <SummaryList rows={rows} wrap="break-word" testId="sar-summary" />
      <p className="govuk-body">
        <a className="govuk-link" href={result.url} download={result.fileName} data-testid="sar-download">
          Download the export (JSON, {Math.max(1, Math.round(result.bytes / 1024)).toLocaleString('en-GB')} KB)
          <span className="govuk-visually-hidden"> for {result.who}</span>
        </a>
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={result.pageUrl} download={result.fileName.replace(/\.json$/, '.html')} data-testid="sar-page">
          Download it as a page the person can read (HTML, {Math.max(1, Math.round(result.pageBytes / 1024)).toLocaleString('en-GB')} KB)
          <span className="govuk-visually-hidden"> for {result.who}</span>
        </a>
      </p>
    </div>
  );
}
