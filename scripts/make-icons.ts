// npx tsx scripts/make-icons.ts — renders app/icon.svg into app/favicon.ico (16, 32, 48 px) and
// app/apple-icon.png (180 px, square: iOS rounds the corners itself). The outputs are committed; run this again
// only after changing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from './find-browser';

const APP = path.resolve(import.meta.dirname, '..', 'app');
const svg = readFileSync(path.join(APP, 'icon.svg'), 'utf8');

/** An ICO file whose images are PNGs (allowed since Windows Vista; every browser reads them). */
function ico(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: SYSTEM_CHROMIUM ? SYSTEM_CHROMIUM_ARGS : [] });
const page = await browser.newPage();
async function render(source: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(`<html><body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}
const sizes = [16, 32, 48];
const favicon = ico(await Promise.all(sizes.map(async (size) => ({ size, data: await render(svg, size) }))));
writeFileSync(path.join(APP, 'favicon.ico'), favicon);
writeFileSync(path.join(APP, 'apple-icon.png'), await render(svg.replace('rx="14"', 'rx="0"'), 180));
await browser.close();
console.log(`app/favicon.ico (${sizes.join(', ')} px, ${favicon.length} bytes) and app/apple-icon.png (180 px) written.`);
