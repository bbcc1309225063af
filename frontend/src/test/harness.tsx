// Test helpers only (imported by *.test.tsx, never by the app): the whole app in a memory
// router, with a fetch that answers from a function and records what was asked.
import axe from 'axe-core';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { App } from '../App';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Call {
  path: string;
  method: string;
  /** Header names in lower case, as `Headers` gives them. */
  headers: Record<string, string>;
  body?: unknown;
}

export type Answer = [status: number, body?: unknown];

/** Replaces fetch: `answer` gets the path with its query string. A plain object, not a Response, so only microtasks are involved. */
export function mockFetch(answer: (path: string, call: Call) => Answer) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://localhost');
      const call: Call = {
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      const [status, body] = answer(call.path, call);
      return {
        ok: status >= 200 && status < 300,
        status,
        headers: new Headers({ 'Content-Type': 'application/json' }),
        text: async () => (body === undefined ? '' : JSON.stringify(body)),
      } as Response;
    }),
  );
  return calls;
}

export const me = (username: string, ...roles: string[]): Answer => [200, { username, roles }];

/** Lets every pending fetch and state update finish (microtasks only, so fake timers do not block it). */
export async function settle(rounds = 20) {
  await act(async () => {
    for (let i = 0; i < rounds; i++) await Promise.resolve();
  });
}

/** Waits (in real time) until `ok` holds, letting React render in between. */
export async function waitFor(ok: () => boolean, timeout = 3000) {
  const end = Date.now() + timeout;
  while (!ok()) {
    if (Date.now() > end) throw new Error('waited too long');
    await act(async () => new Promise((r) => setTimeout(r, 25)));
  }
}

// Every page a test rendered: a test may render twice, and a page left mounted keeps polling
// into the next test file (files share a jsdom per worker).
const roots: Root[] = [];

/** Renders `node` into a new container in the page; `cleanup` unmounts it. */
export async function mount(node: ReactNode) {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  roots.push(root);
  await act(async () => root.render(node));
  return container;
}

export async function renderApp(path: string) {
  const container = await mount(
    <MemoryRouter initialEntries={[path]}>
      <App />
    </MemoryRouter>,
  );
  await settle();
  return container;
}

export async function cleanup() {
  for (const root of roots.splice(0)) await act(async () => root.unmount());
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
}

/** Sets a field's value the way typing does, so React's onChange sees it. */
export async function type(el: Element | null, value: string) {
  if (!el) throw new Error('no such field');
  const proto =
    el instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** The button whose text (including visually hidden text) is `name`. */
export function button(container: Element, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);
  if (!found) throw new Error(`no button "${name}" in: ${[...container.querySelectorAll('button')].map((b) => b.textContent).join(' | ')}`);
  return found;
}

export async function click(el: HTMLElement) {
  await act(async () => el.click());
  await settle();
}

/** axe-core's WCAG 2.2 A and AA rules; colour contrast needs layout, which jsdom has not got. */
export async function axeViolations(container: Element) {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
