'use client';
import { useState, useTransition } from 'react';
import { ROLE_LABEL } from '@/components/role-label';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import type { UserRow } from '@/lib/domain/contracts/users';
import { updateUserAction } from './actions';

type Role = keyof typeof ROLE_LABEL;

export function UsersTable({ users, teams, currentUserId }: { users: UserRow[]; teams: { id: string; name: string }[]; currentUserId: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function update(input: Parameters<typeof updateUserAction>[0]) {
    startTransition(async () => {
      const result = await updateUserAction(input);
      setError(result.ok ? null : result.message);
    });
  }

  return (
    <Card className="overflow-hidden">
      {error ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Title (on letters)</th>
            <th className="px-4 py-2 font-medium">Role</th>
            <th className="px-4 py-2 font-medium">Team</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? 'text-slate-500' : undefined}>
              <td className="px-4 py-2">
                <div className="font-medium">{u.name}</div>
                <div className="text-xs text-slate-600">{u.email}</div>
              </td>
              <td className="px-4 py-2">
                <TitleField user={u} disabled={pending} onSave={(title) => update({ userId: u.id, title })} />
              </td>
              <td className="px-4 py-2">
                <Select
                  aria-label={`Role of ${u.name}`}
                  value={u.role}
                  disabled={pending || u.id === currentUserId}
                  onChange={(e) => update({ userId: u.id, role: e.target.value as Role })}
                >
                  {Object.entries(ROLE_LABEL).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              </td>
              <td className="px-4 py-2">
                <Select
                  aria-label={`Team of ${u.name}`}
                  value={u.teamId ?? ''}
                  disabled={pending}
                  onChange={(e) => update({ userId: u.id, teamId: e.target.value || null })}
                >
                  <option value="">No team</option>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
                {u.takesOrgWideScope ? (
                  <label className="mt-1 flex items-center gap-1.5 text-xs text-slate-600">
                    <input
                      type="checkbox"
                      checked={u.orgWide}
                      disabled={pending}
                      onChange={(e) => update({ userId: u.id, orgWide: e.target.checked })}
                    />
                    Every team (organisation-wide)
                  </label>
                ) : null}
              </td>
              <td className="px-4 py-2">{u.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
              <td className="px-4 py-2 text-right">
                {u.id === currentUserId ? null : (
                  <Button
                    size="sm"
                    variant={u.disabled ? 'secondary' : 'danger'}
                    disabled={pending}
                    onClick={() => update({ userId: u.id, disabled: !u.disabled })}
                  >
                    {u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** The title printed under the user's name on the appeal letters they sign; saved when the field is left. */
function TitleField({ user, disabled, onSave }: { user: UserRow; disabled: boolean; onSave: (title: string) => void }) {
  const [value, setValue] = useState(user.title ?? '');
  const save = () => {
    if (value.trim() !== (user.title ?? '')) onSave(value.trim());
  };
  return (
    <Input
      aria-label={`Title of ${user.name}`}
      placeholder="e.g. Denial specialist"
      maxLength={120}
      value={value}
      disabled={disabled}
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
      }}
    />
  );
}
