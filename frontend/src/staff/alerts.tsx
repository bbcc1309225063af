import { useEffect, useRef, useState } from 'react';
import type { Queue } from './api';

const SOUND = 'bluelamp.alerts.sound';

/** Waiting contacts across every queue. */
export const waitingIds = (queues: Queue[] | null) =>
  new Set((queues ?? []).flatMap((q) => q.items.filter((i) => i.state === 'WAITING').map((i) => i.contactId)));

/**
 * A handler need not stare at the queues: the tab's title counts who is waiting, and a contact
 * that joins a queue plays a short tone (a setting, on unless turned off) and, with the browser's
 * permission, shows a desktop notification while the tab is in the background.
 */
export function useNewContactAlerts(queues: Queue[] | null, title: string) {
  const seen = useRef<Set<string> | null>(null);
  const waiting = waitingIds(queues);
  useEffect(() => {
    document.title = `${waiting.size ? `(${waiting.size}) ` : ''}${title} – Blue Lamp`;
  });
  useEffect(() => {
    if (!queues) return;
    const arrived = [...waiting].filter((id) => seen.current && !seen.current.has(id));
    seen.current = waiting;
    if (!arrived.length) return;
    if (soundOn()) playTone();
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden)
      new Notification('Blue Lamp: a new contact is waiting', { body: `${waiting.size} waiting in the queues`, tag: 'bluelamp-queue' });
  }, [[...waiting].sort().join(',')]);
}

const soundOn = () => localStorage.getItem(SOUND) !== 'off';

function playTone() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 660;
    volume.gain.value = 0.1;
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
    tone.onended = () => void audio.close();
  } catch {
    // No audio here (a locked-down browser): the title and the queues still show the contact.
  }
}

/** The handler's own alert settings: the tone, and whether this browser may show notifications. */
export function AlertSettings() {
  const [sound, setSound] = useState(soundOn());
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  return (
    <details className="govuk-details" data-testid="alert-settings">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Alerts for new contacts</span>
      </summary>
      <div className="govuk-details__text">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="alert-sound"
              type="checkbox"
              checked={sound}
              onChange={(e) => {
                localStorage.setItem(SOUND, e.target.checked ? 'on' : 'off');
                setSound(e.target.checked);
              }}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="alert-sound">
              Play a tone when a contact joins a queue
            </label>
          </div>
        </div>
        {permission === 'default' && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-top-4"
            onClick={() => void Notification.requestPermission().then(setPermission)}
          >
            Show desktop notifications
          </button>
        )}
        {permission === 'granted' && (
          <p className="govuk-body govuk-!-margin-top-4">Desktop notifications are on while this tab is in the background.</p>
        )}
        {permission === 'denied' && (
          <p className="govuk-body govuk-!-margin-top-4">This browser blocks notifications from Blue Lamp. Change that in its settings.</p>
        )}
      </div>
    </details>
  );
}
