import { runContentSizeBench } from './content-size.bench';
import { runHostLoadBench } from './host-load.bench';
import { runMemoryBench } from './memory.bench';
import { runMutationBurstBench } from './mutation-burst.bench';
import { runPanelLatencyBench } from './panel-latency.bench';

// `npm run bench` builds the extension first, then prints every figure in turn.
// SUFLER_BENCH_ONLY=host,panel,burst,memory,size runs a subset.
const only = new Set((process.env.SUFLER_BENCH_ONLY ?? 'size,host,panel,burst,memory').split(','));
console.log('# Sufler benchmarks', new Date().toISOString());
if (only.has('size')) runContentSizeBench();
if (only.has('host')) await runHostLoadBench();
if (only.has('panel')) await runPanelLatencyBench();
if (only.has('burst')) await runMutationBurstBench();
if (only.has('memory')) await runMemoryBench();
