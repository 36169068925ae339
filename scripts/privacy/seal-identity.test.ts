import { describe, expect, it } from 'vitest';
import { coordinatorKey } from '../../tests/helpers/test-keys.ts';
import { sealIdentity } from './seal-identity.ts';

describe('a sealed identity’s length', () => {
  it('says nothing of its accents: padding counts UTF-8 bytes, not characters', async () => {
    const lengths = await Promise.all(
      ['Lea', 'Léa', 'Lééa'.slice(0, 3), 'Hélène'.slice(0, 3)].map(
        async (firstName) =>
          (await sealIdentity({ firstName }, [coordinatorKey.recipient])).sealed.ciphertext.length,
      ),
    );
    expect(new Set(lengths).size).toBe(1);
  });
});
