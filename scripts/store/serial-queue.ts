/**
 * Runs tasks one at a time, in the order they were queued; a failing task does not stop the
 * ones after it. Keeps concurrent writers to one repository from racing each other.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
