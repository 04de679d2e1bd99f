// Focus never drops to <body> after an in-place action (issue #17): an empty note, link or
// action puts focus on the field in error, whose message is then read out, and removing an
// item moves focus to the message that says so.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";

describe("focus after in-place actions", () => {
  let app: RunningApp;
  const active = () => app.driver.execute<string>("return document.activeElement.id");

  beforeAll(async () => {
    app = await launchApp();
    await app.driver.clickWhenReady("[data-testid=load-example-data]");
    await app.driver.waitFor("[data-testid=organisation-assessments]");
    await app.driver.execute("window.location.hash = '#/assessments/3/questions/promotion'");
    await app.driver.waitFor("#new-note");
    await settle();
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("puts focus on the empty note, link or action field, linked to its error", async () => {
    await app.driver.clickWhenReady("[data-testid=add-note]");
    await expect.poll(active).toBe("new-note");
    const describedBy = await app.driver.execute<string>("return document.activeElement.getAttribute('aria-describedby')");
    expect(describedBy, "the error is read out with the field").toContain("new-note-error");

    await app.driver.clickWhenReady("[data-testid=add-link]");
    await expect.poll(active).toBe("new-link-url");

    await app.driver.execute("document.querySelector('[data-testid=add-action]').click()");
    await expect.poll(active).toBe("new-action-title-promotion");
    await expectNoAxeViolations(app.driver, "a question page with errors on its small forms");
  });

  it("moves focus to the status message after removing a note", async () => {
    await app.driver.fill("#new-note", "A note to remove");
    await app.driver.clickWhenReady("[data-testid=add-note]");
    await app.driver.waitForText("[data-testid=evidence-status]", (t) => t.includes("Note added"));
    const removeId = await app.driver.execute<string>(
      "return [...document.querySelectorAll('[data-testid=evidence-list] button[id^=remove-evidence-]')].find((b) => b.textContent.includes('A note to remove')).id",
    );
    await app.driver.clickWhenReady(`#${removeId}`);
    // The confirmation takes focus so it is announced, and "Keep it" gives focus back.
    await expect.poll(active).toMatch(/^confirm-remove-evidence-/);
    await app.driver.clickText("[data-testid=evidence-list] button", "Keep it");
    await expect.poll(active).toBe(removeId);
    await app.driver.clickWhenReady(`#${removeId}`);
    await expect.poll(active).toMatch(/^confirm-remove-evidence-/);
    await app.driver.execute("document.activeElement.click()");
    await app.driver.waitForText("[data-testid=evidence-status]", (t) => t.includes("Evidence removed"));
    // Focus lands on the message that says what happened.
    await expect.poll(active).toBe("evidence-status");
  });
});

// Every in-place action that replaces or disables the control pressed: focus goes to what
// happened (a message, the result, the field, the confirmation's first control), or back to
// the control when a dialog is cancelled or a confirmation declined. Never to <body>.
describe("focus after every other in-place action", () => {
  let app: RunningApp;
  const active = () => app.driver.execute<string>("return document.activeElement.id || document.activeElement.tagName");
  const go = async (hash: string, ready: string) => {
    await app.driver.execute(`window.location.hash = ${JSON.stringify(hash)}`);
    await app.driver.waitFor(ready);
    await settle();
  };

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("says the example data was loaded and focuses that message", async () => {
    await app.driver.clickWhenReady("[data-testid=load-example-data]");
    await expect.poll(active).toBe("example-loaded");
    const text = await app.driver.waitForText("[data-testid=example-loaded]", (t) => t.length > 0);
    expect(text).toContain("Loaded Example District Council with 3 assessments, 2026/27, 2025/26, 2024/25");
    await expectNoAxeViolations(app.driver, "the home screen after loading the example data");
  });

  it("moves focus through adding, renaming and removing an organisation, and back on Cancel", async () => {
    await app.driver.clickWhenReady("[data-testid=add-organisation]");
    await expect.poll(active).toBe("organisation-name");
    await app.driver.clickText("[data-testid=organisation-form] button", "Cancel");
    await expect.poll(active).toBe("add-organisation");

    const renameId = await app.driver.execute<string>("return document.querySelector('[id^=rename-organisation-]').id");
    await app.driver.clickWhenReady(`#${renameId}`);
    await expect.poll(active).toBe("organisation-name");
    await app.driver.fill("#organisation-name", "");
    await app.driver.clickText("[data-testid=organisation-form] button", "Save name");
    // The GOV.UK error summary takes focus and links to the field.
    await expect.poll(() => app.driver.execute<string>("return document.activeElement.className")).toContain("govuk-error-summary");
    await app.driver.clickText("[data-testid=organisation-form] button", "Cancel");
    await expect.poll(active).toBe(renameId);

    await app.driver.clickWhenReady(`#${renameId}`);
    await app.driver.fill("#organisation-name", "Example Borough Council");
    await app.driver.clickText("[data-testid=organisation-form] button", "Save name");
    await expect.poll(active).toBe("organisations-status");
    expect(await app.driver.waitForText("#organisations-status", (t) => t.length > 0)).toBe("Saved Example Borough Council.");

    const removeId = renameId.replace("rename", "remove");
    await app.driver.clickWhenReady(`#${removeId}`);
    await expect.poll(active).toBe("confirm-remove-organisation");
    const describedBy = await app.driver.execute<string>("return document.activeElement.getAttribute('aria-describedby')");
    expect(describedBy, "what would be deleted is read out with the button").toBe("remove-organisation-warning");
    await app.driver.clickText("button", "No, keep it");
    await expect.poll(active).toBe(removeId);
  });

  it("focuses the outcome of Export PDF and Export, or the button again when the dialog is cancelled", async () => {
    await go("#/assessments/3/summary", "[data-testid=export-pdf]");
    app.answerNextDialog("cancel");
    await app.driver.clickWhenReady("[data-testid=export-pdf]");
    await expect.poll(active).toMatch(/-button$/);
    app.answerNextDialog(join(app.tempDir, "report.pdf"));
    await app.driver.clickWhenReady("[data-testid=export-pdf]");
    await expect.poll(active, { timeout: 30_000 }).toMatch(/-status$/);
    expect(await app.driver.waitForText("[data-testid=export-status]", (t) => t.length > 0)).toContain("report.pdf");

    app.answerNextDialog("cancel");
    await app.driver.clickWhenReady("[data-testid=export-assessment]");
    await expect.poll(active).toBe("export-assessment");
    app.answerNextDialog(join(app.tempDir, "export.json"));
    await app.driver.clickWhenReady("[data-testid=export-assessment]");
    await expect.poll(active).toBe("export-assessment-status");
  });

  it("focuses the import's outcome or error, or the button pressed when the dialog is cancelled", async () => {
    await go("#/", "[data-testid=import-own]");
    app.answerNextDialog("cancel");
    await app.driver.clickWhenReady("[data-testid=import-peer]");
    await expect.poll(active).toBe("import-peer");
    const broken = join(app.tempDir, "broken.json");
    writeFileSync(broken, "{ not json");
    app.answerNextDialog(broken);
    await app.driver.clickWhenReady("[data-testid=import-own]");
    await expect.poll(active).toBe("import-error");
    app.answerNextDialog(join(app.tempDir, "export.json"));
    await app.driver.clickWhenReady("[data-testid=import-conflict-choice] summary");
    await app.driver.waitFor("[name=import-conflict][value=copy]");
    await app.driver.execute("document.querySelector('[name=import-conflict][value=copy]').click()");
    await app.driver.clickWhenReady("[data-testid=import-own]");
    await expect.poll(active).toBe("import-outcome");
  });

  it("focuses the comparison after Compare", async () => {
    await go("#/assessments/3/compare", "[data-testid=comparison-table]");
    await app.driver.clickWhenReady("[data-testid=compare-submit]");
    await expect.poll(active).toBe("comparison-title");
  });

  it("focuses what happened after signing off and reopening, as the form goes away", async () => {
    await go("#/assessments/3/sign-off", "[data-testid=signoff-form]");
    await app.driver.fill("#approver", "Jo Bloggs, Chief Executive");
    await app.driver.execute("document.querySelector('[name=confirm]').click()");
    await app.driver.clickWhenReady("[data-testid=signoff-submit]");
    await expect.poll(active, { timeout: 30_000 }).toBe("signoff-status");
    expect(await app.driver.waitForText("#signoff-status", (t) => t.length > 0)).toContain("signed off");
    await app.driver.fill("#reason", "A late correction to the evidence");
    await app.driver.clickWhenReady("[data-testid=reopen-submit]");
    await expect.poll(active).toBe("signoff-status");
    expect(await app.driver.waitForText("#signoff-status", (t) => t.includes("reopened"))).toContain("draft");
  });

  it("asks before removing an action with focus on the confirmation, and gives it back on Keep", async () => {
    await go("#/assessments/3/questions/end-to-end", "[data-testid=action-list]");
    const removeId = await app.driver.execute<string>("return document.querySelector('[data-testid=action-list] [id^=remove-action-]').id");
    await app.driver.clickWhenReady(`#${removeId}`);
    await expect.poll(active).toBe(removeId.replace("remove-action", "confirm-remove-action"));
    await app.driver.clickText("[data-testid=action-list] button", "Keep");
    await expect.poll(active).toBe(removeId);
    await app.driver.clickWhenReady(`#${removeId}`);
    await app.driver.execute("document.activeElement.click()");
    await expect.poll(active).toMatch(/^actions-status-/);
  });

  it("gives focus back to Back up now when its dialog is cancelled", async () => {
    await go("#/settings", "[data-testid=back-up-now]");
    app.answerNextDialog("cancel");
    await app.driver.clickWhenReady("[data-testid=back-up-now]");
    await expect.poll(active).toBe("back-up-now");
  });
});
