import { useEffect, useRef, useState } from 'react';
import { fieldErrors, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { cancelReplay, getReadModels, getReplay, getReplays, startReplay, type ReadModel, type Replay } from './auditApi';
import {
  comparisonText,
  formatAuditTime,
  formatNumber,
  progressText,
  rateText,
  replaySummary,
  shortHash,
  STATE_LABEL,
  STATE_TAG,
  askedFor,
} from './auditLogic';
import { AuditPageTop, TableHead } from './AuditParts';

export const POLL_MS = 500;

/** Rebuild a read model from the event log and compare the rebuilt tables with the old ones. */
export function ReplayPage() {
  const [models, setModels] = useState<ReadModel[] | null>(null);
  const [runs, setRuns] = useState<Replay[]>([]);
  const [run, setRun] = useState<Replay | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [lost, setLost] = useState(0);
  const h1 = usePage('Rebuild read models', errors.length > 0);
  const section = useRef<HTMLHeadingElement>(null);

  const loadRuns = () =>
    getReplays().then(
      (r) => {
        setRuns(r);
        return r;
      },
      () => [] as Replay[],
    );

  useEffect(() => {
    getReadModels().then(
      setModels,
      () => (setModels([]), setErrors([{ field: '', message: 'The read models could not be loaded. Try again later.' }])),
    );
    // A rebuild started elsewhere (another auditor, another node) is followed here too.
    loadRuns().then((r) => {
      const running = r.find((x) => x.state === 'RUNNING');
      if (running) setRun((current) => current ?? running);
    });
  }, []);

  // While a rebuild runs, ask how far it has got every half second; each answer schedules the next.
  useEffect(() => {
    if (!run || run.state !== 'RUNNING') return;
    const timer = setTimeout(
      () =>
        getReplay(run.id).then(
          (next) => (setLost(0), setRun(next)),
          () => setLost((n) => n + 1),
        ),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [run, lost]);

  // Finished: the recent runs list gains it.
  useEffect(() => {
    if (run && run.state !== 'RUNNING') loadRuns();
  }, [run?.id, run?.state]);

  const rebuild = async (model: string) => {
    setErrors([]);
    try {
      const started = await startReplay(model);
      setRun(started);
      loadRuns();
    } catch (e) {
      if (e instanceof HttpError && e.status === 409) {
        const running = (await loadRuns()).find((r) => r.readModel === model && r.state === 'RUNNING');
        setErrors([{ field: '', message: `A rebuild of ${model} is already running${running ? ': its progress is shown below' : ''}` }]);
        if (running) setRun(running);
      } else setErrors(fieldErrors(e));
    }
    section.current?.focus();
  };

  const show = (id: string) => getReplay(id).then(setRun, (e) => setErrors(fieldErrors(e)));

  const cancel = async (id: string) => {
    setErrors([]);
    try {
      setRun(await cancelReplay(id));
    } catch (e) {
      setErrors(fieldErrors(e));
      getReplay(id).then(setRun, () => undefined);
    }
    section.current?.focus();
  };

  return (
    <>
      <AuditPageTop h1={h1} errors={errors}>
        Rebuild read models
      </AuditPageTop>
      <p className="govuk-body">
        A rebuild replays every event into fresh copies of a read model's tables while the live ones keep serving, compares the rebuilt rows with the
        live ones table by table, and then puts the rebuilt rows in their place. Identical tables show the read model follows from the event log
        alone.
      </p>
      <section aria-labelledby="models-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="models-heading">
          Read models
        </h2>
        {models === null && <p className="govuk-body">Loading…</p>}
        {models && models.length > 0 && (
          <table className="govuk-table" data-testid="read-models">
            <caption className="govuk-table__caption govuk-visually-hidden">Read models that can be rebuilt</caption>
            <TableHead headers={['Read model', 'Processor', 'Tables', 'Action']} />
            <tbody className="govuk-table__body">
              {models.map((m) => {
                const running = run?.readModel === m.name && run.state === 'RUNNING';
                return (
                  <tr className="govuk-table__row" key={m.name}>
                    <th scope="row" className="govuk-table__header">
                      {m.name}
                    </th>
                    <td className="govuk-table__cell">{m.processor}</td>
                    <td className="govuk-table__cell">{m.tables.join(', ')}</td>
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                        disabled={running}
                        aria-disabled={running}
                        onClick={() => rebuild(m.name)}
                      >
                        Rebuild<span className="govuk-visually-hidden"> {m.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="run-heading" className="govuk-!-margin-bottom-8" data-testid="replay-run" data-state={run?.state}>
        <h2 className="govuk-heading-m" id="run-heading" ref={section} tabIndex={-1}>
          {run ? `Rebuild of ${run.readModel}` : 'Rebuild'}
        </h2>
        {!run && <p className="govuk-body">No rebuild is running. Choose a read model to rebuild.</p>}
        {run && <RunDetails run={run} lost={lost > 0} />}
        {run?.state === 'RUNNING' && run.kind === 'REBUILD' && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => cancel(run.id)}>
            Stop this rebuild<span className="govuk-visually-hidden"> of {run.readModel}</span>
          </button>
        )}
      </section>
      <RecentRuns runs={runs} onShow={show} />
    </>
  );
}

function RunDetails({ run, lost }: { run: Replay; lost: boolean }) {
  const progress = progressText(run);
  return (
    <>
      <p className="govuk-body">
        State:{' '}
        <strong className={`govuk-tag ${STATE_TAG[run.state]}`} data-testid="replay-state">
          {STATE_LABEL[run.state]}
        </strong>
        <span className="govuk-visually-hidden"> ({run.state})</span>
      </p>
      <p className="govuk-body-s">
        {askedFor(run)}, started {formatAuditTime(run.startedAt)}
        {run.finishedAt && `, finished ${formatAuditTime(run.finishedAt)}`}
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="replay-progress">
          Replay progress
        </label>
        <progress
          id="replay-progress"
          className="app-progress"
          max={Math.max(run.eventsTotal, 1)}
          value={run.state === 'COMPLETED' && run.eventsTotal === 0 ? 1 : run.eventsDone}
          aria-valuemin={0}
          aria-valuemax={run.eventsTotal}
          aria-valuenow={run.eventsDone}
          aria-valuetext={progress}
        >
          {progress}
        </progress>
        <p className="govuk-body govuk-!-margin-bottom-1" data-testid="replay-progress-text">
          {progress}
        </p>
        <p className="govuk-body" data-testid="replay-rate">
          {rateText(run)}
        </p>
      </div>
      {lost && run.state === 'RUNNING' && (
        <p className="govuk-body" role="status">
          Lost contact with the server. Still trying…
        </p>
      )}
      {run.state === 'COMPLETED' && <Completed run={run} />}
      {run.state === 'FAILED' && (
        <div className="govuk-error-summary" role="alert" aria-labelledby="replay-failed-title" data-testid="replay-failed">
          <h3 className="govuk-error-summary__title" id="replay-failed-title">
            {replaySummary(run)}
          </h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body app-pre-wrap">{run.error || 'No reason was given.'}</p>
            <p className="govuk-body">The old tables were kept if the rebuild did not finish. Check the application log before trying again.</p>
          </div>
        </div>
      )}
      {run.state === 'CANCELLED' && (
        <div className="govuk-inset-text" data-testid="replay-cancelled">
          <p className="govuk-body">
            {replaySummary(run)}: {run.error || 'no reason was given'}.
          </p>
          <p className="govuk-body">The live read model was left as it was.</p>
        </div>
      )}
      {run.state !== 'RUNNING' && run.tables && run.tables.length > 0 && <Comparison run={run} />}
    </>
  );
}

function Completed({ run }: { run: Replay }) {
  const allSame = (run.tables ?? []).every((t) => t.identical);
  return (
    <div
      className={`govuk-notification-banner${allSame ? ' govuk-notification-banner--success' : ''}`}
      role={allSame ? 'alert' : 'region'}
      aria-labelledby="replay-done-title"
      data-testid="replay-completed"
    >
      <div className="govuk-notification-banner__header">
        <h3 className="govuk-notification-banner__title" id="replay-done-title">
          {allSame ? 'Success' : 'Important'}
        </h3>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{replaySummary(run)}</p>
        <p className="govuk-body">
          {formatNumber(run.eventsDone)} events replayed at {rateText(run)}.
        </p>
      </div>
    </div>
  );
}

function Comparison({ run }: { run: Replay }) {
  return (
    <>
      <h3 className="govuk-heading-m" id="result-heading">
        Result
      </h3>
      <table className="govuk-table" data-testid="replay-result">
        <caption className="govuk-table__caption govuk-table__caption--s">Each table before and after the rebuild of {run.readModel}</caption>
        <TableHead headers={['Table', 'Rows before', 'Rows after', 'Checksum before', 'Checksum after', 'Result']} numeric={[1, 2]} />
        <tbody className="govuk-table__body">
          {(run.tables ?? []).map((t) => (
            <tr className="govuk-table__row" key={t.table} data-identical={t.identical}>
              <th scope="row" className="govuk-table__header">
                {t.table}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(t.rowsBefore)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(t.rowsAfter)}</td>
              <td className="govuk-table__cell">
                <code>{shortHash(t.checksumBefore)}</code>
              </td>
              <td className="govuk-table__cell">
                <code>{shortHash(t.checksumAfter)}</code>
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${t.identical ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{comparisonText(t)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RecentRuns({ runs, onShow }: { runs: Replay[]; onShow: (id: string) => void }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 className="govuk-heading-m" id="recent-heading">
        Recent rebuilds
      </h2>
      {runs.length === 0 ? (
        <p className="govuk-body">There have been no rebuilds.</p>
      ) : (
        <table className="govuk-table" data-testid="recent-replays">
          <caption className="govuk-table__caption govuk-visually-hidden">Recent rebuilds, newest first</caption>
          <TableHead headers={['Read model', 'Asked for by', 'Started', 'Finished', 'State', 'Events', 'Details']} />
          <tbody className="govuk-table__body">
            {runs.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">{r.readModel}</td>
                <td className="govuk-table__cell">{r.requestedBy}</td>
                <td className="govuk-table__cell">{formatAuditTime(r.startedAt)}</td>
                <td className="govuk-table__cell">{r.finishedAt ? formatAuditTime(r.finishedAt) : 'Not yet'}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${STATE_TAG[r.state]}`}>{STATE_LABEL[r.state]}</strong>
                </td>
                <td className="govuk-table__cell">{progressText(r)}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onShow(r.id)}>
                    Show
                    <span className="govuk-visually-hidden">
                      {' '}
                      the rebuild of {r.readModel} started {formatAuditTime(r.startedAt)}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
