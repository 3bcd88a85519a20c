// Production bundle weight and Lighthouse scores, printed as a markdown table.
// First-load JS: the scripts index.html loads or preloads, plus the English catalogue fetched before the first render.
// Lighthouse (mobile, simulated throttling) runs in Chromium against the scoreboard page of the fixture build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.mjs';
import { serveBuild } from '../e2e/server.mjs';

const FRONTEND = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${FRONTEND}dist/`;
const BUDGET_KB = 250;

function kilobytes(bytes) {
  return Math.round((bytes / 1024) * 10) / 10;
}

function firstLoadScripts(html) {
  const sources = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(sources)];
}

async function bundleFigures() {
  const output = await build({ root: FRONTEND, logLevel: 'warn' });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const english = chunks.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/locales/en.json'));
  const files = [...firstLoadScripts(readFileSync(`${DIST}index.html`, 'utf8')), ...(english ? [english.fileName] : [])];
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(`${DIST}${file}`)).length, 0);
  const allJs = chunks.filter((chunk) => chunk.type === 'chunk').reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
  return { files, gzip, allJs };
}

async function lighthouseScores(url) {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const { categories, audits } = result.lhr;
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      fcp: audits['first-contentful-paint'].displayValue,
      lcp: audits['largest-contentful-paint'].displayValue,
      tbt: audits['total-blocking-time'].displayValue,
      cls: audits['cumulative-layout-shift'].displayValue,
    };
  } finally {
    chrome.kill();
  }
}

const bundle = await bundleFigures();
const server = await serveBuild('e2e/vite.demo.config.ts');
let scores;
try {
  scores = await lighthouseScores(`${server.url}/scoreboard`);
} finally {
  await server.close();
}

const rows = [
  ['First-load JS (gzip)', `${kilobytes(bundle.gzip)} KB`, `< ${BUDGET_KB} KB`],
  ['All JS chunks (gzip)', `${kilobytes(bundle.allJs)} KB`, '—'],
  ['Lighthouse performance (/scoreboard, mobile)', String(scores.performance), '≥ 90'],
  ['Lighthouse accessibility (/scoreboard)', String(scores.accessibility), '100'],
  ['First / largest contentful paint', `${scores.fcp} / ${scores.lcp}`, '—'],
  ['Total blocking time / layout shift', `${scores.tbt} / ${scores.cls}`, '—'],
];
console.log('| measure | value | target |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nfirst-load files: ${bundle.files.join(', ')}`);
const met = bundle.gzip < BUDGET_KB * 1024 && scores.performance >= 90 && scores.accessibility === 100;
process.exit(met ? 0 : 1);
