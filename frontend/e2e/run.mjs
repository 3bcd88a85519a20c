// End-to-end run in Debian's Chromium: every view in four languages checked by axe (WCAG 2.1 AA) and
// screenshotted (`--languages=en,de` narrows the languages), then keyboard, layout and behaviour scenarios. Ends with "N passed, N failed".
import { launchChromium } from './browser.mjs';
import { axeViolations, contextIn, openView, screenshot, SCREENSHOTS } from './checks.mjs';
import * as scenarios from './scenarios.mjs';
import { serveBuild } from './server.mjs';
import { AXE_LANGUAGES, VIEWS } from './views.mjs';

const languagesArgument = process.argv.find((arg) => arg.startsWith('--languages='));
const languages = languagesArgument ? languagesArgument.slice('--languages='.length).split(',') : AXE_LANGUAGES;
const results = { passed: 0, failed: 0 };

async function check(name, run) {
  try {
    await run();
    results.passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    results.failed += 1;
    console.log(`FAIL ${name}\n     ${String(error.message ?? error).split('\n').join('\n     ')}`);
  }
}

const server = await serveBuild('e2e/vite.demo.config.ts');
const browser = await launchChromium();
try {
  for (const language of languages) {
    const context = await contextIn(browser, language, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    for (const view of VIEWS) {
      await check(`axe ${view.name} [${language}]`, async () => {
        pageErrors.length = 0;
        await openView(page, server.url, view.path);
        if (pageErrors.length) throw new Error(`page errors (Content-Security-Policy included): ${pageErrors.join('; ')}`);
        await screenshot(page, `${view.name}-${language}`);
        const violations = await axeViolations(page);
        if (violations.length) throw new Error(violations.join('\n'));
      });
    }
    await context.close();
  }
  await check('language switcher by keyboard', () => scenarios.languageSwitcherByKeyboard(browser, server.url));
  await check('map by keyboard', () => scenarios.mapByKeyboard(browser, server.url));
  await check('small states visible on the map', () => scenarios.smallStatesVisible(browser, server.url));
  await check('stale version explained', () => scenarios.staleVersionExplained(browser, server.url));
  await check('machine translation labelled', () => scenarios.translationLabelled(browser, server.url));
  await check('shareable address', () => scenarios.shareableAddress(browser, server.url));
  await check('360 px wide', () => scenarios.narrowScreen(browser, server.url, VIEWS));
} finally {
  await browser.close();
  await server.close();
}

console.log(`screenshots: ${SCREENSHOTS}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
