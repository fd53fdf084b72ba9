// Drives one headless Debian Chromium for the Python tests (tests/web/browser.py): one JSON
// command per line on stdin, one JSON answer per line on stdout. Every page records the URLs it
// requested, its console messages, page errors and Content-Security-Policy violations.
import { createInterface } from "node:readline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.WARLOG_CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const TIMEOUT = 30000;

const profile = mkdtempSync(join(tmpdir(), "warlog-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true,
  viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1,
});
context.setDefaultTimeout(TIMEOUT);
for (const p of context.pages()) await p.close(); // the blank first tab
const pages = new Map();
let nextId = 1;

async function newPage() {
  const page = await context.newPage();
  const log = { requests: [], console: [], errors: [] };
  page.on("request", (r) => log.requests.push(r.url()));
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  // CSP violations are reported as DOM events: collect them in the page
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const id = nextId++;
  pages.set(id, { page, log });
  return id;
}

const ops = {
  new_page: async () => ({ page: await newPage() }),
  goto: async ({ page, url, wait }) => {
    const res = await page.goto(url, { waitUntil: "load" });
    if (wait) await page.waitForSelector(wait, { state: "attached" });
    return { status: res ? res.status() : null };
  },
  wait: async ({ page, selector, state }) => { await page.waitForSelector(selector, { state: state || "attached" }); return {}; },
  eval: async ({ page, expr }) => ({ value: await page.evaluate(expr) }),
  click: async ({ page, selector }) => { await page.click(selector); return {}; },
  fill: async ({ page, selector, value }) => { await page.fill(selector, value); return {}; },
  select: async ({ page, selector, value }) => { await page.selectOption(selector, value); return {}; },
  set_files: async ({ page, selector, files }) => { await page.setInputFiles(selector, files); return {}; },
  navigate_by_click: async ({ page, selector }) => {
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(selector)]);
    return { url: page.url() };
  },
  download: async ({ page, selector, path }) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
    await download.saveAs(path);
    return { name: download.suggestedFilename(), url: download.url() };
  },
  screenshot: async ({ page, path, full }) => { await page.screenshot({ path, fullPage: Boolean(full) }); return {}; },
  log: async ({ page, log }) => ({
    ...log, violations: await page.evaluate(() => window.__violations || []), url: page.url(),
  }),
  close_page: async ({ page, id }) => { await page.close(); pages.delete(id); return {}; },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  let command;
  try {
    command = JSON.parse(line);
    if (command.op === "quit") break;
    const held = command.page ? pages.get(command.page) : null;
    if (command.page && !held) throw new Error(`no page ${command.page}`);
    const answer = await ops[command.op]({ ...command, id: command.page, page: held && held.page, log: held && held.log });
    process.stdout.write(`${JSON.stringify({ ok: true, ...answer })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: String(error && error.message || error) })}\n`);
  }
}
await context.close();
rmSync(profile, { recursive: true, force: true });
