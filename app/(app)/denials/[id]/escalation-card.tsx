'use client';
import { formatDateTime } from '@/components/denials/format';
import { EscalationControls } from '@/components/escalations/escalation-controls';
import type { HandleEscalationVars } from '@/components/escalations/handle-escalation-dialog';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import type { DenialDetailDto } from '@/lib/domain/contracts/denials';
import type { OpenEscalationDto } from '@/lib/domain/contracts/escalations';
import { raisedByText } from '@/lib/domain/escalations/handling';

/** The escalation waiting on this denial: why, who raised it and when; a manager ends it here, its raiser may withdraw it. */
export function EscalationCard({
  d,
  escalation,
  subject,
  people,
  onHandle,
  onWithdraw,
}: {
  d: DenialDetailDto;
  escalation: OpenEscalationDto;
  subject: string;
  people: { id: string; name: string }[];
  onHandle: (vars: HandleEscalationVars) => void;
  onWithdraw: (vars: { escalationId: string; note: string }) => void;
}) {
  const v = d.viewer;
  return (
    <Card className="border-red-200" role="region" aria-label="Open escalation">
      <CardHeader>
        <CardTitle>Escalated</CardTitle>
        <Badge tone="danger">Waiting for a manager</Badge>
      </CardHeader>
      <div className="space-y-2 px-4 py-3 text-sm">
        <p className="rounded bg-slate-50 px-2 py-1 whitespace-pre-wrap text-slate-800">{escalation.reason}</p>
        <p className="text-xs text-slate-600">
          Raised by {raisedByText(escalation.raisedBy, escalation.slaRule)},{' '}
          <time dateTime={escalation.raisedAt} suppressHydrationWarning>
            {formatDateTime(escalation.raisedAt)}
          </time>
        </p>
        {v.canHandleEscalation || v.canWithdrawEscalation ? (
          <EscalationControls
            escalationId={escalation.id}
            subject={subject}
            reason={escalation.reason}
            people={people}
            ownerId={d.owner?.id ?? null}
            hasOwner={d.owner !== null}
            canHandle={v.canHandleEscalation}
            canWithdraw={v.canWithdrawEscalation}
            onSubmit={(vars) => (vars.outcome === 'withdrawn' ? onWithdraw({ escalationId: vars.escalationId, note: vars.note }) : onHandle({ ...vars, outcome: vars.outcome }))}
          />
        ) : null}
      </div>
    </Card>
  );
}
