import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { shareSession, signInApi } from './api.mjs';
import { DEMO_PASSWORD } from './backend.mjs';

export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** A browser context whose interface language is already chosen (as if picked before). */
export async function contextIn(browser, language, options = {}) {
  const context = await browser.newContext({ locale: language, ...options });
  await context.addInitScript((lang) => localStorage.setItem('imi.language', lang), language);
  context.setDefaultTimeout(30_000);
  return context;
}

const sessions = new Map();

/** One session per official for the whole run (signing in costs a password hash on the server). */
function sessionOf(baseUrl, email) {
  if (!sessions.has(email)) sessions.set(email, signInApi(baseUrl, email, DEMO_PASSWORD));
  return sessions.get(email);
}

/** A context in `language`, signed in as `email` (the session is opened through the API, as a sign-in would). */
export async function signedInContext(browser, baseUrl, email, language, options = {}) {
  const context = await contextIn(browser, language, options);
  await shareSession(context, baseUrl, await sessionOf(baseUrl, email));
  return context;
}

/** Opens a view and waits until its data and its charts are drawn. */
export async function openView(page, baseUrl, path) {
  await page.goto(`${baseUrl}${path}`);
  await settled(page);
}

/** Waits until the page has its heading and nothing is loading any more. */
export async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading, .plot-chart[aria-busy="true"]'));
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Presses Tab until the focused element matches, at most `limit` times; fails if it never gets there. */
export async function tabTo(page, selector, limit = 150) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reaches ${selector}`);
}

/** Whether Tab reaches the selector (for checks that report rather than stop). */
export async function canTabTo(page, selector, limit = 150) {
  try {
    await tabTo(page, selector, limit);
    return true;
  } catch {
    return false;
  }
}

const catalogues = new Map();

/** An interface string of the catalogue (`states.REQUEST.SENT`), to compare with what the page shows. */
export async function text(language, key) {
  if (!catalogues.has(language)) {
    const file = new URL(`../src/i18n/locales/${language}.json`, import.meta.url);
    catalogues.set(language, JSON.parse(await readFile(file, 'utf8')));
  }
  const value = key.split('.').reduce((node, part) => node?.[part], catalogues.get(language));
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${language}`);
  return value;
}

/** Waits until the overview says the exchange is in this state of its workflow. */
export async function waitForState(page, state) {
  await page.locator(`.overview [data-state="${state}"]`).waitFor();
}

/** The text of the polite live region once something is announced in it. */
export async function announcement(page) {
  const region = page.locator('[data-testid="live-polite"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="live-polite"]')?.textContent !== '');
  return region.textContent();
}

/**
 * One page per viewer, opened when first needed and reused from view to view; each collects the page errors
 * (the Content-Security-Policy's included) of the view shown.
 */
export function viewerPages(browser, language, options, contextFor) {
  const pages = new Map();
  return {
    async page(viewerName) {
      if (!pages.has(viewerName)) {
        const context = await contextFor(viewerName)(browser, language, options);
        const page = await context.newPage();
        page.errors = [];
        page.on('pageerror', (error) => page.errors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && page.errors.push(message.text()));
        pages.set(viewerName, page);
      }
      const page = pages.get(viewerName);
      page.errors.length = 0;
      return page;
    },
    async close() {
      for (const page of pages.values()) await page.context().close();
    },
  };
}
