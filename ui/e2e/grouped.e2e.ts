// A grouped framework (checklist format 2) through the real app: start an assessment with a
// scope and a target profile, see outcomes under their objectives and principles with
// progress per group, answer on a three-level and a two-level scale, mark an outcome not
// applicable (first without a reason), and read the results by group on the summary and in
// the PDF. axe runs on every screen; screenshots are saved for a person to look at.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";
import type { WebDriver } from "./support/webdriver";

const FRAMEWORK = join(import.meta.dirname, "..", "..", "tests", "checklist", "fixtures", "grouped-framework.toml");

async function heading(driver: WebDriver, text: string): Promise<void> {
  await driver.waitForText("h1", (t) => t.includes(text));
  await settle();
}

async function waitSaved(driver: WebDriver): Promise<void> {
  await driver.waitForText("[data-testid=save-status]", (t) => t.trim() === "Saved");
}

async function openOutcome(driver: WebDriver, label: string): Promise<void> {
  await driver.clickText(".govuk-task-list__link", label);
  await driver.waitForText("[data-testid=question-text]", (t) => t.length > 0);
  await settle();
}

async function backToTasks(driver: WebDriver): Promise<void> {
  await driver.clickText(".govuk-back-link", "Back to the task list");
  await heading(driver, "2026/27 assessment");
}

describe("a grouped framework", () => {
  let app: RunningApp;

  beforeAll(async () => {
    // User checklists live beside the database, so the framework is put there before launch.
    const tempDir = mkdtempSync(join(tmpdir(), "yardstick-e2e-"));
    mkdirSync(join(tempDir, "checklists"));
    copyFileSync(FRAMEWORK, join(tempDir, "checklists", "grouped-framework.toml"));
    app = await launchApp({ tempDir });
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("starts with a scope and a target profile", async () => {
    const { driver } = app;
    await driver.clickWhenReady("[data-testid=start-assessment]");
    await heading(driver, "Start an assessment");
    await driver.fill("#new-organisation-name", "Ashford Borough Council");
    await driver.fill("#period", "2026/27");
    await driver.fill("#scope", "Council tax service");
    await driver.fill("#assessor", "Sam Okafor");
    await driver.clickWhenReady('input[name=checklist][value="grouped-framework-test@1.0"]');
    // The profile question appears only for a checklist that has profiles.
    await driver.clickWhenReady('input[name=profile][value="baseline"]');
    await settle();
    await expectNoAxeViolations(driver, "the start screen with a target profile");
    await saveScreenshot(driver, "grouped-start");
    await driver.clickWhenReady("[data-testid=start-submit]");
    await heading(driver, "2026/27 assessment");
  });

  it("lists the outcomes under their objectives and principles", async () => {
    const { driver } = app;
    const progress = await driver.text(await driver.find("[data-testid=progress]"));
    expect(progress).toContain("0 of 39 outcomes");
    const objectives = await driver.execute<string[]>(
      "return [...document.querySelectorAll('[data-testid=task-group]')].map((h) => h.textContent.trim())",
    );
    expect(objectives).toEqual(["A Managing risk", "B Protecting against attack", "C Detecting events", "D Minimising the impact of incidents"]);
    const principles = await driver.execute<number>("return document.querySelectorAll('h3.govuk-heading-s').length");
    expect(principles).toBe(12);
    expect(await driver.text(await driver.find("[data-testid=checklist-name]"))).toContain("Council tax service");
    await expectNoAxeViolations(driver, "the grouped task list");
    await saveScreenshot(driver, "grouped-tasks");
  });

  it("answers outcomes on their own scales, and one as not applicable with its reason", async () => {
    const { driver } = app;
    await openOutcome(driver, "A1.a Governance: outcome a");
    const caption = await driver.text(await driver.find(".govuk-caption-l, .govuk-caption-xl, .govuk-caption-m"));
    expect(caption).toContain("Outcome A1.a");
    // Three levels on this outcome's scale, the top one described by its indicators.
    const levels = await driver.execute<string[]>("return [...document.querySelectorAll('input[name=level]')].map((i) => i.value)");
    expect(levels).toEqual(["0", "1", "2", ""]);
    const indicators = await driver.execute<number>("return document.querySelectorAll('#level-3-item-hint li').length");
    expect(indicators).toBe(3);
    // The baseline profile set this outcome's target.
    expect(await driver.property(await driver.find('input[name=target][value="1"]'), "checked")).toBe(true);
    await driver.clickWhenReady('input[name=level][value="2"]');
    await waitSaved(driver);
    await driver.fill("#rationale", "The board minutes show quarterly reviews.");
    await waitSaved(driver);
    await backToTasks(driver);

    await openOutcome(driver, "A1.c Governance: outcome c");
    const twoLevels = await driver.execute<string[]>("return [...document.querySelectorAll('input[name=level]')].map((i) => i.value)");
    expect(twoLevels).toEqual(["0", "1", ""]);
    await driver.clickWhenReady('input[name=level][value="1"]');
    await waitSaved(driver);
    await driver.fill("#rationale", "Named owner in the risk register.");
    await waitSaved(driver);
    await backToTasks(driver);

    await openOutcome(driver, "A3.a Asset management: outcome a");
    await driver.clickWhenReady('input[name=level][value="not-applicable"]');
    // Leaving the reason empty says what is missing and saves nothing.
    await driver.fill("#not-applicable-reason", "");
    await driver.waitForText("#not-applicable-reason-error", (t) => t.includes("Enter why this outcome does not apply"));
    await expectNoAxeViolations(driver, "a question page with a not-applicable reason missing");
    await saveScreenshot(driver, "grouped-not-applicable-error");
    await driver.fill("#not-applicable-reason", "The council tax service holds no such assets.");
    await waitSaved(driver);
    await expectNoAxeViolations(driver, "a question page answered not applicable");
    await saveScreenshot(driver, "grouped-not-applicable");
    await backToTasks(driver);

    const hint = await driver.text(await driver.find("#task-a3-a-hint"));
    expect(hint).toBe("Not applicable");
    const groupProgress = await driver.execute<string[]>(
      "return [...document.querySelectorAll('[data-testid=group-progress]')].map((p) => p.textContent.trim())",
    );
    expect(groupProgress[0]).toContain("3 of 12 outcomes completed");
    expect(groupProgress[0]).toContain("2 of 11 outcomes meet their target");
  });

  it("summarises by group and exports a PDF that says so", async () => {
    const { driver } = app;
    await driver.clickText(".govuk-link", "Summary, recommendations and PDF export");
    await heading(driver, "Summary");
    const overall = await driver.text(await driver.find("[data-testid=overall-level]"));
    expect(overall).toContain("Results: 2 of 38 outcomes meet their target");
    const counts = await driver.text(await driver.find("[data-testid=overall-counts]"));
    expect(counts).toContain("1 not applicable");
    const groups = await driver.text(await driver.find("[data-testid=group-results]"));
    expect(groups).toContain("A1 Governance");
    expect(groups).toContain("2 of 3 outcomes meet their target");
    await expectNoAxeViolations(driver, "the summary of a grouped framework");
    await saveScreenshot(driver, "grouped-summary");

    const pdf = join(app.tempDir, "grouped-report.pdf");
    app.answerNextDialog(pdf);
    await driver.clickWhenReady("[data-testid=export-pdf]");
    await driver.waitForText("[data-testid=export-status]", (t) => t.includes("saved as"));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Results by group");
    expect(text).toContain("Why it does not apply");
    expect(text).toContain("The council tax service holds no such assets.");
    expect(text).toContain("Target profile");
    expect(text.toLowerCase()).not.toContain("digital");
  });

  it("compares two years of the framework under its groups", async () => {
    const { driver } = app;
    await driver.clickText(".govuk-header a, .govuk-service-navigation a, a", "Assessments");
    await driver.clickWhenReady("[data-testid=start-assessment]");
    await heading(driver, "Start an assessment");
    await driver.clickText(".govuk-radios__label", "Ashford Borough Council");
    await driver.fill("#period", "2027/28");
    await driver.fill("#scope", "Council tax service");
    await driver.fill("#assessor", "Sam Okafor");
    await driver.clickWhenReady('input[name=checklist][value="grouped-framework-test@1.0"]');
    await driver.clickText(".govuk-radios__label", "Yes, start from 2026/27");
    await driver.clickWhenReady("[data-testid=start-submit]");
    await heading(driver, "2027/28 assessment");
    await driver.clickText(".govuk-link", "Summary, recommendations and PDF export");
    await heading(driver, "Summary");
    await driver.clickWhenReady("[data-testid=compare-link]");
    const table = await driver.waitForText("[data-testid=comparison-table]", (t) => t.includes("2026/27") && t.includes("2027/28"));
    expect(table).toContain("Overall result");
    expect(table).toContain("A1 Governance (A Managing risk)");
    expect(table).toContain("A1.a Governance: outcome a");
    expect(table.toLowerCase()).not.toContain("mean");
    await expectNoAxeViolations(driver, "the comparison of a grouped framework");
    await saveScreenshot(driver, "grouped-compare");
  });
});
