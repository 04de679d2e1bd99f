// Shapes shared by the form components.

export interface FieldError {
  fieldId: string;
  text: string;
}

export interface RadioItem {
  value: string;
  label: string;
  hint?: string;
}

export interface SelectOption {
  value: string;
  label: string;
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
