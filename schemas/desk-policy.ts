// The coordinators' desk's Content-Security-Policy (issue 15). Here because both its page (a
// `<meta>` tag, for hosts that cannot set headers, such as GitHub Pages) and the servers' headers
// use it, and the schemas are the one layer the site and the scripts may both import.

/** Where the desk lives on the site, under the site's base: `/coordination/`. */
export const deskPath = 'coordination';

/**
 * Scripts from the site only; connections to the site (the local server's side of the desk, the
 * convention's fonts) and to GitHub's API only; nothing framed, no plugin, no form sent anywhere.
 * Styles inline too: the site's stylesheets are inlined in its pages.
 */
export const deskContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self' https://api.github.com; form-action 'none'; " +
  "base-uri 'none'; object-src 'none'";

/** The same as a header, which can also forbid framing (a `<meta>` policy cannot). */
export const deskHeaderPolicy = `${deskContentSecurityPolicy}; frame-ancestors 'none'`;
