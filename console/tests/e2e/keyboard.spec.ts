import { test, expect, type Page } from '@playwright/test';
import { signIn, expectAccessible } from './support';

// a family name new on every run (Cyrillic), so no earlier applicant is offered as a duplicate as a rule
const SYLLABLES = ['ка', 'ло', 'ми', 'ра', 'ту', 'не', 'ва', 'до', 'зу', 'ше'];
const FAMILY = 'Клавиш' + Array.from({ length: 4 }, () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]).join('');

/** What has the focus: its id, and its text or accessible label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });

/** Presses Tab (or Shift+Tab) until the focused element is the one wanted; the keyboard only, never a click. */
async function tabTo(page: Page, wanted: { id?: string; text?: string }, back = false) {
  for (let i = 0; i < 250; i++) {
    const now = await focused(page);
    if ((wanted.id && now.id === wanted.id) || (wanted.text && now.text === wanted.text)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`no focusable element ${JSON.stringify(wanted)} within 250 ${back ? 'Shift+Tab' : 'Tab'} presses`);
}

/**
 * One full flow with the keyboard only (issue 12, WCAG 2.1.1): the skip link, Register applicant, Save,
 * Record a claim, Save, Lodge — Tab, Shift+Tab, Enter, Space, arrow keys and typing.
 */
test('register an applicant, record and lodge a claim with the keyboard only', async ({ browser }) => {
  const page = await signIn(browser, 'gov-caseworker');

  // the first Tab reaches the skip link; Enter moves the focus to the main content
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  // back into the navigation
  await tabTo(page, { text: 'Register applicant' }, true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Register applicant' })).toBeVisible();

  await tabTo(page, { id: 'f-name-given' });
  await page.keyboard.type('Алексей');
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/applicants?') && r.url().includes('name='));
  await tabTo(page, { id: 'f-name-family' });
  await page.keyboard.type(FAMILY);
  await tabTo(page, { id: 'f-nationalities-0--country' });
  await page.keyboard.type('RU');
  await expect(page.getByText('Latin reading (ICAO):')).toBeVisible();
  await searched;
  await tabTo(page, { id: 'f-sex' });
  await page.keyboard.type('male'); // the select's type-ahead: "male (M)"
  await expect(page.locator('#f-sex')).toHaveValue('MALE');

  const newPerson = page.getByRole('button', { name: 'This is a new person' });
  if (await newPerson.isVisible()) {
    await tabTo(page, { text: 'This is a new person' }, true);
    await page.keyboard.press('Space');
  }
  await tabTo(page, { text: 'Save applicant' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a claim' })).toBeVisible();

  await tabTo(page, { id: 'f-military-status' });
  await page.keyboard.press('ArrowDown'); // a closed select: the next option
  await expect(page.locator('#f-military-status')).not.toHaveValue('');
  await tabTo(page, { text: 'Save claim' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Claim', exact: true })).toBeVisible();

  await tabTo(page, { text: 'Lodge' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start assessment' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Claim', exact: true })).toBeVisible();
  await expectAccessible(page, 'claim, lodged by keyboard');
  expect((page as Page & { cspErrors?: string[] }).cspErrors ?? []).toEqual([]);
});
