import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { AppServer } from '../sim/app-server.ts';
import type { BuildReport } from './build.ts';
import type { SourceMaps } from './profile.ts';
import type { Summary } from './stats.ts';

export type Status = 'met' | 'missed' | 'not measured' | 'error';

export type Figure = {
  id: string;
  title: string;
  target: string;
  status: Status;
  /** The measured value: median of the runs, with min and max (absent when not measured). */
  value?: Summary;
  unit?: string;
  /** What the table shows in the result column. */
  result: string;
  /** Why a target was missed, what was measured exactly, or why nothing was. */
  note?: string;
  details?: Record<string, unknown>;
};

export type LargeSizes = { localGroups: number; remoteGroups: number; memberships: number; remoteUsers: number; resources: number };

export type BenchPage = { context: BrowserContext; page: Page; close: () => Promise<void> };

export type Bench = {
  root: string;
  smoke: boolean;
  /** Runs per figure (at least 5 in a full run, 1 in the smoke). */
  runs: number;
  server: AppServer;
  browser: Browser;
  build: BuildReport;
  /** The build's source maps, to name the code in CPU profiles. */
  maps: SourceMaps;
  sizes: LargeSizes;
  offeringUuid: string;
  /** A staff token valid now (signs in again after a reset). */
  token: () => Promise<string>;
  /** Resets the simulator to the benchmark seed (clears faults). */
  resetSim: () => Promise<void>;
  setFaults: (faults: Record<string, unknown>) => Promise<void>;
  /** A new browser context (cold cache) with the token and the probe; `watch` names selectors to time. */
  newPage: (options?: {
    watch?: Record<string, string | { selector: string; text: string }>;
    context?: BrowserContext;
  }) => Promise<BenchPage>;
  log: (message: string) => void;
};
