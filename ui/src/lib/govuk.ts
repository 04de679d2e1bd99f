// GOV.UK Frontend's own component scripts, attached to Svelte-rendered markup as actions so the
// behaviour is exactly the Design System's (and stays so as it is updated), created once per
// mounted node.
import { Button, ErrorSummary } from "govuk-frontend";

const ERROR_PREFIX = "Error: ";

/**
 * The error summary: GOV.UK's script focuses it when it appears and moves focus to the field
 * (scrolling its label or legend into view) when a link is followed. A new set of errors on a
 * summary already shown focuses it again, so the new errors are announced too.
 */
export function govukErrorSummary(node: HTMLElement, _errors: unknown) {
  new ErrorSummary(node);
  // Runs after GOV.UK's handler. Screens are addressed by the URL hash, so a link that GOV.UK
  // left alone (its target has no label, like a button) must not navigate: focus it instead.
  node.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest("a");
    if (!link) return;
    if (!event.defaultPrevented) document.getElementById(link.hash.slice(1))?.focus();
    event.preventDefault();
  });
  // GOV.UK practice: while a form shows errors the page title says so, so it is the first
  // thing a screen reader announces.
  if (!document.title.startsWith(ERROR_PREFIX)) document.title = ERROR_PREFIX + document.title;
  return {
    update() {
      node.focus();
    },
    destroy() {
      if (document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
    },
  };
}

/** A link styled as a button (the start button): GOV.UK's script makes Space activate it too. */
export function govukButton(node: HTMLElement) {
  new Button(node);
}
