'use client';
import { useState, useTransition, type FormEvent } from 'react';
import { ROLE_LABEL } from '@/components/role-label';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError, Input, Label, Select } from '@/components/ui/input';
import { PASSWORD_HINT } from '@/lib/domain/passwords/password-policy';
import { createUserAction } from './actions';

type Role = keyof typeof ROLE_LABEL;

export function CreateUserForm({ teams }: { teams: { id: string; name: string }[] }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createUserAction({
        email: String(data.get('email') ?? ''),
        name: String(data.get('name') ?? ''),
        role: String(data.get('role') ?? 'specialist') as Role,
        teamId: (data.get('teamId') as string) || null,
        password: String(data.get('password') ?? ''),
      });
      if (result.ok) {
        form.reset();
        setErrors({});
        setMessage({ tone: 'ok', text: 'User created.' });
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.message });
      }
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>New user</CardTitle>
      </CardHeader>
      <form onSubmit={onSubmit} className="flex flex-col gap-3 p-4" aria-label="New user">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-name">Name</Label>
          <Input id="new-name" name="name" required aria-invalid={!!errors.name} />
          <FieldError messages={errors.name} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-email">Email</Label>
          <Input id="new-email" name="email" type="email" required aria-invalid={!!errors.email} />
          <FieldError messages={errors.email} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-role">Role</Label>
          <Select id="new-role" name="role" defaultValue="specialist">
            {Object.entries(ROLE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-team">Team</Label>
          <Select id="new-team" name="teamId" defaultValue="">
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-password">Initial password</Label>
          <Input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={!!errors.password}
            aria-describedby="new-password-hint"
          />
          <p id="new-password-hint" className="text-xs text-slate-500">
            {PASSWORD_HINT}
          </p>
          <FieldError messages={errors.password} />
        </div>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-sm text-red-600' : 'text-sm text-emerald-700'}>
            {message.text}
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create user'}
        </Button>
      </form>
    </Card>
  );
}
