import { describe, expect, it } from 'vitest';
import { afterSignIn, signInPath } from './paths';

describe('sign-in addresses', () => {
  it('remember the page asked for', () => {
    expect(signInPath('/requests/abc?x=1')).toBe('/sign-in?next=%2Frequests%2Fabc%3Fx%3D1');
    expect(afterSignIn('?next=%2Frequests%2Fabc%3Fx%3D1')).toBe('/requests/abc?x=1');
  });

  it('lead only to pages of this app', () => {
    expect(afterSignIn('?next=https%3A%2F%2Fexample.org')).toBe('/');
    expect(afterSignIn('?next=%2F%2Fexample.org')).toBe('/');
    expect(afterSignIn('')).toBe('/');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
