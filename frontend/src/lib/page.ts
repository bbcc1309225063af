import { useEffect, useRef } from 'react';
import { t } from '../i18n';

// The first page of a visit keeps the browser's focus so the skip link stays first.
let firstPage = true;

/** Sets the title and moves focus to the h1, as a screen reader user expects after a page change. */
export function usePage(title: string, hasErrors = false) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${hasErrors ? t('common.errorPrefix') : ''}${title} – ${t('common.service')}`;
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
