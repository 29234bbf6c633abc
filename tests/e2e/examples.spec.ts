import { expect, test } from '@playwright/test';
import { EXAMPLE_EXPECTATIONS } from '../exampleExpectations.ts';
import { openApp, openExample, run, status } from './driver.ts';
import examples from './exampleNames.ts';

for (const [file, name] of Object.entries(examples)) {
  test(`example "${name}" opens, runs and ends as expected for every task`, async ({ page }) => {
    await openApp(page);
    await openExample(page, name);
    for (const [task, expected] of Object.entries(EXAMPLE_EXPECTATIONS[file])) {
      await page.getByLabel('Task', { exact: true }).selectOption({ label: task });
      await run(page);
      await expect(status(page), `${name} / ${task}`).toHaveText(expected.status);
    }
  });
}
