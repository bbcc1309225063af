import { t as translate } from '../../i18n';
import { useState } from 'react';
import type { AnswerOf } from '../../api/contract';
import { EvidenceUpload, formatSize } from '../../components/EvidenceUpload';
import { formatDateTime, type FieldError } from '../../lib/http';
import { evidenceUrl } from './tracking';

/** The citizen's words on this section, together for the Welsh pass. */
export const COPY = {
  get heading() {
    return translate('evidence.heading');
  },
  get intro() {
    return translate('evidence.intro');
  },
  get optional() {
    return translate('evidence.optional');
  },
  get sentHeading() {
    return translate('evidence.sentHeading');
  },
  sent: (name: string) => translate('evidence.sent', { name }),
  get at() {
    return translate('evidence.at');
  },
};

export type SentFile = AnswerOf<'/api/v1/cases/{reference}/evidence', 'post', 201>;

interface Props {
  reference: string;
  code: string;
  files: SentFile[];
  /** The page's own heading level for this section. */
  optional?: boolean;
  onSent: (file: SentFile) => void;
  setErrors?: (errors: FieldError[]) => void;
}

/** What the citizen has sent for their case, and the upload for more (tracking page and confirmation page). */
export function CaseFiles({ reference, code, files, optional, onSent, setErrors }: Props) {
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="files-heading" data-testid="case-files">
      <h2 className="govuk-heading-m" id="files-heading">
        {optional ? COPY.optional : COPY.heading}
      </h2>
      <p className="govuk-body">{COPY.intro}</p>
      {files.length > 0 && (
        <>
          <h3 className="govuk-heading-s">{COPY.sentHeading}</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="files-sent">
            {files.map((f, i) => (
              <li key={`${f.fileName}-${f.at}-${i}`}>
                {f.fileName} ({formatSize(f.sizeBytes)}), {COPY.at} <time dateTime={f.at}>{formatDateTime(f.at)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="govuk-body" role="status" data-testid="file-status">
        {status}
      </p>
      <EvidenceUpload<SentFile>
        id="evidenceFile"
        url={evidenceUrl(reference)}
        headers={{ 'X-Tracking-Code': code }}
        setErrors={setErrors}
        onSent={(file) => {
          setStatus(COPY.sent(file.fileName));
          onSent(file);
        }}
      />
    </section>
  );
}
