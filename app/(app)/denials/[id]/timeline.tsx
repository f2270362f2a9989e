'use client';
import { describeAttachmentEvent, describePacketEvent } from '@/components/appeals/attachment-events';
import { formatDate, formatDateTime } from '@/components/denials/format';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import type { DenialDetailDto, TimelineEventDto } from '@/lib/domain/contracts/denials';
import { statusLabel } from '@/lib/domain/denial-labels';
import { categoryLabel } from '@/lib/domain/labels';
import { SLA_RULE_LABELS, isSlaRule } from '@/lib/domain/sla';
import { formatUsd } from '@/lib/domain/money';
import { APPEAL_DECISION_LABEL, APPEAL_METHOD_LABEL, type AppealDecision, type AppealMethod } from '@/lib/domain/appeals/appeal-chain';
import { FREQUENCY_LABEL, type FrequencyCode } from '@/lib/domain/appeals/corrected-claim';

type Who = { id: string; name: string } | null;

const levelText = (level: unknown) => (level === 'external' ? 'external review' : `level ${String(level)}`);

/** An appeal's steps: drafted, its letter drafted and edited, submitted (how, reference, late or not), decided (what it paid, what comes next). */
function describeAppeal(data: Record<string, unknown>): string {
  const level = levelText(data.appealLevel ?? data.level);
  switch (data.action) {
    case 'drafted':
      return `drafted a ${level} appeal${data.dueDate ? `, due ${formatDate(String(data.dueDate))}` : ''}`;
    case 'submitted':
      return `submitted the ${level} appeal by ${APPEAL_METHOD_LABEL[data.method as AppealMethod] ?? String(data.method)}${data.payerReference ? ` (reference ${String(data.payerReference)})` : ''}${data.late ? ', after its deadline' : ''}; status check ${formatDate(String(data.statusCheckOn))}`;
    case 'packet_built':
      return describePacketEvent(data);
    case 'decided': {
      const decision = APPEAL_DECISION_LABEL[data.decision as AppealDecision] ?? String(data.decision);
      const paid = Number(data.recoveredCents) > 0 ? `, ${formatUsd(Number(data.recoveredCents))} paid` : '';
      const next = data.nextLevel as { level: string; dueDate: string } | null;
      const then = next ? `; ${levelText(next.level)} due ${formatDate(next.dueDate)}` : data.noNextLevelReason && data.to !== 'resolved_paid' ? `; ${String(data.noNextLevelReason)}` : '';
      return `recorded the ${level} decision: ${decision.toLowerCase()}${paid}${then}`;
    }
    case 'letter_drafted':
      return `drafted the ${level} appeal letter from “${String(data.template)}” (template version ${String(data.templateVersion)})${data.replaced ? ', replacing the earlier letter' : ''}`;
    case 'letter_edited':
      return `edited the ${level} appeal letter (letter version ${String(data.letterVersion)})`;
    default:
      return data.appealLevel ? `appealed it at ${level}` : 'appealed it';
  }
}

/** An escalation ended: a manager resolved it, returned it to the owner or gave the denial to someone else; or its raiser withdrew it. */
function describeHandling(data: Record<string, unknown>): string {
  switch (data.outcome) {
    case 'returned':
      return 'returned the escalation to the owner';
    case 'withdrawn':
      return 'withdrew the escalation';
    case 'reassigned':
      return `reassigned the escalated denial to ${(data.to as Who)?.name ?? 'someone else'}`;
    default:
      return 'resolved the escalation';
  }
}

/** One event as a sentence a person reads: who did what. */
function describe(e: TimelineEventDto): string {
  const data = e.data as Record<string, unknown>;
  const to = data.to as Who | string | null | undefined;
  switch (e.type) {
    case 'assigned': {
      const person = to as Who;
      const rule = data.rule as { name: string } | undefined;
      if (rule) {
        const team = (data.team as { name: string } | undefined)?.name ?? 'a team';
        return `routed it to ${team}${person ? `, owner ${person.name}` : ''} (assignment rule “${rule.name}”)`;
      }
      if (!person) return 'put it back in the unassigned pool';
      return person.id === e.actor?.id ? 'took it' : `assigned it to ${person.name}`;
    }
    case 'status':
      return `changed the status: ${statusLabel(String(data.from))} → ${statusLabel(String(data.to))}${typeof data.recoveredCents === 'number' ? ` (${formatUsd(data.recoveredCents)} paid)` : ''}`;
    case 'appeal':
      return describeAppeal(data);
    case 'resubmitted': {
      const kind = FREQUENCY_LABEL[data.frequencyCode as FrequencyCode] ?? `claim (frequency ${String(data.frequencyCode)})`;
      const numbers = [data.payerClaimNumber && `replacing payer claim ${String(data.payerClaimNumber)}`, data.newClaimNumber && `new claim ${String(data.newClaimNumber)}`].filter(Boolean);
      const ticked = Array.isArray(data.checklist) ? data.checklist.length : 0;
      return `sent a ${kind.charAt(0).toLowerCase()}${kind.slice(1)} on ${formatDate(String(data.sentOn))}${numbers.length ? ` (${numbers.join(', ')})` : ''}; ${ticked} checklist ${ticked === 1 ? 'item' : 'items'} ticked; follow-up ${formatDate(String(data.followUpOn))}`;
    }
    case 'note':
      return 'added a note';
    case 'attachment':
      return describeAttachmentEvent(data);
    case 'follow_up':
      return to ? `set the follow-up for ${formatDate(String(to))}` : 'cleared the follow-up';
    case 'escalated':
      if (!data.escalated) return 'cleared the escalation';
      if (isSlaRule(data.slaRule)) return `escalated it by the team SLA: ${SLA_RULE_LABELS[data.slaRule]}`;
      return 'escalated it to the managers';
    case 'escalation_handled':
      return describeHandling(data);
    case 'write_off':
      if (data.decision) return `${data.decision} the write-off`;
      return data.status === 'pending' ? `asked to write off ${formatUsd(Number(data.amountCents))} (manager approval needed)` : `wrote off ${formatUsd(Number(data.amountCents))}`;
    case 'ingested':
      return 'imported it from a remittance';
    case 'payment': {
      const amount = Number(data.amountCents);
      if (!Number.isFinite(amount)) return 'a payment arrived';
      if (data.reversal) return `the payer reversed a payment of ${formatUsd(Math.abs(amount))}`;
      const over = Number(data.overpaidCents ?? 0);
      return `a payment of ${formatUsd(amount)} arrived${over > 0 ? ` (${formatUsd(over)} of it beyond the denied amount: an overpayment)` : ''}`;
    }
    case 'reopened':
      return `reopened it: ${statusLabel(String(data.from))} → ${statusLabel(String(data.to))}`;
    case 'reclassified': {
      if (data.notADenial) return 'flagged it for review: a code-mapping change says it is no longer a denial (not closed)';
      const from = data.from as { category?: string } | undefined;
      const next = data.to as { category?: string } | undefined;
      return `re-classified it after a code-mapping change: ${categoryLabel(String(from?.category))} → ${categoryLabel(String(next?.category))}`;
    }
    case 'undone':
      return `undid the last change: ${statusLabel(String(data.from))} → ${statusLabel(String(data.to))}`;
    default:
      return e.type.replace(/_/g, ' ');
  }
}

export function Timeline({ d }: { d: DenialDetailDto }) {
  const events = [...d.timeline].reverse();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <span className="text-xs text-slate-500">{d.timeline.length} {d.timeline.length === 1 ? 'event' : 'events'}</span>
      </CardHeader>
      <ol className="px-4 py-2" aria-label="Timeline">
        {events.map((e) => (
          <li key={e.id} className="relative border-l border-slate-200 py-2 pl-4">
            <span className="absolute top-3 -left-[4.5px] h-2 w-2 rounded-full bg-brand-600" aria-hidden />
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{e.actor?.name ?? 'Overturn'}</span> <span className="text-slate-700">{describe(e)}</span>
              </span>
              <time dateTime={e.at} className="text-xs text-slate-500" suppressHydrationWarning>
                {formatDateTime(e.at)}
              </time>
            </div>
            {e.note ? <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-800">{e.note}</p> : null}
          </li>
        ))}
        {d.timeline.some((e) => e.type === 'ingested') ? null : (
          <li className="relative border-l border-slate-200 py-2 pl-4">
            <span className="absolute top-3 -left-[4.5px] h-2 w-2 rounded-full bg-slate-400" aria-hidden />
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="text-slate-700">
                Denial opened from remittance <span className="font-mono text-xs">{d.remittance.file.filename}</span>
              </span>
              <time dateTime={d.openedAt} className="text-xs text-slate-500" suppressHydrationWarning>
                {formatDateTime(d.openedAt)}
              </time>
            </div>
          </li>
        )}
      </ol>
    </Card>
  );
}
