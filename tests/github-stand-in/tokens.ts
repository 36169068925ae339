import { userId } from './collaborators.ts';
import type { Author } from './github-json.ts';

export type Access = 'read' | 'write' | 'none';
/** The repository permissions of a fine-grained token the stand-in checks (metadata is implied). */
export type Permission = 'contents' | 'issues' | 'pull_requests';
export type Rights = Partial<Record<Permission, Access>>;

export interface TokenOptions {
  login: string;
  /** By default `Bot` for a login ending in `[bot]` (a GitHub App's token), else `User`. */
  type?: 'User' | 'Bot';
  /** Unset permissions are `none`; without `rights` at all, the token may write everything. */
  rights?: Rights;
  /** The `owner/repo` the token was given; by default the stand-in's repository. */
  repositories?: readonly string[];
  expired?: boolean;
}

/** A token the stand-in was told about, as it checks it. */
export interface TokenHolder {
  author: Author;
  rights: Readonly<Record<Permission, Access>>;
  repositories: readonly string[] | undefined;
  expired: boolean;
}

export function tokenHolder(options: TokenOptions): TokenHolder {
  const type = options.type ?? (options.login.endsWith('[bot]') ? 'Bot' : 'User');
  const all: Access = options.rights ? 'none' : 'write';
  return {
    author: { login: options.login, id: userId(options.login), type },
    rights: {
      contents: options.rights?.contents ?? all,
      issues: options.rights?.issues ?? all,
      pull_requests: options.rights?.pull_requests ?? all,
    },
    repositories: options.repositories,
    expired: options.expired ?? false,
  };
}

/**
 * What an operation needs. `thread`: issues or pull_requests, by what the number names — GitHub
 * checks the target, so commenting on a pull request needs pull_requests, not issues (its
 * `x-accepted-github-permissions` lists both sets). `metadata`: any token that sees the
 * repository has it.
 */
const needs: Record<string, [Permission | 'thread' | 'metadata', 'read' | 'write']> = {
  'repos/get-content': ['contents', 'read'],
  'repos/create-or-update-file-contents': ['contents', 'write'],
  'git/get-tree': ['contents', 'read'],
  'git/create-tree': ['contents', 'write'],
  'git/create-blob': ['contents', 'write'],
  'git/get-commit': ['contents', 'read'],
  'git/create-commit': ['contents', 'write'],
  'git/get-ref': ['contents', 'read'],
  'git/create-ref': ['contents', 'write'],
  'git/update-ref': ['contents', 'write'],
  'git/delete-ref': ['contents', 'write'],
  'git/list-matching-refs': ['contents', 'read'],
  'repos/merge': ['contents', 'write'],
  'pulls/list': ['pull_requests', 'read'],
  'pulls/get': ['pull_requests', 'read'],
  'pulls/list-files': ['pull_requests', 'read'],
  'pulls/create': ['pull_requests', 'write'],
  'pulls/update': ['pull_requests', 'write'],
  'issues/list-for-repo': ['issues', 'read'],
  'issues/create': ['issues', 'write'],
  'issues/update': ['thread', 'write'],
  'issues/list-comments': ['thread', 'read'],
  'issues/create-comment': ['thread', 'write'],
  'issues/update-comment': ['thread', 'write'],
  'issues/add-labels': ['thread', 'write'],
  'repos/get-collaborator-permission-level': ['metadata', 'read'],
};

/** GitHub's `x-accepted-github-permissions` for an operation: alternative sets, `; ` between. */
export function acceptedPermissions(operationId: string): string {
  const [permission, access] = needs[operationId] ?? ['metadata', 'read'];
  return permission === 'thread'
    ? `issues=${access}; pull_requests=${access}`
    : `${permission}=${access}`;
}

/** Whether `rights` allow `operationId` on a thread that is a pull request (`pull`) or not. */
export function allows(
  rights: Readonly<Record<Permission, Access>>,
  operationId: string,
  thread: 'issue' | 'pull',
): boolean {
  const [needed, access] = needs[operationId] ?? ['metadata', 'read'];
  if (needed === 'metadata') return true;
  const permission =
    needed === 'thread' ? (thread === 'pull' ? 'pull_requests' : 'issues') : needed;
  const granted = rights[permission];
  return granted === 'write' || (granted === 'read' && access === 'read');
}
