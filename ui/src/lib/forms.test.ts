import { describe, expect, it } from "vitest";
import { BackendError } from "./backend";
import { currentFinancialYear, formErrors, periodError } from "./forms";

describe("periodError", () => {
  it("accepts a financial year as councils write it", () => {
    expect(periodError("2026/27")).toBe("");
  });

  it("explains the format for anything else, so the user knows what to type", () => {
    expect(periodError("2026")).toMatch(/like 2026\/27/);
    expect(periodError("2026/2027")).toMatch(/like 2026\/27/);
  });

  it("refuses years that are not consecutive", () => {
    expect(periodError("2026/28")).toBe("Enter consecutive years, like 2026/27");
  });

  it("handles the turn of the century", () => {
    expect(periodError("2099/00")).toBe("");
  });
});

describe("currentFinancialYear", () => {
  it("starts the year in April", () => {
    expect(currentFinancialYear(new Date(2026, 3, 1))).toBe("2026/27");
    expect(currentFinancialYear(new Date(2027, 2, 31))).toBe("2026/27");
  });
});

describe("formErrors", () => {
  it("puts the back end's error on the field it names, without reading the message", () => {
    const error = new BackendError("conflict", "Ashford already has an assessment for 2026/27.", "period");
    expect(formErrors(error, { period: "period", organisationName: "new-organisation-name" }, "organisation")).toEqual([
      { fieldId: "period", text: "Ashford already has an assessment for 2026/27." },
    ]);
  });

  it("falls back to the form's main field when the error names none this form has", () => {
    const error = new BackendError("internal", "Disk full.", null);
    expect(formErrors(error, { period: "period" }, "organisation")[0].fieldId).toBe("organisation");
  });
});
