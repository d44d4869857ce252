import { describe, expect, it } from 'vitest';
import { defaultTilesUrl, tileImageSource, withImageSource } from './csp.ts';

describe('tileImageSource', () => {
  it('is the origin of the tile template', () => {
    expect(tileImageSource(defaultTilesUrl)).toBe('https://tile.openstreetmap.org');
    expect(tileImageSource('https://tiles.example.fr:8443/styles/{z}/{x}/{y}@2x.png?key=abc')).toBe(
      'https://tiles.example.fr:8443',
    );
  });

  it('allows every subdomain of a {s} template', () => {
    expect(tileImageSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
  });

  it('refuses what is not a web address', () => {
    expect(tileImageSource('not a url')).toBeNull();
    expect(tileImageSource('javascript:alert(1)')).toBeNull();
  });
});

describe('withImageSource', () => {
  const policy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

  it('adds the source to img-src only, once', () => {
    const extended = withImageSource(policy, 'https://tile.openstreetmap.org');
    expect(extended).toBe(
      "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; frame-ancestors 'none'",
    );
    expect(withImageSource(extended, 'https://tile.openstreetmap.org')).toBe(extended);
  });

  it('leaves a policy without img-src alone', () => {
    expect(withImageSource("default-src 'self'", 'https://a.example')).toBe("default-src 'self'");
  });
});
