import 'server-only';
import { ACTION_BODY_LIMIT_BYTES, sizeText } from '@/lib/domain/request-limits';

// Next decodes a server action's body before any of our code runs (app-render/action-handler.js), and answers
// both a body over its body limit (1 MB by default) and one React cannot decode (decodeReply throws) with a 500.
// The proxy runs first, so it refuses those here with a 4xx JSON answer: over the limit by its Content-Length
// (413, before a byte is read), no Content-Length (411: the browser always sends one), and a body that is not
// what React's encodeReply makes — JSON text, or multipart form data whose numbered rows are JSON (400).

const refuse = (status: number, code: string, message: string) => Response.json({ ok: false, code, message }, { status });

/** Whether `body` is what encodeReply sends: a JSON row, or form data whose numbered string rows are JSON. */
async function decodable(req: Request): Promise<boolean> {
  const type = req.headers.get('content-type') ?? '';
  try {
    if (!type.startsWith('multipart/form-data')) {
      JSON.parse(await req.text());
      return true;
    }
    for (const [key, value] of await req.formData()) {
      if (/^\d+$/.test(key) && typeof value === 'string') JSON.parse(value);
    }
    return true;
  } catch {
    return false;
  }
}

/** A 4xx for a server-action request (a POST with a Next-Action header) Next would answer with a 500; else null. */
export async function refuseBadActionBody(req: Request): Promise<Response | null> {
  if (req.method !== 'POST' || !req.headers.has('next-action')) return null;
  const length = req.headers.get('content-length');
  if (length === null) return refuse(411, 'invalid_input', 'An action request must say its Content-Length.');
  if (!/^\d{1,15}$/.test(length)) return refuse(400, 'invalid_input', 'The Content-Length is not a number.');
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return refuse(413, 'too_large', `The request is larger than ${sizeText(ACTION_BODY_LIMIT_BYTES)}, the most an action takes. Nothing was saved.`);
  }
  if (!(await decodable(req.clone()))) return refuse(400, 'invalid_input', 'The action request is malformed. Nothing was saved.');
  return null;
}
