import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { makeWebSizes } from './processing.ts';

/** A photo-like JPEG: noise, so that decoding and resizing take a moment. */
async function noisyJpeg(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

describe('resizing uploads', () => {
  it('makes the three web sizes, upright, from one upload', async () => {
    const portrait = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a7' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { width, height, variants } = await makeWebSizes(portrait);
    expect({ width, height }).toEqual({ width: 1600, height: 2400 });
    const widths = await Promise.all(Object.values(variants).map(async (file) => (await sharp(file).metadata()).width));
    expect(widths).toEqual([320, 800, 1600]);
  });

  it('decodes one image at a time; the others wait their turn', async () => {
    const upload = await noisyJpeg(1800, 1200);
    let mostAtOnce = 0;
    const watch = setInterval(() => (mostAtOnce = Math.max(mostAtOnce, sharp.counters().process)), 1);
    const results = await Promise.all(Array.from({ length: 4 }, () => makeWebSizes(upload)));
    clearInterval(watch);
    expect(results.every((result) => result.width === 1600)).toBe(true);
    expect(mostAtOnce).toBeGreaterThan(0);
    expect(mostAtOnce).toBe(1);
  }, 30_000);

  it('refuses a photo of more than 60 million pixels before decoding it', async () => {
    // A flat image: a few kilobytes of PNG for 61 megapixels.
    const huge = await sharp({ create: { width: 10_000, height: 6_100, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const refusal = await makeWebSizes(huge).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).statusCode).toBe(400);
    expect(JSON.stringify((refusal as AppError).details)).toContain('maxPixels');
  });
});
