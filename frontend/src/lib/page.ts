import { useEffect, useRef } from 'react';

const SERVICE = 'Blue Lamp';
// The first page of a visit keeps the browser's focus so the skip link stays first.
let firstPage = true;

/** Sets the title and moves focus to the h1, as a screen reader user expects after a page change. */
export function usePage(title: string, hasErrors = false) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE}`;
  }, [title, hasErrors]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    h1.current?.focus();
  }, [title]);
  return h1;
}
