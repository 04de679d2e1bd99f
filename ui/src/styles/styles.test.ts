// app.scss ships only the GOV.UK override classes the screens use (issue #14: the window
// parses the whole stylesheet before its first frame). A class used but not shipped would
// silently do nothing, so every one the source names must be in the stylesheet.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname, "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("GOV.UK override classes", () => {
  const stylesheet = readFileSync(join(SRC, "styles", "app.scss"), "utf8");
  const used = new Set(sourceFiles(SRC).flatMap((file) => readFileSync(file, "utf8").match(/govuk-!-[a-z0-9-]+/g) ?? []));

  it("finds the classes the screens use", () => {
    expect(used).toContain("govuk-!-margin-bottom-0");
  });

  it("ships every margin override a screen uses", () => {
    const list = stylesheet.match(/\$app-margin-overrides:([^;]+);/)?.[1] ?? "";
    const shipped = new Set([...list.matchAll(/\("(\w+)" (\d+)\)/g)].map(([, direction, point]) => `govuk-!-margin-${direction}-${point}`));
    const margins = [...used].filter((name) => name.startsWith("govuk-!-margin-"));
    expect(margins.length).toBeGreaterThan(0);
    expect(margins.filter((name) => !shipped.has(name))).toEqual([]);
  });

  it("uses no other kind of override than those the stylesheet includes", () => {
    const kinds = new Set([...used].map((name) => name.split("-")[2]));
    for (const kind of kinds) {
      if (kind === "margin") continue;
      expect(stylesheet, `app.scss includes GOV.UK's ${kind} overrides`).toContain(`@use "pkg:govuk-frontend/overrides/${kind}";`);
    }
  });
});
