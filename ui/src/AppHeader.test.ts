import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import AppHeader from "./AppHeader.svelte";

// The frame index.html shows before the app's script runs must be the one the app then draws,
// or the window would change under the reader's eyes (and a screen reader would read it twice).
function normalised(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/>\s+</g, "><")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the frame shown at start-up", () => {
  it("is the app's own header, on the home screen", () => {
    const page = new DOMParser().parseFromString(readFileSync(join(__dirname, "..", "index.html"), "utf8"), "text/html");
    const staticHeader = page.querySelector("header")!;
    const { container } = render(AppHeader, { home: true, settings: false });
    expect(normalised(staticHeader.outerHTML)).toBe(normalised(container.querySelector("header")!.outerHTML));
    expect(page.querySelector("main h1")!.textContent).toBe("Your assessments");
  });

  it("marks the current screen in the navigation", () => {
    const { container } = render(AppHeader, { home: false, settings: true });
    const current = [...container.querySelectorAll("a[aria-current='page']")].map((a) => a.textContent);
    expect(current).toEqual(["Settings"]);
  });
});
