// Types for the one function we use from the `punycode` package (RFC 3492), which ships none.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
}
