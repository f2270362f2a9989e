// The e2e test API: `data` makes this test's own teams, people, payers and denials (support/test-data.ts),
// `signIn` signs a page in without the form, `pageAs` opens a second browser session for another person.
// Nothing is shared between tests, so the suite runs fully parallel.
import { randomUUID } from 'node:crypto';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { signIn } from './login';
import { openTestDatabase, testData, type Person, type TestData } from './test-data';

export { expect };
export type { Denial, Payer, Person, Team } from './test-data';

interface TestFixtures {
  data: TestData;
  /** Signs this page's context in as the person (next-auth's credentials endpoint, not the form). */
  signIn: (page: Page, person: Person) => Promise<void>;
  /** A page in a fresh browser context, signed in as the person; closed after the test. */
  pageAs: (person: Person) => Promise<Page>;
}

/** Collects what Chromium reports when the Content Security Policy blocks something in this context's pages. */
function watchCsp(context: BrowserContext): string[] {
  const violations: string[] = [];
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return violations;
}

// (`provide` is Playwright's `use`, renamed so the React hooks lint does not take it for a hook.)
export const test = base.extend<TestFixtures, { db: PrismaClient }>({
  db: [
    async ({}, provide) => {
      const db = openTestDatabase();
      await provide(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],
  // Every page of every test fails on a CSP violation: the policy must not break the app anywhere.
  context: async ({ context }, provide) => {
    const violations = watchCsp(context);
    await provide(context);
    expect(violations, 'Content Security Policy violations').toEqual([]);
  },
  data: async ({ db }, provide, testInfo) => {
    // Worker, time and randomness: unique across workers, retries and earlier runs against the same database.
    const tag = `${testInfo.workerIndex}${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase();
    await provide(testData(db, tag));
  },
  signIn: async ({}, provide) => {
    await provide((page, person) => signIn(page, person.email, person.password));
  },
  pageAs: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const violations: string[][] = [];
    await provide(async (person) => {
      const context = await browser.newContext();
      contexts.push(context);
      violations.push(watchCsp(context));
      const page = await context.newPage();
      await signIn(page, person.email, person.password);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
    expect(violations.flat(), 'Content Security Policy violations').toEqual([]);
  },
});
