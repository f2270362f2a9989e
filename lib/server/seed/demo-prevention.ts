import 'server-only';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import type { Tx } from '../db';
import { DEMO_PREVENTED } from './demo-claim-data';

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

/**
 * The demo's prevention log: one issue done (its action shows in the demo remittances as a drop, DEMO_PREVENTED),
 * one in progress, one just logged. Only into a database without prevention issues.
 */
export async function seedDemoPrevention(tx: Tx, today: IsoDate): Promise<number> {
  if ((await tx.preventionIssue.count()) > 0) return 0;
  const people = await tx.user.findMany({ where: { email: { in: ['manager@overturn.test', 'frontdesk@overturn.test'] } }, select: { id: true, email: true } });
  const manager = people.find((p) => p.email === 'manager@overturn.test');
  const frontDesk = people.find((p) => p.email === 'frontdesk@overturn.test');
  if (!manager) throw new Error('demo manager is missing: seed the demo people first');
  const payers = await tx.payer.findMany({ where: { identifier: { in: [DEMO_PREVENTED.payerIdentifier, '60054'] } }, select: { id: true, identifier: true } });
  const payer = (identifier: string) => payers.find((p) => p.identifier === identifier)?.id ?? null;
  const { count } = await tx.preventionIssue.createMany({
    data: [
      {
        title: 'Texas Medicaid coverage ended before the visit',
        category: 'eligibility_coverage',
        carcCode: DEMO_PREVENTED.reason,
        payerId: payer(DEMO_PREVENTED.payerIdentifier),
        responsibleDepartment: 'front_desk',
        actionTaken: 'Real-time eligibility (270/271) run at every check-in, not only when the visit is booked; the walk-in desk got the same script.',
        actionDate: day(addDays(today, -DEMO_PREVENTED.actionDaysAgo)),
        ownerId: frontDesk?.id ?? manager.id,
        dueDate: day(addDays(today, -60)),
        status: 'done',
        result: 'Coverage-terminated denials from Texas Medicaid fell after the change: see the trend.',
        createdById: manager.id,
      },
      {
        title: 'Aetna prior authorizations missing for imaging',
        category: 'authorization_referral',
        carcCode: '197',
        payerId: payer('60054'),
        responsibleDepartment: 'front_desk',
        actionTaken: 'Prior-auth lookup added to the scheduling checklist for MRI and CT.',
        actionDate: day(addDays(today, -30)),
        ownerId: manager.id,
        dueDate: day(addDays(today, 14)),
        status: 'in_progress',
        createdById: manager.id,
      },
      {
        title: 'Secondary coverage billed as primary',
        category: 'coordination_of_benefits',
        carcCode: '22',
        responsibleDepartment: 'front_desk',
        dueDate: day(addDays(today, 30)),
        status: 'open',
        createdById: manager.id,
      },
    ],
  });
  return count;
}
