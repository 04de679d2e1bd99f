import { describe, expect, it } from "vitest";
import { exportedText } from "./exchange";

describe("export messages", () => {
  it("names both files of a CSV export, since the actions go beside the answers", () => {
    expect(exportedText(["/a.csv", "/a-actions.csv"])).toBe("The answers were saved as /a.csv and the actions as /a-actions.csv.");
    expect(exportedText(["/a.json"])).toBe("The assessment was saved as /a.json.");
  });
});
