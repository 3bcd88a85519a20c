import { contextIn, openView, screenshot, tabTo } from './checks.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** The language switcher works from the keyboard, applies at once, is announced and is remembered. */
export async function languageSwitcherByKeyboard(browser, baseUrl) {
  // No language chosen beforehand: the browser's English applies until the reader picks another.
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await openView(page, baseUrl, '/');
  expect(await tabTo(page, '#language-switcher'), 'Tab never reaches the language switcher');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.documentElement.lang !== 'en');
  const lang = await page.evaluate(() => document.documentElement.lang);
  expect(lang === 'el', `ArrowUp from English should choose Ελληνικά (el), got ${lang}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="live-polite"]')?.textContent !== '');
  const heading = await page.locator('h1').textContent();
  expect(heading === 'Η εργασία μου', `the page did not switch to Greek: h1 is ${heading}`);
  await page.goto(`${baseUrl}/scoreboard`);
  await page.locator('h1').waitFor();
  expect((await page.evaluate(() => document.documentElement.lang)) === 'el', 'the choice is not remembered after a reload');
  await context.close();
}

/** Every one of the 30 countries is reachable by Tab with a name that says its result; Enter opens its page. */
export async function mapByKeyboard(browser, baseUrl) {
  const context = await contextIn(browser, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/scoreboard');
  expect(await tabTo(page, '.eea-map__country'), 'Tab never reaches a country of the map');
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

/** Small states are visible: each has a marker of at least 10 px on a desktop-sized map. */
export async function smallStatesVisible(browser, baseUrl) {
  const context = await contextIn(browser, 'en', { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openView(page, baseUrl, '/scoreboard');
  for (const code of ['LI', 'LU', 'MT', 'CY']) {
    const box = await page.locator(`.eea-map__country[data-country="${code}"]`).boundingBox();
    expect(box && box.width >= 10 && box.height >= 10, `${code} is drawn smaller than 10 px`);
  }
  await context.close();
}

/** A change that lost a race with someone else's is refused and explained. */
export async function staleVersionExplained(browser, baseUrl) {
  const context = await contextIn(browser, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/requests/req-1042');
  await page.getByRole('button', { name: 'Answer', exact: true }).click();
  const alert = page.locator('main [role="alert"]');
  await alert.waitFor();
  expect((await alert.textContent()).includes('Someone else changed this request'), 'the version conflict is not explained');
  await context.close();
}

/** Free text shows its machine translation labelled with its engine, and the original in its own language. */
export async function translationLabelled(browser, baseUrl) {
  const context = await contextIn(browser, 'en');
  const page = await context.newPage();
  await openView(page, baseUrl, '/requests/req-1042');
  expect((await page.locator('.translated-text__label').textContent()).includes('Apertium'), 'the translation does not name its engine');
  await page.getByRole('button', { name: 'Show the original' }).click();
  expect((await page.locator('.translated-text p[lang="de"]').count()) === 1, 'the German original has no lang="de"');
  await context.close();
}

/** An address with a period opens the same view for the same period, after a reload too. */
export async function shareableAddress(browser, baseUrl) {
  const context = await contextIn(browser, 'de');
  const page = await context.newPage();
  await openView(page, baseUrl, '/scoreboard/MT?from=2024-01-01&to=2024-06-30');
  await page.reload();
  await page.locator('h1').waitFor();
  expect((await page.inputValue('input[name="from"]')) === '2024-01-01', 'the period is lost on reload');
  expect((await page.locator('h1').textContent()).includes('Malta'), 'the country page is not Malta');
  await context.close();
}

/** At 360 px wide nothing needs horizontal scrolling (tables scroll inside their own box). */
export async function narrowScreen(browser, baseUrl, views) {
  const context = await contextIn(browser, 'en', { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const wide = [];
  for (const view of views) {
    await openView(page, baseUrl, view.path);
    await screenshot(page, `${view.name}-en-360px`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${view.name} (${width}px)`);
  }
  expect(wide.length === 0, `wider than 360 px: ${wide.join(', ')}`);
  await context.close();
}
