import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns the addresses of a text into links, and leaves the rest as text', () => {
    expect(linkify('Voir le prêt : http://localhost:3000/prets/abc.\nMerci')).toEqual([
      { text: 'Voir le prêt : ' },
      { text: 'http://localhost:3000/prets/abc', href: 'http://localhost:3000/prets/abc' },
      { text: '.\nMerci' },
    ]);
    expect(linkify('Aucun lien')).toEqual([{ text: 'Aucun lien' }]);
    expect(linkify('https://a.example/x?y=1 et javascript:alert(1)')).toEqual([
      { text: 'https://a.example/x?y=1', href: 'https://a.example/x?y=1' },
      { text: ' et javascript:alert(1)' },
    ]);
  });
});
