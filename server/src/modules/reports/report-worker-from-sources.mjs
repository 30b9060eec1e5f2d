/**
 * The report worker as development and the tests run it, from the TypeScript sources: registers tsx with the client's
 * compiler options (its JSX), then loads the client's worker. Registered here rather than by `--import tsx`, which in a
 * worker thread takes only files below the working directory. The bundle needs none of this (report-describer.ts).
 */
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register({ tsconfig: workerData.tsconfig });
const { default: describe } = await import(workerData.worker);
export default describe;
