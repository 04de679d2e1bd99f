// "Add a checklist…" on the start screen: a broken file shows the validator's located
// problems and changes nothing; a valid one is offered at once.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";

const BUILT_IN = join(import.meta.dirname, "..", "..", "checklists", "digital-best-practice.toml");

describe("adding a checklist", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await launchApp();
    await app.driver.clickWhenReady("[data-testid=start-assessment]");
    await app.driver.waitForText("h1", (t) => t.includes("Start an assessment"));
  });

  afterAll(async () => {
    await app?.close();
    app?.cleanUp();
  });

  it("shows every problem in a broken file with its line, and offers nothing new", async () => {
    const broken = join(app.tempDir, "broken.toml");
    writeFileSync(broken, 'id = "ours"\nversoin = "1.0"\n');
    app.answerNextDialog(broken);
    await app.driver.clickWhenReady("[data-testid=add-checklist]");
    const errors = await app.driver.waitForText("[data-testid=checklist-errors]", (t) => t.length > 0);
    expect(errors).toContain("broken.toml:2:1");
    expect(errors).toMatch(/version/);
    await settle();
    await expectNoAxeViolations(app.driver, "the start screen with checklist errors");
  });

  it("offers a valid file straight away, selected", async () => {
    const mine = join(app.tempDir, "ours.toml");
    const text = readFileSync(BUILT_IN, "utf8")
      .replace('id = "digital-best-practice"', 'id = "our-digital-checklist"')
      .replace('title = "Digital best practice checklist"', 'title = "Our digital checklist"');
    writeFileSync(mine, text);
    app.answerNextDialog(mine);
    await app.driver.clickWhenReady("[data-testid=add-checklist]");
    await app.driver.waitForText("[data-testid=add-checklist-status]", (t) => t.includes("Our digital checklist"));
    const checked = await app.driver.execute<string>(
      `return document.querySelector("input[name=checklist]:checked").nextElementSibling.textContent`,
    );
    expect(checked).toContain("Our digital checklist");
  });

  it("starts a second assessment of the same council and period on the added checklist, kept apart", async () => {
    const { driver } = app;
    await driver.execute(`window.location.hash = "#/"`);
    await driver.clickWhenReady("[data-testid=load-example-data]");
    await driver.waitFor("[data-testid=example-loaded]");
    await driver.execute(`window.location.hash = "#/start"`);
    await driver.waitFor("[data-testid=start-form]");
    await driver.fill("#period", "2026/27");
    await driver.fill("#assessor", "Sam Patel");
    await driver.execute(`document.querySelector("input[name=checklist][value^='our-digital-checklist@']").click()`);
    // Last year's answers were given on the built-in checklist, so they are not offered here.
    await settle();
    expect(await driver.execute<number>(`return document.querySelectorAll("input[name=from]").length`)).toBe(0);
    await driver.clickWhenReady("[data-testid=start-submit]");
    await driver.waitForText("h1", (t) => t.includes("2026/27 assessment"));

    await driver.execute(`window.location.hash = "#/"`);
    const table = await driver.waitForText("[data-testid=organisation-assessments]", (t) => t.includes("Our digital checklist"));
    expect(table).toContain("Checklist");
    expect(table).toContain("Digital best practice checklist");
    expect(table.match(/2026\/27/g)?.length, "two assessments of 2026/27, one per checklist").toBe(2);
    const links = await driver.execute<string[]>(`return [...document.querySelectorAll("[data-testid=compare-link]")].map((a) => a.textContent)`);
    expect(links, "only the built-in checklist has years to compare").toEqual(["Compare assessments of Example District Council against Digital best practice checklist"]);
    await expectNoAxeViolations(driver, "the home screen with two checklists");
  });
});
