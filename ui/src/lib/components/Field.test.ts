import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import TextInput from "./TextInput.svelte";

describe("form fields", () => {
  it("links the hint and the error to the control, so screen readers read both", () => {
    const { container } = render(TextInput, { id: "period", label: "Period", hint: "Like 2026/27", error: "Enter a period" });
    const input = container.querySelector("input")!;
    expect(input.getAttribute("aria-describedby")).toBe("period-hint period-error");
    expect(container.querySelector("#period-error")!.textContent).toContain("Error:");
    expect(container.querySelector(".govuk-form-group--error")).not.toBeNull();
  });

  it("has no aria-describedby when there is nothing to describe", () => {
    const { container } = render(TextInput, { id: "name", label: "Name" });
    expect(container.querySelector("input")!.hasAttribute("aria-describedby")).toBe(false);
    expect(container.querySelector("label")!.getAttribute("for")).toBe("name");
  });
});
