// When the browser will not keep the work (private mode, a full quota), Steplab says so and the
// person can still download exactly what they typed.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { caretAtEndOfLine, openApp } from './driver.ts';

async function typeAComment(page: Page, text: string): Promise<void> {
  await caretAtEndOfLine(page, 3);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`// ${text}`);
}

async function downloadFrom(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!, 'utf8');
}

test('in a window that cannot store anything (private mode), a notice says so and Download keeps what I typed', async ({ page }) => {
  // What some private windows do: IndexedDB exists, but every open fails.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    };
  });
  await openApp(page);
  const notice = page.getByRole('alert').filter({ hasText: 'does not let Steplab save' });
  await expect(notice).toContainText('private mode');
  await typeAComment(page, 'written where nothing is saved');
  const saved = await downloadFrom(page, notice.getByRole('button', { name: 'Download workspace' }));
  expect(saved).toContain('// written where nothing is saved');
});

test('when the storage quota is full, the failed save is reported and Download keeps the latest edit', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
      // A full disk: the start-up probe's tiny write fits, the workspace does not.
      if (key !== 'probe') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await openApp(page);
  const notice = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(notice).toContainText('storage for this site is full');
  await typeAComment(page, 'typed while the disk is full');
  await expect(notice).toBeVisible();
  const saved = await downloadFrom(page, notice.getByRole('button', { name: 'Download workspace' }));
  expect(saved).toContain('// typed while the disk is full');
});
