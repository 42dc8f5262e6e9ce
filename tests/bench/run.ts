import { runContentSizeBench } from './content-size.bench';
import { runMutationBurstBench } from './mutation-burst.bench';
import { runPanelLatencyBench } from './panel-latency.bench';

// `npm run bench` builds the extension first, then prints every figure in turn.
console.log('# Sufler benchmarks', new Date().toISOString());
runContentSizeBench();
await runPanelLatencyBench();
await runMutationBurstBench();
