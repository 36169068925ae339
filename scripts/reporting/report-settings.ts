/** The reports' settings (content/programme.yaml, `reports`), with the issue's defaults. */
export interface ReportRules {
  threshold: number;
  schedule: string | null;
  delivery: 'commit' | 'pull-request';
}

export const defaultReportRules: ReportRules = {
  threshold: 5,
  schedule: '0 5 2 * *',
  delivery: 'pull-request',
};

/** The settings' `reports`, each missing value taking its default. */
export function reportRulesFrom(settings: { reports?: Partial<ReportRules> }): ReportRules {
  return { ...defaultReportRules, ...settings.reports };
}
