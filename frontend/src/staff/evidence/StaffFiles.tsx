import { useEffect, useState } from 'react';
import type { Schema } from '../../api/contract';
import { downloadFile, formatSize } from '../../components/EvidenceUpload';
import { formatDateTime, request } from '../../lib/http';
import { reasonHeaders } from '../accessReason';

export type CaseFile = Schema<'CaseFile'>;

/** What staff need to open one stored file: where it is and whether a preview can be drawn. */
export interface FileRef {
  evidenceId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  previewable: boolean;
}

/**
 * A stored file for staff: a preview for an image, and the original to download. Both are fetched
 * with the record's access reason (an image tag could not send it), and each is in the access log.
 */
export function StaffFile({ base, file, reason }: { base: string; file: FileRef; reason?: string }) {
  const url = `${base}/${encodeURIComponent(file.evidenceId)}`;
  const [preview, setPreview] = useState<string>();
  const [failed, setFailed] = useState('');
  useEffect(() => {
    if (!file.previewable) return;
    let shown: string | undefined;
    let live = true;
    fetch(`${url}/preview`, { credentials: 'same-origin', headers: reasonHeaders(reason) })
      .then((res) => (res.ok ? res.blob() : Promise.reject(new Error(String(res.status)))))
      .then((blob) => {
        shown = URL.createObjectURL(blob);
        if (live) setPreview(shown);
      })
      .catch(() => live && setFailed('The preview could not be shown.'));
    return () => {
      live = false;
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [url, file.previewable, reason]);
  return (
    <div className="app-evidence" data-testid="staff-file">
      {preview && <img className="app-evidence__preview" src={preview} alt={`Preview of ${file.fileName}`} data-testid="file-preview" />}
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={() => downloadFile(url, file.fileName, reasonHeaders(reason)).catch(() => setFailed('The file could not be downloaded.'))}
        >
          Download<span className="govuk-visually-hidden"> {file.fileName}</span>
        </button>
      </p>
      <p className="govuk-body-s app-evidence__hash">
        {formatSize(file.sizeBytes)}, SHA-256 <code>{file.sha256}</code>
      </p>
      {failed && <p className="govuk-error-message">{failed}</p>}
    </div>
  );
}

const FROM: Record<string, string> = { CITIZEN: 'Citizen', HANDLER: 'Handler' };

/** The case's files and those of its chats, for the handler's case page. */
export function CaseFiles({ reference, reason }: { reference: string; reason: string }) {
  const base = `/api/v1/staff/cases/${encodeURIComponent(reference)}/evidence`;
  const [files, setFiles] = useState<CaseFile[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    request<CaseFile[]>(base, { headers: reasonHeaders(reason) }).then(setFiles, () => setFailed(true));
  }, [base, reason]);
  return (
    <section aria-labelledby="case-files-heading" data-testid="case-files">
      <h2 className="govuk-heading-m" id="case-files-heading">
        Photos, videos and documents
      </h2>
      {failed && <p className="govuk-error-message">The files could not be loaded.</p>}
      {files && files.length === 0 && <p className="govuk-body">No files have been sent.</p>}
      {files && files.length > 0 && (
        <ul className="govuk-list">
          {files.map((f) => (
            <li key={f.evidenceId} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{f.fileName}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-2">
                From {FROM[f.from] ?? f.from}
                {f.contactId ? ' in a chat' : ''}, <time dateTime={f.at}>{formatDateTime(f.at)}</time>
              </p>
              <StaffFile base={f.contactId ? `/api/v1/staff/contacts/${encodeURIComponent(f.contactId)}/evidence` : base} file={f} reason={reason} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
