// Starts one Xvfb for the whole E2E run (CI has no display) and checks the tools are there,
// so a missing install fails once with a clear message instead of in every test.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    display: string;
    appBinary: string;
  }
}

let xvfb: ChildProcess | undefined;

function requireTool(name: string, hint: string): void {
  if (spawnSync("sh", ["-c", `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is not installed. ${hint}`);
  }
}

async function startXvfb(): Promise<string> {
  return new Promise((resolve, reject) => {
    // -displayfd makes Xvfb pick a free display number and write it to fd 3 once ready.
    xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error("Xvfb did not start within 20 s")), 20_000);
    xvfb.stdio[3]!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("\n")) {
        clearTimeout(timer);
        resolve(`:${output.trim()}`);
      }
    });
    xvfb.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export async function setup(project: TestProject): Promise<void> {
  const binary = process.env.YARDSTICK_APP_BINARY;
  if (!binary || !existsSync(binary)) {
    throw new Error(
      `The app binary ${binary ?? "(YARDSTICK_APP_BINARY not set)"} does not exist. Run the E2E tests with \`make e2e\`, which builds it first.`,
    );
  }
  requireTool("tauri-driver", "Run `make test`, which installs it with cargo.");
  requireTool("WebKitWebDriver", "Install the Debian package webkit2gtk-driver.");
  requireTool("Xvfb", "Install the Debian package xvfb.");
  const display = await startXvfb();
  project.provide("display", display);
  project.provide("appBinary", binary);
}

export async function teardown(): Promise<void> {
  xvfb?.kill("SIGTERM");
}
