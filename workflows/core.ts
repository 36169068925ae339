/** The parts of `@actions/core` the job uses, so that tests can pass the real one or their own. */
export interface Core {
  setOutput(name: string, value: string | number): void;
  setFailed(message: string): void;
  info(message: string): void;
  summary: {
    addHeading(text: string, level?: number): Core['summary'];
    addTable(rows: ({ data: string; header?: boolean } | string)[][]): Core['summary'];
    addRaw(text: string, addEOL?: boolean): Core['summary'];
    write(): Promise<unknown>;
  };
}
