import { signInApi } from './api.mjs';
import { DEMO_PASSWORD } from './backend.mjs';
import { CRAFTED_PERIOD, CRAFTED_RESULTS, GERMAN_COORDINATOR, GERMAN_OFFICIAL, IRISH_OFFICIAL, SPANISH_OFFICIAL } from './cast.mjs';
import { canTabTo, contextIn, expect, openView, screenshot, settled, signedInContext, tabTo, text, viewerPages } from './checks.mjs';

const ENGLISH_MESSAGE = 'The nurse has been registered since 2015 and no disciplinary proceedings are pending.';

function inDays(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Signing in and out with the keyboard alone; a page asked for before signing in opens after it. */
export async function signInByKeyboard(browser, baseUrl) {
  const context = await contextIn(browser, 'en');
  const page = await context.newPage();
  await page.goto(`${baseUrl}/directory?text=Arzt`);
  await page.waitForURL('**/sign-in?next=*');
  await tabTo(page, 'input[name="email"]');
  await page.keyboard.type(GERMAN_OFFICIAL);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/directory?text=Arzt');
  await settled(page);
  await tabTo(page, '.user-menu button');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/sign-in**');
  await page.locator('input[name="email"]').waitFor();
  await context.close();
}

/** A wrong password is refused and said so, in the reader's language. */
export async function wrongPasswordExplained(browser, baseUrl) {
  const context = await contextIn(browser, 'de');
  const page = await context.newPage();
  await openView(page, baseUrl, '/sign-in');
  await page.fill('input[name="email"]', GERMAN_OFFICIAL);
  await page.fill('input[name="password"]', 'not-the-password');
  await page.press('input[name="password"]', 'Enter');
  const alert = page.locator('main [role="alert"]');
  await alert.waitFor();
  expect((await alert.textContent()).includes(await text('de', 'errors.signInFailed')), 'a wrong password is not explained');
  await context.close();
}

/** A change that lost a race with someone else's is refused, explained, and the request can be reloaded. */
export async function staleVersionExplained(browser, baseUrl) {
  const api = await signInApi(baseUrl, GERMAN_OFFICIAL, DEMO_PASSWORD);
  const { exchanges } = await api.query('{ exchanges(input: { box: SENT, kinds: [REQUEST], first: 50 }) { edges { node { id version state allowedActions } } } }');
  const target = exchanges.edges.map((edge) => edge.node).find((node) => node.allowedActions.includes('MODIFY'));
  expect(target, 'the German official has no sent request that can be modified');
  const context = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, `/requests/${encodeURIComponent(target.id)}`);
  await page.locator('button[data-action="MODIFY"]').click();
  await page.locator('.action-panel input[name="subject"]').fill('Changed here');
  // Meanwhile a colleague changes the same request.
  await api.query('mutation($input: ModifyRequestInput!) { modifyRequest(input: $input) { __typename } }', {
    input: { exchangeId: target.id, version: target.version, subject: 'Changed by a colleague' },
  });
  await page.waitForTimeout(500);
  await page.locator('.action-panel button[type="submit"]').click();
  const alert = page.locator('main [role="alert"]');
  await alert.waitFor();
  const explained = await alert.textContent();
  expect(explained.includes(await text('en', 'errors.staleVersion')), `the version conflict is not explained: ${explained}`);
  await screenshot(page, 'stale-version-en');
  await alert.getByRole('button', { name: await text('en', 'errors.reload') }).click();
  await page.locator('.overview dd', { hasText: 'Changed by a colleague' }).waitFor();
  await context.close();
}

/**
 * A coordinator registers an authority of its country, validates it and grants it a legal area; as its local data
 * administrator, it adds a user with a right and gets the token to hand on.
 */
export async function coordinatorAdministers(browser, baseUrl) {
  const context = await signedInContext(browser, baseUrl, GERMAN_COORDINATOR, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/admin');
  const name = 'Gesundheitsamt Musterstadt';
  await tabTo(page, '[name="officialName"]');
  await page.keyboard.type(name);
  await tabTo(page, '[name="officialLanguage"]');
  await page.keyboard.type('Deutsch');
  await tabTo(page, '[name="level"]');
  await page.keyboard.press('End');
  await tabTo(page, '[name="city"]');
  await page.keyboard.type('Musterstadt');
  await tabTo(page, 'form[aria-labelledby="register-authority"] button[type="submit"]');
  await page.keyboard.press('Enter');
  const card = page.locator('li.card', { hasText: name });
  await card.getByText(await text('en', 'admin.status.PENDING')).waitFor();
  await card.getByRole('button', { name: await text('en', 'admin.validate') }).focus();
  await page.keyboard.press('Enter');
  await card.getByText(await text('en', 'admin.status.ACTIVE')).waitFor();
  await card.locator('select').focus();
  await page.keyboard.press('ArrowDown');
  await card.getByRole('button', { name: await text('en', 'admin.grant') }).focus();
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: /^Revoke / }).waitFor();

  await tabTo(page, '[name="fullName"]');
  await page.keyboard.type('Jonas Weber');
  await tabTo(page, 'form[aria-labelledby="add-user"] [name="email"]');
  await page.keyboard.type('jonas.weber@demo.imi.example');
  await tabTo(page, 'form[aria-labelledby="add-user"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.locator('.secret').waitFor();
  await page.locator('li.card', { hasText: 'jonas.weber@demo.imi.example' }).waitFor();
  await screenshot(page, 'admin-after-changes-en');
  await context.close();
}

/**
 * An official creates an API token (one, however often the form is submitted while it runs), sees it once and in
 * the list, revokes it, and the list is empty again.
 */
export async function officialManagesApiTokens(browser, baseUrl) {
  const context = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/api-tokens');
  const name = 'Nightly statistics export';
  await page.locator('form[aria-labelledby="create-api-token"] [name="name"]').fill(name);
  await page.getByLabel(await text('en', 'tokens.scope.STATISTICS_READ')).focus();
  await page.keyboard.press('Space');
  await page.locator('form[aria-labelledby="create-api-token"] [name="days"]').fill('30');
  // Submitted twice in a row (an impatient double press): one token is created.
  await page.evaluate(() => {
    const form = document.querySelector('form[aria-labelledby="create-api-token"]');
    form.requestSubmit();
    form.requestSubmit();
  });
  const secret = await page.locator('.secret').textContent();
  expect(/^imi_/.test(secret ?? ''), `the new token is not shown: ${secret}`);
  const card = page.locator('li.card', { hasText: name });
  await card.waitFor();
  await settled(page);
  expect((await page.locator('li.card').count()) === 1, 'a double submission created two tokens');
  expect(!(await card.textContent()).includes(secret), 'the list shows the whole secret');
  await screenshot(page, 'api-token-created-en');
  await page.getByRole('button', { name: (await text('en', 'tokens.revokeNamed')).replace('{{name}}', name) }).click();
  await page.locator('p.empty', { hasText: await text('en', 'tokens.none') }).waitFor();
  expect((await page.locator('li.card').count()) === 0, 'a revoked token is still listed');
  await context.close();
}

/**
 * Free text in another language is shown in the reader's language, labelled as a machine translation with its
 * engine, the original one click away, each with its own lang: an Irish official writes in English to a Spanish
 * authority (a pair the offline engine translates), the Spanish official reads it in Spanish.
 */
export async function machineTranslationLabelled(browser, baseUrl) {
  const irish = await signInApi(baseUrl, IRISH_OFFICIAL, DEMO_PASSWORD);
  const { searchAuthorities } = await irish.query('{ searchAuthorities(input: { query: "Títulos", countries: ["ES"], first: 1 }) { edges { node { id } } } }');
  const responder = searchAuthorities.edges[0]?.node.id;
  expect(responder, 'the Spanish authority is not found');
  const { createRequest } = await irish.query(
    'mutation($input: CreateRequestInput!) { createRequest(input: $input) { __typename ... on ExchangeSuccess { exchange { id version } } } }',
    { input: { procedure: 'PQ_REQUEST', subject: 'Recognition – nurse', respondingAuthorityId: responder, requestedReplyDate: inDays(20), questions: [{ item: 'pq.training.duration_years' }] } },
  );
  const { id, version } = createRequest.exchange;
  const step = 'mutation($input: PerformActionInput!) { performAction(input: $input) { __typename ... on ExchangeSuccess { exchange { version } } } }';
  const sent = await irish.query(step, { input: { exchangeId: id, version, action: 'SEND', replyDate: inDays(20) } });
  await irish.query(step, { input: { exchangeId: id, version: sent.performAction.exchange.version, action: 'ADD_MESSAGE', message: ENGLISH_MESSAGE } });

  const context = await signedInContext(browser, baseUrl, SPANISH_OFFICIAL, 'es');
  const page = await context.newPage();
  await openView(page, baseUrl, `/requests/${encodeURIComponent(id)}`);
  const pending = await text('es', 'request.translationPending');
  await page.waitForFunction((note) => !document.querySelector('.translated-text')?.textContent?.includes(note), pending, { timeout: 90_000 });
  const block = page.locator('.translated-text').first();
  const label = await block.locator('.translated-text__label').textContent();
  expect(label.startsWith((await text('es', 'request.translation')).split('{{')[0]), `the message is not shown as a machine translation: ${label}`);
  expect(/apertium/i.test(label), `the translation does not name its engine: ${label}`);
  expect((await block.locator('p[lang="es"]').count()) === 1, 'the translation has no lang="es"');
  await screenshot(page, 'machine-translation-es');
  await block.getByRole('button', { name: await text('es', 'request.showOriginal') }).click();
  expect((await block.locator('p[lang="en"]').textContent()) === ENGLISH_MESSAGE, 'the English original is not shown with lang="en"');
  await context.close();
}

/** The language switcher works from the keyboard, applies at once, is announced and is remembered. */
export async function languageSwitcherByKeyboard(browser, baseUrl) {
  // No language chosen beforehand: the official's preferred language (German) applies until they pick another.
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await context.addCookies((await signInApi(baseUrl, GERMAN_OFFICIAL, DEMO_PASSWORD)).cookies.map(({ name, value }) => ({ name, value, url: baseUrl })));
  await openView(page, baseUrl, '/');
  expect((await page.evaluate(() => document.documentElement.lang)) === 'de', 'the official’s preferred language does not apply');
  await tabTo(page, '#language-switcher');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.documentElement.lang !== 'de');
  const lang = await page.evaluate(() => document.documentElement.lang);
  expect(lang === 'da', `ArrowUp from Deutsch should choose Dansk (da), got ${lang}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="live-polite"]')?.textContent !== '');
  expect((await page.locator('h1').textContent()) === (await text('da', 'work.title')), 'the page did not switch to Danish');
  await page.goto(`${baseUrl}/scoreboard`);
  await page.locator('h1').waitFor();
  expect((await page.evaluate(() => document.documentElement.lang)) === 'da', 'the choice is not remembered after a reload');
  await context.close();
}

/** Every one of the 30 countries is reachable by Tab with a name that says its result; Enter opens its page. */
export async function mapByKeyboard(browser, baseUrl) {
  const context = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/scoreboard');
  await tabTo(page, '.eea-map__country');
  const names = [];
  const codes = [];
  while (await page.evaluate(() => document.activeElement?.matches('.eea-map__country') ?? false)) {
    codes.push(await page.evaluate(() => document.activeElement.getAttribute('data-country')));
    names.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label')));
    await page.keyboard.press('Tab');
  }
  expect(codes.length === 30, `the map has ${codes.length} focusable countries, not 30`);
  for (const small of ['LI', 'LU', 'MT', 'CY']) expect(codes.includes(small), `${small} cannot be reached on the map`);
  expect(names.every((name) => /: (Above average|Average|Below average|No data)$/.test(name)), `a country's name lacks its result: ${names.join('; ')}`);
  await page.keyboard.press('Shift+Tab');
  const last = codes.at(-1);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/scoreboard/${last}`);
  await page.locator('h1').waitFor();
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  expect(focused === 'H1', `after opening a country the focus is on ${focused}, not the page heading`);
  await context.close();
}

/** For the crafted year, the map shows each country in the colour of its overall result, the smallest too. */
export async function scoreboardColours(browser, baseUrl) {
  const context = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'en', { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openView(page, baseUrl, `/scoreboard?from=${CRAFTED_PERIOD.from}&to=${CRAFTED_PERIOD.to}`);
  for (const [country, band] of Object.entries(CRAFTED_RESULTS)) {
    const fill = await page.locator(`.eea-map__country[data-country="${country}"] .eea-map__shape`).getAttribute('fill');
    expect(fill === `url(#band-${band})`, `${country} is drawn with ${fill}, not ${band}`);
  }
  for (const code of ['LI', 'LU', 'MT', 'CY']) {
    const box = await page.locator(`.eea-map__country[data-country="${code}"]`).boundingBox();
    expect(box && box.width >= 10 && box.height >= 10, `${code} is drawn smaller than 10 px`);
  }
  await screenshot(page, 'scoreboard-crafted-2008-en');
  const csv = await page.request.get(`${baseUrl}${await page.locator('.csv-link a').getAttribute('href')}`);
  expect(csv.ok() && (csv.headers()['content-type'] ?? '').startsWith('text/csv'), `the CSV download answers ${csv.status()}`);
  expect((await csv.text()).includes('PL'), 'the CSV download lacks the crafted year');
  await context.close();
}

/** An address with a period opens the same view for the same period, after a reload too. */
export async function shareableAddress(browser, baseUrl) {
  const context = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'de');
  const page = await context.newPage();
  await openView(page, baseUrl, '/scoreboard/MT?from=2024-01-01&to=2024-06-30');
  await page.reload();
  await settled(page);
  expect((await page.inputValue('input[name="from"]')) === '2024-01-01', 'the period is lost on reload');
  expect((await page.locator('h1').textContent()).includes('Malta'), 'the country page is not Malta');
  await context.close();
}

/** At 360 px wide nothing needs horizontal scrolling (tables scroll inside their own box); the menu opens by keyboard. */
export async function narrowScreen(browser, baseUrl, views, contextFor) {
  const pages = viewerPages(browser, 'en', { viewport: { width: 360, height: 740 } }, contextFor);
  const wide = [];
  try {
    for (const view of views) {
      const page = await pages.page(view.viewer);
      await openView(page, baseUrl, view.path);
      await screenshot(page, `${view.name}-en-360px`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${view.name} (${width}px)`);
      if (view.name === 'my-work') {
        expect(await canTabTo(page, '.site-nav__toggle'), 'the menu button cannot be reached by keyboard');
        await page.keyboard.press('Enter');
        expect(await page.locator('#site-nav-list').isVisible(), 'the menu does not open by keyboard');
      }
    }
  } finally {
    await pages.close();
  }
  expect(wide.length === 0, `wider than 360 px: ${wide.join(', ')}`);
}
