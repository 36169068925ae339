/** A problem in the data repository, for coordinators: the file, then what is wrong, in French. */
export interface RecordProblem {
  file: string;
  /** Dotted path of the field (`forbidden.0.mentor`), empty for the whole file. */
  field: string;
  /** One French sentence: ids, files and rules, never what a person wrote. */
  message: string;
}
