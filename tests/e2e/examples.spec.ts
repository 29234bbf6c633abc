// Every shipped example, in one pass through one page (opening each example once per concern
// cost about 90 s more): it opens, each of its tasks runs and ends as expected, the page fits
// 1280×720 and 1440×900 (opened, after each run, with its lesson showing), the graph reads well
// at 1440×900 (graphLegibility.ts), and the graph's SVG export draws what the graph shows.
// tests/unit/examples.test.ts checks the same tasks' data in the engine; tests/unit/graphSvg.test.ts
// the drawing's details.
import { expect, test } from '@playwright/test';
import { EXAMPLE_EXPECTATIONS } from '../exampleExpectations.ts';
import { checkSvg, expectFitsEverySize, expectNoOverflow, openApp, openExample, run, status } from './driver.ts';
import examples from './exampleNames.ts';
import { expectLegibleGraph } from './graphLegibility.ts';

test('every example opens, runs each task to its expected end, fits 1280×720 and 1440×900, has a legible graph, and exports it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const seen: string[] = [];
  for (const [file, name] of Object.entries(examples)) {
    await openExample(page, name);
    await expectFitsEverySize(page, `${name}, opened`);
    for (const [task, expected] of Object.entries(EXAMPLE_EXPECTATIONS[file])) {
      await page.getByLabel('Task', { exact: true }).selectOption({ label: task });
      await run(page);
      // Soft: one wrong ending still lets the pass report every other example.
      await expect.soft(status(page), `${name} / ${task}`).toHaveText(expected.status);
      await expectNoOverflow(page, `${name} / ${task}, after a run`);
    }
    await expectFitsEverySize(page, `${name}, after a run`);
    await expectLegibleGraph(page, name);
    await checkSvg(page, `${name}, after a run`);
    const lesson = page.getByRole('button', { name: 'Lesson', exact: true });
    if (await lesson.count()) {
      await lesson.click();
      await expect(page.getByTestId('lesson')).toBeVisible();
      const next = page.getByRole('button', { name: 'Next stop (N)' });
      if (await next.isEnabled()) await next.click();
      await expectFitsEverySize(page, `${name}, lesson`);
      await page.getByRole('button', { name: 'End the lesson (Esc)' }).click();
    }
    seen.push(name);
  }
  expect(seen).toHaveLength(Object.keys(EXAMPLE_EXPECTATIONS).length);
});
