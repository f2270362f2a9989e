// The code-mapping admin's search: group + CARC (+ RARC) combinations with their current and shipped classification.
import { NextResponse } from 'next/server';
import { searchCodeMappingsInput } from '@/lib/domain/contracts/code-mappings';
import { searchCodeMappings } from '@/lib/server/codes/search-code-mappings';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'manage_code_mappings' }, async ({ actor, req }) =>
  NextResponse.json(await searchCodeMappings(actor, parseSearch(req, searchCodeMappingsInput).q)),
);
