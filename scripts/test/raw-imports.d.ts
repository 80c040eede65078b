// Vite's `?raw` imports, which tests use to read a file's text inside workerd.
declare module "*?raw" {
  const text: string;
  export default text;
}
