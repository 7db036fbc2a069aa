/* A page of a list as the API answers it. Types only: the web console compiles against this file. */

/** One page of a list; `nextCursor` is absent on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor?: string;
  /** How many items match the filter over every page, where the list counts them (the register does). */
  total?: number;
}
