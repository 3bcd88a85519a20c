// End-to-end run against the real backend, in Debian's Chromium: the request and alert stories with the keyboard,
// the scoreboard on a crafted year, then every view in four languages checked by axe (WCAG 2.1 AA) and
// screenshotted (`--languages=en,de` narrows the languages, `--only=alert` the checks to those whose name has it),
// and layout and behaviour scenarios.
// Builds the app, starts and seeds its own backend, stops it at the end. Ends with "N passed, N failed".
import { rm } from 'node:fs/promises';
import { startBackend } from './backend.mjs';
import { launchChromium } from './browser.mjs';
import { buildApp } from './build.mjs';
import { castExtras, GERMAN_OFFICIAL, seed } from './cast.mjs';
import { axeViolations, openView, screenshot, SCREENSHOTS, viewerPages } from './checks.mjs';
import * as scenarios from './scenarios.mjs';
import * as story from './story.mjs';
import { AXE_LANGUAGES, viewer, views } from './views.mjs';

const languagesArgument = process.argv.find((arg) => arg.startsWith('--languages='));
const languages = languagesArgument ? languagesArgument.slice('--languages='.length).split(',') : AXE_LANGUAGES;
const onlyArgument = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArgument ? onlyArgument.slice('--only='.length) : '';
const results = { passed: 0, failed: 0 };
const started = Date.now();

async function check(name, run) {
  if (!name.includes(only)) return;
  const start = Date.now();
  try {
    await run();
    results.passed += 1;
    console.log(`ok   ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.failed += 1;
    console.log(`FAIL ${name}\n     ${String(error.message ?? error).split('\n').join('\n     ')}`);
  }
}

/** Every view in one language: no page error (the Content-Security-Policy included), no axe violation. */
async function checkViews(browser, baseUrl, list, language) {
  const pages = viewerPages(browser, language, { viewport: { width: 1280, height: 900 } }, (name) => viewer(name, baseUrl));
  try {
    for (const view of list) {
      await check(`axe ${view.name} [${language}]`, async () => {
        const page = await pages.page(view.viewer);
        await openView(page, baseUrl, view.path);
        if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
        await screenshot(page, `${view.name}-${language}`);
        const violations = await axeViolations(page);
        if (violations.length) throw new Error(violations.join('\n'));
      });
    }
  } finally {
    await pages.close();
  }
}

/** The languages two at a time: each view's checks run in its own renderer, so two cores are kept busy. */
async function checkViewsInLanguages(browser, baseUrl, list) {
  for (let index = 0; index < languages.length; index += 2) {
    await Promise.all(languages.slice(index, index + 2).map((language) => checkViews(browser, baseUrl, list, language)));
  }
}

/** A request of the demo data, for the request view when the story could not make one. */
async function demoRequestPath(german) {
  const { exchanges } = await german.query('{ exchanges(input: { box: TO_ANSWER, kinds: [REQUEST], first: 1 }) { edges { node { id } } } }');
  const id = exchanges.edges[0]?.node.id;
  return id ? `/requests/${encodeURIComponent(id)}` : null;
}

await rm(SCREENSHOTS, { recursive: true, force: true });
await buildApp();
const backend = await startBackend(seed);
const browser = await launchChromium();
try {
  const { german } = await castExtras(backend);
  const url = backend.url;
  const made = {};
  await check(`${GERMAN_OFFICIAL} signs in and out by keyboard`, () => scenarios.signInByKeyboard(browser, url));
  await check('a wrong password is explained', () => scenarios.wrongPasswordExplained(browser, url));
  await check('German official sends a request to a Polish authority found in German', () => story.germanSendsRequest(browser, url, made));
  await check('Polish official (in Polish) accepts with a new date and answers with a comment', () => story.polishAcceptsAndAnswers(browser, url, made));
  await check('German official reads the answer and the comment, closes with the survey', () => story.germanReadsAnswerAndCloses(browser, url, made));
  await check('professional-qualification alert broadcast, allocated and acknowledged', () => story.alertBroadcastAndAcknowledged(browser, url, made));
  await check('machine translation labelled with its engine, original one click away', () => scenarios.machineTranslationLabelled(browser, url));
  await check('stale version explained, with a reload', () => scenarios.staleVersionExplained(browser, url));
  await check('scoreboard map colours for the crafted year', () => scenarios.scoreboardColours(browser, url));
  await check('coordinator registers, validates and grants an authority; adds a user', () => scenarios.coordinatorAdministers(browser, url));
  await check('official creates an API token, sees it once, revokes it', () => scenarios.officialManagesApiTokens(browser, url));
  const list = views({ requestPath: made.requestPath ?? (await demoRequestPath(german)), alertPath: made.alertPath });
  await checkViewsInLanguages(browser, url, list);
  await check('language switcher by keyboard', () => scenarios.languageSwitcherByKeyboard(browser, url));
  await check('map by keyboard', () => scenarios.mapByKeyboard(browser, url));
  await check('shareable address', () => scenarios.shareableAddress(browser, url));
  await check('360 px wide', () => scenarios.narrowScreen(browser, url, list, (name) => viewer(name, url)));
  console.log(`note: the Polish comment, read in German: ${made.translation ?? 'no machine translation available for this pair'}`);
} finally {
  await browser.close();
  await backend.stop();
}

console.log(`screenshots: ${SCREENSHOTS}`);
console.log(`${results.passed} passed, ${results.failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(results.failed ? 1 : 0);
