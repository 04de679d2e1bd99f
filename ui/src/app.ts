import { mount } from "svelte";
import App from "./App.svelte";
import { watchForSettled } from "./lib/startup";

/** Replaces index.html's frame with the app. */
export function start(): void {
  // GOV.UK Frontend styles some components differently once it knows its JavaScript can run.
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  const target = document.getElementById("app");
  if (!target) throw new Error("The page has no #app element to mount Yardstick into.");
  // The app draws the same frame index.html showed, in the same task, so nothing flickers.
  target.replaceChildren();
  mount(App, { target });
  watchForSettled();
}
