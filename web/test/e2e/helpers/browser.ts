import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';
import { WEB_DIR } from './platform';

export const SCREENSHOTS = join(WEB_DIR, 'test-results', 'screenshots');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** Script errors the page threw (uncaught exceptions), for a scenario to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A fresh browser session (its own sessionStorage) signed in as `username`. */
export async function signIn(browser: Browser, baseUrl: string, username: string, password: string) {
  const context: BrowserContext = await browser.newContext({ viewport: DESKTOP, locale: 'es-CO' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeResults = z.object({
  violations: z.array(
    z.object({
      id: z.string(),
      help: z.string(),
      nodes: z.array(z.object({ target: z.array(z.unknown()) })),
    }),
  ),
});

let axeText: string | undefined;
async function axeSource(): Promise<string> {
  axeText ??= await readFile(AXE_SOURCE, 'utf8');
  return axeText;
}

/** axe-core's violations on the page as rendered by Chromium, colour contrast included. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the gateway's
  // Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(`(() => { ${await axeSource()}\n; return typeof window.axe; })()`);
  const raw: unknown = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe;
    return axe.run(document);
  });
  return axeResults
    .parse(raw)
    .violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Whether the page fits its viewport without sideways scrolling of the whole document. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
