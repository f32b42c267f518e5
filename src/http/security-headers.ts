import type { RequestHandler } from 'express';

/**
 * Headers every response carries. The bot's pages are opened from LINE chats and hold signed tokens in
 * their URLs: nothing may frame them (clickjacking), guess another type for a file (an uploaded "photo"
 * run as HTML), or send the URL on to another site. JSON and downloads get them too: one rule, no gaps.
 */
export const STRICT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The simulator page: its own scripts, styles and fonts, images from anywhere (flex bubbles show the
 * bot's picture URLs, as LINE does), requests only to itself.
 */
export const SIMULATOR_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' https: http: data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The public transparency page: no script at all; its own stylesheet and font; the charts are inline SVG,
 * whose text ECharts styles with style attributes (attributes only: no <style> element, no script).
 */
export const PUBLIC_PAGE_CSP =
  "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; font-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The onboarding page: no script; its own stylesheets and font; its one form posts only back to itself (the
 * token in the path is the credential, so another site's form cannot post to it without knowing the token).
 */
export const ONBOARD_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function securityHeaders(csp = STRICT_CSP): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': csp,
      'cross-origin-opener-policy': 'same-origin',
    });
    next();
  };
}
