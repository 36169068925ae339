/**
 * What a coordinator typed in the Actions tab (`inputs.<name>` of a `workflow_dispatch` event),
 * from the event file GitHub writes for the job (`GITHUB_EVENT_PATH`): never through the step's
 * environment, which the log prints, so that a name typed by mistake stays out of it. Empty when
 * absent or not text; each job refuses what is not the id it expects.
 */
export function inputFromEvent(eventJson: string, name: string): string {
  try {
    const event = JSON.parse(eventJson) as { inputs?: Record<string, unknown> };
    const value = event.inputs?.[name];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
