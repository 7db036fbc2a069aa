import { useCallback, useRef, useState } from 'react';
import type { Page } from '../types';

/** antd's sorter as the API's `sort` parameter: the column's key, `-` first when descending. */
export function sortOfTable(sorter: unknown): string | undefined {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
    { columnKey?: unknown; field?: unknown; order?: 'ascend' | 'descend' | null } | undefined;
  const key = s?.columnKey ?? s?.field;
  if (!s?.order || (typeof key !== 'string' && typeof key !== 'number')) return undefined;
  return s.order === 'descend' ? `-${key}` : String(key);
}

/** A column's `sortOrder` under the list's `sort`. */
export function sortOrderOf(sort: string | undefined, key: string): 'ascend' | 'descend' | null {
  return sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null;
}

/**
 * Server-side paging over the API's cursor lists for an antd Table: page n is reached by the cursors
 * of the pages before it (kept as they are met; a jump ahead walks the pages between once), and the
 * list's `total` sizes the pager. A new filter or a new sort (the column headers, through
 * `onTableChange`) starts again at page 1: cursors belong to one sort.
 */
export function useCursorPages<Item, Filter>(
  fetchPage: (
    filter: Filter,
    limit: number,
    cursor: string | undefined,
    sort: string | undefined,
  ) => Promise<Page<Item>>,
  initialPageSize = 20,
  initialSort?: string,
) {
  const [sort, setSort] = useState<string | undefined>(initialSort);
  const sortRef = useRef<string | undefined>(initialSort);
  const [items, setItems] = useState<Item[]>();
  const [total, setTotal] = useState<number>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  // cursors[i] opens page i + 1; undefined opens the first.
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const filterRef = useRef<Filter>(undefined);
  // A later request wins: an answer to an older one is dropped.
  const ticket = useRef(0);

  const open = useCallback(
    async (filter: Filter, wanted: number, size: number, fresh: boolean) => {
      const mine = ++ticket.current;
      if (fresh) cursors.current = [undefined];
      filterRef.current = filter;
      setBusy(true);
      setError(undefined);
      try {
        let known = Math.min(wanted, cursors.current.length);
        const by = sortRef.current;
        let result = await fetchPage(filter, size, cursors.current[known - 1], by);
        while (known < wanted && result.nextCursor) {
          cursors.current[known] = result.nextCursor;
          known++;
          result = await fetchPage(filter, size, result.nextCursor, by);
        }
        if (mine !== ticket.current) return;
        if (result.nextCursor) cursors.current[known] = result.nextCursor;
        setItems(result.items);
        setTotal(result.total ?? (known - 1) * size + result.items.length + (result.nextCursor ? 1 : 0));
        setPage(known);
        setPageSize(size);
      } catch (e) {
        if (mine === ticket.current) setError(e as Error);
      } finally {
        if (mine === ticket.current) setBusy(false);
      }
    },
    [fetchPage],
  );

  return {
    items,
    busy,
    error,
    /** Runs a new search from page 1. */
    search: (filter: Filter) => open(filter, 1, pageSize, true),
    /** The API's `sort` the list is read in (undefined: the list's default). */
    sort,
    /** The Table's `onChange`: a click on a sortable header reads the list again, sorted, from page 1. */
    onTableChange: (_pagination: unknown, _filters: unknown, sorter: unknown, extra: { action: string }) => {
      if (extra.action !== 'sort') return;
      sortRef.current = sortOfTable(sorter);
      setSort(sortRef.current);
      void open(filterRef.current as Filter, 1, pageSize, true);
    },
    /** The Table's `pagination` prop. */
    pagination: {
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [20, 50, 100, 200],
      onChange: (next: number, size: number) =>
        size !== pageSize
          ? void open(filterRef.current as Filter, 1, size, true)
          : void open(filterRef.current as Filter, next, size, false),
    },
  };
}
