import type { ClassificationDto } from '@/lib/domain/contracts/code-mappings';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';

export const comboName = (c: { group: string; carc: string; rarc: string | null }) => `${c.group}-${c.carc}${c.rarc ? ` with ${c.rarc}` : ''}`;

export const SOURCE: Record<ClassificationDto['source'], string> = { shipped: 'Shipped', override: 'Your override', override_rarc: 'Your override (with remark)' };

export function Classification({ value }: { value: Omit<ClassificationDto, 'source'> }) {
  if (!value.isDenial) return <span>Not a denial</span>;
  return (
    <span>
      {categoryLabel(value.category)} · {departmentLabel(value.department)}
      {value.avoidable ? ' · avoidable' : ''}
    </span>
  );
}
