import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { TextInput } from '../../components/fields';
import { formatDate, formatDateTime } from '../../lib/http';
import { Section, Submit, useForm } from '../WorkspaceForms';
import type { CaseCtx } from './CaseForms';
import { caseActions, getPossibleDuplicates, type CaseDetail, type PossibleDuplicate } from './casesApi';

/**
 * One case per matter: the cases linked to this one, the recent cases of anyone who gave the
 * same phone number, email address or postcode, and a form to link another by its reference.
 */
export function LinkedCases({ c, ctx, level, idPrefix }: { c: CaseDetail; ctx?: CaseCtx; level: 2 | 3; idPrefix: string }) {
  const [possible, setPossible] = useState<PossibleDuplicate[]>([]);
  useEffect(() => {
    if (ctx) getPossibleDuplicates(c.reference).then(setPossible, () => setPossible([]));
  }, [c.reference, c.linkedCases.length, !!ctx]);
  const linkTo = (reference: string) => (
    <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(reference)}`}>
      {reference}
    </Link>
  );
  return (
    <Section id={`${idPrefix}linked-heading`} title="Linked cases" level={level}>
      {c.linkedCases.length === 0 ? (
        <p className="govuk-body">No linked cases.</p>
      ) : (
        <ul className="govuk-list" data-testid="linked-cases">
          {c.linkedCases.map((l) => (
            <li key={l.reference}>
              {ctx ? linkTo(l.reference) : l.reference}, linked by {l.by} on {formatDateTime(l.at)}
            </li>
          ))}
        </ul>
      )}
      {ctx && possible.length > 0 && (
        <table className="govuk-table" data-testid="possible-duplicates">
          <caption className="govuk-table__caption govuk-table__caption--s">Possibly the same matter</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Case', 'Opened', 'Same', ''].map((h, i) => (
                <th key={i} scope="col" className="govuk-table__header">
                  {h || <span className="govuk-visually-hidden">Action</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {possible.map((p) => (
              <tr className="govuk-table__row" key={p.reference}>
                <td className="govuk-table__cell">
                  {linkTo(p.reference)}
                  <br />
                  <span className="govuk-body-s">
                    {p.categoryLabel}, {p.statusLabel.toLowerCase()}
                  </span>
                </td>
                <td className="govuk-table__cell">{formatDate(p.openedAt)}</td>
                <td className="govuk-table__cell">{p.sharing.join(', ')}</td>
                <td className="govuk-table__cell">
                  <LinkButton ctx={ctx} reference={p.reference} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ctx && <LinkForm ctx={ctx} />}
    </Section>
  );
}

function LinkButton({ ctx, reference }: { ctx: CaseCtx; reference: string }) {
  const f = useForm(ctx, 'link', { reference });
  return (
    <form
      noValidate
      onSubmit={f.submit([], async () => {
        await caseActions.link(ctx.reference, reference);
        await ctx.done(`Linked to case ${reference}`);
      })}
    >
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        Link<span className="govuk-visually-hidden"> case {reference}</span>
      </button>
    </form>
  );
}

function LinkForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'link', { reference: '' });
  return (
    <form
      noValidate
      onSubmit={f.submit([[!f.values.reference.trim(), 'reference', 'Enter the reference of the case to link']], async () => {
        const reference = f.values.reference.trim().toUpperCase();
        await caseActions.link(ctx.reference, reference);
        f.reset();
        await ctx.done(`Linked to case ${reference}`);
      })}
    >
      <TextInput {...f.field('reference')} label="Link another case" hint="Its reference, for example BL-2026-000123" width="govuk-input--width-20" />
      <Submit>Link case</Submit>
    </form>
  );
}
