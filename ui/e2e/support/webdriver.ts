// A small W3C WebDriver client over Node's fetch. Node's fetch keeps connections alive, which
// matters here: WebKitWebDriver behind tauri-driver drops about a third of requests that come
// with `Connection: close`.

const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {}

export interface ElementRef {
  [ELEMENT_KEY]: string;
}

export class WebDriver {
  constructor(
    private readonly baseUrl: string,
    readonly sessionId: string,
  ) {}

  static async waitUntilReady(baseUrl: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = "no answer";
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${baseUrl}/status`);
        const body = (await response.json()) as { value?: { ready?: boolean } };
        if (body.value?.ready === true) return;
        lastError = JSON.stringify(body);
      } catch (error) {
        lastError = String(error);
      }
      await sleep(100);
    }
    throw new WebDriverError(`WebDriver at ${baseUrl} was not ready after ${timeoutMs} ms: ${lastError}`);
  }

  static async newSession(baseUrl: string, application: string): Promise<WebDriver> {
    const value = await request<{ sessionId: string }>(baseUrl, "POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application } } },
    });
    return new WebDriver(baseUrl, value.sessionId);
  }

  private command<T>(method: string, path: string, body?: unknown): Promise<T> {
    return request<T>(this.baseUrl, method, `/session/${this.sessionId}${path}`, body);
  }

  async quit(): Promise<void> {
    await this.command("DELETE", "");
  }

  title(): Promise<string> {
    return this.command("GET", "/title");
  }

  async find(css: string): Promise<ElementRef> {
    return this.command("POST", "/element", { using: "css selector", value: css });
  }

  findAll(css: string): Promise<ElementRef[]> {
    return this.command("POST", "/elements", { using: "css selector", value: css });
  }

  text(element: ElementRef): Promise<string> {
    return this.command("GET", `/element/${element[ELEMENT_KEY]}/text`);
  }

  async click(element: ElementRef): Promise<void> {
    await this.command("POST", `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  async type(element: ElementRef, text: string): Promise<void> {
    await this.command("POST", `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  execute<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command("POST", "/execute/sync", { script, args });
  }

  executeAsync<T>(script: string, args: unknown[] = []): Promise<T> {
    return this.command("POST", "/execute/async", { script, args });
  }

  /** Resizes the app window: at 550 CSS pixels wide the layout is what 200% zoom gives. */
  async setWindowSize(width: number, height: number): Promise<void> {
    await this.command("POST", "/window/rect", { width, height });
  }

  async setScriptTimeout(ms: number): Promise<void> {
    await this.command("POST", "/timeouts", { script: ms });
  }

  /** The webview as a PNG, base64-encoded. */
  screenshot(): Promise<string> {
    return this.command("GET", "/screenshot");
  }

  async property(element: ElementRef, name: string): Promise<unknown> {
    return this.command("GET", `/element/${element[ELEMENT_KEY]}/property/${name}`);
  }

  async enabled(element: ElementRef): Promise<boolean> {
    return this.command("GET", `/element/${element[ELEMENT_KEY]}/enabled`);
  }

  /** Waits for `css` to match, then clicks the first element whose text contains `text`. */
  async clickText(css: string, text: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        for (const element of await this.findAll(css)) {
          if ((await this.text(element)).includes(text)) {
            await this.click(element);
            return;
          }
        }
      } catch (error) {
        if (!isStale(error)) throw error;
      }
      await sleep(100);
    }
    throw new WebDriverError(`No ${css} containing “${text}” appeared within ${timeoutMs} ms`);
  }

  /** Waits for `css` to match and clicks it. */
  async clickWhenReady(css: string, timeoutMs = 15_000): Promise<void> {
    const element = await this.waitFor(css, timeoutMs);
    await this.click(element);
  }

  async waitFor(css: string, timeoutMs = 15_000): Promise<ElementRef> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [element] = await this.findAll(css);
      if (element) return element;
      await sleep(100);
    }
    throw new WebDriverError(`Timed out after ${timeoutMs} ms waiting for ${css}`);
  }

  /**
   * Sets a field's text and fires the input and change events a person's typing fires.
   * WebKitWebDriver refuses Element Send Keys on fields below the fold ("not focusable"), so
   * real keystrokes are left to the keyboard-only test, which uses `pressKeys`.
   */
  async fill(css: string, text: string): Promise<void> {
    const element = await this.waitFor(css);
    await this.execute(
      `const field = arguments[0];
       field.scrollIntoView({ block: "center" });
       field.focus();
       field.value = arguments[1];
       field.dispatchEvent(new Event("input", { bubbles: true }));
       field.dispatchEvent(new Event("change", { bubbles: true }));`,
      [element, text],
    );
  }

  /** Presses keys on whatever has focus (W3C actions), e.g. "\uE004" for Tab. */
  async pressKeys(keys: string[]): Promise<void> {
    const actions = keys.flatMap((value) => [
      { type: "keyDown", value },
      { type: "keyUp", value },
    ]);
    await this.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Presses `key` while holding Control (W3C actions), e.g. "=" for Ctrl+=. */
  async pressWithControl(key: string): Promise<void> {
    const control = "\uE009";
    const actions = [
      { type: "keyDown", value: control },
      { type: "keyDown", value: key },
      { type: "keyUp", value: key },
      { type: "keyUp", value: control },
    ];
    await this.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Polls `css` until an element matches and `accept` approves its text. */
  async waitForText(css: string, accept: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = "(no element)";
    while (Date.now() < deadline) {
      try {
        const [element] = await this.findAll(css);
        if (element) {
          last = await this.text(element);
          if (accept(last)) return last;
        }
      } catch (error) {
        // Svelte may replace the node between finding it and reading it: look again.
        if (!isStale(error)) throw error;
      }
      await sleep(100);
    }
    throw new WebDriverError(`Timed out after ${timeoutMs} ms waiting for ${css}; last text: ${last}`);
  }
}

async function request<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) {
    const { error, message } = payload.value ?? {};
    throw new WebDriverError(`${method} ${path} failed (${response.status} ${error}): ${message}`);
  }
  return payload.value;
}

function isStale(error: unknown): boolean {
  return error instanceof WebDriverError && /stale element|no such element/.test(error.message);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
