// The front-desk feedback page and the prevention log on the wire (issue 15). Inputs are zod schemas; the DTOs
// carry no dollar amount, no patient name, no claim number and only masked member ids: front desk reads them.
import { z } from 'zod';
import { DENIAL_CATEGORIES, DEPARTMENTS } from '../codes';
import type { IsoDate } from '../dates';
import { CHECKLIST_LIMITS } from '../prevention/default-checklists';
import { FRONT_DESK_CATEGORIES, type FrontDeskCategory, type MonthKey } from '../prevention/front-desk';
import type { BeforeAfter } from '../prevention/before-after';
import { isoDateInput } from './dates';
import { plainText } from './text';

export const PREVENTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type PreventionStatus = (typeof PREVENTION_STATUSES)[number];
export const PREVENTION_STATUS_LABEL: Record<PreventionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };

const version = z.number({ error: 'The version you read is required' }).int().min(0);
const optionalId = z.uuid('Choose from the list').nullable();
const optionalDate = isoDateInput().nullable();

export const updateChecklistInput = z.object({
  category: z.enum(FRONT_DESK_CATEGORIES, { error: 'Not a front-desk cause' }),
  items: z
    .array(plainText(z.string().trim().min(1, 'Remove empty lines').max(CHECKLIST_LIMITS.itemLength, `At most ${CHECKLIST_LIMITS.itemLength} characters a line`)))
    .min(1, 'Keep at least one thing to check')
    .max(CHECKLIST_LIMITS.items, `At most ${CHECKLIST_LIMITS.items} lines`),
  /** The version read; 0 = the default list (nothing stored yet). */
  version,
});
export type UpdateChecklistInput = z.infer<typeof updateChecklistInput>;

export const preventionIssueFields = z.object({
  title: plainText(z.string().trim().min(3, 'Name the issue (at least 3 characters)').max(120, 'At most 120 characters')),
  category: z.enum(DENIAL_CATEGORIES, { error: 'Choose a cause' }),
  /** Narrows the cause to one CARC; empty = every code of the category. */
  carcCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]?\d{1,3}|)$/, 'A CARC such as 27 or B7')
    .transform((code) => code || null)
    .nullable()
    .default(null),
  payerId: optionalId.default(null),
  responsibleDepartment: z.enum(DEPARTMENTS, { error: 'Choose who is responsible' }),
  actionTaken: plainText(z.string().trim().max(2000, 'At most 2,000 characters'), 'multi-line').default(''),
  actionDate: optionalDate.default(null),
  ownerId: optionalId.default(null),
  dueDate: optionalDate.default(null),
  status: z.enum(PREVENTION_STATUSES, { error: 'Choose a status' }).default('open'),
  result: plainText(z.string().trim().max(2000, 'At most 2,000 characters'), 'multi-line').default(''),
});
export const createPreventionIssueInput = preventionIssueFields;
export type CreatePreventionIssueInput = z.input<typeof createPreventionIssueInput>;

export const updatePreventionIssueInput = preventionIssueFields.extend({ id: z.uuid('Unknown issue'), version });
export type UpdatePreventionIssueInput = z.input<typeof updatePreventionIssueInput>;

export interface ChecklistDto {
  category: FrontDeskCategory;
  items: string[];
  /** A manager's own list (else the default). */
  custom: boolean;
  version: number;
}

export interface TrendLineDto {
  key: string;
  label: string;
  byMonth: number[];
  total: number;
  thisMonth: number;
}

export interface FeedbackExampleDto {
  category: FrontDeskCategory;
  payerName: string;
  location: string;
  /** Last four characters only. */
  memberIdMasked: string | null;
  serviceDate: IsoDate | null;
  deniedOn: IsoDate;
  codes: { kind: 'CARC' | 'RARC'; code: string; description: string }[];
}

export interface FrontDeskFeedbackDto {
  today: IsoDate;
  /** The billing site the page is narrowed to (null: every site), and the sites there are to choose from. */
  site: string | null;
  sites: string[];
  months: MonthKey[];
  currentMonth: MonthKey;
  currentIsPartial: boolean;
  byCategory: TrendLineDto[];
  byLocation: TrendLineDto[];
  byPayer: TrendLineDto[];
  totals: number[];
  topCauses: { category: FrontDeskCategory; label: string; carc: string; carcDescription: string; count: number; lastMonth: number; checklist: string[] }[];
  checklists: ChecklistDto[];
  examples: FeedbackExampleDto[];
  /** PR-26/27/31/204 over the window: billed to the patient, but a coverage miss at registration all the same. */
  patientBilled: { code: string; description: string; count: number }[];
  /** Whether this viewer may edit the checklists (manage_prevention). */
  canEditChecklists: boolean;
}

export interface PreventionIssueDto {
  id: string;
  title: string;
  category: string;
  carcCode: string | null;
  payerId: string | null;
  payerName: string | null;
  responsibleDepartment: string;
  actionTaken: string;
  actionDate: IsoDate | null;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: IsoDate | null;
  status: PreventionStatus;
  result: string;
  version: number;
  updatedAt: string;
  /** Denials showing this cause (and payer) in the last LINK_WINDOW_DAYS. */
  linkedCount: number;
  /** Monthly counts around the action date; null until an action date is set. */
  trend: BeforeAfter | null;
}

export interface LinkedDenialDto {
  id: string;
  openedOn: IsoDate;
  serviceDate: IsoDate | null;
  payerName: string;
  memberIdMasked: string | null;
  carcCodes: string[];
  status: string;
}

export interface PreventionLogDto {
  issues: PreventionIssueDto[];
  canManage: boolean;
  /** May take the log away as a CSV (front desk reads it, and exports nothing). */
  canExport: boolean;
  /** What the form's pickers offer (managers only; empty for viewers). */
  payers: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}
