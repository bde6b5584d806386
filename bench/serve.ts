/**
 * The benchmark's app server, in a process of its own (bench/run.ts starts it): the simulator
 * computes large answers on its event loop, and in the benchmark's process that held back the
 * mouse clicks of the usable-row figures. Prints `ready <url>` once listening; SIGTERM closes it.
 */
import { startAppServer, type AppServerOptions } from '../sim/app-server.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as AppServerOptions;
const server = await startAppServer(options);
console.log(`ready ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
