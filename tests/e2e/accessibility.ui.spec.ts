import type { Page } from '@playwright/test';
import { SAME_ORIGIN } from './support/app-origin';
import { expectAccessible } from './support/axe';
import { denialIdByClaim } from './support/denials';
import { appealReadyForLetter } from './support/appeals';
import { expect, test } from './support/fixtures';
import { denialsCsv, remit835, uniqueTag } from './support/remit-files';
import type { TestData } from './support/test-data';

// Every page, for every role that sees it, and every dialog, pass WCAG 2.1 A and AA as axe-core checks them
// (docs/decisions/0017-accessibility-axe.md). Each test makes its own people and denials.

/** The queue once its rows (or its empty state) are on screen and nothing is being fetched. */
async function queueAt(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('table', { name: 'Denials' }).or(page.getByText(/^(All clear\.|No denials match these filters\.)$/))).toBeVisible();
  await expect(page.getByText('updating…')).toHaveCount(0);
}

/** A dialog by its title, checked once open. */
async function dialogIsAccessible(page: Page, title: string | RegExp) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, `dialog “${title}”`, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test('sign-in: the form, a refused password and an ended session', async ({ page, data }) => {
  const person = await data.person('specialist', { team: await data.team() });
  await page.goto('/signin');
  await expectAccessible(page, 'sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'sign-in with an error');
  await page.goto('/signin?expired=1');
  await expect(page.getByText('Your session has ended.')).toBeVisible();
  await expectAccessible(page, 'sign-in after the session ended');
});

/** A specialist with work of every kind: due soon, missed, waiting on the payer, appealed, and one unassigned. */
async function specialistWithWork(data: TestData) {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  await data.denials([
    { team, owner: sam, status: 'in_progress', deadlineInDays: 3, rarcCodes: ['N54'], carcCodes: ['50', '197'] },
    { team, owner: sam, status: 'assigned', deadlineInDays: -12, category: 'timely_filing', department: 'billing' },
    { team, owner: sam, status: 'pending_info' },
    { team, owner: sam, status: 'appealed', deadlineInDays: 0 },
    { team, owner: sam, status: 'in_progress', deadlineInDays: 40 },
    { team, status: 'new', deadlineInDays: 20 },
  ]);
  return sam;
}

test('specialist queue: every view', async ({ page, data, signIn }) => {
  await signIn(page, await specialistWithWork(data));
  for (const view of ['mine', 'team', 'unassigned', 'follow_ups', 'deadlines']) {
    await queueAt(page, `/queue?view=${view}`);
    await expectAccessible(page, `specialist queue, ${view} view`);
  }
});

// Apart from the views: nine page loads in one test came near the time limit under the whole suite's load.
test('specialist queue: filters, a dropped parameter, a refused view and both empty states', async ({ page, data, signIn }) => {
  await signIn(page, await specialistWithWork(data));
  await queueAt(page, '/queue?view=mine&category=medical_necessity&min=50');
  await expectAccessible(page, 'specialist queue with filters');
  await queueAt(page, '/queue?view=mine&status=bogus');
  await expect(page.getByRole('status').filter({ hasText: 'Dismiss' })).toBeVisible();
  await expectAccessible(page, 'specialist queue with a dropped-parameter notice');
  await queueAt(page, `/queue?view=mine&q=nothing-${data.tag}`);
  await expectAccessible(page, 'specialist queue, nothing matches');
  await page.goto('/queue?view=all');
  await expect(page.getByRole('alert').filter({ hasText: /./ })).toBeVisible();
  await expectAccessible(page, 'specialist queue, a view the role may not open');

  await page.context().clearCookies();
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await queueAt(page, '/queue?view=mine');
  await expect(page.getByText('All clear.')).toBeVisible();
  await expectAccessible(page, 'specialist queue, all clear');
});

test('specialist queue: selection and its dialogs, saved views, `?` and the row dialogs', async ({ page, data, signIn }) => {
  await signIn(page, await specialistWithWork(data));
  await queueAt(page, '/queue?view=mine');
  const table = page.getByRole('table', { name: 'Denials' });
  await table.getByRole('checkbox').nth(1).check();
  await table.getByRole('checkbox').nth(2).check();
  await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
  await expectAccessible(page, 'specialist queue with rows selected');
  await page.getByRole('button', { name: 'Follow-up…' }).click();
  await dialogIsAccessible(page, 'Follow-up date');
  await page.getByLabel('Set status of selected').selectOption({ label: 'Pending information' });
  await dialogIsAccessible(page, /2 denials\?$/);

  await page.getByRole('button', { name: 'Saved views ▾' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'saved views menu', page.getByRole('menu'));
  await page.getByRole('menuitem', { name: 'Save this view…' }).click();
  await dialogIsAccessible(page, 'Save this view');
  // A saved view in the menu (with its delete button), and the notice that says it was saved.
  await page.getByRole('button', { name: 'Saved views ▾' }).click();
  await page.getByRole('menuitem', { name: 'Save this view…' }).click();
  await page.getByRole('dialog', { name: 'Save this view' }).getByLabel('Name').fill(`Mine ${data.tag}`);
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “Mine ${data.tag}”.` })).toBeVisible();
  await expectAccessible(page, 'specialist queue with a notice');
  await page.getByRole('button', { name: 'Saved views ▾' }).click();
  await expect(page.getByRole('menuitem', { name: new RegExp(`Mine ${data.tag}`) })).toBeVisible();
  await expectAccessible(page, 'saved views menu with a view', page.getByRole('menu'));
  await page.keyboard.press('Escape');

  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('?');
  await dialogIsAccessible(page, 'Keyboard shortcuts');
  await page.keyboard.press('n');
  await dialogIsAccessible(page, 'Add a note');
});

test('manager queue: team, unassigned, every team, missed, closed and written off', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const manager = await data.person('manager', { team, orgWide: true });
  await data.denials([
    { team, owner: sam, status: 'in_progress', deadlineInDays: 5, deniedCents: 146_400 },
    { team, owner: sam, status: 'assigned', deadlineInDays: -400, scoreLikelihood: 0.05 },
    { team, status: 'new', deadlineInDays: 2, rarcCodes: ['M127'] },
    { team, owner: sam, status: 'writeoff_pending', deadlineInDays: 9 },
    { team, owner: sam, status: 'resolved_paid', closedBy: sam, patientName: `Paid ${data.tag}, Pat` },
    { team, owner: sam, status: 'resolved_partial', recoveredCents: 4_000, closedBy: sam },
    { team, owner: sam, status: 'written_off', closedBy: manager },
  ]);
  await signIn(page, manager);
  const views = ['team', 'unassigned', 'deadlines', 'all', 'all&due=missed', 'all&status=resolved_paid', 'all&status=written_off', 'all&status=resolved_partial'];
  for (const view of views) {
    await queueAt(page, `/queue?view=${view}&q=${data.tag}`);
    await expectAccessible(page, `manager queue, ${view}`);
  }
  await queueAt(page, `/queue?view=team&q=${data.tag}`);
  const table = page.getByRole('table', { name: 'Denials' });
  await table.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await expectAccessible(page, 'manager queue with every row selected');
  await page.getByLabel('Assign selected to').selectOption({ label: 'Nobody (unassign)' });
  await dialogIsAccessible(page, 'Put back in the unassigned pool');
});

test('denial detail, open, for its specialist: the page and every dialog on it', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const [open, missed, waiting] = await data.denials([
    { team, owner: sam, status: 'in_progress', deadlineInDays: 4, carcCodes: ['50', '16'], rarcCodes: ['N54'], deniedCents: 12_345 },
    { team, owner: sam, status: 'assigned', deadlineInDays: -30 },
    { team, owner: sam, status: 'pending_info' },
  ]);
  await signIn(page, sam);
  for (const [what, d] of [['missed', missed!], ['waiting on the payer', waiting!]] as const) {
    await page.goto(`/denials/${d.id}`);
    await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeVisible();
    await expectAccessible(page, `denial detail, ${what}`);
  }

  await page.goto(`/denials/${open!.id}`);
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeVisible();
  await expectAccessible(page, 'denial detail, open');
  const press = async (name: RegExp, title: string | RegExp) => {
    await page.getByRole('button', { name }).click();
    await dialogIsAccessible(page, title);
  };
  await press(/^Add note/, 'Add a note');
  await press(/^Follow-up/, 'Follow-up date');
  await press(/^Write off…/, 'Write off $123.45');

  await page.getByRole('button', { name: /^Change status/ }).click();
  const status = page.getByRole('dialog', { name: 'Change status' });
  await expectAccessible(page, 'status dialog', status);
  await status.getByLabel('New status').selectOption({ label: 'Paid' });
  await status.getByLabel(/Amount paid/).fill('9,000');
  await status.getByRole('button', { name: 'Save status' }).click();
  await expect(status.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'status dialog with a refused amount', status);
  await status.getByLabel('New status').selectOption({ label: 'Appealed' });
  await dialogIsAccessible(page, 'Change status');

  await page.keyboard.press('?');
  await dialogIsAccessible(page, 'Keyboard shortcuts');
});

// The Appeals card and its dialogs: recording a submission, a decision, and the decision's confirmation.
test('denial detail: the appeals card and its submission and decision dialogs', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', deniedCents: 40_000 });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  const appeals = page.getByRole('region', { name: 'Appeals' });
  await appeals.getByRole('button', { name: 'Draft level 1 appeal' }).click();
  const draft = appeals.getByRole('listitem', { name: 'Level 1 appeal: Draft' });
  await expectAccessible(page, 'appeals card with a draft', appeals);
  await draft.getByRole('button', { name: 'Record submission…' }).click();
  const submit = page.getByRole('dialog', { name: 'Record submission — Level 1 appeal' });
  await expectAccessible(page, 'record submission dialog', submit);
  await submit.getByRole('button', { name: 'Record submission' }).click();
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Awaiting decision' }).getByRole('button', { name: 'Record decision…' }).click();
  const decide = page.getByRole('dialog', { name: 'Record decision — Level 1 appeal' });
  await decide.getByLabel('Partially overturned').check();
  await decide.getByLabel(/Amount the payer pays/).fill('400');
  await decide.getByRole('button', { name: 'Review…' }).click();
  await expect(decide.getByRole('alert')).toHaveText('$400 is everything still denied: choose “overturned”.');
  await expectAccessible(page, 'record decision dialog with a refused amount', decide);
  await decide.getByLabel(/Amount the payer pays/).fill('150');
  await decide.getByRole('button', { name: 'Review…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record $150 recovered?' });
  await expect(confirm).toContainText('$250 stays denied');
  await expectAccessible(page, 'decision confirmation', confirm);
});

// The corrected-claim dialog (its checklist, frequency choice and fields) apart from the detail's other dialogs:
// together they came near the time limit under the whole suite's load.
test('denial detail: the corrected & resubmitted dialog, with its checklist for the denial', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', category: 'coding_modifiers', carcCodes: ['16', '4'], rarcCodes: ['MA130', 'M51'] });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await page.getByRole('button', { name: /^Corrected & resubmitted…/ }).click();
  await expect(page.getByRole('dialog', { name: 'Corrected & resubmitted' }).getByRole('radio', { name: /^New claim \(frequency 1\)/ })).toBeChecked();
  await dialogIsAccessible(page, 'Corrected & resubmitted');
});

test('denial detail for a manager: write-off to decide, paid with its outcome (and reopen), written off', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const manager = await data.person('manager', { team, orgWide: true });
  const [pending, paid, writtenOff] = await data.denials([
    { team, owner: sam, status: 'writeoff_pending', deadlineInDays: 12, deniedCents: 880_000 },
    { team, owner: sam, status: 'resolved_paid', closedBy: sam, deniedCents: 120_000 },
    { team, owner: sam, status: 'written_off', closedBy: manager },
  ]);
  await signIn(page, manager);
  await page.goto(`/denials/${pending!.id}`);
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeVisible();
  await expectAccessible(page, 'denial detail, write-off pending');
  await page.getByRole('button', { name: 'Approve write-off…' }).click();
  await dialogIsAccessible(page, /^Approve writing off/);
  await page.getByRole('button', { name: 'Reject write-off…' }).click();
  await dialogIsAccessible(page, /^Reject the write-off/);

  await page.goto(`/denials/${paid!.id}`);
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible();
  await expectAccessible(page, 'denial detail, paid');
  await page.getByRole('button', { name: 'Reopen…' }).click();
  await dialogIsAccessible(page, 'Reopen this denial');

  await page.goto(`/denials/${writtenOff!.id}`);
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Written off');
  await expectAccessible(page, 'denial detail, written off');

  // An imported claim: service lines, adjustments, the remittance and the score's explanation, as payers send them.
  const remit = remit835(uniqueTag());
  const res = await page.request.post(`/api/imports/835?filename=a11y-${data.tag}.835`, { data: Buffer.from(remit.text), headers: SAME_ORIGIN });
  expect(res.status()).toBe(200);
  await page.goto(`/denials/${await denialIdByClaim(page.request, remit.deniedClaims[1]!)}`);
  await expect(page.getByText('Claim and service lines')).toBeVisible();
  await expectAccessible(page, 'denial detail, imported');

  await page.context().clearCookies();
  await signIn(page, sam);
  await page.goto(`/denials/${writtenOff!.id}`);
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible();
  await expectAccessible(page, 'denial detail, written off, for a specialist');
});

test('write-off approvals: rows with warnings and evidence, both confirmations, and the empty inbox', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const manager = await data.person('manager', { team });
  const denials = await data.denials([
    { team, owner: sam, status: 'writeoff_pending', deniedCents: 90_000, carcCodes: ['50'] },
    { team, owner: sam, status: 'writeoff_pending', deniedCents: 70_000, carcCodes: ['18'], category: 'duplicate' },
  ]);
  for (const [i, d] of denials.entries()) {
    await db.writeOff.create({
      data: { denialId: d.id, amountCents: BigInt(i === 0 ? 90_000 : 70_000), reasonCode: i === 0 ? 'small_balance' : 'duplicate', reason: '', status: 'pending', requestedById: sam.id },
    });
  }
  const empty = await data.person('manager', { team: await data.team() });
  await signIn(page, empty);
  await page.goto('/approvals');
  await expect(page.getByText('No write-off waits for approval.')).toBeVisible();
  await expectAccessible(page, 'write-off approvals, empty');

  await page.context().clearCookies();
  await signIn(page, manager);
  await page.goto('/approvals');
  const table = page.getByRole('table', { name: 'Pending write-offs' });
  await expect(table).toBeVisible();
  await table.getByText(/^Evidence:/).first().click();
  await expectAccessible(page, 'write-off approvals, with warnings and evidence open');
  await table.getByRole('checkbox', { name: 'Select every write-off you can decide' }).check();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await dialogIsAccessible(page, /^Approve 2 write-offs/);
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await dialogIsAccessible(page, /^Reject 2 write-offs/);
});

test('appeals awaiting decision: overdue, due today and later rows', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denials = await data.denials([0, 1, 2].map(() => ({ team, owner: sam, status: 'appealed' as const })));
  const day = (days: number) => new Date(Math.floor(Date.now() / 86_400_000 + days) * 86_400_000);
  await db.appeal.createMany({
    data: denials.map((d, i) => ({ denialId: d.id, level: '1', submittedAt: day(-30), method: 'portal', payerReference: `A11Y-${i}`, statusCheckOn: day([-3, 0, 8][i]!) })),
  });
  await signIn(page, sam);
  await page.goto('/appeals?owner=me');
  await expect(page.getByRole('table', { name: 'Appeals awaiting decision' }).locator('tbody tr')).toHaveCount(3);
  await expectAccessible(page, 'appeals awaiting decision');
});

// Apart from the rows: three axe runs in one test came near the time limit under the whole suite's load.
test('appeals awaiting decision: a filter with nothing, and a bad page link', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto(`/appeals?owner=me&overdue=1&payer=${(await data.payer()).id}`);
  await expect(page.getByText('No submitted appeal awaits a decision with these filters.')).toBeVisible();
  await expectAccessible(page, 'appeals awaiting decision, nothing matches');
  await page.goto('/appeals?after=bm90LWEtY3Vyc29y');
  await expect(page.getByRole('alert').filter({ hasText: 'The page link is not valid' })).toBeVisible();
  await expectAccessible(page, 'appeals awaiting decision, a bad page link');
});

// The manager's escalation queue (a person's and an SLA's), its three dialogs, and the escalated denial's card.
test('escalations: the queue, its resolve, return and reassign dialogs, and the escalated denial for a manager', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  await data.person('specialist', { team });
  const lee = await data.person('manager', { team });
  const [raised, fired] = await data.denials([
    { team, owner: sam, status: 'in_progress', deadlineInDays: 3 },
    { team, owner: sam, status: 'pending_info', deadlineInDays: -2 },
  ]);
  await db.escalation.createMany({
    data: [
      { denialId: raised!.id, teamId: team.id, raisedById: sam.id, reason: 'Payer refuses the corrected claim as a duplicate', raisedAt: new Date(Date.now() - 30 * 3_600_000) },
      { denialId: fired!.id, teamId: team.id, reason: 'Follow-up overdue by 7 days', slaRule: 'follow_up_overdue' },
    ],
  });
  await db.denial.updateMany({ where: { id: { in: [raised!.id, fired!.id] } }, data: { escalated: true } });
  await signIn(page, lee);
  await page.goto('/escalations');
  const rows = page.getByRole('table', { name: 'Open escalations' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expectAccessible(page, 'escalations');
  for (const [button, title] of [[/^Resolve/, 'Resolve the escalation'], [/^Return/, 'Return to the owner'], [/^Reassign/, 'Reassign the denial']] as const) {
    await rows.first().getByRole('button', { name: button }).click();
    await dialogIsAccessible(page, title);
  }
  await page.goto(`/denials/${raised!.id}`);
  await expect(page.getByRole('region', { name: 'Open escalation' })).toBeVisible();
  await expectAccessible(page, 'denial detail, escalated, for a manager');
});

test('escalations: the escalate dialog, and an empty escalation queue', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress' });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await page.getByRole('button', { name: 'Escalate…' }).click();
  await dialogIsAccessible(page, 'Escalate to a manager');
  await signIn(page, await data.person('manager', { team: await data.team() }));
  await page.goto('/escalations?source=sla');
  await expect(page.getByText('No open escalation with these filters.')).toBeVisible();
  await expectAccessible(page, 'escalations, nothing matches');
});

test('imports: upload, the CSV mapping step, results and failures, and a history of several files', async ({ page, data, signIn }) => {
  const manager = await data.person('manager', { team: await data.team() });
  await signIn(page, manager);
  const tag = uniqueTag();
  for (const [name, text] of [[`a11y-${tag}.835`, remit835(tag).text], [`a11y-unbalanced-${tag}.835`, remit835(`${tag}U`, { unbalanced: true }).text]]) {
    const res = await page.request.post(`/api/imports/835?filename=${name}`, { data: Buffer.from(text!), headers: SAME_ORIGIN });
    expect(res.status()).toBe(200);
  }

  await page.goto('/imports/upload');
  await expect(page.getByLabel('Files to import')).toBeAttached();
  await expectAccessible(page, 'upload page');
  const files = page.getByLabel('Files to import');
  await files.setInputFiles({ name: `map-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(denialsCsv(tag).text) });
  const csvCard = page.getByRole('region', { name: `map-${tag}.csv` });
  await expect(csvCard.getByTestId('file-status')).toHaveText('Map columns');
  await expectAccessible(page, 'upload page, CSV mapping step');

  const broken = remit835(`${tag}B`).text.replace(/CLP\*([^*]+)\*4\*200\.00/, 'CLP*$1*4*2OO.00');
  await files.setInputFiles([
    { name: `ok-${tag}.835`, mimeType: 'application/octet-stream', buffer: Buffer.from(remit835(`${tag}K`).text) },
    { name: `broken-${tag}.835`, mimeType: 'application/octet-stream', buffer: Buffer.from(broken) },
  ]);
  await expect(page.getByRole('region', { name: `ok-${tag}.835` }).getByTestId('file-status')).toHaveText('Imported', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: `broken-${tag}.835` }).getByTestId('file-status')).toHaveText('Not imported', { timeout: 30_000 });
  await expectAccessible(page, 'upload page with an import and a refused file');

  await page.goto('/imports');
  const unbalanced = page.getByRole('row', { name: new RegExp(`a11y-unbalanced-${tag}`) });
  await expect(unbalanced).toBeVisible();
  await expectAccessible(page, 'import history');
  await unbalanced.getByRole('button', { name: /warnings?$/ }).click();
  await expect(page.getByRole('table', { name: `Warnings for a11y-unbalanced-${tag}.835` })).toBeVisible();
  await expectAccessible(page, 'import history with warnings open');

  await page.context().clearCookies();
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/imports');
  await expect(page.getByRole('table', { name: 'Imported files' })).toBeVisible();
  await expectAccessible(page, 'import history for a specialist');
});

test('payer rules, root-cause feedback and the pages that turn people away', async ({ page, data, signIn }) => {
  const team = await data.team();
  await data.payer();
  await data.denials([
    { team, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'], rarcCodes: ['N130'] },
    { team, category: 'authorization_referral', department: 'front_desk', carcCodes: ['197'] },
  ]);

  await signIn(page, await data.person('manager', { team }));
  await page.goto('/payers');
  await expect(page.getByRole('heading', { name: 'Payer rules' })).toBeVisible();
  await expectAccessible(page, 'payer rules');
  await page.getByRole('button', { name: 'Edit rules' }).first().click();
  await expect(page.getByRole('form', { name: /^Rules for / })).toBeVisible();
  await expectAccessible(page, 'payer rules, editing');
  await page.goto('/feedback');
  await expectAccessible(page, 'feedback for a manager');
  await page.goto('/denials/00000000-0000-7000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'There is no page here' })).toBeVisible();
  await expectAccessible(page, 'a denial that does not exist');

  await page.context().clearCookies();
  await signIn(page, await data.person('front_desk'));
  await page.goto('/feedback');
  await expect(page.getByRole('heading', { name: 'Root-cause feedback' })).toBeVisible();
  await expectAccessible(page, 'feedback for the front desk');
  await page.goto('/queue');
  await expect(page).toHaveURL(/\/forbidden/);
  await expectAccessible(page, 'forbidden');

});

test('assignment rules: the list, the editor with its preview and errors, and the re-run confirmation', async ({ page, data, signIn }) => {
  const team = await data.team();
  const payer = await data.payer();
  // In the manager's team without an owner (the "no owner" re-run), so no other test's re-run of the pool sees it.
  await data.denials([{ payer, team, owner: null }]);
  await signIn(page, await data.person('manager', { team }));
  await page.goto('/assignment-rules');
  await expect(page.getByRole('heading', { name: 'Assignment rules' })).toBeVisible();
  await expectAccessible(page, 'assignment rules');
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Name').fill(`A11y ${payer.name}`);
  await form.getByRole('checkbox', { name: payer.name }).check();
  await form.getByLabel('Team').selectOption({ label: team.name });
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByRole('status', { name: 'Preview' })).toBeVisible();
  await form.getByLabel('CARC codes').fill('99999');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(form.getByText(/^Not a CARC/)).toBeVisible();
  await expectAccessible(page, 'assignment rules, editing with a preview and an error');
  await form.getByLabel('CARC codes').fill('');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await page.getByRole('radio', { name: /^Every open denial with no owner/ }).check();
  await page.getByRole('button', { name: 'Re-run rules…' }).click();
  await dialogIsAccessible(page, 'Route these denials now?');
});

test('users, for an administrator: the list with a disabled person, a refused new user, and not found', async ({ page, data, signIn }) => {
  const leaver = await data.person('manager', { team: await data.team(), name: `Lee Leaver ${data.tag}` });
  await signIn(page, await data.person('admin'));
  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Disable ${leaver.name}` }).click();
  await expect(page.getByRole('button', { name: `Enable ${leaver.name}` })).toBeVisible();
  await expectAccessible(page, 'users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill(`Pat Weakpass ${data.tag}`);
  await form.getByLabel('Email').fill(`weak-${data.tag}@e2e.overturn.test`.toLowerCase());
  await form.getByLabel('Initial password').fill('password1234');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'users, new user refused');

  await page.goto(`/no-such-page-${data.tag}`);
  await expect(page.getByRole('heading', { name: 'There is no page here' })).toBeVisible();
  await expectAccessible(page, 'not found, signed in');
  await page.context().clearCookies();
  await page.goto(`/no-such-page-${data.tag}`);
  await expectAccessible(page, 'not found (or sign-in), signed out');
});

test('the appeal workspace: choosing a template, the letter editor and replacing the letter', async ({ page, data, signIn }) => {
  const { specialist, denial, template, appeal } = await appealReadyForLetter(data);
  await signIn(page, specialist);
  await page.goto(`/denials/${denial.id}/appeals/${appeal.id}`);
  await expectAccessible(page, 'appeal workspace without a letter');
  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  await expect(page.getByRole('status').filter({ hasText: 'ready to draft' })).toBeVisible();
  await page.getByRole('button', { name: 'Draft letter' }).click();
  await expect(page.getByLabel('Letter text')).toBeVisible();
  await expectAccessible(page, 'appeal workspace with its letter');
  await page.getByText('Draft again from a template…').click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  await expect(page.getByRole('status').filter({ hasText: 'ready to draft' })).toBeVisible();
  await page.getByRole('button', { name: 'Draft letter' }).click();
  await dialogIsAccessible(page, 'Replace the letter?');
});

test('the printable appeal letter', async ({ page, data, signIn, db }) => {
  const { specialist, denial, appeal } = await appealReadyForLetter(data);
  const template = await db.letterTemplate.findFirstOrThrow({ where: { name: { contains: data.tag } }, include: { versions: true } });
  await db.appealLetter.create({
    data: { appealId: appeal.id, templateId: template.id, templateVersionId: template.versions[0]!.id, title: 'Appeal', body: '# Appeal\n\nPlease reprocess the claim.\n\n- Records enclosed' },
  });
  await signIn(page, specialist);
  await page.goto(`/denials/${denial.id}/appeals/${appeal.id}/letter`);
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText('Please reprocess the claim.');
  await expectAccessible(page, 'printable appeal letter');
});

test('team SLAs: a team’s form, the organisation default read-only, and a refused save', async ({ page, data, signIn }) => {
  const team = await data.team();
  await signIn(page, await data.person('manager', { team }));
  await page.goto('/team/slas');
  await expect(page.getByRole('heading', { name: 'Team SLAs' })).toBeVisible();
  await expectAccessible(page, 'team SLAs');
  const form = page.getByRole('form', { name: `SLA for ${team.name}` });
  await form.getByLabel('Deadline within days').fill('0');
  await form.getByRole('button', { name: 'Save SLA' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Deadline within days: A whole number of days from 1 to 90' })).toBeVisible();
  await expectAccessible(page, 'team SLAs, a refused save');
});

test('move work: the page with its preview and the move confirmation', async ({ page, data, signIn }) => {
  const team = await data.team();
  const alex = await data.person('specialist', { team });
  const bo = await data.person('specialist', { team });
  await data.denials([{ team, owner: alex, status: 'in_progress', deniedCents: 12_345 }]);
  await signIn(page, await data.person('manager', { team }));
  await page.goto(`/team/move?from=${alex.id}`);
  const form = page.getByRole('form', { name: 'Move work' });
  await expect(form.getByRole('status')).toContainText('1 denial ($123.45)');
  await expectAccessible(page, 'move work with a preview');
  await form.getByLabel('To', { exact: true }).selectOption({ label: bo.name });
  await form.getByLabel('Reason (required)').fill('Balancing the load');
  await form.getByRole('button', { name: 'Review the move…' }).click();
  await dialogIsAccessible(page, /^Move 1 denial/);
});

test('out of office: the page and the absence dialog', async ({ page, data, signIn }) => {
  const team = await data.team();
  const alex = await data.person('specialist', { team });
  await signIn(page, await data.person('manager', { team }));
  await page.goto('/team/away');
  await expect(page.getByRole('button', { name: `Mark away for ${alex.name}` })).toBeVisible();
  await expectAccessible(page, 'out of office');
  await page.getByRole('button', { name: `Mark away for ${alex.name}` }).click();
  await dialogIsAccessible(page, `Mark ${alex.name} away`);
});

test('team board, for a manager: people, the pool, payers and categories', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  await data.denials([
    { team, owner: sam, status: 'in_progress', deadlineInDays: 5 },
    { team, owner: sam, status: 'assigned', deadlineInDays: -3 },
    { team, status: 'new', deadlineInDays: 20, category: 'timely_filing' },
  ]);
  await signIn(page, await data.person('manager', { team }));
  await page.goto('/team');
  await expect(page.getByRole('table', { name: 'Work by person' })).toBeVisible();
  await expectAccessible(page, 'team board');
});
