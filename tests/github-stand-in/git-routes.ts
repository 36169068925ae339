import type { FakeRepository, Tree } from './fake-repository.ts';
import type { GitHubJson } from './github-json.ts';
import { fail, HttpAnswer, type RouteRequest } from './http-answer.ts';
import { ContractViolation } from './openapi-contract.ts';

/**
 * What GitHub answers to a contents PUT without `sha` on a path that exists, word for word (seen
 * in GitHub issues quoting the raw answer, e.g. Shiphero/shbin#26, pksunkara/octonode#249).
 */
export const shaNotSuppliedMessage = 'Invalid request.\n\n"sha" wasn\'t supplied.';

/**
 * The stand-in's Git side over HTTP: the contents API, trees, commits, refs and merges. Every
 * move of a branch is reported to `branchMoved`, which lets the stand-in mark merged the pull
 * requests whose commits just reached their base, as GitHub does.
 */
export class GitRoutes {
  readonly #git: FakeRepository;
  readonly #json: GitHubJson;
  readonly #branchMoved: (branch: string, before: string) => void;

  constructor(
    git: FakeRepository,
    json: GitHubJson,
    branchMoved: (branch: string, before: string) => void,
  ) {
    this.#git = git;
    this.#json = json;
    this.#branchMoved = branchMoved;
  }

  #size(blob: string): number {
    return this.#git.blobs.get(blob)?.byteLength ?? 0;
  }

  /** The contents API on a folder: its direct children, files and sub-folders. */
  #listFolder(tree: Tree, folder: string, ref: string) {
    const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
    const children = new Map<string, Map<string, string>>();
    for (const [path, blob] of tree) {
      if (!path.startsWith(prefix)) continue;
      const name = path.slice(prefix.length).split('/')[0]!;
      const inside = children.get(name) ?? new Map<string, string>();
      inside.set(path, blob);
      children.set(name, inside);
    }
    if (!children.size) throw fail(404, 'Not Found');
    return [...children].map(([name, inside]) => {
      const path = prefix + name;
      const blob = tree.get(path);
      return blob
        ? this.#json.content({ path, type: 'file', sha: blob, size: this.#size(blob), ref })
        : this.#json.content({ path, type: 'dir', sha: this.#git.writeTree(inside), size: 0, ref });
    });
  }

  /** The answer to a Git operation, or undefined for any other operation. */
  route({ operationId, params: p, query, body }: RouteRequest): HttpAnswer | undefined {
    const git = this.#git;
    switch (operationId) {
      case 'repos/get-content': {
        const ref = query.get('ref') ?? 'main';
        const tree = git.treeOf(ref);
        if (!tree) throw fail(404, `No commit found for the ref ${ref}`);
        const path = p['path']!.replace(/\/$/, '');
        const blob = tree.get(path);
        if (!blob) return new HttpAnswer(200, this.#listFolder(tree, path, ref));
        const content = Buffer.from(git.blobs.get(blob)!).toString('base64');
        return new HttpAnswer(
          200,
          this.#json.content({
            path,
            type: 'file',
            sha: blob,
            size: this.#size(blob),
            ref,
            content,
          }),
        );
      }
      case 'repos/create-or-update-file-contents': {
        const branch = (body['branch'] as string | undefined) ?? 'main';
        if (!git.refs.has(`heads/${branch}`)) throw fail(404, `Branch ${branch} not found`);
        const existing = git.treeOf(branch)!.get(p['path']!);
        const given = body['sha'] as string | undefined;
        if (existing && !given)
          throw fail(
            422,
            shaNotSuppliedMessage,
            'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
          );
        if (given && given !== existing) throw fail(409, `${p['path']} does not match ${given}`);
        // The content is base64 of the file's bytes: decoded to bytes, never through a UTF-8
        // string, so that a binary file (a PDF) is stored as sent.
        const content = Buffer.from(body['content'] as string, 'base64');
        const commit = git.commitFiles(
          branch,
          new Map([[p['path']!, content]]),
          body['message'] as string,
        );
        const blob = git.treeOf(branch)!.get(p['path']!)!;
        return new HttpAnswer(existing ? 200 : 201, {
          content: this.#json.content({
            path: p['path']!,
            type: 'file',
            sha: blob,
            size: this.#size(blob),
            ref: branch,
          }),
          commit: this.#json.commit(git.commits.get(commit)!),
        });
      }
      case 'git/get-tree': {
        const tree = git.treeOf(p['tree_sha']!);
        if (!tree) throw fail(404, 'Not Found');
        const sha = git.resolve(p['tree_sha']!)?.tree ?? p['tree_sha']!;
        const recursive = query.has('recursive');
        const folders = new Map<string, Map<string, string>>();
        for (const [path, blob] of tree) {
          const parts = path.split('/');
          for (let i = 1; i < parts.length; i += 1) {
            const folder = parts.slice(0, i).join('/');
            const inside = folders.get(folder) ?? new Map<string, string>();
            inside.set(path, blob);
            folders.set(folder, inside);
          }
        }
        const entries = [
          ...[...folders].map(([path, inside]) =>
            this.#json.treeEntry({ path, type: 'tree', sha: git.writeTree(inside) }),
          ),
          ...[...tree].map(([path, blob]) =>
            this.#json.treeEntry({ path, type: 'blob', sha: blob, size: this.#size(blob) }),
          ),
        ].filter((e) => recursive || !e.path.includes('/'));
        return new HttpAnswer(200, this.#json.tree(sha, entries));
      }
      case 'git/create-tree': {
        const base = body['base_tree']
          ? git.trees.get(body['base_tree'] as string)
          : new Map<string, string>();
        if (!base) throw fail(422, 'Invalid tree info');
        const entries = new Map(base);
        for (const item of body['tree'] as {
          path: string;
          content?: string;
          sha?: string | null;
        }[]) {
          if (item.sha === null) {
            // « Returns an error if you try to delete a file that does not exist. » (GitHub's
            // description of this operation; the message is the one GitHub users report.)
            if (!entries.delete(item.path)) throw fail(422, 'GitRPC::BadObjectState');
          } else if (item.content !== undefined) {
            // Inline content is text: stored as its UTF-8.
            entries.set(item.path, git.writeBlob(item.content));
          } else {
            // A blob named by its sha must exist already (made by git/create-blob); the words
            // are GitHub's answer, quoted in BetaHuhn/repo-file-sync-action#349.
            if (!git.blobs.has(item.sha!))
              throw fail(422, `tree.sha ${item.sha} is not a valid blob`);
            entries.set(item.path, item.sha!);
          }
        }
        const sha = git.writeTree(entries);
        return new HttpAnswer(
          201,
          this.#json.tree(
            sha,
            [...entries].map(([path, blob]) =>
              this.#json.treeEntry({ path, type: 'blob', sha: blob, size: this.#size(blob) }),
            ),
          ),
        );
      }
      case 'git/create-blob': {
        // GitHub's description: `encoding` is `utf-8` (the default) or `base64`. Another value is
        // not modelled: refused as a violation rather than answered unlike GitHub.
        const encoding = (body['encoding'] as string | undefined) ?? 'utf-8';
        if (encoding !== 'utf-8' && encoding !== 'base64')
          throw new ContractViolation(
            `git/create-blob: encoding ${encoding} is neither utf-8 nor base64.`,
          );
        const content = body['content'] as string;
        // Base64 is decoded to bytes, never through a UTF-8 string: a binary file stays as sent.
        const sha = git.writeBlob(
          encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8'),
        );
        return new HttpAnswer(201, this.#json.blob(sha), { location: this.#json.blob(sha).url });
      }
      case 'git/get-commit': {
        const commit = git.commits.get(p['commit_sha']!);
        if (!commit) throw fail(404, 'Not Found');
        return new HttpAnswer(200, this.#json.commit(commit));
      }
      case 'git/create-commit': {
        const parents = (body['parents'] as string[] | undefined) ?? [];
        if (!git.trees.has(body['tree'] as string) || parents.some((s) => !git.commits.has(s)))
          throw fail(422, 'Tree or parent SHA does not exist');
        const sha = git.writeCommit({
          tree: body['tree'] as string,
          parents,
          message: body['message'] as string,
        });
        return new HttpAnswer(201, this.#json.commit(git.commits.get(sha)!));
      }
      case 'git/get-ref': {
        const sha = git.refs.get(p['ref']!);
        if (!sha) throw fail(404, 'Not Found');
        return new HttpAnswer(200, this.#json.ref(p['ref']!, sha));
      }
      case 'git/create-ref': {
        // « If it doesn't start with 'refs' and have at least two slashes, it will be rejected »
        // (GitHub's description); the words are GitHub's answer, quoted in octokit/octokit.rb#675.
        if (!/^refs\/[^/]+\/./.test(body['ref'] as string))
          throw fail(422, 'Reference name must contain at least three slash-separated components.');
        const ref = (body['ref'] as string).replace(/^refs\//, '');
        if (git.refs.has(ref)) throw fail(422, 'Reference already exists');
        if (!git.commits.has(body['sha'] as string)) throw fail(422, 'Object does not exist');
        git.refs.set(ref, body['sha'] as string);
        return new HttpAnswer(201, this.#json.ref(ref, body['sha'] as string));
      }
      case 'git/update-ref': {
        const current = git.refs.get(p['ref']!);
        if (!current) throw fail(422, 'Reference does not exist');
        const next = body['sha'] as string;
        if (!git.commits.has(next)) throw fail(422, 'Object does not exist');
        if (!body['force'] && !git.isAncestor(current, next))
          throw fail(422, 'Update is not a fast forward');
        git.refs.set(p['ref']!, next);
        if (p['ref']!.startsWith('heads/'))
          this.#branchMoved(p['ref']!.slice('heads/'.length), current);
        return new HttpAnswer(200, this.#json.ref(p['ref']!, next));
      }
      case 'git/delete-ref': {
        const ref = p['ref']!;
        // On GitHub, deleting a branch also closes its pull requests: not modelled here, so the
        // stand-in refuses rather than answer unlike GitHub.
        if (ref.startsWith('heads/'))
          throw new ContractViolation(
            `git/delete-ref ${ref}: deleting a branch is not modelled by the stand-in.`,
          );
        // A 422, not a 404, for a ref that does not exist (github/rest-api-description#3358).
        if (!git.refs.delete(ref)) throw fail(422, 'Reference does not exist');
        // Only the ref goes: its commit, tree and blobs stay in the object maps, unreachable but
        // still readable by sha, as GitHub keeps unreachable objects until it collects garbage.
        return new HttpAnswer(204, undefined);
      }
      case 'git/list-matching-refs': {
        // Every ref whose name starts with `refs/<ref>`, in any namespace, sorted by name; an
        // empty array when none does (GitHub's description of « List matching references »).
        const matching = [...git.refs]
          .filter(([ref]) => ref.startsWith(p['ref']!))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return new HttpAnswer(
          200,
          matching.map(([ref, sha]) => this.#json.ref(ref, sha)),
        );
      }
      case 'repos/merge': {
        // Words from GitHub's documentation of this endpoint's failures.
        const baseName = body['base'] as string;
        const base = git.refs.get(`heads/${baseName}`);
        if (!base) throw fail(404, 'Base does not exist');
        const head = git.resolve(body['head'] as string)?.sha;
        if (!head) throw fail(404, 'Head does not exist');
        if (git.isAncestor(head, base)) return new HttpAnswer(204, undefined);
        // Never a fast-forward: GitHub's merges API always makes a merge commit.
        const tree = git.mergeTrees(base, head);
        if (!tree) throw fail(409, 'Merge Conflict');
        const sha = git.writeCommit({
          tree,
          parents: [base, head],
          message:
            (body['commit_message'] as string | undefined) ??
            `Merge ${String(body['head'])} into ${baseName}`,
        });
        git.refs.set(`heads/${baseName}`, sha);
        this.#branchMoved(baseName, base);
        return new HttpAnswer(201, this.#json.repositoryCommit(git.commits.get(sha)!));
      }
      default:
        return undefined;
    }
  }
}
