import { describe, expect, it } from 'vitest';
import { commentFromEvent } from './comment-from-event.ts';

describe('the comment of an issue_comment event', () => {
  it('is read from the event file, whatever its size', () => {
    const body = `/retirer pair-bbbbb1-aaaaa1\n${'€'.repeat(65_000)}`;
    const event = {
      action: 'created',
      comment: { body, user: { login: 'coordinatrice', type: 'User' } },
      issue: { number: 7, pull_request: { url: 'x' }, labels: [{ name: 'binome:candidatures' }] },
    };
    expect(commentFromEvent(JSON.stringify(event))).toEqual({
      body,
      author: 'coordinatrice',
      authorType: 'User',
      number: 7,
      isPullRequest: true,
      labels: ['binome:candidatures'],
    });
  });

  it('leaves missing or odd fields empty, so that nothing runs', () => {
    expect(commentFromEvent(JSON.stringify({ comment: { body: 42 }, issue: {} }))).toEqual({
      body: '',
      author: '',
      authorType: '',
      number: 0,
      isPullRequest: false,
      labels: [],
    });
  });
});
