import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, inLanguage, messages, screenshot, token } from './support';

const API = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';

/** An applicant registered and read by gov-caseworker: entries in intake's chain about one subject. */
async function registeredAndRead(): Promise<{ applicantId: string; caseworker: string }> {
  const bearer = await token('gov-caseworker');
  const headers = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${API}/api/v1/applicants`, { method: 'POST', headers, body: JSON.stringify({
    name: { given: 'Аудит', family: 'Проверкин' }, nationalities: [{ country: 'RU', imposed: false }], sex: 'MALE' }) });
  expect(created.status).toBe(201);
  const applicantId = ((await created.json()) as { id: string }).id;
  expect((await fetch(`${API}/api/v1/applicants/${applicantId}`, { headers })).status).toBe(200);
  const caseworker = JSON.parse(Buffer.from(bearer.split('.')[1], 'base64url').toString()).sub as string;
  return { applicantId, caseworker };
}

/** The auditor's flow (issue 13): the trail across services narrowed to a subject and a person; the chains verified. */
for (const locale of ['en', 'de']) {
  test(`the auditor reads and verifies the audit trail (${locale})`, async ({ browser }) => {
    const { applicantId, caseworker } = await registeredAndRead();
    const t = messages(locale);
    const page = await signIn(browser, 'gov-auditor', undefined, messages('en')('audit.title'));
    await expect(page).toHaveURL(/\/audit$/);
    if (locale !== 'en') await inLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1, name: t('audit.title') })).toBeVisible();

    // narrowed to one subject: what intake recorded about this applicant, by whom
    await page.getByLabel(t('audit.filter.resourceType')).fill('applicant');
    await page.getByLabel(t('audit.filter.resourceId')).fill(applicantId);
    await page.getByLabel(t('audit.filter.resourceId')).press('Enter');
    await expect(page).toHaveURL(new RegExp(`resourceId=${applicantId}`));
    const rows = page.getByRole('grid', { name: t('audit.trail') }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ hasText: 'applicant.read' }).first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toContainText(applicantId.slice(0, 8));
      await expect(row).toContainText(t('audit.service.intake'));
    }
    await screenshot(page, `audit-subject-${locale}`);
    await expectAccessible(page, `audit trail (${locale})`);

    // a person chosen in the table narrows to their entries, with the keyboard
    const person = rows.first().getByRole('button', { name: t('audit.onlyActor', { name: caseworker }) });
    await person.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`actor=${caseworker}`));
    await expect(rows.first()).toBeVisible();

    // every service's chain verified
    await page.getByRole('button', { name: t('audit.verify.run') }).click();
    const verification = page.getByRole('grid', { name: t('audit.verify.title') });
    await expect(verification.locator('tbody tr')).toHaveCount(5);
    await expect(verification.getByText(t('audit.verify.intact'), { exact: true })).toHaveCount(5);
    await screenshot(page, `audit-verified-${locale}`);
    await expectAccessible(page, `audit verification (${locale})`);
  });
}
