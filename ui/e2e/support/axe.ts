// Runs axe-core inside the real webview and fails on any violation, naming each rule and
// the elements it found, so an accessibility regression reads like a bug report.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { WebDriver } from "./webdriver";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function axeViolations(driver: WebDriver): Promise<AxeViolation[]> {
  await driver.execute(`if (!window.axe) { ${axeSource} }`);
  await driver.setScriptTimeout(30_000);
  const raw = await driver.executeAsync<string>(`
    const done = arguments[arguments.length - 1];
    window.axe
      .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
      .then((result) => done(JSON.stringify(result.violations)))
      .catch((error) => done(JSON.stringify([{ id: "axe-error", impact: "critical", help: String(error), nodes: [] }])));
  `);
  return JSON.parse(raw) as AxeViolation[];
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(" ")}`).join("\n")}`)
    .join("\n");
}

/** Fails the test with a readable list when axe finds anything. */
export async function expectNoAxeViolations(driver: WebDriver, screen: string): Promise<void> {
  const violations = await axeViolations(driver);
  if (violations.length > 0) {
    throw new Error(`axe-core found ${violations.length} accessibility problem(s) on ${screen}:\n${describeViolations(violations)}`);
  }
}
