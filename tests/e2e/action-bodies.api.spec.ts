// Server-action bodies Next would answer with a 500 (it decodes them before any of our code runs) get a 4xx JSON
// answer from the proxy instead: malformed, over the 256 KB limit (the 10 MB case), or without a length.
import { expect, test } from './support/fixtures';

const ACTION = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' };

test('a malformed server-action body answers 400 JSON, not 500', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  for (const body of ['{"id":', 'not json at all', '\u0000\u0001\u0002']) {
    const res = await page.request.post('/queue', { headers: ACTION, data: body });
    expect(res.status(), body).toBe(400);
    expect(await res.json()).toEqual({ ok: false, code: 'invalid_input', message: 'The action request is malformed. Nothing was saved.' });
  }
  const multipart = await page.request.post('/queue', { headers: { 'next-action': ACTION['next-action'] }, multipart: { '0': '[{"id":' } });
  expect(multipart.status()).toBe(400);
});

test('an oversize server-action body answers 413 JSON naming the limit', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  for (const size of [256 * 1024 + 1, 10 * 1024 * 1024]) {
    const res = await page.request.post('/queue', { headers: ACTION, data: `["${'a'.repeat(size - 4)}"]` });
    expect(res.status(), `${size} bytes`).toBe(413);
    expect(await res.json()).toEqual({
      ok: false,
      code: 'too_large',
      message: 'The request is larger than 256 KB, the most an action takes. Nothing was saved.',
    });
  }
});

test('a well-formed body for an unknown action still reaches Next, which answers 409 "Server Action unavailable"', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  const res = await page.request.post('/queue', { headers: ACTION, data: '[{"id":"x"}]' });
  expect(res.status()).toBe(409);
  expect(await res.text()).toContain('Server Action unavailable');
});
