import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../../main/cli/gentle';

describe('suggestions for typos', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('focus', 'focus')).toBe(0);
    expect(editDistance('lunch', 'plan')).toBe(4);
  });

  it('suggests a near word, or the only one a start begins, and nothing for a far one', () => {
    const verbs = ['status', 'focus', 'lunch', 'teammates', 'export', 'integrations'];
    expect(closest('stauts', verbs)).toBe('status');
    expect(closest('Focsu', verbs)).toBe('focus');
    expect(closest('integ', verbs)).toBe('integrations');
    expect(closest('banana', verbs)).toBeNull();
    expect(closest('', verbs)).toBeNull();
  });
});
