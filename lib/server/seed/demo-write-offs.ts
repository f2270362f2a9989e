import 'server-only';
import type { WriteOffReasonCode } from '@/lib/domain/write-off-reasons';

/**
 * The reasons the demo's write-offs give (demo-work.ts picks one per write-off). Several contradict the demo data on
 * purpose, so the approval inbox shows its warnings: a "timely filing missed" whose limit is still ahead, a "small
 * balance" of hundreds of dollars, a "duplicate" the payer never called one (no CARC 18), an "authorization not
 * obtainable" outside the authorization category.
 */
export const DEMO_WRITE_OFF_REASONS: readonly { code: WriteOffReasonCode; text: string }[] = [
  { code: 'non_covered_not_billable', text: 'Non-covered service, patient not notified in advance' },
  { code: 'timely_filing_missed', text: 'No proof of submission within the limit' },
  { code: 'small_balance', text: 'Below what a call costs us' },
  { code: 'duplicate', text: 'Same service billed twice by the clinic' },
  { code: 'authorization_not_obtainable', text: 'Retro-authorization refused by the payer' },
  { code: 'contractual', text: '' },
  { code: 'other', text: 'Patient deceased; estate closed' },
];
