// Tables that stack into cards on narrow windows (.app-table-stack in app.scss).
import type { Action } from "svelte/action";

const ROLE_BY_TAG: Record<string, string> = { TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TR: "row", TD: "cell" };

function roleFor(element: Element): string | undefined {
  if (element.tagName === "TH") return element.getAttribute("scope") === "row" ? "rowheader" : "columnheader";
  return ROLE_BY_TAG[element.tagName];
}

function applyTableRoles(table: HTMLTableElement): void {
  for (const element of [table, ...table.querySelectorAll("thead, tbody, tr, th, td")]) {
    const role = roleFor(element);
    if (role && element.getAttribute("role") !== role) element.setAttribute("role", role);
  }
}

/**
 * Once a table's rows are no longer displayed as table rows, browsers may stop exposing it as a
 * table to screen readers; explicit ARIA roles keep its rows, headers and cells. Rows added
 * later (a new action) get them too.
 */
export const stackedTable: Action<HTMLTableElement> = (table) => {
  applyTableRoles(table);
  const observer = new MutationObserver(() => applyTableRoles(table));
  observer.observe(table, { childList: true, subtree: true });
  return { destroy: () => observer.disconnect() };
};
