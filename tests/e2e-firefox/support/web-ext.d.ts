// web-ext ships no types; this declares the one call the Firefox e2e makes.
declare module 'web-ext' {
  interface BuildOptions {
    sourceDir: string;
    artifactsDir: string;
    filename?: string;
    overwriteDest?: boolean;
  }
  const webExt: {
    cmd: {
      build(options: BuildOptions, runOptions?: { shouldExitProgram?: boolean }): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
