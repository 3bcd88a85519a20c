// The request and the alert, followed from one authority to the other, as the officials would use the app:
// with the keyboard, each in their own language. Each step leaves in `story` what the next one needs.
import { GERMAN_ALERT_HANDLER, GERMAN_COORDINATOR, GERMAN_OFFICIAL, POLISH_ALERT_COORDINATOR, POLISH_OFFICIAL } from './cast.mjs';
import { announcement, expect, openView, screenshot, settled, signedInContext, tabTo, text, waitForState } from './checks.mjs';

/** The smallest file the server recognises as a PDF. */
const MINIMAL_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const POLISH_COMMENT = 'Lekarka jest wpisana do rejestru od 2010 roku i nie toczy się wobec niej żadne postępowanie.';

function inDays(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function chooseAction(page, action) {
  await tabTo(page, `button[data-action="${action}"]`);
  await page.keyboard.press('Enter');
  try {
    await page.locator('.action-panel h3').waitFor({ timeout: 15_000 });
  } catch (error) {
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
    const state = await page.locator('.overview [data-state]').first().getAttribute('data-state').catch(() => 'unknown');
    await screenshot(page, `failed-${action}`);
    throw new Error(`no form for ${action} on ${page.url()} (state ${state}; focus on ${focused}): ${error.message}`);
  }
}

async function submitPanel(page) {
  await tabTo(page, '.action-panel button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.locator('.action-panel').waitFor({ state: 'detached' });
}

/**
 * A German official finds a Polish authority by searching in German and sends it a request; the Polish official's
 * work list, open meanwhile, shows it without a reload and announces it.
 */
export async function germanSendsRequest(browser, baseUrl, story) {
  story.polish = await signedInContext(browser, baseUrl, POLISH_OFFICIAL, 'pl');
  story.polishPage = await story.polish.newPage();
  await openView(story.polishPage, baseUrl, '/?list=toAccept');

  story.german = await signedInContext(browser, baseUrl, GERMAN_OFFICIAL, 'de');
  const page = (story.germanPage = await story.german.newPage());
  await openView(page, baseUrl, '/requests/new');
  await tabTo(page, 'main select');
  await page.keyboard.press('ArrowDown');
  expect((await page.inputValue('main select')) === 'PQ_REQUEST', 'the first procedure is not the professional-qualification request');
  await page.locator('.authority-picker').waitFor();
  await tabTo(page, '.authority-picker input[type="search"]');
  await page.keyboard.type('Arzt Krakau');
  await page.keyboard.press('Enter');
  await page.locator('.authority-picker__hits label', { hasText: 'Okręgowa Izba Lekarska w Krakowie' }).waitFor();
  await tabTo(page, '.authority-picker input[type="radio"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="subject"]');
  await page.keyboard.type('Anerkennung – Ärztin');
  await tabTo(page, 'input[id$="pq.establishment.legally_established"]');
  await page.keyboard.press('Space');
  await tabTo(page, '.question-picker__parameters input');
  await page.keyboard.type('Ärztin');
  await tabTo(page, 'input[id$="pq.training.duration_years"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[id$="-full_name"]');
  await page.keyboard.type('Erika Muster');
  await tabTo(page, 'button[value="send"]');
  await page.keyboard.press('Enter');
  // The server detects the language of the first free text it gets: its models load then, which takes a while.
  await page.waitForURL(/\/requests\/(?!new)[^/]+$/, { timeout: 90_000 });
  await settled(page);
  story.requestPath = new URL(page.url()).pathname;
  story.reference = (await page.locator('.overview dd').first().textContent()).trim();
  await waitForState(page, 'SENT');
  expect((await announcement(page)) === (await text('de', 'compose.sent')), 'sending is not announced');
  await screenshot(page, 'story-1-request-sent-de');

  const polishPage = story.polishPage;
  await polishPage.locator('table a', { hasText: story.reference }).waitFor();
  expect((await announcement(polishPage)).includes('1'), 'the new request is not announced on the Polish work list');
  await screenshot(polishPage, 'story-2-arrives-live-pl');
}

/** The Polish official, in Polish, accepts proposing a new date and answers with a free-text comment. */
export async function polishAcceptsAndAnswers(browser, baseUrl, story) {
  const page = story.polishPage;
  await tabTo(page, `a[href="${story.requestPath}"]`);
  await page.keyboard.press('Enter');
  await settled(page);
  expect((await page.locator('.notice').first().textContent()) === (await text('pl', 'personalDataStatus.HIDDEN_UNTIL_ACCEPTED')), 'personal data is not said to be hidden until acceptance');

  await chooseAction(page, 'ACCEPT');
  await tabTo(page, '#accept-agree');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="proposedReplyDate"]');
  story.proposedDate = inDays(30);
  await page.locator('input[name="proposedReplyDate"]').fill(story.proposedDate);
  await submitPanel(page);
  await waitForState(page, 'ACCEPTED');
  expect((await page.locator('main').textContent()).includes('Erika Muster'), 'the personal data is not shown after acceptance');

  await chooseAction(page, 'ADD_ATTACHMENT');
  await page.locator('.action-panel input[type="file"]').setInputFiles({ name: 'zaswiadczenie.pdf', mimeType: 'application/pdf', buffer: Buffer.from(MINIMAL_PDF) });
  await submitPanel(page);
  await page.locator('.attachments a', { hasText: 'zaswiadczenie.pdf' }).waitFor();

  await chooseAction(page, 'ANSWER');
  await tabTo(page, '.answer-input input[type="radio"]');
  await page.keyboard.press('Space');
  await tabTo(page, '.answer-input input[inputmode="decimal"]');
  await page.keyboard.type('6');
  await tabTo(page, 'textarea[name="message"]');
  await page.keyboard.type(POLISH_COMMENT);
  await submitPanel(page);
  await waitForState(page, 'ANSWERED');
  await screenshot(page, 'story-3-answered-pl');
}

/** The German side sees the answer in German and the comment (with its machine translation when there is one), and closes with the survey. */
export async function germanReadsAnswerAndCloses(browser, baseUrl, story) {
  const page = story.germanPage;
  await waitForState(page, 'ANSWERED');
  const answers = await page.locator('.questions').textContent();
  expect(answers.includes(await text('de', 'answers.YES')), `the yes/no answer is not shown in German: ${answers}`);
  const comment = page.locator('.translated-text').first();
  // A machine translation is made after the answer is given: the page reads it again until it is there or not to be had.
  const pending = await text('de', 'request.translationPending');
  await page.waitForFunction((note) => !document.querySelector('.translated-text')?.textContent?.includes(note), pending, { timeout: 90_000 });
  const label = await comment.locator('.translated-text__label').textContent();
  story.translation = label.startsWith((await text('de', 'request.translation')).split('{{')[0]) ? label : null;
  if (story.translation) await comment.getByRole('button', { name: await text('de', 'request.showOriginal') }).click();
  expect((await comment.locator('p[lang="pl"]').textContent()) === POLISH_COMMENT, 'the Polish original is not shown with lang="pl"');
  await screenshot(page, 'story-4-answer-read-de');

  await chooseAction(page, 'CLOSE');
  await tabTo(page, '#survey-timeliness-1');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
  await tabTo(page, '#survey-efforts-1');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  expect(await page.isChecked('#survey-timeliness-5'), 'the keyboard did not choose "very satisfied"');
  await submitPanel(page);
  await waitForState(page, 'CLOSED');
  await screenshot(page, 'story-5-closed-de');
  await story.polish.close();
  await story.german.close();
}

/** A professional-qualification alert: drafted and submitted, validated, received in Poland, allocated and acknowledged. */
export async function alertBroadcastAndAcknowledged(browser, baseUrl, story) {
  const polish = await signedInContext(browser, baseUrl, POLISH_ALERT_COORDINATOR, 'pl');
  const polishPage = await polish.newPage();
  await openView(polishPage, baseUrl, '/alerts?list=incoming');

  const sender = await signedInContext(browser, baseUrl, GERMAN_ALERT_HANDLER, 'en');
  const page = await sender.newPage();
  await openView(page, baseUrl, '/alerts/new?procedure=PQ_ALERT');
  const typed = {
    subject: 'Doctor: right to practise suspended',
    'pq_alert.professional.surname': 'Muster',
    'pq_alert.professional.first_names': 'Erika',
    'pq_alert.professional.place_of_birth': 'Köln',
    'pq_alert.professional.profession': 'Doctor',
    'pq_alert.decision.authority': 'Landesärztekammer Baden-Württemberg',
    'pq_alert.decision.activities': 'All medical activities',
  };
  for (const [name, value] of Object.entries(typed)) {
    await tabTo(page, `[name="${name}"]`);
    await page.keyboard.type(value);
  }
  const dates = { 'pq_alert.professional.date_of_birth': '1980-01-02', 'pq_alert.period.decision_date': inDays(-1), 'pq_alert.period.start_date': inDays(0) };
  for (const [name, value] of Object.entries(dates)) {
    await tabTo(page, `[name="${name}"]`);
    await page.locator(`[name="${name}"]`).fill(value);
  }
  // Radio groups: Tab reaches the first option, Space chooses it, an arrow key the next one.
  await tabTo(page, '[name="pq_alert.decision.scope"]');
  await page.keyboard.press('Space');
  await tabTo(page, '[name="pq_alert.falsified.falsified_evidence"]');
  await page.keyboard.press('ArrowDown');
  expect(await page.isChecked('[name="pq_alert.falsified.falsified_evidence"][id$="-NO"]'), 'the keyboard did not answer "No"');
  await tabTo(page, 'form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/alerts\/(?!new)[^/]+$/);
  await settled(page);
  story.alertPath = new URL(page.url()).pathname;
  await chooseAction(page, 'SUBMIT');
  await submitPanel(page);
  await waitForState(page, 'AWAITING_VALIDATION');

  const coordinator = await signedInContext(browser, baseUrl, GERMAN_COORDINATOR, 'en');
  const coordinatorPage = await coordinator.newPage();
  await openView(coordinatorPage, baseUrl, '/alerts?list=toValidate');
  await tabTo(coordinatorPage, `a[href="${story.alertPath}"]`);
  await coordinatorPage.keyboard.press('Enter');
  await settled(coordinatorPage);
  await chooseAction(coordinatorPage, 'VALIDATE');
  await submitPanel(coordinatorPage);
  await waitForState(coordinatorPage, 'BROADCAST');
  await screenshot(coordinatorPage, 'story-6-alert-validated-en');

  await polishPage.locator(`a[href="${story.alertPath}"]`).waitFor();
  await tabTo(polishPage, `a[href="${story.alertPath}"]`);
  await polishPage.keyboard.press('Enter');
  await settled(polishPage);
  expect((await polishPage.locator('main').textContent()).includes(await text('pl', 'alerts.limitedView')), 'the receiving coordinator is not told of the limited view');
  expect(!(await polishPage.locator('main').textContent()).includes('Muster'), 'the limited view shows personal data');
  await screenshot(polishPage, 'story-7-alert-limited-view-pl');
  await chooseAction(polishPage, 'ALLOCATE');
  await tabTo(polishPage, '.authority-picker input[type="search"]');
  await polishPage.keyboard.type('Kraków');
  await polishPage.keyboard.press('Enter');
  await polishPage.locator('.authority-picker__hits label', { hasText: 'Okręgowa Izba Lekarska w Krakowie' }).waitFor();
  await tabTo(polishPage, '.authority-picker input[type="checkbox"]');
  await polishPage.keyboard.press('Space');
  await submitPanel(polishPage);
  await chooseAction(polishPage, 'ACKNOWLEDGE');
  await submitPanel(polishPage);
  await polishPage.locator('tr', { hasText: 'Okręgowa Izba Lekarska w Krakowie' }).waitFor();
  const receiverRow = await polishPage.locator('tbody tr', { hasText: await text('pl', 'alerts.role.RECIPIENT_COORDINATOR') }).textContent();
  expect(!receiverRow.includes(await text('pl', 'alerts.notAcknowledged')), `the acknowledgement is not shown: ${receiverRow}`);
  await screenshot(polishPage, 'story-8-alert-acknowledged-pl');
  for (const context of [polish, sender, coordinator]) await context.close();
}
