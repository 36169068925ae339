import { isDay } from '../followup/pair-transitions.ts';
import { frenchDate } from '../text/french-date.ts';
import { frenchMonth } from '../text/french-month.ts';

/** What a report covers: a month, a school year or a cohort (issue 13). */
export interface ReportPeriod {
  /** As typed and as the folder is named: `2026-11`, `2026-2027` or `cohorte-2026-2027`. */
  id: string;
  kind: 'month' | 'school-year' | 'cohort';
  /** For people: « novembre 2026 », « année scolaire 2026-2027 », « cohorte janvier 2027 ». */
  label: string;
  /** First and last days covered, both included (a cohort: from its applications to its end). */
  from: string;
  to: string;
  /** A cohort report counts that cohort's people and pairs, whatever the day. */
  cohort?: string;
  /** A cohort's last day of applications. */
  applicationsClose?: string;
}

/** Why a period cannot be reported on, in French: `npm run report` and the job print it. */
export class ReportPeriodError extends RangeError {
  override name = 'ReportPeriodError';
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * The period `text` names: `AAAA-MM` (a month), `AAAA-AAAA` (a school year, 1 September to
 * 31 August) or `cohorte-AAAA-AAAA` (a cohort of the settings). Pure.
 */
export function reportPeriod(
  text: string,
  cohorts: readonly {
    id: string;
    label: string;
    applicationsOpen: string;
    applicationsClose: string;
    end: string;
  }[],
): ReportPeriod {
  const month = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month)
    return {
      id: text,
      kind: 'month',
      label: frenchMonth(text),
      from: `${text}-01`,
      to: lastDayOf(text),
    };
  const year = /^([0-9]{4})-([0-9]{4})$/.exec(text);
  if (year) {
    if (Number(year[2]) !== Number(year[1]) + 1)
      throw new ReportPeriodError(
        `Une année scolaire s’écrit avec deux années qui se suivent, par exemple ${year[1]}-${Number(year[1]) + 1}.`,
      );
    return {
      id: text,
      kind: 'school-year',
      label: `année scolaire ${text}`,
      from: `${year[1]}-09-01`,
      to: `${year[2]}-08-31`,
    };
  }
  const cohortId = /^cohorte-([0-9]{4}-[0-9]{4})$/.exec(text)?.[1];
  if (cohortId) {
    const cohort = cohorts.find((c) => c.id === cohortId);
    if (!cohort)
      throw new ReportPeriodError(
        `La cohorte ${cohortId} n’est pas dans les réglages du programme (content/programme.yaml) ; cohortes connues : ${cohorts.map((c) => c.id).join(', ')}.`,
      );
    return {
      id: text,
      kind: 'cohort',
      label: `cohorte ${cohort.label}`,
      from: cohort.applicationsOpen,
      to: cohort.end,
      cohort: cohort.id,
      applicationsClose: cohort.applicationsClose,
    };
  }
  throw new ReportPeriodError(
    'La période s’écrit AAAA-MM (un mois, par exemple 2026-11), AAAA-AAAA (une année scolaire, par exemple 2026-2027) ou cohorte-AAAA-AAAA (une cohorte des réglages).',
  );
}

/** The day a report stops counting: the period's last day, or today while it is not over. */
export function reportDay(period: ReportPeriod, today: string): string {
  if (!isDay(today)) throw new RangeError('Not a day.');
  if (today < period.from)
    throw new ReportPeriodError(
      `La période ${period.id} commence le ${frenchDate(period.from)} : il n’y a encore rien à compter.`,
    );
  return today < period.to ? today : period.to;
}

/** The months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to.slice(0, 7)) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}
