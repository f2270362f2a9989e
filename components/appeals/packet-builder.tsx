'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/components/denials/format';
import { fileSizeText } from '@/lib/client/attachments';
import { denialKeys } from '@/lib/client/denials';
import { attachmentKindLabel } from '@/lib/domain/appeals/attachment-kinds';
import type { AttachmentDto } from '@/lib/domain/contracts/attachments';
import type { AppealDto } from '@/lib/domain/contracts/denials';

export interface PacketBuilderProps {
  denialId: string;
  appeal: AppealDto;
  /** The denial's attachments (the packet may hold any of them, in the order chosen here). */
  attachments: AttachmentDto[];
  /** The server's viewer flag: whether this viewer may build. */
  canEdit: boolean;
}

/** Saves a response's PDF under the name the server gave it (Content-Disposition). */
async function saveResponse(res: Response): Promise<{ pages: string | null; sha256: string | null }> {
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ? decodeURIComponent(name) : 'appeal-packet.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { pages: res.headers.get('x-packet-pages'), sha256: res.headers.get('x-packet-sha256') };
}

async function failure(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `The server answered ${res.status}.`;
}

/**
 * The appeal packet: choose attachments and their order, build (the letter first, behind a cover sheet listing the
 * contents), and download. A submitted appeal's packet is the record of what was sent: downloadable, not rebuilt.
 */
export function PacketBuilder({ denialId, appeal, attachments, canEdit }: PacketBuilderProps) {
  const qc = useQueryClient();
  const headingId = useId();
  const recorded = appeal.packet;
  const sent = appeal.submittedOn !== null || appeal.decision !== null;
  const [chosen, setChosen] = useState<string[]>(() =>
    recorded ? recorded.attachmentIds.filter((id) => attachments.some((a) => a.id === id)) : attachments.filter((a) => a.appealId === appeal.id).map((a) => a.id),
  );
  // A file uploaded to this appeal while the page is open joins the packet (adjusting state while rendering).
  const [seen, setSeen] = useState(() => new Set(attachments.map((a) => a.id)));
  const fresh = attachments.filter((a) => !seen.has(a.id));
  if (fresh.length > 0) {
    setSeen(new Set([...seen, ...fresh.map((a) => a.id)]));
    if (!sent) setChosen((c) => [...c, ...fresh.filter((a) => a.appealId === appeal.id).map((a) => a.id)]);
  }
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [built, setBuilt] = useState<string | null>(null);
  const byId = new Map(attachments.map((a) => [a.id, a]));
  // A removed file leaves the list, and the packet.
  const inPacket = chosen.filter((id) => byId.has(id));
  const ordered = [...inPacket.map((id) => byId.get(id)!), ...attachments.filter((a) => !inPacket.includes(a.id))];

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const move = (id: string, by: -1 | 1) =>
    setChosen((all) => {
      const c = all.filter((x) => byId.has(x));
      const i = c.indexOf(id);
      const j = i + by;
      if (i < 0 || j < 0 || j >= c.length) return c;
      const next = [...c];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  async function run(request: () => Promise<Response>, doneText: (r: { pages: string | null; sha256: string | null }) => string) {
    setBusy(true);
    setError(null);
    setBuilt(null);
    try {
      const res = await request();
      if (!res.ok) {
        setError(await failure(res));
        return;
      }
      setBuilt(doneText(await saveResponse(res)));
      await qc.invalidateQueries({ queryKey: denialKeys.detail(denialId) });
    } catch {
      setError('The connection was lost. Check the network and try again.');
    } finally {
      setBusy(false);
    }
  }

  const build = () =>
    run(
      () => fetch(`/api/appeals/${appeal.id}/packet.pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ denialId, attachmentIds: inPacket }) }),
      (r) => `Built and downloaded: ${r.pages ?? '?'} pages, SHA-256 ${r.sha256?.slice(0, 12) ?? '?'}….`,
    );
  const downloadRecorded = () => run(() => fetch(`/api/appeals/${appeal.id}/packet.pdf`), () => 'Downloaded the recorded packet.');

  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>Appeal packet</CardTitle>
        {recorded ? (
          <span className="text-xs text-slate-600">
            Built {formatDateTime(recorded.builtAt)} · {recorded.pageCount ?? '?'} pages · <span className="font-mono">{recorded.sha256.slice(0, 12)}</span>
          </span>
        ) : (
          <span className="text-xs text-slate-600">Not built yet</span>
        )}
      </CardHeader>
      <div className="space-y-3 px-4 py-3 text-sm">
        <p className="text-slate-700">The cover sheet and the letter come first, then the attachments ticked here, in this order.</p>
        {attachments.length === 0 ? (
          <p className="text-slate-600">No attachments on this denial: the packet will hold the letter only.</p>
        ) : (
          <ol className="space-y-1" aria-label="Packet attachments">
            {ordered.map((a) => {
              const position = inPacket.indexOf(a.id);
              return (
                <li key={a.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1">
                  <input
                    type="checkbox"
                    id={`${headingId}-${a.id}`}
                    checked={position >= 0}
                    onChange={() => toggle(a.id)}
                    disabled={sent || !canEdit || busy}
                    className="h-4 w-4 accent-brand-600"
                  />
                  <label htmlFor={`${headingId}-${a.id}`} className="flex-1 text-slate-800">
                    {position >= 0 ? <span className="mr-1 font-mono text-xs text-slate-600">{position + 1}.</span> : null}
                    {a.filename} <span className="text-xs text-slate-600">· {attachmentKindLabel(a.kind)} · {fileSizeText(a.sizeBytes)}</span>
                  </label>
                  {position >= 0 && !sent && canEdit ? (
                    <span className="flex gap-1">
                      <Button type="button" variant="ghost" size="sm" onClick={() => move(a.id, -1)} disabled={position === 0 || busy} aria-label={`Move ${a.filename} up`}>
                        ↑
                      </Button>
                      <Button type="button" variant="ghost" size="sm" onClick={() => move(a.id, 1)} disabled={position === inPacket.length - 1 || busy} aria-label={`Move ${a.filename} down`}>
                        ↓
                      </Button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {canEdit && !sent ? (
            <Button type="button" onClick={() => void build()} disabled={busy}>
              {busy ? 'Building…' : recorded ? 'Build again and download' : 'Build packet and download'}
            </Button>
          ) : null}
          {recorded ? (
            <Button type="button" variant="secondary" onClick={() => void downloadRecorded()} disabled={busy}>
              Download recorded packet
            </Button>
          ) : null}
          {sent ? <span className="text-xs text-slate-600">Submitted: the recorded packet is what went to the payer.</span> : null}
        </div>
        {built ? (
          <p role="status" className="text-xs text-emerald-800">
            {built}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
