// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that Chinese invoices use as the
// taxpayer identification number. Its last character is a check character over the first 17, computed modulo 31
// on an alphabet without I, O, Z, S and V. The embedded organisation code (positions 9–17) carries its own
// GB 11714 check, but codes issued to individual businesses do not always honour it, so only the GB 32100
// check is enforced here: a code the tax bureau issued must never be refused.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = "length" | "characters" | "checkCharacter";

export type CreditCodeVerdict =
  | { valid: true; code: string }
  | { valid: false; problem: CreditCodeProblem; expectedCheckCharacter?: string };

/** The check character for the first 17 characters, or undefined when they contain a character outside the alphabet. */
export const creditCodeCheckCharacter = (first17: string): string | undefined => {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = ALPHABET.indexOf(first17.charAt(index));
    if (value < 0) return undefined;
    sum += value * WEIGHTS[index]!;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
};

/** Checks a code as typed: surrounding spaces are ignored and lower-case letters are read as upper case. */
export const checkUnifiedSocialCreditCode = (input: string): CreditCodeVerdict => {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { valid: false, problem: "length" };
  if (![...code].every((character) => ALPHABET.includes(character))) return { valid: false, problem: "characters" };
  const expected = creditCodeCheckCharacter(code.slice(0, 17))!;
  if (code.charAt(17) !== expected) return { valid: false, problem: "checkCharacter", expectedCheckCharacter: expected };
  return { valid: true, code };
};
