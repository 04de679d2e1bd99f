// Saves what the webview shows as ui/e2e/screenshots/<name>.png, for people to look at and
// for the README.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { settle } from "./app";
import type { WebDriver } from "./webdriver";

export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

export async function saveScreenshot(driver: WebDriver, name: string): Promise<string> {
  await settle();
  const png = Buffer.from(await driver.screenshot(), "base64");
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  writeFileSync(path, png);
  return path;
}
