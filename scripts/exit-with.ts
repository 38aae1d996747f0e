// A command-line tool's end: its main's exit code, or the error and `failureCode` when it throws.
export function exitWith(main: () => Promise<number>, failureCode = 1): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(failureCode);
    },
  );
}
