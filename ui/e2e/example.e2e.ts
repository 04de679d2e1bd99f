// The example council: one click gives three years of assessments, so a new user can see
// the summary, the comparison and the report at once. Every screen is checked with axe-core
// in its full state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";

describe("example data", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("loads from the empty home screen and lists three years, newest first", async () => {
    const { driver } = app;
    await driver.clickWhenReady("[data-testid=load-example-data]");
    const table = await driver.waitForText("[data-testid=organisation-assessments]", (t) => t.includes("Example District Council"));
    expect(table.indexOf("2026/27")).toBeLessThan(table.indexOf("2025/26"));
    expect(table.indexOf("2025/26")).toBeLessThan(table.indexOf("2024/25"));
    // The button only makes sense for an empty database.
    expect(await driver.findAll("[data-testid=load-example-data]")).toHaveLength(0);
    await settle();
    await expectNoAxeViolations(driver, "the home screen with example data");
    await saveScreenshot(driver, "home-example");
  });

  it("shows the latest assessment's task list, question, summary and sign-off without accessibility problems", async () => {
    const { driver } = app;
    await driver.clickText("[data-testid=organisation-assessments] a", "2026/27");
    await driver.waitForText("h1", (t) => t.includes("2026/27 assessment"));
    await settle();
    await expectNoAxeViolations(driver, "the example task list");

    await driver.clickText(".govuk-task-list__link", "1. Promotion");
    await driver.waitForText("[data-testid=question-text]", (t) => t.length > 0);
    await settle();
    await expectNoAxeViolations(driver, "an example question");
    await saveScreenshot(driver, "question-example");

    await driver.execute(`window.location.hash = window.location.hash.replace(/questions\\/.*$/, "summary")`);
    await driver.waitForText("[data-testid=recommendations]", (t) => t.length > 0);
    await settle();
    await expectNoAxeViolations(driver, "the example summary");
    await saveScreenshot(driver, "summary-example");

    await driver.execute(`window.location.hash = window.location.hash.replace(/summary$/, "sign-off")`);
    await driver.waitForText("h1", (t) => t.includes("Sign-off"));
    await settle();
    await expectNoAxeViolations(driver, "the example sign-off screen");
  });

  it("opens a final assessment read-only, saying who signed it off", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/"`);
    await driver.clickText("[data-testid=organisation-assessments] a", "2024/25");
    const banner = await driver.waitForText("[data-testid=read-only-banner]", (t) => t.length > 0);
    expect(banner).toContain("signed off");
    await expectNoAxeViolations(driver, "a final assessment's task list");
  });

  it("asks before removing an organisation and says what goes with it", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/"`);
    await driver.clickText("[data-testid=organisation-list] button", "Remove");
    const warning = await driver.waitForText("[data-testid=remove-organisation-warning]", (t) => t.length > 0);
    expect(warning).toMatch(/3 assessments/);
    await expectNoAxeViolations(driver, "the remove-organisation confirmation");
    await driver.clickText("button", "No, keep it");
    await driver.waitFor("[data-testid=organisation-list]");
  });

  it("holds its layout at 200% zoom: no screen scrolls sideways", async () => {
    const { driver } = app;
    // A 1100-pixel window at 200% zoom lays out like a 550-pixel one (WCAG 1.4.10 reflow).
    await driver.setWindowSize(550, 800);
    const latest = await driver.execute<string>(
      `return document.querySelector("[data-testid=organisation-assessments] a").getAttribute("href")`,
    );
    for (const hash of ["#/", latest, `${latest}/questions/promotion`, `${latest}/summary`, `${latest}/sign-off`, "#/start", "#/settings"]) {
      await driver.execute(`window.location.hash = arguments[0]`, [hash]);
      await driver.waitForText("h1", (t) => t.length > 0);
      await settle();
      const [scrollWidth, clientWidth] = await driver.execute<number[]>(
        `return [document.documentElement.scrollWidth, document.documentElement.clientWidth]`,
      );
      expect(scrollWidth, `${hash} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
    }
    await saveScreenshot(driver, "home-zoomed");
  });
});
