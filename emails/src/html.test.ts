import { describe, expect, it } from 'vitest';
import { escapeHtml, html, multiline, safeHttpUrl, SafeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('html', () => {
  it('escapes every interpolated string and number', () => {
    const title = '<script>alert(1)</script>';
    expect(html`<p>${title} ${3}</p>`.toString()).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; 3</p>');
  });

  it('keeps fragments it built, joins arrays and drops null and false', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}`.toString()).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });

  it('does not trust a string that looks like markup', () => {
    expect(html`${'<b>bold</b>'}`.toString()).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(html`${new SafeHtml('<b>bold</b>')}`.toString()).toBe('<b>bold</b>');
  });

  it('writes an http(s) URL into an href, escaped', () => {
    expect(html`<a href="${'https://mutua.example.org/prets?a=1&b="2"'}">x</a>`.toString()).toBe(
      '<a href="https://mutua.example.org/prets?a=1&amp;b=%222%22">x</a>',
    );
  });

  it('refuses any other URL in an href, quoted or not', () => {
    expect(() => html`<a href="${'javascript:alert(1)'}">x</a>`).toThrow(TypeError);
    expect(() => html`<a href=${'javascript:alert(1)'}>x</a>`).toThrow(TypeError);
    expect(() => html`<a class="x" HREF=' ${'data:text/html,<script>'}'>x</a>`).toThrow(TypeError);
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https', () => {
    expect(safeHttpUrl('https://mutua.example.org/prets/1')).toBe('https://mutua.example.org/prets/1');
    expect(safeHttpUrl('http://localhost:5173/')).toBe('http://localhost:5173/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'mailto:a@b.fr',
    '/prets/1',
    '',
    'not a url',
  ])('rejects %j', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });
});

describe('multiline', () => {
  it('escapes each line and joins them with <br>', () => {
    expect(multiline('Bonjour <b>\r\nà demain & merci').toString()).toBe('Bonjour &lt;b&gt;<br>à demain &amp; merci');
  });
});
