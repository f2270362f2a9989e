import { describe, expect, it } from 'vitest';
import { readUpload, uploadChunks } from '@/lib/server/imports/read-upload';

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

describe('streaming an upload body (an 835, stored as it arrives)', () => {
  const drain = async (chunks: AsyncIterable<Uint8Array>) => {
    const seen: string[] = [];
    for await (const chunk of chunks) seen.push(new TextDecoder().decode(chunk));
    return seen;
  };

  it('hands the pieces on as they come, without joining them', async () => {
    expect(await drain(uploadChunks(streamed(['ISA*', '00*', 'rest'], { 'content-length': '11' })))).toEqual(['ISA*', '00*', 'rest']);
  });

  it('refuses a declared length over the limit or a missing body before reading anything', () => {
    expect(() => uploadChunks(streamed(['x'], { 'content-length': '101' }), 100)).toThrow(expect.objectContaining({ code: 'too_large', status: 413 }));
    expect(() => uploadChunks(streamed([''], { 'content-length': '0' }))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('stops with a clear error once an undeclared body passes the limit, after the pieces before it', async () => {
    const seen: string[] = [];
    const reading = (async () => {
      for await (const chunk of uploadChunks(streamed(['x'.repeat(60), 'y'.repeat(60)]), 100)) seen.push(new TextDecoder().decode(chunk));
    })();
    await expect(reading).rejects.toMatchObject({ code: 'too_large' });
    expect(seen).toEqual(['x'.repeat(60)]);
  });

  it('fails at the end of a body cut short of its Content-Length, or one with no bytes', async () => {
    await expect(drain(uploadChunks(streamed(['short'], { 'content-length': '10' })))).rejects.toMatchObject({ message: expect.stringContaining('cut off') });
    await expect(drain(uploadChunks(streamed([])))).rejects.toMatchObject({ message: expect.stringContaining('empty') });
  });
});
