import { describe, expect, it, vi } from 'vitest';
import {
  buildCsp,
  CONTENT_SECURITY_POLICY,
  PDF_CONTENT_SECURITY_POLICY,
} from '../../../electron/security/csp';
import {
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isPermissionAllowed,
  isTrustedSender,
} from '../../../electron/security/urls';
import { CONTENT_SECURITY_POLICY as WEB_CSP } from '../../../scripts/dev/serve.mjs';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself and never eval or inline scripts', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('has the required directives', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the header the web server sends, which may also connect to any sync server', () => {
    const web = directives(WEB_CSP);
    expect(web.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    web.delete('connect-src');
    const desktop = new Map(csp);
    desktop.delete('connect-src');
    expect(web).toEqual(desktop);
  });

  it('lets the desktop app connect to nothing but itself until a sync server is configured', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the PDF window run nothing and fetch nothing', () => {
    const pdf = directives(PDF_CONTENT_SECURITY_POLICY);
    expect(pdf.get('default-src')).toEqual(["'none'"]);
    expect(pdf.has('script-src')).toBe(false);
    expect(buildCsp({ a: ['x', 'y'], b: ['z'] })).toBe('a x y; b z');
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/postmortem', 'http://wiki.internal:8080/page?q=1'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://rootline/',
    'smb://share/x',
    'vbscript:msgbox',
    'not a url',
    '',
    'https://',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of app://rootline', () => {
    expect(isTrustedSender({ url: 'app://rootline/', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://rootline/incidents/1', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://rootline/', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'app://rootline.evil/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'https://rootline/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///dist/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('permissions and requests', () => {
  it('denies every permission except clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://rootline')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionAllowed(permission, 'app://rootline/')).toBe(false);
    }
  });

  it('lets only app, data and blob requests through', () => {
    expect(isAllowedRequestUrl('app://rootline/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://rootline/1234')).toBe(true);
    expect(isAllowedRequestUrl('https://cdn.example/x.js')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:9000')).toBe(false);
  });
});

describe('hardenWebContents', async () => {
  const { hardenWebContents } = await import('../../../electron/session/harden');

  it('denies pop-ups and navigation, sending only http(s) to the browser', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => {
        openHandler = h;
      },
      on: (name: string, h: (event: { preventDefault(): void }, url: string) => void) => {
        handlers.set(name, h);
      },
    };
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));

    expect(openHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    handlers.get('will-navigate')?.({ preventDefault }, 'file:///etc/passwd');
    handlers.get('will-navigate')?.({ preventDefault }, 'https://example.com/b');
    expect(preventDefault).toHaveBeenCalledTimes(2);
    // Issue 11, item 10: a navigation (possible without any user gesture) opens nothing.
    expect(opened).toEqual(['https://example.com/a']);
    expect(handlers.has('will-attach-webview')).toBe(true);
  });
});
