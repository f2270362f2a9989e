'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { formatDateTime } from '@/components/denials/format';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { Label, Select } from '@/components/ui/input';
import { ProgressBar } from '@/components/ui/progress';
import { fileSizeText, removeAttachment, uploadAttachment } from '@/lib/client/attachments';
import { denialKeys } from '@/lib/client/denials';
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABEL, type AttachmentKind, attachmentKindLabel } from '@/lib/domain/appeals/attachment-kinds';
import type { AttachmentDto } from '@/lib/domain/contracts/attachments';
import type { AppealDto } from '@/lib/domain/contracts/denials';

type Upload =
  | { state: 'sending'; name: string; sent: number; total: number }
  | { state: 'done'; name: string; total: number }
  | { state: 'failed'; name: string; message: string };

export interface AttachmentsPanelProps {
  denialId: string;
  attachments: AttachmentDto[];
  appeals: AppealDto[];
  /** The server's viewer flag: whether this viewer may upload and remove. */
  canEdit: boolean;
  /** On an appeal's page: list only that appeal's files and attach new ones to it. */
  appealId?: string;
  title?: string;
}

/**
 * A denial's files (medical records, EOBs, authorization proof…): each downloadable, removable with a confirmation,
 * and an upload with a real progress bar (bytes sent) and the server's reason when a file is refused.
 */
export function AttachmentsPanel({ denialId, attachments, appeals, canEdit, appealId, title = 'Attachments' }: AttachmentsPanelProps) {
  const qc = useQueryClient();
  const shown = appealId ? attachments.filter((a) => a.appealId === appealId) : attachments;
  const appealName = (id: string | null) => (id ? (appeals.find((a) => a.id === id)?.name ?? 'Appeal') : 'Denial');
  const [removing, setRemoving] = useState<AttachmentDto | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (a: AttachmentDto) => removeAttachment(a.id),
    onMutate: () => setRemoveError(null),
    onError: (error) => setRemoveError(error.message),
    onSettled: () => qc.invalidateQueries({ queryKey: denialKeys.detail(denialId) }),
  });

  const headingId = useId();
  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId}>{title}</CardTitle>
        <span className="text-xs text-slate-600">{shown.length === 1 ? '1 file' : `${shown.length} files`}</span>
      </CardHeader>
      <div className="space-y-3 px-4 py-3">
        {shown.length === 0 ? (
          <p className="text-sm text-slate-600">No files attached yet.</p>
        ) : (
          <table className="w-full text-sm" aria-label={title}>
            <thead>
              <tr className="border-b border-slate-200 text-left text-[11px] text-slate-600 uppercase">
                <th className="py-1 pr-2 font-medium">File</th>
                <th className="py-1 pr-2 font-medium">Kind</th>
                <th className="py-1 pr-2 text-right font-medium">Size</th>
                <th className="py-1 pr-2 font-medium">Added</th>
                {appealId ? null : <th className="py-1 pr-2 font-medium">For</th>}
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="max-w-[16rem] py-1.5 pr-2">
                    <a href={`/api/attachments/${a.id}`} download className="font-medium break-words text-brand-700 hover:underline" aria-label={`Download ${a.filename}`}>
                      {a.filename}
                    </a>
                    <div className="font-mono text-[11px] text-slate-600" title="SHA-256 (first 12 digits)">
                      {a.sha256Prefix}
                    </div>
                  </td>
                  <td className="py-1.5 pr-2 text-slate-700">{attachmentKindLabel(a.kind)}</td>
                  <td className="py-1.5 pr-2 text-right whitespace-nowrap text-slate-700 tabular-nums">{fileSizeText(a.sizeBytes)}</td>
                  <td className="py-1.5 pr-2 text-slate-700">
                    <div>{a.uploadedBy ?? 'Unknown'}</div>
                    <time dateTime={a.createdAt} className="text-xs text-slate-600" suppressHydrationWarning>
                      {formatDateTime(a.createdAt)}
                    </time>
                  </td>
                  {appealId ? null : <td className="py-1.5 pr-2 text-slate-700">{appealName(a.appealId)}</td>}
                  <td className="py-1.5 text-right">
                    {!canEdit ? null : a.inSubmittedPacket ? (
                      <span className="text-xs text-slate-600" title="It went to the payer in a submitted appeal's packet, so it stays.">
                        Sent to payer
                      </span>
                    ) : (
                      <Button type="button" variant="ghost" size="sm" onClick={() => setRemoving(a)} disabled={remove.isPending} aria-label={`Remove ${a.filename}`}>
                        Remove
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {removeError ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-sm text-red-800">
            {removeError}
          </p>
        ) : null}
        {canEdit ? <UploadForm denialId={denialId} appeals={appeals} appealId={appealId} /> : null}
      </div>
      {removing ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setRemoving(null)}
          title="Remove this attachment?"
          subject={removing.filename}
          confirmLabel="Remove"
          danger
          undo="The timeline keeps a record that it was removed. To bring it back, upload the file again."
          onConfirm={() => remove.mutate(removing)}
        >
          “{removing.filename}” ({attachmentKindLabel(removing.kind)}, {fileSizeText(removing.sizeBytes)}) will no longer be listed or offered for appeal packets.
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

function UploadForm({ denialId, appeals, appealId }: { denialId: string; appeals: AppealDto[]; appealId?: string }) {
  const qc = useQueryClient();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  // Undecided appeals only: the server refuses files for a decided one.
  const open = appeals.filter((a) => a.decision === null);
  const [target, setTarget] = useState<string>(appealId ?? '');
  const [upload, setUpload] = useState<Upload | null>(null);
  const sending = upload?.state === 'sending';

  async function send() {
    if (!file || !kind) return;
    setUpload({ state: 'sending', name: file.name, sent: 0, total: file.size });
    try {
      await uploadAttachment(file, { denialId, kind, appealId: target || null }, (sent, total) => setUpload({ state: 'sending', name: file.name, sent, total }));
      setUpload({ state: 'done', name: file.name, total: file.size });
      // Clear the picker for the next file — unless the next file was already chosen while this one was on its way.
      if (!fileInput.current || fileInput.current.files?.[0] === file || !fileInput.current.files?.length) {
        setFile(null);
        setKind('');
        if (fileInput.current) fileInput.current.value = '';
      }
      await qc.invalidateQueries({ queryKey: denialKeys.detail(denialId) });
    } catch (error) {
      setUpload({ state: 'failed', name: file.name, message: error instanceof Error ? error.message : 'The upload failed.' });
    }
  }

  return (
    <form
      className="space-y-2 rounded-md border border-dashed border-slate-300 bg-slate-50 px-3 py-2.5"
      aria-label="Upload an attachment"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-[14rem] flex-1 flex-col gap-1">
          <Label htmlFor={`${id}-file`}>File (PDF, PNG, JPEG or TIFF)</Label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/tiff,.pdf,.png,.jpg,.jpeg,.tif,.tiff"
            className="text-sm text-slate-700 file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 file:text-xs file:font-medium file:text-slate-800 hover:file:bg-slate-100"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              if (upload?.state !== 'sending') setUpload(null);
            }}
            disabled={sending}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-kind`}>What it is</Label>
          <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind | '')} disabled={sending} required>
            <option value="">Choose…</option>
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ATTACHMENT_KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </div>
        {appealId ? null : (
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-appeal`}>Attach to</Label>
            <Select id={`${id}-appeal`} value={target} onChange={(e) => setTarget(e.target.value)} disabled={sending}>
              <option value="">The denial</option>
              {open.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <Button type="submit" disabled={!file || !kind || sending}>
          {sending ? 'Uploading…' : 'Upload'}
        </Button>
      </div>
      {upload && upload.state !== 'failed' ? (
        <div className="space-y-1">
          <ProgressBar
            label={`Uploading ${upload.name}`}
            value={upload.state === 'done' ? 100 : upload.total > 0 ? (upload.sent / upload.total) * 100 : 0}
            valueText={upload.state === 'done' ? 'Uploaded' : `${fileSizeText(upload.sent)} of ${fileSizeText(upload.total)}`}
            tone={upload.state === 'done' ? 'success' : 'brand'}
          />
          <p className="text-xs text-slate-700" aria-live="polite">
            {upload.state === 'done' ? `Attached “${upload.name}” (${fileSizeText(upload.total)}).` : `Uploading “${upload.name}”: ${fileSizeText(upload.sent)} of ${fileSizeText(upload.total)}…`}
          </p>
        </div>
      ) : null}
      {upload?.state === 'failed' ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-sm text-red-800">
          {upload.message}
        </p>
      ) : null}
    </form>
  );
}
