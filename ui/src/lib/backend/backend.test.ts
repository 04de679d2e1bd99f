import { describe, expect, it } from "vitest";
import { toBackendError } from "./index";

describe("toBackendError", () => {
  it("keeps the kind and message the Rust side sent, so the UI can branch on the kind", () => {
    const error = toBackendError({ kind: "locked", message: "This assessment is final." });
    expect(error.kind).toBe("locked");
    expect(error.message).toBe("This assessment is final.");
  });

  it("keeps the field and the problem list, so forms put errors beside fields without reading messages", () => {
    const error = toBackendError({ kind: "conflict", message: "Already there.", field: "period", problems: ["a", 3, "b"] });
    expect(error.field).toBe("period");
    expect(error.problems).toEqual(["a", "b"]);
    expect(toBackendError({ kind: "locked", message: "x" }).field).toBeNull();
  });

  it("treats an unknown kind as a generic failure rather than trusting it", () => {
    expect(toBackendError({ kind: "exploded", message: "x" }).kind).toBe("internal");
  });

  it("treats a bare string rejection as a generic failure with a readable message", () => {
    const error = toBackendError("command list_assessments not found");
    expect(error.kind).toBe("internal");
    expect(error.message).toMatch(/Try again/);
  });
});
