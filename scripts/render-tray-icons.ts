import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

// Renders resources/tray/*.svg to PNGs at 1x (16 px), 2x and 3x (Electron picks `name@2x.png` on
// HiDPI screens). Run with `npx tsx scripts/render-tray-icons.ts`; needs Debian's Chromium.

const folder = resolve('resources/tray');
const baseSize = 16;
const scales = [1, 2, 3];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.svg'))) {
    const svg = readFileSync(join(folder, file), 'utf8');
    for (const scale of scales) {
      const size = baseSize * scale;
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      const target = join(folder, file.replace(/\.svg$/, scale === 1 ? '.png' : `@${scale}x.png`));
      await page.screenshot({ path: target, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      process.stdout.write(`${target}\n`);
    }
  }
} finally {
  await browser.close();
}
