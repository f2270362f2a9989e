import { describe, expect, it } from 'vitest';
import { readUpload } from '@/lib/server/imports/read-upload';

function streamed(chunks: string[], headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      c.close();
    },
  });
  return new Request('http://x/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('reading an upload body', () => {
  it('fills one buffer of the declared length from many chunks', async () => {
    const bytes = await readUpload(streamed(['ISA*', '00*', 'rest'], { 'content-length': '11' }));
    expect(new TextDecoder().decode(bytes)).toBe('ISA*00*rest');
  });

  it('joins the chunks once when no length is declared', async () => {
    expect(new TextDecoder().decode(await readUpload(streamed(['a,b\n', '1,2\n'])))).toBe('a,b\n1,2\n');
  });

  it('refuses an empty file with a clear message', async () => {
    await expect(readUpload(streamed([]))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty') });
    await expect(readUpload(streamed([''], { 'content-length': '0' }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a body over the limit, declared or not', async () => {
    await expect(readUpload(streamed(['x'], { 'content-length': '101' }), 100)).rejects.toMatchObject({ code: 'too_large', status: 413, message: expect.stringContaining('larger than 100 bytes') });
    await expect(readUpload(streamed(['x'.repeat(60), 'x'.repeat(60)]), 100)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('refuses a body that is cut off or longer than its Content-Length', async () => {
    await expect(readUpload(streamed(['short'], { 'content-length': '10' }))).rejects.toMatchObject({ message: expect.stringContaining('cut off') });
    await expect(readUpload(streamed(['much too long'], { 'content-length': '4' }))).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
