/**
 * Text as the ledger accepts it from people: what PostgreSQL's JSON can store and what a printed
 * card, a CSV or a log line can show without surprises. Control characters (NUL, which PostgreSQL's
 * `jsonb` refuses outright, escape, bell…) and lone UTF-16 surrogates (half of an emoji, not a
 * character at all; `jsonb` refuses them too) are never part of a name, a reason or a reference.
 */

/** The longest text any field takes; a field's own limit is usually far lower. */
export const MAX_TEXT_LENGTH = 2000;

// C0 controls, DEL and C1 controls; line breaks are allowed only in free text. Control characters
// are exactly what these look for, hence the lint exception.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text is refused, in both languages (none: it is fine). */
export type TextProblem = { en: string; zh: string } | undefined;

/**
 * Whether `text` is text the ledger keeps: no control characters (line breaks only where
 * `lineBreaks`), no lone surrogates. Length and emptiness are each field's own rule.
 */
export function textProblem(text: string, options: { lineBreaks?: boolean } = {}): TextProblem {
  if (LONE_SURROGATE.test(text)) {
    return { en: 'must not contain a lone surrogate (broken Unicode)', zh: '含有无效的 Unicode 字符' };
  }
  if ((options.lineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text)) {
    return { en: 'must not contain control characters', zh: '不能含有控制字符' };
  }
  return undefined;
}

/** True when {@link textProblem} finds nothing wrong. */
export function isSafeText(text: unknown, options: { lineBreaks?: boolean } = {}): text is string {
  return typeof text === 'string' && textProblem(text, options) === undefined;
}
