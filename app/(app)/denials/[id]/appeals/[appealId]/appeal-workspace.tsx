'use client';
import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { AppealFiles } from '@/components/appeals/appeal-files';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { formatDate, formatDateTime } from '@/components/denials/format';
import { LetterPreview } from '@/components/letters/letter-preview';
import { Letterhead } from '@/components/letters/letterhead';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { Label, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { MAX_LETTER_BODY } from '@/lib/domain/appeals/appeal-letter';
import type { AppealStage } from '@/lib/domain/appeals/appeal-chain';
import type { AppealLetterDto, AppealWorkspaceDto, LetterCheckDto } from '@/lib/domain/contracts/appeal-letters';
import type { Failure } from '@/lib/domain/contracts/result';
import { diffDays } from '@/lib/domain/dates';
import { checkLetterTemplateAction, draftLetterAction, saveLetterAction } from './actions';

const STAGE: Record<AppealStage, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  submitted: { label: 'Awaiting decision', tone: 'info' },
  decided: { label: 'Decided', tone: 'success' },
};

const SYNTAX: [string, string][] = [
  ['# Heading', 'heading (## smaller)'],
  ['- item', 'bulleted list'],
  ['1. item', 'numbered list'],
  ['**bold**', 'bold'],
  ['blank line', 'new paragraph'],
];

type Message = { tone: 'error' | 'success'; text: string } | null;

/** The denial's version after a conflict that was about the denial, not the letter (mutate-denial.ts details.current). */
const freshDenialVersion = (failure: Failure): number | null => {
  const current = (failure.details as { current?: { version?: number } } | undefined)?.current;
  return typeof current?.version === 'number' ? current.version : null;
};

/**
 * One appeal: who and what it is for, its letter — drafted from a template once every merge field has a value,
 * then edited beside its formatted preview — and, below, its attachments and packet. What the viewer may do comes
 * from the server (viewer.canEdit, viewer.locked); the server refuses anything else.
 */
export function AppealWorkspace({ initial, today }: { initial: AppealWorkspaceDto; today: string }) {
  const { denial, appeal, viewer } = initial;
  const [denialVersion, setDenialVersion] = useState(denial.version);
  const [letter, setLetter] = useState<AppealLetterDto | null>(initial.letter);
  const [body, setBody] = useState(initial.letter?.body ?? '');
  const [message, setMessage] = useState<Message>(null);
  const [stale, setStale] = useState<AppealLetterDto | null>(null);
  const [pending, startTransition] = useTransition();
  const editable = viewer.canEdit && viewer.locked === null;
  const dirty = letter !== null && body !== letter.body;
  const daysLeft = appeal.dueDate ? diffDays(appeal.dueDate, today) : null;

  const save = () => {
    if (!letter || !dirty || pending) return;
    startTransition(async () => {
      const input = { id: denial.id, appealId: appeal.id, letterVersion: letter.version, body };
      let result = await saveLetterAction({ ...input, version: denialVersion });
      // Someone changed the denial itself (a note, a follow-up) — not the letter, which its own version guards.
      const moved = !result.ok && result.code === 'conflict' ? freshDenialVersion(result) : null;
      if (moved !== null) result = await saveLetterAction({ ...input, version: moved });
      if (result.ok) {
        setDenialVersion(result.data.denial.version);
        setLetter(result.data.letter);
        setStale(null);
        setMessage({ tone: 'success', text: `Saved (letter version ${result.data.letter.version}).` });
      } else {
        const latest = (result.details as { letter?: AppealLetterDto } | undefined)?.letter;
        if (latest) setStale(latest);
        const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : '';
        setMessage({ tone: 'error', text: fields ? `${result.message} ${fields}` : result.message });
      }
    });
  };

  // Ctrl+S / Cmd+S saves the letter (and never opens the browser's "Save page").
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable]);
  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const drafted = (next: AppealLetterDto, version: number) => {
    setDenialVersion(version);
    setLetter(next);
    setBody(next.body);
    setStale(null);
    setMessage({ tone: 'success', text: `Drafted from “${next.templateName}” (version ${next.templateVersion}). Review it and complete the [bracketed] parts before it goes.` });
  };

  return (
    <div className="space-y-4">
      <Link href={`/denials/${denial.id}`} className="text-sm text-brand-700 underline">
        ← Back to the denial
      </Link>
      <PageHeader
        title={`${appeal.levelName}: ${denial.patientName ?? 'Unnamed patient'}`}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>Claim {denial.claimNumber}</span>
            <span aria-hidden="true">·</span>
            <span>{denial.payerName}</span>
            <span aria-hidden="true">·</span>
            <span>{denial.categoryLabel}</span>
          </span>
        }
        actions={
          <span className="flex items-center gap-2">
            <Badge tone={STAGE[appeal.stage].tone}>{STAGE[appeal.stage].label}</Badge>
            <span className="text-sm text-slate-700">
              {appeal.stage === 'draft'
                ? appeal.dueDate
                  ? `Due ${formatDate(appeal.dueDate, today)}${daysLeft !== null ? ` (${daysLeft < 0 ? `${-daysLeft} d overdue` : `${daysLeft} d left`})` : ''}`
                  : 'No deadline: check the payer rules'
                : appeal.stage === 'submitted'
                  ? `Submitted ${formatDate(appeal.submittedOn, today)}`
                  : `Decided ${formatDate(appeal.decidedOn, today)}`}
            </span>
          </span>
        }
      />

      <Card>
        <CardHeader className="flex flex-wrap items-center gap-3">
          <CardTitle>Letter</CardTitle>
          {letter ? (
            <span className="text-xs text-slate-600">
              From “{letter.templateName}”, template version {letter.templateVersion}
              {letter.updatedBy ? ` · last saved by ${letter.updatedBy}` : ''} · <span suppressHydrationWarning>{formatDateTime(letter.updatedAt)}</span>
            </span>
          ) : null}
          {letter ? (
            <span className="ml-auto flex gap-2">
              <Button asChild size="sm" variant="secondary">
                <Link href={`/denials/${denial.id}/appeals/${appeal.id}/letter`}>Printable letter</Link>
              </Button>
              <Button asChild size="sm" variant="secondary">
                <a href={`/api/appeals/${appeal.id}/letter.pdf`} download>
                  Download PDF
                </a>
              </Button>
            </span>
          ) : null}
        </CardHeader>
        <div className="space-y-4 p-4">
          {viewer.locked ? (
            <p role="note" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
              {viewer.locked}
            </p>
          ) : null}
          {editable ? (
            <TemplateChooser
              workspace={initial}
              denialVersion={denialVersion}
              hasLetter={letter !== null}
              dirty={dirty}
              onDrafted={drafted}
              onDenialMoved={setDenialVersion}
            />
          ) : null}
          {!viewer.canEdit && !letter ? <p className="text-sm text-slate-700">No letter has been drafted for this appeal yet.</p> : null}

          {message ? (
            <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded px-2 py-1 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
              {message.text}
              {stale ? (
                <Button
                  size="sm"
                  variant="secondary"
                  className="ml-2"
                  onClick={() => {
                    setLetter(stale);
                    setBody(stale.body);
                    setStale(null);
                    setMessage(null);
                  }}
                >
                  Load the latest version (your changes are discarded)
                </Button>
              ) : null}
            </p>
          ) : null}

          {letter && editable ? (
            <div className="grid gap-4 xl:grid-cols-2">
              <div className="space-y-2">
                <div className="flex items-center gap-2">
                  <Label htmlFor="letter-text" className="font-semibold">
                    Letter text
                  </Label>
                  <span aria-live="polite" className="text-xs">
                    {dirty ? <Badge tone="warning">Unsaved changes</Badge> : <span className="text-slate-600">All changes saved</span>}
                  </span>
                  <Button size="sm" className="ml-auto" onClick={save} disabled={!dirty || pending} aria-keyshortcuts="Control+S">
                    {pending ? 'Saving…' : 'Save (Ctrl+S)'}
                  </Button>
                </div>
                <textarea
                  id="letter-text"
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                  maxLength={MAX_LETTER_BODY}
                  spellCheck
                  aria-describedby="letter-syntax"
                  className="h-[42rem] w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-relaxed focus:border-brand-600 focus:outline-none"
                />
                <p id="letter-syntax" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                  {SYNTAX.map(([mark, what]) => (
                    <span key={mark}>
                      <code className="rounded bg-slate-100 px-1 text-slate-800">{mark}</code> {what}
                    </span>
                  ))}
                  <span>
                    {body.length.toLocaleString('en-US')} / {MAX_LETTER_BODY.toLocaleString('en-US')} characters
                  </span>
                </p>
              </div>
              <div className="space-y-2">
                <h3 className="text-sm font-semibold text-slate-800">Preview</h3>
                {/* Scrolls beside the text box: focusable, so the keyboard can scroll it too. */}
                <div
                  role="region"
                  aria-label="Preview of the letter"
                  tabIndex={0}
                  className="max-h-[42rem] space-y-4 overflow-y-auto rounded border border-slate-200 bg-white p-6 focus:outline-2 focus:outline-brand-600"
                >
                  <Letterhead letterhead={initial.letterhead} />
                  <LetterPreview text={body} label="Letter preview" variant="print" />
                </div>
              </div>
            </div>
          ) : letter ? (
            <div className="space-y-4 rounded border border-slate-200 bg-white p-6">
              <Letterhead letterhead={initial.letterhead} />
              <LetterPreview text={letter.body} label="Letter" variant="print" />
            </div>
          ) : null}
        </div>
      </Card>

      <AppealFiles denialId={denial.id} appealId={appeal.id} />
    </div>
  );
}

/**
 * Choose a template (those suited to the denial's category first); its missing merge fields are listed, with
 * where to fill each in, before anything is drafted. Drafting over an existing letter asks first.
 */
function TemplateChooser({
  workspace,
  denialVersion,
  hasLetter,
  dirty,
  onDrafted,
  onDenialMoved,
}: {
  workspace: AppealWorkspaceDto;
  denialVersion: number;
  hasLetter: boolean;
  dirty: boolean;
  onDrafted: (letter: AppealLetterDto, denialVersion: number) => void;
  onDenialMoved: (version: number) => void;
}) {
  const { denial, appeal, templates } = workspace;
  const [templateId, setTemplateId] = useState('');
  const [check, setCheck] = useState<LetterCheckDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const offered = templates.filter((t) => t.offered);
  const others = templates.filter((t) => !t.offered);
  const chosen = templates.find((t) => t.id === templateId) ?? null;
  const blocked = check !== null && (check.missing.length > 0 || check.unknown.length > 0);

  const choose = (id: string) => {
    setTemplateId(id);
    setCheck(null);
    setError(null);
    if (!id) return;
    startTransition(async () => {
      const result = await checkLetterTemplateAction({ id: denial.id, appealId: appeal.id, templateId: id });
      if (result.ok) setCheck(result.data);
      else setError(result.message);
    });
  };

  const draft = (replace: boolean) =>
    startTransition(async () => {
      setConfirming(false);
      const input = { id: denial.id, appealId: appeal.id, templateId, replace };
      let result = await draftLetterAction({ ...input, version: denialVersion });
      const moved = !result.ok && result.code === 'conflict' ? freshDenialVersion(result) : null;
      if (moved !== null) {
        onDenialMoved(moved);
        result = await draftLetterAction({ ...input, version: moved });
      }
      if (result.ok) {
        setError(null);
        setCheck(null);
        onDrafted(result.data.letter, result.data.denial.version);
        return;
      }
      const missing = (result.details as { missing?: LetterCheckDto['missing']; unknown?: string[] } | undefined) ?? {};
      if (missing.missing) setCheck({ missing: missing.missing, unknown: missing.unknown ?? [] });
      else setError(result.message);
    });

  const chooser = (
    <>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-72 flex-1 space-y-1">
          <Label htmlFor="letter-template">Template</Label>
          <Select id="letter-template" value={templateId} onChange={(e) => choose(e.target.value)} className="w-full">
            <option value="">Choose a template…</option>
            {offered.length ? (
              <optgroup label={`Suggested for ${denial.categoryLabel}`}>
                {offered.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} (v{t.currentVersion})
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={offered.length ? 'Other templates' : 'Templates'}>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} — {t.categoryLabel} (v{t.currentVersion})
                </option>
              ))}
            </optgroup>
          </Select>
        </div>
        <Button disabled={!chosen || pending || check === null || blocked} onClick={() => (hasLetter ? setConfirming(true) : draft(false))}>
          {pending ? 'Working…' : 'Draft letter'}
        </Button>
      </div>
      {chosen && pending && check === null ? <p className="text-xs text-slate-600">Checking the template’s fields…</p> : null}
      {check && !blocked ? (
        <p role="status" className="text-sm text-emerald-800">
          Every field of “{chosen?.name}” has a value: ready to draft.
        </p>
      ) : null}
      {check && blocked ? (
        <div role="alert" className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Fill these in before drafting — a letter never goes out with a blank:</p>
          <ul className="ml-5 list-disc">
            {check.missing.map((m) => (
              <li key={m.field}>
                <strong>{m.label}</strong>: {m.why}
              </li>
            ))}
            {check.unknown.map((u) => (
              <li key={u}>
                The template names <code>{u}</code>, which is not a merge field: a manager corrects it under Letter templates.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Replace the letter?"
        subject={chosen ? `From “${chosen.name}”, version ${chosen.currentVersion}` : undefined}
        confirmLabel="Replace the letter"
        danger
        onConfirm={() => draft(true)}
        undo={dirty ? 'Your unsaved changes and every saved edit of the current letter are lost.' : 'Every edit made to the current letter is lost; this cannot be undone.'}
      >
        This appeal already has a letter. Drafting again merges the template with today’s facts and replaces it.
      </ConfirmDialog>
    </>
  );
  // Once there is a letter, starting over is the exception: folded away under the editor's header.
  if (hasLetter) {
    return (
      <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Draft again from a template…</summary>
        <div className="space-y-2 pt-2">{chooser}</div>
      </details>
    );
  }
  return (
    <section aria-labelledby="template-heading" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h3 id="template-heading" className="text-sm font-semibold text-slate-800">
        Draft from a template
      </h3>
      {chooser}
    </section>
  );
}
