// Plain-language wording for jsonc-parser's syntax error codes, shared by every file users edit by hand
// (tags files, the workspace codebook), so the same mistake reads the same everywhere.

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'badly formed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon (:) was expected',
  CommaExpected: 'a comma (,) was expected',
  CloseBraceExpected: 'a closing brace (}) was expected',
  CloseBracketExpected: 'a closing bracket (]) was expected',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidCommentToken: 'a comment where none is allowed, or a malformed one',
  UnexpectedEndOfComment: 'unfinished comment',
  UnexpectedEndOfString: 'unfinished string (missing closing ")',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape (\\)',
  InvalidCharacter: 'invalid character in a string',
};

/** `code` as printed by jsonc-parser's printParseErrorCode. */
export function describeJsonSyntaxError(code: string): string {
  return MESSAGES[code] ?? code;
}
