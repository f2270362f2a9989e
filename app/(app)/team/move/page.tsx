import { PageHeader } from '@/components/ui/page-header';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';
import { CATEGORY_LABEL } from '@/lib/domain/labels';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { AppError } from '@/lib/server/errors';
import { listMoveSources } from '@/lib/server/team/move-work';
import { MoveWorkForm } from './move-work-form';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Move work' };

type Search = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

// The team board links here as /team/move?from=<userId>&payer=<payerId>&category=<key>: those prefill the form
// when they name someone and something on the lists (anything else is ignored, never an error).
export default answers503WhenDown(async function MoveWorkPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('reassign');
  const [{ people, payers }, sources] = await Promise.all([listQueueOptions(actor), listMoveSources(actor)]);
  if (!sources.ok) throw new AppError(sources.code, sources.message);
  // From: whoever owns open work in reach, a disabled leaver included; To: active people only.
  const active = new Set(people.map((p) => p.id));
  const from = [...people.filter((p) => sources.data.some((s) => s.id === p.id)), ...sources.data.filter((s) => !active.has(s.id)).map((s) => ({ id: s.id, name: `${s.name} (disabled)`, teamId: null }))];
  const raw = await searchParams;
  const pick = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
  const initial = {
    from: pick(first(raw.from), from.map((p) => p.id)),
    payer: pick(first(raw.payer), payers.map((p) => p.id)),
    category: pick(first(raw.category), DENIAL_CATEGORIES),
  };
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Move work"
        description="Move one person’s open denials — all of them, or one payer’s or category’s — to someone else, with a reason."
      />
      <MoveWorkForm
        people={people}
        sources={from}
        payers={payers}
        categories={DENIAL_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABEL[key] }))}
        initial={initial}
        today={todayIso()}
      />
    </div>
  );
});
