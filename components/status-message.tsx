import type { ReactNode } from 'react';

/** The card a page shows instead of its content (not found, an error): what happened and the way back. */
export function StatusMessage({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <section className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">{title}</h1>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
      <div className="mt-4 flex items-center justify-center gap-4 text-sm font-medium">{actions}</div>
    </section>
  );
}

export const STATUS_LINK = 'text-brand-700 hover:underline';
