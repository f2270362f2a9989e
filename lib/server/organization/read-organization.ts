import 'server-only';
import type { OrganizationDto } from '@/lib/domain/contracts/organization';
import { type Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { type Db, type Tx, db } from '../db';

const EMPTY: OrganizationDto = { name: '', addressLines: [], npi: '', tin: '', contactName: '', contactPhone: '', contactEmail: '', version: 0, updatedAt: null };

/**
 * The letterhead as stored, or empty fields (version 0) before an administrator first saves it. No permission
 * check: for operations that have made their own (letter drafting reads it for the letter's facts).
 */
export async function readOrganization(on: Db | Tx = db): Promise<OrganizationDto> {
  const row = await on.organization.findUnique({ where: { id: 1 } });
  if (!row) return EMPTY;
  const { id: _id, updatedAt, ...fields } = row;
  return { ...fields, updatedAt: updatedAt.toISOString() };
}

/** The settings page's read: administrators only. */
export async function getOrganization(actor: Actor): Promise<OrganizationDto> {
  authorize(actor, 'manage_organization', undefined, 'Only administrators see the organisation’s settings.');
  return readOrganization();
}
