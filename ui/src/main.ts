// The stylesheet is linked from the page's head, so index.html's frame is painted styled.
import "./styles/app.scss";

// The window paints index.html's frame first, as a bare page would. The app's code is asked
// for as that first frame begins, so it arrives while the frame is drawn instead of being
// read in front of it, and runs once the frame is painted. A hidden window may never draw a
// frame, so a timer starts the app regardless, long after a first frame would have come.
let app: Promise<typeof import("./app")> | null = null;
const load = () => (app ??= import("./app"));
let started = false;
function start() {
  if (started) return;
  started = true;
  load()
    .then((module) => module.start())
    .catch((error: unknown) => {
      // Without its code the app cannot draw anything; say so rather than leave the frame.
      const main = document.getElementById("main-content");
      if (main) main.innerHTML = `<h1 class="govuk-heading-xl">Yardstick could not start</h1><p class="govuk-body"></p>`;
      main?.querySelector("p")?.append(`Restart Yardstick. If this keeps happening, reinstall it. Details: ${String(error)}`);
    });
}
requestAnimationFrame(() => {
  void load();
  setTimeout(start);
});
setTimeout(start, 200);
