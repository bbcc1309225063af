import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { TextInput, Textarea } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useMe } from '../StaffPages';
import { addCannedResponse, CANNED_MAX, editCannedResponse, getCannedResponses, removeCannedResponse, type CannedResponse } from './api';
import { PLACEHOLDERS } from './placeholders';

/** The server names fields "title" and "text"; on this page they carry a prefix. */
const onPage = (errors: FieldError[]) => errors.map((e) => ({ ...e, field: e.field && `canned-${e.field}` }));

/** Supervisors keep the force's canned chat responses; others with the page may read them. */
export function CannedResponsesPage() {
  const h1 = usePage('Canned chat responses');
  const me = useMe();
  const keeps = !!me?.roles.includes('SUPERVISOR');
  const [responses, setResponses] = useState<CannedResponse[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const load = () =>
    getCannedResponses().then(
      (r) => (setResponses(r), setFailed(false)),
      () => setFailed(true),
    );
  useEffect(() => void load(), []);

  const startEdit = (r: CannedResponse | null) => {
    setEditing(r);
    setTitle(r?.title ?? '');
    setText(r?.text ?? '');
    setErrors([]);
    if (r) requestAnimationFrame(() => document.getElementById('canned-title')?.focus());
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const request = { title, text };
    (editing ? editCannedResponse(editing.id, request) : addCannedResponse(request)).then(
      (saved) => {
        setDone(`${editing ? 'Saved' : 'Added'} the response “${saved.title}”`);
        startEdit(null);
        load();
      },
      (e) => (setDone(''), setErrors(onPage(fieldErrors(e)))),
    );
  };
  const remove = (r: CannedResponse) =>
    removeCannedResponse(r.id).then(
      () => {
        setDone(`Removed the response “${r.title}”`);
        if (editing?.id === r.id) startEdit(null);
        load();
      },
      (e) => (setDone(''), setErrors(onPage(fieldErrors(e)))),
    );
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={done} testId="canned-done" />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Canned chat responses
      </h1>
      <p className="govuk-body">
        Handlers add these to a live chat message with Alt and / (slash), then check and send them. Write them in the force’s words: never about a
        particular person.
      </p>
      {failed && <p className="govuk-error-message">The canned responses could not be loaded. Reload the page to try again.</p>}
      {responses && <ResponseTable responses={responses} keeps={keeps} onEdit={startEdit} onRemove={remove} />}
      {keeps && (
        <form noValidate onSubmit={save} data-testid="canned-form">
          <h2 className="govuk-heading-m">{editing ? `Change “${editing.title}”` : 'Add a canned response'}</h2>
          <TextInput
            id="canned-title"
            label="Title"
            hint="Handlers choose the response by this. Each title must be different."
            value={title}
            onChange={setTitle}
            error={errorOf('canned-title')}
            width="govuk-input--width-30"
          />
          <Textarea
            id="canned-text"
            label="Text"
            hint="What the citizen reads. Placeholders are filled in when a handler adds the response to a message."
            value={text}
            onChange={setText}
            maxLength={CANNED_MAX.text}
            error={errorOf('canned-text')}
            rows={5}
          />
          <dl className="govuk-body-s" data-testid="placeholders">
            {PLACEHOLDERS.map((p) => (
              <div key={p.name}>
                <dt className="govuk-!-display-inline govuk-!-font-weight-bold">{p.name}</dt>{' '}
                <dd className="govuk-!-display-inline govuk-!-margin-0">is {p.means}.</dd>
              </div>
            ))}
          </dl>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              {editing ? 'Save changes' : 'Add response'}
            </button>
            {editing && (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => startEdit(null)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </>
  );
}

interface TableProps {
  responses: CannedResponse[];
  keeps: boolean;
  onEdit: (r: CannedResponse) => void;
  onRemove: (r: CannedResponse) => void;
}

function ResponseTable({ responses, keeps, onEdit, onRemove }: TableProps) {
  if (!responses.length) return <p className="govuk-body">There are no canned responses yet.</p>;
  return (
    <table className="govuk-table" data-testid="canned-responses">
      <caption className="govuk-table__caption govuk-table__caption--m">Responses</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Title
          </th>
          <th scope="col" className="govuk-table__header">
            Text
          </th>
          {keeps && (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {responses.map((r) => (
          <tr className="govuk-table__row" key={r.id}>
            <th scope="row" className="govuk-table__header">
              {r.title}
            </th>
            <td className="govuk-table__cell app-pre-wrap">{r.text}</td>
            {keeps && (
              <td className="govuk-table__cell">
                <div className="govuk-button-group">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onEdit(r)}>
                    Change<span className="govuk-visually-hidden"> {r.title}</span>
                  </button>
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => onRemove(r)}>
                    Remove<span className="govuk-visually-hidden"> {r.title}</span>
                  </button>
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
