/** Shown wherever a personal field of an erased household would have been (API, exports, console). */
export const ERASED = '[已删除]';
