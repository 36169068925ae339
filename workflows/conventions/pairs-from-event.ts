/**
 * The pair ids a coordinator typed in the Actions tab (`inputs.binomes` of a `workflow_dispatch`
 * event), read from the event file GitHub writes for the job, never from the step's environment,
 * which the log prints. Empty when absent; `run` refuses anything that is not pair ids.
 */
export function pairsFromEvent(eventJson: string): string {
  try {
    const event = JSON.parse(eventJson) as { inputs?: { binomes?: unknown } };
    return typeof event.inputs?.binomes === 'string' ? event.inputs.binomes : '';
  } catch {
    return '';
  }
}
