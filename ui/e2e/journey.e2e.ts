// The whole journey of a digital lead in the real app: create an organisation and an
// assessment, answer every question with evidence, targets and actions, export the PDF, sign
// off, check it is read-only, reopen, restart and find everything as it was, and start next
// year's assessment from this one.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";
import type { WebDriver } from "./support/webdriver";

const ORGANISATION = "Cyngor Sir Ceredigion";
const QUESTION_COUNT = 7;

async function heading(driver: WebDriver, text: string): Promise<void> {
  await driver.waitForText("h1", (t) => t.includes(text));
  await settle();
}

async function waitSaved(driver: WebDriver): Promise<void> {
  await driver.waitForText("[data-testid=save-status]", (t) => t.trim() === "Saved");
}

async function answerCurrentQuestion(app: RunningApp, index: number): Promise<void> {
  const { driver } = app;
  const level = String(1 + (index % 3));
  await driver.clickWhenReady(`input[name=level][value="${level}"]`);
  await waitSaved(driver);
  await driver.fill("#rationale", `Rationale ${index + 1}: the contact centre reports avoidable contact monthly; £ and ŵ ŷ survive.`);
  await driver.clickWhenReady(`input[name=confidence][value="medium"]`);
  await driver.clickWhenReady(`input[name=target][value="4"]`);
  await waitSaved(driver);

  await driver.fill("#new-note", `Note for question ${index + 1}`);
  await driver.clickWhenReady("[data-testid=add-note]");
  await driver.waitForText("[data-testid=evidence-status]", (t) => t.includes("Note added"));

  await driver.fill("#new-link-url", `https://www.example.gov.uk/evidence/${index + 1}`);
  await driver.fill("#new-link-note", "Published page");
  await driver.clickWhenReady("[data-testid=add-link]");
  await driver.waitForText("[data-testid=evidence-status]", (t) => t.includes("Link added"));

  const file = join(app.tempDir, `evidence-${index + 1}.txt`);
  writeFileSync(file, `Evidence file ${index + 1}\n`);
  app.answerNextDialog(file);
  await driver.clickWhenReady("[data-testid=attach-files]");
  await driver.waitForText("[data-testid=evidence-status]", (t) => t.includes(`evidence-${index + 1}.txt`));

  await driver.fill(`[id^=new-action-title]`, `Action for question ${index + 1}`);
  await driver.fill(`[id^=new-action-owner]`, "Digital team");
  await driver.clickWhenReady("[data-testid=add-action]");
  await driver.waitForText("[data-testid=actions-status]", (t) => t.includes("Action added"));
}

describe("the assessment journey", () => {
  let app: RunningApp;
  let assessmentUrl = "";

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("starts an assessment for a new organisation", async () => {
    const { driver } = app;
    await driver.clickWhenReady("[data-testid=start-assessment]");
    await heading(driver, "Start an assessment");
    await expectNoAxeViolations(driver, "the start screen");
    await saveScreenshot(driver, "start");
    // Submitting empty shows the GOV.UK error summary naming each missing answer.
    await driver.fill("#period", "2026");
    await driver.clickWhenReady("[data-testid=start-submit]");
    const summary = await driver.waitForText("[data-testid=error-summary]", (t) => t.includes("There is a problem"));
    expect(summary).toContain("Enter the name of the organisation");
    expect(summary).toContain("like 2026/27");
    await expectNoAxeViolations(driver, "the start screen with errors");

    await driver.fill("#new-organisation-name", ORGANISATION);
    await driver.fill("#period", "2026/27");
    await driver.fill("#assessor", "Alex Morgan");
    await driver.clickWhenReady("[data-testid=start-submit]");
    await heading(driver, "2026/27 assessment");
    assessmentUrl = await driver.execute<string>("return window.location.hash");
    expect(await driver.text(await driver.find("[data-testid=progress]"))).toContain("0 of 7");
    await expectNoAxeViolations(driver, "an empty task list");
  });

  it("answers all seven questions with a note, a link, a file, a target and an action", async () => {
    const { driver } = app;
    await driver.clickText(".govuk-task-list__link", "1. Promotion");
    for (let index = 0; index < QUESTION_COUNT; index++) {
      await driver.waitForText("[data-testid=question-text]", (t) => t.length > 0);
      await answerCurrentQuestion(app, index);
      if (index === 0) {
        await expectNoAxeViolations(driver, "a question page with evidence and actions");
        await saveScreenshot(driver, "question");
      }
      await driver.clickWhenReady("[data-testid=next-question]");
    }
    await heading(driver, "Summary");
  });

  it("shows the summary, exports the PDF and offers to open it", async () => {
    const { driver } = app;
    expect(await driver.text(await driver.find("[data-testid=overall-level]"))).toContain("Level 1");
    const recommendations = await driver.text(await driver.find("[data-testid=recommendations]"));
    expect(recommendations).toContain("gap of 3 levels");
    await expectNoAxeViolations(driver, "the summary");
    await saveScreenshot(driver, "summary");

    const pdf = join(app.tempDir, "report.pdf");
    app.answerNextDialog(pdf);
    await driver.clickWhenReady("[data-testid=export-pdf]");
    await driver.waitForText("[data-testid=export-status]", (t) => t.includes("saved as"));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await driver.waitFor("[data-testid=open-report]");
  });

  it("signs off, after which every screen is read-only and says why", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl + "/sign-off")}`);
    await heading(driver, "Sign-off");
    await driver.clickWhenReady("[data-testid=signoff-submit]");
    await driver.waitForText("[data-testid=error-summary]", (t) => t.includes("Enter the name of the person approving"));
    await driver.fill("#approver", "Chief Executive");
    await driver.clickWhenReady("#confirm");
    await driver.clickWhenReady("[data-testid=signoff-submit]");
    await driver.waitForText("[data-testid=read-only-banner]", (t) => t.includes("signed off by Chief Executive"));
    await expectNoAxeViolations(driver, "the sign-off screen of a final assessment");

    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl + "/questions/promotion")}`);
    await driver.waitForText("[data-testid=read-only-banner]", (t) => t.includes("cannot be changed"));
    // A final assessment shows its answer as a summary, with no controls to change it.
    const answer = await driver.waitForText("[data-testid=answer-summary]", (t) => t.includes("Level 1"));
    expect(answer).toContain("Rationale 1");
    expect(await driver.findAll("input[name=level]")).toHaveLength(0);
    expect(await driver.findAll("[data-testid=add-note]")).toHaveLength(0);
    await expectNoAxeViolations(driver, "a read-only question page");
  });

  it("reopens with a reason, and the assessment is a draft again", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl + "/sign-off")}`);
    await heading(driver, "Sign-off");
    await driver.fill("#reason", "The committee asked for more evidence on question 5");
    await driver.clickWhenReady("[data-testid=reopen-submit]");
    await driver.waitForText("[data-testid=signoff-status]", (t) => t.includes("reopened"));
    await driver.waitFor("[data-testid=signoff-form]");
  });

  it("finds everything as it was after a restart", async () => {
    const { databasePath, tempDir } = app;
    await app.close();
    app = await launchApp({ databasePath, tempDir });
    const { driver } = app;
    const home = await driver.waitForText("[data-testid=organisation-assessments]", (t) => t.includes(ORGANISATION));
    expect(home).toContain("7 of 7");
    // The app handed this screen its data with the page (src-tauri/src/first_screen.rs), so it
    // was drawn whole the first time, without waiting on a round trip.
    expect(await driver.execute<string | null>(`return sessionStorage.getItem("yardstick:home-snapshot-taken")`)).toBe("1");
    await expectNoAxeViolations(driver, "the home screen with an assessment");
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl)}`);
    await heading(driver, "2026/27 assessment");
    const tasks = await driver.text(await driver.find("[data-testid=task-list]"));
    expect(tasks.match(/Completed/g)).toHaveLength(QUESTION_COUNT);
    await saveScreenshot(driver, "task-list");
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl + "/questions/social-media")}`);
    const evidence = await driver.waitForText("[data-testid=evidence-list]", (t) => t.includes("evidence-4.txt"));
    expect(evidence).toContain("Note for question 4");
    expect(evidence).toContain("Published page");
    const rationale = await driver.property(await driver.find("#rationale"), "value");
    expect(rationale).toContain("Rationale 4");
  });

  it("starts next year's assessment from this one, carrying everything forward as drafts", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/start"`);
    await heading(driver, "Start an assessment");
    await driver.clickText(".govuk-radios__label", ORGANISATION);
    await driver.fill("#period", "2027/28");
    await driver.clickText(".govuk-radios__label", "Yes, start from 2026/27");
    await driver.clickWhenReady("[data-testid=start-submit]");
    await heading(driver, "2027/28 assessment");
    const tasks = await driver.text(await driver.find("[data-testid=task-list]"));
    // Carried-forward answers wait for review: in progress, never silently completed.
    expect(tasks.match(/In progress/g)).toHaveLength(QUESTION_COUNT);
    expect(tasks).toContain("Level 1: Emerging");
    await driver.clickText(".govuk-task-list__link", "1. Promotion");
    const evidence = await driver.waitForText("[data-testid=evidence-list]", (t) => t.includes("evidence-1.txt"));
    expect(evidence).toContain("Note for question 1");
  });

  it("completes a question with the keyboard alone", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl)}`);
    await heading(driver, "2026/27 assessment");
    await driver.execute(`window.location.hash = ${JSON.stringify(assessmentUrl + "/questions/end-to-end")}`);
    await driver.waitForText("[data-testid=question-text]", (t) => t.length > 0);
    // Tab from the top of the page to the level radios, as a keyboard user would.
    await driver.execute(`document.getElementById("main-content").focus()`);
    const TAB = "\uE004";
    const ARROW_DOWN = "\uE015";
    for (let presses = 0; presses < 40; presses++) {
      const name = await driver.execute<string>("return document.activeElement && document.activeElement.name");
      if (name === "level") break;
      await driver.pressKeys([TAB]);
    }
    expect(await driver.execute<string>("return document.activeElement.name")).toBe("level");
    await driver.pressKeys([ARROW_DOWN]);
    await waitSaved(driver);
    await driver.pressKeys([TAB]);
    expect(await driver.execute<string>("return document.activeElement.id")).toBe("rationale");
    await driver.pressKeys([..."Typed by keyboard"]);
    await waitSaved(driver);
    const saved = await driver.execute<string>("return document.getElementById('rationale').value");
    expect(saved).toContain("Typed by keyboard");
  });

  it("has settings that show where the database is", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/settings"`);
    await heading(driver, "Settings");
    const path = await driver.waitForText("[data-testid=database-path]", (t) => t.length > 0);
    expect(path).toBe(app.databasePath);
    expect(await driver.property(await driver.find("#assessor-name"), "value")).toBe("Alex Morgan");
    await expectNoAxeViolations(driver, "settings");
    await saveScreenshot(driver, "settings");
    expect(existsSync(app.databasePath)).toBe(true);
  });
});
