'use client';
import { useDenial } from '@/lib/client/denials';
import { AttachmentsPanel } from './attachments-panel';
import { PacketBuilder } from './packet-builder';

/**
 * The appeal workspace's files: this appeal's attachments (new ones attach to it) and its packet, chosen from every
 * file on the denial. Read from the denial's detail query, which the uploads, removals and builds refresh.
 */
export function AppealFiles({ denialId, appealId }: { denialId: string; appealId: string }) {
  const { data: d, error } = useDenial(denialId);
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        The attachments could not be loaded: {error.message}
      </p>
    );
  }
  if (!d) return <p className="text-sm text-slate-600">Loading attachments…</p>;
  const appeal = d.appeals.find((a) => a.id === appealId);
  if (!appeal) return null;
  const elsewhere = d.attachments.filter((a) => a.appealId !== appealId).length;
  return (
    <div className="space-y-4">
      <AttachmentsPanel denialId={denialId} attachments={d.attachments} appeals={d.appeals} canEdit={d.viewer.canEdit} appealId={appealId} title="Attachments for this appeal" />
      {elsewhere > 0 ? (
        <p className="text-xs text-slate-600">
          {elsewhere === 1 ? 'One more file is' : `${elsewhere} more files are`} on the denial itself or another level: choose them for the packet below.
        </p>
      ) : null}
      <PacketBuilder denialId={denialId} appeal={appeal} attachments={d.attachments} canEdit={d.viewer.canEdit} />
    </div>
  );
}
