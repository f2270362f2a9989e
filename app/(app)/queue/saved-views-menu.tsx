'use client';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Label } from '@/components/ui/input';
import { unwrap } from '@/lib/client/action-result';
import { notify } from '@/lib/client/notices';
import { savedViewKeys, useSavedViews } from '@/lib/client/saved-views';
import { deleteViewAction, saveViewAction } from './actions';

/** The user's saved views: open one, save the current one under a name, delete one. */
export function SavedViewsMenu({ search }: { search: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const views = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: (input: { name: string; query: string }) => unwrap(saveViewAction(input)),
    onSuccess: (view) => notify(`Saved “${view.name}”.`, 'success'),
    onError: (e) => notify(e.message, 'error'),
    onSettled: () => qc.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(deleteViewAction({ id })),
    onError: (e) => notify(e.message, 'error'),
    onSettled: () => qc.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    save.mutate({ name: name.trim(), query: search });
    setNaming(false);
  };
  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button variant="secondary" size="sm">
            Saved views ▾
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={4} className="z-40 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
            {views.data?.length ? (
              views.data.map((v) => (
                <Menu.Item
                  key={v.id}
                  onSelect={() => router.push(v.query ? `/queue?${v.query}` : '/queue')}
                  className="group flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5 outline-none data-highlighted:bg-slate-100"
                >
                  <span>{v.name}</span>
                  <button
                    type="button"
                    aria-label={`Delete saved view ${v.name}`}
                    className="text-xs text-slate-500 hover:text-red-600"
                    onClick={(e) => {
                      e.stopPropagation();
                      remove.mutate(v.id);
                    }}
                  >
                    Delete
                  </button>
                </Menu.Item>
              ))
            ) : (
              <div className="px-2 py-1.5 text-xs text-slate-500">No saved views yet.</div>
            )}
            <Menu.Separator className="my-1 h-px bg-slate-200" />
            <Menu.Item onSelect={() => (setName(''), setNaming(true))} className="cursor-pointer rounded px-2 py-1.5 font-medium text-brand-700 outline-none data-highlighted:bg-brand-50">
              Save this view…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <Dialog open={naming} onOpenChange={setNaming} title="Save this view" description="The view, filters and sort, under a name only you see.">
        <form onSubmit={submit} className="space-y-3" aria-label="Save this view">
          <div className="flex flex-col gap-1">
            <Label htmlFor="view-name">Name</Label>
            <Input id="view-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus required />
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button type="submit">Save view</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
