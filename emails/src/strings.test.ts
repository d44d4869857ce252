import { describe, expect, it } from 'vitest';
import { fr } from './strings.ts';

describe('fr', () => {
  it('puts a narrow no-break space before ; : ! ? and inside « » in the wording', () => {
    expect(fr`Motif : « ${'Tonnelle'} » ; merci ! Vraiment ?`).toBe(
      'Motif\u202f: «\u202fTonnelle\u202f»\u202f; merci\u202f! Vraiment\u202f?',
    );
  });

  it('leaves interpolated values as typed', () => {
    expect(fr`Message : ${'Bonjour ! Ça va ?'}`).toBe('Message\u202f: Bonjour ! Ça va ?');
  });
});
