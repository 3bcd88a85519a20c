import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from './views.mjs';

export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/** A browser context whose interface language is already chosen (as if picked before). */
export async function contextIn(browser, language, options = {}) {
  const context = await browser.newContext({ locale: language, ...options });
  await context.addInitScript((lang) => localStorage.setItem('imi.language', lang), language);
  context.setDefaultTimeout(10_000);
  return context;
}

/** Opens a view and waits until its data and its charts are drawn. */
export async function openView(page, baseUrl, path) {
  await page.goto(`${baseUrl}${path}`);
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

/** Presses Tab until the focused element matches, at most `limit` times; returns whether it got there. */
export async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}
