import { act } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount } from '../../test/harness';
import { ReportProvider } from './ReportContext';
import { WhatPage } from './Steps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Where() {
  return <p>{useLocation().pathname}</p>;
}

afterEach(cleanup);

describe('a question page', () => {
  it('shows the errors, focuses the summary and stays put when Continue is pressed with nothing entered', async () => {
    const container = await mount(
      <MemoryRouter initialEntries={['/report/what-happened']}>
        <ReportProvider>
          <Routes>
            <Route path="/report/what-happened" element={<WhatPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </ReportProvider>
      </MemoryRouter>,
    );
    await act(async () => container.querySelector('button')!.click());

    const summary = container.querySelector('.govuk-error-summary')!;
    expect(summary.textContent).toContain('Select what you are reporting');
    expect(document.activeElement).toBe(summary);
    expect(container.querySelector('#description-error')?.textContent).toContain('Enter what happened');
    expect(container.querySelector('#description')?.getAttribute('aria-describedby')).toContain('description-error');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#category');
    expect(document.title).toMatch(/^Error: What happened\?/);
    expect(container.querySelector('h1')?.textContent).toBe('What happened?');
    expect(container.textContent).not.toContain('/report/where');
  });
});
