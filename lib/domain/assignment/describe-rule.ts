import { amountRangeText } from './amount-range';
import { type RuleConditions, hasConditions } from './rules';
import { categoryLabel, departmentLabel } from '../labels';

const list = (values: readonly string[], max = 3) => (values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} +${values.length - max} more`);

/** One line a manager reads in the list: "Payer Aetna; category Timely filing; CARC 29; $500 - $5,000". */
export function describeConditions(c: RuleConditions, payerNames: ReadonlyMap<string, string>): string {
  if (!hasConditions(c)) return 'Every denial';
  const parts: string[] = [];
  if (c.payerIds.length) parts.push(`Payer ${list(c.payerIds.map((id) => payerNames.get(id) ?? 'unknown payer'))}`);
  if (c.categories.length) parts.push(`Category ${list(c.categories.map((x) => categoryLabel(x)))}`);
  if (c.departments.length) parts.push(`Department ${list(c.departments.map((x) => departmentLabel(x)))}`);
  if (c.carcCodes.length) parts.push(`CARC ${list(c.carcCodes, 5)}`);
  if (c.rarcCodes.length) parts.push(`RARC ${list(c.rarcCodes, 5)}`);
  if (c.minCents !== null || c.maxCents !== null) parts.push(amountRangeText(c));
  if (c.providerNpis.length) parts.push(`Provider NPI ${list(c.providerNpis)}`);
  return parts.join('; ');
}
