import type { FormKind } from './validators.ts';

/** Where each form posts, on the intake: the one list the renderer and the intake share. */
export const formRoutes = {
  mentor: '/api/candidatures/mentor',
  mentee: '/api/candidatures/mentee',
  'check-in': '/api/suivi/point-etape',
  bilan: '/api/suivi/bilan',
} as const satisfies Record<FormKind, string>;

/** The form a path of the intake receives (a trailing slash allowed), if any. */
export function formOfPath(pathname: string): FormKind | undefined {
  const path = pathname.replace(/\/$/, '');
  return (Object.keys(formRoutes) as FormKind[]).find((kind) => formRoutes[kind] === path);
}
