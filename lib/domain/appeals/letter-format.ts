// The formatted text of a letter: what a specialist can type in a plain text box and still get headings,
// paragraphs, lists and bold in the printed page and the PDF. A small, fixed subset of Markdown — no HTML, no
// links, no images — so the same blocks render the same on screen, on paper and in the PDF, and nothing a person
// types can inject markup.
//
//   # Heading / ## Subheading       a line of its own
//   - item / * item                  bulleted list
//   1. item                          numbered list (numbered in order, whatever numbers were typed)
//   **bold**                         inside any line
//   blank line                       ends a paragraph; single line breaks inside a paragraph are kept (addresses)

export interface TextRun {
  text: string;
  bold: boolean;
}

export type LetterBlock =
  | { kind: 'heading'; level: 1 | 2; runs: TextRun[] }
  | { kind: 'paragraph'; lines: TextRun[][] }
  | { kind: 'list'; ordered: boolean; items: TextRun[][] };

/** "**Claim** 123" → [{Claim, bold}, {" 123"}]; an unmatched ** stays as typed. */
export function parseRuns(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let rest = line;
  while (rest.length > 0) {
    const open = rest.indexOf('**');
    const close = open === -1 ? -1 : rest.indexOf('**', open + 2);
    if (open === -1 || close === -1 || close === open + 2) {
      runs.push({ text: rest, bold: false });
      break;
    }
    if (open > 0) runs.push({ text: rest.slice(0, open), bold: false });
    runs.push({ text: rest.slice(open + 2, close), bold: true });
    rest = rest.slice(close + 2);
  }
  return runs;
}

const HEADING = /^(#{1,2})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseLetter(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: TextRun[][] | null = null;
  let list: { ordered: boolean; items: TextRun[][] } | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = null;
    list = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2, runs: parseRuns(heading[2]!.trim()) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(parseRuns(item[1]!.trim()));
      continue;
    }
    if (list) flush();
    paragraph ??= [];
    paragraph.push(parseRuns(line.trim()));
  }
  flush();
  return blocks;
}

/** The letter as plain text lines, for search, the PDF's text layer checks and the audit: formatting marks removed. */
export function letterPlainText(blocks: readonly LetterBlock[]): string {
  const runsText = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');
  return blocks
    .map((block) => {
      if (block.kind === 'heading') return runsText(block.runs);
      if (block.kind === 'paragraph') return block.lines.map(runsText).join('\n');
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${runsText(item)}`).join('\n');
    })
    .join('\n\n');
}
