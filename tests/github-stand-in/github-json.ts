import type { Commit } from './fake-repository.ts';
import { created, GitHubJsonBase, type Author } from './github-json-base.ts';

export type { Author } from './github-json-base.ts';

export interface Issue {
  number: number;
  title: string;
  /** GitHub answers null for an issue created without a body. */
  body: string | null;
  state: 'open' | 'closed';
  closedAt: string | null;
  labels: string[];
  /** Absent: made with a token the stand-in was not told about (see `GitHubJsonBase.user`). */
  author?: Author;
  closedBy?: Author;
  pull?: {
    head: string;
    base: string;
    /** Once merged: the commit main got, and when. */
    merged?: { sha: string; at: string };
  };
}

export interface Comment {
  id: number;
  issue: number;
  body: string;
  author?: Author;
}

/** One side of a pull request: a branch and the commit it points to. */
export interface PullSide {
  ref: string;
  sha: string;
}

/**
 * The JSON bodies the stand-in answers, complete as they leave it: every field GitHub's
 * description requires for the operations Binôme uses, and every field GitHub was recorded
 * sending for them (tests/github-stand-in/recorded-responses.test.ts). Nothing fills in gaps
 * afterwards: what these methods leave out, the contract check reports.
 */
export class GitHubJson extends GitHubJsonBase {
  issue(issue: Issue, comments: number) {
    const path = `/issues/${issue.number}`;
    const web = this.web(`/${issue.pull ? 'pull' : 'issues'}/${issue.number}`);
    return {
      url: this.api(path),
      repository_url: this.api(''),
      labels_url: this.api(`${path}/labels{/name}`),
      comments_url: this.api(`${path}/comments`),
      events_url: this.api(`${path}/events`),
      html_url: web,
      id: 1000 + issue.number,
      node_id: `I_${issue.number}`,
      number: issue.number,
      title: issue.title,
      user: this.user(issue.author),
      labels: issue.labels.map((name, i) => this.label(name, i)),
      state: issue.state,
      locked: false,
      assignee: null,
      assignees: [],
      milestone: null,
      comments,
      created_at: created,
      updated_at: created,
      closed_at: issue.closedAt,
      author_association: 'NONE' as const,
      active_lock_reason: null,
      body: issue.body,
      closed_by: issue.state === 'closed' ? this.user(issue.closedBy) : null,
      reactions: this.reactions(path),
      timeline_url: this.api(`${path}/timeline`),
      performed_via_github_app: null,
      state_reason: issue.state === 'closed' ? ('completed' as const) : null,
      ...(issue.pull
        ? {
            draft: false,
            pull_request: {
              url: this.api(`/pulls/${issue.number}`),
              html_url: web,
              diff_url: `${web}.diff`,
              patch_url: `${web}.patch`,
              merged_at: issue.pull.merged?.at ?? null,
            },
          }
        : {}),
    };
  }

  #pullSide(side: PullSide) {
    return {
      label: `${this.owner}:${side.ref}`,
      ref: side.ref,
      sha: side.sha,
      user: this.person(this.owner, 2, 'Organization'),
      repo: this.repository(),
    };
  }

  /** pull-request-simple (a listing) or, with `full`, pull-request (one pull request). */
  pull(issue: Issue, sides: { head: PullSide; base: PullSide }, full: boolean) {
    const path = `/pulls/${issue.number}`;
    const web = this.web(`/pull/${issue.number}`);
    const issuePath = `/issues/${issue.number}`;
    const simple = {
      url: this.api(path),
      id: 2000 + issue.number,
      node_id: `PR_${issue.number}`,
      html_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      issue_url: this.api(issuePath),
      commits_url: this.api(`${path}/commits`),
      review_comments_url: this.api(`${path}/comments`),
      review_comment_url: this.api('/pulls/comments{/number}'),
      comments_url: this.api(`${issuePath}/comments`),
      statuses_url: this.api(`/statuses/${sides.head.sha}`),
      number: issue.number,
      state: issue.state,
      locked: false,
      title: issue.title,
      user: this.user(issue.author),
      body: issue.body,
      labels: issue.labels.map((name, i) => this.label(name, i, full)),
      milestone: null,
      active_lock_reason: null,
      created_at: created,
      updated_at: created,
      closed_at: issue.closedAt,
      merged_at: issue.pull!.merged?.at ?? null,
      merge_commit_sha: issue.pull!.merged?.sha ?? null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: this.#pullSide(sides.head),
      base: this.#pullSide(sides.base),
      _links: {
        self: { href: this.api(path) },
        html: { href: web },
        issue: { href: this.api(issuePath) },
        comments: { href: this.api(`${issuePath}/comments`) },
        review_comments: { href: this.api(`${path}/comments`) },
        review_comment: { href: this.api('/pulls/comments{/number}') },
        commits: { href: this.api(`${path}/commits`) },
        statuses: { href: this.api(`/statuses/${sides.head.sha}`) },
      },
      author_association: 'NONE' as const,
      auto_merge: null,
      draft: false,
    };
    if (!full) return simple;
    return {
      ...simple,
      merged: issue.pull!.merged !== undefined,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: issue.pull!.merged ? this.user() : null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0,
    };
  }

  comment(comment: Comment) {
    const path = `/issues/comments/${comment.id}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: this.api(path),
      html_url: this.web(`/issues/${comment.issue}#issuecomment-${comment.id}`),
      issue_url: this.api(`/issues/${comment.issue}`),
      body: comment.body,
      user: this.user(comment.author),
      author_association: 'NONE' as const,
      created_at: created,
      updated_at: created,
      performed_via_github_app: null,
      reactions: this.reactions(path),
    };
  }

  commit(commit: Commit) {
    const person = { name: 'Binôme', email: 'binome@users.noreply.github.com', date: commit.date };
    return {
      sha: commit.sha,
      node_id: `C_${commit.sha.slice(0, 12)}`,
      url: this.api(`/git/commits/${commit.sha}`),
      html_url: this.web(`/commit/${commit.sha}`),
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: this.api(`/git/trees/${commit.tree}`) },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: this.api(`/git/commits/${p}`),
        html_url: this.web(`/commit/${p}`),
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

  /** A commit as the commits API describes it (`commit`), e.g. the one a merge made. */
  repositoryCommit(commit: Commit) {
    const git = this.commit(commit);
    return {
      url: this.api(`/commits/${commit.sha}`),
      sha: commit.sha,
      node_id: git.node_id,
      html_url: git.html_url,
      comments_url: this.api(`/commits/${commit.sha}/comments`),
      commit: {
        url: git.url,
        author: git.author,
        committer: git.committer,
        message: commit.message,
        comment_count: 0,
        tree: git.tree,
        verification: git.verification,
      },
      author: this.user(),
      committer: this.person('web-flow', 19864447, 'User'),
      parents: commit.parents.map((p) => ({
        sha: p,
        url: this.api(`/commits/${p}`),
        html_url: this.web(`/commit/${p}`),
      })),
      stats: { additions: 0, deletions: 0, total: 0 },
      files: [],
    };
  }

  /** What the collaborator permission endpoint says of `login`. */
  collaboratorPermission(
    login: string,
    id: number,
    permission: 'admin' | 'write' | 'read' | 'none',
    roleName: string,
  ) {
    const rank = ['none', 'read', 'write', 'admin'].indexOf(permission);
    return {
      permission,
      role_name: roleName,
      user: {
        ...this.person(login, id, 'User'),
        permissions: {
          pull: rank >= 1,
          triage: rank >= 2 || roleName === 'triage',
          push: rank >= 2,
          maintain: rank >= 2,
          admin: rank >= 3,
        },
        role_name: roleName,
      },
    };
  }

  /** `ref` without its `refs/` prefix, as the stand-in's FakeRepository keys them. */
  ref(ref: string, sha: string) {
    return {
      ref: `refs/${ref}`,
      node_id: `REF_${ref}`,
      url: this.api(`/git/refs/${ref}`),
      object: { type: 'commit', sha, url: this.api(`/git/commits/${sha}`) },
    };
  }

  /** A file or folder as the contents API describes it; a file read alone carries its content. */
  content(entry: {
    path: string;
    type: 'file' | 'dir';
    sha: string;
    size: number;
    ref: string;
    content?: string;
  }) {
    const self = this.api(`/contents/${entry.path}?ref=${encodeURIComponent(entry.ref)}`);
    const git = this.api(`/git/${entry.type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`);
    const html = this.web(`/${entry.type === 'dir' ? 'tree' : 'blob'}/${entry.ref}/${entry.path}`);
    return {
      name: entry.path.split('/').pop()!,
      path: entry.path,
      sha: entry.sha,
      size: entry.size,
      url: self,
      html_url: html,
      git_url: git,
      download_url:
        entry.type === 'dir'
          ? null
          : `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${entry.ref}/${entry.path}`,
      type: entry.type,
      _links: { self, git, html },
      ...(entry.content !== undefined ? { content: entry.content, encoding: 'base64' } : {}),
    };
  }

  treeEntry(entry: { path: string; type: 'blob' | 'tree'; sha: string; size?: number }) {
    return {
      path: entry.path,
      mode: entry.type === 'tree' ? '040000' : '100644',
      type: entry.type,
      sha: entry.sha,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      url: this.api(`/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`),
    };
  }

  /** What git/create-blob answers: the new blob's address and sha (« short-blob »). */
  blob(sha: string) {
    return { url: this.api(`/git/blobs/${sha}`), sha };
  }

  tree(sha: string, entries: unknown[]) {
    return { sha, url: this.api(`/git/trees/${sha}`), truncated: false, tree: entries };
  }

  diffEntry(file: {
    filename: string;
    sha: string;
    status: 'added' | 'removed' | 'modified';
    ref: string;
  }) {
    return {
      sha: file.sha,
      filename: file.filename,
      status: file.status,
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: this.web(`/blob/${file.sha}/${file.filename}`),
      raw_url: this.web(`/raw/${file.sha}/${file.filename}`),
      contents_url: this.api(`/contents/${file.filename}?ref=${encodeURIComponent(file.ref)}`),
    };
  }
}
