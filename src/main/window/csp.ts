/**
 * The renderer's Content-Security-Policy, sent as a header with every page the app protocol serves (index.html
 * carries a meta copy too; both apply). No remote origin anywhere, no eval, no inline script. Inline styles stay:
 * naive-ui injects its CSS at run time, and a style cannot run code.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
