import { describe, expect, it } from 'vitest';
import { inputFromEvent } from './input-from-event.ts';

describe('the id of a « Effacer une personne » run', () => {
  const idFromEvent = (json: string) => inputFromEvent(json, 'id');

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

describe('the pair ids of a « Conventions » run', () => {
  it('are read from the same event file, under their own input', () => {
    const event = { inputs: { binomes: 'pair-7f3k9q-a1b2c3' } };
    expect(inputFromEvent(JSON.stringify(event), 'binomes')).toBe('pair-7f3k9q-a1b2c3');
    expect(inputFromEvent(JSON.stringify(event), 'id')).toBe('');
  });
});
