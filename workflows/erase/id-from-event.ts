/**
 * The id a coordinator typed in the Actions tab, from the event file GitHub writes for the job
 * (`GITHUB_EVENT_PATH`, a `workflow_dispatch` event's `inputs`): never through the step's
 * environment, which the log prints, so that a name typed by mistake stays out of it. Empty
 * when absent; `run` refuses anything that is not an id.
 */
export function idFromEvent(eventJson: string): string {
  try {
    const event = JSON.parse(eventJson) as { inputs?: { id?: unknown } };
    return typeof event.inputs?.id === 'string' ? event.inputs.id : '';
  } catch {
    return '';
  }
}
