import { describe, expect, it } from 'vitest';
import { idFromEvent } from './id-from-event.ts';

describe('the id of a « Effacer une personne » run', () => {
  it('is read from the workflow_dispatch event’s inputs', () => {
    const event = { inputs: { id: 'mentee-7f3k9q' }, ref: 'refs/heads/main' };
    expect(idFromEvent(JSON.stringify(event))).toBe('mentee-7f3k9q');
  });

  it('is empty when the event holds none, or is not JSON: the job then refuses it', () => {
    expect(idFromEvent('{}')).toBe('');
    expect(idFromEvent(JSON.stringify({ inputs: { id: 7 } }))).toBe('');
    expect(idFromEvent('')).toBe('');
    expect(idFromEvent('{"inputs":')).toBe('');
  });
});
