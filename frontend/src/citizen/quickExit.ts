// GOV.UK Frontend's Exit this page covers the page with its overlay the moment it is used (button
// or Shift three times), then leaves for another site. The overlay is the one signal both ways share.
const OVERLAY = 'govuk-exit-this-page-overlay';

/** Runs `then` once when the citizen uses quick exit; returns the unsubscribe. */
export function onQuickExit(then: () => void): () => void {
  let done = false;
  const observer = new MutationObserver(() => {
    if (!done && document.querySelector(`.${OVERLAY}`)) {
      done = true;
      then();
    }
  });
  observer.observe(document.body, { childList: true });
  return () => observer.disconnect();
}
