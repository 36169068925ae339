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
  #trees = new Map<string, Promise<Map<string, string> | undefined>>();
  #keyRefs: Promise<Map<string, string>> | undefined;
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

  refresh(): void {
    this.#trees = new Map();
    this.#keyRefs = undefined;
  }

  /** Every file of a branch and its blob's sha; undefined when the branch does not exist. */
  #tree(branch: string): Promise<Map<string, string> | undefined> {
    let tree = this.#trees.get(branch);
    if (!tree) {
      tree = (async () => {
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
      })();
      this.#trees.set(branch, tree);
      // A failed listing is not kept: the next reading asks again.
      tree.catch(() => this.#trees.delete(branch));
    }
    return tree;
  }

  /** A file's text by its blob's sha, fetched once (a record with the same text is the same). */
  #text(sha: string, path: string, ref: string): Promise<string> {
    let text = this.#texts.get(sha);
    if (!text) {
      text = (async () => {
        try {
          const { data } = await this.#octokit.rest.repos.getContent({ ...this.#repo, path, ref });
          if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
            throw new DeskError(`${path} n’est pas un fichier.`);
          return textOfBase64(data.content);
        } catch (error) {
          throw this.#problem(error);
        }
      })();
      this.#texts.set(sha, text);
      text.catch(() => this.#texts.delete(sha));
    }
    return text;
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
      if (!this.#keyRefs) {
        this.#keyRefs = (async () => {
          try {
            const refs = await this.#octokit.paginate(this.#octokit.rest.git.listMatchingRefs, {
              ...this.#repo,
              ref: dataKeys.refPrefix,
            });
            const prefix = `refs/${dataKeys.refPrefix}`;
            return new Map(
              refs
                .filter((r) => r.ref.startsWith(prefix))
                .map((r) => [r.ref.slice(prefix.length), r.object.sha]),
            );
          } catch (error) {
            throw this.#problem(error);
          }
        })();
        this.#keyRefs.catch(() => (this.#keyRefs = undefined));
      }
      const commit = (await this.#keyRefs).get(id);
      // By the key commit's sha, which names its content: read once, however often opened.
      return commit ? this.#text(`key:${commit}`, dataKeys.blobName, commit) : undefined;
    },
  };

  /** The number of the issue or pull request where `command` belongs. */
  async #thread(command: DeskCommand): Promise<number> {
    try {
      if (command.thread === 'pairing') {
        const { data } = await this.#octokit.rest.pulls.list({
          ...this.#repo,
          head: `${this.#repo.owner}:${pairingBranch(command.cohort ?? '')}`,
          state: 'open',
        });
        if (data[0]) return data[0].number;
      } else {
        const { data } = await this.#octokit.rest.issues.listForRepo({
          ...this.#repo,
          labels: command.thread === 'digest' ? digestLabel : followUpLabel,
          state: 'open',
          per_page: 10,
        });
        const issue = data.find((i) => !i.pull_request);
        if (issue) return issue.number;
      }
    } catch (error) {
      throw this.#problem(error);
    }
    throw new DeskError(threadNames[command.thread]);
  }

  async proposalLink(cohort: string): Promise<string | undefined> {
    try {
      const { data } = await this.#octokit.rest.pulls.list({
        ...this.#repo,
        head: `${this.#repo.owner}:${pairingBranch(cohort)}`,
        state: 'open',
      });
      return data[0]?.html_url;
    } catch (error) {
      throw this.#problem(error);
    }
  }

  /**
   * Posts the command as a comment where a coordinator would type it, then waits for Binôme's
   * reply (the first comment after it by a bot that speaks as Binôme). GitHub checks, as for any
   * comment, that the token's owner may write; the workflow checks it again before acting.
   */
  async send(command: DeskCommand): Promise<DeskReply> {
    const number = await this.#thread(command);
    let posted;
    try {
      posted = (
        await this.#octokit.rest.issues.createComment({
          ...this.#repo,
          issue_number: number,
          body: command.line,
        })
      ).data;
    } catch (error) {
      throw this.#problem(error);
    }
    const deadline = Date.now() + this.#options.replyTimeoutMs;
    while (Date.now() < deadline) {
      await this.#options.sleep(this.#options.pollMs);
      let comments;
      try {
        comments = (
          await this.#octokit.rest.issues.listComments({
            ...this.#repo,
            issue_number: number,
            since: posted.created_at,
            per_page: 100,
          })
        ).data;
      } catch (error) {
        throw this.#problem(error);
      }
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
