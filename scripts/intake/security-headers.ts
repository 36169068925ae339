import { deskHeaderPolicy, deskPath } from '../../schemas/desk-policy.ts';

/** Security headers of every page and every answer: nothing loads from elsewhere, nothing frames the site. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** HSTS: only where the site is served over HTTPS (a browser ignores it over HTTP anyway). */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/** The security headers for an answer served from `origin`. */
export function securityHeadersFor(origin: string): Record<string, string> {
  return origin.startsWith('https:')
    ? { ...securityHeaders, 'strict-transport-security': strictTransportSecurity }
    : { ...securityHeaders };
}

/**
 * The coordinators' desk's pages (`/coordination/…`) connect to GitHub's API from the browser:
 * their own, stricter policy replaces the site's (scripts/dev/build-desk.ts).
 */
export function isDeskPath(pathname: string): boolean {
  return pathname === `/${deskPath}` || pathname.startsWith(`/${deskPath}/`);
}

/** The security headers of a page of the site at `pathname`, served from `origin`. */
export function pageSecurityHeaders(origin: string, pathname: string): Record<string, string> {
  const headers = securityHeadersFor(origin);
  if (isDeskPath(pathname)) headers['content-security-policy'] = deskHeaderPolicy;
  return headers;
}
