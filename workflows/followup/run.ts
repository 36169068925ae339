import { pairPath } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { readFollowUpRecords } from '../../scripts/commands/run-followup.ts';
import {
  followUpLabel,
  followUpReport,
  freshLinesComment,
} from '../../scripts/followup/follow-up-report.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import type { Core } from '../core.ts';

export interface FollowUpJobDependencies {
  store: DataStore;
  core: Core;
  settings: ProgrammeSettings;
  now: () => Date;
  /** The web address of a file of the data repository (to link each pair id to its file). */
  fileUrl: (path: string) => string;
}

export { followUpLabel };

/**
 * The weekly « Suivi des binômes » job (issue 12): one issue, updated in place, lists for each
 * pair followed what needs the coordinators and what falls due in the coming days, by pair id
 * only, as a task list whose lines settled since the last run come back ticked. When lines are
 * new, one short comment names their pairs, and GitHub e-mails it to whoever watches the issue.
 * An unreadable file is counted (the validation job names it), never a reason to stop.
 */
export async function run(deps: FollowUpJobDependencies): Promise<void> {
  const { store, core, settings } = deps;
  try {
    const today = dateIn(settings.structure.timeZone, deps.now());
    const records = await readFollowUpRecords(store);
    const build = (previousBody: string) =>
      followUpReport({
        ...records,
        settings,
        today,
        previousBody,
        pairUrl: (id) => deps.fileUrl(pairPath(id)),
      });
    // The issue's body before this run is what `upsertIssue` says it was: the report is built
    // without it, then again with it, and written again when that changes it (ticked lines).
    const blind = build('');
    const issue = await store.upsertIssue({
      label: followUpLabel,
      title: blind.title,
      body: blind.body,
    });
    const report = build(issue.previousBody);
    if (report.body !== blind.body || report.title !== blind.title)
      await store.upsertIssue({ label: followUpLabel, title: report.title, body: report.body });
    if (report.fresh.length > 0)
      await store.addComment(issue.number, freshLinesComment(report.fresh));

    const settledToday = report.settled.filter((l) => l.settledOn === today).length;
    core.setOutput('issue', issue.number);
    core.setOutput('followed', report.followed);
    core.setOutput('open', report.open.length);
    core.setOutput('new', report.fresh.length);
    core.setOutput('settled', settledToday);
    core.setOutput('due', report.due);
    core.setOutput('unreadable', report.unreadable);
    core.info(
      `${report.followed} pair(s) followed; ${report.open.length} open line(s), ${report.fresh.length} new, ${settledToday} settled today; ${report.due} item(s) due.`,
    );
    if (report.unreadable > 0)
      core.info(`${report.unreadable} unreadable record file(s) skipped: see the validation job.`);
    // Counts and pair ids only.
    const newPairs = [...new Set(report.fresh.map((l) => l.pairId))];
    await core.summary
      .addHeading(report.title, 2)
      .addTable([
        [
          { data: 'Binômes suivis', header: true },
          { data: 'Points à traiter', header: true },
          { data: 'Nouveaux', header: true },
          { data: 'Réglés aujourd’hui', header: true },
          { data: 'Attendus sous 7 jours', header: true },
          { data: 'Fichiers illisibles', header: true },
        ],
        [
          report.followed,
          report.open.length,
          report.fresh.length,
          settledToday,
          report.due,
          report.unreadable,
        ].map(String),
      ])
      .addRaw(
        newPairs.length > 0 ? `Binômes avec un nouveau point : ${newPairs.join(', ')}.` : '',
        true,
      )
      .write();
  } catch (error) {
    core.setFailed(
      `Follow-up report could not run: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
    );
  }
}
