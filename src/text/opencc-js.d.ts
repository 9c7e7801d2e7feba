// opencc-js ships its conversion tables as modules without typings: each is one string of "from to|from to|…" pairs.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
