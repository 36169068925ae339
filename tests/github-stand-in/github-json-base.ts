export const created = '2026-11-23T10:00:00Z';

/** Who a token speaks for: the author GitHub names on what that token creates. */
export interface Author {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** What every answer of the stand-in is made of: its URLs, its people, its repository. */
export class GitHubJsonBase {
  protected readonly owner: string;
  protected readonly repo: string;

  constructor(owner: string, repo: string) {
    this.owner = owner;
    this.repo = repo;
  }

  protected api(path: string): string {
    return `https://api.github.com/repos/${this.owner}/${this.repo}${path}`;
  }

  protected web(path: string): string {
    return `https://github.com/${this.owner}/${this.repo}${path}`;
  }

  protected person(login: string, id: number, type: 'Bot' | 'Organization' | 'User') {
    const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  /**
   * Binôme's GitHub App: the author of every issue, pull request and comment made with a token
   * the stand-in was not told about (`addToken`), or `author` when it was.
   */
  user(author?: Author) {
    return author
      ? this.person(author.login, author.id, author.type)
      : this.person('binome-bot[bot]', 1, 'Bot');
  }

  repository() {
    const api = this.api('');
    return {
      id: 100,
      node_id: 'R_100',
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      private: true,
      owner: this.person(this.owner, 2, 'Organization'),
      html_url: this.web(''),
      description: null,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://github.com/${this.owner}/${this.repo}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.com:${this.owner}/${this.repo}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${this.web('')}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: this.web(''),
      homepage: null,
      language: null,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      size: 1,
      default_branch: 'main',
      open_issues: 0,
      open_issues_count: 0,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'private',
      license: null,
      pushed_at: created,
      created_at: created,
      updated_at: created,
    };
  }

  /** `nullableDescription: false` for pull-request-simple, whose labels always carry a string. */
  label(name: string, index: number, nullableDescription = true) {
    return {
      id: index + 1,
      node_id: `LA_${index + 1}`,
      url: this.api(`/labels/${encodeURIComponent(name)}`),
      name,
      color: 'ededed',
      default: false,
      description: nullableDescription ? null : '',
    };
  }

  protected reactions(path: string) {
    return {
      url: this.api(`${path}/reactions`),
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    };
  }
}
