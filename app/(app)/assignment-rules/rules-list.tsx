'use client';
import { useState, useTransition } from 'react';
import { deleteRuleAction, moveRuleAction, toggleRuleAction } from './actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { STRATEGY_LABELS } from '@/lib/domain/assignment/rules';
import type { AssignmentRulesPage, RuleDto } from '@/lib/domain/contracts/assignment-rules';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { RuleEditor } from './rule-editor';

/** Who a rule gives its denials to, as a sentence. */
function target(rule: RuleDto): string {
  const team = rule.teamName ?? 'a team that no longer exists';
  if (rule.strategy === 'named_person') return `${team}, owner ${rule.userName ?? '(nobody: the person has left)'}`;
  if (rule.strategy === 'team_only') return `${team}’s queue, no owner`;
  return `${team}, ${STRATEGY_LABELS[rule.strategy].toLowerCase()}`;
}

/** The rules top to bottom (the default pinned last), each movable, switchable and editable. */
export function RulesList({ page }: { page: AssignmentRulesPage }) {
  const [editing, setEditing] = useState<string | 'new' | 'default' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RuleDto | null>(null);
  const [pending, startTransition] = useTransition();
  const ordinary = page.rules.filter((r) => !r.isDefault);
  const fallback = page.rules.find((r) => r.isDefault) ?? null;
  const run = (work: () => Promise<{ ok: boolean; message?: string }>, done?: string) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? (done ?? null) : (result.message ?? 'Something went wrong.'));
    });
  const editor = (rule: RuleDto | null, isDefault = false) => (
    <RuleEditor
      key={rule ? `${rule.id}:${rule.version}` : isDefault ? 'default' : 'new'}
      rule={rule}
      isDefault={isDefault}
      page={page}
      onDone={(text) => {
        setEditing(null);
        setMessage(text);
      }}
    />
  );

  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Rules, in the order they are tried</CardTitle>
        <Button size="sm" onClick={() => setEditing('new')} disabled={page.teams.length === 0 || editing === 'new'}>
          New rule
        </Button>
      </CardHeader>
      {message ? (
        <p role="status" className="border-b border-slate-100 px-4 py-2 text-sm text-slate-700">
          {message}
        </p>
      ) : null}
      {editing === 'new' ? <div className="border-b border-slate-100 px-4 py-3">{editor(null)}</div> : null}
      <ol className="divide-y divide-slate-100" aria-label="Assignment rules">
        {ordinary.map((rule, index) => (
          <li key={rule.id} className="px-4 py-3" aria-label={`Rule ${index + 1}: ${rule.name}`}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">
                  <span className="mr-1 text-slate-500">{index + 1}.</span>
                  {rule.name} {rule.enabled ? null : <Badge tone="neutral">Off</Badge>}
                </p>
                <p className="text-xs text-slate-600">
                  <span className="font-medium">When:</span> {rule.summary} <span className="font-medium">→</span> {target(rule)}
                </p>
                {rule.problem ? (
                  <p className="mt-1 text-xs text-amber-800">
                    <Badge tone="warning">Needs attention</Badge> {rule.problem}
                  </p>
                ) : null}
              </div>
              <div className="flex flex-wrap items-center gap-1">
                <Button size="sm" variant="ghost" aria-label={`Move “${rule.name}” up`} disabled={pending || index === 0} onClick={() => run(() => moveRuleAction({ id: rule.id, version: rule.version, direction: 'up' }))}>
                  ↑ Up
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Move “${rule.name}” down`}
                  disabled={pending || index === ordinary.length - 1}
                  onClick={() => run(() => moveRuleAction({ id: rule.id, version: rule.version, direction: 'down' }))}
                >
                  ↓ Down
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-pressed={rule.enabled}
                  aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'} “${rule.name}”`}
                  disabled={pending}
                  onClick={() => run(() => toggleRuleAction({ id: rule.id, version: rule.version, enabled: !rule.enabled }), `“${rule.name}” is ${rule.enabled ? 'off' : 'on'}.`)}
                >
                  {rule.enabled ? 'Turn off' : 'Turn on'}
                </Button>
                <Button size="sm" variant="secondary" aria-expanded={editing === rule.id} onClick={() => setEditing(editing === rule.id ? null : rule.id)}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Delete “${rule.name}”`} disabled={pending} onClick={() => setDeleting(rule)}>
                  Delete
                </Button>
              </div>
            </div>
            {editing === rule.id ? <div className="mt-3">{editor(rule)}</div> : null}
          </li>
        ))}
        <li className="bg-slate-50 px-4 py-3" aria-label="Default rule">
          {fallback ? (
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="text-sm font-medium text-slate-900">
                  <Badge tone="info">Default</Badge> {fallback.name}
                </p>
                <p className="text-xs text-slate-600">
                  <span className="font-medium">Always last:</span> every denial no rule above matches <span className="font-medium">→</span> {target(fallback)}
                </p>
                {fallback.problem ? <p className="mt-1 text-xs text-amber-800">{fallback.problem}</p> : null}
              </div>
              <Button size="sm" variant="secondary" aria-expanded={editing === fallback.id} onClick={() => setEditing(editing === fallback.id ? null : fallback.id)}>
                Edit default
              </Button>
            </div>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-amber-900">
                <Badge tone="warning">No default rule</Badge> Denials no rule matches arrive with no team. Choose the team that takes them.
              </p>
              <Button size="sm" onClick={() => setEditing('default')} disabled={page.teams.length === 0}>
                Set the default team
              </Button>
            </div>
          )}
          {editing === 'default' ? <div className="mt-3">{editor(null, true)}</div> : null}
          {fallback && editing === fallback.id ? <div className="mt-3">{editor(fallback, true)}</div> : null}
        </li>
      </ol>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this rule?"
        subject={deleting?.name}
        confirmLabel="Delete rule"
        danger
        undo="Denials it already routed keep their team and owner. Deleting cannot be undone: create the rule again to bring it back."
        onConfirm={() => {
          const rule = deleting;
          if (rule) run(() => deleteRuleAction({ id: rule.id, version: rule.version }), `Deleted “${rule.name}”.`);
        }}
      >
        New denials will no longer be matched by it; the rules below it move up one place.
      </ConfirmDialog>
    </Card>
  );
}
