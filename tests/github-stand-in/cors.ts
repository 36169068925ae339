/**
 * GitHub's CORS headers, as api.github.com sent them to a browser in 2026 (recorded by public
 * projects with `curl -si https://api.github.com/zen -H 'Origin: …'` and the matching OPTIONS;
 * docs.github.com's « Using CORS and JSONP » page still shows an older, shorter list). A page
 * can read only the headers listed in `access-control-expose-headers`, and send only those
 * listed in `access-control-allow-headers`: a stand-in more generous than GitHub would let a page
 * pass its tests and fail in production, so these are GitHub's lists, word for word.
 */
export const exposedHeaders = [
  'ETag',
  'Link',
  'Location',
  'Retry-After',
  'X-GitHub-OTP',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used',
  'X-RateLimit-Resource',
  'X-RateLimit-Reset',
  'X-OAuth-Scopes',
  'X-Accepted-OAuth-Scopes',
  'X-Poll-Interval',
  'X-GitHub-Media-Type',
  'X-GitHub-SSO',
  'X-GitHub-Request-Id',
  'Deprecation',
  'Sunset',
  'Warning',
].join(', ');

export const allowedHeaders = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Unmodified-Since',
  'Accept-Encoding',
  'X-GitHub-OTP',
  'X-Requested-With',
  'User-Agent',
  'GraphQL-Features',
  'X-Github-Next-Global-ID',
  'X-GitHub-Api-Version',
  'X-Fetch-Nonce',
  'Copilot-Integration-Id',
  'DD-CLIENT-TOKEN',
  'X-Client-Application',
].join(', ');

/** On every answer, whatever its status: GitHub allows any origin, and sends no credentials. */
export const answerCorsHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': exposedHeaders,
};

/** GitHub's answer to any preflight (204, no body), on any path, whatever it asked for. */
export const preflightCorsHeaders: Readonly<Record<string, string>> = {
  ...answerCorsHeaders,
  'access-control-allow-headers': allowedHeaders,
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
  'access-control-max-age': '86400',
};
