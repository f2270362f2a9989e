'use client';
import { type FormEvent, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldError, Input, Label } from '@/components/ui/input';
import { MAX_ADDRESS_LINES, type OrganizationDto } from '@/lib/domain/contracts/organization';
import { updateOrganizationAction } from './actions';

type Field = Exclude<keyof OrganizationDto, 'version' | 'updatedAt' | 'addressLines'>;
const FIELDS: { name: Field; label: string; hint?: string; type?: string }[] = [
  { name: 'name', label: 'Organisation name' },
  { name: 'npi', label: 'NPI (organisation, type 2)', hint: '10 digits' },
  { name: 'tin', label: 'TIN (EIN)', hint: 'NN-NNNNNNN' },
  { name: 'contactName', label: 'Contact name' },
  { name: 'contactPhone', label: 'Contact phone', type: 'tel' },
  { name: 'contactEmail', label: 'Contact email', type: 'email' },
];

const padded = (lines: string[]) => [...lines, ...Array<string>(MAX_ADDRESS_LINES).fill('')].slice(0, MAX_ADDRESS_LINES);

/** The letterhead, edited as one form and saved against the version it was read at; messages per field. */
export function OrganizationForm({ organization }: { organization: OrganizationDto }) {
  const [seen, setSeen] = useState(organization);
  const [form, setForm] = useState(organization);
  const [address, setAddress] = useState(() => padded(organization.addressLines));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // Saved here or elsewhere (a conflict shows the latest): take what is stored now.
  if (organization.version !== seen.version) {
    setSeen(organization);
    setForm(organization);
    setAddress(padded(organization.addressLines));
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const { updatedAt: _u, ...fields } = form;
      const result = await updateOrganizationAction({ ...fields, version: seen.version, addressLines: address });
      if (result.ok) {
        setErrors({});
        setMessage({ tone: 'success', text: 'Saved. New letters use these details.' });
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.message });
      }
    });
  };

  return (
    <Card className="max-w-2xl">
      <form onSubmit={submit} aria-label="Organisation details" className="grid gap-3 p-4 sm:grid-cols-2" noValidate>
        {FIELDS.map((f) => (
          <div key={f.name} className={`flex flex-col gap-1 ${f.name === 'name' ? 'sm:col-span-2' : ''}`}>
            <Label htmlFor={`org-${f.name}`}>{f.label}</Label>
            <Input
              id={`org-${f.name}`}
              type={f.type ?? 'text'}
              value={form[f.name]}
              placeholder={f.hint}
              aria-invalid={!!errors[f.name]}
              aria-describedby={errors[f.name] ? `org-${f.name}-error` : undefined}
              onChange={(e) => setForm((v) => ({ ...v, [f.name]: e.target.value }))}
            />
            <span id={`org-${f.name}-error`}>
              <FieldError messages={errors[f.name]} />
            </span>
          </div>
        ))}
        <fieldset className="flex flex-col gap-1 sm:col-span-2">
          <legend className="text-xs font-medium text-slate-600">Address (up to {MAX_ADDRESS_LINES} lines)</legend>
          {address.map((line, i) => (
            <Input key={i} aria-label={`Address line ${i + 1}`} value={line} aria-invalid={!!errors.addressLines} onChange={(e) => setAddress((a) => a.map((l, j) => (j === i ? e.target.value : l)))} />
          ))}
          <FieldError messages={errors.addressLines} />
        </fieldset>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded px-2 py-1 text-xs sm:col-span-2 ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
            {message.text}
          </p>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save details'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
