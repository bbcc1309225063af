import { t as translate } from '../i18n';
import { useRef, useState, type FormEvent } from 'react';
import { HttpError, request, type FieldError } from '../lib/http';
import { ErrorMessage } from './fields';

/** Every citizen-facing word of the file upload, together for the Welsh pass. */
export const COPY = {
  get label() {
    return translate('evidence.label');
  },
  get hint() {
    return translate('evidence.hint');
  },
  get send() {
    return translate('evidence.send');
  },
  get sending() {
    return translate('evidence.sending');
  },
  get select() {
    return translate('evidence.select');
  },
  get failed() {
    return translate('evidence.failed');
  },
};

/** How a file goes up: its bytes as the body, its name in the query, as the API takes it (docs/adr/0043). */
export const uploadFile = <T,>(url: string, file: File, headers: Record<string, string> = {}) =>
  request<T>(`${url}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...headers },
    body: file,
  });

/** The server's words for a refused file (wrong type, too large, a virus), on the file field. */
export function fileErrors(e: unknown, field: string): FieldError[] {
  const body = e instanceof HttpError ? (e.body as { errors?: FieldError[]; detail?: string } | undefined) : undefined;
  if (body?.errors?.length) return body.errors.map((error) => ({ field, message: error.message }));
  if (typeof body?.detail === 'string' && body.detail) return [{ field, message: body.detail }];
  return [{ field, message: COPY.failed }];
}

interface Props<T> {
  /** The file input's id, also the error summary's link target. */
  id: string;
  url: string;
  headers?: Record<string, string>;
  label?: string;
  hint?: string;
  onSent: (answer: T) => void;
  /** The page's error summary, when it has one. */
  setErrors?: (errors: FieldError[]) => void;
}

/** GOV.UK's file upload: choose a file, then upload it; refusals are shown on the field. */
export function EvidenceUpload<T>({ id, url, headers, label, hint, onSent, setErrors }: Props<T>) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const show = (errors: FieldError[]) => {
    setError(errors[0]?.message);
    setErrors?.(errors);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return show([{ field: id, message: COPY.select }]);
    if (busy) return;
    setBusy(true);
    show([]);
    try {
      const answer = await uploadFile<T>(url, file, headers);
      if (input.current) input.current.value = '';
      onSent(answer);
    } catch (e) {
      show(fileErrors(e, id));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={submit}>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={id}>
          {label ?? COPY.label}
        </label>
        <div id={`${id}-hint`} className="govuk-hint">
          {hint ?? COPY.hint}
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <input
          ref={input}
          className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
          id={id}
          name={id}
          type="file"
          aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
        {busy ? COPY.sending : COPY.send}
      </button>
    </form>
  );
}

/** A file's size as people read it. */
export const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)}KB` : `${(bytes / (1024 * 1024)).toFixed(1)}MB`;

/** Fetches a file with the headers its route asks for (a chat token, an access reason) and saves it. */
export async function downloadFile(url: string, name: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { credentials: 'same-origin', headers });
  if (!res.ok) throw new HttpError(res.status, await res.text(), res.headers);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
