'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError, Input, Label, Select } from '@/components/ui/input';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import { TEMPLATE_CATEGORIES, TEMPLATE_CATEGORY, type TemplateCategory } from '@/lib/domain/appeals/template-categories';
import { createTemplateAction } from './actions';

/** A new template starts as a copy of its category's starter letter, then opens for editing. */
export function NewTemplateForm() {
  const router = useRouter();
  const [category, setCategory] = useState<TemplateCategory>('medical_necessity');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = STARTER_TEMPLATES.find((t) => t.category === category)!.body;
    startTransition(async () => {
      const result = await createTemplateAction({ category, name, body });
      if (result.ok) router.push(`/templates/${result.data.id}`);
      else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  };

  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>New template</CardTitle>
      </CardHeader>
      <form onSubmit={submit} aria-label="New template" className="flex flex-col gap-3 p-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-template-category">Category</Label>
          <Select id="new-template-category" value={category} onChange={(e) => setCategory(e.target.value as TemplateCategory)}>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {TEMPLATE_CATEGORY[c].label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-template-name">Name</Label>
          <Input id="new-template-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
          <FieldError messages={errors.name} />
        </div>
        <p className="text-xs text-slate-600">It starts as a copy of the category’s starter letter.</p>
        {message ? <p role="alert" className="text-xs text-red-700">{message}</p> : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create template'}
        </Button>
      </form>
    </Card>
  );
}
