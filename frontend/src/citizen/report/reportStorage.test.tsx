import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, settle, type } from '../../test/harness';
import { ReportProvider } from './ReportContext';
import { WhatPage } from './Steps';

afterEach(cleanup);

const page = () =>
  mount(
    <MemoryRouter initialEntries={['/report/what-happened']}>
      <ReportProvider>
        <Routes>
          <Route path="/report/what-happened" element={<WhatPage />} />
        </Routes>
      </ReportProvider>
    </MemoryRouter>,
  );

describe("a report's answers in the tab's session storage", () => {
  it('are there again after a reload of the tab', async () => {
    await type((await page()).querySelector('#description'), 'My bicycle was taken');
    await cleanup();
    const again = await page();
    expect((again.querySelector('#description') as HTMLTextAreaElement).value).toBe('My bicycle was taken');
  });

  it('are gone after quick exit', async () => {
    await type((await page()).querySelector('#description'), 'Something private');
    expect(sessionStorage.getItem('bluelamp.report.draft')).toContain('Something private');
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    document.body.appendChild(overlay);
    await settle();
    expect(sessionStorage.getItem('bluelamp.report.draft')).toBeNull();
  });
});
