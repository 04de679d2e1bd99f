// Shapes shared by the form components, and the one place a back-end error is put on a form.
import type { BackendError, Field } from "./backend";

export interface FieldError {
  fieldId: string;
  text: string;
}

export interface RadioItem {
  value: string;
  label: string;
  hint?: string;
  /** Statements listed under the hint (a level's indicators). */
  hintList?: string[];
  /** A GOV.UK divider ("or") shown before this item. */
  dividerBefore?: string;
}

/** What every single-control form field takes: see Field.svelte. */
export interface FieldProps {
  id: string;
  label: string;
  labelSize?: "s" | "m" | "l";
  hint?: string;
  error?: string;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** The aria-describedby of a control or fieldset with `HintAndError` beside it. */
export function describedBy(id: string, hint: string, error: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** UK financial year as councils write it: "2026/27", the second part the following year. */
export function periodError(period: string): string {
  const match = /^(\d{4})\/(\d{2})$/.exec(period.trim());
  if (!match) return "Enter the period as a financial year, like 2026/27";
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) {
    return `Enter consecutive years, like ${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  }
  return "";
}

/** The financial year that contains `date` (April to March). */
export function currentFinancialYear(date: Date): string {
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/**
 * The back end's error as form errors: on the form field its `field` maps to, else on
 * `fallbackFieldId`; an input with several problems gets one error per problem.
 */
export function formErrors(
  error: BackendError,
  fieldIds: Partial<Record<Field, string>>,
  fallbackFieldId: string,
): FieldError[] {
  const fieldId = (error.field && fieldIds[error.field]) || fallbackFieldId;
  const texts = error.problems.length > 0 ? [error.message, ...error.problems] : [error.message];
  return texts.map((text) => ({ fieldId, text }));
}
