import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, type RunningApp } from "./support/app";
import { axeViolations, expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";

describe("home screen on first launch", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("shows the heading and a window titled for the screen", async () => {
    const heading = await app.driver.waitForText("h1", (text) => text.length > 0);
    expect(heading).toBe("Your assessments");
    // Screen-reader users hear the page title first, so it must name the screen.
    await expect.poll(() => app.driver.title()).toBe("Your assessments – Yardstick");
  });

  it("explains what Yardstick does when there are no assessments yet", async () => {
    const emptyState = await app.driver.waitForText("[data-testid=empty-state]", (t) => t.length > 0);
    expect(emptyState).toContain("You have no assessments yet.");
    expect(emptyState).toContain("digital best-practice checklist");
    await saveScreenshot(app.driver, "home-empty");
  });

  it("has no accessibility violations (axe-core)", async () => {
    await expectNoAxeViolations(app.driver, "the empty home screen");
  });

  it("really runs axe in the webview: an image without alt text is caught", async () => {
    // Guards the guard: if axe silently stopped running, every "no violations" above would pass.
    await app.driver.execute(
      `const img = document.createElement("img"); img.id = "axe-probe"; img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw="; document.querySelector("main").append(img);`,
    );
    const violations = await axeViolations(app.driver);
    await app.driver.execute(`document.getElementById("axe-probe").remove();`);
    expect(violations.map((v) => v.id)).toContain("image-alt");
  });
});
