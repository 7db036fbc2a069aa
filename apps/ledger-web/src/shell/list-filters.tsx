import { yearText } from '@ledger/contract';
import { Select } from 'antd';
import { label, useT } from '../i18n';

/**
 * The filter pickers the console's lists share (the API's `year`, `form`, `kind` query parameters, see
 * the README's table of lists and filters): one component each, so every list offers them alike.
 */

/** The last twelve calendar years up to `thisYear`, newest first; cleared: every year. */
export function YearSelect({
  value,
  onChange,
  thisYear = new Date().getFullYear(),
}: {
  value?: number;
  onChange: (year?: number) => void;
  thisYear?: number;
}) {
  const { t, lang } = useT();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  return (
    <Select
      aria-label={t.year}
      allowClear
      style={{ width: 120 }}
      value={value}
      onChange={(year?: number) => onChange(year)}
      options={years.map((y) => ({ value: y, label: yearText(y, lang) }))}
    />
  );
}

/**
 * One of a list's codes (a linkage form, a kind of obligation), shown in the console's words; cleared:
 * all. Inside a `Form.Item` the form gives it `value` and `onChange`.
 */
export function CodeSelect<Code extends string>({
  codes,
  value,
  onChange,
  ariaLabel,
}: {
  codes: readonly Code[];
  value?: Code;
  onChange?: (code?: Code) => void;
  ariaLabel: string;
}) {
  const { t } = useT();
  return (
    <Select
      aria-label={ariaLabel}
      allowClear
      style={{ width: 140 }}
      value={value}
      onChange={(code?: Code) => onChange?.(code)}
      options={codes.map((c) => ({ value: c, label: label(t, c) }))}
    />
  );
}
