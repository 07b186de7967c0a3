/**
 * Returns true when a JSON value nests objects and arrays more than `maximum` levels deep. The
 * value itself is level 1 when it is an object or an array. The walk keeps its own stack instead
 * of recursing, so a value nested thousands of levels deep cannot overflow the call stack.
 */
export function exceedsNestingDepth(value: unknown, maximum: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.depth > maximum) return true;

    for (const child of Object.values(current.value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: current.depth + 1 });
    }
  }
  return false;
}
