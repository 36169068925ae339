import type { FieldProblem } from './format-errors.ts';
import { isCalendarDate } from './string-formats.ts';

/** Ages, in whole years, between which a role may apply (both included). */
export interface AgeRange {
  min: number;
  max: number;
}

/** What the rules need beyond the application: today's date and the programme's settings. */
export interface RulesContext {
  /** Today, `YYYY-MM-DD`, from the caller's clock. */
  today: string;
  communes: readonly string[];
  mentorCapacityMax: number;
  /** From `eligibility.ages` of the settings. */
  ages: { mentee: AgeRange; mentor: AgeRange };
}

/**
 * The rules also run on a form that fails its schema, so a person sees every problem at once;
 * hence every field here may be missing or of the wrong type, and each rule checks first.
 */
interface LooseForm {
  identity?: { birthDate?: unknown; commune?: unknown; legalRepresentative?: unknown };
  profile?: {
    objectives?: unknown;
    objectiveOther?: unknown;
    sector?: unknown;
    sectors?: unknown;
    sectorOther?: unknown;
    capacity?: unknown;
    eligibility?: { basis?: unknown; schoolCommune?: unknown };
  };
}

/**
 * Civil majority in France (Code civil, article 414): below it, a mentoré needs their legal
 * representative's authorisation. The law's, not the programme's, so not a setting.
 */
export const ageOfMajority = 18;

/** Whether a person born on `birthDate` is a minor on `today` (both `YYYY-MM-DD`). */
export function isMinorOn(birthDate: string, today: string): boolean {
  return isCalendarDate(birthDate) && ageOn(birthDate, today) < ageOfMajority;
}

/** Whole years between `birthDate` and `today`, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Compares commune names as people type them: case, accents, hyphens and spaces do not matter. */
export function sameCommune(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase();
  return fold(a) === fold(b);
}

/** The age of the person on `today`, or undefined when the birth date is missing or impossible. */
function ageOf(form: LooseForm, today: string): number | undefined {
  const birthDate = form.identity?.birthDate;
  return typeof birthDate === 'string' && isCalendarDate(birthDate)
    ? ageOn(birthDate, today)
    : undefined;
}

/** The refusal of an age outside the role's range, which says the range. */
function ageMessage(role: 'mentee' | 'mentor', range: AgeRange): string {
  return role === 'mentee'
    ? `Le programme s’adresse aux étudiants et étudiantes de ${range.min} à ${range.max} ans : vérifiez votre date de naissance.`
    : `Le programme accueille des mentors de ${range.min} à ${range.max} ans : vérifiez votre date de naissance.`;
}

function commonRules(
  form: LooseForm,
  context: RulesContext,
  role: 'mentee' | 'mentor',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const age = ageOf(form, context.today);
  const range = context.ages[role];
  if (age === undefined) {
    // The schema reports a missing, malformed or impossible date.
  } else if (String(form.identity?.birthDate) > context.today) {
    problems.push({
      field: 'identity.birthDate',
      message: 'Vérifiez votre date de naissance : elle est dans le futur.',
    });
  } else if (age < range.min || age > range.max) {
    problems.push({ field: 'identity.birthDate', message: ageMessage(role, range) });
  }
  const objectives = form.profile?.objectives;
  if (Array.isArray(objectives) && objectives.includes('autre') && !form.profile?.objectiveOther) {
    problems.push({
      field: 'profile.objectiveOther',
      message: 'Vous avez coché « Un autre objectif » : décrivez-le en quelques mots.',
    });
  }
  const sector = form.profile?.sector ?? form.profile?.sectors;
  const otherSector = Array.isArray(sector) ? sector.includes('autre') : sector === 'autre';
  if (otherSector && !form.profile?.sectorOther) {
    problems.push({
      field: 'profile.sectorOther',
      message: 'Vous avez choisi « Autre secteur » : indiquez-le en quelques mots.',
    });
  }
  return problems;
}

/**
 * Rules a JSON Schema cannot say, shared by the browser and the intake: the programme's ages; a
 * minor gives their legal representative's contact (who authorises by signing the convention:
 * a minor cannot tick that for them); the programme is for students who
 * live or study in the programme's commune (convention, first paragraph); « autre » needs its
 * text.
 */
export function menteeRules(form: LooseForm, context: RulesContext): FieldProblem[] {
  const problems = commonRules(form, context, 'mentee');
  const age = ageOf(form, context.today);
  if (
    age !== undefined &&
    age < ageOfMajority &&
    !problems.some((p) => p.field === 'identity.birthDate')
  ) {
    if (!form.identity?.legalRepresentative) {
      problems.push({
        field: 'identity.legalRepresentative',
        message:
          'Comme vous avez moins de 18 ans, indiquez les coordonnées de votre représentant légal.',
      });
    }
  }
  const inCommune = (name: unknown) =>
    typeof name !== 'string' || context.communes.some((c) => sameCommune(c, name));
  const basis = form.profile?.eligibility?.basis;
  const schoolCommune = form.profile?.eligibility?.schoolCommune;
  if ((basis === 'habite' || basis === 'les-deux') && !inCommune(form.identity?.commune)) {
    problems.push({
      field: 'identity.commune',
      message: `Indiquez « ${context.communes.join(' » ou « ')} » comme commune de résidence, ou choisissez « J’étudie à ${context.communes.join(' ou ')} ».`,
    });
  }
  if ((basis === 'etudie' || basis === 'les-deux') && !inCommune(schoolCommune)) {
    problems.push({
      field: 'profile.eligibility.schoolCommune',
      message: `Vous indiquez étudier à ${context.communes.join(' ou ')} : la commune de votre établissement doit être celle-ci.`,
    });
  }
  return problems;
}

/** Rules for mentors: the programme's ages, and no more mentorés at once than it allows. */
export function mentorRules(form: LooseForm, context: RulesContext): FieldProblem[] {
  const problems = commonRules(form, context, 'mentor');
  const capacity = form.profile?.capacity;
  const max = context.mentorCapacityMax;
  if (typeof capacity === 'number' && capacity > max) {
    problems.push({
      field: 'profile.capacity',
      message:
        max === 1
          ? 'Le programme prévoit un mentoré par mentor : choisissez 1.'
          : `Le programme prévoit ${max} mentorés au plus par mentor : choisissez de 1 à ${max}.`,
    });
  }
  return problems;
}
