// POST /api/write-offs/decisions { items: [{ id, version }], approve, note? }: a manager approves or rejects pending
// write-offs (the approval inbox's decision, for scripts and integrations). 200 with each row's result; a role that
// may not approve write-offs — every specialist — gets 403 before the body is read.
import { NextResponse } from 'next/server';
import { ERROR_STATUS } from '@/lib/server/errors';
import { withUser } from '@/lib/server/route';
import { decideWriteOffs, decideWriteOffsInput } from '@/lib/server/write-offs/decide-write-offs';

export const POST = withUser({ may: 'approve_writeoff' }, async ({ req, actor }) => {
  const input = decideWriteOffsInput.parse(await req.json().catch(() => ({})));
  const result = await decideWriteOffs(actor, input);
  return NextResponse.json(result, { status: result.ok ? 200 : ERROR_STATUS[result.code], headers: { 'cache-control': 'no-store' } });
});
