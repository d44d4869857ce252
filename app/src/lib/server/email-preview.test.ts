import { describe, expect, it } from 'vitest';
import { emailPreviewDocument, emailPreviewPolicy, emailPreviewResponse } from './email-preview.ts';

describe('email preview', () => {
  it('runs no script and can only be framed by the app', () => {
    expect(emailPreviewPolicy).toContain("default-src 'none'");
    expect(emailPreviewPolicy).not.toContain('script-src');
    expect(emailPreviewPolicy).toMatch(/(^|; )sandbox /);
    expect(emailPreviewPolicy).not.toContain('allow-scripts');
    expect(emailPreviewPolicy).not.toContain('allow-same-origin');
    expect(emailPreviewPolicy).toContain("frame-ancestors 'self'");
  });

  it('opens the email’s links in a new tab', () => {
    expect(emailPreviewDocument('<html><head lang="fr"><title>x</title></head></html>')).toBe(
      '<html><head lang="fr"><base target="_blank"><title>x</title></head></html>',
    );
    expect(emailPreviewDocument('<p>no head</p>')).toBe('<base target="_blank"><p>no head</p>');
  });

  it('answers HTML with its own policy', async () => {
    const response = emailPreviewResponse('<p>Bonjour</p>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(emailPreviewPolicy);
    expect(await response.text()).toContain('<p>Bonjour</p>');
  });
});
