// The prevention log, every issue with its before/after means, as a CSV download.
import { todayIso } from '@/lib/server/clock';
import { exportPrevention } from '@/lib/server/export/export-prevention';
import { withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'export_lists' }, async ({ actor }) => exportPrevention(actor, todayIso()));
