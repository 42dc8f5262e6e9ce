const m = await import(process.argv[2]!);
await m.runHostLoadBench();
