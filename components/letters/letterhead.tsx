import type { LetterheadDto } from '@/lib/domain/contracts/appeal-letters';

/** The organisation's letterhead as the PDF prints it (lib/server/appeals/letter-pdf.ts): name, address, NPI · TIN · contact, a rule. */
export function Letterhead({ letterhead }: { letterhead: LetterheadDto }) {
  const ids = [letterhead.npi && `NPI ${letterhead.npi}`, letterhead.tin && `TIN ${letterhead.tin}`, letterhead.contact].filter(Boolean).join(' · ');
  return (
    <header className="border-b border-slate-400 pb-3 font-sans text-slate-900">
      <p className="text-lg font-bold">{letterhead.name || 'Organisation name not set'}</p>
      {letterhead.addressLines.map((line, i) => (
        <p key={i} className="text-sm">
          {line}
        </p>
      ))}
      {ids ? <p className="text-xs text-slate-600">{ids}</p> : null}
    </header>
  );
}
