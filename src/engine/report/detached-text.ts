/**
 * V8 keeps a substring as a view into the string it was cut from (a "sliced string"), so
 * a block's text cut from a report keeps the whole report alive for as long as the block
 * is cached, and so do the nodes parsed from it. Typing made a new report string on every
 * keystroke, and the edited block's record pinned that string: a thousand keystrokes in a
 * 600 KB report held hundreds of megabytes, and the garbage collector moved and marked them
 * while the author typed. Cached block texts are therefore copies of their own.
 */
export function detached(text: string): string {
  // Joining makes a string of two parts; slicing it first flattens the parts into one new
  // buffer, and the slice is a view of that buffer, not of the report.
  return ` ${text}`.slice(1);
}
