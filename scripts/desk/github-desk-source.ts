import { dataKeys, digestLabel, followUpLabel, pairingBranch } from '../../schemas/data-layout.ts';
import { textOfBase64 } from '../store/base64.ts';
import type { GitHubClient } from '../store/create-octokit.ts';
import type { BranchOption } from '../store/data-store.ts';
import { statusOf } from '../store/github-errors.ts';
import { DeskError, gitHubProblem } from './desk-error.ts';
import type { CommandThread, DeskCommand, DeskReply, DeskSource } from './desk-source.ts';
import { plainReply } from '../text/plain-reply.ts';

export interface GitHubDeskOptions {
  /** How often to look for Binôme's reply to a command, and for how long. */
  pollMs?: number;
  replyTimeoutMs?: number;
  /** The programme's time zone, to say when a rate limit lifts. */
  timeZone: string;
  sleep?: (ms: number) => Promise<void>;
}

const threadNames: Record<CommandThread, string> = {
  digest:
    'L’issue « Candidatures à examiner » n’existe pas encore : elle est ouverte par la tâche « Candidatures » (onglet Actions) dès qu’une candidature attend une décision.',
  'follow-up':
    'L’issue « Suivi des binômes » n’existe pas encore : elle est ouverte par la tâche « Suivi des binômes » (onglet Actions) chaque semaine.',
  pairing:
    'Cette cohorte n’a pas de pull request de binômes proposés ouverte : lancez l’appariement (onglet Actions, « Binômes »).',
};

/**
 * What `cache` holds for `key`, asked for once; a failure is not kept, so that the next reading
 * asks again.
 */
function once<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  let made = cache.get(key);
  if (!made) {
    made = make();
    cache.set(key, made);
    made.catch(() => cache.delete(key));
  }
  return made;
}

/**
 * The data repository on GitHub, read from the coordinator's browser with their fine-grained token
 * (GitHub's REST API answers browsers: CORS). Each reading lists a branch once (one tree request)
 * and fetches only the files whose content it has not seen yet (by Git's sha), so that reading
 * again after a command costs a few requests, not one per record. The data keys are listed once
 * (one request) and each read once. Acting is commenting: the command is posted where a
 * coordinator would type it, and the desk waits for the « Commandes » workflow's reply.
 */
export class GitHubDeskSource implements DeskSource {
  readonly label: string;
  readonly #octokit: GitHubClient;
  readonly #repo: { owner: string; repo: string };
  readonly #options: Required<Omit<GitHubDeskOptions, 'sleep'>> & {
    sleep: (ms: number) => Promise<void>;
  };
  /** One reading's listings, forgotten by `refresh`: each branch's tree, and the data keys' refs. */
  #trees = new Map<string, Promise<Map<string, string> | undefined>>();
  #keyRefs = new Map<'refs', Promise<Map<string, string>>>();
  /** Texts by blob sha, kept for the tab's life: a sha names its content. */
  readonly #texts = new Map<string, Promise<string>>();

  constructor(octokit: GitHubClient, repository: string, options: GitHubDeskOptions) {
    const [owner = '', repo = ''] = repository.split('/');
    this.#octokit = octokit;
    this.#repo = { owner, repo };
    this.label = `le dépôt ${owner}/${repo}`;
    this.#options = {
      pollMs: options.pollMs ?? 3000,
      replyTimeoutMs: options.replyTimeoutMs ?? 240_000,
      timeZone: options.timeZone,
      sleep: options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
    };
  }

  get #name() {
    return `${this.#repo.owner}/${this.#repo.repo}`;
  }

  /** GitHub's failure, in French. */
  #problem(error: unknown): DeskError {
    return gitHubProblem(error, this.#name, this.#options.timeZone);
  }

  /** A request to GitHub whose failure reaches the coordinator in French. */
  async #ask<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      throw this.#problem(error);
    }
  }

  /** The cohort's open pairing pull request, if any. */
  async #openPull(cohort: string) {
    const { data } = await this.#ask(
      this.#octokit.rest.pulls.list({
        ...this.#repo,
        head: `${this.#repo.owner}:${pairingBranch(cohort)}`,
        state: 'open',
      }),
    );
    return data[0];
  }

  refresh(): void {
    this.#trees = new Map();
    this.#keyRefs = new Map();
  }

  /** Every file of a branch and its blob's sha; undefined when the branch does not exist. */
  #tree(branch: string): Promise<Map<string, string> | undefined> {
    return once(this.#trees, branch, async () => {
      try {
        const { data } = await this.#octokit.rest.git.getTree({
          ...this.#repo,
          tree_sha: branch,
          recursive: 'true',
        });
        if (data.truncated)
          throw new DeskError(
            `Le dépôt ${this.#name} a trop de fichiers pour être lu en une fois par GitHub : l’espace coordination ne peut pas le lire.`,
          );
        return new Map(
          data.tree
            .filter((e) => e.type === 'blob' && e.path && e.sha)
            .map((e) => [e.path!, e.sha!]),
        );
      } catch (error) {
        // A pairing branch that does not exist (yet, or any more) holds nothing; main must.
        if (statusOf(error) === 404 && branch !== 'main') return undefined;
        throw this.#problem(error);
      }
    });
  }

  /** A file's text by its blob's sha, fetched once (a record with the same text is the same). */
  #text(sha: string, path: string, ref: string): Promise<string> {
    return once(this.#texts, sha, async () => {
      const { data } = await this.#ask(
        this.#octokit.rest.repos.getContent({ ...this.#repo, path, ref }),
      );
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
        throw new DeskError(`${path} n’est pas un fichier.`);
      return textOfBase64(data.content);
    });
  }

  async listFiles(folder: string, options: BranchOption = {}): Promise<string[]> {
    const prefix = folder ? folder.replace(/\/?$/, '/') : '';
    const tree = await this.#tree(options.branch ?? 'main');
    return [...(tree?.keys() ?? [])].filter((path) => path.startsWith(prefix)).sort();
  }

  async readFiles(
    paths: readonly string[],
    options: BranchOption = {},
  ): Promise<(string | undefined)[]> {
    const branch = options.branch ?? 'main';
    const tree = await this.#tree(branch);
    const results: (string | undefined)[] = [];
    // A few at a time: GitHub counts concurrent requests against its secondary rate limit.
    for (let i = 0; i < paths.length; i += 8)
      results.push(
        ...(await Promise.all(
          paths.slice(i, i + 8).map((path) => {
            const sha = tree?.get(path);
            return sha ? this.#text(sha, path, branch) : undefined;
          }),
        )),
      );
    return results;
  }

  readonly keys = {
    read: async (id: string): Promise<string | undefined> => {
      const refs = once(this.#keyRefs, 'refs', async () => {
        const found = await this.#ask(
          this.#octokit.paginate(this.#octokit.rest.git.listMatchingRefs, {
            ...this.#repo,
            ref: dataKeys.refPrefix,
          }),
        );
        const prefix = `refs/${dataKeys.refPrefix}`;
        return new Map(
          found
            .filter((r) => r.ref.startsWith(prefix))
            .map((r) => [r.ref.slice(prefix.length), r.object.sha]),
        );
      });
      const commit = (await refs).get(id);
      // By the key commit's sha, which names its content: read once, however often opened.
      return commit ? this.#text(`key:${commit}`, dataKeys.blobName, commit) : undefined;
    },
  };

  /** The number of the issue or pull request where `command` belongs. */
  async #thread(command: DeskCommand): Promise<number> {
    if (command.thread === 'pairing') {
      const pull = await this.#openPull(command.cohort ?? '');
      if (pull) return pull.number;
    } else {
      const { data } = await this.#ask(
        this.#octokit.rest.issues.listForRepo({
          ...this.#repo,
          labels: command.thread === 'digest' ? digestLabel : followUpLabel,
          state: 'open',
          per_page: 10,
        }),
      );
      const issue = data.find((i) => !i.pull_request);
      if (issue) return issue.number;
    }
    throw new DeskError(threadNames[command.thread]);
  }

  async proposalLink(cohort: string): Promise<string | undefined> {
    return (await this.#openPull(cohort))?.html_url;
  }

  /**
   * Posts the command as a comment where a coordinator would type it, then waits for Binôme's
   * reply (the first comment after it by a bot that speaks as Binôme). GitHub checks, as for any
   * comment, that the token's owner may write; the workflow checks it again before acting.
   */
  async send(command: DeskCommand): Promise<DeskReply> {
    const number = await this.#thread(command);
    const { data: posted } = await this.#ask(
      this.#octokit.rest.issues.createComment({
        ...this.#repo,
        issue_number: number,
        body: command.line,
      }),
    );
    const deadline = Date.now() + this.#options.replyTimeoutMs;
    while (Date.now() < deadline) {
      await this.#options.sleep(this.#options.pollMs);
      const { data: comments } = await this.#ask(
        this.#octokit.rest.issues.listComments({
          ...this.#repo,
          issue_number: number,
          since: posted.created_at,
          per_page: 100,
        }),
      );
      // Binôme's reply quotes each command it answers: two coordinators acting at once each
      // get their own.
      const reply = comments.find(
        (c) =>
          c.id > posted.id &&
          c.user?.type === 'Bot' &&
          (c.body ?? '').includes('**Binôme**') &&
          (c.body ?? '').includes(`\`${command.line}\``),
      );
      if (reply) {
        const text = plainReply(reply.body ?? '');
        return { text, failed: text.includes('❌'), link: reply.html_url };
      }
    }
    return {
      text: `La commande est publiée (commentaire sur le n° ${number}), mais la réponse de Binôme n’est pas encore arrivée : la tâche « Commandes » est peut-être en attente. Regardez l’onglet Actions du dépôt, puis actualisez cette page.`,
      failed: true,
      link: posted.html_url,
    };
  }
}
