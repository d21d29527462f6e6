import { randomInt } from "node:crypto";

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed by a person.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export const generateOneTimePassword = (length = 16): string =>
  Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
