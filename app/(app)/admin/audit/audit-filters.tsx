import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Label, Select } from '@/components/ui/input';

const TEXT_FIELDS = [
  ['action', 'Action', 'denial.assign or denial'],
  ['entityType', 'Record type', 'denial, export, user…'],
  ['entityId', 'Record id', ''],
  ['ip', 'From IP address', ''],
] as const;

/** The search form: a plain GET form, so a search is a URL (no script needed, and the back button works). */
export function AuditFilters({ values, users, exportHref }: { values: Record<string, string | undefined>; users: { id: string; name: string; email: string }[]; exportHref: string }) {
  return (
    <Card className="mb-4 p-3">
      <form method="get" action="/admin/audit" role="search" aria-label="Search the audit trail" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-user">User</Label>
          <Select id="audit-user" name="user" defaultValue={values.user ?? ''}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </Select>
        </div>
        {TEXT_FIELDS.map(([name, label, placeholder]) => (
          <div key={name} className="flex flex-col gap-1">
            <Label htmlFor={`audit-${name}`}>{label}</Label>
            <Input id={`audit-${name}`} name={name} defaultValue={values[name] ?? ''} placeholder={placeholder} />
          </div>
        ))}
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} />
        </div>
        <Button type="submit">Search</Button>
        <Button asChild variant="secondary">
          <a href={exportHref} download>
            Export CSV
          </a>
        </Button>
      </form>
    </Card>
  );
}
