export function validateEmail(v: string): string | null {
  const s = v.trim();
  if (!s) return 'Enter your email address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return 'Enter a valid email address, like name@example.com.';
  return null;
}

export function validatePassword(v: string, isNew: boolean): string | null {
  if (!v) return isNew ? 'Choose a password.' : 'Enter your password.';
  if (isNew && v.length < 8) return 'Use at least 8 characters.';
  return null;
}

export function validateName(v: string): string | null {
  if (!v.trim()) return 'Enter your name.';
  if (v.trim().length > 100) return 'Use at most 100 characters.';
  return null;
}
