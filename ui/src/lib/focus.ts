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
