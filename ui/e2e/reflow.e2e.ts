// 400% zoom on a 1280 px wide window leaves 320 CSS px (WCAG 1.4.10, reflow): every screen,
// empty and with the example data, must fit without sideways scrolling, and the one region
// allowed to scroll (the two-dimensional comparison table) must be reachable by keyboard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";

interface Fit {
  scrollWidth: number;
  innerWidth: number;
  /** Elements that reach past the right edge, outermost first, for a readable failure. */
  overflowing: string[];
  /** Scrolling regions a keyboard cannot reach or that have no name. */
  unreachableScrollers: string[];
}

// Runs in the page: measures the document and finds what sticks out.
const measureFit = `
  const describe = (el) => {
    const id = el.id ? "#" + el.id : "";
    const test = el.dataset && el.dataset.testid ? "[data-testid=" + el.dataset.testid + "]" : "";
    const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return el.tagName.toLowerCase() + id + test + " \\"" + text + "\\" right=" + Math.round(el.getBoundingClientRect().right);
  };
  const overflowing = [];
  const scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const scrolls = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
    if (scrolls) scrollers.push(el);
    const insideScroller = scrollers.some((s) => s !== el && s.contains(el));
    // A chart is one image (role="img", described in words, its data in a table beside it);
    // its own viewport clips what is inside, so the chart as a whole is what must fit.
    const insideChart = el.parentElement && el.parentElement.closest("svg");
    if (insideScroller || insideChart) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > window.innerWidth + 0.5 && !el.closest(".govuk-visually-hidden")) {
      if (!overflowing.some((o) => o.contains(el))) overflowing.push(el);
    }
  }
  const unreachableScrollers = scrollers
    .filter((s) => s.tabIndex < 0 || !s.getAttribute("role") || !(s.getAttribute("aria-labelledby") || s.getAttribute("aria-label")))
    .map(describe);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    overflowing: overflowing.slice(0, 8).map(describe),
    unreachableScrollers,
  };
`;

// WCAG 1.4.12's text spacing, as a user's style sheet would set it: long words and addresses
// must still wrap rather than be cut off or push the page sideways.
// A constructed style sheet, since the app's CSP (rightly) refuses inline <style>.
const textSpacing = `
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return getComputedStyle(document.body).letterSpacing;
`;

async function zoomTo320(app: RunningApp): Promise<void> {
  await app.driver.setWindowSize(1280, 800);
  // The app's own zoom, stepped up with the keyboard as a user would, to 400%.
  for (let step = 0; step < 12; step += 1) {
    const width = await app.driver.execute<number>("return window.innerWidth");
    if (width <= 320) break;
    await app.driver.pressWithControl("=");
    for (let wait = 0; wait < 50 && (await app.driver.execute<number>("return window.innerWidth")) >= width; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  expect(await app.driver.execute<number>("return window.innerWidth")).toBe(320);
}

async function checkScreen(app: RunningApp, hash: string, ready: string, name: string): Promise<void> {
  await app.driver.execute(`window.location.hash = ${JSON.stringify(hash)}`);
  await app.driver.waitFor(ready);
  await settle();
  const fit = await app.driver.execute<Fit>(measureFit);
  // The screenshot shows the screen's main content (a table, a list), not only its header.
  await app.driver.execute(`document.querySelector(${JSON.stringify(ready)}).scrollIntoView()`);
  await saveScreenshot(app.driver, `reflow-320-${name}`);
  expect(fit.innerWidth, name).toBe(320);
  expect.soft({ screen: name, overflowing: fit.overflowing }).toEqual({ screen: name, overflowing: [] });
  expect.soft(fit.scrollWidth, `${name}: the page is wider than the window`).toBeLessThanOrEqual(fit.innerWidth);
  expect.soft({ screen: name, unreachableScrollers: fit.unreachableScrollers }).toEqual({ screen: name, unreachableScrollers: [] });
  await expectNoAxeViolations(app.driver, `${name} at 320 CSS px`);
}

describe("reflow at 320 CSS px (400% zoom)", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
    await zoomTo320(app);
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("fits every screen of an empty app", async () => {
    await checkScreen(app, "#/", "[data-testid=load-example-data]", "home-empty");
    await checkScreen(app, "#/start", "h1", "start-empty");
    await checkScreen(app, "#/settings", "h1", "settings-empty");
    await checkScreen(app, "#/no/such/screen", "h1", "not-found");
  });

  it("fits every screen with the example data, with WCAG text spacing applied", { timeout: 300_000 }, async () => {
    expect(await app.driver.execute<string>(textSpacing), "text spacing is applied").not.toBe("normal");
    await app.driver.execute("window.location.hash = '#/'");
    await app.driver.waitFor("[data-testid=load-example-data]");
    await app.driver.execute("document.querySelector('[data-testid=load-example-data]').click()");
    await app.driver.waitFor("[data-testid=organisation-assessments]");
    await checkScreen(app, "#/", "[data-testid=organisation-assessments]", "home-example");
    await checkScreen(app, "#/start", "h1", "start-example");
    await checkScreen(app, "#/settings", "h1", "settings-example");
    await checkScreen(app, "#/assessments/3", "h1", "tasks");
    await checkScreen(app, "#/assessments/3/questions/end-to-end", "[data-testid=action-list]", "question-with-actions");
    await checkScreen(app, "#/assessments/3/summary", "[data-testid=score-table]", "summary");
    await checkScreen(app, "#/assessments/3/sign-off", "h1", "sign-off");
    await checkScreen(app, "#/assessments/3/compare", "[data-testid=comparison-table]", "compare");
    await checkScreen(app, "#/assessments/1", "h1", "tasks-final");
    await checkScreen(app, "#/assessments/1/questions/promotion", "[data-testid=action-list]", "question-final");
    await checkScreen(app, "#/assessments/1/sign-off", "h1", "reopen");
  });

  it("lets the keyboard reach and scroll the comparison table", async () => {
    await app.driver.execute("window.location.hash = '#/assessments/3/compare'");
    await app.driver.waitFor("[data-testid=comparison-table]");
    const region = await app.driver.execute<{ role: string | null; name: string; tabIndex: number }>(`
      const region = document.querySelector("[data-testid=comparison-table]").closest("[role=region]");
      if (!region) return { role: null, name: "", tabIndex: -1 };
      const label = document.getElementById(region.getAttribute("aria-labelledby"));
      return { role: region.getAttribute("role"), name: label ? label.textContent.trim() : "", tabIndex: region.tabIndex };
    `);
    expect(region.role).toBe("region");
    expect(region.name).toMatch(/Level by question and period/);
    expect(region.tabIndex).toBe(0);
  });
});
