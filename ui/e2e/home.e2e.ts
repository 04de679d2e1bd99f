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

  // Issue #14: on Linux the window registers its typeface from bytes before the page is parsed
  // (src-tauri/src/window_fonts.rs), so text is drawn without a fontconfig search per size.
  it("draws its text in Yardstick Sans, ready before the first frame", async () => {
    await app.driver.waitForText("h1", (text) => text.length > 0);
    const fonts = await app.driver.execute<{ faces: string[]; family: string; ready: boolean }>(`
      return {
        faces: [...document.fonts].map((face) => face.family + " " + face.weight + " " + face.status).sort(),
        family: getComputedStyle(document.querySelector("h1")).fontFamily,
        ready: document.fonts.check('700 48px "Yardstick Sans"') && document.fonts.check('19px "Yardstick Sans"'),
      };
    `);
    expect(fonts.faces.map((face) => face.replaceAll('"', ""))).toEqual(["Yardstick Sans 400 loaded", "Yardstick Sans 700 loaded"]);
    expect(fonts.family).toMatch(/^"?Yardstick Sans"?, "?Liberation Sans"?/);
    expect(fonts.ready).toBe(true);
  });

  it("explains what Yardstick does when there are no assessments yet", async () => {
    const emptyState = await app.driver.waitForText("[data-testid=empty-state]", (t) => t.length > 0);
    expect(emptyState).toContain("You have no assessments yet.");
    expect(emptyState).toContain("digital best-practice checklist");
    expect(emptyState).toContain("Local Government Digital Service Standard");
    await saveScreenshot(app.driver, "home-empty");
  });

  it("opens the start page with Space on the start button, as a button would, and focuses its heading", async () => {
    // The start control is a link styled as a button; keyboard users expect Space to press it.
    await app.driver.execute(`document.querySelector("[data-testid=start-assessment]").focus()`);
    await app.driver.pressKeys([" "]);
    await app.driver.waitForText("h1", (t) => t === "Start an assessment");
    // Focus moves to the new page's heading, so a screen reader starts by saying where it is.
    await expect.poll(() => app.driver.execute<string>("return document.activeElement.tagName")).toBe("H1");
    // The title says "Error: " while the form shows errors, and loses it once they are gone.
    await app.driver.fill("#period", "2026");
    await app.driver.clickWhenReady("[data-testid=start-submit]");
    await app.driver.waitFor("[data-testid=error-summary]");
    await expect.poll(() => app.driver.title()).toBe("Error: Start an assessment – Yardstick");
    await app.driver.execute("window.location.hash = '#/'");
    await app.driver.waitForText("h1", (t) => t === "Your assessments");
    await expect.poll(() => app.driver.title()).toBe("Your assessments – Yardstick");
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
