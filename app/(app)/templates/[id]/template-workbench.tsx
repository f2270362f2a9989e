'use client';
import { useRef, useState, useTransition } from 'react';
import { LetterPreview } from '@/components/letters/letter-preview';
import { LocalTime } from '@/components/local-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { MERGE_FIELDS } from '@/lib/domain/appeals/letter-merge';
import { MAX_TEMPLATE_BODY, type TemplateDetailDto, templateBodyProblems, versionAuthor } from '@/lib/domain/contracts/templates';
import { saveTemplateVersionAction, setTemplateArchivedAction } from '../actions';

const SYNTAX: [string, string][] = [
  ['# Heading', 'a heading (## for a smaller one)'],
  ['- item', 'a bulleted list'],
  ['1. item', 'a numbered list'],
  ['**bold**', 'bold text'],
  ['blank line', 'a new paragraph'],
  ['[instruction]', 'what the specialist completes in each draft'],
];

type Message = { tone: 'error' | 'success'; text: string } | null;

/**
 * One template: the current text (or any version's) as the letter lays it out, its history, and — when the
 * server says the viewer may edit — an editor whose save adds the next version.
 */
export function TemplateWorkbench({ template }: { template: TemplateDetailDto }) {
  const [seenVersion, setSeenVersion] = useState(template.version);
  const [shown, setShown] = useState(template.currentVersion);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(template.versions[0]?.body ?? '');
  const [message, setMessage] = useState<Message>(null);
  const [pending, startTransition] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Saved here or elsewhere: show what is stored now.
  if (template.version !== seenVersion) {
    setSeenVersion(template.version);
    setShown(template.currentVersion);
    if (!editing) setBody(template.versions[0]?.body ?? '');
  }
  const shownVersion = template.versions.find((v) => v.version === shown) ?? template.versions[0];
  const problems = templateBodyProblems(body);

  const insert = (field: string) => {
    const el = textarea.current;
    const token = `{{${field}}}`;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = () =>
    startTransition(async () => {
      const result = await saveTemplateVersionAction({ templateId: template.id, version: seenVersion, body });
      if (result.ok) {
        setEditing(false);
        setMessage({ tone: 'success', text: `Saved as version ${result.data.currentVersion}. New letters use it; letters already made keep theirs.` });
      } else {
        const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : '';
        setMessage({ tone: 'error', text: result.message.includes(fields) ? result.message : `${result.message} ${fields}` });
      }
    });

  const setArchived = (archived: boolean) =>
    startTransition(async () => {
      const result = await setTemplateArchivedAction({ templateId: template.id, version: seenVersion, archived });
      setMessage(result.ok ? { tone: 'success', text: archived ? 'Archived: no new letters start from it.' : 'Restored.' } : { tone: 'error', text: result.message });
    });

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_320px]">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="info">Current: version {template.currentVersion}</Badge>
          {template.archived ? <Badge tone="warning">archived</Badge> : null}
          {template.canEdit && !editing ? (
            <span className="ml-auto flex gap-2">
              {!template.archived ? (
                <Button size="sm" onClick={() => (setBody(template.versions[0]?.body ?? ''), setEditing(true), setMessage(null))}>
                  Edit template
                </Button>
              ) : null}
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => setArchived(!template.archived)}>
                {template.archived ? 'Restore' : 'Archive'}
              </Button>
            </span>
          ) : null}
        </div>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded px-2 py-1 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
            {message.text}
          </p>
        ) : null}
        {editing ? (
          <div className="space-y-2">
            <textarea
              ref={textarea}
              aria-label="Template text"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              maxLength={MAX_TEMPLATE_BODY}
              rows={28}
              spellCheck
              aria-invalid={problems.length > 0}
              aria-describedby="template-problems"
              className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs leading-relaxed focus:border-brand-600 focus:outline-none aria-invalid:border-red-500"
            />
            <div id="template-problems" className="text-xs">
              {problems.map((p) => (
                <p key={p} className="text-red-700">
                  {p}
                </p>
              ))}
              <p className="text-slate-500">
                {body.length.toLocaleString('en-US')} / {MAX_TEMPLATE_BODY.toLocaleString('en-US')} characters
              </p>
            </div>
            <div className="flex gap-2">
              <Button onClick={save} disabled={pending || problems.length > 0}>
                {pending ? 'Saving…' : `Save as version ${template.currentVersion + 1}`}
              </Button>
              <Button variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
            <h2 className="pt-2 text-sm font-semibold text-slate-700">Preview of your text</h2>
            <LetterPreview text={body} label="Preview of your text" />
          </div>
        ) : shownVersion ? (
          <>
            <h2 className="text-sm font-semibold text-slate-700">
              Version {shownVersion.version}
              {shownVersion.version === template.currentVersion ? ' (current)' : ''}
            </h2>
            <LetterPreview text={shownVersion.body} label={`Version ${shownVersion.version}`} />
          </>
        ) : null}
      </div>
      <aside className="space-y-3">
        {editing ? (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Merge fields</CardTitle>
              </CardHeader>
              <ul aria-label="Merge fields" className="max-h-96 overflow-y-auto p-2 text-xs">
                {Object.entries(MERGE_FIELDS).map(([name, field]) => (
                  <li key={name}>
                    <button type="button" onClick={() => insert(name)} className="flex w-full flex-col rounded px-2 py-1 text-left hover:bg-slate-100" aria-label={`Insert ${field.label}`}>
                      <span className="text-slate-800">{field.label}</span>
                      <code className="text-slate-500">{`{{${name}}}`}</code>
                    </button>
                  </li>
                ))}
              </ul>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Formatting</CardTitle>
              </CardHeader>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 p-3 text-xs">
                {SYNTAX.map(([syntax, meaning]) => (
                  <div key={syntax} className="contents">
                    <dt className="font-mono text-slate-800">{syntax}</dt>
                    <dd className="text-slate-600">{meaning}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Version history</CardTitle>
          </CardHeader>
          <ol aria-label="Version history" className="divide-y divide-slate-100 text-xs">
            {template.versions.map((v) => (
              <li key={v.version} className="flex items-center gap-2 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <div className="font-medium text-slate-800">
                    Version {v.version}
                    {v.version === template.currentVersion ? ' (current)' : ''}
                  </div>
                  <div className="text-slate-500">
                    {versionAuthor(v.createdBy)} · <LocalTime iso={v.createdAt} />
                  </div>
                </div>
                <Button size="sm" variant="ghost" aria-pressed={!editing && shown === v.version} aria-label={`Preview version ${v.version}`} onClick={() => (setEditing(false), setShown(v.version))}>
                  Preview
                </Button>
              </li>
            ))}
          </ol>
        </Card>
      </aside>
    </div>
  );
}
