// Screens are addressed by the URL hash (`#/assessments/3/questions/promotion`), so links are
// real links (keyboard, screen readers, open-in-place) and Back works as people expect.

export type Route =
  | { name: "home" }
  | { name: "start" }
  | { name: "settings" }
  | { name: "tasks"; assessmentId: number }
  | { name: "question"; assessmentId: number; questionId: string }
  | { name: "summary"; assessmentId: number }
  | { name: "signoff"; assessmentId: number }
  | { name: "compare"; assessmentId: number }
  | { name: "contributions"; assessmentId: number }
  | { name: "contribution"; assessmentId: number; contributionId: number }
  | { name: "answering"; requestId: number }
  | { name: "answering-question"; requestId: number; questionId: string }
  | { name: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: "home" };
  if (parts.length === 1 && parts[0] === "start") return { name: "start" };
  if (parts.length === 1 && parts[0] === "settings") return { name: "settings" };
  if (parts[0] === "assessments" && parts.length >= 2) {
    const assessmentId = Number(parts[1]);
    if (Number.isInteger(assessmentId) && assessmentId > 0) {
      if (parts.length === 2) return { name: "tasks", assessmentId };
      if (parts.length === 4 && parts[2] === "questions") {
        return { name: "question", assessmentId, questionId: parts[3] };
      }
      if (parts.length === 3 && parts[2] === "summary") return { name: "summary", assessmentId };
      if (parts.length === 3 && parts[2] === "sign-off") return { name: "signoff", assessmentId };
      if (parts.length === 3 && parts[2] === "compare") return { name: "compare", assessmentId };
      if (parts.length === 3 && parts[2] === "contributions") return { name: "contributions", assessmentId };
      if (parts.length === 4 && parts[2] === "contributions") {
        const contributionId = Number(parts[3]);
        if (Number.isInteger(contributionId) && contributionId > 0) return { name: "contribution", assessmentId, contributionId };
      }
    }
  }
  if (parts[0] === "requests" && parts.length >= 2) {
    const requestId = Number(parts[1]);
    if (Number.isInteger(requestId) && requestId > 0) {
      if (parts.length === 2) return { name: "answering", requestId };
      if (parts.length === 4 && parts[2] === "questions") return { name: "answering-question", requestId, questionId: parts[3] };
    }
  }
  return { name: "not-found", path };
}

export function href(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "start":
      return "#/start";
    case "settings":
      return "#/settings";
    case "tasks":
      return `#/assessments/${route.assessmentId}`;
    case "question":
      return `#/assessments/${route.assessmentId}/questions/${encodeURIComponent(route.questionId)}`;
    case "summary":
      return `#/assessments/${route.assessmentId}/summary`;
    case "signoff":
      return `#/assessments/${route.assessmentId}/sign-off`;
    case "compare":
      return `#/assessments/${route.assessmentId}/compare`;
    case "contributions":
      return `#/assessments/${route.assessmentId}/contributions`;
    case "contribution":
      return `#/assessments/${route.assessmentId}/contributions/${route.contributionId}`;
    case "answering":
      return `#/requests/${route.requestId}`;
    case "answering-question":
      return `#/requests/${route.requestId}/questions/${encodeURIComponent(route.questionId)}`;
    case "not-found":
      return `#${route.path}`;
  }
}

class Router {
  route = $state<Route>(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener("hashchange", () => {
      this.route = parseRoute(window.location.hash);
    });
  }

  go(route: Route): void {
    window.location.hash = href(route);
  }
}

export const router = new Router();

/** Sets the window title the way screen readers announce it: screen first, then the app. */
export function setPageTitle(screen: string): void {
  document.title = `${screen} – Yardstick`;
}
