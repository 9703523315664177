import { test, expect } from '@playwright/test';
import { signIn, expectAccessible, inLanguage, messages, screenshot } from './support';

/**
 * The platform administrator's flow (issue 13): a tenant created with its provisioning steps and its first
 * administrator's temporary password shown once; suspended, reactivated; offboarded behind a typed confirmation,
 * with the crypto-shredding report; the platform report.
 */
for (const locale of ['en', 'fr']) {
  test(`the platform administrator creates, suspends, reactivates and offboards a tenant (${locale})`, async ({ browser }) => {
    const t = messages(locale);
    const page = await signIn(browser, 'platform-admin', undefined, messages('en')('tenants.title'));
    await expect(page).toHaveURL(/\/tenants$/);
    if (locale !== 'en') await inLanguage(page, locale);
    const id = `console-${locale}-${Date.now().toString(36)}`;

    const form = page.getByRole('form', { name: t('tenants.new') });
    await form.getByRole('textbox', { name: t('tenants.field.id'), exact: true }).fill(id);
    await form.getByRole('textbox', { name: t('tenants.field.name'), exact: true }).fill(`Beratungsstelle ${id}`); // Keycloak wants organization names unique
    await form.getByRole('combobox', { name: t('tenants.field.kind') }).selectOption('NGO');
    await form.getByRole('textbox', { name: t('tenants.field.jurisdiction'), exact: true }).fill('de');
    await form.getByRole('textbox', { name: t('tenants.field.adminEmail') }).fill(`admin@${id}.example`);
    await page.getByRole('button', { name: t('tenants.create') }).click();

    const steps = page.getByRole('region', { name: t('tenants.provisioning.title') });
    for (const step of ['identity-provider-organization', 'first-policy-admin', 'data-keys']) {
      await expect(steps.getByText(`${t(`tenants.step.${step}`)} — ${t('tenants.step.status.DONE')}`)).toBeVisible();
    }
    const password = page.getByRole('textbox', { name: t('tenants.firstAdmin.password') });
    await expect(password).toHaveValue(/.{8,}/);
    await screenshot(page, `tenant-created-${locale}`, password);
    await expectAccessible(page, `tenants (${locale})`);

    // the tenant's page: suspend, reactivate; the password is not shown again
    await page.getByRole('link', { name: id }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('tenant.title', { id }) })).toBeVisible();
    await expect(page.getByRole('textbox', { name: t('tenants.firstAdmin.password') })).toHaveCount(0);
    await page.getByRole('button', { name: t('tenant.suspend') }).click();
    await expect(page.getByText(t('tenants.status.SUSPENDED'), { exact: true })).toBeVisible();
    await page.getByRole('button', { name: t('tenant.reactivate') }).click();
    await expect(page.getByText(t('tenants.status.ACTIVE'), { exact: true })).toBeVisible();

    // offboarding asks for the tenant's id, typed
    await page.getByRole('button', { name: t('tenant.offboard') }).click();
    const dialog = page.getByRole('dialog', { name: t('tenant.offboard.title', { id }) });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: t('tenant.offboard.confirm') });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(t('tenant.offboard.type', { id })).fill(id.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(t('tenant.offboard.type', { id })).fill(id);
    await screenshot(page, `tenant-offboard-confirm-${locale}`);
    await expectAccessible(page, `offboard confirmation (${locale})`);
    await confirm.click();
    await expect(dialog).toHaveCount(0);
    const report = page.getByRole('grid', { name: t('tenant.shredding.title') });
    await expect(page.getByText(t('tenant.shredding.DONE'))).toBeVisible();
    await expect(report.getByText(t('tenant.shredding.destroyed'), { exact: true }).first()).toBeVisible();
    await expect(page.getByText(t('tenants.status.OFFBOARDED'), { exact: true })).toBeVisible();
    await screenshot(page, `tenant-offboarded-${locale}`, report);
    await expectAccessible(page, `shredding report (${locale})`);

    // counts across tenants, no case data
    await page.getByRole('link', { name: t('nav.platformReport') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('platformReport.title') })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: t('platformReport.table', { year: new Date().getFullYear() }) })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await screenshot(page, `platform-report-${locale}`);
    await expectAccessible(page, `platform report (${locale})`);
  });
}
