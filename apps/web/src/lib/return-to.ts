const RETURN_KEY = 'vp.returnTo';
let suppressed = false;

/** After an explicit logout the next login starts at home, not where the last user was. */
export function suppressReturnTo(): void {
  suppressed = true;
  forgetReturnTo();
}
export function allowReturnTo(): void {
  suppressed = false;
}

/** Remembers where the user was going before being sent to the login page (session lost, link opened). */
export function rememberReturnTo(path: string): void {
  if (suppressed) {return;}
  try {
    if (path && !path.startsWith('/login')) {window.sessionStorage.setItem(RETURN_KEY, path);}
  } catch {
    /* ignore */
  }
}

export function peekReturnTo(): string {
  try {
    const v = window.sessionStorage.getItem(RETURN_KEY);
    return v && v.startsWith('/') && !v.startsWith('//') ? v : '/';
  } catch {
    return '/';
  }
}

/** Called once the user is inside the app, and on an explicit logout. */
export function forgetReturnTo(): void {
  try {
    window.sessionStorage.removeItem(RETURN_KEY);
  } catch {
    /* ignore */
  }
}
