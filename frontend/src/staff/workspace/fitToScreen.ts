import { useLayoutEffect, type RefObject } from 'react';

/** Whatever is above the workspace (an error summary, a banner), it ends at the screen's bottom edge. */
export function useFitToScreen(workspace: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const fit = () => {
      const el = workspace.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty('--app-workspace-height', `${Math.max(400, window.innerHeight - top - 16)}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
}
