// edtf.js ships no types; only the call we use is declared.
declare module 'edtf' {
  const edtf: (input: string, options?: Record<string, unknown>) => { edtf: string; min: number; max: number };
  export default edtf;
}
