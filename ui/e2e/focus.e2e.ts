// Focus never drops to <body> after an in-place action (issue #17): an empty note, link or
// action puts focus on the field in error, whose message is then read out, and removing an
// item moves focus to the message that says so.
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
