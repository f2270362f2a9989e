// The dashboard's tables for the page's period and filters, as a CSV download (the dashboard page's URL parameters).
import { dashboardParamsSchema } from '@/lib/domain/contracts/dashboard';
import { todayIso } from '@/lib/server/clock';
import { exportDashboard } from '@/lib/server/export/export-dashboard';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'export_lists' }, async ({ actor, req }) => exportDashboard(actor, parseSearch(req, dashboardParamsSchema), todayIso()));
