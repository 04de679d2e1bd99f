// Year on year and exchange on the example council: the compare screen with every question
// and period and the change in words; an export that another Yardstick imports as a peer's;
// and a CSV that spreadsheets open as UTF-8.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";

describe("comparison and exchange", () => {
  let app: RunningApp;
  let peerApp: RunningApp | undefined;
  let jsonExport = "";

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await peerApp?.close();
    peerApp?.cleanUp();
    await app?.close();
    app?.cleanUp();
  });

  it("compares the example council's three years, all seven questions with the change in words", async () => {
    const { driver } = app;
    await driver.clickWhenReady("[data-testid=load-example-data]");
    await driver.clickWhenReady("[data-testid=compare-link]");
    const table = await driver.waitForText("[data-testid=comparison-table]", (t) => t.includes("2026/27"));
    for (const period of ["2024/25", "2025/26", "2026/27"]) expect(table).toContain(period);
    const rows = await driver.findAll("[data-testid=question-row]");
    expect(rows).toHaveLength(7);
    // The change is said in words in every row, never left to colour or a symbol alone.
    for (const row of rows) expect(await driver.text(row)).toMatch(/up \d+ levels?|down \d+ levels?|no change/);
    const counts = await driver.text(await driver.find("[data-testid=change-counts]"));
    expect(counts).toMatch(/Improved/);
    expect(counts).toMatch(/Declined/);
    const chart = await driver.find("[data-testid=trend-chart]");
    expect(String(await driver.execute("return arguments[0].getAttribute('aria-label')", [chart]))).toContain("Overall");
    await settle();
    await expectNoAxeViolations(driver, "the compare screen");
    await driver.execute(`document.querySelector("[data-testid=comparison-table]").scrollIntoView()`);
    await saveScreenshot(driver, "compare");
    await driver.execute(`document.querySelector("[data-testid=trend-chart]").scrollIntoView()`);
    await saveScreenshot(driver, "compare-trend");
  });

  it("exports the report with the chosen years' comparison as a PDF", async () => {
    const { driver } = app;
    const pdf = join(app.tempDir, "comparison.pdf");
    app.answerNextDialog(pdf);
    await driver.clickWhenReady("[data-testid=export-pdf]");
    await driver.waitForText("[data-testid=export-status]", (t) => t.includes("saved as"));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Comparison with earlier assessments");
    for (const period of ["2024/25", "2025/26", "2026/27"]) expect(text).toContain(period);
  });

  it("holds its layout at 200% zoom: the wide table scrolls inside itself, never the page", async () => {
    const { driver } = app;
    await driver.setWindowSize(550, 800);
    await driver.waitFor("[data-testid=comparison-table]");
    await settle();
    const [scrollWidth, clientWidth] = await driver.execute<number[]>(
      `return [document.documentElement.scrollWidth, document.documentElement.clientWidth]`,
    );
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await driver.setWindowSize(1100, 800);
  });

  it("asks for a second assessment when only one is chosen", async () => {
    const { driver } = app;
    const boxes = await driver.findAll("input[name=compare]:checked");
    for (const box of boxes.slice(1)) await driver.execute("arguments[0].click()", [box]);
    await driver.clickWhenReady("[data-testid=compare-submit]");
    const summary = await driver.waitForText("[data-testid=error-summary]", (t) => t.length > 0);
    expect(summary).toContain("Choose at least 2 assessments to compare");
  });

  it("exports the latest assessment as JSON and as CSV with a byte order mark for Excel", async () => {
    const { driver } = app;
    await driver.clickText("a.govuk-back-link", "Back to the summary");
    jsonExport = join(app.tempDir, "export.json");
    app.answerNextDialog(jsonExport);
    await driver.clickWhenReady("[data-testid=export-assessment]");
    await driver.waitForText("[data-testid=export-assessment-status]", (t) => t.includes("saved as"));
    expect(JSON.parse(readFileSync(jsonExport, "utf8")).format).toBe("yardstick-assessment");

    const csv = join(app.tempDir, "answers");
    await driver.clickText("label[for^=export-format]", "CSV");
    app.answerNextDialog(csv);
    await driver.clickWhenReady("[data-testid=export-assessment]");
    const status = await driver.waitForText("[data-testid=export-assessment-status]", (t) => t.includes("answers-actions.csv"));
    expect(status).toContain("answers.csv");
    expect([...readFileSync(`${csv}.csv`).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(existsSync(`${csv}-actions.csv`)).toBe(true);
  });

  it("refuses to import the same period again unless told what to do, and says so", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/"`);
    app.answerNextDialog(jsonExport);
    await driver.clickWhenReady("[data-testid=import-own]");
    const error = await driver.waitForText("[data-testid=import-error]", (t) => t.length > 0);
    expect(error).toContain("2026/27");
    expect(error).toContain("Nothing in Yardstick was changed");
    // The choice of what to do instead is folded away until an import stops on this.
    await driver.waitFor("[data-testid=import-conflict-choice][open] [name=import-conflict][value=copy]");
  });

  it("imports the export into another Yardstick as a peer council's, labelled as such", async () => {
    peerApp = await launchApp();
    const { driver } = peerApp;
    peerApp.answerNextDialog(jsonExport);
    await driver.clickWhenReady("[data-testid=import-peer]");
    const outcome = await driver.waitForText("[data-testid=import-outcome]", (t) => t.length > 0);
    expect(outcome).toContain("peer council's assessment");
    const table = await driver.waitForText("[data-testid=organisation-assessments]", (t) => t.includes("2026/27"));
    expect(table).toContain("Peer's");
    await settle();
    await expectNoAxeViolations(driver, "the home screen after a peer import");
  });
});
