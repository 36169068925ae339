import { createPublicKey, randomBytes, verify } from 'node:crypto';
import {
  checkRequest,
  checkResponse,
  ContractViolation,
  matchOperation,
  type MatchedOperation,
} from './openapi-contract.ts';
import { FakeRepository } from './fake-repository.ts';
import { shapeResponse } from './shape-response.ts';

/** A failure to give instead of the real answer, as GitHub gives them. */
export interface Fault {
  method?: string;
  path?: RegExp;
  status: 403 | 409 | 422 | 429 | 500 | 502 | 503;
  retryAfter?: number;
  times?: number;
}

interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  pull?: { head: string; base: string };
}
interface Comment {
  id: number;
  issue: number;
  body: string;
}

const docs = 'https://docs.github.com/rest';
const failureMessages: Record<number, string> = {
  403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

class HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    this.status = status;
    this.body = body;
  }
}
const fail = (status: number, message: string) =>
  new HttpAnswer(status, { message, documentation_url: docs, status: String(status) });

/**
 * A stateful stand-in for the GitHub REST API of one repository: refs, commits and trees, the
 * contents API, pull requests, issues, comments and labels. Every request and every response is
 * checked against GitHub's published OpenAPI description; a call it does not implement, or any
 * mismatch, is recorded in `violations` (tests assert there are none). Usable in-process
 * (`fetch`, for Octokit's `request.fetch`) or as a server (`handle`, a Request -> Response handler).
 */
export class GitHubStandIn {
  readonly owner: string;
  readonly repo: string;
  readonly git = new FakeRepository();
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly violations: string[] = [];
  /** Every request received: method, path and (parsed) JSON body. */
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  readonly #faults: Fault[] = [];
  /** When set, the repository answers only installation tokens issued to this GitHub App. */
  readonly #app: { id: string; publicKey: string; installationId: number } | undefined;
  readonly #issuedTokens = new Set<string>();
  #nextNumber = 1;
  #nextComment = 1;

  constructor(
    owner = 'clavim',
    repo = 'mentorat-donnees',
    app?: { id: string; publicKey: string; installationId: number },
  ) {
    this.owner = owner;
    this.repo = repo;
    this.#app = app;
  }

  /** GitHub Apps authenticate with a JWT signed by their private key (RS256), then get a token. */
  #issueInstallationToken(authorization: string, installationId: string): HttpAnswer {
    const jwt = authorization.replace(/^bearer /i, '');
    const [header, payload, signature] = jwt.split('.');
    const decode = (part: string | undefined) =>
      JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    try {
      const claims = decode(payload);
      const valid =
        this.#app &&
        decode(header)['alg'] === 'RS256' &&
        verify(
          'RSA-SHA256',
          Buffer.from(`${header}.${payload}`),
          createPublicKey(this.#app.publicKey),
          Buffer.from(signature ?? '', 'base64url'),
        ) &&
        String(claims['iss']) === this.#app.id &&
        Number(claims['exp']) > Date.now() / 1000;
      if (!valid) return fail(401, 'A JSON web token could not be decoded');
    } catch {
      return fail(401, 'A JSON web token could not be decoded');
    }
    if (Number(installationId) !== this.#app!.installationId) return fail(404, 'Not Found');
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.#issuedTokens.add(token);
    return new HttpAnswer(201, {
      token,
      expires_at: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write' },
      repository_selection: 'selected',
    });
  }

  /** Makes the next matching request(s) fail as GitHub would. */
  inject(fault: Fault): void {
    this.#faults.push({ times: 1, ...fault });
  }

  /** The text of a file on a branch, for assertions. */
  file(path: string, branch = 'main'): string | undefined {
    const blob = this.git.treeOf(branch)?.get(path);
    return blob ? this.git.blobs.get(blob) : undefined;
  }

  readonly fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    this.handle(new Request(input, init));

  readonly handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return this.#send(undefined, fail(400, 'Problems parsing JSON'));
    }
    this.requests.push({ method: request.method, path: url.pathname + url.search, body });
    const matched = matchOperation(request.method, url.pathname);
    if (!matched) {
      this.violations.push(
        `Not implemented by the stand-in (and not in the subset): ${request.method} ${url.pathname}`,
      );
      return this.#send(undefined, fail(404, 'Not Found'));
    }
    const authorization = request.headers.get('authorization') ?? '';
    if (!/^(token|bearer) \S+$/i.test(authorization)) {
      return this.#send(matched, fail(401, 'Requires authentication'));
    }
    if (matched.operation.operationId === 'apps/create-installation-access-token') {
      checkRequest(matched, url, body);
      return this.#send(
        matched,
        this.#issueInstallationToken(authorization, matched.params['installation_id']!),
      );
    }
    if (this.#app && !this.#issuedTokens.has(authorization.replace(/^(token|bearer) /i, ''))) {
      return this.#send(matched, fail(401, 'Bad credentials'));
    }
    try {
      checkRequest(matched, url, body);
    } catch (error) {
      this.violations.push((error as Error).message);
      return this.#send(undefined, fail(422, (error as Error).message));
    }
    const fault = this.#takeFault(request.method, url.pathname);
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      if (fault.status === 403 || fault.status === 429) {
        headers['x-ratelimit-remaining'] = '4000';
        headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + 3600);
      }
      return this.#send(matched, fail(fault.status, failureMessages[fault.status]!), headers);
    }
    const { owner, repo } = matched.params;
    if (owner !== this.owner || repo !== this.repo)
      return this.#send(matched, fail(404, 'Not Found'));
    let answer: HttpAnswer;
    try {
      answer = this.#route(matched, url, body as Record<string, unknown>);
    } catch (error) {
      if (error instanceof HttpAnswer) answer = error;
      else throw error;
    }
    return this.#send(matched, answer);
  };

  #takeFault(method: string, path: string): Fault | undefined {
    const index = this.#faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (index === -1) return undefined;
    const fault = this.#faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  #send(
    matched: MatchedOperation | undefined,
    answer: HttpAnswer,
    headers: Record<string, string> = {},
  ): Response {
    const body =
      matched && answer.status < 300
        ? shapeResponse(matched, answer.status, answer.body)
        : answer.body;
    if (matched) {
      try {
        checkResponse(matched.operation, answer.status, body);
      } catch (error) {
        if (error instanceof ContractViolation) this.violations.push(error.message);
        else throw error;
      }
    }
    return new Response(answer.status === 204 ? null : JSON.stringify(body), {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  }

  #api(path: string): string {
    return `https://api.github.com/repos/${this.owner}/${this.repo}${path}`;
  }

  #commitJson(sha: string) {
    const commit = this.git.commits.get(sha)!;
    const person = { name: 'Binôme', email: 'binome@users.noreply.github.com', date: commit.date };
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: this.#api(`/git/commits/${sha}`),
      html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: this.#api(`/git/trees/${commit.tree}`) },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: this.#api(`/git/commits/${p}`),
        html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  #refJson(ref: string) {
    const sha = this.git.refs.get(ref)!;
    return {
      ref: `refs/${ref}`,
      node_id: `REF_${ref}`,
      url: this.#api(`/git/refs/${ref}`),
      object: { type: 'commit', sha, url: this.#api(`/git/commits/${sha}`) },
    };
  }

  #fileJson(path: string, blob: string, content?: string) {
    const name = path.split('/').pop()!;
    const links = {
      self: this.#api(`/contents/${path}`),
      git: this.#api(`/git/blobs/${blob}`),
      html: `https://github.com/${this.owner}/${this.repo}/blob/main/${path}`,
    };
    return {
      type: 'file',
      name,
      path,
      sha: blob,
      size: Buffer.byteLength(this.git.blobs.get(blob) ?? ''),
      url: links.self,
      git_url: links.git,
      html_url: links.html,
      download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/main/${path}`,
      _links: links,
      ...(content !== undefined ? { content, encoding: 'base64' } : {}),
    };
  }

  #issueJson(issue: Issue) {
    const user = { login: 'binome-bot[bot]', id: 1, type: 'Bot' };
    return {
      id: 1000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name, i) => ({
        id: i + 1,
        name,
        color: 'ededed',
        default: false,
        node_id: `L_${name}`,
        url: this.#api(`/labels/${encodeURIComponent(name)}`),
        description: null,
      })),
      user,
      html_url: `https://github.com/${this.owner}/${this.repo}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
      url: this.#api(`/issues/${issue.number}`),
      ...(issue.pull
        ? {
            pull_request: {
              url: this.#api(`/pulls/${issue.number}`),
              html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue.number}`,
              diff_url: null,
              patch_url: null,
            },
          }
        : {}),
    };
  }

  #pullJson(issue: Issue) {
    const branchSide = (branch: string) => ({
      ref: branch,
      label: `${this.owner}:${branch}`,
      sha: this.git.refs.get(`heads/${branch}`) ?? '',
    });
    return {
      ...this.#issueJson(issue),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue.number}`,
      url: this.#api(`/pulls/${issue.number}`),
      head: branchSide(issue.pull!.head),
      base: branchSide(issue.pull!.base),
      merged: false,
      draft: false,
    };
  }

  #issue(number: number): Issue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw fail(404, 'Not Found');
    return issue;
  }

  #route(matched: MatchedOperation, url: URL, body: Record<string, unknown>): HttpAnswer {
    const op = matched.operation.operationId;
    const p = matched.params;
    const query = url.searchParams;
    switch (op) {
      case 'repos/get-content': {
        const ref = query.get('ref') ?? 'main';
        const tree = this.git.treeOf(ref);
        if (!tree) throw fail(404, `No commit found for the ref ${ref}`);
        const blob = tree.get(p['path']!);
        if (blob)
          return new HttpAnswer(
            200,
            this.#fileJson(
              p['path']!,
              blob,
              Buffer.from(this.git.blobs.get(blob)!).toString('base64'),
            ),
          );
        const prefix = `${p['path']!.replace(/\/$/, '')}/`;
        const children = [
          ...new Set(
            [...tree.keys()]
              .filter((k) => k.startsWith(prefix))
              .map((k) => k.slice(prefix.length).split('/')[0]!),
          ),
        ];
        if (!children.length) throw fail(404, 'Not Found');
        return new HttpAnswer(
          200,
          children.map((name) => ({
            ...this.#fileJson(prefix + name, tree.get(prefix + name) ?? ''),
            type: tree.has(prefix + name) ? 'file' : 'dir',
          })),
        );
      }
      case 'repos/create-or-update-file-contents': {
        const branch = (body['branch'] as string | undefined) ?? 'main';
        if (!this.git.refs.has(`heads/${branch}`)) throw fail(404, `Branch ${branch} not found`);
        const existing = this.git.treeOf(branch)!.get(p['path']!);
        const given = body['sha'] as string | undefined;
        if (existing && !given) throw fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
        if (given && given !== existing) throw fail(409, `${p['path']} does not match ${given}`);
        const content = Buffer.from(body['content'] as string, 'base64').toString('utf8');
        const commit = this.git.commitFiles(
          branch,
          new Map([[p['path']!, content]]),
          body['message'] as string,
        );
        const blob = this.git.treeOf(branch)!.get(p['path']!)!;
        return new HttpAnswer(existing ? 200 : 201, {
          content: this.#fileJson(p['path']!, blob),
          commit: this.#commitJson(commit),
        });
      }
      case 'git/get-tree': {
        const tree = this.git.treeOf(p['tree_sha']!);
        if (!tree) throw fail(404, 'Not Found');
        const sha = this.git.resolve(p['tree_sha']!)?.tree ?? p['tree_sha']!;
        const recursive = query.has('recursive');
        const dirs = new Set<string>();
        for (const path of tree.keys())
          path
            .split('/')
            .slice(0, -1)
            .forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
        const entries = [
          ...[...dirs].map((path) => ({
            path,
            mode: '040000',
            type: 'tree',
            sha: this.git.writeTree(new Map()),
            url: this.#api('/git/trees/x'),
          })),
          ...[...tree].map(([path, blob]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: blob,
            size: Buffer.byteLength(this.git.blobs.get(blob)!),
            url: this.#api(`/git/blobs/${blob}`),
          })),
        ].filter((e) => recursive || !e.path.includes('/'));
        return new HttpAnswer(200, {
          sha,
          url: this.#api(`/git/trees/${sha}`),
          truncated: false,
          tree: entries,
        });
      }
      case 'git/create-tree': {
        const base = body['base_tree']
          ? this.git.trees.get(body['base_tree'] as string)
          : new Map<string, string>();
        if (!base) throw fail(422, 'Invalid tree info');
        const entries = new Map(base);
        for (const item of body['tree'] as {
          path: string;
          content?: string;
          sha?: string | null;
        }[]) {
          if (item.sha === null) entries.delete(item.path);
          else
            entries.set(
              item.path,
              item.content !== undefined ? this.git.writeBlob(item.content) : item.sha!,
            );
        }
        const sha = this.git.writeTree(entries);
        return new HttpAnswer(201, {
          sha,
          url: this.#api(`/git/trees/${sha}`),
          truncated: false,
          tree: [...entries].map(([path, blob]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: blob,
          })),
        });
      }
      case 'git/get-commit': {
        if (!this.git.commits.has(p['commit_sha']!)) throw fail(404, 'Not Found');
        return new HttpAnswer(200, this.#commitJson(p['commit_sha']!));
      }
      case 'git/create-commit': {
        const parents = (body['parents'] as string[] | undefined) ?? [];
        if (
          !this.git.trees.has(body['tree'] as string) ||
          parents.some((s) => !this.git.commits.has(s))
        )
          throw fail(422, 'Tree or parent SHA does not exist');
        const sha = this.git.writeCommit({
          tree: body['tree'] as string,
          parents,
          message: body['message'] as string,
        });
        return new HttpAnswer(201, this.#commitJson(sha));
      }
      case 'git/get-ref': {
        if (!this.git.refs.has(p['ref']!)) throw fail(404, 'Not Found');
        return new HttpAnswer(200, this.#refJson(p['ref']!));
      }
      case 'git/create-ref': {
        const ref = (body['ref'] as string).replace(/^refs\//, '');
        if (this.git.refs.has(ref)) throw fail(422, 'Reference already exists');
        if (!this.git.commits.has(body['sha'] as string)) throw fail(422, 'Object does not exist');
        this.git.refs.set(ref, body['sha'] as string);
        return new HttpAnswer(201, this.#refJson(ref));
      }
      case 'git/update-ref': {
        const current = this.git.refs.get(p['ref']!);
        if (!current) throw fail(422, 'Reference does not exist');
        const next = body['sha'] as string;
        if (!this.git.commits.has(next)) throw fail(422, 'Object does not exist');
        if (!body['force'] && !this.git.isAncestor(current, next))
          throw fail(422, 'Update is not a fast forward');
        this.git.refs.set(p['ref']!, next);
        return new HttpAnswer(200, this.#refJson(p['ref']!));
      }
      case 'pulls/list': {
        const head = query.get('head')?.split(':').pop();
        const state = query.get('state') ?? 'open';
        return new HttpAnswer(
          200,
          this.issues
            .filter(
              (i) =>
                i.pull && (state === 'all' || i.state === state) && (!head || i.pull.head === head),
            )
            .map((i) => this.#pullJson(i)),
        );
      }
      case 'pulls/create': {
        const head = (body['head'] as string).split(':').pop()!;
        if (!this.git.refs.has(`heads/${head}`)) throw fail(422, 'Validation Failed: head invalid');
        if (this.issues.some((i) => i.pull?.head === head && i.state === 'open'))
          throw fail(422, `A pull request already exists for ${this.owner}:${head}.`);
        const issue: Issue = {
          number: this.#nextNumber++,
          title: body['title'] as string,
          body: (body['body'] as string) ?? '',
          state: 'open',
          labels: [],
          pull: { head, base: body['base'] as string },
        };
        this.issues.push(issue);
        return new HttpAnswer(201, this.#pullJson(issue));
      }
      case 'pulls/update': {
        const issue = this.#issue(Number(p['pull_number']));
        if (!issue.pull) throw fail(404, 'Not Found');
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
        return new HttpAnswer(200, this.#pullJson(issue));
      }
      case 'pulls/list-files': {
        const issue = this.#issue(Number(p['pull_number']));
        if (!issue.pull) throw fail(404, 'Not Found');
        const head = this.git.treeOf(issue.pull.head) ?? new Map();
        const base = this.git.treeOf(issue.pull.base) ?? new Map();
        const files = [...new Set([...head.keys(), ...base.keys()])].sort().flatMap((filename) => {
          const before = base.get(filename);
          const after = head.get(filename);
          if (before === after) return [];
          const status = !before ? 'added' : !after ? 'removed' : 'modified';
          return [
            {
              sha: after ?? before,
              filename,
              status,
              additions: 0,
              deletions: 0,
              changes: 0,
              blob_url: `https://github.com/${this.owner}/${this.repo}/blob/x/${filename}`,
              raw_url: `https://github.com/${this.owner}/${this.repo}/raw/x/${filename}`,
              contents_url: this.#api(`/contents/${filename}`),
            },
          ];
        });
        return new HttpAnswer(200, files);
      }
      case 'issues/list-for-repo': {
        const labels = query.get('labels')?.split(',').filter(Boolean) ?? [];
        const state = query.get('state') ?? 'open';
        return new HttpAnswer(
          200,
          this.issues
            .filter(
              (i) =>
                (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)),
            )
            .map((i) => this.#issueJson(i)),
        );
      }
      case 'issues/create': {
        const issue: Issue = {
          number: this.#nextNumber++,
          title: body['title'] as string,
          body: (body['body'] as string) ?? '',
          state: 'open',
          labels: ((body['labels'] as string[] | undefined) ?? []).map(String),
        };
        this.issues.push(issue);
        return new HttpAnswer(201, this.#issueJson(issue));
      }
      case 'issues/update': {
        const issue = this.#issue(Number(p['issue_number']));
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
        return new HttpAnswer(200, this.#issueJson(issue));
      }
      case 'issues/list-comments': {
        const issue = this.#issue(Number(p['issue_number']));
        return new HttpAnswer(
          200,
          this.comments.filter((c) => c.issue === issue.number).map((c) => this.#commentJson(c)),
        );
      }
      case 'issues/create-comment': {
        const issue = this.#issue(Number(p['issue_number']));
        const comment = {
          id: this.#nextComment++,
          issue: issue.number,
          body: body['body'] as string,
        };
        this.comments.push(comment);
        return new HttpAnswer(201, this.#commentJson(comment));
      }
      case 'issues/update-comment': {
        const comment = this.comments.find((c) => c.id === Number(p['comment_id']));
        if (!comment) throw fail(404, 'Not Found');
        comment.body = body['body'] as string;
        return new HttpAnswer(200, this.#commentJson(comment));
      }
      case 'issues/add-labels': {
        const issue = this.#issue(Number(p['issue_number']));
        for (const label of (body['labels'] as string[]) ?? [])
          if (!issue.labels.includes(label)) issue.labels.push(label);
        return new HttpAnswer(200, this.#issueJson(issue).labels);
      }
      default:
        this.violations.push(`The stand-in does not implement ${op}.`);
        throw fail(404, 'Not Found');
    }
  }

  #commentJson(comment: Comment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: this.#api(`/issues/comments/${comment.id}`),
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: this.#api(`/issues/${comment.issue}`),
      body: comment.body,
      user: { login: 'binome-bot[bot]', id: 1, type: 'Bot' },
      author_association: 'NONE',
      created_at: '2026-11-23T10:00:00Z',
      updated_at: '2026-11-23T10:00:00Z',
    };
  }
}
