import type { CommandsJobDependencies } from './run.ts';

/**
 * The comment of an `issue_comment` event, from the event file GitHub writes for the job
 * (`GITHUB_EVENT_PATH`): its text never passes through the workflow's text, the shell or an
 * environment variable (a 65,536-character comment would not fit in one). Missing fields are
 * empty, and an empty comment holds no command.
 */
export function commentFromEvent(eventJson: string): CommandsJobDependencies['comment'] {
  const event = JSON.parse(eventJson) as {
    comment?: { body?: unknown; user?: { login?: unknown; type?: unknown } };
    issue?: { number?: unknown; pull_request?: unknown; labels?: { name?: unknown }[] };
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    body: text(event.comment?.body),
    author: text(event.comment?.user?.login),
    authorType: text(event.comment?.user?.type),
    number: typeof event.issue?.number === 'number' ? event.issue.number : 0,
    isPullRequest: Boolean(event.issue?.pull_request),
    labels: (event.issue?.labels ?? []).map((l) => text(l.name)).filter(Boolean),
  };
}
