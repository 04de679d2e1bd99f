// The stylesheet is linked from the page's head, so index.html's frame is painted styled.
import "./styles/app.scss";

// The app's code loads while the window paints index.html's frame, as a bare page would, and
// runs only once that frame is painted. A hidden window may never draw a frame, so a timer
// starts the app regardless.
const app = import("./app");
let started = false;
function start() {
  if (started) return;
  started = true;
  app
    .then((module) => module.start())
    .catch((error: unknown) => {
      // Without its code the app cannot draw anything; say so rather than leave the frame.
      const main = document.getElementById("main-content");
      if (main) main.innerHTML = `<h1 class="govuk-heading-xl">Yardstick could not start</h1><p class="govuk-body"></p>`;
      main?.querySelector("p")?.append(`Restart Yardstick. If this keeps happening, reinstall it. Details: ${String(error)}`);
    });
}
requestAnimationFrame(() => setTimeout(start));
setTimeout(start, 50);
