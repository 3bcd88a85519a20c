// Production bundle weight and Lighthouse scores against the real backend with demo data, as a markdown table.
// First-load JS: the scripts index.html loads or preloads, plus the English catalogue fetched before the first render.
// Lighthouse (mobile, simulated throttling) runs in Chromium, signed in as an official, on the scoreboard and my work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { signInApi } from '../e2e/api.mjs';
import { DEMO_PASSWORD, imi, startBackend } from '../e2e/backend.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.mjs';
import { buildApp } from '../e2e/build.mjs';
import { GERMAN_OFFICIAL } from '../e2e/cast.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_KB = 250;
/** The demo data at the size `make run` seeds. */
const DEMO_SCALE = '1';
const PAGES = [
  { name: 'scoreboard', path: '/scoreboard' },
  { name: 'my work', path: '/?list=toAnswer' },
];

function kilobytes(bytes) {
  return Math.round((bytes / 1024) * 10) / 10;
}

function firstLoadScripts(html) {
  const sources = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(sources)];
}

function bundleFigures(chunks) {
  const english = chunks.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/locales/en.json'));
  const files = [...firstLoadScripts(readFileSync(`${DIST}index.html`, 'utf8')), ...(english ? [english.fileName] : [])];
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(`${DIST}${file}`)).length, 0);
  const allJs = chunks.filter((chunk) => chunk.type === 'chunk').reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
  return { files, gzip, allJs };
}

/** Gives the browser's own profile the official's session, as if they had signed in there. */
async function signInBrowser(port, baseUrl, session) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  await browser.contexts()[0].addCookies(session.cookies.map(({ name, value }) => ({ name, value, url: baseUrl })));
  await browser.close();
}

async function lighthouseScores(port, url) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const { categories, audits } = result.lhr;
  return {
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    fcp: audits['first-contentful-paint'].displayValue,
    lcp: audits['largest-contentful-paint'].displayValue,
    tbt: audits['total-blocking-time'].displayValue,
    cls: audits['cumulative-layout-shift'].displayValue,
  };
}

const bundle = bundleFigures(await buildApp());
const backend = await startBackend((env) => imi(env, ['seed', 'demo', '--scale', DEMO_SCALE]));
const scores = [];
try {
  const session = await signInApi(backend.url, GERMAN_OFFICIAL, DEMO_PASSWORD);
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, '--remote-debugging-address=127.0.0.1'] });
  try {
    await signInBrowser(chrome.port, backend.url, session);
    for (const page of PAGES) scores.push({ ...page, ...(await lighthouseScores(chrome.port, `${backend.url}${page.path}`)) });
  } finally {
    chrome.kill();
  }
} finally {
  await backend.stop();
}

const rows = [
  ['First-load JS (gzip)', `${kilobytes(bundle.gzip)} KB`, `< ${BUDGET_KB} KB`],
  ['All JS chunks (gzip)', `${kilobytes(bundle.allJs)} KB`, '—'],
  ...scores.flatMap((page) => [
    [`Lighthouse performance (${page.name}, mobile)`, String(page.performance), '≥ 90'],
    [`Lighthouse accessibility (${page.name})`, String(page.accessibility), '100'],
    [`First / largest contentful paint (${page.name})`, `${page.fcp} / ${page.lcp}`, '—'],
    [`Total blocking time / layout shift (${page.name})`, `${page.tbt} / ${page.cls}`, '—'],
  ]),
];
console.log('| measure | value | target |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nfirst-load files: ${bundle.files.join(', ')}`);
