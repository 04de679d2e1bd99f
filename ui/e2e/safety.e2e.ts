// Nothing lost: typing survives closing the window straight away, and a backup made in the
// app restores into a fresh data folder with its attached files.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, inject } from "vitest";
import { launchApp, settle, type RunningApp } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { saveScreenshot } from "./support/screenshot";
import { sleep } from "./support/webdriver";

const started: RunningApp[] = [];

async function launch(options: Parameters<typeof launchApp>[0] = {}): Promise<RunningApp> {
  const app = await launchApp(options);
  started.push(app);
  return app;
}

afterAll(async () => {
  for (const app of started) await app.close();
  for (const app of started) app.cleanUp();
});

/** Loads the example council and opens question 1 of its latest (draft) assessment. */
async function exampleQuestion(app: RunningApp): Promise<void> {
  const { driver } = app;
  await driver.clickWhenReady("[data-testid=load-example-data]");
  await driver.waitFor("[data-testid=organisation-assessments]");
  await driver.execute("window.location.hash = '#/assessments/3/questions/promotion'");
  await driver.waitFor("#rationale");
  await settle();
}

/**
 * True once the app has exited (its last window closed). Asked of the process table rather
 * than WebDriver, whose calls can hang once the page has gone; e2e files run one at a time,
 * so the only Yardstick process is this test's.
 */
/**
 * Whether the app using `databasePath` is still running. Other Yardstick processes on the
 * machine (another test run, a developer's copy) use other databases, so they do not count.
 */
function appRunning(databasePath: string): boolean {
  const found = spawnSync("pgrep", ["-x", "yardstick-app"], { encoding: "utf8" });
  return found.stdout
    .split("\n")
    .filter(Boolean)
    .some((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`YARDSTICK_DB=${databasePath}`);
      } catch {
        return false; // it ended while we looked
      }
    });
}

async function appExited(databasePath: string, timeoutMs = 15_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!appRunning(databasePath)) return true;
    await sleep(200);
  }
  return false;
}

describe("nothing is lost", () => {
  it("keeps a rationale typed just before the window is closed", async () => {
    const first = await launch();
    await exampleQuestion(first);
    const typed = "Typed a moment before closing the window";
    // The closer finds the window first, so the close follows the typing within milliseconds,
    // well inside the autosave pause: only the close-time flush can save the text.
    const closer = spawn("/usr/bin/python3", [join(import.meta.dirname, "support", "close_window.py"), "--on-enter"], {
      env: { ...process.env, DISPLAY: inject("display") },
      stdio: ["pipe", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => closer.stdout!.once("data", () => resolve()));
    await first.driver.execute(
      "const box = document.getElementById('rationale'); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }));",
      [typed],
    );
    expect(appRunning(first.databasePath), "the app is found by its database before the close").toBe(true);
    closer.stdin!.end("\n");
    await new Promise((resolve) => closer.once("exit", resolve));
    expect(await appExited(first.databasePath), "the close button closes the window and ends the app").toBe(true);
    await first.close();

    const second = await launch({ databasePath: first.databasePath, tempDir: first.tempDir });
    await second.driver.execute("window.location.hash = '#/assessments/3/questions/promotion'");
    await second.driver.waitFor("#rationale");
    expect(await second.driver.property(await second.driver.find("#rationale"), "value")).toBe(typed);
  });

  it("zooms with Ctrl+= and Ctrl+0, and keeps the zoom for the next start", async () => {
    // People who need larger text set it once; it must not reset every time the app opens.
    const first = await launch();
    const width = () => first.driver.execute<number>("return window.innerWidth");
    const normal = await width();
    await first.driver.pressWithControl("=");
    await expect.poll(width).toBeLessThan(normal);
    const zoomed = await width();
    await first.close();
    const second = await launch({ databasePath: first.databasePath, tempDir: first.tempDir });
    await expect.poll(() => second.driver.execute<number>("return window.innerWidth")).toBe(zoomed);
    await second.driver.pressWithControl("0");
    await expect.poll(() => second.driver.execute<number>("return window.innerWidth")).toBe(normal);
  });

  it("makes the daily backup at start on its own connection, while the screens keep answering", async () => {
    const first = await launch();
    await first.driver.clickWhenReady("[data-testid=load-example-data]");
    await first.driver.waitFor("[data-testid=organisation-assessments]");
    await first.close();
    const backups = join(first.tempDir, "backups");
    const daily = () => (existsSync(backups) ? readdirSync(backups).filter((name) => name.includes("-daily.")) : []);
    expect(daily()).toEqual([]);
    const second = await launch({ databasePath: first.databasePath, tempDir: first.tempDir });
    // The home screen lists the council whether or not the backup has finished.
    await second.driver.waitFor("[data-testid=organisation-assessments]");
    await expect.poll(daily, { timeout: 15_000 }).toHaveLength(1);
  });

  it("backs up in the app and restores into a fresh data folder, attached files included", async () => {
    const source = await launch();
    await exampleQuestion(source);
    const evidence = join(source.tempDir, "channel-shift-report.txt");
    writeFileSync(evidence, "Avoidable contact fell 12% after the web form went live.\n");
    source.answerNextDialog(evidence);
    await source.driver.clickWhenReady("[data-testid=attach-files]");
    await source.driver.waitForText("[data-testid=evidence-status]", (t) => t.includes("Attached channel-shift-report.txt"));

    await source.driver.execute("window.location.hash = '#/settings'");
    const archive = join(source.tempDir, "everything.ysbackup");
    source.answerNextDialog(archive);
    await source.driver.clickWhenReady("[data-testid=back-up-now]");
    await source.driver.waitForText("[data-testid=backup-status]", (t) => t.includes("backed up to"));
    expect(existsSync(archive)).toBe(true);
    await expectNoAxeViolations(source.driver, "settings with a backup made");
    await saveScreenshot(source.driver, "settings-backup");

    const fresh = await launch();
    await fresh.driver.execute("window.location.hash = '#/settings'");
    fresh.answerNextDialog(archive);
    await fresh.driver.clickWhenReady("[data-testid=restore-backup]");
    const said = await fresh.driver.waitForText("[data-testid=backup-status]", (t) => t.startsWith("Restored"));
    expect(said).toContain("can be undone");
    await fresh.driver.execute("window.location.hash = '#/assessments/3/questions/promotion'");
    const list = await fresh.driver.waitForText("[data-testid=evidence-list]", (t) => t.includes("channel-shift-report.txt"));
    expect(list, "the file came back with the database, so it is not reported missing").not.toContain("File missing");
  });
});
