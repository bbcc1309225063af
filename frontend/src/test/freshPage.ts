// Runs before each test file. Files share a jsdom per worker (vite.config.ts), so what one file
// left in the page's globals is cleared here, as a fresh jsdom would have it.
import { vi } from 'vitest';

vi.unstubAllGlobals();
vi.useRealTimers();
localStorage.clear();
sessionStorage.clear();
for (const cookie of document.cookie.split(';')) {
  const name = cookie.split('=')[0].trim();
  if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
}
document.title = '';
document.head.innerHTML = '';
document.body.innerHTML = '';
