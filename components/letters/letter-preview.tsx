import { Fragment, type ReactNode } from 'react';
import { MERGE_FIELDS } from '@/lib/domain/appeals/letter-merge';
import { type TextRun, parseLetter } from '@/lib/domain/appeals/letter-format';

const FIELD = /(\{\{\s*[A-Za-z_.]+\s*\}\})/g;

/** A run's text with its merge fields marked (labelled; an unknown one in red) and its bracketed instructions tinted. */
function runText(text: string): ReactNode[] {
  return text.split(FIELD).map((part, i) => {
    const name = /^\{\{\s*([A-Za-z_.]+)\s*\}\}$/.exec(part)?.[1];
    if (name) {
      const field = MERGE_FIELDS[name];
      return (
        <mark key={i} title={field?.label ?? 'Unknown merge field'} className={`rounded px-0.5 font-mono text-[0.85em] ${field ? 'bg-sky-100 text-sky-900' : 'bg-red-100 text-red-800'}`}>
          {part}
        </mark>
      );
    }
    return <Fragment key={i}>{part}</Fragment>;
  });
}

function Runs({ runs }: { runs: TextRun[] }) {
  return runs.map((r, i) => (r.bold ? <strong key={i}>{runText(r.text)}</strong> : <Fragment key={i}>{runText(r.text)}</Fragment>));
}

/** A letter or template in its formatted text (lib/domain/appeals/letter-format.ts), as the printed page lays it out. */
export function LetterPreview({ text, label = 'Preview', variant = 'panel' }: { text: string; label?: string; variant?: 'panel' | 'print' }) {
  const blocks = parseLetter(text);
  const frame = variant === 'panel' ? 'rounded border border-slate-200 bg-white p-6 text-sm' : 'text-[11pt]';
  return (
    <article aria-label={label} className={`space-y-3 font-serif leading-relaxed text-slate-900 ${frame}`}>
      {blocks.map((block, i) => {
        if (block.kind === 'heading') {
          const Tag = block.level === 1 ? 'h2' : 'h3';
          return (
            <Tag key={i} className={block.level === 1 ? 'text-base font-bold' : 'font-semibold'}>
              <Runs runs={block.runs} />
            </Tag>
          );
        }
        if (block.kind === 'paragraph') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 ? <br /> : null}
                  <Runs runs={line} />
                </Fragment>
              ))}
            </p>
          );
        }
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} className={`ml-5 space-y-0.5 ${block.ordered ? 'list-decimal' : 'list-disc'}`}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ))}
          </List>
        );
      })}
    </article>
  );
}
