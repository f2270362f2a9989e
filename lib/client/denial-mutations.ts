import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkUpdateResult, DenialStateDto, QueueRowDto } from '@/lib/domain/contracts/denials';
import type { Result } from '@/lib/domain/contracts/result';
import { ActionError, unwrap } from './action-result';
import { cachedVersion, denialKeys, patchDenial } from './denials';
import { UNDO_NOTICE_MS, notify } from './notices';

// Edits of a denial from the browser: optimistic (the screen changes at once), rolled back with the reason
// when the server refuses, and on a conflict replaced by the fresh state the server sent back.

/** Edits run one after another, so each is based on the version the previous one produced. */
const SCOPE = { id: 'denial-edits' };

export interface DenialEditVars<I> {
  id: string;
  /** The version on screen when the edit was made; a newer one from this session's own edits wins. */
  version: number;
  input: I;
}

type Snapshot = [readonly unknown[], unknown][];

export function conflictState(error: unknown): DenialStateDto | null {
  if (!(error instanceof ActionError) || error.code !== 'conflict') return null;
  return (error.failure.details as { current?: DenialStateDto | null } | undefined)?.current ?? null;
}

export function useDenialMutation<I>(options: {
  action: (input: I & { id: string; version: number }) => Promise<Result<DenialStateDto>>;
  optimistic?: (row: DenialStateDto, input: I) => Partial<QueueRowDto>;
  success?: (state: DenialStateDto, input: I) => string;
  /** Offered as an Undo button beside the success message when the server says the change can be undone. */
  undo?: (state: DenialStateDto) => void;
}) {
  const qc = useQueryClient();
  return useMutation<DenialStateDto, Error, DenialEditVars<I>, { snapshot: Snapshot }>({
    scope: SCOPE,
    mutationFn: (vars) => unwrap(options.action({ ...vars.input, id: vars.id, version: cachedVersion(qc, vars.id) ?? vars.version })),
    onMutate: async (vars) => {
      await qc.cancelQueries({ queryKey: denialKeys.all });
      const snapshot = qc.getQueriesData({ queryKey: denialKeys.all }) as Snapshot;
      const { optimistic } = options;
      if (optimistic) patchDenial(qc, vars.id, (row) => optimistic(row, vars.input));
      return { snapshot };
    },
    onError: (error, vars, context) => {
      for (const [key, data] of context?.snapshot ?? []) qc.setQueryData(key, data);
      const fresh = conflictState(error);
      if (fresh) patchDenial(qc, vars.id, () => fresh);
      notify(error.message, 'error');
    },
    onSuccess: (state, vars) => {
      patchDenial(qc, vars.id, () => state);
      const { undo } = options;
      if (!options.success) return;
      const text = options.success(state, vars.input);
      if (state.undo && undo) notify(text, 'success', UNDO_NOTICE_MS, { label: 'Undo', run: () => undo(state) });
      else notify(text, 'success');
    },
    // The row may have left this view or moved in its order; the timeline has a new event.
    onSettled: (_data, _error, vars) => {
      void qc.invalidateQueries({ queryKey: denialKeys.queues() });
      void qc.invalidateQueries({ queryKey: denialKeys.detail(vars.id) });
    },
  });
}

export function useBulkDenialMutation<C>(action: (input: { items: { id: string; version: number }[]; change: C }) => Promise<Result<BulkUpdateResult>>) {
  const qc = useQueryClient();
  return useMutation<BulkUpdateResult, Error, { items: { id: string; version: number }[]; change: C; label: string }>({
    scope: SCOPE,
    mutationFn: ({ items, change }) =>
      unwrap(action({ items: items.map((i) => ({ id: i.id, version: cachedVersion(qc, i.id) ?? i.version })), change })),
    onSuccess: (result, { label }) => {
      for (const state of result.updated) patchDenial(qc, state.id, () => state);
      for (const f of result.failed) if (f.current) patchDenial(qc, f.id, () => f.current!);
      const parts = [`${label}: ${result.updated.length} updated`];
      const conflicts = result.failed.filter((f) => f.code === 'conflict').length;
      if (conflicts) parts.push(`${conflicts} changed by someone else meanwhile (not saved)`);
      const refused = result.failed.filter((f) => f.code !== 'conflict');
      if (refused.length) parts.push(`${refused.length} refused — ${refused[0]!.message}`);
      notify(parts.join(' · '), result.failed.length ? 'error' : 'success');
    },
    onError: (error) => notify(error.message, 'error'),
    onSettled: () => qc.invalidateQueries({ queryKey: denialKeys.all }),
  });
}
