'use client';
import { Tooltip } from '../ui/tooltip';

/** CARC and RARC codes with their official descriptions on hover or focus. */
export function CodeChips({ carc, rarc, codes }: { carc: string[]; rarc: string[]; codes: { carc: Record<string, string>; rarc: Record<string, string> } }) {
  return (
    <span className="flex flex-wrap gap-1">
      {carc.map((code) => (
        <Code key={`c${code}`} kind="CARC" code={code} description={codes.carc[code]} />
      ))}
      {rarc.map((code) => (
        <Code key={`r${code}`} kind="RARC" code={code} description={codes.rarc[code]} />
      ))}
    </span>
  );
}

function Code({ kind, code, description }: { kind: 'CARC' | 'RARC'; code: string; description?: string }) {
  const style = kind === 'CARC' ? 'bg-slate-100 text-slate-700 ring-slate-200' : 'bg-violet-50 text-violet-800 ring-violet-200';
  return (
    <Tooltip
      content={
        <span>
          <span className="font-semibold">
            {kind} {code}
          </span>
          {' — '}
          {description ?? 'Not in the official code list.'}
        </span>
      }
    >
      <button type="button" tabIndex={-1} className={`rounded px-1 font-mono text-[11px] ring-1 ring-inset ${style}`} aria-label={`${kind} ${code}: ${description ?? 'unknown code'}`}>
        {code}
      </button>
    </Tooltip>
  );
}
