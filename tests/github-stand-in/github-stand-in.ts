import { createPublicKey, randomBytes, verify } from 'node:crypto';
import {
  checkRequest,
  checkResponse,
  ContractViolation,
  matchOperation,
  type MatchedOperation,
} from './openapi-contract.ts';
import { Collaborators, type CustomRole, type Role } from './collaborators.ts';
import { answerCorsHeaders, preflightCorsHeaders } from './cors.ts';
import { FakeRepository } from './fake-repository.ts';
import { GitRoutes } from './git-routes.ts';
import { GitHubJson, type Author, type Comment, type Issue, type PullSide } from './github-json.ts';
import { fail, HttpAnswer, type RouteRequest } from './http-answer.ts';
import { authenticatedLimit, RateLimits, unauthenticatedLimit } from './rate-limits.ts';
import {
  acceptedPermissions,
  allows,
  tokenHolder,
  type TokenHolder,
  type TokenOptions,
} from './tokens.ts';

export type { Author, Comment, Issue } from './github-json.ts';
export type { CustomRole, Role } from './collaborators.ts';
export type { Access, Permission, Rights, TokenOptions } from './tokens.ts';
export { shaNotSuppliedMessage } from './git-routes.ts';

/** A failure to give instead of the real answer, as GitHub gives them. */
export interface Fault {
  method?: string;
  path?: RegExp;
  status: 403 | 409 | 422 | 429 | 500 | 502 | 503;
  /** GitHub's `message`; by default the usual one for the status. */
  message?: string;
  retryAfter?: number;
  times?: number;
}

const failureMessages: Record<number, string> = {
  403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * The start of the message of every answer to a request that breaks GitHub's description, or to a
 * call the stand-in does not implement. Its status, 400, is one no store code gives a meaning to,
 * so such a bug can never pass for a business answer (a 404 « absent », a 422 « exists »).
 */
export const violationPrefix = 'Binôme stand-in: contract violation';

/** A preflight the stand-in answered: what the browser asked before its real request. */
export interface Preflight {
  path: string;
  origin: string | null;
  /** `access-control-request-method`. */
  method: string | null;
  /** `access-control-request-headers`, as the browser wrote it (lower case, sorted). */
  headers: string | null;
}

/** Who a request's credentials speak for, once accepted. */
interface Caller {
  /** Undefined: a token the stand-in was not told about, in the modes that accept those. */
  holder?: TokenHolder;
  /** Whose hourly rate limit the request counts against. */
  limitedAs: string;
}

const rateLimitDocs = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/**
 * A stateful stand-in for the GitHub REST API of one repository: refs, commits and trees, the
 * contents API, merges, pull requests, issues, comments, labels and collaborators' permissions
 * (set by tests with `setPermission`). Every request and every response is checked, as it is,
 * against GitHub's published OpenAPI description; a call it does not implement, or any mismatch,
 * is recorded in `violations` and answered 400 (tests/helpers/github-harness.ts fails the test).
 * Usable in-process (`fetch`, for Octokit's `request.fetch`) or as a server (`handle`, a
 * Request -> Response handler).
 */
export class GitHubStandIn {
  readonly owner: string;
  readonly repo: string;
  readonly git = new FakeRepository();
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly violations: string[] = [];
  /** Every request received but preflights: method, path and (parsed) JSON body. */
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  /** Every CORS preflight (OPTIONS) received, apart: GitHub's description has none. */
  readonly preflights: Preflight[] = [];
  readonly #json: GitHubJson;
  readonly #gitRoutes: GitRoutes;
  readonly #collaborators = new Collaborators();
  readonly #faults: Fault[] = [];
  /** When set, the repository answers only installation tokens issued to this GitHub App. */
  readonly #app: { id: string; publicKey: string; installationId: number } | undefined;
  readonly #issuedTokens = new Set<string>();
  readonly #tokens = new Map<string, TokenHolder>();
  readonly #rateLimits = new RateLimits();
  #nextRequest = 1;
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
    this.#json = new GitHubJson(owner, repo);
    this.#gitRoutes = new GitRoutes(this.git, this.#json, (branch, before) =>
      this.#landPullRequests(branch, before),
    );
  }

  /**
   * The body about to be sent for a successful answer, before it is checked. Only tests override
   * it, to break an answer and see the check report it.
   */
  protected beforeCheck(_operationId: string, body: unknown): unknown {
    return body;
  }

  /**
   * GitHub's CORS headers for an answer or, with `preflight`, for the answer to a preflight.
   * Only tests override it, to break them and see a browser refuse.
   */
  protected corsHeaders(preflight: boolean): Readonly<Record<string, string>> {
    return preflight ? preflightCorsHeaders : answerCorsHeaders;
  }

  /**
   * Makes `token` a token of `login` (a fine-grained personal access token, or with type `Bot` a
   * GitHub App's): what it creates names that author, it may do what `rights` allow on the
   * repositories it was given, and it counts against its owner's rate limit. Once a token was
   * added, any other token is refused 401 « Bad credentials », as GitHub refuses a token it does
   * not know (the App's installation tokens, when the stand-in plays an App, are still known).
   */
  addToken(token: string, options: TokenOptions): void {
    this.#tokens.set(token, tokenHolder(options));
  }

  /**
   * Spends every caller's primary rate limit, as if they had used it elsewhere: every request
   * is answered 403 « API rate limit exceeded », `x-ratelimit-remaining: 0`, until
   * `resetInSeconds` have passed (then a fresh hour starts) or `clearRateLimit` is called.
   */
  exhaustRateLimit(resetInSeconds: number): void {
    this.#rateLimits.exhaust(resetInSeconds);
  }

  /** Gives every caller a fresh hour of rate limit. */
  clearRateLimit(): void {
    this.#rateLimits.clear();
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

  /**
   * Gives `login` a role on the repository (`none`: a GitHub user without one, the default;
   * `not a user`: a login GitHub does not know).
   */
  setPermission(login: string, role: Role | CustomRole | 'none' | 'not a user'): void {
    this.#collaborators.set(login, role);
  }

  /** Makes every permission check answer 403 « Resource not accessible by integration ». */
  forbidPermissionChecks(): void {
    this.#collaborators.forbid();
  }

  /**
   * What a coordinator does with the button on GitHub's website: merges open pull request
   * #number into its base (a merge commit, or with `squash` one commit of the changes), marks it
   * merged and closed, and returns main's new commit. Throws if GitHub would not offer it.
   */
  mergePullRequest(number: number, method: 'merge' | 'squash' = 'merge'): string {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue?.pull || issue.state !== 'open')
      throw new Error(`#${number} is not an open pull request.`);
    const base = this.git.refs.get(`heads/${issue.pull.base}`)!;
    const head = this.git.refs.get(`heads/${issue.pull.head}`);
    if (!head || this.git.isAncestor(head, base))
      throw new Error(`#${number} has nothing to merge.`);
    const tree = this.git.mergeTrees(base, head);
    if (!tree) throw new Error(`#${number} has conflicts: GitHub offers no merge button.`);
    const sha = this.git.writeCommit({
      tree,
      parents: method === 'merge' ? [base, head] : [base],
      message: `Merge pull request #${number} from ${this.owner}/${issue.pull.head}`,
    });
    this.git.refs.set(`heads/${issue.pull.base}`, sha);
    this.#markMerged(issue, sha);
    this.#landPullRequests(issue.pull.base, base);
    return sha;
  }

  #markMerged(issue: Issue, sha: string): void {
    const at = this.git.commits.get(sha)!.date;
    issue.pull!.merged = { sha, at };
    issue.state = 'closed';
    issue.closedAt = at;
  }

  /**
   * GitHub marks a pull request merged when its head's commits reach its base by any way (the
   * merges API, a push): those open pull requests whose head was not in `branch` before it moved
   * and is now.
   */
  #landPullRequests(branch: string, before: string): void {
    const now = this.git.refs.get(`heads/${branch}`)!;
    for (const issue of this.issues) {
      if (!issue.pull || issue.state !== 'open' || issue.pull.base !== branch) continue;
      const head = this.git.refs.get(`heads/${issue.pull.head}`);
      if (head && this.git.isAncestor(head, now) && !this.git.isAncestor(head, before))
        this.#markMerged(issue, now);
    }
  }

  /** Makes the next matching request(s) fail as GitHub would. */
  inject(fault: Fault): void {
    this.#faults.push({ times: 1, ...fault });
  }

  /** The text of a file on a branch (its bytes read as UTF-8), for assertions. */
  file(path: string, branch = 'main'): string | undefined {
    return this.fileBytes(path, branch)?.toString('utf8');
  }

  /** The bytes of a file on a branch, exactly as stored, for assertions. */
  fileBytes(path: string, branch = 'main'): Buffer | undefined {
    const blob = this.git.treeOf(branch)?.get(path);
    return blob ? this.git.blobs.get(blob) : undefined;
  }

  readonly fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    this.handle(new Request(input, init));

  /** Every answer, preflight or not, success or failure, carries GitHub's CORS headers. */
  readonly handle = async (request: Request): Promise<Response> => {
    const preflight = request.method === 'OPTIONS';
    const response = preflight ? this.#preflight(request) : await this.#answer(request);
    for (const [name, value] of Object.entries(this.corsHeaders(preflight)))
      response.headers.set(name, value);
    return response;
  };

  /**
   * GitHub answers a preflight on any path, 204 with its fixed lists, without looking at what
   * was asked: the browser then decides whether its request may go.
   */
  #preflight(request: Request): Response {
    const url = new URL(request.url);
    this.preflights.push({
      path: url.pathname + url.search,
      origin: request.headers.get('origin'),
      method: request.headers.get('access-control-request-method'),
      headers: request.headers.get('access-control-request-headers'),
    });
    return new Response(null, { status: 204 });
  }

  /** GitHub's request id, in its shape (five hexadecimal groups), unique to each answer. */
  #requestId(): string {
    const n = (this.#nextRequest++).toString(16).toUpperCase().padStart(6, '0');
    return `57A7:1D0:${n}:${n}:${Math.floor(Date.now() / 1000)
      .toString(16)
      .toUpperCase()}`;
  }

  /**
   * Whom a well-formed token speaks for; undefined for « Bad credentials ». A stand-in told of
   * no token (and playing no App) accepts any token, as the default bot, with every right.
   */
  #caller(token: string): Caller | undefined {
    const holder = this.#tokens.get(token);
    if (holder) return holder.expired ? undefined : { holder, limitedAs: holder.author.login };
    if (this.#issuedTokens.has(token)) return { limitedAs: 'installation' };
    if (this.#app || this.#tokens.size) return undefined;
    return { limitedAs: 'token' };
  }

  /** Whether an issue-number operation's target is a pull request, for the rights it needs. */
  #threadKind(params: Record<string, string>): 'issue' | 'pull' {
    const comment = params['comment_id']
      ? this.comments.find((c) => c.id === Number(params['comment_id']))
      : undefined;
    const number = comment?.issue ?? Number(params['issue_number']);
    return this.issues.find((i) => i.number === number)?.pull ? 'pull' : 'issue';
  }

  #rateLimited(caller: Caller, requestId: string): HttpAnswer {
    const author = caller.holder?.author;
    const who =
      author?.type === 'User' ? `user ID ${author.id}` : `installation ID ${author?.id ?? 1}`;
    const at = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    return fail(
      403,
      `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please ` +
        `include the request ID ${requestId} and timestamp ${at}.`,
      rateLimitDocs,
    );
  }

  async #answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return this.#violation(`${request.method} ${url.pathname}: the body is not JSON.`);
    }
    this.requests.push({ method: request.method, path: url.pathname + url.search, body });
    const matched = matchOperation(request.method, url.pathname);
    if (!matched) {
      return this.#violation(
        `Not implemented by the stand-in (and not in the subset): ${request.method} ${url.pathname}`,
      );
    }
    try {
      checkRequest(matched, url, body);
    } catch (error) {
      if (error instanceof ContractViolation) return this.#violation(error.message);
      throw error;
    }
    const { operationId } = matched.operation;
    const requestId = this.#requestId();
    const authorization = request.headers.get('authorization') ?? '';
    // GitHub counts requests without valid credentials against the caller's address.
    const anonymous = () => ({
      'x-github-request-id': requestId,
      ...this.#rateLimits.spend('anonymous', unauthenticatedLimit, false).headers,
    });
    if (!/^(token|bearer) \S+$/i.test(authorization)) {
      return this.#send(matched, fail(401, 'Requires authentication'), anonymous());
    }
    if (operationId === 'apps/create-installation-access-token') {
      return this.#send(
        matched,
        this.#issueInstallationToken(authorization, matched.params['installation_id']!),
        { 'x-github-request-id': requestId },
      );
    }
    const caller = this.#caller(authorization.replace(/^(token|bearer) /i, ''));
    if (!caller) return this.#send(matched, fail(401, 'Bad credentials'), anonymous());
    const spent = this.#rateLimits.spend(caller.limitedAs, authenticatedLimit);
    const granted = {
      'x-github-request-id': requestId,
      ...spent.headers,
      'x-accepted-github-permissions': acceptedPermissions(operationId),
    };
    if (spent.exceeded) return this.#send(matched, this.#rateLimited(caller, requestId), granted);
    const fault = this.#takeFault(request.method, url.pathname);
    if (fault) {
      const headers: Record<string, string> = { ...granted };
      // A secondary rate limit leaves the primary one as it is: `x-ratelimit-remaining` is not
      // 0, which is how clients (Octokit's throttling) tell the two apart.
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      const message = fault.message ?? failureMessages[fault.status]!;
      return this.#send(matched, fail(fault.status, message), headers);
    }
    const { owner, repo } = matched.params;
    const given = caller.holder?.repositories ?? [`${this.owner}/${this.repo}`];
    // GitHub hides a repository the credentials cannot see behind a 404 on every endpoint, even
    // where its description lists none (delete-ref documents only 204, 409 and 422); a token
    // not given the repository cannot see it.
    if (
      owner !== this.owner ||
      repo !== this.repo ||
      !given.some((r) => r.toLowerCase() === `${owner}/${repo}`.toLowerCase())
    )
      return this.#send(matched, fail(404, 'Not Found'), granted, [404]);
    if (
      caller.holder &&
      !allows(caller.holder.rights, operationId, this.#threadKind(matched.params))
    ) {
      const holder = caller.holder.author.type === 'Bot' ? 'integration' : 'personal access token';
      return this.#send(matched, fail(403, `Resource not accessible by ${holder}`), granted);
    }
    let answer: HttpAnswer;
    try {
      answer = this.#route(matched, url, body as Record<string, unknown>, caller.holder?.author);
    } catch (error) {
      if (error instanceof HttpAnswer) answer = error;
      else if (error instanceof ContractViolation) return this.#violation(error.message);
      else throw error;
    }
    return this.#send(matched, answer, granted);
  }

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

  #violation(message: string): Response {
    this.violations.push(message);
    return json(400, {
      message: `${violationPrefix}: ${message}`,
      documentation_url: 'tests/github-stand-in/openapi-subset.json',
      status: '400',
    });
  }

  /** Sends the answer exactly as built, once GitHub's description has accepted it. */
  #send(
    matched: MatchedOperation,
    answer: HttpAnswer,
    headers: Record<string, string> = {},
    alsoGeneric: readonly number[] = [],
  ): Response {
    const { operationId } = matched.operation;
    const body = answer.status < 300 ? this.beforeCheck(operationId, answer.body) : answer.body;
    try {
      checkResponse(matched.operation, answer.status, body, alsoGeneric);
    } catch (error) {
      if (error instanceof ContractViolation) return this.#violation(error.message);
      throw error;
    }
    return json(answer.status, body, { ...answer.headers, ...headers });
  }

  #issue(number: number): Issue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw fail(404, 'Not Found');
    return issue;
  }

  #issueJson(issue: Issue) {
    return this.#json.issue(issue, this.comments.filter((c) => c.issue === issue.number).length);
  }

  #pullJson(issue: Issue, full: boolean) {
    const side = (branch: string): PullSide => ({
      ref: branch,
      sha: this.git.refs.get(`heads/${branch}`) ?? this.git.resolve(branch)?.sha ?? '',
    });
    return this.#json.pull(
      issue,
      { head: side(issue.pull!.head), base: side(issue.pull!.base) },
      full,
    );
  }

  #edit(issue: Issue, body: Record<string, unknown> | undefined, author: Author | undefined) {
    if (typeof body?.['title'] === 'string') issue.title = body['title'];
    if (typeof body?.['body'] === 'string') issue.body = body['body'];
    if (body?.['state'] === 'open' || body?.['state'] === 'closed') {
      issue.closedAt = body['state'] === 'closed' ? '2026-11-23T10:00:00Z' : null;
      issue.state = body['state'];
      if (body['state'] === 'open') delete issue.closedBy;
      else if (author) issue.closedBy = author;
    }
  }

  #route(
    matched: MatchedOperation,
    url: URL,
    body: Record<string, unknown>,
    author: Author | undefined,
  ): HttpAnswer {
    const request: RouteRequest = {
      operationId: matched.operation.operationId,
      params: matched.params,
      query: url.searchParams,
      body,
    };
    return this.#gitRoutes.route(request) ?? this.#threadRoute(request, author);
  }

  /**
   * Issues, pull requests, comments, labels and collaborators; what they create names `author`
   * (undefined: the default bot, see `GitHubJsonBase.user`).
   */
  #threadRoute(
    { operationId: op, params: p, query, body }: RouteRequest,
    author: Author | undefined,
  ): HttpAnswer {
    const by = author ? { author } : {};
    switch (op) {
      case 'repos/get-collaborator-permission-level':
        return this.#collaborators.answer(p['username']!, this.#json);
      case 'pulls/get': {
        const issue = this.#issue(Number(p['pull_number']));
        if (!issue.pull) throw fail(404, 'Not Found');
        return new HttpAnswer(200, this.#pullJson(issue, true));
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
            .map((i) => this.#pullJson(i, false)),
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
          body: (body['body'] as string | undefined) ?? null,
          state: 'open',
          closedAt: null,
          labels: [],
          pull: { head, base: body['base'] as string },
          ...by,
        };
        this.issues.push(issue);
        return new HttpAnswer(201, this.#pullJson(issue, true));
      }
      case 'pulls/update': {
        const issue = this.#issue(Number(p['pull_number']));
        if (!issue.pull) throw fail(404, 'Not Found');
        this.#edit(issue, body, author);
        return new HttpAnswer(200, this.#pullJson(issue, true));
      }
      case 'pulls/list-files': {
        const issue = this.#issue(Number(p['pull_number']));
        if (!issue.pull) throw fail(404, 'Not Found');
        const head = this.git.treeOf(issue.pull.head) ?? new Map<string, string>();
        const base = this.git.treeOf(issue.pull.base) ?? new Map<string, string>();
        const files = [...new Set([...head.keys(), ...base.keys()])].sort().flatMap((filename) => {
          const before = base.get(filename);
          const after = head.get(filename);
          if (before === after) return [];
          const status = !before ? 'added' : !after ? 'removed' : 'modified';
          const sha = (after ?? before)!;
          return [this.#json.diffEntry({ filename, sha, status, ref: issue.pull!.head })];
        });
        return new HttpAnswer(200, files);
      }
      case 'issues/list-for-repo': {
        const labels = query.get('labels')?.split(',').filter(Boolean) ?? [];
        const state = query.get('state') ?? 'open';
        const listed = this.issues.filter(
          (i) =>
            (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)),
        );
        // GitHub lists the newest first.
        return new HttpAnswer(
          200,
          listed.reverse().map((i) => this.#issueJson(i)),
        );
      }
      case 'issues/create': {
        const issue: Issue = {
          number: this.#nextNumber++,
          title: String(body['title']),
          body: (body['body'] as string | undefined) ?? null,
          state: 'open',
          closedAt: null,
          labels: ((body['labels'] as string[] | undefined) ?? []).map(String),
          ...by,
        };
        this.issues.push(issue);
        return new HttpAnswer(201, this.#issueJson(issue));
      }
      case 'issues/update': {
        const issue = this.#issue(Number(p['issue_number']));
        this.#edit(issue, body, author);
        return new HttpAnswer(200, this.#issueJson(issue));
      }
      case 'issues/list-comments': {
        const issue = this.#issue(Number(p['issue_number']));
        return new HttpAnswer(
          200,
          this.comments.filter((c) => c.issue === issue.number).map((c) => this.#json.comment(c)),
        );
      }
      case 'issues/create-comment': {
        const issue = this.#issue(Number(p['issue_number']));
        const comment: Comment = {
          id: this.#nextComment++,
          issue: issue.number,
          body: body['body'] as string,
          ...by,
        };
        this.comments.push(comment);
        return new HttpAnswer(201, this.#json.comment(comment));
      }
      case 'issues/update-comment': {
        const comment = this.comments.find((c) => c.id === Number(p['comment_id']));
        if (!comment) throw fail(404, 'Not Found');
        comment.body = body['body'] as string;
        return new HttpAnswer(200, this.#json.comment(comment));
      }
      case 'issues/add-labels': {
        const issue = this.#issue(Number(p['issue_number']));
        for (const label of (body?.['labels'] as string[] | undefined) ?? [])
          if (!issue.labels.includes(label)) issue.labels.push(label);
        return new HttpAnswer(200, this.#issueJson(issue).labels);
      }
      default:
        throw new ContractViolation(`The stand-in does not implement ${op}.`);
    }
  }
}
