/**
 * Counts the Intl.DateTimeFormat objects created (with or without `new`) until restored: the first one
 * pages in ICU's formatting data, about 8 MB that stay resident for the process's life.
 */
export function countDateTimeFormats(): { readonly count: number; restore: () => void } {
  const original = Intl.DateTimeFormat;
  const counter = { count: 0, restore: () => void (Intl.DateTimeFormat = original) };
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      counter.count++;
      return new target(...args);
    },
    apply(target, _this, args: Parameters<typeof Intl.DateTimeFormat>) {
      counter.count++;
      return target(...args);
    },
  });
  return counter;
}
