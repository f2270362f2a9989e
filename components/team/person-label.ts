import type { Absence } from '@/lib/domain/team/away';
import { awayLabel } from '@/lib/domain/team/away';
import { formatDate } from '../denials/format';

/** How an owner picker names someone: "Sam Lee (away until Dec 12, covered by Riley Cho)" while they are away or about to be. */
export function personLabel(person: { name: string; away?: Absence | null }, today: string): string {
  const away = awayLabel(person.away ?? null, today, (d) => formatDate(d, today));
  return away ? `${person.name} (${away})` : person.name;
}
