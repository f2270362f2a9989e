import 'server-only';
import { ROLES, roleMay } from '@/lib/domain/permissions';

// Route handlers take role lists; these come from the one rule in lib/domain/permissions.ts.
export const IMPORT_ROLES = ROLES.filter((role) => roleMay(role, 'import_remits'));
export const RAW_FILE_ROLES = ROLES.filter((role) => roleMay(role, 'download_raw_file'));
