// A PDF read back as text, the way a person's PDF viewer would show it (pdf.js, through unpdf; offline).
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  // pdf.js takes the buffer over (detaches it): give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return { pages: text, text: text.join('\n') };
}
