// The latest code-mapping changes and the status of their re-classification jobs (polled while one runs).
import { NextResponse } from 'next/server';
import { listCodeMappingChanges } from '@/lib/server/codes/list-code-mapping-changes';
import { withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'manage_code_mappings', passive: true }, async ({ actor }) => NextResponse.json(await listCodeMappingChanges(actor)));
