const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A readable random password (e.g. "Xk7m-Pq4r-Tz9w") for a new account or a reset; it must be changed at first login. */
export function generatePassword(): string {
  const bytes = new Uint32Array(12);
  window.crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  // Make sure every group mixes letters and digits.
  const groups = [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g, i) => {
    g[i + 1] = String(2 + ((bytes[i] ?? 0) % 8));
    return g.join('');
  });
  return groups.join('-');
}
