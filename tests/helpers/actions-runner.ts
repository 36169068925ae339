import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';
import { digestLabel, followUpLabel } from '../../schemas/data-layout.ts';
import { folderDelivery } from '../../scripts/commands/delivery.ts';
import { refreshDigest } from '../../scripts/commands/refresh-digest.ts';
import type { GitHubStore } from '../../scripts/store/github-store.ts';
import type { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { run as commandsJob } from '../../workflows/commands/run.ts';
import { recordingCore } from './matching-harness.ts';

/**
 * What GitHub Actions does in a data repository when someone comments: the « Commandes »
 * workflow runs on each new comment, with the App's store, and replies as the App (a bot). Here
 * the stand-in's comments are watched, and the job's own code (workflows/commands/run.ts) runs
 * for each comment a person wrote, as the workflow's trigger would run it.
 */
export function actionsRunner(
  standIn: GitHubStandIn,
  store: GitHubStore,
  now: () => Date,
  /** The run's artifact folder: where the follow-up sheets go, as in the workflow. */
  documents: string,
): { stop(): Promise<void>; runs: number; failures: string[] } {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const seen = new Set(standIn.comments.map((c) => c.id));
  const state = { runs: 0, failures: [] as string[] };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const comment of standIn.comments) {
        if (seen.has(comment.id)) continue;
        seen.add(comment.id);
        if (comment.author?.type === 'Bot') continue;
        const issue = standIn.issues.find((i) => i.number === comment.issue)!;
        const job = recordingCore();
        await commandsJob({
          store,
          core: job.core as never,
          settings,
          now,
          fileUrl: (branch, path) => `https://github.com/o/r/blob/${branch}/${path}`,
          deliver: folderDelivery(
            documents,
            () => 'dans l’artefact « documents » de cette exécution',
          ),
          comment: {
            body: comment.body,
            author: comment.author?.login ?? '',
            authorType: comment.author?.type ?? 'User',
            number: comment.issue,
            isPullRequest: Boolean(issue.pull),
            labels: issue.labels,
          },
        });
        state.runs += 1;
        state.failures.push(...job.failures);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
    get runs() {
      return state.runs;
    },
    failures: state.failures,
  };
}

/**
 * The issues the daily and weekly jobs keep open, as the data repository has them: « Candidatures
 * à examiner » as its workflow left it after the last application, and « Suivi des binômes ».
 */
export async function openJobIssues(
  store: GitHubStore,
): Promise<{ digest: number; followUp: number }> {
  const open = async (label: string, title: string) => {
    const issue = await store.upsertIssue({ label, title, body: '' });
    await store.addLabels(issue.number, [label]);
    return issue.number;
  };
  const { issue: digest } = await refreshDigest(
    store,
    (path) => `https://github.com/o/r/blob/main/${path}`,
  );
  await store.addLabels(digest, [digestLabel]);
  return {
    digest,
    followUp: await open(followUpLabel, 'Suivi des binômes'),
  };
}
