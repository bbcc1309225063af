import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, mount } from '../../test/harness';
import { TrackingResult } from './TrackingResult';
import type { Tracking } from './tracking';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const tracking: Tracking = {
  reference: 'BL-2026-000123',
  status: 'RECEIVED',
  statusLabel: 'Received',
  category: 'THEFT',
  categoryLabel: 'Theft',
  reportedAt: '2026-11-26T10:15:00Z',
  nextUpdateDue: '2026-12-03T10:15:00Z',
  updateChannel: 'ONLINE',
  updateFrequency: 'WEEKLY',
  offers: { victimSupport: 'NOT_OFFERED', victimSupportService: 'Victim Support', victimSupportWebsite: 'https://www.victimsupport.org.uk' },
  timeline: [{ at: '2026-11-26T10:15:00Z', title: 'Report received', kind: 'REPORT_RECEIVED', args: ['WEB'] }],
  messages: [{ id: '1', from: 'HANDLER', text: '<b>Hello</b>', at: '2026-11-26T11:00:00Z' }],
  files: [{ fileName: 'bike.png', sizeBytes: 2048, at: '2026-11-26T10:20:00Z' }],
};

afterEach(cleanup);

async function render(refresh = vi.fn(async () => undefined)) {
  return mount(<TrackingResult tracking={tracking} code="CODE" refresh={refresh} />);
}

describe('the tracking result', () => {
  it('shows messages as text', async () => {
    const c = await render();
    expect(c.querySelector('[data-testid=case-messages]')?.textContent).toContain('<b>Hello</b>');
    expect(c.querySelector('[data-testid=case-messages] b')).toBeNull();
  });

  it('shows a 400 from the server in the summary and beside the field', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ errors: [{ field: 'email', message: 'Server says no' }] }), { status: 400 }));
    vi.stubGlobal('fetch', fetch);
    document.cookie = 'XSRF-TOKEN=from-the-cookie';
    const c = await render();
    await act(async () => (c.querySelector('#updateChannel') as HTMLInputElement).click());
    await act(async () => {
      const email = c.querySelector('#updateEmail') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(email, 'sam@example.com');
      email.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = [...c.querySelectorAll('button')].find((b) => b.textContent === 'Save how you get updates')!;
    await act(async () => save.click());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/cases/BL-2026-000123/update-preference');
    expect((init.headers as Record<string, string>)['X-Tracking-Code']).toBe('CODE');
    expect((init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('from-the-cookie');
    expect(JSON.parse(init.body as string)).toEqual({ updateChannel: 'EMAIL', updateFrequency: 'WEEKLY', email: 'sam@example.com' });
    expect(c.querySelector('.govuk-error-summary')?.textContent).toContain('Server says no');
    expect(c.querySelector('#updateEmail-error')?.textContent).toContain('Server says no');
  });

  it('shows a success banner and refreshes after saving', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    const refresh = vi.fn(async () => undefined);
    const c = await render(refresh);
    const save = [...c.querySelectorAll('button')].find((b) => b.textContent === 'Save how you get updates')!;
    await act(async () => save.click());
    expect(refresh).toHaveBeenCalled();
    expect(c.querySelector('.govuk-notification-banner--success')?.textContent).toContain('How you get updates has been changed');
  });

  it('lists the files sent and shows a refused file on the file field, as GOV.UK words it', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            detail: 'The selected file contains a virus',
            errors: [{ field: 'file', message: 'The selected file contains a virus' }],
          }),
          {
            status: 422,
          },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    document.cookie = 'XSRF-TOKEN=from-the-cookie';
    const c = await render();
    expect(c.querySelector('[data-testid=files-sent]')?.textContent).toContain('bike.png (2KB)');
    const input = c.querySelector('#evidenceFile') as HTMLInputElement;
    const file = new File(['X5O!P%@AP'], 'eicar.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file] });
    const upload = [...c.querySelectorAll('button')].find((b) => b.textContent === 'Upload file')!;
    await act(async () => upload.click());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/cases/BL-2026-000123/evidence?name=eicar.pdf');
    expect((init.headers as Record<string, string>)['X-Tracking-Code']).toBe('CODE');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect(init.body).toBe(file);
    expect(c.querySelector('#evidenceFile-error')?.textContent).toContain('The selected file contains a virus');
    expect(c.querySelector('.govuk-error-summary')?.textContent).toContain('The selected file contains a virus');
  });
});
