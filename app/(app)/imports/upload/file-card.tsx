import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatBytes } from '@/lib/client/import-files';

export interface CardStatus {
  label: string;
  tone: BadgeTone;
}

/** The frame around one picked file: its name, kind and size, where it stands, and a way to cancel or dismiss it. */
export function FileCard({
  file,
  kind,
  status,
  onRemove,
  removeLabel = 'Dismiss',
  children,
}: {
  file: File;
  kind: string;
  status: CardStatus;
  onRemove: () => void;
  removeLabel?: 'Dismiss' | 'Cancel';
  children?: ReactNode;
}) {
  return (
    <Card>
      <section aria-label={file.name}>
        <div className="flex items-center gap-3 px-4 py-2.5">
          <h2 className="min-w-0 truncate font-mono text-sm font-medium text-slate-900" title={file.name}>
            {file.name}
          </h2>
          <span className="shrink-0 text-xs text-slate-500">
            {kind} · {formatBytes(file.size)}
          </span>
          {/* Announced as it changes: queued, importing, imported or refused. */}
          <Badge tone={status.tone} className="shrink-0" data-testid="file-status" aria-live="polite">
            {status.label}
          </Badge>
          <Button variant="ghost" size="sm" className="ml-auto shrink-0" onClick={onRemove} aria-label={`${removeLabel} ${file.name}`}>
            {removeLabel}
          </Button>
        </div>
        {children ? <div className="flex flex-col gap-3 border-t border-slate-100 px-4 py-3">{children}</div> : null}
      </section>
    </Card>
  );
}
