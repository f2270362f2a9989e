// The WCAG 2.1 AA check (docs/decisions/0017-accessibility-axe.md): axe-core on a whole page or on one dialog,
// failing with what to fix — rule, impact, the elements and axe's summary of why each one fails.
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks of every page. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One violation as a few lines: `color-contrast (serious): …` then each element's selector and why it fails. */
export function describeViolation(v: Result): string {
  const nodes = v.nodes.slice(0, 8).map((n) => {
    const summary = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').replace(/^Fix (any|all) of the following: /, '');
    return `    ${n.target.join(' >> ')}\n      ${summary}`;
  });
  const more = v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : [];
  return [`  ${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
}

/**
 * Runs axe on the page, or only inside `scope` (a dialog), and fails on any WCAG 2.1 A/AA violation. Motion is
 * reduced first, so no transition is caught half-way (a fading colour would be measured as low contrast).
 */
export async function expectAccessible(page: Page, what: string, scope?: Locator): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (scope) {
    // AxeBuilder takes CSS selectors, not locators: the scoped element is marked with an id of its own.
    const mark = randomUUID();
    await scope.evaluate((el, id) => el.setAttribute('data-axe-scope', id), mark);
    builder = builder.include(`[data-axe-scope="${mark}"]`);
  }
  const { violations, incomplete } = await builder.analyze();
  // What axe could not decide (text over an image or a gradient, under opacity) is listed in the report for a
  // person to look at, and does not fail the test.
  for (const v of incomplete) {
    test.info().annotations.push({ type: `axe incomplete: ${what}`, description: describeViolation(v) });
  }
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  // Soft: one test checks several pages and dialogs, and reports every one that fails, not only the first.
  expect.soft(violations.length === 0, `${what}: ${count} element(s) fail WCAG 2.1 AA\n${violations.map(describeViolation).join('\n')}`).toBe(true);
}
