#!/usr/bin/env node
// Renders build/icon.svg to the PNGs the app ships: build/icon.png (1024 px, electron-builder
// makes every platform's icon from it) and renderer/public/icon.png (256 px, the Linux/Windows
// window icon); copies the SVG to renderer/public/favicon.svg. Needs Chromium (scripts/test/chromium.mjs).
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.mjs';

const root = new URL('../..', import.meta.url).pathname;
const svgPath = join(root, 'build', 'icon.svg');
const svg = readFileSync(svgPath, 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  for (const [size, out] of [
    [1024, join(root, 'build', 'icon.png')],
    [256, join(root, 'renderer', 'public', 'icon.png')],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: out, omitBackground: true });
    await page.close();
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
copyFileSync(svgPath, join(root, 'renderer', 'public', 'favicon.svg'));
console.log('wrote renderer/public/favicon.svg');
