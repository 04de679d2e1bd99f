// Launches the real Yardstick binary for one test: its own database in a temp dir, its own
// tauri-driver on free ports, and a WebDriver session attached to the app's webview.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { WebDriver, sleep } from "./webdriver";

export interface RunningApp {
  driver: WebDriver;
  /** The database file this app instance uses (YARDSTICK_DB). */
  databasePath: string;
  /** Milliseconds from asking for a session to the home screen's heading being shown. */
  launchMs: number;
  /** When the session was asked for, in milliseconds since the epoch (as `performance.timeOrigin`). */
  startedAt: number;
  /** Ends the session and the driver; the database stays until `cleanUp`. */
  close(): Promise<void>;
  /** Removes the temp dir, for tests that no longer need the database. */
  cleanUp(): void;
  /** The temp dir this instance owns, for files a test makes. */
  tempDir: string;
  /**
   * Scripts the next native dialog's answer (a path, or "cancel"): WebDriver cannot reach a
   * GTK dialog, so debug builds read answers from a file (see src-tauri/src/dialogs.rs).
   */
  answerNextDialog(answer: string): void;
}

export interface LaunchOptions {
  /** Reuse a database (e.g. to restart the app and find work as it was). */
  databasePath?: string;
  /** Reuse a temp dir (with its evidence folder and dialog script) across a restart. */
  tempDir?: string;
  /** Wait for this CSS selector to appear before returning (default: the page's h1). */
  readySelector?: string;
  /** Another Tauri binary to launch instead of Yardstick (the bare window, for comparison). */
  binary?: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const tempDir = options.tempDir ?? mkdtempSync(join(tmpdir(), "yardstick-e2e-"));
  const dialogAnswers = join(tempDir, "dialog-answers.txt");
  writeFileSync(dialogAnswers, "");
  const databasePath = options.databasePath ?? join(tempDir, "yardstick.sqlite3");
  const port = await freePort();
  // Two look-ups can hand back the same just-freed port; tauri-driver then cannot start its
  // WebKitWebDriver and the test hangs, so ask again until they differ.
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const driverProcess = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env: {
      ...process.env,
      DISPLAY: inject("display"),
      YARDSTICK_DB: databasePath,
      YARDSTICK_TEST_DIALOG_ANSWERS: dialogAnswers,
      // The app's own data (settings, evidence) goes under the temp dir, never the user's home.
      XDG_DATA_HOME: join(tempDir, "data"),
      XDG_CONFIG_HOME: join(tempDir, "config"),
      // Software rendering: Xvfb has no GPU, and the DMA-BUF renderer fails without one.
      WEBKIT_DISABLE_DMABUF_RENDERER: "1",
      LIBGL_ALWAYS_SOFTWARE: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let driverLog = "";
  driverProcess.stderr!.on("data", (chunk: Buffer) => {
    driverLog = (driverLog + chunk.toString()).slice(-4_000);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await WebDriver.waitUntilReady(baseUrl);
    const started = performance.now();
    const startedAt = performance.timeOrigin + started;
    const driver = await WebDriver.newSession(baseUrl, options.binary ?? inject("appBinary"));
    await driver.waitForText(options.readySelector ?? "h1", (text) => text.trim().length > 0);
    const launchMs = performance.now() - started;
    if (!options.binary) {
      // index.html's frame shows its heading before the app runs; tests act on the app, so
      // wait until it has replaced the frame (it marks the page then, see src/app.ts).
      await driver.executeAsync(`
        const done = arguments[arguments.length - 1];
        (function look() {
          if (document.body.classList.contains("js-enabled")) done(true);
          else setTimeout(look, 10);
        })();
      `);
    }
    return {
      driver,
      databasePath,
      launchMs,
      startedAt,
      tempDir,
      answerNextDialog(answer: string) {
        appendFileSync(dialogAnswers, `${answer}\n`);
      },
      async close() {
        await driver.quit().catch(() => undefined);
        await stopProcess(driverProcess);
      },
      cleanUp() {
        rmSync(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopProcess(driverProcess);
    throw new Error(`Could not start Yardstick under tauri-driver: ${String(error)}\ntauri-driver said:\n${driverLog}`);
  }
}

/** Lets the webview finish rendering after a DOM change before a screenshot or axe run. */
export function settle(): Promise<void> {
  return sleep(150);
}
