import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { listPayerRules } from '@/lib/server/payers/list-payer-rules';
import { PayerRulesForm } from './payer-rules-form';
import { WriteOffThresholdForm } from './write-off-threshold-form';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Payer rules' };

export default answers503WhenDown(async function PayersPage() {
  const actor = await requirePermission('manage_payer_rules');
  const { payers, writeOffThresholdCents: threshold } = await listPayerRules(actor);
  return (
    <>
      <PageHeader
        title="Payer rules"
        description="Appeal windows, timely filing and warning windows per payer. Saving recalculates the deadlines and scores of the payer’s open denials."
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="space-y-3">
          {payers.length === 0 ? <p className="text-sm text-slate-600">No payers yet: they appear with the first remittance from them.</p> : null}
          {payers.map((p) => (
            <PayerRulesForm key={p.id} payer={p} />
          ))}
        </div>
        <WriteOffThresholdForm cents={threshold} />
      </div>
    </>
  );
});
