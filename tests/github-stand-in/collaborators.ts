import { createHash } from 'node:crypto';
import { fail, HttpAnswer } from './http-answer.ts';
import type { GitHubJson } from './github-json.ts';

/** GitHub's built-in repository roles; `permission` folds maintain into write, triage into read. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
/** An organisation's custom role: its own name, and the built-in role it is based on. */
export interface CustomRole {
  custom: string;
  base: 'admin' | 'write' | 'read';
}

/** A GitHub user's id, the same for a login wherever the stand-in names it. */
export const userId = (login: string): number =>
  parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16);

const base: Record<Role, 'admin' | 'write' | 'read'> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
};

/**
 * Who may do what on the stand-in's repository, as the collaborator permission endpoint tells
 * it. The repository is private, so a GitHub user with no role there is answered 200 with
 * permission `none` (the description lists `none` among the answers, and documents the 404 for
 * what does not exist: here, a login that is no GitHub user).
 */
export class Collaborators {
  readonly #roles = new Map<string, Role | CustomRole | 'not a user'>();
  #forbidden = false;

  set(login: string, role: Role | CustomRole | 'none' | 'not a user'): void {
    if (role === 'none') this.#roles.delete(login.toLowerCase());
    else this.#roles.set(login.toLowerCase(), role);
  }

  /**
   * From now on, answers 403 « Resource not accessible by integration », as GitHub does to an
   * installation token whose app lacks the permission this endpoint needs.
   */
  forbid(): void {
    this.#forbidden = true;
  }

  answer(login: string, json: GitHubJson): HttpAnswer {
    if (this.#forbidden)
      throw fail(
        403,
        'Resource not accessible by integration',
        'https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user',
      );
    const role = this.#roles.get(login.toLowerCase()) ?? 'none';
    if (role === 'not a user') throw fail(404, 'Not Found');
    const id = userId(login);
    return new HttpAnswer(
      200,
      typeof role === 'object'
        ? json.collaboratorPermission(login, id, role.base, role.custom)
        : role === 'none'
          ? // An empty role_name, as public code records GitHub answering a non-collaborator on
            // a private repository (others record `none`): the store must read either.
            json.collaboratorPermission(login, id, 'none', '')
          : json.collaboratorPermission(login, id, base[role], role),
    );
  }
}
