import "./styles/app.scss";
import { mount } from "svelte";
import App from "./App.svelte";

// GOV.UK Frontend styles some components differently once it knows its JavaScript can run.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element to mount Yardstick into.");

export default mount(App, { target });
