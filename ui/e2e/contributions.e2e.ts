// Contributions from colleagues through the real app, with two Yardstick installations: the
// lead asks Sam (a workbook, filled in with openpyxl as Excel would) and Priya (a contribution
// file, answered in her own Yardstick with a file attached), imports both returns at once,
// accepts one answer and sets one aside, and then finds the colleague's name on the question
// page and in the PDF. axe runs on every new screen; screenshots are saved to look at.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";
import type { WebDriver } from "./support/webdriver";

const FILL = join(import.meta.dirname, "..", "..", "tests", "contributions", "fill.py");

/** The Python on PATH if it has openpyxl, else the system's (Debian's python3-openpyxl). */
function pythonWithOpenpyxl(): string {
  for (const python of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(python, ["-c", "import openpyxl"], { stdio: "ignore" });
      return python;
    } catch {
      // Try the next one.
    }
  }
  throw new Error("No python3 with openpyxl: run scripts/install-deps.sh test (it installs python3-openpyxl)");
}

async function heading(driver: WebDriver, text: string): Promise<void> {
  await driver.waitForText("h1", (t) => t.includes(text));
  await settle();
}

async function go(driver: WebDriver, hash: string, title: string): Promise<void> {
  await driver.execute(`window.location.hash = ${JSON.stringify(hash)}; return null;`);
  await heading(driver, title);
}

async function check(driver: WebDriver, css: string, checked: boolean): Promise<void> {
  const box = await driver.find(css);
  if ((await driver.property(box, "checked")) !== checked) await driver.click(box);
}

describe("contributions from colleagues", () => {
  const leadDir = mkdtempSync(join(tmpdir(), "yardstick-e2e-lead-"));
  const shared = mkdtempSync(join(tmpdir(), "yardstick-e2e-shared-"));
  const workbook = join(shared, "Request for Sam Patel.xlsx");
  const requestFile = join(shared, "Request for Priya Shah.json");
  const filledWorkbook = join(shared, "Sam Patel returned.xlsx");
  const returnedFile = join(shared, "Contribution from Priya Shah.json");
  let lead: RunningApp;

  beforeAll(async () => {
    lead = await launchApp({ tempDir: leadDir });
  });

  afterAll(async () => {
    await lead?.close();
    lead?.cleanUp();
  });

  it("asks two colleagues, one with a workbook and one with a contribution file", async () => {
    const { driver } = lead;
    await driver.clickWhenReady("[data-testid=load-example-data]");
    await driver.waitFor("[data-testid=organisation-assessments]");
    await go(driver, "#/assessments/3", "2026/27 assessment");
    await driver.clickWhenReady("[data-testid=contributions-link]");
    await heading(driver, "Ask colleagues");
    expect(await driver.text(await driver.find("[data-testid=no-contributions]"))).toContain("Nothing has come back yet");
    await expectNoAxeViolations(driver, "the contributions screen before any request");

    // Nothing chosen: the GOV.UK error summary, and no dialog.
    await driver.clickWhenReady("[data-testid=save-request]");
    const summary = await driver.waitForText("[data-testid=error-summary]", (t) => t.includes("There is a problem"));
    expect(summary).toContain("Enter the name of the colleague");
    expect(summary).toContain("Choose at least one question");
    await expectNoAxeViolations(driver, "the request form with errors");

    await driver.fill("#contributor", "Sam Patel");
    await driver.fill("#team", "Customer Services");
    await check(driver, 'input[name=questions][value="end-to-end"]', true);
    await check(driver, 'input[name=questions][value="assisted-digital"]', true);
    await driver.fill("#request-note", "Please add what you know about the contact centre.");
    await saveScreenshot(driver, "contributions-ask");
    lead.answerNextDialog(workbook);
    await driver.clickWhenReady("[data-testid=save-request]");
    await driver.waitForText("[data-testid=request-made]", (t) => t.includes("Sam Patel for 2 questions"));
    expect(existsSync(workbook)).toBe(true);

    await driver.fill("#contributor", "Priya Shah");
    await driver.fill("#team", "Performance");
    await check(driver, 'input[name=questions][value="performance-measurement"]', true);
    await driver.clickWhenReady('input[name=format][value="json"]');
    lead.answerNextDialog(requestFile);
    await driver.clickWhenReady("[data-testid=save-request]");
    await driver.waitForText("[data-testid=request-made]", (t) => t.includes("Priya Shah for 1 question"));
    const requests = await driver.text(await driver.find("[data-testid=request-list]"));
    expect(requests).toContain("Sam Patel, Customer Services");
    expect(requests).toContain("3 End to end");
    expect(existsSync(requestFile)).toBe(true);
    await expectNoAxeViolations(driver, "the contributions screen with requests sent");
  });

  it("Sam fills the workbook in a spreadsheet", () => {
    // Questions row 2 is end-to-end and row 3 assisted-digital, in checklist order.
    const edits = [
      { sheet: "Questions", cell: "F2", value: "Embedded" },
      { sheet: "Questions", cell: "H2", value: "Two of our top five services run end to end online." },
      { sheet: "Questions", cell: "I2", value: "medium" },
      { sheet: "Questions", cell: "K2", value: "Contact centre call analysis, February" },
      { sheet: "Questions", cell: "F3", value: "Leading" },
      { sheet: "Questions", cell: "H3", value: "Everyone is helped online." },
    ];
    const editsPath = join(shared, "edits.json");
    writeFileSync(editsPath, JSON.stringify(edits));
    execFileSync(pythonWithOpenpyxl(), [FILL, workbook, filledWorkbook, editsPath]);
  });

  it("Priya answers in her own Yardstick, attaches a file and saves the contribution", async () => {
    await lead.close();
    const colleague = await launchApp();
    try {
      const { driver } = colleague;
      colleague.answerNextDialog(requestFile);
      await driver.clickWhenReady("[data-testid=open-request]");
      await heading(driver, "Answer a request");
      const asked = await driver.text(await driver.find("[data-testid=request-summary]"));
      expect(asked).toContain("Example District Council asked you, Priya Shah (Performance), for answers to 1 question");
      await expectNoAxeViolations(driver, "a request opened to be answered");
      await saveScreenshot(driver, "answering-request");

      await driver.clickText(".govuk-task-list__link", "Measuring performance");
      await heading(driver, "Measuring performance");
      await driver.clickWhenReady('input[name=level][value="3"]');
      await driver.fill("#rationale", "Every service has a published dashboard, reviewed monthly.");
      await driver.clickWhenReady('input[name=confidence][value="high"]');
      await driver.fill("#evidence-notes", "Performance dashboard, monthly review minutes");
      await driver.fill("#links", "not a link");
      const evidence = join(colleague.tempDir, "Dashboard review March.pdf");
      writeFileSync(evidence, "%PDF-1.4 dashboard review");
      colleague.answerNextDialog(evidence);
      await driver.clickWhenReady("[data-testid=attach-files]");
      await driver.waitForText("[data-testid=answer-files]", (t) => t.includes("Dashboard review March.pdf"));
      // A link that is not a web address is refused by the core, on its field.
      await driver.clickWhenReady("[data-testid=save-answer]");
      await driver.waitForText("[data-testid=error-summary]", (t) => t.includes("There is a problem"));
      await expectNoAxeViolations(driver, "a request's question with an error");
      await saveScreenshot(driver, "answering-question");
      await driver.fill("#links", "https://intranet.example.gov.uk/dashboards");
      await driver.clickWhenReady("[data-testid=save-answer]");
      await heading(driver, "Answer a request");
      expect(await driver.text(await driver.find("[data-testid=answering-progress]"))).toContain("answered 1 of 1");

      colleague.answerNextDialog(returnedFile);
      await driver.clickWhenReady("[data-testid=save-contribution]");
      await driver.waitForText("[data-testid=contribution-saved]", (t) => t.includes("Send this file"));
      expect(existsSync(returnedFile)).toBe(true);
      await go(driver, "#/", "Your assessments");
      const listed = await driver.text(await driver.find("[data-testid=answering-requests]"));
      expect(listed).toContain("1 of 1 answered");
      await expectNoAxeViolations(driver, "the home screen with a request being answered");
    } finally {
      await colleague.close();
      colleague.cleanUp();
    }
  });

  it("the lead imports both returns at once, accepts one answer and sets one aside", async () => {
    lead = await launchApp({ tempDir: leadDir, databasePath: join(leadDir, "yardstick.sqlite3") });
    const { driver } = lead;
    await go(driver, "#/assessments/3/contributions", "Ask colleagues");
    lead.answerNextDialog(`${filledWorkbook}\t${returnedFile}`);
    await driver.clickWhenReady("[data-testid=import-returned]");
    const imported = await driver.waitForText("[data-testid=contributions-imported]", (t) => t.includes("Imported"));
    expect(imported).toContain("Sam Patel answered 2 questions");
    expect(imported).toContain("Priya Shah answered 1 question");
    const listed = await driver.text(await driver.find("[data-testid=contribution-list]"));
    expect(listed).toContain("2 waiting for review");
    await expectNoAxeViolations(driver, "the contributions screen with returns to review");
    await saveScreenshot(driver, "contributions-received");

    // Nothing changed yet: end to end is still at the level the lead gave it.
    await driver.clickText("[data-testid=contribution-list] a", "Sam Patel");
    await heading(driver, "Contribution from Sam Patel");
    const answers = await driver.execute<string[]>(
      "return [...document.querySelectorAll('[data-testid=reviewed-answer]')].map((s) => s.textContent)",
    );
    expect(answers[0]).toContain("Waiting for review");
    expect(answers[0]).toContain("Two of our top five services run end to end online.");
    await expectNoAxeViolations(driver, "the review of a contribution");
    await saveScreenshot(driver, "contributions-review");

    await check(driver, 'input[name=accept][value="assisted-digital"]', false);
    await driver.clickWhenReady("[data-testid=accept]");
    await driver.waitForText("[data-testid=review-done]", (t) => t.includes("Accepted 1 answer from Sam Patel"));
    await driver.fill("#set-aside-note", "Assisted digital is already evidenced by the library survey.");
    await driver.clickWhenReady("[data-testid=set-aside]");
    await driver.waitForText("[data-testid=review-done]", (t) => t.includes("Set aside 1 answer"));
    expect(await driver.text(await driver.find("[data-testid=contribution-status]"))).toBe("1 accepted, 1 set aside");
    await expectNoAxeViolations(driver, "a reviewed contribution");

    // Priya's answer, with her file, accepted whole.
    await go(driver, "#/assessments/3/contributions", "Ask colleagues");
    await driver.clickText("[data-testid=contribution-list] a", "Priya Shah");
    await heading(driver, "Contribution from Priya Shah");
    expect(await driver.text(await driver.find("[data-testid=reviewed-answer]"))).toContain("Dashboard review March.pdf");
    await driver.clickWhenReady("[data-testid=accept]");
    await driver.waitForText("[data-testid=review-done]", (t) => t.includes("Accepted 1 answer from Priya Shah"));
  });

  it("shows who contributed on the question page and in the PDF", async () => {
    const { driver } = lead;
    await go(driver, "#/assessments/3/questions/end-to-end", "End to end");
    expect(await driver.text(await driver.find("[data-testid=contributed-by]"))).toContain("Sam Patel (Customer Services)");
    const evidence = await driver.text(await driver.find("[data-testid=evidence-list]"));
    expect(evidence).toMatch(/Contact centre call analysis, February \(from Sam Patel, Customer Services, \d+ \w+ \d{4}\)/);
    const level = await driver.execute<string>("return document.querySelector('input[name=level]:checked')?.value ?? ''");
    expect(level).toBe("3");
    const rationale = await driver.execute<string>("return document.querySelector('#rationale').value");
    expect(rationale).toBe("Two of our top five services run end to end online.");
    await go(driver, "#/assessments/3/questions/assisted-digital", "Assisted digital");
    expect(await driver.execute<number>("return document.querySelectorAll('[data-testid=contributed-by]').length")).toBe(0);
    await go(driver, "#/assessments/3/questions/performance-measurement", "Measuring performance");
    const files = await driver.text(await driver.find("[data-testid=evidence-list]"));
    expect(files).toContain("Dashboard review March.pdf");
    expect(files).toContain("File from Priya Shah, Performance");
    await expectNoAxeViolations(driver, "a question with contributed evidence");

    await go(driver, "#/assessments/3/summary", "Summary");
    const pdf = join(lead.tempDir, "report-with-contributions.pdf");
    lead.answerNextDialog(pdf);
    await driver.clickWhenReady("[data-testid=export-pdf]");
    await driver.waitForText("[data-testid=export-status]", (t) => t.includes("saved as"));
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Contributions");
    expect(text).toContain("Sam Patel (Customer Services)");
    expect(text).toContain("Priya Shah (Performance)");
  });
});
