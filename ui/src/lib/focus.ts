// One small mechanism for where focus goes after an action that changes the page in place:
// to its result (a message, the field in error, the new item), never left on <body>.
import { tick } from "svelte";

/**
 * After the page has updated, moves focus to the element with `id`, making it focusable if it
 * is not (a status message), so keyboard and screen-reader users land on what happened.
 */
export async function focusAfterUpdate(id: string): Promise<void> {
  await tick();
  const element = document.getElementById(id);
  if (!element) return;
  if (!element.hasAttribute("tabindex") && element.tabIndex < 0) element.tabIndex = -1;
  element.focus();
}

/**
 * GOV.UK practice on a new screen: focus its h1, so a screen reader starts by saying where the
 * user now is. Screens about an assessment draw their heading only once it has loaded, so until
 * then the main region holds focus, and the heading takes it when it appears, unless the user
 * has already moved on.
 */
export function focusPageHeading(main: HTMLElement, waitMs = 5_000): void {
  const focusHeading = (): boolean => {
    const h1 = main.querySelector<HTMLElement>("h1");
    if (!h1) return false;
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
    return true;
  };
  if (focusHeading()) return;
  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    const stillWaiting = document.activeElement === main || document.activeElement === document.body;
    if (!stillWaiting || focusHeading()) stop();
  });
  const timer = window.setTimeout(() => stop(), waitMs);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
}
