// Walks every operation in lib/server that takes an Actor: each refuses every role that may not call it
// (AppError 'forbidden' or { ok: false, code: 'forbidden' }) and does not refuse, for authorization, a role that
// may. The table is checked against the source, so a new operation cannot be added without a row here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role } from '@/lib/domain/permissions';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { addDays } from '@/lib/domain/dates';
import { DEFAULT_SLA } from '@/lib/domain/sla';
import { db } from '@/lib/server/db';
import { addNote } from '@/lib/server/denials/add-note';
import { assignDenial } from '@/lib/server/denials/assign-denial';
import { bulkUpdateDenials } from '@/lib/server/denials/bulk-update-denials';
import { changeStatus } from '@/lib/server/denials/change-status';
import { appealLetterPdf, checkLetterTemplate, draftLetter, getAppealWorkspace, saveLetter } from '@/lib/server/appeals/appeal-letters';
import { decideAppeal } from '@/lib/server/appeals/decide-appeal';
import { addAttachment } from '@/lib/server/attachments/add-attachment';
import { buildPacket, readPacket } from '@/lib/server/appeals/appeal-packet';
import { readAttachment } from '@/lib/server/attachments/read-attachment';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { submitAppeal } from '@/lib/server/appeals/submit-appeal';
import { decideWriteOff } from '@/lib/server/denials/decide-write-off';
import { escalateDenial } from '@/lib/server/escalations/escalate-denial';
import { handleEscalation } from '@/lib/server/escalations/handle-escalation';
import { listEscalations } from '@/lib/server/escalations/list-escalations';
import { withdrawEscalation } from '@/lib/server/escalations/withdraw-escalation';
import { decideWriteOffs } from '@/lib/server/write-offs/decide-write-offs';
import { listPendingWriteOffs } from '@/lib/server/write-offs/list-pending-write-offs';
import { getDenial } from '@/lib/server/denials/get-denial';
import { listQueue } from '@/lib/server/denials/list-queue';
import { listAwaitingAppeals } from '@/lib/server/appeals/list-awaiting-appeals';
import { teamBoard } from '@/lib/server/team/team-board';
import { scoreBacktest } from '@/lib/server/backtest/score-backtest';
import { dashboardMetrics } from '@/lib/server/metrics/dashboard';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { exportQueue } from '@/lib/server/export/export-queue';
import { exportAudit } from '@/lib/server/export/export-audit';
import { exportDashboard } from '@/lib/server/export/export-dashboard';
import { exportPrevention } from '@/lib/server/export/export-prevention';
import { searchAudit } from '@/lib/server/audit/search-audit';
import { markResubmitted } from '@/lib/server/denials/mark-resubmitted';
import { reopenDenial } from '@/lib/server/denials/reopen-denial';
import { requestWriteOff } from '@/lib/server/denials/request-write-off';
import { setFollowUp } from '@/lib/server/denials/set-follow-up';
import { setWriteOffThreshold } from '@/lib/server/denials/set-write-off-threshold';
import { undoDenialChange } from '@/lib/server/denials/undo-denial-change';
import { writeOffThresholdCents } from '@/lib/server/denials/write-off-threshold';
import { AppError } from '@/lib/server/errors';
import { frontDeskFeedback } from '@/lib/server/feedback/front-desk-feedback';
import { createPreventionIssue } from '@/lib/server/prevention/create-prevention-issue';
import { listIssueDenials } from '@/lib/server/prevention/list-issue-denials';
import { listPreventionIssues } from '@/lib/server/prevention/list-prevention-issues';
import { updateChecklist } from '@/lib/server/prevention/update-checklist';
import { updatePreventionIssue } from '@/lib/server/prevention/update-prevention-issue';
import { listCsvSources } from '@/lib/server/imports/list-csv-sources';
import { listImports } from '@/lib/server/imports/list-imports';
import { readRawFile } from '@/lib/server/imports/read-raw-file';
import { readRejectedRows } from '@/lib/server/imports/read-rejected-rows';
import { listPayerRules } from '@/lib/server/payers/list-payer-rules';
import { deleteRule, moveRule, toggleRule } from '@/lib/server/assignment/arrange-rules';
import { listAssignmentRules } from '@/lib/server/assignment/list-rules';
import { previewRule } from '@/lib/server/assignment/preview-rule';
import { previewRerun, rerunUnassigned } from '@/lib/server/assignment/rerun-unassigned';
import { saveRule } from '@/lib/server/assignment/save-rule';
import { ruleDraftInput } from '@/lib/domain/contracts/assignment-rules';
import { updatePayerRules } from '@/lib/server/payers/update-payer-rules';
import { listTeamSlas } from '@/lib/server/sla/list-team-slas';
import { previewTeamSla } from '@/lib/server/sla/preview-team-sla';
import { runSlaCheckNow } from '@/lib/server/sla/run-sla-now';
import { updateTeamSla } from '@/lib/server/sla/update-team-sla';
import { ingest835, process835, store835 } from '@/lib/server/remits/ingest-835';
import { ingestCsv } from '@/lib/server/remits/ingest-csv';
import { previewCsv } from '@/lib/server/remits/preview-csv';
import { deleteView } from '@/lib/server/saved-views/delete-view';
import { listSavedViews } from '@/lib/server/saved-views/list-saved-views';
import { countUnreadNotifications, listNotifications } from '@/lib/server/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/server/notifications/mark-notifications-read';
import { saveView } from '@/lib/server/saved-views/save-view';
import { getOrganization } from '@/lib/server/organization/read-organization';
import { updateOrganization } from '@/lib/server/organization/update-organization';
import { listCodeMappingChanges } from '@/lib/server/codes/list-code-mapping-changes';
import { previewCodeMapping } from '@/lib/server/codes/preview-code-mapping';
import { saveCodeMapping } from '@/lib/server/codes/save-code-mapping';
import { searchCodeMappings } from '@/lib/server/codes/search-code-mappings';
import { createTemplate } from '@/lib/server/templates/create-template';
import { getTemplate } from '@/lib/server/templates/get-template';
import { listTemplates } from '@/lib/server/templates/list-templates';
import { saveTemplateVersion } from '@/lib/server/templates/save-template-version';
import { setTemplateArchived } from '@/lib/server/templates/set-template-archived';
import { clearAway, listTeamAway, setAway } from '@/lib/server/team/away';
import { listMoveSources, moveWork, previewMoveWork } from '@/lib/server/team/move-work';
import { createUser } from '@/lib/server/users/create-user';
import { listUsers } from '@/lib/server/users/list-users';
import { updateUser } from '@/lib/server/users/update-user';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { GOOD_ORGANIZATION, createTemplateRow, organizationVersion } from '../../support/template-factory';
import { withIngestDatabase } from '../ingest/helpers';

withIngestDatabase();

const TODAY = '2026-11-20';
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const encode = (text: string) => new TextEncoder().encode(text);

let teamA: string;
let teamB: string;
let payerId: string;
/** One actor per role, all in team A (the manager without organisation-wide scope). */
const as = {} as Record<Role, Actor>;
let fileOfTeamA: string;

async function fileImportedBy(importer: Actor, name: string): Promise<string> {
  const content = encode(`${run} ${name}`);
  const file = await db.remittanceFile.create({
    data: {
      filename: name,
      format: 'csv',
      sha256: `${run}-${name}`,
      sizeBytes: content.byteLength,
      chunks: { create: { seq: 0, content } },
      importedById: importer.id,
      rejectedRows: [{ line: 3, reason: 'carc: required' }],
    },
  });
  return file.id;
}

/** A fresh team-A denial, so each call starts from version 0 whatever the previous call changed. */
const freshDenial = async (spec: { status?: 'new' | 'writeoff_pending' | 'resolved_paid' } = {}) => ({
  id: await createDenial({ payerId, teamId: teamA, status: spec.status ?? 'new', deniedCents: 90_000_00 }),
  version: 0,
});

/** A rule matching only a fresh payer, as the editor would have read it. */
async function opsRule(): Promise<{ id: string; version: number }> {
  const payer = await createPayer('commercial');
  const rule = await db.assignmentRule.create({
    data: { name: `Ops ${run}`, position: 1000, teamId: teamA, strategy: 'team_only', payerIds: [payer.id], categories: [], departments: [], carcCodes: [], rarcCodes: [], providerNpis: [] },
  });
  return { id: rule.id, version: rule.version };
}

// The rows' assignment rules match only payers of their own; removed so no later file sees them.
afterAll(async () => {
  await db.assignmentRule.deleteMany({ where: { name: { in: [`Ops ${run}`] } } });
});

const AUTHZ_COMBINATION = { group: 'PI', carc: 'B7', rarc: 'N999' } as const;
const NO_APPEAL = '00000000-0000-7000-8000-000000000000';

interface Operation {
  /** The roles that may call it; every other role must be refused. */
  may: Role[];
  call: (actor: Actor) => Promise<unknown>;
}

// Every exported operation in lib/server that takes an Actor.
const OPERATIONS: Record<string, Operation> = {
  listQueue: { may: ['specialist', 'manager'], call: (a) => listQueue(a, queueParamsSchema.parse({ payer: payerId }), TODAY) },
  listQueueOptions: { may: ['specialist', 'manager'], call: (a) => listQueueOptions(a) },
  // The download is not read: the export's first batch is only fetched when the client asks for it.
  exportQueue: { may: ['specialist', 'manager'], call: async (a) => (await exportQueue(a, queueParamsSchema.parse({ payer: payerId }), TODAY)).body?.cancel() },
  searchAudit: { may: ['admin'], call: (a) => searchAudit(a, { action: 'export' }) },
  exportAudit: { may: ['admin'], call: async (a) => (await exportAudit(a, { action: 'export' }, TODAY)).body?.cancel() },
  exportDashboard: { may: ['specialist', 'manager'], call: async (a) => (await exportDashboard(a, { payer: payerId }, TODAY)).body?.cancel() },
  exportPrevention: { may: ['manager'], call: async (a) => (await exportPrevention(a, TODAY)).body?.cancel() },
  teamBoard: { may: ['manager'], call: (a) => teamBoard(a, TODAY) },
  scoreBacktest: { may: ['manager'], call: (a) => scoreBacktest(a, { from: addDays(TODAY, -30), to: TODAY, perDay: 5, specialists: null, weights: { amount: 1, likelihood: 1, urgency: 1, effort: 1 } }, TODAY) },
  dashboardMetrics: { may: ['specialist', 'manager'], call: (a) => dashboardMetrics(a, { from: TODAY, to: TODAY }, { payer: payerId }, TODAY) },
  listAwaitingAppeals: { may: ['specialist', 'manager'], call: (a) => listAwaitingAppeals(a, { owner: 'all', overdue: false, payer: payerId }, TODAY) },
  getDenial: { may: ['specialist', 'manager'], call: async (a) => getDenial(a, (await freshDenial()).id, TODAY) },
  assignDenial: { may: ['specialist', 'manager'], call: async (a) => assignDenial(a, { ...(await freshDenial()), assignee: 'me' }) },
  setFollowUp: { may: ['specialist', 'manager'], call: async (a) => setFollowUp(a, { ...(await freshDenial()), date: addDays(TODAY, 400) }) },
  addNote: { may: ['specialist', 'manager'], call: async (a) => addNote(a, { ...(await freshDenial()), note: 'Called the payer' }) },
  changeStatus: { may: ['specialist', 'manager'], call: async (a) => changeStatus(a, { ...(await freshDenial()), to: 'in_progress' }) },
  markResubmitted: { may: ['specialist', 'manager'], call: async (a) => markResubmitted(a, { ...(await freshDenial()), note: 'Fixed the modifier' }) },
  escalateDenial: { may: ['specialist', 'manager'], call: async (a) => escalateDenial(a, { ...(await freshDenial()), reason: 'Payer portal refuses the form' }) },
  // Allowed roles get past the check and stop at the unknown escalation (nothing is written).
  handleEscalation: { may: ['manager'], call: (a) => handleEscalation(a, { escalationId: NO_APPEAL, outcome: 'resolved', note: 'Appeal it' }) },
  withdrawEscalation: { may: ['specialist', 'manager'], call: (a) => withdrawEscalation(a, { escalationId: NO_APPEAL, note: 'The payer called back' }) },
  listEscalations: { may: ['manager'], call: (a) => listEscalations(a, { source: 'all' }, TODAY) },
  requestWriteOff: { may: ['specialist', 'manager'], call: async (a) => requestWriteOff(a, { ...(await freshDenial()), reasonCode: 'other', reason: 'Not worth appealing' }) },
  decideWriteOff: { may: ['manager'], call: async (a) => decideWriteOff(a, { ...(await freshDenial({ status: 'writeoff_pending' })), approve: false, note: 'Appeal it first' }) },
  decideWriteOffs: { may: ['manager'], call: async (a) => decideWriteOffs(a, { items: [await freshDenial({ status: 'writeoff_pending' })], approve: false, note: 'Appeal it first' }) },
  listPendingWriteOffs: { may: ['manager'], call: (a) => listPendingWriteOffs(a, TODAY) },
  // Allowed roles get past the check and stop at the denial's state or the unknown appeal (nothing is written).
  startAppeal: { may: ['specialist', 'manager'], call: async (a) => startAppeal(a, { ...(await freshDenial()), level: '1' }) },
  submitAppeal: {
    may: ['specialist', 'manager'],
    call: async (a) => submitAppeal(a, { ...(await freshDenial()), appealId: NO_APPEAL, on: TODAY, method: 'portal' }),
  },
  decideAppeal: {
    may: ['specialist', 'manager'],
    call: async (a) => decideAppeal(a, { ...(await freshDenial()), appealId: NO_APPEAL, decision: 'upheld', on: TODAY }),
  },
  addAttachment: {
    may: ['specialist', 'manager'],
    call: async (a) => addAttachment(a, { denialId: (await freshDenial()).id, filename: 'walk.pdf', kind: 'other', bytes: encode(`%PDF-1.7 ${run} ${a.role}`) }),
  },
  // An unknown attachment: the allowed roles get past the check and are told it does not exist.
  removeAttachment: { may: ['specialist', 'manager'], call: (a) => removeAttachment(a, NO_APPEAL) },
  readAttachment: { may: ['specialist', 'manager'], call: (a) => readAttachment(a, NO_APPEAL) },
  // An unknown appeal: the allowed roles get past the check and are told it is not on the denial.
  buildPacket: { may: ['specialist', 'manager'], call: async (a) => buildPacket(a, { denialId: (await freshDenial()).id, appealId: NO_APPEAL, attachmentIds: [] }) },
  readPacket: { may: ['specialist', 'manager'], call: (a) => readPacket(a, NO_APPEAL) },
  // Appeal letters: allowed roles get past the check and stop at the unknown appeal (nothing is read or written).
  getAppealWorkspace: { may: ['specialist', 'manager'], call: async (a) => getAppealWorkspace(a, (await freshDenial()).id, NO_APPEAL) },
  appealLetterPdf: { may: ['specialist', 'manager'], call: (a) => appealLetterPdf(a, NO_APPEAL) },
  checkLetterTemplate: {
    may: ['specialist', 'manager'],
    call: async (a) => checkLetterTemplate(a, { id: (await freshDenial()).id, appealId: NO_APPEAL, templateId: (await createTemplateRow()).id }),
  },
  draftLetter: {
    may: ['specialist', 'manager'],
    call: async (a) => draftLetter(a, { ...(await freshDenial()), appealId: NO_APPEAL, templateId: (await createTemplateRow()).id }),
  },
  saveLetter: {
    may: ['specialist', 'manager'],
    call: async (a) => saveLetter(a, { ...(await freshDenial()), appealId: NO_APPEAL, letterVersion: 1, body: 'Dear appeals department' }),
  },
  reopenDenial: { may: ['manager'], call: async (a) => reopenDenial(a, { ...(await freshDenial({ status: 'resolved_paid' })), reason: 'Payer reversed it' }) },
  // An unknown event: the allowed roles get past authorization and are told the change is not on the timeline.
  undoDenialChange: { may: ['specialist', 'manager'], call: async (a) => undoDenialChange(a, { ...(await freshDenial()), eventId: '00000000-0000-4000-8000-000000000000' }) },
  bulkUpdateDenials: {
    may: ['specialist', 'manager'],
    call: async (a) => bulkUpdateDenials(a, { items: [await freshDenial()], change: { kind: 'follow_up', date: addDays(TODAY, 400) } }),
  },
  // Sets the threshold to what it already is: other test files read it.
  setWriteOffThreshold: { may: ['manager'], call: async (a) => setWriteOffThreshold(a, { threshold: await writeOffThresholdCents(db) }) },
  listPayerRules: { may: ['manager'], call: (a) => listPayerRules(a) },
  listTeamSlas: { may: ['manager'], call: (a) => listTeamSlas(a) },
  // Saves team A's SLA as it is (every rule off), so the run below escalates nothing of other tests'.
  updateTeamSla: {
    may: ['manager'],
    call: async (a) => updateTeamSla(a, { teamId: teamA, version: (await db.teamSla.findUnique({ where: { teamId: teamA } }))?.version ?? 0, ...DEFAULT_SLA }),
  },
  runSlaCheckNow: { may: ['manager'], call: (a) => runSlaCheckNow(a) },
  previewTeamSla: { may: ['manager'], call: (a) => previewTeamSla(a, { teamId: teamA, ...DEFAULT_SLA }) },
  updatePayerRules: {
    may: ['manager'],
    call: async (a) => {
      const payer = await createPayer('commercial');
      return updatePayerRules(a, {
        payerId: payer.id,
        version: payer.version,
        levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }],
        timelyFiling: { value: 90, unit: 'days' },
        warningWindowDays: 14,
        rollWeekendDeadlines: false,
      });
    },
  },
  // Assignment rules: each rule matches only a payer with no denials, so no other test's import is routed.
  listAssignmentRules: { may: ['manager'], call: (a) => listAssignmentRules(a) },
  saveRule: { may: ['manager'], call: async (a) => saveRule(a, ruleDraftInput.parse({ name: `Ops ${run}`, payerIds: [(await createPayer('commercial')).id], teamId: teamA, strategy: 'team_only' })) },
  previewRule: { may: ['manager'], call: (a) => previewRule(a, ruleDraftInput.parse({ name: 'Preview', payerIds: [payerId], teamId: teamA, strategy: 'round_robin' })) },
  moveRule: { may: ['manager'], call: async (a) => moveRule(a, { ...(await opsRule()), direction: 'down' }) },
  toggleRule: { may: ['manager'], call: async (a) => toggleRule(a, { ...(await opsRule()), enabled: false }) },
  deleteRule: { may: ['manager'], call: async (a) => deleteRule(a, await opsRule()) },
  previewRerun: { may: ['manager'], call: (a) => previewRerun(a, 'no_team') },
  // A count no run can match: the allowed role gets past the check and is told to confirm again.
  rerunUnassigned: { may: ['manager'], call: (a) => rerunUnassigned(a, { scope: 'no_team', expectedCount: 999_999_999 }) },
  frontDeskFeedback: { may: ['front_desk', 'manager'], call: (a) => frontDeskFeedback(a, TODAY) },
  listPreventionIssues: { may: ['front_desk', 'manager'], call: (a) => listPreventionIssues(a, TODAY) },
  // An unknown issue: the allowed roles get past the check and are told it does not exist.
  listIssueDenials: { may: ['front_desk', 'manager'], call: (a) => listIssueDenials(a, NO_APPEAL, TODAY) },
  // A version nobody read: the allowed role gets past the check and is told to reload (nothing is written).
  updateChecklist: { may: ['manager'], call: (a) => updateChecklist(a, { category: 'eligibility_coverage', items: ['Check'], version: 999_999 }) },
  // An unknown payer: the allowed role gets past the check and stops at the input (nothing is written).
  createPreventionIssue: {
    may: ['manager'],
    call: (a) => createPreventionIssue(a, { title: 'Walk issue', category: 'eligibility_coverage', responsibleDepartment: 'front_desk', payerId: NO_APPEAL }),
  },
  updatePreventionIssue: {
    may: ['manager'],
    call: (a) => updatePreventionIssue(a, { id: NO_APPEAL, version: 0, title: 'Walk issue', category: 'eligibility_coverage', responsibleDepartment: 'front_desk' }),
  },
  listSavedViews: { may: ['specialist', 'manager'], call: (a) => listSavedViews(a) },
  listNotifications: { may: ['specialist', 'manager', 'front_desk', 'admin'], call: (a) => listNotifications(a, { limit: 20 }) },
  countUnreadNotifications: { may: ['specialist', 'manager', 'front_desk', 'admin'], call: (a) => countUnreadNotifications(a) },
  markNotificationsRead: { may: ['specialist', 'manager', 'front_desk', 'admin'], call: (a) => markNotificationsRead(a, { ids: ['00000000-0000-4000-8000-000000000000'] }) },
  saveView: { may: ['specialist', 'manager'], call: (a) => saveView(a, { name: `View ${run}`, query: 'view=mine' }) },
  deleteView: { may: ['specialist', 'manager'], call: (a) => deleteView(a, { id: '00000000-0000-4000-8000-000000000000' }) },
  listUsers: { may: ['admin'], call: (a) => listUsers(a) },
  createUser: {
    may: ['admin'],
    call: (a) => createUser(a, { email: `walk-${run}-${a.role}@overturn.test`, name: 'Walk Target', role: 'specialist', password: 'a-long-password-1' }),
  },
  updateUser: { may: ['admin'], call: (a) => updateUser(a, { userId: as.specialist.id, teamId: teamA }) },
  listTemplates: { may: ['specialist', 'manager'], call: (a) => listTemplates(a) },
  getTemplate: { may: ['specialist', 'manager'], call: async (a) => getTemplate(a, (await createTemplateRow()).id) },
  createTemplate: { may: ['manager'], call: (a) => createTemplate(a, { category: 'duplicate', name: `Walk ${run} ${a.role}`, body: 'Re: {{claim.number}}' }) },
  saveTemplateVersion: { may: ['manager'], call: async (a) => saveTemplateVersion(a, { templateId: (await createTemplateRow()).id, version: 0, body: 'Re: {{claim.number}}' }) },
  setTemplateArchived: { may: ['manager'], call: async (a) => setTemplateArchived(a, { templateId: (await createTemplateRow()).id, version: 0, archived: true }) },
  getOrganization: { may: ['admin'], call: (a) => getOrganization(a) },
  updateOrganization: { may: ['admin'], call: async (a) => updateOrganization(a, { ...GOOD_ORGANIZATION, version: await organizationVersion() }) },
  // A remark no claim carries: the override changes nothing any later test file ingests.
  searchCodeMappings: { may: ['admin'], call: (a) => searchCodeMappings(a, 'CO-50') },
  listCodeMappingChanges: { may: ['admin'], call: (a) => listCodeMappingChanges(a) },
  previewCodeMapping: { may: ['admin'], call: (a) => previewCodeMapping(a, { ...AUTHZ_COMBINATION, classification: null }) },
  saveCodeMapping: { may: ['admin'], call: (a) => saveCodeMapping(a, { ...AUTHZ_COMBINATION, classification: { category: 'other', department: 'billing', avoidable: false, isDenial: true }, confirmedCount: 0, version: 0 }) },
  listImports: { may: ['specialist', 'manager'], call: (a) => listImports(a, {}) },
  readRejectedRows: { may: ['specialist', 'manager'], call: (a) => readRejectedRows(a, fileOfTeamA) },
  readRawFile: { may: ['manager'], call: (a) => readRawFile(a, fileOfTeamA) },
  listCsvSources: { may: ['specialist', 'manager'], call: (a) => listCsvSources(a) },
  // Allowed roles get past the check and stop at the input (nothing matches, or the dates are refused).
  previewMoveWork: { may: ['manager'], call: (a) => previewMoveWork(a, { fromUserId: as.specialist.id }) },
  moveWork: {
    may: ['manager'],
    call: (a) => moveWork(a, { fromUserId: as.specialist.id, toUserId: as.manager.id, reason: 'Walk', expected: { count: 0, fingerprint: 'none' } }),
  },
  listMoveSources: { may: ['manager'], call: (a) => listMoveSources(a) },
  listTeamAway: { may: ['manager'], call: (a) => listTeamAway(a) },
  setAway: { may: ['manager'], call: (a) => setAway(a, { userId: as.specialist.id, from: '2199-01-02', until: '2199-01-01', coverId: as.manager.id }) },
  clearAway: { may: ['manager'], call: (a) => clearAway(a, { userId: as.front_desk.id }) },
  previewCsv: { may: ['specialist', 'manager'], call: (a) => previewCsv(a, encode('Account #,Paid\nA1,0\n')) },
  // Allowed roles get past the check and stop at the content: not an 835 / no usable mapping (nothing is written).
  ingest835: { may: ['specialist', 'manager'], call: (a) => ingest835(a, { filename: 'notes.txt', bytes: encode(`not X12 ${run} ${a.role}`) }) },
  // The upload route's first half: stores the bytes in the import's transaction; the second half closes it.
  store835: {
    may: ['specialist', 'manager'],
    call: async (a) => {
      const stored = await store835(a, { filename: 'notes.txt', bytes: encode(`not X12 either ${run} ${a.role}`) });
      if ('opened' in stored) await process835(stored);
    },
  },
  ingestCsv: {
    may: ['specialist', 'manager'],
    call: (a) => ingestCsv(a, { filename: 'x.csv', bytes: encode(`Account #\nA1 ${run} ${a.role}\n`), source: 'walk', mapping: {}, saveMapping: false }),
  },
};

// Exported functions that take an actor but are building blocks of the operations above, not operations.
const BUILDING_BLOCKS: Record<string, string> = {
  audit: 'the audit writer',
  authorize: 'throws forbidden unless can()',
  authorizeRole: 'throws forbidden unless roleMay()',
  authorizeRecord: 'throws not_found for a missing record or one outside can() (existence does not leak)',
  authorizeImport: 'the import operations’ check',
  mutateDenial: 'the versioned write every denial edit runs through (checks can() with the denial)',
  queueWhere: 'the SQL of listQueue’s scope',
  queueScope: 'what a queue URL shows an actor, for listQueue and exportQueue (their callers check the action)',
  csvExport: 'the streamed, audited CSV response of exportQueue and exportAudit (their callers check the action)',
  reassignTargets: 'the specialists listEscalations and the denial page offer (their callers check the action)',
  escalationTeams: 'the teams listEscalations’ filter offers (its caller checks the action)',
  reachSql: 'the SQL of what listQueue and listAwaitingAppeals reach (their callers check the action)',
  dashboardStatements: 'the SQL of dashboardMetrics’ seven statements for an actor’s reach (its caller checks the action)',
  rollupScope: 'which dashboard rollup scopes an actor’s reach reads (its caller, dashboardMetrics, checks the action)',
  importScopeSql: 'the SQL of listImports’ scope',
  openMeasuresSql: 'the SQL of teamBoard’s open counts (teamBoard checks the action)',
  loadResolvedHistory: 'the rows scoreBacktest replays, within reach (scoreBacktest checks the action)',
  workedMeasuresSql: 'the SQL of teamBoard’s worked counts (teamBoard checks the action)',
  queueFilters: 'the SQL of listQueue’s filters, also scoping dashboardMetrics (their callers check the action)',
  scopeSql: 'the SQL of dashboardMetrics’ reach and filters (dashboardMetrics checks the action)',
  denialSumsSql: 'the SQL of dashboardMetrics’ sums (dashboardMetrics checks the action)',
  carcSumsSql: 'the SQL of dashboardMetrics’ CARC sums (dashboardMetrics checks the action)',
  openSumsSql: 'the SQL of dashboardMetrics’ open work and aging (dashboardMetrics checks the action)',
  workedSumsSql: 'the SQL of dashboardMetrics’ worked counts (dashboardMetrics checks the action)',
  resolvedByOwnerSql: 'the SQL of dashboardMetrics’ resolutions per person (dashboardMetrics checks the action)',
  importFilterSql: 'the SQL of listQueue’s import filter (import scope)',
  findQueueImport: 'names listQueue’s import filter (import scope)',
  recordFailedImport: 'the trace ingest835 / ingestCsv leave after their own check',
  mayEditSla: 'which SLAs updateTeamSla and runSlaCheckNow let a manager touch (their callers check the action)',
};

/** 'forbidden' when the operation refused for authorization, else 'allowed' (whatever else it answered). */
async function outcome(op: Operation, actor: Actor): Promise<'forbidden' | 'allowed'> {
  try {
    const result = await op.call(actor);
    const failure = result as { ok?: boolean; code?: string } | undefined;
    return failure?.ok === false && failure.code === 'forbidden' ? 'forbidden' : 'allowed';
  } catch (error) {
    if (error instanceof AppError) return error.code === 'forbidden' ? 'forbidden' : 'allowed';
    throw error;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

beforeAll(async () => {
  teamA = (await createTeam()).id;
  teamB = (await createTeam()).id;
  payerId = (await createPayer('commercial')).id;
  for (const role of ROLES) as[role] = await createPerson(role, teamA);
  fileOfTeamA = await fileImportedBy(as.specialist, `team-a-${run}.csv`);
});

describe('the operation table', () => {
  it('names every exported function in lib/server that takes an actor', () => {
    const root = path.resolve(import.meta.dirname, '../../../lib/server');
    const found = sourceFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export (?:async )?function (\w+)\s*(?:<[^(]*>)?\(\s*actor\b/g)].map((m) => m[1]!),
    );
    expect(found.length).toBeGreaterThan(20);
    expect([...new Set(found)].sort()).toEqual([...Object.keys(OPERATIONS), ...Object.keys(BUILDING_BLOCKS)].sort());
  });
});

describe('every operation checks the action itself', () => {
  const cases = Object.entries(OPERATIONS).flatMap(([name, op]) => ROLES.map((role) => [name, role, op.may.includes(role)] as const));
  it.each(cases)('%s as %s: allowed %s', async (name, role, allowed) => {
    expect(await outcome(OPERATIONS[name]!, as[role])).toBe(allowed ? 'allowed' : 'forbidden');
  });
});

describe('admin sees no PHI', () => {
  it('is refused import history, rejected rows, raw files, previews and uploads', async () => {
    for (const name of ['listImports', 'readRejectedRows', 'readRawFile', 'previewCsv', 'listCsvSources', 'ingest835', 'ingestCsv', 'listQueue', 'listAwaitingAppeals', 'getDenial']) {
      expect(await outcome(OPERATIONS[name]!, as.admin), name).toBe('forbidden');
    }
  });
});

describe('a manager acts for their own team unless given organisation-wide scope', () => {
  it('answers a team-A manager about a team-B denial exactly as about a missing one, and lets an organisation-wide manager work it', async () => {
    const teamManager = await createPerson('manager', teamA);
    const orgManager = await createPerson('manager', teamA, undefined, { orgWide: true });
    const other = await createDenial({ payerId, teamId: teamB });
    const missing = crypto.randomUUID();
    // Same code and same message for another team's denial and an unknown id: existence does not leak.
    const [outOfScope, unknown] = await Promise.all([getDenial(teamManager, other, TODAY).catch((e: unknown) => e), getDenial(teamManager, missing, TODAY).catch((e: unknown) => e)]);
    expect(outOfScope).toMatchObject({ code: 'not_found', status: 404 });
    expect(outOfScope).toMatchObject({ code: (unknown as AppError).code, message: (unknown as AppError).message });
    expect(await addNote(teamManager, { id: other, version: 0, note: 'Not mine' })).toEqual(await addNote(teamManager, { id: missing, version: 0, note: 'Not mine' }));
    expect(await addNote(teamManager, { id: other, version: 0, note: 'Not mine' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await escalateDenial(teamManager, { id: other, version: 0, reason: 'Not mine' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await bulkUpdateDenials(teamManager, { items: [{ id: other, version: 0 }], change: { kind: 'follow_up', date: addDays(TODAY, 400) } })).toMatchObject({
      ok: true,
      data: { updated: [], failed: [{ id: other, code: 'not_found' }] },
    });

    await expect(getDenial(orgManager, other, TODAY)).resolves.toMatchObject({ id: other });
    expect(await addNote(orgManager, { id: other, version: 0, note: 'Working it for team B' })).toMatchObject({ ok: true });
  });

  it('a team-scoped manager may not hand a denial to another team’s specialist', async () => {
    const teamManager = await createPerson('manager', teamA);
    const outsider = await createPerson('specialist', teamB);
    const mine = await createDenial({ payerId, teamId: teamA });
    const refused = await assignDenial(teamManager, { id: mine, version: 0, assignee: outsider.id });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input' });
    // The outsider reads as an unknown id would: their name and existence are not told.
    expect(refused).toEqual(await assignDenial(teamManager, { id: mine, version: 0, assignee: crypto.randomUUID() }));
  });

  it('the setting is an administrator’s, audited, and only for managers', async () => {
    const manager = await createPerson('manager', teamA);
    expect(await updateUser(as.admin, { userId: manager.id, orgWide: true })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: manager.id } })).toMatchObject({ orgWide: true });
    const event = await db.auditEvent.findFirst({ where: { action: 'user.update', entityId: manager.id }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ actorId: as.admin.id, details: expect.objectContaining({ orgWide: true }) });
    expect(await updateUser(as.admin, { userId: as.specialist.id, orgWide: true })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await updateUser(as.manager, { userId: as.manager.id, orgWide: true })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('imports belong to the importer’s team', () => {
  it('refuses a specialist another team’s rejected rows and leaves that import out of their history', async () => {
    const teammate = await createPerson('specialist', teamA);
    const outsider = await createPerson('specialist', teamB);
    expect(await readRejectedRows(teammate, fileOfTeamA)).toMatchObject({ rows: [{ line: 3, reason: 'carc: required' }] });
    await expect(readRejectedRows(outsider, fileOfTeamA)).rejects.toMatchObject({ code: 'not_found', message: 'No such import.' });
    expect((await listImports(outsider, { file: fileOfTeamA })).rows).toEqual([]);
    expect((await listImports(teammate, { file: fileOfTeamA })).rows).toHaveLength(1);
  });

  it('refuses another team’s manager the raw file unless organisation-wide', async () => {
    const outsider = await createPerson('manager', teamB);
    const orgManager = await createPerson('manager', teamB, undefined, { orgWide: true });
    await expect(readRawFile(outsider, fileOfTeamA)).rejects.toMatchObject({ code: 'not_found', message: 'No such import.' });
    await expect(readRawFile(orgManager, fileOfTeamA)).resolves.toMatchObject({ filename: `team-a-${run}.csv` });
  });
});
