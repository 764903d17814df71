/**
 * A copy of `list` without spare capacity. An array grown by `push` from `[]` keeps room for 17 elements;
 * the tree keeps every array it builds, so its short ones are copied to their exact length (the grown one
 * dies young, which costs the garbage collector nothing).
 */
export function exact<T>(list: T[]): T[] {
  return list.length < 16 ? list.slice() : list;
}
